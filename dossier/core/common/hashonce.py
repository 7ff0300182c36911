"""Frozen dataclasses whose hash is computed once: a class decorator for large values used as keys.

The live preview's memo (memo.py) looks every article up by a key that holds the article, save after save; a
frozen dataclass hashes all its fields every time it is asked (an article's metadata, with its annotations and
their places in the file, took 20 µs, 1,000 times a build). `hash_once` keeps the hash in the instance the
first time it is asked. It is the hash dataclass would compute (of the fields that take part in comparing), so
equal values still hash alike. It is never pickled: a string's hash differs from one process to the next
(PYTHONHASHSEED), and a page key pickles these values (execute/keys.py), whose bytes must not depend on it.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")
_SLOT = "_hash_once"


def hash_once(cls: type[T]) -> type[T]:
    """Apply after `@frozen` or `@dataclass(frozen=True)` (the decorator above it): the class's hash is computed
    once per instance, and left out of its pickled state."""
    names = tuple(f.name for f in fields(cls) if f.compare and f.hash is not False)  # type: ignore[arg-type]

    def __hash__(self: Any) -> int:
        found = self.__dict__.get(_SLOT)
        if found is None:
            found = hash(tuple(getattr(self, name) for name in names))
            object.__setattr__(self, _SLOT, found)
        return found

    def __getstate__(self: Any) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop(_SLOT, None)
        return state

    cls.__hash__ = __hash__  # type: ignore[assignment]
    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    return cls
