"""Unquoted text of an editors' YAML file that YAML cut short at a hashtag."""

from __future__ import annotations

import re
from typing import Any

from ..common.errors import Problem, warning
from ..common.snippet import place

# After unquoted text, " #" and a word: YAML reads a comment there, so "the slogan #BringThemHome and…" is only
# "the slogan". A comment meant as one is written "# note" (a space after the #) and is left alone.
_COMMENT_WORD = re.compile(r"[ \t]+(#[^\s#]+)")
# The line after unquoted text, indented under it, that begins with a hashtag: the text would have gone on there
_WRAPPED = re.compile(r"\n([ \t]*)(#[^\s#]+)")


def cut_by_comment(file: str, text: str, end: int, path: tuple[Any, ...], start: int | None = None,
                   empty: bool = False) -> list[Problem]:
    """A warning when the unquoted text that ends at character `end` of `text` (the value at `path`, begun at
    `start`) stops at a hashtag that YAML read as the start of a comment: on its last line, or at the start of
    the line after it, indented under the value (where its text would go on); else none. `empty`: nothing is
    left of the value (`summary: #tag …` is no summary at all)."""
    line_end = text.find("\n", end)
    line_end = line_end if line_end >= 0 else len(text)
    found = _COMMENT_WORD.match(text, end, line_end)
    if found is None and start is not None and not empty and not text[end:line_end].strip():
        found = _WRAPPED.match(text, line_end)
        first = text[text.rfind("\n", 0, start) + 1:start]  # (the value's first line, up to the value)
        if found is not None and len(found.group(1)) <= len(first) - len(first.lstrip()):
            found = None  # (not indented under the value's line: a comment line of the file)
    if found is None:
        return []
    line, col = place(text, found.start(found.lastindex or 1))
    key = next((str(part) for part in reversed(path) if isinstance(part, str)), "the value")
    tag = found.group(found.lastindex or 1)
    item = path and isinstance(path[-1], int)
    example = f'- "… {tag} …"' if item else f'{key}: "… {tag} …"'
    what = (f'an item of "{key}" is empty' if item else f'"{key}" is empty') if empty else \
        f'the text of "{key}" stops before "{tag}"'
    how = "" if empty else " after unquoted text"
    hint = f"put the whole text in quotes to keep it ({example}); a comment is written with a space after the #"
    if start is not None and _WORD.fullmatch(text, start, end):
        # (`kind: framing #headline`: an id or a kind, which quotes would make a wrong one: more likely a comment)
        hint = (f"if it is a comment, write a space after the # (# {tag[1:]}); if it belongs to the value, put "
                f"the whole value in quotes ({example})")
    return [warning(file, line, col, f'{what}: YAML reads " #"{how} as the start of a comment', hint,
                    "yaml-comment-in-text")]


_WORD = re.compile(r"[a-z0-9][a-z0-9_.-]*")  # a kind, an id, a date: one word that quotes would not change
