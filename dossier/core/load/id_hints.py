"""The id meant by a reference written as a name: `source: Jerusalem Post`, `speaker: Antony Blinken`,
`entities: [Netanyahu]`, a witness's `article: jpost-go-it-alone.yaml`.

Such a value fails its field's pattern (ids are lower-case words joined by hyphens) when the file is read, before
the registries are known, so its error could only say what an id looks like. Once the dossier is loaded, the
error's hint names the id it was meant as: the value written as an id, an outlet's or entity's name or alias,
or the closest id. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from ..common.errors import Problem, did_you_mean
from ..common.slugs import file_stem, slugify
from .model import ArticleMeta, Dossier
from .registry_place import where_defined

_FORM = re.compile(r'^"(?P<value>[^"]*)" does not have the expected form \(at (?P<path>[^)]*)\)$')
_FIELDS = {"source": "sources", "speaker": "entities", "entities": "entities", "article": "articles",
           "base": "articles"}
_WHAT = {"sources": "an outlet's id (a key of {})", "entities": "an entity's id (a key of {})",
         "articles": "an article's slug (its file name in content/articles/, without .yaml)"}


def _registries(dossier: Dossier) -> dict[str, dict[str, str]]:
    """Per kind of reference: every id, name and alias in lower case → the id."""
    # (and the keys of a registry file that could not be read, registry_ids.py)
    read = {step: {key: key for d in dossier.defined if d.step == step for key in d.keys}
            for step in ("sources", "entities")}
    sources = {s.id: s.id for s in dossier.sources} | {s.name.casefold(): s.id for s in dossier.sources} | \
        read["sources"]
    entities = {e.id: e.id for e in dossier.entities} | read["entities"]
    for e in dossier.entities:
        for name in (e.name, *e.aliases):
            entities.setdefault(name.casefold(), e.id)
    slugs = [a.slug for a in dossier.articles] + [file_stem(m.origin.file)
                                                  for m in dossier.detached]
    articles = {s: s for s in slugs} | {a.meta.title.casefold(): a.slug for a in dossier.articles if a.meta.title}
    return {"sources": sources, "entities": entities, "articles": articles}


def meant(value: str, known: Mapping[str, str]) -> str:
    """The id `value` was meant as, among `known` (id, name or alias in lower case → id), or ""."""
    written = re.sub(r"\.ya?ml$", "", value.strip())
    for key in (slugify(written, ""), written.casefold()):
        if key in known:
            return known[key]
    from ..common.similar import closest  # (asked only of an id that names nothing: imported then)

    # (a slip of the hand only, similar.py: difflib's ratio offered "rafah-rift" for "Rafah Rift 2", another article)
    close = closest(written.casefold(), known) or closest(slugify(written, ""), known)
    return known[close] if close else ""


def with_id_hints(problems: Iterable[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` with the hint of each reference of the wrong form naming the id it was meant as, and the files
    an id of its kind is a key of, as the dossier has them (registry_place.py)."""
    out, registries = [], None
    for p in problems:
        found = _FORM.match(p.message) if p.check == "schema-form" else None
        field = re.sub(r"\[\d+\]$", "", found.group("path").rsplit(".", 1)[-1]) if found else ""
        if found and field in _FIELDS and p.file.startswith(("content/articles/", "content/comparisons/")):
            registries = registries or _registries(dossier)
            kind = _FIELDS[field]
            ident = meant(found.group("value"), registries[kind])
            p = replace(p, hint=(f'did you mean "{ident}"? ' if ident else "") + f"write {_what(kind, dossier)}")
        out.append(p)
    return out


def _what(kind: str, dossier: Dossier) -> str:
    """What a reference of `kind` ("sources", "entities", "articles") is, and where such ids are written."""
    if kind == "articles":
        return _WHAT[kind]
    items = dossier.sources if kind == "sources" else dossier.entities
    return _WHAT[kind].format(where_defined(kind, items, dossier.defined).one)


def articles_by_outlet(metas: Iterable[ArticleMeta]) -> dict[str, tuple[str, ...]]:
    """Outlet id → the slugs of its articles, sorted (one pass: a pass per outlet took 0.3 s at 5,000 articles
    of 1,000 outlets, review 73)."""
    found: dict[str, list[str]] = {}
    for m in metas:
        if m.source:
            found.setdefault(m.source, []).append(m.slug)
    return {source: tuple(sorted(slugs)) for source, slugs in sorted(found.items())}


def witness_hint(slug: str, others: set[str], articles: Iterable[str], outlets: Mapping[str, Sequence[str]]) -> str:
    """The hint of a witness naming an unknown article `slug`: the close slug of an article that is none of the
    comparison's `others` witnesses (offering one made the witness a duplicate, review 71), or the articles of
    the outlet it names (`outlets`: articles_by_outlet), those not witnesses already (review 73)."""
    meant = did_you_mean(slug, set(articles) - others)
    if meant:
        return meant
    of = [s for s in outlets.get(slug, ()) if s not in others]
    if of:
        listed = ", ".join(of[:5]) + (f" and {len(of) - 5} more" if len(of) > 5 else "")
        return f'"{slug}" is an outlet, not an article: name one of its articles ({listed})'
    return "witnesses name article slugs (file names in content/articles/)"
