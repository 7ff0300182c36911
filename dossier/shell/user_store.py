"""This user's store of compiled templates and schemas, shared by every dossier: `$XDG_CACHE_HOME/dossier/compiled/`.

A dossier's first build (a fresh clone, a new dossier, its `.dossier-cache/` deleted, and each test that builds a
fresh dossier) found no compiled template in its own cache and compiled all of them: Jinja's compiler was ~70% of
the CPU of the repo's dossier's cold build. The project's templates and schemas are the same for every dossier, so
what one dossier's build compiled is kept here too, beside this user's cache key (cache_secret.py), and the next
dossier's first build reads it instead (cache.py `compiled_templates`, `CompiledSchemas`: the dossier's own cache
first, then this store; an entry found here is copied into the dossier's cache).

- By code version and source: entries live in `compiled/<code version>/`; a template's entry is named by
  sha256(Jinja's bucket key, the source's checksum), a schema's by its key (which already names the schema), so a
  dossier that overrides `article.html` gets an entry of its own and never another dossier's compiled code, and
  two dossiers with different overrides do not replace each other's entry.
- Signed: each entry carries an HMAC under this user's key (framed.write_summed), so a file someone else put here
  is a miss, never run; a link, a FIFO, a damaged or unreadable entry is a miss too. The store is used only when
  the key is this user's lasting one (a key made for one process would sign entries no later build can read).
- Atomic: entries are written to a temporary file, then moved into place, so two builds at once each see a whole
  entry or none.
- Bounded: the `KEEP_VERSIONS` code versions used last are kept (a build touches its version's folder; one that
  makes a new folder deletes all but the newest); a version's folder holding more than `MAX_ENTRIES` entries
  (templates edited many times) has its older half deleted when an entry is written.
- Only this user's: the store is used only when `dossier/`, `compiled/` and the version's folder are real folders
  (not links) of this user's that no one else can write in (a link planted in a shared home had the pruning empty
  the folder it pointed to); pruning deletes only folders named as versions, bounding only files named as entries,
  each relative to its folder as opened (never through a link put in its place); temporary files a build killed
  while writing left are swept when the store is opened (framed.delete_abandoned).
- Never fails a build: no home, a read-only one, a full disk only mean no store, or no entry kept.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from pathlib import Path

from . import cache_secret
from .framed import delete_abandoned, read_summed, write_summed

KEEP_VERSIONS = 4    # code versions kept: several checkouts of the project on one machine do not undo each other
MAX_ENTRIES = 400    # entries kept per version (the repo's dossier: 19 templates and a few schemas)
_VERSION = re.compile(r"[0-9a-f]{32}")               # a version's folder: code_version()[:32]
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:cache|code)")  # template_name's, or a schema's key (a sha256) and ".code"
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_STORES: dict[tuple[str, Path], "UserStore | None"] = {}


class UserStore:
    """Signed entries, by name, in one code version's folder of this user's store. Invariant: `read` gives only
    bytes this user's builds wrote under that name, or None."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._counted = False

    def read(self, name: str) -> bytes | None:
        return read_summed(self.folder / name)

    def holds(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def write(self, name: str, payload: bytes) -> None:
        """Keep `payload` as `name` (atomically; silently not, when the folder cannot be written). The first write
        of a process bounds the folder's size first."""
        if not self._counted:
            self._counted = True
            _bound(self.folder)
        write_summed(self.folder / name, payload, mkdir=False)


def template_name(key: str, checksum: str) -> str:
    """A template's entry: Jinja's bucket key names the template (its name and file name), and Jinja checks the
    source's checksum only after it has loaded an entry; both in the name give each source an entry of its own."""
    return hashlib.sha256(f"{key}\0{checksum}".encode("utf-8")).hexdigest() + ".cache"


def user_store(version: str) -> UserStore | None:
    """This user's store for code `version` (once a process), or None where there can be none: no lasting key
    (cache_secret), a folder that cannot be made. Making the folder of a new version prunes the old ones."""
    base = cache_secret.key_file().parent / "compiled"
    if (version, base) not in _STORES:
        _STORES[version, base] = _open(base, version[:32]) if cache_secret.lasting() else None
    return _STORES[version, base]


def _open(base: Path, name: str) -> UserStore | None:
    """The folder of version `name` in `base` (`compiled/`), made if need be; None unless `dossier/`, `compiled/`
    and it are real folders of this user's that no one else can write in: a link to another folder planted in a
    shared home had the pruning empty the link's target. Sweeps what builds killed while writing left behind; a new
    version's folder prunes the old ones (relative to `compiled/` as opened: nothing swapped in since is followed)."""
    opened: list[int] = []
    try:
        base.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # (as cache_secret makes it: judged next)
        opened.append(_enter(base.parent)[0])
        opened.append(_enter(base.name, opened[0], make=True)[0])
        version, made = _enter(name, opened[1], make=True)
        opened.append(version)
        os.utime(version)  # (used now: the newest versions are the ones kept)
        delete_abandoned(base / name)
        if made:
            _prune(opened[1])
    except OSError:
        return None
    finally:
        for fd in opened:
            os.close(fd)
    return UserStore(base / name)


def _enter(name: str | Path, at: int | None = None, make: bool = False) -> tuple[int, bool]:
    """An open descriptor of folder `name` (relative to the open folder `at`) and whether it was made here (mode
    0o700, when `make`); OSError unless it is a folder, not a link (never followed), this user's, and no one
    else can write in it (cache_secret.private: others could put a link there, or replace a folder by one). A
    folder of this user's that its group or others may write in (made under umask 002, or opened up by hand) is
    closed to them first, rather than refused: refused, the store was off for good, without a word (review 191);
    what they may have put in it is harmless (entries are signed, links are never followed, and only names this
    code makes are deleted)."""
    made = False
    if make:
        try:
            os.mkdir(name, 0o700, dir_fd=at)
            made = True
        except FileExistsError:
            pass
    fd = os.open(name, _FOLDER, dir_fd=at)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode) and cache_secret.private(st, 0) and st.st_mode & 0o022:
            os.fchmod(fd, stat.S_IMODE(st.st_mode) & ~0o022)  # (this user's, made so under umask 002: closed)
            st = os.fstat(fd)
        if not (stat.S_ISDIR(st.st_mode) and cache_secret.private(st, 0o022)):
            raise PermissionError(f"{name}: not a folder of this user's only")
    except BaseException:
        os.close(fd)
        raise
    return fd, made


