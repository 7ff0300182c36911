"""Editors' YAML text → model values. Pure: takes (path, text), returns (value, problems).

Shape (keys, types, forms) is checked by the shipped JSON Schemas; this module only turns checked data into
frozen dataclasses and checks what a schema cannot (slugs of file names, uniqueness within a file).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, Mapping, TypeVar

from ..common.errors import Problem, error, did_you_mean
from .model import (Annotation, ArticleMeta, Comparison, Entity, EntityExclusion, Origin, Role, Source,
                    Witness)
from .copies import maker, original_name
from .dates import impossible_dates
from .language import unknown_language
from .placeholders import placeholders
from .schema import SchemaCheck, check_shape
from ..common.slugs import file_stem, is_slug, slug_hint, slugify
from .yaml_items import items_in_text
from .yamlsrc import Loaded, parse_yaml
from ..common.records import frozen

T = TypeVar("T")
Schema = Mapping[str, Any] | SchemaCheck  # a SchemaCheck when many files share it (schema.compile_schema)
Path = tuple[Any, ...]


@frozen
class _Read:
    """A parsed file and the paths its schema check spoilt. Values are read only where they are right, so a
    file with a wrong date still yields its annotations (and their problems) in the same run."""

    loaded: Loaded
    bad: frozenset[Path]
    spoilt: frozenset[Path] = frozenset()  # every path a bad path is at or inside (`read`)

    def ok(self, path: Path) -> bool:
        """No problem was found at `path` or inside it."""
        return path not in self.spoilt

    def text(self, d: Mapping[str, Any], path: Path, key: str, default: str = "") -> str:
        value = d.get(key, default)
        return value if isinstance(value, str) and self.ok(path + (key,)) else default

    def optional(self, d: Mapping[str, Any], path: Path, key: str) -> str | None:
        value = d.get(key)
        return value if isinstance(value, str) and self.ok(path + (key,)) else None

    def items(self, d: Mapping[str, Any], path: Path, key: str) -> list[tuple[Path, Any]]:
        """The list at `key` as (path, item) pairs, leaving out the items that are wrong themselves (a mapping
        item with a wrong value inside is kept: its reader leaves out that value)."""
        value = d.get(key)
        if not isinstance(value, list) or (path + (key,)) in self.bad:
            return []
        return [(path + (key, i), item) for i, item in enumerate(value) if (path + (key, i)) not in self.bad]

    def origin(self, path: Path, raw: bool = False) -> Origin:
        line, col = self.loaded.at(path)
        return Origin(self.loaded.file, line, col, self.loaded.raw(path) if raw else "")

    def origin_if(self, d: Mapping[str, Any], path: Path, key: str, raw: bool = False) -> Origin | None:
        return self.origin(path + (key,), raw) if key in d else None


def read(loaded: Loaded, bad: frozenset[Path]) -> _Read:
    """The reader of `loaded`, whose `bad` paths are spoilt with every path they are inside (5,000 bad entities:
    each value read asked every bad path, 88 million steps)."""
    return _Read(loaded, bad, frozenset(b[:i] for b in bad for i in range(len(b) + 1)))


def _load(file: str, text: str, schema: Schema, build: Callable[[_Read], tuple[T | None, list[Problem]]]
          ) -> tuple[T | None, tuple[Problem, ...]]:
    """Parse, check the shape, and build from every part that is right; None when nothing is usable."""
    raw_schema = schema.schema if isinstance(schema, SchemaCheck) else schema
    loaded, problems = parse_yaml(file, text, raw_schema)
    if loaded is None:
        return None, problems
    problems += items_in_text(loaded, raw_schema)
    if loaded.data is None:
        return None, problems + (error(file, 1, 1, "the file is empty", "see README.md for this file's format",
                                       "file-empty"),)
    shape, bad = check_shape(loaded, schema)
    if not isinstance(loaded.data, dict):
        return None, problems + shape
    calendar, bad = impossible_dates(loaded, bad)
    shape += calendar + placeholders(loaded)
    value, more = build(read(loaded, bad))
    return value, problems + shape + tuple(more)


def parse_article(file: str, text: str, schema: Schema) -> tuple[ArticleMeta | None, tuple[Problem, ...]]:
    """content/articles/<slug>.yaml → ArticleMeta (a `seed:` that is wrong is left empty: not published)."""

    def build(r: _Read) -> tuple[ArticleMeta, list[Problem]]:
        d = r.loaded.data
        problems = _check_stem(file)
        annotations = []
        seen: dict[str, int] = {}
        for path, a in r.items(d, (), "annotations"):
            if not isinstance(a, dict):
                continue
            # An id or quote that is wrong is reported already. The annotation is still read, so that its other
            # mistakes (an unknown entity, a note's link, an id used twice) are said in the same run: under its id
            # written as one ("Headline Biden": headline-biden), and with a wrong quote, none (it is not placed).
            ident = r.text(a, path, "id") or (slugify(a["id"], "") if isinstance(a.get("id"), str) else "")
            if not ident:
                continue  # (no id to say its other mistakes under)
            a = {**a, "id": ident, "quote": r.text(a, path, "quote")}
            if a["id"] in seen:
                line, col = r.loaded.at(path + ("id",))
                problems.append(error(file, line, col, f'duplicate annotation id "{a["id"]}"',
                                      f"annotation ids must be unique in the article; the first is on line "
                                      f"{seen[a['id']]}", "annotation-duplicate-id"))
            seen.setdefault(a["id"], r.loaded.at(path)[0])
            annotations.append(_annotation(r, path, a))
        meta = ArticleMeta(
            slug=file_stem(file), origin=r.origin(()), seed=r.text(d, (), "seed"), title=r.text(d, (), "title"),
            source=r.text(d, (), "source"), date=r.text(d, (), "date"), wire=r.text(d, (), "wire"),
            date_note=r.text(d, (), "date_note"), url=r.text(d, (), "url"), byline=r.text(d, (), "byline"),
            summary=r.text(d, (), "summary"), annotations=tuple(annotations), language=r.text(d, (), "language"),
            seed_origin=r.origin(("seed",)), source_origin=r.origin_if(d, (), "source"),
            date_origin=r.origin_if(d, (), "date"),
            summary_origin=r.origin_if(d, (), "summary", raw=True),
            commented=tuple((key, Origin(file, line, 1)) for key, line in _commented(text, ("date", "source"))
                            if key not in d),
            unread_annotations="annotations" not in d and any(isinstance(k, str) and did_you_mean(k, ("annotations",))
                                                              for k in d))
        unknown = unknown_language(file, *r.loaded.at(("language",)), meta.language) if meta.language else None
        return meta, problems + ([unknown] if unknown else [])

    return _load(file, text, schema, build)


_COMMENTED_KEY = re.compile(r"#[ \t]*([a-z_]+)[ \t]*:")


def _commented(text: str, keys: tuple[str, ...]) -> list[tuple[str, int]]:
    """(key, line) of the first top-level line that is one of `keys` commented out ("# date: …"), per key."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENTED_KEY.match(line)
        if match and match.group(1) in keys:
            found.setdefault(match.group(1), number)
    return sorted(found.items(), key=lambda item: item[1])


