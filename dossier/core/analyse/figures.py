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
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ..common.written_dates import MONTHS, SCRIPT_DIGITS
from ..common.records import frozen

Qualifier = Literal["exact", "about", "at least", "more than", "fewer than", "at most", "up to", "almost", "range"]

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-.,][^\W_]+)*|\S")
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DASH_RANGE_RE = re.compile(rf"({_DIGITS_RE.pattern})[-–—]({_DIGITS_RE.pattern})")

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12,
           # Hebrew and Arabic ("32 אלף", "٣٢ ألف")
           "אלף": 10**3, "מיליון": 10**6, "מיליארד": 10**9, "ألف": 10**3, "الف": 10**3, "آلاف": 10**3,
           "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9}
_FRACTIONS = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2), "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4), "quarters": Fraction(1, 4), "fifth": Fraction(1, 5), "fifths": Fraction(1, 5),
}
# "hundreds" says at least two hundred and fewer than a thousand; it becomes that range.
_PLURAL_SCALES = {"dozens": 12, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
# Units a number can be glued to with a hyphen: "six-week", "24-hour", "five-month-old".
_COMPOUND_UNITS = frozenset(
    "second minute hour day night week month year decade mile kilometer kilometre km meter metre foot "
    "inch pound ton point percent member man person story seat bed lane".split())

_QUALIFIERS: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("no", "more", "than"), "at most"), (("as", "many", "as"), "up to"), (("an", "estimated"), "about"),
    (("at", "least"), "at least"), (("more", "than"), "more than"), (("fewer", "than"), "fewer than"),
    (("less", "than"), "fewer than"), (("at", "most"), "at most"), (("up", "to"), "up to"),
    (("almost",), "almost"), (("nearly",), "almost"), (("some",), "about"), (("about",), "about"),
    (("around",), "about"), (("roughly",), "about"), (("approximately",), "about"), (("over",), "more than"),
    (("under",), "fewer than"),
    # Hebrew ("יותר מ־32 אלף", "כ־30", "לפחות 40") and Arabic ("أكثر من ٣٢ ألف", "حوالي 30", "على الأقل 40")
    (("יותר", "מ"), "more than"), (("למעלה", "מ"), "more than"), (("פחות", "מ"), "fewer than"),
    (("לפחות",), "at least"), (("כמעט",), "almost"), (("קרוב", "ל"), "almost"), (("כ",), "about"),
    (("עד",), "up to"), (("أكثر", "من"), "more than"), (("اكثر", "من"), "more than"), (("أقل", "من"), "fewer than"),
    (("اقل", "من"), "fewer than"), (("على", "الأقل"), "at least"), (("ما", "لا", "يقل", "عن"), "at least"),
    (("ما", "يقرب", "من"), "almost"), (("حوالي",), "about"), (("حوالى",), "about"), (("نحو",), "about"),
    (("قرابة",), "about"), (("زهاء",), "about"),
)
_ENGLISH_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# every language's month names (written_dates.py): "7 באוקטובר", "7 März", "le 7 février" are dates
_MONTHS = _ENGLISH_MONTHS | frozenset(m for m in MONTHS if " " not in m)
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
_DETERMINERS = frozenset("the its their his her our your these those all this that".split())
# Words that end a unit phrase: function words, auxiliaries and reporting verbs never name what is counted.
_STOP = frozenset(
    """a an the of in on at to for from with by and or but nor as than that which who whom whose what when
    where while if so is are was were be been being have has had will would could should may might must can
    do does did not no into onto over under after before since during per each its their his her our your my
    this these those it they them he she we you i there here said says say according more less about some only
    all also then just still out up down off again ago now yet both either neither such how why whether
    because though although until till against between among amid via within without toward towards across
    through throughout upon behind beyond near around including""".split())
_KNOWN_NOUNS = frozenset("people percent men women children police staff personnel troops cattle".split())


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


@frozen
class _Tok:
    """One token of a text: as written, lower-cased, and where it is."""

    text: str
    low: str
    start: int
    end: int


def _word_value(word: str) -> int | None:
    """one..nineteen, the tens, and hyphenated "twenty-five"."""
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS and 0 < _UNITS[unit] < 10:
        return _TENS[tens] + _UNITS[unit]
    return None


def _digits(text: str) -> Fraction:
    return Fraction(Decimal(text.replace(",", "")))


