"""`&name` anchors in editors' files: said where they are, since what they do is lose the editor's words.

An anchor names a value for a later `*name` alias to repeat; editors' files use neither (aliases are refused,
yamlsrc.py). A `&` at the start of a plain value is read as one, silently: `note: &Co of Gantz said so.` reads
"of Gantz said so.", `tags: &t [typo]` reads [typo], and nothing said the first word had gone (review 116).
Each anchor is an error at its `&`, with the value as YAML read it, and the hint to quote the value.
"""

from __future__ import annotations

import re
from typing import Any

from .pyyaml import yaml

from ..common.errors import Problem, error

# A "&" that may begin an anchor: at a value's start (after a line's start, a space, "[", "{" or ","), followed
# by a character of a name. A "&" inside a word ("AT&T", "R&D") or before a space ("Smith & Wesson") is text.
_MAYBE = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)


def anchors(file: str, text: str, loader: Any) -> list[Problem]:
    """An error at each anchor of `text` (a file that composed, with no alias). The text is parsed again only
    where a "&" may begin one: most files have none, and none is looked for there."""
    if "&" not in text or not _MAYBE.search(text):
        return []
    found = []
    for event in yaml.parse(text, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if anchor is None or isinstance(event, yaml.AliasEvent):
            continue
        mark = event.start_mark
        if isinstance(event, yaml.ScalarEvent):
            what = f'"&{anchor}" is read by YAML as an anchor (a name for the value), not as text: ' + \
                _reads(event.value)
            hint = _quoting(anchor, event.value)
        else:
            what = f'"&{anchor}" is read by YAML as an anchor (a name for the list or mapping after it), not as text'
            hint = f'remove "&{anchor}"'
        found.append(error(file, mark.line + 1, mark.column + 1, what,
                           hint + "; editors' files name no values (anchors and *aliases are not read)", "yaml-anchor"))
    return found


def _reads(value: str) -> str:
    """What the value reads without the anchor: its first words, enough to see the first one has gone."""
    if not value:
        return "the value is left empty"
    words = value.split()
    return f'the value reads "{" ".join(words[:6])}{" …" if len(words) > 6 else ""}"'


def _quoting(anchor: str, value: str) -> str:
    """How to keep "&name" as text: the whole value in quotes that read it as written (a '"' in it ends a
    double-quoted value, review 119, a backslash begins an escape there), or in single quotes with each of its own
    written twice."""
    if '"' not in value and "\\" not in value:  # (a backslash begins an escape in double quotes: review 121)
        return f'to keep "&{anchor}" as text, put the whole value in double quotes ("&{anchor} …")'
    if "'" not in value:
        return f"to keep \"&{anchor}\" as text, put the whole value in single quotes ('&{anchor} …')"
    return (f"to keep \"&{anchor}\" as text, put the whole value in single quotes ('&{anchor} …'), writing each ' "
            "in it twice ('')")
