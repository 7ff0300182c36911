"""Machine-readable descriptions of pages: schema.org JSON-LD, text-fragment links, the dossier's JSON export
(dossier.json, its index, and each article's articles/<slug>/article.json)."""

from __future__ import annotations

import json
from functools import partial
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import quote

from ..common.jsonout import dump_bytes
from ..common.urls import Urls
from ..load.config import SiteConfig
from ..load.model import Article, Dossier, Entity
from .authors import authors
from .entity_views import EntityFace
from ..text.markdown import note_as_data
from ..common.records import frozen


def script_json(data: Any) -> str:
    """JSON safe inside <script type="application/ld+json">: no "</script>", no HTML-significant characters."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def text_fragment(url: str, exact: str) -> str:
    """A link that opens `url` scrolled to and highlighting `exact` (the Text Fragments spec, #:~:text=)."""
    words = " ".join(exact.split())
    if len(words) > 120:  # long quotes: start and end words, as browsers recommend
        head, tail = " ".join(words.split()[:6]), " ".join(words.split()[-6:])
        directive = f"{_enc(head)},{_enc(tail)}"
    else:
        directive = _enc(words)
    return f"{url.split('#', 1)[0]}#:~:text={directive}"


def _enc(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def _entity_ld(entity: Entity | EntityFace, iri: str) -> dict[str, Any]:
    kind = {"person": "Person", "organisation": "Organization", "place": "Place", "event": "Event"}.get(entity.kind, "Thing")
    data: dict[str, Any] = {"@type": kind, "@id": iri, "name": entity.name}
    if entity.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    return data


def news_article(config: SiteConfig, article: Article, page_iri: str, source_name: str,
                 entities: Sequence[tuple[Entity | EntityFace, str]], claims: Iterable[dict[str, Any]]) -> str:
    """NewsArticle (isBasedOn the original, mentions its entities) plus a ClaimReview per fact-check. What holds
    the article's words (its headline, a claim quoted from it) is in the article's language (`inLanguage`, a BCP 47
    tag): its file's `language`, else the site's."""
    meta = article.meta
    language = meta.language or config.language
    item: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "@id": page_iri, "url": page_iri,
        "headline": meta.title, "datePublished": meta.date, "inLanguage": language,
        "publisher": {"@type": "Organization", "name": source_name},
        "isPartOf": {"@type": "CreativeWork", "name": config.title},
        "mentions": [_entity_ld(e, iri) for e, iri in entities],
    }
    if not meta.date:  # undated or outlet unknown: say nothing rather than something empty
        del item["datePublished"]
    if not source_name:
        del item["publisher"]
    if meta.url:
        item["isBasedOn"] = meta.url
    if meta.byline:
        item["author"] = authors(meta.byline)
    graph = [item]
    # The reviewed article's date and address are its appearance's (the review's own date is not known: the
    # article's was given as the review's); no address when the original is not known (the dossier's copy was).
    # The claim's words (claimReviewed) are quoted from the article: the Claim and its appearance are in its
    # language; the ClaimReview says none of its own, its verdict and author being the editors', in the site's.
    appearance = {"@type": "NewsArticle", **({"url": meta.url} if meta.url else {}), "headline": meta.title,
                  **({"datePublished": meta.date} if meta.date else {}), "inLanguage": language}
    for claim in claims:
        graph.append({
            "@context": "https://schema.org", "@type": "ClaimReview", "url": claim["url"],
            "claimReviewed": claim["quote"],
            "author": {"@type": "Organization", "name": config.author or config.title},
            "reviewRating": {"@type": "Rating", "alternateName": claim["verdict"]},
            "itemReviewed": {"@type": "Claim", "inLanguage": language, "appearance": appearance},
        })
    return script_json(graph if len(graph) > 1 else item)


def website(dossier: Dossier, iri: str) -> str:
    return script_json({"@context": "https://schema.org", "@type": "WebSite", "name": dossier.config.title,
                        "url": iri, "inLanguage": dossier.config.language})


def article_data(slug: str) -> str:
    """The path of an article's JSON export: everything the dossier knows of it (`_article`)."""
    return f"articles/{slug}/article.json"


def _article(item: Any, mentions: Sequence[Any], site: Site) -> dict[str, Any]:
    """One article as its JSON export has it: text, dropped furniture, anchored annotations, mentions."""
    a = item.article
    m = a.meta
    md = partial(_exported, site)
    return {
        **_metadata(m, site),
        "text": a.text.text,
        "paragraphs": [{"start": p.start, "end": p.start + len(p.text), "seed_line": p.line} for p in a.text.paragraphs],
        "dropped": [{"seed_line": d.line, "text": d.text, "why": d.why, "whole_line": d.whole_line} for d in a.text.dropped],
        "annotations": [{"id": x.id, "quote": x.quote, "prefix": x.prefix, "suffix": x.suffix, "note": md(x.note),
                         "kind": x.kind, "speaker": x.speaker, "tags": list(x.tags), "entities": list(x.entities),
                         "date": x.date, "verdict": x.verdict,
                         "start": item.placed[x.id].start if x.id in item.placed else None,
                         "end": item.placed[x.id].end if x.id in item.placed else None,
                         "anchor": item.placed[x.id].status if x.id in item.placed else "orphan"}
                        for x in m.annotations],
        "mentions": [{"entity": x.entity, "start": x.start, "end": x.end} for x in mentions],
    }


def _article_text(site: tuple[str, str], pair: tuple[Any, Sequence[Any]]) -> bytes:
    """An article's JSON export (an analysed article and its mention links): one line per paragraph, dropped
    line, annotation and mention. `site`: the origin and base path its notes' links are written under."""
    item, mentions = pair
    return dump_bytes(_article(item, mentions, Site(site[0], Urls(site[1]))), levels=2)


@frozen
class Site:
    """Where the site is: its origin (scheme and host, "" when unknown) and its URLs (its base path)."""

    origin: str
    urls: Urls


def _exported(site: Site, markdown: str) -> str:
    """An editor's Markdown as the exports write it: its links to the site (`entity:x`, `compare:x`, `/articles/…`)
    made into the URLs the site has them at (under the base path), absolute when the site's host is known, and
    raw HTML written as text (markdown.note_as_data)."""
    return note_as_data(markdown, site.urls.resolve_note_link, site.origin)


def article_json(value: tuple[tuple[str, str], Any, Sequence[Any]]) -> bytes:
    """articles/<slug>/article.json from its input: (the site's origin and base path, the analysed article, its
    mention links). A keyed page's (page.keyed): its key writes the digests the analysed article and its links
    carry (execute/keys.py), so a build after an edit elsewhere reuses the file where it is, unread; a step of
    the cache kept each export's bytes before, which every build read back (65 MB at 5,000 articles)."""
    site, item, mentions = value
    return _article_text(site, (item, mentions))


@frozen
class IndexInput:
    """What dossier.json is made of (`index_json`): the site's settings and URLs, its sources, entities and
    comparisons, and each article as the index lists it (`_listed`: metadata, number of annotations, where its
    export is). A keyed page's input (page.keyed): a note edited leaves it as it was, so the index (35 ms at
    1,000 articles) is not made again."""

    config: SiteConfig
    urls: Urls
    sources: tuple[Any, ...]
    entities: tuple[Entity, ...]
    comparisons: tuple[Any, ...]
    articles: tuple[Mapping[str, Any], ...]
    # The witnesses placed only approximately (anchor-fuzzy), each as (comparison id, article, quote, prefix,
    # suffix) with the words of the text it was placed on: their quote is the editors', not the outlet's.
    approximate: tuple[tuple[tuple[Any, ...], str], ...] = ()


def index_input(dossier: Dossier, anchored: Sequence[Any], urls: Urls, prepared: Sequence[Any] = ()) -> IndexInput:
    """dossier.json's input: of each analysed article (in `anchored`) its listing; `prepared`: the comparisons
    set side by side (witnesses.PreparedComparison), whose witnesses placed only approximately it says."""
    site = Site(dossier.config.origin, urls)
    approximate = tuple(((pc.comparison.id, p.witness.article, p.witness.quote, p.witness.prefix, p.witness.suffix),
                         p.quote) for pc in prepared for p in pc.witnesses if p.where.status == "fuzzy")
    return IndexInput(dossier.config, urls, tuple(dossier.sources), tuple(dossier.entities),
                      tuple(dossier.comparisons), tuple(_listed(item.article.meta, site) for item in anchored),
                      approximate)


def index_json(value: IndexInput) -> bytes:
    """The dossier's JSON index: its sources, entities and comparisons whole, and of each analysed article what
    lists it (its metadata and number of annotations) with the path of its own export (`article_data`,
    relative to this file): one file of the whole model was 68 MB at 5,000 articles, rewritten at every edit,
    and too large for a reader's script that wants one article."""
    config = value.config
    md = partial(_exported, Site(config.origin, value.urls))
    approximate = dict(value.approximate)
    data = {
        "title": config.title, "description": md(config.description),
        "language": config.language,
        "sources": [{"id": s.id, "name": s.name, "homepage": s.homepage, "country": s.country, "note": md(s.note)}
                    for s in value.sources],
        "articles": list(value.articles),
        "entities": [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "summary": md(e.summary),
                      "wikidata": e.wikidata, "roles": [{"title": r.title, "of": r.of, "from": r.start, "to": r.end}
                                                        for r in e.roles]} for e in value.entities],
        "comparisons": [{"id": c.id, "title": c.title, "question": c.question, "kind": c.kind, "speaker": c.speaker,
                         "summary": md(c.summary), "base": c.base,
                         "witnesses": [{"article": w.article, "quote": w.quote, "prefix": w.prefix, "suffix": w.suffix,
                                        **_anchor(approximate, (c.id, w.article, w.quote, w.prefix, w.suffix)),
                                        "note": md(w.note), "value": w.value, "unit": w.unit, "qualifier": w.qualifier}
                                       for w in c.witnesses]} for c in value.comparisons],
    }
    return dump_bytes(data, levels=4)  # a line per key of a source, article, entity or comparison, per witness


def _anchor(approximate: Mapping[tuple[Any, ...], str], key: tuple[Any, ...]) -> dict[str, str]:
    """What dossier.json adds after a witness's quote placed only approximately: "anchor": "fuzzy" (as
    article.json says of an annotation) and "found", the words of the text it stands for; nothing for a quote
    found as written, whose words are the text's."""
    return {"anchor": "fuzzy", "found": approximate[key]} if key in approximate else {}


def _listed(m: Any, site: Site) -> dict[str, Any]:
    """An article as the index lists it: its metadata, its number of annotations and where its export is."""
    return {**_metadata(m, site), "annotations": len(m.annotations), "data": article_data(m.slug)}


def _metadata(m: Any, site: Site) -> dict[str, Any]:
    """An article file's metadata, as its export and the index both begin."""
    return {"slug": m.slug, "seed": m.seed, "title": m.title, "source": m.source, "wire": m.wire, "date": m.date,
            "date_note": m.date_note, "url": m.url, "byline": m.byline, "summary": _exported(site, m.summary),
            "language": m.language}
