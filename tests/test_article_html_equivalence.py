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

    def spy(article, source, src, notes_html, urls, *rest):  # type: ignore[no-untyped-def]
        seen.append(Rendered(article.meta.slug, src, dict(notes_html), urls))
        return real(article, source, src, notes_html, urls, *rest)

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
        assert fast == reference, item.slug
        # and the page carries that body, as the page renders it (views.article_view uses the fast path)
        page = result.outputs[f"articles/{item.slug}/index.html"].decode("utf-8")
        body = article_html(item.src, item.notes_html, item.urls.resolve_note_link, page=True)
        assert page_without_badges_about(body) == marks_after_the_headline(reference), item.slug
        body = body.replace("<h1>", '<h1 class="headline" id="headline">', 1) if item.src.headline else body
        assert body in page, item.slug


def test_every_article_of_the_default_dossier_renders_the_same_as_its_markdown(monkeypatch) -> None:
    assert_fast_equals_markdown_it(ROOT, monkeypatch)


def test_every_article_of_a_generated_dossier_renders_the_same_as_its_markdown(tmp_path, monkeypatch) -> None:
    dossier_synth.generate(tmp_path / "generated", articles=30, seed=8)
    assert_fast_equals_markdown_it(tmp_path / "generated", monkeypatch)


def page_without_badges_about(page: str) -> str:
    """An article body as its page renders it (`article_html(..., page=True)`) without the hidden words that say
    what each badge is about, which markdown-it's rendering has not."""
    return re.sub(r'<span class="visually-hidden badge-about"> \([^<]*\)</span>', "", page)


_MARK = re.compile(r'<span class="(?:sn|bw)">')
_SPAN_TAG = re.compile(r"<span\b|</span>")


def marks_after_the_headline(body: str) -> str:
    """markdown-it's rendering of an article body (or `article_html`'s, the same) with the note references and
    badges of its headline taken out of its heading, in their order, and put right after it, both in one block,
    each note a note (role="note", which HTML forbids in a heading): what the page does with them."""
    heading = re.match(r"\n<h1>(.*?)</h1>\n", body, re.S)
    if heading is None:
        return body
    inner, at, words, marks = heading.group(1), 0, [], []
    while (mark := _MARK.search(inner, at)) is not None:
        words.append(inner[at:mark.start()])
        end, depth = mark.end(), 1
        while depth:
            tag = _SPAN_TAG.search(inner, end)
            assert tag is not None, inner
            depth += -1 if tag.group() == "</span>" else 1
            end = tag.end()
        marks.append(inner[mark.start():end])
        at = end
    if not marks:
        return body
    notes = re.sub(r'(<span class="sidenote" id="n-[^"]+")(><a class="sn-num" href="[^"]+" '
                   r'aria-label="Permalink to note (\d+)")', r'\1 role="note" aria-label="Note \3"\2', "".join(marks))
    return (f'\n<div class="headline-block"><h1>{"".join(words)}{inner[at:]}</h1>{notes}</div>\n'
            f"{body[heading.end():]}")


# --- random texts and marks -------------------------------------------------------------------------------

# What editors and seeds plausibly hold, Markdown's special characters included.
COMMON_TEXT = st.lists(st.sampled_from(list("abcdefXYZ 0123456789*_[]{}<>&\\`#!.,;:'\"()/%$@+=~|-")
                                       + ["“", "”", "’", "—", "é", "漢", "😀", "1. ", "2) ", "# ", "> ", "- ",
                                          "&amp;", "<b>", "[x](y)", "![i](j)", "**", "\t", "\u00a0", "  "]),
                       min_size=1, max_size=30).map("".join)
# ...and what markdown-it-py reads otherwise than plain text next to a mark's bracket (or anywhere): the
# Markdown escapes it where it would, so the two renderings still agree.
HAZARDS = ["^", "(x)", "()", " #", " ##", "#", "^[x]", "\x00", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "^^", "\\^", "\\"]
COMMON_PARAGRAPH = COMMON_TEXT.map(str.strip).filter(bool)


