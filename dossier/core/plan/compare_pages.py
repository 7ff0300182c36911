"""Comparisons: /compare/, /compare/<id>/ side by side, and /passages/, planned from the Library.

The witnesses were placed and aligned by the analysis (witnesses.py); here they become pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import AbstractSet, Any

from . import page_spans
from . import paginate
from . import views
from ..analyse.compare_figures import figure_table, figures_disagree
from .interface import article_marks, quote_dir
from .article_passages import badge_words, listing, shown_before
from .passage_views import Doc, DocSet, Piece, Span, moved_inserts, passage_views
from .compare_view import Witnessed, column_set
from ..analyse.library import Library
from ..text.markdown import md_html, render_note
from ..load.config import SiteConfig
from ..load.model import Article
from .page import Page, context, html, keyed, site_context
from ..common.identity import SameObjects
from ..common.memo import made_from
from ..common.urls import Urls
from ..analyse.witnesses import KINDS, PreparedComparison, column_id, witness_id
from ..common.records import frozen

__all__ = ["pages", "witness_id", "column_id"]


def _names(library: Library) -> dict[str, str]:
    """Outlet id → name; an article without `source:` shows "outlet unknown"."""
    return {s.id: s.name for s in library.dossier.sources} | {"": "outlet unknown"}


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
    """`entity_names`, `outlets`: entity id → name and outlet id → name (`_names`), made once for all."""
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
    """A comparison as /compare/ lists it (`sources`: `_names`, made once for all)."""
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


def pages(library: Library, only: AbstractSet[str] | None = None) -> list[Page]:
    """/compare/<id>/ for every comparison with two witnesses or more, then /compare/, then /passages/. `only`:
    the pages of the comparisons whose file is one of these, alone."""
    urls = library.urls
    prepared = library.comparisons.comparisons
    if only is not None:
        prepared = tuple(pc for pc in prepared if pc.comparison.origin.file in only)
    else:
        _STRIPPED.new_build()  # (the whole plan's call: what it does not use is dropped)
    entity_names, outlets = {e.id: e.name for e in library.dossier.entities}, _names(library)
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
    articles = tuple(f"article:{item.article.slug}" for item in library.articles)
    items, parts = listing(library.passages)  # (article pages link into it by the same: article_passages)
    docs = _Docs(library, parts)
    out += [keyed(part.path, "seeds", ("site", "sources", "comparisons", *articles), "passages.html",
                  passages_page, partial(_passages_input, library, docs, items, part))
            for part in parts]
    return out


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


def _continuations(urls: Urls, items: Sequence[Piece], holder: Mapping[int, str],
                   part: paginate.Slice) -> dict[int, str]:
    """For each piece on `part` that a later piece continues (by its index on the page), that piece's URL.
    `holder`: item index → the path of the page that holds it."""
    return {i - part.items.start: f"{urls.link(holder[i + 1])}#{items[i + 1].heading_id}"
            for i in part.items if i + 1 < len(items) and items[i + 1].continued}


@frozen
class PassagesInput:
    """Everything one page of /passages/ reads (page.keyed): its pieces of passages, those passages (by
    index), what it shows of the articles they occur in (Doc: text, title, outlet, the annotations and
    witnesses placed in it), the site's article order, the continuation links and the page's navigation."""

    config: SiteConfig
    urls: Urls
    path: str
    title: str
    navigation: Any
    mine: tuple[Piece, ...]
    passages: Mapping[int, Any]
    docs: Mapping[str, Doc]
    order: tuple[str, ...]
    more: Mapping[int, str]


class _Docs:
    """What every page of /passages/ is cut from, made once for all of them: what they show of each article (its
    Doc, made when a page is rendered, and the Doc's digest, `made`), each article's place in the site's
    order, and which page holds each item."""

    def __init__(self, library: Library, parts: Sequence[paginate.Slice]) -> None:
        self.library, self._sources = library, None
        self._made: dict[str, str] = {}  # (each Doc's digest, asked for by every page that shows it)
        self.rank = {item.article.slug: i for i, item in enumerate(library.articles)}
        self.holder = {i: p.path for p in parts for i in p.items}

    def _made_of(self) -> dict[str, tuple[Any, ...]]:
        """Per article, what its Doc is made of: (the analysed article, its outlet, each (comparison, witness)
        placed in it, flat); found on first use, once for all the pages. Each Doc and its digest are kept
        while these are the very same objects (the live preview's memo hands them back)."""
        if self._sources is None:
            library = self.library
            outlets, witnessed = _names(library), {}
            for pc in library.comparisons.comparisons:
                for p in pc.witnesses:
                    witnessed.setdefault(p.article.slug, []).extend((pc, p))
            _DOCS.new_build()
            _MADE.new_build()
            links = library.entities.links
            self._sources = {item.article.slug: (item, outlets.get(item.article.meta.source, item.article.meta.source),
                                                 links.get(item.article.slug),
                                                 *witnessed.get(item.article.slug, ()))
                             for item in library.articles}
        return self._sources

    def made(self, slug: str) -> str:
        """The digest of what `slug`'s Doc shows (Doc.made), without making it."""
        found = self._made.get(slug)
        if found is None:
            item, outlet, links, *placed = made_of = self._made_of()[slug]
            urls, language = self.library.urls, self.library.dossier.config.language
            found = self._made[slug] = _MADE.get(slug, (*made_of, urls.base, language),
                                                 partial(_doc_made, urls, item, outlet, links, placed, language))
        return found

    def doc(self, slug: str) -> Doc:
        """`slug`'s Doc (see `_doc`)."""
        item, outlet, links, *placed = made_of = self._made_of()[slug]
        urls, language = self.library.urls, self.library.dossier.config.language
        return _DOCS.get(slug, (*made_of, urls.base, language),
                         partial(_doc, urls, item, outlet, links, placed, self.made(slug), language))


def _placed(item: Any, witnessed: Sequence[Any]) -> tuple[tuple[tuple[str, int, int], ...],
                                                          tuple[tuple[str, str, int, int], ...]]:
    """What a Doc shows placed in its article: each annotation's (id, start, end), in id order, and each witness's
    (comparison id, comparison title, start, end); `witnessed`: (comparison, its witness placed in this article),
    flat. Both `_doc_made` and `_doc` read it, so the digest names exactly the spans the Doc has."""
    return (tuple((ann_id, where.start, where.end) for ann_id, where in sorted(item.placed.items())),
            tuple((pc.comparison.id, pc.comparison.title, p.where.start, p.where.end)
                  for pc, p in zip(witnessed[::2], witnessed[1::2])))


def _doc_made(urls: Urls, item: Any, outlet: str, links: Any, witnessed: Sequence[Any], language: str) -> str:
    """The digest of what an article's Doc shows (see `_doc`): its text by the text's stamp, which names it, and
    its mentions (where a note's number goes, `_doc`) by the mentions step's digest, so "" when either has none.
    Only what the Doc shows: an edited note leaves it as it was, and the passages pages with it."""
    a, slug = item.article, item.article.meta.slug
    mentions = getattr(links, "digest", "") if links else "-"
    if not a.text.made or not mentions:
        return ""
    marks = article_marks(a.meta.language, language)
    return made_from("doc", (a.text.made, slug, a.meta.title, outlet, a.meta.date, urls.base, marks["lang"],
                             marks["dir"], mentions, shown_before(a), *_placed(item, witnessed)))


def _doc(urls: Urls, item: Any, outlet: str, links: Any, witnessed: Sequence[Any], made: str, language: str) -> Doc:
    """An article as the passages pages show it: text, title, outlet, date, the marks of its language where it
    is another than the site's `language`, and the annotations and witnesses placed in it (`_placed`, in text
    order), with where the page puts the number or badge of those that end inside a mention (`links`, its
    mentions: passage_views.moved_inserts); `made`: `_doc_made`'s digest of it."""
    a, slug = item.article, item.article.meta.slug
    annotations, witnesses = _placed(item, witnessed)
    # (an annotation is named by the first words it is on: its id, "annotation “dermer-alone-quote”", said
    # nothing to a reader, review 142)
    spans = [Span(start, end, urls.annotation(slug, ann_id), views.first_words(a.text.text[start:end]))
             for ann_id, start, end in annotations]
    spans += [Span(start, end, urls.comparison(cid) + "#" + column_id(slug), title, cid)
              for cid, title, start, end in witnesses]
    moves = moved_inserts(a.text.text, (s.end for s in spans), ((m.start, m.end) for m in links or ()))
    words = badge_words(moves, ((end, title) for _, title, _, end in witnesses))
    return Doc(slug, a.text.text, a.meta.title, outlet, a.meta.date, urls.article(slug),
               tuple(sorted(spans, key=lambda s: (s.start, s.end, s.url))), a.text.made, made,
               **article_marks(a.meta.language, language), moves=moves, shown=shown_before(a), words=words)


# Each article's Doc and its digest while what they are made of is the same objects (the live preview's memo
# hands them back). (A page's DocSet is made anew at each build: it holds the build's `_Docs`, and its digest
# is one hash of its Docs' digests.)
_DOCS: SameObjects[Doc] = SameObjects()
_MADE: SameObjects[str] = SameObjects()


def _passages_input(library: Library, docs: _Docs, items: Sequence[Piece], part: paginate.Slice) -> PassagesInput:
    """One page of /passages/: its passages (or pieces of them), with what they need of their articles (in
    the site's order: their order among themselves is all the page needs of it)."""
    mine = tuple(part.of(items))
    used = sorted({o.doc for x in mine for o in library.passages[x.passage].occurrences}, key=docs.rank.__getitem__)
    made = tuple(map(docs.made, used))
    return PassagesInput(library.dossier.config, library.urls, part.path, part.title, part.navigation(library.urls),
                         mine, {x.passage: library.passages[x.passage] for x in mine},
                         DocSet(used, made, docs.doc), tuple(used),
                         _continuations(library.urls, items, docs.holder, part))


def passages_page(value: PassagesInput) -> dict[str, Any]:
    """One page of /passages/."""
    return site_context(value.config, value.urls, value.path, value.title, pagination=value.navigation,
                        passages=passage_views(value.mine, value.passages, value.docs, value.order, value.more,
                                               value.config.language),
                        compare_url=value.urls.page("compare"))
