"""The build's persistent cache: per-file and per-article results kept between runs of `python build.py`.

The same interface as the live preview's memo (core/common/memo.py): `each(step, work, key, items)` maps a pure
function over items, and `key(item)` names everything the function reads. Entries live in
`<root>/.dossier-cache/packs/` (never in the published output; the up-to-date scan and the preview's watcher read
only site.yaml, seeds/, content/, templates/ and static/, so they never see it), each named by
sha256(step, code version, key), many to a pack file (packs.py). The invariant: an entry is used only when it is
intact and was made by this exact code, so a build with the cache is byte-identical to one without
(tests/test_cache_honesty.py):

- the code version is a digest of every .py file of the `dossier` package, the Python version and the versions
  of the libraries the cached functions call: any change to the code makes every old entry unreachable;
- an entry carries an HMAC-SHA256 of its name and payload under this user's key (cache_secret.py: one
  someone else wrote, in a contributed dossier, is never read); a truncated, corrupt or unreadable entry is a
  miss, and is recomputed and stored again (in a newer pack, which is the one read from then on);
- packs are written to a temporary file in the same folder and moved into place with os.replace, so two
  builds at once each see a whole pack or none;
- the folder may be deleted at any time (a missing entry is a miss); each build lists the entries it used, and
  entries no one of the last `KEEP` builds used are deleted (packs.Packs.prune), so the folder follows the
  dossier, not the history.

`pages/<code version>` is the page index (page_index.py): for each keyed page, the digest of the bytes it
rendered to, which the output folder's file must still have to be reused; and the search index's parts.

`ids/` holds the ids of the pages the page index names, in packs of their own (page_index.py), for the link
check of fragment links into pages kept from an earlier build.

`links/<code version>` is what the last build's link check found (linkcheck.Checked: each keyed page's key, the
files its links point to and its problems, each file's ids digest), recalled when the next build starts, so that
it checks again only what may have changed; written by `finish`, one file, the last build's.

`templates/<code version>/` holds Jinja's bytecode cache (compiled.py `compiled_templates`): Jinja checks each compiled
template against a checksum of its source; the folder name adds this code's version; other versions' folders
are deleted by `finish`. `schemas/<code version>/` holds the schemas' validators as fastjsonschema generated and
Python compiled them (`CompiledSchemas`: marshal, behind an HMAC of it), one file per schema, written by the
first process that compiles it; other versions' folders are deleted the same way. Behind both, this user's store
(user_store.py, shared by every dossier): an entry missing here is looked for there, and what is compiled is kept
in both, so a dossier's first build finds the project's templates and schemas compiled.

Lookups of `each` happen in this (the parent) process; the misses are computed through the ShardMap (forked
workers), each of which pickles the value it computed once and sends that payload back: the parent only
unpickles it, and writes the payloads of each step's misses as one pack. The parent lists the names used.
Workers also write compiled templates (a template the parent had not compiled), each file atomically.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import time
from pathlib import Path
from functools import partial
from typing import Any, Callable, Hashable, Sequence

from ..core.common.shards import ShardMap, in_order, map_chunks
from ..core.execute import linkcheck
from . import versions
from .collector import reading_for_good
from .framed import delete_abandoned, read_framed, write_framed
from .packs import Packs
from .regular import read_regular
from .page_index import KEEP, PageIndex
from .compiled import CompiledSchemas, compiled_templates  # noqa: F401 - (named here by callers and tests)
from .user_store import user_store

FOLDER = ".dossier-cache"
# every library a cached step calls (their results may change with a new version)
_LIBRARIES = versions.LIBRARIES
_VERSION: str | None = None


def code_version() -> str:
    """A digest of the dossier package's source, the Python version and the libraries' versions; computed once
    per process (about a hundred small files: a few milliseconds)."""
    global _VERSION
    if _VERSION is None:
        h = hashlib.sha256(sys.version.encode("utf-8"))
        for name in _LIBRARIES:
            h.update(f"\0{name}={versions.version(name)}".encode("utf-8"))
        for rel, path in sorted(_sources(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))),
                                key=lambda source: source[0].split("/")):
            h.update(b"\0" + rel.encode("utf-8") + b"\0")
            with open(path, "rb") as file:
                h.update(file.read())
        _VERSION = h.hexdigest()
    return _VERSION


def _sources(folder: str, rel: str = "") -> list[tuple[str, str]]:
    """(path relative to the package, full path) of every .py file under `folder`: what Path.rglob("*.py") gave
    (in the order of its Paths once sorted by their parts), in a third of the time (6 of a rebuild's ms)."""
    found: list[tuple[str, str]] = []
    try:
        listed = os.scandir(folder)
    except PermissionError:
        if not rel:
            raise
        return found  # (a folder that cannot be read, below the package's: skipped, as rglob skips it)
    with listed as entries:
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():  # (as rglob: a linked folder is not entered)
                found += _sources(entry.path, f"{rel}{entry.name}/")
            elif entry.name.endswith(".py"):
                found.append((rel + entry.name, entry.path))
    return found


def unlinked(folder: Path, depth: int = 3) -> None:
    """`folder` (the cache) and what it holds, `depth` levels down, with every symbolic link removed (the link,
    never what it leads to). The cache is the build's own and deletes what it no longer needs: a contributed
    dossier whose `.dossier-cache/templates` led to a folder outside it had that folder emptied by its first
    build (review 66). A folder of the cache is always a folder of it."""
    try:
        if folder.is_symlink():
            folder.unlink()
            return
        entries = list(os.scandir(folder)) if depth else []
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_symlink():
                os.unlink(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                unlinked(Path(entry.path), depth - 1)
        except OSError:
            pass


class Cache(PageIndex):
    """Results of the build's pure per-item steps, kept on disk by content (see the module docstring).

    `hits[step]` and `misses[step]` count reuses and computations (tests, the summary)."""

    def __init__(self, root: Path, shards: ShardMap = in_order, version: str | None = None,
                 stage: Any = None, links: bool = True) -> None:
        """`stage`: the build's fs.Stage, whose output folder holds the kept pages' bytes (see `get`); None
        (`--check`) keeps no pages. `links`: False where no link check follows (preview_keep.py)."""
        self.stage = stage
        self.folder = root / FOLDER
        unlinked(self.folder)
        self.packs = Packs(os.fspath(self.folder / "packs"))
        self.shards = shards
        self.version = version if version is not None else code_version()
        self.used_names: set[str] = set()
        self.hits: dict[str, int] = {}
        self.misses: dict[str, int] = {}
        # (the page index and the last link check, read back whole: 600,000 objects at 5,000 articles, which the
        # collector's default thresholds, still in force here, walked again and again: 0.31 s against 0.17 s)
        with reading_for_good():
            self._start_pages()
            if stage is not None and links:
                self._recall_links()

    def _recall_links(self) -> None:
        """What the last build's link check found (linkcheck.Checked: each page's key, the files its links
        point to, its problems), so that this build checks again only the pages whose key or targets changed.
        Kept per code version, like the page index; a missing or damaged file means every page is checked."""
        found, checked = read_framed(self.folder / "links" / self.version[:32], b"links")
        linkcheck.recall(checked if found and isinstance(checked, linkcheck.Checked) else linkcheck.Checked())

    def compiled_templates(self) -> Any:
        """Templates as Jinja compiled them, in `<cache>/templates/<code version>/` (see `CompiledTemplates`);
        the folder adds this code's version, since how templates compile depends on our Environment's
        settings. This user's store of them (user_store.py) behind it: what another dossier's build compiled.
        None when the folder cannot be made."""
        folder = self.folder / "templates" / self.version[:32]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return compiled_templates(folder, user_store(self.version))

    def compiled_schemas(self) -> "CompiledSchemas":
        """The schemas' validators as compiled, in `<cache>/schemas/<code version>/` (core/load/schema.py
        `keep_compiled`), and this user's store (user_store.py) behind it."""
        return CompiledSchemas(self.folder / "schemas" / self.version[:32], user_store(self.version))

    def name(self, step: str, key: Hashable) -> str | None:
        """The entry's name: sha256 of (step, version, key) pickled; None when the key cannot be pickled (then
        the item is always computed). Pickle is exact: different keys never share a name (equal keys pickled
        differently only cost a miss)."""
        try:
            blob = pickle.dumps((step, self.version, key), protocol=5)
        except Exception:  # noqa: BLE001 - an unpicklable key is simply not cached
            return None
        return hashlib.sha256(blob).hexdigest()

    def load(self, name: str) -> tuple[bool, Any]:
        """(True, value) for an intact entry; (False, None) when missing, truncated, corrupt or unreadable."""
        payload = self.packs.read(name)
        if payload is None:
            return False, None
        try:
            return True, pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a payload this code cannot read is a miss, never an error
            return False, None

    def store(self, name: str, value: Any) -> None:
        """Keep the entry (a pack of its own, written atomically). A value that cannot be pickled, or a folder
        that cannot be written, only means no entry: the build goes on."""
        try:
            payload = pickle.dumps(value, protocol=5)
        except Exception:  # noqa: BLE001
            return
        self.packs.write([(name, payload)])

    def each(self, step: str, work: Callable[[Any], Any], key: Callable[[Any], Hashable],
             items: Sequence[Any]) -> list[Any]:
        """[work(item) for item in items]: intact entries of this version reused, the rest computed through the
        ShardMap (in workers) and stored from here, as one pack."""
        names, out, todo = self._lookups(step, key, items)
        made = map_chunks(self.shards, [items[i] for i in todo], partial(_made, work, os.getpid()))
        return self._done(step, names, out, todo, made)

    def each_later(self, step: str, work: Callable[[Any], Any], key: Callable[[Any], Hashable],
                   items: Sequence[Any]) -> Callable[[], list[Any]]:
        """`each` begun now, its results asked for later (core.shards.Later): the misses are computed in a
        process of their own (parallel.background) while the build goes on, unless this cache computes in
        order. The passages the articles share are one item: computed alone, they kept one core idle for a
        tenth of a cold build (2 s at 1,000 articles, 14 s at 5,000)."""
        if self.shards is in_order:
            values = self.each(step, work, key, items)
            return lambda: values
        from .parallel import background

        names, out, todo = self._lookups(step, key, items)
        misses, parent = [items[i] for i in todo], os.getpid()
        pending = background(lambda: [_made(work, parent, item) for item in misses]) if misses else lambda: []
        return lambda: self._done(step, names, out, todo, pending())

    def _lookups(self, step: str, key: Callable[[Any], Hashable], items: Sequence[Any]
                 ) -> tuple[list[str | None], list[Any], list[int]]:
        """The items' entry names, their values where intact entries hold them, and the indexes of the rest."""
        names = [self.name(step, key(item)) for item in items]
        out: list[Any] = [None] * len(items)
        todo: list[int] = []
        present = self.packs.names()  # (a name not among them is not looked for)
        with reading_for_good():  # (what is read back lives as long as the build)
            for i, name in enumerate(names):
                found, value = self.load(name) if name in present else (False, None)
                if found:
                    out[i] = value
                else:
                    todo.append(i)
        return names, out, todo

    def _done(self, step: str, names: list[str | None], out: list[Any], todo: list[int],
              made: Sequence[tuple[bool, Any, bytes | None]]) -> list[Any]:
        """`out` completed with what was computed for the misses (`_made`'s), which are stored as one pack."""
        fresh: list[tuple[str, bytes]] = []
        with reading_for_good():
            for i, (pickled, value, payload) in zip(todo, made):
                out[i] = pickle.loads(payload) if pickled else value
                if payload is not None and names[i] is not None:
                    fresh.append((names[i], payload))
        self.packs.write(fresh)
        self.used_names.update(name for name in names if name is not None)
        self.hits[step] = self.hits.get(step, 0) + len(names) - len(todo)
        self.misses[step] = self.misses.get(step, 0) + len(todo)
        return out

    def finish(self) -> int:
        """End of a build: list the entries it used, keep the lists of the last KEEP builds, and delete every
        entry none of them used (nor the last --suggest run, `list_used`). Returns how many entries were deleted.
        Never fails the build."""
        try:
            keep: set[str] = set()
            # (and the last --suggest run's, `list_used`; a list damaged, or a FIFO, regular.py: nothing pruned)
            for recent in self._listed(".txt", KEEP) + self._listed(".suggest", 1, write=False):
                keep.update(read_regular(recent, follow=False).decode("ascii").split())
            if self.stage is not None:
                self._write_pages()
                write_framed(self.folder / "links" / self.version[:32], b"links", linkcheck.remembered())
            return self.packs.prune(keep) + self._prune_templates() + self._drop_entries_folder() + delete_abandoned(
                *(self.folder / name for name in ("pages", "links", "builds", f"templates/{self.version[:32]}",
                                                  f"schemas/{self.version[:32]}")))
        except (OSError, ValueError):  # another build pruned at the same time, a read-only folder, a damaged list
            return 0
        finally:
            self.close()

    def list_used(self) -> None:
        """The end of a run that builds nothing (--suggest): list the entries it used, as `finish` does a build's,
        and prune nothing. The builds after it keep them while it is the last such run: what it read of each text
        for names was deleted by the next build, and read again by the next --suggest (3.0 s against 2.2 s at
        1,000 articles). Never fails the run."""
        try:
            self._listed(".suggest", 1)
        except (OSError, ValueError):
            pass
        finally:
            self.close()

    def _listed(self, suffix: str, keep: int, write: bool = True) -> list[Path]:
        """With `write`, the names of the entries this run used written as builds/<time>-<pid><suffix>; then the
        last `keep` such lists (the others deleted), oldest first."""
        builds = self.folder / "builds"
        if write:
            builds.mkdir(parents=True, exist_ok=True)
            mine = builds / f"{time.time_ns():020d}-{os.getpid()}{suffix}"
            tmp = builds / f".{mine.name}.tmp"
            tmp.write_text("".join(f"{n}\n" for n in sorted(self.used_names)), "ascii")
            os.replace(tmp, mine)
        lists = sorted(p for p in builds.iterdir() if p.suffix == suffix and not p.name.startswith(".")) \
            if builds.is_dir() else []
        for old in lists[:-keep]:
            old.unlink(missing_ok=True)
        return lists[-keep:]

    def close(self) -> None:
        """Close the packs this cache opened (`finish` does; a build that failed before it, or a cache used only
        to keep a preview's pages, calls it)."""
        self.packs.close()
        self._close_ids()

    def _prune_templates(self) -> int:
        """Templates and schemas compiled, page indexes and link checks made by other versions of the code are
        never read again: delete them."""
        dropped = 0
        for folder in (self.folder / "pages", self.folder / "links"):
            for old in folder.iterdir() if folder.is_dir() else ():
                if old.name != self.version[:32] and old.is_file() and not old.name.startswith("."):
                    old.unlink(missing_ok=True)
                    dropped += 1
        for folder in (self.folder / "templates", self.folder / "schemas"):
            for sub in folder.iterdir() if folder.is_dir() else ():
                if sub.name != self.version[:32] and sub.is_dir() and not sub.is_symlink():
                    dropped += sum(len(files) for _, _, files in os.walk(sub))
                    shutil.rmtree(sub, ignore_errors=True)  # (whatever it holds: a folder in it stopped the pruning)
        return dropped

    def _drop_entries_folder(self) -> int:
        """The folder of entries, one file each, that versions before packs (packs.py) wrote: never read again."""
        old = self.folder / "entries"
        if not old.is_dir():
            return 0
        dropped = sum(len(files) for _, _, files in os.walk(old))
        shutil.rmtree(old, ignore_errors=True)
        return dropped


def _made(work: Callable[[Any], Any], parent: int, item: Any) -> tuple[bool, Any, bytes | None]:
    """work(item) and its payload (the value pickled, which the parent stores), in whichever process computed
    it: from a worker, only the payload comes back, (True, None, payload); in the parent itself, the value too,
    (False, value, payload). A value that cannot be pickled is not kept (nor sent: it stays here)."""
    value = work(item)
    try:
        payload = pickle.dumps(value, protocol=5)
    except Exception:  # noqa: BLE001
        return False, value, None
    return (False, value, payload) if os.getpid() == parent else (True, None, payload)
