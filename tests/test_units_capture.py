"""Unit tables for the pure guessing helpers behind `--add` and `--import`: outlets and addresses, dates, site
names, page metadata, and the stub files they write. Each row is one page or text an editor meets."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from dossier.core.capture.guess_date import date_in_text, dateline, normalise
from dossier.core.capture.guess_outlet import Outlet, is_section
from dossier.core.capture.guesses import NOTHING, Guess, one_line, squash
from dossier.core.capture.outlets import host_of, known, registered_domain, safe_url
from dossier.core.capture.pagemeta import PageMeta, ld_text, read_page
from dossier.core.load.schema import validate
from dossier.core.capture.stubs import append_text, article_stub, entries_text, outlet_entry, suggest_slug
from dossier.core.load.yamlsrc import parse_yaml

# --- outlets ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, host", [
    ("https://www.Reuters.com/world/x", "reuters.com"),
    ("http://edition.cnn.com./a", "edition.cnn.com"),
    ("  https://www.bbc.co.uk  ", "bbc.co.uk"),
    ("ftp://example.org/file", ""),          # only http(s) addresses name an outlet
    ("javascript:alert(1)", ""),
    ("not a url", ""),
    ("http://[bad", ""),                     # a malformed address is no host, not an exception
])
def test_host_of_is_the_lower_case_host_without_www(url: str, host: str) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize("host, domain", [
    ("edition.cnn.com", "cnn.com"), ("www.bbc.co.uk", "bbc.co.uk"), ("cnn.com", "cnn.com"), ("a.b.example.org", "example.org"),
])
def test_registered_domain_keeps_two_labels_or_three_under_a_two_level_suffix(host: str, domain: str) -> None:
    assert registered_domain(host) == domain


@pytest.mark.parametrize("host, outlet", [
    ("edition.cnn.com", ("cnn.com", "CNN", "United States")),
    ("www.bbc.co.uk", ("bbc.co.uk", "BBC News", "United Kingdom")),
    ("example.org", None),
])
def test_known_names_the_outlet_serving_a_host(host: str, outlet: tuple[str, str, str] | None) -> None:
    assert known(host) == outlet


@pytest.mark.parametrize("url, safe", [
    ('https://e.org/a b"<>', "https://e.org/a%20b%22%3C%3E"),
    ("https://e.org/é?q=1&r=2#top", "https://e.org/%C3%A9?q=1&r=2#top"),
    ("javascript:alert(1)", ""),
])
def test_safe_url_percent_encodes_what_an_article_file_refuses(url: str, safe: str) -> None:
    assert safe_url(url) == safe


# --- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, day", [
    ("2024-03-22T10:00Z", "2024-03-22"), ("2024/03/22", "2024-03-22"), ("20240322", "2024-03-22"),
    ("March 22, 2024", "2024-03-22"), ("Fri, 22 Mar 2024 10:00:00 GMT", "2024-03-22"), ("22.03.2024", "2024-03-22"),
    ("2024-03", ""), ("nonsense", ""),
])
def test_normalise_reads_a_metadata_date_as_yyyy_mm_dd(value: str, day: str) -> None:
    assert normalise(value) == day


@pytest.mark.parametrize("text, found", [
    ("Published March 22, 2024 and 2024-01-01", ("2024-03-22", 10)),   # the first date written wins
    ("on 22 March 2024", ("2024-03-22", 3)),
    ("22.03.2024", ("2024-03-22", 0)),
    ("no date here", ("", -1)),
])
def test_date_in_text_finds_the_first_full_date_and_its_offset(text: str, found: tuple[str, int]) -> None:
    assert date_in_text(text) == found


def test_a_dateline_is_an_uncertain_guess_naming_its_line() -> None:
    guess = dateline("JERUSALEM\nMarch 22, 2024 - Talks stalled.")
    assert (guess.value, guess.where, guess.certain) == ("2024-03-22", "from the dateline (line 2 of the text)", False)
    nothing = dateline("no date at all")
    assert (nothing.value, nothing.certain, nothing.comment()) == ("", False, "not found: no date in the first lines "
                                                                   "of the text")


# --- site names and guesses -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, section", [
    ("News", True), ("X", True), ("News and Opinion on www.example.com", True), ("Reuters", False), ("DW.COM", False),
])
def test_is_section_refuses_section_names_and_descriptions_as_outlet_names(name: str, section: bool) -> None:
    assert is_section(name) is section


@pytest.mark.parametrize("text, line", [(" a\n b\x1b c ", "a b c"), ("Title\t\r\nrest", "Title rest"), ("", "")])
def test_one_line_collapses_whitespace_and_drops_controls(text: str, line: str) -> None:
    assert one_line(text) == line


@pytest.mark.parametrize("a, b", [("DW.COM", "dw.com"), ("Salon.com", "salon_com"), ("The  Times", "thetimes")])
def test_squash_compares_names_by_letters_and_digits(a: str, b: str) -> None:
    assert squash(a) == squash(b)


@pytest.mark.parametrize("guess, comment", [
    (Guess("x", "from y"), "from y"),
    (Guess("x", "from y", False, "maybe another"), "uncertain: from y; maybe another"),
    (NOTHING, "not found"),
    (Guess("", "nothing found", False, "no date in the first lines of the text"),
     "not found: no date in the first lines of the text"),
])
def test_a_guess_comment_says_where_it_came_from_and_why_it_is_doubtful(guess: Guess, comment: str) -> None:
    assert guess.comment() == comment


# --- page metadata ----------------------------------------------------------------------------------------

PAGE = """<html lang=en><head><title>T | O</title><meta property="og:title" content=" A  B ">
<meta property="og:title" content="second"><link rel=canonical href="https://e.org/a"></head>
<body><h1>Head <b>line</b></h1><time datetime="2024-03-22">x</time>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script></body></html>"""


def test_read_page_collects_what_the_page_says_about_itself() -> None:
    meta = read_page(PAGE)
    assert (meta.title, meta.h1, meta.canonical, meta.lang, meta.times) == (
        "T | O", "Head line", "https://e.org/a", "en", ("2024-03-22",))
    assert meta.meta["og:title"] == "A B"   # the first non-empty value, whitespace collapsed
    assert meta.jsonld == ({"@type": "NewsArticle", "headline": "H"},)


@pytest.mark.parametrize("html", ["", "<html", "<!DOCTYPE x [<!ENTITY", "<meta content=", "\x00<title>"])
def test_read_page_never_raises_on_broken_markup(html: str) -> None:
    assert isinstance(read_page(html), PageMeta)


@pytest.mark.parametrize("value, text", [
    ("a", "a"), ({"name": "Org"}, "Org"), ([{"x": 1}, "b"], "b"), (None, ""), (5, "5"), ("  a \n b ", "a b"),
])
def test_ld_text_reads_a_json_ld_value_as_text(value: object, text: str) -> None:
    assert ld_text(value) == text


# --- stubs ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed, title, taken, slug", [
    ("a.txt", "Envoy leaves as Rafah talks stall today again", set(), "envoy-leaves-as-rafah-talks-stall"),
    ("my seed.txt", "", set(), "my-seed"),
    ("a.txt", "Straße news", {"strasse-news"}, "strasse-news-2"),
    ("a.txt", "", {"a", "a-2"}, "a-3"),
    ("a.txt", "!!!", set(), "a"),
])
def test_suggest_slug_takes_six_title_words_else_the_seed_name_and_stays_unique(
        seed: str, title: str, taken: set[str], slug: str) -> None:
    assert suggest_slug(seed, title, taken) == slug


@pytest.mark.parametrize("existing, added", [
    ("", "# yaml-language-server: $schema=S\nB"),      # a new file starts with the schema header
    ("x: 1", "\nB"),                                    # a final newline first, so B starts a line
    ("x: 1\n", "B"),
])
def test_append_text_never_changes_what_is_there(existing: str, added: str) -> None:
    assert append_text(existing, "B", "S") == added


def test_appended_entries_keep_sources_yaml_valid() -> None:
    block = entries_text(["outlet-b:\n  name: B\n", "outlet-c:\n  name: C\n"])
    assert block == "\noutlet-b:\n  name: B\n\noutlet-c:\n  name: C\n"
    text = "outlet-a: {name: A}"
    loaded, problems = parse_yaml("content/sources.yaml", text + append_text(text, block, "S"))
    assert not problems and sorted(loaded.data) == ["outlet-a", "outlet-b", "outlet-c"]


SCHEMAS = ROOT / "schemas"
REUTERS = Outlet("reuters", "Reuters", "https://reuters.com/", "United Kingdom",
                 Guess("reuters", "the credit in the text", False, "a wire credit names who wrote it"), new=True)


def test_a_stub_with_every_guess_is_a_valid_article_file_commented_with_where_each_came_from() -> None:
    text = article_stub("S", "a.txt", Guess('Talks "stall"', "from <h1>"), Guess("2024-03-22", "from <time>"), REUTERS,
                        Guess("Jane Roe", "from the byline"), Guess("https://o.org/a", 'from <link rel="canonical">'),
                        NOTHING, "--add")
    loaded, problems = parse_yaml("content/articles/a.yaml", text)
    assert not problems and not validate(loaded, json.loads((SCHEMAS / "article.schema.json").read_text("utf-8")))
    assert loaded.data == {"seed": "a.txt", "title": 'Talks "stall"', "date": "2024-03-22", "source": "reuters",
                           "byline": "Jane Roe", "url": "https://o.org/a", "annotations": []}
    assert 'source: "reuters"  # uncertain: the credit in the text; a wire credit names who wrote it' in text


def test_a_stub_without_guesses_leaves_them_as_comments_and_names_the_seed_as_title() -> None:
    text = article_stub("S", "a.txt", NOTHING, NOTHING, Outlet("", "", "", "", NOTHING), NOTHING, NOTHING, NOTHING,
                        "--import")
    loaded, problems = parse_yaml("content/articles/a.yaml", text)
    assert not problems and loaded.data == {"seed": "a.txt", "title": "a.txt", "annotations": []}
    assert "# date: YYYY-MM-DD  # not found" in text and "written by `python build.py --import`" in text.lower()


def test_an_outlet_entry_appended_to_sources_yaml_is_valid() -> None:
    entry = outlet_entry(REUTERS, "https://reuters.com/x")
    loaded, problems = parse_yaml("content/sources.yaml", "outlet-a: {name: A}\n" + entries_text([entry]))
    assert not problems and not validate(loaded, json.loads((SCHEMAS / "sources.schema.json").read_text("utf-8")))
    assert loaded.data["reuters"] == {"name": "Reuters", "homepage": "https://reuters.com/", "country": "United Kingdom"}


def test_a_hebrew_or_arabic_sites_code_pages_read_its_seeds_and_nothing_else() -> None:
    from dossier.core.load.codepages import code_pages, read_in_language, written_in

    assert code_pages("he-IL") == ("cp1255", "iso8859_8") and code_pages("AR") == ("cp1256", "iso8859_6")
    assert code_pages("en") == () and read_in_language(b"plain", "en") is None
    hebrew = "ראש הממשלה אמר: “נעשה את זה לבד”"
    assert read_in_language(hebrew.encode("cp1255"), "he") == ("cp1255", hebrew)
    arabic = "قال نتنياهو إن إسرائيل ستدخل رفح"
    assert read_in_language(arabic.encode("iso8859_6"), "ar") == ("iso8859_6", arabic)  # (cp1256 reads it too,
    assert read_in_language(arabic.encode("cp1256"), "ar") == ("cp1256", arabic)        # strewn with Latin letters)
    assert read_in_language("Café in Zürich".encode("cp1252"), "he") is None and not written_in("cafי", "he")


# --- the article's text: the extractor's, or the JSON-LD articleBody ----------------------------------------

STORY = [f"Paragraph {i}: the delegations met for four hours on Tuesday in Cairo, officials said, and agreed to "
         f"meet again next week to settle the {i}th point of the draft." for i in range(1, 9)]


def page_with_body(body: str, kind: str = "NewsArticle") -> PageMeta:
    ld = json.dumps({"@type": kind, "headline": "Talks", "articleBody": body})
    return read_page(f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>')


@pytest.mark.parametrize("body, expected", [
    ("\n\n".join(STORY), "\n".join(STORY)),                                        # plain text, blank lines between
    ("".join(f"<p>{p}</p>" for p in STORY), "\n".join(STORY)),                      # HTML
    ("".join(f"&lt;p&gt;{p} &amp;amp; more&lt;/p&gt;" for p in STORY),             # HTML escaped as text
     "\n".join(f"{p} & more" for p in STORY)),
    (" ".join(STORY) + "<br>A last  line&nbsp;here.", " ".join(STORY) + "\nA last line here."),
])
def test_a_json_ld_article_body_holding_the_article_is_taken_its_paragraphs_kept(body: str, expected: str) -> None:
    """Review 72: SCMP's seed was its photo caption; its JSON-LD articleBody held the whole column."""
    from dossier.core.capture.ld_body import article_body

    caption = "Taiwanese President Tsai Ing-wen speaks during a televised policy debate in Taipei. Photo: AP"
    taken = article_body(caption, page_with_body(body))
    assert taken.text == expected
    assert taken.where.startswith("from the JSON-LD articleBody: ")
    assert "where the extractor found 14 words of something else" in taken.where
    assert article_body(STORY[0] + "\n" + STORY[1], page_with_body(body)).where.endswith("words of it")


