"""What each page of a listing holds, as its navigation says it (templates/_pagination.html): a reader on page 3
of /entities/ could not tell what page 7 held from its number alone (review 141). Where the listing is ordered,
by its order at the page's two ends: the shortest beginnings of names that tell the pages apart ("A–C",
"Bab–Ber", as a dictionary's guide words), the dates of a dated listing ("1–22 Mar 2024"); otherwise which of
its items the page holds ("Articles 101–200").

Pure: each describer takes the pages (ranges over the listing's items, paginate.split) and gives one short
label a page, in the site's (English) words, the same for the same listing.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

Describe = Callable[[Sequence[range]], list[str]]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def later(make: Callable[[], Describe]) -> Describe:
    """The describer `make` gives, made only when a listing has several pages to describe (most have one: what
    it needs, a list of dates of every item, is not gathered for them)."""
    return lambda pages: make()(pages)


def between(first: str, last: str) -> str:
    """"A–C" for single words, "Ke – Places: Bo" (the dash spaced) where either end has a space; one end alone
    where both are the same. (Also /sources/' outlets, first to last: plan/listings.py.)"""
    if first == last:
        return first
    return f"{first} – {last}" if " " in first + last else f"{first}–{last}"


def numbered(noun: str, numbers: Sequence[int] | None = None) -> Describe:
    """"Articles 101–200": the numbers (from 1) of the items a page holds, or of what they belong to (`numbers`:
    each item's number, in order; a passage listed in pieces over two pages is on both)."""
    def describe(pages: Sequence[range]) -> list[str]:
        def number(i: int) -> int:
            return i + 1 if numbers is None else numbers[i]
        return [f"{noun} {between(str(number(r.start)), str(number(r.stop - 1)))}" if r else noun for r in pages]
    return describe


def day(date: str) -> tuple[str, str, str] | None:
    """An ISO date's day, month and year as a label shows them ("1", "Mar", "2024"); None for any other text."""
    m = _ISO.fullmatch(date)
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return None
    return str(int(m.group(3))), _MONTHS[int(m.group(2)) - 1], m.group(1)


def date_span(first: str, last: str) -> str:
    """"22 Mar 2024", "1–22 Mar 2024", "28 Feb – 3 Mar 2024", "28 Dec 2023 – 3 Jan 2024"; dates that are not
    ISO dates as they are written."""
    a, b = day(first), day(last)
    if a is None or b is None:
        return between(first, last)
    if a == b:
        return " ".join(a)
    if a[1:] == b[1:]:
        return f"{a[0]}–{b[0]} {b[1]} {b[2]}"
    if a[2] == b[2]:
        return f"{a[0]} {a[1]} – {' '.join(b)}"
    return f"{' '.join(a)} – {' '.join(b)}"


def dated(dates: Sequence[str], noun: str) -> Describe:
    """The dates of a listing in date order (`dates`: each item's, "" when it has none, first), from the page's
    first to its last; where two pages would say the same (one busy day over several pages), those say which of
    the listing's `noun` they hold as well ("22 Mar 2024, rows 1001–2000")."""
    def describe(pages: Sequence[range]) -> list[str]:
        out = []
        for r in pages:
            known = [dates[i] for i in r if dates[i]]
            span = date_span(known[0], known[-1]) if known else ""
            out.append(span if len(known) == len(r) else f"Undated, {span}" if span else "Undated")
        counts = numbered(noun.lower())(pages)
        return [f"{label}, {count}" if out.count(label) > 1 else label for label, count in zip(out, counts)]
    return describe


def _common(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with alike, capitals and small letters alike."""
    n = 0
    while n < min(len(a), len(b)) and a[n].casefold() == b[n].casefold():
        n += 1
    return n


def _beginning(names: Sequence[str], groups: Sequence[str], at: int, others: Sequence[int]) -> str:
    """The shortest beginning of name `at` that tells it apart from the names `others` of its group; told apart at a
    space, to the end of the next word ("Al Jazeera English" beside "Al Jazeera": "Al Jazeera " had been said
    "Al Jazeera", the name on the page before, review 165)."""
    name = names[at]
    n = max([_common(name, names[o]) for o in others if 0 <= o < len(names) and groups[o] == groups[at]],
            default=0) + 1
    if name[:n].strip() and name[n - 1:n].isspace():
        n = len(name) - len(re.sub(r"^\s*\S*", "", name[n:]))
    return name[:n].rstrip() or name[:n]


def named(names: Sequence[str], groups: Sequence[str] | None = None, noun: str = "Entries") -> Describe:
    """A listing in the order of its `names` (within each of its `groups`, in order: /entities/ by kind, each kind
    by name): each page from the beginning of its first name to that of its last, each as short as tells it from
    the name across the page's edge and from the page's other end ("Bab–Ber"), and ending at a word's end where it
    is told apart at a space ("Al Jazeera English"); a page of one item, its name. A page whose ends are in
    different groups names them ("People: Wa – Places: Al"). Where two pages would say the same (one name over
    several pages), those say which of the listing's `noun` they hold as well ("Smith, entities 3–4")."""
    kinds = groups if groups is not None else [""] * len(names)

    def end(at: int, other: int, across: int) -> str:
        word = _beginning(names, kinds, at, (other, across))
        return f"{kinds[at]}: {word}" if kinds[at] else word

    def describe(pages: Sequence[range]) -> list[str]:
        out = []
        for r in pages:
            if not r:
                out.append("")
            elif len(r) == 1:
                out.append(f"{kinds[r.start]}: {names[r.start]}" if kinds[r.start] else names[r.start])
            elif kinds[r.start] == kinds[r.stop - 1]:
                first = _beginning(names, kinds, r.start, (r.stop - 1, r.start - 1))
                last = _beginning(names, kinds, r.stop - 1, (r.start, r.stop))
                label = between(first, last)
                out.append(f"{kinds[r.start]}: {label}" if kinds[r.start] else label)
            else:
                out.append(f"{end(r.start, r.stop - 1, r.start - 1)} – {end(r.stop - 1, r.start, r.stop)}")
        counts = numbered(noun.lower())(pages)
        return [f"{label}, {count}" if label and out.count(label) > 1 else label for label, count in zip(out, counts)]
    return describe
