"""Comparisons analysed: every witness placed in its article (a figure's reading normalised), the badges on
articles, the coverage matrix.

Part of the analysis (library.py): runs once per build, before anything is planned or rendered.

Ids that link the two sides: on an article page the badge after a witness has id `w-<comparison id>`;
on a comparison page the column of a witness has id `w-<article slug>`. Each links to the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import field, replace
from typing import Any

from .anchors import AnchorResult, anchor_quote
from .placements import Placed, place
from ..common.identity import SameObjects
from ..common.memo import digest
from ..common.shards import Each, in_sequence
from .compare_figures import Reading, reading, value_slip
from .figure_units import LeftOut, left_out, words_written
from .figures import Figure, describe, find_figures
from ..common.errors import Problem, warning
from ..text.markdown import BadgeMark
from ..load.model import Article, Comparison, Dossier, Witness
from ..common.urls import Urls
from ..common.records import frozen

KINDS = {"quote": "Quote", "figure": "Figure", "framing": "Framing"}
BADGE_LABELS = {"quote": "compare quote", "figure": "compare figure", "framing": "compare framing"}
# After the label of a witness whose quote was matched only approximately (anchor-fuzzy): its words on the article
# page are the text's, not the ones the editors quoted (its column on the comparison page says so at length).
APPROXIMATE_BADGE = " (approximate match)"


@frozen
class PlacedWitness:
    """A witness found in its article. Invariant: article.slug == witness.article; `reading` (the figure its
    words state, normalised) is set exactly when its comparison is of kind "figure"."""

    witness: Witness
    article: Article
    where: Placed
    reading: Reading | None = None

    @property
    def quote(self) -> str:
        return self.article.text.text[self.where.start:self.where.end]


@frozen
class PreparedComparison:
    """A comparison with the witnesses that anchored, in column order (article date, then slug)."""

    comparison: Comparison
    witnesses: tuple[PlacedWitness, ...]
    base: str   # slug of the default base: `base:` if given, else the earliest witness


@frozen
class ComparisonIndex:
    """What the comparison feature contributes. badges: article slug → witness marks; coverage: for /sources/;
    comparisons: every comparison with at least two witnesses placed, by id (each gets a page)."""

    badges: dict[str, tuple[BadgeMark, ...]] = field(default_factory=dict)
    coverage: dict[str, Any] = field(default_factory=lambda: {"outlets": [], "rows": []})
    problems: tuple[Problem, ...] = ()
    comparisons: tuple[PreparedComparison, ...] = ()


def witness_id(comparison_id: str) -> str:
    """The id of a witness badge on its article page."""
    return f"w-{comparison_id}"


def column_id(slug: str) -> str:
    """The id of a witness column on its comparison page."""
    return f"w-{slug}"


Found = Mapping[tuple[Any, ...], AnchorResult]  # (article, quote, prefix, suffix) → where it is


def anchor_witnesses(dossier: Dossier, each: Each = in_sequence) -> dict[tuple[str, str, str | None, str | None],
                                                                         AnchorResult]:
    """(article, quote, prefix, suffix) → where anchors.anchor_quote finds it, for every witness whose article
    exists: each looked up once per build (align and the entity quotes both read them), through `each`, by
    the article text's digest and the quote (the cache keeps them while both stay as they are)."""
    texts = {a.slug: a.text.text for a in dossier.articles}
    floor = dossier.config.fuzzy_floor
    wanted = list(dict.fromkeys((w.article, w.quote, w.prefix, w.suffix)
                                for c in dossier.comparisons for w in c.witnesses if w.article in texts))
    items = [(texts[slug], quote, prefix, suffix, floor) for slug, quote, prefix, suffix in wanted]
    found = each("witness", lambda it: anchor_quote(it[0], it[1], it[2], it[3], fuzzy_floor=it[4]),
                 lambda it: (digest(it[0]), *it[1:]), items)
    return dict(zip(wanted, found))


