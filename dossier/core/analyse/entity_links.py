"""The entity registry as the build uses it: one alias matcher per dossier, checks on every reference to an
entity (annotations, comparisons, aliases, exclusions), and the mention links of one article.

Pure: everything here takes model values and returns values plus Problems. `--suggest` reuses
`build_matcher` so that editors' help sees exactly the aliases the build links.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain
from typing import Any

from ..common.errors import Problem, did_you_mean, error, warning
from ..text.markdown import LinkMark
from .mentions import AliasSpec, Exclusion, Mention, MentionMatcher, alias_collisions, match_key
from ..load.model import ArticleMeta, Comparison, Dossier, Entity, Origin
from ..load.registry_ids import named_ids
from ..load.registry_place import where_defined
from ..common.identity import SameObjects
from ..common.slugs import known_ids, slugify, suggestible

__all__ = ["alias_specs", "build_matcher", "check_entities", "check_file", "check_references", "exclusions",
           "link_article", "paragraph_gaps"]

# Unknown ids are reported under the check "entities-unknown", which site.yaml may lower to a warning.


def alias_specs(entities: Iterable[Entity]) -> tuple[AliasSpec, ...]:
    """Every name and alias of every entity, in entity order (the dossier sorts entities by id)."""
    return tuple(AliasSpec(e.id, name.strip()) for e in entities for name in e.all_names if name.strip())


def exclusions(entities: Iterable[Entity]) -> tuple[Exclusion, ...]:
    return tuple(Exclusion(e.id, x.alias, x.article, x.context) for e in entities for x in e.exclude)


def build_matcher(entities: Iterable[Entity]) -> MentionMatcher:
    """The one matcher of a dossier: built once, used for every article (and by --suggest)."""
    entities = tuple(entities)
    return MentionMatcher(alias_specs(entities), exclusions(entities))


def _claim(e: Entity, key: str) -> tuple[Origin, bool]:
    """Where `e` claims the alias whose match key is `key`, and whether by an alias of its list that is not
    its own name written again (else by its name, or where the entity is, when the loader did not say)."""
    if match_key(e.name.strip()) != key:  # (as the matcher takes them: stripped, alias_specs)
        for alias, at in zip(e.aliases, e.alias_origins):
            if match_key(alias.strip()) == key:
                return at, True
    return e.name_origin or e.origin, False


def _unknown_hint(ref: str, ids: Sequence[str], entities: Sequence[Entity]) -> str:
    """did-you-mean by id first, then by a name or alias written as a slug ("netanyahu" → its entity); else where
    entities are defined, the files the dossier has (registry_place.py)."""
    hint = did_you_mean(ref, ids)
    names = {slugify(n, fallback="x"): e.id for e in entities for n in e.all_names} if not hint else {}
    if not hint and ref in names:
        hint = f'did you mean "{names[ref]}"? ("{ref}" is one of its names)'
    if hint:
        return hint
    place = where_defined("entities", entities)
    return f"entity ids are the keys of {place.every}; add the entity {place.there} or fix the id"


def check_references(dossier: Dossier) -> list[Problem]:
    """Every entity id written in an annotation (`entities`, `speaker`) or a comparison (`speaker`) must
    exist. The error sits at the id itself (the list item, the `speaker:` value) and suggests the closest id.
    Articles left without a seed are checked too: their references are as wrong as anyone's."""
    more = _named(dossier)
    if more is None:
        return []  # the registry failed to load, and its text does not tell all its ids: its problem is the one to fix
    _KEPT.new_build()
    entities = tuple(dossier.entities)
    ids, known = _KEPT.get("ids", (*entities, more), lambda: _ids(entities, more))
    problems: list[Problem] = []
    metas = sorted([a.meta for a in dossier.articles] + list(dossier.detached), key=lambda m: m.origin.file)
    for meta in metas:
        problems += _KEPT.get(("meta", meta.origin.file), (meta, ids),
                              partial(_annotation_refs, meta, ids, known, entities))
    for comp in dossier.comparisons:
        problems += _speaker_ref(comp, ids, known, entities)
    return problems  # (several naming one unknown id are said at the definition they mean: load/renamed.py)


def check_file(dossier: Dossier, path: str) -> list[Problem]:
    """What `check_references` finds in the one article or comparison file at `path` (the live preview checks
    only the file saved before showing its page when every other file, the registry too, is as it was)."""
    more = _named(dossier)
    if more is None:
        return []
    entities = tuple(dossier.entities)
    ids, known = _ids(entities, more)
    for comp in dossier.comparisons:
        if comp.origin.file == path:
            return list(_speaker_ref(comp, ids, known, entities))
    for meta in chain((a.meta for a in dossier.articles), dossier.detached):
        if meta.origin.file == path:
            return list(_annotation_refs(meta, ids, known, entities))
    return []


