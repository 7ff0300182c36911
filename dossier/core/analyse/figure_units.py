"""The witnesses of a figure comparison whose figure its table sets apart for a unit that looks like a mistake.

The figures table compares only figures of one unit (compare_figures.figure_table: "18 battalions dismantled"
and "4 battalions in Rafah" are two things). A witness whose `unit:` is missing counts what its quote's words
say ("people" for "at least 32,070 people", where the others wrote `unit: people killed`), and one whose unit is
spelt otherwise ("persons killed", "month", "%" for "percent") counts another thing: its row said "not compared"
and the build said nothing, so an outlet's figure was published outside the comparison unnoticed (review 138).

Said here, for the editor to be told: a witness whose figure is compared with no other while its `unit:` is
missing and its quote's words may be the others' unit left unwritten ("people" for "people killed", not
"operatives" for "percent"), or while the others' figures are compared though they have no `unit:` and their
quotes' words may be its unit (the unit on it alone); and one whose unit is the unit of other figures spelt
otherwise (the same words in another form, or a typo that is no other real word: `looks_alike`), when its own
unit's figures are fewer. Units written differently on purpose, each witness with its own `unit:` or with a
quote that says what it counts, are not said: the page tells its readers which figures it compared, and the
editor chose them (review 145: "militants jailed" was taken for a typo of "militants killed"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .compare_figures import Reading, unit_key
from ..common.records import frozen
from ..common.similar import typo_edits
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


def left_out(witnesses: Sequence[Witness], readings: Sequence[Reading],
             known: Callable[[str], bool] = lambda word: False) -> tuple[LeftOut, ...]:
    """The witnesses (with each one's reading, in the same order) the figures table keeps apart for a unit that
    looks like a mistake (module docstring), in the order given. `known`: whether a word is written in the
    dossier's texts (`looks_alike`, `words_written`)."""
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
                 and looks_alike(r.figure.unit, _shown(witnesses, readings, g), known)]
        if alike:
            named = alike
        elif len(mine) > 1:
            named = []   # (compared with the figures of its unit)
        elif not w.unit:  # (its quote's words may be their unit left unwritten: "people" for "people killed")
            named = [g for g in others if _unwritten(r.figure.unit, _shown(witnesses, readings, g), known)]
        else:  # (its unit alone written, the others' figures compared by their quotes' words, which may be it)
            named = [g for g in others if len(g) > 1 and any(not witnesses[j].unit for j in g)
                     and _unwritten(readings[g[0]].figure.unit, r.figure.unit, known)]  # type: ignore[union-attr]
        if named:
            best = min(named, key=lambda g: (not any(witnesses[j].unit for j in g), -len(g), g[0]))
            out.append(LeftOut(i, r.figure.unit, bool(w.unit), _shown(witnesses, readings, best),
                               any(witnesses[j].unit for j in best), bool(alike)))
    return tuple(out)


def _unwritten(unit: str, theirs: str, known: Callable[[str], bool]) -> bool:
    """Whether `unit`, what a figure counts as its quote words it (its witness has no `unit:`), may be the unit
    `theirs` left unwritten: each of its words one of theirs ("people" for "people killed"; no word at all: the
    quote says no unit), or the two alike (`looks_alike`). "operatives" is not "percent" left unwritten, nor
    "palestinians" "people killed": a unit of its own, which the page shows as not compared."""
    words = _written(theirs)
    return all(any(same_word(w, t) for t in words) for w in _written(unit)) or looks_alike(unit, theirs, known)


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
# Words that are one word written otherwise: a person's forms, percent's, British and American spellings
_SAME = {"%": "percent", "pct": "percent", "people": "person", "persons": "person", "metre": "meter",
         "kilometre": "kilometer", "centimetre": "centimeter", "millimetre": "millimeter", "litre": "liter"}
