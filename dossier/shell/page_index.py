"""The persistent cache's page index: what each keyed page rendered to, and the parts of the search index.

`<cache>/pages/<code version>` holds, for each keyed page of the plan (keys.page_key, a digest of all the page
reads), the digest of the bytes it rendered to and whether it is an HTML page. The bytes are not copied here:
they are the output folder's file, reused only when its digest is the index's (`get`; read back only when it
is a regular file, readback.py), so a page the last build wrote is not rendered again. The live preview's memo
has this cache behind it until its first good build (memo.Memo's `backing`), with a stage that keeps no record
of the folder (readback.ReadBack: every kept page is read and checked). The parts of the search index
(search_parts.py) are kept the same way, under "search:<part key>": the digests of the bundle's files. One
file, read when the build starts and written by `finish`, with the entries the last `KEEP` builds used (two
builds finishing at once: one index wins, the other's new pages are rendered again).

The ids and link targets of an HTML page (linkcheck.Found, for the link check) are not in the index: they
are a function of the page's bytes, and a build after an edit needs them for few pages (a page whose key did
not change keeps its last check, linkcheck.Checked, unless a page linking into it changed). The index kept
them all before: 50 MB at 5,000 articles, read and written again by every build (0.6 s of a one-note rebuild
there). A kept page hands the link index a `linkcheck.Deferred` that finds them in its file when asked (or in
its bytes, when they were read back). Its ids alone, which a fragment link into it asks for, are also kept in
packs of their own (`<cache>/ids/`, named in the index entry by a digest of the code's version and the page's
bytes' digest, `ids_name`; pruned to the entries of the index): a note edited changes the tag pages that
show it, whose fragment links into 300 article pages read each page's file again (0.1 s at 1,000 articles),
where one entry of the packs is a few hundred bytes. A kept page's file found no longer holding those bytes,
though the output folder's record vouched for it (its size and times unchanged: the record keeps the change
time, which no program sets back, so only a record that lies does so), stops that build; `<cache>/distrusted`
then names it, so that the next build reads and compares it instead of trusting the record, and makes the
page anew.
"""

from __future__ import annotations

import hashlib
import os
from functools import cached_property, partial
from pathlib import Path
from typing import Any, Callable

from ..core.execute import linkcheck
from . import regular
from .framed import read_framed, write_framed
from .fs import OutputError, output_digest, safe_place
from .packs import Packs
from .readback import ReadBack, read_regular

KEEP = 3                      # builds whose entries survive pruning (the cache's packs likewise)
DISTRUSTED = "distrusted"     # the output files found changed behind their record (`found_in_file`), one a line
IDS = "ids"                   # the packs of the ids of HTML pages (`kept_ids`)
MARKS = "marks:search"        # what the pages of the last search index held (`page_marks`)
SENT = "sent:search"          # the digests of what they sent Pagefind (`sent_digests`)
_OPEN_IDS: dict[str, "PageIndex"] = {}  # the caches open in this process, by their ids folder (`kept_ids`)


class OutputChanged(OutputError):
    """A kept page's file no longer holds what the last build wrote there (`found_in_file`)."""