def _annotation(r: _Read, path: Path, a: Mapping[str, Any]) -> Annotation:
    entities = [(p, e) for p, e in r.items(a, path, "entities") if isinstance(e, str)]
    # (tags in NFC: "économie" typed composed and decomposed is one tag, slugs.tag_page)
    tags = [(p, unicodedata.normalize("NFC", t)) for p, t in r.items(a, path, "tags") if isinstance(t, str)]
    return Annotation(
        id=a["id"], quote=a["quote"], origin=r.origin(path + ("quote",)),
        prefix=r.optional(a, path, "prefix"), suffix=r.optional(a, path, "suffix"), note=r.text(a, path, "note"),
        kind=r.text(a, path, "kind"), speaker=r.text(a, path, "speaker"), tags=tuple(t for _, t in tags),
        entities=tuple(e for _, e in entities), date=r.text(a, path, "date"), verdict=r.text(a, path, "verdict"),
        note_origin=r.origin_if(a, path, "note", raw=True), speaker_origin=r.origin_if(a, path, "speaker"),
        entity_origins=tuple(r.origin(p) for p, _ in entities), tag_origins=tuple(r.origin(p) for p, _ in tags),
        prefix_origin=r.origin_if(a, path, "prefix"), suffix_origin=r.origin_if(a, path, "suffix"))


def parse_sources(file: str, text: str, schema: Schema) -> tuple[tuple[Source, ...] | None, tuple[Problem, ...]]:
    """content/sources.yaml → Sources. An outlet whose details are wrong stays known by its id (so articles
    naming it are not reported again); its wrong details are left empty."""

    def build(r: _Read) -> tuple[tuple[Source, ...], list[Problem]]:
        out = []
        for key, v in sorted(r.loaded.data.items(), key=lambda kv: str(kv[0])):
            v = v if isinstance(v, dict) else {}
            path = (key,)
            out.append(Source(id=str(key), name=r.text(v, path, "name") or str(key),
                              homepage=r.text(v, path, "homepage"), country=r.text(v, path, "country"),
                              note=r.text(v, path, "note"), note_origin=r.origin_if(v, path, "note", raw=True),
                              id_origin=Origin(r.loaded.file, *r.loaded.key_at(path))))
        return tuple(out), []

    return _load(file, text, schema, build)


