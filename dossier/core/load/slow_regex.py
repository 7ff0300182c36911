"""Patterns that can take minutes: a repetition repeated, as in `(a+)+` or `(\\s*\\w*)*`.

Python's regular expressions backtrack: on a line the pattern almost matches, `(a+)+b` tries every way of
cutting the a's into groups, twice as many for each letter more, and a seed line of forty letters never ends.
Such a pattern always has a simpler form that matches the same lines (`a+b`): a warning, from the form of the
pattern alone, before any seed is read. Patterns that run on in other ways (`(a|aa)+$`) are found only on a line:
cleaning.py stops any match after half a second, an error. Pure.
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


def _repeat(node: Any) -> bool:
    """Whether `node` is a repetition that backtracks (`+`, `*`, `?`, `{m,n}`; not a possessive one)."""
    return node[0] in _REPEATS and node[0] != getattr(_c, "POSSESSIVE_REPEAT", None)


def _unbounded(node: Any) -> bool:
    return _repeat(node) and node[1][1] == _c.MAXREPEAT


def _inner(items: list[Any]) -> list[Any]:
    """The items of a group's body, through groups of one item: `((a+))` is `a+`."""
    while len(items) == 1 and items[0][0] == _c.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _ambiguous(body: list[Any]) -> bool:
    """Whether the turns of a repetition with this body can share out the same letters in many ways: a body of
    repetitions, one of them unbounded, of which at most one must match something (`a+`, `\\w+\\s?`,
    `\\d+,?`), or an alternation one of whose branches is such a body (`a+|b`)."""
    if len(body) == 1 and body[0][0] == _c.BRANCH:
        return any(_ambiguous(_inner(list(branch))) for branch in body[0][1][1])
    return bool(body) and all(_repeat(item) for item in body) and any(_unbounded(item) for item in body) \
        and sum(item[1][0] > 0 for item in body) <= 1


def _walk(items: Any) -> bool:
    for node in items:
        op, av = node
        if _repeat(node):
            # repeated without bound (or often): "(a+){2}" only doubles the work, "(a+)+" doubles it per letter
            if (av[1] == _c.MAXREPEAT or av[1] > 10) and _ambiguous(_inner(list(av[2]))):
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
    """Whether `pattern` repeats, without bound, a group whose turns can share out the same letters in many ways
    (`(a+)+`, `(x*)*`, `(\\w+\\s?)+`, `(\\d+,?)+`, `(a+|b)+`; not `(\\s+\\w+)*` nor `(\\w+){2}`): the form whose
    matching time can double with each character of a line. False for a pattern that does not compile."""
    try:
        return _walk(_p.parse(pattern))
    except (re.error, RecursionError, OverflowError):
        return False


# What a pattern may weigh compiled: its repeats' counts multiplied through their nesting, its items added up.
# "(?:a{10000}){10000}b" is 20 characters and 10⁸ items: Python's engine keeps the counts, but the one that runs
# the import rules with a timeout (`regex`) writes them out, and took all the machine's memory (review 66)
MAX_WEIGHT = 100_000
MAX_LENGTH = 10_000   # characters (a list of 150,000 words took seconds to compile)


def weight(pattern: str) -> int:
    """How many items `pattern` holds written out (its counted repeats multiplied through their nesting); 0 for
    a pattern that does not compile."""
    try:
        return _weight(_p.parse(pattern))
    except (re.error, RecursionError, OverflowError):
        return 0


def _weight(items: Any) -> int:
    total = 0
    for node in items:
        op, av = node
        if op in _REPEATS:
            low, high = av[0], av[1]
            total += max(1, low if high == _c.MAXREPEAT else high) * _weight(av[2])
        elif op == _c.SUBPATTERN:
            total += _weight(av[-1])
        elif op == _c.BRANCH:
            total += sum(_weight(branch) for branch in av[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            total += _weight(av[1])
        else:
            total += 1
        if total > 10 * MAX_WEIGHT:
            return total  # (heavy enough to refuse: no need to weigh the rest)
    return total
