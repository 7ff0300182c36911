"""A character that looks like a space but is none to YAML, found where YAML needs a plain one.

Pasted text brings no-break and typographic spaces: in a line's indentation, after "- " or after a key's ":", YAML
reads them as text, so "kind:\u00a0place" is one word and "\u00a0 kind: place" no key of the mapping. PyYAML
stops at such a line or the one after it, where the mistake is looked for first. A no-break space at the very start
of a line, though, makes the line a key of the mapping around the list (its indentation is none), and PyYAML stops
only lines later, where the indentation of the lines after it "does not match" (review 127): such a character at
the start of any line up to where PyYAML stopped is the mistake, unless it is text inside a value begun above it
(a line of a `note: >-`).
"""

from __future__ import annotations

import re
from typing import Any

from .pyyaml import yaml
from ..common.snippet import place

__all__ = ["odd_space"]

_ODD = "\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"
_ODD_SPACE = re.compile(rf"^[ ]*[{_ODD}]|(?:^|[ ])-[{_ODD}]|:[{_ODD}]")
_INDENTED = re.compile(rf"(?:^|(?<=[\r\n]))[ ]*[{_ODD}]")  # (one in a line's indentation; lines end as YAML's do)
_LINE_END = re.compile(r"[\r\n]|$")
_ODD_NAMES = {"\u00a0": "a no-break space", "\u202f": "a narrow no-break space", "\u200b": "a zero-width space",
              "\ufeff": "a zero-width no-break space", "\u3000": "an ideographic space"}


def odd_space(text: str, mark: Any, loader: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a space YAML does not take for one where it needs one (see the module
    docstring), when PyYAML stopped at `mark`; None when there is none. `loader`: yamlsrc's, whose scanner tells
    a value's text from a line's indentation."""
    if mark is None:
        return None
    found = _near(text, mark) or _indenting(text, mark, loader)
    if found is None:
        return None
    line, col, char = found
    return (line, col, f"{_ODD_NAMES.get(char, 'a typographic space')} (U+{ord(char):04X}) where YAML needs a plain "
            "space", "retype it as an ordinary space (editors and word processors put these in when text is pasted)")


def _near(text: str, mark: Any) -> tuple[int, int, str] | None:
    """(line, column) of one on the line PyYAML stopped at or the one before (it often notices a line late)."""
    lines = text.split("\n")
    for index in (mark.line - 1, mark.line):
        if 0 <= index < len(lines):
            found = _ODD_SPACE.search(lines[index])
            if found:
                return index + 1, found.end(), found.group()[-1]
    return None


def _indenting(text: str, mark: Any, loader: Any) -> tuple[int, int, str] | None:
    """(line, column, character) of the first one in the indentation of a line up to the one PyYAML stopped at,
    that is not text inside a value that began before it."""
    end = _LINE_END.search(text, mark.index).start()  # (the end of the line PyYAML stopped at)
    candidates = [found.end() - 1 for found in _INDENTED.finditer(text, 0, end)]
    if not candidates:
        return None
    inside: list[tuple[int, int]] = []  # (a value's text, from its first character when it begins with one)
    before: Any = None
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index > candidates[-1]:
                break
            if isinstance(token, yaml.ScalarToken):  # (a value's, after ": " or "- ", may begin with one: 132)
                value = isinstance(before, (yaml.ValueToken, yaml.BlockEntryToken, yaml.FlowEntryToken,
                                            yaml.FlowSequenceStartToken))  # (a list's item in [ ] too: 134)
                inside.append((token.start_mark.index - value, token.end_mark.index))
            before = token
    except yaml.YAMLError:
        pass  # the scanner stopped at a mistake of its own: the values before it are what counts
    for at in candidates:
        if not any(start < at < stop for start, stop in inside):
            return (*place(text, at), text[at])
    return None