def _compound(tok: _Tok, k: int) -> _Num | None:
    """"six-week", "6-week", "five-month-old": a number glued to a unit of measure."""
    parts = tok.low.split("-")
    for n in (2, 1):  # "twenty-five-year-old" has a two-part number
        head, rest = "-".join(parts[:n]), parts[n:]
        value = _digits(head) if _DIGITS_RE.fullmatch(head) else _word_value(head)
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
    if _DIGITS_RE.fullmatch(low):
        return _digit_number(toks, k)
    dash = _DASH_RANGE_RE.fullmatch(low)
    if dash:
        return _Num(_digits(dash.group(1)), _digits(dash.group(2)), k + 1, False, "", False)
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


def _digit_number(toks: Sequence[_Tok], k: int) -> _Num:
    """"1,200", "3 million", "40 %": digits, then any scale words, then a percent sign."""
    value, end, scaled = _digits(toks[k].low), k + 1, False
    while end < len(toks) and toks[end].low in _SCALES and toks[end].low != "dozen":
        value, end, scaled = value * _SCALES[toks[end].low], end + 1, True
    unit = "percent" if end < len(toks) and toks[end].text == "%" else ""
    return _Num(value, None, end + (1 if unit else 0), scaled, unit, False)


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
    # A bare "one" is nearly always a pronoun ("one of those envoys"), not a count.
    if end == k + 1 and low == "one":
        return None
    return _Num(total + current, None, end, scaled, "", fraction)


def _named(word: str) -> bool:
    """A month's name as written in a date: an English one capitalised ("may" is no month), any other as it is
    (French writes "février", Hebrew and Arabic have no capitals)."""
    return word[0].isupper() or word.lower() not in _ENGLISH_MONTHS


def _is_date_part(toks: Sequence[_Tok], k: int, num: _Num) -> bool:
    low = toks[k].low
    if not _DIGITS_RE.fullmatch(low):
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
            qualifier, q_end = q, k + len(words)
            break
    first = toks[k].low
    is_range = first in ("between", "from")
    start_tok = q_end if not is_range else k + 1
    if start_tok < len(toks) and toks[start_tok].text in _CURRENCY:
        currency = _CURRENCY[toks[start_tok].text]
        start_tok += 1
    else:
        currency = ""
    num = _number(toks, start_tok)
    if num is None or (qualifier == "exact" and _is_date_part(toks, start_tok, num)):
        return None
    value, upper, end, unit = num.value, num.upper, num.end, num.unit or currency
    if is_range:
        link = "and" if first == "between" else "to"
        second = _number(toks, end + 1) if end < len(toks) and toks[end].low == link else None
        if second is None:
            return None
        if second.scaled and not num.scaled and value < 1000:
            value *= _digits_floor(second.value)  # "between 4 and 8 million"
        upper, end, unit = second.value, second.end, second.unit or unit
    elif num.upper is None and end < len(toks) and toks[end].text in ("–", "—", "-"):
        second = _number(toks, end + 1)  # "4,000–8,000"
        if second is not None and _DIGITS_RE.fullmatch(toks[end + 1].low):
            upper, end, unit = second.value, second.end, second.unit or unit
    if upper is not None:
        qualifier = "range"
        if upper < value:
            value, upper = upper, value
    last = end - 1
    if not unit:
        unit, head = _unit_phrase(toks, end)
        if head >= 0:
            last = head
        elif toks[end : end + 1] and toks[end].low == "percent":
            unit, last = "percent", end
        else:
            unit = _partitive_unit(toks, end, num)
    a, b = toks[k if qualifier != "exact" else start_tok].start, toks[last].end
    if currency and qualifier == "exact":
        a = toks[start_tok - 1].start
    fig = Figure(s[a:b], a, b, float(value), qualifier, None if upper is None else float(upper), unit)
    return fig, last + 1


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


def find_figures(s: str) -> tuple[Figure, ...]:
    """All figures in s, in order of position, non-overlapping."""
    read = s if s.isascii() else _JOINED_LETTER.sub(r"\1 ", s.translate(_SCRIPT_NUMBERS))
    toks = [_Tok(s[m.start():m.end()], m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(read)]
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


def _fmt(v: float) -> str:
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}"
    frac = Fraction(v).limit_denominator(12)
    if 0 < v < 1 and abs(float(frac) - v) < 1e-9:
        return f"{frac.numerator}/{frac.denominator}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def describe(f: Figure) -> str:
    """Normalised wording: "almost 32,000", "1,300,000", "4,000–8,000", "100%", "at least 1/3"."""
    pct = "%" if f.unit == "percent" else ""
    if f.upper is not None:
        return f"{_fmt(f.value)}–{_fmt(f.upper)}{pct}"
    number = _fmt(f.value) + pct
    return number if f.qualifier == "exact" else f"{f.qualifier} {number}"