def rarely(common: st.SearchStrategy[Any], hazard: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly `common`, sometimes `hazard`: an article has many parts, and one of each is plenty."""
    # (eleven branches of `common` to one of `hazard`: one_of picks a branch, no new strategy each draw as a flatmap
    # made, which cost more than the rendering)
    return st.one_of(*[common] * 11, hazard)


# A paragraph as the cleaner makes it: one line, stripped, not empty (article_html._check).
ANY_TEXT = st.lists(rarely(COMMON_PARAGRAPH, st.sampled_from(HAZARDS)), min_size=1, max_size=4).map("".join).map(
    str.strip).filter(lambda t: bool(t) and "\n" not in t and "\r" not in t)

COMMON_NOTES = ["Stated without a source.", "Compare *this* with **that**.", "See [the report](https://example.org/a b)",
                "See [the other](article:other-piece) and [a tag](tag:wording).", "Code `x < y` & more",
                "- one\n- two", "# not a heading in a note?", "First.\n\nSecond paragraph.", "a\tb\n\tindented",
                "1. first\n2. second", "> quoted", "[bad](javascript:alert(1))", "<b>raw</b> &amp; &copy;",
                "", "   ", "line one\nline two", "```\ncode\n```", "    indented code"]
# Notes that would reach out of their footnote definition if written as they are.
HAZARD_NOTES = ["see [^other]", "^[inline]", "[ref]: /somewhere", "[x]\n\n[x]: /y", "see [^a] and [^b]",
                "\\[^a] escaped", "\\\\[^a] after a backslash", "x ^[^a] y", "[words]: /x\n\n[words]", "a]: b",
                "code `[^a]` then [^b]", "```\n[^a]: x\n```\n[^b]", "```x``` [^a]", "`open\n\n[^a] `",
                "~~~\n]: ^[\n~~~", "\\`[^a]`", "``x ` [^a]`` ^[y]"]
COMMON_HREFS = ["/entities/a/", "entity:b", "https://example.org/ä?q=1#frag", "/compare/c/#w-x", "compare:c",
                "article:x#a-y"]
# Targets markdown-it would not take bare: written in <...>.
ODD_HREFS = ["/a(b)", "&amp;x", "/x<y>z", "/p\\q", "/\"q\"", "", "https://e.org/a)b", "/it's", "/a[b]", "/é(1)"]
IDS = ["a", "b", "c-1", "note_2", "Z9", "x-y-z"]
# What a badge is about (a comparison's title): said on the page only, after its label.
ABOUTS = st.sampled_from(["", "Headlines", 'a (b) <c> & "d" )</span>', "x\x00y", "*not* [a](link)"])


@st.composite
def articles(draw, text=COMMON_PARAGRAPH, notes=st.sampled_from(COMMON_NOTES), hrefs=st.sampled_from(COMMON_HREFS),
             labels=st.sampled_from(["compare quote", "compare *figure*", "[x] & <y>", "1. two"]),
             ids=st.sampled_from(IDS)) -> ArticleSource:
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

    note_ids = draw(st.lists(ids, max_size=5, unique=True))
    # (some matched only approximately: their highlights carry a class of their own)
    note_marks = tuple(NoteMark(i, a, b, draw(notes), approximate=draw(st.booleans()))
                       for i, (a, b) in zip(note_ids, ranges(len(note_ids))))
    links = tuple(LinkMark(f"m-{k}", a, b, draw(hrefs), "e", draw(st.booleans()))
                  for k, (a, b) in enumerate(ranges(draw(st.integers(0, 4)))))
    badges = tuple(BadgeMark(f"w-{k}", a, b, draw(hrefs), draw(labels), False, draw(ABOUTS))
                   for k, (a, b) in enumerate(ranges(draw(st.integers(0, 2)))))
    front = draw(st.sampled_from([(), (("title", "T"), ("seed", "s.txt")), (("title", 'a "quoted" --- title\n'),)]))
    return ArticleSource(full, tuple(spans), front, draw(st.booleans()), note_marks, links, badges)


def reference_and_fast(src: ArticleSource, urls: Urls) -> tuple[str, str]:
    """markdown-it's rendering of the article's Markdown, and `article_html`'s; which also checks that the page's
    rendering differs from the latter only as it should (`marks_after_the_headline`)."""
    notes_html = {n.id: f'<span class="np">{n.id}</span>' for n in src.notes}
    fast = article_html(src, notes_html, urls.resolve_note_link)
    page = article_html(src, notes_html, urls.resolve_note_link, page=True)
    assert page_without_badges_about(page) == marks_after_the_headline(fast)
    return render_article(article_markdown(src), notes_html, urls.resolve_note_link), fast


URLS = [Urls("/"), Urls("/sub/päth/")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from(URLS))
def test_common_articles_render_the_same_as_their_markdown(src: ArticleSource, urls: Urls) -> None:
    reference, fast = reference_and_fast(src, urls)
    assert fast == reference


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(text=ANY_TEXT, notes=rarely(st.sampled_from(COMMON_NOTES), st.sampled_from(HAZARD_NOTES)),
                hrefs=rarely(st.sampled_from(COMMON_HREFS), st.sampled_from(ODD_HREFS)),
                labels=st.sampled_from(["compare quote"] * 6 + ["a^b", "^a", "a^", "x\x00y", "(x)", "# h"])),
       st.sampled_from(URLS))
def test_articles_with_carets_parentheses_odd_targets_and_reaching_notes_render_the_same(
        src: ArticleSource, urls: Urls) -> None:
    reference, fast = reference_and_fast(src, urls)
    assert fast == reference


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.just(""), COMMON_PARAGRAPH), st.sampled_from(["^", "(x)", "()", " #", " ##", "#", "^[x]", "^^", "\\^"]),
       st.one_of(st.just(""), COMMON_PARAGRAPH),
       st.sets(st.sampled_from(["note before", "note after", "mention after", "badge before", "note across"])),
       st.booleans(), st.sampled_from(URLS))
def test_a_hazard_right_next_to_a_mark_renders_the_same(
        prefix: str, hazard: str, suffix: str, marks: set[str], headline: bool, urls: Urls) -> None:
    """Random placement rarely puts a mark's bracket exactly beside a caret, a parenthesis or a closing
    hash; this places it there."""
    first = (prefix + hazard + suffix).strip()
    assume(first)
    text = first + "\n\nAnother paragraph."
    at, after = min(len(prefix), len(first) - 1), min(len(prefix) + len(hazard), len(first))
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
        badges.append(BadgeMark("w-1", 0, at, "compare:y", "compare quote", False, "Y (the quote)"))
    src = ArticleSource(text, ((0, len(first)), (len(first) + 2, len(text))), (("title", "T"),), headline,
                        tuple(notes), tuple(links), tuple(badges))
    reference, fast = reference_and_fast(src, urls)
    assert fast == reference


def test_real_notes_rendered_by_the_build_keep_the_equality() -> None:
    """Sidenote HTML as the build makes it (render_note), with links and emphasis, in a headline too."""
    urls = Urls("/d/")
    text = "Netanyahu: we will do it alone\n\nHe said “we will do it *alone*” on 22 March."
    notes = (NoteMark("claim-1", 0, 9, "See [the other](article:x) and **this**."),
             NoteMark("quote-2", 46, 60, "A quote.\n\nWith [a tag](tag:t)."))
    badge = BadgeMark("w-q", 46, 60, "compare:alone", "compare quote", False, "“We will do it alone”")
    src = ArticleSource(text, ((0, 30), (32, len(text))), (("title", text[:30]),), True, notes,
                        (LinkMark("m-1", 0, 9, "entity:netanyahu", "netanyahu", True),), (badge,))
    notes_html = {n.id: render_note(n.note, urls.resolve_note_link)[0] for n in notes}
    fast = article_html(src, notes_html, urls.resolve_note_link)
    assert fast == render_article(article_markdown(src), notes_html, urls.resolve_note_link)
    assert '<h1><span id="a-claim-1"' in fast and 'href="/d/articles/x/"' in fast


# --- what the fast path used to decline: now escaped in the Markdown ------------------------------------------

def one(text: str, note: str = "n", href: str = "/e/", label: str = "compare", headline: bool = False,
        note_ids: tuple[str, ...] = ("a",)) -> ArticleSource:
    end = len(text)
    return ArticleSource(text, ((0, end),), (("title", "T"),), headline,
                         tuple(NoteMark(i, 0, end, note) for i in note_ids),
                         (LinkMark("m-1", 0, 1, href, "e", True),), (BadgeMark("w-1", 0, end, "/c/", label),))


def plain_note_then(text: str, at: int, note: str = "n") -> ArticleSource:
    """One paragraph, a note on its first `at` characters and nothing else: its reference right after them."""
    return ArticleSource(text, ((0, len(text)),), (), False, (NoteMark("a", 0, at, note),))


@pytest.mark.parametrize("src, escaped, why", [
    (plain_note_then("said (in a statement)", 5), "[^a]\\(in", "a footnote reference followed by a parenthesis reads as a link"),
    (ArticleSource("x^ and more", ((0, 11),), (), False, (NoteMark("a", 2, 6, "n"),)), "x\\^[ and]{",
     "a caret before a highlight's bracket starts an inline footnote"),
    (ArticleSource("a^b c", ((0, 5),), (), False, (), (LinkMark("m-1", 2, 3, "/e/", "e", True),)), "a\\^[b](/e/)",
     "a caret before a mention's bracket"),
    (ArticleSource("a^b c", ((0, 5),), (), False, (), (), (BadgeMark("w-1", 2, 3, "/c/", "compare"),)), "a\\^[b]{",
     "a caret before a witness's bracket"),
    (one("x^"), "[^]{.hl", "a caret inside a mark's brackets stays as it is"),
    (ArticleSource("^a said", ((0, 7),), (), False, (NoteMark("a", 0, 2, "n"),)), "[\\^a]{",
     "a caret starting a mark's words: [^a] would be a reference to note a"),
    (ArticleSource("^\n\n^[x]:", ((0, 1), (3, 8)), (), False, (NoteMark("a", 0, 1, "n"),), (),
                   (BadgeMark("w-0", 0, 8, "/e/", "compare"),)), "[\\^\\[x\\]:]{",
     "a caret starting a witness's words: [^[x]:] would be a footnote definition (found by Hypothesis)"),
    (one("Headline #", headline=True), "[eadline #]{", "a hash inside a mark's brackets closes nothing"),
    (ArticleSource("Headline ##", ((0, 11),), (), True), "# Headline \\##", "a closing sequence of a plain headline"),
    (ArticleSource("Say C#", ((0, 6),), (), True), "# Say C#\n", "a hash after a letter closes nothing"),
    (one("text", note="see [^b]"), "[^a]: see \\[^b]", "a footnote reference inside a note"),
    (one("text", note="[text]: /somewhere"), "[^a]: [text\\]: /somewhere", "a link reference definition inside a note"),
    (one("text", note="^[inline]"), "[^a]: \\^[inline]", "an inline footnote inside a note"),
    (one("text", note="\\[^b]"), "[^a]: \\[^b]", "an escaped bracket is left as it is"),
    (one("text", note="`[^b]` or [^b]"), "[^a]: `[^b]` or \\[^b]", "nothing is escaped inside a code span"),
    (one("text", note="```\n[r]: /x\n```\n[r]: /y"), "```\n    [r]: /x\n    ```\n    [r\\]: /y",
     "nothing is escaped inside a fenced code block"),
    (one("text", note="`a\n\n[^b] `"), "\\[^b] `", "a code span does not reach across a blank line"),
    (one("text", href="/a[b]"), "(</a[b]>)", "a link target that is not a bare destination"),
    (one("text", href="/a(b)<c>&amp;\\"), "(</a(b)\\<c\\>\\&amp;\\\\>)", "what markdown-it unescapes inside <...>"),
    (one("te\x00xt"), "e\x00xt", "NUL, which markdown-it reads as U+FFFD"),
    (one("text", label="a^b"), "[a^b]", "a caret in a badge label"),
])
def test_what_markdown_it_would_read_across_a_mark_is_escaped_and_renders_the_same(
        src: ArticleSource, escaped: str, why: str) -> None:
    markdown = article_markdown(src)
    assert escaped in markdown, why
    for urls in URLS:
        assert article_html(src, {}, urls.resolve_note_link) == render_article(markdown, {}, urls.resolve_note_link), why


@pytest.mark.parametrize("src, why", [
    (one("two\nlines"), "a newline inside a paragraph: the cleaner makes one paragraph of each line"),
    (one(" leading"), "surrounding whitespace: the cleaner strips it"),
    (one("trailing\u00a0"), "Unicode whitespace too"),
    (one("text", label=""), "an empty badge label"),
    (one("text", label="x\n# heading"), "a line break in a badge label"),
    (one("text", note_ids=("a", "a")), "a note id used twice: the loader refuses it"),
    (one("text", note_ids=("a.b",)), "an id the attrs plugin would cut short: the schema refuses it"),
    (one("text", href="javascript:alert(1)"), "a refused link target: marks link to the build's own pages"),
    (one("text", href="/a b"), "a link target with a space is refused too"),
])
def test_a_source_no_earlier_stage_makes_is_refused_loudly(src: ArticleSource, why: str) -> None:
    with pytest.raises(ValueError):
        article_html(src, {}, Urls("/").resolve_note_link)


def test_a_plain_article_renders_the_same_as_its_markdown() -> None:
    src = one("plain text with *stars*, [brackets] and <tags> & 1. numbers")
    assert article_html(src, {}, Urls("/").resolve_note_link) == render_article(
        article_markdown(src), {}, Urls("/").resolve_note_link)


def test_a_note_s_code_is_printed_as_written_in_the_endnotes() -> None:
    src = one("text", note="Write `[^1]` for a footnote; ^[this] is plain text.")
    html = article_html(src, {}, Urls("/").resolve_note_link)
    assert "<code>[^1]</code>" in html and "^[this] is plain text." in html
    assert html == render_article(article_markdown(src), {}, Urls("/").resolve_note_link)
