"""Several references to one unknown entity or article: the id renamed where it is defined, or defined nowhere.

One mistake where an id is defined (an entity's key mistyped or changed, an article file renamed) was one error at
each reference, all of them right, and none at the id that changed (review 58). Said once, at the definition,
only when that is very likely (review 87: any definition no annotation named was taken, so deleting an entity blamed
another person, whose id the hint then had 21 annotations credited to):

- an entity named by no reference at all (annotation, comparison, link in any Markdown, role `of:`) whose names
  include the id the references name, written as an id (`benjamin-netanyahu` for the entity named "Benjamin
  Netanyahu", whatever its id now: a typo in the key, or a rename), or whose id is a typo of it (similar.py) while
  its id is none of its names and it is mentioned in no article either (a typo where it is defined, not another
  entity: "iraq", named Iraq, is not a mistyped "iran");
- an article file no comparison, link or note names, whose slug is a typo of the one the references name, or is
  made of the title or seed the references' slug was (`--import` names a file after the first six words of its
  title), or whose text their witnesses quote (renamed_article.py, which also offers an article renamed half-way).

Otherwise, when the references are in several files (not one slip written again), each keeps its place (each is a
line to change) and its hint says that the id is defined nowhere, how many name it, and what to do if it was
deleted: 21 references agreeing on an id did not all mistype it, and no other entity is blamed for them. When
each of them offers the same id (the did-you-mean each is given alone: never a key that is itself an error, nor an
article already a witness of the comparison), that one is offered first, in the same words at each, as the links
to a comparison are told (renamed_comparison.py): one slip copied, not a slip of each; when theirs differ, each
keeps its own. An article's references offering none are said by deleted.py: its file is gone. Pure.
"""

from __future__ import annotations

import re
from typing import Callable, Collection, Iterable, Mapping, Sequence

from ..common.errors import Problem, defined_nowhere, error, offered, places, said_at_meant
from ..common.similar import closest
from ..common.slugs import slugify
from .model import Dossier, Entity
from .renamed_annotation import at_renamed_annotation
from .renamed_article import at_renamed_file
from .renamed_comparison import at_renamed_comparison
from .renamed_key import at_repeated_key
from .renamed_outlet import at_renamed_outlet, unparsed_texts
from .witness_twice import said_at_witness_twice

__all__ = ["at_definitions", "at_renamed_entity", "at_renamed_file", "places"]

_UNKNOWN_ENTITY = re.compile(r'unknown entity "([^"]+)"|^role "of: ([^"]+)" names no entity')
_UNKNOWN_SOURCE = re.compile(r'^unknown source "([^"]+)"$')
_LINKED_ENTITY = re.compile(r"(?:\bentity:|/entities/)([a-z0-9-]+)")
_ENTITY_CHECKS = ("entities-unknown", "links", "role-of-unknown")


def at_definitions(problems: Iterable[Problem], dossier: Dossier,
                   mentioned: Callable[[], Collection[str]] | None = None,
                   files: Mapping[str, bytes] | None = None, seeds: Mapping[str, str] | None = None) -> list[Problem]:
    """`problems` with the references to each unknown entity, article, outlet and comparison said as
    at_renamed_entity, at_renamed_file, at_renamed_outlet and at_renamed_comparison say them, and with an entity's
    block (or an outlet's) copied with its key unchanged said as at_repeated_key says it (renamed_key.py). `files`: the
    dossier's, where the article files that could not be parsed are read (None: whether any is, is not known);
    `seeds`: each seed's text by name (None: not read), that of an article file whose seed was renamed too."""
    found = at_repeated_key(list(problems), files, _unknown_entity)  # (before the ids renamed: review 127)
    found = at_repeated_key(found, files, _unknown_source, "outlet")  # (an outlet's block: review 135)
    found = at_renamed_file(at_renamed_entity(found, dossier, mentioned), dossier, lambda: _markdown(dossier), seeds)
    found = at_renamed_outlet(found, dossier, lambda: None if files is None else unparsed_texts(files, dossier))
    # (a witness naming an article twice whose quote is another's text: said once, at the article, witness_twice.py)
    found = at_renamed_annotation(found, dossier)  # (a link to an annotation whose id changed: the id meant)
    return said_at_witness_twice(at_renamed_comparison(found, dossier, lambda: _markdown(dossier)), dossier)


def _markdown(dossier: Dossier) -> Iterable[str]:
    """Every Markdown text of the dossier, where a link may name an entity or an article."""
    for meta in (*(a.meta for a in dossier.articles), *dossier.detached):
        yield meta.summary
        yield from (a.note for a in meta.annotations)
    for c in dossier.comparisons:
        yield c.summary
        yield from (w.note for w in c.witnesses)
    yield from (e.summary for e in dossier.entities)
    yield from (s.note for s in dossier.sources)
    yield dossier.config.description if dossier.config is not None else ""


