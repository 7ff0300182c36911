"""Reading back what an earlier build left in the output folder, when no record vouches for it.

The cache keeps no copy of a page's bytes: they are the output folder's file, used when their digest is the
one the page index kept (cache.Cache.get, search_part). When the folder's record (uptodate.py) cannot vouch for
a file, it is read, and only a regular file is: a FIFO, a device or a link put where a page was would block a
build, or read without end, and is simply not reused (the page is rendered again and replaces it).
"""

from __future__ import annotations

from pathlib import Path

from . import regular


class ReadBack:
    """The stage of a build that keeps no record of its output folder (the live preview's, writer.sync): for
    `Cache.get`, every kept page's bytes are read back from `out` and used only when their digest is the page
    index's, never trusted unread."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def holds(self, path: str, digest: str) -> bool:
        return False


def read_regular(path: str | Path) -> bytes | None:
    """The bytes of `path` when it is a regular file (not a link, FIFO, device or folder), else None; None too
    when it cannot be read (regular.py)."""
    try:
        return regular.read_regular(path, follow=False)
    except OSError:
        return None
