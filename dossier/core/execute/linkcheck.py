"""Every internal link and #fragment in the output must resolve. Runs over the rendered bytes."""

from __future__ import annotations

import hashlib
import html
import re
from typing import Any, Callable, Collection
from urllib.parse import unquote, urlsplit

from ..common.errors import Problem, did_you_mean, error, meant_of
from .path_sets import Packing, Paths, unpacked


# Every page is produced by our templates and markdown-it, which always write attributes double-quoted, so a
# regular expression finds them exactly (an HTML parser here was 40% of a small build). Attribute values are
# entity-escaped, so a literal `"` cannot end one early; tests/test_quality_links.py re-checks with a parser.
_ATTR = re.compile(r'\s(id|href|src)="([^"]*)"')


# What a page holds, as text: its distinct ids sorted, and its distinct link targets in order of first appearance,
# each NUL-separated (no attribute value holds a NUL). Two strings a page, not a set and a list of hundreds of
# strings: the persistent cache keeps them as they are, a page kept from an earlier build hands them over without
# splitting them, workers send them to the parent at the cost of two strings, and only what the check needs
# again is split (at 1,000 articles, splitting, pickling and unpickling every page's took ~0.25 s of CPU in a
# build after one edit, for pages whose check was recalled).
Found = tuple[str, str]


def found_in(html_text: str) -> Found:
    """A page's ids and link targets, as text (see `Found`)."""
    ids: set[str] = set()
    links: dict[str, None] = {}
    for name, value in _ATTR.findall(html_text):
        if "&" in value:
            value = html.unescape(value)
        if name == "id":
            ids.add(value)
        else:
            links[value] = None
    return "\0".join(sorted(ids)), "\0".join(links)


def found_in_bytes(data: bytes) -> Found:
    """`found_in` of a page's bytes."""
    return found_in(data.decode("utf-8"))


class Deferred:
    """A page's `Found`, made when it is first asked for, by `make()`: the persistent cache's for a page kept
    from an earlier build (shell/page_index.py), which finds them in the page's file; most builds after an edit
    never ask (a page whose key is unchanged keeps its last check, `Checked`). `ids(found)`, when given, answers
    the ids alone, which a fragment link into the page asks for, more cheaply (the cache keeps them; it may
    call `found` itself, which keeps what `make` made), or None (then `make` does). Picklable when `make` and
    `ids` are (a worker sends its link index to the parent)."""

    __slots__ = ("make", "ids", "_found", "_ids")

    def __init__(self, make: Callable[[], Found], ids: Callable[[Callable[[], Found]], str | None] | None = None
                 ) -> None:
        self.make: Callable[[], Found] = make
        self.ids = ids
        self._found: Found | None = None
        self._ids: str | None = None

    def found(self) -> Found:
        if self._found is None:
            self._found, self.make = self.make(), _made  # (what `make` holds is let go)
        return self._found

    def ids_text(self) -> str:
        """The page's ids (Found's first part), asked of `ids` once."""
        if self._found is not None:
            return self._found[0]
        if self._ids is None:
            text = self.ids(self.found) if self.ids is not None else None  # (the links too, should it read them)
            self._ids = self.found()[0] if text is None else text
        return self._ids

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_known, (self._found,)) if self._found is not None else (Deferred, (self.make, self.ids))


def _made() -> Found:
    raise AssertionError("a Deferred is made once")


def _known(found: Found) -> Deferred:
    """A Deferred already made (pickled after its `found()`)."""
    made = Deferred(_made)
    made._found = found
    return made


class _Part:
    """A Deferred's ids (0) or links (1) in a LinkIndex: the text, made when str() asks for it."""

    __slots__ = ("deferred", "part")

    def __init__(self, deferred: Deferred, part: int) -> None:
        self.deferred, self.part = deferred, part

    def __str__(self) -> str:
        return self.deferred.ids_text() if self.part == 0 else self.deferred.found()[1]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _Part, (self.deferred, self.part)


def ids_of(text: str) -> set[str]:
    """The ids a page's `Found` text names."""
    return set(text.split("\0")) if text else set()


