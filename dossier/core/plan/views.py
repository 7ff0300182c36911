"""View models: the plain values templates see. Templates never reach into the model directly."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from ..text.article_html import article_html
from ..text.markdown import ArticleSource, BadgeMark, LinkMark, NoteMark, article_markdown, md_html  # noqa: F401
from ..text.markdown import plain_text
from markdown_it.common.utils import escapeHtml
from ..load.config import SiteConfig
from ..load.model import Article, Dossier, Source
from ..common.urls import Urls
from .interface import APPROXIMATE, article_marks, english_body, is_english, ui_marks

NAV = (("Articles", ""), ("Sources", "sources"), ("Entities", "entities"), ("Compare", "compare"),
       ("Passages", "passages"), ("Timeline", "timeline"), ("Tags", "tags"))
KINDS = {"articles": "Article", "entities": "Entity", "compare": "Comparison", "passages": "Shared passage",
         "tags": "Tag", "sources": "Sources", "timeline": "Timeline"}
STYLES = ("dossier", "entities", "compare")   # static/<name>.css, one per feature
SCRIPTS = ("dossier", "entities", "compare")  # static/<name>.js, progressive enhancement only


def common(cfg: SiteConfig, urls: Urls, page_url: str, title: str, description: str = "") -> dict[str, Any]:
    marks = ui_marks(cfg.language)
    return {
        "site": {"title": cfg.title, "language": cfg.language, "direction": cfg.direction, "author": cfg.author,
                 "base": urls.base},
        # (the marks of the site's own English words on a site in another language: interface.py)
        "ui": marks,
        **{f"ui_{name}": mark for name, mark in marks.items()},  # (plain names: no sandboxed lookup, interface.py)
        "page": {"url": page_url, "title": title, "description": description or page_description(cfg.description),
                 "canonical": cfg.origin + page_url if cfg.origin else "", "og_type": "website",
                 "kind": page_kind(page_url[len(urls.base):]), "outlet": "", "jsonld": "",
                 "searchable": searchable(page_url[len(urls.base):])},
        "nav": [{"label": label, "url": urls.page(name) if name else urls.home,
                 "current": page_url == (urls.page(name) if name else urls.home)} for label, name in NAV],
        "static": {"css": [urls.static(f"{name}.css") for name in STYLES],
                   "js": [urls.static(f"{name}.js") for name in SCRIPTS]},
    }


UNSEARCHABLE = ("report/", "search/", "tags/", "", "404.html", "passages/", "timeline/")
# Listings cut into numbered pages (paginate.py): every page of them is left out, as their first page is
# (the home page's go on in page/). /sources/ is searchable, and so is each of its pages.
LISTINGS = ("report/", "tags/", "passages/", "timeline/", "page/")


def searchable(rel: str) -> bool:
    """Whether a page goes into the search index: the pages that hold something of their own (articles,
    entities, comparisons, sources). Left out: the editors' report, the search page, the home page, and lists
    that only repeat what those pages hold (tags, shared passages, the timeline), which would drown each
    search result in copies and make up most of what the indexer has to read in a large dossier."""
    # (an entity's further pages of mentions, entities/<id>/2/…: each would be a result "Entity: <name>" again)
    return rel not in UNSEARCHABLE and not rel.startswith(LISTINGS) and not (
        rel.startswith("entities/") and rel.count("/") > 2)


def page_kind(path: str) -> str:
    """The search filter "kind" of a page, from its first path segment."""
    return KINDS.get(path.split("/", 1)[0], "Page")


def page_description(markdown_text: str, limit: int = 200) -> str:
    """A page's description (`<meta name="description">`, og:description) from an editors' Markdown field: its
    words without their markup (review 67: "**bold**" and "[the AP text](compare:x)" were written as they were),
    cut at a space before `limit` characters, with an ellipsis, where it is longer."""
    text = plain_text(markdown_text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit - 1].rstrip(" ,;:") + "…"


def article_source(article: Article, notes: Sequence[NoteMark], links: Sequence[LinkMark] = (),
                   badges: Sequence[BadgeMark] = (), source_name: str = "") -> ArticleSource:
    meta = article.meta
    text = article.text
    front = [("title", meta.title)] + [(k, v) for k, v in (("source", source_name or meta.source),
                                                            ("date", meta.date)) if v]  # unknown: left out
    if meta.wire:
        front.append(("wire", meta.wire))
    front.append(("seed", meta.seed))
    headline = bool(text.paragraphs) and text.paragraphs[0].text == meta.title
    return ArticleSource(text.text, tuple((p.start, p.start + len(p.text)) for p in text.paragraphs),
                         tuple(front), headline, tuple(notes), tuple(links), tuple(badges))


def article_view(article: Article, source: Source | None, src: ArticleSource,
                 notes_html: Mapping[str, str], urls: Urls, annotations: Sequence[Mapping[str, Any]],
                 summary_html: str, outlets: Mapping[str, str] | None = None, site_language: str = ""
                 ) -> dict[str, Any]:
    """`outlets`: outlet id → the link to its section on /sources/ (the page of it that holds the section).
    `site_language`: the site's, which the editors' notes and the site's own words in the body are in."""
    meta = article.meta
    # The body straight from the segments: the HTML markdown-it-py makes of the article's `.md` (article_html),
    # but for the headline's notes and badges, which follow its heading rather than being part of its name.
    body = article_html(src, notes_html, urls.resolve_note_link, page=True)
    if src.headline:  # the outlet's headline is the page's h1; it stays part of the annotated text
        body = body.replace("<h1>", '<h1 class="headline" id="headline">', 1)
    marks = article_marks(meta.language, site_language)
    lang = marks["lang"]
    if not is_english(site_language):
        body = english_body(body, site_language)
    if lang:
        body = in_site_language(body, site_language)
    return {
        "slug": meta.slug, "title": meta.title, "headline_in_body": src.headline, "lang": lang, "dir": marks["dir"],
        "source": {"name": source.name if source else meta.source,
                   "url": (outlets or {}).get(meta.source, urls.page("sources") + f"#s-{meta.source}")
                   if meta.source else "",
                   "homepage": source.homepage if source else ""},
        "date": meta.date, "date_note": meta.date_note, "wire": meta.wire, "byline": meta.byline,
        "original_url": meta.url, "summary_html": summary_html,
        "body_html": body, "markdown_url": urls.article_md(meta.slug),
        # (an article none of whose annotations was placed has no annotation page: an AnnotationPage must hold one)
        "jsonld_url": urls.article(meta.slug) + "annotations.jsonld" if annotations else "",
        "seed": meta.seed,
        "dropped": [{"line": d.line, "text": d.text, "why": d.why, "whole": d.whole_line} for d in article.text.dropped],
        "paragraph_count": len(article.text.paragraphs),
        "annotations": list(annotations),
    }


