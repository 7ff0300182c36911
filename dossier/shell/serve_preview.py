"""The live preview's loop: watch → debounce → build in memory → publish or show problems.

Threads share one `Preview`:
- the poller (poller.py) stats the watched files and reports changes (serve_files.snapshot): as soon as the
  kernel reports a change in a watched folder (notify.py; only the files it names, when it names them; every
  file every second otherwise), or every 0.1 s where it cannot;
- the builder waits until a burst of changes has settled, reads the dossier, builds it in memory (reusing
  per-file work by content hash, core/common/memo.py) and then either publishes it (writer.sync writes the
  output files whose bytes changed; open pages reload; files changed by hand in the folder are put back) or,
  when it failed, keeps the last good site and shows the problems in every page and in the terminal. A build
  started before the latest change is superseded: it stops at its next stage or range of pages, and is
  dropped. The builder catches everything: an exception in the build is a problem shown, never the end;
- when saves pause after a publish, a short-lived thread rebuilds the search index (Pagefind), which no save
  waits for.

The decisions (which paths matter, debouncing, supersession, when to reload) are pure: core/load/watched.py, preview.py.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Mapping, TextIO

from . import fs, outdir
from .cache import Cache
from .collector import LongLived, fewer_collections
from .crash import crash_problem
from ..core.common.errors import Problem, has_errors
from ..core.analyse.earlier import remember as remember_analyses
from ..core.common.memo import Memo
from ..core.execute.first import First
from ..core.pipeline import BuildResult, Options, Superseded, build_site, load_config
from ..core.common.snippet import format_problem
from ..core.preview import (Debouncer, Generations, after_build, changed_outputs, describe, prioritise,
                            reload_path)
from ..core.load.watched import Changes, Stamp
from .serve_app import Status
from .notify import Wakeup, open_wakeup
from .parallel import said_lost
from .poller import Poller
from .preview_keep import keep_for_next_build
from .readback import ReadBack
from .serve_files import shown_path, snapshot, watched_folders
from . import serve_index
from .serve_index import SEARCH_PREFIX, SearchIndexing
from .terminal import say
from .search_parts import PART_PAGES, MemoryParts
from .writer import files_under, not_written, repair, sync, unwritten, write_changed

POLL_SECONDS = 0.1
QUIET_SECONDS = 0.1           # a burst of changes has settled after this long without one (polling)...
QUIET_NOTIFIED_SECONDS = 0.03  # ...or this, when the kernel reports each change as it happens (notify.py)
WRITE_STALL = 2.0   # a file written and not closed since is awaited until it is, or this long after its last write
WRITE_POLL = 0.05   # how often the builder looks whether it has been closed


class Preview(SearchIndexing):
    """The watch → build → publish loop (see the module docstring). `reload(path)` is called, from the builder
    thread, with livereload's reload path after each build that changes what pages show."""

    def __init__(self, root: Path, out: Path, options: Options, reload: Callable[[str], None] = lambda p: None,
                 stream: TextIO = sys.stdout, poll: float = POLL_SECONDS, quiet: float | None = None,
                 max_wait: float = 2.0, search: bool = True, notify: bool = True) -> None:
        self.root, self.out, self.options, self.reload = root.resolve(), out, options, reload
        self.stream, self.poll, self.search = stream, poll, search
        self.notify = notify                # woken by the kernel on a change (notify.py), else polling only
        self.wakeup: Wakeup | None = None
        self.status = Status(has_site=(out / "index.html").is_file())
        self.checked = outdir.Checked(self.root, out)  # (what serve() checked: confirmed before every write)
        # The command line's cache behind the memo until the first good build: a preview started on a dossier
        # built before reads every file's work and every page back instead of redoing them
        self.memo = Memo(backing=Cache(self.root, stage=ReadBack(out)))
        remember_analyses()  # (an article saved again is placed and its notes rendered only where it changed)
        self.reads = fs.Reads()  # the files' bytes as last read: an unchanged file is not read again
        self.cond = threading.Condition()
        self.quiet = quiet  # None: QUIET_NOTIFIED_SECONDS when the kernel reports changes, else QUIET_SECONDS
        self.debouncer = Debouncer(quiet=QUIET_SECONDS if quiet is None else quiet, max_wait=max_wait)
        self.generations = Generations()
        self.stopping = threading.Event()
        self.publish_lock = threading.Lock()    # held while writing the output folder; stop() waits for it
        self.published: Mapping[str, bytes] | None = None   # the outputs on disk, as this preview wrote them
        self.good: Mapping[str, bytes] | None = None        # the last whole good site (pages shown first aside)
        self.search_files: dict[str, bytes] = {}            # the search index last written (kept until redone)
        self.search_parts = MemoryParts()                   # its parts, each indexed again only when it changed
        self.part_pages = PART_PAGES                        # site.yaml's search_part_pages, as last built
        self.search_due: float | None = None                # when to index; None: the index is up to date
        self.indexing = False                               # an index is being built (in its own thread)
        self.shown: tuple[Problem, ...] | None = None       # problems pages show now (None: a good site)
        self.analysed: Any = None   # the last analysis without errors (execute/ahead.py), for the next save
        self.published_build = 0    # the memo's number of the last build published whole
        self.printed: tuple[Problem, ...] = ()
        self.sources: Mapping[str, bytes | str] = {}   # the last build's inputs, for the problems' snippets
        self.threads: list[threading.Thread] = []
        self.heap = LongLived()   # what a build leaves alive is not walked by the collector again

    # -- threads --------------------------------------------------------------------------------------
    def locate(self) -> str:
        """The site's base path, from site.yaml, so the URL printed and served is right from the start."""
        try:
            config, _ = load_config(fs.read_inputs(self.root), self.options)
            if config is not None:
                self.status.update(mount=config.base_path)
        except Exception:
            pass  # the first build reports what is wrong
        return self.status.mount

    def start(self) -> None:
        stamps = snapshot(self.root)
        # From here on the poller tells the reads of every change since this snapshot: a folder in which
        # nothing changed is not walked again (reads.py); a build driven without the poller (tests) walks
        self.reads = fs.Reads(noted=True)
        # The index a build left stays (the search page works) until the preview's own is made; with --no-search,
        # for good (it was removed at the first publish, a file the preview did not make: the page broke)
        self.search_files = files_under(self.out, SEARCH_PREFIX)
        # (with none: the search page waits for it, or says that the preview runs without search)
        self.status.update(search="" if self.search_files else "pending" if self.search else "off")
        if isinstance(self.memo.backing, Cache):  # (its parts whose pages did not change are not made again)
            self.search_parts.recall(self.memo.backing.search_parts(), self.search_files)
            self.memo.backing.keep_pages({}, [f"search:{key}" for key in self.search_parts.kept])  # (in use)
        if self.notify:
            self.wakeup = open_wakeup(*watched_folders(self.root))
            if self.quiet is None and self.wakeup is not None and self.wakeup.complete:
                # Saves are seen as they happen, not up to a poll later; an editor's multi-step save that
                # outlasts this starts a build that the next step supersedes and stops (`_build`).
                self.debouncer.quiet = QUIET_NOTIFIED_SECONDS
        with self.cond:  # the first build is a change like any other
            self.generations.changed()
            self.debouncer.note(time.monotonic(), ["(start)"])
        self.threads = [threading.Thread(target=self._poll_loop, args=(stamps,), name="dossier-poller", daemon=True),
                        threading.Thread(target=self._build_loop, name="dossier-builder", daemon=True)]
        for thread in self.threads:
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop both threads; wait for a write in progress so the output folder is left whole."""
        self.stopping.set()
        if self.wakeup is not None:
            self.wakeup.interrupt()
        with self.cond:
            self.cond.notify_all()
        if self.publish_lock.acquire(timeout=timeout):
            self.publish_lock.release()
        for thread in self.threads:
            thread.join(timeout=0.5)
        remember_analyses(False)  # (what the analyses kept is let go)
        if self.threads and not any(thread.is_alive() for thread in self.threads):  # (no build under way)
            try:  # what the next build.py would otherwise render and index again
                pages = self.memo.pages(self.published_build) if self.published_build else []  # (none of its own)
                keep_for_next_build(self.root, self.out, pages, self.search_parts)
            except Exception as exc:  # noqa: BLE001 - stopping never fails; the next build only does more
                self._print(f"(the preview's last pages were not kept for the next build: {exc})")
            if isinstance(self.memo.backing, Cache):  # (no good build let it go: its packs are still open)
                self.memo.backing.close()
        self.heap.release()

    def _poll_loop(self, stamps: dict[str, Stamp]) -> None:
        try:
            Poller(self.root, self.poll, self.wakeup, self.stopping, self._report,
                   idle=lambda: not self.status.building).run(stamps)
        finally:
            if self.wakeup is not None:
                self.wakeup.close()

    def _report(self, changes: Changes) -> None:
        """The poller found changes: the next read stamps them anew (fs.Reads), and a build is due."""
        self.reads.note(changes.paths)
        with self.cond:
            self.generations.changed()
            self.debouncer.note(time.monotonic(), [shown_path(p, self.root) for p in changes.paths])
            self.cond.notify_all()

    def _due_at(self, now: float) -> float | None:
        """When the pending changes are to be built: when the burst has settled (the debouncer), and no watched
        file is still being written (notify.py: looked at again every WRITE_POLL seconds, its close not being
        told to this thread), or None when nothing is pending."""
        at = self.debouncer.due_at()
        if at is None or self.wakeup is None or self.wakeup.writing(now, WRITE_STALL) is None:
            return at
        return max(at, now + WRITE_POLL)

    def _due(self, now: float) -> bool:
        at = self._due_at(now)
        return at is not None and now >= at

    def _build_loop(self) -> None:
        while True:
            with self.cond:
                while not self.stopping.is_set() and not self._due(time.monotonic()):
                    if self.debouncer.due_at() is None and self.search_due is not None \
                            and time.monotonic() >= self.search_due and not self.indexing:
                        break
                    # pending changes come first; the search index waits until nothing is pending
                    at = self._due_at(time.monotonic())
                    at = self.search_due if at is None and not self.indexing else at
                    self.cond.wait(None if at is None else max(0.0, at - time.monotonic()))
                if self.stopping.is_set():
                    return
                index_only = not self._due(time.monotonic())
                paths = frozenset() if index_only else self.debouncer.take()
                started = self.generations.start()
                if index_only:  # indexing runs beside the builder: a save never waits for it
                    self.search_due, self.indexing = None, True
                    threading.Thread(target=self.index, args=(started,), name="dossier-search", daemon=True).start()
                    continue
            try:
                self.rebuild(paths, started)
            except (OSError, fs.WriteFailed, fs.OutputError) as exc:  # cannot or may not be written: said
                self._unwritten(exc)
            except Exception:  # a bug of the preview itself: report it and keep serving
                self._print(f"preview error (the preview keeps running):\n{traceback.format_exc()}")
            if not self.stopping.is_set():  # (stop() hands every frozen object back: nothing is frozen after it)
                self.heap.after_build()

    # -- one build ----------------------------------------------------------------------------------------
    def rebuild(self, paths: frozenset[str], started: int) -> None:
        what = describe(paths)
        self.status.update(building=True, changed=what)
        t0 = time.perf_counter()
        result = self._build(self._first(paths, started, what, t0), started)
        seconds = time.perf_counter() - t0
        problems = prioritise(result.problems, paths)
        with self.cond:
            superseded = self.generations.superseded(started)
        outcome = after_build(superseded, result.ok, problems, self.shown)
        stamp = time.strftime("%H:%M:%S")
        if outcome.action == "discard":
            self._print(f"[{stamp}] {what}: build superseded by a newer change after {seconds:.2f}s; rebuilding")
            with self.cond:  # the next build covers these changes too: say so when it reports
                self.debouncer.carry(paths)
            self.status.update(building=False)
            return
        if outcome.action == "fail":
            self._fail(problems, f"[{stamp}] {what}", seconds, outcome.reload)
            return
        with self.publish_lock:
            outputs = {**result.outputs, **self.search_files}  # the last index stays until it is redone
            with self.cond:
                if self.stopping.is_set() or self.generations.superseded(started):
                    self.status.update(building=False)
                    return  # a change arrived while we finished up: the next build publishes
            written, deleted = sync(self.out, outputs, self.published,  # the first time: every file compared
                                    lambda: self._print(f"waiting for a build.py run writing into {self.out}"),
                                    self.checked.confirm)
            # The first publish, or the first after a failure (pages show the overlay): every open page reloads
            everything = self.published is None or (self.shown is not None and has_errors(self.shown))
            changed = changed_outputs(self.published, outputs)
            self.published = self.good = outputs
            self.published_build = self.memo.build  # (its pages are what the next build.py is left, at stop)
            self.shown = None
            parts = self.part_pages != result.search_part_pages  # (site.yaml's search_part_pages: index anew)
            self.part_pages = result.search_part_pages
            number = self.status.publish(None if everything else changed, state="ok", building=False,
                                         problems=problems, seconds=seconds, mount=result.base_path, has_site=True)
            if self.search and (changed or parts or not self.search_files):
                with self.cond:
                    self.search_due = time.monotonic() + serve_index.SEARCH_IDLE_SECONDS
        self._print_problems(problems)
        self._print(f"[{stamp}] {what}: built {result.counts.get('pages', 0)} pages in {seconds:.2f}s; "
                    f"{written} file(s) written, {deleted} removed; {len(problems)} warning(s)")
        path = f"{result.base_path}index.html" if everything else reload_path(changed, result.base_path, number)
        if path:
            self._reload(path)
        threading.Thread(target=self._repair, args=(stamp,), name="dossier-repair", daemon=True).start()
        self.memo.let_go()  # (the first good build's work kept for the next start; the memo serves the saves)

    def _unwritten(self, exc: Exception) -> None:
        """A publish that could not be written (a full disk, a folder made read-only) or was refused (the output
        folder replaced by a link, a link in it that leads out: review 163 had a traceback, and pages that showed
        nothing): one line, not a traceback, and over every page; the next save writes the whole folder again,
        comparing every file."""
        with self.publish_lock:
            self.published = None
        problem, said = not_written(self.out, exc)
        self.status.update(building=False, state="failed", problems=(problem,))
        self._print(said)

    def _repair(self, stamp: str) -> None:
        """Files of the output folder deleted, edited or added by hand meanwhile: put back as built (in its own
        thread: one walk of the folder, 0.04 s at 1,000 articles, which the next save need not wait for)."""
        with self.publish_lock:
            if not self.published or self.stopping.is_set():
                return  # (nothing published, as after a failed write: nothing to compare the folder with)
            try:
                self.checked.confirm()
                mended = repair(self.out, self.published)
            except (OSError, fs.OutputError, fs.WriteFailed) as exc:
                self._print(f"[{stamp}] output folder: what was changed by hand could not be put back: "
                            f"{unwritten(self.out, exc)}")
                return
        if any(mended):
            self._print(f"[{stamp}] output folder: {mended[0]} file(s) changed by hand written again, {mended[1]} "
                        "added by hand removed")

    def _fail(self, problems: tuple[Problem, ...], what: str, seconds: float, reload: bool) -> None:
        """A failed build: keep (or put back) the last good site, show the problems over it."""
        taken_back = self._take_back()
        self.analysed = None  # (the pages of the next save are made by its whole build, as after any failure)
        self.shown = problems
        self._print_problems(problems)  # (before the status says so: whoever reads it may look at the terminal)
        self.status.update(state="failed", building=False, problems=problems, seconds=seconds)
        errors = sum(p.severity == "error" for p in problems)
        kept = "still serving the last good site" if self.status.has_site else "no site to serve until it builds"
        self._print(f"{what}: build failed with {errors} error(s) in {seconds:.2f}s; {kept}")
        if reload or taken_back:
            self._reload(self.status.mount + "index.html")

    def _reload(self, path: str) -> None:
        if not self.stopping.is_set():  # once stopping, the server's loop may be gone
            self.reload(path)

    def _first(self, paths: frozenset[str], started: int, what: str, t0: float) -> First:
        """The pages of the saved files, to show before the rest of the build (execute/first.py): only while a
        good site is shown, so that they never stand beside an overlay of problems they do not have (otherwise
        none, but the build's analysis is still kept for the next save's, execute/ahead.py)."""
        if self.published is None or self.shown is not None:
            return First(frozenset(), lambda outputs: None, keep=self._keep)

        def publish(outputs: Mapping[str, bytes]) -> None:
            with self.publish_lock:
                with self.cond:
                    if self.stopping.is_set() or self.generations.superseded(started) or self.published is None:
                        return  # a newer save: its own build shows it
                merged = {**self.published, **outputs}
                changed = changed_outputs(self.published, merged)
                if not changed:
                    return
                try:
                    self.checked.confirm()
                    write_changed(self.out, merged, changed)
                except (OSError, fs.OutputError):  # (a full disk): no page shown first; the build's own write
                    self.published = None  # says what failed, and compares every file once it can write
                    return
                self.published = merged
                number = self.status.publish(changed)
            self._print(f"[{time.strftime('%H:%M:%S')}] {what}: its page(s) shown after "
                        f"{time.perf_counter() - t0:.2f}s; building the rest")
            path = reload_path(changed, self.status.mount, number)
            if path:
                self._reload(path)

        return First(frozenset(p for p in paths if not p.endswith(" (project)")), publish,
                     visited=self.status.visited, last=self.analysed, keep=self._keep)

    def _keep(self, analysed: Any) -> None:
        self.analysed = analysed

    def _take_back(self) -> bool:
        """A build that failed after showing its first pages: the last good site goes back in their place (and
        every open page reloads). Returns whether there was anything to take back."""
        with self.publish_lock:
            if self.good is None or self.published is None or self.published is self.good:
                return False
            sync(self.out, self.good, self.published, check=self.checked.confirm)
            self.published = self.good
            self.status.publish(None)
            return True

    def _build(self, first: First | None = None, started: int | None = None) -> BuildResult:
        """Read and build, catching everything: a crash becomes a problem shown like any other. A build that a
        change after `started` supersedes stops at the next stage or range of pages (its result is dropped)."""
        def cancelled() -> bool:  # (a newer save, or the preview stopping: reads of an int and a flag, no lock)
            return self.stopping.is_set() or (started is not None and self.generations.superseded(started))

        try:
            inputs = fs.read_inputs(self.root, self.reads)
            self.sources = fs.sources_of(inputs)
            self.memo.begin()
            with fewer_collections():  # process-wide: the server thread's few allocations do not mind
                result = build_site(inputs, self.options, self.memo, first=first, cancelled=cancelled)
            self.memo.sweep()
            return result
        except Superseded:  # the caller sees the newer change and drops this; what the memo kept is valid
            return BuildResult({}, ())
        except Exception as exc:
            self._print(traceback.format_exc().rstrip())
            return BuildResult({}, (crash_problem(exc),))
        finally:
            for line in said_lost():  # (a worker died: its share was made again here, as the command line says)
                self._print(line)

    # -- terminal ---------------------------------------------------------------------------------------
    def _print(self, text: str) -> None:
        """The preview's one way to the terminal: control characters made visible (terminal.py)."""
        say(text, file=self.stream, flush=True)

    def _print_problems(self, problems: tuple[Problem, ...]) -> None:
        if problems and problems == self.printed:
            self._print(f"(the same {len(problems)} problem(s) as before)")
        else:
            for p in problems:
                self._print(format_problem(p, self.sources))
        self.printed = problems
