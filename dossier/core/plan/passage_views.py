"""/passages/: passages that two or more articles share, found automatically, each with a "compare" view.

Each passage links every occurrence to its exact place: a text fragment (`#:~:text=start,end`, which
browsers that support it scroll to and highlight; others open the article), plus the annotations and
comparison witnesses that cover the same words. The build's link check skips `:~:` fragments, which
are resolved by the browser against the rendered text.

A passage shared by very many places is listed in pieces (`pieces`), which the listing paginates as items
of their own: the first keeps the passage's id, text and side by side, the rest continue its list.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import Any

from .compare_view import Witnessed, column_set
from .interface import quote_dir
from .text_fragments import FRAGMENT_WORDS as FRAGMENT_WORDS, text_fragment as text_fragment  # (re-exported)
from ..analyse.shared_passages import Occurrence, SharedPassage
from ..common.records import frozen, record


@record
class Span:
    """Something already placed in an article: an annotation or a comparison witness."""

    start: int
    end: int
    url: str
    label: str
    comparison: str = ""   # the comparison id, for witnesses


@frozen
class Doc:
    """What the passages page needs of one article."""

    slug: str
    text: str
    title: str
    outlet: str
    date: str
    url: str
    spans: tuple[Span, ...] = ()
    # The stamp of the cleaned text `text` is (CleanText.made: a digest naming it), "" when unknown: a page key
    # writes it instead of the text (execute/keys.py). Not part of the value's equality.
    text_made: str = field(default="", compare=False, repr=False)
    # A digest of all this Doc shows (compare_pages._doc_made), "" when unknown: a page key writes it instead of
    # the Doc. Not part of the value's equality.
    made: str = field(default="", compare=False, repr=False)
    # The marks of the article's words where its language is another than the site's (interface.article_marks)
    lang: str = ""
    dir: str = ""
    # (a span's end, where the page puts its number or badge instead): a span ending inside an entity's mention has
    # them after the mention (`moved_inserts`)
    moves: tuple[tuple[int, int], ...] = ()
    # The words its page shows before the text, and those its badges add in it (article_passages.shown_before,
    # badge_words): a text fragment's term must be unique in them too.
    shown: str = ""
    words: tuple[tuple[int, str], ...] = ()

    @property
    def inserts(self) -> frozenset[int]:
        """Where the article page adds text: after each annotation (its note number) and witness (its badge), or
        after the mention its last word is in (`moves`)."""
        moved = dict(self.moves)
        return frozenset(moved.get(s.end, s.end) for s in self.spans)


def moved_inserts(text: str, ends: Iterable[int], mentions: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """(end, where its text goes) for each span end inside an entity's mention (start < end < mention's end): the
    article page puts a note's number or a witness's badge after the mention's words in that paragraph, since a
    link holds neither (text/article_marks.walk), so a text fragment's term must not run across that place."""
    ranges = sorted(mentions)
    starts = [start for start, _ in ranges]
    moves = []
    for end in sorted(set(ends)):
        at = bisect_right(starts, end - 1) - 1   # the last mention starting before `end`
        if at >= 0 and end < ranges[at][1]:
            paragraph = text.find("\n\n", end)
            moves.append((end, min(ranges[at][1], paragraph if paragraph >= 0 else len(text))))
    return tuple(moves)


class DocSet(Mapping[str, Doc]):
    """The Docs one page of /passages/ shows, by slug (hundreds a page), in `slugs`' order, each made by
    `make(slug)` when the page is rendered. `made`: each one's Doc.made, known without making it (compare_pages):
    a page key writes the set as one digest of the slugs with those (execute/keys.py), so that a page whose key
    is kept makes none of its Docs (5,000 Docs with 51,000 spans took 0.3 s of every build at 5,000 articles).
    Made anew at each build (compare_pages); never changed once made."""

    __slots__ = ("slugs", "made", "_make", "_docs")

    def __init__(self, slugs: Sequence[str], made: Sequence[str], make: Callable[[str], Doc]) -> None:
        self.slugs, self.made, self._make = tuple(slugs), tuple(made), make
        self._docs: dict[str, Doc] | None = None

    def _all(self) -> dict[str, Doc]:
        if self._docs is None:
            self._docs = {slug: self._make(slug) for slug in self.slugs}
        return self._docs

    def __getitem__(self, slug: str) -> Doc:
        return self._all()[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self.slugs)

    def __len__(self) -> int:
        return len(self.slugs)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


SIDE_BY_SIDE = 6  # most occurrences compared side by side for one passage