def align(dossier: Dossier, urls: Urls, level: str, found: Found | None = None, each: Each = in_sequence
          ) -> ComparisonIndex:
    """Every witness anchored exactly as annotations are (placements.place: prefix/suffix; a fuzzy match is a
    `level` problem, a missing quote an error with the closest passage); the badge each puts on its article,
    and the coverage matrix for /sources/. `level`: the severity of a fuzzy match. `found`: the witnesses'
    anchoring, when `anchor_witnesses` did it already; `each`: how the figure witnesses' figures are read
    (`figures_read`)."""
    articles = {a.slug: a for a in dossier.articles}
    problems: list[Problem] = []
    prepared: list[PreparedComparison] = []
    badges: dict[str, list[BadgeMark]] = {}
    floor, found, language = dossier.config.fuzzy_floor, found or {}, dossier.config.language
    figures = figures_read(dossier, found, each)
    known = words_written(lambda: (a.text.text for a in dossier.articles))
    _KEPT.new_build()
    for c in sorted(dossier.comparisons, key=lambda c: c.id):
        mine = [articles.get(w.article) for w in c.witnesses]
        # kept while made of the very same comparison, witnesses' articles (metadata and text) and anchoring,
        # with equal settings
        sources = (c, *[part for a in mine for part in ((a.meta, a.text) if a else (None, None))],
                   *[found.get((w.article, w.quote, w.prefix, w.suffix)) for w in c.witnesses])
        made, more = _KEPT.get(("comparison", c.id, floor, level, language), sources,
                               lambda: _prepare(c, mine, floor, level, found, figures, language))
        problems.extend(more)
        if made is None:
            continue  # nothing to set side by side; the problems above say why
        problems.extend(_units_said(made, known))   # (not kept with it: whether a word is real asks every text)
        prepared.append(made)
        for p in made.witnesses:
            fuzzy = p.where.status == "fuzzy"
            badges.setdefault(p.article.slug, []).append(BadgeMark(
                witness_id(c.id), p.where.start, p.where.end, urls.comparison(c.id) + "#" + column_id(p.article.slug),
                BADGE_LABELS.get(c.kind, "compare") + (APPROXIMATE_BADGE if fuzzy else ""), fuzzy,
                " ".join(c.title.split())))
    return ComparisonIndex(
        badges={slug: tuple(sorted(marks, key=lambda b: (b.start, b.end, b.id))) for slug, marks in sorted(badges.items())},
        coverage=_coverage(dossier, prepared, urls), problems=tuple(problems), comparisons=tuple(prepared))


def prepare_one(c: Comparison, dossier: Dossier, level: str, each: Each) -> tuple[PreparedComparison | None,
                                                                                tuple[Problem, ...]]:
    """What `align` makes of the one comparison `c` among `dossier`'s articles (its witnesses anchored through
    `each` under `anchor_witnesses`' keys), with its problems: the live preview's page of a saved comparison
    file, execute/ahead.py."""
    articles = {a.slug: a for a in dossier.articles}
    found = anchor_witnesses(replace(dossier, comparisons=(c,)), each)
    made, problems = _prepare(c, [articles.get(w.article) for w in c.witnesses], dossier.config.fuzzy_floor, level,
                              found, language=dossier.config.language)
    known = words_written(lambda: (a.text.text for a in dossier.articles))
    return made, problems + (_units_said(made, known) if made is not None else ())


# What one comparison's witnesses make (identity.py: the live preview places again only the comparisons whose
# file, or a witness article's metadata or text, changed), and each coverage row
_KEPT: SameObjects[Any] = SameObjects()


