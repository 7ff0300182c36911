"""Unit tables for slugs (the only characters of paths and ids) and Urls (the one URL scheme of the site)."""

from __future__ import annotations

import pytest

from dossier.core.load.config import split_base_url
from dossier.core.text.markdown import render_note
from dossier.core.common.slugs import is_slug, known_ids, slug_hint, slugify, suggestible
from dossier.core.common.urls import Urls

SLUGIFY = [
    ("Tel Aviv", "tel-aviv"),
    ("Al-Thawabta", "al-thawabta"),
    ("Benjamin Netanyahu", "benjamin-netanyahu"),
    ("Éric Zemmour", "eric-zemmour"),
    ("Netanyahu’s plan", "netanyahus-plan"),
    ("  spaced   out  ", "spaced-out"),
    ("a--b", "a-b"),
    ("x_y", "x-y"),
    ("C++ & C#", "c-c"),
    ("2024 Rafah!", "2024-rafah"),
    ("Gaza/Rafah\\Khan Younis", "gaza-rafah-khan-younis"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>", "script"),
    ("ALREADY-a-slug", "already-a-slug"),
    ("---", "item"),
    ("", "item"),
    ("日本", "item"),
    ("נתניהו אומר לבלינקן", "ntnyhv-vmr-lblynkn"),        # Hebrew and Arabic romanised: "article-2" said nothing
    ("קָן", "kn"), ("قال نتنياهو", "qal-ntnyahw"), ("Rafah רפיח رفح", "rafah-rpych-rfh"),
    # letters that do not decompose, and dashes between words (review 72: "wypywa", "warningclimate")
    ("Królowa Elżbieta wypływa", "krolowa-elzbieta-wyplywa"), ("a warning—climate change", "a-warning-climate-change"),
    ("Łódź, Ærø, Đakovo", "lodz-aero-dakovo"),
]


@pytest.mark.parametrize("text, slug", SLUGIFY, ids=[repr(t) for t, _ in SLUGIFY])
def test_slugify_makes_lower_case_ascii_words_joined_by_hyphens(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert is_slug(slugify(text))


def test_slugify_uses_the_fallback_when_nothing_is_left() -> None:
    assert slugify("—", fallback="article") == "article"


@pytest.mark.parametrize("text, ok", [
    ("a", True), ("a-b", True), ("a1-2b", True), ("2024", True),
    ("", False), ("A", False), ("a_b", False), ("a--b", False), ("-a", False), ("a-", False), ("a b", False),
    ("é", False), ("a/b", False), ("a.b", False),
])
def test_is_slug_accepts_only_lower_case_words_joined_by_single_hyphens(text: str, ok: bool) -> None:
    assert is_slug(text) is ok


def test_a_slug_with_a_trailing_newline_is_not_a_slug() -> None:
    assert is_slug("a\n") is False


def test_the_slug_hint_proposes_a_valid_name() -> None:
    assert slug_hint("Bad Name") == 'rename it to "bad-name" (lower-case letters, digits and hyphens only)'


# --- base URL ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, origin, path", [
    ("/", "", "/"), ("", "", "/"), ("sub", "", "/sub/"), ("/sub", "", "/sub/"), ("/sub/path", "", "/sub/path/"),
    ("sub/path/", "", "/sub/path/"), (" /x/ ", "", "/x/"),
    ("https://example.org", "https://example.org", "/"), ("https://example.org/", "https://example.org", "/"),
    ("https://example.org/d", "https://example.org", "/d/"), ("http://example.org/d/e/", "http://example.org", "/d/e/"),
])
def test_any_spelling_of_a_base_url_gives_a_path_with_both_slashes(written: str, origin: str, path: str) -> None:
    assert split_base_url(written) == (origin, path)


@pytest.mark.parametrize("base", ["/", "/sub/path/"])
def test_every_page_url_starts_with_the_base_path(base: str) -> None:
    urls = Urls(base)
    made = [urls.home, urls.article("a"), urls.article_md("a"), urls.annotation("a", "x"), urls.entity("e"),
            urls.comparison("c"), urls.tag("t"), urls.page("sources"), urls.static("dossier.css"),
            urls.link("index.html"), urls.link("articles/a/index.html"), urls.link("feed.xml")]
    assert all(u.startswith(base) for u in made), made
    assert [u[len(base):] for u in made] == [
        "", "articles/a/", "articles/a.md", "articles/a/#a-x", "entities/e/", "compare/c/", "tags/t/", "sources/",
        "static/dossier.css", "", "articles/a/", "feed.xml"]


# --- resolve_note_link -----------------------------------------------------------------------------------

