"""View models of the entity feature: hovercards (entities/cards.json), the /entities/ index and one
/entities/<id>/ page. Plain dicts, lists and strings only; templates never see the model."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import escape

from ..analyse.entity_graph import KIND_ORDER, layout
from ..analyse.entity_index import MentionLinks
from ..analyse.entity_places import Place, Sentence
from ..analyse.mentions import Mention, match_key
from ..text.article_marks import LinkMark
from ..load.model import Entity, Role
from ..common.urls import Urls
from .interface import site_relative
from ..common.records import frozen

__all__ = ["MentionStats", "Place", "Sentence", "card", "entity_view", "index_view", "mention_stats", "places",
           "search_keys", "search_words"]

KIND_LABELS = {"person": ("Person", "People"), "organisation": ("Organisation", "Organisations"),
               "place": ("Place", "Places"), "event": ("Event", "Events"), "other": ("Other", "Other")}
CONTEXT = 180          # characters of a long sentence kept on each side of the marked names


def _kind(kind: str) -> str:
    return KIND_LABELS.get(kind, (kind.capitalize(), kind.capitalize()))[0]


def kind_heading(kind: str) -> str:
    """The plural heading of a kind ("People")."""
    return KIND_LABELS.get(kind, (kind.capitalize(), kind.capitalize()))[1]


def wikidata_url(qid: str) -> str:
    return f"https://www.wikidata.org/wiki/{qid}" if qid else ""


@frozen
class EntityFace:
    """What an article page shows of an entity (its hovercard, its JSON-LD): so that an edit elsewhere in the
    entity (an alias, a role, an exclusion) leaves the article pages' inputs, and their keys, as they were."""

    id: str
    name: str
    kind: str
    wikidata: str = ""


def face(e: Entity) -> EntityFace:
    return EntityFace(e.id, e.name, e.kind, e.wikidata)


def card(e: Entity | EntityFace, summary_html: str, urls: Urls) -> dict[str, str]:
    """One entity's hovercard as entities/cards.json holds it (static/entities.js makes the card of each entity
    an article page links, and counts the page's mentions of it): its name, kind, summary, page and Wikidata
    item; the last two only when there is one."""
    out = {"name": e.name, "kind": _kind(e.kind), "url": urls.entity(e.id)}
    if summary_html:
        out["summary"] = summary_html
    if e.wikidata:
        out["wikidata"] = wikidata_url(e.wikidata)
    return out


@dataclass
class MentionStats:
    """Where one entity is named: article slug → indexes into that article's mentions (link k is "m-<k+1>")."""

    total: int = 0
    where: dict[str, list[int]] = field(default_factory=dict)


def mention_stats(mentions: Mapping[str, Sequence[Mention | LinkMark]], order: Sequence[str]
                  ) -> dict[str, MentionStats]:
    """Each entity's mentions per article (`mentions`: slug → the article's mentions, or their links, in text
    order; only their `entity` is read), over the articles in `order`."""
    stats: dict[str, MentionStats] = {}
    for slug in order:
        mine: dict[str, list[int]] = {}  # this article's: entity → its indexes (280,000 mentions at 5,000 articles)
        for k, entity in enumerate(entities_named(mentions.get(slug, ()))):
            at = mine.get(entity)
            if at is None:
                mine[entity] = [k]
            else:
                at.append(k)
        for entity, at in mine.items():
            s = stats.get(entity)
            if s is None:
                s = stats[entity] = MentionStats()
            s.total += len(at)
            s.where[slug] = at
    return stats


def entities_named(mentions: Sequence[Mention | LinkMark]) -> Sequence[str]:
    """The entity of each mention, in order: an article's MentionLinks has them without making its links."""
    return mentions.entities if isinstance(mentions, MentionLinks) else [m.entity for m in mentions]


def _link(e: Entity | EntityFace, urls: Urls) -> dict[str, str]:
    return {"id": e.id, "name": e.name, "url": urls.entity(e.id)}


def index_order(entities: Mapping[str, Entity]) -> list[Entity]:
    """The entities as /entities/ lists them: by kind (people, organisations, places, events, other, then any
    other kind by name), each kind by name."""
    kinds = KIND_ORDER + tuple(sorted({e.kind for e in entities.values()} - set(KIND_ORDER)))
    rank = {kind: n for n, kind in enumerate(kinds)}
    return sorted(entities.values(), key=lambda e: (rank[e.kind], e.name.casefold(), e.id))


