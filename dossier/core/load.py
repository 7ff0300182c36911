"""Editors' YAML text → model values. Pure: takes (path, text), returns (value, problems).

Shape (keys, types, forms) is checked by the shipped JSON Schemas; this module only turns checked data into
frozen dataclasses and checks what a schema cannot (slugs of file names, uniqueness within a file).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, TypeVar

from .errors import Problem, error
from .model import (Annotation, ArticleMeta, Comparison, Entity, EntityExclusion, Origin, Role, Source,
                    Witness)
from .schema import validate
from .slugs import is_slug, slug_hint
from .yamlsrc import Loaded, parse_yaml

T = TypeVar("T")
Schema = Mapping[str, Any]


def _load(file: str, text: str, schema: Schema, build: Callable[[Loaded], tuple[T, list[Problem]]]
          ) -> tuple[T | None, tuple[Problem, ...]]:
    loaded, problems = parse_yaml(file, text)
    if loaded is None:
        return None, problems
    if loaded.data is None:
        return None, (error(file, 1, 1, "the file is empty", "see README.md for this file's format"),)
    problems = validate(loaded, schema)
    if problems:
        return None, problems
    value, more = build(loaded)
    return value, tuple(more)


def _origin(loaded: Loaded, path: tuple[Any, ...]) -> Origin:
    line, col = loaded.at(path)
    return Origin(loaded.file, line, col)


def _stem(file: str) -> str:
    return file.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def parse_article(file: str, text: str, schema: Schema) -> tuple[ArticleMeta | None, tuple[Problem, ...]]:
    """content/articles/<slug>.yaml → ArticleMeta."""

    def build(loaded: Loaded) -> tuple[ArticleMeta, list[Problem]]:
        d = loaded.data
        problems = _check_stem(file)
        annotations = []
        seen: dict[str, int] = {}
        for i, a in enumerate(d.get("annotations") or []):
            path = ("annotations", i)
            if a["id"] in seen:
                line, col = loaded.at(path + ("id",))
                problems.append(error(file, line, col, f'duplicate annotation id "{a["id"]}"',
                                      f"annotation ids must be unique in the article; the first is on line {seen[a['id']]}"))
            seen.setdefault(a["id"], loaded.at(path)[0])
            annotations.append(Annotation(
                id=a["id"], quote=a["quote"], origin=_origin(loaded, path + ("quote",)),
                prefix=a.get("prefix"), suffix=a.get("suffix"), note=a.get("note", ""), kind=a.get("kind", ""),
                speaker=a.get("speaker", ""), tags=tuple(a.get("tags", ())), entities=tuple(a.get("entities", ())),
                date=a.get("date", ""), verdict=a.get("verdict", ""),
                note_origin=_origin(loaded, path + ("note",)) if "note" in a else None))
        meta = ArticleMeta(
            slug=_stem(file), origin=_origin(loaded, ()), seed=d["seed"], title=d["title"], source=d.get("source", ""),
            date=d.get("date", ""), wire=d.get("wire", ""), date_note=d.get("date_note", ""), url=d.get("url", ""),
            byline=d.get("byline", ""), summary=d.get("summary", ""), annotations=tuple(annotations),
            seed_origin=_origin(loaded, ("seed",)), source_origin=_origin(loaded, ("source",)))
        return meta, problems

    return _load(file, text, schema, build)


def parse_sources(file: str, text: str, schema: Schema) -> tuple[tuple[Source, ...] | None, tuple[Problem, ...]]:
    def build(loaded: Loaded) -> tuple[tuple[Source, ...], list[Problem]]:
        return tuple(Source(id=k, name=v["name"], homepage=v.get("homepage", ""), country=v.get("country", ""),
                            note=v.get("note", "")) for k, v in sorted(loaded.data.items())), []

    return _load(file, text, schema, build)


def parse_entities(file: str, text: str, schema: Schema) -> tuple[tuple[Entity, ...] | None, tuple[Problem, ...]]:
    def build(loaded: Loaded) -> tuple[tuple[Entity, ...], list[Problem]]:
        out = []
        for key, v in sorted(loaded.data.items()):
            out.append(Entity(
                id=key, name=v["name"], kind=v["kind"], origin=_origin(loaded, (key,)),
                aliases=tuple(v.get("aliases", ())), summary=v.get("summary", ""), wikidata=v.get("wikidata", ""),
                roles=tuple(Role(r["title"], r.get("of", ""), str(r.get("from", "")), str(r.get("to", "")))
                            for r in v.get("roles", ())),
                exclude=tuple(EntityExclusion(x.get("alias"), x.get("article"), x.get("context"))
                              for x in v.get("exclude", ()))))
        return tuple(out), []

    return _load(file, text, schema, build)


def parse_comparison(file: str, text: str, schema: Schema) -> tuple[Comparison | None, tuple[Problem, ...]]:
    def build(loaded: Loaded) -> tuple[Comparison, list[Problem]]:
        d = loaded.data
        problems = _check_stem(file)
        witnesses = tuple(Witness(
            article=w["article"], quote=w["quote"], origin=_origin(loaded, ("witnesses", i, "quote")),
            prefix=w.get("prefix"), suffix=w.get("suffix"), note=w.get("note", ""),
            value=float(w["value"]) if "value" in w else None, unit=w.get("unit", ""),
            qualifier=w.get("qualifier", ""),
            note_origin=_origin(loaded, ("witnesses", i, "note")) if "note" in w else None)
            for i, w in enumerate(d["witnesses"]))
        seen: dict[str, int] = {}
        for i, w in enumerate(witnesses):
            if w.article in seen:
                problems.append(error(file, w.origin.line, w.origin.col,
                                      f'article "{w.article}" is a witness twice',
                                      f"one witness per article; the first is witness {seen[w.article] + 1}"))
            seen.setdefault(w.article, i)
        return Comparison(id=_stem(file), origin=_origin(loaded, ()), title=d["title"], question=d["question"],
                          kind=d["kind"], witnesses=witnesses, speaker=d.get("speaker", ""),
                          summary=d.get("summary", ""), base=d.get("base", "")), problems

    return _load(file, text, schema, build)


def _check_stem(file: str) -> list[Problem]:
    stem = _stem(file)
    if is_slug(stem):
        return []
    return [error(file, 0, 0, f'file name "{stem}" is not a valid slug', slug_hint(stem), "slug")]