def _named_entities(dossier: Dossier) -> set[str]:
    """The entity ids any reference names: annotations, comparisons, roles and links."""
    named = {r for a in dossier.articles for ann in a.meta.annotations for r in (*ann.entities, ann.speaker)}
    named |= {r for m in dossier.detached for ann in m.annotations for r in (*ann.entities, ann.speaker)}
    named |= {c.speaker for c in dossier.comparisons} | {r.of for e in dossier.entities for r in e.roles}
    for text in _markdown(dossier):
        named.update(_LINKED_ENTITY.findall(text))
    return named - {"", None}


def _names(entity: Entity) -> set[str]:
    return {slugify(n, "") for n in entity.all_names} - {""}


def at_renamed_entity(problems: Iterable[Problem], dossier: Dossier,
                      mentioned: Callable[[], Collection[str]] | None = None) -> list[Problem]:
    """`problems` with the references to one unknown entity id (annotations, comparisons, links, roles) said
    once at the entity they most likely mean, or, when none, each told that the id is defined nowhere (see the
    module docstring). `mentioned`: the ids of the entities some article mentions (None: not known, as when
    site.yaml is broken and no seed is read; then only an entity's names tell which it is). While an entities file
    could not be read (its ids alone are known, registry_ids.py), no entity is said to be meant: which entity is,
    and which no reference names, cannot be told."""
    known: list[set[str]] = []

    def meant(ref: str, group: Sequence[Problem]) -> Problem | list[Problem] | None:
        if not known:  # (the references are read only when several name one unknown id: every build asks)
            known.append(_named_entities(dossier))
        entity, why = (None, "") if "entities" in dossier.broken else \
            _entity_meant(ref, dossier.entities, known[0], mentioned)
        if entity is None:
            return _defined_nowhere(group, f'entity "{ref}"', "define it again in the entities")
        at = entity.id_origin or entity.origin
        return error(at.file, at.line, at.col, f'entity "{entity.id}" is named by no reference, while {len(group)} '
                     f'name "{ref}", {why} (at {places(group)})', f'if "{ref}" is the id meant, write it here: the '
                     f'{len(group)} references are then right; if it was changed on purpose, write "{entity.id}" at '
                     "each of them", "entities-unknown")

    return said_at_meant(list(problems), _unknown_entity, meant)


def _unknown_entity(p: Problem) -> str | None:
    """The id of the entity `p` says is unknown; None when it says no such thing."""
    found = _UNKNOWN_ENTITY.search(p.message) if p.check in _ENTITY_CHECKS else None
    return (found.group(1) or found.group(2)) if found else None


def _unknown_source(p: Problem) -> str | None:
    """The id of the outlet `p` says is unknown; None when it says no such thing."""
    found = _UNKNOWN_SOURCE.match(p.message) if p.check == "source-unknown" and p.severity == "error" else None
    return found.group(1) if found else None


def _entity_meant(ref: str, entities: Sequence[Entity], named: Collection[str],
                  mentioned: Callable[[], Collection[str]] | None) -> tuple[Entity | None, str]:
    """The one entity the unknown id `ref` most likely is, and why; (None, "") when none is likely."""
    by_name = [e for e in entities if ref in _names(e) and e.id not in named]
    if len(by_name) == 1:
        return by_name[0], "one of its names written as an id"
    if mentioned is None or by_name:
        return None, ""
    ident = closest(ref, (e.id for e in entities), typos_only=True)
    entity = next((e for e in entities if e.id == ident), None)
    if entity is None or entity.id in named or entity.id in _names(entity) or entity.id in mentioned():
        return None, ""
    return entity, "a typo of its id, which is none of its names and which no article mentions"


def _defined_nowhere(group: Sequence[Problem], what: str, fix: str) -> list[Problem] | None:
    """defined_nowhere, the id the references' own did-you-means offer said first (errors.offered; when they offer
    different ones, each keeps its hint), but a reference whose hint names the entity it is one of the names of
    keeps it, and so does one whose hint says to remove it from a list that names that entity already
    (entity_links._in_list: two entities merged)."""
    def own(p: Problem) -> bool:
        return "is one of its names" in p.hint or " in this list" in p.hint

    meant = offered([p for p in group if not own(p)])
    found = None if meant is None else defined_nowhere(group, what, fix, meant)
    return None if found is None else [p if own(p) else q for p, q in zip(group, found)]