@pytest.mark.parametrize("body, extracted", [
    (" ".join(STORY[:2]), "\n".join(STORY)),            # a teaser: shorter than the extracted text
    (" ".join(STORY), "\n".join(STORY)),                # the extractor found the article: about as long
    (" ".join(STORY + STORY[:3]), "\n".join(STORY)),   # longer, but by less than half as much again
    (" ".join(STORY[:3]), "A caption. Photo: AP"),      # many times longer, but a teaser: too short for an article
    ("\n".join(["## Talks", *(f"{p} [Link](https://x.org/a)" for p in STORY)]), "A caption"),  # Markdown
])
def test_a_json_ld_article_body_is_not_taken_when_it_is_a_teaser_or_no_more_than_the_extracted_text(
        body: str, extracted: str) -> None:
    from dossier.core.capture.ld_body import article_body

    kept = article_body(extracted, page_with_body(body))
    assert (kept.text, kept.where) == (extracted, "")
    assert article_body(extracted, page_with_body(" ".join(STORY * 3), "WebPage")).where == ""  # (no article's)


def test_a_json_ld_article_body_taken_leaves_out_the_lines_whose_own_words_say_they_are_furniture() -> None:
    """The furniture rules ran on the extracted text only: an articleBody taken kept its "Advertisement" labels and
    Reuters' "Our Standards" line. The rules that need no HTML apply to it; its sentences that begin like those
    labels stay."""
    from dossier.core.capture.ld_body import article_body

    standards = "Our Standards: The Thomson Reuters Trust Principles."
    notice = "© 2024 Thomson Reuters. All rights reserved."
    body = [STORY[0], "Advertisement", STORY[1], "Advertisement revenue fell by a third in the quarter, it said.",
            *STORY[2:], "Our Standards: The Thomson Reuters Trust Principles were first set out in 1941.",
            "Foto: dpa", standards, notice]
    taken = article_body("A caption. Photo: AP", page_with_body("\n\n".join(body)))
    assert taken.text == "\n".join(line for line in body if line not in ("Advertisement", "Foto: dpa", standards,
                                                                           notice))
    assert [(d.line, d.text, d.kind) for d in taken.furniture] == [
        (2, "Advertisement", "an advertisement's label"), (len(body) - 2, "Foto: dpa", "a photo credit"),
        (len(body) - 1, standards, "a link to the outlet's standards"), (len(body), notice, "a copyright notice")]
    assert article_body("\n".join(body), page_with_body(" ".join(STORY))).furniture == ()  # (the extracted text's
    # lines were judged with the page's HTML, in extract.py)
