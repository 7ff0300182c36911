"""Every internal link and #fragment in the output must resolve. Runs over the rendered bytes."""

from __future__ import annotations

import html
import re
from typing import Collection
from urllib.parse import SplitResult, unquote, urlsplit

from .errors import Problem, error


# Every page is produced by our templates and markdown-it, which always write attributes double-quoted, so a
# regular expression finds them exactly (an HTML parser here was 40% of a small build). Attribute values are
# entity-escaped, so a literal `"` cannot end one early; tests/test_quality_links.py re-checks with a parser.
_ATTR = re.compile(r'\s(id|href|src)="([^"]*)"')


def _collect(html_text: str) -> tuple[set[str], list[str]]:
    ids: set[str] = set()
    links: list[str] = []
    for name, value in _ATTR.findall(html_text):
        if "&" in value:
            value = html.unescape(value)
        if name == "id":
            ids.add(value)
        else:
            links.append(value)
    return ids, links


def _target(path: str, base: str) -> str | None:
    """URL path → output file path, or None when the URL is not under the base."""
    if not path.startswith(base):
        return None
    rest = unquote(path[len(base):])
    if rest == "" or rest.endswith("/"):
        return rest + "index.html"
    return rest


# Written after the pure build by the shell (dossier/search.py runs Pagefind over the rendered pages), so not yet
# in `outputs` here; tests/test_quality_links.py re-checks the written site including them.
LATER = ("pagefind/",)


class LinkIndex:
    """The ids and link targets of every page, gathered as pages are written (so the pages themselves need not
    be kept in memory). Invariant: one entry per HTML output path."""

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}
        self.links: dict[str, list[str]] = {}

    def add(self, path: str, data: bytes) -> None:
        self.ids[path], self.links[path] = _collect(data.decode("utf-8"))

    def merge(self, other: "LinkIndex") -> None:
        self.ids.update(other.ids)
        self.links.update(other.links)


def check_links(index: LinkIndex, paths: Collection[str], base: str) -> list[Problem]:
    """Every internal link of every page in `index` must name a file among `paths` (and an id in it)."""
    ids, links = index.ids, index.links
    problems = []
    split: dict[str, SplitResult] = {}  # most hrefs repeat across pages: split each once
    for path in sorted(links):
        for href in links[path]:
            parts = split.get(href)
            if parts is None:
                parts = split[href] = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue  # external: not ours to check offline
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):
                target = _target(parts.path, base)
                if target is None:
                    problems.append(error(f"_site/{path}", 0, 0, f"link {href} points outside the site's base path {base}",
                                          "internal links must go through the base path", "links"))
                    continue
            else:
                continue  # relative links are only produced by editors' notes; resolved by the browser
            if target.startswith(LATER):
                continue
            if target not in paths:
                problems.append(error(f"_site/{path}", 0, 0, f"broken link: {href}",
                                      "no page is written at that path", "links"))
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target] \
                    and not parts.fragment.startswith(":~:"):
                problems.append(error(f"_site/{path}", 0, 0, f"broken fragment: {href}",
                                      f"{target} has no element with id \"{parts.fragment}\"", "links"))
    return problems
