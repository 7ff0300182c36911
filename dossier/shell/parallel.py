"""Both cores for the build: a `core.shards.ShardMap` that runs shards in forked worker processes.

The build's one protocol for parallel work: a shard is a range of items (files to parse, articles to analyse,
pages of the plan to render) and a pure function over them. Forking (not spawning) gives each worker the
inputs, Library and plan as they are in the parent, copy-on-write, so nothing is sent to a worker but a shard
number. What a shard made comes back pickled (parsed values; or rendered paths, links and problems); page bytes
go straight to the `fs.Stage` (each worker writes its own files into the staging folder, and `Stage.take`
reports which). Results are returned in shard order, so the build is byte-identical to a sequential one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Any, Callable, TypeVar

from .interrupt import deferred, worker_init

T = TypeVar("T")

MIN_SHARDS = 2   # below this a pool costs more (fork, pickling) than it saves
_JOB: tuple[Callable[[int], Any], Any] | None = None


def workers() -> int:
    """Processes to use: $DOSSIER_WORKERS if set (1 = no pool), else the cores this process may run on."""
    if os.environ.get("DOSSIER_WORKERS", "").isdigit():
        return max(1, int(os.environ["DOSSIER_WORKERS"]))
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _run(n: int) -> tuple[Any, Any]:
    assert _JOB is not None
    task, stage = _JOB
    result = task(n)
    return result, (stage.take() if stage is not None else None)


def fork_shards(stage: Any = None, processes: int | None = None) -> Callable[[Callable[[int], T], int], list[T]]:
    """A ShardMap over `processes` forked workers (default: one per core); sequential where forking cannot
    help (one core, fewer than MIN_SHARDS shards, or no fork on this platform)."""
    count = processes or workers()

    def run(task: Callable[[int], T], n: int) -> list[T]:
        global _JOB
        if count < 2 or n < MIN_SHARDS or "fork" not in multiprocessing.get_all_start_methods():
            return [task(i) for i in range(n)]
        if stage is not None:
            stage.absorb(stage.take())  # the workers report only what they add
        _JOB = (task, stage)
        gc.freeze()  # the parent's objects stay out of the workers' collections: their pages stay shared
        pool = None
        try:
            # A signal while the workers are forked waits (Pool cannot terminate a pool half made, and orphaned
            # workers would wait forever); after that, Ctrl-C or SIGTERM (interrupt.Interrupted) terminates them.
            with deferred(completed=False):
                pool = multiprocessing.get_context("fork").Pool(min(count, n), initializer=worker_init)
            done = pool.map(_run, range(n), chunksize=1)
        finally:
            if pool is not None:
                pool.terminate()  # as `with Pool` does: the work is done, or abandoned
            _JOB = None
            gc.unfreeze()
        results = []
        for result, staged in done:
            if stage is not None:
                stage.absorb(staged)
            results.append(result)
        return results

    return run