def _prune(base: int) -> None:
    """Delete all but the KEEP_VERSIONS versions' folders used last (a folder's time is its last use) in the open
    folder `base`: only folders named as versions are (a folder of another name is not this code's)."""
    with os.scandir(base) as listed:
        folders = [(e.stat(follow_symlinks=False).st_mtime_ns, e.name) for e in listed
                   if _VERSION.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    for _, old in sorted(folders, reverse=True)[KEEP_VERSIONS:]:
        shutil.rmtree(old, dir_fd=base, ignore_errors=True)


def _bound(folder: Path) -> None:
    """Past MAX_ENTRIES entries, delete the older half (by when each was written): only files named as entries
    are (another file is not this code's), relative to the version's folder as opened again here (not a link;
    the folders above it are reached by path, as reads and writes of entries are: they were checked by `_open`,
    and what could be swapped in above them since needs a home others can write in)."""
    try:
        fd = _enter(folder)[0]
    except OSError:
        return
    try:
        with os.scandir(fd) as listed:
            entries = [(e.stat(follow_symlinks=False).st_mtime_ns, e.name) for e in listed
                       if _ENTRY.fullmatch(e.name) and e.is_file(follow_symlinks=False)]
        if len(entries) > MAX_ENTRIES:
            for _, old in sorted(entries)[:len(entries) // 2]:
                os.unlink(old, dir_fd=fd)
    except OSError:
        pass
    finally:
        os.close(fd)
