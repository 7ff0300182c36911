"""What the last analysis of an article found, reused by the next one: the live preview's edit of a long article.

The "analyse" step (library.py) is one unit per article, keyed by the whole article file: a note reworded in a
fact-check of 2,000 annotations placed all 2,000 quotes again and rendered all 2,000 notes (0.5 s of work,
1.3 s before the saved page showed). Both are pure functions of less than the file: a quote's anchoring
(anchors.anchor_quote) of the article's text, the quote, its prefix and suffix and the fuzzy floor; a note's HTML
(markdown.render_note) of the note and the site's base path. So each article's last anchorings and notes are
kept by its file, with the text object they were found in, and the next analysis of that file takes from them
whatever it asks again: the anchorings while the text is the very same object (the preview's memo hands back
an unchanged seed's text; `is`, never equality: no comparing of megabytes) and the floor is equal, the notes
while the base path is equal. The results are the same values the work gives, so the analysis is the same.

One entry per article file, replaced by each analysis of it and never swept (a sweep at every build would empty
it: the builds that analyse an article again are the few after its file changed). Only a process that
`remember`s keeps them (the live preview's): the command line's analyses each article at most once, and would
only hold them (12 MB at 5,000 articles).
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, Mapping

from .anchors import AnchorResult, anchor_quote
from ..common.records import frozen


@frozen
class _Found:
    """One article's last analysis: the text its quotes were anchored in and the floor, each anchoring by
    (quote, prefix, suffix); the base path and each note's HTML by note."""

    text: str
    floor: float
    anchors: dict[Hashable, AnchorResult]
    base: str
    notes: dict[str, str]


_LAST: dict[str, _Found] = {}
_REMEMBER = [False]


def remember(on: bool = True) -> None:
    """From now on each analysis is kept for the next analysis of its file (the live preview's process); with
    `on` False, none is any more, and those kept are dropped (the preview stopped)."""
    _REMEMBER[0] = on
    if not on:
        _LAST.clear()


class Earlier:
    """The anchorings and notes of one analysis of the article of file `file`, taken from that file's last
    analysis where it asked the same, else made; `keep` makes them the file's last."""

    def __init__(self, file: str, text: str, floor: float, base: str) -> None:
        self.file, self.text, self.floor, self.base = file, text, floor, base
        last = _LAST.get(file)
        self._anchors_before = last.anchors if last is not None and last.text is text and last.floor == floor else {}
        self._notes_before = last.notes if last is not None and last.base == base else {}
        self._anchors: dict[Hashable, AnchorResult] = {}
        self._notes: dict[str, str] = {}

    def anchor(self, quote: str, prefix: str | None, suffix: str | None) -> AnchorResult:
        """anchor_quote(text, quote, prefix, suffix, fuzzy_floor=floor)."""
        return _taken(self._anchors, self._anchors_before, (quote, prefix, suffix),
                      lambda: anchor_quote(self.text, quote, prefix, suffix, fuzzy_floor=self.floor))

    def note(self, note: str, render: Callable[[str], Any]) -> str:
        """render(note)[0]: `render` is markdown.render_note with the link policy of this base path."""
        return _taken(self._notes, self._notes_before, note, lambda: render(note)[0])

    def keep(self) -> None:
        """This analysis is the file's last (in a process that `remember`s)."""
        if _REMEMBER[0]:
            _LAST[self.file] = _Found(self.text, self.floor, self._anchors, self.base, self._notes)


def _taken(now: dict[Hashable, Any], before: Mapping[Hashable, Any], key: Hashable, make: Callable[[], Any]) -> Any:
    """What this analysis has under `key`: found by it already, else by the last one (`before`), else `make()`;
    kept in `now` either way."""
    found = now.get(key)
    if found is None:
        found = before.get(key)
    if found is None:
        found = make()
    now[key] = found
    return found
