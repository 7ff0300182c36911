"""A content-keyed cache around the build's pure per-item functions: the live preview's reuse.

A build reads every file every time (cheap) but must not redo every file's work (expensive at 1,000 articles):
decoding and cleaning a seed or parsing and validating an editors' YAML file (loader.parse_file), anchoring an
article's quotes and rendering its notes (library.analyse_article). Each is a pure function of one item, and
its module says what the function reads (its key function: the file's path, a digest of its bytes, the
settings). `Memo.each` maps such a function over items, storing each result under (step, code version, key)
and returning it again while that key holds. Because the key is everything the function reads, a warm build is
byte-identical to a cold one (tests/test_memo.py proves it); nothing is invalidated by time or by watching
files, only by content.

The stages do not know about the cache: they map their functions through an `Each` (shards.py), which a
plain build runs in shards and the preview runs through its Memo. Results are frozen model values, so
sharing one between builds is safe. Entries that the last `keep` builds did not use are dropped at the end of
each build, so memory follows the size of the dossier, not the number of saves.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import Counter
from typing import Any, Callable, Hashable, Iterable, Mapping, Protocol, Sequence, TypeVar

from .identity import SameItems

T = TypeVar("T")
R = TypeVar("R")

# Part of every key: results made by one version of the cached functions are never reused by another. The
# cache lives in one process today (the code cannot change under it); bump this when a cached function
# (loader.parse_file, library.analyse_article, shared_passages.passages_in) changes what it returns, should
# entries ever outlive a process.
VERSION = "1"


def digest(data: bytes | str) -> str:
    """sha256 of `data` (text as UTF-8), hex: the content part of a cache key."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def made_from(step: str, key: Hashable) -> str:
    """A digest of an entry's step and key (pickled: exact), which names the value the step makes from that key;
    a value that carries it (an analysed article, an article's mention links) stands for itself in a page key
    (execute/keys.py) without being written out."""
    return digest(pickle.dumps((step, key), protocol=5))


def fingerprint(value: Any) -> str:
    """A stable digest of JSON-like settings (e.g. a parsed JSON Schema), usable in a key."""
    return digest(json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr).encode("utf-8"))


class Kept(Protocol):
    """Outputs kept from earlier builds by the digest of everything that made them (execute/keys.py's page keys):
    this Memo in the live preview, the persistent cache (shell/cache.py) on the command line. `get` and
    `entry` may run in forked workers; `keep` runs in the parent, once the pages are rendered."""

    def get(self, key: str, path: str) -> tuple[bytes | None, Any] | None:
        """(bytes, the links found in them or None) of the output `path` kept under `key`, or None. The bytes
        are None when the build's sink holds that output already, unchanged (the store told it so); a store
        used without a sink never answers None bytes."""
        ...

    def entry(self, body: bytes, links: Any) -> Any:
        """What to keep of an output rendered anew (small and picklable when workers make it)."""
        ...

    def keep_pages(self, entries: Mapping[str, Any], used: Iterable[str]) -> None:
        """Keep `entries` (key → `entry`); `used`: every key the build looked up (their entries stay)."""
        ...

    def page_group(self, name: str) -> tuple[str, ...] | None:
        """The keys of the pages of a group (plan/page.py `group`) kept under `name` (execute.py), or None."""
        ...

    def keep_page_group(self, name: str, keys: tuple[str, ...]) -> None:
        """Keep a group's keys under `name`, in the order of its pages."""
        ...


class Reuse(Kept, Protocol):
    """Anything that maps a pure per-item step with reuse by content, and keeps page outputs (Kept): this Memo,
    or the shell's persistent cache (dossier/shell/cache.py). `each` must return exactly
    [work(item) for item in items]."""

    def each(self, step: str, work: Callable[[Any], Any], key: Callable[[Any], Hashable],
             items: Sequence[Any]) -> list[Any]: ...


class Backing(Reuse, Protocol):
    """A persistent store behind a Memo (the command line's cache, shell/cache.py): `Reuse`, and `finish` at
    the end of the build whose work it keeps."""

    def finish(self) -> Any: ...