def links_of(text: str) -> list[str]:
    """The link targets a page's `Found` text names, in order."""
    return text.split("\0") if text else []


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
    """The ids and link targets of every page (as text, `Found`), gathered as pages are written (so the pages
    themselves need not be kept in memory), and for a page that has one, its key (execute/keys.py: pages of one
    key are the same bytes, so have the same ids and links). Invariant: one entry per HTML output path."""

    def __init__(self) -> None:
        self.ids: dict[str, str | _Part] = {}      # (a _Part for a kept page's: str() makes the text, see `put`)
        self.links: dict[str, str | _Part] = {}
        self.keys: dict[str, str] = {}

    def add(self, path: str, data: bytes, key: str | None = None) -> Found:
        """Index the page `path` from its bytes; returns what was found (ids, links), which `put` takes."""
        found = self.ids[path], self.links[path] = found_in_bytes(data)
        self._key(path, key)
        return found

    def _key(self, path: str, key: str | None) -> None:
        if key is not None:
            self.keys[path] = key
        else:
            self.keys.pop(path, None)

    def put(self, path: str, found: Found | Deferred, key: str | None = None) -> None:
        """Index the page `path` from what `add` found in the same bytes earlier, or will find (Deferred)."""
        if isinstance(found, Deferred):
            self.ids[path], self.links[path] = _Part(found, 0), _Part(found, 1)
        else:
            self.ids[path], self.links[path] = found
        self._key(path, key)

    def merge(self, other: "LinkIndex") -> None:
        self.ids.update(other.ids)
        self.links.update(other.links)
        self.keys.update(other.keys)


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


class _IdSets(dict):
    """Each file's ids as a set, split from its text when a fragment first asks (most files are never asked)."""

    def __init__(self, texts: dict[str, str | _Part]) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, path: str) -> set[str]:
        found = self[path] = ids_of(str(self.texts[path]))
        return found


def _nearest(target: str, paths: Collection[str], base: str) -> str:
    """"; did you mean …" naming the page of the site closest to the missing page `target` (/sources/ for
    /source/), as a link to it is written; "" when none is close, or `target` is a file, not a page (a style
    sheet's name is not a page's)."""
    if not target.endswith("index.html"):
        return ""
    end = -len("index.html")  # (the folders alone are compared: "sources/", not "sources/index.html")
    close = did_you_mean(target[:end], (p[:end] for p in paths if p.endswith("index.html")))
    return f'; did you mean "{base}{meant_of(close)}"?' if close else ""


def _check_page(path: str, hrefs: list[str], ids: _IdSets, paths: Collection[str], base: str,
                resolved: dict[str, tuple[str, str]], nearest: dict[str, str]
                ) -> tuple[frozenset[str], list[Problem], frozenset[str]]:
    """The files the links of one page point to (the page itself for a bare #fragment), their problems (see
    check_links) and those of the files whose ids the check read (linked with a #fragment); `ids`: each file's
    ids; `resolved`: each href's part before the "#", resolved once for all pages; `nearest`: each missing file's
    did-you-mean, found once for all pages."""
    problems, targets, deep = [], {path}, set()
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
            if target not in nearest:
                nearest[target] = _nearest(target, paths, base)
            problems.append(error(f"_site/{path}", 0, 0, f"broken link: {href}",
                                  "no page is written at that path" + nearest[target], "links"))
        elif fragment and not fragment.startswith(":~:"):
            deep.add(target)  # (whether the target is a page with ids, and which: read here)
            wanted = unquote(fragment)
            if target in ids.texts and wanted not in ids[target]:
                close = did_you_mean(wanted, ids[target], True).replace('did you mean "', 'did you mean "#', 1)
                problems.append(error(f"_site/{path}", 0, 0, f"broken fragment: {href}",
                                      f'{target} has no element with id "{fragment}"' + (f"; {close}" if close else ""),
                                      "links"))
    return frozenset(targets), problems, frozenset(deep)


class Checked:
    """What the last check found, to check again only what may have changed: per page, its links, its key, the
    files they point to, its problems and the files whose ids it read (those it links to with a #fragment); per
    file, its ids, its key and a digest of its ids; the paths and the base.

    A page's links (or a file's ids) are the same as at the last check when they are the very same object (the
    live preview's memo hands back the same objects for every page it did not render again) or the page has
    the same key (pages of one key are the same bytes). A file whose ids are not the same is compared by its
    ids' digest, so that a page rendered again with the same ids (a tag page whose notes changed) does not send
    every page that links to it back to the check; nor does one whose ids changed send back a page that links to
    it without a #fragment (every page's menu links to /sources/, whose ids change with the outlets: every page
    of the site was checked again, its links read from its file, after an article of a new outlet was added).
    `remembered()` keeps only the keys, digests, targets (both kinds) and problems, which the command line saves
    with its cache and `recall`s at its next run, so that a build after one edit does not check every link of
    the site again (0.2-0.3 s at 1,000 articles); with every set of paths packed against `table`
    (path_sets.py), the site's paths too until recalled."""

    def __init__(self) -> None:
        self.base: str | None = None
        self.paths: frozenset[str] | bytes = frozenset()
        self.files: dict[str, tuple[str | _Part | None, str | None, str]] = {}
        self.pages: dict[str, _PageChecked] = {}
        self.table: list[str] = []   # (what the packed sets of paths index: path_sets.py)

    def remembered(self) -> "Checked":
        """A copy without the ids and links objects, and only the pages that have keys, its sets of paths packed
        (picklable, small)."""
        paths = unpacked(self.paths, self.table)
        packing = Packing(self.table, paths)
        copy = Checked()
        copy.base, copy.paths = self.base, packing.pack(paths)
        copy.files = {p: (None, *rest) for p, (_, *rest) in self.files.items()}
        copy.pages = {p: (None, key, packing.pack(targets), problems, packing.pack(deep))
                      for p, (_, key, targets, problems, deep) in self.pages.items() if key is not None}
        copy.table = packing.table
        return copy


