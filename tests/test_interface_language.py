"""The site's own words on a site in another language are marked English (review 69, a right-to-left dossier read
with a screen reader): "Skip to content", "Note 3", "Sources", the report's headings, a role's "from 2022" stood
in pages marked Hebrew or Arabic, and were read with that voice. Each page of a Hebrew dossier whose own words
(titles, names, notes, outlets, tags) are all Hebrew is read here as a screen reader takes its languages: every
word in Latin letters must stand in an element marked English, and no Hebrew word in one. An English dossier's
pages are unchanged (tests/test_golden.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import mini, run_build
from dossier.core.plan.interface import is_english, ui_marks

SITE = """\
title: רפיח, לבד
description: כתבות על דברי נתניהו לבלינקן במרץ 2024, עם הערות העורכים.
language: he
author: עורכי התיק
"""
SOURCES = """\
haaretz: {name: הארץ, country: ישראל, homepage: "https://www.haaretz.co.il/"}
ynet: {name: וויינט, country: ישראל}
ap: {name: סוכנות הידיעות, country: ארצות הברית}
"""
ENTITIES = """\
benjamin-netanyahu:
  name: בנימין נתניהו
  kind: person
  aliases: [נתניהו, Netanyahu]
  summary: ראש ממשלת ישראל.
  wikidata: Q43723
  roles:
    - {title: ראש הממשלה, from: "2022"}
antony-blinken:
  name: אנטוני בלינקן
  kind: person
  aliases: [בלינקן, Blinken]
rafah:
  name: רפיח
  kind: place
  aliases: [ברפיח, לרפיח, Rafah]
"""
SHARED = "בלינקן הזהיר בקהיר כי מבצע קרקעי גדול ברפיח יהיה טעות והציע חלופות שיאפשרו לפגוע בחמאס."
SEED_A = "\n".join([
    "נתניהו לבלינקן: ניכנס לרפיח לבד אם יהיה צורך",
    "נתניהו אמר לבלינקן כי ישראל תפעל ברפיח גם ללא תמיכה, ובלינקן השיב כי מבצע קרקעי גדול יהיה טעות.",
    "\"אם נצטרך – נעשה את זה לבד\", אמר נתניהו.", SHARED,
    "לפי משרד הבריאות בעזה נהרגו 32,000 בני אדם.", "ושוב: " + SHARED, ""])  # (the passage twice)
SEED_B = "\n".join([
    "נתניהו: נעשה את זה לבד",
    "נתניהו אמר לבלינקן כי \"אם נצטרך – נעשה את זה לבד\".", SHARED,
    "לפי משרד הבריאות בעזה נהרגו 31,000 בני אדם.", ""])
SEED_C = "Netanyahu rebuffs U.S. plea\nNetanyahu told Blinken that Israel would go into Rafah \"alone\" if it had to.\n"
SEED_D = "כתבה בלי תאריך\nבלינקן נפגש עם נתניהו.\n"
ARTICLE_A = """\
seed: a.txt
title: "נתניהו לבלינקן: ניכנס לרפיח לבד אם יהיה צורך"
source: haaretz
date: 2024-03-22
url: https://www.haaretz.co.il/news/1
annotations:
  - id: alone
    quote: אם נצטרך – נעשה את זה לבד
    note: הניסוח של נתניהו; השוו [לגרסאות האחרות](compare:alone).
    kind: quote
    speaker: benjamin-netanyahu
    tags: [ציטוט]
    date: 2024-03-22
  - id: mistake
    quote: מבצע קרקעי גדול יהיה טעות
    note: עמדת הממשל האמריקאי.
"""
ARTICLE_B = """\
seed: b.txt
title: "נתניהו: נעשה את זה לבד"
source: ynet
date: 2024-03-23
annotations:
  - id: alone
    quote: אם נצטרך – נעשה את זה לבד
    note: אותו ניסוח כמו בהארץ.
    tags: [ציטוט]
"""
ARTICLE_C = """\
seed: c.txt
title: Netanyahu rebuffs U.S. plea
source: ap
wire: סוכנות
date: 2024-03-22
language: en
annotations:
  - id: alone
    quote: would go into Rafah "alone"
    note: הגרסה האנגלית, בגוף שלישי.
    kind: claim
"""
ARTICLE_D = "seed: d.txt\ntitle: כתבה בלי תאריך\n"
ALONE = """\
title: "“נעשה את זה לבד”"
question: איך ניסחו הכתבות את דברי נתניהו?
kind: quote
speaker: benjamin-netanyahu
witnesses:
  - {article: a, quote: אם נצטרך – נעשה את זה לבד}
  - {article: b, quote: אם נצטרך – נעשה את זה לבד}
  - {article: c, quote: would go into Rafah "alone"}
"""
TOLL = """\
title: מספר ההרוגים
question: כמה נהרגו?
kind: figure
witnesses:
  - {article: a, quote: "נהרגו 32,000 בני אדם"}
  - {article: b, quote: "נהרגו 31,000 בני אדם"}
