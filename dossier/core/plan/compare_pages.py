"""Comparisons: /compare/, /compare/<id>/ side by side, and then the passages' pages (passage_pages.py),
planned from the Library.

The witnesses were placed and aligned by the analysis (witnesses.py); here they become pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import AbstractSet, Any

from . import page_spans
from . import paginate
from . import views
from ..analyse.compare_figures import figure_table, figures_disagree
from .interface import article_marks, quote_dir
from . import passage_pages
from .compare_view import Witnessed, column_set
from ..analyse.library import Library
from ..text.markdown import md_html, render_note
from ..load.config import SiteConfig
from ..load.model import Article
from .page import Page, context, html, keyed, site_context
from ..common.identity import SameObjects
from ..common.shards import Each
from ..common.urls import Urls
from ..analyse.witnesses import KINDS, PreparedComparison, column_id, witness_id
from ..common.records import frozen

__all__ = ["pages", "witness_id", "column_id"]


@frozen
class ComparisonInput:
    """Everything /compare/<id>/ reads (page.keyed): the prepared comparison (its witnesses' articles and
    places), the names of its witnesses' outlets, and its speaker as (name, has a page) when it names one."""

    config: SiteConfig
    urls: Urls
    pc: PreparedComparison
    names: Mapping[str, str]
    speaker: tuple[str, bool] | None


def _comparison_input(library: Library, entity_names: Mapping[str, str], outlets: Mapping[str, str],
                      pc: PreparedComparison) -> ComparisonInput:
    """`entity_names`, `outlets`: entity id → name and outlet id → name (`views.outlet_names`), made once
    for all."""
    c = pc.comparison
    speaker = (entity_names.get(c.speaker, c.speaker), c.speaker in entity_names) if c.speaker else None
    # The names of its witnesses' outlets alone (the page shows no other): an article of a new outlet added
    # elsewhere rendered every comparison's page again, to the same bytes.
    names = {p.article.meta.source: outlets[p.article.meta.source] for p in pc.witnesses
             if p.article.meta.source in outlets}
    # The page shows the witnesses' articles' text and metadata, never their annotations: left out, so that
    # editing a note in a witness's article leaves the comparison's page as it was.
    witnesses = tuple(replace(p, article=_STRIPPED.get(p.article.meta.origin.file, (p.article.meta, p.article.text),
                                                        partial(_stripped, p.article)))
                      for p in pc.witnesses)
    return ComparisonInput(library.dossier.config, library.urls, replace(pc, witnesses=witnesses), names, speaker)


def _stripped(article: Article) -> Article:
    return replace(article, meta=replace(article.meta, annotations=()))


# A witness's article without its annotations, kept while its metadata and text are the same objects
# (identity.py): the same value build after build in the live preview, whose page key digests it once.
_STRIPPED: SameObjects[Article] = SameObjects()


def comparison_page(value: ComparisonInput) -> dict[str, Any]:
    """/compare/<id>/: the witnesses side by side."""
    c, urls = value.pc.comparison, value.urls
    view = _comparison_view(value.pc, value.names, urls, value.config.language)
    speaker = None
    if value.speaker:  # every registered entity gets a page
        name, known = value.speaker
        speaker = {"name": name, "url": urls.entity(c.speaker) if known else ""}
    return site_context(value.config, urls, f"compare/{c.id}/index.html", c.title,
                        meta={"description": views.page_description(c.question)},
                        comparison=dict(view, speaker=speaker), index_url=urls.page("compare"))


def _listing_row(library: Library, sources: Mapping[str, str], pc: PreparedComparison) -> dict[str, Any]:
    """A comparison as /compare/ lists it (`sources`: `views.outlet_names`, made once for all)."""
    c = pc.comparison
    return {"id": c.id, "title": c.title, "url": library.urls.comparison(c.id), "question": c.question,
            "kind": c.kind, "kind_label": KINDS.get(c.kind, c.kind),
            "outlets": len({p.article.meta.source for p in pc.witnesses}),
            "outlet_names": sorted({sources.get(p.article.meta.source, p.article.meta.source) for p in pc.witnesses}),
            "disagree": c.kind == "figure" and figures_disagree([p.reading for p in pc.witnesses])}


