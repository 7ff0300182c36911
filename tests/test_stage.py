"""Streaming outputs and both cores: the staging folder (fs.Stage) and the forked shards (dossier/parallel.py)
give exactly the site a sequential in-memory build gives, and a failed build leaves the previous site alone."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from conftest import ROOT, failing_after
from dossier.shell import fs
from dossier.core import pipeline
from dossier.core.common import shards
from dossier.shell import parallel
from dossier.shell.parallel import fork_shards


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def test_a_commit_writes_changed_files_deletes_stale_ones_and_keeps_unchanged_ones_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = fs.Stage(out)
    for rel, data in {"a.html": b"A", "b/c.html": b"C", "old.txt": b"old"}.items():
        first(rel, data)
    assert first.commit() == (3, 0)
    before = os.stat(out / "a.html").st_mtime_ns
    second = fs.Stage(out)
    second("a.html", b"A")
    second("b/c.html", b"C2")
    assert second.staged == {"b/c.html"}
    assert (out / "b/c.html").read_bytes() == b"C"   # nothing in place changes before the commit
    assert second.commit() == (1, 1)
    assert _files(out) == {"a.html": b"A", "b/c.html": b"C2"}
    assert os.stat(out / "a.html").st_mtime_ns == before
    assert not (out / fs.STAGING).exists()


def test_a_staged_folder_new_to_the_site_moves_whole_and_one_already_there_file_by_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = fs.Stage(out)  # a first build: every top folder moves by one rename, and nothing is swept
    for rel, data in {"a/1.html": b"1", "a/deep/2.html": b"2", "b/3.html": b"3", "top.html": b"T"}.items():
        first(rel, data)
    inode = os.stat(out / fs.STAGING / "a" / "deep").st_ino
    assert first.commit() == (4, 0)
    assert os.stat(out / "a" / "deep").st_ino == inode  # the folder itself, moved
    assert _files(out) == {"a/1.html": b"1", "a/deep/2.html": b"2", "b/3.html": b"3", "top.html": b"T"}
    (out / "a" / "stray.txt").write_bytes(b"not the build's")
    second = fs.Stage(out)  # a rebuild: a new folder inside one already there, a changed file, one gone
    for rel, data in {"a/1.html": b"1", "a/deep/2.html": b"2b", "a/new/4.html": b"4", "top.html": b"T"}.items():
        second(rel, data)
    assert second.commit() == (2, 2)
    assert _files(out) == {"a/1.html": b"1", "a/deep/2.html": b"2b", "a/new/4.html": b"4", "top.html": b"T"}
    assert not (out / "b").exists() and not (out / fs.STAGING).exists()


def test_recorded_hashes_spare_reading_a_file_only_while_its_stat_is_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stage = fs.Stage(out)
    stage("a.html", b"same size")
    stage.commit()
    st = os.stat(out / "a.html")
    known = {"a.html": [st.st_size, st.st_mtime_ns, st.st_ctime_ns, stage.hashes["a.html"]]}
    trusting = fs.Stage(out, known)
    trusting("a.html", b"same size")
    assert trusting.staged == set()
    (out / "a.html").write_bytes(b"SAME SIZE")  # edited behind our back: the stat no longer matches the record
    careful = fs.Stage(out, known)
    careful("a.html", b"same size")
    assert careful.staged == {"a.html"}


def test_the_record_keeps_the_stat_a_file_was_found_with_so_a_change_after_it_is_never_vouched_for(
        tmp_path: Path) -> None:
    from dossier.shell import uptodate

    out = tmp_path / "out"
    first = fs.Stage(out)
    for rel, data in {"kept.html": b"kept page", "read.html": b"read page", "new.html": b"one"}.items():
        first(rel, data)
    first.commit()
    uptodate.record(out, {}, {}, first.hashes, {})
    stage = fs.Stage(out, uptodate.recorded_outputs(out))
    assert stage.holds("kept.html", first.hashes["kept.html"])      # vouched for by the record, unread
    os.utime(out / "read.html", ns=(1, 1))
    stage("read.html", b"read page")                                 # its time changed: read, found the same
    stage("new.html", b"two")                                        # changed: staged, moved, statted at the record
    assert set(stage.kept_stats()) == {"kept.html", "read.html"} and stage.staged == {"new.html"}
    stage.commit()
    (out / "kept.html").write_bytes(b"KEPT PAGE")  # changed after the build found it, before its record
    (out / "read.html").write_bytes(b"READ PAGE")
    uptodate.record(out, {}, {}, stage.hashes, {}, stats=stage.kept_stats())
    recorded = uptodate.recorded_outputs(out)
    assert recorded["read.html"][:2] == [9, 1]
    assert recorded["new.html"][:2] == [3, os.stat(out / "new.html").st_mtime_ns]
    after = fs.Stage(out, recorded)
    assert not after.holds("kept.html", first.hashes["kept.html"])  # the stat it was found with no longer holds
    after("read.html", b"read page")
    after("new.html", b"two")
    assert after.staged == {"read.html"}


def test_an_abort_leaves_the_previous_site_exactly_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stage = fs.Stage(out)
    stage("a.html", b"A")
    stage.commit()
    failed = fs.Stage(out)
    failed("a.html", b"half-built")
    failed.abort()
    assert _files(out) == {"a.html": b"A"}
    assert not (out / fs.STAGING).exists()
    fresh = tmp_path / "never-built"
    nothing = fs.Stage(fresh)
    nothing("x.html", b"x")
    nothing.abort()
    assert not fresh.exists()


def test_files_left_in_staging_by_a_killed_build_are_never_committed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / fs.STAGING).mkdir(parents=True)
    (out / fs.STAGING / "evil.html").write_bytes(b"from a killed build")
    stage = fs.Stage(out)
    stage("a.html", b"A")
    stage.commit()
    assert _files(out) == {"a.html": b"A"}


@pytest.mark.parametrize("rel", ["../escape.html", "/etc/passwd", "a/../../b.html", "a\\..\\b.html", ""])
def test_a_path_outside_the_output_folder_is_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(fs.OutputError):
        fs.Stage(tmp_path / "out")(rel, b"x")
    assert not (tmp_path / "escape.html").exists()


def test_forked_shards_return_results_in_order_and_report_what_each_worker_staged(tmp_path: Path) -> None:
    stage = fs.Stage(tmp_path / "out")

    def task(n: int) -> tuple[int, int]:
        time.sleep(0.3)  # long enough for the forked worker to start and claim shards of its own
        stage(f"shard-{n}.html", str(n).encode())
        return n, os.getpid()

    results = fork_shards(stage, processes=2)(task, 6)
    assert [n for n, _ in results] == list(range(6))
    pids = {pid for _, pid in results}
    assert os.getpid() in pids, "the parent works its share instead of waiting (one forked copy of its heap fewer)"
    assert len(pids) == 2, "and one forked worker the rest"
    mine = [n for n, pid in results if pid == os.getpid()]
    # the worker takes shards from the first on, the parent from the last back (the plan's site-wide pages, which
    # read every article: fewer of the parent's memory pages copied into the worker)
    assert mine == list(range(6 - len(mine), 6)), results
    assert sorted(stage.hashes) == [f"shard-{n}.html" for n in range(6)]
    stage.commit()
    assert _files(tmp_path / "out") == {f"shard-{n}.html": str(n).encode() for n in range(6)}


def test_shards_too_quick_to_be_worth_a_fork_are_all_made_in_the_parent(monkeypatch) -> None:
    """Forking costs 10–25 ms (page tables, the pages either process then writes, results pickled back): a few
    shards that the first ones show to be quick are made in the parent alone (a rebuild of a small dossier,
    whose pages are mostly kept); shards whose pace makes what is left worth FORK_WORTH fork the worker. Which
    is quick is said by FORK_WORTH, set here beyond and below any pace: six sleeps of 4 ms each had been judged
    on the clock, and a machine loaded enough (load average 20) made them slow enough to fork."""
    def task(n: int) -> tuple[int, int]:
        time.sleep(0.004)
        return n, os.getpid()

    assert 6 < parallel.FORK_AT_ONCE
    monkeypatch.setattr(parallel, "FORK_WORTH", 3600.0)
    assert fork_shards(None, processes=2)(task, 6) == [(n, os.getpid()) for n in range(6)]
    monkeypatch.setattr(parallel, "FORK_WORTH", 0.0)

    def slow(n: int) -> tuple[int, int]:  # (long enough for the worker to claim a shard on a loaded machine)
        time.sleep(0.1)
        return n, os.getpid()

    made = fork_shards(None, processes=2)(slow, 6)
    assert [n for n, _ in made] == list(range(6)) and made[-1][1] == os.getpid()
    assert any(pid != os.getpid() for _, pid in made), "a worker was forked and made the first shards"


def test_many_shards_fork_the_worker_at_once() -> None:
    """From FORK_AT_ONCE shards on (a plan of about a thousand pages), the worker is forked before the parent
    makes its first shard (the last one): the worker's first (shard 0) begins while that one is made. Forked
    only after it, shard 0 would begin after it ended."""
    def task(n: int) -> tuple[int, float, float]:
        began = time.monotonic()
        time.sleep(0.2)
        return os.getpid(), began, time.monotonic()

    n = parallel.FORK_AT_ONCE
    results = fork_shards(None, processes=2)(task, n)
    assert results[0][0] != os.getpid() and results[-1][0] == os.getpid()
    assert results[0][1] < results[-1][2], "shard 0 began before the parent's first shard ended"


def test_a_small_plan_is_still_cut_into_shards_to_share() -> None:
    """The parent forks once the shards it made show what is left to be worth it: a plan of a hundred pages in
    shards of 64 would leave it nothing to share (one shard left), so small counts get smaller shards."""
    assert shards.chunk_size(100, 64) == 13 and -(-100 // 13) == shards.FEWEST_SHARDS
    assert shards.chunk_size(5, 64) == 1
    assert shards.chunk_size(0, 64) == 1
    assert shards.chunk_size(10_000, 64) == 64
    assert shards.chunk_size(100, 2) == 2  # (never above the size asked for)
    assert shards.map_chunks(lambda task, n: [task(i) for i in range(n)], list(range(10)), lambda x: x * x) == \
        [x * x for x in range(10)]


def test_a_worker_that_dies_loses_no_shard_and_what_it_staged_is_made_again_by_the_parent(tmp_path: Path) -> None:
    """As the kernel kills a worker when memory runs out: the shards it had claimed are made by the parent, the
    results and the stage are whole and in order, and the exit code is kept for the command line's warning.
    (A multiprocessing.Pool waited for ever for them.)"""
    stage = fs.Stage(tmp_path / "out")
    parent = os.getpid()
    claimed = tmp_path / "claimed"

    def task(n: int) -> tuple[int, int]:
        time.sleep(0.2)  # long enough for the forked worker to start and claim shards of its own
        stage(f"shard-{n}.html", str(n).encode())
        if os.getpid() != parent:
            claimed.write_text(str(n))
            os.kill(os.getpid(), signal.SIGKILL)  # (after staging: a file the parent must record itself)
        return n, os.getpid()

    parallel.LOST.clear()
    with failing_after(30, "the parent waited for ever for a dead worker"):
        results = fork_shards(stage, processes=2)(task, 6)
    assert claimed.exists(), "the worker claimed a shard and died"
    assert results == [(n, parent) for n in range(6)], "every shard made, in order, the lost one by the parent"
    assert parallel.LOST == [-signal.SIGKILL]
    parallel.LOST.clear()
    assert sorted(stage.hashes) == [f"shard-{n}.html" for n in range(6)]
    stage.commit()
    assert _files(tmp_path / "out") == {f"shard-{n}.html": str(n).encode() for n in range(6)}


def test_a_worker_killed_while_it_holds_the_shard_counter_costs_time_only(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock of the shared bounds is never given back by a worker killed while holding it: the parent, which
    waited on it for ever, sees the worker dead, stops the others and makes every missing shard itself."""
    parent = os.getpid()
    counters: list = []
    real = parallel.multiprocessing.get_context

    class Context:  # the fork context, keeping the counters it makes where the task can reach them
        def __init__(self, method: str) -> None:
            self.real = real(method)

        def Array(self, *args):  # noqa: N802 - multiprocessing's name (the shards' shared bounds)
            counters.append(self.real.Array(*args))
            return counters[-1]

        def __getattr__(self, name: str):
            return getattr(self.real, name)

    monkeypatch.setattr(parallel.multiprocessing, "get_context", Context)

    def task(n: int) -> tuple[int, int]:
        time.sleep(0.2)
        if os.getpid() != parent:
            counters[-1].get_lock().acquire()   # (as if killed in the middle of claiming its next shard)
            os.kill(os.getpid(), signal.SIGKILL)
        return n, os.getpid()

    parallel.LOST.clear()
    with failing_after(30, "the parent waited for ever on the counter"):
        results = fork_shards(None, processes=2)(task, 6)
    assert results == [(n, parent) for n in range(6)]
    assert parallel.LOST == [-signal.SIGKILL]
    parallel.LOST.clear()


