"""Token-level alignment of one quote as rendered by several outlets.

Outlets re-type the same words with different typography ("we're" / "we’re", " - " / "—") and capitalisation,
so tokens are compared by a folded key; real word differences ("would" / "will", "is won" / "’s won") survive.
The alignment keeps equal the common subsequence of token keys of the most weight, a word that carries meaning
weighing more than a slight one, an equal run of slight words between two changes joined to them (word_blocks.py),
followed by a pass that turns a deleted phrase that reappears elsewhere as an insertion into a pair of "moved" ops.
"""

from __future__ import annotations


import re
from functools import lru_cache
from collections.abc import Sequence
from typing import Literal


from ..text.nfc import nfc, nfc_text
from ..common.records import record
from .moves import MIN_MOVED_WORDS, Move, find_moves  # noqa: F401 - (MIN_MOVED_WORDS: read from here too)
from .word_blocks import WORD_RE, Block, aligned_blocks

OpKind = Literal["equal", "replace", "insert", "delete", "moved"]
Side = Literal["base", "other"]

# A word is letters/digits with internal apostrophes, hyphens, periods or commas ("don't", "32,070", "1.3",
# "six-week"); anything else that is not whitespace is a one-character punctuation token. The em dash and the
# others are never word-internal, so "to—we" splits like "to - we" does.
# Invisible characters (soft hyphen, zero-width space, word joiner, BOM) join a word when inside it and are
# otherwise skipped like whitespace; fold() drops them so "Ra\u00adfah" still equals "Rafah".
_INVISIBLE = "\u00ad\u200b\u2060\ufeff\u200e\u200f\u061c"
# Marks over and under letters (accents written apart, Hebrew points, Arabic harakat) and the tatweel are part of
# their word ("נַעֲשֶׂה" is one word, not letters and points); fold() drops the Hebrew and Arabic ones, so a pointed
# and an unpointed witness read alike, as in anchoring (a point is typography, not a different word)
_MARKS = "\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0640"
# Chinese and Japanese write no spaces between words: each of their characters is a token of its own, so that
# 说 / 表示 is marked in 内塔尼亚胡说以色列将单独行动, not the whole clause (review 60). (Thai, also unspaced, has
# vowel marks apart from their letters: it stays cut at spaces.)
_HAN_KANA = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHUNK = rf"(?!\u0640)[^\W_{_HAN_KANA}](?:[^\W_{_HAN_KANA}]|[{_MARKS}])*"   # a letter or digit (no tatweel), …
# (a mark with no letter before it, and a tatweel alone, are skipped like whitespace; the maqaf joins words)
# An emoji is one token with what modifies it: a flag's two regional letters (🇮🇱 is not 🇮🇳 with one letter
# changed), a skin tone, a variation selector, and the emoji joined to it (👩‍⚕️); it was cut into code points,
# and a lone skin tone was marked (review 60)
_EMOJI = ("[\U0001F1E6-\U0001F1FF]{2}|[\u2600-\u27bf\U0001F000-\U0001FAFF]"
          "(?:[\U0001F3FB-\U0001F3FF\ufe0f\u20e3]|\u200d[\u2600-\u27bf\U0001F000-\U0001FAFF])*")
# (a hyphen however typed joins a word, the en dash too: "Hamas–run" is "Hamas-run", marked as a change before,
# review 60; "Paris–London" one word either way; the em dash stays apart, "to—we" as "to - we")
_TOKEN = (rf"{_CHUNK}(?:['’\-\u2010\u2011\u2013.,\u05be{_INVISIBLE}]{_CHUNK})*|{_EMOJI}"
          rf"|[^\s{_INVISIBLE}{_MARKS}]")
_ASCII_TOKEN_RE = re.compile(r"[^\W_]+(?:['\-.,][^\W_]+)*|\S")  # (the same cut for an ASCII text, faster)

_FOLD = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "\u00a0": " ",
        **{c: "" for c in _INVISIBLE},
        **{chr(c): "" for c in (*range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7,
                                *range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640)},
        "״": '"', "׳": "'", "־": "-",
    }
)

def fold(text: str) -> str:
    """Comparison key for text: Unicode NFC, case-folded, curly quotes straightened, all dashes made "-"."""
    return (nfc(text.translate(_FOLD)) or "").casefold()


# Capitals that make another word: "US officials" and "us officials" differ in meaning, and the comparison said
# nothing (review 60). Only these two ("NATO" / "Nato" is house style), and only among words not in capitals: in
# a headline all in capitals ("HELP US", "WHO IS TO BLAME?") they are the words of a title-case one (review 64)
_ACRONYMS = frozenset({"US", "WHO"})
_SHOUT_NEAR = 2  # words looked at on each side