# Estimated bytes of one occurrence's item in the list (measured: 371 on average, the longest 868, in the
# 2,065 of the largest passage of a 1,000-article generated dossier).
OCCURRENCE_BYTES = 400
# Most occurrences listed in one piece of a passage: a passage shared by more places is cut into consecutive
# pieces that the pagination weighs as separate items. 400 items of ~371 bytes make ~150 KB, a few pieces a
# page under the 400 KB budget; the 1,000-article dossier's largest passage (2,065 places, 807 KB on one
# page) becomes six pieces. No passage of the default dossier comes near, so its site does not change.
OCCURRENCES_PER_PIECE = 400


def passage_weight(passage: SharedPassage) -> int:
    """A passage's estimated bytes on /passages/, for cutting the listing into pages (paginate.py): the
    section's frame and side-by-side controls (~4 KB), an item per occurrence (~400 bytes), and the text
    once per rendering of the side by side (the k shown columns against each of k bases, a heat line per
    base), at twice its length for the markup between words. Measured on a 1,000-article build, it errs
    high: by a third on most passages, by 4% on the largest (807 KB, 2,065 occurrences)."""
    k = min(len(passage.occurrences), SIDE_BY_SIDE)
    return 4_000 + OCCURRENCE_BYTES * len(passage.occurrences) + 2 * len(passage.text) * (k * k + 2 * k + 2)


@frozen
class Piece:
    """One item of the /passages/ listing: the passage at index `passage` of the listing's passages, with
    its occurrences `places` (indexes into them in site order) of `total`. Invariant: the pieces of one
    passage are consecutive and cover its occurrences in order; the first (places.start == 0) carries the
    passage's id, text and side by side, a later one (`continued`) only its occurrences."""

    passage: int
    places: range
    total: int

    @property
    def continued(self) -> bool:
        return self.places.start > 0

    @property
    def heading_id(self) -> str:
        """The id of the piece's heading: h-p-17 for passage 17's first piece, h-p-17-401 for the one that
        continues its list at place 401 (unique in the site, as the passage's own id p-17 is)."""
        n = self.passage + 1
        return f"h-p-{n}-{self.places.start + 1}" if self.continued else f"h-p-{n}"

    @property
    def split(self) -> bool:
        return len(self.places) < self.total


def pieces(counts: Sequence[int], per_piece: int | None = None) -> list[Piece]:
    """The listing's items for passages with `counts` occurrences each (in listing order): one piece per
    passage, or several of at most `per_piece` (OCCURRENCES_PER_PIECE) occurrences for a passage with more."""
    per_piece = per_piece or OCCURRENCES_PER_PIECE  # read when called, so a test can make pieces small
    return [Piece(i, range(lo, min(lo + per_piece, count)), count)
            for i, count in enumerate(counts) for lo in range(0, max(count, 1), per_piece)]


def piece_weight(passage: SharedPassage, piece: Piece) -> int:
    """A piece's estimated bytes (see passage_weight): the first carries all but the occurrences listed in
    later pieces, so an unsplit passage weighs what it did; a later one is a heading (~0.5 KB) and its items."""
    if piece.continued:
        return 500 + OCCURRENCE_BYTES * len(piece.places)
    return passage_weight(passage) - OCCURRENCE_BYTES * (piece.total - len(piece.places))


def places_label(places: range, total: int) -> str:
    """ "places 401–800 of 2,065": which occurrences a piece lists, counted from 1."""
    return f"places {places.start + 1:,}–{places.stop:,} of {total:,}"


def passage_views(items: Sequence[Piece], passages: Sequence[SharedPassage] | Mapping[int, SharedPassage],
                  docs: Mapping[str, Doc], order: Sequence[str], more: Mapping[int, str] | None = None,
                  language: str = "") -> list[dict[str, Any]]:
    """The passages page's view: one entry per piece, numbered as in the whole listing of `passages` (so
    `#p-<n>` names one passage, on the page of its first piece). `order` is the article order of the site
    (by date, then slug); occurrences follow it. `more`: for a split passage's first piece (by its index in
    `items`), the URL of the piece that continues its list. `language`: the site's."""
    rank = {slug: i for i, slug in enumerate(order)}
    inserts: dict[str, frozenset[int]] = {}  # per doc, made once: a doc has many occurrences
    views = []
    for i, piece in enumerate(items):
        passage = passages[piece.passage]
        occurrences = sorted(passage.occurrences, key=lambda o: (rank.get(o.doc, len(rank)), o.doc, o.start))
        if piece.continued:
            views.append(_continued_view(piece, occurrences, docs, inserts))
        else:
            views.append(_first_view(piece, passage, occurrences, docs, inserts, (more or {}).get(i, ""), language))
    return views


