"""Which files feed a build: the dossier's site.yaml, seeds/, content/, templates/ and static/, minus editors'
swap and backup files and the evidence folder `--add` keeps. fs.read_inputs reads by these rules, the live
preview watches by them (`matters`), and `diff` says what changed between two snapshots of them.
"""

from __future__ import annotations

from typing import Any, Mapping
from ..common.records import frozen

WATCHED_DIRS = ("seeds", "content", "templates", "static")
WATCHED_FILES = ("site.yaml",)

# (mtime in ns, size, inode, change time in ns): a save changes at least one of them, even within one mtime tick
# and even when a tool puts the modification time back (a rewrite in place of the same size on a file system
# with a coarse clock): the kernel sets the change time at every write, and no program can set it back. A
# rename-over (how most editors save) always changes the inode.
Stamp = tuple[int, int, int, int]


def stamp_of(info: Any) -> Stamp:
    """The Stamp of an os.stat_result (or a DirEntry's stat)."""
    return info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns


# What else editors' tools and systems leave beside a file (review 74): merge leftovers (git's x.orig, patch's
# x.rej), backups (x.bak, nano's x.save), JetBrains' safe write (x___jb_tmp___, x___jb_old___), the files Windows,
# macOS and Synology put in every folder, and the file vim makes to test that a folder is writable ("4913", then
# 4913 + 123·n). A seed so named became an article when the build's hint to --import was followed.
_JUNK_ENDS = ("~", ".swp", ".swx", ".tmp", ".part", ".orig", ".rej", ".bak", ".save", "___jb_tmp___", "___jb_old___")
_SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r", "@eadir", "$recycle.bin"})


def is_editor_junk(name: str) -> bool:
    """Swap, backup, lock and temporary files of editors (.x.swp, x~, #x#, .#x, x.tmp, x.bak, x.orig), the files
    systems put in folders (Thumbs.db, desktop.ini), and the file `sed -i` writes beside the one it edits
    (sedAb3xYz, sedfv9j87: "sed" and six letters or digits, a capital or a digit among them, no extension); hidden
    files too.
    The reader (shell/tree.py) skips the same names."""
    return name.startswith((".", "~", "#")) or name.endswith(_JUNK_ENDS) or name.casefold() in _SYSTEM_FILES or \
        (name.isdigit() and name.isascii() and 4913 <= int(name) < 100_000 and (int(name) - 4913) % 123 == 0) or \
        (len(name) == 9 and name.startswith("sed") and name[3:].isalnum() and name[3:].isascii()
         and not (name[3:].isalpha() and name[3:].islower()))  # (six random letters and digits, a digit or a
    # capital among them, "sedfv9j87" too, review 133: "sedentary" is a word)


EVIDENCE = "seeds/evidence"  # what `--add` captured (raw pages, provenance): kept, never read by a build


def is_evidence(rel: str) -> bool:
    """Whether `rel` (posix, relative to the dossier root) is in the evidence folder, which no build reads."""
    return rel == EVIDENCE or rel.startswith(EVIDENCE + "/")


def matters(rel: str) -> bool:
    """Whether a file at `rel` (posix, relative to the dossier root or the project) can change the build."""
    parts = rel.split("/")
    if any(not p or is_editor_junk(p) for p in parts) or is_evidence(rel):
        return False
    if len(parts) == 1:
        return parts[0] in WATCHED_FILES
    return parts[0] in WATCHED_DIRS


@frozen
class Changes:
    """What differs between two snapshots. Invariant: the three tuples are sorted and disjoint."""

    added: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.modified or self.removed)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(sorted(self.added + self.modified + self.removed))

    def describe(self, limit: int = 3) -> str:
        """"content/a.yaml changed, seeds/b.txt removed and 2 more", for the terminal."""
        items = ([f"{p} added" for p in self.added] + [f"{p} changed" for p in self.modified] +
                 [f"{p} removed" for p in self.removed])
        text = ", ".join(items[:limit])
        return text + (f" and {len(items) - limit} more" if len(items) > limit else "")


def diff(old: Mapping[str, Stamp], new: Mapping[str, Stamp]) -> Changes:
    """Changes between two snapshots (path → stamp). Paths are whatever the snapshots use as keys."""
    return Changes(
        added=tuple(sorted(set(new) - set(old))),
        modified=tuple(sorted(p for p in set(new) & set(old) if new[p] != old[p])),
        removed=tuple(sorted(set(old) - set(new))))
