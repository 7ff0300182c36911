"""Patterns that can take minutes: a repetition repeated, as in `(a+)+` or `(\\s*\\w*)*`.

Python's regular expressions backtrack: on a line the pattern almost matches, `(a+)+b` tries every way of
cutting the a's into groups, twice as many for each letter more, and a seed line of forty letters never ends.
Nothing can stop a match once it runs (the interpreter is held), so a build, or the live preview and its server,
would seem to hang. Such a pattern always has a simpler form that matches the same lines (`a+b`); the check is
on the form of the pattern alone, before any seed is read. Pure.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def _many(node: Any) -> bool:
    """Whether `node` is a repetition that can take more than one turn (`+`, `*`, `{2,}`, `{1,5}`)."""
    return node[0] in _REPEATS and node[0] != getattr(_c, "POSSESSIVE_REPEAT", None) and node[1][1] > 1


def _inner(items: list[Any]) -> list[Any]:
    """The items of a group's body, through groups of one item: `((a+))` is `a+`."""
    while len(items) == 1 and items[0][0] == _c.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _walk(items: Any) -> bool:
    for node in items:
        op, av = node
        if _many(node):
            body = _inner(list(av[2]))
            # a body of repetitions of which at most one must match something: its turns can share out the
            # same letters in many ways ("(\w+\s*)+" is "(\w+)+" where no space stands)
            if body and all(_many(item) for item in body) and sum(item[1][0] > 0 for item in body) <= 1:
                return True
            if _walk(av[2]):
                return True
        elif op == _c.SUBPATTERN and _walk(av[-1]):
            return True
        elif op == _c.BRANCH and any(_walk(branch) for branch in av[1]):
            return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT) and _walk(av[1]):
            return True
    return False


def repeats_a_repetition(pattern: str) -> bool:
    """Whether `pattern` repeats a group made only of repetitions of which at most one must match (`(a+)+`,
    `(x*)*`, `(\\w+\\s*)+`, but not `(\\s+\\w+)*`): the form whose matching time can double with each character
    of a line. False for a pattern that does not compile."""
    try:
        return _walk(_p.parse(pattern))
    except (re.error, RecursionError, OverflowError):
        return False
