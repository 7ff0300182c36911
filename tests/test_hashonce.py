"""Frozen dataclasses whose hash is computed once (dossier/core/common/hashonce.py): the same hash as the
dataclass's own, equal values alike, and nothing of it in the pickled bytes (a page key pickles such values)."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

from dossier.core.common.hashonce import hash_once


@hash_once
@dataclasses.dataclass(frozen=True)
class Point:
    x: str
    y: tuple[int, ...]
    note: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(frozen=True)
class Plain:
    x: str
    y: tuple[int, ...]


def test_the_hash_is_the_dataclasses_own_and_equal_values_hash_alike() -> None:
    a, b = Point("a", (1, 2)), Point("a", (1, 2), note="not compared")
    assert a == b and hash(a) == hash(b) == hash(Plain("a", (1, 2)))
    assert hash(a) == hash(a) and {a: 1}[b] == 1
    assert hash(dataclasses.replace(a, x="b")) == hash(Plain("b", (1, 2)))


def test_the_kept_hash_is_never_pickled() -> None:
    fresh = pickle.dumps(Point("a", (1, 2)), protocol=5)
    asked = Point("a", (1, 2))
    hash(asked)
    assert pickle.dumps(asked, protocol=5) == fresh
    back = pickle.loads(pickle.dumps(asked, protocol=5))
    assert "_hash_once" not in back.__dict__
    assert back == asked and hash(back) == hash(asked)


def test_a_value_pickled_in_another_process_hashes_as_one_made_here() -> None:
    # another process has another string-hash seed: a hash kept in the pickle would be wrong here
    code = ("import pickle, sys; from test_hashonce import Point; p = Point('a', (1, 2)); hash(p); "
            "sys.stdout.buffer.write(pickle.dumps(p, protocol=5))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                         env={"PYTHONHASHSEED": "12345", "PYTHONPATH": ":".join(sys.path)}).stdout
    back = pickle.loads(out)
    assert hash(back) == hash(Point("a", (1, 2))) and {Point("a", (1, 2)): 1}[back] == 1