def _acronyms_marked(tokens: Sequence[Token], keys: list[str]) -> list[str]:
    """`keys` with each acronym of _ACRONYMS that stands among words not all in capitals marked apart."""
    words = [i for i, t in enumerate(tokens) if t.is_word]
    for n, i in enumerate(words):
        if tokens[i].text in _ACRONYMS:
            near = [tokens[j].text for j in words[max(0, n - _SHOUT_NEAR):n] + words[n + 1:n + 1 + _SHOUT_NEAR]]
            if not near or not all(w.isupper() for w in near):
                keys[i] = "\u2191" + keys[i]
    return keys


@record
class Token:
    """A word or punctuation mark of a witness. Invariant: witness[start:end] == text, text has no whitespace."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def is_word(self) -> bool:
        return WORD_RE.search(self.text) is not None


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    """The pattern of a token in any script (`_TOKEN`), compiled when first asked: 10 ms of every start, where a
    build that renders no comparison and finds no passage anew (a note edited) cuts no text into tokens."""
    return re.compile(_TOKEN)


# Pure functions of immutable strings returning immutable tuples: memoised, because side-by-side views align
# every witness against every possible base (n² pairs) and shared passages repeat the same texts many times.
@lru_cache(maxsize=1 << 16)
def tokenize(s: str) -> tuple[Token, ...]:
    """Tokens of s in order; whitespace is not a token. A text not in NFC is cut in its NFC form ("e" + U+0308
    is one letter, inside its word) and each token is the original characters of its span."""
    mapped = nfc_text(s)
    if mapped is None:
        pattern = _ASCII_TOKEN_RE if s.isascii() else _token_re()
        return tuple(Token(m.group(), m.start(), m.end()) for m in pattern.finditer(s))
    spans: list[tuple[int, int]] = []
    for m in _token_re().finditer(mapped.text):
        a, b = mapped.span(*m.span())
        if spans and a < spans[-1][1]:   # two tokens of one original character: one token
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return tuple(Token(s[a:b], a, b) for a, b in spans)


@lru_cache(maxsize=1 << 16)
def token_keys(s: str) -> tuple[str, ...]:
    """The key of each token of s, in order: tokenize(s)[i].key, folded once per string, not per use; an
    acronym that is also a word ("US", "WHO") among words not in capitals is marked apart (`_acronyms_marked`).

    The tokens are folded in one call, joined by spaces: a token holds no whitespace, and folding adds
    none (only the no-break space becomes a space, and it is whitespace) nor empties a token (each has a
    visible character), so splitting on spaces gives back one key per token."""
    tokens = tokenize(s)
    if not tokens:
        return ()
    keys = fold(" ".join(t.text for t in tokens)).split(" ")
    return tuple(_acronyms_marked(tokens, keys) if "US" in s or "WHO" in s else keys)


@lru_cache(maxsize=1 << 16)
def word_flags(s: str) -> tuple[bool, ...]:
    """Whether each token of s is a word, in order: tokenize(s)[i].is_word, computed once per string (the
    move search asks for the same witness's flags again and again)."""
    return tuple(t.is_word for t in tokenize(s))


@record
class Op:
    """One edit step. Invariant: ranges are half-open token index ranges; "equal" ranges have equal keys,
    "insert" has an empty base range, "delete" an empty other range. The non-moved ops, in tuple order, tile
    both token sequences left to right; each moved phrase appears twice with identical ranges (base = where
    it was, other = where it went): once among the ops at its base position, once at its other position."""

    kind: OpKind
    base: tuple[int, int]
    other: tuple[int, int]


_Move = Move  # base start, base end, other start, other end


_Run = tuple[int, int, "_Move | None"]   # (first token, end, the move that carries it or None)


def _runs(lo: int, hi: int, owner: dict[int, _Move]) -> list[_Run]:
    """Split [lo, hi) into maximal runs that belong to the same move (or to no move)."""
    runs: list[tuple[int, int, _Move | None]] = []
    k = lo
    while k < hi:
        mv = owner.get(k)
        end = k + 1
        while end < hi and owner.get(end) == mv:
            end += 1
        runs.append((k, end, mv))
        k = end
    return runs


@lru_cache(maxsize=1 << 16)
def align(base: str, other: str) -> tuple[Op, ...]:
    """Align two renderings of one quote token by token (see Op for the shape of the result)."""
    base_keys, other_keys = token_keys(base), token_keys(other)
    if base_keys == other_keys:  # the common case: no difference at all
        n = len(base_keys)
        return (Op("equal", (0, n), (0, n)),) if n else ()
    blocks = aligned_blocks(base_keys, other_keys)

    base_owner, other_owner = _owners(base, other, blocks, len(base_keys), len(other_keys))
    ops: list[Op] = []
    for b in blocks:
        if b.kind == "equal":
            ops.append(Op("equal", (b.i1, b.i2), (b.j1, b.j2)))
        else:
            ops += _changed_ops(b, _runs(b.i1, b.i2, base_owner), _runs(b.j1, b.j2, other_owner))
    return tuple(ops)


def _owners(base: str, other: str, blocks: Sequence[Block], n_base: int, n_other: int
            ) -> tuple[dict[int, _Move], dict[int, _Move]]:
    """Token index → the move that carries it, on each side: moves are found among the tokens no equal block
    holds."""
    base_free = [True] * n_base
    other_free = [True] * n_other
    for b in blocks:
        if b.kind == "equal":
            base_free[b.i1 : b.i2] = [False] * (b.i2 - b.i1)
            other_free[b.j1 : b.j2] = [False] * (b.j2 - b.j1)
    moves = find_moves(token_keys(base), token_keys(other), word_flags(base), base_free, other_free)
    return ({i: mv for mv in moves for i in range(mv[0], mv[1])},
            {j: mv for mv in moves for j in range(mv[2], mv[3])})


def _changed_ops(b: Block, base_runs: Sequence[_Run], other_runs: Sequence[_Run]) -> list[Op]:
    """The ops of one block that is not equal, from the runs of each side (moved or left over).

    Leftover (non-moved) runs of the two sides pair into replaces when they meet, otherwise moved runs are
    emitted as soon as they come up; both cursors only ever advance, keeping the tiling in order."""
    ops: list[Op] = []
    bi = oi = 0
    i_cur, j_cur = b.i1, b.j1
    while bi < len(base_runs) or oi < len(other_runs):
        brun = base_runs[bi] if bi < len(base_runs) else None
        orun = other_runs[oi] if oi < len(other_runs) else None
        if brun is not None and brun[2] is not None:
            mv = brun[2]
            ops.append(Op("moved", (mv[0], mv[1]), (mv[2], mv[3])))
            i_cur, bi = brun[1], bi + 1
        elif orun is not None and orun[2] is not None:
            mv = orun[2]
            ops.append(Op("moved", (mv[0], mv[1]), (mv[2], mv[3])))
            j_cur, oi = orun[1], oi + 1
        elif brun is not None and orun is not None:
            ops.append(Op("replace", (brun[0], brun[1]), (orun[0], orun[1])))
            i_cur, j_cur, bi, oi = brun[1], orun[1], bi + 1, oi + 1
        elif brun is not None:
            ops.append(Op("delete", (brun[0], brun[1]), (j_cur, j_cur)))
            i_cur, bi = brun[1], bi + 1
        else:
            assert orun is not None
            ops.append(Op("insert", (i_cur, i_cur), (orun[0], orun[1])))
            j_cur, oi = orun[1], oi + 1
    return ops


@lru_cache(maxsize=1 << 16)
def differing_base_tokens(base: str, other: str) -> frozenset[int]:
    """Base token indexes not aligned as "equal" against other. An insertion between two base words marks
    no base word: a heat map counts, per base word, the witnesses that changed that word."""
    return frozenset(
        i for op in align(base, other) if op.kind != "equal" for i in range(op.base[0], op.base[1])
    )


def mark(
    s: str, tokens: Sequence[Token], ops: Sequence[Op], side: Side
) -> tuple[tuple[str, str], ...]:
    """Split s into (text, kind) chunks, in order, whose concatenation is exactly s.

    kind is the op kind of the tokens in the chunk as seen from `side` ("equal", "delete", "replace",
    "moved" on the base side; "equal", "insert", "replace", "moved" on the other side). Whitespace between
    two tokens of the same kind joins their chunk, so a changed phrase renders as one <del>, not one per
    word; any other whitespace is "equal". Adjacent chunks never share a kind."""
    kinds = ["equal"] * len(tokens)
    for op in ops:
        lo, hi = op.base if side == "base" else op.other
        if op.kind == "equal":
            continue
        for k in range(lo, min(hi, len(tokens))):
            # A moved run wins over whatever else covers it; otherwise the first non-equal op stands.
            if kinds[k] == "equal" or op.kind == "moved":
                kinds[k] = op.kind

    pieces: list[tuple[str, str]] = []
    cursor = 0
    for k, tok in enumerate(tokens):
        if tok.start < cursor:  # not a tokenization of s; never emit overlapping text
            continue
        if tok.start > cursor:
            gap_kind = kinds[k] if k > 0 and kinds[k - 1] == kinds[k] else "equal"
            pieces.append((s[cursor : tok.start], gap_kind))
        pieces.append((s[tok.start : tok.end], kinds[k]))
        cursor = tok.end
    if cursor < len(s):
        pieces.append((s[cursor:], "equal"))

    merged: list[tuple[str, str]] = []
    for text, kind in pieces:
        if merged and merged[-1][1] == kind:
            merged[-1] = (merged[-1][0] + text, kind)
        elif text:
            merged.append((text, kind))
    return tuple(merged)
