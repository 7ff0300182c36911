"""The passages' pages: /passages/<id>/ for each passage that two or more articles share (and its further pages, for a
passage found in very many places), and /passages/, which lists them all, longest first. Planned from the Library;
each page's input holds its own passage and what it shows of that passage's articles alone, so an article added or
removed renders again only the pages of the passages it holds, and the listing's pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from . import paginate
from . import views
from .article_passages import Listing, badge_words, listing, passage_urls, shown_before
from .interface import article_marks, quote_dir
from .passage_views import Doc, DocSet, Span, listed_view, moved_inserts, passage_view
from ..analyse.library import Library
from ..analyse.shared_passages import SharedPassage
from ..analyse.witnesses import column_id
from ..load.config import SiteConfig
from .page import Page, html, keyed, site_context
from ..common.identity import SameObjects
from ..common.memo import made_from
from ..common.shards import Each
from ..common.urls import Urls
from ..common.records import frozen


@frozen
class PassageInput:
    """Everything one page of a passage reads (page.keyed): the passage, the places the page lists (of its
    occurrences in site order), what it shows of the articles the passage occurs in (Doc: text, title, outlet, the
    annotations and witnesses placed in it), their order in the site, and the page's path, title and navigation."""

    config: SiteConfig
    urls: Urls
    path: str
    title: str
    navigation: Any
    passage: SharedPassage
    places: range
    docs: Mapping[str, Doc]
    order: tuple[str, ...]


class _Docs:
    """What every passage's page is cut from, made once for all of them: what they show of each article (its Doc,
    made when a page is rendered, and the Doc's digest, `made`) and each article's place in the site's order."""

    def __init__(self, library: Library) -> None:
        self.library, self._sources = library, None
        self._made: dict[str, str] = {}  # (each Doc's digest, asked for by every page that shows it)
        self.rank = {item.article.slug: i for i, item in enumerate(library.articles)}

    def _made_of(self) -> dict[str, tuple[Any, ...]]:
        """Per article, what its Doc is made of: (the analysed article, its outlet, each (comparison, witness)
        placed in it, flat); found on first use, once for all the pages. Each Doc and its digest are kept
        while these are the very same objects (the live preview's memo hands them back)."""
        if self._sources is None:
            library = self.library
            outlets, witnessed = views.outlet_names(library.dossier), {}
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

    def of(self, passage: SharedPassage) -> tuple[list[str], tuple[str, ...]]:
        """The passage's articles in the site's order (their order among themselves is all its pages need of it),
        and each one's Doc digest (`made`)."""
        used = sorted({o.doc for o in passage.occurrences}, key=self.rank.__getitem__)
        return used, tuple(map(self.made, used))

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


def _passage_input(library: Library, docs: _Docs, n: int, part: paginate.Slice) -> PassageInput:
    """One page of passage `n` (of the listing), with what it needs of its articles (`_Docs.of`)."""
    passage = library.passages[n]
    used, made = docs.of(passage)
    return PassageInput(library.dossier.config, library.urls, part.path, part.title, part.navigation(library.urls),
                        passage, part.items, DocSet(used, made, docs.doc), tuple(used))


def passage_page(value: PassageInput) -> dict[str, Any]:
    """One page of a passage."""
    return site_context(value.config, value.urls, value.path, value.title, pagination=value.navigation,
                        passage=passage_view(value.passage, value.places, value.docs, value.order,
                                             value.config.language),
                        listing_url=value.urls.page("passages"), compare_url=value.urls.page("compare"))


def _listed(library: Library, listed: Listing) -> list[dict[str, Any]]:
    """What /passages/ shows of each passage, in listing order (passage_views.listed_view), with the marks of its
    first words' language and direction where those are another than the site's."""
    language, urls = library.dossier.config.language, passage_urls(library.urls, listed)
    articles = {item.article.meta.slug: item.article for item in library.articles}
    out = []
    for passage, url in zip(library.passages, urls):
        at = passage.occurrences[0]
        article = articles[at.doc]
        out.append(listed_view(passage, url, article_marks(article.meta.language, language)["lang"],
                               quote_dir(article.text.text, at.start, language)))
    return out


# The passages' pages are keyed in this many families (`_groups`), each passage's pages in the family its id
# falls in: an edit that changes what the pages show of one article (an annotation added to it, its title) keys
# again the families of its passages alone (a tenth of them, or less), not all 20,000 pages at 5,000 articles.
FAMILIES = 256


def _groups(library: Library, docs: _Docs, listed: Listing) -> list[str]:
    """Per passage (in listing order), a digest naming every input of every page of its family (page.Page.group),
    or "" for all where one is not known. A page's input (`_passage_input`) is made of the site's settings and
    URLs, its passage (named by its digest), its pages' paths, titles and navigation (its id in the listing and its
    places), and the Docs of its articles (named by Doc.made) in the site's order: an edit that changes none of
    those for a family's passages (a note reworded, an entity's summary, another article's annotation) leaves
    each key of the family as the last build found it, and no page's input is made."""
    passages = library.passages
    if not all(p.digest for p in passages):
        return [""] * len(passages)
    common = made_from("passage-pages", (library.dossier.config, library.urls))
    lines: dict[int, list[str]] = {}
    family = []
    for n, passage in enumerate(passages):
        used, made = docs.of(passage)
        if not all(made):
            return [""] * len(passages)
        family.append(int(hashlib.sha256(listed.ids[n].encode("utf-8")).hexdigest()[:8], 16) % FAMILIES)
        # (joined, not pickled: no digest, id or slug holds a NUL or a newline)
        lines.setdefault(family[-1], []).append("\0".join((passage.digest, listed.ids[n], *used, *made)))
    digests = {f: hashlib.sha256("\n".join((common, *them)).encode("utf-8")).hexdigest() for f, them in lines.items()}
    return [digests[f] for f in family]


def pages(library: Library, each: Each | None = None) -> list[Page]:
    """/passages/<id>/ (and its further pages) for every passage, then /passages/ and its pages. `each` (the
    build's): the listing is kept through it (article_passages.listing)."""
    listed = listing(library.passages, each)  # (article pages link to the passages by the same: article_passages)
    docs = _Docs(library)
    groups = _groups(library, docs, listed)
    out = [keyed(part.path, "seeds", ("site", "sources", "comparisons",
                                      *sorted({f"article:{o.doc}" for o in library.passages[n].occurrences})),
                 "passage.html", passage_page, partial(_passage_input, library, docs, n, part), groups[n])
           for n, own in enumerate(listed.pages) for part in own]
    articles = tuple(f"article:{item.article.slug}" for item in library.articles)
    rows: list[list[dict[str, Any]]] = []  # (made once, for the first page that asks)

    def listing_page(part: paginate.Slice) -> dict[str, Any]:
        if not rows:
            rows.append(_listed(library, listed))
        return site_context(library.dossier.config, library.urls, part.path, part.title,
                            pagination=part.navigation(library.urls), total=len(listed.ids),
                            first=part.items.start + 1, passages=[rows[0][i] for i in part.items],
                            compare_url=library.urls.page("compare"))
    out += [html(part.path, "seeds", ("site", *articles), "passages.html", partial(listing_page, part))
            for part in listed.parts]
    return out
