"""Where a value of an editors' YAML file is written, and unquoted text that YAML cut short at a hashtag."""

from __future__ import annotations

import re
from typing import Any

from ..common.errors import Problem, warning

# After unquoted text, " #" and a word: YAML reads a comment there, so "the slogan #BringThemHome and…" is only
# "the slogan". A comment meant as one is written "# note" (a space after the #) and is left alone.
_COMMENT_WORD = re.compile(r"[ \t]+(#[^\s#]+)")


def place(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of character `at` of `text`, lines ending at LF (as problems are shown)."""
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def cut_by_comment(file: str, text: str, end: int, path: tuple[Any, ...]) -> list[Problem]:
    """A warning when the unquoted text that ends at character `end` of `text` (the value at `path`) stops at a
    hashtag that YAML read as the start of a comment; else none."""
    line_end = text.find("\n", end)
    found = _COMMENT_WORD.match(text, end, line_end if line_end >= 0 else len(text))
    if found is None:
        return []
    line, col = place(text, found.start(1))
    key = next((str(part) for part in reversed(path) if isinstance(part, str)), "the value")
    tag = found.group(1)
    example = f'- "… {tag} …"' if path and isinstance(path[-1], int) else f'{key}: "… {tag} …"'
    return [warning(file, line, col, f'the text of "{key}" stops before "{tag}": YAML reads " #" after unquoted '
                    "text as the start of a comment", f"put the whole text in quotes to keep the rest ({example}); "
                    "a comment is written with a space after the #", "yaml-comment-in-text")]
