"""Numbers written in digits as each language writes them: "32,000" and "1.5" in English, "32.000" and "1,5"
in German, "32 000" in French, "3m" and "$1.2bn" in a British paper. Pure.

Which mark separates thousands and which decimals is the site language's (`comma_decimal`) only where the form
leaves it open: "1.200.000" and "1,200,000" are 1,200,000, "3,5" (one or two digits after a comma) is 3.5, and
"32.000" and "32,000" (one mark before three digits) are 32,000 in any language, since news writes no decimals
so (a dossier quotes outlets of other languages than its own); but before a scale word "1.125 million" is 1.125
million in English and "1,125 Millionen" in German. Groups of three may also be set apart by a no-break, narrow no-break or
thin space in any language, and by a plain space in the languages that write them so ("32 000" in French):
`grouped_spans` finds those runs, which the tokenizer would cut in two.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..common.records import frozen
from ..load.language import primary

# Languages whose numbers take a decimal comma (and a point or a space between thousands): CLDR's
COMMA_DECIMAL = frozenset(
    "de fr es it pt nl ru pl tr sv da nb nn no fi cs sk el ro hu uk bg hr sl sr lt lv et id vi ca eu gl az kk be "
    "is sq mk bs af".split())
# Languages that set thousands apart with a plain space ("32 000")
SPACE_GROUPED = frozenset("fr ru pl cs sk sv fi nb nn no uk bg et lv lt hu".split())

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-.,][^\W_]+)*|\S")
_FORM = re.compile(r"\d+(?:[.,]\d+)*")
_THIN_SPACES = "\u00a0\u202f\u2009"
# Suffixes of amounts ("£3m", "$1.2bn", "32k"): the scale each stands for
SUFFIXES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12}
_SUFFIXED = re.compile(r"(\d+(?:[.,]\d+)?)(k|m|mn|bn|tn)")


def digit_value(text: str, comma_decimal: bool, before_scale: bool = False) -> Fraction | None:
    """The value of a number written in digits with points and commas, or None when `text` is none.
    `before_scale`: a scale word follows ("1.125 million", "1,5 Millionen")."""
    if not _FORM.fullmatch(text):
        return None
    marks = [c for c in text if c in ".,"]
    groups = re.split(r"[.,]", text)
    if not marks:
        return Fraction(int(text))
    if len(set(marks)) == 2:  # "1,200.5" / "1.200,5": the last mark is the decimal one, the others group
        point = marks[-1]
        if any(m == point for m in marks[:-1]) or not _thousands(groups[:-1]):
            return None
        return _decimal(text.replace("." if point == "," else ",", ""), point)
    mark = marks[0]
    if len(marks) > 1:
        return Fraction(int("".join(groups))) if _thousands(groups) else None
    last = groups[1]
    if mark == "," and len(last) in (1, 2):  # "3,5": a decimal comma in any language
        return _decimal(text, ",")
    grouped = len(last) == 3 and len(groups[0]) <= 3 and groups[0] != "0"
    # One mark before three digits groups thousands in any language: news writes no decimals so ("32.000" in an
    # English dossier quoting a German outlet, "32,000" in a German one quoting Reuters: review 64); before a
    # scale word it is the language's decimal mark ("1.125 million", "1,125 Millionen")
    if grouped and (not before_scale or (mark == ",") != comma_decimal):
        return Fraction(int("".join(groups)))
    return _decimal(text, mark)


def _thousands(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and groups[0] != "0" and all(len(g) == 3 for g in groups[1:])


def _decimal(text: str, point: str) -> Fraction:
    return Fraction(Decimal(text.replace(point, ".")))


def suffixed_value(text: str, comma_decimal: bool) -> tuple[Fraction, str] | None:
    """(value, suffix) of an amount with a scale suffix ("3m", "1.2bn", "32k"), or None."""
    found = _SUFFIXED.fullmatch(text)
    if found is None:
        return None
    value = digit_value(found.group(1), comma_decimal)
    return None if value is None else (value * SUFFIXES[found.group(2)], found.group(2))


def grouped_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where `text` writes a number's thousands apart with spaces ("32 000", "1 200 000"): (start, end) of each
    such run, to be read as one number."""
    spaces = _THIN_SPACES + (" " if primary(language) in SPACE_GROUPED else "")
    pattern = rf"(?<![\d.,])\d{{1,3}}(?:[{spaces}]\d{{3}})+(?![\d]|[.,]\d{{3}})"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def spaced_value(text: str, comma_decimal: bool) -> Fraction | None:
    """The value of a run `grouped_spans` found."""
    return digit_value(re.sub(rf"[ {_THIN_SPACES}]", "", text), comma_decimal)


@frozen
class Tok:
    """One token of a text: as written, lower-cased, where it is, its value when it is a number in digits (as
    the text's language writes them: figure_numbers.py), and that language's decimal mark."""

    text: str
    low: str
    start: int
    end: int
    number: Fraction | None
    comma: bool  # the decimal mark is a comma


def tokens(s: str, read: str, language: str) -> list[Tok]:
    """The tokens of `s` (as `read` spells its digits), a number whose thousands are set apart by spaces one
    token ("32 000", "1 200 000": two numbers, 32 and 0, before)."""
    comma = primary(language) in COMMA_DECIMAL
    spans = dict(grouped_spans(read, language))
    toks: list[Tok] = []
    until = -1
    for m in _TOKEN_RE.finditer(read):
        a, b = m.start(), m.end()
        if a < until:
            continue
        if a in spans:
            until = b = spans[a]
            toks.append(Tok(s[a:b], read[a:b].lower(), a, b, spaced_value(read[a:b], comma), comma))
            continue
        low = m.group().lower()
        toks.append(Tok(s[a:b], low, a, b, digit_value(low, comma) if low[:1].isdigit() else None, comma))
    return toks


def shown(v: float) -> str:
    """A figure's value as the table shows it: "32,000", "1/3", "1/20,000" (a share of one in many: it showed
    0, review 64), "1.25"."""
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}"
    frac = Fraction(v).limit_denominator(12)
    if 0 < v < 1 and abs(float(frac) - v) < 1e-9:
        return f"{frac.numerator}/{frac.denominator}"
    if 0 < v < 1 and abs(1 / v - round(1 / v)) < 1e-6:
        return f"1/{round(1 / v):,}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")
