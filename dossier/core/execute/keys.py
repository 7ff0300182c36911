"""Page keys: the digest that names a keyed page's bytes (plan/page.py `keyed`), from its explicit input.

A key is a sha256 of the page's path and template, its view function's name, a digest of every template and
the input value pickled. Pickle runs without its memo ("fast" mode), so the bytes depend only on the values,
not on which of them happen to be one shared object (that differs between a build that computed the Library
and one that read parts of it from the cache); inputs are trees, no value contains itself. Pickle is exact:
different values never share a key, and equal values pickled differently only cost a miss.

Every `frozen` value is written as its class and its fields (`_plain`). Large values that recur in many pages'
inputs are written as digests instead (the pickler's dispatch table: a type lookup in C, so no Python call for
other objects). Values a cached step made carry a digest that names
them, which is written instead: an analysed article (Anchored: of what it was made from), an article's mention
links and the places an entity page quotes (the "mentions" step's: of what they are), a shared passage (the
"passages" step's: of the texts searched, and its place among the passages found), a seed's cleaned text and an
article file's metadata (the parse step's stamps, `made`: of the text itself, of the file's key); those
digests come back from the persistent cache with the values, so the command line, which reads every value
anew, does not write them out again. An article as the passages pages show it (Doc) is written as the digest
of what it shows (compare_pages: its text's stamp, title, outlet, date, the places of its annotations and
witnesses), or, without one, as a digest of its own (its text written as the text's stamp); a passages page's
Docs (DocSet, hundreds a page) as one digest of theirs. An annotation's listing row (Row) is written as the digest
of all it shows (the analysis's, Anchored.rows, with the outlet's name), and a listing page's rows (RowSet) as
one digest of theirs (of the rows themselves where one has none); an entity page's articles (RowMap: what it
shows of each, a Row with its digest) and its places in them (Digested) as one digest each. An article (a
witness's, as comparison pages show it), an entity and the site's configuration are written as a digest of
their own, computed once per value (the same object): once per build, and only once for values the live
preview's memo keeps from one build to the next (`forget` drops those a build did not use).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import pickle
from dataclasses import fields, replace
from typing import Any, Callable, Iterable

from ..analyse.entity_index import MentionLinks
from ..analyse.entity_places import Place
from ..analyse.library import Anchored
from ..load.config import SiteConfig
from ..load.cleaning import CleanText
from ..load.model import Article, ArticleMeta, Entity, Source
from ..analyse.shared_passages import SharedPassage
from ..plan.page import Digested, Page, Row, RowMap, RowSet
from ..plan.passage_views import Doc, DocSet
from ..common.records import FROZEN, values_of

_LAST: list[Any] = []  # [value, its digest]: the pages of one article share one input value, pickled once
_SHARED: dict[int, list[Any]] = {}  # id → [a recurring value, its digest, the last build that used it]
_BUILD = [0]


def forget() -> None:
    """End a build's keys: drop the recurring values this build did not use (a value used again in the next
    build, as the live preview's memo keeps unchanged articles' values, is digested only once). An entry holds
    its value, so no other object can take its id while the entry is kept; the values are frozen."""
    _LAST.clear()
    build = _BUILD[0]
    for ident in [ident for ident, entry in _SHARED.items() if entry[2] != build]:
        del _SHARED[ident]
    _BUILD[0] = build + 1


def _digested(digest: str) -> str:
    """What a value written as its digest stands as in a page key (never unpickled)."""
    return digest


def _anchored(item: Anchored) -> Any:
    """An analysed article in a page key: its digest, which names everything it was made from (Anchored);
    written out in full when it has none."""
    return (_digested, (item.digest,)) if item.digest else item.__reduce_ex__(5)


def _parsed(value: CleanText | ArticleMeta) -> Any:
    """A seed's cleaned text or an article file's metadata in a page key: its stamp (`made`, loader.parse_files),
    which names it whole; written out in full when it has none (a copy made otherwise)."""
    return (_digested, (value.made,)) if value.made else value.__reduce_ex__(5)


def _kept(value: Any, make: Callable[[], str]) -> Any:
    """`value` in a page key as the digest `make()` gives, computed once while the same value (the same
    object) is in use."""
    found = _SHARED.get(id(value))
    if found is None or found[0] is not value:
        found = _SHARED[id(value)] = [value, make(), 0]
    found[2] = _BUILD[0]
    return (_digested, (found[1],))


def _recurring(value: Any) -> Any:
    """A value that recurs in many pages' inputs, in a page key: a digest of it (`_kept`)."""
    return _kept(value, lambda: f"{type(value).__qualname__}:{_pickled_digest(value, _INNER)}")


def _doc(value: Doc) -> Any:
    """An article as the passages pages show it, in a page key: the digest of what made it when it has one
    (Doc.made), else a digest of it (`_kept`), its whole text written as the text's stamp when it has one (a
    thousand texts were pickled for every build's keys)."""
    if value.made:
        return _digested, (value.made,)
    if not value.text_made:
        return _recurring(value)
    return _kept(value, lambda: "Doc:" + _pickled_digest(((_digested, (value.text_made,)), replace(value, text="")),
                                                         _INNER))


def _digest_of(kind: str, parts: Iterable[str]) -> str:
    """One digest of many values' (`parts`: each a digest, or a name and a digest): `kind`, then the sha256 of the
    parts joined by NULs, which no digest or name holds."""
    return f"{kind}:" + hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _doc_set(value: DocSet) -> Any:
    """The Docs of a passages page (hundreds of them) in a page key: a digest of each slug with its Doc's
    digest, which DocSet.made holds without making the Docs; only where one is unknown are the Docs made and
    digested (`_doc`). (157,000 Docs in the 577 pages of 5,000 articles took 0.3 s through `_doc`.)"""
    def make() -> str:
        made = value.made if all(value.made) else [_doc(value[slug])[1][0] for slug in value.slugs]
        return _digest_of("DocSet", (f"{slug}\0{digest}" for slug, digest in zip(value.slugs, made)))
    return _kept(value, make)


