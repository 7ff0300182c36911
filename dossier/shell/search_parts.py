"""The search index in parts, each indexed again only when one of its pages changed.

Pagefind cannot update an index: every build indexed every page again (10 s at 1,000 articles, 43 s at 5,000),
whatever the edit. So the pages to index are cut into parts (of about `search_part_pages` pages when site.yaml
sets it, else as many as `parts_for` says for their number: 17 of ~100 pages at 1,000 articles), each a
Pagefind bundle of its own, and the search page merges them (Pagefind's `mergeIndex`: the results of every part
ranked together by score, the filter counts added up; static/search.js reads the list of parts from
`pagefind/dossier-parts.json`). A part whose pages are all as they were is not indexed again: its
bundle comes from a store of parts (`Parts`), by a key naming everything Pagefind read for it.

- A page's part is a hash of its path modulo the number of parts, so adding or removing a page moves no other
  page; the pages of one listing (/sources/, /sources/2/, …) hash as its first, so that an edit that moves
  its rows from page to page (an outlet added shifts every one after it) indexes one part again, not one a
  page; the number of parts (and with it every page's part) changes only when the site grows or shrinks past a
  multiple of `search_part_pages`, or past one of `parts_for`'s steps (every 100 pages up to 1,600, then
  further apart: at 1,601, 1,735, 1,945, 2,167 pages…). A part no page falls into has no bundle and is not
  listed. The first page in index order is always in part 0, whose bundle Pagefind's primary instance must be
  able to search.
- Part 0 is the primary bundle at pagefind/, with Pagefind's scripts, styles and WebAssembly: a site of one part
  has the very bundle it always had. Part i > 0 is at pagefind/part-<i>/ and holds only its index (the entry,
  meta, index, filter and fragment files), which the primary instance's WebAssembly searches.
- A part's key is a sha256 of Pagefind's version, the base path, the part's folder and, for each of its pages
  in order, its path and the digest of what Pagefind is sent of it (search_ignored.SentDigests: the page
  without the contents of its ignored elements, which change with every article added or removed: an article
  page's list of the passages it shares); the bundle Pagefind makes of them is canonical (search_canon.py),
  so the same key always stands for the same files.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Mapping, Protocol, Sequence

from ..core.load.config import SiteConfig
from ..core.plan.paginate import NUMBERED

BUNDLE = "pagefind"
PART_PAGES = SiteConfig.search_part_pages  # site.yaml's default: AUTO
AUTO = 0            # no search_part_pages in site.yaml: the number of parts follows the site's size (`parts_for`)
AUTO_PAGES = 100    # pages to a part of a site that size allows
LISTING = f"{BUNDLE}/dossier-parts.json"
INDEX_FILES = ("pagefind-entry.json", "index/", "filter/", "fragment/")  # and pagefind.<hash>.pf_meta


def count(pages: int, part_pages: int = PART_PAGES) -> int:
    """How many parts `pages` searchable pages are cut into (at least one): site.yaml's `search_part_pages`
    pages to a part; when it sets none (`AUTO`), `parts_for(pages)`."""
    if part_pages == AUTO:
        return parts_for(pages)
    return max(1, -(-pages // max(1, part_pages)))


def parts_for(pages: int) -> int:
    """The number of parts when site.yaml leaves it to the build: parts of `AUTO_PAGES` pages while that makes
    at most √(pages / 6) of them, then √(pages / 6) (rounded up), so that the parts grow with the site.

    What a part's size weighs: an edit indexes again each part holding a changed page, which takes about 3.5 ms
    a page (1.2 s for the part of 300 pages a note edit changed at 1,000 articles, 0.4 s for one of 100),
    and each Pagefind process holds its part (~110 MiB for 300 of those pages, ~54 MiB for 100); while a
    reader's first search fetches a few small files from every part (6 parts: 49 requests, 1.0 s in Chromium;
    18 parts: 109 requests, 1.0–1.1 s). The square root keeps both in check: 1 part up to 100 pages, 17 at
    1,706 pages (the pages to index of 1,000 generated articles: parts of ~100), 33 at 6,450 (5,000: ~195),
    78 at 36,000. Both branches grow with `pages`, so their smaller one does: a site that grows never goes back
    to fewer parts (each change of the count moves nearly every page to another part, all indexed again)."""
    if pages <= 0:
        return 1
    by_size = -(-pages // AUTO_PAGES)
    sixth = -(-pages // 6)  # the smallest n with 6 n² >= pages is the smallest with n² >= ceil(pages / 6)
    return max(1, min(by_size, math.isqrt(sixth - 1) + 1))


def part_of(path: str, parts: int) -> int:
    """The part of the page at output `path` among `parts` parts (a hash of the path, not of its place; for a
    page of a listing, of its first page's path: `first_page`)."""
    if parts <= 1:
        return 0
    named = first_page(path)
    return int.from_bytes(hashlib.blake2b(named.encode("utf-8"), digest_size=8).digest(), "big") % parts


def first_page(path: str) -> str:
    """The path of the first page of the listing whose page n > 1 is at `path` (paginate.page_path: <folder>n/,
    the home page's page/n/, /compare/'s compare/page/n/, /entities/' entities/page.n/), else `path`. A page
    directly in a folder of items is none: an article's, a comparison's, an entity's or a tag's id may be a
    number (articles/1984/), and those must not all hash alike."""
    found = _NUMBERED_PAGE.fullmatch(path)
    if found is None:
        return path
    folder = found.group(1)
    if folder in _FIRST:
        return _FIRST[folder]
    return path if folder in _ITEMS else folder + "index.html"


_NUMBERED_PAGE = re.compile(r"(.*[/.])[0-9]+/index\.html")
_FIRST = {"page/": "index.html", **{numbered: folder + "index.html" for folder, numbered in NUMBERED.items()}}
_ITEMS = ("articles/", "compare/", "entities/", "tags/")


def folder(part: int) -> str:
    """The output folder of a part's bundle, with its slash: pagefind/ for part 0, pagefind/part-<i>/ else."""
    return f"{BUNDLE}/" if part == 0 else f"{BUNDLE}/part-{part}/"


def split(paths: Sequence[str], part_pages: int = PART_PAGES) -> dict[int, list[str]]:
    """The pages to index (in index order) grouped by part, parts in order, each keeping that order; only parts
    that have pages, and always part 0: the primary bundle must have pages for any part to be searched (so the
    first page in index order is in part 0 whatever its hash), and a site with no page still gets it."""
    parts = count(len(paths), part_pages)
    out: dict[int, list[str]] = {0: []}
    for i, path in enumerate(paths):
        out.setdefault(0 if i == 0 else part_of(path, parts), []).append(path)
    return dict(sorted(out.items()))


def part_key(part: int, pages: Sequence[tuple[str, str]], base: str, pagefind: str) -> str:
    """The key of a part's bundle: `pages` are (output path, digest of what Pagefind is sent of it) in index
    order, `base` the site's base path (the URLs Pagefind records), `pagefind` its version."""
    text = json.dumps([pagefind, base, folder(part), [list(p) for p in pages]], ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def kept_files(part: int, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The files of a part's bundle the site keeps (paths relative to the part's folder): all of them for the
    primary bundle, only the index for the others."""
    if part == 0:
        return dict(files)
    return {rel: data for rel, data in files.items()
            if rel.startswith(INDEX_FILES) or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))}


def listing(parts: Sequence[int], base: str) -> bytes:
    """pagefind/dossier-parts.json: the bundles the search page merges into the primary one (URL paths)."""
    merged = [base + folder(part) for part in parts if part != 0]
    return (json.dumps({"merge": merged}, ensure_ascii=True) + "\n").encode("ascii")


class Parts(Protocol):
    """A store of part bundles by `part_key`: the live preview's `MemoryParts`, the command line's cache."""

    def search_part(self, key: str) -> Mapping[str, bytes | None] | None:
        """The files (output path → bytes) of the bundle kept under `key`, or None. A file's bytes are None when
        the output folder holds it already, as it is (the store made sure), and it stays there."""
        ...

    def keep_search_part(self, key: str, files: Mapping[str, bytes]) -> None:
        """Keep the files (output path → bytes) of the bundle made for `key`."""
        ...

    def page_marks(self) -> Mapping[str, int]:
        """What the pages of the last index held (search_ignored.indexed_paths), by the digest of their bytes."""
        ...

    def keep_page_marks(self, marks: Mapping[str, int]) -> None:
        """Keep `marks` (a page's digest → what it holds) for the next index, in place of those kept before."""
        ...

    def sent_digests(self) -> Mapping[str, str]:
        """The digest of what Pagefind was sent of each page of the last index (search_ignored.SentDigests), by
        the digest of the page's bytes."""
        ...

    def keep_sent_digests(self, digests: Mapping[str, str]) -> None:
        """Keep `digests` (a page's digest → that of what it sends) for the next index, in place of those kept."""
        ...


class MemoryParts:
    """Part bundles held in memory (the live preview): those the last finished index used or made."""

    def __init__(self) -> None:
        self.kept: dict[str, Mapping[str, bytes]] = {}
        self.used: dict[str, Mapping[str, bytes]] = {}
        self.made = 0   # bundles made by Pagefind (for tests and the preview's line)
        self.marks: Mapping[str, int] = {}
        self.sent: Mapping[str, str] = {}

    def page_marks(self) -> Mapping[str, int]:
        return self.marks

    def keep_page_marks(self, marks: Mapping[str, int]) -> None:
        self.marks = marks

    def sent_digests(self) -> Mapping[str, str]:
        return self.sent

    def keep_sent_digests(self, digests: Mapping[str, str]) -> None:
        self.sent = dict(digests)

    def search_part(self, key: str) -> Mapping[str, bytes] | None:
        found = self.used.get(key) or self.kept.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def keep_search_part(self, key: str, files: Mapping[str, bytes]) -> None:
        self.used[key] = dict(files)
        self.made += 1

    def recall(self, known: Mapping[str, Sequence[tuple[str, str]]], files: Mapping[str, bytes]) -> int:
        """Keep the parts an earlier build made (`known`: part key → the path and digest of each of its files, as
        the cache's page index has them) whose files are all in `files` (the search index in the output folder,
        read) with those digests: a preview's first index then makes only the parts whose pages changed since.
        Returns how many were kept."""
        from .fs import output_digest

        for key, listed in known.items():
            if listed and all(rel in files and output_digest(files[rel]) == digest for rel, digest in listed):
                self.kept[key] = {rel: files[rel] for rel, _ in listed}
        return len(self.kept)

    def finish(self) -> None:
        """An index was written: keep only the parts it used (an older index's parts are not needed again)."""
        self.kept, self.used = self.used, {}
