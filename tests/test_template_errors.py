"""A template error is reported where it is: the template file (an included or extended one's own), its line and
the column of the name that is missing; and it is the only error a failed page brings, not one per link to it."""

from __future__ import annotations

from dossier.core.execute.execute import execute
from dossier.core.execute.render import Renderer
from dossier.core.plan.page import data, keyed

PAGE = "<main>\n{% include 'part.html' %}\n</main>\n"


def problem(templates: dict[str, str], context: dict) -> tuple:
    body, (found,) = Renderer(templates).render("page.html", context, "a/index.html")
    assert body == b""
    return found.check, found.file, found.line, found.col


def test_an_undefined_variable_in_an_included_template_is_reported_in_that_template_at_its_name() -> None:
    part = "<p>cards:</p>\n<div>{% if cards %}x{% endif %}</div>\n"
    assert problem({"page.html": PAGE, "part.html": part}, {}) == (
        "template-variable", "templates/part.html", 2, 12)   # the name in the tag, not the word "cards:" above


def test_a_missing_field_is_reported_at_the_dot_that_asks_for_it() -> None:
    part = "<p>{{ user.name }}</p>\n<p>{{ user . nme }}</p>\n"
    assert problem({"page.html": PAGE, "part.html": part}, {"user": {"name": "Ann"}}) == (
        "template-variable", "templates/part.html", 2, 12)


def test_a_misspelt_variable_gets_a_did_you_mean_and_a_missing_field_says_what_the_value_is_in_words() -> None:
    _, (found,) = Renderer({"page.html": "<p>{{ sitee.title }}</p>\n"}).render("page.html", {"site": {}}, "a.html")
    assert found.hint == 'did you mean "site"?'
    _, (found,) = Renderer({"page.html": "<p>{{ site.titel }}</p>\n"}).render("page.html", {"site": {}}, "a.html")
    assert found.message.endswith('"titel" is not a field of this value (a set of named fields)')   # not "(dict)"


def test_an_error_in_the_page_template_itself_and_in_a_base_template_name_their_own_file() -> None:
    assert problem({"page.html": "<p>\n  {{ nothing_here }}</p>\n"}, {}) == (
        "template-variable", "templates/page.html", 2, 6)
    child = "{% extends 'base.html' %}{% block main %}ok{% endblock %}"
    base = "<html>\n<title>{{ title }}</title>\n{% block main %}{% endblock %}\n</html>\n"
    # (the name in the tag, not the element <title> before it)
    assert problem({"page.html": child, "base.html": base}, {}) == ("template-variable", "templates/base.html", 2, 11)


def test_a_name_given_to_a_macro_is_reported_where_the_caller_wrote_it_not_in_the_macro() -> None:
    macro = "{% macro nav(paging) %}\n<nav>{{ paging.pages }}</nav>\n{% endmacro %}\n"
    page = "{% import 'macro.html' as m %}\n<main>\n{{ m.nav(pagin) }}</main>\n"
    assert problem({"page.html": page, "macro.html": macro}, {}) == ("template-variable", "templates/page.html", 3, 10)


def test_a_value_set_from_a_missing_name_is_reported_where_the_name_is_written() -> None:
    page = "{% set x = nothing %}\n<p>\n{{ x }}</p>\n"
    assert problem({"page.html": page}, {}) == ("template-variable", "templates/page.html", 1, 12)


def test_a_name_in_a_quoted_string_or_in_the_text_is_not_where_the_error_is() -> None:
    assert problem({"page.html": "title: {{ 'title' }} {{ title }}"}, {})[2:] == (1, 25)
    assert problem({"page.html": "<p>\n{{ user['nme'] }}</p>"}, {"user": {}})[2:] == (2, 8)


def test_a_name_in_a_tag_that_spans_lines_is_placed_on_its_own_line() -> None:
    assert problem({"page.html": "<p>{{\n    thing |\n  upper }}</p>\n"}, {})[1:] == ("templates/page.html", 2, 5)


