"""A mention that an annotation's or a witness's edge cuts ("Benjamin Netanyahu", the quote beginning at
"Netanyahu told ...") is one link, with the highlights split inside it: a screen reader hears one link, a
mouse hovers one card. It was one link per piece, the later ones without the mention's id. Unit tests of the
two renderings (article_html, the .md and markdown-it's reading of it) and of a built page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin

from conftest import mini, run_build
from dossier.core.common.urls import Urls
from dossier.core.text.article_html import article_html
from dossier.core.text.link_label import spans_in_links
from dossier.core.text.markdown import ArticleSource, BadgeMark, LinkMark, NoteMark, article_markdown, render_article
from htmltext import check
from test_quality_html import nu_errors

RESOLVE = Urls("/").resolve_note_link
TEXT = "Benjamin Netanyahu told Blinken."
NETANYAHU = LinkMark("m-1", 0, 18, "/entities/benjamin-netanyahu/", "benjamin-netanyahu", True)
LINK_OPEN = '<a href="/entities/benjamin-netanyahu/" id="m-1" class="m">'
HL_START = '<span class="hl-start"></span>'   # where "annotated:" is said of a highlight beginning inside a link


def one_paragraph(notes=(), badges=(), links=(NETANYAHU,)) -> ArticleSource:  # type: ignore[no-untyped-def]
    return ArticleSource(TEXT, ((0, len(TEXT)),), (), False, tuple(notes), tuple(links), tuple(badges))


def body(src: ArticleSource) -> str:
    """The paragraph's HTML, after checking that both renderings agree and that it is well formed."""
    html = article_html(src, {}, RESOLVE)
    assert html == render_article(article_markdown(src), {}, RESOLVE)
    errors, text, _ = check(html)
    assert not errors and text.strip() == TEXT, (errors, text)
    return html.split("</p>")[0].removeprefix("\n<p>")


def mention_links(html: str) -> list[str]:
    return re.findall(r'<a href="/entities/[^"]*"[^>]*>', html)


def test_a_quote_beginning_inside_a_mention_highlights_part_of_one_link() -> None:
    html = body(one_paragraph(notes=[NoteMark("told", 9, 23, "A note.")]))
    assert html.startswith(HL_START + LINK_OPEN + 'Benjamin <span id="a-told" data-a="told" data-depth="1" '
                           'class="hl">Netanyahu</span></a><span data-a="told" data-depth="1" class="hl"> told</span>'
                           '<span class="sn">')
    assert mention_links(html) == [LINK_OPEN]


def test_a_quote_ending_inside_a_mention_has_its_note_after_the_link() -> None:
    """(a note is a control, which a link may not hold: its number follows the name)"""
    html = body(one_paragraph(notes=[NoteMark("first", 0, 8, "First name.")]))
    assert html.startswith(HL_START + LINK_OPEN + '<span id="a-first" data-a="first" data-depth="1" class="hl">'
                           'Benjamin</span> Netanyahu</a><span class="sn">')
    assert mention_links(html) == [LINK_OPEN]


def test_a_witness_and_overlapping_quotes_inside_a_mention_keep_their_ids_depths_and_badges() -> None:
    notes = [NoteMark("a", 0, 12, "x"), NoteMark("b", 9, 23, "y")]
    badges = [BadgeMark("w-1", 0, 8, "/compare/c/", "compare")]
    html = body(one_paragraph(notes=notes, badges=badges))
    assert html.startswith(
        HL_START * 2 + LINK_OPEN + '<span id="a-a" data-a="a" data-depth="1" data-w="w-1" class="hl wit">'
        'Benjamin</span>'
        '<span data-a="a" data-depth="1" class="hl"> </span>'
        '<span id="a-b" data-a="a b" data-depth="2" class="hl">Net</span>'
        '<span data-a="b" data-depth="1" class="hl">anyahu</span></a><span class="sn">')
    after_link = html.split("</a>", 1)[1]
    assert after_link.index('id="sn-a"') < after_link.index('id="w-1"') < after_link.index('id="sn-b"')
    assert mention_links(html) == [LINK_OPEN]


def test_a_mention_wholly_inside_a_quote_is_rendered_as_before() -> None:
    """The pages without a cut mention do not change: the link inside the highlight."""
    html = body(one_paragraph(notes=[NoteMark("all", 0, 23, "x")]))
    assert html.startswith('<span id="a-all" data-a="all" data-depth="1" class="hl">' + LINK_OPEN +
                           'Benjamin Netanyahu</a></span><span data-a="all" data-depth="1" class="hl"> told</span>')


def test_the_annotated_markdown_writes_a_cut_mention_as_one_link_with_a_span_inside() -> None:
    markdown = article_markdown(one_paragraph(notes=[NoteMark("told", 9, 23, "A note.")]))
    assert ('[]{.hl-start}[Benjamin [Netanyahu]{#a-told .hl data-a="told" data-depth="1"}]'
            '(/entities/benjamin-netanyahu/)'
            '{#m-1 .m}[ told]{.hl data-a="told" data-depth="1"}[^told] Blinken.') in markdown


def test_the_article_parser_reads_a_span_inside_a_link_and_still_no_link_inside_a_link() -> None:
    md = spans_in_links(MarkdownIt("commonmark").use(attrs_plugin, spans=True))
    stock = MarkdownIt("commonmark").use(attrs_plugin, spans=True)
    assert md.render("[a [b]{.hl} c](/e/)") == '<p><a href="/e/">a <span class="hl">b</span> c</a></p>\n'
    assert stock.render("[a [b]{.hl} c](/e/)") != md.render("[a [b]{.hl} c](/e/)")
    for nested in ("[a [b](/f/) c](/e/)", "[a [b][r] c](/e/)\n\n[r]: /g/", "[a [b [c](/f/)]{.x}](/e/)"):
        assert md.render(nested) == stock.render(nested), nested
    assert stock.render("x") == md.render("x") and stock.helpers.parseLinkLabel is not md.helpers.parseLinkLabel