# What the article body holds of the site's own words (the editors' notes, the comparison badges, the print-only
# notes), each opened by markup of ours alone (text is escaped): in an article in another language (`lang` on the
# body), they are marked as the site's, so that a screen reader reads the notes in their own language.
_SITE_WORDS = ('<span class="sn">', '<span class="bw">', '<section class="endnotes"')


def in_site_language(body: str, language: str) -> str:
    """The article body's HTML with the site's `language` on each piece of the site's own words (_SITE_WORDS)."""
    for opening in _SITE_WORDS:
        body = body.replace(opening, f'{opening[:-1]} lang="{escapeHtml(language)}">' if opening.endswith(">")
                            else f'{opening} lang="{escapeHtml(language)}"')
    return body


def sidenote_html(note_html: str, kind: str, speaker: tuple[str, str] | None,
                  tags: Sequence[tuple[str, str]], at_source: str = "", approximate: bool = False,
                  quote: str = "", quote_lang: str = "") -> str:
    """A sidenote's inner HTML: a label (kind, speaker), the note, then tag links. Phrasing content only.
    `approximate`: its quote matched only approximately, which a line after the label says (`APPROXIMATE`).
    `quote`: the words it is on, whose first ones its "at the source" link says to a screen reader after its
    own words, to tell it from the other notes' ("at the source" was the name of 25 links of one article to 25
    places, review 142); `quote_lang`: their language where it is another than the link's English."""
    from markupsafe import escape

    label = []
    if kind:
        label.append(f'<span class="sn-kind">{escape(kind)}</span>')
    if speaker:
        label.append(f'<a class="sn-speaker" href="{escape(speaker[1])}">{escape(speaker[0])}</a>')
    head = f'<span class="sn-label">{" · ".join(label)}</span> ' if label else ""
    if approximate:
        head += f'<span class="sn-approx">{APPROXIMATE}</span> '
    tail = ""
    if at_source:
        words = f'<span lang="{escape(quote_lang)}">{escape(first_words(quote))}</span>' if quote_lang else \
            escape(first_words(quote))
        about = f'<span class="visually-hidden"> (“{words}”)</span>' if quote.strip() else ""
        tail += f' <a class="sn-source" href="{escape(at_source)}">at the source{about}</a>'
    if tags:
        # (each tag isolated: a right-to-left one swapped places with its neighbour, its "#" beside the other)
        links = " ".join(f'<a class="sn-tag" href="{escape(url)}">#<bdi>{escape(name)}</bdi></a>'
                         for name, url in tags)
        tail += f' <span class="sn-tags">{links}</span>'
    return head + note_html + tail


def outlet_names(dossier: Dossier) -> dict[str, str]:
    """Outlet id → name; an article without `source:` shows "outlet unknown"."""
    return {s.id: s.name for s in dossier.sources} | {"": "outlet unknown"}


def first_words(text: str, count: int = 6, limit: int = 60) -> str:
    """The first `count` words of `text` (a quote), at most about `limit` characters of them, with "…" where it goes
    on: enough of it for a link's name to tell the link from others."""
    words = text.split()
    short = " ".join(words[:count])
    if len(short) > limit:   # (long words, or a script written without spaces)
        cut = short.rfind(" ", 0, limit)
        short = short[:cut] if cut > 0 else short[:limit]
    return short + ("…" if short != " ".join(words) else "")
