"""`record`: a frozen dataclass with slots, pickled as the call that makes it.

The build's most numerous values (marks, sentences, origins, paragraphs, placements, tokens: about 240,000 at
1,000 articles) are records. A plain frozen dataclass keeps its attributes in a values array, and pickling it
(the persistent cache's payloads, the stamps of what made a value, every page key) gives it a `__dict__` that
stays: 64 bytes more each, written into the object, so that after the build forks its renderer (shell/
parallel.py) each such write copies a memory page the two processes shared. With slots there is no `__dict__`.

But a frozen dataclass with slots pickles through Python functions (dataclasses' `__getstate__` and
`__setstate__`, one attribute at a time), twice as slow as a plain one both ways. A record is pickled as a
function of its class and its fields' values instead, `(Cls._made_again, (v1, v2, …))`, which unpickling calls:
it makes the object (`object.__new__`) and sets each slot through the slot's own descriptor, without the
frozen constructor's `object.__setattr__` by name for each field (100,000 marks, best of 7, collector off:
loads 0.083 s, against 0.133 s calling the class and 0.19 s for a slotted dataclass's own pickling). About
200,000 records are read back from the persistent cache by each build of a 1,000-article dossier. Every field
of a record is one its constructor takes by position (`init=True`, not `kw_only`), which `record` checks, so
that `replace` and the constructor make any record the fields describe.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

__all__ = ["record"]

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # (type checkers see a dataclass)
def record(cls: type[T]) -> type[T]:
    """`cls` as a frozen dataclass with slots, pickled as `cls._made_again(*fields)` (see the module docstring)."""
    made: Any = dataclass(frozen=True, slots=True)(cls)
    names = tuple(f.name for f in fields(made))
    if not names or not all(f.init and not f.kw_only for f in fields(made)):
        raise TypeError(f"{cls.__qualname__}: a record's fields are all given to its constructor, in order")
    made._made_again = staticmethod(_maker(made, len(names)))
    made.__reduce__ = _reduce(made._made_again, attrgetter(*names) if len(names) > 1 else _one(names[0]))
    return made  # type: ignore[no-any-return]


def _maker(cls: Any, count: int) -> Callable[..., Any]:
    """`cls._made_again(v1, v2, …)`: a `cls` whose fields, in order, are the values, made without its
    constructor (see the module docstring); found by pickle as an attribute of the class."""
    values = [f"v{i}" for i in range(count)]
    source = (f"def _made_again({', '.join(values)}):\n    made = new(cls)\n"
              + "".join(f"    set{i}(made, {value})\n" for i, value in enumerate(values)) + "    return made\n")
    scope = {"new": object.__new__, "cls": cls}
    scope.update((f"set{i}", slot.__set__) for i, slot in enumerate(getattr(cls, f.name) for f in fields(cls)))
    exec(source, scope)  # noqa: S102 - the source is made here of numbered names only (dataclasses do the same)
    maker = scope["_made_again"]
    maker.__module__, maker.__qualname__ = cls.__module__, f"{cls.__qualname__}._made_again"
    return maker  # type: ignore[no-any-return]


def _one(name: str) -> Callable[[Any], tuple[Any, ...]]:
    get = attrgetter(name)
    return lambda value: (get(value),)


def _reduce(maker: Any, values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], tuple[Any, tuple[Any, ...]]]:
    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return maker, values(self)
    return __reduce__
