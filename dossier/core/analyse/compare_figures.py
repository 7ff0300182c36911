"""The figures table of a `kind: figure` comparison: each witness's number normalised, disagreements flagged.

A witness's figure is read from its words (figures.find_figures); the editor may give `value`, `unit` and
`qualifier` when the text cannot be read that way ("his sixth visit", "a quarter of the operatives"), and
those win. Figures are compared only with figures of the same unit: "18 battalions dismantled" and
"4 battalions in Rafah" are different things, and `disagreements` leaves grouping to its caller.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .figures import Figure, describe, find_figures
from ..load.model import Witness
from ..common.records import frozen


@frozen
class Reading:
    """One witness's figure. figure is None when the witness gives no number; `given` says whether the
    editor supplied the value (True) or it was read from the text (False)."""

    figure: Figure | None
    given: bool
    others: tuple[Figure, ...]   # further numbers in the witness, shown for context


def _matches(found: Figure, value: float, unit: str) -> bool:
    if abs(found.value - value) < 1e-9:
        return True
    # "a quarter of the operatives" read by the editor as 25 percent
    return unit == "percent" and found.value < 1 and abs(found.value * 100 - value) < 1e-9


def reading(witness: Witness, quote: str, found: tuple[Figure, ...] | None = None, language: str = "en") -> Reading:
    """The figure of one witness; `quote` is the witness's words as anchored in the article. `found`: the
    quote's figures (`find_figures(quote, language)`) when they were read already."""
    found = find_figures(quote, language) if found is None else found
    if witness.value is None:
        if not found:
            return Reading(None, False, ())
        first = found[0]
        qualifier = witness.qualifier or first.qualifier
        upper = first.upper if qualifier == "range" else None
        if qualifier == "range" and upper is None:
            qualifier = first.qualifier
        fig = Figure(first.text, first.start, first.end, first.value, qualifier,  # type: ignore[arg-type]
                     upper, witness.unit or first.unit)
        return Reading(fig, False, found[1:])
    match = next((f for f in found if _matches(f, witness.value, witness.unit)), None)
    qualifier = witness.qualifier or (match.qualifier if match and match.upper is None else "exact")
    if qualifier == "range":
        qualifier = "exact"  # an editor's single value has no upper end
    text = match.text if match else ""
    fig = Figure(text, match.start if match else 0, match.end if match else 0, witness.value,
                 qualifier, None, witness.unit or (match.unit if match else ""))  # type: ignore[arg-type]
    return Reading(fig, True, tuple(f for f in found if f is not match))


def value_slip(witness: Witness, quote: str, found: tuple[Figure, ...] | None = None, language: str = "en"
               ) -> Figure | None:
    """The figure of the quote a witness's `value:` was most likely meant to copy, when it copies none: the
    quote's figure nearest to it, within a quarter of it (32700 for the quote's 32,070: a slip of the keyboard
    that the table published as the outlet's figure) or a digit short or over (`_digit_slip`); None when the value is one of the quote's figures, or far
    from all of them ("hundreds" read as 300: what `value:` is for)."""
    if witness.value is None:
        return None
    found = find_figures(quote, language) if found is None else found
    if any(_matches(f, witness.value, witness.unit) for f in found):
        return None
    near = [f for f in found if f.upper is None and f.value and (abs(f.value - witness.value) <= abs(f.value) / 4
                                                                or _digit_slip(f.value, witness.value))]
    return min(near, key=lambda f: abs(f.value - witness.value), default=None)  # type: ignore[operator]


def _digit_slip(written: float, value: float) -> bool:
    """Whether `value` is the whole number `written` with one digit left out or one more (3207 or 320700 for the
    quote's 32,070: the commonest slip of the keyboard, ten times off, which the quarter's reach missed, review
    135)."""
    if written != int(written) or value != int(value):
        return False
    a, b = str(abs(int(written))), str(abs(int(value)))
    if abs(len(a) - len(b)) != 1 or len(min(a, b, key=len)) < 2:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _other(f: Figure) -> str:
    """A further number of a witness as the table lists it: normalised when written in digits ("32,000
    people"), else as written ("six-week", "hundreds of Palestinian prisoners": "200–999 palestinians" is what
    no outlet wrote, review 65), with what it counts when its words do not say."""
    if not any(c.isdigit() for c in f.text):
        return f.text + (f" ({f.unit})" if f.unit and f.unit not in f.text.casefold() else "")
    return describe(f) + (f" {f.unit}" if f.unit else "")


def unit_key(unit: str) -> str:
    """What two units must share for their figures to be compared: their words, case and spacing aside."""
    return " ".join(unit.casefold().split())


