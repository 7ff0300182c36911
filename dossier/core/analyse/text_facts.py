"""What the quotes anchored in one text, one after another, ask of it again and again, kept for that text.

Anchoring an article's annotations asks its text, quote after quote, the same questions where a quote is not
found as written: which words stand in it between spaces, how often a word occurs and where. Asked of the whole
text each time they cost a pass over it for every quote: 2,000 misspelt quotes of a 930 kB transcript took
76 s (bench/profile_build.py --with-errors). `facts(text)` keeps the answers for the last text asked about,
while the quotes of one article are anchored in it (the very same string object, compared with `is`), so each
is found once. The answers are the ones the questions would get from the text itself. Pure.
"""

from __future__ import annotations

from ..text.typography import has_invisible

__all__ = ["TextFacts", "facts"]


class TextFacts:
    """One text's words between whitespace, and each word's count and places (as `str.count` and `str.find`
    find them: a word within a longer one counts too), each worked out when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: frozenset[str] | None = None
        self._invisible: bool | None = None
        self._counts: dict[str, int] = {}
        self._places: dict[str, tuple[int, ...]] = {}

    def words(self) -> frozenset[str]:
        """Every run of characters between whitespace (`str.split`'s words)."""
        if self._words is None:
            self._words = frozenset(self.text.split())
        return self._words

    def invisible(self) -> bool:
        """typography.has_invisible(text): whether it holds characters the folded search must skip."""
        if self._invisible is None:
            self._invisible = has_invisible(self.text)
        return self._invisible

    def count(self, word: str) -> int:
        """`text.count(word)`."""
        found = self._counts.get(word)
        if found is None:
            found = self._counts[word] = self.text.count(word)
        return found

    def places(self, word: str) -> tuple[int, ...]:
        """Where `word` starts in the text, each place `str.find` finds from the last one on, in order."""
        found = self._places.get(word)
        if found is None:
            at, text, pos = [], self.text, self.text.find(word)
            while pos >= 0:
                at.append(pos)
                pos = text.find(word, pos + 1)
            found = self._places[word] = tuple(at)
        return found


_LAST: list[TextFacts] = [TextFacts("")]


def facts(text: str) -> TextFacts:
    """The facts of `text`, kept while the same string object is asked about (one entry, read and replaced as a
    whole: a build that anchors in threads at most works one out twice)."""
    kept = _LAST[0]
    if kept.text is not text:
        kept = _LAST[0] = TextFacts(text)
    return kept