def index_view(entities: Mapping[str, Entity], stats: Mapping[str, MentionStats],
               pairs: Mapping[tuple[str, str], int], summaries: Mapping[str, str], urls: Urls,
               shown: range | None = None, kind_pages: Mapping[str, str] | None = None, here: str = ""
               ) -> dict[str, Any]:
    """What /entities/ shows; of a listing in pages (`shown`: the places in `index_order` of this page's
    entities; `kind_pages`: the link to the page where each kind begins, "" to the first page; `here`: this
    page's link), this page's part: its entities, a kind begun on an earlier page "continued", and the graph
    and the strongest pairs on the first page only."""
    ordered = index_order(entities)
    here_part = ordered if shown is None else ordered[shown.start:shown.stop]
    before = {e.kind for e in ordered[:shown.start]} if shown is not None else set()
    groups: list[dict[str, Any]] = []
    for e in here_part:
        if not groups or groups[-1]["kind"] != e.kind:
            groups.append({"kind": e.kind, "label": kind_heading(e.kind), "entities": [],
                           "continued": e.kind in before})
        s = stats.get(e.id, MentionStats())
        groups[-1]["entities"].append(dict(_link(e, urls), mentions=s.total, articles=len(s.where),
                                           summary_html=summaries[e.id]))
    pages = kind_pages or {}
    counts: dict[str, int] = {}
    for e in ordered:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    nav = [{"kind": kind, "label": kind_heading(kind), "count": n,
            "url": ("" if pages.get(kind, here) == here else pages[kind]) + f"#kind-{kind}"}
           for kind, n in counts.items()]
    together = ("" if pages.get("", here) == here else pages[""]) + "#together"
    view = {"groups": groups, "kinds": nav, "together_url": together, "entity_count": len(entities),
            "total_mentions": sum(s.total for s in stats.values()), "graph": None, "pairs": []}
    if shown is not None and shown.start > 0:
        return view
    info = {eid: {"name": e.name, "kind": e.kind, "aliases": e.aliases,
                  "mentions": stats.get(eid, MentionStats()).total} for eid, e in entities.items()}
    graph = layout(info, pairs)
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], entities[kv[0][0]].name, entities[kv[0][1]].name, kv[0]))
    table = [{"a": _link(entities[a], urls), "b": _link(entities[b], urls), "count": n} for (a, b), n in top[:20]]
    kinds: dict[str, int] = {}
    for n in graph["nodes"]:
        kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
    graph.update(_graph_words(len(graph["nodes"]), kinds, table))
    graph["legend"] = [{"kind": k, "label": kind_heading(k)} for k in kinds]
    return dict(view, graph=graph, pairs=table)


