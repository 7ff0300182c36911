"""Typography for quote anchoring: folding tables, typography-tolerant search patterns, a
normal form with an offset map back to the original text, and plain-English descriptions of
typographic differences.

Helper for :mod:`dossier.core.analyse.anchors`. Pure: no I/O, no state beyond constant tables.

Quotes are searched in the original text with :func:`search_pattern` (offsets stay exact). The
normal form of :func:`normalise` is for fuzzy scoring of small windows and for the rare text
with invisible characters: every whitespace run (``str.isspace``: spaces, "\\n\\n" between
paragraphs, no-break and thin spaces, ...) becomes one ASCII space, curly quotes, primes and
dashes become their ASCII counterparts, the ellipsis character becomes "...", and invisible
characters (soft hyphen, zero-width space, word joiner, BOM, directional marks) and Hebrew and Arabic marks are
dropped (one dropped between two whitespace runs leaves two spaces: the search, by ``\\s+``, does not mind).

Invariant of :func:`normalise`: for every index ``k`` of the normal form, ``orig(k)`` is the index
of the original character that produced it, and ``orig`` is non-decreasing. A non-whitespace
character that is not folded maps 1:1, so slices that start and end on such characters map back
to the exact original slice.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right


from ..common.written_dates import SCRIPT_DIGITS
from ..common.records import frozen

# Replacement for every character the folded form changes (whitespace is handled separately).
FOLD: dict[str, str] = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "–": "-", "—": "-", "‒": "-", "−": "-",
    "…": "...",
    "\u00ad": "", "\u200b": "", "\u2060": "", "\ufeff": "",
    # Hebrew and Arabic punctuation and digits ("״" for '"', maqaf for a hyphen, "٤٠" for 40)
    "׳": "'", "״": '"', "־": "-", "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    **SCRIPT_DIGITS,
}
# Directional marks and embeddings pasted from browsers with Hebrew or Arabic text: invisible, dropped
_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Marks written over or under letters, which a text may or may not carry (Hebrew points and cantillation,
# Arabic harakat), and the tatweel that stretches Arabic words: visible, but not part of the words' letters
_MARKS = "".join(chr(c) for c in (*range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7,
                                  *range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD),
                                  *range(0x06DF, 0x06E5), 0x06E7, 0x06E8, *range(0x06EA, 0x06EE), 0x0640))
FOLD.update({c: "" for c in _BIDI + _MARKS})

# Names used in hints. Paired names sharing their last word ("curly apostrophe" / "straight
# apostrophe") let the hint say "a straight one" instead of repeating the noun.
NAMES: dict[str, str] = {
    "'": "straight apostrophe", "’": "curly apostrophe", "‘": "curly opening single quote",
    "‚": "low single quote", "‛": "reversed single quote", "′": "prime sign",
    '"': "straight double quote", "“": "curly opening double quote",
    "”": "curly closing double quote", "„": "low double quote", "‟": "reversed double quote",
    "″": "double prime sign",
    "-": "hyphen", "–": "en dash", "—": "em dash", "‒": "figure dash", "−": "minus sign",
    "...": "three dots", "…": "ellipsis character",
    "\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "?": "plain question mark", ",": "plain comma", ";": "plain semicolon", "%": "plain percent sign",
    "׳": "geresh", "״": "gershayim", "־": "maqaf", "،": "Arabic comma", "؛": "Arabic semicolon",
    "؟": "Arabic question mark", "٪": "Arabic percent sign", "٫": "Arabic decimal separator",
    "٬": "Arabic thousands separator", "\u200e": "left-to-right mark", "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark", "\u0640": "tatweel",
    **{c: unicodedata.name(c, "mark").capitalize().replace("hebrew", "Hebrew").replace("arabic", "Arabic")
       for c in _MARKS if c != "\u0640"},
    **{c: unicodedata.name(c).lower() for c in _BIDI[3:]},  # ("right-to-left isolate", "pop directional …")
}
for _c in FOLD:  # (digits: "Arabic-indic digit four")
    NAMES.setdefault(_c, unicodedata.name(_c, "character").capitalize().replace("arabic", "Arabic"))
_DROPPED = frozenset(c for c, r in FOLD.items() if r == "")
_MARKS_SET = frozenset(_MARKS)
_INVISIBLE = _DROPPED - frozenset(_MARKS)   # (the marks are seen: a hint does not call them invisible)
_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")
_FOLD_TABLE = str.maketrans(FOLD)
# Regex alternatives for one folded character: every typographic variant it stands for.
_CLASSES: dict[str, str] = {
    ascii_: "[" + re.escape(ascii_ + "".join(c for c, r in FOLD.items() if r == ascii_)) + "]"
    for ascii_ in sorted({r for r in FOLD.values() if len(r) == 1})
}

# A whitespace run that is not already a single ASCII space, or a character to fold. Single
# spaces are left alone so ordinary prose needs no map entries: the map only grows with
# paragraph breaks and typographic characters.
_FOLD_RE = re.compile(r"[^\S ]\s*| \s+|[" + "".join(FOLD) + "]")


@frozen
class Normalised:
    """A normal form of ``source`` plus a piecewise map from its indices back to ``source``.

    Segments are stored by their start index in the normal form (``seg_norm``, non-decreasing).
    A copy segment maps linearly; a replacement segment maps every index to the start of the
    replaced original span (zero-length replacement segments record deletions).
    """

    text: str
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]
    seg_copy: tuple[bool, ...]

    def orig(self, k: int) -> int:
        """Original index of the character at normal-form index ``k`` (0 <= k < len(text))."""
        # bisect_right picks the last segment starting at or before k, which skips
        # zero-length (deletion) segments that share their start with the next segment.
        i = bisect_right(self.seg_norm, k) - 1
        base = self.seg_orig[i]
        return base + (k - self.seg_norm[i]) if self.seg_copy[i] else base

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the non-empty normal-form slice ``[start:end)``."""
        return self.orig(start), self.orig(end - 1) + 1


