"""Entities: /entities/ (by kind, with the co-occurrence graph) and /entities/<id>/, planned from the Library.

The mentions, links, hovercards, quotes and co-occurrence were found by the analysis (entity_index.py).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from . import entity_views
from ..analyse.entity_graph import neighbours
from ..analyse.library import Library
from .page import Page, context, html

__all__ = ["pages"]


def pages(library: Library, rows: Sequence[Mapping[str, Any]]) -> list[Page]:
    """/entities/ then /entities/<id>/ for every entity. A quote group links to its comparison only when that
    comparison has a page (two witnesses or more placed)."""
    dossier, urls, index = library.dossier, library.urls, library.entities
    by_slug = {r["slug"]: r for r in rows}
    stats = entity_views.mention_stats(index.mentions, [r["slug"] for r in rows])
    entities = {e.id: e for e in dossier.entities}
    compare_urls = {pc.comparison.id: urls.comparison(pc.comparison.id) for pc in library.comparisons.comparisons}
    titles = {c.id: c.title for c in dossier.comparisons}
    annotations = {(r["slug"], a["id"]): a for r in rows for a in r["annotation_rows"]}
    together = neighbours(index.pairs)
    articles = tuple(f"article:{r['slug']}" for r in rows)
    depends = ("site", "entities", "comparisons", "sources", *articles)

    def entity_page(e: Any) -> dict[str, Any]:
        view = entity_views.entity_view(e, entities, stats.get(e.id), index, by_slug, annotations, titles,
                                        compare_urls, together.get(e.id, []), urls)
        return context(dossier, urls, f"entities/{e.id}/index.html", e.name, entity=view)

    out = [html("entities/index.html", "content/entities.yaml", depends, "entities.html",
                lambda: context(dossier, urls, "entities/index.html", "Entities",
                                **entity_views.index_view(entities, stats, index.pairs, index.summaries, urls)))]
    out += [html(f"entities/{e.id}/index.html", e.origin.file, (f"entity:{e.id}", *depends), "entity.html",
                 lambda e=e: entity_page(e))
            for e in dossier.entities]
    return out
