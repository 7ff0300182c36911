"""Articles: the listing rows every index reads, and per article its page, its annotated Markdown and its
W3C annotation page. Pure functions of the Library (library.py)."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Mapping, Sequence

from . import entity_views
from . import listings
from . import structured
from . import views
from . import webanno
from ..analyse.library import Anchored, Library
from ..text.markdown import ArticleSource, NoteMark, article_markdown, resolve_links_for_export
from .page import Page, context, data, html


def _source_name(library: Library, source: str) -> str:
    names = {s.id: s.name for s in library.dossier.sources}
    return names.get(source, source)


def _annotation_row(library: Library, item: Anchored, ann: Any, source_name: str) -> dict[str, Any]:
    """What the article page, tags, the timeline and entity pages show of one placed annotation."""
    urls, meta = library.urls, item.article.meta
    where = item.placed[ann.id]
    quote = item.article.text.text[where.start:where.end]
    return {"id": ann.id, "quote": quote, "kind": ann.kind, "verdict": ann.verdict,
            "at_source": structured.text_fragment(meta.url, quote) if meta.url else "",
            "speaker": ann.speaker, "date": ann.date,
            "tags": [{"name": t, "url": urls.tag(t)} for t in ann.tags],
            "url": urls.annotation(meta.slug, ann.id), "note_html": item.notes_html[ann.id],
            "status": where.status,
            "article": {"slug": meta.slug, "title": meta.title, "url": urls.article(meta.slug),
                        "date": meta.date, "source": source_name}}


def article_row(library: Library, item: Anchored) -> dict[str, Any]:
    """An article as the listings show it (home, sources, tags, timeline, feed, entity pages), with its
    placed annotations' rows in `annotation_rows`."""
    meta = item.article.meta
    source_name = _source_name(library, meta.source)
    rows = [_annotation_row(library, item, ann, source_name) for ann in meta.annotations if ann.id in item.placed]
    return {"slug": meta.slug, "title": meta.title, "url": library.urls.article(meta.slug),
            "date": meta.date, "source": source_name, "source_id": meta.source,
            "wire": meta.wire, "annotations": len(rows), "summary_html": item.summary_html,
            "annotation_rows": rows}


def article_rows(library: Library) -> list[dict[str, Any]]:
    """`article_row` of every article, in the dossier's order (date, then slug)."""
    return [article_row(library, item) for item in library.articles]


class _Once:
    """A value two pages of one article share (the annotated Markdown source): made on first use, dropped when
    the last page takes it, so a build keeps no article's text longer than its pages take to render."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make, self._value = make, None

    def get(self) -> Any:
        if self._value is None:
            self._value = self._make()
        return self._value

    def take(self) -> Any:
        value, self._value = self.get(), None
        return value


def _marked(library: Library, item: Anchored) -> tuple[ArticleSource, str]:
    """The article as the Markdown renderer sees it (notes, mention links, witness badges), and its Markdown."""
    urls, meta = library.urls, item.article.meta
    # One note per id: a duplicate id is the loader's error already, and like the placements and the notes'
    # HTML (dicts by id) the last annotation with that id is the one shown, so each note id is referenced once.
    by_id = {ann.id: ann for ann in meta.annotations if ann.id in item.placed}
    notes = [NoteMark(ann.id, item.placed[ann.id].start, item.placed[ann.id].end,
                      resolve_links_for_export(ann.note, urls.resolve_note_link), ann.kind)
             for ann in by_id.values()]
    src = views.article_source(item.article, notes, library.entities.links.get(meta.slug, ()),
                              library.comparisons.badges.get(meta.slug, ()), _source_name(library, meta.source))
    return src, article_markdown(src)


def _sidenotes(library: Library, item: Anchored, rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Annotation id → its sidenote's inner HTML (label, note, tags)."""
    names = {e.id: e.name for e in library.dossier.entities}
    urls = library.urls
    return {r["id"]: views.sidenote_html(r["note_html"], r["kind"],
                                         (names[r["speaker"]], urls.entity(r["speaker"])) if r["speaker"] in names
                                         else None, [(t["name"], t["url"]) for t in r["tags"]], r["at_source"])
            for r in rows}


def _page_view(library: Library, item: Anchored, row: Mapping[str, Any], marked: _Once,
               outlets: Mapping[str, str]) -> dict[str, Any]:
    dossier, urls, meta = library.dossier, library.urls, item.article.meta
    src, _ = marked.take()  # (the Markdown is the .md page's)
    rows = row["annotation_rows"]
    view = views.article_view(item.article, {s.id: s for s in dossier.sources}.get(meta.source), src,
                              _sidenotes(library, item, rows), urls, rows, item.summary_html, outlets)
    by_id = {e.id: e for e in dossier.entities}
    mentioned = sorted({m.entity for m in library.entities.links.get(meta.slug, ())} |
                       {e for a in meta.annotations for e in a.entities})
    jsonld = structured.news_article(
        dossier, item.article, dossier.config.origin + urls.article(meta.slug), row["source"],
        [(by_id[e], dossier.config.origin + urls.entity(e)) for e in mentioned if e in by_id],
        [{"url": dossier.config.origin + r["url"], "quote": r["quote"], "verdict": r["verdict"]}
         for r in rows if r["kind"] == "fact-check" and r["verdict"]])
    return context(dossier, urls, f"articles/{meta.slug}/index.html", meta.title,
                   meta={"og_type": "article", "outlet": row["source"], "jsonld": jsonld,
                         "description": (meta.summary or meta.title)[:200]},
                   article=view, cards=_cards(library, meta.slug))


def _cards(library: Library, slug: str) -> list[dict[str, Any]]:
    """The hovercards of an article page: one per entity it mentions, in the order of first mention."""
    by_id, index = {e.id: e for e in library.dossier.entities}, library.entities
    return [entity_views.card(by_id[eid], n, index.summaries[eid], library.urls)
            for eid, n in index.counts.get(slug, {}).items()]


def pages(library: Library, rows: Sequence[Mapping[str, Any]]) -> list[Page]:
    """Per article, in order: articles/<slug>.md, articles/<slug>/index.html, articles/<slug>/annotations.jsonld."""
    order = [item.article.slug for item in library.articles]
    # Which page of /sources/ holds each outlet's section, for the article pages' link to their outlet: it
    # follows from every article's row (how much each section weighs), computed once for all the pages.
    outlets = listings.outlet_urls(library, rows)
    out: list[Page] = []
    for index, (item, row) in enumerate(zip(library.articles, rows)):
        slug, file = item.article.slug, item.article.meta.origin.file
        badges = tuple(f"comparison:{b.id[len('w-'):]}" for b in library.comparisons.badges.get(slug, ()))
        # "articles": the page also reads what every article makes (its hovercards count each entity's mentions
        # in all articles; its outlet's page of /sources/ depends on how long the other articles' listings are)
        depends = (f"article:{slug}", "site", "sources", "entities", "articles", *badges)
        marked = _Once(partial(_marked, library, item))
        out.append(data(f"articles/{slug}.md", file, depends, lambda m=marked: m.get()[1].encode("utf-8")))
        out.append(html(f"articles/{slug}/index.html", file, depends, "article.html",
                        partial(_page_view, library, item, row, marked, outlets)))
        neighbours = tuple(f"article:{s}" for s in order[max(0, index - 1):index + 2] if s != slug)
        out.append(data(f"articles/{slug}/annotations.jsonld", file, (f"article:{slug}", "site", *neighbours),
                        partial(webanno.page_json, library.dossier, item, library.urls, order, index)))
    return out
