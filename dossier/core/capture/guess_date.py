"""A page's publication date: its article metadata first, then what the extractor found, the URL, its date line,
the text.

Dates stay as the page wrote them (the calendar day of "2024-03-22T23:30:00-05:00" is the 22nd: no time zone
arithmetic). Certain only from the article's own metadata or a full date in its URL path; but a UTC time before
noon on the day after the URL's date, or after the day of a <time> the page shows in a time zone west of UTC,
gives that day, flagged (an evening's article in the Americas).
"""

from __future__ import annotations

import datetime
import email.utils
import re
from typing import Sequence

from ..common.written_dates import date_in_text, date_in_url, normalise
from .furniture_words import DATE_LINE
from .guesses import NOTHING, Guess, one_line

def guess_date(metadata: Sequence[tuple[str, str]], extracted: Sequence[tuple[str, str]], url: str,
               text: str, date_lines: Sequence[str] = ()) -> Guess:
    """The publication date. `metadata`: (where, value) from the article's own markup, best first (certain);
    `extracted`: (where, value) found by an extractor's heuristics (htmldate), flagged unless the URL agrees;
    then a date in the URL path; then the page's date line left out of the text as furniture (`date_lines`, in
    their order: "Published: 23rd March 2024"), then the first date in the text (both flagged)."""
    in_url = date_in_url(url) if url else ""
    # the day where the outlet is: its URL's, or that of a <time> the page shows readers in local time (review
    # 57: "9:30 PM EDT, March 22" with metadata of 01:30 UTC on the 23rd was dated the 23rd, as certain)
    local = [(in_url, "from the URL", "the URL's day")] if in_url else []
    local += [(normalise(v), w, "the day the page shows") for w, v in extracted if "<time>" in w and
              _LOCAL_TIME.search(v.strip()) and normalise(v)]
    for where, value in metadata:
        day = normalise(value)
        shown = next((one for one in local if day and _utc_day_after(value, day, one[0])), None)
        if shown:
            return Guess(shown[0], shown[1], False, f"{where} gives {value.strip()}, a time in UTC past midnight: "
                         f"the next day there, {shown[2]} where the outlet is")
        if day:
            return _disagreeing(metadata) or Guess(day, where)
    for where, value in extracted:
        day = normalise(value)
        if day and day.endswith("-01-01") and day != in_url and not _new_year(text):
            continue  # (a year alone, "© 2024", which the extractor makes 1 January: no day to offer)
        if day:
            if day == in_url:
                return Guess(day, f"{where}, agreeing with the URL")
            return Guess(day, where, False, "found by heuristics, not in the article's metadata"
                         if where.startswith("found by") else "the page shows it; its date metadata does not")
    if in_url:
        return Guess(in_url, "from the URL")
    shown = date_line(date_lines)
    if shown.value:
        return shown
    found = dateline(text)
    return found if found.value else Guess("", found.where, False, "no date in the page's metadata, its address "
                                           "or the first lines of its text")


def _disagreeing(metadata: Sequence[tuple[str, str]]) -> Guess | None:
    """When the article's own date fields give days next to each other (a time in UTC near midnight in JSON-LD,
    the local day in another field: "2019-10-18T22:04:00Z" for the 19th at 00:04 in Linz, review 72), the
    first's day, flagged; the other's when it is the very moment the first gives in UTC, written where the outlet
    is (the outlet's own day). Fields days apart are other events (an update, a creation): None, as is one day."""
    days = [(where, value.strip(), normalise(value)) for where, value in metadata if normalise(value)]
    first = days[0]
    other = next((d for d in days[1:] if _next_to(d[2], first[2])), None)
    if other is None:
        return None
    moment, local = _instant(first[1]), _instant(other[1])
    if _UTC.search(first[1]) and moment is not None and local is not None and moment == local and \
            local.utcoffset():
        return Guess(other[2], other[0], False, f"{first[0]} gives the same moment in UTC ({first[1]}), on another "
                     "day there")
    return Guess(first[2], first[0], False, f"the page's own dates disagree: {other[0]} gives {other[1]}")


def _next_to(day: str, other: str) -> bool:
    try:
        return abs(datetime.date.fromisoformat(day) - datetime.date.fromisoformat(other)) == datetime.timedelta(days=1)
    except ValueError:
        return False


def _instant(value: str) -> datetime.datetime | None:
    """The moment a field writes with its time zone (ISO 8601, or RFC 2822 as <meta name="date"> may), else None."""
    try:
        found = datetime.datetime.fromisoformat(value)
    except ValueError:
        try:
            found = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return found if found.tzinfo is not None else None


_UTC = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)$")
_UTC_MORNING = re.compile(r"T(0\d|1[01]):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)$")
_LOCAL_TIME = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?-(?!00:?00)\d\d:?\d\d$")  # (west of UTC: its evening is
# UTC's next day)


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


def date_line(lines: Sequence[str]) -> Guess:
    """The date of the first of `lines` that is a date's label and the date, or the date and a badge
    (furniture_words.DATE_LINE), one labelled a publication's first ("Published", "Veröffentlicht", "October 22,
    2019 report"), else one labelled an update's ("Updated", "Stand", a badge "update": the article may be older),
    flagged: the page shows it, its metadata does not. NOTHING when none gives a full date ("12/03/2020" may be
    March or December)."""
    for published in (True, False):
        for line in lines:
            found = DATE_LINE.match(" ".join(line.split()))
            day = date_in_text(found.group("date"))[0] if found else ""
            if day and found and _published(found) == published:
                return Guess(day, f'from the page\'s date line "{one_line(line)}" (left out of the seed)', False,
                             "in none of the page's metadata" if published else
                             "the day the page says it was updated: it may have been published before")
    return NOTHING


def _published(found: re.Match[str]) -> bool:
    """Whether a date line gives a publication's date: a publication's label, or a badge that is no update's."""
    return found.group("updated") is None and (found.group("badge") or "").casefold() != "update"


def dateline(text: str) -> Guess:
    """The first date in the first lines of a text (a dateline or "Published ..." line), flagged."""
    day, at = date_in_text(text[:1500])
    if not day:
        return Guess("", NOTHING.where, False, "no date in the first lines of the text")
    line = text[:at].count("\n") + 1
    return Guess(day, f"from the dateline (line {line} of the text)", False,
                 "a date in the text may be another event's")
