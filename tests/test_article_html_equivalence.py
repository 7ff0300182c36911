"""The article body rendered straight from its segments equals markdown-it-py's rendering of the written
`.md` artifact: for every article of the default dossier and of a generated one, and for random texts and
overlapping marks (issue 8: the fast path is allowed only with this proof)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings, strategies as st

import dossier_synth
from conftest import ROOT
from dossier.shell import fs
from dossier.core import pipeline
from dossier.core.plan import views
from dossier.core.text.article_html import article_html
from dossier.core.text.markdown import (ArticleSource, BadgeMark, LinkMark, NoteMark, article_markdown,
                                   render_article, render_note, snap)
from dossier.core.common.urls import Urls


# --- whole dossiers ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rendered:
    """One article as the build saw it: its segments' source, its sidenotes' HTML and its page."""

    slug: str
    src: ArticleSource
    notes_html: dict[str, str]
    urls: Urls


def build_collecting(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Rendered], Any]:
    """Build the dossier at `root`, keeping what each article's body was rendered from."""
    seen: list[Rendered] = []
    real = views.article_view

    def spy(article, source, src, markdown_text, notes_html, urls, *rest):  # type: ignore[no-untyped-def]
        seen.append(Rendered(article.meta.slug, src, dict(notes_html), urls))
        return real(article, source, src, markdown_text, notes_html, urls, *rest)

    monkeypatch.setattr(views, "article_view", spy)
    result = pipeline.build_site(fs.read_inputs(root))
    assert result.ok, [str(p) for p in result.problems if p.severity == "error"]
    articles = sorted(p for p in result.outputs if re.fullmatch(r"articles/[^/]+\.md", p))
    # (if rendering ever moves into worker processes, collect the sources another way: this must not go empty)
    assert len(seen) == len(articles) > 0, "every article's source was collected"
    return seen, result