class Memo:
    """Results of pure per-item steps, by content.

    Invariant: an entry stored under (step, VERSION, key) is the value the step's function computed from
    exactly the inputs `key` names, so `each` returns what the function would return now. `misses[step]`
    counts the values this memo did not hold (computed, or given by the backing store, whose own counts say
    which) and `hits[step]` reuses, for tests and for the preview's timing line.
    """

    def __init__(self, keep: int = 2, backing: "Backing | None" = None) -> None:
        """`backing` (optional, the live preview's): a persistent store (the command line's cache) that the
        misses go to until `let_go`: what it holds is read back instead of computed, and what is computed is
        kept there too, so that a preview started on a dossier built before does not redo every file's work."""
        self.keep = keep
        self.backing = backing
        self.build = 0
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self._entries: dict[tuple[Hashable, ...], tuple[int, Any]] = {}  # key → (last build that used it, value)
        self._same: dict[str, SameItems[Any]] = {}   # step → its last results by identity (`by_difference`)

    def __len__(self) -> int:
        return len(self._entries)

    def each(self, step: str, work: Callable[[T], R], key: Callable[[T], Hashable], items: Sequence[T]) -> list[R]:
        """[work(item) for item in items], each computed at most once per key(item).

        `key(item)` must name everything `work` reads (hashable values: strings, digests, tuples, frozen
        dataclasses)."""
        fulls = [(step, VERSION, key(item)) for item in items]
        filled = self._fill(step, work, key, items, fulls) if self.backing is not None else set()
        out = []
        for item, full in zip(items, fulls):
            entry = self._entries.get(full)
            if entry is not None and full not in filled:
                self.hits[step] += 1
            elif entry is None:
                self.misses[step] += 1
                entry = (self.build, work(item))
            else:
                self.misses[step] += 1  # (not held here: the backing read it back or computed it; a key repeated
                filled.discard(full)    # in `items` is a hit after its first time, as without a backing)
            self._entries[full] = (self.build, entry[1])
            out.append(entry[1])
        return out

    def _fill(self, step: str, work: Callable[[T], R], key: Callable[[T], Hashable], items: Sequence[T],
              fulls: list[tuple[Hashable, ...]]) -> set[tuple[Hashable, ...]]:
        """The entries missing here taken from the backing store, all in one call (each key once). Returns
        their keys."""
        todo: dict[tuple[Hashable, ...], T] = {}
        for item, full in zip(items, fulls):
            if full not in self._entries and full not in todo:
                todo[full] = item
        if todo:
            values = self.backing.each(step, work, key, list(todo.values()))  # type: ignore[union-attr]
            for full, value in zip(todo, values):
                self._entries[full] = (self.build, value)
        return set(todo)

    def get(self, key: str, path: str) -> tuple[bytes, Any] | None:
        """A page output kept under `key` (Kept), or None; a hit belongs to this build."""
        entry = self._entries.get(("page", VERSION, key))
        if entry is None and self.backing is not None:
            found = self.backing.get(key, path)
            if found is not None and found[0] is not None:  # (bytes: this memo keeps no sink's files)
                entry = (self.build, found)
        if entry is None:
            self.misses["page"] += 1
            return None
        self.hits["page"] += 1
        self._entries[("page", VERSION, key)] = (self.build, entry[1])
        return entry[1]

    def entry(self, body: bytes, links: Any) -> tuple[bytes, Any]:
        return body, links  # (the preview renders in this process: nothing is copied)

    def keep_pages(self, entries: Mapping[str, Any], used: Iterable[str]) -> None:
        for key, value in entries.items():
            self._entries[("page", VERSION, key)] = (self.build, value)
        if self.backing is not None:
            backing = self.backing
            backing.keep_pages({key: backing.entry(*value) for key, value in entries.items()}, used)

    def page_group(self, name: str) -> tuple[str, ...] | None:
        """The keys of a group of pages kept under `name` (execute.py), here or in the backing store, or None."""
        entry = self._entries.get(("group", VERSION, name))
        if entry is None and self.backing is not None:
            found = self.backing.page_group(name)
            entry = (self.build, found) if found is not None else None
        if entry is None:
            return None
        self._entries[("group", VERSION, name)] = (self.build, entry[1])
        return entry[1]

    def keep_page_group(self, name: str, keys: tuple[str, ...]) -> None:
        self._entries[("group", VERSION, name)] = (self.build, tuple(keys))
        if self.backing is not None:
            self.backing.keep_page_group(name, keys)

    def pages(self, since: int) -> list[tuple[str, Any]]:
        """(page key, kept output) of every page build number `since` or a later one made or reused (those of
        builds before it that were not used since may be swept already)."""
        return [(str(full[2]), value) for full, (used, value) in list(self._entries.items())
                if full[0] == "page" and used >= since]

    def let_go(self) -> None:
        """Stop using the backing store, once it has been told that the build is done (`Backing.finish`: it
        keeps what this build used and prunes the rest). From then on this memo alone serves the saves."""
        backing, self.backing = self.backing, None
        if backing is not None:
            backing.finish()

    def same(self, step: str) -> SameItems[Any]:
        """The step's last results, reused by identity (identity.SameItems; see `by_difference`)."""
        return self._same.setdefault(step, SameItems())

    def begin(self) -> None:
        """Start a build: entries used from now on belong to it."""
        self.build += 1

    def sweep(self) -> int:
        """End a build: drop entries the last `keep` builds did not use. Returns how many were dropped."""
        oldest = self.build - self.keep + 1
        stale = [k for k, (used, _) in self._entries.items() if used < oldest]
        for key in stale:
            del self._entries[key]
        return len(stale)


def memo_of(each: Any) -> Memo | None:
    """The Memo whose `each` this is (the live preview's), else None (the command line's cache, or shards)."""
    memo = getattr(each, "__self__", None)
    return memo if isinstance(memo, Memo) else None


def by_difference(each: Any, step: str, work: Callable[[Any], Any], key: Callable[[Any], Hashable],
                  items: Sequence[Any], names: Sequence[Hashable], settings: Sequence[Any],
                  sources: Sequence[Any] | None = None) -> list[Any]:
    """`each(step, work, key, items)`; when `each` is a Memo's (the live preview's), only the items whose source
    or setting changed since the step's last call go to it (identity.SameItems): a step of 10,000 files then
    costs a save a lookup per file instead of a key and a memo lookup each. `names[i]` names item i from one
    build to the next; `sources[i]` (default: the item itself) is what it is made of, compared by identity;
    `settings[i]` what else `work` reads, compared with ==. Without a Memo (the command line, whose cache reads
    everything anew) every build does all the work."""
    memo = memo_of(each)
    if memo is None:
        return each(step, work, key, items)

    def compute(todo: list[int]) -> list[Any]:
        return each(step, work, key, [items[i] for i in todo]) if todo else []

    return memo.same(step).map(names, items if sources is None else sources, settings, compute)