# Real words a letter apart from others, never a slip of them: a magnitude ("million dollars" and "billion
# dollars") and a unit of measure ("km2" and "km", "m" and "km")
_MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_MEASURES = frozenset({
    "m", "km", "km2", "m2", "cm", "mm", "mi", "ft", "yd", "kg", "g", "mg", "t", "lb", "lbs", "oz", "l", "ml",
    "ha", "w", "kw", "mw", "gw", "kwh", "mwh", "gwh", "meter", "kilometer", "centimeter", "millimeter", "mile",
    "foot", "feet", "inch", "yard", "acre", "hectare", "dunam", "gram", "kilogram", "ton", "tonne", "pound",
    "ounce", "liter", "gallon", "barrel", "watt", "kilowatt", "megawatt", "gigawatt"})


def looks_alike(unit: str, other: str, known: Callable[[str], bool] = lambda word: False) -> bool:
    """Whether two units that are not the same (`unit_key`) are one spelt two ways, word by word: the same words
    but for their case and form ("month" and "months", "%" and "per cent", "people killed" and "persons
    killed"), or but for a typo in one word of 5 letters or more (one letter added, left out, changed, or two
    swapped: "poeple killed"), when that word is no other real word: not a magnitude or a unit of measure, nor
    (`known`, asked of each word as written, case aside) both words written in the dossier's texts ("police
    officers" and "police offices"). "militants killed" and "militants jailed", "battalions in Rafah" and
    "battalions dismantled, of 24" are two things."""
    if not unit or not other or unit_key(unit) == unit_key(other):
        return False
    mine, theirs = _written(unit), _written(other)
    if len(mine) != len(theirs):
        return False
    differ = [(a, b) for a, b in zip(mine, theirs) if not same_word(a, b)]
    if not differ:
        return True
    return len(differ) == 1 and _slip(*differ[0], known)


def same_word(word: str, other: str) -> bool:
    """Whether two words (casefolded) are one, but for their form: singular or plural ("-s", "-es", "-ies"),
    percent's spellings ("%", "pct"), "people" and "persons", a British or American spelling ("metres")."""
    return bool(_forms(word) & _forms(other))


def _slip(word: str, other: str, known: Callable[[str], bool]) -> bool:
    """Whether one of two different words (casefolded, as written) is a typo of the other (`looks_alike`)."""
    if min(len(word), len(other)) < 5 or typo_edits(word, other) != 1:
        return False
    if any(f in _MAGNITUDES or f in _MEASURES for f in _forms(word) | _forms(other)):
        return False
    return not (_known(word, known) and _known(other, known))


def _known(word: str, known: Callable[[str], bool]) -> bool:
    """Whether a word is written in the dossier's texts, as it is, in its singular or in the plural."""
    return any(known(form) for form in dict.fromkeys((word, *_singulars(word))))


def _written(unit: str) -> tuple[str, ...]:
    """A unit's words, casefolded, "per cent" one word."""
    return tuple(_WORD.findall(_PERCENT.sub("percent", unit.casefold())))


def _forms(word: str) -> set[str]:
    """What a word (casefolded) may stand for: itself and its singulars, each in the spelling `_SAME` gives."""
    word = _SAME.get(word, word)
    return {_SAME.get(w, w) for w in (word, *_singulars(word))}


def _singulars(word: str) -> tuple[str, ...]:
    """The singulars a word in the plural may be ("witnesses": "witnesse", "witness"; "casualties": "casualty");
    () for a word that does not end as a plural."""
    found = []
    if len(word) > 4 and word.endswith("ies"):
        found.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        found.append(word[:-1])
    if len(word) > 4 and word.endswith("es"):
        found.append(word[:-2])
    return tuple(found)


def words_written(texts: Callable[[], Iterable[str]]) -> Callable[[str], bool]:
    """Whether a word (casefolded) is written in any of `texts` as a whole word, or in the plural ("office" in
    "offices"), case aside: `looks_alike`'s `known`. Asked only of a word a letter apart from another (rarely),
    each word once; `texts` is called at the first question."""
    joined: str | None = None

    @lru_cache(maxsize=None)
    def known(word: str) -> bool:
        nonlocal joined
        if joined is None:
            joined = "\n".join(texts())
        plural = rf"|{re.escape(word[:-1])}ies" if word.endswith("y") else ""
        found = re.search(rf"(?<![^\W_])(?:{re.escape(word)}(?:e?s)?{plural})(?![^\W_])", joined, re.IGNORECASE)
        return found is not None
    return known
