"""Every reference an editor writes, checked against what exists, at the line and column where it is written.

References: a witness's `article:`, a comparison's `base:`, and the links inside Markdown fields (notes,
summaries, the site description): a refused target (javascript:, data:, …), or an internal link
(`article:`, `entity:`, `compare:`, `tag:`, and `article:<slug>#a-<annotation id>`) to something that does
not exist. Each unknown one gets a did-you-mean. Entity ids in annotations are checked in entity_links.py.

Pure, and run once on the loaded model before anything is rendered, so a broken link is reported at the
note's line in the editor's YAML, not at the built page that would carry it. References to a file that
failed to load are not reported again (its own problem is the one to fix).
"""

from __future__ import annotations

import re
from functools import partial
from itertools import chain
from dataclasses import field
from typing import Iterable, Mapping, Sequence
from urllib.parse import unquote

from ..common.errors import Problem, did_you_mean, error, warning
from ..common.identity import SameObjects
from ..common.similar import ending
from ..common.memo import by_difference, made_from
from ..common.shards import Each, in_sequence
from ..common.slugs import is_slug, known_ids, slugify, suggestible, tag_page
from ..text.markdown import link_targets
from .model import ArticleMeta, Comparison, Dossier, Entity, Origin
from .registry_ids import named_ids
from .registry_place import Where, where, where_defined
from .link_hints import RELATIVE, other_kind, refused, relative
from .id_hints import articles_by_outlet, witness_hint
from .tag_clashes import tag_clashes
from .tag_links import tag_named
from .note_markup import link_markup, note_markup
from ..common.urls import Urls, internal_link, named_page
from ..common.records import frozen

# Link problems are reported under the check "links", which site.yaml may lower to a warning.


@frozen
class Names:
    """What a reference may name. `None` for a registry whose file failed to load and whose ids its text does not
    tell (registry_ids.py): nothing is checked."""

    articles: frozenset[str]
    unusable_articles: frozenset[str]
    entities: frozenset[str] | None
    comparisons: frozenset[str]
    unusable_comparisons: frozenset[str]
    tags: frozenset[str]
    annotations: dict[str, frozenset[str]]   # article slug → its annotation ids
    unread: frozenset[str] = frozenset()     # the articles whose annotations were not read (a misspelt key)
    outlets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # outlet id → its articles' slugs
    unknowable: frozenset[str] = frozenset()  # "article", "compare": any may be in a folder not read (unread.py)
    # ids an entities file that could not be read may define that are no keys YAML read (a line's first word, in the
    # part no parse reads: registry_ids.py): named without an error, never offered by a did-you-mean
    possible_entities: frozenset[str] = frozenset()
    entities_in: Where = where("entities", ())  # the entities' files, as a hint names them (registry_place.py)

    def names_entity(self, ident: str) -> bool:
        """Whether `ident` may be an entity's id (True when that is not known)."""
        return self.entities is None or ident in self.entities or ident in self.possible_entities


def _metas(dossier: Dossier) -> list[ArticleMeta]:
    return sorted([a.meta for a in dossier.articles] + list(dossier.detached), key=lambda m: m.origin.file)


def _known(dossier: Dossier, metas: list[ArticleMeta]) -> Names:
    _IDS.new_build()
    ids = [_IDS.get(m.origin.file, (m,), partial(names_in, m)) for m in metas]
    # (an entities file that could not be read: the ids its text tells, when it tells them all)
    more = named_ids("entities", dossier.broken, dossier.defined)
    return Names(
        articles=frozenset(a.slug for a in dossier.articles), unusable_articles=dossier.unusable_articles,
        # (an id of the wrong form, reported at its key, is known by its slug too: slugs.known_ids)
        entities=None if more is None else known_ids([*(e.id for e in dossier.entities), *dossier.misnamed_entities,
                                                      *more[1]]),
        possible_entities=known_ids(more[0] - more[1]) if more is not None else frozenset(),
        comparisons=frozenset(c.id for c in dossier.comparisons),
        unusable_comparisons=dossier.unusable_comparisons,
        tags=frozenset().union(*(tags for _, tags in ids)),
        annotations={m.slug: annotations for m, (annotations, _) in zip(metas, ids)},
        unread=frozenset(m.slug for m in metas if m.unread_annotations), outlets=articles_by_outlet(metas),
        unknowable=frozenset(kind for kind, step in (("article", "article"), ("compare", "comparison"))
                             if step in dossier.broken), entities_in=where_defined("entities", dossier.entities,
                                                                                   dossier.defined))


