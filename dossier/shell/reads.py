"""What the live preview read last time, so that a save costs a read of the saved file, not of the dossier.

`Reads` keeps the bytes of every file one `fs.read_inputs` read, each with its stamp (modification time, size,
inode) when walked: the next read reads again only the files whose stamp changed. The preview's watcher tells a
change by the same stamps, so a file this takes as unchanged is one the preview would not have rebuilt for.

Told of every change (`Reads(noted=True)` and `note`), it also keeps each folder's walk (tree.walk_tree: 5,000
stats and a sort at 5,000 articles, ~0.1 s of every save): a folder in which nothing changed, or in which only
files already walked changed and are still regular files, is not walked again; the changed files are stamped
anew. Anything else there (a file added, removed, turned into a link or a folder) walks the folder again. The
contract, which the preview keeps: the watcher's first snapshot is taken before the first read, and `note` gets
every path whose stamp changed from one snapshot to the next (until it is noted, a change is simply not seen
yet; the generation it bumps makes the preview read again).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Callable, Iterable

from ..core.load.watched import Stamp, stamp_of
from .tree import Tree, walk_tree


class Reads:
    """The files' bytes and the folders' walks of the last `read_inputs` given this (see the module docstring).
    Replaced as a whole by each read (a file gone is forgotten); a read that did not finish leaves no walk."""

    def __init__(self, noted: bool = False) -> None:
        """`noted`: every change will be passed to `note` (else every read walks every folder)."""
        self.files: dict[str, tuple[Stamp, bytes]] = {}
        self.fresh: dict[str, tuple[Stamp, bytes]] = {}
        self.walked = 0                                    # folders walked by the last read (tests)
        self._noted = noted
        self._walks: dict[tuple[str, str], Tree] = {}      # (root, sub) → its walk, as the last read used it
        self._last: dict[tuple[str, str], Tree] = {}       # during a read: the walks of the read before
        self._fresh_walks: dict[tuple[str, str], Tree] = {}
        self._pending: set[str] = set()                    # absolute paths noted since the last read began
        self._since: frozenset[str] | None = None          # during a read: those paths (None: walk everything)
        self._lock = threading.Lock()                      # (`note` is called from the watcher's thread)

    def note(self, paths: Iterable[str]) -> None:
        """Absolute paths (as the watcher's snapshots name them) whose stamp changed."""
        with self._lock:
            self._pending.update(paths)

    def begin(self) -> None:
        with self._lock:
            taken, self._pending = self._pending, set()
        self._last, self._walks = self._walks, {}   # (an interrupted read leaves none: the next walks everything)
        self._since = frozenset(taken) if self._noted and self._last else None
        self.fresh, self._fresh_walks, self.walked = {}, {}, 0

    def walk(self, root: Path, sub: str) -> Tree:
        """tree.walk_tree(root, sub), or the last read's walk of it when nothing there needs a walk."""
        key = (os.fspath(root), sub)
        last = self._last.get(key)
        tree = _restamped(last, key[0], sub, self._since) if last is not None and self._since is not None else None
        if tree is None:
            tree = walk_tree(root, sub)
            self.walked += 1
        self._fresh_walks[key] = tree
        return tree

    def read(self, path: str, stamp: Stamp | None, read: Callable[[str], bytes]) -> bytes:
        """The file's bytes as last read when its stamp is the same, else `read(path)` (fs.py's: the one module
        that reads files)."""
        found = self.files.get(path)
        data = found[1] if found is not None and stamp is not None and found[0] == stamp else read(path)
        if stamp is not None:
            self.fresh[path] = (stamp, data)
        return data

    def done(self) -> None:
        self.files, self.fresh = self.fresh, {}
        self._walks, self._fresh_walks, self._last, self._since = self._fresh_walks, {}, {}, None


def _restamped(last: Tree, base: str, sub: str, changed: frozenset[str]) -> Tree | None:
    """`last` (the walk of base/sub) with the changed files under it stamped anew; None when one of them is not
    a file `last` holds, or is no longer a regular file (then the folder is walked again)."""
    top = os.path.join(base, sub)
    mine = [p for p in changed if p == top or p.startswith(top + os.sep)]
    if not mine:
        return last
    if os.sep != "/":
        return None  # (the tree's paths are posix; other systems simply walk)
    stamps = dict(last.stamps)
    for path in mine:
        rel = path[len(base) + 1:]
        if rel not in stamps:
            return None
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        stamps[rel] = stamp_of(info)
    return Tree(last.files, last.refused, stamps)
