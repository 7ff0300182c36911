"""Entities: /entities/ (by kind, with the co-occurrence graph), /entities/<id>/ and the hovercards of every
entity (entities/cards.json), planned from the Library.

The mentions, links, hovercards, quotes and co-occurrence were found by the analysis (entity_index.py).
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any, Mapping, Sequence

from . import entity_views
from . import page_spans
from . import paginate
from . import views
from ..analyse.entity_graph import neighbours
from ..analyse.library import Library
from ..common.identity import EachOf, SameObjects
from ..common.memo import digest
from ..common.jsonout import dump_bytes
from ..common.urls import CARDS, Urls
from ..load.config import SiteConfig
from ..load.model import Entity
from .page import Digested, Page, Row, RowMap, Shared, context, html, keyed, site_context
from ..common.records import frozen

__all__ = ["pages"]


@frozen
class EntityInput:
    """Everything /entities/<id>/ reads (page.keyed): the entity, its mentions in all, what it shows of each
    article naming it (entity_views.places: the names as written, the sentences), its quote groups and
    summary; of the articles it lists their title, link, outlet and date; the annotations and comparisons
    its quote groups link to; the entities it is named with (and how often) or holds a role of (what it shows
    of them, their name and link: entity_views.face, so that an edit of one's summary or aliases renders no page
    that names it beside its own entity again: 37 of them to the same bytes at 1,000 articles)."""

    config: SiteConfig
    urls: Urls
    entity: Entity
    total: int
    named: tuple[entity_views.Place, ...]
    groups: tuple[Any, ...]
    summary_html: str
    entities: Mapping[str, entity_views.EntityFace]
    rows: Mapping[str, Mapping[str, Any]]
    annotations: Mapping[tuple[str, str], Mapping[str, Any]]
    titles: Mapping[str, str]
    compare_urls: Mapping[str, str]
    together: tuple[tuple[str, int], ...]
    kind_url: str = ""  # its kind's heading in /entities/ (on the page of it where the kind begins)


class EntityPage:
    """The view of page `part` of /entities/<id>/ (paginate.Slice over the articles that name the entity): the
    first is the entity's page, with the mentions in context of the first articles; each further page goes on
    with those of the next (an entity named 13,000 times made a page of 3.2 MB, review 68). An entity named in
    few articles has one page, as before. The part is the view's, so the one input is shared by its pages; the
    view's name carries the part, so each page's key does."""

    def __init__(self, part: paginate.Slice) -> None:
        self.part = part
        self.__qualname__ = f"EntityPage.at.{part.number}.of.{part.count}.{part.items.start}.{part.items.stop}"

    def __call__(self, value: EntityInput) -> dict[str, Any]:
        return entity_page(value, self.part)


def entity_page(value: EntityInput, part: paginate.Slice | None = None) -> dict[str, Any]:
    """/entities/<id>/ (page `part` of it, when given)."""
    e = value.entity
    view = dict(_view(value), continued=part is not None and part.number > 1, shown=None, kind_url=value.kind_url)
    if part is None or part.count == 1:
        return site_context(value.config, value.urls, f"entities/{e.id}/index.html", e.name, entity=view,
                            pagination=None,
                            meta={"description": views.page_description(e.summary)} if e.summary else None)
    # (each page lists the articles of its part, in its sources table and with their mentions in context: on
    # the first page alone, the table of 4,000 articles was 815 kB, review 70)
    view.update(backlinks=list(part.of(view["backlinks"])), sources=list(part.of(view["sources"])),
                shown={"first": part.items.start + 1, "last": part.items.stop})
    return site_context(value.config, value.urls, part.path, part.title, entity=view,
                        pagination=part.navigation(value.urls),
                        meta={"description": views.page_description(e.summary)} if e.summary else None)


# [an entity page's input, its view]: the pages of one entity are made one after another from one input, and
# its view walks every article naming it (review 70: 40 pages took 2 s); one slot, read once (threads)
_VIEWS: list[tuple[Any, Any]] = [(None, None)]


def _view(value: EntityInput) -> dict[str, Any]:
    kept = _VIEWS[0]
    if kept[0] is not value:
        kept = _VIEWS[0] = (value, entity_views.entity_view(
            value.entity, value.entities, value.total, value.named, value.groups, value.rows, value.annotations,
            value.titles, value.compare_urls, value.together, value.summary_html, value.urls,
            value.config.language))
    return kept[1]


# What a page of an entity's mentions in context weighs (paginate.split): an article's heading, and a sentence
# with its markup, in bytes, from the repo's dossier and a generated one (sentences of 150-400 characters)
CONTEXT_ARTICLE_BYTES, CONTEXT_SENTENCE_BYTES = 450, 450  # (an article's row in the sources table: 200 of them)
ENTITY_ARTICLES_PER_PAGE = 200


@frozen
class CardsInput:
    """Everything entities/cards.json reads (page.keyed): of each entity, what its card shows (entity_views.face:
    so an alias or a role edited leaves the file as it was) and its summary's HTML."""

    urls: Urls
    entities: tuple[tuple[entity_views.EntityFace, str], ...]


