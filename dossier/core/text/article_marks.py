"""What an article's body is made of, and the one walk over it that both renderings share.

An `ArticleSource` is an article's text and paragraphs with its marks: notes (annotations), entity links and
comparison badges. `walk` cuts each paragraph into pieces (segments.segment) and says, for each piece, what
covers it and which notes and badges end with it. `markdown.article_markdown` writes the `.md` artifact from
the pieces and `article_html.article_html` writes the HTML body from the same pieces, so the two cannot
disagree about structure.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Any, Callable, Iterator, NamedTuple, Sequence

from .segments import Span, segment
from ..common.records import frozen, record


@frozen
class NoteMark:
    """An anchored annotation as the renderer needs it. Invariant: start < end; id is a slug."""

    id: str
    start: int
    end: int
    note: str          # Markdown
    kind: str = ""
    approximate: bool = False   # its quote matched only approximately (anchor-fuzzy): its highlight says so


@record
class LinkMark:
    """An entity mention: becomes a link. `first` marks the first mention of its entity in the article."""

    id: str
    start: int
    end: int
    href: str
    entity: str
    first: bool


@record
class BadgeMark:
    """A comparison witness: its words are marked and a badge after them links to the comparison."""

    id: str
    start: int
    end: int
    href: str
    label: str
    approximate: bool = False   # its quote matched only approximately (anchor-fuzzy): its words say so
    # What it links to, said after its label on the page to tell its link from the others (the comparison's
    # title: "compare figure" was the name of 8 links to 8 places, review 142); not in the Markdown.
    about: str = ""


@frozen
class ArticleSource:
    """What the Markdown of one article is made from. Paragraph starts are offsets into `text`."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]    # (start, end) offsets
    front_matter: tuple[tuple[str, str], ...]  # written as YAML front matter, in order
    headline: bool                              # the first paragraph is the outlet's headline
    notes: tuple[NoteMark, ...] = ()
    links: tuple[LinkMark, ...] = ()
    badges: tuple[BadgeMark, ...] = ()