def test_a_name_in_a_tag_over_lines_is_found_in_the_frames_own_tag_not_elsewhere_nor_in_a_comment() -> None:
    page = "<h1>{{ page.title }}</h1>\n<p>{{\n  user.title\n}}</p>\n"            # .title is fine on line 1
    assert problem({"page.html": page}, {"page": {"title": "x"}, "user": {}})[1:] == ("templates/page.html", 3, 7)
    macro = "{% macro nav(paging) %}\n<nav>{{ paging.pages }}</nav>\n{% endmacro %}\n"
    call = "{% import 'macro.html' as m %}\n<main>\n{{ m.nav(\n   pagin) }}</main>\n"   # the call over two lines
    assert problem({"page.html": call, "macro.html": macro}, {})[1:] == ("templates/page.html", 4, 4)
    assert problem({"page.html": "{# {{ missing }} #}\n<p>{{ missing }}</p>"}, {})[1:] == ("templates/page.html", 2, 7)


def test_a_missing_template_included_by_another_is_reported_in_the_one_that_includes_it() -> None:
    part = "<p>\n<b>{% include 'nope.html' %}</b></p>\n"   # (at the name: review 58, column 1 of its line before)
    assert problem({"page.html": PAGE, "part.html": part}, {}) == ("template-missing", "templates/part.html", 2, 16)


def test_a_missing_include_does_not_hide_the_mistakes_after_it_and_no_later_page_renders_without_it() -> None:
    """The missing template is read as empty while the page is rendered again: the variable after it is said in
    the same run. The stand-in lasts for that page only: rendered again, it still fails at the include."""
    templates = {"page.html": "{% include 'gone.html' %}\n{% include 'also.html' %}\n<p>{{ titel }}</p>\n"}
    renderer = Renderer(templates)
    body, problems = renderer.render("page.html", {"title": "T"}, "a/index.html")
    assert body == b"" and [(p.check, p.line, p.message.split(": ")[-1]) for p in problems] == [
        ("template-missing", 1, 'template "gone.html" not found'),
        ("template-missing", 2, 'template "also.html" not found'),
        ("template-variable", 3, 'the variable "titel" is not defined')]
    body, problems = renderer.render("page.html", {"title": "T", "titel": "T"}, "b/index.html")
    assert body == b"" and [p.check for p in problems] == ["template-missing", "template-missing"]
    assert Renderer({"page.html": "<p>{{ title }}</p>"}).render("page.html", {"title": "T"}, "c/index.html") == (
        b"<p>T</p>", ())


def test_an_unknown_filter_or_test_is_placed_at_its_name_with_the_one_meant() -> None:
    """Review 58: "No filter named 'uper'" was at column 1 with the generic hint (Jinja knows the filters only
    when it compiles, which the parse that places other mistakes does not do)."""
    _, (found,) = Renderer({"page.html": "<h1>\n  Not found {{ site.title | uper }}</h1>\n"}).render(
        "page.html", {"site": {"title": "T"}}, "a.html")
    assert (found.check, found.line, found.col) == ("template-syntax", 2, 29)
    assert found.hint.startswith('did you mean "upper"?')
    _, (found,) = Renderer({"page.html": "{% if 3 is od %}x{% endif %}"}).render("page.html", {}, "a.html")
    assert (found.check, found.line, found.col) == ("template-syntax", 1, 12) and found.hint.startswith('did you mean "odd"?')


def test_a_misspelt_field_gets_the_field_of_the_view_model_meant() -> None:
    """Review 58: `{{ entity.nmae }}` said only that the field was not one, with the generic hint."""
    _, (found,) = Renderer({"page.html": "<p>{{ entity.nmae }}</p>\n"}).render(
        "page.html", {"entity": {"name": "Cairo", "kind": "place"}, "site": {"title": "T"}}, "a.html")
    assert found.hint == 'did you mean "name"?'


def test_links_to_a_page_that_failed_to_render_are_not_reported_again_but_other_broken_links_are() -> None:
    templates = {"page.html": "<p>{{ nothing_here }}</p>"}
    broken = keyed("a/index.html", "content/a.yaml", (), "page.html", lambda value: value, lambda: {})
    linking = data("b/index.html", "content/b.yaml", (),
                   lambda: b'<a href="/a/">A</a> <a href="/a/#part">part</a> <a href="/c/">C</a>')
    done = execute([broken, linking], Renderer(templates), "/")
    assert [(p.check, p.file, p.message) for p in done.problems] == [
        ("template-variable", "templates/page.html",
         'template error while rendering a/index.html: the variable "nothing_here" is not defined'),
        ("links", "_site/b/index.html", "broken link: /c/")]
    assert done.paths == ("b/index.html",) and done.failed == ("a/index.html",)
