"""Moved phrases: runs of tokens that two renderings of a quote share outside their aligned parts (alignment.py),
found greedily, the run of the most words first. Pure.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

Move = tuple[int, int, int, int]  # base start, base end, other start, other end

# A moved phrase needs three words, or two if one of them carries meaning: "if necessary" moving to the end
# of a quote is real, while "of the" or a lone word recurring elsewhere is coincidence.
MIN_MOVED_WORDS = 3
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with and or but if as that this it its is are was were be been
    we you he she they i me us him her them our your his their not no do does did have has had will
    would""".split()
)


def is_move(keys: Sequence[str], is_word: Sequence[bool]) -> bool:
    """Whether a run of tokens (their keys and word flags) is long or meaningful enough to be a move."""
    words = [k for k, w in zip(keys, is_word) if w]
    return len(words) >= MIN_MOVED_WORDS or (
        len(words) == MIN_MOVED_WORDS - 1 and any(w not in FUNCTION_WORDS for w in words)
    )


def find_moves(base_keys: Sequence[str], other_keys: Sequence[str], base_words: Sequence[bool],
               base_free: list[bool], other_free: list[bool]) -> list[Move]:
    """Greedy longest-first matching of unaligned base runs against unaligned other runs: the run of the most
    words (then the leftmost in the base, then in the other) becomes a move, its tokens are taken, and so on.

    The runs are found once: each maximal run of free tokens with equal keys along one diagonal (an index of the
    other side's free keys gives the places to start), in a heap by that order. A run some move has taken
    tokens from since it was found is taken out and its pieces still free put back: a piece has no more words
    than its run, so the heap's least is the least run at that moment, as if every run were measured again
    after each move (which made two copies of a transcript that differ at their ends take minutes: the runs
    were measured once per move, review 68). A run too short to be a move has no piece that is one."""
    # A move has at least MIN_MOVED_WORDS - 1 words, so as many tokens: runs are looked for where that many
    # free keys agree (a common word met on both sides, thousands of times in a transcript, starts none).
    width = max(1, MIN_MOVED_WORDS - 1)
    index: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(other_keys) - width + 1):
        if all(other_free[j:j + width]):
            index.setdefault(tuple(other_keys[j:j + width]), []).append(j)
    runs: list[tuple[int, int, int, int]] = []  # (-words, i, j, length)
    for i in range(len(base_keys) - width + 1):
        if all(base_free[i:i + width]):
            for j in index.get(tuple(base_keys[i:i + width]), ()):
                if not (i > 0 and j > 0 and base_free[i - 1] and other_free[j - 1]
                        and base_keys[i - 1] == other_keys[j - 1]):  # (a run is met at its left end only)
                    _add_run(runs, base_keys, other_keys, base_free, other_free, base_words, i, j)
    heapq.heapify(runs)
    moves: list[Move] = []
    while runs:
        _, i, j, n = heapq.heappop(runs)
        if all(base_free[i + k] and other_free[j + k] for k in range(n)):
            base_free[i:i + n] = [False] * n
            other_free[j:j + n] = [False] * n
            moves.append((i, i + n, j, j + n))
            continue
        for k in range(n):  # (taken in part since: its pieces still free, each measured from its left end)
            if base_free[i + k] and other_free[j + k] and (k == 0 or not (base_free[i + k - 1]
                                                                           and other_free[j + k - 1])):
                _add_run(runs, base_keys, other_keys, base_free, other_free, base_words, i + k, j + k, n - k, True)
    return sorted(moves)


def _add_run(runs: list[tuple[int, int, int, int]], base_keys: Sequence[str], other_keys: Sequence[str],
             base_free: list[bool], other_free: list[bool], base_words: Sequence[bool], i: int, j: int,
             most: int | None = None, heap: bool = False) -> None:
    """The run of free tokens with equal keys that starts at (i, j), at most `most` long, added to `runs` (pushed
    onto the heap with `heap`) when it is long enough to be a move."""
    n, limit = 0, min(len(base_keys) - i, len(other_keys) - j, most if most is not None else len(base_keys))
    while n < limit and base_free[i + n] and other_free[j + n] and base_keys[i + n] == other_keys[j + n]:
        n += 1
    if n < MIN_MOVED_WORDS - 1:
        return  # (fewer tokens than a move has words: most runs, a common word met on both sides)
    words = base_words[i:i + n]
    if not is_move(base_keys[i:i + n], words):
        return  # (nor is any piece of it)
    entry = (-sum(words), i, j, n)
    if heap:
        heapq.heappush(runs, entry)
    else:
        runs.append(entry)
