"""Which places of a quote a prefix or suffix chooses, found without comparing each place with every other.

Pure module. An article that repeats one sentence 2,000 times, with an annotation choosing each place by its
prefix, had every annotation read the words before all 2,000 places: 4 million word lists, 1,000 of them
13 words long, 86 s of a build (anchors._settle, through _fits). Here the places of one quote in one text are
kept while that text is the one anchored (the annotations of an article are anchored one after another), and
their words on each side are sorted into a tree, nearest word first, grown only as deep as a given context
reads: a prefix of k words then costs k lookups, and the tree costs each place one word a level.

Semantics, as anchors' module docstring says: the words before a place carry a prefix when, nearest first,
the inner words are equal and the outermost one ends with the prefix's outermost word (a suffix: the words
after it, the outermost one starting with the suffix's), each word compared by ``key`` (str, or
typography.fold_key on the typography rung).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Hashable

__all__ = ["WORD_AHEAD", "Occurrences", "occurrences"]

WORD_AHEAD = re.compile(r"\s*(\S+)")  # next whitespace-delimited word; on reversed text: previous
KEPT = 4096  # quotes kept for the text being anchored (the live preview's edits add new ones save after save)


class _Branch:
    """Places whose first words on one side are all equal (by key): each place's index and where its next word
    is looked for. `split`, once asked: its places by their next word, and those words sorted (reversed for
    the side before, so that the words ending alike are neighbours)."""

    __slots__ = ("places", "split")

    def __init__(self, places: list[tuple[int, int]]) -> None:
        self.places = places
        self.split: tuple[dict[str, _Branch], list[str]] | None = None


class _Side:
    """The words on one side of every place, read from ``text`` (the reversed text for the side before)."""

    def __init__(self, text: str, starts: list[int], key: Callable[[str], str], before: bool) -> None:
        self.text, self.starts, self.key, self.before = text, starts, key, before
        self.root = _Branch(list(enumerate(starts)))

    def _word(self, at: int) -> tuple[str, int] | None:
        """The word read at `at` (by key, in the text's own direction) and where the next one is looked for."""
        m = WORD_AHEAD.match(self.text, at)
        if m is None:
            return None
        return self.key(m.group(1)[::-1] if self.before else m.group(1)), m.end()

    def _split(self, branch: _Branch) -> tuple[dict[str, _Branch], list[str]]:
        split = branch.split  # (two threads may both split a branch: the same tree, and either is kept)
        if split is None:
            by_word: dict[str, list[tuple[int, int]]] = {}
            for j, at in branch.places:
                if (found := self._word(at)) is not None:  # (no word left: carries no context)
                    by_word.setdefault(found[0], []).append((j, found[1]))
            children = {word: _Branch(places) for word, places in by_word.items()}
            split = branch.split = (children, sorted(w[::-1] if self.before else w for w in children))
        return split

    def carrying(self, wanted: list[str]) -> list[_Branch]:
        """The branches of the places whose words carry `wanted` (nearest first, not empty)."""
        branch = self.root
        for want in wanted[:-1]:
            found = self._split(branch)[0].get(want)
            if found is None:
                return []
            branch = found
        children, ends = self._split(branch)
        last = wanted[-1][::-1] if self.before else wanted[-1]
        out = []
        for k in range(bisect_left(ends, last), len(ends)):
            if not ends[k].startswith(last):
                break
            out.append(children[ends[k][::-1] if self.before else ends[k]])
        return out

    def fits(self, j: int, wanted: list[str]) -> bool:
        """Whether the words of place `j` carry `wanted`: read one by one (for a place already chosen)."""
        at = self.starts[j]
        for k, want in enumerate(wanted):
            found = self._word(at)
            if found is None:
                return False
            word, at = found
            last = k == len(wanted) - 1
            if not (word == want or last and (word.endswith(want) if self.before else word.startswith(want))):
                return False
        return True


class Occurrences:
    """Every place (``spans``) of one quote in one text, and which of them a prefix and suffix choose."""

    def __init__(self, text: str, rtext: str, spans: list[tuple[int, int]], key: Callable[[str], str]) -> None:
        self.text, self.rtext, self.spans, self.key = text, rtext, spans, key
        self._sides: dict[bool, _Side] = {}

    def _side(self, before: bool) -> _Side:
        side = self._sides.get(before)
        if side is None:
            starts = [len(self.rtext) - s for s, _ in self.spans] if before else [e for _, e in self.spans]
            side = self._sides[before] = _Side(self.rtext if before else self.text, starts, self.key, before)
        return side

    def chosen(self, pre: list[str], suf: list[str]) -> list[int]:
        """The indices, ascending, of the places whose words before carry `pre` and whose words after carry
        `suf` (each by key, nearest word first; an empty one is not given). The side that fits fewer places is
        looked up, and each of those places read on the other side."""
        asked = [(self._side(before), wanted) for before, wanted in ((True, pre), (False, suf)) if wanted]
        if not asked:
            return list(range(len(self.spans)))
        carried = [side.carrying(wanted) for side, wanted in asked]
        first = min(range(len(asked)), key=lambda k: sum(len(b.places) for b in carried[k]))
        places = [j for branch in carried[first] for j, _ in branch.places]
        for other, other_wanted in asked[:first] + asked[first + 1:]:
            places = [j for j in places if other.fits(j, other_wanted)]
        return sorted(places)


# [a text, its quotes' Occurrences by (quote, rung)]: one text at a time, read once (the live preview places
# in two threads; a text replaced by another's only loses what was kept)
_KEPT: list[tuple[str, dict[Hashable, Occurrences]]] = [("", {})]


def occurrences(text: str, rtext: str, quote: Hashable, find: Callable[[], list[tuple[int, int]]],
                key: Callable[[str], str]) -> Occurrences:
    """The Occurrences of `quote` in `text` (reversed: `rtext`), whose places `find()` finds, words compared by
    `key`: kept while `text` (the very object) is the one asked of, so each article finds each quote once."""
    kept = _KEPT[0]
    if kept[0] is not text or len(kept[1]) >= KEPT:
        kept = _KEPT[0] = (text, {})
    found = kept[1].get(quote)
    if found is None:
        found = kept[1][quote] = Occurrences(text, rtext, find(), key)
    return found