def test_an_exception_in_a_worker_is_raised_in_the_parent(tmp_path: Path) -> None:
    parent = os.getpid()

    def task(n: int) -> int:
        time.sleep(0.2)
        if os.getpid() != parent:
            raise ValueError(f"shard {n} failed in the worker")
        return n

    with pytest.raises(ValueError, match="failed in the worker"):
        fork_shards(None, processes=2)(task, 6)
    assert parallel.LOST == []


def test_the_default_dossier_built_in_forked_shards_into_a_stage_equals_the_in_memory_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = fs.read_inputs(ROOT)
    plain = pipeline.build_site(inputs)
    assert plain.ok and plain.outputs
    monkeypatch.setattr(shards, "SHARD_SIZE", 2)  # files, articles and pages in many shards over two processes
    stage = fs.Stage(tmp_path / "out")
    streamed = pipeline.build_site(inputs, sink=stage, shards=fork_shards(stage, processes=2))
    assert streamed.ok and streamed.outputs == {}
    assert streamed.paths == tuple(sorted(plain.outputs))
    assert streamed.counts == plain.counts
    stage.commit()
    assert _files(tmp_path / "out") == dict(plain.outputs)


def test_a_symlinked_folder_leading_out_of_the_output_folder_is_refused_before_anything_moves(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    first = fs.Stage(out)
    first("a.html", b"A")
    first.commit()
    (out / "evil").symlink_to(outside, target_is_directory=True)
    stage = fs.Stage(out)
    stage("a.html", b"A2")
    stage("evil/x.html", b"X")
    with pytest.raises(fs.OutputError):
        stage.commit()
    assert list(outside.iterdir()) == []
    assert (out / "a.html").read_bytes() == b"A"
    assert not (out / fs.STAGING).exists()


def test_a_link_inside_the_output_folder_to_another_place_in_it_is_refused_before_anything_moves(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = fs.Stage(out)
    first("a.html", b"A")
    first("real/old.html", b"O")
    first.commit()
    (out / "alias").symlink_to(out / "real", target_is_directory=True)
    stage = fs.Stage(out)
    stage("a.html", b"A2")
    stage("real/old.html", b"O")
    stage("alias/new.html", b"N")  # written through the link it would land in real/, then be swept as not made
    with pytest.raises(fs.OutputError, match="alias/ in the output folder is a symbolic link to real/, another place"):
        stage.commit()
    assert _files(out) == {"a.html": b"A", "real/old.html": b"O"} and not (out / fs.STAGING).exists()


def test_a_file_where_a_folder_now_goes_and_a_folder_where_a_file_now_goes_are_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = fs.Stage(out)
    for rel, data in {"a": b"file", "b/x.html": b"X", "b/deep/y.html": b"Y", "c.html": b"C"}.items():
        first(rel, data)
    first.commit()
    second = fs.Stage(out)
    for rel, data in {"a/index.html": b"now a folder", "b": b"now a file", "c.html": b"C"}.items():
        second(rel, data)
    assert second.commit() == (2, 3)  # (a, b/x.html, b/deep/y.html)
    assert _files(out) == {"a/index.html": b"now a folder", "b": b"now a file", "c.html": b"C"}


def test_write_outputs_syncs_a_folder_through_the_same_stage(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert fs.write_outputs(out, {"a.html": b"A", "b/c.html": b"C"}) == (2, 0)
    assert fs.write_outputs(out, {"a.html": b"A", "d.html": b"D"}) == (1, 1)
    assert _files(out) == {"a.html": b"A", "d.html": b"D"}
    assert (out / fs.MARKER).read_text("utf-8") == fs.MARKER_TEXT


@pytest.mark.parametrize("target", ["missing", "a file"])
def test_write_outputs_replaces_a_link_at_the_marker_and_never_writes_where_it_points(tmp_path: Path,
                                                                                      target: str) -> None:
    """Review 163: the marker was written with write_text when no file was there, and through a dangling link
    that made the file the link pointed to, outside the output folder."""
    out, outside = tmp_path / "out", tmp_path / "elsewhere.txt"
    out.mkdir()
    if target == "a file":
        outside.write_text("theirs", "utf-8")
    (out / fs.MARKER).symlink_to(outside)
    fs.write_outputs(out, {"a.html": b"A"})
    assert not (out / fs.MARKER).is_symlink()
    assert (out / fs.MARKER).read_text("utf-8") == fs.MARKER_TEXT
    assert (outside.read_text("utf-8") if outside.exists() else None) == ("theirs" if target == "a file" else None)
    assert sorted(p.name for p in out.iterdir()) == sorted([fs.MARKER, "a.html"])  # (no temporary file left)


def test_the_previews_sync_compares_every_file_again_after_another_writer_visited(tmp_path: Path) -> None:
    """The live preview writes only the paths whose bytes changed since its last write; a build.py run into the
    same folder in between (its commit rewrites the marker) deleted the preview's search index, which stayed
    missing until the preview was restarted. A marker that is not as the last sync left it means: compare all."""
    from dossier.shell.writer import sync

    out = tmp_path / "out"
    site = {"index.html": b"home", "pagefind/pagefind.js": b"search"}
    sync(out, site, None)
    edited = {**site, "index.html": b"home, edited"}
    sync(out, edited, site)                                     # nobody else: only the changed page written
    (out / "pagefind" / "pagefind.js").unlink()                 # what a build.py --no-search commit does
    (out / fs.MARKER).write_text(fs.MARKER_TEXT + "{}\n", "utf-8")
    again = {**edited, "index.html": b"home, edited again"}
    sync(out, again, edited)
    assert _files(out) == again



def test_a_file_replaced_between_the_commit_and_the_record_is_not_vouched_for(tmp_path: Path) -> None:
    """The record stats the files the build moved into place after the move. One replaced in between (another
    writer of the folder: a live preview) is recorded as unknown, as the build wrote it no longer (its inode,
    size and modification time, which the move keeps, differ): the next build reads it."""
    from dossier.shell import uptodate

    out = tmp_path / "out"
    stage = fs.Stage(out)
    stage("a.html", b"the build's")
    stage("b.html", b"also built")
    stage.commit()
    other = out / "elsewhere"
    other.write_bytes(b"another's!!")
    os.replace(other, out / "a.html")  # (as another writer does: a whole file moved into place)
    uptodate.record(out, {}, {}, stage.hashes, {}, stats=stage.kept_stats(), written=stage.written)
    recorded = uptodate.recorded_outputs(out)
    assert recorded["a.html"][:3] == [-1, -1, -1] and recorded["b.html"][0] == len(b"also built")
    again = fs.Stage(out, recorded)
    assert not again.holds("a.html", stage.hashes["a.html"]) and again.holds("b.html", stage.hashes["b.html"])
    again("a.html", b"the build's")
    assert again.staged == {"a.html"}
