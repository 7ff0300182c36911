"""Comparisons: /compare/, /compare/<id>/ side by side, and /passages/, planned from the Library.

The witnesses were placed and aligned by the analysis (witnesses.py); here they become pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import paginate
from . import views
from ..analyse.compare_figures import figure_table
from .passage_views import Doc, Piece, Span, passage_views, piece_weight, pieces
from .compare_view import Witnessed, column_set
from ..analyse.library import Library
from ..text.markdown import md_html, render_note
from .page import Page, context, html
from ..common.urls import Urls
from ..analyse.witnesses import KINDS, PreparedComparison, column_id, witness_id

__all__ = ["pages", "witness_id", "column_id"]


def _names(library: Library) -> dict[str, str]:
    """Outlet id → name; an article without `source:` shows "outlet unknown"."""
    return {s.id: s.name for s in library.dossier.sources} | {"": "outlet unknown"}


def _page_view(library: Library, pc: PreparedComparison) -> dict[str, Any]:
    c, urls = pc.comparison, library.urls
    entity_names = {e.id: e.name for e in library.dossier.entities}
    view = _comparison_view(pc, _names(library), urls)
    speaker = {"name": entity_names.get(c.speaker, c.speaker), "url": ""} if c.speaker else None
    if speaker and c.speaker in entity_names:  # every registered entity gets a page
        speaker["url"] = urls.entity(c.speaker)
    return context(library.dossier, urls, f"compare/{c.id}/index.html", c.title,
                   comparison=dict(view, speaker=speaker), index_url=urls.page("compare"))


def _listing_row(library: Library, pc: PreparedComparison) -> dict[str, Any]:
    c, sources = pc.comparison, _names(library)
    figures = _figures(pc, sources)
    return {"id": c.id, "title": c.title, "url": library.urls.comparison(c.id), "question": c.question,
            "kind": c.kind, "kind_label": KINDS.get(c.kind, c.kind),
            "outlets": len({p.article.meta.source for p in pc.witnesses}),
            "outlet_names": sorted({sources.get(p.article.meta.source, p.article.meta.source) for p in pc.witnesses}),
            "disagree": figures["disagree"] if figures else False}


def _figures(pc: PreparedComparison, sources: Mapping[str, str]) -> Any:
    if pc.comparison.kind != "figure":
        return None
    return figure_table([(p.article.slug, sources.get(p.article.meta.source, p.article.meta.source),
                          p.article.meta.date, p.reading) for p in pc.witnesses])


def _depends(pc: PreparedComparison) -> tuple[str, ...]:
    return (f"comparison:{pc.comparison.id}", "site", "sources", "entities",
            *(f"article:{p.article.slug}" for p in pc.witnesses))


def pages(library: Library) -> list[Page]:
    """/compare/<id>/ for every comparison with two witnesses or more, then /compare/, then /passages/."""
    urls = library.urls
    prepared = library.comparisons.comparisons
    out = [html(f"compare/{pc.comparison.id}/index.html", pc.comparison.origin.file, _depends(pc), "comparison.html",
                lambda pc=pc: _page_view(library, pc)) for pc in prepared]
    every = tuple(key for pc in prepared for key in _depends(pc))
    out.append(html("compare/index.html", "content/comparisons", every, "compare_index.html",
                    lambda: context(library.dossier, urls, "compare/index.html", "Comparisons",
                                    comparisons=[_listing_row(library, pc) for pc in prepared],
                                    passages_url=urls.page("passages"))))
    articles = tuple(f"article:{item.article.slug}" for item in library.articles)
    items = pieces([len(p.occurrences) for p in library.passages])
    parts = paginate.slices("passages/", "Shared passages",
                            [piece_weight(library.passages[x.passage], x) for x in items], paginate.PASSAGES_PER_PAGE)
    out += [html(part.path, "seeds", ("site", "sources", "comparisons", *articles), "passages.html",
                 lambda part=part: _passages_view(library, items, parts, part))
            for part in parts]
    return out


def _comparison_view(pc: PreparedComparison, sources: Mapping[str, str], urls: Urls) -> dict[str, Any]:
    c = pc.comparison
    columns = []
    for p in pc.witnesses:
        meta = p.article.meta
        note = render_note(p.witness.note, urls.resolve_note_link)[0] if p.witness.note else ""
        columns.append(Witnessed(meta.slug, p.article.text.text, p.where.start, p.where.end,
                                 sources.get(meta.source, meta.source), meta.date, meta.title,
                                 urls.article(meta.slug), urls.article(meta.slug) + "#" + witness_id(c.id), note))
    figures = _figures(pc, sources)
    return {"id": c.id, "title": c.title, "question": c.question, "kind": c.kind,
            "kind_label": KINDS.get(c.kind, c.kind),
            "summary_html": md_html(c.summary, urls)[0] if c.summary else "",
            "set": column_set("w", columns, pc.base, f"{c.title}: the witnesses side by side"),
            "figures": figures}


def _continuations(urls: Urls, items: Sequence[Piece], parts: Sequence[paginate.Slice],
                   part: paginate.Slice) -> dict[int, str]:
    """For each piece on `part` that a later piece continues (by its index on the page), that piece's URL."""
    holder = {i: p.path for p in parts for i in p.items}
    return {i - part.items.start: f"{urls.link(holder[i + 1])}#{items[i + 1].heading_id}"
            for i in part.items if i + 1 < len(items) and items[i + 1].continued}


def _passages_view(library: Library, items: Sequence[Piece], parts: Sequence[paginate.Slice],
                   part: paginate.Slice) -> dict[str, Any]:
    """One page of /passages/: its passages (or pieces of them), with what they need of their articles."""
    urls, sources = library.urls, _names(library)
    mine = part.of(items)
    used = {o.doc for x in mine for o in library.passages[x.passage].occurrences}
    spans: dict[str, list[Span]] = {}
    for item in library.articles:
        meta = item.article.meta
        if meta.slug not in used:
            continue
        for ann_id, where in sorted(item.placed.items()):
            spans.setdefault(meta.slug, []).append(Span(where.start, where.end, urls.annotation(meta.slug, ann_id),
                                                        f"annotation “{ann_id}”"))
    for pc in library.comparisons.comparisons:
        for p in pc.witnesses:
            if p.article.slug in used:
                spans.setdefault(p.article.slug, []).append(Span(
                    p.where.start, p.where.end, urls.comparison(pc.comparison.id) + "#" + column_id(p.article.slug),
                    pc.comparison.title, pc.comparison.id))
    docs = {a.slug: Doc(a.slug, a.text.text, a.meta.title, sources.get(a.meta.source, a.meta.source), a.meta.date,
                        urls.article(a.slug), tuple(sorted(spans.get(a.slug, ()), key=lambda s: (s.start, s.end, s.url))))
            for a in (item.article for item in library.articles) if a.slug in used}
    order = [item.article.slug for item in library.articles]
    return context(library.dossier, urls, part.path, part.title, pagination=part.navigation(urls),
                   passages=passage_views(mine, library.passages, docs, order,
                                          _continuations(urls, items, parts, part)),
                   compare_url=urls.page("compare"))