ALLOWED = [
    # (href, under "/", under "/sub/path/")
    ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("http://example.org", "http://example.org", "http://example.org"),
    ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
    ("mailto:editors@example.org", "mailto:editors@example.org", "mailto:editors@example.org"),
    ("#a-alone", "#a-alone", "#a-alone"),
    ("other/page/", "other/page/", "other/page/"),
    ("../x/", "../x/", "../x/"),
    ("./x", "./x", "./x"),
    ("?q=rafah", "?q=rafah", "?q=rafah"),
    ("/articles/x/", "/articles/x/", "/sub/path/articles/x/"),
    ("/sources/#s-ynetnews", "/sources/#s-ynetnews", "/sub/path/sources/#s-ynetnews"),
    ("  /articles/x/  ", "/articles/x/", "/sub/path/articles/x/"),
    ("article:jpost-go-it-alone", "/articles/jpost-go-it-alone/", "/sub/path/articles/jpost-go-it-alone/"),
    ("article:a#a-alone", "/articles/a/#a-alone", "/sub/path/articles/a/#a-alone"),
    ("entity:benjamin-netanyahu", "/entities/benjamin-netanyahu/", "/sub/path/entities/benjamin-netanyahu/"),
    ("compare:netanyahu-do-it-alone", "/compare/netanyahu-do-it-alone/", "/sub/path/compare/netanyahu-do-it-alone/"),
    ("tag:us-position", "/tags/us-position/", "/sub/path/tags/us-position/"),
    ("/sub/pathology/", "/sub/pathology/", "/sub/path/sub/pathology/"),
]


@pytest.mark.parametrize("href, at_root, at_sub", ALLOWED, ids=[a[0] for a in ALLOWED])
def test_allowed_note_links_resolve_under_the_base_path(href: str, at_root: str, at_sub: str) -> None:
    assert Urls("/").resolve_note_link(href) == at_root
    assert Urls("/sub/path/").resolve_note_link(href) == at_sub


REFUSED = [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd", "vbscript:msgbox(1)", "//evil.example", "//evil.example/path",
    "ftp://example.org", "tel:+123", "article:Bad_Slug", "article:", "entity:a b", "compare:x#", "tag:../x",
]


@pytest.mark.parametrize("href", REFUSED)
@pytest.mark.parametrize("base", ["/", "/sub/path/"])
def test_dangerous_or_unknown_link_targets_are_refused(href: str, base: str) -> None:
    assert Urls(base).resolve_note_link(href) is None


@pytest.mark.parametrize("href", ["java\tscript:alert(1)", "java\nscript:alert(1)", "jav\rascript:alert(1)"])
def test_a_javascript_link_split_by_a_tab_or_newline_is_refused(href: str) -> None:
    assert Urls("/").resolve_note_link(href) is None


@pytest.mark.parametrize("href", ["/\\evil.example", "\\\\evil.example", "\\/evil.example"])
def test_a_protocol_relative_link_spelt_with_backslashes_is_refused(href: str) -> None:
    assert Urls("/").resolve_note_link(href) is None


def test_a_note_link_hiding_javascript_behind_an_encoded_tab_is_refused() -> None:
    html, refused = render_note("[x](java&#9;script:alert(1))", Urls("/").resolve_note_link)
    assert "href" not in html
    assert refused


def test_a_plain_javascript_note_link_is_refused_and_left_as_text() -> None:
    html, refused = render_note("See [x](javascript:alert(1)).", Urls("/").resolve_note_link)
    assert "href" not in html
    assert refused == ("javascript:alert(1)",)


def test_an_internal_note_link_renders_under_the_base_path() -> None:
    html, refused = render_note("Compare [the versions](compare:do-it-alone).", Urls("/sub/path/").resolve_note_link)
    assert '<a href="/sub/path/compare/do-it-alone/">the versions</a>' in html
    assert refused == ()


@pytest.mark.parametrize("href", [a[0] for a in ALLOWED])
@pytest.mark.parametrize("base", ["/", "/sub/path/", "/d/"])
def test_resolving_a_resolved_link_changes_nothing(href: str, base: str) -> None:
    urls = Urls(base)
    once = urls.resolve_note_link(href)
    assert once is not None
    assert urls.resolve_note_link(once) == once


def test_a_key_of_the_wrong_form_is_known_by_its_slug_too_and_never_suggested() -> None:
    ids = ["cairo", "Antony-Blinken", "do\u200bha", "--"]
    assert known_ids(ids) == {"cairo", "Antony-Blinken", "do\u200bha", "--", "antony-blinken", "doha"}
    assert suggestible(ids) == ["cairo"]



def test_an_entity_id_is_a_slug_no_longer_than_the_schema_allows():
    """slugs.is_id, which keeps an entity whose id fails its check from making a page (review 163), takes what the
    schema takes."""
    import json

    from conftest import ROOT
    from dossier.core.common.slugs import ID_LONGEST, is_id

    names = json.loads((ROOT / "schemas/entities.schema.json").read_text("utf-8"))["propertyNames"]
    assert names["maxLength"] == ID_LONGEST
    assert is_id("benjamin-netanyahu") and is_id("a" * ID_LONGEST)
    assert not any(is_id(x) for x in ("\0", "..", "../../escape", "a/b", "Benjamin", "a" * (ID_LONGEST + 1)))
