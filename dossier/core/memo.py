"""Per-file work reused across builds, keyed by content: the live preview's cache.

A build reads every file every time (cheap) but must not redo every file's work (expensive at 1,000 articles):
decoding and cleaning a seed, parsing and validating an editors' YAML file (loader.parse_file), anchoring an
article's quotes and rendering its notes (library.analyse_article).
Each of those is a pure function of one file's bytes plus a few settings, so its result can be stored under
(step, path, sha256 of the bytes, settings) and returned again while that key holds. Because the key is
everything the function reads, a warm build is byte-identical to a cold one (tests/test_memo.py proves it);
nothing is invalidated by time or by watching files, only by content.

Results are frozen model values, so sharing one between builds is safe. Entries that the last `keep` builds
did not use are dropped at the end of each build, so memory follows the size of the dossier, not the
number of saves.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


def digest(data: bytes) -> str:
    """sha256 of `data`, hex: the content part of a memo key."""
    return hashlib.sha256(data).hexdigest()


def fingerprint(value: Any) -> str:
    """A stable digest of JSON-like settings (e.g. a parsed JSON Schema), usable in a key."""
    return digest(json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr).encode("utf-8"))


class Memo:
    """Results of pure per-file steps, by content.

    Invariant: an entry stored under key K is the value the step computed from exactly the inputs K names,
    so `get` returns what `compute()` would return now. `misses[step]` counts real computations and
    `hits[step]` reuses, for tests and for the preview's timing line.
    """

    def __init__(self, keep: int = 2) -> None:
        self.keep = keep
        self.build = 0
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self._entries: dict[tuple[Hashable, ...], tuple[int, Any]] = {}  # key → (last build that used it, value)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, step: str, path: str, data: bytes | str, settings: Hashable, compute: Callable[[], T]) -> T:
        """The result of `compute()` for this step, file content and settings, computed at most once.

        `settings` must name everything besides the file's bytes that `compute` reads (hashable values:
        strings, tuples, frozen dataclasses, fingerprints).
        """
        raw = data.encode("utf-8") if isinstance(data, str) else data
        key = (step, path, digest(raw), settings)
        entry = self._entries.get(key)
        if entry is not None:
            self.hits[step] += 1
            self._entries[key] = (self.build, entry[1])
            return entry[1]  # type: ignore[no-any-return]
        self.misses[step] += 1
        value = compute()
        self._entries[key] = (self.build, value)
        return value

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


class NoMemo(Memo):
    """Computes every time: what `build_site` uses when no memo is given (a plain one-off build)."""

    def get(self, step: str, path: str, data: bytes | str, settings: Hashable, compute: Callable[[], T]) -> T:
        self.misses[step] += 1
        return compute()