def snap(paragraphs: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Move a mark's ends off paragraph breaks (into text), so its note is emitted where its text ends.
    `paragraphs` in the text's order, as an article's are."""
    return _snapper(paragraphs)(start, end)


def _snapper(paragraphs: Sequence[tuple[int, int]]) -> Callable[[int, int], tuple[int, int]]:
    """`snap` for the many marks of one article. The paragraphs a mark overlaps are a run of them, found by
    bisecting their starts and ends: each mark scanned every paragraph, and 2,000 notes on a transcript of
    20,000 lines took a second."""
    starts = [a for a, _ in paragraphs]
    ends = [b for _, b in paragraphs]

    def snapped_ends(start: int, end: int) -> tuple[int, int]:
        first = bisect_right(ends, start)       # the first paragraph ending after the mark starts
        last = bisect_left(starts, end) - 1     # the last one starting before it ends
        if first > last:
            return start, end
        return max(start, starts[first]), min(end, ends[last])
    return snapped_ends


def snapped(src: ArticleSource) -> ArticleSource:
    """The source with every note and badge snapped off paragraph breaks (see `snap`)."""
    snap_ends = _snapper(src.paragraphs)

    def moved(mark):  # type: ignore[no-untyped-def]
        start, end = snap_ends(mark.start, mark.end)
        return mark if (start, end) == (mark.start, mark.end) else replace(mark, start=start, end=end)
    return replace(src, notes=tuple(moved(n) for n in src.notes), badges=tuple(moved(b) for b in src.badges))


class Piece(NamedTuple):
    """A segment of one paragraph. `anns`/`wits` are the ids of the annotations/witnesses covering it (in
    segment order), `opens` those of its annotations whose highlight begins here (each opens exactly once, in
    the first piece of it), `notes`/`badges` the marks whose reference or badge follows its words: the words
    where the mark ends or, where it ends inside a mention, the mention's last piece in the paragraph (the
    pieces of one mention are one link, and a link holds no note nor badge). `approx`: an annotation or a witness
    covering it matched its quote only approximately (NoteMark.approximate, BadgeMark.approximate)."""

    start: int
    end: int
    mention: LinkMark | None
    anns: tuple[str, ...]
    wits: tuple[str, ...]
    opens: tuple[str, ...]
    notes: Sequence[NoteMark]
    badges: Sequence[BadgeMark]
    approx: bool


# Pieces are made by the hundred thousand in a large dossier: built as plain tuples, without the Python-level
# __new__ that NamedTuple generates.
_piece = tuple.__new__


def walk(src: ArticleSource) -> Iterator[list[Piece]]:
    """The pieces of each paragraph, in order. Marks should be `snapped` first, so that a note ending on a
    paragraph break is referenced where its words end."""
    spans = [Span(n.start, n.end, "annotation", n.id) for n in src.notes]
    spans += [Span(b.start, b.end, "witness", b.id) for b in src.badges]
    spans += [Span(m.start, m.end, "mention", m.id) for m in src.links]
    links = {m.id: m for m in src.links}
    approximate = {n.id for n in src.notes if n.approximate}
    approximate_wits = {b.id for b in src.badges if b.approximate}
    notes_by_end = _by_end(src.notes)
    badges_by_end = _by_end(src.badges)
    opened: set[str] = set()
    for (p_start, p_end), touching in zip(src.paragraphs, _touching(src.paragraphs, spans)):
        pieces = []
        held: tuple[Sequence[NoteMark], Sequence[BadgeMark]] = ((), ())   # ended inside the mention going on
        for seg in segment(p_start, p_end, touching):
            notes = notes_by_end.pop(seg.end, ())
            badges = badges_by_end.pop(seg.end, ())
            if not seg.covers:  # most pieces: plain words between marks
                pieces.append(_piece(Piece, (seg.start, seg.end, None, (), (), (), notes, badges, False)))
                continue
            if held[0] or held[1]:
                notes, badges, held = [*held[0], *notes], [*held[1], *badges], ((), ())
            anns, wits, mention = [], [], None
            for s in seg.covers:
                if s.kind == "annotation":
                    anns.append(s)
                elif s.kind == "witness":
                    wits.append(s.id)
                elif mention is None:
                    mention = links[s.id]
            opens = [a.id for a in anns if a.id not in opened and seg.start <= a.start]
            opened.update(opens)
            if mention is not None and seg.end < mention.end and seg.end < p_end and (notes or badges):
                # words ending inside a mention: their references and badges follow the mention's link, which
                # the next piece goes on (a link holds no control, nor another link)
                held, notes, badges = (notes, badges), (), ()
            pieces.append(_piece(Piece, (seg.start, seg.end, mention, tuple(a.id for a in anns), tuple(wits),
                                         tuple(opens), notes, badges, any(a.id in approximate for a in anns)
                                         or any(w in approximate_wits for w in wits))))
        yield pieces


def _touching(paragraphs: Sequence[tuple[int, int]], spans: list[Span]) -> Iterator[list[Span]]:
    """The spans that touch each paragraph, in turn (paragraphs in the text's order): each paragraph was given
    every span of the article, so a transcript of 80,000 lines, a paragraph each, with its mentions, took
    minutes (review 68); the spans are taken in order of their start, and those still open carried on."""
    spans = sorted(spans, key=lambda s: s.start)
    carried: list[Span] = []
    at = 0
    for p_start, p_end in paragraphs:
        while at < len(spans) and spans[at].start < p_end:
            carried.append(spans[at])
            at += 1
        carried = [s for s in carried if s.end > p_start]
        yield carried


# [a source, it snapped, its pieces]: the last source walked (`walked`). An article's Markdown and its HTML body
# are made from one source, one after the other (plan/article_pages.py): the second is made from the same walk.
_WALKED: list[Any] = []


def walked(src: ArticleSource) -> tuple[ArticleSource, list[list[Piece]]]:
    """The source `snapped`, and the pieces of each of its paragraphs (`walk`); those of the last source asked
    about again when it is the very same object (a source is never changed, nor are the pieces once made)."""
    if _WALKED and _WALKED[0] is src:
        return _WALKED[1], _WALKED[2]
    ready = snapped(src)
    made = list(walk(ready))
    _WALKED[:] = [src, ready, made]
    return ready, made


def _by_end(marks: Sequence[NoteMark] | Sequence[BadgeMark]) -> dict[int, list]:  # type: ignore[type-arg]
    """Marks grouped by where they end, each group in (end, start, id) order."""
    out: dict[int, list] = {}  # type: ignore[type-arg]
    for mark in sorted(marks, key=lambda m: (m.end, m.start, m.id)):
        out.setdefault(mark.end, []).append(mark)
    return out