def _repeats(occurrences: Sequence[Occurrence]) -> list[int]:
    """For each occurrence, how many of the passage's occurrences so far are in its article (1 for the first)."""
    seen: dict[str, int] = {}
    out = []
    for occ in occurrences:
        seen[occ.doc] = seen.get(occ.doc, 0) + 1
        out.append(seen[occ.doc])
    return out


def _place(occ: Occurrence, doc: Doc, inserts: dict[str, frozenset[int]]) -> str:
    if occ.doc not in inserts:
        inserts[occ.doc] = doc.inserts
    return doc.url + text_fragment(doc.text, occ.start, occ.end, inserts[occ.doc], doc.shown, doc.words)


def _hits(occ: Occurrence, doc: Doc) -> list[Span]:
    return [s for s in doc.spans if _overlaps((s.start, s.end), (occ.start, occ.end))]


def _row(occ: Occurrence, repeat: int, doc: Doc, place: str) -> dict[str, Any]:
    return {"key": occ.doc if repeat == 1 else f"{occ.doc}-{repeat}", "slug": occ.doc, "title": doc.title,
            "outlet": doc.outlet, "date": doc.date, "url": doc.url, "place_url": place, "repeat": repeat,
            "lang": doc.lang, "dir": doc.dir,
            "links": [{"url": s.url, "label": s.label, "kind": "comparison" if s.comparison else "annotation"}
                      for s in _hits(occ, doc)]}


def _rows(piece: Piece, occurrences: Sequence[Occurrence], docs: Mapping[str, Doc],
          inserts: dict[str, frozenset[int]]) -> list[dict[str, Any]]:
    repeats = _repeats(occurrences)
    return [_row(occurrences[j], repeats[j], docs[occurrences[j].doc],
                 _place(occurrences[j], docs[occurrences[j].doc], inserts)) for j in piece.places]


def _continued_view(piece: Piece, occurrences: Sequence[Occurrence], docs: Mapping[str, Doc],
                    inserts: dict[str, frozenset[int]]) -> dict[str, Any]:
    n = piece.passage + 1
    return {"continued": True, "number": n, "heading_id": piece.heading_id,
            "places": places_label(piece.places, piece.total), "occurrences": _rows(piece, occurrences, docs, inserts)}


def _first_view(piece: Piece, passage: SharedPassage, occurrences: Sequence[Occurrence], docs: Mapping[str, Doc],
                inserts: dict[str, frozenset[int]], more: str, language: str = "") -> dict[str, Any]:
    n = piece.passage + 1
    rows = _rows(piece, occurrences, docs, inserts)
    covering: dict[str, set[str]] = {}
    titles: dict[str, tuple[str, str]] = {}
    for occ in occurrences:  # every occurrence, listed in this piece or a later one
        for s in _hits(occ, docs[occ.doc]):
            if s.comparison:
                covering.setdefault(s.comparison, set()).add(occ.doc)
                titles[s.comparison] = (s.label, s.url.split("#", 1)[0])
    compared = [{"id": cid, "title": titles[cid][0], "url": titles[cid][1]}
                for cid in sorted(covering) if len(covering[cid]) >= 2]
    k = min(piece.total, SIDE_BY_SIDE)  # a piece smaller than that: its columns are made apart
    heads = rows[:k] if len(rows) >= k else _rows(Piece(piece.passage, range(k), piece.total), occurrences,
                                                  docs, inserts)
    columns = [Witnessed(r["key"], docs[o.doc].text, o.start, o.end, r["outlet"], r["date"], r["title"], r["url"],
                         r["place_url"], lang=r["lang"]) for o, r in zip(occurrences, heads)]
    first = docs[passage.occurrences[0].doc]  # (the passage's text is its first occurrence's: SharedPassage)
    return {
        "continued": False, "id": f"p-{n}", "number": n, "text": passage.text, "words": passage.words,
        # (its article's language, its paragraph's direction there: interface.quote_dir)
        "lang": first.lang, "dir": quote_dir(first.text, passage.occurrences[0].start, language),
        "articles": len({o.doc for o in passage.occurrences}), "occurrences": rows, "count": piece.total,
        "more": {"places": places_label(piece.places, piece.total), "url": more} if piece.split else None,
        "compared": compared,
        # Side by side, every column is aligned against every possible base (n² work, n² markup): show the
        # first few occurrences there; the list links every one of them.
        "set": column_set(f"p-{n}", columns, columns[0].key, f"Passage {n}, side by side", language),
        "shown": len(columns),
    }
