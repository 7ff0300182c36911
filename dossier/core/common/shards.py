"""Work split into shards that may run in other processes: the core's only view of parallelism.

The core never starts processes itself. A `ShardMap` is given by the shell (dossier/shell/parallel.py forks one
worker per core); it runs `task(0) … task(n-1)` and returns their results in order. `in_order` is the
sequential default. Tasks must be pure and their results picklable; merging them happens back here, in order,
so a build is byte-identical however it was split.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, Sequence, TypeVar

T = TypeVar("T")
ShardMap = Callable[[Callable[[int], Any], int], list[Any]]

SHARD_SIZE = 64  # items per task: small enough to balance two cores, large enough to pay for the pickling
FEWEST_SHARDS = 8  # what a small plan is still cut into (`chunk_size`)


def in_order(task: Callable[[int], T], n: int) -> list[T]:
    return [task(i) for i in range(n)]


def chunk_size(count: int, size: int) -> int:
    """Items to a shard for `count` items: `size`, or fewer for a small plan, down to one shard in FEWEST_SHARDS,
    so that there are shards left to share out once the first ones show that forking is worth it (the shell's
    workers are forked only then, parallel.py)."""
    return max(1, min(size, -(-count // FEWEST_SHARDS)))


def run_chunks(shards: ShardMap, items: Sequence[Any], work: Callable[[int, Sequence[Any]], T], size: int) -> list[T]:
    """[work(first, items[first:first + size]) for each chunk], the chunks run through `shards`, in order."""
    return shards(lambda n: work(n * size, items[n * size:(n + 1) * size]), -(-len(items) // size))


def map_chunks(shards: ShardMap, items: Sequence[Any], work: Callable[[Any], T], size: int = 0) -> list[T]:
    """[work(item) for item in items], computed in chunks of `size` (default: `chunk_size`'s) through `shards`."""
    chunks = run_chunks(shards, items, lambda _, chunk: [work(item) for item in chunk],
                        size or chunk_size(len(items), SHARD_SIZE))
    return [value for chunk in chunks for value in chunk]


# How a stage maps one of its pure per-item functions over items: each(step, work, key, items) → results in
# order. `key(item)` names everything `work` reads, for a cache (memo.Memo.each); `sharded` ignores it.
Each = Callable[[str, Callable[[Any], Any], Callable[[Any], Hashable], Sequence[Any]], list[Any]]


# How a stage begins a step whose results it needs only later: later(step, work, key, items) → a function that
# returns what each(step, work, key, items) returns. The shell's persistent cache computes the step in a process
# of its own meanwhile (shell/cache.py `each_later`); without one, the stage calls `each` itself.
Later = Callable[[str, Callable[[Any], Any], Callable[[Any], Hashable], Sequence[Any]], Callable[[], list[Any]]]


def sharded(shards: ShardMap) -> Each:
    """An Each that computes every item, in chunks through `shards` (in other processes when the shell forks)."""
    return lambda step, work, key, items: map_chunks(shards, items, work)


in_sequence: Each = sharded(in_order)


def one(each: Each | None, step: str, work: Callable[[Any], T], item: Any, key: Hashable | None) -> T:
    """work(item), through `each` as a step of one item named by `key` (the build's cache or the live preview's
    memo then keep it: a value the plan derives from the whole analysis, such as the passages' listing, read
    back instead of made again when what it is made of is the same); computed here without `each` or `key`."""
    if each is None or key is None:
        return work(item)
    return each(step, work, lambda _: key, [item])[0]  # type: ignore[no-any-return]
