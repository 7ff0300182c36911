"""Articles: the listing rows every index reads, and per article its page, its annotated Markdown and its
W3C annotation page. Pure functions of the Library (library.py)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import partial
from itertools import accumulate
from typing import AbstractSet, Any, Mapping, Sequence

from . import article_passages
from . import entity_views
from .entity_views import EntityFace
from .interface import article_marks, is_english, quote_dir
from .passage_views import moved_inserts
from . import listings
from . import structured
from . import views
from . import webanno
from ..analyse.entity_index import MentionLinks
from ..analyse.library import Anchored, Library
from ..common.identity import SameObjects
from ..common.shards import Each, one
from ..common.urls import CARDS, Urls
from ..load.config import SiteConfig
from ..load.language import text_direction
from ..load.model import Source
from ..text.markdown import ArticleSource, NoteMark, article_markdown, note_for_export
from .page import Page, Row, Shared, keyed, site_context
from ..common.records import frozen


def _source_name(library: Library, source: str) -> str:
    names = {s.id: s.name for s in library.dossier.sources}
    return names.get(source, source)


def _annotation_row(urls: Urls, item: Anchored, ann: Any, article: Mapping[str, str],
                    tags: dict[str, Mapping[str, str]], made: str, language: str = "") -> Row:
    """What the article page, tags, the timeline and entity pages show of one placed annotation. `article`:
    what it shows of the article, one mapping for all its annotations' rows; `tags`: each tag's, likewise
    (rows are never changed once made); `made`: the row's digest (Row). `dir`: its quote's, its paragraph's
    direction where that is another than the site's `language` (interface.quote_dir; `lang` is its article's)."""
    meta = item.article.meta
    where = item.placed[ann.id]
    quote = item.article.text.text[where.start:where.end]
    at_source = structured.text_fragment(meta.url, quote) if meta.url else ""
    direction = quote_dir(item.article.text.text, where.start, language)
    url, note = urls.annotation(meta.slug, ann.id), item.notes_html[ann.id]
    # (its page.row_weight, from what it is made of: its strings and the article's title; 50,000 rows at 5,000
    # articles, each walked again to weigh it, took 0.1 s of every build)
    weight = 250 + len(article["title"]) + len(ann.id) + len(quote) + len(ann.kind) + len(ann.verdict or "") + \
        len(at_source) + len(ann.speaker or "") + len(ann.date or "") + len(url) + len(note) + len(where.status) + \
        len(direction)
    return Row({"id": ann.id, "quote": quote, "dir": direction, "kind": ann.kind, "verdict": ann.verdict,
                "at_source": at_source, "speaker": ann.speaker, "date": ann.date,
                "tags": [tags.get(t) or tags.setdefault(t, {"name": t, "url": urls.tag(t)}) for t in ann.tags],
                "url": url, "note_html": note, "status": where.status, "article": article}, made, weight)


def _row(urls: Urls, item: Anchored, source_name: str, tags: dict[str, Mapping[str, str]] | None = None,
         language: str = "") -> dict[str, Any]:
    """An article's listing row (see `article_row`). `tags`: each tag's mapping (name, URL) by name, shared by
    the rows of every article one call of `article_rows` makes (a tag's URL was made 44,000 times at 5,000
    articles); else one for this article's. `language`: the site's; `lang` and `dir` mark the article's words
    (its title, its quotes) where it is in another (interface.article_marks), in its row and its annotations'."""
    meta = item.article.meta
    marks = article_marks(meta.language, language)
    article = {"slug": meta.slug, "title": meta.title, "url": urls.article(meta.slug), "date": meta.date,
               "source": source_name, **marks}
    tags = {} if tags is None else tags
    placed = [ann for ann in meta.annotations if ann.id in item.placed]
    # each row's digest: the analysis's (Anchored.rows: all it shows but the outlet's name and the marks of the
    # article's language and the quote's direction, which the site's language decides) with those (the analysis's
    # digests its quote's paragraph's direction: library._row_digests)
    shown = f"\0{source_name}\0{marks['lang']}\0{marks['dir']}\0{text_direction(language)}"
    made = [digest + shown for digest in item.rows] if len(item.rows) == len(placed) else [""] * len(placed)
    rows = [_annotation_row(urls, item, ann, article, tags, digest, language) for ann, digest in zip(placed, made)]
    return {"slug": meta.slug, "title": meta.title, "url": urls.article(meta.slug),
            "date": meta.date, "source": source_name, "source_id": meta.source,
            "wire": meta.wire, "annotations": len(rows), "summary_html": item.summary_html, **marks,
            "annotation_rows": rows}