def normalise(source: str) -> Normalised:
    """Collapse whitespace runs to one space and fold typography (see the module docstring)."""
    parts: list[str] = []
    segments = [(0, 0, True)]  # (normal-form start, original start, is a copy)
    n = last = 0
    for m in _FOLD_RE.finditer(source):
        a, b = m.span()
        rep = " " if source[a].isspace() else FOLD[m.group()]
        parts += [source[last:a], rep]
        n += a - last
        segments += [(n, a, False), (n + len(rep), b, True)]
        n += len(rep)
        last = b
    parts.append(source[last:])
    seg_norm, seg_orig, seg_copy = zip(*segments)
    return Normalised("".join(parts), seg_norm, seg_orig, seg_copy)


def fold_key(s: str) -> str:
    """``s`` with typography folded (whitespace untouched): the comparison key for words."""
    return s.translate(_FOLD_TABLE)


def search_pattern(s: str, fold: bool, any_case_first: bool = False) -> str:
    """Regex source matching ``s`` in an original (un-normalised) text.

    Whitespace runs in ``s`` match any whitespace run (``\\s+``). With ``fold``, each quote,
    dash or ellipsis matches any of its typographic variants, invisible characters in ``s`` are
    ignored, and with ``any_case_first`` the first letter matches in either case. Searching the
    original text (not a normalised copy) keeps offsets exact and lets ``re`` use its fast
    literal-prefix scan. Invisible characters in the text are not skipped: for such a text (see
    :func:`has_invisible`) search its :func:`normalise` form instead.
    """
    if not fold:
        return r"\s+".join(map(re.escape, s.split()))
    words = []
    for word in (fold_key(w) for w in s.split()):
        parts, i = [], 0
        while i < len(word):
            ch = word[i]
            if word.startswith("...", i):
                parts.append(r"(?:\.\.\.|…)")
                i += 3
                continue
            i += 1
            if any_case_first and ch.isalpha():
                any_case_first = False
                up, low = ch.upper(), ch.lower()
                if len(up) == len(low) == 1 and up != low:  # "ß".upper() is "SS": leave it be
                    parts.append("[" + re.escape(up + low) + "]")
                    continue
            parts.append(_CLASSES.get(ch) or re.escape(ch))
        if parts:
            words.append("".join(parts))
    return r"\s+".join(words)


def literal_words(s: str) -> list[str]:
    """The words of ``s`` that ``search_pattern(s, fold=True, any_case_first=True)`` matches only as they are and
    whole, between two of its whitespace runs: those after the word of the first letter (which matches in either
    case) and before the last word (a match may end inside a longer word, as it may begin), folded, with no
    character that has variants (quotes, dashes, dots, digits). A text the pattern matches holds each of them as
    one of its whitespace-delimited words (`str.split`'s, the same whitespace as ``\\s``)."""
    # (the pattern's words: a word that folds to nothing, "\u200f" alone, is none, and the word before it may be
    # the last, which a match may end inside: review 99)
    words = [folded for folded in map(fold_key, s.split()) if folded]
    first = next((i for i, w in enumerate(words) if any(c.isalpha() for c in w)), len(words))
    return [w for w in words[first + 1:-1] if not any(c in _CLASSES for c in w)]


