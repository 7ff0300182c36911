"""The passages close to a misspelt quote that its prefix or suffix stands beside (the last rung of anchoring).

Pure module. A quote not found as written is placed at the passage closest to it (closest.py). When its prefix
or suffix does not stand beside that passage (nor beside another place of the same words), the editors chose
another passage, one a little less close: the passage that begins just after each place of the prefix (or ends
just before each place of the suffix) is read, and those close enough to the quote, the closest of their
neighbourhood, whose words around them carry the whole context (as anchors' module docstring defines it) are the
ones it chooses.
"""

from __future__ import annotations

import re
from itertools import islice

from .closest import closest_from, closest_passage
from .context_words import keys
from .occurrences import Occurrences
from ..text.typography import fold_key, search_pattern

__all__ = ["chosen_close"]

# Places of a prefix (or suffix) read; a context found more often than this ("said") chooses nothing here: each
# place costs an alignment, and the editor is better served by the message saying that it fits none.
PLACES = 100


def chosen_close(text: str, rtext: str, nq: str, prefix: str | None, suffix: str | None,
                 floor: float) -> list[tuple[int, int, float]]:
    """The passages of `text` (reversed: `rtext`) scoring at least `floor` against the folded quote `nq` that
    the given `prefix` and `suffix` both stand beside (words compared typography folded), as (start, end,
    score): the closest of them, several only when they are as close. [] when none, or no context is given."""
    pre, suf = keys(prefix, fold_key, before=True), keys(suffix, fold_key, before=False)
    if not (pre or suf):
        return []
    pattern = search_pattern((prefix if pre else suffix or "").strip(), fold=True)
    if not pattern:
        return []
    places = list(islice(re.finditer(pattern, text), PLACES + 1))
    if len(places) > PLACES:
        return []
    reach = len(nq) * 3 // 2 + 32  # (room for the words the quote left out)
    found: dict[tuple[int, int], float] = {}
    for m in places:
        a, b = (m.end(), min(len(text), m.end() + reach)) if pre else (max(0, m.start() - reach), m.start())
        beside = closest_from(text[a:b], nq, at_start=bool(pre))
        # (only where the passage beside the context is the closest one there: a passage that takes in a word or
        # two of the text before the closest one, to reach the prefix, is no passage the editors quoted)
        if beside is not None and beside[2] >= floor and beside[2] >= _closest_score(text[a:b], nq):
            found[(a + beside[0], a + beside[1])] = beside[2]
    spans = sorted(found)
    chosen = [spans[j] for j in Occurrences(text, rtext, spans, fold_key).chosen(pre, suf)] if spans else []
    top = max((found[span] for span in chosen), default=0.0)
    return [(s, e, found[(s, e)]) for s, e in chosen if found[(s, e)] == top]


def _closest_score(window: str, nq: str) -> float:
    """The score of the passage of `window` closest to `nq`, wherever it is in it (0 when none)."""
    best = closest_passage(window, nq)
    return 0.0 if best is None else best[2]
