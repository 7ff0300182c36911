"""Putting a staged build in place (fs.Stage.commit): the folders made once each, the way cleared, the staged
files moved, and the files no longer made swept away. Plain strings: a site has thousands of files."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

STAGING = ".dossier-staging"                        # a build's changed files, until it has succeeded


def folder_for(path: str | Path, made: set[str]) -> None:
    """Make the folder of `path` unless `made` says it was made (a cold build writes 3,860 files into 1,850
    folders at 1,000 articles, and the cache 7,000 entries into 256: a mkdir per file cost 0.4 s of system
    time). Raises OSError when the folder cannot be made."""
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def link_on_path(out: Path, resolved: Path, folder: str) -> str:
    """Why the output folder's `folder` may not be written into ("" when it may): a link on its path that leads
    out of the output folder, or to another place in it (a page written through it would then be swept away
    as not produced where it landed)."""
    real = (out / folder).resolve()
    if not real.is_relative_to(resolved):
        return "a folder on its path leads outside the output folder"
    if real != resolved.joinpath(folder):
        return (f"{real.relative_to(resolved).as_posix() or '.'}/ is where a link on its path leads; the output "
                f"folder holds only what the build writes: remove the link")
    return ""


def clear_way(out: str, rel: str, cleared: set[str]) -> int:
    """Make room for the output `rel`: a file of an earlier build where one of its folders now goes, or a
    folder where it now goes, is deleted first (nothing of this build is in either; the sweep would delete them
    after the move, which they would make fail halfway). Returns how many files went."""
    path, gone = out, 0
    for part in rel.split("/")[:-1]:
        path = os.path.join(path, part)
        if path not in cleared:
            if os.path.lexists(path) and not os.path.isdir(path):
                os.unlink(path)
                gone += 1
            cleared.add(path)
    target = os.path.join(out, rel)
    if os.path.isdir(target) and not os.path.islink(target):
        gone += sum(len(files) for _, _, files in os.walk(target))
        shutil.rmtree(target)
    return gone


UNDO = ".dossier-undo"   # in the staging folder: the files a commit replaced, until it has moved every file
# What os.link says where a file system has no hard links for it: the file is then replaced with no copy kept
_NO_LINKS = {errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def move_tree(staged: str, out: str) -> None:
    """Move every file under `staged` to the same place under `out`: a folder whose place is free moves whole
    (one rename), a folder already there is entered, a file replaces what is there (os.replace: atomic).

    All or nothing: a file that cannot be replaced (locked, immutable, in a folder that is not writable) left the
    site half new, with a traceback (review 74). Each file replaced is first linked aside (UNDO), and when a move
    fails every move made is undone, newest first, before the error is raised: the site is the old one."""
    done: list[tuple[str, str, str | None]] = []   # (staged path, its place in out, the old file linked aside)
    try:
        _move(staged, out, done)
    except OSError:
        for source, target, aside in reversed(done):
            try:
                if aside is None:
                    os.rename(target, source)   # (a file or folder where there was none)
                elif aside:
                    os.replace(aside, target)   # ("": one replaced where no link could be kept; it stays new)
            except OSError:
                pass  # (as much of the old site as can be put back is)
        raise


def _move(staged: str, out: str, done: list[tuple[str, str, str | None]]) -> None:
    undo = os.path.join(staged, UNDO)
    folders = [""]
    while folders:
        prefix = folders.pop()
        for entry in sorted(os.scandir(os.path.join(staged, prefix)), key=lambda e: e.name):
            rel = os.path.join(prefix, entry.name)
            target = os.path.join(out, rel)
            if rel == UNDO:
                continue
            if not entry.is_dir(follow_symlinks=False):
                aside = (_aside(target, undo, len(done)) or "") if os.path.lexists(target) else None
                os.replace(entry.path, target)
                done.append((entry.path, target, aside))
            elif os.path.lexists(target):
                folders.append(rel)
            else:
                os.rename(entry.path, target)
                done.append((entry.path, target, None))


def _aside(target: str, undo: str, n: int) -> str | None:
    """A hard link to the file at `target` (the old site's), to put back if the commit fails; None where the file
    system makes none. A file that may not be linked (immutable, locked) may not be replaced either: raises."""
    os.makedirs(undo, exist_ok=True)
    aside = os.path.join(undo, str(n))
    try:
        os.link(target, aside, follow_symlinks=False)
    except OSError as exc:
        if exc.errno in _NO_LINKS:
            return None
        raise OSError(exc.errno, exc.strerror, target) from exc  # (said of the file, not of its copy)
    return aside


def sweep(out: str, keep: set[str], gone: list[str] | None = None) -> int:
    """Delete every file under `out` that is not in `keep` (posix paths relative to `out`; the staging folder
    is left alone), then every folder left empty by that. Returns how many files went (and adds their paths to
    `gone`). Plain strings, and no folder is asked to go unless nothing is left in it: a site has thousands of
    files and folders."""
    deleted = 0
    emptied: set[str] = set()
    for folder, dirs, files in os.walk(out, topdown=False):
        prefix = "" if folder == out else folder[len(out) + 1:].replace(os.sep, "/") + "/"
        left = len(files)
        for name in files:
            rel = prefix + name
            if rel not in keep and not rel.startswith(STAGING + "/"):
                os.unlink(os.path.join(folder, name))
                deleted += 1
                if gone is not None:
                    gone.append(rel)
                left -= 1
        for name in dirs:
            path = os.path.join(folder, name)
            if path in emptied:
                try:
                    os.rmdir(path)
                except OSError:
                    left += 1  # (something appeared in it meanwhile: it stays)
            else:
                left += 1
        if not left:
            emptied.add(folder)
    return deleted

