"""A step begun in a process of its own while the build goes on (shell/parallel.py `background`, the cache's
`each_later`): the same results as computed in place, errors raised where they are asked for, a dead process
computed again, an uncollected one stopped; the passages the articles share are found that way."""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from dossier.shell.cache import Cache
from dossier.shell import parallel
from dossier.shell.parallel import background, fork_shards, stop_background


@pytest.fixture(autouse=True)
def two_workers(monkeypatch):
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    yield
    stop_background()


def test_the_result_comes_from_another_process_and_equals_the_task_s():
    here = os.getpid()
    result = background(lambda: (os.getpid(), [n * n for n in range(1000)]))
    pid, squares = result()
    assert pid != here and squares == [n * n for n in range(1000)]


def test_an_error_of_the_task_is_raised_when_the_result_is_asked_for():
    def fails() -> None:
        raise ValueError("no such thing")

    result = background(fails)
    with pytest.raises(ValueError, match="no such thing"):
        result()


def test_a_process_that_died_is_computed_again_here():
    here = os.getpid()
    calls = []

    def slow() -> int:
        calls.append(1)  # (counted here only when computed here)
        if os.getpid() != here:
            time.sleep(30)
        return os.getpid()

    result = background(slow)
    (process,) = multiprocessing.active_children()  # the one process just started
    os.kill(process.pid, signal.SIGKILL)
    assert result() == here and calls == [1]
    # (kept for the command line to say, and said by the next build of this process: another test's, under
    # xdist, whose stderr then had "a worker process was killed by signal 9" in it)
    assert parallel.LOST == [-signal.SIGKILL]
    parallel.LOST.clear()


def test_stop_background_ends_the_processes_no_one_asked():
    result = background(lambda: time.sleep(30))
    (process,) = multiprocessing.active_children()
    stop_background()
    assert not multiprocessing.active_children() and process.exitcode == -signal.SIGKILL
    del result


