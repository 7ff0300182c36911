"""The runs an alignment of two renderings of a quote is made of (alignment.py): which tokens are equal and which
changed, before moved phrases are looked for among the changed ones.

The tokens equal are the common subsequence of the most weight: a word that carries meaning weighs `_CONTENT`
slight ones (a function word, moves.FUNCTION_WORDS, a word of one or two letters, a mark). A Levenshtein alignment,
which counts a replaced word as one edit and a deleted and an inserted one as two, paired unlike words where the
same ones were there to keep, and the longest common subsequence of tokens a "the" with a "the" where it could as
readily have kept "battalions" (review 126). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..common.records import record
from .moves import FUNCTION_WORDS, is_move

WORD_RE = re.compile(r"[^\W_]")  # (a token is a word when it has a letter or a digit: alignment.Token too)


@record
class Block:
    """A run of the alignment: equal tokens, or a change (replace, insert, delete); base tokens [i1, i2), other
    tokens [j1, j2)."""

    kind: str  # "equal", "replace", "insert" or "delete"
    i1: int
    i2: int
    j1: int
    j2: int


def aligned_blocks(base_keys: Sequence[str], other_keys: Sequence[str]) -> list[Block]:
    """The two sides' tokens aligned so that the most words that carry meaning are equal, then the most of the
    others between them (`_opcodes`), adjacent changes merged, so "battle is won" / "battle’s won" is one replace
    of two tokens by one rather than a replace plus a stray delete; then an equal run of slight words between two
    changes made part of one change (`_slight`). A Levenshtein alignment, which counts a replaced word as one edit
    and a deleted and an inserted one as two, paired unlike words where the same ones were there to keep: "Hamas
    [-terrorists who killed 1,200-]{+killed 1,200 people in…+}", then "killed 1,200" marked moved (review 126)."""
    blocks: list[Block] = []
    for tag, i1, i2, j1, j2 in _opcodes(base_keys, other_keys):
        block = Block(tag, i1, i2, j1, j2)
        if tag != "equal" and blocks and blocks[-1].kind != "equal":
            block = _joined(blocks.pop(), block)
        if tag != "equal" and len(blocks) >= 2 and blocks[-1].kind == "equal" and blocks[-2].kind != "equal" \
                and _slight(base_keys, other_keys, blocks[-2], blocks[-1], block):
            blocks.pop()  # (an equal run of slight words between two changes: one change, "the" no anchor)
            block = _joined(blocks.pop(), block)
        if tag == "equal" and blocks and blocks[-1].kind == "equal":
            block = Block("equal", blocks[-1].i1, i2, blocks.pop().j1, j2)
        blocks.append(block)
    return blocks


_CONTENT = 3       # a word that carries meaning weighs as much as three slight words or marks in an alignment
_TABLE = 250_000  # the most cells of a weighed table (500 tokens against 500, after a common start and end)


def _opcodes(base_keys: Sequence[str], other_keys: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """(tag, base start, base end, other start, other end) of each run, in order: the common subsequence of the
    most weight, a word that carries meaning weighing `_CONTENT` times a slight one (`_is_slight`). The longest
    common subsequence of tokens paired a "the" with a "the" where it could as readily have paired "battalions"
    ("the [-rest of the battalions there-]{+four Hamas battalions in the…+}"). A common start and end are equal
    as they are; a middle too long for the table is aligned by the longest common subsequence (rapidfuzz's Indel)."""
    start, end = 0, 0
    n, m = len(base_keys), len(other_keys)
    while start < min(n, m) and base_keys[start] == other_keys[start]:
        start += 1
    while end < min(n, m) - start and base_keys[n - 1 - end] == other_keys[m - 1 - end]:
        end += 1
    a, b = base_keys[start:n - end], other_keys[start:m - end]
    pairs = _weighed_pairs(a, b) if len(a) * len(b) <= _TABLE else _indel_pairs(a, b)
    pairs = [(x + start, y + start) for x, y in pairs]
    pairs = [(x, x) for x in range(start)] + pairs + [(n - end + k, m - end + k) for k in range(end)]
    found: list[tuple[str, int, int, int, int]] = []
    i0 = j0 = 0
    for i, j in [*pairs, (n, m)]:
        if i > i0 or j > j0:
            found.append(("replace" if i > i0 and j > j0 else "delete" if i > i0 else "insert", i0, i, j0, j))
        if i < n or j < m:
            found.append(("equal", i, i + 1, j, j + 1))
        i0, j0 = i + 1, j + 1
    return found


def _weighed_pairs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs (i, j) of equal tokens of the common subsequence of `a` and `b` of the most weight, in order."""
    weight = [1 if _is_slight(k) else _CONTENT for k in a]
    table = [[0] * (len(b) + 1)]
    for i, key in enumerate(a):
        above, row = table[-1], [0]
        for j, other in enumerate(b):
            row.append(above[j] + weight[i] if key == other else max(above[j + 1], row[j]))
        table.append(row)
    pairs: list[tuple[int, int]] = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1] and table[i][j] == table[i - 1][j - 1] + weight[i - 1]:
            i, j = i - 1, j - 1
            pairs.append((i, j))
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _indel_pairs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs (i, j) of equal tokens of a longest common subsequence of `a` and `b` (rapidfuzz's Indel)."""
    from rapidfuzz.distance import Indel  # (imported when first needed: see analyse/closest.py)

    ids: dict[str, int] = {}
    return [(op.src_start + k, op.dest_start + k)
            for op in Indel.opcodes([ids.setdefault(x, len(ids)) for x in a], [ids.setdefault(y, len(ids)) for y in b])
            if op.tag == "equal" for k in range(op.src_end - op.src_start)]


def _joined(first: Block, last: Block) -> Block:
    """One change from the start of `first` to the end of `last`."""
    i1, i2, j1, j2 = first.i1, last.i2, first.j1, last.j2
    return Block("replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert"), i1, i2, j1, j2)


def _slight(base_keys: Sequence[str], other_keys: Sequence[str], before: Block, equal: Block, after: Block
            ) -> bool:
    """Whether the `equal` run between two changes holds only slight words (function words, moves.FUNCTION_WORDS,
    words of one or two letters, punctuation) and is at most half as long as either change, in words: such a run
    cuts one rewording into pieces around a "the" or an "a" that the longest common subsequence pairs wherever it
    can ("[-deal for-]{+ceasefire in+} the [-release of…-]"), while a word kept between two words changed is what
    the reader compares ("we [-will-]{+would+} do [-it-]{+this+} with")."""
    keys = base_keys[equal.i1:equal.i2]
    if not all(_is_slight(k) for k in keys) or is_move(keys, [bool(WORD_RE.search(k)) for k in keys]):
        return False  # (a run a move could be made of stays equal: made part of a change, it was marked moved)
    return 2 * _words(keys) <= min(_size(base_keys, other_keys, before), _size(base_keys, other_keys, after))


def _is_slight(key: str) -> bool:
    """A function word (moves.FUNCTION_WORDS), a word of one or two ASCII letters or digits, or punctuation (a Han
    character, a token of its own, is a word that carries meaning: "以色列" is three of them, review 131)."""
    return key in FUNCTION_WORDS or len(key) <= 2 and key.isascii() or not WORD_RE.search(key)


def _words(keys: Sequence[str]) -> int:
    return sum(1 for k in keys if WORD_RE.search(k))


def _size(base_keys: Sequence[str], other_keys: Sequence[str], b: Block) -> int:
    """A change's length in words: the more of its two sides'."""
    return max(_words(base_keys[b.i1:b.i2]), _words(other_keys[b.j1:b.j2]))
