"""One build at a time writes an output folder.

A build stages its changed files in `<out>/.dossier-staging/` and moves them into place when it has succeeded
(fs.Stage). Two `build.py` runs into one folder at once shared that staging folder: each began by deleting what
an earlier, killed build had left there, so one deleted the other's files and failed with a traceback halfway
through putting its site in place (or, worse, put some of the other's files in place). So a build holds the
output folder itself locked (an advisory `flock` on the folder, which nothing else in it needs) from before it
stages anything until it has committed or aborted; another waits, and says so. The lock goes with the process:
a build that is killed holds nothing (a process forked meanwhile closes its copy of it). The live preview holds
it while it writes the folder from memory (writer.sync), not between its builds.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .fs import WriteFailed

_HELD: set[int] = set()  # the descriptors this process holds folders locked by


def _let_go_in_child() -> None:
    """In a process just forked (a worker, a step in the background): close its copies of the locks' descriptors.
    A lock stays while any copy is open, so a worker left behind by a build that was killed (blocked writing
    its result for a parent that is gone) held the folder for ever, and every later build waited on it."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_let_go_in_child)


@contextmanager
def holding(out: Path, waiting: Callable[[], None]) -> Iterator[bool]:
    """Hold `out` (made when missing) for one build; yields whether this made it (a failed first build removes
    it again, fs.Stage). `waiting()` is called once if another build holds it, before waiting for that build.
    Raises fs.WriteFailed when the folder cannot be made or opened."""
    said = False
    while True:
        made = not out.exists()
        try:
            out.mkdir(parents=True, exist_ok=True)
            fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise WriteFailed(".", exc.errno, exc.strerror or str(exc)) from exc
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not said:
                    waiting()
                    said = True
                fcntl.flock(fd, fcntl.LOCK_EX)
                made = False  # (the other build made it, or found it)
            if os.path.lexists(out) and os.path.samestat(os.fstat(fd), os.stat(out)):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the build that held it removed the folder (its first build failed): take the new one
    _HELD.add(fd)
    try:
        yield made
    finally:
        _HELD.discard(fd)
        os.close(fd)
