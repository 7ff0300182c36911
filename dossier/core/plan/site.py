"""The site-wide pages: home, /sources/, /tags/, the editors' report, 404, the annotation collection and the
static files. Each is planned from the Library and the article rows (article_pages.py)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Mapping, Sequence

from . import structured
from . import views
from . import webanno
from ..text.markdown import md_html
from ..analyse.library import Library
from .page import Page, context, data, html


def _home(library: Library, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    dossier, urls = library.dossier, library.urls
    return context(
        dossier, urls, "index.html", dossier.config.title,
        meta={"jsonld": structured.website(dossier, dossier.config.origin + urls.home)}, articles=rows,
        description_html=md_html(dossier.config.description, urls)[0],
        counts={"entities": len(dossier.entities), "comparisons": len(dossier.comparisons),
                "annotations": sum(r["annotations"] for r in rows)},
        comparisons=[{"title": c.title, "url": urls.comparison(c.id), "question": c.question, "kind": c.kind}
                     for c in sorted(dossier.comparisons, key=lambda c: (c.kind != "quote", c.title))],
        links={"compare": urls.page("compare"), "entities": urls.page("entities"),
               "timeline": urls.page("timeline"), "passages": urls.page("passages")})


def _sources(library: Library, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    sources = [{"id": s.id, "name": s.name, "homepage": s.homepage, "country": s.country, "note": s.note,
                "articles": [r for r in rows if r["source_id"] == s.id]} for s in library.dossier.sources]
    return context(library.dossier, library.urls, "sources/index.html", "Sources", sources=sources,
                   coverage=library.comparisons.coverage)


def tagged(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Tag → the rows of the annotations that carry it, in article order; tags sorted."""
    tags: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        for ann in row["annotation_rows"]:
            for t in ann["tags"]:
                tags[t["name"]].append(ann)
    return dict(sorted(tags.items()))


def _report(library: Library) -> dict[str, Any]:
    urls = library.urls
    return context(library.dossier, urls, "report/index.html", "Anchoring report",
                   rows=[dict(r, url=urls.annotation(r["article"], r["id"]) if r["status"] in
                              ("exact", "disambiguated", "fuzzy") else "") for r in library.report])


def pages(library: Library, rows: Sequence[Mapping[str, Any]]) -> list[Page]:
    """Home, sources, tags (index and one page per tag), report, 404 and annotations.jsonld, in that order."""
    dossier, urls = library.dossier, library.urls
    articles = tuple(f"article:{item.article.slug}" for item in library.articles)
    tags = tagged(rows)
    out = [html("index.html", "site.yaml", ("site", "sources", "comparisons", "entities", *articles), "home.html",
                lambda: _home(library, rows)),
           html("sources/index.html", "content/sources.yaml", ("site", "sources", "comparisons", *articles),
                "sources.html", lambda: _sources(library, rows)),
           html("tags/index.html", "content/articles", ("site", *articles), "tags.html",
                lambda: context(dossier, urls, "tags/index.html", "Tags",
                                tags=[{"name": t, "url": urls.tag(t), "count": len(r)} for t, r in tags.items()]))]
    for t, tag_rows in tags.items():
        out.append(html(f"tags/{t}/index.html", "content/articles", ("site", *articles), "tag.html",
                        lambda t=t, tag_rows=tag_rows: context(dossier, urls, f"tags/{t}/index.html", f"Tag: {t}",
                                                               tag=t, annotations=tag_rows)))
    out += [html("report/index.html", "content/articles", ("site", *articles), "report.html",
                 lambda: _report(library)),
            html("404.html", "templates/404.html", ("site",), "404.html",
                 lambda: context(dossier, urls, "404.html", "Page not found")),
            data("annotations.jsonld", "content/articles", ("site", *articles),
                 lambda: webanno.collection_json(dossier, library.articles, urls))]
    return out


def static_pages(static: Mapping[str, bytes]) -> list[Page]:
    """static/<name> for every static file, as it is."""
    return [data(f"static/{name}", f"static/{name}", (f"static:{name}",), lambda d=body: d)
            for name, body in sorted(static.items())]
