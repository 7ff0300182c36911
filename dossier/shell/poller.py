"""The live preview's watcher thread: find what changed among the watched files, as soon as it changes.

Changes are decided by stamps (mtime, size, inode) of every watched file (serve_files.snapshot). Where the kernel
reports changes (notify.py), the poller sleeps until it does, and when the events name only files, it stamps
those alone (serve_files.restamp): a save then costs a few stats, not a scan of every file, which at 5,000
articles took ~60 ms and, beside a build holding the interpreter, often far longer (each of its 5,000 stats gives
the interpreter up and waits to get it back). A scan of everything still runs when an event names no file, and
after every FALLBACK seconds without events (a change the watches miss is found then), but not while a build
runs (`idle`): beside a build, a scan of 5,000 files took seconds, and a save made meanwhile waited for it to end
before anyone looked at its event. Without the kernel's help, it scans every `poll` seconds.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Callable

from ..core.load.watched import Changes, Stamp, diff
from .notify import FALLBACK, Wakeup
from .serve_files import restamp, restamp_bases, snapshot


class Poller:
    """Calls `report(changes)` for each change found until `stopping` is set (run it in its own thread)."""

    def __init__(self, root: Path, poll: float, wakeup: Wakeup | None, stopping: threading.Event,
                 report: Callable[[Changes], None], idle: Callable[[], bool] = lambda: True) -> None:
        self.root, self.poll, self.wakeup = root, poll, wakeup
        self.stopping, self.report, self.idle = stopping, report, idle

    def run(self, stamps: dict[str, Stamp]) -> None:
        """Watch from `stamps` (the snapshot taken before the preview's first read)."""
        interval, spacing, last = self.poll, 0.0, time.monotonic()
        bases = restamp_bases(self.root)
        while not self.stopping.is_set():
            woken, named = self._wait(interval)
            if not woken and not self.idle():
                continue  # (the fallback scan waits for the build to end: the kernel reports what is saved)
            current = self._restamped(stamps, named, bases)
            if current is None:  # a scan of everything, never sooner than `spacing` after the last one began
                rest = last + spacing - time.monotonic()
                if self.stopping.wait(rest) if rest > 0 else self.stopping.is_set():
                    return
                t0, last = time.thread_time(), time.monotonic()
                try:
                    current, bases = snapshot(self.root), restamp_bases(self.root)
                except Exception:  # a transient error must not end the watching
                    continue
                # A huge dossier: keep the scans under ~20% of a core. Their own CPU time, not the wall time:
                # while a build runs, a scan waits for the interpreter, and a wall-clock interval grew to over
                # a second, which the next save then waited for before anyone noticed it.
                spacing = 4 * (time.thread_time() - t0)
                interval = max(self.poll, spacing)
            changes = diff(stamps, current)
            stamps = current
            if changes and not self.stopping.is_set():
                self.report(changes)

    @staticmethod
    def _restamped(stamps: dict[str, Stamp], named: frozenset[str] | None, bases: Any) -> dict[str, Stamp] | None:
        """serve_files.restamp of the files named, or None (scan everything) when none could be named or it
        failed: an error here must not end the watching."""
        if named is None or bases is None:
            return None
        try:
            return restamp(stamps, named, bases)
        except Exception:
            return None

    def _wait(self, interval: float) -> tuple[bool, frozenset[str] | None]:
        """Sleep until the kernel reports a change (at most FALLBACK seconds, or `interval` while it does not
        watch every folder), or `interval` without it. Whether the kernel woke it (a scan without it is only the
        fallback's, which `idle` may put off), and the files its events named (None: scan everything)."""
        if self.wakeup is None:
            self.stopping.wait(interval)
            return True, None
        if not self.wakeup.complete:  # (a folder the kernel would not watch is found by scanning as often)
            self.wakeup.wait(interval)
            self.wakeup.take()  # (its names are not used: dropped)
            return True, None
        if self.wakeup.wait(max(interval, FALLBACK)):
            return True, self.wakeup.take()
        return False, None