@st.composite
def cut_mentions(draw) -> ArticleSource:  # type: ignore[no-untyped-def]
    """Two paragraphs of words, mentions of one or two whole words, annotations and witnesses anywhere."""
    words = st.lists(st.sampled_from(["Benjamin", "Netanyahu", "told", "Blinken", "^", "[x]", "a*b*", "1."]),
                     min_size=1, max_size=8)
    first, second = " ".join(draw(words)), " ".join(draw(words))
    text = first + "\n\n" + second
    runs = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)?", first)]
    runs += [(m.start() + len(first) + 2, m.end() + len(first) + 2) for m in re.finditer(r"\S+(?: \S+)?", second)]
    chosen = sorted(draw(st.sets(st.sampled_from(runs), max_size=4)))
    links = tuple(LinkMark(f"m-{k}", a, b, f"/entities/e{k % 2}/", f"e{k % 2}", k < 2)
                  for k, (a, b) in enumerate(chosen))

    def ranges(n: int) -> list[tuple[int, int]]:
        out = []
        for _ in range(n):
            a = draw(st.integers(0, len(text) - 2))
            out.append((a, draw(st.integers(a + 1, len(text)))))
        return out
    notes = tuple(NoteMark(f"n{i}", a, b, "x") for i, (a, b) in enumerate(ranges(draw(st.integers(0, 4)))))
    badges = tuple(BadgeMark(f"w-{i}", a, b, "/compare/c/", "compare")
                   for i, (a, b) in enumerate(ranges(draw(st.integers(0, 2)))))
    return ArticleSource(text, ((0, len(first)), (len(first) + 2, len(text))), (), False, notes, links, badges)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut_mentions())
def test_every_mention_is_one_link_whatever_the_marks_around_it(src: ArticleSource) -> None:
    """One link per mention, with the mention's id; no link in a link (a note's permalink, a badge)."""
    html = article_html(src, {}, RESOLVE)
    assert html == render_article(article_markdown(src), {}, RESOLVE)
    errors, _, ids = check(html)
    assert not errors   # (nested <a> among them)
    assert len(mention_links(html)) == len(src.links) and all(ids.count(m.id) == 1 for m in src.links)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut_mentions())
def test_every_highlight_beginning_inside_a_link_is_said_once_just_before_the_link(src: ArticleSource) -> None:
    """A screen reader hears "annotated:" at an empty `.hl-start` (dossier.css), not in the link's name: one just
    before a mention's link for each highlight beginning inside it, and none anywhere else."""
    html = article_html(src, {}, RESOLVE)
    links = list(re.finditer(r'((?:<span class="hl-start"></span>)*)<a href="/entities/[^"]*"[^>]*>(.*?)</a>', html))
    for link in links:
        assert link.group(1).count(HL_START) == len(re.findall(r'<span id="a-[^"]*" data-a=', link.group(2)))
        assert HL_START not in link.group(2)
    assert html.count(HL_START) == sum(link.group(1).count(HL_START) for link in links)


# --- on a built page -----------------------------------------------------------------------------------------

ENTITIES = """\
benjamin-netanyahu:
  name: Benjamin Netanyahu
  kind: person
  aliases: [Netanyahu]
  summary: Prime Minister of Israel.
antony-blinken:
  name: Antony Blinken
  kind: person
  aliases: [Blinken]
  summary: US Secretary of State.
"""
SEED = ("Netanyahu tells Blinken\n\nPrime Minister Benjamin Netanyahu told Antony Blinken that Israel would go into "
        "Rafah alone if it had to. Blinken said a major operation would be a mistake.\n")
ARTICLE = """\
seed: a.txt
title: Netanyahu tells Blinken
source: outlet-a
date: 2024-03-22
annotations:
  - id: told
    quote: Netanyahu told Antony
    note: The quote begins inside one name and ends inside another.
  - id: minister
    quote: Prime Minister Benjamin
    note: And this one ends inside the first name.
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    root = mini(tmp_path_factory.mktemp("cut"), {"content/entities.yaml": ENTITIES, "seeds/a.txt": SEED,
                                                 "content/articles/a.yaml": ARTICLE})
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "articles" / "a" / "index.html"


def test_a_built_page_has_one_link_per_mention_with_the_quotes_inside_and_is_valid_html(page: Path) -> None:
    html = page.read_text("utf-8")
    text = html.split('<div class="article-body">', 1)[1].split("</article>", 1)[0]
    links = mention_links(text)
    assert len(links) == 5 and all(' id="m-' in link for link in links), links   # headline 2, paragraph 3
    assert (HL_START + '<a href="/entities/benjamin-netanyahu/" id="m-3" class="m m-again"><span data-a="minister" '
            'data-depth="1" class="hl">Benjamin</span> <span id="a-told" data-a="told" data-depth="1" class="hl">'
            'Netanyahu</span></a><span class="sn">') in text
    assert ('<a href="/entities/antony-blinken/" id="m-4" class="m m-again"><span data-a="told" data-depth="1" '
            'class="hl">Antony</span> Blinken</a><span class="sn">') in text
    markdown = (page.parent.parent / "a.md").read_text("utf-8")
    assert markdown.count("](/entities/") == 5 and "[Antony]{.hl" in markdown
    assert markdown.count("[]{.hl-start}[") == 1 == text.count(HL_START)
    assert not nu_errors(page.parent, [page])