def assert_fast_equals_markdown_it(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen, result = build_collecting(root, monkeypatch)
    for item in seen:
        artifact = result.outputs[f"articles/{item.slug}.md"].decode("utf-8")
        assert artifact == article_markdown(item.src)
        reference = render_article(artifact, item.notes_html, item.urls.resolve_note_link)
        fast = article_html(item.src, item.notes_html, item.urls.resolve_note_link)
        assert fast is not None, f"{item.slug}: the fast path declined"
        assert fast == reference, item.slug
        # and the page carries that body (views.article_view uses the fast path)
        page = result.outputs[f"articles/{item.slug}/index.html"].decode("utf-8")
        body = reference.replace("<h1>", '<h1 class="headline" id="headline">', 1) if item.src.headline else reference
        assert body in page, item.slug


def test_every_article_of_the_default_dossier_renders_the_same_as_its_markdown(monkeypatch) -> None:
    assert_fast_equals_markdown_it(ROOT, monkeypatch)


def test_every_article_of_a_generated_dossier_renders_the_same_as_its_markdown(tmp_path, monkeypatch) -> None:
    dossier_synth.generate(tmp_path / "generated", articles=30, seed=8)
    assert_fast_equals_markdown_it(tmp_path / "generated", monkeypatch)


# --- random texts and marks -------------------------------------------------------------------------------

# What editors and seeds plausibly hold, Markdown's special characters included; none of it makes the fast
# path decline.
COMMON_TEXT = st.lists(st.sampled_from(list("abcdefXYZ 0123456789*_[]{}<>&\\`#!.,;:'\"()/%$@+=~|-")
                                       + ["“", "”", "’", "—", "é", "漢", "😀", "1. ", "2) ", "# ", "> ", "- ",
                                          "&amp;", "<b>", "[x](y)", "![i](j)", "**", "\t", "\u00a0", "  "]),
                       min_size=1, max_size=30).map("".join)
# ...and what markdown-it-py reads otherwise than plain text: the fast path may decline these, never differ.
HAZARDS = ["^", "(x)", "()", " #", " ##", "\n", "\r", "\x00", " ", "    ", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "#", "\r\n", "^[x]"]
COMMON_PARAGRAPH = COMMON_TEXT.map(str.strip).filter(bool)


def rarely(common: st.SearchStrategy[Any], hazard: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly `common`: an article has many parts, and any one hazard may make the whole article decline."""
    return st.sampled_from([False] * 11 + [True]).flatmap(lambda pick_hazard: hazard if pick_hazard else common)


ANY_TEXT = st.lists(rarely(COMMON_PARAGRAPH, st.sampled_from(HAZARDS)), min_size=1, max_size=4).map("".join)

COMMON_NOTES = ["Stated without a source.", "Compare *this* with **that**.", "See [the report](https://example.org/a b)",
                "See [the other](article:other-piece) and [a tag](tag:wording).", "Code `x < y` & more",
                "- one\n- two", "# not a heading in a note?", "First.\n\nSecond paragraph.", "a\tb\n\tindented",
                "1. first\n2. second", "> quoted", "[bad](javascript:alert(1))", "<b>raw</b> &amp; &copy;",
                "", "   ", "line one\nline two", "```\ncode\n```", "    indented code"]
HAZARD_NOTES = ["see [^other]", "^[inline]", "[ref]: /somewhere", "[x]\n\n[x]: /y"]
COMMON_HREFS = ["/entities/a/", "entity:b", "https://example.org/ä?q=1#frag", "/compare/c/#w-x", "compare:c",
                "article:x#a-y"]
HAZARD_HREFS = ["javascript:alert(1)", "/a b", "/a(b)", "&amp;x", "\\x", "<x>", ""]
IDS = ["a", "b", "c-1", "note_2", "Z9", "x-y-z"]


@st.composite
def articles(draw, text=COMMON_PARAGRAPH, notes=st.sampled_from(COMMON_NOTES), hrefs=st.sampled_from(COMMON_HREFS),
             labels=st.sampled_from(["compare quote", "compare *figure*", "[x] & <y>", "1. two"]),
             ids=st.sampled_from(IDS), unique_notes: bool = True) -> ArticleSource:
    paragraphs = draw(st.lists(text, min_size=1, max_size=4))
    gaps = draw(st.lists(st.sampled_from(["\n\n", "\n", "\n\n\n", "  \n\n"]), min_size=len(paragraphs),
                         max_size=len(paragraphs)))
    full, spans = "", []
    for p, gap in zip(paragraphs, gaps):
        spans.append((len(full), len(full) + len(p)))
        full += p + gap
    size = len(full)

    def ranges(n: int) -> list[tuple[int, int]]:
        out = []
        for _ in range(n):
            a = draw(st.integers(0, size - 1))
            out.append((a, draw(st.integers(a + 1, size))))
        return out

    note_ids = draw(st.lists(ids, max_size=5, unique=unique_notes))
    note_marks = tuple(NoteMark(i, a, b, draw(notes)) for i, (a, b) in zip(note_ids, ranges(len(note_ids))))
    links = tuple(LinkMark(f"m-{k}", a, b, draw(hrefs), "e", draw(st.booleans()))
                  for k, (a, b) in enumerate(ranges(draw(st.integers(0, 4)))))
    badges = tuple(BadgeMark(f"w-{k}", a, b, draw(hrefs), draw(labels))
                   for k, (a, b) in enumerate(ranges(draw(st.integers(0, 2)))))
    front = draw(st.sampled_from([(), (("title", "T"), ("seed", "s.txt")), (("title", 'a "quoted" --- title\n'),)]))
    return ArticleSource(full, tuple(spans), front, draw(st.booleans()), note_marks, links, badges)


def reference_and_fast(src: ArticleSource, urls: Urls) -> tuple[str | None, str | None]:
    notes_html = {n.id: f'<span class="np">{n.id}</span>' for n in src.notes}
    fast = article_html(src, notes_html, urls.resolve_note_link)
    if fast is None:
        return None, None
    return render_article(article_markdown(src), notes_html, urls.resolve_note_link), fast


URLS = [Urls("/"), Urls("/sub/päth/")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from(URLS))
def test_common_articles_take_the_fast_path_and_render_the_same(src: ArticleSource, urls: Urls) -> None:
    # the two rare declines a common text can meet: a headline ending in "#", a note followed by "("
    assume(not (src.headline and src.text[src.paragraphs[0][0]:src.paragraphs[0][1]].endswith("#")))
    assume(not any(src.text.startswith("(", snap(src.paragraphs, n.start, n.end)[1]) for n in src.notes))
    reference, fast = reference_and_fast(src, urls)
    assert fast is not None, "the fast path declined a common article"
    assert fast == reference


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(text=ANY_TEXT, notes=rarely(st.sampled_from(COMMON_NOTES), st.sampled_from(HAZARD_NOTES)),
                hrefs=rarely(st.sampled_from(COMMON_HREFS), st.sampled_from(HAZARD_HREFS)),
                labels=st.sampled_from(["compare quote"] * 6 + [" padded ", "", "a^b", "^a", "two\nlines",
                                                                "x\n# heading"]),
                ids=rarely(st.sampled_from(IDS), st.sampled_from(["has space", "dot.ted", 'q"uote', "é"])),
                unique_notes=False),
       st.sampled_from(URLS))
def test_any_article_renders_the_same_or_the_fast_path_declines(src: ArticleSource, urls: Urls) -> None:
    reference, fast = reference_and_fast(src, urls)
    event("declined" if fast is None else "fast path")
    assert fast == reference


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.just(""), COMMON_PARAGRAPH), st.sampled_from(["^", "(x)", "()", " #", " ##", "#", " ", "\n", "^[x]"]),
       st.one_of(st.just(""), COMMON_PARAGRAPH),
       st.sets(st.sampled_from(["note before", "note after", "mention after", "badge before", "note across"])),
       st.booleans(), st.sampled_from(URLS))
def test_a_hazard_right_next_to_a_mark_renders_the_same_or_the_fast_path_declines(
        prefix: str, hazard: str, suffix: str, marks: set[str], headline: bool, urls: Urls) -> None:
    """Random placement rarely puts a mark's bracket exactly beside a caret, a parenthesis or a closing
    hash; this places it there."""
    first = prefix + hazard + suffix
    text = first + "\n\nAnother paragraph."
    at, after = len(prefix), len(prefix) + len(hazard)
    notes, links, badges = [], [], []
    if "note before" in marks and at > 0:
        notes.append(NoteMark("a", 0, at, "Before."))
    if "note after" in marks and after < len(first):
        notes.append(NoteMark("b", after, len(first), "After."))
    if "note across" in marks:
        notes.append(NoteMark("c", max(at - 1, 0), min(after + 1, len(text)), "Across."))
    if "mention after" in marks and after < len(first):
        links.append(LinkMark("m-1", after, len(first), "entity:x", "x", True))
    if "badge before" in marks and at > 0:
        badges.append(BadgeMark("w-1", 0, at, "compare:y", "compare quote"))
    src = ArticleSource(text, ((0, len(first)), (len(first) + 2, len(text))), (("title", "T"),), headline,
                        tuple(notes), tuple(links), tuple(badges))
    reference, fast = reference_and_fast(src, urls)
    event("declined" if fast is None else "fast path")
    assert fast == reference


def test_real_notes_rendered_by_the_build_keep_the_equality() -> None:
    """Sidenote HTML as the build makes it (render_note), with links and emphasis, in a headline too."""
    urls = Urls("/d/")
    text = "Netanyahu: we will do it alone\n\nHe said “we will do it *alone*” on 22 March."
    notes = (NoteMark("claim-1", 0, 9, "See [the other](article:x) and **this**."),
             NoteMark("quote-2", 46, 60, "A quote.\n\nWith [a tag](tag:t)."))
    src = ArticleSource(text, ((0, 30), (32, len(text))), (("title", text[:30]),), True, notes,
                        (LinkMark("m-1", 0, 9, "entity:netanyahu", "netanyahu", True),),
                        (BadgeMark("w-q", 46, 60, "compare:alone", "compare quote"),))
    notes_html = {n.id: render_note(n.note, urls.resolve_note_link)[0] for n in notes}
    fast = article_html(src, notes_html, urls.resolve_note_link)
    assert fast == render_article(article_markdown(src), notes_html, urls.resolve_note_link)
    assert fast is not None and '<h1><span id="a-claim-1"' in fast and 'href="/d/articles/x/"' in fast


# --- when it declines ---------------------------------------------------------------------------------------

def one(text: str, note: str = "n", href: str = "/e/", label: str = "compare", headline: bool = False,
        note_ids: tuple[str, ...] = ("a",)) -> ArticleSource:
    end = len(text)
    return ArticleSource(text, ((0, end),), (("title", "T"),), headline,
                         tuple(NoteMark(i, 0, end, note) for i in note_ids),
                         (LinkMark("m-1", 0, 1, href, "e", True),), (BadgeMark("w-1", 0, end, "/c/", label),))


@pytest.mark.parametrize("src, why", [
    (one("x^"), "a caret before a mark's bracket starts an inline footnote"),
    (ArticleSource("said (in a statement)", ((0, 21),), (), False, (NoteMark("a", 0, 5, "n"),)),
     "a footnote reference followed by a parenthesis reads as a link"),
    (one("two\nlines"), "a newline inside a paragraph"),
    (one(" leading"), "surrounding whitespace is stripped by markdown-it"),
    (one("trailing\u00a0"), "Unicode whitespace too"),
    (one("Headline #", headline=True), "a closing sequence of the headline"),
    (one("text", note="see [^b]"), "a footnote reference inside a note"),
    (one("text", note="[text]: /somewhere"), "a link reference definition inside a note"),
    (one("text", note="^[inline]"), "an inline footnote inside a note"),
    (one("text", href="javascript:alert(1)"), "a refused link target: markdown-it makes no link"),
    (one("text", href="/a b"), "a link target that is not a bare destination"),
    (one("text", label=""), "an empty badge label"),
    (one("text", label="x\n# heading"), "a line break in a badge label: a heading may interrupt the paragraph"),
    (one("text", note_ids=("a", "a")), "a note id used twice shares one footnote number"),
    (one("text", note_ids=("a.b",)), "an id the attrs plugin would cut short"),
])
def test_the_fast_path_declines_what_markdown_it_may_read_otherwise(src: ArticleSource, why: str) -> None:
    assert article_html(src, {}, Urls("/").resolve_note_link) is None, why


def test_the_fast_path_takes_a_plain_article() -> None:
    src = one("plain text with *stars*, [brackets] and <tags> & 1. numbers")
    fast = article_html(src, {}, Urls("/").resolve_note_link)
    assert fast is not None
    assert fast == render_article(article_markdown(src), {}, Urls("/").resolve_note_link)
