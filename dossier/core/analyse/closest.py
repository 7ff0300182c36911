"""The passage of an article closest to a quote that is not in it (the last rung of anchoring's ladder).

Pure. rapidfuzz aligns the typography-folded quote with the folded text (or, for long texts, with a few
windows chosen by the quote's rare words), then the edges are snapped to word boundaries.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Collection

from ..text.typography import Normalised, fold_key, normalise
from .text_facts import facts

__all__ = ["closest_from", "closest_passage", "common_lengths"]

# partial_ratio over a whole text costs ~len(text) * max(len(quote), 64); past this budget a few
# windows are first picked by rare shared words (a 300-char quote in 300 kB stays ~10 ms).
_DIRECT_BUDGET = 10_000_000


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
    known = facts(text)  # (the counts and places of words, asked again by the next misspelt quote)
    for word in sorted(offsets, key=len, reverse=True)[:32]:  # long words are the rare ones
        counts.append((known.count(word), word))
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
        for pos in known.places(word):
            implied.extend(pos - off for off in offsets[word])
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


def _half_starts(text: str, nq: str, each: int = 10) -> list[int]:
    """Where the quote would start at each place that its first or its second half, word for word (spaces as
    any), is in ``text``, for a half found there at most `each` times (one found more often locates nothing): a
    slip of a letter or two leaves one half whole. The words voting (`_seed_starts`) missed the place for nearly
    half of such quotes in seeds of 500 kB and more (review 68)."""
    words = nq.split()
    if len(words) < 4:
        return []
    middle = len(words) // 2
    starts: list[int] = []
    between = facts(text).words()
    for half, before in ((words[:middle], 0), (words[middle:], len(" ".join(words[:middle])) + 1)):
        if not all(word in between for word in half[1:-1]):
            continue  # (a word the half holds between two others is no word of the text: it is not there)
        found = list(itertools.islice(re.finditer(r"\s+".join(map(re.escape, half)), text), each + 1))
        if len(found) <= each:
            starts += [max(0, m.start() - before) for m in found]
    return starts


def _refine(nt: str, nq: str, s0: int, e0: int) -> tuple[int, int]:
    """Snap a rough window ``[s0, e0)`` of ``nt`` to the word boundaries closest to ``nq``.

    Long quotes first place each edge by aligning just the quote's head / tail (a <=48-char
    needle is cheap for rapidfuzz), so the final search around the edges can stay narrow.
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

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


def closest_passage(text: str, nq: str) -> tuple[int, int, float] | None:
    """Original span and score of the passage closest to the folded quote ``nq``, if any. (rapidfuzz is imported
    here, by the first quote not found exactly: 10 ms of every build's start, where most builds find none.)"""
    from rapidfuzz import fuzz

    size = len(nq)
    guesses: list[tuple[Normalised, int, int, int]] = []  # normal form, its offset, rough span
    starts = [] if len(text) * max(size, 64) <= _DIRECT_BUDGET else _half_starts(text, nq) + _seed_starts(text, nq)
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


def closest_from(text: str, nq: str, at_start: bool, floor: float = 0.0,
                 ends: Collection[int] | None = None) -> tuple[int, int, float] | None:
    """Original span and score of the passage of `text` closest to the folded quote `nq` among those that begin
    with its first word (`at_start`) or end with its last: the passage just after a prefix (just before a
    suffix), where `closest_passage` would take any place of the text, a later repeat of the words as well.
    `ends`: where in `text` the passage may end (`at_start`: just before a suffix given too), each as the end of
    its last character in normal form maps back (``orig(e - 1) + 1``: before a letter's dropped marks), None: anywhere.
    None when no such passage can score `floor`.

    Every end (start) at a word boundary is scored, as `fuzz.ratio` would, but from one pass over the window
    (`common_lengths`): scoring each cut apart cost a quote of 2,000 characters 500 alignments a window, and a
    prefix is read at up to 100 places (9 s a quote in a transcript, review). Before that pass, one alignment
    of the window bounds every cut's score (`_may_reach`): a window that cannot reach `floor` (another
    speaker's paragraph after the same label) costs only that."""
    from rapidfuzz import fuzz

    if not nq or floor > 0 and not _may_reach(text, nq, at_start, floor):
        return None
    norm = normalise(text)
    nt = norm.text
    solid = nt.strip()
    if not solid:
        return None
    first, last = nt.index(solid), nt.index(solid) + len(solid)
    longest = min(last - first, _longest(len(nq), floor))
    lo, hi = (first, first + longest) if at_start else (last - longest, last)
    if at_start:
        common = common_lengths(nq, nt[lo:hi])
        cuts = [(lo, e, common[e - lo - 1]) for e in range(lo + 1, hi + 1)
                if _can_end(nt, e) and (ends is None or norm.orig(e - 1) + 1 in ends)]
    else:
        common = common_lengths(nq[::-1], nt[lo:hi][::-1])
        cuts = [(s, hi, common[hi - s - 1]) for s in range(lo, hi) if _can_start(nt, s)]
    # (fuzz.ratio's score from the common length; the first of the best, in the order the cuts were scored one
    # by one before)
    best = max(cuts, key=lambda cut: 2 * cut[2] / (len(nq) + cut[1] - cut[0]), default=None)
    if best is None:
        return None
    a, b = norm.span(best[0], best[1])
    return a, b, fuzz.ratio(nq, nt[best[0]:best[1]])


def _longest(n: int, floor: float) -> int:
    """The length past which a passage scores below `floor` against a quote of `n` characters, whatever it holds
    (its score is at most 200 * n / (n + its length)); a very large number when there is no floor."""
    return int(n * (200 - floor) / floor) + 1 if floor > 0 else 1 << 62


def _may_reach(text: str, nq: str, at_start: bool, floor: float) -> bool:
    """Whether a passage of `text` beginning (`at_start`) or ending where it does may score `floor` against
    `nq`: the most of the quote any such passage holds, in order, is the common subsequence of the quote and
    the window's first (last) `_longest` characters, and a passage holding `held` of them scores at most
    200 * held / (n + held). The window is read in normal form without the offsets' map (the same characters
    as `normalise` gives, stripped, for a tenth of its cost)."""
    from rapidfuzz.distance import LCSseq

    n = len(nq)
    folded = fold_key(" ".join(text.split())).strip()
    longest = _longest(n, floor)
    # (held >= need when 200 * held / (n + held) >= floor; one less where rounding might have added one)
    need = max(0, math.ceil(floor * n / (200 - floor) - 1e-9))
    held = LCSseq.similarity(nq, folded[:longest] if at_start else folded[-longest:], score_cutoff=need)
    return held >= need


def common_lengths(a: str, b: str) -> list[int]:
    """For each k, the length of the longest common subsequence of `a` and `b[:k + 1]`, what `fuzz.ratio` counts
    (its score is 200 * common / (len(a) + len(b))): all of them in one pass over `b`, bit-parallel (Hyyrö's
    algorithm, one bit of a Python int for each character of `a`)."""
    masks: dict[str, int] = {}
    for i, c in enumerate(a):
        masks[c] = masks.get(c, 0) | 1 << i
    full = (1 << len(a)) - 1
    row, out = full, []   # (a bit cleared for each character of `a` matched so far)
    for c in b:
        matched = row & masks.get(c, 0)
        row = ((row + matched) | (row - matched)) & full
        out.append(len(a) - row.bit_count())
    return out