"""
FILES = {"site.yaml": SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
         "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "seeds/c.txt": SEED_C, "seeds/d.txt": SEED_D,
         "content/articles/a.yaml": ARTICLE_A, "content/articles/b.yaml": ARTICLE_B,
         "content/articles/c.yaml": ARTICLE_C, "content/articles/d.yaml": ARTICLE_D,
         "content/comparisons/alone.yaml": ALONE, "content/comparisons/toll.yaml": TOLL}
# Words in Latin letters that are not the site's: the dossier's identifiers (article slugs and annotation ids,
# which the report lists), and the English article's words, which listings show without its language (not the
# site's words: see the report of this change).
IDENTIFIERS = {"a", "b", "c", "d", "alone", "mistake", "Q43723"}
ENGLISH_ARTICLE = SEED_C + "Netanyahu Blinken Rafah"
LATIN = re.compile(r"[A-Za-z]")
HEBREW = re.compile(r"[\u0590-\u05ff]")
NAMING = ("aria-label", "title", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Languages(HTMLParser):
    """Each text and naming attribute of a page's body with the language it is read in (the nearest `lang`).
    Left out: code, what no one reads (the search index's hidden filters, the titles of the graph's dots and
    lines, inside its role="img"), and the head (the `<title>` holds the page's title and the site's)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []   # (tag, its lang, left out)
        self.read: list[tuple[str, str, str]] = []           # (language, where, text)
        self.ids: dict[str, str] = {}                        # id → the language of its element
        self.references: list[str] = []                      # ids named by aria-labelledby and for

    def language(self) -> str:
        return next((lang for _, lang, _ in reversed(self.stack) if lang is not None), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        out = tag in ("head", "script", "style", "code") or ("hidden" in a and "data-pagefind-ignore" in a) or (
            tag == "title" and bool(self.stack) and self.stack[-1][0] != "svg")
        if tag not in VOID:
            self.stack.append((tag, a.get("lang"), out or (bool(self.stack) and self.stack[-1][2])))
        here = a["lang"] if "lang" in a else self.language()
        if "id" in a:
            self.ids[a["id"]] = here
        self.references += a.get("aria-labelledby", "").split() + ([a["for"]] if "for" in a else [])
        if not (self.stack and self.stack[-1][2]):
            self.read += [(here, f"<{tag} {k}>", a[k]) for k in NAMING if a.get(k)]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and not (self.stack and self.stack[-1][2]):
            self.read.append((self.language(), f"<{self.stack[-1][0] if self.stack else ''}>", data.strip()))


def languages(page: Path) -> Languages:
    parser = Languages()
    parser.feed(page.read_text("utf-8"))
    return parser


def english(language: str) -> bool:
    return language.split("-")[0].lower() == "en"


def the_dossiers(text: str) -> bool:
    """Whether `text` is the dossier's own, in Latin letters: an identifier or the English article's words (as an
    entity page lists the names it is named by: “Netanyahu” (2))."""
    words = re.sub(r"\s*\(\d+\)$", "", text).strip('“”" ')
    return words in IDENTIFIERS or words in ENGLISH_ARTICLE


@pytest.fixture(scope="module")
def hebrew_site(tmp_path_factory) -> Path:
    root = mini(tmp_path_factory.mktemp("interface"), FILES)
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def pages(hebrew_site) -> dict[str, Languages]:
    return {p.relative_to(hebrew_site).as_posix(): languages(p) for p in sorted(hebrew_site.rglob("*.html"))}


def test_every_word_of_the_site_on_a_hebrew_page_is_marked_english_and_no_word_of_the_dossier_is(pages) -> None:
    assert {"index.html", "articles/a/index.html", "articles/c/index.html", "sources/index.html",
            "report/index.html", "entities/index.html", "entities/benjamin-netanyahu/index.html",
            "compare/index.html", "compare/alone/index.html", "compare/toll/index.html", "passages/index.html",
            *(p for p in pages if p.startswith("passages/") and p.count("/") == 2),
            "timeline/index.html", "tags/index.html", "search/index.html", "404.html"} <= set(pages)
    said = " ".join(text for page in pages.values() for _, _, text in page.read)
    for words in ("Skip to content", "Note ", "Permalink to note", "place 2 in the article", "Shared passage ",
                  "(again)",
                  "These figures disagree", "from 2022", "Strongest pairs", "Date unknown", "Outlet unknown",
                  "Provenance", "Kinds of entity", " copy", "Wikidata", "at the source"):
        assert words in said, words   # (the fixture has the pages and the cases of the site's words)
    unmarked = [f"{name}: {where} {text!r} (lang {lang or 'of the page'})"
                for name, page in pages.items() for lang, where, text in page.read
                if LATIN.search(text) and not english(lang) and not the_dossiers(text)]
    assert not unmarked, f"{len(unmarked)} of the site's words are read in Hebrew:\n" + "\n".join(unmarked[:60])
    marked = [f"{name}: {where} {text!r}" for name, page in pages.items() for lang, where, text in page.read
              if HEBREW.search(text) and english(lang)]
    assert not marked, "the dossier's words read in English:\n" + "\n".join(marked[:40])


def test_a_note_and_the_endnotes_are_named_by_english_elements_that_exist(pages) -> None:
    """An aria-label on an element holding the editors' words would be read in the site's language: such an
    element is named by an English one instead (aria-labelledby), which must be in the page."""
    for name, page in pages.items():
        missing = [ref for ref in page.references if ref not in page.ids]
        assert not missing, (name, missing)
    article = pages["articles/a/index.html"]
    named = [ref for ref in article.references if ref.startswith(("snl-", "endnotes-"))]
    assert named and all(english(article.ids[ref]) for ref in named), named


@pytest.mark.parametrize("language", ["en", "en-GB", "EN-us", ""])
def test_an_english_site_gets_no_marks(language: str) -> None:
    assert is_english(language)
    assert all(mark == "" for mark in ui_marks(language).values())


RTL_OPENING = '<span lang="en" dir="ltr">'


@pytest.mark.parametrize("language, opening", [("he", RTL_OPENING), ("ar-EG", RTL_OPENING), ("az-Arab", RTL_OPENING),
                                               ("fr", '<span lang="en">')])
def test_a_site_in_another_language_marks_its_words_english_isolated_left_to_right_in_a_right_to_left_one(
        language: str, opening: str) -> None:
    marks = ui_marks(language)
    assert not is_english(language)
    assert (marks["attr"], marks["open"], marks["close"]) == (' lang="en"', opening, "</span>")