def _square(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_the_cache_begins_a_step_in_the_background_and_stores_it_like_each(tmp_path: Path):
    cache = Cache(tmp_path, fork_shards(), version="v1")
    later = cache.each_later("step", _square, lambda n: n, [1, 2, 3])
    values = later()
    assert [v[0] for v in values] == [1, 4, 9] and {v[1] for v in values} != {os.getpid()}
    cache.finish()
    again = Cache(tmp_path, fork_shards(), version="v1")
    assert again.each_later("step", _square, lambda n: n, [1, 2, 3])() == values  # read back: not computed
    assert again.hits == {"step": 3} and again.misses == {"step": 0}


def test_a_build_through_the_cache_finds_the_passages_in_the_background_and_equals_one_without(tmp_path: Path,
                                                                                              monkeypatch):
    from conftest import ROOT
    from dossier.core.pipeline import Options, build_site
    from dossier.shell import fs, parallel as parallel_module

    begun = []

    def counted(task):
        begun.append(task)
        return background(task)

    monkeypatch.setattr(parallel_module, "background", counted)
    inputs = fs.read_inputs(ROOT)
    cache = Cache(tmp_path, fork_shards(), version="v1")
    cached = build_site(inputs, Options(), memo=cache, shards=fork_shards())
    assert len(begun) == 1 and cache.misses["passages"] == 1
    plain = build_site(inputs, Options())
    assert cached.outputs == plain.outputs and cached.problems == plain.problems


class _Stop(Exception):
    pass


def test_a_signal_while_the_result_is_awaited_kills_the_process_at_once():
    def stop(signum, frame):
        raise _Stop

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        result = background(lambda: time.sleep(30))
        (process,) = multiprocessing.active_children()
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(_Stop):
            result()
        assert time.monotonic() - started < 5 and process.exitcode == -signal.SIGKILL
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _TwoArguments(Exception):
    def __init__(self, a: str, b: str) -> None:
        super().__init__(f"{a} {b}")


def test_an_error_that_does_not_survive_pickling_is_raised_as_itself():
    def fails() -> None:
        raise _TwoArguments("not", "picklable")

    with pytest.raises(_TwoArguments, match="not picklable"):
        background(fails)()


def test_a_process_that_cannot_be_made_means_the_task_is_computed_here(monkeypatch):
    real = multiprocessing.get_context("fork")

    class NoProcesses:
        Pipe = staticmethod(real.Pipe)

        @staticmethod
        def Process(**_: object):  # noqa: N802 - multiprocessing's name
            class Refused:
                def start(self) -> None:
                    raise OSError(11, "Resource temporarily unavailable")
            return Refused()

    import dossier.shell.parallel as parallel_module
    monkeypatch.setattr(parallel_module.multiprocessing, "get_context", lambda method: NoProcesses())
    here = os.getpid()
    assert background(os.getpid)() == here


_ORPHAN = """
import multiprocessing, os, sys, time
os.environ["DOSSIER_WORKERS"] = "2"
sys.path.insert(0, {root!r})
from dossier.shell import parallel

def answer():
    time.sleep(0.3)
    return b"x" * (8 << 20)  # more than a pipe holds: the write waits for a reader

def shard(n):
    if n == 999:  # the parent's first shard (it claims from the last back, its worker from the first on)
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        time.sleep(60)  # the parent, killed while it works
    time.sleep(0.2)
    return n

if sys.argv[1] == "background":
    result = parallel.background(answer)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    time.sleep(60)
else:
    parallel.fork_shards(None, 2)(shard, 1000)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # (a zombie has ended; its new parent reaps it)
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("kind", ["background", "shards"])
def test_a_process_the_build_made_ends_when_the_build_is_killed(kind: str, tmp_path: Path):
    """A build killed with SIGKILL left its forked worker behind for ever, holding its copy of the build's heap:
    blocked writing its answer to a pipe whose reading end it held itself, or rendering shard after shard."""
    import subprocess
    import sys

    script = tmp_path / "orphan.py"
    script.write_text(_ORPHAN.replace("{root!r}", repr(str(Path(__file__).resolve().parents[1]))), "utf-8")
    build = subprocess.Popen([sys.executable, str(script), kind], stdout=subprocess.PIPE, text=True)
    try:
        children = [int(pid) for pid in build.stdout.readline().split()]
        assert children, "no process was forked"
    finally:
        build.kill()
        build.wait()
    deadline = time.monotonic() + 30  # (a liveness bound, not a speed: without the fix they live for ever)
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in children if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left


def _a_worker_killed() -> None:
    """A step's process killed as the kernel kills one when memory runs out; its share made here (as the build's
    are), its death recorded for whoever reports it (parallel.LOST)."""
    here = os.getpid()
    result = background(lambda: time.sleep(30) if os.getpid() != here else here)
    (process,) = multiprocessing.active_children()
    os.kill(process.pid, signal.SIGKILL)
    assert result() == here and parallel.LOST == [-signal.SIGKILL]


def test_the_live_preview_says_once_that_a_worker_died(tmp_path):
    """The live preview runs for hours: a worker process killed while it built was never said in its terminal
    (the command line says it after its build), and the record of such deaths grew for as long as it ran. Now
    the build after the death says it, once, and the record is emptied."""
    from conftest import mini
    from dossier.core.pipeline import Options
    from dossier.shell.serve_preview import Preview

    root = mini(tmp_path, {"seeds/a.txt": "Talks resume\nThe minister said the talks would resume next week.\n",
                           "content/articles/a.yaml": "seed: a.txt\ntitle: Talks\nsource: outlet-a\n"
                                                      "date: 2024-03-22\n"})
    log = io.StringIO()
    preview = Preview(root, root / "_site", Options(), stream=log, search=False)
    _a_worker_killed()
    for _ in range(2):
        with preview.cond:
            preview.generations.changed()
            started = preview.generations.start()
        preview.rebuild(frozenset(["content/articles/a.yaml"]), started)
        assert preview.status.state == "ok", log.getvalue()
    said = "warning: a worker process was killed by signal 9 before it finished"
    assert log.getvalue().count(said) == 1, log.getvalue()
    assert "DOSSIER_WORKERS=1" in log.getvalue() and parallel.LOST == []


def test_said_lost_says_each_death_once_by_its_signal_or_status():
    parallel.LOST.extend([-signal.SIGKILL, 3])
    first, second = parallel.said_lost()
    assert first.startswith("warning: a worker process was killed by signal 9 before it finished")
    assert second.startswith("warning: a worker process exited with status 3 before it finished")
    assert parallel.LOST == [] and parallel.said_lost() == []
