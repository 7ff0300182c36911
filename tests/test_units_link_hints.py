"""What an editor is told of a link no page can have (dossier/core/load/link_hints.py), unit by unit."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dossier.core.load.link_hints import RELATIVE, refused, relative
from dossier.core.load.model import Origin
from dossier.core.load.registry_place import where


@pytest.mark.parametrize("target, is_relative", [
    ("../other/", True), ("page.html", True), ("./x", True), ("über/", True),
    ("/articles/a/", False), ("#a-x", False), ("?q=1", False), ("https://e.org/", False), ("mailto:a@b", False),
    ("tel:+1", False), ("article:a", False), ("", False), (" x", False),
])
def test_a_relative_link_is_a_path_that_does_not_start_at_the_sites_root(target: str, is_relative: bool) -> None:
    assert bool(RELATIVE.match(target)) is is_relative


def test_the_hint_for_a_relative_link_names_where_it_leads_from_the_notes_article() -> None:
    names_nothing = lambda kind, ident, fragment: ident == "gone"  # noqa: E731
    said = "a relative link leads somewhere else from each page that shows this text"
    assert relative("../b/#a-x", "a", names_nothing) == (
        said, 'did you mean "article:b#a-x"? (where it leads from the article\'s page); write article:, entity:, '
              "compare: or tag: links, or site paths such as /articles/<slug>/")
    assert relative("../../entities/e/", "a", names_nothing)[1].startswith('did you mean "entity:e"?')
    assert relative("../../sources/", "a", names_nothing)[1].startswith('did you mean "/sources/"?')
    assert relative("../gone/", "a", names_nothing)[1].startswith("write article:")
    assert relative("x.html", None, names_nothing)[1].startswith("write article:")
    assert relative("../../#top", "a", names_nothing)[1].startswith('did you mean "/#top"?')


@pytest.mark.parametrize("target", ["../index.html", "x.html", "../../static/", "../../tags/"])
def test_a_relative_link_to_where_no_page_is_offers_no_path(target: str) -> None:
    """Review 71: "../index.html" was offered as "/articles/index.html", which the build then said was broken."""
    assert relative(target, "a", lambda *named: False)[1].startswith("write article:, entity:, compare: or tag:")


def test_a_refused_target_of_our_own_kinds_offers_the_id_it_was_meant_as() -> None:
    at = Origin("content/articles/a.yaml", 8, 20)
    known = SimpleNamespace(articles=frozenset({"a"}), entities=frozenset({"ron-dermer"}),
                            comparisons=frozenset(), tags=frozenset())
    problem = refused("entity:Ron Dermer", at, "a note", known)
    assert (problem.line, problem.col, problem.check) == (8, 20, "links")
    assert problem.hint == 'did you mean "entity:ron-dermer"?'
    assert refused("entity:Ron Dermerr", at, "a note", known).hint == 'did you mean "entity:ron-dermer"?'
    assert refused("javascript:alert(1)", at, "a note", known).message == \
        'link target "javascript:alert(1)" is not allowed in a note'


def test_a_refused_target_that_only_shares_letters_with_an_id_offers_none() -> None:
    """difflib's ratio offered "israel" for a link written `entity:Iran`, another country (similar.py)."""
    at = Origin("content/articles/a.yaml", 8, 20)
    known = SimpleNamespace(articles=frozenset({"rafah-rift"}), entities=frozenset({"israel"}),
                            comparisons=frozenset(), tags=frozenset(), entities_in=where("entities", ()))
    assert refused("entity:Iran", at, "a note", known).hint == "after entity: write a key of content/entities.yaml"
    assert refused("article:Rafah Rift 2", at, "a note", known).hint.startswith("after article: write")
    # (entities kept in content/entities/ only: the hint names the files they are in, review 145)
    known.entities_in = where("entities", ["content/entities/people.yaml", "content/entities/places.yaml"])
    hint = refused("entity:Iran", at, "a note", known).hint
    assert hint == "after entity: write a key of a file of content/entities/"


def test_an_address_with_a_space_is_told_to_write_it_as_percent_20() -> None:
    """An https address with a space was told to "use http(s), mailto, …", which it did (helper 81's finding)."""
    problem = refused("https://example.org/a b.pdf", Origin("a.yaml", 3, 5), "a note", None)
    assert problem.message.endswith("it has a space")
    assert problem.hint == "write each space in the address as %20: https://example.org/a%20b.pdf"
    assert refused("java\tscript:x", Origin("a.yaml", 3, 5), "a note", None).hint.startswith("use http(s)")


@pytest.mark.parametrize("target", ["en.wikipedia.org/wiki/Joe_Biden", "www.jpost.com", "apnews.com/article/x",
                                    "www.example/a"])
def test_a_web_address_without_its_scheme_is_offered_with_https(target: str) -> None:
    """Review 135: "en.wikipedia.org/wiki/Joe_Biden" was told of relative links and site paths; it is an address."""
    message, hint = relative(target, "a", lambda *named: False)
    assert hint == f'did you mean "https://{target}"?' and "not as a web address" in message


@pytest.mark.parametrize("target", ["page.html", "report.pdf", "../x.html", "files/a.docx"])
def test_a_file_name_is_no_web_address(target: str) -> None:
    assert "https://" not in relative(target, "a", lambda *named: False)[1]