def _named(dossier: Dossier) -> tuple[frozenset[str], frozenset[str]] | None:
    """What a reference may name besides the registry's entities (`_ids`' `more`): what an entities file that could
    not be read defines, and the ids of the entities left out because their id failed its check (loaded with the
    error at the key: a reference to one is not unknown as well)."""
    more = named_ids("entities", dossier.broken, dossier.defined)
    if more is None or not dossier.misnamed_entities:
        return more  # (the same object from one build to the next: _KEPT)
    return more[0] | dossier.misnamed_entities, more[1]


def _speaker_ref(comp: Comparison, ids: Sequence[str], known: frozenset[str], entities: Sequence[Entity]
                 ) -> tuple[Problem, ...]:
    """A comparison's speaker, when it is no entity."""
    if not comp.speaker or comp.speaker in known:
        return ()
    at = comp.speaker_origin or comp.origin
    return (error(at.file, at.line, at.col, f'comparison "{comp.id}": unknown entity "{comp.speaker}" as speaker',
                  _unknown_hint(comp.speaker, ids, entities), "entities-unknown"),)


# The registry's ids, kept while its entities are the very same objects, and each article file's problems, kept
# while made of the same metadata and ids (identity.py): the live preview checks again only the file saved
_KEPT: SameObjects[Any] = SameObjects()


def _ids(entities: Sequence[Entity], more: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
         ) -> tuple[tuple[str, ...], frozenset[str]]:
    """The registry's ids a did-you-mean may offer, sorted, and what a reference may name (slugs.known_ids); `more`:
    what an entities file that could not be read defines (registry_ids.named_ids: every id, the keys)."""
    ids = [e.id for e in entities]
    return tuple(suggestible([*ids, *more[1]])), known_ids([*ids, *more[0]])


def _annotation_refs(meta: ArticleMeta, ids: Sequence[str], known: frozenset[str], entities: Sequence[Entity]
                     ) -> tuple[Problem, ...]:
    """The unknown entity ids one article file's annotations name (`known`: the set of `ids`)."""
    problems: list[Problem] = []
    for ann in meta.annotations:
        offered: dict[str, str] = {}
        for ref, at in zip(ann.entities, ann.entity_origins or [ann.origin] * len(ann.entities)):
            if ref not in known:
                problems.append(error(at.file, at.line, at.col,
                                      f'annotation "{ann.id}": unknown entity "{ref}" in entities',
                                      _in_list(ref, _unknown_hint(ref, ids, entities), ann.entities, offered),
                                      "entities-unknown"))
        if ann.speaker and ann.speaker not in known:
            at = ann.speaker_origin or ann.origin
            problems.append(error(at.file, at.line, at.col,
                                  f'annotation "{ann.id}": unknown entity "{ann.speaker}" as speaker',
                                  _unknown_hint(ann.speaker, ids, entities), "entities-unknown"))
    return tuple(problems)


_OFFERED = re.compile(r'did you mean "([^"]+)"\?')


def _in_list(ref: str, hint: str, listed: Sequence[str], offered: dict[str, str]) -> str:
    """The hint of the unknown id `ref` in an annotation's `entities:` (`listed`): when the id it offers is in the
    list already (two entities merged, one's name made an alias of the other, review 146: following the hint made
    each such list name it twice), or was offered to an unknown id before it (`offered`: id offered → that one),
    to remove `ref` instead."""
    found = _OFFERED.match(hint)
    if found is None:
        return hint
    meant = found.group(1)
    if meant in listed:
        return f'"{meant}" is already in this list: remove "{ref}"'
    if offered.setdefault(meant, ref) != ref:
        return f'"{offered[meant]}", before it in this list, means "{meant}" too: remove "{ref}"'
    return hint


