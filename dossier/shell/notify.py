"""Wake the live preview's watcher the moment a watched folder changes (Linux inotify, through ctypes).

The watcher (serve_preview.py) finds what changed by comparing stamps of every watched file (serve_files.snapshot).
Scanning ten times a second made a save wait 0-0.1 s before anyone looked, more at 5,000 articles where one
scan takes 0.1 s of CPU and the scans are spaced to keep it under a fifth of a core. With a `Wakeup` the watcher
scans as soon as the kernel reports a change in one of the folders, and only every FALLBACK seconds otherwise
(a change the watches miss, e.g. in a folder made between two scans, is still found then). Where inotify is
missing (another system, no free watch) `open_wakeup` gives None and the watcher polls as before.

Watched: each base folder itself (its site.yaml, and folders made in it) and every folder under its watched
folders (seeds/, content/, templates/, static/), including those made later (`wait` adds them). An event is only
a reason to look: what changed is always decided by the stamps. `take` gives the files the events named, so that
the watcher stamps only those (serve_files.restamp) instead of every file of a 5,000-article dossier; an event
that names no file (a folder made, moved or removed, a watch dropped, events lost) makes it None: scan everything.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import struct
import threading
import time
from typing import Iterable

from ..core.load.watched import is_editor_junk

FALLBACK = 1.0   # seconds between scans when inotify wakes the watcher

_IN_NONBLOCK, _IN_CLOEXEC = 0o4000, 0o2000000
# modified, attributes, closed after writing, moved out or in, created, deleted, the folder itself deleted or moved
_MASK = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
_IN_ISDIR, _IN_Q_OVERFLOW, _IN_IGNORED = 0x40000000, 0x4000, 0x8000
# modified; closed, moved away or deleted (not "created": a link made, hard or symbolic, is never closed, and held
# every build back the 2 s a stalled writer is given, review 76; a file created and written is modified too)
_IN_WRITTEN, _IN_DONE = 0x2, 0x8 | 0x40 | 0x200
_EVENT = struct.Struct("iIII")   # wd, mask, cookie, len (then len bytes of name)


class Wakeup:
    """An inotify instance watching `folders` (absolute paths; each walked for its sub-folders) and `flat`
    (watched alone), with a pipe that `interrupt` writes to so a waiting watcher stops at once."""

    def __init__(self, libc: ctypes.CDLL, fd: int, folders: Iterable[str], flat: Iterable[str]) -> None:
        self._libc, self._fd = libc, fd
        self._folders, self._flat = tuple(folders), tuple(flat)
        self._stop_r, self._stop_w = os.pipe()
        self.complete = True                 # every folder is watched (False once the kernel refused one)
        self._folder_of: dict[int, str] = {}   # watch descriptor → the folder it watches
        self._named: set[str] | None = set()   # files the events named since `take` (None: one named none)
        # Files being written: modified or created, not closed since, with when they were last written (review
        # 74: a file written in pieces, by a slow disk or a sync client, was built half written); kept under a
        # lock, since the builder asks (`writing`) while the poller reads events
        self._open: dict[str, float] = {}
        self._open_lock = threading.Lock()
        self.rewatch()

    def rewatch(self) -> None:
        """Watch every folder there is now (the kernel keeps one watch per folder, so adding a watched one again
        changes nothing; a folder made again after a removal gets a new one). `complete` says whether the kernel
        took them all (it refuses past fs.inotify.max_user_watches)."""
        self.complete = True
        for path in self._flat:
            self._watch(path)
        for top in self._folders:
            for folder, _, _ in os.walk(top):  # (a folder reached through a link is found by the fallback scan)
                self._watch(folder)

    def _watch(self, path: str) -> None:
        if not os.path.isdir(path):
            return
        wd = self._libc.inotify_add_watch(self._fd, os.fsencode(path), _MASK)
        if wd >= 0:
            self._folder_of[wd] = path
        elif os.path.isdir(path):  # (not a folder removed in the meantime)
            self.complete = False

    def wait(self, timeout: float) -> bool:
        """Block until a watched folder changes (True), `timeout` seconds pass or `interrupt` is called (False).
        Folders made since are watched before it returns."""
        ready, _, _ = select.select([self._fd, self._stop_r], [], [], timeout)
        if self._fd not in ready:
            return False
        if self._drain():
            self.rewatch()
        return True

    def _drain(self) -> bool:
        """Read every pending event; whether one of them means new folders to watch (a folder made or moved
        in, a watch the kernel dropped, or events lost)."""
        more = False
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return more
            at = 0
            while at + _EVENT.size <= len(data):
                wd, mask, _, size = _EVENT.unpack_from(data, at)
                name = data[at + _EVENT.size:at + _EVENT.size + size].rstrip(b"\0")
                at += _EVENT.size + size
                folder, structural = self._folder_of.get(wd), bool(mask & (_IN_ISDIR | _IN_Q_OVERFLOW | _IN_IGNORED))
                more = more or structural
                if structural or not name or folder is None:
                    self._named = None
                    if mask & _IN_IGNORED:
                        self._folder_of.pop(wd, None)  # (the kernel dropped the watch: the number may be reused)
                else:
                    path = os.path.join(folder, os.fsdecode(name))
                    if self._named is not None:
                        self._named.add(path)
                    self._note_open(path, mask)

    def _note_open(self, path: str, mask: int) -> None:
        with self._open_lock:
            if mask & _IN_DONE:
                self._open.pop(path, None)
            elif mask & _IN_WRITTEN and not is_editor_junk(os.path.basename(path)):  # (vim keeps .x.swp open)
                self._open[path] = time.monotonic()

    def writing(self, now: float, stall: float) -> float | None:
        """When to look again if a watched file is still being written (modified, not closed, and written less
        than `stall` seconds ago), else None: a writer that stalls longer is taken to have finished."""
        with self._open_lock:
            for path, at in list(self._open.items()):
                if at + stall <= now:
                    del self._open[path]
            return min(self._open.values()) + stall if self._open else None

    def take(self) -> frozenset[str] | None:
        """The files (absolute paths) the events read since the last `take` named, or None when an event named
        no file, so that only a scan of everything can tell what changed."""
        named, self._named = self._named, set()
        return None if named is None else frozenset(named)

    def interrupt(self) -> None:
        os.write(self._stop_w, b"x")

    def close(self) -> None:
        for fd in (self._fd, self._stop_r, self._stop_w):
            try:
                os.close(fd)
            except OSError:
                pass


def open_wakeup(folders: Iterable[str], flat: Iterable[str]) -> Wakeup | None:
    """A Wakeup for these folders, or None where inotify is not available (not Linux, no libc, no instance)."""
    name = ctypes.util.find_library("c")
    if not name or not hasattr(select, "select"):
        return None
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        init, add = libc.inotify_init1, libc.inotify_add_watch
    except (OSError, AttributeError):
        return None
    init.argtypes, add.argtypes = [ctypes.c_int], [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
    fd = init(_IN_NONBLOCK | _IN_CLOEXEC)
    if fd < 0:
        return None
    return Wakeup(libc, fd, folders, flat)
