"""Find where an editor's quote sits in an article, and say honestly how well it fits.

Pure module: no I/O, no clock, no printing. Article text is a ``str`` whose paragraphs are
joined by "\\n\\n"; every offset returned is an index into that original string.

Search ladder (the first rung that finds something wins):

1. exact: the stripped quote, every whitespace run of it matching any whitespace run of the text
   (so a quote may cross paragraph breaks and no-break spaces). One occurrence -> "exact";
   several -> choose with ``prefix``/``suffix`` -> "disambiguated", else "ambiguous".
2. typography: the same with curly quotes, dashes, the ellipsis character, invisible characters
   and the case of the quote's first letter folded -> "fuzzy" with score 99.0 and a hint naming
   each difference (or "ambiguous" if the folded quote occurs several times and is not chosen).
3. closest passage (rapidfuzz), snapped to word boundaries; ``fuzz.ratio`` of the whitespace-
   collapsed, typography-folded forms >= ``fuzzy_floor`` -> "fuzzy", else "orphan".

Invariants of :class:`AnchorResult`:
* ``start``/``end`` are ``None`` exactly when status is "ambiguous" or "orphan";
* "exact"/"disambiguated": ``text[start:end]`` equals the stripped quote modulo whitespace runs,
  ``score == 100.0``, ``diff == hint == ""``, ``candidates == ()``;
* a found ``text[start:end]`` never begins or ends with whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .typography import (Normalised, describe_typography, fold_key, has_invisible, normalise,
                          search_pattern)

Status = Literal["exact", "disambiguated", "fuzzy", "ambiguous", "orphan"]

TYPOGRAPHY_SCORE = 99.0
# Unique contexts cost O(occurrences^2); past this many the editor needs a longer quote, not a
# list of suggestions, so candidates are listed without them.
MAX_CONTEXT_CANDIDATES = 100
# partial_ratio over a whole text costs ~len(text) * max(len(quote), 64); past this budget a few
# windows are first picked by rare shared words (a 300-char quote in 300 kB stays ~10 ms).
_DIRECT_BUDGET = 10_000_000
_WORD_AHEAD = re.compile(r"\s*(\S+)")  # next whitespace-delimited word; on reversed text: previous
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class AnchorResult:
    """Outcome of :func:`anchor_quote`; see the module docstring for the invariants."""

    status: Status
    start: int | None
    end: int | None
    score: float
    candidates: tuple[Candidate, ...]
    diff: str
    hint: str


def _orphan(hint: str, score: float = 0.0, cands: tuple[Candidate, ...] = (),
            diff: str = "") -> AnchorResult:
    return AnchorResult("orphan", None, None, score, cands, diff, hint)


_WS_RUN = re.compile(r"\s+")


@lru_cache(maxsize=16)
def _collapsed(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """`text` with every whitespace run made one space, and where each copied stretch starts (in the
    collapsed text, in `text`). Cached: an article's quotes are all looked up in the same text."""
    parts, seg_norm, seg_orig = [], [0], [0]
    n = last = 0
    for m in _WS_RUN.finditer(text):
        a, b = m.span()
        parts += [text[last:a], " "]
        n += a - last + 1
        seg_norm.append(n)
        seg_orig.append(b)
        last = b
    parts.append(text[last:])
    return "".join(parts), tuple(seg_norm), tuple(seg_orig)


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


@dataclass
class _Words:
    """Whitespace-delimited words walking away from one occurrence, listed lazily.

    Word 0 is the one touching the occurrence (possibly a fragment like "“" glued to the quote).
    """

    source: Iterator[str]
    seen: list[str] = field(default_factory=list)

    def get(self, k: int) -> str | None:
        while len(self.seen) <= k:
            word = next(self.source, None)
            if word is None:
                return None
            self.seen.append(word)
        return self.seen[k]


def _before(rtext: str, pos: int) -> Iterator[str]:
    r = len(rtext) - pos  # walk the reversed text forwards: one C-level regex match per word
    while m := _WORD_AHEAD.match(rtext, r):
        r = m.end()
        yield m.group(1)[::-1]


def _after(text: str, pos: int) -> Iterator[str]:
    while m := _WORD_AHEAD.match(text, pos):
        pos = m.end()
        yield m.group(1)