def past_marks(text: str, end: int) -> int:
    """`end` moved past the Hebrew or Arabic marks that follow it: a letter's points or harakat belong to it, so
    a match found in the folded form (where they are gone) that ends on a letter ends after them."""
    while end < len(text) and text[end] in _MARKS_SET:
        end += 1
    return end


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a character the folded form drops: a soft hyphen, zero-width space, word joiner,
    BOM or directional mark, or a Hebrew or Arabic mark (points, harakat, tatweel)."""
    return _DROPPED_RE.search(text) is not None


def _a(phrase: str) -> str:
    if phrase.startswith("three "):  # "three dots" is plural: no article
        return phrase
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _describe(found: str, quoted: str, what: str) -> str:
    """One clause for one differing stretch: ``found`` in the article vs ``quoted`` (the editor's ``what``)."""
    if found.lower() == quoted.lower() and found != quoted:
        case = "lower-case" if found[:1].islower() else "upper-case"
        return f"the article starts this {what} with {_a(case)} letter"
    if found in _DROPPED and not quoted:
        seen = "an invisible " if found in _INVISIBLE else "a "
        return f"the article has {seen}{NAMES[found]} (U+{ord(found):04X}) inside this {what}"
    if quoted in _DROPPED and not found:
        seen = "an invisible " if quoted in _INVISIBLE else "a "
        return f"the {what} has {seen}{NAMES[quoted]} (U+{ord(quoted):04X}) the article lacks"
    if found in NAMES and quoted in NAMES:
        f_name, q_name = NAMES[found], NAMES[quoted]
        f_words, q_words = f_name.split(), q_name.split()
        shared = 0  # trailing words both names end with ("double quote")
        while shared < min(len(f_words), len(q_words)) - 1 and f_words[-1 - shared] == q_words[-1 - shared]:
            shared += 1
        if shared:
            q_name = " ".join(q_words[:-shared]) + " one"
        return f"the article uses {_a(f_name)} ({found}) where the {what} has {_a(q_name)} ({quoted})"
    return f"the article has “{found}” where the {what} has “{quoted}”"


def _marks_clause(found: str, quoted: str, what: str) -> str:
    """One clause for Hebrew or Arabic marks that one side has and the other lacks (a pointed quote of an
    unpointed text is one difference, not one per point); "" when the marks of both agree."""
    f_marks, q_marks = [c for c in found if c in _MARKS], [c for c in quoted if c in _MARKS]
    if f_marks == q_marks:
        return ""
    marks = f_marks or q_marks
    script = "Hebrew points (niqqud)" if all("\u0591" <= c <= "\u05c7" for c in marks) else \
        "a tatweel (ـ) stretching a word" if all(c == "\u0640" for c in marks) else \
        "Arabic vowel marks (harakat)" if all(c >= "\u0610" and c != "\u0640" for c in marks) else \
        "Arabic marks (harakat, tatweel)" if all(c >= "\u0610" for c in marks) else "Hebrew or Arabic marks"
    if f_marks and q_marks:
        return f"the article and the {what} mark the words with different {script}"
    return f"the article has {script} the {what} lacks" if f_marks else f"the {what} has {script} the article lacks"


def describe_typography(found: str, quoted: str, what: str = "quote") -> str:
    """Human sentence naming each typographic difference between article text and quote (or the editor's
    `what`: a prefix, a suffix).

    Whitespace differences are ignored (they are never differences for anchoring). Returns ""
    if the two agree modulo whitespace.
    """
    from rapidfuzz.distance import Levenshtein  # (imported when first needed: see analyse/closest.py)

    f, q = " ".join(found.split()), " ".join(quoted.split())
    marks = _marks_clause(f, q, what)
    clauses: list[str] = [marks] if marks else []
    f, q = "".join(c for c in f if c not in _MARKS), "".join(c for c in q if c not in _MARKS)
    # Merge adjacent non-equal opcodes so "..." -> "…" is one clause, not a replace plus a delete.
    groups: list[list[int]] = []
    for op in Levenshtein.opcodes(q, f):
        if op.tag == "equal":
            continue
        if groups and groups[-1][1] == op.src_start and groups[-1][3] == op.dest_start:
            groups[-1][1], groups[-1][3] = op.src_end, op.dest_end
        else:
            groups.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    for q1, q2, f1, f2 in groups:
        clause = _describe(f[f1:f2], q[q1:q2], what)
        if clause not in clauses:
            clauses.append(clause)
    return "; ".join(clauses)
