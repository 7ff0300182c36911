"""Link problems of the output said once, and where a template writes them (dossier/core/execute/link_places.py)."""

from __future__ import annotations

from dossier.core.common.errors import error
from dossier.core.execute.link_places import editors_own, names_in_error, placed_once

TEMPLATES = {"base.html": "<!doctype html>\n<nav>\n  <a href=\"/nowhere/\">x</a>\n</nav>\n",
             "page.html": "{% extends \"base.html\" %}\n<a href=\"/also/\">y</a>\n",
             "other.html": "<a href=\"/also/\">z</a>\n"}


def broken(page: str, href: str):
    return error(f"_site/{page}", 0, 0, f"broken link: {href}", "no page is written at that path", "links")


def test_a_link_on_many_pages_is_one_problem_at_the_template_that_writes_it() -> None:
    note = error("content/articles/a.yaml", 3, 1, "a note problem", "", "links")
    problems = [note, broken("a/index.html", "/nowhere/"), broken("b/index.html", "/nowhere/"),
                broken("b/index.html", "/also/"), broken("c/index.html", "/nowhere/")]
    out = placed_once(problems, TEMPLATES)
    assert out[0] == note                                        # not an output problem: as it was
    assert [(p.file, p.line, p.col, p.message) for p in out[1:]] == [
        ("templates/base.html", 3, 12, "broken link: /nowhere/ (on 3 pages, the first a/index.html)"),
        # written in two templates: which one is to blame cannot be told, so the page stays the place
        ("_site/b/index.html", 0, 0, "broken link: /also/")]


def test_a_link_no_template_writes_as_such_keeps_its_page_and_says_how_many() -> None:
    out = placed_once([broken("a/index.html", "/sub/gone/"), broken("b/index.html", "/sub/gone/")], TEMPLATES)
    assert [(p.file, p.message) for p in out] == [("_site/a/index.html",
                                                   "broken link: /sub/gone/ (on 2 pages, the first a/index.html)")]


def test_an_address_written_in_several_places_is_said_at_each_of_them() -> None:
    """Review 58: a broken address written in two editors' files (or in one and in the template) was one error
    per page at `_site/<page>` with no line: now one at each place that writes it, each to be mended."""
    problems = [broken("a/index.html", "/nowhere/"), broken("b/index.html", "/nowhere/")]
    out = placed_once(problems, TEMPLATES, content=lambda href: [("content/articles/a.yaml", 9, 20)])
    assert [(p.file, p.line, p.col, p.message) for p in out] == [
        ("content/articles/a.yaml", 9, 20, "broken link: /nowhere/ (on 2 pages, the first a/index.html)"),
        ("templates/base.html", 3, 12, "broken link: /nowhere/ (on 2 pages, the first a/index.html)")]
    twice = [("content/articles/a.yaml", 9, 20), ("content/comparisons/b.yaml", 4, 11)]
    out = placed_once([broken("a/index.html", "/gone/")] * 2, TEMPLATES, content=lambda href: twice)
    assert [(p.file, p.line, p.col) for p in out] == twice and all("(on 2 pages, the first a/index.html)" in p.message
                                                                   for p in out)


def test_an_editors_own_broken_address_is_told_apart_from_one_to_a_page_an_input_error_may_have_lost() -> None:
    """Such a link is said also when the inputs have errors elsewhere (pipeline._result): a site path that names
    no article, entity, comparison or tag page, written in content/ or site.yaml."""
    def at(file: str, href: str):
        return error(file, 3, 4, f"broken link: {href} (on a/index.html)", "no page is written at that path", "links")
    assert editors_own(at("content/articles/a.yaml", "/source/"), "/")
    assert editors_own(at("site.yaml", "/sub/source/"), "/sub/")
    assert not editors_own(at("content/articles/a.yaml", "/articles/lost/"), "/")
    assert not editors_own(at("content/articles/a.yaml", "/sub/entities/x/#n-1"), "/sub/")
    assert not editors_own(at("_site/a/index.html", "/source/"), "/")
    assert not editors_own(at("templates/base.html", "/source/"), "/")


def test_an_address_one_place_of_the_dossiers_own_files_writes_is_one_problem_there() -> None:
    """A note's broken link is on its article's page and its tags' pages: said once, at the note's link."""
    problems = [broken("articles/a/index.html", "/gone/"), broken("tags/x/index.html", "/gone/"),
                broken("articles/a/index.html", "/other/")]
    out = placed_once(problems, TEMPLATES, content=lambda href: [("content/articles/a.yaml", 9, 20)]
                      if href == "/gone/" else [])
    assert [(p.file, p.line, p.col, p.message) for p in out] == [
        ("content/articles/a.yaml", 9, 20, "broken link: /gone/ (on 2 pages, the first articles/a/index.html)"),
        ("_site/articles/a/index.html", 0, 0, "broken link: /other/")]



def test_a_broken_fragment_an_editors_file_writes_is_said_beside_errors_that_cannot_explain_it() -> None:
    """A note's /sources/#jerusalem-postt was left unsaid while an unrelated date was wrong (pipeline._result):
    it is said unless its page or its element is named after an article or comparison with an error, or an
    error elsewhere may change any page's elements (wrong: None)."""
    def at(file: str, href: str):
        return error(file, 3, 4, f"broken fragment: {href} (on a/index.html)", "no element", "links")
    wrong = {"b", "talks"}
    assert editors_own(at("content/entities.yaml", "/sources/#jerusalem-postt"), "/", wrong)
    assert editors_own(at("content/articles/a.yaml", "/sub/entities/x/#mentions-x"), "/sub/", wrong)
    assert not editors_own(at("content/articles/a.yaml", "/articles/b/#a-gone"), "/", wrong)
    assert not editors_own(at("content/articles/a.yaml", "/compare/talks/#w-a"), "/", wrong)
    assert not editors_own(at("content/articles/a.yaml", "/passages/#p-2-b"), "/", wrong)
    assert editors_own(at("content/articles/a.yaml", "/articles/bb/#a-x"), "/", wrong)   # ("b" only as a word)
    assert not editors_own(at("content/entities.yaml", "/sources/#jerusalem-postt"), "/", None)
    assert not editors_own(at("content/entities.yaml", "/sources/#jerusalem-postt"), "/")
    assert not editors_own(at("_site/a/index.html", "/sources/#x"), "/", wrong)


def test_the_names_in_error_are_the_articles_and_comparisons_with_errors_else_none() -> None:
    date = error("content/articles/2024/b.yaml", 6, 7, "not a day", "", "date-impossible")
    seed = error("seeds/c.txt", 3, 1, "a merge conflict", "", "seed-conflict")
    talks = error("content/comparisons/talks.yaml", 7, 14, "unknown article", "", "witness-unknown-article")
    link = error("content/articles/a.yaml", 4, 5, "unknown comparison", "", "links")
    assert names_in_error([date, seed, talks, link], {"c.txt": "c-slug"}) == {"b", "c-slug", "talks", "passages"}
    assert names_in_error([link], {}) == set()
    assert names_in_error([date, error("content/sources.yaml", 1, 1, "bad", "", "yaml-syntax")], {}) is None
    assert names_in_error([error("site.yaml", 1, 1, "bad", "", "schema-type")], {}) is None