def article_row(library: Library, item: Anchored) -> dict[str, Any]:
    """An article as the listings show it (home, sources, tags, timeline, feed, entity pages), with its
    placed annotations' rows in `annotation_rows`."""
    return _row(library.urls, item, _source_name(library, item.article.meta.source),
                language=library.dossier.config.language)


# Each article's row, kept while it is made from the very same objects (identity.py): the live preview's memo
# hands back the same analysed article build after build, and its row is then the same too. Rows are never
# changed in place (their readers copy what they add to).
_ROWS: SameObjects[dict[str, Any]] = SameObjects()


def article_rows(library: Library) -> list[dict[str, Any]]:
    """`article_row` of every article, in the dossier's order (date, then slug)."""
    names = {s.id: s.name for s in library.dossier.sources}
    urls, language = library.urls, library.dossier.config.language
    _ROWS.new_build()
    out = []
    tags: dict[str, Mapping[str, str]] = {}
    for item in library.articles:
        name = names.get(item.article.meta.source, item.article.meta.source)
        # (the site's language too: it decides whether the article's words are marked, and the live preview's
        # memo hands back the very same analysed article when site.yaml alone was saved)
        out.append(_ROWS.get(item.article.slug, (item, name, urls.base, language),
                             partial(_row, urls, item, name, tags, language)))
    return out


@frozen
class ArticleInput:
    """Everything the three pages of one article read (its page, its annotated Markdown, its annotation
    page), gathered from the Library by `gather`. The pages are functions of this value alone (page.keyed),
    so its digest names their bytes: an edit elsewhere in the dossier that leaves this value as it was leaves
    the article's pages as they were, and the executor reuses them (execute.py).

    `outlet_url`: the link to the outlet's section of /sources/ (the page of it that holds the section);
    `names`: entity id → name of the speakers of its annotations; `mentioned`: the entities its JSON-LD names
    (the page's hovercards are the site's, urls.CARDS, fetched for the entities it links); `shared`: what its
    page lists of the passages it shares with other articles (article_passages.Here: those values alone, not the
    passages), None when it shares none. (Its annotation page's place in the collection and its neighbours there
    are that page's view's: AnnotationsView.)"""

    config: SiteConfig
    urls: Urls
    item: Anchored
    source: Source | None
    source_name: str
    outlet_url: str
    links: tuple[Any, ...]
    badges: tuple[Any, ...]
    names: tuple[tuple[str, str], ...]
    mentioned: tuple[EntityFace, ...]
    shared: article_passages.Here | None = None


@frozen
class _Lookups:
    """What every article's input is looked up in, made once for all of them: entities and sources by id, and
    the link to each outlet's section of /sources/."""

    entities: Mapping[str, EntityFace]
    sources: Mapping[str, Source]
    outlets: Mapping[str, str]
    annotated: tuple[int, ...] = ()  # the places of the articles that have annotation pages (see `_chain`)
    shared: Mapping[str, article_passages.Here] | None = None  # by slug, the passages each shares (its page's list)


def gather(library: Library, at: int, lookups: _Lookups) -> ArticleInput:
    """The input of the pages of `library.articles[at]` (see ArticleInput)."""
    dossier, item = library.dossier, library.articles[at]
    meta, slug = item.article.meta, item.article.slug
    by_id, source = lookups.entities, lookups.sources.get(meta.source)
    links = library.entities.links.get(slug) or MentionLinks()  # (its type kept: page keys write its digest)
    speakers = {a.speaker for a in meta.annotations if a.id in item.placed and a.speaker in by_id}
    mentioned = sorted({*entity_views.entities_named(links)} | {e for a in meta.annotations for e in a.entities})
    return ArticleInput(
        dossier.config, library.urls, item, source, source.name if source else meta.source,
        lookups.outlets.get(meta.source, ""), links,
        tuple(library.comparisons.badges.get(slug, ())), tuple(sorted((e, by_id[e].name) for e in speakers)),
        tuple(by_id[e] for e in mentioned if e in by_id), (lookups.shared or {}).get(slug))


def _as_shown(source: Source) -> Source:
    """An outlet as its articles' pages show it: its name and homepage alone (its note and country are for
    /sources/), so that editing its note renders none of them again (234 pages of 78 articles, to the same
    bytes, at 1,000 articles)."""
    return replace(source, country="", note="", note_origin=None, id_origin=None)


def _chain(library: Library, at: int, annotated: Sequence[int]) -> tuple[tuple[str, ...], int]:
    """The article's annotation page and its neighbours in the chain of annotation pages (`annotated`: the
    places, in the dossier's order, of the articles that have one), and its place among them: (slugs, index)."""
    place = bisect_left(annotated, at)
    if place == len(annotated) or annotated[place] != at:
        return (library.articles[at].article.slug,), 0  # (no annotation page of its own)
    near = annotated[max(0, place - 1):place + 2]
    return tuple(library.articles[i].article.slug for i in near), min(place, 1)


