"""A link's text that holds highlight spans: `[Jake [Sullivan]{.hl}](/entities/jake-sullivan/)`, one link.

An article's Markdown writes a mention that an annotation's or a witness's edge cuts as one link whose words
are partly in a highlight span (markdown.py), as Pandoc and Djot read that syntax. markdown-it's link rule
refuses a link whose text holds any token that begins with "[" (`parseLinkLabel(..., disableNested=True)`:
no link inside a link), a span too, and the mention fell apart into one link per piece: two links for one
name. The article's parser is given this label parser instead (`spans_in_links`), which lets a span through
and still refuses a link, a reference link or a footnote reference. Pure.
"""

from __future__ import annotations

from types import SimpleNamespace

from markdown_it import MarkdownIt, helpers
from markdown_it.rules_inline import StateInline


def spans_in_links(md: MarkdownIt) -> MarkdownIt:
    """`md`, whose links may hold attribute spans (`parse_link_label`); its other parsers are unchanged."""
    md.helpers = SimpleNamespace(parseLinkLabel=parse_link_label,  # type: ignore[assignment]
                                 parseLinkDestination=helpers.parseLinkDestination,
                                 parseLinkTitle=helpers.parseLinkTitle)
    return md


def parse_link_label(state: StateInline, start: int, disableNested: bool = False) -> int:  # noqa: N803
    """markdown-it's `parseLinkLabel` (the end of the label whose "[" is at `start`, or -1), except that a span
    `[words]{attrs}` inside a link's text does not make it fail, unless it holds a link itself. Of the tokens
    that begin with "[" (a link, a reference link, a footnote reference, a span), only a span ends with "}":
    its attributes. (An editor's note, in the same Markdown, cannot make one: note_markdown escapes its "{".)"""
    old_pos = state.pos
    state.pos = start + 1
    level = 1
    found = False
    while state.pos < state.posMax:
        marker = state.src[state.pos]
        if marker == "]":
            level -= 1
            if level == 0:
                found = True
                break
        before = state.pos
        state.md.inline.skipToken(state)
        if marker == "[":
            if before == state.pos - 1:
                level += 1   # a "[" that is no part of any token
            elif disableNested and (state.src[state.pos - 1] != "}" or parse_link_label(state, before, True) < 0):
                state.pos = old_pos
                return -1
    end = state.pos if found else -1
    state.pos = old_pos
    return end