def cards_json(value: CardsInput) -> bytes:
    """entities/cards.json: entity id → its hovercard (entity_views.card), a line each, in the registry's order,
    of each entity an article names.
    Once for the site, where each article page held the cards of the entities it names (4.3 KB a page of a
    generated 1,000-article dossier, ~4 % of the site)."""
    return dump_bytes({e.id: entity_views.card(e, summary, value.urls) for e, summary in value.entities}, levels=1)


@frozen
class _Everything:
    """What the entity pages' inputs are cut from, made once for all of them."""

    library: Library
    stats: Mapping[str, Any]
    entities: Mapping[str, entity_views.EntityFace]  # what a page shows of another entity (name, link)
    rows: Mapping[str, Row]   # slug → what an entity page shows of the article (`_face`)
    annotations: Mapping[tuple[str, str], Mapping[str, Any]]
    titles: Mapping[str, str]
    compare_urls: Mapping[str, str]
    together: Mapping[str, Sequence[tuple[str, int]]]
    kind_pages: Mapping[str, str]  # kind → the link to the page of /entities/ where it begins (`_index_parts`)


# What an entity weighs in /entities/ (its row's markup, beside its name and summary), and how many a page lists:
# 500 generated entities with one-line summaries make ~150 kB; 5,000 with two-sentence ones made 2.96 MB
# (review 68)
INDEX_ROW_BYTES, ENTITIES_PER_PAGE = 250, 1_000


def _index_parts(entities: Mapping[str, Entity], summaries: Mapping[str, str], urls: Urls
                 ) -> tuple[list[paginate.Slice], dict[str, str]]:
    """The pages of /entities/ (paginate.slices over `entity_views.index_order`) and the link to the page where
    each kind begins ("" for the first page, which holds the graph)."""
    ordered = entity_views.index_order(entities)
    weights = [INDEX_ROW_BYTES + len(e.name) + len(summaries.get(e.id, "")) for e in ordered]
    parts = paginate.slices("entities/", "Entities", weights, ENTITIES_PER_PAGE,
                            describe=page_spans.named([e.name for e in ordered],
                                                      [entity_views.kind_heading(e.kind) for e in ordered],
                                                      "Entities"))
    kind_pages = {"": urls.link(parts[0].path)}
    for part in parts:
        for e in part.of(ordered):
            kind_pages.setdefault(e.kind, urls.link(part.path))
    return parts, kind_pages


def _dated(dates: Mapping[str, str], where: Mapping[str, Any]) -> page_spans.Describe:
    """The pages of an entity's mentions by the dates of their articles (`where`: the articles, in the dossier's
    order, by date), the articles' dates looked up only for an entity whose mentions take several pages."""
    return page_spans.later(lambda: page_spans.dated([dates[slug] for slug in where], "Articles"))


def _entity_input(every: _Everything, e: Entity) -> EntityInput:
    index, stats = every.library.entities, every.stats.get(e.id)
    named = Digested(entity_views.places(e.id, stats, index))
    groups = index.quotes.get(e.id, ())
    quoted = [it for g in groups for it in g.items]
    rows = RowMap({s: every.rows[s] for s in (*(p.slug for p in named), *(it.article for it in quoted))
                   if s in every.rows})
    notes = {(it.article, it.annotation): {"url": every.annotations[(it.article, it.annotation)]["url"]}
             for it in quoted if it.annotation and (it.article, it.annotation) in every.annotations}
    together = tuple(every.together.get(e.id, []))
    mentioned = {e.id, *(t for t, _ in together), *(r.of for r in e.roles)}
    return EntityInput(every.library.dossier.config, every.library.urls, e, stats.total if stats else 0, named,
                       tuple(groups), index.summaries.get(e.id, ""),
                       {i: every.entities[i] for i in sorted(mentioned) if i in every.entities}, rows, notes,
                       {g.comparison: every.titles[g.comparison] for g in groups if g.comparison in every.titles},
                       {g.comparison: every.compare_urls[g.comparison] for g in groups
                        if g.comparison in every.compare_urls}, together,
                       every.kind_pages.get(e.kind, every.library.urls.link("entities/index.html")) + f"#kind-{e.kind}")