def names_in(meta: ArticleMeta) -> tuple[frozenset[str], frozenset[str]]:
    """What one article file adds to what references may name: its annotation ids and the names of its tags' pages."""
    return frozenset(a.id for a in meta.annotations), frozenset(tag_page(t) for a in meta.annotations for t in a.tags)


# The last `Names`, handed back while what a build knows is equal to it, so that its digest is taken once; each
# article file's problems are the "references" step's, named by the file and that digest (`_file_key`): the live
# preview checks again only the file saved, and the command line's cache every file whose own text changed,
# unless what may be named changed (an article, entity, comparison, tag or annotation id).
_LAST_KNOWN: list[Names] = []
_NAMED: SameObjects[str] = SameObjects()   # (the digest of the last `Names`, while it is the same object)
_IDS: SameObjects[tuple[frozenset[str], frozenset[str]]] = SameObjects()   # (each file's ids and tags, likewise)


def _names_digest(known: Names) -> str:
    """A digest of what references may name, its sets sorted (a set's order changes from one process to the
    next, so a pickle of it would name nothing twice)."""
    def listed(values: Iterable[str] | None) -> list[str] | None:
        return None if values is None else sorted(values)

    # (not `outlets`: only comparisons read it, checked anew)
    return made_from("names", (listed(known.articles), listed(known.unusable_articles), listed(known.entities),
                               listed(known.comparisons), listed(known.unusable_comparisons), listed(known.tags),
                               sorted((slug, sorted(ids)) for slug, ids in known.annotations.items()),
                               listed(known.unread), listed(known.unknowable), listed(known.possible_entities)))


def _file_checked(known: Names, urls: Urls, pair: tuple[ArticleMeta, tuple]) -> list[Problem]:
    """The "references" step's work: one article file's links checked (`_article`), its targets found."""
    return _article(pair[0], known, urls, pair[1])


def _file_key(named: str, base: str, pair: tuple[ArticleMeta, tuple]) -> object:
    """One article file's checks are named by what made its metadata, what references may name and the base."""
    return _link_key(pair[0]), named, base


def _targets(meta: ArticleMeta) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The link targets of one article file's summary and of each annotation's note (markdown.link_targets:
    parsing the notes that hold links is most of what checking them costs)."""
    return link_targets(meta.summary, False), tuple(link_targets(ann.note, True) for ann in meta.annotations)


def _field_targets(field: tuple[str, bool]) -> tuple[str, ...]:
    """The link targets of a Markdown field outside the article files: (its text, whether it is a note)."""
    return link_targets(*field)


def _article(meta: ArticleMeta, known: Names, urls: Urls,
             targets: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]) -> list[Problem]:
    """The links of one article file's summary and notes (`targets`: what `_targets` finds in them)."""
    where = meta.summary_origin or meta.origin
    problems = list(_markdown(meta.summary, where, "a summary", False, known, urls, targets=targets[0]))
    problems += link_markup(meta.summary, where, "a summary")
    for ann, found in zip(meta.annotations, targets[1]):
        page = _Page(meta.slug, bool(ann.tags or ann.date))
        problems += _markdown(ann.note, ann.note_origin or ann.origin, "a note", True, known, urls, page, found)
        problems += note_markup(ann.note, ann.note_origin or ann.origin)
    return problems


def check_references(dossier: Dossier, each: Each = in_sequence) -> list[Problem]:
    """Every witness article, comparison base and Markdown link of the dossier, checked. The link targets of
    each article file's Markdown are found through `each` (the preview's memo or the command line's cache keep
    them), named by the digest of what made its metadata."""
    return checked_references(dossier, each)[0]


