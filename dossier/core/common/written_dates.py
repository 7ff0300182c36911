"""Dates as pages, feeds and editors write them ("2024-03-22T10:00Z", "March 22, 2024", "22 March 2024",
"22.03.2024", "2024/03/22", "20240322") read as the calendar day YYYY-MM-DD, or "" when a text is no full
date. Pure; shared by capture (a page's date) and load (a date in an editor's file written another way)."""

from __future__ import annotations

import re
from functools import cache

MONTHS = {m: i + 1 for i, m in enumerate("january february march april may june july august september "
                                         "october november december".split())}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS.update({"sept": 9, "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
               "oktober": 10, "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6,
               "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
               "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
               "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12})
# Hebrew (also with the "ב" of "22 במרץ 2024" joined to it), Arabic as Egypt and the Gulf name the months and as
# the Levant and Iraq do ("22 آذار 2024")
_HEBREW = ("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר")
MONTHS.update({m: i + 1 for i, m in enumerate(_HEBREW)} | {"ב" + m: i + 1 for i, m in enumerate(_HEBREW)}
              | {"מרס": 3, "במרס": 3})
MONTHS.update({m: i + 1 for i, names in enumerate((
    "يناير", "فبراير", "مارس", "أبريل ابريل إبريل", "مايو", "يونيو يونيه", "يوليو يوليه", "أغسطس اغسطس", "سبتمبر",
    "أكتوبر اكتوبر", "نوفمبر", "ديسمبر")) for m in names.split()})
MONTHS.update({"كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
               "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12})
# Arabic-Indic and Persian digits → the digits they are ("٢٢ مارس ٢٠٢٤"), one character for one (also read so by
# anchoring's typography and by figures)
SCRIPT_DIGITS = {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
_DIGITS = str.maketrans(SCRIPT_DIGITS)
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.]([01]?\d)[-/.]([0-3]?\d)(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?([0-2]\d|3[01])(?:[/_.-]|$)")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@cache
def _named() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"March 22, 2024" and "22 March 2024", compiled when first asked: their months in five languages took 3 ms
    of every build's start, where a build rarely reads a date written so."""
    return (re.compile(_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? ((?:19|20)\d\d)\b", re.I),
            re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\.? (?:de )?" + _MONTH + r",?(?: de)? ((?:19|20)\d\d)\b", re.I))


def _ymd(y: str | int, m: str | int, d: str | int) -> str:
    y, m, d = int(y), int(m), int(d)
    if not (1 <= m <= 12 and 1 <= d <= _DAYS[m - 1]) or (m == 2 and d == 29 and y % 4):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def normalise(value: str) -> str:
    """A date written in metadata ("2024-03-22T10:00Z", "2024/03/22", "20240322", "March 22, 2024",
    "Fri, 22 Mar 2024 10:00:00 GMT", "22.03.2024") as YYYY-MM-DD, or "" when it is not a full date."""
    text = value.strip().translate(_DIGITS)
    for pattern, order in ((_ISO, (1, 2, 3)), (_COMPACT, (1, 2, 3))):
        m = pattern.search(text[:32])
        if m and m.start() == 0:
            return _ymd(*(m.group(i) for i in order))
    return date_in_text(text[:64])[0]


def date_in_text(text: str) -> tuple[str, int]:
    """The first full date written in `text` (ISO, "March 22, 2024", "22 March 2024", "22.03.2024"), and
    its offset; ("", -1) when there is none."""
    found: list[tuple[int, str]] = []
    text = text.translate(_DIGITS)  # (the same length: the offset found is the text's)
    for m in _ISO.finditer(text):
        found.append((m.start(), _ymd(m.group(1), m.group(2), m.group(3))))
    mdy, dmy = _named()
    for m in mdy.finditer(text):
        found.append((m.start(), _ymd(m.group(3), MONTHS[m.group(1).lower()], m.group(2))))
    for m in dmy.finditer(text):
        found.append((m.start(), _ymd(m.group(3), MONTHS[m.group(2).lower()], m.group(1))))
    for m in _DOTTED.finditer(text):
        found.append((m.start(), _ymd(m.group(3), m.group(2), m.group(1))))
    found = sorted(f for f in found if f[1])
    return (found[0][1], found[0][0]) if found else ("", -1)


def date_in_url(url: str) -> str:
    """A full date in a URL's path ("/2024/03/22/", "/20240322-"), or ""."""
    m = _URL_DATE.search(url.split("?", 1)[0].split("#", 1)[0])
    return _ymd(*m.groups()) if m else ""


