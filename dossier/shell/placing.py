"""Putting a staged build in place (fs.Stage.commit): the folders made once each, the way cleared, the staged
files moved, and the files no longer made swept away. Plain strings: a site has thousands of files."""

from __future__ import annotations

import os
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
    as not produced where it landed). The link is named, with where it leads."""
    real = (out / folder).resolve()
    if real == resolved.joinpath(folder):
        return ""
    link, target = first_link(out, folder + "/")  # (the folder itself may be the link: named "folder/")
    if not target.is_relative_to(resolved):  # (said of the link named: where it, not a later one, leads)
        return (f"{link} in the output folder is a symbolic link to {target}, outside the output folder; the "
                f"output folder holds only what the build writes: remove the link")
    return (f"{link} in the output folder is a symbolic link to {target.relative_to(resolved).as_posix() or '.'}/, "
            f"another place in it; the output folder holds only what the build writes: remove the link")


def first_link(out: Path, rel: str) -> tuple[str, Path]:
    """The first symbolic link on the path `rel` (posix, relative to `out`): its path there ("a/b/" for a folder
    on the way, `rel` for the last part) and the real path it leads to; ("a folder on its path", the real path of
    `rel`) if none is found."""
    path, parts = out, rel.split("/")
    for depth, part in enumerate(parts, 1):
        path = path / part
        if path.is_symlink():
            return "/".join(parts[:depth]) + ("/" if depth < len(parts) else ""), path.resolve()
    return "a folder on its path", (out / rel).resolve()


def clear_way(out: str, rel: str, cleared: set[str], undo: "Undo") -> int:
    """Make room for the output `rel`: a file of an earlier build where one of its folders now goes, or a
    folder where it now goes, is set aside first (nothing of this build is in either; the sweep would delete them
    after the move, which they would make fail halfway); `undo` puts them back if the commit fails, else they
    go with the staging folder. Returns how many files went."""
    path, gone = out, 0
    for part in rel.split("/")[:-1]:
        path = os.path.join(path, part)
        if path not in cleared:
            if os.path.lexists(path) and not os.path.isdir(path):
                undo.set_aside(path)
                gone += 1
            cleared.add(path)
    target = os.path.join(out, rel)
    if os.path.isdir(target) and not os.path.islink(target):
        gone += sum(len(files) for _, _, files in os.walk(target))
        undo.set_aside(target)
    return gone


class Undo:
    """What a commit changed in the output folder, newest last, to put back when a later step fails, so that the
    site is the old one or the new one, never a mix (review 74: a page that could not be replaced, locked or
    immutable, left a site half new). What it keeps lives in the staging folder (UNDO), which goes with it."""

    def __init__(self, staged: str) -> None:
        self.folder = os.path.join(staged, UNDO)
        self.moves: list[tuple[str, str]] = []   # each step's way back: move the first path to the second
        self._kept = 0                           # files and folders kept in `folder` so far

    def _place(self) -> str:
        if not self._kept:
            os.makedirs(self.folder, exist_ok=True)
        self._kept += 1
        return os.path.join(self.folder, str(self._kept))

    def set_aside(self, path: str) -> None:
        """Move what is at `path` (a file, or a folder with what it holds) out of the way."""
        kept = self._place()
        os.rename(path, kept)
        self.moves.append((kept, path))

    def replace(self, source: str, target: str) -> None:
        """os.replace(source, target), the file at `target` first linked aside (where the file system keeps no
        link, or refuses one, e.g. for another user's file under protected_hardlinks, it stays replaced)."""
        back: tuple[str, str] | None = (target, source)   # (a file where there was none: away again)
        if os.path.lexists(target):
            kept = self._place()
            try:
                os.link(target, kept, follow_symlinks=False)
                back = (kept, target)                     # (the old file back)
            except OSError:
                back = None
        os.replace(source, target)
        if back is not None:
            self.moves.append(back)

    def rename(self, source: str, target: str) -> None:
        os.rename(source, target)
        self.moves.append((target, source))

    def revert(self) -> None:
        """Undo every step, newest first, as far as the file system lets it."""
        for moved, place in reversed(self.moves):
            try:
                os.replace(moved, place)
            except OSError:
                pass


UNDO = ".dossier-undo"   # in the staging folder: what a commit replaced or set aside, until it has moved everything


def move_tree(staged: str, out: str, undo: Undo) -> None:
    """Move every file under `staged` to the same place under `out`: a folder whose place is free moves whole
    (one rename), a folder already there is entered, a file replaces what is there (os.replace: atomic), each
    step noted in `undo` (the caller reverts it when this raises)."""
    folders = [""]
    while folders:
        prefix = folders.pop()
        for entry in sorted(os.scandir(os.path.join(staged, prefix)), key=lambda e: e.name):
            rel = os.path.join(prefix, entry.name)
            target = os.path.join(out, rel)
            if rel == UNDO:
                continue
            if not entry.is_dir(follow_symlinks=False):
                undo.replace(entry.path, target)
            elif os.path.lexists(target):
                folders.append(rel)
            else:
                undo.rename(entry.path, target)


def sweep(out: str, keep: set[str], gone: list[str] | None = None) -> int:
    """Delete every file under `out` that is not in `keep` (posix paths relative to `out`; the staging folder
    is left alone), and every symbolic link to a folder (never followed: a link to /etc put there by hand would
    have the site publish /etc), then every folder left empty by that. Returns how many files, links and empty
    folders (made by hand) went (and adds their paths to `gone`, a folder as "its/path/"). Plain
    strings, and no folder is asked to go unless nothing is left in it: a site has thousands of files and
    folders."""
    deleted = 0
    emptied: set[str] = set()
    walked: set[str] = set()  # (bottom-up: every folder it entered is walked before the folder that lists it)
    for folder, dirs, files in os.walk(out, topdown=False):
        prefix = "" if folder == out else folder[len(out) + 1:].replace(os.sep, "/") + "/"
        if prefix and not dirs and not files and not prefix.startswith(STAGING + "/"):
            deleted += 1  # (a folder made by hand: a build's own hold its files; counted as the warning names it)
            if gone is not None:
                gone.append(prefix)
        left = len(files) + len(dirs)
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
                    left -= 1
                except OSError:
                    pass  # (something appeared in it meanwhile: it stays)
            elif path not in walked and os.path.islink(path):  # (os.walk lists a link to a folder, never enters it)
                os.unlink(path)
                deleted += 1
                left -= 1
                if gone is not None:
                    gone.append(prefix + name)
        walked.add(folder)
        if not left:
            emptied.add(folder)
    return deleted