def checked_references(dossier: Dossier, each: Each = in_sequence) -> tuple[list[Problem], Names]:
    """`check_references`, and what a reference may name in this dossier (which `check_file` takes)."""
    metas = _metas(dossier)
    found = by_difference(each, "note-links", _targets, _link_key, metas, [m.origin.file for m in metas],
                          [None] * len(metas))
    known = _known(dossier, metas)
    if _LAST_KNOWN and _LAST_KNOWN[0] == known:
        known = _LAST_KNOWN[0]
    _LAST_KNOWN[:] = [known]
    urls = Urls(dossier.config.base_path)
    _NAMED.new_build()
    named = _NAMED.get("names", (known,), lambda: _names_digest(known))
    # (each file's checks through `each`: the command line's cache keeps them, 0.36 s of a build at 5,000
    # articles; the live preview's memo checks again only the file saved, unless what may be named changed)
    checked = by_difference(each, "references", partial(_file_checked, known, urls),
                            partial(_file_key, named, urls.base), list(zip(metas, found)),
                            [m.origin.file for m in metas], [(named, urls.base)] * len(metas), sources=metas)
    problems: list[Problem] = [p for more in checked for p in more]
    for c in dossier.comparisons:
        problems += _comparison(c, known, urls)
    config = dossier.config
    noted = [s for s in dossier.sources if s.note and s.note_origin is not None]
    # (the other Markdown fields' link targets through `each` too: parsing the entities' summaries took 6 ms of a
    # rebuild of the repo's dossier)
    fields = [(e.summary, False) for e in dossier.entities] + [(s.note, True) for s in noted] + \
        [(config.description, False)]
    targets = iter(each("field-links", _field_targets, lambda field: field, fields))
    for e in dossier.entities:
        problems += _markdown(e.summary, e.summary_origin or e.origin, "a summary", False, known, urls,
                              targets=next(targets))
        problems += link_markup(e.summary, e.summary_origin or e.origin, "a summary")
        problems += _roles(e, known, dossier.entities)
    for s in noted:
        problems += _markdown(s.note, s.note_origin, "an outlet's note", True, known, urls, targets=next(targets))
        problems += note_markup(s.note, s.note_origin, "an outlet's note")
    where = Origin("site.yaml", *config.description_at, raw=config.description_raw)
    problems += _markdown(config.description, where, "the description", False, known, urls, targets=next(targets))
    problems += link_markup(config.description, where, "the description")
    return problems + tag_clashes(metas), known


def check_file(dossier: Dossier, path: str, known: Names, each: Each = in_sequence) -> list[Problem]:
    """What `check_references` finds in the one article or comparison file at `path`, `known` being what may be
    named (`checked_references`'). When every other file is as it was and `known` is still what may be named
    (the file kept its slug or id, its annotation ids and its tags), the other files' references are as good as
    they were: the live preview checks only the file saved before showing its page (execute/ahead.py)."""
    urls = Urls(dossier.config.base_path)
    for c in dossier.comparisons:
        if c.origin.file == path:
            return _comparison(c, known, urls)
    for meta in chain((a.meta for a in dossier.articles), dossier.detached):
        if meta.origin.file == path:
            return _article(meta, known, urls, each("note-links", _targets, _link_key, [meta])[0])
    return []


def _link_key(meta: ArticleMeta) -> object:
    """An article file's link targets are named by the digest of what made its metadata (else by itself)."""
    return meta.made or meta


def _comparison(c: Comparison, known: Names, urls: Urls) -> list[Problem]:
    """A comparison's witness articles, their notes' links, its base and its summary's links."""
    problems: list[Problem] = []
    for w in c.witnesses:
        at = w.article_origin or w.origin
        if w.article not in known.articles and w.article not in known.unusable_articles and \
                "article" not in known.unknowable:
            others = {x.article for x in c.witnesses if x.article != w.article}
            problems.append(error(at.file, at.line, at.col, f'comparison "{c.id}": unknown article "{w.article}"',
                                  witness_hint(w.article, others, known.articles, known.outlets),
                                  "witness-unknown-article"))
        problems += _markdown(w.note, w.note_origin or w.origin, "a note", True, known, urls)
        problems += note_markup(w.note, w.note_origin or w.origin, "a witness's note")
    slugs = [w.article for w in c.witnesses]
    # Not said when a witness's own mistake explains it: a witness left out (when the base names an article, the
    # one it may be), or one naming an unknown article that is a misspelling of the base, a known one (the base
    # is then right, and its hint would offer the typo). A base that names no article is said all the same.
    unknown = [s for s in slugs if s not in known.articles and s not in known.unusable_articles]
    real = c.base in known.articles or c.base in known.unusable_articles or "article" in known.unknowable
    if c.base and c.base not in slugs and not (c.incomplete and real or (c.base in known.articles and unknown and
                                                                          did_you_mean(c.base, unknown))):
        at = c.base_origin or c.origin
        problems.append(error(at.file, at.line, at.col,
                              f'comparison "{c.id}": base "{c.base}" is not one of its witnesses',
                              did_you_mean(c.base, slugs) or (did_you_mean(c.base, known.articles) if c.incomplete
                                                              else "") or
                              ("use one of: " + ", ".join(slugs) if slugs else "add the witnesses first"),
                              "comparison-base"))
    problems += _markdown(c.summary, c.summary_origin or c.origin, "a summary", False, known, urls)
    problems += link_markup(c.summary, c.summary_origin or c.origin, "a summary")
    return problems