_LAST: list[Any] = []  # [input, its marked source]: the .md page's, reused by the HTML page that follows it


def _marked(value: ArticleInput) -> tuple[ArticleSource, str]:
    """The article as the Markdown renderer sees it (notes, mention links, witness badges), and its Markdown."""
    if _LAST and _LAST[0] is value:
        return _LAST[1]
    urls, item = value.urls, value.item
    meta = item.article.meta
    # One note per id: a duplicate id is the loader's error already, and like the placements and the notes'
    # HTML (dicts by id) the last annotation with that id is the one shown, so each note id is referenced once.
    by_id = {ann.id: ann for ann in meta.annotations if ann.id in item.placed}
    notes = [NoteMark(ann.id, item.placed[ann.id].start, item.placed[ann.id].end,
                      note_for_export(ann.note, urls.resolve_note_link), ann.kind,
                      item.placed[ann.id].status == "fuzzy")
             for ann in by_id.values()]
    src = views.article_source(item.article, notes, value.links, value.badges, value.source_name)
    _LAST[:] = [value, (src, article_markdown(src))]
    return _LAST[1]


def markdown_view(value: ArticleInput) -> bytes:
    """articles/<slug>.md: the seed's text with the notes, mention links and witness badges in Markdown."""
    return _marked(value)[1].encode("utf-8")


