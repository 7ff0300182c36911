"""Reading a file only when it is a regular file: the one way the build opens what a folder it does not control
may hold (the dossier's inputs, its cache `.dossier-cache/`, the output folder's record and pages).

A plain `open()` of a FIFO waits for a writer, for ever: a named pipe put in the cache (a pack, a page index) or
at `_site/.dossier-output` hung `build.py`, `--check` and `--serve` (review 163), as one in `seeds/` once did. So
every such file is opened without blocking (a FIFO opens at once, with no writer) and used only when the open
descriptor is a regular file's; a FIFO, socket, device or folder is refused with an OSError, which each reader
takes as it takes a damaged file: the cache as a miss, the output record as no record.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def open_regular(path: str | Path, follow: bool = True) -> int:
    """A descriptor of `path` opened for reading, when it is a regular file (a symbolic link too, unless `follow`
    is False); the caller closes it. Raises OSError when it cannot be opened or is not a regular file (EINVAL)."""
    fd = os.open(path, _FLAGS | (0 if follow else _NOFOLLOW))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | Path, follow: bool = True) -> bytes:
    """The bytes of `path` when it is a regular file (see `open_regular`); raises OSError otherwise."""
    with open(open_regular(path, follow), "rb") as handle:
        return handle.read()