# A page's check: its links, key, the files they point to, its problems, the files whose ids it read (each set
# of paths packed against the Checked's table when recalled: path_sets.py)
_PageChecked = tuple[Any, Any, Paths, list[Problem], Paths]
_LAST = Checked()


def remembered() -> Checked:
    """What the last check found, to be recalled by a later process (see `Checked`)."""
    return _LAST.remembered()


def recall(checked: Checked) -> None:
    """Take `checked` (from `remembered`, maybe in an earlier process) as what the last check found."""
    global _LAST
    checked.paths = unpacked(checked.paths, checked.table)
    _LAST = checked


def _same(last: tuple[Any, ...] | None, now: Any, key: str | None) -> bool:
    return last is not None and (last[0] is now or (key is not None and last[1] == key))


def _ids_digest(ids: str) -> str:
    return hashlib.blake2b(ids.encode("utf-8"), digest_size=16).hexdigest()


def _files(ids: dict[str, str | _Part], keys: dict[str, str], last: Checked
           ) -> dict[str, tuple[str | _Part, str | None, str]]:
    """Each file's ids, key and ids' digest (the last check's digest when its ids are the same)."""
    files = {}
    for path, found in ids.items():
        key, before = keys.get(path), last.files.get(path)
        digest = before[2] if before is not None and _same(before, found, key) else _ids_digest(str(found))
        files[path] = found, key, digest
    return files


def check_links(index: LinkIndex, paths: Collection[str], base: str) -> list[Problem]:
    """Every internal link of every page in `index` must name a file among `paths` (and an id in it).

    A page is checked again only when its links are not the same as at the last check (see `Checked`), or one
    of the files they point to appeared or disappeared, or one it links to with a #fragment has other ids (or
    none), or, for a page with a broken link, any path appeared or disappeared: its hint names the path closest
    to the missing one among all of them, so a hint recalled unchecked could name a page gone since, or miss one
    now closest. (What else the check reads of a page's targets: nothing.)"""
    ids, links, keys, last = index.ids, index.links, index.keys, _LAST
    paths = frozenset(paths)
    if last.base != base:
        last.pages.clear()
    files = _files(ids, keys, last)
    # (and disappeared; a set of its own: `paths ^ last.paths` is a copy of `paths`' table emptied, and each
    # page's isdisjoint walked all of it, 1 s at 5,000 articles when no path changed)
    appeared = set(paths ^ last.paths)
    moved = bool(appeared)  # (a broken link's did-you-mean is drawn from every path, not only its target)
    other_ids = {p for p, (_, _, digest) in files.items() if p not in last.files or last.files[p][2] != digest} | {
        p for p in last.files if p not in ids}
    # Most links differ only in their fragment (/articles/x/#a-1, #a-2, …): each part before the "#" is
    # resolved once (a fragment is whatever follows the first "#", as urlsplit has it).
    resolved: dict[str, tuple[str, str]] = {}
    nearest: dict[str, str] = {}
    problems: list[Problem] = []
    pages: dict[str, _PageChecked] = {}
    sets = _IdSets(ids)
    table = last.table  # (a recalled page's sets of paths, packed, are unpacked only when asked)
    for path in sorted(links):
        hrefs, key, kept = links[path], keys.get(path), last.pages.get(path)
        if kept is None or not _same((kept[0], kept[1]), hrefs, key) \
                or (appeared and not unpacked(kept[2], table).isdisjoint(appeared)) \
                or (other_ids and not unpacked(kept[4], table).isdisjoint(other_ids)) \
                or (moved and kept[3] and not unpacked(kept[2], table) <= paths):
            kept = (hrefs, key, *_check_page(path, links_of(str(hrefs)), sets, paths, base, resolved, nearest))
        elif kept[0] is not hrefs:
            kept = (hrefs, *kept[1:])
        pages[path] = kept
        problems += kept[3]
    last.base, last.paths, last.pages = base, paths, pages
    last.files = files
    return problems
