"""`frozen` and `record`: frozen dataclasses with fewer methods compiled; a record also has slots, and is
pickled as the call that makes it.

A frozen dataclass gets six methods, each compiled from source when its class is made (`exec`: 0.1-0.2 ms
each on Python 3.11). `frozen` compiles none when the class is made. It asks dataclasses for the fields alone
(and the slots), and gives the class `__eq__`, `__hash__` and `__repr__` made of closures over an `attrgetter`
of its fields: the same results as dataclass's (equal only to the same class, comparing and hashing the tuple
of the fields that take part, `Name(a=1, b='x')`); the frozen `__setattr__` and `__delattr__` as closures
too; and an `__init__` that compiles, at its first call, the one dataclass would write (each field set
through `object.__setattr__`, defaults, factories, `__post_init__`), so that a class no build makes is never
compiled. The ninety-one dataclasses a build imports took 72 ms of its start to make; with the three compiled
ones alone, 52 ms; now 15 ms, and the `__init__`s of the classes a rebuild makes (tests/test_records.py
compares all of it with dataclass's).

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

import reprlib
from dataclasses import MISSING, FrozenInstanceError, InitVar, dataclass, field, fields
from functools import partial
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

__all__ = ["FROZEN", "frozen", "record", "values_of"]

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # (type checkers see a dataclass)
def record(cls: type[T]) -> type[T]:
    """`cls` as a frozen dataclass with slots, pickled as `cls._made_again(*fields)` (see the module docstring)."""
    made: Any = _compared(cls, partial(_dataclass, slots=True))
    names = tuple(f.name for f in fields(made))
    if not names or not all(f.init and not f.kw_only for f in fields(made)):
        raise TypeError(f"{cls.__qualname__}: a record's fields are all given to its constructor, in order")
    made._made_again = staticmethod(_maker(made, len(names)))
    made.__reduce__ = _reduce(made._made_again, values_of(names))
    return made  # type: ignore[no-any-return]


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    """`@dataclass(frozen=True)`, with `__eq__`, `__hash__` and `__repr__` not compiled (module docstring)."""
    made = _compared(cls, partial(_dataclass, slots=False))
    FROZEN.append(made)
    return made  # type: ignore[no-any-return]


FROZEN: list[type] = []  # every class `frozen` made, in the order they were made (execute/keys.py reads them)


def _compared(cls: Any, make: Callable[[Any], Any]) -> Any:
    """`make(cls)` (dataclass without eq and repr) given dataclass's `__eq__`, `__hash__` and `__repr__`."""
    own = {"__eq__", "__hash__", "__repr__"} & set(cls.__dict__)
    if own:  # (dataclass would keep them, or drop the hash: write such a class with dataclass itself)
        raise TypeError(f"{cls.__qualname__} defines {', '.join(sorted(own))}: decorate it with dataclass")
    made = make(cls)
    compared = values_of(tuple(f.name for f in fields(made) if f.compare))
    hashed = values_of(tuple(f.name for f in fields(made) if f.hash or (f.hash is None and f.compare)))
    shown = tuple(f.name for f in fields(made) if f.repr)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
        setattr(made, method.__name__, method)
    return made


def _dataclass(cls: Any, slots: bool) -> Any:
    """`dataclass(frozen=True, slots=slots, eq=False, repr=False)(cls)`, with nothing compiled when the class is
    made: dataclasses makes the fields (and the slots) alone; the frozen `__setattr__` and `__delattr__` are
    closures, and `__init__` is compiled from the same source as dataclass's at its first call (`_first_init`),
    so a class a build never makes costs no `exec` (92 classes took 49 ms to make, 15 ms so). A class this would
    make otherwise than dataclass does is made by dataclass itself (`_as_dataclass`)."""
    if _as_dataclass(cls):
        return dataclass(frozen=True, slots=slots, eq=False, repr=False)(cls)
    made = dataclass(init=False, eq=False, repr=False, slots=slots)(cls)
    made.__dataclass_params__.init = made.__dataclass_params__.frozen = True
    every = fields(made)
    given = [f for f in every if f.init and not f.kw_only]
    for before, after in zip(given, given[1:]):
        if _has_default(before) and not _has_default(after):
            raise TypeError(f"non-default argument {after.name!r} follows default argument")
    names = tuple(f.name for f in every)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is made or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(made, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is made or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(made, self).__delattr__(name)

    for method in (__setattr__, __delattr__, _first_init(made, slots)):
        method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
        setattr(made, method.__name__, method)
    return made


def _as_dataclass(cls: Any) -> bool:
    """Whether `cls` is one dataclass itself must make: one with no docstring of its own (dataclass writes one
    from the signature of its __init__), with a dataclass among its bases (dataclass checks that the frozen
    inherit only from the frozen), with its own `__init__` (which dataclass keeps), `__setattr__` or
    `__delattr__` (which it refuses), or with an InitVar or a field named `self`. None of the build's."""
    own = cls.__dict__
    annotations = own.get("__annotations__", {})
    return not own.get("__doc__") or any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]) or \
        any(name in own for name in ("__init__", "__setattr__", "__delattr__")) or "self" in annotations or \
        any(isinstance(kind, InitVar) or "InitVar" in str(kind) for kind in annotations.values())


def _has_default(f: Any) -> bool:
    return f.default is not MISSING or f.default_factory is not MISSING


def _first_init(cls: Any, slots: bool) -> Callable[..., None]:
    """An `__init__` that compiles the class's own (`_init`) the first time it is called, puts it in its place
    and calls it."""
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        made = cls.__init__ = _init(cls, slots)
        made(self, *args, **kwargs)
    return __init__


def _init(cls: Any, slots: bool) -> Callable[..., None]:
    """The `__init__` dataclass(frozen=True) writes: each field given (or its default, or its factory's value
    when not given) set through `object.__setattr__`; a field not given to it set only when it has a factory
    (or a default, with slots); then `__post_init__()` if the class has one."""
    scope: dict[str, Any] = {"__dataclass_builtins_object__": object,
                             "__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY}
    params, keywords, body = ["self"], [], []
    for f in fields(cls):
        default, factory = f"__dataclass_dflt_{f.name}__", f"__dataclass_factory_{f.name}__"
        value = f.name
        if f.default_factory is not MISSING:
            scope[factory] = f.default_factory
            value = (f"{factory}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}" if f.init
                     else f"{factory}()")
        elif f.default is not MISSING:
            scope[default] = f.default
            value = f.name if f.init else default
        if f.init:
            (keywords if f.kw_only else params).append(
                f.name if not _has_default(f) else
                f"{f.name}={default if f.default_factory is MISSING else '__dataclass_HAS_DEFAULT_FACTORY__'}")
        elif f.default_factory is MISSING and (f.default is MISSING or not slots):
            continue  # (read from the class's attribute, as dataclass leaves it)
        body.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    params += ["*", *keywords] if keywords else []
    source = f"def __init__({', '.join(params)}):\n" + "\n".join(body or ["  pass"]) + "\n"
    exec(source, scope)  # noqa: S102 - made of the fields' names, as dataclass's own
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields(cls) if f.init}, "return": None}
    return init  # type: ignore[no-any-return]


class _HasDefaultFactory:
    def __repr__(self) -> str:
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes' values (dataclass compares and hashes that tuple; a page key writes that
    of all the fields, execute/keys.py)."""
    if len(names) == 1:
        return _one(names[0])
    return attrgetter(*names) if names else lambda value: ()


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
