"""Files of the build's cache written whole or not at all, and read back only when intact.

A framed file is a magic line, an HMAC-SHA256 (under this user's key, cache_secret.py) of a salt (what the file
is for: an entry's name, so that an entry copied under another name is not taken for it) and of the payload,
then the payload, a pickle. Every write is atomic
(`write_whole`: a temporary file in the same folder, then os.replace), so a reader (another build, a worker)
sees a whole file or none; a missing, truncated, corrupt or unreadable file reads as nothing, never an error.
"""

from __future__ import annotations

import hmac
import os
import pickle
import time
from pathlib import Path
from typing import Any

from .cache_secret import signer
from .regular import read_regular

MAGIC = b"dossier-cache 1\n"
SUM = 32                      # bytes of the HMAC-SHA256 that follows the magic


def read_framed(path: str | Path, salt: bytes) -> tuple[bool, Any]:
    """(True, value) of a file `write_framed` wrote with the same `salt` (an entry's name, so that an entry
    copied under another name is not taken for it); (False, None) when missing, truncated, corrupt, unreadable
    or not a pickle this code can read; so is a FIFO, a device or a link put in its place (regular.py: a FIFO
    hung the build)."""
    try:
        data = read_regular(path, follow=False)
    except OSError:
        return False, None
    head = len(MAGIC) + SUM
    if not data.startswith(MAGIC) or len(data) < head:
        return False, None
    payload = memoryview(data)[head:]  # (not copied: 50 MB of entries at 1,000 articles)
    if not hmac.compare_digest(checksum(salt, payload), data[len(MAGIC):head]):
        return False, None
    try:
        return True, pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a payload this code cannot read is a miss, never an error
        return False, None


def write_framed(path: Path, salt: bytes, value: Any) -> None:
    """`value` pickled after the magic line and an HMAC of `salt` and the payload, written atomically
    (write_whole). A value that cannot be pickled is not written."""
    try:
        payload = pickle.dumps(value, protocol=5)
    except Exception:  # noqa: BLE001
        return
    write_whole(path, framed(salt, payload))


def framed(salt: bytes, payload: bytes) -> bytes:
    """The bytes of a framed file: the magic line, an HMAC of `salt` and the payload, the payload."""
    return MAGIC + checksum(salt, payload) + payload


def read_summed(path: Path) -> bytes | None:
    """The payload of a file `write_summed` wrote (an HMAC of the payload, then the payload); None when it is
    missing, unreadable, or its payload does not match its sum (compiled templates and schemas: no magic line
    nor salt, their names say what they are); a FIFO, a device or a link is unreadable (regular.py)."""
    try:
        data = read_regular(path, follow=False)
    except OSError:
        return None
    if len(data) <= SUM:
        return None
    return data[SUM:] if hmac.compare_digest(checksum(b"", memoryview(data)[SUM:]), data[:SUM]) else None


def write_summed(path: Path, payload: bytes, mkdir: bool = True) -> None:
    """`payload` behind an HMAC of it, written atomically (write_whole), for `read_summed`."""
    write_whole(path, checksum(b"", payload) + payload, mkdir=mkdir)


def checksum(salt: bytes, payload: bytes | memoryview) -> bytes:
    """HMAC-SHA256 of `salt` then `payload` under this user's key (cache_secret.py: an entry someone else wrote
    is never read), without joining them (a copy of the payload)."""
    h = signer(salt)
    h.update(payload)
    return h.digest()


def write_whole(path: Path, data: bytes, mkdir: bool = True) -> None:
    """Write `path` atomically: a temporary file in the same folder, then os.replace, so a reader (another
    build, a worker) sees the whole entry or none. A folder that cannot be written (a full disk, a folder
    another user made) only means no entry: the build goes on."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    try:
        if mkdir:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


ABANDONED = 3600   # seconds: a temporary file older than this was left by a build that was stopped while writing


def delete_abandoned(*folders: str | Path) -> int:
    """Delete the temporary files (".….tmp") an interrupted build left in `folders`: killed, or stopped a second
    time while it wrote (a page index of 51 MB at 5,000 articles takes a while). Only those older than an hour:
    a build writing now is left alone. Returns how many were deleted; an unreadable folder is no error."""
    deleted = 0
    for folder in folders:
        try:
            listed = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]
        except OSError:
            continue
        for name in listed:
            path = os.path.join(folder, name)
            try:
                if time.time() - os.lstat(path).st_mtime > ABANDONED:
                    os.unlink(path)
                    deleted += 1
            except OSError:
                pass
    return deleted
