"""A page's publication date: its article metadata first, then what the extractor found, the URL, the text.

Dates stay as the page wrote them (the calendar day of "2024-03-22T23:30:00-05:00" is the 22nd: no time zone
arithmetic). Certain only from the article's own metadata or a full date in its URL path; but a UTC time before
noon on the day after the URL's date gives the URL's day, flagged (an evening's article in the Americas).
"""

from __future__ import annotations

import datetime
import re
from typing import Sequence

from .guesses import NOTHING, Guess

MONTHS = {m: i + 1 for i, m in enumerate("january february march april may june july august september "
                                         "october november december".split())}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS.update({"sept": 9, "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
               "oktober": 10, "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6,
               "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
               "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
               "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12})
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.]([01]?\d)[-/.]([0-3]?\d)(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)")
_MDY = re.compile(_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? ((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\.? (?:de )?" + _MONTH + r",?(?: de)? ((?:19|20)\d\d)\b", re.I)
_DOTTED = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?([0-2]\d|3[01])(?:[/_.-]|$)")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _ymd(y: str | int, m: str | int, d: str | int) -> str:
    y, m, d = int(y), int(m), int(d)
    if not (1 <= m <= 12 and 1 <= d <= _DAYS[m - 1]) or (m == 2 and d == 29 and y % 4):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def normalise(value: str) -> str:
    """A date written in metadata ("2024-03-22T10:00Z", "2024/03/22", "20240322", "March 22, 2024",
    "Fri, 22 Mar 2024 10:00:00 GMT", "22.03.2024") as YYYY-MM-DD, or "" when it is not a full date."""
    text = value.strip()
    for pattern, order in ((_ISO, (1, 2, 3)), (_COMPACT, (1, 2, 3))):
        m = pattern.search(text[:32])
        if m and m.start() == 0:
            return _ymd(*(m.group(i) for i in order))
    return date_in_text(text[:64])[0]


def date_in_text(text: str) -> tuple[str, int]:
    """The first full date written in `text` (ISO, "March 22, 2024", "22 March 2024", "22.03.2024"), and
    its offset; ("", -1) when there is none."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        found.append((m.start(), _ymd(m.group(1), m.group(2), m.group(3))))
    for m in _MDY.finditer(text):
        found.append((m.start(), _ymd(m.group(3), MONTHS[m.group(1).lower()], m.group(2))))
    for m in _DMY.finditer(text):
        found.append((m.start(), _ymd(m.group(3), MONTHS[m.group(2).lower()], m.group(1))))
    for m in _DOTTED.finditer(text):
        found.append((m.start(), _ymd(m.group(3), m.group(2), m.group(1))))
    found = sorted(f for f in found if f[1])
    return (found[0][1], found[0][0]) if found else ("", -1)


def date_in_url(url: str) -> str:
    """A full date in a URL's path ("/2024/03/22/", "/20240322-"), or ""."""
    m = _URL_DATE.search(url.split("?", 1)[0].split("#", 1)[0])
    return _ymd(*m.groups()) if m else ""


def guess_date(metadata: Sequence[tuple[str, str]], extracted: Sequence[tuple[str, str]], url: str,
               text: str) -> Guess:
    """The publication date. `metadata`: (where, value) from the article's own markup, best first (certain);
    `extracted`: (where, value) found by an extractor's heuristics (htmldate), flagged unless the URL agrees;
    then a date in the URL path; then the first date in the text (flagged)."""
    in_url = date_in_url(url) if url else ""
    for where, value in metadata:
        day = normalise(value)
        if day and in_url and _utc_day_after(value, day, in_url):
            return Guess(in_url, "from the URL", False, f"{where} gives {value.strip()}, a time in UTC past midnight: "
                         "the next day there, the URL's day where the outlet is")
        if day:
            return Guess(day, where)
    for where, value in extracted:
        day = normalise(value)
        if day and day.endswith("-01-01") and day != in_url and not _new_year(text):
            continue  # (a year alone, "© 2024", which the extractor makes 1 January: no day to offer)
        if day:
            if day == in_url:
                return Guess(day, f"{where}, agreeing with the URL")
            return Guess(day, where, False, "found by heuristics, not in the article's metadata")
    if in_url:
        return Guess(in_url, "from the URL")
    found = dateline(text)
    return found if found.value else Guess("", found.where, False, "no date in the page's metadata, its address "
                                           "or the first lines of its text")


_UTC_MORNING = re.compile(r"T(0\d|1[01]):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)$")


def _utc_day_after(value: str, day: str, in_url: str) -> bool:
    """Whether a timestamp in UTC before noon ("2024-03-23T02:30:00Z") falls on the day after the URL's date:
    an evening's article in the Americas, which its outlet dates (in the URL, on the page) the day before."""
    if not _UTC_MORNING.search(value.strip()):
        return False
    try:
        return datetime.date.fromisoformat(day) - datetime.date.fromisoformat(in_url) == datetime.timedelta(days=1)
    except ValueError:
        return False


def _new_year(text: str) -> bool:
    """Whether the text names 1 January itself (in English, or as 01.01. or 1/1), so that an extractor's
    1 January may be a day the page gives."""
    return bool(re.search(r"(?i)\b(1(st)?\s+jan(uary)?|jan(uary)?\.?\s+1(st)?\b|0?1\.0?1\.|\b0?1/0?1/)", text[:5000]))


def dateline(text: str) -> Guess:
    """The first date in the first lines of a text (a dateline or "Published ..." line), flagged."""
    day, at = date_in_text(text[:1500])
    if not day:
        return Guess("", NOTHING.where, False, "no date in the first lines of the text")
    line = text[:at].count("\n") + 1
    return Guess(day, f"from the dateline (line {line} of the text)", False,
                 "a date in the text may be another event's")