# Context semantics: "the text before the occurrence ends with the prefix" (whitespace between
# them allowed, whitespace runs flexible). In words, nearest first: the inner words are equal and
# the outermost one ends with the prefix's outermost word (``outer`` is str.endswith; for a
# suffix, str.startswith).
def _fits(side: _Words, wanted: list[str], key: Callable[[str], str],
          outer: Callable[[str, str], bool]) -> bool:
    """Whether the words on ``side`` carry the context ``wanted`` (nearest word first)."""
    for k, want in enumerate(wanted):
        word = side.get(k)
        if word is None or not (outer if k == len(wanted) - 1 else str.__eq__)(key(word), want):
            return False
    return True


def _unique_contexts(sides: list[_Words], key: Callable[[str], str],
                     outer: Callable[[str, str], bool]) -> list[str | None]:
    """For each occurrence, the fewest words on its side that fit no other occurrence.

    Partition refinement: ``groups`` holds occurrences whose first ``k`` words are equal, the
    only ones a longer context can still confuse. Each step costs O(group) rather than
    O(occurrences^2), which matters when a paragraph is repeated and contexts run long.
    """
    found: list[str | None] = [None] * len(sides)
    groups = [list(range(len(sides)))]
    k = 0
    while groups:
        next_groups = []
        for group in groups:
            by_word: dict[str, list[int]] = {}
            for j in group:
                if (word := sides[j].get(k)) is not None:  # no word left: stays None
                    by_word.setdefault(key(word), []).append(j)
            for want, members in by_word.items():
                rivals = len(members) > 1 or any(w != want and outer(w, want) for w in by_word)
                if not rivals:
                    words = sides[members[0]].seen[:k + 1]
                    found[members[0]] = " ".join(reversed(words) if outer is str.endswith else words)
                else:
                    next_groups.append(members)
        groups, k = next_groups, k + 1
    return found


def _settle(text: str, spans: list[tuple[int, int]], quote: str, prefix: str | None,
            suffix: str | None, typographic: bool) -> AnchorResult:
    """Turn the occurrences found on one rung into a result (rules for one vs several)."""
    key: Callable[[str], str] = fold_key if typographic else str
    rtext = text[::-1]
    befores = [_Words(_before(rtext, s)) for s, _ in spans]
    afters = [_Words(_after(text, e)) for _, e in spans]
    pre = [key(w) for w in reversed((prefix or "").split())]
    suf = [key(w) for w in (suffix or "").split()]
    chosen = list(range(len(spans)))
    if len(spans) > 1 and (pre or suf):
        chosen = [j for j in chosen if (not pre or _fits(befores[j], pre, key, str.endswith))
                  and (not suf or _fits(afters[j], suf, key, str.startswith))]
    if len(spans) == 1 or len(chosen) == 1:
        start, end = spans[chosen[0]]
        if not typographic:
            status: Status = "exact" if len(spans) == 1 else "disambiguated"
            return AnchorResult(status, start, end, 100.0, (), "", "")
        found = text[start:end]
        return AnchorResult("fuzzy", start, end, TYPOGRAPHY_SCORE, (), word_diff(quote, found),
                            describe_typography(found, quote))

    none: list[str | None] = [None] * len(spans)
    many = len(spans) > MAX_CONTEXT_CANDIDATES
    prefixes = none if many else _unique_contexts(befores, key, str.endswith)
    suffixes = none if many else _unique_contexts(afters, key, str.startswith)
    cands = tuple(Candidate(s, e, p, x) for (s, e), p, x in zip(spans, prefixes, suffixes))
    lead = f"the quote occurs {len(spans)} times"
    if typographic:
        first = text[spans[0][0]:spans[0][1]]
        lead += f" once typography is ignored ({describe_typography(first, quote)})"
    if pre or suf:
        given = "prefix/suffix" if pre and suf else "prefix" if pre else "suffix"
        lead += f" and the given {given} fits {f'{len(chosen)} of them' if chosen else 'none'}"
    choices = [f'{kind}: "{ctx}"' for kind, ctx in
               (("prefix", cands[0].unique_prefix), ("suffix", cands[0].unique_suffix)) if ctx]
    tail = (f"add {' or '.join(choices)} to choose the first one" if choices
            else "quote a longer passage to choose one")
    score = TYPOGRAPHY_SCORE if typographic else 100.0
    return AnchorResult("ambiguous", None, None, score, cands, "", f"{lead}; {tail}")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _can_start(s: str, p: int) -> bool:
    return p < len(s) and not s[p].isspace() and not (p > 0 and _is_word(s[p - 1]) and _is_word(s[p]))


def _can_end(s: str, p: int) -> bool:
    return p > 0 and not s[p - 1].isspace() and not (p < len(s) and _is_word(s[p - 1]) and _is_word(s[p]))


