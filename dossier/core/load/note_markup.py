"""Markdown that a note does not show: tables, lists, quotation and code blocks, headings and images.

A note is shown inside a sentence's margin (a sidenote) or a listing, so it takes inline Markdown only
(emphasis, links, code, footnotes); the block syntax it does not take was published as written ("| Outlet |
Wording |", "- first item") and an image as a "!" before a link, without a word. A warning says so at the line
that has it (`note-markup`). Pure.
"""

from __future__ import annotations

import re

from ..common.errors import Problem, warning
from .model import Origin

_BLOCKS = (
    (re.compile(r"^\s*\|.*\|\s*$", re.M), "a table"),
    (re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\S", re.M), "a list"),
    (re.compile(r"^\s{0,3}>", re.M), "a quotation block"),
    (re.compile(r"^\s{0,3}(?:```|~~~)", re.M), "a code block"),
    (re.compile(r"^\s{0,3}#{1,6}\s", re.M), "a heading"),
    (re.compile(r"!\[[^\]]*\]\("), "an image"),
)


def note_markup(note: str, origin: Origin, what: str = "a note") -> list[Problem]:
    """A `note-markup` warning for the first block syntax of each kind `note` uses, at its line."""
    if not note or not any(c in note for c in "|-*+>`~#!0123456789"):
        return []
    out = []
    for pattern, kind in _BLOCKS:
        found = pattern.search(note)
        if found:
            at = origin.inside(found.group().strip())
            out.append(warning(at.file, at.line, at.col, f"{what} shows inline Markdown only: {kind} is shown as "
                               "written", "write it as sentences (emphasis, links and code work in a note); a "
                               "table or list belongs in the article's summary", "note-markup"))
    return out
