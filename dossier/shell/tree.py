"""Which files a build may read under a dossier folder: symbolic links followed only while they stay inside
it, special files and names that are not UTF-8 refused, editors' junk and `--add`'s evidence skipped. One rule
for reading a dossier (fs.read_inputs), watching it (serve_files) and checking it is up to date (uptodate)."""

from __future__ import annotations

import os
import stat
from dataclasses import field
from pathlib import Path

# (light: the build's modules are imported only when a build happens)
from ..core.load.watched import is_editor_junk, is_evidence, stamp_of
from ..core.common.records import frozen


@frozen
class Tree:
    """The files under one folder of a tree. `files`: posix paths relative to the root, each a regular file or a
    symbolic link to one that stays inside the root; `refused`: path → why it is not read (a link that leads
    out of the root, to a file or a folder, a FIFO, device or socket, a dangling link, a name that is not UTF-8).
    Invariant: both are in sorted-Path order and nothing in `refused` was opened or listed (of a link out, only
    whether it leads to a folder was asked). `stamps`: each file's modification time, size and inode when
    it was walked (of the file a link leads to), by which the live preview tells an unchanged file (fs.Reads)."""

    files: list[str]
    refused: dict[str, tuple[str, str]]   # path → (check, message)
    stamps: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # file → (mtime_ns, size, inode) as walked


def inside(real: str, top: str) -> bool:
    """Whether the real (symlink-free) path `real` is `top` or under it."""
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _path_order(rel: str) -> list[str]:
    return rel.split("/")  # sorted-Path order, the order the build has always read files in


def _special(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _outside(real: str) -> tuple[str, str]:
    """Why a link to `real`, outside the root, is not read. Of what it leads to, only whether it is a folder is
    asked (for the hint: copy a file, put a folder in the link's place), never what it holds."""
    if os.path.isdir(real):
        return "folder-outside-root", f"this is a symbolic link to the folder {real}, outside the dossier folder, " \
                                      "so nothing in it is read"
    return "file-outside-root", f"this is a symbolic link to {real}, outside the dossier folder, so it is not read"


def _children(rel: str, names: list[str], refused: dict[str, tuple[str, str]]) -> list[str]:
    """The entries of folder `rel` a build reads: editors' junk and the evidence folder skipped, a name that is
    not UTF-8 (os.listdir keeps its undecodable bytes as surrogates) refused."""
    out = []
    for name in names:
        if is_editor_junk(name) or is_evidence(f"{rel}/{name}"):
            continue
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            refused[f"{rel}/{name}"] = ("file-name-encoding", "this name is not valid UTF-8, so no YAML file can "
                                        "name it and no page can link to it; it is not read")
            continue
        out.append(f"{rel}/{name}")
    return out


def walk_tree(root: Path, sub: str, suffixes: tuple[str, ...] = ("",)) -> Tree:
    """What a build may read under root/sub (`sub` may also name one file, e.g. "site.yaml"), editors' junk
    and `--add`'s evidence folder skipped (one rule for reading a dossier, watching it and checking it is up to date).

    Symbolic links are followed only while they stay inside `root` (a seed linked to /etc/passwd would be
    published); special files are never opened (reading a FIFO would hang the build). Each folder is read once,
    so a link back to a parent cannot loop."""
    top, base = os.path.realpath(root), os.fspath(root)
    files, refused, stamps = [], {}, {}  # (see Tree)
    seen: set[tuple[int, int]] = set()

    def visit(rel: str) -> None:
        path = os.path.join(base, rel)
        try:
            info = os.lstat(path)
        except OSError:
            return  # gone since it was listed
        if stat.S_ISLNK(info.st_mode):
            real = os.path.realpath(path)
            if not inside(real, top):
                refused[rel] = _outside(real)
                return
            try:
                info = os.stat(path)
            except OSError as exc:  # dangling, or a loop of links
                refused[rel] = ("file-unreadable", f"this is a symbolic link to {real}, which cannot be opened "
                                                   f"({exc.strerror or exc})")
                return
        if stat.S_ISDIR(info.st_mode):
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            try:
                names = sorted(os.listdir(path))
            except OSError as exc:
                refused[rel] = ("file-unreadable", f"this folder could not be read ({exc.strerror or exc})")
                return
            for child in _children(rel, names, refused):
                visit(child)
        elif rel.endswith(suffixes):
            if stat.S_ISREG(info.st_mode):
                files.append(rel)
                stamps[rel] = stamp_of(info)
            else:
                refused[rel] = ("file-special", f"this is {_special(info.st_mode)}, not a file, so it is not read")

    visit(sub)
    del visit  # (it refers to itself: without this, each walk would leave a cycle for the garbage collector)
    return Tree(sorted(files, key=_path_order), {r: refused[r] for r in sorted(refused, key=_path_order)}, stamps)


def tree_files(root: Path, sub: str, suffixes: tuple[str, ...] = ("",)) -> list[str]:
    """Posix paths, relative to `root`, of the readable files under root/sub ending in one of `suffixes`
    (see `walk_tree`; `--add`'s evidence folder is skipped too), in sorted-Path order."""
    return walk_tree(root, sub, suffixes).files