def figures_read(dossier: Dossier, found: Found, each: Each) -> dict[tuple[str, str], tuple[Figure, ...]]:
    """The figures in each figure comparison's witness quote, as `found` anchored it, by quote text and the
    language its article is written in (`written_in`), read
    through `each` (the command line's cache keeps them: finding them took ~20 ms of every build at 1,000
    articles, and 4 % of a rebuild of the repo's dossier). `place` puts a witness where `found` says, so
    `_prepare` finds its quote here; one `found` has no anchoring for is read by `reading` itself."""
    articles = {a.slug: a for a in dossier.articles}
    quotes: dict[tuple[str, str], None] = {}   # (a quote, the language its article is written in)
    for c in (c for c in dossier.comparisons if c.kind == "figure"):
        for w in c.witnesses:
            at = found.get((w.article, w.quote, w.prefix, w.suffix))
            if at is not None and at.start is not None and at.end is not None and w.article in articles:
                a = articles[w.article]
                quotes[a.text.text[at.start:at.end], written_in(a, dossier.config.language)] = None
    return dict(zip(quotes, each("figures", lambda item: find_figures(*item), lambda item: item, list(quotes))))


def written_in(article: Article, site_language: str) -> str:
    """The language an article's numbers are written as: its own (`language:`), else the site's. A French article
    quoted on an English site writes "32 000" for 32,000 (read as the site's, it was 32)."""
    return article.meta.language or site_language


def _prepare(c: Comparison, mine: Sequence[Article | None], floor: float, level: str, found: Found,
             figures: Mapping[tuple[str, str], tuple[Figure, ...]] | None = None, language: str = "en"
             ) -> tuple[PreparedComparison | None, tuple[Problem, ...]]:
    """One comparison's witnesses placed (`mine`: each one's article, None when unknown or broken), in column
    order, with the problems of those that do not anchor; None when fewer than two anchor. `figures`: quotes'
    figures read already (`figures_read`)."""
    placed: list[PlacedWitness] = []
    problems: list[Problem] = []
    for w, article in zip(c.witnesses, mine):
        if article is None:
            continue  # an unknown article (references.py) or one whose file is broken (its own problem)
        where, more, _ = place(article, w.quote, w.prefix, w.suffix, w.origin,
                               f'comparison "{c.id}", witness "{w.article}": quote', floor, level,
                               found.get((w.article, w.quote, w.prefix, w.suffix)), (w.prefix_origin, w.suffix_origin))
        problems.extend(more)
        if where is not None:
            quote, written = article.text.text[where.start:where.end], written_in(article, language)
            read = (figures or {}).get((quote, written))
            placed.append(PlacedWitness(w, article, where, reading(w, quote, read, written)
                                        if c.kind == "figure" else None))
            slip = value_slip(w, quote, read, written) if c.kind == "figure" else None
            if slip is not None:
                problems.append(_slipped(c, w, slip))
    placed.sort(key=lambda p: (p.article.meta.date, p.article.slug))
    if len(placed) < 2:
        return None, tuple(problems)
    base = c.base if c.base in {p.article.slug for p in placed} else placed[0].article.slug
    return PreparedComparison(c, tuple(placed), base), tuple(problems)


def _slipped(c: Comparison, w: Witness, near: Figure) -> Problem:
    """The warning of a figure witness whose `value:` is none of its quote's figures, though close to one."""
    at = w.value_origin or w.origin
    shown = f"{near.value:g}" if near.value != int(near.value) else str(int(near.value))
    given = f"{w.value:g}" if w.value != int(w.value) else str(int(w.value))  # type: ignore[arg-type]
    return warning(at.file, at.line, at.col, f'comparison "{c.id}", witness "{w.article}": value {given} is not the '
                   f'figure its quote gives, "{near.text}"', f"did you mean {shown}? (value: is for a figure the "
                   "quote does not write in digits; without it the quote's own figure is shown)", "figure-value")


