"""When the live preview rebuilds, and what it does with a build: pure decisions, no clock, no disk, no threads.

The preview (dossier/shell/serve_preview.py) polls the watched folders (core/load/watched.py) into snapshots, and
asks this module:
- when a burst of changes has settled (`Debouncer`): an editor's save is often several writes, a checkout or
  "save all" touches several files, and all of them should give one rebuild;
- whether a finished build may publish (`Generations`): a build that started before the latest change is
  superseded and is dropped, so the browser never shows a state older than the files on disk;
- what to tell the browser afterwards (`after_build`, `prioritise`, `changed_outputs`, `reload_path`).

Time is always passed in (seconds, from a monotonic clock), which keeps every rule testable with plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping

from .common.errors import Problem
from .common.records import frozen


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


@frozen
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


def describe(paths: Iterable[str]) -> str:
    """The changes a build covers, for its line in the terminal: up to three paths, then how many more."""
    items = sorted(p for p in paths if p != "(start)")
    if not items:
        return "first build"
    return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")


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


CHANGED_PATH = "/__dossier/changed/"  # + a write's number: open pages ask whether it changed theirs (serve_app.py)


def reload_path(changed: Iterable[str], base_path: str = "/", write: int | None = None) -> str | None:
    """The path to send in livereload's reload message: None when nothing changed (no reload), the
    stylesheet when it is the one file that changed (livereload.js then swaps that stylesheet without
    reloading the page), else, for the preview's write number `write`, CHANGED_PATH + that number (each open
    page asks whether that write changed it, and reloads only then), without one a page path, which makes
    livereload.js reload every open page."""
    changed = sorted(changed)
    if not changed:
        return None
    if len(changed) == 1 and changed[0].endswith(".css"):
        return base_path + changed[0]
    return base_path + "index.html" if write is None else f"{CHANGED_PATH}{write}"
