"""Unicode NFC for matching, with a map back to the original characters.

Editors and seeds may write the same letter two ways: "ë" as one code point (U+00EB, composed) or as "e"
followed by a combining diaeresis (U+0308, decomposed). Quotes and names are matched on the NFC form of both
sides, while pages keep showing the seed's own characters: every offset found in the NFC form is mapped back to
the original text with :class:`NfcText`.

Pure. Texts that are already NFC (nearly all: `unicodedata.is_normalized` answers in one fast C pass) are never
copied: :func:`nfc_text` returns None for them and callers keep their original offsets.

Invariant of :class:`NfcText`: the original text is cut into *clusters* that normalise independently (a starter
and the marks that follow it, merged with the next cluster whenever NFC would compose across the cut, as
Hangul jamo do); ``text`` is the concatenation of the clusters' NFC forms. An NFC span maps to the original span
of the whole clusters it touches, so a highlight always covers complete original code points, never half of
"e" + U+0308.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from ..common.records import frozen

__all__ = ["NfcText", "nfc", "nfc_text"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def nfc(s: str | None) -> str | None:
    """``s`` in NFC (None stays None); the same object when it already is."""
    if s is None or unicodedata.is_normalized("NFC", s):
        return s
    return unicodedata.normalize("NFC", s)


@frozen
class NfcText:
    """The NFC form ``text`` of ``source``, with segments mapping it back.

    Segment ``i`` starts at ``seg_norm[i]`` in ``text`` and at ``seg_orig[i]`` in ``source``; a copy segment
    (``seg_copy[i]``) maps character for character, any other is one cluster whose NFC form differs.
    """

    text: str
    source: str
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]
    seg_copy: tuple[bool, ...]

    def _orig_end(self, i: int) -> int:
        return self.seg_orig[i + 1] if i + 1 < len(self.seg_orig) else len(self.source)

    def start(self, k: int) -> int:
        """Original offset where the character at NFC offset ``k`` begins (its cluster's start)."""
        i = bisect_right(self.seg_norm, k) - 1
        return self.seg_orig[i] + (k - self.seg_norm[i] if self.seg_copy[i] else 0)

    def end(self, k: int) -> int:
        """Original offset where a span ending at NFC offset ``k`` (exclusive, k > 0) ends: its cluster's end."""
        i = bisect_right(self.seg_norm, k - 1) - 1
        return self.seg_orig[i] + (k - self.seg_norm[i]) if self.seg_copy[i] else self._orig_end(i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the NFC span ``[start, end)``; an empty span stays empty."""
        begin = self.start(start) if start < len(self.text) else len(self.source)
        return (begin, begin) if end <= start else (begin, self.end(end))

    def to_nfc(self, start: int, end: int) -> tuple[int, int]:
        """NFC ``(start, end)`` of the original span ``[start, end)``, widened to whole clusters."""
        def at(o: int, widen: bool) -> int:
            i = bisect_right(self.seg_orig, o) - 1
            if self.seg_copy[i] or o == self.seg_orig[i]:
                return self.seg_norm[i] + (o - self.seg_orig[i] if self.seg_copy[i] else 0)
            return self.seg_norm[i + 1] if widen and i + 1 < len(self.seg_norm) else \
                len(self.text) if widen else self.seg_norm[i]
        return at(start, False), at(end, True)


def _clusters(source: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut ``source[a:b]`` (which starts and ends at safe cuts) into clusters that normalise independently."""
    cuts = [a] + [i for i in range(a + 1, b) if unicodedata.combining(source[i]) == 0]
    out: list[tuple[int, int]] = []
    for s, e in zip(cuts, cuts[1:] + [b]):
        if out:
            ps, _ = out[-1]
            whole, left, right = source[ps:e], source[ps:s], source[s:e]
            if unicodedata.normalize("NFC", whole) != unicodedata.normalize("NFC", left) + \
                    unicodedata.normalize("NFC", right):
                out[-1] = (ps, e)   # NFC composes across this cut (Hangul jamo, some Indic vowel signs)
                continue
        out.append((s, e))
    return out


@lru_cache(maxsize=16)
def nfc_text(source: str) -> NfcText | None:
    """The NFC form of ``source`` with its map back, or None when ``source`` is already NFC. Cached: every quote
    of an article is looked up in the same text."""
    if unicodedata.is_normalized("NFC", source):
        return None
    parts: list[str] = []
    segs: list[tuple[int, int, bool]] = []   # (NFC start, original start, is a copy)
    n = last = 0

    def copy(a: int, b: int) -> None:
        nonlocal n
        if a < b:
            if not (segs and segs[-1][2]):
                segs.append((n, a, True))
            parts.append(source[a:b])
            n += b - a

    for m in _NON_ASCII.finditer(source):
        # A cut before an ASCII character is always safe: ASCII never composes with what precedes it. The
        # ASCII letter before a run may take its marks ("e" + U+0308), so it joins the run.
        a = max(last, m.start() - 1)
        copy(last, a)
        for s, e in _clusters(source, a, m.end()):
            piece = unicodedata.normalize("NFC", source[s:e])
            if piece == source[s:e]:
                copy(s, e)
            else:
                segs.append((n, s, False))
                parts.append(piece)
                n += len(piece)
        last = m.end()
    copy(last, len(source))
    text = "".join(parts)
    if text != unicodedata.normalize("NFC", source):   # cannot happen by the cut rules; stay correct anyway
        return NfcText(unicodedata.normalize("NFC", source), source, (0,), (0,), (False,))
    seg_norm, seg_orig, seg_copy = zip(*segs)
    return NfcText(text, source, seg_norm, seg_orig, seg_copy)
