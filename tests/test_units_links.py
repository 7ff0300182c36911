"""Unit tables for links and small page pieces: the site's URL scheme, the link targets of editors' Markdown,
word boundaries, visible controls in rendered values, the entity graph, and a captured page's address."""

from __future__ import annotations

import pytest

from dossier.core.analyse.entity_graph import neighbours
from dossier.core.text.markdown import link_targets, render_block, resolve_links_for_export, sidenote_ref
from dossier.core.capture.page_guess import page_address, site_names
from dossier.core.capture.pagemeta import read_page
from dossier.core.execute.render import visible_controls
from dossier.core.plan.views import first_words
from dossier.core.common.urls import Urls
from dossier.core.text.wordbounds import inside_word

SUB = Urls("/d/")


@pytest.mark.parametrize("made, url", [
    (SUB.link("articles/x/index.html"), "/d/articles/x/"),
    (SUB.link("static/site.css"), "/d/static/site.css"),
    (SUB.home, "/d/"),
    (SUB.article("x"), "/d/articles/x/"),
    (SUB.article_md("x"), "/d/articles/x.md"),
    (SUB.annotation("x", "q1"), "/d/articles/x/#a-q1"),
    (SUB.entity("antony-blinken"), "/d/entities/antony-blinken/"),
    (SUB.comparison("alone"), "/d/compare/alone/"),
    (SUB.tag("quote"), "/d/tags/quote/"),
    (SUB.page("sources"), "/d/sources/"),
    (SUB.static("site.css"), "/d/static/site.css"),
    (Urls().article("x"), "/articles/x/"),
])
def test_every_internal_link_is_made_under_the_base_path(made: str, url: str) -> None:
    assert made == url


@pytest.mark.parametrize("text, note, targets", [
    ("See [a](article:x) and <https://e.org> and [b](article:x)", True, ("article:x", "https://e.org", "article:x")),
    ("[a][r], [b][r]\n\n[r]: compare:x", False, ("compare:x",)),   # (a reference-style link's target, written once)
    ("plain words, no link", True, ()),
    ("[a](java&#9;script:x)", False, ("java\tscript:x",)),      # entities decoded: what the browser would see
    ("- [a](entity:y)\n- [b](tag:z)", False, ("entity:y", "tag:z")),
    # a link in brackets, or in another link's text, is one link (markdown-it scans that text twice: review 113)
    ("See [[1](article:gone)] and [[2](javascript:alert(1))].", True, ("article:gone", "javascript:alert(1)")),
    ("[see [this](compare:gone) here](https://x.org)", True, ("compare:gone",)),
    ("[[1](article:gone)] [[2](article:gone)] [y](article:gone-2)", True,
     ("article:gone", "article:gone", "article:gone-2")),
])
def test_link_targets_are_the_target_of_each_link_as_written_in_order(text: str, note: bool, targets: tuple) -> None:
    assert link_targets(text, note) == targets


def test_a_block_field_renders_allowed_links_and_returns_the_refused_ones() -> None:
    html, refused = render_block("Hi [a](article:x) and [b](javascript:x)", SUB.resolve_note_link)
    assert html == '<p>Hi <a href="/d/articles/x/">a</a> and [b](javascript:x)</p>\n'
    assert refused == ("javascript:x",)


@pytest.mark.parametrize("note, exported", [
    ("See [a](article:x) and [b](/y/)", "See [a](/d/articles/x/) and [b](/d/y/)"),
    ("See [a](https://e.org/) and [c](compare:alone#w-1)", "See [a](https://e.org/) and [c](/d/compare/alone/#w-1)"),
])
def test_exported_markdown_has_real_urls_for_internal_links(note: str, exported: str) -> None:
    assert resolve_links_for_export(note, SUB.resolve_note_link) == exported