def _listing_weight(pc: PreparedComparison) -> int:
    """A comparison's estimated bytes in /compare/: its title, question and outlets' names, and ~400 of markup."""
    c = pc.comparison
    return 400 + 2 * len(c.title) + len(c.id) + len(c.question) + 2 * sum(len(p.article.meta.source) + 12
                                                                          for p in pc.witnesses)


def _figures(pc: PreparedComparison, sources: Mapping[str, str], language: str = "") -> Any:
    """The figures table of a figure comparison, each row with the marks of its article's language (a figure as
    written is the article's words) where that is another than the site's `language`, and of the direction of
    its paragraph there, likewise (interface.quote_dir)."""
    if pc.comparison.kind != "figure":
        return None
    table = figure_table([(p.article.slug, sources.get(p.article.meta.source, p.article.meta.source),
                           p.article.meta.date, p.reading) for p in pc.witnesses])
    marks: dict[str, dict[str, str]] = {}
    for p in pc.witnesses:  # (the first witness of an article, as the table's row of it)
        marks.setdefault(p.article.slug, {"lang": article_marks(p.article.meta.language, language)["lang"],
                                          "dir": quote_dir(p.article.text.text, p.where.start, language)})
    return dict(table, rows=[dict(row, **marks[row["key"]]) for row in table["rows"]])


def _depends(pc: PreparedComparison) -> tuple[str, ...]:
    return (f"comparison:{pc.comparison.id}", "site", "sources", "entities",
            *(f"article:{p.article.slug}" for p in pc.witnesses))


def pages(library: Library, only: AbstractSet[str] | None = None, each: Each | None = None) -> list[Page]:
    """/compare/<id>/ for every comparison with two witnesses or more, then /compare/, then the passages' pages
    (passage_pages.py). `only`: the pages of the comparisons whose file is one of these, alone. `each` (the
    build's): the passages' listing is kept through it (article_passages.listing)."""
    urls = library.urls
    prepared = library.comparisons.comparisons
    if only is not None:
        prepared = tuple(pc for pc in prepared if pc.comparison.origin.file in only)
    else:
        _STRIPPED.new_build()  # (the whole plan's call: what it does not use is dropped)
    entity_names, outlets = {e.id: e.name for e in library.dossier.entities}, views.outlet_names(library.dossier)
    out = [keyed(f"compare/{pc.comparison.id}/index.html", pc.comparison.origin.file, _depends(pc),
                 "comparison.html", comparison_page, partial(_comparison_input, library, entity_names, outlets, pc))
           for pc in prepared]
    if only is not None:
        return out
    every = tuple(key for pc in prepared for key in _depends(pc))
    out += [html(part.path, "content/comparisons", every, "compare_index.html",
                 lambda part=part: context(library.dossier, urls, part.path, part.title,
                                           pagination=part.navigation(urls), total=len(prepared),
                                           first=part.items.start + 1,
                                           comparisons=[_listing_row(library, outlets, pc) for pc in part.of(prepared)],
                                           passages_url=urls.page("passages")))
            for part in paginate.slices("compare/", "Comparisons", [_listing_weight(pc) for pc in prepared],
                                        paginate.COMPARISONS_PER_PAGE, describe=page_spans.numbered("Comparisons"))]
    return out + passage_pages.pages(library, each)


def _comparison_view(pc: PreparedComparison, sources: Mapping[str, str], urls: Urls, language: str = ""
                     ) -> dict[str, Any]:
    c = pc.comparison
    columns = []
    for p in pc.witnesses:
        meta = p.article.meta
        note = render_note(p.witness.note, urls.resolve_note_link)[0] if p.witness.note else ""
        columns.append(Witnessed(meta.slug, p.article.text.text, p.where.start, p.where.end,
                                 sources.get(meta.source, meta.source), meta.date, meta.title,
                                 urls.article(meta.slug), urls.article(meta.slug) + "#" + witness_id(c.id), note,
                                 meta.language, p.where.status == "fuzzy"))
    figures = _figures(pc, sources, language)
    return {"id": c.id, "title": c.title, "question": c.question, "kind": c.kind,
            "kind_label": KINDS.get(c.kind, c.kind),
            "summary_html": md_html(c.summary, urls)[0] if c.summary else "",
            "set": column_set("w", columns, pc.base, f"{c.title}: the witnesses side by side", language),
            "figures": figures}
