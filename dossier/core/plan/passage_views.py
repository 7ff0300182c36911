"""/passages/: passages that two or more articles share, found automatically, each with a "compare" view.

Each passage links every occurrence to its exact place: a text fragment (`#:~:text=start,end`, which
browsers that support it scroll to and highlight; others open the article), plus the annotations and
comparison witnesses that cover the same words. The build's link check skips `:~:` fragments, which
are resolved by the browser against the rendered text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import quote

from .compare_view import Witnessed, column_set
from ..analyse.shared_passages import SharedPassage

# How many words of a passage make the start and the end of its text fragment: short terms are less likely
# to straddle a sidenote number or a badge that the article page inserts between words.
FRAGMENT_WORDS = 4

_CHUNK = re.compile(r"\S+")


@dataclass(frozen=True)
class Span:
    """Something already placed in an article: an annotation or a comparison witness."""

    start: int
    end: int
    url: str
    label: str
    comparison: str = ""   # the comparison id, for witnesses


@dataclass(frozen=True)
class Doc:
    """What the passages page needs of one article."""

    slug: str
    text: str
    title: str
    outlet: str
    date: str
    url: str
    spans: tuple[Span, ...] = ()

    @property
    def inserts(self) -> frozenset[int]:
        """Where the article page adds text: after each annotation (its note number) and witness (its badge)."""
        return frozenset(s.end for s in self.spans)


@lru_cache(maxsize=1 << 14)  # the occurrences of one passage mostly start and end with the same words
def _encode(term: str) -> str:
    # Text fragment terms are percent-encoded; "-", "," and "&" are syntax there, so they are encoded too.
    return quote(" ".join(term.split()), safe="").replace("-", "%2D")


def text_fragment(text: str, start: int, end: int, inserts: frozenset[int] = frozenset()) -> str:
    """`#:~:text=...` selecting text[start:end], or "" when no term can be made.

    Terms never cross a paragraph break (browsers match each term within one block); a passage longer than
    twice FRAGMENT_WORDS becomes a start,end range. `inserts` are text offsets where the article page adds
    words of its own (a sidenote number or a comparison badge right after an annotation or a witness): a
    term must not contain one or end at one, or the browser would not find it, so the range stops short.

    Only the words a term may use are split out and checked against `inserts`: the first 2 * FRAGMENT_WORDS
    + 1 of the first block, and at the end of the last block FRAGMENT_WORDS plus one per insert point in
    it (each word that must be dropped holds one), so the cost does not grow with the passage's length."""
    blocks = [(lo, hi) for lo, hi in _blocks(text, start, end) if _CHUNK.search(text, lo, hi)]
    if not blocks:
        return ""
    points = sorted(inserts)

    def clean(word: tuple[int, int]) -> bool:
        # No insert point p with word[0] < p <= word[1].
        return bisect_right(points, word[1]) == bisect_right(points, word[0])

    first = list(map(re.Match.span, islice(_CHUNK.finditer(text, *blocks[0]), 2 * FRAGMENT_WORDS + 1)))
    head = []
    for w in first[:FRAGMENT_WORDS]:
        if not clean(w):
            break
        head.append(w)
    if not head:
        return ""
    if len(blocks) == 1 and len(first) <= 2 * FRAGMENT_WORDS and all(clean(w) for w in first):
        return "#:~:text=" + _encode(text[first[0][0]:first[-1][1]])
    # `last`: the words of the last block (of the one block, those after the head), or enough of their end.
    lo, hi = blocks[-1]
    enough = FRAGMENT_WORDS + bisect_right(points, hi) - bisect_right(points, lo)
    if len(blocks) > 1:
        last = _last_words(text, lo, hi, enough)
    else:
        ending = _last_words(text, lo, hi, enough + len(head))
        last = ending[len(head):] if len(ending) < enough + len(head) else ending[-enough:]
    while last and not clean(last[-1]):
        last.pop()
    tail: list[tuple[int, int]] = []
    for w in reversed(last):
        if len(tail) == FRAGMENT_WORDS or not clean(w):
            break
        tail.insert(0, w)
    if len(blocks) == 1 and tail and tail[0][0] < head[-1][1]:
        tail = [w for w in tail if w[0] >= head[-1][1]]
    term = "#:~:text=" + _encode(text[head[0][0]:head[-1][1]])
    return term + ("," + _encode(text[tail[0][0]:tail[-1][1]]) if tail else "")


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The maximal runs of text[start:end] in which no paragraph break ("\n\n") starts, as offsets of text
    (what the pattern (?:(?!\n\n).)+ finds), found with str.find rather than a lookahead at every character."""
    blocks: list[tuple[int, int]] = []
    i = start
    while True:
        j = text.find("\n\n", i, end)
        if j < 0:
            if i < end:
                blocks.append((i, end))
            return blocks
        if j > i:
            blocks.append((i, j))
        i = j + 1  # "\n\n\n": a break starts at the next character too


def _last_words(text: str, start: int, end: int, n: int) -> list[tuple[int, int]]:
    """(start, end) of the last n whitespace-separated chunks of text[start:end] (all, if fewer), in order.

    A window back from `end` widens until it holds more than n chunks or reaches `start`: its first chunk
    may be cut by the window, but then it is not among the last n."""
    window = 16 * (n + 1)
    while True:
        lo = max(start, end - window)
        spans = list(map(re.Match.span, _CHUNK.finditer(text, lo, end)))
        if lo == start or len(spans) > n:
            return spans[len(spans) - n:] if len(spans) > n else spans
        window *= 4


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


SIDE_BY_SIDE = 6  # most occurrences compared side by side for one passage


def passage_weight(passage: SharedPassage) -> int:
    """A passage's estimated bytes on /passages/, for cutting the listing into pages (paginate.py): the
    section's frame and side-by-side controls (~4 KB), an item per occurrence (~400 bytes), and the text
    once per rendering of the side by side (the k shown columns against each of k bases, a heat line per
    base), at twice its length for the markup between words. Measured on a 1,000-article build, it errs
    high: by a third on most passages, by 4% on the largest (807 KB, 2,065 occurrences)."""
    k = min(len(passage.occurrences), SIDE_BY_SIDE)
    return 4_000 + 400 * len(passage.occurrences) + 2 * len(passage.text) * (k * k + 2 * k + 2)


def passage_views(passages: Sequence[SharedPassage], docs: Mapping[str, Doc],
                  order: Sequence[str], start: int = 1) -> list[dict[str, Any]]:
    """The passages page's view: one entry per passage, numbered from `start` in the given passage order
    (a page of the listing numbers its passages as the whole listing does, so `#p-<n>` names one passage).
    `order` is the article order of the site (by date, then slug); occurrences follow it."""
    rank = {slug: i for i, slug in enumerate(order)}
    inserts: dict[str, frozenset[int]] = {}  # per doc, made once: a doc has many occurrences
    views = []
    for n, passage in enumerate(passages, start=start):
        occurrences = sorted(passage.occurrences, key=lambda o: (rank.get(o.doc, len(rank)), o.doc, o.start))
        seen: dict[str, int] = {}
        rows, columns = [], []
        covering: dict[str, set[str]] = {}
        titles: dict[str, tuple[str, str]] = {}
        for occ in occurrences:
            doc = docs[occ.doc]
            seen[occ.doc] = seen.get(occ.doc, 0) + 1
            key = occ.doc if seen[occ.doc] == 1 else f"{occ.doc}-{seen[occ.doc]}"
            if occ.doc not in inserts:
                inserts[occ.doc] = doc.inserts
            place = doc.url + text_fragment(doc.text, occ.start, occ.end, inserts[occ.doc])
            hits = [s for s in doc.spans if _overlaps((s.start, s.end), (occ.start, occ.end))]
            for s in hits:
                if s.comparison:
                    covering.setdefault(s.comparison, set()).add(occ.doc)
                    titles[s.comparison] = (s.label, s.url.split("#", 1)[0])
            rows.append({"key": key, "slug": occ.doc, "title": doc.title, "outlet": doc.outlet, "date": doc.date,
                         "url": doc.url, "place_url": place, "repeat": seen[occ.doc],
                         "links": [{"url": s.url, "label": s.label,
                                    "kind": "comparison" if s.comparison else "annotation"} for s in hits]})
            columns.append(Witnessed(key, doc.text, occ.start, occ.end, doc.outlet, doc.date, doc.title,
                                     doc.url, place))
        compared = [{"id": cid, "title": titles[cid][0], "url": titles[cid][1]}
                    for cid in sorted(covering) if len(covering[cid]) >= 2]
        views.append({
            "id": f"p-{n}", "number": n, "text": passage.text, "words": passage.words,
            "articles": len({o.doc for o in passage.occurrences}), "occurrences": rows,
            "compared": compared,
            # Side by side, every column is aligned against every possible base (n² work, n² markup): show the
            # first few occurrences there; the list above links every one of them.
            "set": column_set(f"p-{n}", columns[:SIDE_BY_SIDE], columns[0].key, f"Passage {n}, side by side"),
            "shown": min(len(columns), SIDE_BY_SIDE),
        })
    return views
