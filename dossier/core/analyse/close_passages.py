"""The passages close to a misspelt quote that its prefix or suffix stands beside (the last rung of anchoring).

Pure module. A quote not found as written is placed at the passage closest to it (closest.py). When its prefix
or suffix does not stand beside that passage (nor beside another place of the same words), the editors chose
another passage, one a little less close: the passage that begins just after each place of the prefix (or ends
just before each place of the suffix) is read, and those close enough to the quote that begin (end) with the
quote's own first (last) word, whose words around them carry the whole context (as anchors' module docstring
defines it) are the ones it chooses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import islice, takewhile

from .closest import closest_from
from .context_words import keys
from .occurrences import Occurrences
from ..common.similar import typo_edits
from ..text.typography import fold_key, normalise, search_pattern

__all__ = ["chosen_close", "edge_as_quoted"]

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
    # (given both, the passage after a place of the prefix ends where the suffix follows: its best end alone may
    # drop the last word but one that the quote leaves out, and the last word with it)
    after = search_pattern(suffix.strip(), fold=True) if pre and suf and suffix else ""
    then = re.compile(after) if after else None
    reach = len(nq) * 3 // 2 + 32  # (room for the words the quote left out)
    edge = _edge_word(nq, at_start=bool(pre))
    if not edge:
        return []   # (a quote of no word: no passage begins or ends as it does)
    found: dict[tuple[int, int], float] = {}
    for m in places:
        a, b = (m.end(), min(len(text), m.end() + reach)) if pre else (max(0, m.start() - reach), m.start())
        if not _may_begin(_edge_word(fold_key(text[a:b]), at_start=bool(pre)), edge):
            continue   # (the passage here would begin (end) with a word the quote does not: no alignment needed)
        ends = None if then is None else _ends(text[a:min(len(text), b + 2 * len(after))], b - a, then)
        beside = closest_from(text[a:b], nq, at_start=bool(pre), floor=floor, ends=ends)
        if beside is None or beside[2] < floor:
            continue
        passage = text[a + beside[0]:a + beside[1]]
        if all(edge_as_quoted(passage, nq, at_start=side) for side, given in ((True, pre), (False, suf)) if given):
            found[(a + beside[0], a + beside[1])] = beside[2]
    spans = sorted(found)
    chosen = [spans[j] for j in Occurrences(text, rtext, spans, fold_key).chosen(pre, suf)] if spans else []
    top = max((found[span] for span in chosen), default=0.0)
    return [(s, e, found[(s, e)]) for s, e in chosen if found[(s, e)] == top]


# A run of letters, or a mark of punctuation: a mark the quote does not begin (end) with is no edge of it ("— we
# will…" after "if necessary", ")\n\nDermer…" after "/Hatem Ali"), as the exact rung's context words count it
# (review). A combining mark (a Devanagari vowel sign, the dot of a decomposed "İ") is no punctuation: `_tokens`
# keeps it with its letters, as wordbounds does, where \w alone split "भारत" into "भ" and "रत".
_PIECE = re.compile(r"\w+|[^\w\s]")
_WORD_CHAR = re.compile(r"\w")


def _ends(window: str, last: int, then: re.Pattern[str]) -> set[int]:
    """Where in `window` a passage may end just before a place of the suffix (`then`) beginning by `last`: sought
    in the window's normal form, as anchoring finds a text's words (a soft hyphen, a zero-width character or a
    letter's marks there hid it from a search of the raw text, review), each end as `closest_from` maps a cut's."""
    norm = normalise(window)
    ends = set()
    for m in then.finditer(norm.text):
        if norm.orig(m.start()) > last:
            break
        cut = len(norm.text[:m.start()].rstrip())
        if cut:
            ends.add(norm.orig(cut - 1) + 1)
    return ends


def edge_as_quoted(passage: str, nq: str, at_start: bool) -> bool:
    """Whether `passage` (of the text), found just after a prefix (`at_start`) or just before a suffix, begins
    (ends) with the word the quote `nq` begins (ends) with, or with a misspelling of it, rather than with words of
    the text the quote lacks. A passage that takes in a word or two of the text before the one quoted, to reach
    the prefix, is no passage the editors quoted ("humanitarian" two words before "Ron Dermer and…"); one whose
    second word the quote left out is ("The [current] war has killed…" quoted without "current"). (Comparing its
    score with that of the closest passage of its window, as before, turned the second away too: dropping "The
    current" scores higher than taking "The" with "current", review.)"""
    from rapidfuzz.distance import Indel

    # (the passage folded as the quote is: Hebrew points and Arabic harakat, which split words, are dropped)
    words, quoted = list(_tokens(_folded(fold_key(passage)))), list(_tokens(_folded(nq)))
    if not at_start:
        words, quoted = words[::-1], quoted[::-1]
    if not words or not quoted:
        return False
    if words[0] == quoted[0]:
        return True
    # The words the text and the quote differ by at the edge: a word of the quote is among them (a change, not
    # only words added), and the text's first word is close to the quote's (a slip, not a word two before).
    ops = Indel.opcodes(quoted, words)
    edge = list(takewhile(lambda op: op.tag != "equal", ops))
    return any(op.tag == "delete" for op in edge) and _may_begin(words[0], quoted[0])


def _may_begin(word: str, quoted: str) -> bool:
    """Whether a passage whose first (last) word is `word` may begin (end) as the quote does, whose first (last)
    word is `quoted` (both folded, in lower case): the same word or a typo of it by the project's rule
    (similar.typo_edits: "teh" for "the", "hda" for "had"), never another short word ("has" for "hda", "we" for
    "weer", which a closeness score let pass), what `edge_as_quoted` asks first, asked of a place of a context
    before its passage is aligned."""
    return word == quoted or bool(word) and typo_edits(word, quoted) is not None


def _edge_word(text: str, at_start: bool) -> str:
    """The first (`at_start`) or last word or punctuation of `text` (folded), in lower case; "" when it has
    none."""
    word = next(_tokens(_folded(text) if at_start else _folded(text)[::-1]), "")
    return word if at_start else word[::-1]


def _tokens(text: str) -> Iterator[str]:
    """The words and marks of punctuation of `text`, in order, a combining mark kept with the letters around it."""
    token, end = "", -1
    for m in _PIECE.finditer(text):
        piece = m.group()
        if token and m.start() == end and (_mark(piece[0]) or _mark(token[-1]) and _WORD_CHAR.match(piece)):
            token += piece
        else:
            if token:
                yield token
            token = piece
        end = m.end()
    if token:
        yield token


def _mark(ch: str) -> bool:
    return not ch.isascii() and unicodedata.category(ch)[0] == "M"


def _folded(text: str) -> str:
    """`text` in lower case, a dotted capital I ("İstanbul") as "i" (casefold gives "i" and a combining dot)."""
    return text.casefold().replace("i\u0307", "i")
