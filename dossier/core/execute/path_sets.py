"""The link check's memory of each page's targets, packed for the command line's next run.

What the last check found (linkcheck.Checked) keeps two sets of paths a page: the files its links point to, and
those whose ids it read. At 5,000 articles that is a million paths, but 41,000 different ones; pickled as sets,
each path was written, read back and hashed into a set once for every page naming it (14 MB, read in 0.17 s and
written in 0.12 s by every build). Packed, the paths are written once, in a table, and each page's sets as their
indexes in it (4 bytes each); a recalled page's sets stay packed until the check asks for them, which after one
edit it seldom does (only when a path appeared or disappeared, or a file's ids changed).

The table only grows, so a set packed against it stays right against any longer table that begins with it;
`Packing` makes a new one, every set packed again, once it holds more than twice the site's paths and `SLACK`
(paths of pages removed since).
"""

from __future__ import annotations

from array import array
from typing import AbstractSet, Union

SLACK = 1024
_INDEX = "I"  # (an unsigned C int: 4 bytes on every platform this runs on; a cache never leaves its machine)

# A set of paths as the check keeps it: a frozenset, or packed (bytes) against the Checked's table
Paths = Union[frozenset, bytes]


def unpacked(paths: Paths, table: list[str]) -> frozenset[str]:
    """The set itself, from a packed one (against `table`, or a table `table` begins with)."""
    if isinstance(paths, bytes):
        return frozenset(map(table.__getitem__, array(_INDEX, paths)))
    return paths


class Packing:
    """Sets packed against one table: `old`'s, extended, unless it holds more than twice `site` (the paths of
    the site now) and SLACK, when a new one is begun from `site`. `table` is the table to keep with them."""

    def __init__(self, old: list[str], site: AbstractSet[str], slack: int | None = None) -> None:
        self.old = old
        slack = SLACK if slack is None else slack  # (read when called: a test sets it)
        self.kept = len(old) <= 2 * len(site) + slack  # (sets packed against `old` stay as they are)
        self.table: list[str] = list(old) if self.kept else sorted(site)
        self._index = {path: i for i, path in enumerate(self.table)}
        for path in sorted(site - self._index.keys()) if self.kept else ():  # (the table holds every path)
            self._index[path] = len(self.table)
            self.table.append(path)

    def pack(self, paths: Paths) -> bytes:
        """`paths` packed against this table (a set packed against the old one, packed again only when the table
        was begun anew); a path not in the table is added to it."""
        if isinstance(paths, bytes):
            if self.kept:
                return paths
            paths = unpacked(paths, self.old)
        index, table = self._index, self.table
        for path in paths:
            if path not in index:
                index[path] = len(table)
                table.append(path)
        return array(_INDEX, map(index.__getitem__, paths)).tobytes()
