"""Entities: mention links in articles, hovercards, /entities/ and /entities/<id>/.

`prepare` runs before articles render: it checks every reference to an entity, finds every mention with
one matcher for the whole dossier, and returns the links and hovercards for each article plus everything
the entity pages need. `pages` runs after the articles and writes the index and one page per entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from . import entity_views, views
from .entity_graph import cooccurrence, neighbours
from .entity_links import build_matcher, check_entities, check_references, link_article
from .entity_quotes import QuoteGroup, quote_groups, witness_ranges
from .errors import Problem
from .markdown import LinkMark
from .mentions import Mention, sentence_spans
from .model import Dossier
from .urls import Urls

__all__ = ["EntityIndex", "pages", "prepare"]


@dataclass(frozen=True)
class EntityIndex:
    """What the entity feature contributes. links: article slug → mention links; cards: slug → hovercards.

    Invariant: for every slug, links[slug] and mentions[slug] describe the same mentions in the same order
    (link k is mention k, id "m-<k+1>"); every entity id in them, in cards, quotes and pairs is registered.
    """

    links: dict[str, tuple[LinkMark, ...]] = field(default_factory=dict)
    cards: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)          # slug → cleaned article text
    sentences: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)   # slug → sentence spans
    summaries: dict[str, str] = field(default_factory=dict)      # entity id → summary HTML
    quotes: dict[str, tuple[QuoteGroup, ...]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)   # co-occurrence by sentence


def prepare(dossier: Dossier, anchored: Sequence[Any], urls: Urls) -> EntityIndex:
    problems = check_references(dossier)
    matcher = build_matcher(dossier.entities)
    problems += check_entities(dossier, matcher)
    summaries: dict[str, str] = {}
    for e in dossier.entities:
        summaries[e.id] = views.md_html(e.summary, urls)[0]  # its links: references.py
    by_id = {e.id: e for e in dossier.entities}
    links: dict[str, tuple[LinkMark, ...]] = {}
    mentions: dict[str, tuple[Mention, ...]] = {}
    cards: dict[str, list[dict[str, Any]]] = {}
    texts: dict[str, str] = {}
    sentences: dict[str, tuple[tuple[int, int], ...]] = {}
    for item in anchored:
        slug, text = item.article.slug, item.article.text
        paragraphs = tuple((p.start, p.start + len(p.text)) for p in text.paragraphs)
        found, marks = link_article(text.text, paragraphs, slug, matcher, urls.entity)
        texts[slug], mentions[slug], links[slug] = text.text, found, marks
        sentences[slug] = sentence_spans(text.text) if found else ()
        counts: dict[str, int] = {}
        for m in found:                 # insertion order = order of first mention
            counts[m.entity] = counts.get(m.entity, 0) + 1
        cards[slug] = [entity_views.card(by_id[eid], n, summaries[eid], urls) for eid, n in counts.items()]
    # An unknown speaker is an error unless site.yaml lowers `entities-unknown`; its quotes have no page.
    quotes = {k: v for k, v in quote_groups(dossier, anchored, witness_ranges(dossier)).items() if k in by_id}
    pairs = cooccurrence((sentences[slug], mentions[slug]) for slug in sorted(texts))
    return EntityIndex(links, cards, tuple(problems), mentions, texts, sentences, summaries, quotes, pairs)


def pages(site: Any, index: EntityIndex, article_rows: Sequence[dict[str, Any]]) -> None:
    """/entities/ (by kind, with the co-occurrence graph) and /entities/<id>/ for every entity."""
    dossier, urls = site.dossier, site.urls
    rows = {r["slug"]: r for r in article_rows}
    order = [r["slug"] for r in article_rows]
    stats = entity_views.mention_stats(index.mentions, order)
    entities = {e.id: e for e in dossier.entities}
    # A quote group links to its comparison only when that page exists (the comparison feature writes it).
    compare_urls = {c.id: urls.comparison(c.id) for c in dossier.comparisons
                    if f"compare/{c.id}/index.html" in site.owners}
    comparison_titles = {c.id: c.title for c in dossier.comparisons}
    annotations = {(r["slug"], a["id"]): a for r in article_rows for a in r["annotation_rows"]}
    together = neighbours(index.pairs)
    site.page("entities/index.html", "content/entities.yaml", "entities.html", "Entities",
              **entity_views.index_view(entities, stats, index.pairs, index.summaries, urls))

    def entity_page(part: Any, _: int, e: Any) -> None:
        view = entity_views.entity_view(
            e, entities, stats.get(e.id), index, rows, annotations, comparison_titles,
            compare_urls, together.get(e.id, []), urls)
        part.page(f"entities/{e.id}/index.html", e.origin.file, "entity.html", e.name, entity=view)

    site.renderer.warm("entity.html")
    site.each(dossier.entities, entity_page)