def parse_entities(file: str, text: str, schema: Schema) -> tuple[tuple[Entity, ...] | None, tuple[Problem, ...]]:
    """content/entities.yaml → Entities; one whose details are wrong stays known by its id, details empty."""

    def build(r: _Read) -> tuple[tuple[Entity, ...], list[Problem]]:
        out = []
        for key, v in sorted(r.loaded.data.items(), key=lambda kv: str(kv[0])):
            v = v if isinstance(v, dict) else {}
            path = (str(key),) if isinstance(key, str) else (key,)
            roles = tuple(Role(r.text(x, p, "title"), r.text(x, p, "of"), r.text(x, p, "from"), r.text(x, p, "to"),
                               r.origin_if(x, p, "of")) for p, x in r.items(v, path, "roles") if isinstance(x, dict))
            exclude = tuple(EntityExclusion(r.optional(x, p, "alias"), r.optional(x, p, "article"),
                                            r.optional(x, p, "context"), r.origin(p),
                                            r.origin_if(x, p, "article"), r.origin_if(x, p, "alias"))
                            for p, x in r.items(v, path, "exclude") if isinstance(x, dict))
            aliases = [(x, r.origin(p)) for p, x in r.items(v, path, "aliases") if isinstance(x, str)]
            out.append(Entity(
                id=str(key), name=r.text(v, path, "name") or str(key), kind=r.text(v, path, "kind", "other"),
                origin=r.origin(path), aliases=tuple(x for x, _ in aliases),
                summary=r.text(v, path, "summary"), wikidata=r.text(v, path, "wikidata"), roles=roles,
                exclude=exclude, summary_origin=r.origin_if(v, path, "summary", raw=True),
                name_origin=r.origin_if(v, path, "name"), alias_origins=tuple(at for _, at in aliases),
                id_origin=Origin(r.loaded.file, *r.loaded.key_at(path))))
        return tuple(out), []

    return _load(file, text, schema, build)


def parse_comparison(file: str, text: str, schema: Schema) -> tuple[Comparison | None, tuple[Problem, ...]]:
    """content/comparisons/<id>.yaml → Comparison, with the witnesses whose article and quote are right."""

    def build(r: _Read) -> tuple[Comparison, list[Problem]]:
        d = r.loaded.data
        problems = _check_stem(file)
        witnesses = tuple(_witness(r, path, w) for path, w in r.items(d, (), "witnesses")
                          if isinstance(w, dict) and r.text(w, path, "article") and r.text(w, path, "quote"))
        # (its base is then not checked against them: the witness's own mistake is the one to report)
        written = d.get("witnesses")
        incomplete = not isinstance(written, list) or len(witnesses) != len(written)
        seen: dict[str, int] = {}
        for i, w in enumerate(witnesses):
            if w.article in seen:
                at = w.article_origin or w.origin
                problems.append(error(file, at.line, at.col, f'article "{w.article}" is a witness twice',
                                      f"one witness per article; the first is witness {seen[w.article] + 1}",
                                      "witness-duplicate"))
            seen.setdefault(w.article, i)
        return Comparison(id=file_stem(file), origin=r.origin(()), title=r.text(d, (), "title"),
                          question=r.text(d, (), "question"), kind=r.text(d, (), "kind"), witnesses=witnesses,
                          speaker=r.text(d, (), "speaker"), summary=r.text(d, (), "summary"),
                          base=r.text(d, (), "base"), base_origin=r.origin_if(d, (), "base"),
                          speaker_origin=r.origin_if(d, (), "speaker"),
                          summary_origin=r.origin_if(d, (), "summary", raw=True), incomplete=incomplete), problems

    return _load(file, text, schema, build)


def _witness(r: _Read, path: Path, w: Mapping[str, Any]) -> Witness:
    value = w.get("value")
    number = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        and r.ok(path + ("value",)) else None
    return Witness(
        article=w["article"], quote=w["quote"], origin=r.origin(path + ("quote",)),
        prefix=r.optional(w, path, "prefix"), suffix=r.optional(w, path, "suffix"), note=r.text(w, path, "note"),
        value=number, unit=r.text(w, path, "unit"), qualifier=r.text(w, path, "qualifier"),
        note_origin=r.origin_if(w, path, "note", raw=True), article_origin=r.origin(path + ("article",)),
        prefix_origin=r.origin_if(w, path, "prefix"), suffix_origin=r.origin_if(w, path, "suffix"),
        value_origin=r.origin_if(w, path, "value"), unit_origin=r.origin_if(w, path, "unit"))


def _check_stem(file: str) -> list[Problem]:
    stem = file_stem(file)
    if is_slug(stem):
        return []
    # ("x (1)", "x (Jo's conflicted copy 2024-03-22)", "x copy": review 74; "x_LOCAL_4567", git mergetool's: 146)
    original = original_name(file)
    hint = (f"it looks like a copy of {original} that {maker(file)}: delete it if it is one; else "
            f"{slug_hint(stem)}") if original else slug_hint(stem)
    return [error(file, 0, 0, f'file name "{stem}" is not a valid slug', hint, "file-name")]
