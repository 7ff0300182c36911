"""/passages/<id>/: a passage that two or more articles share, found automatically, each with a "compare" view.

Each passage links every occurrence to its exact place: a text fragment (`#:~:text=start,end`, which
browsers that support it scroll to and highlight; others open the article), plus the annotations and
comparison witnesses that cover the same words. The build's link check skips `:~:` fragments, which
are resolved by the browser against the rendered text.

Each passage has a page of its own (article_passages: its address, and /passages/, which lists them all); a
passage shared by very many places goes on over further pages, the first of which keeps its text and side by side.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import Any

from .compare_view import Witnessed, column_set
from .interface import quote_dir
from .views import first_words
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

# Most occurrences listed on one page of a passage: a passage shared by more places goes on over further pages
# (article_passages.own_pages). An item is ~371 bytes (measured: the longest 868, in the 2,065 of the largest
# passage of a 1,000-article generated dossier), so 400 make ~150 KB; that passage makes six pages. No passage of
# the default dossier comes near.
OCCURRENCES_PER_PIECE = 400


def places_label(places: range, total: int) -> str:
    """ "places 401–800 of 2,065": which occurrences a page lists, counted from 1."""
    return f"places {places.start + 1:,}–{places.stop:,} of {total:,}"


def passage_view(passage: SharedPassage, places: range, docs: Mapping[str, Doc], order: Sequence[str],
                 language: str = "") -> dict[str, Any]:
    """What a passage's page shows (its page of places `places`, of its occurrences in site order): its text,
    those places, and on its first page the comparisons that cover it and its first occurrences side by side.
    `order`: the article order of the site (by date, then slug), which occurrences
    follow; `language`: the site's."""
    rank = {slug: i for i, slug in enumerate(order)}
    occurrences = sorted(passage.occurrences, key=lambda o: (rank.get(o.doc, len(rank)), o.doc, o.start))
    inserts: dict[str, frozenset[int]] = {}  # per doc, made once: a doc may have the passage more than once
    first = docs[passage.occurrences[0].doc]  # (the passage's text is its first occurrence's: SharedPassage)
    rows = _rows(places, occurrences, docs, inserts)
    total = len(occurrences)
    view = {"text": passage.text, "words": passage.words, "first": places.start == 0,
            # (its article's language, its paragraph's direction there: interface.quote_dir)
            "lang": first.lang, "dir": quote_dir(first.text, passage.occurrences[0].start, language),
            "articles": len({o.doc for o in passage.occurrences}), "occurrences": rows, "count": total,
            "places": places_label(places, total) if len(places) < total else ""}
    if places.start == 0:
        view.update(_compared(occurrences, docs, rows, inserts, language))
    return view


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


def _rows(places: range, occurrences: Sequence[Occurrence], docs: Mapping[str, Doc],
          inserts: dict[str, frozenset[int]]) -> list[dict[str, Any]]:
    repeats = _repeats(occurrences)
    return [_row(occurrences[j], repeats[j], docs[occurrences[j].doc],
                 _place(occurrences[j], docs[occurrences[j].doc], inserts)) for j in places]


def _compared(occurrences: Sequence[Occurrence], docs: Mapping[str, Doc], rows: Sequence[dict[str, Any]],
              inserts: dict[str, frozenset[int]], language: str = "") -> dict[str, Any]:
    """The first page's comparisons that cover the passage (in two of its articles or more) and its side by side."""
    covering: dict[str, set[str]] = {}
    titles: dict[str, tuple[str, str]] = {}
    for occ in occurrences:  # every occurrence, listed on this page or a later one
        for s in _hits(occ, docs[occ.doc]):
            if s.comparison:
                covering.setdefault(s.comparison, set()).add(occ.doc)
                titles[s.comparison] = (s.label, s.url.split("#", 1)[0])
    compared = [{"id": cid, "title": titles[cid][0], "url": titles[cid][1]}
                for cid in sorted(covering) if len(covering[cid]) >= 2]
    k = min(len(occurrences), SIDE_BY_SIDE)  # a first page smaller than that: its columns are made apart
    heads = rows[:k] if len(rows) >= k else _rows(range(k), occurrences, docs, inserts)
    columns = [Witnessed(r["key"], docs[o.doc].text, o.start, o.end, r["outlet"], r["date"], r["title"], r["url"],
                         r["place_url"], lang=r["lang"]) for o, r in zip(occurrences, heads)]
    # Side by side, every column is aligned against every possible base (n² work, n² markup): show the first few
    # occurrences there; the list links every one of them.
    return {"compared": compared, "set": column_set("p", columns, columns[0].key, "The passage, side by side",
                                                    language),
            "shown": len(columns)}


def listed_view(passage: SharedPassage, url: str, lang: str = "", direction: str = "") -> dict[str, Any]:
    """What /passages/ shows of a passage: its first words (`lang`, `direction`: their marks where the article's
    language or the paragraph's direction is another than the site's), linked to its page, its length in words
    and how many articles have it."""
    return {"url": url, "first_words": first_words(passage.text), "words": passage.words,
            "articles": len({o.doc for o in passage.occurrences}), "lang": lang, "dir": direction}
