"""Comparisons: witnesses anchored, badges on articles, /compare/, /compare/<id>/, /passages/, coverage.

`prepare` runs before articles render: it anchors every witness exactly as annotations are anchored
(anchored.place: prefix/suffix, a fuzzy match is a warning, a missing quote an error with the closest
passage), and returns the badge each witness puts on its article plus the coverage matrix for /sources/.
`pages` runs after: it writes the comparison pages and the shared-passages page.

Ids that link the two sides: on an article page the badge after a witness has id `w-<comparison id>`;
on a comparison page the column of a witness has id `w-<article slug>`. Each links to the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .placements import Placed, place
from .compare_figures import figure_table, reading
from .passage_views import Doc, Span, passage_views
from .compare_view import Witnessed, column_set
from .shared_passages import shared_passages
from .errors import Problem
from .markdown import BadgeMark
from .model import Article, Comparison, Dossier, Witness
from .urls import Urls

KINDS = {"quote": "Quote", "figure": "Figure", "framing": "Framing"}
BADGE_LABELS = {"quote": "compare quote", "figure": "compare figure", "framing": "compare framing"}


@dataclass(frozen=True)
class PlacedWitness:
    """A witness found in its article. Invariant: article.slug == witness.article."""

    witness: Witness
    article: Article
    where: Placed

    @property
    def quote(self) -> str:
        return self.article.text.text[self.where.start:self.where.end]


@dataclass(frozen=True)
class PreparedComparison:
    """A comparison with the witnesses that anchored, in column order (article date, then slug)."""

    comparison: Comparison
    witnesses: tuple[PlacedWitness, ...]
    base: str   # slug of the default base: `base:` if given, else the earliest witness


@dataclass(frozen=True)
class ComparisonIndex:
    """What the comparison feature contributes. badges: article slug → witness marks; coverage: for /sources/;
    comparisons and anchored: what `pages` needs (prepare's results, so nothing is anchored twice)."""

    badges: dict[str, tuple[BadgeMark, ...]] = field(default_factory=dict)
    coverage: dict[str, Any] = field(default_factory=lambda: {"outlets": [], "rows": []})
    problems: tuple[Problem, ...] = ()
    comparisons: tuple[PreparedComparison, ...] = ()
    anchored: tuple[Any, ...] = ()
    dossier: Dossier | None = None


def witness_id(comparison_id: str) -> str:
    """The id of a witness badge on its article page."""
    return f"w-{comparison_id}"


def column_id(slug: str) -> str:
    """The id of a witness column on its comparison page."""
    return f"w-{slug}"


def prepare(dossier: Dossier, anchored: Sequence[Any], urls: Urls, strict: bool) -> ComparisonIndex:
    level = "error" if strict else dossier.config.level("anchor-fuzzy", "warning")
    articles = {a.slug: a for a in dossier.articles}
    rank = {a.slug: (a.meta.date, a.slug) for a in dossier.articles}
    problems: list[Problem] = []
    prepared: list[PreparedComparison] = []
    badges: dict[str, list[BadgeMark]] = {}
    for c in sorted(dossier.comparisons, key=lambda c: c.id):
        placed: list[PlacedWitness] = []
        for w in c.witnesses:
            article = articles.get(w.article)
            if article is None:
                continue  # an unknown article (references.py) or one whose file is broken (its own problem)
            where, more, _ = place(article, w.quote, w.prefix, w.suffix, w.origin,
                                   f'comparison "{c.id}", witness "{w.article}": quote',
                                   dossier.config.fuzzy_floor, level)
            problems.extend(more)
            if where is not None:
                placed.append(PlacedWitness(w, article, where))
        placed.sort(key=lambda p: rank[p.article.slug])
        if len(placed) < 2:
            continue  # nothing to set side by side; the problems above say why
        base = c.base if c.base in {p.article.slug for p in placed} else placed[0].article.slug
        prepared.append(PreparedComparison(c, tuple(placed), base))
        for p in placed:
            badges.setdefault(p.article.slug, []).append(BadgeMark(
                witness_id(c.id), p.where.start, p.where.end,
                urls.comparison(c.id) + "#" + column_id(p.article.slug), BADGE_LABELS.get(c.kind, "compare")))
    return ComparisonIndex(
        badges={slug: tuple(sorted(marks, key=lambda b: (b.start, b.end, b.id))) for slug, marks in sorted(badges.items())},
        coverage=_coverage(dossier, prepared, urls), problems=tuple(problems), comparisons=tuple(prepared),
        anchored=tuple(anchored), dossier=dossier)


def _coverage(dossier: Dossier, prepared: Sequence[PreparedComparison], urls: Urls) -> dict[str, Any]:
    """Comparisons (rows) × outlets (columns): which outlet is a witness where, linked to its column."""
    outlets = [{"id": s.id, "name": s.name} for s in dossier.sources]
    rows, totals = [], {s.id: 0 for s in dossier.sources}
    for pc in prepared:
        cells = []
        for s in dossier.sources:
            mine = [p for p in pc.witnesses if p.article.meta.source == s.id]
            totals[s.id] += bool(mine)
            cells.append({"outlet": s.name, "present": bool(mine),
                          "links": [{"url": urls.comparison(pc.comparison.id) + "#" + column_id(p.article.slug),
                                     "date": p.article.meta.date} for p in mine]})
        rows.append({"id": pc.comparison.id, "title": pc.comparison.title, "url": urls.comparison(pc.comparison.id),
                     "kind": pc.comparison.kind, "cells": cells,
                     "count": len({p.article.meta.source for p in pc.witnesses})})
    return {"outlets": outlets, "rows": rows, "totals": [totals[s.id] for s in dossier.sources]}


def pages(site: Any, index: ComparisonIndex, article_rows: Sequence[dict[str, Any]]) -> None:
    dossier = index.dossier
    if dossier is None:
        return
    urls: Urls = site.urls
    sources = {s.id: s.name for s in dossier.sources} | {"": "outlet unknown"}  # an article without source:
    entity_names = {e.id: e.name for e in dossier.entities}

    def comparison_page(part: Any, _: int, pc: PreparedComparison) -> dict[str, Any]:
        c = pc.comparison
        view = _comparison_view(part, pc, sources, urls)
        speaker = {"name": entity_names.get(c.speaker, c.speaker), "url": ""} if c.speaker else None
        if speaker and c.speaker in entity_names:  # every registered entity gets a page
            speaker["url"] = urls.entity(c.speaker)
        part.page(f"compare/{c.id}/index.html", c.origin.file, "comparison.html", c.title,
                  comparison=dict(view, speaker=speaker), index_url=urls.page("compare"))
        return {"id": c.id, "title": c.title, "url": urls.comparison(c.id), "question": c.question,
                "kind": c.kind, "kind_label": KINDS.get(c.kind, c.kind),
                "outlets": len({p.article.meta.source for p in pc.witnesses}),
                "outlet_names": sorted({sources.get(p.article.meta.source, p.article.meta.source)
                                        for p in pc.witnesses}),
                "disagree": view["figures"]["disagree"] if view["figures"] else False}

    site.renderer.warm("comparison.html")
    listing = site.each(index.comparisons, comparison_page)  # pages on every core (SiteWriter.each)
    site.page("compare/index.html", "content/comparisons", "compare_index.html", "Comparisons",
              comparisons=listing, passages_url=urls.page("passages"))
    _passages_page(site, index, sources, urls, [r["slug"] for r in article_rows])


def _comparison_view(site: Any, pc: PreparedComparison, sources: Mapping[str, str], urls: Urls) -> dict[str, Any]:
    c = pc.comparison
    columns = []
    for p in pc.witnesses:
        meta = p.article.meta
        note = site.note_html(p.witness.note) if p.witness.note else ""
        columns.append(Witnessed(meta.slug, p.article.text.text, p.where.start, p.where.end,
                                 sources.get(meta.source, meta.source), meta.date, meta.title,
                                 urls.article(meta.slug), urls.article(meta.slug) + "#" + witness_id(c.id), note))
    figures = None
    if c.kind == "figure":
        figures = figure_table([(p.article.slug, sources.get(p.article.meta.source, p.article.meta.source),
                                 p.article.meta.date, reading(p.witness, p.quote)) for p in pc.witnesses])
    return {"id": c.id, "title": c.title, "question": c.question, "kind": c.kind,
            "kind_label": KINDS.get(c.kind, c.kind),
            "summary_html": site.block_html(c.summary) if c.summary else "",
            "set": column_set("w", columns, pc.base, f"{c.title}: the witnesses side by side"),
            "figures": figures}


def _passages_page(site: Any, index: ComparisonIndex, sources: Mapping[str, str], urls: Urls,
                   order: Sequence[str]) -> None:
    spans: dict[str, list[Span]] = {}
    for item in index.anchored:
        meta = item.article.meta
        for ann_id, where in sorted(item.placed.items()):
            spans.setdefault(meta.slug, []).append(Span(where.start, where.end, urls.annotation(meta.slug, ann_id),
                                                        f"annotation “{ann_id}”"))
    for pc in index.comparisons:
        for p in pc.witnesses:
            spans.setdefault(p.article.slug, []).append(Span(
                p.where.start, p.where.end, urls.comparison(pc.comparison.id) + "#" + column_id(p.article.slug),
                pc.comparison.title, pc.comparison.id))
    articles = [item.article for item in index.anchored]
    docs = {a.slug: Doc(a.slug, a.text.text, a.meta.title, sources.get(a.meta.source, a.meta.source), a.meta.date,
                        urls.article(a.slug), tuple(sorted(spans.get(a.slug, ()), key=lambda s: (s.start, s.end, s.url))))
            for a in articles}
    views = passage_views(shared_passages(articles), docs, order)
    site.page("passages/index.html", "seeds", "passages.html", "Shared passages", passages=views,
              compare_url=urls.page("compare"))
