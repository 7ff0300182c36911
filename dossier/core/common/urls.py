"""The one URL scheme of the site. Every internal link is made here; nothing else formats site paths."""

from __future__ import annotations

import re

from .slugs import tag_page
from .records import frozen

_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
# Editors may write these schemes in Markdown notes; they resolve to site URLs and are checked by the build.
INTERNAL = re.compile(r"^(article|entity|compare|tag):([a-z0-9-]+)(#[A-Za-z0-9_-]+)?$")
# The pages of the things an editor names, as the methods below write them (without the base path).
_NAMED_PAGE = re.compile(r"^/(articles|entities|compare|tags)/([a-z0-9-]+)/(?:index\.html)?(#[A-Za-z0-9_-]+)?$")
_KIND_OF_FOLDER = {"articles": "article", "entities": "entity", "compare": "compare", "tags": "tag"}
# Every entity's hovercard, once for the site: the article pages fetch it (static/entities.js)
CARDS = "entities/cards.json"


def internal_link(href: str) -> tuple[str, str, str] | None:
    """(kind, id, fragment without "#") of an `article:`, `entity:`, `compare:` or `tag:` link, else None."""
    match = INTERNAL.match(href)
    return (match.group(1), match.group(2), (match.group(3) or "")[1:]) if match else None


def internal_form(kind: str, ident: str, fragment: str = "") -> str:
    """The link `internal_link` reads as (kind, id, fragment): `kind:id`, then `#fragment` when there is one."""
    return f"{kind}:{ident}" + (f"#{fragment}" if fragment else "")


def named_page(path: str) -> tuple[str, str, str] | None:
    """The same for a site path to such a page (/articles/x/#a-y → ("article", "x", "a-y")), else None."""
    match = _NAMED_PAGE.match(path)
    return (_KIND_OF_FOLDER[match.group(1)], match.group(2), (match.group(3) or "")[1:]) if match else None


@frozen
class Urls:
    """Maps pages to output paths and links. Invariant: base ends with "/"; output paths have no leading "/"."""

    base: str = "/"

    def link(self, path: str) -> str:
        """Output path ("articles/x/index.html") → link under the base path ("/dossier/articles/x/")."""
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        return self.base + path

    home = property(lambda self: self.base)

    def article(self, slug: str) -> str:
        return f"{self.base}articles/{slug}/"

    def article_md(self, slug: str) -> str:
        return f"{self.base}articles/{slug}.md"

    def annotation(self, slug: str, ann_id: str) -> str:
        return f"{self.article(slug)}#a-{ann_id}"

    def entity(self, entity_id: str) -> str:
        return f"{self.base}entities/{entity_id}/"

    def comparison(self, comparison_id: str) -> str:
        return f"{self.base}compare/{comparison_id}/"

    def tag(self, tag: str) -> str:
        """A tag's page, named by `tag_page` (a tag as an editor writes it: "Économie" → /tags/economie/)."""
        return f"{self.base}tags/{tag_page(tag)}/"

    def page(self, name: str) -> str:
        """A top-level page: "sources", "entities", "compare", "passages", "timeline", "search", "report"."""
        return f"{self.base}{name}/"

    def static(self, name: str) -> str:
        return f"{self.base}static/{name}"

    def resolve_note_link(self, href: str) -> str | None:
        """An editor's link target → the URL to emit, or None when it is not allowed.

        Allowed: http(s) and mailto; fragments; paths relative to the site root (/articles/x/, prefixed with
        the base path so dossiers work under a sub-path); and the internal schemes article:, entity:,
        compare:, tag: (e.g. compare:netanyahu-do-it-alone). Everything else (javascript:, data:, file:,
        protocol-relative //host) is refused.
        """
        href = href.strip()
        if _UNSAFE.search(href) or href.startswith(("\\", "/\\")):
            # Browsers drop tabs and newlines inside URLs ("java\tscript:") and read "\\host" or "/\\host"
            # as "//host": refuse all of them rather than guess how a browser will repair the URL.
            return None
        if self.base != "/" and href.startswith(self.base):
            return href  # already resolved: resolving is idempotent, so rendered Markdown can be re-rendered
        match = INTERNAL.match(href)
        if match:
            kind, ident, fragment = match.group(1), match.group(2), match.group(3) or ""
            target = {"article": self.article, "entity": self.entity, "compare": self.comparison,
                      "tag": self.tag}[kind](ident)
            return target + fragment
        lowered = href.lower()
        if lowered.startswith(("http://", "https://", "mailto:")):
            return href
        if href.startswith("//") or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
            return None
        if href.startswith("/"):
            return self.base + href.lstrip("/")
        return href  # a #fragment, or a relative link (which load/references.py refuses in editors' Markdown)