@pytest.mark.parametrize("in_heading, role", [(False, True), (True, False)])
def test_a_sidenote_is_a_note_with_a_permalink_except_inside_a_heading(in_heading: bool, role: bool) -> None:
    html = sidenote_ref("q1", 2, in_heading, "<span>n</span>")
    assert ('role="note" aria-label="Note 2"' in html) is role
    assert 'id="n-q1"' in html and 'href="#a-q1"' in html and 'for="sn-q1"' in html
    assert html.endswith("<span>n</span></span></span>")
    # the checkbox (a phone's) says what checking it does: "Note 2" said nothing of showing it (review 142)
    assert '<input type="checkbox" class="sn-check" id="sn-q1" aria-label="Show note 2">' in html
    # the number shows no tooltip: "Show note 2" over a note that a wide screen shows in the margin already
    assert "title=" not in html


@pytest.mark.parametrize("quote, words", [
    ("We will do it alone", "We will do it alone"),
    ("Blinken met one-on-one with Netanyahu in talks aimed at", "Blinken met one-on-one with Netanyahu in…"),
    ("  a\nquote  across\n\nparagraphs ", "a quote across paragraphs"),
    ("Extraordinarily-long-compound-words that-run-on beyond-any-reasonable-length-for-a-name", "Extraordinarily-"
     "long-compound-words that-run-on…"),
    ("东京都" * 30, "东京都" * 20 + "…"),              # a script written without spaces
    ("", ""),
])
def test_a_quotes_first_words_tell_its_link_from_others(quote: str, words: str) -> None:
    assert first_words(quote) == words


@pytest.mark.parametrize("text, offset, inside", [
    ("Rafah now", 0, False), ("Rafah now", 2, True), ("Rafah now", 5, False), ("Rafah now", 9, False),
    ("don't", 3, True), ("Israel's", 6, False),          # an apostrophe joins, the possessive 's does not
    ("3.5 m", 1, True), ("pro-Israel", 4, False),          # digits joined by "."; a hyphen separates
    ("东京都", 1, False),                                   # no visible word boundaries in unspaced scripts
])
def test_inside_word_tells_whether_a_boundary_splits_a_word(text: str, offset: int, inside: bool) -> None:
    assert inside_word(text, offset) is inside


@pytest.mark.parametrize("value, shown", [("a\x1bb", "a␛b"), ("ok", "ok"), (5, 5), (None, None)])
def test_visible_controls_shows_control_characters_as_symbols(value: object, shown: object) -> None:
    assert visible_controls(value) == shown


def test_neighbours_lists_both_directions_of_each_pair_in_sorted_order() -> None:
    assert neighbours({("a", "c"): 1, ("a", "b"): 2}) == {"a": [("b", 2), ("c", 1)], "b": [("a", 2)], "c": [("a", 1)]}


PAGE = read_page('<title>Head - Section - Outlet</title><meta property="og:site_name" content="Outlet Site">'
                 '<meta name="twitter:site" content="@outlet"><link rel=canonical href="https://www.outlet.com/a">')


def test_site_names_are_every_name_the_page_gives_its_site_best_first_each_with_its_field() -> None:
    # Raw, as the page gives them: the outlet guesser cleans them and tells independent fields apart.
    assert site_names(PAGE, {"sitename": "Extracted"}) == [
        ('<meta property="og:site_name">', "Outlet Site"), ("the extractor's site name", "Extracted"),
        ("the <title>", "Head - Section - Outlet"), ('<meta name="twitter:site">', "@outlet")]


@pytest.mark.parametrize("fetched, read_at, cited, where", [
    ("", "https://www.outlet.com/a", "https://www.outlet.com/a", 'from <link rel="canonical">'),       # a saved page
    ("https://outlet.com/a?x=1", "https://outlet.com/a?x=1", "https://www.outlet.com/a", 'from <link rel="canonical">'),
    ("https://other.org/a", "https://other.org/a", "https://other.org/a", "the address it was fetched from"),
])
def test_page_address_cites_the_canonical_url_only_when_it_is_the_same_site(fetched: str, read_at: str, cited: str,
                                                                           where: str) -> None:
    address, guess = page_address(PAGE, fetched)
    assert (address, guess.value, guess.where) == (read_at, cited, where)


def test_a_saved_page_without_an_address_has_no_url_to_cite() -> None:
    address, guess = page_address(read_page("<p>no links</p>"), "")
    assert (address, guess.value, guess.certain) == ("", "", False)
