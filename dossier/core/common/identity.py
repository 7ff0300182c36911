"""Values kept while what they were made from is the very same objects: the live preview's cheap reuse.

The preview's memo (memo.py) hands back the same result objects, build after build, for every file and article
that did not change. A value derived from such objects alone (an analysed article from its analysis, an entity
page's places from an article's text and mentions, an article's JSON export) is then the same too, and
need not be derived again: `SameObjects.get` returns the kept value while each object it was made from is the
very object given now (`is`, never equality: no hashing or comparing of large values). On the command line every
build reads its results afresh, so nothing is found and everything is made, as before.

Frozen values only: what a value was made from must not change in place. An entry holds those objects, so no
other object can take their ids while it is kept; `new_build` drops the entries the last build did not use.
"""

from __future__ import annotations

from operator import is_
from typing import Any, Callable, Generic, Hashable, Sequence, TypeVar

T = TypeVar("T")


class SameObjects(Generic[T]):
    """Values by key, each kept with the objects it was made from (see the module docstring)."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[tuple[Any, ...], T, int]] = {}
        self._build = 0

    def get(self, key: Hashable, sources: tuple[Any, ...], make: Callable[[], T]) -> T:
        """The value kept under `key` if it was made from exactly the objects `sources`, else `make()` (kept)."""
        entry = self._entries.get(key)
        # (map over operator.is_: compared in C, 41,000 times a save at 5,000 articles)
        if entry is None or len(entry[0]) != len(sources) or not all(map(is_, entry[0], sources)):
            entry = (sources, make(), self._build)
        elif entry[2] != self._build:
            entry = (entry[0], entry[1], self._build)
        self._entries[key] = entry
        return entry[1]

    def new_build(self) -> None:
        """A build starts: keep only what the last build used. (Safe beside another thread's `get`, as when two
        builds run in one process: the entries are copied in one step, dict.copy, which makes no object for each
        entry, so no collection can run in the middle and let the other thread in, before they are looked at.)"""
        last = self._build
        for key in [key for key, entry in self._entries.copy().items() if entry[2] != last]:
            self._entries.pop(key, None)
        self._build = last + 1

    def __len__(self) -> int:
        return len(self._entries)


class SameItems(Generic[T]):
    """A per-item step by difference: the results of its last call, each reused while its item's source is the
    very same object and its setting an equal one, so that a save in the live preview costs the step a lookup
    per item and the work of the items it changed (an item added or removed changes nothing for the others).
    On the command line every call is the first: everything goes to `compute`."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[Any, Any, T]] = {}

    def map(self, keys: Sequence[Hashable], sources: Sequence[Any], settings: Sequence[Any],
            compute: Callable[[list[int]], list[T]]) -> list[T]:
        """The result for each item (`keys[i]`, made from `sources[i]`, compared by identity, with `settings[i]`,
        compared with ==): the last call's under that key when both are the same, else from `compute(indexes)`
        (one result per index given, in that order). (A setting that is the same object is not compared: a
        dataclass's == compares every field, even with itself.)"""
        last = self._last
        results: list[Any] = [None] * len(keys)
        todo = []
        for i, key in enumerate(keys):
            found = last.get(key)
            if found is not None and found[0] is sources[i] and (found[1] is settings[i] or found[1] == settings[i]):
                results[i] = found[2]
            else:
                todo.append(i)
        for i, value in zip(todo, compute(todo)):
            results[i] = value
        self._last = {key: (source, setting, value) for key, source, setting, value
                      in zip(keys, sources, settings, results)}
        return results


class EachOf(Generic[T]):
    """`derive(item)` of each item, kept while the item is the very same object: a lookup sees what was derived
    up to the last `new_build`, and what is derived or looked up after it is kept for the next. For values of
    many small items that the live preview hands back build after build (listing rows: their weights on the
    pages of /sources/, tags and the report, 0.25 s of every save's plan at 5,000 articles)."""

    def __init__(self, derive: Callable[[Any], T]) -> None:
        self._derive = derive
        self._last: dict[int, tuple[Any, T]] = {}   # id(item) → (the item, its value)
        self._fresh: dict[int, tuple[Any, T]] = {}

    def new_build(self) -> None:
        """From now on lookups see what was derived or looked up since the last call (the rest is dropped)."""
        self._last, self._fresh = self._fresh, {}

    def each(self, items: Sequence[Any]) -> list[T]:
        last, fresh, derive = self._last, self._fresh, self._derive
        out = []
        for item in items:
            found = last.get(id(item))
            if found is None or found[0] is not item:
                found = fresh.get(id(item))
                if found is None or found[0] is not item:
                    found = (item, derive(item))
            fresh[id(item)] = found
            out.append(found[1])
        return out
