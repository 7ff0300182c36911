"""Numbers in news text, normalised so that outlets' figures for one thing can be compared.

"almost 32,000 Palestinians", "at least 32,070 people" and "More than 32,000 Palestinians" become Figures
with a value, a qualifier and a unit; `compare_figures.disagreements` then decides whether such figures can all
be true.
Dates are not figures: years (1900–2099 written without a separator) and day numbers next to a month name
are skipped, because "October 7" is a date, not a count of seven things.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Literal

from ..common.written_dates import SCRIPT_DIGITS
from .figure_words import (
    COMPOUND_UNITS as _COMPOUND_UNITS, CURRENCY as _CURRENCY, DETERMINERS as _DETERMINERS,
    ENGLISH_MONTHS as _ENGLISH_MONTHS, FRACTIONS as _FRACTIONS, KNOWN_NOUNS as _KNOWN_NOUNS, MONTHS as _MONTHS,
    PLURAL_SCALES as _PLURAL_SCALES, QUALIFIERS as _QUALIFIERS, SCALES as _SCALES, STOP as _STOP,
    UNITS as _UNITS, word_value as _word_value)
from .figure_numbers import Tok as _Tok, digit_value, shown, suffixed_value, tokens
from ..common.records import frozen

Qualifier = Literal["exact", "about", "at least", "more than", "fewer than", "at most", "up to", "almost", "range"]

_MINUS = ("-", "\u2212")
_PER_CENT = {("per", "cent"), ("pour", "cent"), ("por", "ciento"), ("per", "cento")}

@frozen
class Figure:
    """A number phrase. Invariant: source[start:end] == text; for qualifier "range", value <= upper,
    otherwise upper is None; unit is lowercase ("" when nothing counted follows)."""

    text: str
    start: int
    end: int
    value: float
    qualifier: Qualifier
    upper: float | None
    unit: str


@frozen
class _Num:
    """A number read from the tokens, with what follows from how it was written."""

    value: Fraction
    upper: Fraction | None  # set for vague plurals ("hundreds") and dash ranges
    end: int  # token index after the number
    scaled: bool  # a scale word was applied ("4 million"), so a range's lower end may borrow it
    unit: str  # from a hyphen compound ("six-week" → "week") or "%"
    fraction: bool


def _compound(tok: _Tok, k: int) -> _Num | None:
    """"six-week", "6-week", "five-month-old": a number glued to a unit of measure."""
    parts = tok.low.split("-")
    for n in (2, 1):  # "twenty-five-year-old" has a two-part number
        head, rest = "-".join(parts[:n]), parts[n:]
        value = digit_value(head, tok.comma) if head[:1].isdigit() else _word_value(head)
        if value is None or not rest:
            continue
        unit = rest[0].removesuffix("s")
        if unit in _COMPOUND_UNITS and all(p in ("old", "long") for p in rest[1:]):
            return _Num(Fraction(value), None, k + 1, False, unit, False)
    return None


def _number(toks: Sequence[_Tok], k: int) -> _Num | None:
    """Parse one number starting at token k, or None."""
    if k >= len(toks):
        return None
    low = toks[k].low
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    if toks[k].number is not None:
        return _digit_number(toks, k)
    ends = low.split("-")
    if len(ends) == 2 and all(e[:1].isdigit() for e in ends):  # "4,000-8,000"
        lower, upper = (digit_value(e, toks[k].comma) for e in ends)
        return _Num(lower, upper, k + 1, False, "", False) if lower is not None and upper is not None else None
    amount = suffixed_value(low, toks[k].comma)
    if amount is not None and _an_amount(toks, k, amount[1]):
        return _Num(amount[0], None, k + 1, True, "", False)
    if "-" in low and _word_value(low) is None:
        frac = low.split("-")
        if len(frac) == 2 and frac[0] in _UNITS and frac[1] in _FRACTIONS:  # "two-thirds"
            return _Num(_UNITS[frac[0]] * _FRACTIONS[frac[1]], None, k + 1, False, "", True)
        return _compound(toks[k], k)
    if low in _PLURAL_SCALES or (low == "tens" and nxt == "of"):
        return _plural_scale(toks, k)
    if low in ("a", "an") and nxt not in _SCALES and nxt not in _FRACTIONS:
        return None
    return _word_number(toks, k)


def _an_amount(toks: Sequence[_Tok], k: int, suffix: str) -> bool:
    """Whether toks[k], a number with a scale suffix, is an amount: "bn", "mn", "tn" always; "m" and "k" after a
    currency sign ("£3m", "$32k"), "m" before people counted ("2.5m people"); not "2.5m along the coast", "1.95m",
    "the 5k run", "a 4K television": metres, races, screens (review 64)."""
    if suffix not in ("m", "k") or (k and toks[k - 1].text in _CURRENCY):
        return True
    following = toks[k + 1].low if k + 1 < len(toks) else ""
    return suffix == "m" and (following in _KNOWN_NOUNS or _looks_plural(following))


def _digit_number(toks: Sequence[_Tok], k: int) -> _Num:
    """"1,200", "3 million", "40 %": digits, then any scale words, then a percent sign."""
    value, end, scaled = toks[k].number or Fraction(0), k + 1, False
    if end < len(toks) and _scale_after_digits(toks[end].low):
        value = digit_value(toks[k].low, toks[k].comma, before_scale=True) or value  # ("1.125 million")
    while end < len(toks) and (scale := _scale_after_digits(toks[end].low)):
        value, end, scaled = value * scale, end + 1, True
    unit = "percent" if end < len(toks) and toks[end].text == "%" else ""
    return _Num(value, None, end + (1 if unit else 0), scaled, unit, False)


# After digits a plural scale is a scale ("2 millions de personnes", "3 milliards"), not a vague amount
_SCALE_PLURALS = {"millions": 10**6, "billions": 10**9, "milliards": 10**9, "trillions": 10**12}


def _scale_after_digits(word: str) -> int | None:
    """What a word after digits multiplies them by ("3 million", "2 millions"), or None ("dozen" does not)."""
    return None if word == "dozen" else _SCALES.get(word) or _SCALE_PLURALS.get(word)


def _plural_scale(toks: Sequence[_Tok], k: int) -> _Num | None:
    """"thousands", "tens of thousands", "hundreds of thousands": a range from 2 to 10 of the scale."""
    low = toks[k].low
    base, end = Fraction(_PLURAL_SCALES.get(low, 10)), k + 1
    if end + 1 < len(toks) and toks[end].low == "of" and toks[end + 1].low in _PLURAL_SCALES:
        base, end = base * _PLURAL_SCALES[toks[end + 1].low], end + 2  # "hundreds of thousands"
    elif low == "tens":
        return None
    return _Num(2 * base, 10 * base - 1, end, True, "", False)


def _word_number(toks: Sequence[_Tok], k: int) -> _Num | None:
    """Word numbers: "a hundred", "seven million", "one million", "a third", "half a million"."""
    low = toks[k].low
    end, total, current, seen = k, Fraction(0), Fraction(0), False
    if low in ("a", "an"):
        current, end = Fraction(1), k + 1
    fraction = False
    while end < len(toks):
        w = toks[end].low
        v = _word_value(w)
        if v is not None and not fraction:
            current, seen = current + v, True
        elif w in _FRACTIONS and not fraction:
            current = (current or 1) * _FRACTIONS[w]
            fraction, seen = True, True
            if end + 2 < len(toks) and toks[end + 1].low in ("a", "an") and toks[end + 2].low in _SCALES:
                current, end = current * _SCALES[toks[end + 2].low], end + 2  # "half a million"
                fraction = False
        elif w in _SCALES and (seen or current):
            if w == "hundred":
                current *= 100
            else:
                total, current = total + (current or 1) * _SCALES[w], Fraction(0)
            seen = True
        else:
            break
        end += 1
    if not seen:
        return None
    scaled = any(toks[i].low in _SCALES for i in range(k, end))
    # A bare "one" is nearly always a pronoun ("one of those envoys"), not a count; but "one in three" is a share
    if end == k + 1 and low == "one" and not (end + 1 < len(toks) and toks[end].low == "in" and (
            toks[end + 1].number is not None or _word_value(toks[end + 1].low) is not None)):
        return None
    return _Num(total + current, None, end, scaled, "", fraction)


def _named(word: str) -> bool:
    """A month's name as written in a date: an English one capitalised ("may" is no month), any other as it is
    (French writes "février", Hebrew and Arabic have no capitals)."""
    return word[0].isupper() or word.lower() not in _ENGLISH_MONTHS


def _is_date_part(toks: Sequence[_Tok], k: int, num: _Num) -> bool:
    low = toks[k].low
    if toks[k].number is None:
        return False
    prev = k - 1
    if prev >= 0 and toks[prev].text == ".":
        prev -= 1  # "Oct. 7"
    if prev >= 0 and toks[prev].low in _MONTHS and _named(toks[prev].text):
        return True
    if num.end < len(toks) and toks[num.end].low in _MONTHS and _named(toks[num.end].text):
        return True  # "7 October", "7 באוקטובר"
    if (k + 2 < len(toks) and toks[k + 1].text == ":" and toks[k + 2].low.isdigit()) or (
        k >= 2 and toks[k - 1].text == ":" and toks[k - 2].low.isdigit()
    ):
        return True  # a clock time "10:30"
    return bool(re.fullmatch(r"(?:19|20)\d\d", low)) and num.end == k + 1


def _looks_plural(word: str) -> bool:
    return (
        word.endswith("s") and not word.endswith(("ss", "us", "as", "is")) and len(word) > 2
        and not any(c in word for c in "'’.")  # not a possessive ("Israel's") or an abbreviation ("U.S")
    )


def _unit_phrase(toks: Sequence[_Tok], k: int) -> tuple[str, int]:
    """The counted noun in the words from k: (unit, index of its token) or ("", -1)."""
    run: list[int] = []
    for i in range(k, min(k + 5, len(toks))):
        t = toks[i]
        if not t.text[0].isalpha() or t.low in _STOP or t.low in _MONTHS or t.low.endswith("ly"):
            break
        if _word_value(t.low) is not None or t.low in _SCALES:
            break
        run.append(i)
    for i in run:
        if toks[i].low in _KNOWN_NOUNS or _looks_plural(toks[i].low):
            return toks[i].low.replace("’", "'"), i
    if len(run) == 1 and toks[run[0]].text.islower() and not toks[run[0]].low.endswith(("ed", "ing")):
        return toks[run[0]].low, run[0]
    return "", -1


def _partitive_unit(toks: Sequence[_Tok], k: int, num: _Num) -> str:
    """"18 of its 24 battalions" → "battalions"; "a third of the dead" → "dead"; "half the population"."""
    i = k
    if i < len(toks) and toks[i].low == "of":
        i += 1
    elif not num.fraction:
        return ""
    while i < len(toks) and toks[i].low in _DETERMINERS:
        i += 1
    if i == k:
        return ""
    inner = _number(toks, i)
    if inner is not None:
        i = inner.end
    return _unit_phrase(toks, i)[0]


def _figure_at(s: str, toks: Sequence[_Tok], k: int) -> tuple[Figure, int] | None:
    qualifier: Qualifier = "exact"
    q_end = k
    for words, q in _QUALIFIERS:
        if tuple(t.low for t in toks[k : k + len(words)]) == words:
            qualifier, q_end = q, k + len(words)  # type: ignore[assignment]
            break
    first = toks[k].low
    is_range = first in ("between", "from")
    start_tok = q_end if not is_range else k + 1
    currency = ""
    if start_tok < len(toks) and toks[start_tok].text in _CURRENCY:
        currency, start_tok = _CURRENCY[toks[start_tok].text], start_tok + 1
    sign = _sign(toks, start_tok)
    at = start_tok + (sign < 0)
    num = _number(toks, at)
    if num is None or (qualifier == "exact" and _is_date_part(toks, at, num)):
        return None
    spread = _spread(toks, _ratio(toks, at, num), first if is_range else "", toks[at].number is not None)
    if spread is None:
        return None
    value, upper, end, unit = spread
    value, upper = sign * value, None if upper is None else sign * upper
    if upper is not None:
        qualifier = "range"
        if upper < value:
            value, upper = upper, value
    last = end - 1
    if not (unit or currency):
        unit, last = _unit_after(toks, end, num, last)
    a, b = toks[k if qualifier != "exact" else start_tok].start, toks[last].end
    if currency and qualifier == "exact":
        a = toks[start_tok - 1].start
    fig = Figure(s[a:b], a, b, float(value), qualifier, None if upper is None else float(upper), unit or currency)
    return fig, last + 1


def _sign(toks: Sequence[_Tok], i: int) -> int:
    """-1 when toks[i] is a minus sign against the number after it, apart from the word before or after an
    opening bracket ("-2%", "a rate of −0.5", "(-0.5%)"): the sign was dropped, and -2% read as 2% (review 60);
    not after a number ("the 2023 -24 season", review 64). Else 1."""
    if i + 1 < len(toks) and toks[i].text in _MINUS and toks[i + 1].start == toks[i].end \
            and toks[i + 1].number is not None and (i == 0 or toks[i - 1].text in "([" or (
                toks[i - 1].end < toks[i].start and toks[i - 1].number is None)):
        return -1
    return 1


def _ratio(toks: Sequence[_Tok], at: int, num: _Num) -> _Num:
    """"one in three children", "1 in 5" is a share of them (it was read as "3 children", review 60); `at`: the
    number's token. Only one, or a number up to nine in words, is a share's first number: "20 in 48 hours",
    "4 in 20 raids" are counts (review 64). Else `num`."""
    end = num.end
    if num.upper is not None or num.scaled or end + 1 >= len(toks) or toks[end].low != "in" or not (
            toks[at].low == "1" or toks[at].low in _UNITS and 0 < _UNITS[toks[at].low] < 10):
        return num
    second = _number(toks, end + 1)
    if second is None or second.upper is not None or second.value <= num.value or \
            _is_date_part(toks, end + 1, second):
        return num
    return _Num(num.value / second.value, None, second.end, False, "", True)


def _spread(toks: Sequence[_Tok], num: _Num, opener: str, digits: bool
            ) -> tuple[Fraction, Fraction | None, int, str] | None:
    """(value, upper end or None, token after, unit) of a number and the range it may open: "between 4,000 and
    8,000" (`opener`), "4,000–8,000", "30 to 40 trucks" (`digits`: the first number is written in digits; the
    second must be written as it is, and larger: "2 to 1" is a score). None when `opener` has no second end."""
    value, end = num.value, num.end
    if opener:
        link = "and" if opener == "between" else "to"
        second = _number(toks, end + 1) if end < len(toks) and toks[end].low == link else None
        if second is None:
            return None
        if second.scaled and not num.scaled and value < 1000:
            value *= _digits_floor(second.value)  # "between 4 and 8 million"
        return value, second.value, second.end, second.unit or num.unit
    if num.upper is None and end + 1 < len(toks) and (toks[end].text in ("–", "—", "-") or toks[end].low == "to"):
        second = _number(toks, end + 1)  # "4,000–8,000", "30 to 40"
        to = toks[end].low == "to"
        written = (toks[end + 1].number is not None) == digits if to else toks[end + 1].number is not None
        if second is not None and written and (not to or second.value > value and _counted(toks, second)):
            return value, second.value, second.end, second.unit or num.unit
    return value, num.upper, end, num.unit


def _counted(toks: Sequence[_Tok], second: _Num) -> bool:
    """Whether what "x to y" counts follows it ("30 to 40 trucks", "5 to 7 per cent"): a tally ("voted 48 to
    52"), a score ("1 to 2") or days of a month ("7 to 9 October") is no range (review 64)."""
    return bool(second.unit) or _unit_after(toks, second.end, second, -1)[1] >= 0


def _unit_after(toks: Sequence[_Tok], end: int, num: _Num, last: int) -> tuple[str, int]:
    """(what is counted, the index of its last token) from the words after a figure."""
    unit, head = _unit_phrase(toks, end)
    if head >= 0:
        return unit, head
    if toks[end : end + 1] and toks[end].low in ("percent", "prozent", "procent"):
        return "percent", end
    if end + 1 < len(toks) and (toks[end].low, toks[end + 1].low) in _PER_CENT:
        return "percent", end + 1  # (Reuters, BBC and Guardian style: "7 per cent" against "9%", review 60)
    return _partitive_unit(toks, end, num), last


def _digits_floor(value: Fraction) -> Fraction:
    """The scale of a scaled number: 8,000,000 → 1,000,000 (so a bare lower bound can borrow it)."""
    scale = Fraction(1)
    while scale * 1000 <= value:
        scale *= 1000
    return scale


# Arabic-Indic digits and separators as the digits they are, and a Hebrew letter joined to a number by a maqaf or
# hyphen as its own word ("מ־32": "from 32"): the same number of characters, so offsets hold
_SCRIPT_NUMBERS = str.maketrans({**SCRIPT_DIGITS, "٫": ".", "٬": ","})
_JOINED_LETTER = re.compile(r"(?<![\u05d0-\u05ea])([ובכלמשה])[-\u05be](?=\d)")  # (not "קוביד-19")


def find_figures(s: str, language: str = "en") -> tuple[Figure, ...]:
    """All figures in s, in order of position, non-overlapping; its numbers in digits read as `language` (the
    site's) writes them (figure_numbers.py: "32.000" is 32,000 in German, "3,5" is 3.5 anywhere)."""
    read = s if s.isascii() else _JOINED_LETTER.sub(r"\1 ", s.translate(_SCRIPT_NUMBERS))
    toks = tokens(s, read, language)
    figures: list[Figure] = []
    k = 0
    while k < len(toks):
        found = _figure_at(s, toks, k)
        if found is None:
            k += 1
            continue
        figures.append(found[0])
        k = found[1]
    return tuple(figures)


def describe(f: Figure) -> str:
    """Normalised wording: "almost 32,000", "1,300,000", "4,000–8,000", "100%", "at least 1/3"."""
    pct = "%" if f.unit == "percent" else ""
    if f.upper is not None:
        return f"{shown(f.value)}–{shown(f.upper)}{pct}"
    number = shown(f.value) + pct
    return number if f.qualifier == "exact" else f"{f.qualifier} {number}"
