"""Template overrides that can change nothing are said (dossier/core/execute/template_lint.py)."""

from __future__ import annotations

from dossier.core.execute.template_lint import lint

BASE = "<html>{% block head %}{% endblock %}{% block main %}{% endblock %}</html>\n"
TEMPLATES = {
    "base.html": BASE,
    "page.html": '{% extends "base.html" %}\n{% block main %}{% include "_part.html" %}{% endblock %}\n',
    "_part.html": "<p>part</p>\n",
    "tag.html": '{% extends "base.html" %}\n{% block main %}tags{% endblock %}\n',
}


def said(problems) -> list[tuple[str, int, int, str, str]]:
    return [(p.file, p.line, p.col, p.message, p.hint) for p in problems]


def test_a_template_the_project_has_is_never_unused_and_one_reached_by_include_is_used() -> None:
    assert lint(TEMPLATES, ["page.html"], added=["_part.html"]) == ()   # tag.html: the project's, not needed here


def test_an_added_template_no_page_reaches_is_a_warning_with_the_closest_name() -> None:
    templates = {**TEMPLATES, "pgae.html": '{% extends "base.html" %}\n'}
    assert said(lint(templates, ["page.html"], added=["pgae.html"])) == [
        ("templates/pgae.html", 0, 0, "no page uses this template, so it changes nothing",
         'did you mean "page.html"?')]


def test_a_block_its_parents_do_not_have_is_a_warning_at_its_name_but_a_nested_new_block_is_fine() -> None:
    templates = {**TEMPLATES, "page.html": '{% extends "base.html" %}\n{% block mian %}x{% endblock %}\n'
                                           '{% block main %}{% block inner %}{% endblock %}{% endblock %}\n'}
    assert said(lint(templates, ["page.html"], added=[])) == [
        ("templates/page.html", 2, 10, 'block "mian" is not in base.html (nor in what it extends), so it is never '
                                       "shown", 'did you mean "main"?')]


def test_a_template_named_by_a_variable_leaves_unknown_what_is_used() -> None:
    templates = {**TEMPLATES, "page.html": "{% include which %}\n", "extra.html": "x\n"}
    assert lint(templates, ["page.html"], added=["extra.html"]) == ()
