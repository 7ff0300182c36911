"""When the live preview rebuilds, and what it does with a build: pure decisions, no clock, no disk, no threads.

The preview (dossier/shell/serve.py) polls the watched folders into snapshots, and asks this module:
- which paths matter (`matters`): the dossier's site.yaml, seeds/, content/, templates/ and static/, minus
  editor swap and backup files (the same names fs.read_inputs skips), so saving in Vim or Emacs does not
  trigger a build of its own;
- what changed between two snapshots (`diff`);
- when a burst of changes has settled (`Debouncer`): an editor's save is often several writes, a checkout or
  "save all" touches several files, and all of them should give one rebuild;
- whether a finished build may publish (`Generations`): a build that started before the latest change is
  superseded and is dropped, so the browser never shows a state older than the files on disk;
- what to tell the browser afterwards (`after_build`, `reload_path`).

Time is always passed in (seconds, from a monotonic clock), which keeps every rule testable with plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping

from .errors import Problem

WATCHED_DIRS = ("seeds", "content", "templates", "static")
WATCHED_FILES = ("site.yaml",)

# (mtime in ns, size, inode): a save changes at least one of them, even within one mtime tick, and a
# rename-over (how most editors save) always changes the inode.
Stamp = tuple[int, int, int]


def is_editor_junk(name: str) -> bool:
    """Swap, backup, lock and temporary files of editors (.x.swp, x~, #x#, .#x, x.tmp); hidden files too.
    The reader (fs.tree_files) skips the same names."""
    return name.startswith((".", "~", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".part"))


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


@dataclass(frozen=True)
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


@dataclass
class Debouncer:
    """Turns a burst of changes into one rebuild.

    A rebuild is due once no change has been seen for `quiet` seconds, or `max_wait` seconds after the first
    change of the burst (so a file rewritten every few milliseconds still gets previewed).
    Invariant: `first` and `last` are None exactly when nothing is pending.
    """

    quiet: float = 0.1
    max_wait: float = 2.0
    pending: set[str] = field(default_factory=set)
    first: float | None = None
    last: float | None = None

    def note(self, now: float, paths: Iterable[str]) -> None:
        self.pending.update(paths)
        if self.first is None:
            self.first = now
        self.last = now

    def due_at(self) -> float | None:
        """When the pending burst is due, or None when nothing is pending."""
        if self.first is None or self.last is None:
            return None
        return min(self.last + self.quiet, self.first + self.max_wait)

    def due(self, now: float) -> bool:
        at = self.due_at()
        return at is not None and now >= at

    def carry(self, paths: Iterable[str]) -> None:
        """Add the paths of a dropped (superseded) build to the pending burst, which always exists then (the
        change that superseded it), so the build that replaces it names every change it covers."""
        if self.first is not None:
            self.pending.update(paths)

    def take(self) -> frozenset[str]:
        """The paths of the burst; nothing is pending afterwards."""
        paths = frozenset(self.pending)
        self.pending, self.first, self.last = set(), None, None
        return paths


@dataclass
class Generations:
    """Supersession. Every change seen bumps `latest`; a build remembers the generation it started at and
    may publish only if no change came after it (else the files it read may already be out of date)."""

    latest: int = 0

    def changed(self) -> int:
        self.latest += 1
        return self.latest

    def start(self) -> int:
        return self.latest

    def superseded(self, started: int) -> bool:
        return started != self.latest


Action = Literal["discard", "publish", "fail"]


@dataclass(frozen=True)
class Outcome:
    """What to do with a finished build: publish its outputs, keep the last good site and show problems
    (fail), or drop it (discard, when superseded). `reload`: whether open pages must reload now."""

    action: Action
    reload: bool


def after_build(superseded: bool, ok: bool, problems: tuple[Problem, ...], shown: tuple[Problem, ...] | None
                ) -> Outcome:
    """Decide, given whether the build is superseded and succeeded, its problems and the problems open pages
    show now (None: pages show a good site). A failure reloads pages only when it changes what they show, so
    twenty identical bad saves do not reload twenty times; a success always reloads when it follows a failure
    (to clear the overlay) — and otherwise when outputs changed, which `reload_path` decides."""
    if superseded:
        return Outcome("discard", False)
    if ok:
        return Outcome("publish", True)
    return Outcome("fail", shown is None or tuple(problems) != tuple(shown))


def prioritise(problems: Iterable[Problem], changed: Iterable[str]) -> tuple[Problem, ...]:
    """Problems in the order an editor fixes them: first those in the files just saved (usually the cause),
    then other errors in the dossier's files, then errors found in the output (a broken link is mostly a
    consequence), then warnings; otherwise the build's own order."""
    changed = set(changed)
    ranked = sorted(enumerate(problems), key=lambda item: (
        item[1].file not in changed, item[1].severity != "error", item[1].file.startswith("_site/"), item[0]))
    return tuple(p for _, p in ranked)


def changed_outputs(old: Mapping[str, bytes] | None, new: Mapping[str, bytes]) -> tuple[str, ...]:
    """Output paths whose bytes differ between two builds (added, changed or removed); all when old is None."""
    if old is None:
        return tuple(sorted(new))
    return tuple(sorted({p for p in new if old.get(p) != new[p]} | (set(old) - set(new))))


def reload_path(changed: Iterable[str], base_path: str = "/") -> str | None:
    """The path to send in livereload's reload message: None when nothing changed (no reload), the
    stylesheet when it is the one file that changed (livereload.js then swaps that stylesheet without
    reloading the page), else a page path, which makes livereload.js reload the whole page."""
    changed = sorted(changed)
    if not changed:
        return None
    if len(changed) == 1 and changed[0].endswith(".css"):
        return base_path + changed[0]
    return base_path + "index.html"