@frozen
class _Page:
    """An annotation's note: the article it belongs to, and whether it is also shown on other pages (tag pages
    for its tags, the timeline for its date), where a bare #fragment would point into the wrong page."""

    slug: str
    elsewhere: bool



def _roles(entity: Entity, known: Names, entities: Sequence[Entity]) -> Iterable[Problem]:
    """A role's `of:` is an entity id or text shown as written; one written as an id (lower-case letters, digits
    and hyphens: a name in words has a capital or a space) that names no entity would be published as that raw
    slug: a warning, with did-you-mean, or the entity it is a name of (an entity renamed, its roles left: review
    146), or the name in words. Before, only a slug with a hyphen, one close to a known id or one annotations
    named was said (review 87): `of: israel`, its entity renamed state-of-israel, was published as "israel"."""
    if known.entities is None:
        return
    for role in entity.roles:
        if not role.of or known.names_entity(role.of) or not is_slug(role.of):
            continue  # (an entity's id, or text: the did-you-mean is asked only of a slug that is no id)
        at = role.of_origin or entity.origin
        yield warning(at.file, at.line, at.col, f'role "of: {role.of}" names no entity, so it is shown as '
                      "written", _of_hint(role.of, known, entities), "role-of-unknown")


def _of_hint(ref: str, known: Names, entities: Sequence[Entity]) -> str:
    """did-you-mean by id, then the entity `ref` is one of the names of written as an id, else what to write."""
    close = did_you_mean(ref, suggestible(known.entities or ()))
    if close:
        return close
    named = sorted({e.id for e in entities for n in e.all_names if slugify(n, "") == ref})
    if len(named) == 1:
        return f'did you mean "{named[0]}"? ("{ref}" is one of its names)'
    return f"write an entity id from {known.entities_in.one}, or the name in words"


def _markdown(text: str, origin: Origin, what: str, note: bool, known: Names, urls: Urls,
              page: _Page | None = None, targets: tuple[str, ...] | None = None) -> Iterable[Problem]:
    """The link targets of one Markdown field (`targets`: when found already): refused ones, and internal ones
    that name nothing."""
    seen: dict[str, int] = {}
    for target in link_targets(text, note) if targets is None else targets:
        at = _link_at(origin, target, seen.get(target, 0))
        seen[target] = seen.get(target, 0) + 1
        if urls.resolve_note_link(target) is None:
            yield refused(target, at, what, known)
            continue
        found = _named(_site_relative(target.strip(), urls.base), known, page)
        if found:
            yield error(at.file, at.line, at.col, f'link "{target}": {found[0]}', found[1], "links")


def _link_at(origin: Origin, target: str, nth: int) -> Origin:
    """Where the `nth` link to `target` is written: after its "](" when it is an inline link (so that a target
    that is part of an earlier, longer one is not found inside it), else wherever the text is written."""
    inline = origin.inside("](" + target, nth)
    if (inline.line, inline.col) != (origin.line, origin.col):
        return Origin(inline.file, inline.line, inline.col + 2)
    plain = origin.inside(target, nth)
    if (plain.line, plain.col) != (origin.line, origin.col):
        return plain
    # written otherwise than it reads: with character references ("java&#09;script:", "&#106;avascript:")
    from html import unescape

    written = [m.group(1) for m in _DESTINATION.finditer(origin.raw) if unescape(m.group(1).strip("<>")) == target]
    if nth < len(written):
        at = origin.inside("](" + written[nth], written[:nth].count(written[nth]))
        return Origin(at.file, at.line, at.col + 2)
    return origin