def _made(value: Any) -> Any:
    """A value that carries the digest of what made it (mention links, an entity's place in an article: the
    "mentions" step's, entity_index.py; a shared passage: the "passages" step's, library.py): that digest; else a
    recurring value's (`_recurring`)."""
    return (_digested, (value.digest,)) if value.digest else _recurring(value)


def _row(value: Row) -> Any:
    """A listing row in a page key: the digest of what made it (Row.made), else the row written out."""
    return (_digested, (value.made,)) if value.made else value.__reduce_ex__(5)


def _row_set(value: RowSet) -> Any:
    """A listing page's rows (hundreds of them) in a page key: one digest of their digests (Row.made) when each
    has one, else of the rows written out (`_recurring`); taken once while the same RowSet is in use."""
    if not all(type(row) is Row and row.made for row in value):
        return _recurring(value)
    return _kept(value, lambda: _digest_of("RowSet", (row.made for row in value)))


def _row_map(value: RowMap) -> Any:
    """Rows by key (page.RowMap) in a page key: one digest of each key with its row's digest (Row.made) when every
    row has one, else of the mapping written out (`_recurring`)."""
    if not all(type(row) is Row and row.made for row in value.values()):
        return _recurring(value)
    return _kept(value, lambda: _digest_of("RowMap", (f"{key}\0{row.made}" for key, row in value.items())))


def _digested_all(value: Digested) -> Any:
    """Values that carry their digests (page.Digested) in a page key: one digest of their digests when each has one
    (and of their classes), else the values written out (`_recurring`)."""
    if not all(getattr(item, "digest", "") for item in value):
        return _recurring(value)
    return _kept(value, lambda: _digest_of("Digested", (f"{type(item).__qualname__}\0{item.digest}"
                                                        for item in value)))


def _entity(e: Entity) -> Any:
    """An entity in a page key, without where its id, name and aliases are written: only messages read those,
    so re-spacing an alias list renders no page again."""
    return replace(e, name_origin=None, alias_origins=(), id_origin=None).__reduce_ex__(5)


def _source(s: Source) -> Any:
    """An outlet in a page key, without where its id is written (only messages read it)."""
    return replace(s, id_origin=None).__reduce_ex__(5)


_INNER = {**copyreg.dispatch_table, Anchored: _anchored,  # (copyreg's own entries pickle re.Pattern &c.)
          CleanText: _parsed, ArticleMeta: _parsed, Entity: _entity, Source: _source}
_DISPATCH = {**_INNER, **{kind: _recurring for kind in (Article, Entity, SiteConfig)}, Doc: _doc,
             MentionLinks: _made, Place: _made, SharedPassage: _made, DocSet: _doc_set, Row: _row, RowSet: _row_set,
             RowMap: _row_map, Digested: _digested_all}


def _plain(cls: Any) -> Callable[[Any], Any]:
    """A `frozen` class's value in a page key: its class and the tuple of all its fields' values (what is not a
    field, such as a kept hash, is not the value). Pickle's own way for a dataclass wrote `copyreg.__newobj__`,
    the class and a dict of its attributes: a fifth more of the keys' time at 5,000 articles."""
    get = values_of(tuple(f.name for f in fields(cls)))
    return lambda value: (cls, get(value))


_ADDED = [0]  # how many of records.FROZEN the tables have


def _add_frozen() -> None:
    """The `frozen` classes made since the last key (modules are imported as a build needs them), added to both
    tables, where no entry of their own is there already."""
    count = len(FROZEN)  # (a class another thread adds meanwhile is added by the next key)
    for cls in FROZEN[_ADDED[0]:count]:
        if fields(cls):
            for table in (_DISPATCH, _INNER):
                table.setdefault(cls, _plain(cls))
    _ADDED[0] = count


def _pickled_digest(value: Any, dispatch: dict = _DISPATCH) -> str:
    if len(FROZEN) != _ADDED[0]:
        _add_frozen()
    out = io.BytesIO()
    writer = pickle.Pickler(out, protocol=5)
    writer.fast = True
    writer.dispatch_table = dispatch
    writer.dump(value)
    return hashlib.sha256(out.getbuffer()).hexdigest()


def _value_digest(value: Any) -> str | None:
    """sha256 of `value` pickled (see `_pickled_digest`); None when it cannot be pickled."""
    if _LAST and _LAST[0] is value:
        return _LAST[1]
    try:
        digest = _pickled_digest(value)
    except Exception:  # noqa: BLE001 - an unpicklable input is simply rendered every time
        return None
    _LAST[:] = [value, digest]
    return digest


def page_key(page: Page, value: Any, templates: str) -> str | None:
    """The digest that names a keyed page's bytes (page.keyed): its path, template, view function and explicit
    input `value`, and `templates` (a digest of every template, since one may include any other). The code's
    version is the store's part (cache.py). None when the value cannot be pickled (the page is then rendered).
    Pickle is exact: different values never share a key; equal values pickled differently only cost a miss."""
    digest = _value_digest(value)
    if digest is None:
        return None
    view = page.view
    name = f"{getattr(view, '__module__', '')}.{getattr(view, '__qualname__', repr(view))}"
    parts = (page.path, page.template or "", templates if page.template else "", name, digest)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


