"""A quoted value that ends before its text does: `title: "He said "yes" to it"`, `title: 'It's here'`; and a value
that YAML reads as a list or mapping because it begins with a bracket: `note: [INPE](https://…) counted`.

News text is full of quotation marks and apostrophes, and the quote that opens a YAML value is ended by the
first quote of its kind inside it. PyYAML then finds text where the next key should be and reports a mapping
that does not end ("expected <block end>") at the first letter after that quote; this module tells the
editor which quote ended the value, and how to keep it inside; and where a quote that was never closed opened,
its value run on over lines to the next quote character. A note beginning with a Markdown link ("[INPE](…)")
or a title with a tag ("[Update] Talks resume") is a list in brackets with text after it: PyYAML said the
indentation was wrong (review 125); the hint quotes the editor's own line, as one for a ": " in a plain value
does. Pure: the file's text and PyYAML's mark in.
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


# A line's value after "key: " or "- " (the key's part, then the value to its end, its trailing spaces and a
# comment after " # " aside; "#1" and "#hashtag" are the value's words, review 131)
_VALUE = re.compile(r"^([ \t]*(?:-[ \t]+)*(?:[^\s#'\"\[{][^:#]*?:[ \t]+)?(?:-[ \t]+)*)(\S.*?)[ \t]*(?:[ \t]#(?!\S).*)?$")
_CLOSING = {"[": "]", "{": "}"}


def quoted_line(line: str) -> str | None:
    """`line` (key: value, or - value) with its value in quotes that read it as written: double quotes, or single
    ones where it holds a '"' or a backslash (an escape in double quotes), each "'" then written twice. None for a
    line with no value."""
    found = _VALUE.match(line)
    if found is None:
        return None
    lead, value = found.group(1), found.group(2)
    if '"' not in value and "\\" not in value:
        return f'{lead}"{value}"'
    return f"{lead}'{value.replace(chr(39), chr(39) * 2)}'"


def _line_at(text: str, index: int) -> tuple[int, str]:
    """Where the line holding character `index` of `text` begins, and that line, its break aside (YAML's line
    breaks: LF, CR LF and a lone CR; the others are refused before parsing)."""
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    end = min((at for at in (text.find("\n", index), text.find("\r", index)) if at >= 0), default=len(text))
    return start, text[start:end]


def colon_hint(text: str, mark: Any) -> str:
    """The hint for a ": " in a plain value, PyYAML's `mark` at it: the editor's own line with its value quoted
    (review 125: every such hint gave "note: \"Dermer: yes\"", on a title's line too); where the ": " is a key's
    own, on a line indented under a plain value, no value to quote."""
    start, line = _line_at(text, mark.index) if mark is not None else (0, "")
    quoted = quoted_line(line) if line and ": " in line[:mark.index - start] else None
    if quoted is None:
        return 'put the value in quotes (title: "Talks: a deal"); or check the indentation of this line'
    return f"put the value in quotes: {quoted.strip()}; or check the indentation of this line"


def bracket_then_text(text: str, mark: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) when the text at PyYAML's `mark` (where it expected a key or the end of a
    mapping) follows, on its line, a value that opened with "[" or "{" and closed: YAML read the bracket as a list
    or mapping, and the words after it are left over. None otherwise."""
    index = mark.index
    start, line = _line_at(text, index)
    found = _VALUE.match(line)
    before = text[start:index].rstrip(" \t")
    if found is None or found.group(2)[0] not in _CLOSING or index >= len(text) or text[index] in "\r\n#":
        return None
    opening = found.group(2)[0]
    if not before or before[-1] != _CLOSING[opening] or found.start(2) >= len(before):
        return None
    kind = "list" if opening == "[" else "mapping"
    return (mark.line + 1, len(before),
            f'a value that begins with "{opening}" is read by YAML as a {kind}, which ends at this '
            f'"{_CLOSING[opening]}": the text after it is left over',
            f"put the whole value in quotes: {quoted_line(line).strip()}")  # type: ignore[union-attr]


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