_DESTINATION = re.compile(r"\]\((<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))+)")


def _site_relative(target: str, base: str) -> str:
    """A site path written with the site's base path (/dossier/articles/x/) as the same path without it
    (/articles/x/), so that both forms are checked alike."""
    return "/" + target[len(base):] if base != "/" and target.startswith(base) else target


def _named(target: str, known: Names, page: _Page | None) -> tuple[str, str] | None:
    """(message, hint) when an internal link, a site path to a named page, or a note's bare #fragment names
    nothing or cannot work; None otherwise."""
    # a site path to a page of something an editor names is checked like the internal link to it (other site
    # paths are checked in the built site, execute/linkcheck.py)
    named, path = internal_link(target), named_page(target)
    if named or path:
        return _internal(*(named or path), known, as_path=not named)
    tag = _TAG_PATH.match(target)
    if tag and not is_slug(tag.group(1)):  # (a tag's page as its tag is written: /tags/Économie/)
        name = unquote(tag.group(1))
        return ("no tag's page is named so (a tag's page is named in lower-case letters, digits and hyphens)",
                f'did you mean "/tags/{tag_page(name)}/"? (tag:{tag_page(name)} names it too)')
    if RELATIVE.match(target):
        return relative(target, page.slug if page is not None else None, lambda *named: _internal(*named, known, True))
    if page is None or not target.startswith("#"):
        return None
    fragment, ids = target[1:], known.annotations.get(page.slug, frozenset())
    if fragment.startswith("a-") and fragment[2:] not in ids:
        return (f'article "{page.slug}" has no annotation "{fragment[2:]}"',
                did_you_mean(fragment[2:], ids, True) or "#a-<id> names an annotation id of this article")
    if page.elsewhere:
        return ("this note is also shown on tag pages or the timeline, where a bare #fragment points into that "
                "page", f"name the article too: article:{page.slug}#{fragment}")
    return None


_TAG_PATH = re.compile(r"^/tags/([^/#?]+)/(?:index\.html)?(?:#.*)?$")
def _internal(kind: str, ident: str, fragment: str, known: Names, as_path: bool = False) -> tuple[str, str] | None:
    """(message, hint) when `kind:ident#fragment` (`as_path`: its page's site path) names nothing; None when it
    exists or cannot be judged."""
    if kind in known.unknowable:  # (its files may be in a folder not read)
        return None
    if kind == "article":
        if ident in known.unusable_articles:
            return None
        if ident not in known.articles:
            return f'unknown article "{ident}"', other_kind(kind, ident, fragment, known) or \
                did_you_mean(ident, known.articles) or "article links name a file in content/articles/ without .yaml"
        ids = known.annotations.get(ident, frozenset())
        if fragment.startswith("a-") and fragment[2:] not in ids and ident not in known.unread:
            return (f'article "{ident}" has no annotation "{fragment[2:]}"',
                    did_you_mean(fragment[2:], ids, True) or "#a-<id> names an annotation id of that article")
        return None
    if kind == "entity":
        if known.names_entity(ident):
            return None
        return f'unknown entity "{ident}"', other_kind(kind, ident, fragment, known) or \
            did_you_mean(ident, suggestible(known.entities)) or f"entity ids are the keys of {known.entities_in.every}"
    if kind == "compare":
        if ident in known.comparisons or ident in known.unusable_comparisons:
            return None
        # (an id without its first words is offered too: compare:do-it-alone for netanyahu-do-it-alone, review 116;
        # one without its last ones may be a file renamed since, renamed_comparison.py)
        shortened = ending(ident, known.comparisons)
        # (a name of another kind, compare:<an article's slug>, is offered first: the kind was the slip, review 127)
        return f'unknown comparison "{ident}"', other_kind(kind, ident, fragment, known) or \
            did_you_mean(ident, known.comparisons) or \
            (f'did you mean "{shortened}"?' if shortened else "") or \
            "comparison links name a file in content/comparisons/ without .yaml"
    return tag_named(ident, known, as_path)  # (tag:aux names the tag's page, aux-…; /tags/aux/ no page)
