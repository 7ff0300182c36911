"""Highlights render as flat, well-nested segments; notes become sidenotes; the text is never altered."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from dossier.core.text.markdown import ArticleSource, NoteMark, article_markdown, render_article, render_note
from dossier.core.common.urls import Urls
from htmltext import check

URLS = Urls("/")
WORDS = ["Rafah", "we", "will", "do", "it", "alone", "*", "_x_", "[a]", "{b}", "<i>", "&amp;", "#", "1.", "—", "“", "”",
         "Netanyahu’s", "\\", "`", "~", "|", "!", "-"]


def source(paragraphs: list[str], notes: list[NoteMark]) -> ArticleSource:
    text = "\n\n".join(paragraphs)
    spans, offset = [], 0
    for p in paragraphs:
        spans.append((offset, offset + len(p)))
        offset += len(p) + 2
    return ArticleSource(text, tuple(spans), (("title", "T"),), False, tuple(notes))


def render(src: ArticleSource) -> str:
    notes = {n.id: render_note(n.note, URLS.resolve_note_link)[0] for n in src.notes}
    return render_article(article_markdown(src), notes, URLS.resolve_note_link)


def visible_paragraphs(html: str) -> list[str]:
    body = html.split('<section class="endnotes"')[0]
    out = []
    for chunk in re.findall(r"<(p|h1)>(.*?)</\1>", body, flags=re.S):
        errors, text, _ = check(chunk[1])
        assert not errors, errors
        out.append(text)
    return out


@st.composite
def annotated(draw):
    paragraphs = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
                  for _ in range(draw(st.integers(1, 3)))]
    text = "\n\n".join(paragraphs)
    notes = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        # Anchoring only ever yields ranges that start and end on text (a quote is trimmed), never in a gap.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        notes.append(NoteMark(f"n{i}", start, end, draw(st.sampled_from(["a *note*", "x [l](https://e.org)", "", "<b>"]))))
    return paragraphs, notes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated())
def test_any_set_of_overlapping_annotations_renders_well_formed_html_with_the_article_text_unchanged(case):
    paragraphs, notes = case
    html = render(source(paragraphs, notes))
    errors, _, ids = check(html)
    assert errors == []
    assert visible_paragraphs(html) == paragraphs
    # every annotation has exactly one permalink target and one sidenote
    for n in notes:
        assert ids.count(f"a-{n.id}") == 1
        assert ids.count(f"n-{n.id}") == 1


def test_nested_annotations_shade_deeper_where_they_overlap():
    paragraphs = ["I told him that I hope we would do this with U.S. support"]
    outer = NoteMark("outer", 0, len(paragraphs[0]), "outer")
    inner = NoteMark("inner", 7, 11, "inner")
    html = render(source(paragraphs, [outer, inner]))
    assert re.search(r'<span id="a-inner" data-a="outer inner" data-depth="2" class="hl">him </span>', html) or \
        re.search(r'data-a="inner outer"[^>]*data-depth="2"[^>]*>him', html)
    assert 'data-depth="1"' in html


def test_a_highlight_crossing_a_paragraph_boundary_marks_both_paragraphs():
    paragraphs = ["First paragraph ends here.", "Second one starts here."]
    text = "\n\n".join(paragraphs)
    note = NoteMark("across", text.index("ends"), text.index("starts"), "crosses")
    html = render(source(paragraphs, [note]))
    first, second = re.findall(r"<p>(.*?)</p>", html.split("endnotes")[0], flags=re.S)[:2]
    assert 'data-a="across"' in first and 'data-a="across"' in second
    assert 'id="a-across"' in first and 'id="a-across"' not in second
    assert "sidenote" in second  # the note sits at the end of the highlight


def test_a_note_with_a_javascript_link_does_not_become_a_link():
    html, refused = render_note("see [this](javascript:alert(1)) and [that](https://example.org)", URLS.resolve_note_link)
    assert "javascript:" not in re.sub(r"\[this\]\(javascript:alert\(1\)\)", "", html)
    assert '<a href="https://example.org">that</a>' in html
    assert refused == ("javascript:alert(1)",)


def test_the_annotated_markdown_stays_readable_with_notes_as_footnotes():
    paragraphs = ["Netanyahu said Israel is ready to “do it alone” in Rafah."]
    text = paragraphs[0]
    md = article_markdown(source(paragraphs, [NoteMark("alone", text.index("“do"), text.index(" in"), "AP's *paraphrase*.")]))
    assert "[“do it alone”]{#a-alone .hl data-a=\"alone\" data-depth=\"1\"}[^alone]" in md
    assert "[^alone]: AP's *paraphrase*." in md
