"""The secret that signs the build cache's entries: what this user's builds wrote is read back, nothing else.

The cache (`.dossier-cache/` in the dossier folder) holds pickles, compiled templates and compiled validators,
and reading one runs code. A dossier may hold contributed files (README, Security notes), and a tarball or a
commit can carry a `.dossier-cache/` too: with a plain sha256 beside each entry, anyone could write entries this
code would read (a pickle whose reduce calls os.system ran at the next build, review 61). So every entry carries
an HMAC-SHA256 under a key that never leaves this user's cache folder, `$XDG_CACHE_HOME/dossier/cache-key`
(`~/.cache/dossier/cache-key`): 32 random bytes, made at the first build, readable by this user only (as
Jupyter signs the notebooks it trusts). An entry signed under another key is a miss, and the build makes it
again. When no such file can be made or read (no home folder, a read-only one), the key is made for this
process only: the build is right, only nothing it caches is read by the next one.
"""

from __future__ import annotations

import hmac
import os
from pathlib import Path

from .regular import open_regular

KEY_BYTES = 32
_KEY: list[bytes] = []
_LASTING: list[bool] = []


def key_file() -> Path:
    """Where the key is kept: `$XDG_CACHE_HOME/dossier/cache-key`, an absolute XDG_CACHE_HOME only (the XDG spec
    says to ignore a relative one: "./.cache" would be a folder of the dossier, review 66)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dossier" / "cache-key"


def secret() -> bytes:
    """This user's key (read once a process; forked workers inherit it)."""
    if not _KEY:
        kept = _read_or_make(key_file())
        _KEY.append(kept or os.urandom(KEY_BYTES))
        _LASTING.append(kept is not None)
    return _KEY[0]


def lasting() -> bool:
    """Whether this user's key is the one kept in `key_file()`, not one made for this process only: what is
    signed under a process's own key is never read by another (user_store.py then keeps nothing)."""
    secret()
    return _LASTING[0]


def _read_or_make(path: Path) -> bytes | None:
    """The key kept in `path`, made there first if there is none (by one process of those that race to: the
    others read it); None when it cannot be had, or the file is another user's or others can read or write it.
    A key is written whole to a temporary file, then linked into place: a build killed while it wrote left an
    empty key file, and every build after it was a cold one, without a word (review 66)."""
    key = _read(path)
    if key is not None:
        return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
        made = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(made, "wb") as out:
            out.write(os.urandom(KEY_BYTES))
        try:
            if path.is_file() and not path.is_symlink() and _mine(path) and path.stat().st_size != KEY_BYTES:
                os.replace(tmp, path)  # (a key cut short by a killed build: made again)
            else:
                os.link(tmp, path)     # (exclusive: another process's key, made meanwhile, is kept)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    except OSError:
        return None
    return _read(path)


def _mine(path: Path) -> bool:
    return not hasattr(os, "getuid") or path.stat().st_uid == os.getuid()


def private(st: os.stat_result, shut: int = 0o077) -> bool:
    """Whether what `st` describes is this user's and its `shut` permission bits are clear: the key file must be
    neither readable nor writable by others; a folder of this user's cache, only not writable by others (user_store
    deletes in it: another user's folder, or one others can put a link in, would have it delete what they chose)."""
    return not st.st_mode & shut and (not hasattr(os, "getuid") or st.st_uid == os.getuid())


def _read(path: Path) -> bytes | None:
    try:
        with os.fdopen(open_regular(path, follow=False), "rb") as source:  # (a FIFO is refused, not waited on)
            st = os.fstat(source.fileno())
            key = source.read(KEY_BYTES + 1)
    except OSError:
        return None
    if len(key) != KEY_BYTES or not private(st):
        return None  # (cut short, or a file someone else could have read or chosen: as unpacked, 0644)
    return key


def signer(salt: bytes = b"") -> "hmac.HMAC":
    """An HMAC-SHA256 under this user's key, fed `salt` first; `update` it with the payload."""
    return hmac.new(secret(), salt, "sha256")
