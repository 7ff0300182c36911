"""The site-wide pages: home, /sources/, /tags/, the editors' report, 404, the annotation collection and the
static files. Each is planned from the Library and the article rows (article_pages.py)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Mapping, Sequence

from . import listings
from . import page_spans
from . import paginate
from . import structured
from . import webanno
from ..text.markdown import md_html
from ..analyse.anchors import shown_score
from ..analyse.library import Anchored, Library
from ..analyse.witnesses import column_id
from .interface import quote_dir
from .page import Page, Row, RowSet, context, data, html
from ..common.identity import SameObjects
from ..common.slugs import tag_key, tag_page


def _home(library: Library, rows: Sequence[Mapping[str, Any]], part: paginate.Slice) -> dict[str, Any]:
    """Page `part` of the home page: its articles; the counts are the whole dossier's, and the lede's
    structured data and the comparisons are on page 1 only."""
    dossier, urls = library.dossier, library.urls
    first = part.number == 1
    return context(
        dossier, urls, part.path, part.title if part.count > 1 else dossier.config.title,
        meta={"jsonld": structured.website(dossier, dossier.config.origin + urls.home) if first else ""},
        articles=[listings.listed(r) for r in part.of(rows)], first=part.items.start + 1, pagination=part.navigation(urls),
        description_html=md_html(dossier.config.description, urls)[0],
        counts={"articles": len(rows), "entities": len(dossier.entities), "comparisons": len(dossier.comparisons),
                "annotations": sum(r["annotations"] for r in rows)},
        comparisons=[{"title": c.title, "url": urls.comparison(c.id), "question": c.question, "kind": c.kind}
                     for c in sorted(dossier.comparisons, key=lambda c: (c.kind != "quote", c.title))] if first else [],
        links={"compare": urls.page("compare"), "entities": urls.page("entities"),
               "timeline": urls.page("timeline"), "passages": urls.page("passages")})


def _sources(library: Library, split: listings.SourcePages, part: paginate.Slice) -> dict[str, Any]:
    return context(library.dossier, library.urls, part.path, part.title, pagination=part.navigation(library.urls),
                   **listings.sources_view(library, split, part))


def tagged(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Row]]:
    """Tag → the rows of the annotations that carry it, in article order; tags sorted. Tags written differently
    that would have one page (an error: tag_clashes.py) are one, as first written."""
    names: dict[str, str] = {}  # the name of a tag's page (slugs.tag_page) → the tag as first written
    tags: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for ann in row["annotation_rows"]:
            for t in ann["tags"]:
                tags[names.setdefault(tag_page(t["name"]), t["name"])].append(ann)
    # (in order without accents and capitals: "Économie" between "dates" and "figures", not after "z"; a tag of
    # lower-case letters, digits and hyphens is its own key, so its place is as it always was)
    return dict(sorted(tags.items(), key=lambda kv: (tag_key(kv[0]), kv[0])))


def _report(library: Library, part: paginate.Slice, articles: Mapping[str, Mapping[str, Any]],
            anchored: Mapping[str, Anchored]) -> dict[str, Any]:
    """Page `part` of the editors' report; `anchored`: the analysed articles by slug (made once for all the
    report's pages: fifty of them at 1,000 articles); `articles`: the article rows by slug, whose `lang` marks the
    difference each row shows, in its article's words, and whose `dir` it takes where it was not placed; where it
    was, it takes its paragraph's there (interface.quote_dir). `differences`: whether any row of the page shows
    one (none does where every anchor is exact: the column is left out). `again`: a row of the same article as the
    row before it on the page, which a phone shows on one line, without the article and its file again."""
    urls, language = library.urls, library.dossier.config.language

    def direction(r: Mapping[str, Any]) -> str:
        item = anchored.get(r["article"])
        if item is None or r["id"] not in item.placed:
            return articles[r["article"]]["dir"]
        return quote_dir(item.article.text.text, item.placed[r["id"]].start, language)

    mine = part.of(library.report)
    return context(library.dossier, urls, part.path, part.title, pagination=part.navigation(urls),
                   total=len(library.report),
                   rows=[dict(r, url=urls.annotation(r["article"], r["id"]) if r["status"] in
                              ("exact", "disambiguated", "fuzzy") else "",
                              lang=articles[r["article"]]["lang"], dir=direction(r),
                              again=i > 0 and mine[i - 1]["article"] == r["article"])
                         for i, r in enumerate(mine)],
                   differences=any(r["diff"] for r in mine),
                   witnesses=_approximate_witnesses(library, articles) if part.number == 1 else [])


def _approximate_witnesses(library: Library, articles: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The comparisons' witnesses placed only approximately (anchor-fuzzy), for the report's first page, in
    comparison and column order: each with its comparison, linked to its column, its article, score, where its
    quote is written and how the text differs (in its article's language, its paragraph's direction)."""
    urls, language = library.urls, library.dossier.config.language
    return [{"comparison": pc.comparison.id, "url": urls.comparison(pc.comparison.id) + "#" + column_id(p.article.slug),
             "article": p.article.slug, "score": shown_score(p.where.score), "file": p.witness.origin.file,
             "line": p.witness.origin.line, "diff": p.where.diff, "lang": articles[p.article.slug]["lang"],
             "dir": quote_dir(p.article.text.text, p.where.start, language)}
            for pc in library.comparisons.comparisons for p in pc.witnesses if p.where.status == "fuzzy"]