class PageIndex:
    """The page index of a cache.Cache (its base class): `stage` is the build's fs.Stage (None: no pages kept),
    `folder` the cache's folder, `version` the code's."""

    stage: Any
    folder: Path
    version: str

    def _start_pages(self) -> None:
        self._fresh: dict[str, Any] = {}
        self._new_ids: dict[str, str] = {}
        self._reread: set[str] = set()  # ids names found in their page's file: the packs could not answer them
        self._ids = Packs(os.fspath(self.folder / IDS))
        _OPEN_IDS[self._ids.folder] = self
        self._looked_up: set[str] = set()
        self._build, self._pages = self._read_pages() if self.stage is not None else (0, {})
        try:  # (files an earlier build found changed behind their record: the stage reads and compares them)
            listed = regular.read_regular(self.folder / DISTRUSTED, follow=False)  # (a FIFO: none listed)
            self._distrusted = set(listed.decode("utf-8").splitlines())
        except (OSError, ValueError):
            self._distrusted = set()
        known = getattr(self.stage, "known", None)  # (fs.Stage's record of the output folder; ReadBack has none)
        for rel in self._distrusted if known is not None else ():
            known.pop(rel, None)

    def trust_output(self) -> None:
        """The site is in place, each file as this build wrote or checked it: none is distrusted any more."""
        if self._distrusted:
            (self.folder / DISTRUSTED).unlink(missing_ok=True)

    @property
    def _pages_file(self) -> Path:
        """The page index of this code's version: key → (`entry`, last build that used it)."""
        return self.folder / "pages" / self.version[:32]

    def _read_pages(self) -> tuple[int, dict[str, tuple[Any, int]]]:
        """(builds counted so far, the page index); (0, {}) when missing, damaged or unreadable."""
        found, value = read_framed(self._pages_file, b"")
        try:
            build, pages = value if found else (0, {})
            return int(build), dict(pages)
        except (TypeError, ValueError):  # an index this code cannot read is no index
            return 0, {}

    def _write_pages(self) -> None:
        """The page index after this build: what it rendered anew or reused, and the entries one of the
        KEEP - 1 builds before it used (a page that comes back after an undo is found again)."""
        build = self._build + 1
        pages = {k: v for k, v in self._pages.items() if v[1] > build - KEEP}
        pages.update((k, (self._pages[k][0], build)) for k in self._looked_up if k in self._pages)
        pages.update((k, (entry, build)) for k, entry in self._fresh.items())
        write_framed(self._pages_file, b"", (build, pages))
        named = {entry[1] for k, (entry, _) in pages.items()
                 if not k.startswith("search:") and k not in (MARKS, SENT) and entry[1]}
        held = self._ids.names()  # (a name read back from a page's file is written again: its entry was damaged)
        self._ids.write([(name, text.encode("utf-8", "surrogatepass")) for name, text in self._new_ids.items()
                         if name in named and (name not in held or name in self._reread)])
        self._ids.prune(named)

    def _close_ids(self) -> None:
        """This cache is done with the ids packs (`close`)."""
        if _OPEN_IDS.get(self._ids.folder) is self:
            del _OPEN_IDS[self._ids.folder]
        self._ids.close()

    def _ids_of(self, name: str, found: Callable[[], linkcheck.Found]) -> str:
        """The ids kept under `name`; else those `found()` finds in the page's file (checking its digest), kept
        for the ids packs at the end of the build, as a page rendered anew's are (a pack lost or damaged is
        made whole again by the builds that read its pages)."""
        data = self._ids.read(name)
        if data is not None:
            return data.decode("utf-8", "surrogatepass")
        ids = self._new_ids[name] = found()[0]
        self._reread.add(name)
        return ids

    def get(self, key: str, path: str) -> tuple[bytes | None, Any] | None:
        """A page's output kept under `key` by an earlier build (memo.Kept; keys.page_key), or None. The page
        index holds the digest of the bytes; the bytes are the output folder's file at `path`, used only when
        its digest is that one (whoever wrote it, it is then exactly what the page rendered). When the output
        folder's record (uptodate.py) says the file has those bytes and its size, modification and change time are
        still the recorded ones (the test fs.Stage trusts), the file is left where it is, unread: the bytes
        returned are None and the stage is told the file stays. With them, an HTML page's ids and links, found
        when the link check asks (linkcheck.Deferred: in the file, which the build leaves as it is, or in the
        bytes read back)."""
        entry = self._pages.get(key)
        if entry is None or self.stage is None:
            return None
        (digest, ids), _ = entry
        held = self.stage.holds(path, digest)
        body = None if held else self._read_back(path, digest)
        if not held and body is None:
            return None
        if not ids:
            return body, None
        if isinstance(self.stage, ReadBack):  # (the live preview's memo keeps the bytes, and writes the folder)
            return body, linkcheck.Deferred(partial(linkcheck.found_in_bytes, body))
        # (a build's stage leaves the file as it is, the bytes read back too: they are equal; so the bytes are not
        # kept, nor sent from a worker, for ids and links that are seldom asked for)
        out, distrusted = self._places
        return body, linkcheck.Deferred(partial(found_in_file, out, path, digest, distrusted),
                                        partial(kept_ids, self._ids.folder, ids))

    @cached_property
    def _places(self) -> tuple[str, str]:
        """The output folder and the list of distrusted files, as the Deferreds of `get` name them (once: a Path
        made for each of 4,800 pages cost 15 ms at 1,000 articles)."""
        return os.fspath(self.stage.out), os.fspath(self.folder / DISTRUSTED)

    def entry(self, body: bytes, links: Any) -> tuple[str, str | None, str | None]:
        """What the page index keeps of a page rendered anew (in a worker): the digest of its bytes, and for an
        HTML page (`links`: what the link index found in it, None for another file) the name its ids are kept
        under (`ids_name`) and the ids themselves (`keep_pages` puts those in the ids packs)."""
        digest = output_digest(body)
        if links is None:
            return digest, None, None
        found = links.found() if isinstance(links, linkcheck.Deferred) else links
        return digest, ids_name(self.version, digest), found[0]

    def keep_pages(self, entries: Any, used: Any) -> None:
        """The pages this build rendered anew (key → `entry`) and every page key it looked up: `finish`
        writes them into the page index, with the entries the last KEEP builds used."""
        for key, (digest, name, ids) in entries.items():
            self._fresh[key] = digest, name
            if name is not None:
                self._new_ids[name] = ids
        self._looked_up.update(used)

    def search_part(self, key: str) -> dict[str, bytes | None] | None:
        """The files of a search-index part (search_parts.Parts) an earlier build made under `key`, when the output
        folder still holds each of them: as its record says (fs.Stage.holds: the file stays where it is, its bytes
        None), or, once read, with the digest kept here (the bytes; a live preview, which keeps no record, wrote
        the folder since); else None (the part is indexed again)."""
        entry = self._pages.get(f"search:{key}")
        if entry is None or self.stage is None:
            return None
        files: dict[str, bytes | None] = {}
        for rel, digest in entry[0]:
            held = self.stage.holds(rel, digest)
            files[rel] = None if held else self._read_back(rel, digest)
            if not held and files[rel] is None:
                return None
        self._looked_up.add(f"search:{key}")
        return files

    def _read_back(self, rel: str, digest: str) -> bytes | None:
        """The bytes of the output folder's file `rel` when it is a regular file with that digest, else None."""
        try:
            data = read_regular(safe_place(os.fspath(self.stage.out), rel))
        except OutputError:  # (a path no build writes)
            return None
        return data if data is not None and output_digest(data) == digest else None

    def knows(self, key: str) -> bool:
        """Whether the page index has an entry under `key` (a page key, or "search:<part key>")."""
        return key in self._pages or key in self._fresh

    def write_index(self) -> None:
        """Write the page index now, with what `keep_pages` and `keep_search_part` were given (what `finish`
        does, without listing used entries or pruning: the live preview's last outputs, kept when it stops; a
        folder that cannot be written only means no index, framed.write_whole)."""
        self._write_pages()

    def search_parts(self) -> dict[str, Any]:
        """Every search-index part the page index knows: its key → the (path, digest) of each of its files."""
        return {name[7:]: entry[0] for name, entry in self._pages.items() if name.startswith("search:")}

    def keep_search_part(self, key: str, files: Any) -> None:
        """Keep in the page index the files' digests of the search-index part made for `key`."""
        self._fresh[f"search:{key}"] = tuple((rel, output_digest(data)) for rel, data in sorted(files.items()))

    def page_group(self, name: str) -> tuple[str, ...] | None:
        """The keys the pages of a group (page.Page.group) had when an earlier build keyed them, by the group's
        `name` (execute.py: its digest with the templates'), or None."""
        entry = self._pages.get(f"group:{name}")
        if entry is None or self.stage is None or not isinstance(entry[0][0], tuple):
            return None
        self._looked_up.add(f"group:{name}")
        return entry[0][0]

    def keep_page_group(self, name: str, keys: tuple[str, ...]) -> None:
        """Keep in the page index the keys this build found for the pages of a group (`page_group`)."""
        self._fresh[f"group:{name}"] = tuple(keys), None

    def page_marks(self) -> dict[str, int]:
        """What the pages of the last search index held, by their digest (search_parts.Parts)."""
        entry = self._pages.get(MARKS)
        return entry[0] if entry is not None and isinstance(entry[0], dict) else {}

    def keep_page_marks(self, marks: Any) -> None:
        """Keep `marks` in the page index, for the next build's search index."""
        self._fresh[MARKS] = dict(marks)

    def sent_digests(self) -> dict[str, str]:
        """The digests of what the pages of the last search index sent Pagefind, by their own (search_parts.Parts)."""
        entry = self._pages.get(SENT)
        return entry[0] if entry is not None and isinstance(entry[0], dict) else {}

    def keep_sent_digests(self, digests: Any) -> None:
        """Keep `digests` in the page index, for the next build's search index."""
        self._fresh[SENT] = dict(digests)


