"""Stopping a build at once: Ctrl-C (SIGINT) and SIGTERM, in the build process and its workers.

Python turns SIGINT into KeyboardInterrupt but dies at once on SIGTERM, without cleaning up: forked workers
then ran on until they found their parent gone, and the staging folder stayed behind. While `stoppable()` is
active both signals raise `Interrupted` (a KeyboardInterrupt) in the main thread, so the same clean-up runs
for both: the worker pool is terminated (multiprocessing's Pool.__exit__), the Pagefind process killed, the
staging folder removed. Workers ignore SIGINT (a Ctrl-C reaches the whole process group; the parent decides)
and die on SIGTERM, which is how the pool stops them. `deferred()` holds signals back while staged files are
moved into place, so the site is either the previous one or the new one, never a mix.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """The build was asked to stop by `signum`. A KeyboardInterrupt, so that every clean-up written for Ctrl-C
    runs for SIGTERM too, and `except Exception` never swallows it."""

    def __init__(self, signum: int, completed: bool = False, saved: bool = True) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.completed = completed  # the signal came once the site was in place, or while it was put there
        self.saved = saved  # (completed) the build's cache was saved all the same (cache.Cache.finish)


def stopped(exc: KeyboardInterrupt) -> tuple[str, int]:
    """What to tell the user about an interruption, and the exit status (128 + signal, as shells report)."""
    signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
    name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
    if isinstance(exc, Interrupted) and exc.completed:
        if not exc.saved:
            return (f"stopped by {name} after the new site was put in place; the build's cache was not all saved, "
                    f"which only makes the next build slower"), 128 + signum
        return f"stopped by {name} after the new site was put in place", 128 + signum
    return f"stopped by {name}; the output folder was left as it was", 128 + signum


def signalled(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM (a KeyboardInterrupt: `Interrupted`) that raised `exc`: itself, or the cause of the
    RuntimeError Python 3.11 wraps it in when it came while a class was made (its `__set_name__` calls: an
    Enum's members, a cached_property, in a module being imported); None when `exc` is anything else."""
    if isinstance(exc, KeyboardInterrupt):
        return exc
    cause = exc.__cause__
    return cause if isinstance(exc, RuntimeError) and isinstance(cause, KeyboardInterrupt) else None


def _raise(signum: int, frame: Any) -> None:
    raise Interrupted(signum)


@contextmanager
def _handlers(handler: Callable[[int, Any], None]) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread; another thread's caller handles them
        return
    old = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


@contextmanager
def stoppable() -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted` in the main thread while the block runs."""
    with _handlers(_raise):
        yield


_DEFERRING: list[bool] = []  # (a `deferred` block is running in the main thread: one inside it adds nothing)


@contextmanager
def deferred(completed: bool = True) -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block has finished, then raise `Interrupted` (`completed`: the block
    put the site in place, so the message says so). Inside another `deferred` block, signals wait for the end of
    that one (the commit, writer.py, within the build's last lines, cli.py)."""
    if _DEFERRING or threading.current_thread() is not threading.main_thread():
        yield  # (another thread's signals are its caller's: see _handlers)
        return
    received: list[int] = []
    _DEFERRING.append(completed)
    try:
        with _handlers(lambda signum, frame: received.append(signum)):
            yield
    finally:
        _DEFERRING.pop()
    if received:
        raise Interrupted(received[0], completed=completed)


def worker_init() -> None:
    """In a forked worker: leave Ctrl-C to the parent, and die quietly (no traceback) when it terminates us."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