def _graph_words(nodes: int, kinds: Mapping[str, int], table: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The graph's title and description (`desc`) for screen readers, of its `nodes` dots (how many of each kind)
    and the strongest pairs of `table`. The description in its parts too, the site's words apart from the
    entities' names (`desc_parts`: `lead`, then each pair), so that a site in another language marks its words
    English and not the names (plan/interface.py)."""
    strongest = "; ".join(f"{r['a']['name']} and {r['b']['name']} ({r['count']})" for r in table[:3])
    lead = (f"{nodes} entities as dots on a circle, grouped by kind ("
            + ", ".join(f"{kind_heading(k).lower()}: {c}" for k, c in kinds.items())
            + "), clockwise from the top; a line joins two entities named in the same sentence, "
            "thicker the more often. Strongest pairs:")
    pairs = [{"a": r["a"]["name"], "b": r["b"]["name"], "count": r["count"]} for r in table[:3]]
    return {"title": "Entities named in the same sentence", "desc": f"{lead} {strongest}." if nodes else "",
            "desc_parts": {"lead": lead, "pairs": pairs} if nodes else None}


def _dates(role: Role) -> str:
    if role.start and role.end:
        return f"{role.start}\u2013{role.end}"
    return f"from {role.start}" if role.start else f"until {role.end}" if role.end else ""


def _roles(e: Entity, entities: Mapping[str, EntityFace], urls: Urls) -> list[dict[str, str]]:
    out = []
    for r in e.roles:
        of = entities.get(r.of)
        name = of.name if of else r.of
        shown = name and name.casefold() not in r.title.casefold()
        out.append({"title": r.title, "of_name": name if shown else "",
                    "of_url": urls.entity(of.id) if of and shown else "", "dates": _dates(r)})
    return out


def _context_html(text: str, s: int, e: int, marks: Sequence[tuple[int, int]]) -> str:
    """The sentence text[s:e] as escaped HTML with each mark in <mark>, verbatim otherwise (paragraphs are
    single lines, so a sentence holds no line break). A long sentence keeps CONTEXT characters around the
    marks, cut at a space and shown with an ellipsis. Built here rather than in the template because a page
    can hold thousands of these, and one string each keeps rendering cheap."""
    first, last = marks[0][0], marks[-1][1]
    lead = trail = False
    if first - s > CONTEXT:
        cut = text.find(" ", first - CONTEXT, first)
        s, lead = (cut + 1 if cut != -1 else first - CONTEXT), True
    if e - last > CONTEXT:
        cut = text.rfind(" ", last, last + CONTEXT)
        e, trail = (cut if cut != -1 else last + CONTEXT), True
    out = ["\u2026 "] if lead else []
    at = s
    for a, b in marks:
        out.append(escape(text[at:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        at = b
    out.append(escape(text[at:e]))
    if trail:
        out.append(" \u2026")
    return "".join(out)


def places(entity: str, stats: MentionStats | None, index: Any) -> tuple[Place, ...]:
    """Where entity `entity` is named (`stats`, mention_stats), in article order: what its page shows of each
    article, as the EntityIndex `index` found it (entity_places.py, with each article's mentions)."""
    return tuple(index.places[slug][entity] for slug in (stats.where if stats else ()))


def entity_view(e: Entity, entities: Mapping[str, EntityFace], total: int, named: Sequence[Place],
                groups: Sequence[Any], rows: Mapping[str, Mapping[str, Any]],
                annotations: Mapping[tuple[str, str], Mapping[str, Any]], comparison_titles: Mapping[str, str],
                comparison_urls: Mapping[str, str], together: Sequence[tuple[str, int]], summary_html: str,
                urls: Urls, language: str = "") -> dict[str, Any]:
    """Everything /entities/<id>/ shows. `total`: its mentions; `named`: the articles that name it (`places`);
    `groups`: its quote groups; `rows` the article rows by slug; `together`: (other entity, sentences naming
    both); `language`: the site's."""
    seen: dict[str, int] = {}
    langs: dict[str, str] = {}  # a name as written → its articles' lang, if they agree
    dirs: dict[str, str] = {}   # a name as written → the direction of the paragraph it is first written in
    sources, backlinks = [], []
    for place in named:                        # in article order (mention_stats walks `order`)
        row = rows[place.slug]
        for surface, direction in zip(place.surfaces, place.directions, strict=True):
            seen[surface] = seen.get(surface, 0) + 1
            if langs.setdefault(surface, row["lang"]) != row["lang"]:
                langs[surface] = ""  # (written so in articles of two languages: in neither)
            dirs.setdefault(surface, direction)
        article = {"title": row["title"], "url": row["url"], "outlet": row["source"], "date": row["date"],
                   "lang": row["lang"], "dir": row["dir"]}
        sources.append(dict(article, count=len(place.surfaces)))
        # (each in its paragraph's direction, as a quote shown away from its article: interface.quote_dir)
        sentences = [{"url": f"{urls.article(place.slug)}#m-{s.first + 1}", "count": s.count,
                      "dir": site_relative(s.direction, language),
                      "html": _context_html(s.text, 0, len(s.text), s.marks)} for s in place.sentences]
        backlinks.append(dict(article, sentences=sentences))
    seen_keys = {match_key(s) for s in seen}
    together = sorted(together, key=lambda t: (-t[1], entities[t[0]].name.casefold(), t[0]))
    return {
        "id": e.id, "name": e.name, "kind": e.kind, "kind_label": _kind(e.kind),
        "summary_html": summary_html, "wikidata_id": e.wikidata,
        "wikidata_url": wikidata_url(e.wikidata), "roles": _roles(e, entities, urls),
        "names_seen": [{"text": t, "count": n, "lang": langs[t], "dir": site_relative(dirs[t], language)}
                       for t, n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))],
        # (not its own name, the page's heading: "Other names" are the others)
        "names_unseen": [n for n in e.all_names if match_key(n) not in seen_keys | {match_key(e.name)}],
        "search_names": search_words([*e.all_names, *seen]),
        "search_keys": search_keys([*e.all_names, *seen]),
        "mentions": total, "articles": len(named), "sources": sources, "backlinks": backlinks,
        "quotes": _quotes(groups, rows, annotations, comparison_titles, comparison_urls, language),
        "together": [dict(_link(entities[other], urls), count=n) for other, n in together],
    }


