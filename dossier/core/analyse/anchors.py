"""Find where an editor's quote sits in an article, and say honestly how well it fits.

Pure module: no I/O, no clock, no printing. Article text is a ``str`` whose paragraphs are
joined by "\\n\\n"; every offset returned is an index into that original string.

Search ladder (the first rung that finds something wins; text, quote and context compared in NFC):

1. exact: the stripped quote, every whitespace run of it matching any whitespace run of the text
   (so a quote may cross paragraph breaks and no-break spaces). One occurrence -> "exact";
   several -> choose with ``prefix``/``suffix`` -> "disambiguated", else "ambiguous".
2. typography: the same with curly quotes, dashes, the ellipsis character, invisible characters
   and the case of the quote's first letter folded -> "fuzzy" with score 99.0 and a hint naming
   each difference (or "ambiguous" if the folded quote occurs several times and is not chosen).
3. closest passage (rapidfuzz), snapped to word boundaries; ``fuzz.ratio`` of the whitespace-
   collapsed, typography-folded forms >= ``fuzzy_floor`` -> "fuzzy", else "orphan". The words found
   there may occur again (typography aside): ``prefix``/``suffix`` choose among them as on the other
   rungs, or, choosing none, among the passages close enough that they stand beside
   (close_passages.py); several left -> "ambiguous" (``closest`` set on either result).

Invariants of :class:`AnchorResult`:
* ``start``/``end`` are ``None`` exactly when status is "ambiguous" or "orphan";
* "exact"/"disambiguated": ``text[start:end]`` equals the stripped quote modulo whitespace runs
  and Unicode normalisation (both sides are compared in NFC; offsets are the original text's),
  ``score == 100.0``, ``diff == hint == ""``, ``candidates == ()``;
* a found ``text[start:end]`` never begins or ends with whitespace;
* ``closest`` exactly when the result comes from rung 3 ("fuzzy" or "ambiguous"): its words differ from the
  quote's beyond typography (``diff`` says how; for "ambiguous", from the first candidate's).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Literal

from .close_passages import chosen_close
from .closest import closest_passage
from .context_words import Words, contexts_of, keys, reversed_text, unfit, words_after, words_before
from .occurrences import Occurrences, occurrences
from .text_facts import facts
from ..text.nfc import NfcText, nfc, nfc_text
from ..text.typography import (describe_typography, fold_key, literal_words, normalise, past_marks,
                               search_pattern)
from ..text.worddiff import word_diff
from ..common.records import frozen

Status = Literal["exact", "disambiguated", "fuzzy", "ambiguous", "orphan"]

TYPOGRAPHY_SCORE = 99.0
# Unique contexts cost O(occurrences^2); past this many the editor needs a longer quote, not a
# list of suggestions, so candidates are listed without them.
MAX_CONTEXT_CANDIDATES = 100


def shown_score(score: float) -> int:
    """A match's score as editors read it (messages, the report): whole points rounded down, so that only an
    exact match shows 100 (a one-letter slip in a long quote scored 99.6 and read "score 100")."""
    return int(score)


@frozen
class Candidate:
    """One place the quote (or its closest passage) sits: ``text[start:end]``.

    ``unique_prefix`` / ``unique_suffix``: the fewest whole words just before ``start`` / after
    ``end`` that no other occurrence shares, in the article's own typography, single-spaced and
    stripped so they paste into YAML; ``None`` when impossible (or not computed: orphans, more
    than ``MAX_CONTEXT_CANDIDATES`` occurrences).
    """

    start: int
    end: int
    unique_prefix: str | None
    unique_suffix: str | None


@frozen
class AnchorResult:
    """Outcome of :func:`anchor_quote`; see the module docstring for the invariants."""

    status: Status
    start: int | None
    end: int | None
    score: float
    candidates: tuple[Candidate, ...]
    diff: str
    hint: str
    unfit: str = ""   # a quote found once: its given prefix/suffix that does not fit it, and the text there
    closest: bool = False   # found on the last rung: the passage closest to the quote, not its words as written


def _orphan(hint: str, score: float = 0.0, cands: tuple[Candidate, ...] = (),
            diff: str = "") -> AnchorResult:
    return AnchorResult("orphan", None, None, score, cands, diff, hint)


_WS_LONG = re.compile(r"\s{2,}")   # (a run of one character keeps every offset after it where it was)


@lru_cache(maxsize=16)
def _collapsed(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """`text` with every whitespace run made one space, and where each stretch starts whose offsets are shifted
    alike (in the collapsed text, in `text`): a new one after each run of two characters or more, the only ones
    that shift what follows. Cached: an article's quotes are all looked up in the same text. (A stretch after
    every run, one space included, took 0.46 ms a 4,800-character article: 0.8 s of CPU of a cold build of
    1,000 articles, whose witnesses look up a text each.)"""
    seg_norm, seg_orig = [0], [0]
    removed = 0
    for m in _WS_LONG.finditer(text):
        a, b = m.span()
        removed += b - a - 1
        seg_norm.append(b - removed)
        seg_orig.append(b)
    # (what re.sub(r"\s+", " ", text) makes, three times as fast: split() cuts at the same whitespace as \s)
    words = " ".join(text.split())
    lead = " " if text[:1].isspace() else ""
    return lead + words + (" " if words and text[-1].isspace() else ""), tuple(seg_norm), tuple(seg_orig)


def exact_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every occurrence of `quote`'s words in `text` with any whitespace between them, overlapping ones
    included: what `_spans(re.compile(search_pattern(quote, fold=False)), text)` finds, found with str.find
    in the whitespace-collapsed text (compiling one regex per quote was most of the anchoring time)."""
    words = quote.split()
    if not words:
        return []
    literal = " ".join(words)
    norm, seg_norm, seg_orig = _collapsed(text)

    def orig(k: int) -> int:  # k is inside a copied stretch: an occurrence starts and ends on a word
        i = bisect_right(seg_norm, k) - 1
        return seg_orig[i] + (k - seg_norm[i])

    spans, i = [], norm.find(literal)
    while i >= 0:
        spans.append((orig(i), orig(i + len(literal) - 1) + 1))
        i = norm.find(literal, i + 1)
    return spans


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every match, overlapping ones included ("ha ha" occurs twice in "ha ha ha")."""
    spans, m = [], pattern.search(text)
    while m:
        spans.append(m.span())
        m = pattern.search(text, m.start() + 1)
    return spans


def _settle(text: str, found: Occurrences, quote: str, prefix: str | None,
            suffix: str | None, typographic: bool) -> AnchorResult:
    """Turn the occurrences found on one rung into a result (rules for one vs several)."""
    key, spans, rtext = found.key, found.spans, found.rtext
    pre, suf = keys(prefix, key, before=True), keys(suffix, key, before=False)
    # (each occurrence's words are read only when it is the one found or the quote stays ambiguous: reading
    # them for all of them, for each annotation of a repeated quote, was quadratic; see occurrences.py)
    chosen = found.chosen(pre, suf) if len(spans) > 1 else [0]
    if len(spans) == 1 or len(chosen) == 1:
        start, end = spans[chosen[0]]
        left = unfit(Words(words_before(rtext, start)), Words(words_after(text, end)), pre, suf, prefix, suffix,
                     key) if len(spans) == 1 else ""
        if not typographic:
            status: Status = "exact" if len(spans) == 1 else "disambiguated"
            return AnchorResult(status, start, end, 100.0, (), "", "", left)
        found = text[start:end]
        return AnchorResult("fuzzy", start, end, TYPOGRAPHY_SCORE, (), word_diff(quote, found),
                            describe_typography(found, quote), left)
    lead = f"the quote occurs {len(spans)} times"
    if typographic:
        first = text[spans[0][0]:spans[0][1]]
        lead += f" once typography is ignored ({describe_typography(first, quote)})"
    return _ambiguous(found, lead, (pre, suf, chosen), TYPOGRAPHY_SCORE if typographic else 100.0)


def _ambiguous(found: Occurrences, lead: str, given: tuple[list[str], list[str], list[int]], score: float,
               diff: str = "") -> AnchorResult:
    """The result of a quote whose places (`found`) its context does not narrow to one: each place with the
    fewest words that choose it, and a hint beginning with `lead`. `given`: the prefix's and the suffix's words
    (by key, nearest first) and the places they fit."""
    text, rtext, spans, key = found.text, found.rtext, found.spans, found.key
    pre, suf, chosen = given
    none: list[str | None] = [None] * len(spans)
    prefixes, suffixes = (none, none) if len(spans) > MAX_CONTEXT_CANDIDATES else contexts_of(text, rtext, spans, key)
    cands = tuple(Candidate(s, e, p, x) for (s, e), p, x in zip(spans, prefixes, suffixes))
    if pre or suf:
        kind = "prefix/suffix" if pre and suf else "prefix" if pre else "suffix"
        lead += f" and the given {kind} fits {f'{len(chosen)} of them' if chosen else 'none'}"
    choices = [f'{kind}: "{ctx}"' for kind, ctx in
               (("prefix", cands[0].unique_prefix), ("suffix", cands[0].unique_suffix)) if ctx]
    tail = (f"add {' or '.join(choices)} to choose the first one" if choices
            else "quote a longer passage to choose one")
    return AnchorResult("ambiguous", None, None, score, cands, diff, f"{lead}; {tail}")


def _folded_spans(text: str, folded: str, quote: str) -> list[tuple[int, int]]:
    """Where the pattern `folded` (typography.search_pattern's of `quote`, folded) matches in `text`, whole
    characters. None is looked for where a word the pattern matches only whole and as it is
    (typography.literal_words) is no word of the text: the search, a pass over the whole text, is then not made
    (a misspelt quote has such a word; 2,000 of them in a 930 kB transcript spent 30 s of CPU in such passes)."""
    known = facts(text)
    if known.invisible():  # rare: search the folded copy (slower) so they are skipped
        norm = normalise(text)
        return _whole_characters(text, [(a, past_marks(text, b)) for a, b in
                                        (norm.span(s, e) for s, e in _spans(re.compile(folded), norm.text))])
    words = known.words()
    if not all(word in words for word in literal_words(quote)):
        return []
    return _whole_characters(text, _spans(re.compile(folded), text))


def _whole_characters(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not followed by a combining mark: a quote "a à" does not occur in "a à̀", whose last letter
    carries a second accent (the mark belongs to the letter before it, so the match would cut a character)."""
    return [(s, e) for s, e in spans if e >= len(text) or unicodedata.category(text[e])[0] != "M"]


def anchor_quote(text: str, quote: str, prefix: str | None = None, suffix: str | None = None,
                 *, fuzzy_floor: float = 85.0) -> AnchorResult:
    """Locate ``quote`` in ``text``; ``prefix``/``suffix`` only choose between occurrences.

    Leading and trailing whitespace of the quote is ignored. A prefix/suffix that is None, empty
    or only whitespace counts as not given; otherwise the text before the occurrence must end
    with it (after the occurrence start with it), whitespace between them allowed.

    Text, quote and context are compared in Unicode NFC ("e" + U+0308 is "ë"); offsets are the
    original text's, each span covering whole original characters (see :mod:`dossier.core.text.nfc`).
    """
    quote, prefix, suffix = nfc(quote) or "", nfc(prefix), nfc(suffix)
    mapped = nfc_text(text)   # None for an NFC text: the usual case costs one fast check
    if mapped is None:
        return _anchor(text, quote, prefix, suffix, fuzzy_floor)
    return _to_original(_anchor(mapped.text, quote, prefix, suffix, fuzzy_floor), mapped)


def _to_original(result: AnchorResult, mapped: NfcText) -> AnchorResult:
    """``result``, found in the NFC form of a text, with its offsets in the original text."""
    start, end = (None, None) if result.start is None or result.end is None else \
        mapped.span(result.start, result.end)
    cands = tuple(Candidate(*mapped.span(c.start, c.end), c.unique_prefix, c.unique_suffix)
                  for c in result.candidates)
    return AnchorResult(result.status, start, end, result.score, cands, result.diff, result.hint, result.unfit,
                        result.closest)


def _anchor(text: str, quote: str, prefix: str | None, suffix: str | None, fuzzy_floor: float) -> AnchorResult:
    """anchor_quote on texts that are both NFC (or both not: the quote's form is then the editor's concern)."""
    q = quote.strip()
    if not q:
        return _orphan("the quote is empty")
    if not text.strip():
        return _orphan("not found; the article text is empty")

    rtext = reversed_text(text)
    found = occurrences(text, rtext, (q, False), lambda: _whole_characters(text, exact_spans(text, q)), str)
    if found.spans:
        return _settle(text, found, q, prefix, suffix, typographic=False)

    folded = search_pattern(q, fold=True, any_case_first=True)
    if not folded:
        return _orphan("the quote is empty: it holds only invisible characters")
    found = occurrences(text, rtext, (q, True), lambda: _folded_spans(text, folded, q), fold_key)
    if found.spans:
        return _settle(text, found, q, prefix, suffix, typographic=True)

    return _approximate(text, rtext, q, prefix, suffix, fuzzy_floor)


def _approximate(text: str, rtext: str, q: str, prefix: str | None, suffix: str | None,
                 fuzzy_floor: float) -> AnchorResult:
    """The last rung: the passage closest to the quote. The words found there may stand in the text more than
    once (the quote was misspelt, the passage is repeated): the prefix and suffix then choose among them as
    they choose among a quote's exact places, and where they choose none, among the passages close enough to
    the quote that they stand beside (`close_passages.chosen_close`). Nothing chosen, nothing to choose
    between: the one passage, its context said not to fit (`unfit`); several: "ambiguous", never one of them
    picked silently."""
    nq = normalise(q).text.strip()
    best = closest_passage(text, nq)
    if best is None:
        return _orphan("not found; no passage of the article resembles it")
    start, end, score = best
    diff = word_diff(q, text[start:end])
    if score < fuzzy_floor:
        return _orphan(f"not found; the closest passage (score {shown_score(score)}) {_differs(diff)}: {diff}",
                       score, (Candidate(start, end, None, None),), diff)
    spans = sorted({(start, end), *_same_words(text, text[start:end])})
    found = Occurrences(text, rtext, spans, fold_key)
    pre, suf = keys(prefix, fold_key, before=True), keys(suffix, fold_key, before=False)
    chosen = found.chosen(pre, suf)
    if not chosen and (near := chosen_close(text, rtext, nq, prefix, suffix, fuzzy_floor)):
        found, score = Occurrences(text, rtext, [(s, e) for s, e, _ in near], fold_key), near[0][2]
        spans, chosen = found.spans, list(range(len(near)))
    if len(chosen) == 1 or len(spans) == 1:
        start, end = spans[chosen[0] if chosen else 0]
        left = "" if chosen else unfit(Words(words_before(rtext, start)), Words(words_after(text, end)), pre, suf,
                                       prefix, suffix, fold_key)
        diff = word_diff(q, text[start:end])
        return AnchorResult("fuzzy", start, end, score, (), diff, f"closest text {_differs(diff)}: {diff}", left, True)
    diff = word_diff(q, text[spans[0][0]:spans[0][1]])
    lead = f"the quote occurs {len(spans)} times once corrected (closest text {_differs(diff)}: {diff})"
    return replace(_ambiguous(found, lead, (pre, suf, chosen), score, diff), closest=True)


def _same_words(text: str, words: str) -> list[tuple[int, int]]:
    """Every place of `words` (a passage of `text`) in `text`, typography aside: with no quotation mark, dash or
    ellipsis in them, nor an invisible character in the text, the whitespace-collapsed text's quick search."""
    folded = search_pattern(words, fold=True)
    if folded == search_pattern(words, fold=False) and not facts(text).invisible():
        return _whole_characters(text, exact_spans(text, words))
    return _folded_spans(text, folded, words)


def _differs(diff: str) -> str:
    """How the closest text differs: same words but no match means the spacing inside a word does ("U.S.support")."""
    return "differs" if "[-" in diff or "{+" in diff else "differs only in spacing"
