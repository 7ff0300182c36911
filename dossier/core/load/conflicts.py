"""Unresolved merge conflicts: the markers git (and diff3, svn) leaves around both sides of lines it could not
merge, in an editors' file or a seed pulled from a shared repository. Pure."""

from __future__ import annotations

import re

# The markers git (and diff3, svn) writes around both sides of a conflict it could not merge: "<<<<<<< HEAD",
# "=======", ">>>>>>> branch", at the start of a line (review 74: YAML read them as a syntax error whose hint was
# to indent the line). Seven characters, then the line's end or a space.
_CONFLICT = re.compile(r"^<{7}(?: .*)?$\n(?:.*\n)*?^={7}\r?$\n(?:.*\n)*?^>{7}(?: .*)?$", re.M)


def merge_conflict(text: str) -> tuple[int, int] | None:
    """The first and last line (from 1) of the first unresolved merge conflict in `text`, if any."""
    found = _CONFLICT.search(text) if "<<<<<<<" in text else None
    if found is None:
        return None
    first = text.count("\n", 0, found.start()) + 1
    return first, first + found.group().count("\n")
