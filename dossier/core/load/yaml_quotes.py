"""A quoted value that ends before its text does: `title: "He said "yes" to it"`, `title: 'It's here'`.

News text is full of quotation marks and apostrophes, and the quote that opens a YAML value is ended by the
first quote of its kind inside it. PyYAML then finds text where the next key should be and reports a mapping
that does not end ("expected <block end>") at the first letter after that quote; this module tells the
editor which quote ended the value, and how to keep it inside; and where a quote that was never closed opened,
its value run on over lines to the next quote character. Pure: the file's text and PyYAML's mark in.
"""

from __future__ import annotations

import re
from typing import Any

from .pyyaml import yaml

# A value in quotes after "key: " or "- " at the start of its line: the key's part, the opening quote
_OPENING = re.compile(r"^[ \t]*(?:-[ \t]+)*(?:[^\s#'\"][^:#]*?:[ \t]+)?(?:-[ \t]+)*(['\"])")


def ended_early(text: str, index: int) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) when the text at `index` (where PyYAML expected a key or the end of a
    mapping) comes right after a quoted value that closed on the same line; else None."""
    start = text.rfind("\n", 0, index) + 1
    before = text[start:index]
    stripped = before.rstrip(" \t")
    if not stripped or stripped[-1] not in "'\"" or index >= len(text) or text[index] in "\n#":
        return None
    opening = _OPENING.match(before)
    quote = stripped[-1]
    if opening is None or opening.group(1) != quote or opening.end() >= len(stripped):
        return None  # (not the same kind of quote as the one the value opens with, or that very quote)
    line, col = text.count("\n", 0, start) + 1, len(stripped)
    if quote == '"':
        return (line, col, 'this " ends the value in double quotes early: the text after it is left over',
                'inside double quotes write a quotation mark as \\" (or use “ ”), or put the whole value in '
                "single quotes instead: '… said \"yes\" …'")
    return (line, col, "this ' ends the value in single quotes early: the text after it is left over",
            "inside single quotes write an apostrophe twice (It''s), or put the whole value in double quotes "
            "instead: \"… It's here …\"")


def runaway_quote(text: str, mark: Any, loader: Any) -> tuple[int, int] | None:
    """(line, column) of a quoted value that spans several lines and ends on the line of a syntax error: a
    closing quote left out, so the value ran on to the next quote character. None otherwise. `loader`: PyYAML's
    loader class the file is read with."""
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= mark.index:
                break  # the scanner reads on past the parser's mistake: only what comes before it counts
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass  # the scanner stopped at a mistake of its own: the tokens so far are what counts
    if last is None or last.style not in ('"', "'") or last.start_mark.line == last.end_mark.line:
        return None
    if last.end_mark.line != mark.line:
        return None
    return last.start_mark.line + 1, last.start_mark.column + 1
