"""SameObjects, SameItems and EachOf (dossier/core/common/identity.py): a value is kept while it is asked for
with the very objects it was made from, made again otherwise, and forgotten once a build did not use it."""

from __future__ import annotations

from dossier.core.common.identity import SameObjects


def test_a_value_is_made_once_while_its_sources_are_the_same_objects():
    kept: SameObjects[str] = SameObjects()
    text, made = "x" * 1000, []
    first = kept.get("a", (text,), lambda: made.append(1) or "value")
    assert kept.get("a", (text,), lambda: made.append(1) or "other") == first == "value"
    assert made == [1]


def test_an_equal_but_other_object_makes_the_value_again():
    kept: SameObjects[list] = SameObjects()
    one, two = ["same"], ["same"]
    assert one == two and one is not two
    assert kept.get("a", (one,), lambda: ["made from one"]) == ["made from one"]
    assert kept.get("a", (two,), lambda: ["made from two"]) == ["made from two"]  # never by equality
    assert kept.get("a", (two, one), lambda: ["two sources"]) == ["two sources"]


def test_a_new_build_forgets_what_the_last_build_did_not_use():
    kept: SameObjects[str] = SameObjects()
    a, b = object(), object()
    kept.new_build()
    kept.get("a", (a,), lambda: "A")
    kept.get("b", (b,), lambda: "B")
    kept.new_build()
    assert kept.get("a", (a,), lambda: "A again") == "A"  # used in this build only
    kept.new_build()
    assert len(kept) == 1  # "b" was not used in the last build
    assert kept.get("b", (b,), lambda: "B again") == "B again"


def test_same_items_computes_only_the_items_whose_source_or_setting_changed():
    from dossier.core.common.identity import SameItems

    same: SameItems[str] = SameItems()
    asked: list[list[int]] = []

    def compute(keys, sources):
        return lambda indexes: asked.append(list(indexes)) or [f"{keys[i]}:{sources[i].decode()}" for i in indexes]

    a, b, c = b"a1", b"b1", b"c1"
    assert same.map(["a", "b", "c"], [a, b, c], ["s"] * 3, compute("abc", [a, b, c])) == ["a:a1", "b:b1", "c:c1"]
    b2 = b"b2"
    assert same.map(["a", "b", "c"], [a, b2, c], ["s"] * 3, compute("abc", [a, b2, c])) == ["a:a1", "b:b2", "c:c1"]
    copy = bytes(bytearray(c))                       # equal bytes, another object: computed again
    d = b"d1"                                        # added, and "a" removed: the others are kept
    assert same.map(["b", "c", "d"], [b2, copy, d], ["s", "s", "t"], compute("bcd", [b2, copy, d])) \
        == ["b:b2", "c:c1", "d:d1"]
    assert same.map(["b", "c", "d"], [b2, copy, d], ["s", "s2", "t"], compute("bcd", [b2, copy, d]))[1] == "c:c1"
    assert asked == [[0, 1, 2], [1], [1, 2], [1]]    # ...and a changed setting computes it again


def test_by_difference_reuses_only_through_the_live_previews_memo():
    from dossier.core.common.memo import Memo, by_difference
    from dossier.core.common.shards import in_sequence

    data = [b"x", b"y"]
    calls: list[list[bytes]] = []

    def each(step, work, key, items):
        calls.append(list(items))
        return in_sequence(step, work, key, items)

    memo = Memo()
    for mapper in (memo.each, memo.each, in_sequence):
        assert by_difference(mapper, "step", bytes.upper, bytes, data, ["x", "y"], [None, None]) == [b"X", b"Y"]
    assert memo.misses["step"] == 2 and memo.hits["step"] == 0  # the second call looked nothing up
    for _ in range(2):                                              # without a Memo, every call does all the work
        assert by_difference(each, "step", bytes.upper, bytes, data, ["x", "y"], [None, None]) == [b"X", b"Y"]
    assert calls == [data, data]


def test_each_of_derives_once_per_object_and_forgets_what_a_build_did_not_use():
    from dossier.core.common.identity import EachOf

    asked: list[str] = []
    weights: EachOf[int] = EachOf(lambda row: asked.append(row["title"]) or len(row["title"]))
    one, two = {"title": "one"}, {"title": "second"}
    weights.new_build()
    assert weights.each([one, two, one]) == [3, 6, 3] and asked == ["one", "second"]
    weights.new_build()
    equal = {"title": "second"}                   # equal to `two`, another object: derived again
    assert weights.each([one, equal]) == [3, 6] and asked == ["one", "second", "second"]
    weights.new_build()
    assert weights.each([two]) == [6] and asked[-1] == "second" and len(asked) == 4  # not used last time
    assert weights.each([one]) == [3] and len(asked) == 4   # (used by the build before: still kept)
    weights.new_build()
    weights.new_build()
    assert weights.each([one]) == [3] and len(asked) == 5   # two builds without it: forgotten


def test_a_new_build_beside_another_threads_lookups_drops_entries_without_failing():
    """Review 199: two builds in one process (the preview's superseded builds) share the module-level memos; one's
    `new_build` iterated the entries while the other's `get` added some: "dictionary changed size during
    iteration". Threads switched every microsecond, ten rounds of fifty new builds beside a thread adding entries
    (the old loop failed in every round)."""
    import sys
    import threading

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(10):
            memo: SameObjects[int] = SameObjects()
            sources = [object() for _ in range(5000)]
            for i, source in enumerate(sources):
                memo.get(i, (source,), lambda i=i: i)
            stop, added = threading.Event(), [10**6]

            def adding() -> None:
                while not stop.is_set():
                    added[0] += 1
                    memo.get(added[0], (), lambda: 0)

            thread = threading.Thread(target=adding)
            thread.start()
            try:
                for _ in range(50):
                    memo.new_build()
            finally:
                stop.set()
                thread.join()
            assert memo.get(0, (sources[0],), lambda: -1) == -1   # (the first build's entries were dropped)
    finally:
        sys.setswitchinterval(interval)


def test_a_new_build_copies_the_entries_before_a_collection_can_let_another_thread_in():
    """Review 201: a copy made entry by entry (list of items) could be interrupted by a garbage collection whose
    finalizer runs Python code, letting another thread's `get` add entries mid-copy. Cyclic garbage whose
    finalizer hands the interpreter to such a thread, collected inside `new_build` (deterministic: the collection
    threshold is set low)."""
    import gc
    import threading
    import time

    memo: SameObjects[int] = SameObjects()
    for i in range(20000):
        memo.get(i, (), lambda i=i: i)
    memo.new_build()   # (their next new_build drops them all)
    go, inside, errors = threading.Event(), [False], []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            if inside[0] and not go.is_set():
                go.set()
                time.sleep(0.05)   # (the other thread runs meanwhile)

    def adding() -> None:
        go.wait()
        for key in range(10**6, 10**6 + 50):
            memo.get(key, (), lambda: 0)

    thread = threading.Thread(target=adding)
    thread.start()
    thresholds = gc.get_threshold()
    try:
        gc.collect()
        junk = [Cycle() for _ in range(100)]
        del junk
        gc.set_threshold(200)
        inside[0] = True
        try:
            memo.new_build()
        except RuntimeError as exc:
            errors.append(exc)
    finally:
        inside[0] = False
        gc.set_threshold(*thresholds)
        go.set()
        thread.join()
    assert errors == []
