"""The live preview's search index: made in a thread of its own once saves pause after a publish (Pagefind is
slow, and no save waits for it), dropped when a save comes meanwhile and made again later. A part of `Preview`
(serve_preview.py), which holds the state these methods use.
"""

from __future__ import annotations

import time
from typing import Any

from .fs import OutputError, WriteFailed
from .search import SearchCancelled
from .serve_app import SEARCH
from .writer import search_files, sync, unwritten

SEARCH_IDLE_SECONDS = 2.0   # index for search once no save came for this long after a publish
SEARCH_PREFIX = SEARCH


class SearchIndexing:
    """The search-index half of `Preview` (its attributes are Preview's: the published site, the locks, the
    generations of saves, the parts of the index kept)."""

    published: Any
    good: Any
    checked: Any  # (outdir.Checked: the output folder confirmed before each write)

    def index(self, started: int) -> None:
        """Rebuild the search index of the published site (Pagefind) and write the files that changed.
        Runs in its own thread; dropped when a change came after `started`, and tried again later."""
        try:
            with self.publish_lock:
                site = {p: b for p, b in (self.published or {}).items() if not p.startswith(SEARCH_PREFIX)}
                whole = self.published is self.good  # (not a site with first pages of a build under way)
            if not site:
                return
            t0 = time.perf_counter()
            try:
                files = search_files(site, self.status.mount, lambda: self._stale(started), self.part_pages,
                                     self.search_parts)
            except SearchCancelled:  # a save came: its build goes first, the index is made when saves pause
                with self.cond:
                    self.search_due = time.monotonic() + SEARCH_IDLE_SECONDS
                return
            except Exception as exc:  # no Pagefind binary, or it failed: the preview works without search
                self._print(f"search index not built ({exc}); search is unavailable in the preview")
                self.search = False
                if not self.search_files:   # (the search page says why it has no index; one a build left stays)
                    self.status.update(search="failed")
                return
            with self.publish_lock:
                with self.cond:
                    if self.stopping.is_set() or self.generations.superseded(started):
                        self.search_due = time.monotonic() + SEARCH_IDLE_SECONDS  # try again when saves pause
                        return
                outputs = {**site, **files}
                try:
                    written, deleted = sync(self.out, outputs, self.published, check=self.checked.confirm)
                except (OSError, WriteFailed, OutputError) as exc:  # (a full disk, a folder replaced by a link):
                    # said in one line; the next publish compares every file
                    self.published = None
                    self._print(f"search index not written: {unwritten(self.out, exc)}")
                    return
                self.published, self.search_files = outputs, files
                self.status.update(search="")
                if whole:
                    self.good = outputs
                self.search_parts.finish()
            self._print(f"[{time.strftime('%H:%M:%S')}] search index: {len(files)} files in "
                        f"{time.perf_counter() - t0:.2f}s; {written} written, {deleted} removed")
        finally:
            with self.cond:
                self.indexing = False
                self.cond.notify_all()

    def _stale(self, started: int) -> bool:
        """Whether the index begun at generation `started` is out of date (a save came since) or unwanted."""
        with self.cond:
            return self.stopping.is_set() or self.generations.superseded(started)
