"""Word-level differences between a quote and the article text, for hints ("we [-would-] {+will+} do it alone").

Pure. Split from anchoring so that module stays about finding quotes.
"""

from __future__ import annotations

import re


__all__ = ["word_diff"]

_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokens(s: str) -> list[tuple[str, bool]]:
    """Words and single punctuation marks, each with "was preceded by whitespace"."""
    return [(m.group(), m.start() > 0 and s[m.start() - 1].isspace()) for m in _TOKEN.finditer(s)]


def _join(pieces: list[tuple[str, bool]]) -> str:
    return "".join((" " if spaced and k else "") + piece for k, (piece, spaced) in enumerate(pieces))


# A change made only of the marks the diff's own brackets use would read as part of them ("Tel[---] Aviv"):
# such marks are named instead ("Tel[-hyphen-] Aviv").
_MARK_NAMES = {"-": "hyphen", "+": "plus sign"}


def _change(text: str) -> str:
    if text and all(c in _MARK_NAMES or c.isspace() for c in text):
        return " ".join(_MARK_NAMES[c] for c in text if not c.isspace())
    return text


def word_diff(a: str, b: str) -> str:
    """Word-level diff turning ``a`` into ``b``: ``"we [-would-] {+will+} do it alone"``.

    Tokens are words and single punctuation marks; whitespace is never a token, so texts that
    differ only in whitespace give no markers, and ``word_diff(x, x)`` has none. Unchanged
    tokens keep ``b``'s spacing ("U.S." stays "U.S."); a substitution is a deletion followed by
    an insertion, one space apart.
    """
    from rapidfuzz.distance import Indel  # (imported when first needed: see analyse/closest.py)

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
            pieces.append((f"[-{_change(_join(ta[a1:a2]))}-]", ta[a1][1]))
        if b2 > b1:
            pieces.append((f"{{+{_change(_join(tb[b1:b2]))}+}}", a2 > a1 or tb[b1][1]))
    return _join(pieces)
