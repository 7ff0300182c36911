"""Dates no calendar has: the schemas check a date's form (YYYY-MM-DD, month 01-12, day 01-31), not that the day
exists, so "2024-02-30" would be published in the page, its JSON-LD and the feed (where it makes the feed
invalid). Pure: reads the parsed YAML, returns problems and the paths to treat as wrong."""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..common.errors import Problem, error
from ..common.written_dates import normalise
from .yamlsrc import Loaded

Path = tuple[Any, ...]
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def days_in(year: int, month: int) -> int:
    """Days of `month` (1-12) in `year`, proleptic Gregorian calendar (as calendar.monthrange says, without
    importing it: 2 ms of every build's start)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")  # (as calendar.monthrange says)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _dates(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Every string under a `date` key, at any depth (an article's date, each annotation's), and each role's
    `from` and `to` (entities.yaml: `<id>.roles[i]`)."""
    in_role = len(path) >= 2 and path[-2] == "roles"
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "date" or in_role and key in ("from", "to")) and isinstance(item, str):
                yield path + (key,), item
            else:
                yield from _dates(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _dates(item, path + (i,))


def impossible_dates(loaded: Loaded, bad: frozenset[Path]) -> tuple[tuple[Problem, ...], frozenset[Path]]:
    """A `date-impossible` error for each date of the right form whose day its month does not have (the schema
    reports the wrong forms); their paths are added to `bad`, so the date is left out like any wrong value."""
    problems, spoilt = [], set(bad)
    found = list(_dates(loaded.data, ()))  # (walked once, for both checks)
    for path, text in found:
        slip = calendar_slip(text) if path not in bad else None  # (the same words as a month or day out of range)
        if slip:
            line, col = loaded.at(path)
            problems.append(error(loaded.file, line, col, slip[0], slip[1], "date-impossible"))
            spoilt.add(path)
    return tuple(problems) + _reversed_roles(loaded, found, frozenset(spoilt)), frozenset(spoilt)


def _span(text: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and the last day a year, a month or a day covers (as year, month, day), None if malformed."""
    match = _PARTIAL.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not 1 <= (month or 1) <= 12:
        return None
    last_month = month or 12
    return (year, month or 1, day or 1), (year, last_month, day or days_in(year, last_month))


def _reversed_roles(loaded: Loaded, found: list[tuple[Path, str]], bad: frozenset[Path]) -> tuple[Problem, ...]:
    """A `role-dates-reversed` error for each role that ends before it begins (`to:` 2019, `from:` 2021); a year
    or a month covers all its days, so `from: 2021-05` and `to: 2021` agree."""
    problems = []
    for path, text in found:
        if path[-1] != "to" or path in bad or path[:-1] + ("from",) in bad:
            continue
        role = loaded.data
        for key in path[:-1]:
            role = role[key]
        begin, end = _span(str(role.get("from", ""))), _span(text)
        if begin is None or end is None or end[1] >= begin[0]:
            continue
        line, col = loaded.at(path)
        problems.append(error(loaded.file, line, col, f'this role ends (to: "{text}") before it begins (from: '
                              f'"{role["from"]}")', "swap from: and to:, or correct the date", "role-dates-reversed"))
    return tuple(problems)


_NUMERIC = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_CHECK = "check the day and the month (YYYY-MM-DD)"


def calendar_slip(value: Any) -> tuple[str, str] | None:
    """(what is wrong, hint) for a date of the right form with a month or day no calendar has ("2024-13-03",
    "2024-03-32", "2024-00": the schemas' patterns refuse those, as a wrong form); None for any other value.
    A month over 12 that would be a day is offered as one: "2024-13-03" may be written day first."""
    match = _PARTIAL.match(value) if isinstance(value, str) else None
    if match is None or match.group(2) is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) is not None else None
    if not 1 <= month <= 12:
        swapped = f"{year:04d}-{day:02d}-{month:02d}" if day is not None and 1 <= day <= 12 and \
            1 <= month <= days_in(year, day) else ""
        return (f'"{value}" is not a {"day" if day is not None else "month"} of the calendar: there is no month '
                f'{match.group(2)}', f"write {swapped} if {month} is the day (dates are YYYY-MM-DD)" if swapped
                else _CHECK if day is not None else "check the month (YYYY-MM)")
    if day is not None and not 1 <= day <= days_in(year, month):
        return (f'"{value}" is not a day of the calendar: ' + (f"there is no day {match.group(3)}" if day == 0 else
                f"{_MONTHS[month - 1]} {year} has {days_in(year, month)} days"), _CHECK)
    return None


def date_hint(value: Any) -> str:
    """For a date written another way ("22/03/2024", "March 22, 2024", "2024/3/22"): how to write that very day
    as YYYY-MM-DD, both readings when day and month could be either ("05/03/2024"); "" when it reads as no day."""
    if not isinstance(value, str):
        return ""
    numeric = _NUMERIC.match(value)
    if numeric:
        first, second, year = (int(part) for part in numeric.groups())
        readings = [(year, month, day) for day, month in ((first, second), (second, first))
                    if 1 <= month <= 12 and 1 <= day <= days_in(year, month)]
        days = list(dict.fromkeys(f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in readings))
        if len(days) == 2:
            (_, m1, d1), (_, m2, d2) = readings
            return (f"write {days[0]} ({d1} {_MONTHS[m1 - 1]}) or {days[1]} ({d2} {_MONTHS[m2 - 1]}): dates are "
                    "YYYY-MM-DD")
        return f"write it as {days[0]} (dates are YYYY-MM-DD)" if days else ""
    day = normalise(value)
    return f"write it as {day} (dates are YYYY-MM-DD)" if day and day != value.strip() else ""
