"""Every internal link and #fragment in the output must resolve. Runs over the rendered bytes."""

from __future__ import annotations

import html
import re
from typing import Collection
from urllib.parse import unquote, urlsplit

from ..common.errors import Problem, error


# Every page is produced by our templates and markdown-it, which always write attributes double-quoted, so a
# regular expression finds them exactly (an HTML parser here was 40% of a small build). Attribute values are
# entity-escaped, so a literal `"` cannot end one early; tests/test_quality_links.py re-checks with a parser.
_ATTR = re.compile(r'\s(id|href|src)="([^"]*)"')


def _collect(html_text: str) -> tuple[set[str], list[str]]:
    """A page's ids, and its distinct link targets in order of first appearance."""
    ids: set[str] = set()
    links: dict[str, None] = {}
    for name, value in _ATTR.findall(html_text):
        if "&" in value:
            value = html.unescape(value)
        if name == "id":
            ids.add(value)
        else:
            links[value] = None
    return ids, list(links)


def _target(path: str, base: str) -> str | None:
    """URL path → output file path, or None when the URL is not under the base."""
    if not path.startswith(base):
        return None
    rest = unquote(path[len(base):])
    if rest == "" or rest.endswith("/"):
        return rest + "index.html"
    return rest


# Written after the pure build by the shell (dossier/shell/search.py runs Pagefind over the rendered pages), so not yet
# in `outputs` here; tests/test_quality_links.py re-checks the written site including them.
LATER = ("pagefind/",)


class LinkIndex:
    """The ids and link targets of every page, gathered as pages are written (so the pages themselves need not
    be kept in memory). Invariant: one entry per HTML output path."""

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}
        self.links: dict[str, list[str]] = {}

    def add(self, path: str, data: bytes) -> tuple[set[str], list[str]]:
        """Index the page `path` from its bytes; returns what was found (ids, links), which `put` takes."""
        found = self.ids[path], self.links[path] = _collect(data.decode("utf-8"))
        return found

    def put(self, path: str, found: tuple[set[str], list[str]]) -> None:
        """Index the page `path` from what `add` found in the same bytes earlier."""
        self.ids[path], self.links[path] = found

    def merge(self, other: "LinkIndex") -> None:
        self.ids.update(other.ids)
        self.links.update(other.links)


_SKIP = ("skip", "")


def _resolve(href: str, base: str) -> tuple[str, str]:
    """(kind, target file) of a link without its fragment: kind is "skip" (external, relative, or written
    later), "outside" (under the site root but not the base path), "self" (no path: a bare #fragment) or
    "file"."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return _SKIP  # external: not ours to check offline
    if not parts.path:
        return "self", ""
    if not parts.path.startswith("/"):
        return _SKIP  # relative links are only produced by editors' notes; resolved by the browser
    target = _target(parts.path, base)
    if target is None:
        return "outside", ""
    if target.startswith(LATER):
        return _SKIP
    return "file", target


def _check_page(path: str, hrefs: list[str], ids: dict[str, set[str]], paths: Collection[str], base: str,
                resolved: dict[str, tuple[str, str]]) -> tuple[frozenset[str], list[Problem]]:
    """The files the links of one page point to (the page itself for a bare #fragment), and their problems (see
    check_links); `resolved`: each href's part before the "#", resolved once for all pages."""
    problems, targets = [], {path}
    for href in hrefs:
        head, _, fragment = href.partition("#")
        found = resolved.get(head)
        if found is None:
            found = resolved[head] = _resolve(head, base)
        kind, target = found
        if kind == "skip":
            continue
        if kind == "outside":
            problems.append(error(f"_site/{path}", 0, 0, f"link {href} points outside the site's base path {base}",
                                  "internal links must go through the base path", "links"))
            continue
        if kind == "self":
            target = path
        targets.add(target)
        if target not in paths:
            problems.append(error(f"_site/{path}", 0, 0, f"broken link: {href}",
                                  "no page is written at that path", "links"))
        elif fragment and target in ids and unquote(fragment) not in ids[target] \
                and not fragment.startswith(":~:"):
            problems.append(error(f"_site/{path}", 0, 0, f"broken fragment: {href}",
                                  f"{target} has no element with id \"{fragment}\"", "links"))
    return frozenset(targets), problems


class _Checked:
    """What the last check found, to check again only what may have changed (the live preview, whose memo
    hands back the very same ids and links objects for every page it did not render again): per page, its
    links object, the files they point to and its problems; per file, its ids object; the paths and base."""

    def __init__(self) -> None:
        self.base: str | None = None
        self.paths: frozenset[str] = frozenset()
        self.ids: dict[str, set[str]] = {}
        self.pages: dict[str, tuple[list[str], frozenset[str], list[Problem]]] = {}


_LAST = _Checked()


def check_links(index: LinkIndex, paths: Collection[str], base: str) -> list[Problem]:
    """Every internal link of every page in `index` must name a file among `paths` (and an id in it).

    A page is checked again only when its links are other objects than at the last check, or one of the files
    they point to appeared, disappeared or has other ids objects (identity, never equality: on the command line
    every page's links are read afresh, so every page is checked, as before)."""
    ids, links, last = index.ids, index.links, _LAST
    paths = frozenset(paths)
    if last.base != base:
        last.pages.clear()
    changed = (paths ^ last.paths) | {p for p, found in ids.items() if last.ids.get(p) is not found} | {
        p for p in last.ids if p not in ids}
    # Most links differ only in their fragment (/articles/x/#a-1, #a-2, …): each part before the "#" is
    # resolved once (a fragment is whatever follows the first "#", as urlsplit has it).
    resolved: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    pages: dict[str, tuple[list[str], frozenset[str], list[Problem]]] = {}
    for path in sorted(links):
        hrefs, kept = links[path], last.pages.get(path)
        if kept is None or kept[0] is not hrefs or not kept[1].isdisjoint(changed):
            kept = (hrefs, *_check_page(path, hrefs, ids, paths, base, resolved))
        pages[path] = kept
        problems += kept[2]
    last.base, last.paths, last.ids, last.pages = base, paths, dict(ids), pages
    return problems
