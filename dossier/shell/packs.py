"""The cache's entries kept in pack files: many entries to a file, each read back only when intact.

A build looked up each entry in a file of its own (7,300 at 1,000 articles): opening, reading and closing them
cost more than unpickling them (0.69 s against 0.40 s read from one file), and a cold build created them all
(7,300 files, 4,700 folders: a third of its time went to the kernel on this machine). Now each step of a build
writes the entries it made as one pack (`write`): their payloads one after another, then an index of
(name, sha256 of the name and the payload, offset, size), then a trailer that locates the index and carries an
HMAC-SHA256 of it under this user's key (cache_secret.py: an index someone else wrote, and so its entries, is
never read; one MAC a pack, not one an entry: 15,000 entries are read at every build of 1,000 articles). A pack
is written to a temporary file and moved into place, so readers see a whole pack or none.

Reading (`read`) takes one `os.pread` of the entry's bytes from a pack opened once, and checks its sha256: a
damaged entry, a pack whose index or trailer does not hold, or a pack deleted by another build since it was
listed is a miss, never an error. When two packs hold the same name, the newer (packs are named by the time they
were written) is read; both were made from the same key, so they hold the same value.

`prune(keep)` (at the end of a build) deletes the packs none of whose entries is kept (an entry a newer pack
holds too is not kept in the older), rewrites into one new pack
the kept entries of packs that are mostly unused (at least half of their bytes) and of the small packs once
there are many of them (each edit's build writes a few small ones), then deletes those packs. A pack another
build still reads stays readable while open (a deleted file lives until closed); a build that lists it and
finds it gone has misses.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import time
from itertools import count
from typing import Iterable

from .framed import checksum as signed, delete_abandoned
from .regular import open_regular

MAGIC = b"dossier-pack 1\n"
TRAILER = struct.Struct("<QQ32s16s")          # index offset, number of entries, HMAC of the index, end mark
END = b"dossier-pack-end"
ENTRY = struct.Struct("<32s32sQQ")            # name (sha256, raw), sha256(name in hex + payload), offset, size
SUFFIX = ".pack"
SMALL = 1 << 20          # a pack under this size is small: merged with the others once there are MANY_SMALL
MANY_SMALL = 8
_SERIAL = count()


class Packs:
    """The packs of one folder: an index of every entry found there (`names`), entries read by name, new packs
    written, unused entries pruned."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._found: dict[str, tuple[str, int, int, bytes]] | None = None  # name → (pack, offset, size, sum)
        self._packs: dict[str, list[tuple[str, int, int, bytes]]] = {}     # pack → its entries, as listed
        self._handles: dict[str, int] = {}
        self._bad: set[tuple[str, str]] = set()                            # (pack, name) that did not check

    def names(self) -> dict[str, tuple[str, int, int, bytes]]:
        """Every entry of the packs in the folder when first asked (the newest pack's, for a name in two)."""
        if self._found is None:
            self._found = {}
            try:
                listed = sorted(n for n in os.listdir(self.folder) if n.endswith(SUFFIX) and not n.startswith("."))
            except OSError:
                listed = []
            for pack in listed:
                self._add(pack, _read_index(os.path.join(self.folder, pack)))
        return self._found

    def _add(self, pack: str, entries: list[tuple[str, int, int, bytes]] | None) -> None:
        if entries is None:
            self._packs[pack] = []  # unreadable: pruned as holding nothing
            return
        self._packs[pack] = entries
        found = self.names()
        for name, offset, size, checksum in entries:
            found[name] = (pack, offset, size, checksum)

    def read(self, name: str) -> bytes | None:
        """The payload stored under `name`, when it is there and intact; else None."""
        place = self.names().get(name)
        if place is None:
            return None
        pack, offset, size, checksum = place
        try:
            handle = self._handles.get(pack)
            if handle is None:
                handle = self._handles[pack] = open_regular(os.path.join(self.folder, pack), follow=False)
            payload = os.pread(handle, size, offset)
        except OSError:  # deleted by another build's prune since it was listed (or a FIFO put in its place)
            payload = b""
        if len(payload) != size or _sum(name, payload) != checksum:
            self._bad.add((pack, name))
            return None
        return payload

    def write(self, entries: Iterable[tuple[str, bytes]]) -> bool:
        """One new pack of `entries` (name, payload: names are sha256 digests in hex), written atomically;
        nothing when there are none. Returns whether they are stored: a folder that cannot be written (full,
        read-only) only means no entries, and the build goes on."""
        entries = list(entries)
        if not entries:
            return True
        pack = f"{time.time_ns():020d}-{os.getpid()}-{next(_SERIAL)}{SUFFIX}"
        tmp = os.path.join(self.folder, f".{pack}.tmp")
        try:
            os.makedirs(self.folder, exist_ok=True)
            index = _write_pack(tmp, entries)
            os.replace(tmp, os.path.join(self.folder, pack))
        except (OSError, ValueError):  # (ValueError: a name that is not hex)
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return False
        if self._found is not None:
            self._add(pack, index)
        return True

    def close(self) -> None:
        for handle in self._handles.values():
            os.close(handle)
        self._handles.clear()

    def prune(self, keep: set[str]) -> int:
        """Delete the entries not in `keep` (see the module docstring); returns how many were dropped."""
        newest = self.names()
        dropped, merge = 0, []
        small = [p for p, entries in self._packs.items() if _size(entries) < SMALL]
        for pack, entries in list(self._packs.items()):
            live = [e for e in entries if e[0] in keep and newest[e[0]][0] == pack and (pack, e[0]) not in self._bad]
            if not live:
                dropped += len(entries)
                self._delete(pack)
            elif 2 * _size(live) <= _size(entries) or (len(small) >= MANY_SMALL and pack in small):
                merge.append((pack, live))
        unused = sum(len(self._packs[pack]) - len(live) for pack, live in merge)
        if merge and self._merge(merge):
            dropped += unused
        delete_abandoned(self.folder)  # (temporary packs an interrupted build left)
        return dropped

    def _merge(self, packs: list[tuple[str, list[tuple[str, int, int, bytes]]]]) -> bool:
        """The live entries of `packs` written as one new pack (only those still intact), then `packs` deleted;
        False (and nothing deleted) when the new pack could not be written."""
        kept, seen = [], set()
        for pack, live in packs:
            for name, *_ in live:
                if name in seen:
                    continue
                payload = self.read(name)
                if payload is not None:
                    kept.append((name, payload))
                    seen.add(name)
        if not self.write(kept):
            return False  # (not stored elsewhere: the packs stay as they are)
        for pack, _ in packs:
            self._delete(pack)
        return True

    def _delete(self, pack: str) -> None:
        handle = self._handles.pop(pack, None)
        if handle is not None:
            os.close(handle)
        try:
            os.unlink(os.path.join(self.folder, pack))
        except OSError:
            pass
        self._packs.pop(pack, None)