_PIECE = re.compile(r"[^\W_]+")  # letters and digits (a word's pieces between hyphens, apostrophes, dots…)


def search_words(names: Iterable[str]) -> str:
    """The words of `names` as an entity's page gives them to the search index (its meta "names",
    templates/entity.html): lowercased, each once, a word joined by a hyphen, apostrophe or dot whole and in its
    pieces of two letters or more (as Pagefind reads one), and none that another of them begins.

    Pagefind counts each word of a field that a searched word begins, and the field's boost grows with the cube of
    that count: "Hamas-run" (read "hamasrun", "hamas", "run") made the Gaza Health Ministry's names match "Hamas"
    twice, eight times as much as Hamas's own names did, and its page came first for "Hamas". A searched word that
    begins a word left out begins the longer word kept, so the names are found by every word they were, once."""
    words: dict[str, None] = {}  # (in the order of `names`)
    for token in " ".join(names).lower().split():
        pieces = _PIECE.findall(token)
        if pieces:
            words.update(dict.fromkeys(["".join(pieces), *(p for p in pieces if len(p) > 1)]))
    return " ".join(w for w in words if not any(o != w and o.startswith(w) for o in words))


def search_key(text: str) -> str:
    """`text` as the search page matches a query to an entity's name (static/ranked/pagefind.js `key` makes the
    same of the query): its curly apostrophes straight, its accents dropped (Pagefind finds "Zurich" for
    "Zürich"), lowercased, its spaces one, percent-encoded as encodeURIComponent does (a Pagefind filter's value
    that no HTML entity, comma or colon can change)."""
    text = unicodedata.normalize("NFD", text.replace("\u2018", "'").replace("\u2019", "'"))
    text = " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").lower().split())
    return quote(unicodedata.normalize("NFC", text), safe="!*'()")


def search_keys(names: Iterable[str]) -> list[str]:
    """The keys (search_key) of an entity's names as its page gives them to the search index (the filter
    "entity-name", templates/entity.html): a query that is one of them, whole, brings the page first (static/
    ranked/pagefind.js), which Pagefind's own ranking cannot do (see there). Each once, sorted."""
    return sorted({key for key in map(search_key, names) if key})


def _quotes(groups: Sequence[Any], rows: Mapping[str, Mapping[str, Any]],
            annotations: Mapping[tuple[str, str], Mapping[str, Any]], comparison_titles: Mapping[str, str],
            comparison_urls: Mapping[str, str], language: str = "") -> list[dict[str, Any]]:
    """An entity's quote groups as its page lists them: each outlet's wording, linked to its annotation, with
    its article's `lang` and its paragraph's `dir` where that is another than the site's `language`
    (interface.site_relative)."""
    quotes = []
    for group in groups:
        items = []
        for it in group.items:
            row = rows.get(it.article)
            if row is None:
                continue
            ann = annotations.get((it.article, it.annotation)) if it.annotation else None
            items.append({"quote": it.quote, "outlet": row["source"], "date": row["date"], "title": row["title"],
                          "url": ann["url"] if ann else row["url"], "annotated": ann is not None,
                          "lang": row["lang"], "dir": site_relative(it.direction, language)})
        if items:
            quotes.append({"title": comparison_titles.get(group.comparison, ""),
                           "url": comparison_urls.get(group.comparison, ""), "wordings": items,
                           "outlets": len({i["outlet"] for i in items})})
    return quotes