def _face(row: Mapping[str, Any]) -> Row:
    """What an entity page shows of an article (its listing row: article_pages), with the digest of it."""
    shown = {"title": row["title"], "url": row["url"], "source": row["source"], "date": row["date"],
             "lang": row["lang"], "dir": row["dir"]}
    # (JSON, not pickle: pickle's memo would write a title that is the same object as the outlet's name otherwise)
    return Row(shown, digest(json.dumps(["entity-article", *shown.values()], ensure_ascii=False)))


# Each article's face (`_face`) while its listing row is the same object (the live preview's are: article_pages)
_FACES: EachOf[Row] = EachOf(_face)


# Each entity's mentions per article, kept while the articles' links are the same object, in the same order (a
# note saved in the live preview changes neither, and counting them took 0.17-0.2 s of its plan at 5,000
# articles). Read-only once made, like everything the plan is given.
_STATS: SameObjects[dict[str, entity_views.MentionStats]] = SameObjects()


def pages(library: Library, rows: Sequence[Mapping[str, Any]]) -> list[Page]:
    """entities/cards.json (when there are entities), /entities/, then /entities/<id>/ for every entity. A quote
    group links to its comparison only when that comparison has a page (two witnesses or more placed)."""
    dossier, urls, index = library.dossier, library.urls, library.entities
    _FACES.new_build()
    by_slug = dict(zip((r["slug"] for r in rows), _FACES.each(rows)))
    order = tuple(r["slug"] for r in rows)
    _STATS.new_build()
    stats = _STATS.get(order, (index.links,), lambda: entity_views.mention_stats(index.links, order))
    entities = {e.id: e for e in dossier.entities}
    compare_urls = {pc.comparison.id: urls.comparison(pc.comparison.id) for pc in library.comparisons.comparisons}
    titles = {c.id: c.title for c in dossier.comparisons}
    annotations = {(r["slug"], a["id"]): a for r in rows for a in r["annotation_rows"]}
    together = neighbours(index.pairs)
    articles = tuple(f"article:{r['slug']}" for r in rows)
    dates = {r["slug"]: r["date"] for r in rows}
    depends = ("site", "entities", "comparisons", "sources", *articles)

    faces = {e.id: entity_views.face(e) for e in dossier.entities}  # (what the cards and other entities' pages show)
    # (only the entities some article names: a card shows for a mention; a registry of 5,000 entities, most of
    # them named nowhere, made a file of 2.7 MB that every article page fetches, review 68)
    cards = CardsInput(urls, tuple((faces[e.id], index.summaries.get(e.id, "")) for e in dossier.entities
                                   if e.id in stats))
    out = [keyed(CARDS, "content/entities.yaml", ("site", "entities", *articles), None, cards_json, lambda: cards)] \
        if dossier.entities else []
    listing, kind_pages = _index_parts(entities, index.summaries, urls)
    every = _Everything(library, stats, faces, by_slug, annotations, titles, compare_urls, together, kind_pages)
    out += [html(part.path, "content/entities.yaml", depends, "entities.html",
                 lambda part=part: context(dossier, urls, part.path, part.title, pagination=part.navigation(urls),
                                           **entity_views.index_view(entities, stats, index.pairs, index.summaries,
                                                                     urls, part.items, kind_pages,
                                                                     urls.link(part.path))))
            for part in listing]
    for e in dossier.entities:
        where = stats[e.id].where if e.id in stats else {}
        weights = [CONTEXT_ARTICLE_BYTES + CONTEXT_SENTENCE_BYTES * len(at) for at in where.values()]
        shared = Shared(partial(_entity_input, every, e))  # (its pages read one input, and one view of it)
        out += [keyed(part.path, e.origin.file, (f"entity:{e.id}", *depends), "entity.html", EntityPage(part),
                      shared.take if part.number == part.count else shared.get)
                for part in paginate.slices(f"entities/{e.id}/", e.name, weights, ENTITY_ARTICLES_PER_PAGE,
                                            describe=_dated(dates, where))]
    return out