def _seed_starts(text: str, nq: str, limit: int = 3) -> list[int]:
    """A few places in ``text`` where the passage closest to ``nq`` probably starts.

    Each occurrence of a rare quote word votes for where the quote would start; the medians of
    the best-voted neighbourhoods are returned (none if no quote word occurs at all).
    """
    bucket = max(32, len(nq) // 4)
    offsets: dict[str, list[int]] = {}
    for m in re.finditer(r"\w{4,}" if re.search(r"\w{4,}", nq) else r"\w+", nq):
        offsets.setdefault(m.group(), []).append(m.start())
    counts: list[tuple[int, str]] = []
    for word in sorted(offsets, key=len, reverse=True)[:32]:  # long words are the rare ones
        counts.append((text.count(word), word))
        if sum(1 for c, _ in counts if c) >= 8:  # enough present words to vote with
            break
    implied: list[int] = []
    budget = 400  # occurrences; a word past it is too common to locate anything
    for count, word in sorted(counts):
        if not 0 < count <= budget:
            if count:
                break
            continue
        budget -= count
        pos = text.find(word)
        while pos >= 0:
            implied.extend(pos - off for off in offsets[word])
            pos = text.find(word, pos + 1)
    votes = Counter(p // bucket for p in implied)
    picked: list[int] = []
    for b in sorted(votes, key=lambda b: -(votes[b - 1] + votes[b] + votes[b + 1])):
        if all(abs(b - c) > 2 for c in picked):
            picked.append(b)
            if len(picked) == limit:
                break
    starts = []
    for b in picked:
        near = sorted(p for p in implied if (b - 1) * bucket <= p < (b + 2) * bucket)
        starts.append(max(0, near[len(near) // 2]))
    return starts


def _refine(nt: str, nq: str, s0: int, e0: int) -> tuple[int, int]:
    """Snap a rough window ``[s0, e0)`` of ``nt`` to the word boundaries closest to ``nq``.

    Long quotes first place each edge by aligning just the quote's head / tail (a <=48-char
    needle is cheap for rapidfuzz), so the final search around the edges can stay narrow.
    """
    size, reach = len(nq), len(nq) // 3 + 8
    if size > 96:
        lo = max(0, s0 - reach)
        s0 = lo + fuzz.partial_ratio_alignment(nq[:48], nt[lo:s0 + 48 + reach]).dest_start
        lo = max(s0, e0 - 48 - reach)
        e0 = lo + fuzz.partial_ratio_alignment(nq[-48:], nt[lo:e0 + reach]).dest_end
    slack = 16 if size > 96 else reach
    starts = [p for p in range(max(0, s0 - slack), min(len(nt), s0 + slack) + 1) if _can_start(nt, p)]
    ends = [p for p in range(max(0, e0 - slack), min(len(nt), e0 + slack) + 1) if _can_end(nt, p)]
    if not starts or not ends:
        return s0, e0
    s = min(starts, key=lambda p: abs(p - s0))
    e = min(ends, key=lambda p: abs(p - e0))
    # Coordinate descent (best start for this end, best end for this start, twice) is linear in
    # the slack where trying every pair would be quadratic.
    for _ in range(2):
        s = min((p for p in starts if p < e), default=s,
                key=lambda p: (Levenshtein.distance(nq, nt[p:e]), abs(p - s0)))
        e = min((p for p in ends if p > s), default=e,
                key=lambda p: (Levenshtein.distance(nq, nt[s:p]), abs(p - e0)))
    return (s, e) if s < e else (s0, e0)


def _closest(text: str, nq: str) -> tuple[int, int, float] | None:
    """Original span and score of the passage closest to the folded quote ``nq``, if any."""
    size = len(nq)
    guesses: list[tuple[Normalised, int, int, int]] = []  # normal form, its offset, rough span
    starts = [] if len(text) * max(size, 64) <= _DIRECT_BUDGET else _seed_starts(text, nq)
    if not starts:
        # Small text, or no quote word rare enough to vote with: align against the whole text (slower, sure).
        norm = normalise(text)
        al = fuzz.partial_ratio_alignment(nq, norm.text)
        guesses.append((norm, 0, al.dest_start, al.dest_end))
    else:
        for s in starts:
            a, b = max(0, s - size // 2 - 64), min(len(text), s + size * 3 // 2 + 64)
            norm = normalise(text[a:b])
            guesses.append((norm, a, min(s - a, len(norm.text)), min(s - a + size, len(norm.text))))
    best: tuple[float, int, int] | None = None
    for norm, offset, s0, e0 in guesses:
        s, e = _refine(norm.text, nq, s0, e0)
        found = norm.text[s:e].strip()
        if found:
            s += norm.text[s:e].index(found)
            score = fuzz.ratio(nq, found)
            if best is None or score > best[0]:
                a, b = norm.span(s, s + len(found))
                best = (score, a + offset, b + offset)
    return None if best is None else (best[1], best[2], best[0])


def anchor_quote(text: str, quote: str, prefix: str | None = None, suffix: str | None = None,
                 *, fuzzy_floor: float = 85.0) -> AnchorResult:
    """Locate ``quote`` in ``text``; ``prefix``/``suffix`` only choose between occurrences.

    Leading and trailing whitespace of the quote is ignored. A prefix/suffix that is None, empty
    or only whitespace counts as not given; otherwise the text before the occurrence must end
    with it (after the occurrence start with it), whitespace between them allowed.
    """
    q = quote.strip()
    if not q:
        return _orphan("the quote is empty")
    if not text.strip():
        return _orphan("not found; the article text is empty")

    spans = exact_spans(text, q)
    if spans:
        return _settle(text, spans, q, prefix, suffix, typographic=False)

    folded = search_pattern(q, fold=True, any_case_first=True)
    if not folded:
        return _orphan("the quote is empty: it holds only invisible characters")
    if has_invisible(text):  # rare: search the folded copy (slower) so they are skipped
        norm = normalise(text)
        spans = [norm.span(s, e) for s, e in _spans(re.compile(folded), norm.text)]
    else:
        spans = _spans(re.compile(folded), text)
    if spans:
        return _settle(text, spans, q, prefix, suffix, typographic=True)

    best = _closest(text, normalise(q).text.strip())
    if best is None:
        return _orphan("not found; no passage of the article resembles it")
    start, end, score = best
    diff = word_diff(q, text[start:end])
    # Same tokens but no match means the spacing inside a word differs ("U.S.support").
    differs = "differs" if "[-" in diff or "{+" in diff else "differs only in spacing"
    if score >= fuzzy_floor:
        return AnchorResult("fuzzy", start, end, score, (), diff, f"closest text {differs}: {diff}")
    return _orphan(f"not found; the closest passage (score {score:.0f}) {differs}: {diff}",
                   score, (Candidate(start, end, None, None),), diff)


def _tokens(s: str) -> list[tuple[str, bool]]:
    """Words and single punctuation marks, each with "was preceded by whitespace"."""
    return [(m.group(), m.start() > 0 and s[m.start() - 1].isspace()) for m in _TOKEN.finditer(s)]


def _join(pieces: list[tuple[str, bool]]) -> str:
    return "".join((" " if spaced and k else "") + piece for k, (piece, spaced) in enumerate(pieces))


def word_diff(a: str, b: str) -> str:
    """Word-level diff turning ``a`` into ``b``: ``"we [-would-] {+will+} do it alone"``.

    Tokens are words and single punctuation marks; whitespace is never a token, so texts that
    differ only in whitespace give no markers, and ``word_diff(x, x)`` has none. Unchanged
    tokens keep ``b``'s spacing ("U.S." stays "U.S."); a substitution is a deletion followed by
    an insertion, one space apart.
    """
    ta, tb = _tokens(a), _tokens(b)
    pieces: list[tuple[str, bool]] = []  # (text, preceded by a space)
    # Indel (longest common subsequence), not Levenshtein: with no substitutions, shared words
    # stay anchored, giving "a [-b-] c {+d+}" rather than "a [-b c-] {+c d+}".
    ops = list(Indel.opcodes([t for t, _ in ta], [t for t, _ in tb]))
    k = 0
    while k < len(ops):
        a1, a2, b1, b2 = ops[k].src_start, ops[k].src_end, ops[k].dest_start, ops[k].dest_end
        k += 1
        if ops[k - 1].tag == "equal":
            pieces.extend(tb[b1:b2])
            continue
        while k < len(ops) and ops[k].tag != "equal":  # merge a delete+insert run into one change
            a2, b2 = ops[k].src_end, ops[k].dest_end
            k += 1
        if a2 > a1:
            pieces.append((f"[-{_join(ta[a1:a2])}-]", ta[a1][1]))
        if b2 > b1:
            pieces.append((f"{{+{_join(tb[b1:b2])}+}}", a2 > a1 or tb[b1][1]))
    return _join(pieces)
