"""What a live preview leaves the next `build.py`: its last build's pages and its search index, in the cache.

The preview keeps its work in memory (core/common/memo.py), and gives it to the cache (cache.py) only with its
first good build: the pages it renders after each save, and the parts of the search index it makes, were
unknown to the next `build.py`, which rendered and indexed them again (a part of the search index is about a
second of Pagefind at 300 pages). When the preview stops, the page outputs of its last build and the parts of
the index it last wrote go into the cache's page index, by their keys, with the digests of their bytes. The
bytes stay the output folder's files: the next build uses one only when the file still has that digest, so
nothing is trusted that an edit since could have changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from .cache import Cache
from .readback import ReadBack


def keep_for_next_build(root: Path, out: Path, pages: Sequence[tuple[str, Any]], parts: Any) -> int:
    """Put `pages` (page key → the memo's kept output: those of the last build the preview published, Memo.pages)
    and the search-index parts of `parts` (search_parts.MemoryParts: those of the index last written) that the
    cache's page index does not know into it; those it knows are marked used, as a build marks what it reused,
    so that this write ages none of them. Returns how many entries were added (the index is not written when
    none were)."""
    cache = Cache(root, stage=ReadBack(out), links=False)  # (no link check follows: the last is not read)
    try:
        fresh = {key: cache.entry(*value) for key, value in pages if not cache.knows(key)}
        kept = list(parts.kept.items())
        searched = [f"search:{key}" for key, _ in kept]
        cache.keep_pages(fresh, [key for key, _ in pages] + searched)
        added = len(fresh)
        for (key, files), name in zip(kept, searched):
            if not cache.knows(name):
                cache.keep_search_part(key, files)
                added += 1
        if added:
            cache.write_index()
        return added
    finally:
        cache.close()