def ids_name(version: str, digest: str) -> str:
    """The name of the ids of an HTML page whose bytes have `digest` in the ids packs: what finds them
    (linkcheck.found_in) is this code's, so the code's version is part of the name."""
    return hashlib.sha256(f"ids\0{version}\0{digest}".encode("ascii")).hexdigest()


def kept_ids(folder: str, name: str, found: Callable[[], linkcheck.Found]) -> str:
    """The ids (linkcheck.Found's first part) of a kept page: kept under `name` in the ids packs at `folder` by
    the cache open in this process that keeps them (`PageIndex._ids_of`), else those `found()` finds in the
    page's file (no such cache open, or the entry missing or damaged)."""
    index = _OPEN_IDS.get(folder)
    return index._ids_of(name, found) if index is not None else found()[0]


def found_in_file(out: str, rel: str, digest: str, distrusted: str = "") -> linkcheck.Found:
    """The ids and links of the page the output folder holds at `rel` (linkcheck.found_in), for a page kept from
    an earlier build, whose file the build leaves where it is. Its bytes must be those of `digest`: a file that
    no longer holds them (changed by hand or by another build, its size and time kept or the build's record
    trusted them) stops the build (OutputChanged), which puts nothing in place; the file is then named in
    `distrusted` (the cache's), so that the next build reads it, finds it changed and makes the page anew."""
    try:
        data = read_regular(safe_place(out, rel))
    except OutputError:
        data = None
    if data is None or output_digest(data) != digest:
        if distrusted:
            try:
                with open(distrusted, "a", encoding="utf-8") as listed:
                    listed.write(rel + "\n")
            except OSError:
                pass  # (the next build stops here again: the message says what to delete)
        raise OutputChanged(f"{rel} in the output folder no longer holds what the last build wrote there (changed "
                            "by hand, or by another build writing the same folder); build again, and that page is "
                            f"made anew (or delete {rel} from the output folder)")
    return linkcheck.found_in_bytes(data)
