"""A quoted value that ends before its text does: `title: "He said "yes" to it"`, `title: 'It's here'`.

News text is full of quotation marks and apostrophes, and the quote that opens a YAML value is ended by the
first quote of its kind inside it. PyYAML then finds text where the next key should be and reports a mapping
that does not end ("expected <block end>") at the first letter after that quote; this module tells the
editor which quote ended the value, and how to keep it inside. Pure: the file's text and PyYAML's mark in.
"""

from __future__ import annotations

import re

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
