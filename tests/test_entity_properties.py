"""Properties of mention linking: it never changes what a reader sees of the article, only adds links."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from dossier.core.analyse.entity_links import link_article
from dossier.core.text.markdown import ArticleSource, NoteMark, article_markdown, render_article, render_note
from dossier.core.analyse.mentions import AliasSpec, MentionMatcher
from dossier.core.common.urls import Urls
from htmltext import check

URLS = Urls("/")
WORDS = ["Gaza", "Strip", "gaza", "Netanyahu", "Netanyahu’s", "Netanyahu's", "U.S.", "US", "us", "Israel", "Israeli",
         "we", "alone", "*", "_x_", "[a]", "a", "{b}", "<i>", "&amp;", "\\", "`", "#", "1.", "—", "“", "”", "!", "-"]
ALIASES = ["Gaza", "Gaza Strip", "Strip", "Netanyahu", "U.S.", "US", "Israel", "a", "*", "1.", "we alone"]


@st.composite
def linked_articles(draw):
    paragraphs = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14)))
                  for _ in range(draw(st.integers(1, 3)))]
    text = "\n\n".join(paragraphs)
    spans, offset = [], 0
    for p in paragraphs:
        spans.append((offset, offset + len(p)))
        offset += len(p) + 2
    aliases = draw(st.lists(st.builds(AliasSpec, st.sampled_from(["e1", "e2", "e3"]), st.sampled_from(ALIASES)),
                            min_size=1, max_size=6))
    notes = []
    for i in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            notes.append(NoteMark(f"n{i}", start, end, "a note"))
    return paragraphs, tuple(spans), aliases, notes


def render(text: str, spans, notes, links) -> str:
    src = ArticleSource(text, spans, (("title", "T"),), False, tuple(notes), tuple(links))
    notes_html = {n.id: render_note(n.note, URLS.resolve_note_link)[0] for n in notes}
    return render_article(article_markdown(src), notes_html, URLS.resolve_note_link)


def visible_paragraphs(html: str) -> list[str]:
    body = html.split('<section class="endnotes"')[0]
    out = []
    for chunk in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
        errors, text, _ = check(chunk)
        assert not errors, errors
        out.append(text)
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(linked_articles())
def test_linking_mentions_never_changes_the_visible_text_of_an_article(case):
    paragraphs, spans, aliases, notes = case
    text = "\n\n".join(paragraphs)
    mentions, links = link_article(text, spans, "art", MentionMatcher(aliases), URLS.entity)
    plain = render(text, spans, notes, ())
    linked = render(text, spans, notes, links)
    errors, _, ids = check(linked)
    assert errors == []                                   # well nested: no link crosses a highlight badly
    assert visible_paragraphs(linked) == paragraphs       # the seed text, character for character
    assert visible_paragraphs(linked) == visible_paragraphs(plain)
    # every mention is reachable by its #m-N anchor, exactly once
    assert [i for i in ids if i.startswith("m-")] == [m.id for m in links]
    assert len(links) == len(mentions)


def test_a_mention_a_highlight_boundary_cuts_stays_one_link_with_the_highlight_inside_it():
    """A screen reader heard two links for one name, a mouse met two cards (helper 96): the link holds the
    highlight's piece, never the other way round, and never crosses the highlight's span."""
    text = "Prime Minister Benjamin Netanyahu spoke"
    matcher = MentionMatcher([AliasSpec("benjamin-netanyahu", "Benjamin Netanyahu")])
    _, links = link_article(text, ((0, len(text)),), "art", matcher, URLS.entity)
    note = NoteMark("n", text.index("Netanyahu"), len(text), "note")
    html = render(text, ((0, len(text)),), [note], links)
    assert check(html)[0] == []
    assert html.count('href="/entities/benjamin-netanyahu/"') == 1
    assert '<a href="/entities/benjamin-netanyahu/" id="m-1" class="m">Benjamin <span' in html
    assert html.count('id="m-1"') == 1
    assert visible_paragraphs(html) == [text]