def _units_said(pc: PreparedComparison, known: Callable[[str], bool]) -> tuple[Problem, ...]:
    """The warnings of a figure comparison's witnesses the figures table compares with no figure of the unit they
    likely count (figure_units.left_out, given the witnesses in the order the file lists them). `known`: whether
    a word is written in the dossier's texts."""
    c = pc.comparison
    if c.kind != "figure":
        return ()
    order = {id(w): i for i, w in enumerate(c.witnesses)}
    placed = sorted(pc.witnesses, key=lambda p: order[id(p.witness)])
    return tuple(_set_apart(c, placed[lo.place], lo) for lo in left_out(
        [p.witness for p in placed], [p.reading for p in placed], known))  # type: ignore[misc]


def _set_apart(c: Comparison, p: PlacedWitness, lo: LeftOut) -> Problem:
    """The warning of a figure witness the figures table compares with no figure of the unit it likely counts
    (figure_units.left_out): at its `unit:`, or at the witness when it has none."""
    w, figure = p.witness, p.reading.figure  # type: ignore[union-attr]
    at = (w.unit_origin if lo.written else w.article_origin) or w.origin
    shown = f'"{figure.text or describe(figure)}"'  # type: ignore[union-attr]
    theirs = f'"{lo.theirs}"' + ("" if lo.they_wrote else ", as their quotes word it")
    write = f"write `unit: {lo.theirs}`" if lo.theirs else "write the same unit:"
    same = "(only figures of one unit are compared)"
    if not lo.written:
        counts = f'counts "{lo.unit}", as its quote words it,' if lo.unit else "counts what its quote does not say"
        why = f"it has no unit:, so its figure, {shown}, {counts} and is not compared with the others' ({theirs})"
        hint = f"{write} in this witness if its figure counts the same thing {same}; else the unit of what it counts"
    elif lo.alike:
        why = (f'unit "{lo.unit}" is not the others\' "{lo.theirs}", so its figure, {shown}, is not compared with '
               "theirs")
        hint = f'did you mean "{lo.theirs}"? {write} if its figure counts the same thing {same}'
    else:
        why = (f'unit "{lo.unit}" is not "{lo.theirs}", which the others count (those without unit: as their quotes '
               f"word it), so its figure, {shown}, is not compared with theirs")
        hint = f"write `unit: {lo.unit}` in the others too if their figures count the same thing {same}"
    return warning(at.file, at.line, at.col, f'comparison "{c.id}", witness "{w.article}": {why}', hint,
                   "figure-unit")


def _coverage(dossier: Dossier, prepared: Sequence[PreparedComparison], urls: Urls) -> dict[str, Any]:
    """Comparisons (rows) × outlets (columns): which outlet is a witness where, linked to its column."""
    outlets = [{"id": s.id, "name": s.name} for s in dossier.sources]
    rows, totals = [], {s.id: 0 for s in dossier.sources}
    for pc in prepared:
        row = _KEPT.get(("row", pc.comparison.id, urls.base), (pc, dossier.sources),
                        lambda: _row(pc, dossier.sources, urls))
        for s, cell in zip(dossier.sources, row["cells"]):
            totals[s.id] += cell["present"]
        rows.append(row)
    return {"outlets": outlets, "rows": rows, "totals": [totals[s.id] for s in dossier.sources]}


def _row(pc: PreparedComparison, sources: Sequence[Any], urls: Urls) -> dict[str, Any]:
    """One comparison's row of the coverage matrix: a cell per outlet, linking its witnesses' columns."""
    cells = []
    for s in sources:
        mine = [p for p in pc.witnesses if p.article.meta.source == s.id]
        cells.append({"outlet": s.name, "present": bool(mine),
                      "links": [{"url": urls.comparison(pc.comparison.id) + "#" + column_id(p.article.slug),
                                 "date": p.article.meta.date} for p in mine]})
    return {"id": pc.comparison.id, "title": pc.comparison.title, "url": urls.comparison(pc.comparison.id),
            "kind": pc.comparison.kind, "cells": cells, "count": len({p.article.meta.source for p in pc.witnesses})}
