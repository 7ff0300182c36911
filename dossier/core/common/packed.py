"""`Packed`: a sequence kept pickled until something reads it.

Every build reads each article's mention links and the sentences of its places back from the persistent cache
(entity_index.py, entity_places.py): 56,000 links and 50,000 sentences at 1,000 articles, a fifth of what a
one-note rebuild unpickled. Yet such a build renders a few pages, and the keys of the others write the digests
these values carry (execute/keys.py), not the values. A Packed sequence is pickled as the pickle of its items,
so reading it back makes one bytes object; its items are made when it is first read (length, iteration,
indexing, comparison, hashing), and the bytes are then let go.

A Packed sequence is equal to any tuple or Packed sequence of equal items, and hashed as that tuple: it stands
for the tuple it holds. Like a tuple it is never changed.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

__all__ = ["Packed", "unread"]

T = TypeVar("T")
P = TypeVar("P", bound="Packed[Any]")


class Packed(Sequence[T]):
    """A tuple of `items`, kept as its pickle while it comes from one and nothing has read it."""

    __slots__ = ("_items", "_pickled")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: tuple[T, ...] | None = tuple(items)
        self._pickled: bytes | None = None

    def opened(self) -> tuple[T, ...]:
        """The items, made from the pickle on the first call."""
        items = self._items
        if items is None:
            items = self._items = pickle.loads(self._pickled)  # type: ignore[arg-type]
            self._pickled = None
        return items

    def pickled_items(self) -> bytes:
        """The items' pickle: the one read back while unread, else made now (and not kept: a value is pickled
        once, into the cache, and a page key writes the digest it carries)."""
        if self._items is None:
            return self._pickled  # type: ignore[return-value]
        return pickle.dumps(self._items, protocol=5)

    def is_open(self) -> bool:
        """Whether the items have been made (tests, benchmarks)."""
        return self._items is not None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return unread, (type(self), self.pickled_items())

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.opened()[index]

    def __len__(self) -> int:
        return len(self.opened())

    def __iter__(self) -> Iterator[T]:
        return iter(self.opened())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Packed):
            return self.opened() == other.opened()
        if isinstance(other, tuple):
            return self.opened() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.opened())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.opened()!r})"


def unread(cls: type[P], pickled: bytes) -> P:
    """A `cls` read back from its items' pickle, unread (see the module docstring); a subclass that keeps more
    than its items sets the rest on what this returns (entity_index.MentionLinks)."""
    made = cls.__new__(cls)
    made._items, made._pickled = None, pickled
    return made
