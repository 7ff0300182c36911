"""The live preview's disk side: snapshots of the watched files (writing is the writer's, writer.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Mapping

from . import fs, tree
from .writer import write_changed as write_changed  # the writer owns it; kept here for its callers
from ..core.load.watched import WATCHED_DIRS, WATCHED_FILES, Stamp, is_editor_junk, is_evidence, matters, stamp_of


def watch_roots(root: Path) -> list[Path]:
    """The folders whose templates/ and static/ a build reads: the project's (the fallback), then the dossier's."""
    roots = [fs.PROJECT.resolve()]
    if root.resolve() != roots[0]:
        roots.append(root.resolve())
    return roots


def snapshot(root: Path) -> dict[str, Stamp]:
    """Stamp of every file that can change the build, keyed by absolute path: the dossier's site.yaml, seeds/,
    content/, templates/, static/ and the project's templates/ and static/. Swap files are left out.

    Called ten times a second, so it stays on plain strings and os.scandir (a 1,000-article dossier is
    ~2,300 files): only folders that matter are walked, so no per-file path test is needed beyond the names."""
    stamps: dict[str, Stamp] = {}
    root = root.resolve()
    for base in watch_roots(root):
        seen: set[str] = set()
        for sub in _watched_dirs(base, root):
            folder = os.path.join(base, sub)
            if not os.path.islink(folder) or _followed(folder, str(base), seen):
                _scan(folder, stamps, str(base), seen)
            else:
                _stamp_link(folder, stamps)
    for name in WATCHED_FILES:
        path = os.path.join(root, name)
        if matters(name):
            try:
                info = os.stat(path)
            except OSError:
                continue
            stamps[path] = stamp_of(info)
    return stamps


Bases = list[tuple[str, tuple[str, ...], bool]]


def restamp_bases(root: Path) -> Bases | None:
    """What `restamp` needs to know of the watched folders (each base, its watched folders, whether it is the
    dossier's own), taken once per whole scan (its stats, beside a build, each waited for the interpreter);
    None when a watched folder is a link, which only a whole scan handles rightly."""
    root = root.resolve()
    bases = [(os.fspath(base), _watched_dirs(base, root), base == root) for base in watch_roots(root)]
    if any(os.path.islink(os.path.join(base, sub)) for base, subs, _ in bases for sub in subs):
        return None
    return bases


def restamp(stamps: Mapping[str, Stamp], paths: Iterable[str], bases: Bases) -> dict[str, Stamp] | None:
    """The snapshot `snapshot(root)` would take now, if only `paths` (absolute, as the kernel named them:
    notify.py) changed since `stamps` was taken: each regular file stamped anew, each file gone dropped, and a
    path a snapshot skips (editors' junk, outside the watched folders) left out. `bases`: restamp_bases(root).
    None when one of them is a folder, a link or anything else only a whole scan handles rightly."""
    current = dict(stamps)
    for path in paths:
        if not any(_snapshot_holds(path, *base) for base in bases):
            continue
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            current.pop(path, None)
            continue
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        current[path] = stamp_of(info)
    return current


def _snapshot_holds(path: str, base: str, subs: tuple[str, ...], is_root: bool) -> bool:
    """Whether a file at `path` is one `snapshot` stamps under `base` (whose watched folders are `subs`; the
    dossier's own folder also has its site.yaml)."""
    if not path.startswith(base + os.sep):
        return False
    parts = path[len(base) + 1:].split(os.sep)
    if len(parts) == 1:
        return is_root and parts[0] in WATCHED_FILES and matters(parts[0])
    return parts[0] in subs and not any(is_editor_junk(part) for part in parts[1:]) and \
        not is_evidence("/".join(parts))


def watched_folders(root: Path) -> tuple[list[str], list[str]]:
    """What notify.py watches: the watched folders of each base (walked for their sub-folders), and each base
    folder alone (its site.yaml, and those folders when they are made)."""
    root = root.resolve()
    folders, flat = [], []
    for base in watch_roots(root):
        flat.append(str(base))
        folders += [os.path.join(base, sub) for sub in _watched_dirs(base, root)]
    return folders, flat


def _watched_dirs(base: Path, root: Path) -> tuple[str, ...]:
    """The folders a build reads under `base`: all of WATCHED_DIRS in the dossier, the templates and static
    files of the project (the fallback)."""
    return WATCHED_DIRS if base == root else ("templates", "static")


def _followed(path: str, top: str, seen: set[str]) -> bool:
    """Whether the watcher walks a symbolic link as a folder: as the build reads (tree.walk_tree), only a link to
    a folder inside the dossier, and each such folder once (a link back to a parent must not loop)."""
    real = os.path.realpath(path)
    if real in seen or not tree.inside(real, top) or not os.path.isdir(real):
        return False
    seen.add(real)
    return True


def _stamp_link(path: str, stamps: dict[str, Stamp]) -> None:
    try:
        info = os.lstat(path)
    except OSError:
        return
    stamps[path] = stamp_of(info)


def _scan(folder: str, stamps: dict[str, Stamp], top: str, seen: set[str]) -> None:
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_editor_junk(entry.name) or (entry.name == "evidence" and is_evidence(
                        entry.path[len(top) + 1:].replace(os.sep, "/"))):  # (what --add keeps: never read)
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False) or (entry.is_symlink() and
                                                               _followed(entry.path, top, seen)):
                        _scan(entry.path, stamps, top, seen)
                    else:  # a file; or a link or FIFO the build refuses, stamped so that adding one triggers
                        # the build that reports it (a link that leaves the dossier is stamped as itself)
                        outside = entry.is_symlink() and not tree.inside(os.path.realpath(entry.path), top)
                        try:
                            info = entry.stat(follow_symlinks=not outside)
                        except OSError:
                            info = entry.stat(follow_symlinks=False)
                        stamps[entry.path] = stamp_of(info)
                except OSError:
                    continue  # removed while we looked: the next poll sees the new state
    except OSError:
        return  # a watched folder that does not exist (yet)


def shown_path(path: str, root: Path) -> str:
    """A changed file as the preview names it: relative to the dossier, or to the project with " (project)"."""
    p = Path(path)
    for base in (root, fs.PROJECT.resolve()):
        if p.is_relative_to(base):
            rel = p.relative_to(base).as_posix()
            return rel if base == root else f"{rel} (project)"
    return path