def figure_table(rows: Sequence[tuple[str, str, str, Reading]]) -> dict[str, Any]:
    """rows: (column key, outlet, date, reading) in column order → the view of the figures table.

    Each row lists the outlets whose figure for the same unit cannot be true together with its own
    (pairwise is enough: intervals on a line that meet pairwise share a point)."""
    out = []
    readings = [r for *_, r in rows]
    groups = _by_unit(readings)
    conflicts: dict[int, list[int]] = {i: [] for i in range(len(rows))}
    for a, b in _clashes(readings, groups):  # (in column order: each place's earlier ones come before its later)
        conflicts[a].append(b)
        conflicts[b].append(a)
    for i, (key, outlet, date, r) in enumerate(rows):
        f = r.figure
        compared = f is not None and len(groups[unit_key(f.unit)]) > 1
        out.append({
            "key": key, "outlet": outlet, "date": date,
            "has_figure": f is not None,
            "as_written": f.text if f else "",
            "value": describe(f) if f else "",
            "qualifier": f.qualifier if f else "",
            "unit": f.unit if f else "",
            "given": r.given,
            "others": [_other(o) for o in r.others],
            "conflicts": [rows[j][1] for j in conflicts[i]],
            # (compared with another figure of its unit: only then is it "consistent", review 60)
            "compared": compared,
        })
    flagged = sorted({unit_key(rows[i][3].figure.unit) for i, c in conflicts.items()  # type: ignore[union-attr]
                      if c})
    return {"rows": out, "disagree": bool(flagged), "disagreeing_units": flagged,
            "units": sorted(groups), "compared": any(len(m) > 1 for m in groups.values()),
            "unread": sum(r.figure is None for *_, r in rows)}


def _by_unit(readings: Sequence[Reading]) -> dict[str, list[int]]:
    """The places of the readings that found a figure, by the figure's unit (as `unit_key` compares them)."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(readings):
        if r.figure is not None:
            groups.setdefault(unit_key(r.figure.unit), []).append(i)
    return groups


def _clashes(readings: Sequence[Reading], groups: Mapping[str, list[int]]) -> Iterator[tuple[int, int]]:
    """Each pair of places (a < b) whose figures of one unit cannot be true together (`disagreements`, which is
    symmetric: each pair is weighed once)."""
    for members in groups.values():
        for n, a in enumerate(members):
            for b in members[n + 1:]:
                if disagreements([readings[a].figure, readings[b].figure]):  # type: ignore[list-item]
                    yield a, b


def figures_disagree(readings: Sequence[Reading]) -> bool:
    """Whether two of the readings' figures of one unit cannot be true together: `figure_table(...)["disagree"]`,
    without the table (the listing of comparisons asks only this, of every figure comparison at every build)."""
    return next(_clashes(readings, _by_unit(readings)), None) is not None


_Bound = tuple[float, bool]  # (value, inclusive)


def _tolerance(v: float) -> float:
    """How far an "about"/"almost" figure may be from the true value: 5%, or half the rounding step the
    writer evidently used, whichever is larger ("some 30,000" covers 25,000–35,000; "some 250" covers 253)."""
    step = 1.0
    if v >= 1 and abs(v - round(v)) < 1e-9:
        n = int(round(v))
        while n % 10 == 0 and n:
            n //= 10
            step *= 10
    else:
        step = 0.0
    return max(0.05 * abs(v), step / 2)


def _interval(f: Figure) -> tuple[_Bound, _Bound]:
    """The true values that make f true, as (lower, upper) bounds."""
    v, inf = f.value, float("inf")
    floor = 0.0 if v >= 0 else -inf  # ("fewer than -2%" has no floor at zero)
    if f.upper is not None:
        return (v, True), (f.upper, True)
    tol = _tolerance(v)
    return {
        "exact": ((v, True), (v, True)),
        "about": ((v - tol, True), (v + tol, True)),
        "almost": ((v - tol, True), (v, False)),
        "at least": ((v, True), (inf, False)),
        "more than": ((v, False), (inf, False)),
        "fewer than": ((floor, True), (v, False)),
        "at most": ((floor, True), (v, True)),
        "up to": ((floor, True), (v, True)),
        "range": ((v, True), (v, True)),
    }[f.qualifier]


def disagreements(figures: Sequence[Figure]) -> bool:
    """True if the figures, all reported for one thing, cannot all be true at once.

    Rule: each figure stands for the interval of true values it allows — exact: the value itself; about
    (some/about/around/roughly): ± max(5%, half its rounding step); almost/nearly: that tolerance below,
    strictly under the value; at least / more than: from the value up (closed / open); fewer than, at most,
    up to: from zero to the value (open / closed / closed); ranges: both ends inclusive. The figures agree
    iff all intervals share a point. So "more than 32,000" and "at least 32,070" agree, "almost 32,000"
    and "at least 32,070" disagree, "1,200" and "some 1,200" agree, "253" and "250" disagree, "253" and
    "some 250" agree. Units are not compared: grouping figures by what they count is the caller's job."""
    if len(figures) < 2:
        return False
    lows, highs = zip(*(_interval(f) for f in figures))
    lo_value = max(b[0] for b in lows)
    lo_incl = all(b[1] for b in lows if b[0] == lo_value)
    hi_value = min(b[0] for b in highs)
    hi_incl = all(b[1] for b in highs if b[0] == hi_value)
    if lo_value < hi_value:
        return False
    return not (lo_value == hi_value and lo_incl and hi_incl)