def check_entities(dossier: Dossier, matcher: MentionMatcher) -> list[Problem]:
    """Two entities claiming one alias (an error naming both, where each is defined), and exclusions that
    can never apply (an alias the entity does not have, an article that does not exist)."""
    by_id = {e.id: e for e in dossier.entities}
    problems: list[Problem] = []
    for key, owners in alias_collisions(matcher.aliases):
        ents = sorted((by_id[i] for i in owners), key=lambda e: (e.origin.file, e.origin.line, e.id))
        claims = [(e, *_claim(e, key)) for e in ents]
        listed = " and ".join(f'"{e.id}" ({at.file}:{at.line})' for e, at, _ in claims)
        # where to fix it: an alias written in a list (a name is what the entity is), the last one; the alias
        # is quoted as that entity writes it (the caret's spelling: "CAIRO", not another entity's "Cairo")
        owner, at = ([(e, o) for e, o, by_alias in claims if by_alias][-1:] or [claims[-1][:2]])[0]
        written = next((n for n in owner.all_names if match_key(n) == key),
                       next(a.alias for a in matcher.aliases if match_key(a.alias) == key))
        problems.append(error(at.file, at.line, at.col, f'alias "{written}" is claimed by {len(ents)} entities: {listed}',
                              "keep the alias on one entity only, or make each alias longer (a full name); "
                              "use `exclude:` to stop a false match in one article or context", "entity-alias-taken"))
    problems += _lower_case_aliases(dossier)
    slugs = sorted({a.slug for a in dossier.articles} | set(dossier.unusable_articles))
    for e in dossier.entities:
        names = {match_key(n) for n in e.all_names}
        for x in e.exclude:
            at = x.origin or e.origin
            where = (at.file, at.line, at.col)
            if x.alias is not None and match_key(x.alias) not in names:
                where = (x.alias_origin.file, x.alias_origin.line, x.alias_origin.col) if x.alias_origin else where
                problems.append(warning(*where, f'entity "{e.id}": excluded alias "{x.alias}" is not one of its '
                                                "names, so the exclusion never applies",
                                        did_you_mean(x.alias, e.all_names) or
                                        "names: " + ", ".join(e.all_names), "entities-unknown"))
            if x.article is not None and x.article not in slugs:
                at = x.article_origin or at
                problems.append(warning(at.file, at.line, at.col, f'entity "{e.id}": exclusion names unknown article "{x.article}"',
                                        did_you_mean(x.article, slugs) or "articles are content/articles/<slug>.yaml",
                                        "entities-unknown"))
    return problems


def _lower_case_aliases(dossier: Dossier) -> list[Problem]:
    """A warning at each alias of one word written all in lower case: an alias matches as it is written (its
    words' first letters' case), so "hope" linked the verb "I hope we will…" in the article's key quote to Hope
    Hicks (review 116); a name is written with a capital. A name that really is in lower case is silenced by
    `checks: {alias-lower-case: ignore}`."""
    problems = []
    for e in dossier.entities:
        for alias, at in zip(e.aliases, e.alias_origins or [e.origin] * len(e.aliases)):
            cased = [c for c in alias if c.isupper() or c.islower()]
            if cased and not any(c.isupper() for c in cased) and not any(c.isspace() for c in alias.strip()):
                # (each word's first letter must be as written: "al-thawabta" as "Al-Thawabta", review 119; all in
                # capitals matches too from 4 letters, mentions._Entry.accepts)
                name = re.sub(r"[^\W\d_]+", lambda word: word.group()[:1].upper() + word.group()[1:], alias)
                shouted = f' (and "{alias.upper()}" in a headline)' if sum(c.isalpha() for c in alias) >= 4 else ""
                problems.append(warning(at.file, at.line, at.col, f'entity "{e.id}": alias "{alias}" is in lower case, '
                                        f'so it links the word "{alias}" wherever an article has it',
                                        f'write it with the capitals the name has (e.g. "{name}", which links '
                                        f'"{name}"{shouted}); if the name is written in lower case, silence this with '
                                        "checks: {alias-lower-case: ignore} in site.yaml", "alias-lower-case"))
    return problems


def paragraph_gaps(paragraphs: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The breaks between paragraphs: a mention never spans two paragraphs (they render as two elements)."""
    return tuple((a_end, b_start) for (_, a_end), (b_start, _) in zip(paragraphs, paragraphs[1:]))


def link_article(text: str, paragraphs: Sequence[tuple[int, int]], slug: str, matcher: MentionMatcher,
                 href: Callable[[str], str]) -> tuple[tuple[Mention, ...], tuple[LinkMark, ...]]:
    """Mentions of one article and their links: ids m-1, m-2, … in text order; `first` on the first
    mention of each entity (visibly linked; later ones are styled subtly)."""
    mentions = matcher.find(text, slug, paragraph_gaps(paragraphs))
    hrefs: dict[str, str] = {}  # (one string per entity, not per mention: 56,000 marks at 1,000 articles)
    marks = []
    for n, m in enumerate(mentions, 1):
        first = m.entity not in hrefs
        if first:
            hrefs[m.entity] = href(m.entity)
        marks.append(LinkMark(f"m-{n}", m.start, m.end, hrefs[m.entity], m.entity, first))
    return mentions, tuple(marks)
