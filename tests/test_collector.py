"""The build runs with fewer garbage collections (dossier/shell/collector.py) and leaves the collector as it found
it: the thresholds are raised while the command line's `build_site` runs, and restored after a build, a failed
build or an exception. (The live preview's builder wraps its build in the same block, serve_preview.py; the
preview's own tests cover its builds, not the thresholds.)"""

from __future__ import annotations

import gc

import pytest

from conftest import mini
from dossier.core import pipeline
from dossier.shell import collector
from dossier.shell.cli import main

SEED = "Talks resume\nThe minister said the talks would resume next week.\n"
ARTICLE = "seed: a.txt\ntitle: Talks resume\nsource: outlet-a\ndate: 2024-03-22\n"


@pytest.fixture
def seen(monkeypatch):
    """The collector's thresholds at the moment each build_site call starts (the real build still runs)."""
    thresholds: list[tuple[int, ...]] = []
    real = pipeline.build_site

    def spy(*args, **kwargs):
        thresholds.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build_site", spy)
    return thresholds


def test_the_command_line_builds_with_the_raised_thresholds_and_restores_them(tmp_path, seen):
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    before = gc.get_threshold()
    assert main(["--root", str(root), "--out", str(tmp_path / "site"), "--no-search"]) == 0
    assert seen == [(collector.FIRST, collector.SECOND, collector.THIRD)]
    assert gc.get_threshold() == before
    assert (tmp_path / "site" / "articles" / "a" / "index.html").is_file()


def test_a_failed_build_restores_the_thresholds_too(tmp_path, seen):
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE + "bogus: 1\n"})
    before = gc.get_threshold()
    assert main(["--root", str(root), "--check"]) == 1
    assert seen == [(collector.FIRST, collector.SECOND, collector.THIRD)]
    assert gc.get_threshold() == before


def test_an_exception_inside_the_block_restores_the_thresholds():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with collector.fewer_collections():
            assert gc.get_threshold() == (collector.FIRST, collector.SECOND, collector.THIRD)
            raise RuntimeError("a bug in the build")
    assert gc.get_threshold() == before
    assert collector.FIRST > 700  # fewer first-generation collections than Python's default (700, 10, 10)


def test_what_is_read_for_good_is_not_collected_inside_and_is_oldest_after():
    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with collector.reading_for_good():
            kept = [[i] for i in range(50_000)]  # far more than a young generation holds before a collection
            assert not gc.isenabled()
        assert runs == []
    finally:
        gc.callbacks.remove(count)
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(kept) in oldest and id(kept[0]) in oldest and id(kept[-1]) in oldest  # no young collection walks them


def test_reading_for_good_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with collector.reading_for_good():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_preview_freezes_what_a_build_leaves_and_collects_it_all_every_so_often():
    import weakref

    from dossier.shell.collector import LongLived

    class Node:
        pass

    heap = LongLived(every=2)
    node = Node()
    node.self = node                       # a cycle: only the collector can free it
    gone = weakref.ref(node)
    try:
        heap.after_build()                 # build 1: the node is alive, and frozen with the rest
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert gone() is not None          # frozen cyclic garbage is not collected...
        heap.after_build()                 # ...until every `every` builds, when all is unfrozen and collected
        assert gone() is None
        assert gc.get_freeze_count() > 0   # (and what is alive frozen again)
    finally:
        heap.release()
    assert gc.get_freeze_count() == 0
