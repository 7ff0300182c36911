"""`record`: a frozen dataclass with slots, pickled as the call that makes it.

The build's most numerous values (marks, sentences, origins, paragraphs, placements, tokens: about 240,000 at
1,000 articles) are records. A plain frozen dataclass keeps its attributes in a values array, and pickling it
(the persistent cache's payloads, the stamps of what made a value, every page key) gives it a `__dict__` that
stays: 64 bytes more each, written into the object, so that after the build forks its renderer (shell/
parallel.py) each such write copies a memory page the two processes shared. With slots there is no `__dict__`.

But a frozen dataclass with slots pickles through Python functions (dataclasses' `__getstate__` and
`__setstate__`, one attribute at a time), twice as slow as a plain one both ways. A record is pickled as its
class and its fields' values instead, `(cls, (v1, v2, …))`, which unpickling calls: as fast as a plain one
(100,000 marks, best of 5: loads 0.17 s against 0.19 plain and 0.34 slotted; dumps 0.12 s against 0.11 and
0.31). So every field of a record is one its constructor takes by position (`init=True`, not `kw_only`),
which `record` checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

__all__ = ["record"]

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # (type checkers see a dataclass)
def record(cls: type[T]) -> type[T]:
    """`cls` as a frozen dataclass with slots, pickled as `cls(*fields)` (see the module docstring)."""
    made: Any = dataclass(frozen=True, slots=True)(cls)
    names = tuple(f.name for f in fields(made))
    if not names or not all(f.init and not f.kw_only for f in fields(made)):
        raise TypeError(f"{cls.__qualname__}: a record's fields are all given to its constructor, in order")
    made.__reduce__ = _reduce(made, attrgetter(*names) if len(names) > 1 else _one(names[0]))
    return made  # type: ignore[no-any-return]


def _one(name: str) -> Callable[[Any], tuple[Any, ...]]:
    get = attrgetter(name)
    return lambda value: (get(value),)


def _reduce(cls: Any, values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], tuple[Any, tuple[Any, ...]]]:
    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return cls, values(self)
    return __reduce__