def _sidenotes(value: ArticleInput, rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Annotation id → its sidenote's inner HTML (label, note, tags)."""
    names, urls, language = dict(value.names), value.urls, value.config.language
    # (the quote's language, said inside the English "at the source": its article's where that is another than
    # the site's, else the site's, unless that is English too)
    site = "" if is_english(language) else language
    return {r["id"]: views.sidenote_html(r["note_html"], r["kind"],
                                         (names[r["speaker"]], urls.entity(r["speaker"])) if r["speaker"] in names
                                         else None, [(t["name"], t["url"]) for t in r["tags"]], r["at_source"],
                                         r["status"] == "fuzzy", r["quote"], r["article"]["lang"] or site)
            for r in rows}


def _shared_view(value: ArticleInput, lang: str) -> dict[str, Any] | None:
    """The page's list of the passages the article shares (article_passages.view), each with a link to its place in
    the text that steps around the words the page adds there (its notes' numbers, its witnesses' badges)."""
    if value.shared is None:
        return None
    text = value.item.article.text.text
    ends = [*(where.end for where in value.item.placed.values()), *(b.end for b in value.badges)]
    mentions = [(m.start, m.end) for m in value.links]
    added = article_passages.inserts(text, ends, mentions)
    words = article_passages.badge_words(moved_inserts(text, ends, mentions), ((b.end, b.about) for b in value.badges))
    return article_passages.view(value.shared, text, added, lang, value.config.language,
                                 value.urls.page("passages"), article_passages.shown_before(value.item.article), words)


def page_view(value: ArticleInput) -> dict[str, Any]:
    """articles/<slug>/index.html: the article page's view model."""
    config, urls, item = value.config, value.urls, value.item
    meta = item.article.meta
    src, _ = _marked(value)  # (the Markdown is the .md page's)
    _LAST.clear()
    rows = _row(urls, item, value.source_name, language=config.language)["annotation_rows"]
    view = views.article_view(item.article, value.source, src, _sidenotes(value, rows), urls, rows,
                              item.summary_html, {meta.source: value.outlet_url} if value.outlet_url else {},
                              config.language)
    jsonld = structured.news_article(
        config, item.article, config.origin + urls.article(meta.slug), value.source_name,
        [(e, config.origin + urls.entity(e.id)) for e in value.mentioned],
        [{"url": config.origin + r["url"], "quote": r["quote"], "verdict": r["verdict"]}
         for r in rows if r["kind"] == "fact-check" and r["verdict"]])
    return site_context(config, urls, f"articles/{meta.slug}/index.html", meta.title,
                        meta={"og_type": "article", "outlet": value.source_name, "jsonld": jsonld,
                              "description": views.page_description(meta.summary) if meta.summary
                              else meta.title[:200]},
                        article=dict(view, shared=_shared_view(value, view["lang"])),
                        cards_url=urls.link(CARDS) if value.links else "")


class AnnotationsView:
    """The view of articles/<slug>/annotations.jsonld, the article's W3C AnnotationPage, whose first annotation
    is number `start` of the collection (its startIndex: how many the articles before it hold), and whose
    neighbours in the chain of annotation pages are `order` (slugs), itself at `index` among them (its prev and
    next). Those are the view's, not the input's: the input stays the one object the article's page and Markdown
    read (its digest taken once for the three, execute/keys.py), and an annotation added to one article makes
    every later article's small annotation page anew, not its HTML page or its Markdown; an article added,
    removed or dated anew, its neighbours' annotation pages alone (their pages and Markdown were made again, to
    the same bytes). The view's name carries them, so the annotation page's key changes with them."""

    def __init__(self, start: int, order: tuple[str, ...], index: int) -> None:
        self.start, self.order, self.index = start, order, index
        self.__qualname__ = f"AnnotationsView.at.{start}.{index}.{' '.join(order)}"

    def __call__(self, value: ArticleInput) -> bytes:
        return webanno.page_json(value.config, value.item, value.urls, self.order, self.index, self.start)


# What the article pages list of the passages they share, kept while the passages are the very same objects
# (identity.py) and the site's URLs and each article's outlet are as they were: the live preview's memo hands
# back the same passages while no article's text changes, and a note's page made ahead (execute/ahead.py) had
# this index of every article's passages made again for its one article (0.28 s of each save at 5,000 articles).
_HERE: SameObjects[dict[str, article_passages.Here]] = SameObjects()


def _shared(library: Library, each: Each | None = None) -> dict[str, article_passages.Here]:
    """By slug, what each article's page lists of the passages it shares (article_passages.index), linked to the
    passages' pages (passage_pages.py). `each` (the build's): the index is kept through it, named by the passages'
    digests, the URLs and the outlets (0.12 s of every build at 5,000 articles, read back in 0.03 s)."""
    names = views.outlet_names(library.dossier)
    outlets = tuple((item.article.slug, names.get(item.article.meta.source, item.article.meta.source))
                    for item in library.articles)

    def index(_: Any) -> dict[str, article_passages.Here]:
        urls = article_passages.passage_urls(library.urls, article_passages.listing(library.passages, each))
        return article_passages.index(library.passages, urls, dict(outlets))

    def made() -> dict[str, article_passages.Here]:
        key = article_passages.made_of(library.passages, library.urls, outlets, article_passages.SHOWN,
                                       article_passages.OUTLETS_SHOWN)
        return one(each, "passages-here", index, None, key)

    _HERE.new_build()  # (what the call before did not use is dropped: two indexes at most are kept)
    return _HERE.get((library.urls, outlets), (library.passages,), made)


def pages(library: Library, rows: Sequence[Mapping[str, Any]], only: AbstractSet[str] | None = None,
          each: Each | None = None) -> list[Page]:
    """Per article, in order: articles/<slug>.md, articles/<slug>/index.html, articles/<slug>/annotations.jsonld;
    each a function of the article's ArticleInput (page.keyed). `only`: of the articles whose file is one of
    these, alone. `each` (the build's): what the pages list of the passages is kept through it (`_shared`)."""
    articles = library.articles
    # Which page of /sources/ holds each outlet's section, for the article pages' link to their outlet: it
    # follows from every article's row (how much each section weighs), computed once for all the pages.
    dossier = library.dossier
    lookups = _Lookups({e.id: entity_views.face(e) for e in dossier.entities},
                       {s.id: _as_shown(s) for s in dossier.sources}, listings.outlet_urls(library, rows),
                       tuple(i for i, a in enumerate(articles) if a.placed), _shared(library, each))
    out: list[Page] = []
    starts = list(accumulate((len(item.placed) for item in articles), initial=0))  # (each page's startIndex)
    chosen = range(len(articles)) if only is None else \
        [i for i, item in enumerate(articles) if item.article.meta.origin.file in only]
    for index in chosen:
        item = articles[index]
        slug, file = item.article.slug, item.article.meta.origin.file
        badges = tuple(f"comparison:{b.id[len('w-'):]}" for b in library.comparisons.badges.get(slug, ()))
        # "articles": the page also reads what every article makes (its outlet's page of /sources/ depends on
        # how long the other articles' listings are)
        depends = (f"article:{slug}", "site", "sources", "entities", "articles", *badges)
        given = Shared(partial(gather, library, index, lookups))
        out.append(keyed(f"articles/{slug}.md", file, depends, None, markdown_view, given.get))
        out.append(keyed(f"articles/{slug}/index.html", file, depends, "article.html", page_view, given.get))
        if not item.placed:
            continue  # (no annotation page: an AnnotationPage holds at least one annotation, W3C, review 67)
        order, at = _chain(library, index, lookups.annotated)
        neighbours = tuple(f"article:{s}" for s in order if s != slug)
        out.append(keyed(f"articles/{slug}/annotations.jsonld", file, (f"article:{slug}", "site", *neighbours,
                                                                       "articles"),
                         None, AnnotationsView(starts[index], order, at), given.take))
    return out
