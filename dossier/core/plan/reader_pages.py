"""Reader-facing extras: /timeline/, /search/, feed.xml, sitemap.xml, robots.txt, dossier.json and each article's
JSON export (articles/<slug>/article.json)."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from . import listings
from . import structured
from ..load.config import SiteConfig
from ..analyse.library import Library
from .page import Page, context, data, html, keyed
from ..common.controls import visible_controls
from ..common.urls import Urls

# XML 1.0 forbids C0 controls but tab, LF and CR (even written as references), U+FFFE, U+FFFF and lone
# surrogates: one of them makes the whole feed unreadable to every feed reader.
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def xml_escape(text: str) -> str:
    """Text made safe for XML content and double-quoted attributes, and legal XML 1.0: control characters are
    shown as on the HTML pages (render.visible_controls: ESC as U+241B, a bidi override as [U+202E]); the other
    characters XML forbids become U+FFFD. (xml.sax.saxutils.escape would also import urllib.request,
    http.client and email: a tenth of a small build's start-up.)"""
    text = _NOT_XML.sub("\ufffd", visible_controls(text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def timeline_items(article_rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Publication dates and dated passages, in date order; each links to its source passage."""
    items = []
    for a in article_rows:
        if not a["date"]:  # an undated article has no place on the timeline (its page says it is undated)
            continue
        items.append({"date": a["date"], "kind": "published", "title": a["title"], "url": a["url"],
                      "source": a["source"], "quote": "", "note_html": "", "lang": a["lang"], "dir": a["dir"]})
        for ann in a["annotation_rows"]:
            if ann["date"]:
                items.append({"date": ann["date"], "kind": "reported", "title": a["title"], "url": ann["url"],
                              "source": a["source"], "quote": ann["quote"], "note_html": ann["note_html"],
                              "lang": a["lang"], "dir": ann["dir"]})   # (its paragraph's: interface.quote_dir)
    items.sort(key=lambda i: (i["date"], i["kind"] != "reported", i["source"], i["url"]))
    days: list[dict[str, Any]] = []
    for item in items:
        if not days or days[-1]["date"] != item["date"]:
            days.append({"date": item["date"], "items": []})
        days[-1]["items"].append(item)
    return days


def atom_feed(config: SiteConfig, article_rows: Sequence[Mapping[str, Any]]) -> bytes:
    """Atom 1.0. Dates come from the articles (no clock); links are absolute when base_url has a host."""
    import uuid  # (3 ms to import, with the platform module it reads: only where the feed is made)

    cfg = config
    origin = cfg.origin
    # Without a host there is no address to be the feed's id: a name-based UUID of the site's title and path,
    # so that two dossiers do not share ids (a feed reader merged the entries of two with the same slugs)
    named = uuid.uuid5(uuid.NAMESPACE_URL, f"dossier:{cfg.title}\0{cfg.base_path}")
    feed_id = (origin + cfg.base_path) if origin else named.urn
    updated = max((a["date"] for a in article_rows if a["date"]), default="1970-01-01") + "T00:00:00Z"
    base_attr = f' xml:base="{xml_escape(origin + cfg.base_path)}"' if origin else ""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{xml_escape(cfg.language)}"{base_attr}>',
             f"  <title>{xml_escape(cfg.title)}</title>",
             f"  <id>{xml_escape(feed_id)}</id>",
             f"  <updated>{updated}</updated>",
             f'  <link rel="self" href="{xml_escape(origin + cfg.base_path)}feed.xml"/>',
             f'  <link rel="alternate" type="text/html" href="{xml_escape(origin + cfg.base_path)}"/>',
             f"  <author><name>{xml_escape(cfg.author or cfg.title)}</name></author>"]
    for a in sorted(article_rows, key=lambda r: (r["date"], r["slug"]), reverse=True):
        link = origin + a["url"]
        # (the title in the article's language where it is another than the feed's; not the entry, whose summary
        # is the editors', in the site's)
        lang = f' xml:lang="{xml_escape(a["lang"])}"' if a.get("lang") else ""
        lines += ["  <entry>",
                  f"    <title{lang}>{xml_escape(a['title'])}</title>",
                  f"    <id>{xml_escape(link if origin else uuid.uuid5(named, a['slug']).urn)}</id>",
                  f'    <link rel="alternate" type="text/html" href="{xml_escape(link)}"/>',
                  f"    <updated>{a['date'] + 'T00:00:00Z' if a['date'] else updated}</updated>",
                  *([f"    <published>{a['date']}T00:00:00Z</published>"] if a["date"] else []),
                  *([f"    <author><name>{xml_escape(a['source'])}</name></author>"] if a["source"] else []),
                  f'    <summary type="html">{xml_escape(a["summary_html"])}</summary>',
                  "  </entry>"]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


# What the feed reads of each article's row: its input (a keyed page's, `feed_xml`) holds these alone, so that a
# note edited (which changes the rows' annotations) leaves the feed's key as it was
FEED_FIELDS = ("slug", "date", "url", "title", "source", "summary_html", "lang")


def feed_xml(value: tuple[SiteConfig, tuple[Mapping[str, Any], ...]]) -> bytes:
    """feed.xml from its input: the site's settings and each article's FEED_FIELDS (`atom_feed`)."""
    return atom_feed(*value)


def sitemap(config: SiteConfig, urls: Urls, paths: Iterable[str]) -> bytes:
    """Every page of `paths` a reader may land on (not the 404 page, not the editors' report: none of its
    pages), the numbered pages of a listing too."""
    cfg = config
    pages = sorted(p for p in paths if p.endswith(".html") and p != "404.html" and not p.startswith("report/"))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{xml_escape(cfg.origin + urls.link(p))}</loc></url>" for p in pages]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(config: SiteConfig) -> bytes:
    cfg = config
    text = f"User-agent: *\nDisallow: {cfg.base_path}report/\n"
    if cfg.origin:
        text += f"Sitemap: {cfg.origin}{cfg.base_path}sitemap.xml\n"
    return text.encode("utf-8")


def pages(library: Library, article_rows: Sequence[Mapping[str, Any]], earlier: Sequence[str]) -> list[Page]:
    """The reader extras, planned last: the sitemap lists `earlier` (every path planned before these) and
    the timeline and search pages."""
    dossier, urls, cfg = library.dossier, library.urls, library.dossier.config
    articles = tuple(f"article:{r['slug']}" for r in article_rows)
    search = {"css": urls.base + "pagefind/pagefind-ui.css", "js": urls.base + "pagefind/pagefind-ui.js",
              "init": urls.static("search.js"), "bundle": urls.base + "pagefind/",
              "ranked": urls.static("ranked/")}  # (Pagefind's API as the UI uses it: static/ranked/pagefind.js)
    days = timeline_items(article_rows)
    # (whether any annotation dates an event: the intro says the timeline shows them only if it does)
    reported = any(i["kind"] == "reported" for d in days for i in d["items"])
    site, links = (cfg.origin, urls.base), library.entities.links
    out = [html(part.path, "content/articles", ("site", "sources", *articles), "timeline.html",
                lambda part=part: context(dossier, urls, part.path, part.title, pagination=part.navigation(urls),
                                          days=part.of(days), reported=reported))
           for part in listings.timeline_slices(days)]
    out += [html("search/index.html", "templates/search.html", ("site",), "search.html",
                 lambda: context(dossier, urls, "search/index.html", "Search", search=search)),
            keyed("feed.xml", "content/articles", ("site", "sources", *articles), None, feed_xml,
                  lambda: (cfg, tuple({k: r[k] for k in FEED_FIELDS} for r in article_rows))),
            keyed("dossier.json", "content", ("site", "sources", "entities", "comparisons", *articles), None,
                  structured.index_json,
                  lambda: structured.index_input(dossier, library.articles, urls, library.comparisons.comparisons))]
    out += [keyed(structured.article_data(item.article.meta.slug), item.article.meta.origin.file,
                  ("site", "entities", f"article:{item.article.meta.slug}"), None, structured.article_json,
                  lambda item=item: (site, item, links.get(item.article.meta.slug, ())))
            for item in library.articles]
    paths = [*earlier, *(p.path for p in out)]
    out += [data("sitemap.xml", "site.yaml", ("site", "entities", "comparisons", *articles), lambda: sitemap(cfg, urls, paths)),
            data("robots.txt", "site.yaml", ("site",), lambda: robots(cfg))]
    return out
