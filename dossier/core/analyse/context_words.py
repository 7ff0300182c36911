"""The words around a place of a quote in an article's text: what a prefix or suffix is compared with.

Pure module, used by anchoring (anchors.py): which words stand before and after a place (read lazily, nearest
first), whether they carry a given context, the fewest words that tell one place from the others (the contexts
a message offers), and, for a place found once or approximately, which given context does not fit it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .occurrences import WORD_AHEAD
from ..text.typography import describe_typography, fold_key


@dataclass
class Words:
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


def words_before(rtext: str, pos: int) -> Iterator[str]:
    """The words before `pos`, nearest first, read from `rtext`, the text reversed (`reversed_text`)."""
    r = len(rtext) - pos  # walk the reversed text forwards: one C-level regex match per word
    while m := WORD_AHEAD.match(rtext, r):
        r = m.end()
        yield m.group(1)[::-1]


def words_after(text: str, pos: int) -> Iterator[str]:
    """The words after `pos`, nearest first."""
    while m := WORD_AHEAD.match(text, pos):
        pos = m.end()
        yield m.group(1)


# Context semantics: "the text before the occurrence ends with the prefix" (whitespace between
# them allowed, whitespace runs flexible). In words, nearest first: the inner words are equal and
# the outermost one ends with the prefix's outermost word (``outer`` is str.endswith; for a
# suffix, str.startswith).
def fits(side: Words, wanted: list[str], key: Callable[[str], str], outer: Callable[[str, str], bool]) -> bool:
    """Whether the words on ``side`` carry the context ``wanted`` (nearest word first)."""
    for k, want in enumerate(wanted):
        word = side.get(k)
        if word is None or not (outer if k == len(wanted) - 1 else str.__eq__)(key(word), want):
            return False
    return True


def unique_contexts(sides: list[Words], key: Callable[[str], str],
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


# [a text, it reversed]: an article's annotations are placed one after another in its text, and each reversed the
# whole text to read the words before its quote (1.7 of the 2.8 ms an annotation took in a 4 MB seed, review 68)
_REVERSED: list[tuple[str, str]] = [("", "")]


def reversed_text(text: str) -> str:
    """`text` reversed, kept for the next quote of the same text."""
    pair = _REVERSED[0]  # (one read: the live preview places in two threads)
    if pair[0] is not text:
        pair = _REVERSED[0] = (text, text[::-1])
    return pair[1]


def unfit(before: Words, after: Words, pre: list[str], suf: list[str], prefix: str | None,
          suffix: str | None, key: Callable[[str], str]) -> str:
    """For a quote found once: its prefix and suffix that do not fit the text around it, each with the words
    that stand there ("" when both fit or none was given). They choose nothing for a quote found once, so a
    stale one (a seed captured again) would otherwise go unnoticed until the quote occurs twice. For a quote
    matched only approximately: the context that fits neither the one passage close to it nor any other passage
    close enough (which it would have chosen), so that a context choosing nothing is said, not ignored."""
    out = []
    for side, wanted, given, outer, where in ((before, pre, prefix, str.endswith, "before"),
                                              (after, suf, suffix, str.startswith, "after")):
        if not wanted or fits(side, wanted, key, outer):
            continue
        words = [w for k in range(len(wanted)) if (w := side.get(k)) is not None]
        there = " ".join(reversed(words) if where == "before" else words)
        kind = "prefix" if where == "before" else "suffix"
        what = f"{kind} {shown(given or '')}"
        if not there:
            out.append(f"{what} does not fit: nothing stands {where} the quote")
        elif key is str and fits(side, [fold_key(w) for w in wanted], fold_key, outer):
            out.append(f"{what} differs from the words {where} it, {shown(there)}, only in typography: "
                       f"{describe_typography(there, given or '', kind)}")
        else:
            out.append(f"{what} does not fit the words {where} it, {shown(there)}")
    return " and ".join(out)


def shown(text: str) -> str:
    """`text` in a message: quoted, on one line, invisible characters written as escapes (U+00AD: \\u00ad)."""
    one_line = json.dumps(" ".join(text.split()), ensure_ascii=False)
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cf" else c for c in one_line)


def keys(context: str | None, key: Callable[[str], str], before: bool) -> list[str]:
    """A prefix (`before`) or suffix as the words compared, nearest to the quote first, each by `key`; [] when
    none is given (None, empty or only whitespace)."""
    words = (context or "").split()
    return [key(w) for w in (reversed(words) if before else words)]


def contexts_of(text: str, rtext: str, spans: list[tuple[int, int]], key: Callable[[str], str]
                ) -> tuple[list[str | None], list[str | None]]:
    """The unique prefix and the unique suffix of each of `spans` (`unique_contexts`), words compared by `key`."""
    return (unique_contexts([Words(words_before(rtext, s)) for s, _ in spans], key, str.endswith),
            unique_contexts([Words(words_after(text, e)) for _, e in spans], key, str.startswith))
