"""The default dossier's "at the source" links: every article with an original `url:` links each note to the
place in the original that it annotates, with a text fragment (#:~:text=) that selects the annotated words.
Read from the golden site (tests/golden/, the default dossier as built), so a wrong url or a fragment that
no longer matches the article text fails here, not only in a reader's browser."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
ARTICLES = [json.loads((GOLDEN / listed["data"]).read_text(encoding="utf-8"))  # (each article's own export)
            for listed in json.loads((GOLDEN / "dossier.json").read_text(encoding="utf-8"))["articles"]]
# (its words, then, for a screen reader, the first words of its quote: review 142)
SOURCE_LINK = re.compile(r'<a class="sn-source" href="([^"]*)">at the source(?:<span class="visually-hidden">[^<]*'
                         r'(?:<span lang="[^"]*">[^<]*</span>[^<]*)?</span>)?</a>')
SIDENOTE = re.compile(r'<span class="sidenote" id="n-')


def source_links(slug: str) -> list[str]:
    page = (GOLDEN / "articles" / slug / "index.html").read_text(encoding="utf-8")
    return [html.unescape(href) for href in SOURCE_LINK.findall(page)]


def note_count(slug: str) -> int:
    return len(SIDENOTE.findall((GOLDEN / "articles" / slug / "index.html").read_text(encoding="utf-8")))


def selects(directive: str, text: str) -> bool:
    """True when a `text=` directive (textStart or textStart,textEnd; no prefix-/-suffix) matches `text`
    the way a browser matches it: the start, and after it the end, in the whitespace-folded text."""
    terms = [unquote(term) for term in directive.split(",")]
    flat = " ".join(text.split())
    if len(terms) == 1:
        return terms[0] in flat
    start = flat.find(terms[0])
    return len(terms) == 2 and start >= 0 and flat.find(terms[1], start + len(terms[0])) >= 0


def test_at_least_one_default_article_has_its_original_url() -> None:
    assert [a["slug"] for a in ARTICLES if a["url"]], "no article of the default dossier has a url:"


@pytest.mark.parametrize("article", ARTICLES, ids=[a["slug"] for a in ARTICLES])
def test_every_note_links_to_the_source_exactly_when_the_article_has_a_url(article: dict) -> None:
    links, notes = source_links(article["slug"]), note_count(article["slug"])
    assert notes > 0
    assert len(links) == (notes if article["url"] else 0)
    assert all(link.startswith(article["url"] + "#:~:text=") for link in links)


@pytest.mark.parametrize("article", [a for a in ARTICLES if a["url"]], ids=[a["slug"] for a in ARTICLES if a["url"]])
def test_every_text_fragment_is_well_formed_and_selects_words_of_the_article(article: dict) -> None:
    for link in source_links(article["slug"]):
        directive = link.split("#:~:text=", 1)[1]
        # the spec reserves "&", "," and "-" inside terms: they must arrive percent-encoded
        assert re.fullmatch(r"[A-Za-z0-9%._~!$'()*+;=:@/?]+(,[A-Za-z0-9%._~!$'()*+;=:@/?]+)?", directive), link
        assert "-" not in directive and "&" not in directive
        assert selects(directive, article["text"]), f"{article['slug']}: {unquote(directive)!r} not in the text"


def test_a_fragment_that_is_not_in_the_text_is_caught() -> None:
    text = "Israel will take control of Rafah even if it causes a rift"
    assert selects("take%20control%20of%20Rafah", text)
    assert selects("Israel%20will,a%20rift", text)
    assert not selects("take%20control%20of%20Gaza", text)
    assert not selects("a%20rift,Israel%20will", text)
