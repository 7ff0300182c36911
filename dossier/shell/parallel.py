"""Both cores for the build: a `core.shards.ShardMap` that runs shards in forked worker processes.

The build's one protocol for parallel work: a shard is a range of items (files to parse, articles to analyse,
pages of the plan to render) and a pure function over them. Forking (not spawning) gives each worker the
inputs, Library and plan as they are in the parent, copy-on-write, so nothing is sent to a worker but a shard
number. What a shard made comes back pickled (parsed values; or rendered paths, links and problems); page bytes
go straight to the `fs.Stage` (each worker writes its own files into the staging folder, and `Stage.take`
reports which). Results are returned in shard order, so the build is byte-identical to a sequential one.

The parent is one of the workers: it forks one process fewer than it uses cores (at once for a large plan; for
a small one only once the shards it made alone show the rest worth a fork, `_Forks`) and takes shards as they do,
each process claiming the next one when it is free (two shared integers: the workers take shards from the
first on, the parent from the last back, until they meet). A forked worker copies every page of the parent's
heap it writes to, reference counts included, so each one costs up to the parent's heap again (at 1,000
articles the two workers' copies had reached 430 MiB beside the parent's 210 MiB, while the parent only
waited): the parent working its own share uses its heap in place. The plan's pages run from the articles' to
the site-wide ones, so the worker mostly renders articles and the parent the listings, entity and passages
pages that read every article: at 1,000 articles the rendering's peak went from 377 to 366 MiB and a cold
`--no-search` build from 10.6–10.8 s to 10.3–10.5 s (3 paired rounds), against one counter that both took
from in turn.

A worker that dies before it answers (killed, or by the kernel for lack of memory, which a large dossier can
come to) loses nothing but time: the shards it had claimed are made again in the parent, and the exit code is
kept in `LOST` for the command line to report. (A multiprocessing.Pool, used before, replaced the dead worker
and waited for ever for the shards it had taken.)
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import threading
import time
from typing import Any, Callable, TypeVar

from .interrupt import deferred, worker_init

T = TypeVar("T")

MIN_SHARDS = 2   # below this a pool costs more (fork, pickling) than it saves
FORK_WORTH = 0.04  # seconds of shards left that are worth forking for (`_Forks`)
FORK_AT_ONCE = 16  # shards that are always worth it
LOCK_SECONDS = 1.0  # how long the parent waits for the shards' bounds before it asks whether a worker died
_JOB: tuple[Callable[[int], Any], Any, Any, int] | None = None
_BACKGROUND: dict[int, Any] = {}   # pid → (process, its pipe) that `_start` started, result not collected
_PR_SET_PDEATHSIG = 1   # prctl(2)
LOST: list[int] = []   # exit codes of the processes `_start` made that died before answering (`said_lost`)


def said_lost() -> list[str]:
    """A warning for each process that died before it answered since the last call (`LOST`, then emptied): the
    build, `--suggest` and the live preview each say so, once, where the editor reads their output."""
    said = []
    while LOST:  # (taken one by one: a build of the live preview may add one meanwhile, from another thread)
        code = LOST.pop(0)
        how = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
        said.append(f"warning: a worker process {how} before it finished (the system also does so when memory "
                    f"runs out); its share of the work was done again in this process, so nothing is missing\n"
                    f"    hint: if this happens again, DOSSIER_WORKERS=1 works in one process, with about half the "
                    f"memory")
    return said


def workers() -> int:
    """Processes to use: $DOSSIER_WORKERS if set (1 = no pool), else the cores this process may run on."""
    if os.environ.get("DOSSIER_WORKERS", "").isdigit():
        return max(1, int(os.environ["DOSSIER_WORKERS"]))
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _drain(dead: Callable[[], bool] = lambda: False, from_end: bool = False,
           before: Callable[[int], None] | None = None) -> dict[int, tuple[Any, Any]] | None:
    """Run shards until none is left, each claimed from the shared bounds (the next from the first on, or with
    `from_end` the next from the last back); shard → (result, what it staged).
    `dead` (the parent's): whether a worker has died; if one did while the bounds stay locked (killed while
    holding its lock, which is then never given back), None: the caller makes what is missing itself.
    `before` (the parent's, `_Forks.ready`): called before each claim with how many shards this process made;
    it may fork the workers."""
    assert _JOB is not None
    task, stage, _, n = _JOB
    done: dict[int, tuple[Any, Any]] = {}
    while True:
        if before is not None:
            before(len(done))
        lock = _JOB[2].get_lock()  # (the bounds: shared once the workers are forked)
        while not lock.acquire(timeout=LOCK_SECONDS):
            if dead():
                return None
        try:
            bounds = _JOB[2]
            first, end = bounds[0], bounds[1]
            if first >= end:
                return done
            if from_end:
                shard = bounds[1] = end - 1
            else:
                shard, bounds[0] = first, first + 1
        finally:
            lock.release()
        result = task(shard)
        done[shard] = result, (stage.take() if stage is not None else None)


class _Unshared(list):
    """The shards' bounds [first, end] while the parent works alone (no worker forked yet): a list and a lock of
    this process. Forking makes them shared (`_Forks.fork`); until then no ctypes or shared memory is made."""

    def __init__(self, bounds: list[int]) -> None:
        super().__init__(bounds)
        self.lock = threading.Lock()

    def get_lock(self) -> Any:
        return self.lock


class _Forks:
    """When the parent forks its workers. Forking copies the parent's page tables, then every memory page either
    process writes to, and the workers' results come back pickled: ~10–25 ms at the repo's dossier, where a
    rebuild's pages (mostly kept ones) took 35 ms to make in one process and 45 ms in two. So with FORK_AT_ONCE
    shards or more (a plan of about a thousand pages) the workers are forked at once, as before; with fewer, the
    parent first makes shards alone, from the last back (as it does once forked: the site-wide pages), and forks
    when the shards left (at least two) would take FORK_WORTH at the pace of those it made."""

    def __init__(self, count: int, n: int) -> None:
        self.count, self.n = count, n
        self.started: list[tuple[Any, Any]] = []
        self.forked = False
        self.began = time.perf_counter()

    def ready(self, made: int) -> None:
        """Called before each claim of the parent's (`_drain`'s `before`): fork if now is the time."""
        if not self.forked and (self.n >= FORK_AT_ONCE or made and self.n - made >= 2 and
                                (time.perf_counter() - self.began) / made * (self.n - made) >= FORK_WORTH):
            self.fork()

    def fork(self) -> None:
        """The bounds made shared, then the workers forked (one fewer than the processes to use)."""
        global _JOB
        assert _JOB is not None
        task, stage, bounds, n = _JOB
        _JOB = (task, stage, multiprocessing.get_context("fork").Array("q", [bounds[0], bounds[1]]), n)
        self.forked = True
        gc.freeze()  # the parent's objects stay out of the workers' collections: their pages stay shared
        for _ in range(min(self.count, bounds[1] - bounds[0]) - 1):
            worker = _start(_drain)  # (each is made with signals deferred, then recorded, see _start)
            if worker is not None:
                self.started.append(worker)

    def dead(self) -> bool:
        return any(process.exitcode for process, _ in self.started)


def fork_shards(stage: Any = None, processes: int | None = None) -> Callable[[Callable[[int], T], int], list[T]]:
    """A ShardMap over `processes` processes (default: one per core), the parent and forked workers; sequential
    where forking cannot help (one core, fewer than MIN_SHARDS shards, or no fork on this platform)."""
    count = processes or workers()

    def run(task: Callable[[int], T], n: int) -> list[T]:
        global _JOB
        if n < MIN_SHARDS or not _can_fork(count):
            return [task(i) for i in range(n)]
        if stage is not None:
            stage.absorb(stage.take())  # the workers report only what they add
        _JOB = (task, stage, _Unshared([0, n]), n)
        forks = _Forks(count, n)
        started = forks.started
        try:
            done = _drain(forks.dead, from_end=True, before=forks.ready)
            if done is None:  # the bounds' lock died with a worker: the others wait on it; all is made here
                LOST.extend(process.exitcode for process, _ in started if process.exitcode)
                while started:
                    _end(*started.pop(0), kill=True)
            done = done or {}
            while started:
                # (what a worker's _drain made; nothing when it died first, killed or out of memory: its
                # shards are made again here, _make_lost; a multiprocessing.Pool waited for ever for them)
                done.update(_collect(*started.pop(0), dict))
            _make_lost(done)
        finally:
            for process, receive in started:  # (the parent failed or was interrupted: the rest is abandoned)
                _end(process, receive, kill=True)
            _JOB = None
            if forks.forked:
                gc.unfreeze()
        results = []
        for shard in range(n):
            result, staged = done[shard]
            if stage is not None:
                stage.absorb(staged)
            results.append(result)
        return results

    return run


def _make_lost(done: dict[int, tuple[Any, Any]]) -> None:
    """Each shard missing from `done` (claimed by a worker that died), made here, in order."""
    assert _JOB is not None
    task, stage, _, n = _JOB
    for shard in range(n):
        if shard not in done:
            done[shard] = task(shard), (stage.take() if stage is not None else None)


def _can_fork(processes: int) -> bool:
    """Whether forking can help: more than one process to use, and fork on this platform."""
    return processes >= 2 and "fork" in multiprocessing.get_all_start_methods()


def background(task: Callable[[], T]) -> Callable[[], T]:
    """task() computed in a forked process of its own while this one goes on (a step that is one item, such as
    the passages the articles share, would otherwise keep a core idle); the function returned waits for the
    result, or raises what task raised. In this process, at once, where a process cannot help (one core, no
    fork on this platform, a fork that fails); again in this process if that one died (killed, out of memory)
    or its answer cannot be read (an exception that does not survive pickling: computing again raises it here).
    A signal while the result is awaited kills the process; `stop_background` ends the ones whose result no one
    will ask for (a build that failed or was interrupted before)."""
    started = _start(task) if _can_fork(workers()) else None
    if started is None:
        value = task()
        return lambda: value
    process, receive = started
    return lambda: _collect(process, receive, task)


def _start(task: Callable[[], Any]) -> tuple[Any, Any] | None:
    """A forked process computing task (and the end of the pipe its answer comes by); None when none could be
    made (out of memory, too many processes)."""
    context = multiprocessing.get_context("fork")
    try:
        receive, send = context.Pipe(duplex=False)
    except OSError:
        return None
    try:
        with deferred(completed=False):  # (a signal waits until the process is made and recorded, then stops it)
            process = context.Process(target=_compute, args=(task, send, receive, os.getpid()), daemon=True)
            process.start()
            _BACKGROUND[process.pid] = (process, receive)
    except OSError:
        receive.close()
        return None
    finally:
        send.close()
    return process, receive


def _collect(process: Any, receive: Any, task: Callable[[], T]) -> T:
    """The result a process `_start` made sends back, or the exception it raised, raised here; `task()` when it
    died before it answered or its answer cannot be read (background's: the task again, here; a worker's:
    nothing, its shards are made again)."""
    outcome = _receive(process, receive)
    if outcome is None:
        return task()
    if not outcome[0]:
        raise outcome[1]
    return outcome[1]


def _receive(process: Any, receive: Any) -> tuple[bool, Any] | None:
    """The (ok, value or exception) a process started by `_start` sends back; None when it died before it
    answered, or its answer cannot be read (an exception that does not survive pickling). A signal while it
    is awaited kills the process."""
    try:
        answer = receive.recv_bytes()
    except (EOFError, OSError):
        answer = None  # it died before it could answer
    except BaseException:
        process.kill()  # (Ctrl-C or SIGTERM while waiting: it ignores SIGINT, and would finish its work first)
        raise
    finally:
        _end(process, receive)
    if process.exitcode:  # (killed: a negative signal number; 0 when only its answer was unreadable)
        LOST.append(process.exitcode)
    try:
        return pickle.loads(answer) if answer is not None else None
    except Exception:  # noqa: BLE001 - an exception that did not survive pickling
        return None


def _end(process: Any, receive: Any, kill: bool = False) -> None:
    """A process `_start` made, waited for (killed first with `kill`), its pipe closed, its record dropped."""
    if kill:
        process.kill()
    receive.close()
    process.join()
    _BACKGROUND.pop(process.pid, None)


def _compute(task: Callable[[], Any], send: Any, receive: Any, parent: int) -> None:
    """In the background process: task's result, or the exception it raised, sent back pickled. It ends with
    the process that made it (`_orphan_ends`)."""
    worker_init()
    _orphan_ends(parent, receive)
    try:
        outcome = pickle.dumps((True, task()), protocol=5)
    except Exception as exc:  # noqa: BLE001 - raised again in the parent
        try:
            outcome = pickle.dumps((False, exc), protocol=5)
        except Exception:  # noqa: BLE001 - unreadable there: the parent computes the task again, and it raises
            outcome = b""
    try:
        send.send_bytes(outcome)
        send.close()
    except OSError:  # (the parent is gone: no one reads the answer)
        os._exit(1)
    os._exit(0)  # (its copy of the parent's heap is not freed object by object)


def _orphan_ends(parent: int, receive: Any) -> None:
    """A forked process must not outlive the build that made it. Killed with SIGKILL (or by the kernel for lack of
    memory), a build left its worker waiting for ever to send its answer, holding its copy of the build's heap
    (gigabytes at 5,000 articles): the worker held the reading end of its own pipe, inherited at the fork, so its
    write never failed. Here the reading ends this process inherited are closed (its own pipe's and those of the
    processes made before it), so that a write to a parent that is gone fails; and on Linux the kernel is asked
    to kill this process when the thread that made it ends (PR_SET_PDEATHSIG), so that a worker does not go on
    rendering a build no one waits for. Made after its parent died already: it stops at once."""
    for other in [receive, *(pipe for _, pipe in _BACKGROUND.values())]:
        try:
            other.close()
        except OSError:
            pass
    _BACKGROUND.clear()
    try:
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # (not Linux: the failed write above still ends it)
        pass
    if os.getppid() != parent:
        os._exit(1)


def stop_background() -> None:
    """Kill the background processes whose result was not asked for."""
    for process, receive in list(_BACKGROUND.values()):
        process.kill()
        process.join()
        receive.close()
    _BACKGROUND.clear()