def _tag(library: Library, tag: str, tag_rows: Sequence[Mapping[str, Any]], part: paginate.Slice
         ) -> dict[str, Any]:
    mine = tuple(part.of(tag_rows))
    return context(library.dossier, library.urls, part.path, part.title, pagination=part.navigation(library.urls),
                   tag=tag, total=len(tag_rows), first=part.items.start + 1,
                   annotations=_ROWSETS.get(part.path, mine, lambda: RowSet(mine)))


# Each tag page's rows while they are the same objects: their digest in the page's key is then taken once
# (192 tag pages at 5,000 articles wrote 20 MB of rows into their keys at every save of the live preview)
_ROWSETS: SameObjects[RowSet] = SameObjects()


def pages(library: Library, rows: Sequence[Mapping[str, Any]]) -> list[Page]:
    """Home and sources (each one page or more), tags (index and one page per tag), report, 404 and
    annotations.jsonld, in that order."""
    dossier, urls = library.dossier, library.urls
    articles = tuple(f"article:{item.article.slug}" for item in library.articles)
    tags = tagged(rows)
    _ROWSETS.new_build()
    home = ("site", "sources", "comparisons", "entities", *articles)
    out = [html(part.path, "site.yaml", home, "home.html", lambda part=part: _home(library, rows, part))
           for part in listings.home_slices(rows)]
    split = listings.source_slices(library, rows)  # once for all the pages of /sources/
    out += [html(part.path, "content/sources.yaml", ("site", "sources", "comparisons", *articles), "sources.html",
                 lambda part=part: _sources(library, split, part)) for part in split.pages]
    out.append(html("tags/index.html", "content/articles", ("site", *articles), "tags.html",
                    lambda: context(dossier, urls, "tags/index.html", "Tags",
                                    tags=[{"name": t, "url": urls.tag(t), "count": len(r)} for t, r in tags.items()])))
    for t, tag_rows in tags.items():
        out += [html(part.path, "content/articles", ("site", *articles), "tag.html",
                     lambda t=t, tag_rows=tag_rows, part=part: _tag(library, t, tag_rows, part))
                for part in paginate.slices(f"tags/{tag_page(t)}/", f"Tag: {t}",
                                            [r.weight for r in tag_rows], paginate.TAG_ITEMS_PER_PAGE,
                                            describe=page_spans.later(lambda tag_rows=tag_rows: page_spans.dated(
                                                [r["article"]["date"] for r in tag_rows], "Annotations")))]
    by_slug = {r["slug"]: r for r in rows}
    anchored = {item.article.slug: item for item in library.articles}
    out += [html(part.path, "content/articles", ("site", "comparisons", *articles), "report.html",
                 lambda part=part: _report(library, part, by_slug, anchored))
            for part in paginate.slices("report/", "Anchoring report", library.report_weights,
                                        paginate.REPORT_ROWS_PER_PAGE,
                                        describe=page_spans.later(lambda: page_spans.dated(
                                            [by_slug[r["article"]]["date"] for r in library.report], "Rows")))]
    out += [html("404.html", "templates/404.html", ("site",), "404.html",
                 lambda: context(dossier, urls, "404.html", "Page not found")),
            data("annotations.jsonld", "content/articles", ("site", *articles),
                 lambda: webanno.collection_json(dossier, library.articles, urls))]
    return out


def static_pages(static: Mapping[str, bytes]) -> list[Page]:
    """static/<name> for every static file, as it is."""
    return [data(f"static/{name}", f"static/{name}", (f"static:{name}",), lambda d=body: d)
            for name, body in sorted(static.items())]