def _sum(name: str, payload: bytes) -> bytes:
    h = hashlib.sha256(name.encode("ascii"))
    h.update(payload)
    return h.digest()


def _size(entries: list[tuple[str, int, int, bytes]]) -> int:
    return sum(e[2] for e in entries)


def _write_pack(path: str, entries: list[tuple[str, bytes]]) -> list[tuple[str, int, int, bytes]]:
    """Write the pack file: MAGIC, the payloads, the index, the trailer. Returns the index."""
    index: list[tuple[str, int, int, bytes]] = []
    with open(path, "wb") as out:
        out.write(MAGIC)
        offset = len(MAGIC)
        for name, payload in entries:
            index.append((name, offset, len(payload), _sum(name, payload)))
            out.write(payload)
            offset += len(payload)
        table = b"".join(ENTRY.pack(bytes.fromhex(n), s, o, z) for n, o, z, s in index)
        out.write(table)
        out.write(TRAILER.pack(offset, len(index), signed(b"pack index", table), END))
    return index


def _read_index(path: str) -> list[tuple[str, int, int, bytes]] | None:
    """A pack's index (name, offset, size, sum), or None when the file is not a whole pack (a FIFO, a device or a
    link is none: regular.py, a FIFO hung the build)."""
    try:
        with open(open_regular(path, follow=False), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < len(MAGIC) + TRAILER.size or handle.read(len(MAGIC)) != MAGIC:
                return None
            handle.seek(size - TRAILER.size)
            offset, n, checksum, end = TRAILER.unpack(handle.read(TRAILER.size))
            if end != END or offset < len(MAGIC) or offset + n * ENTRY.size != size - TRAILER.size:
                return None
            handle.seek(offset)
            table = handle.read(n * ENTRY.size)
    except (OSError, ValueError):
        return None
    if not hmac.compare_digest(signed(b"pack index", table), checksum):
        return None  # (damaged, or not written by this user's builds: cache_secret.py)
    entries = [(raw.hex(), o, z, s) for raw, s, o, z in ENTRY.iter_unpack(table)]
    return entries if all(len(MAGIC) <= o and o + z <= offset for _, o, z, _ in entries) else None
