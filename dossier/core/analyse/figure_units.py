"""The witnesses of a figure comparison whose figure its table sets apart for a unit that looks like a mistake.

The figures table compares only figures of one unit (compare_figures.figure_table: "18 battalions dismantled"
and "4 battalions in Rafah" are two things). A witness whose `unit:` is missing counts what its quote's words
say ("people" for "at least 32,070 people", where the others wrote `unit: people killed`), and one whose unit is
spelt otherwise ("persons killed", "month", "%" for "percent") counts another thing: its row said "not compared"
and the build said nothing, so an outlet's figure was published outside the comparison unnoticed (review 138).

Said here, for the editor to be told: a witness whose figure is compared with no other while its `unit:` is
missing, or while the others' figures are compared though they have no `unit:` (the unit on it alone); and one
whose unit is the unit of other figures spelt otherwise (the same words in another form, or a typo), when its
own unit's figures are fewer. Units written differently on purpose, each witness with its own `unit:`, are not
said: the page tells its readers which figures it compared, and the editor chose them. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .compare_figures import Reading, unit_key
from ..common.records import frozen
from ..common.similar import closest
from ..load.model import Witness


@frozen
class LeftOut:
    """A witness (its `place` among those given) whose figure is compared with no figure of the unit it was
    likely meant to count. `unit`: what its figure counts, its `unit:` or (when `written` is False) its quote's
    word; `theirs`: the unit of the figures it is kept apart from (as a witness wrote it, else as its quote
    words it: `they_wrote` says which); `alike`: whether its unit is theirs spelt otherwise."""

    place: int
    unit: str
    written: bool
    theirs: str
    they_wrote: bool
    alike: bool


def left_out(witnesses: Sequence[Witness], readings: Sequence[Reading]) -> tuple[LeftOut, ...]:
    """The witnesses (with each one's reading, in the same order) the figures table keeps apart for a unit that
    looks like a mistake (module docstring), in the order given."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(readings):
        if r.figure is not None:
            groups.setdefault(unit_key(r.figure.unit), []).append(i)
    out = []
    for i, (w, r) in enumerate(zip(witnesses, readings)):
        if r.figure is None:
            continue
        mine = groups[unit_key(r.figure.unit)]
        others = [g for g in groups.values() if g is not mine]
        alike = [g for g in others if _yields(mine, g)
                 and looks_alike(r.figure.unit, _shown(witnesses, readings, g))]
        if alike:
            named = alike
        elif len(mine) > 1:
            named = []   # (compared with the figures of its unit)
        elif not w.unit:
            named = others
        else:  # (its unit alone written, the others' figures compared by their quotes' words)
            named = [g for g in others if len(g) > 1 and any(not witnesses[j].unit for j in g)]
        if named:
            best = min(named, key=lambda g: (not any(witnesses[j].unit for j in g), -len(g), g[0]))
            out.append(LeftOut(i, r.figure.unit, bool(w.unit), _shown(witnesses, readings, best),
                               any(witnesses[j].unit for j in best), bool(alike)))
    return tuple(out)


def _yields(mine: Sequence[int], theirs: Sequence[int]) -> bool:
    """Whether of two units alike, `mine` is the one to write as the other: it has fewer figures, or as many
    and its first witness comes later."""
    return (len(mine), -mine[0]) < (len(theirs), -theirs[0])


def _shown(witnesses: Sequence[Witness], readings: Sequence[Reading], group: Sequence[int]) -> str:
    """The unit of a group of figures as its first witness with a `unit:` wrote it, else as its first quote words
    it."""
    written = [witnesses[j].unit for j in group if witnesses[j].unit]
    return written[0] if written else readings[group[0]].figure.unit  # type: ignore[union-attr]


_PERCENT = re.compile(r"\bper\s+cent\b")
_WORD = re.compile(r"%|[^\W_]+")
_SAME = {"%": "percent", "pct": "percent", "people": "person", "persons": "person"}


def looks_alike(unit: str, other: str) -> bool:
    """Whether two units that are not the same (`unit_key`) are one spelt two ways: the same words but for
    their form ("month" and "months", "%" and "per cent", "people killed" and "persons killed"), or one a typo
    of the other (common.similar: "poeple killed"). "battalions in Rafah" and "battalions dismantled, of 24"
    are two things."""
    if not unit or not other or unit_key(unit) == unit_key(other):
        return False
    return _words(unit) == _words(other) or closest(unit, [other], typos_only=True) == other


def _words(unit: str) -> tuple[str, ...]:
    words = _WORD.findall(_PERCENT.sub("percent", unit.casefold()))
    return tuple(_singular(_SAME.get(w, w)) for w in words)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
