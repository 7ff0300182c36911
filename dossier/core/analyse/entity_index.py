"""Entities analysed: every mention found, its link and hovercard, quotes by speaker, co-occurrence.

Part of the analysis (library.py): runs once per build, before anything is planned or rendered.
"""

from __future__ import annotations

from dataclasses import field
from functools import partial
from typing import Any, Hashable, Iterable, Mapping, Sequence
from weakref import WeakKeyDictionary

from .entity_graph import cooccurrence
from .entity_places import Place, article_places
from .entity_links import build_matcher, check_entities, check_references, link_article
from .entity_quotes import QuoteGroup, quote_groups, witness_ranges
from ..common.errors import Problem
from ..common.identity import SameObjects
from ..text.markdown import LinkMark, md_html
from ..common.memo import Memo, by_difference, digest, made_from, memo_of
from ..common.packed import Packed, unread
from .mention_changes import changed_keys, names_none, what_find_reads
from .mentions import MentionMatcher, sentence_spans
from ..load.model import Article, Dossier
from ..common.shards import Each, in_sequence
from ..common.urls import Urls
from ..common.records import frozen

__all__ = ["EntityIndex", "index_entities"]


@frozen
class EntityIndex:
    """What the entity feature contributes. links: article slug → mention links (an article page's hovercards
    count them in the browser, static/entities.js).

    Invariant: links[slug] are the article's mentions in text order (link k has id "m-<k+1>"); places[slug]
    are cut from the same mentions; every entity id in them, in quotes and pairs is registered.
    """

    links: dict[str, Sequence[LinkMark]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    places: dict[str, dict[str, Place]] = field(default_factory=dict)   # slug → entity id → where it names it
    summaries: dict[str, str] = field(default_factory=dict)      # entity id → summary HTML
    quotes: dict[str, tuple[QuoteGroup, ...]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)   # co-occurrence by sentence
    registry: str = ""   # a digest of what the matcher is made of (every entity's id, names and exclusions)


class MentionLinks(Packed[LinkMark]):
    """An article's mention links (LinkMark), in a type of their own: made once per article's text and what the
    matcher's `find` reads of the registry for it (mention_changes.what_find_reads) by the "mentions" step and kept
    by the memo or cache, they are part of that article's page input every build. `digest` names what the step
    made them from ("" when unknown), so a page key (execute/keys.py) writes that instead of every link, also when
    the cache has just read them back. `entities`: each link's
    entity, in order, read without making the links (Packed: they stay pickled until a page that shows them
    reads them; the entity pages count mentions by these, and an article's input lists whom it names)."""

    __slots__ = ("digest", "entities")

    def __init__(self, marks: Iterable[LinkMark] = (), digest: str = "") -> None:
        super().__init__(marks)
        self.digest = digest
        self.entities: tuple[str, ...] = tuple(m.entity for m in self.opened())

    def __len__(self) -> int:
        return len(self.entities)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _links_again, (self.pickled_items(), self.digest, self.entities)


def _links_again(pickled: bytes, digest: str, entities: tuple[str, ...]) -> MentionLinks:
    """MentionLinks read back from the cache: its entities and digest, its links still pickled."""
    made = unread(MentionLinks, pickled)
    made.digest, made.entities = digest, entities
    return made


def _mentions(matcher: MentionMatcher, urls: Urls, article: Article
              ) -> tuple[MentionLinks, dict[str, Place], dict[tuple[str, str], int]]:
    """One article's mention links (one per mention, in text order), where it names each entity
    (entity_places.py: what the entity pages show of it) and its co-occurrence counts
    (entity_graph.cooccurrence), which the dossier's are the sum of. Its sentences are cut only when it mentions
    anyone. The links and places carry a digest of what they are: the article's slug, its text (by the digest
    of what made it, when known) and the links themselves, of which the places are cut. So an edit of the
    entities that leaves an article's links as they were (an alias found nowhere, a summary) leaves the digest,
    and the keys of the pages that show them, as they were."""
    text = article.text
    paragraphs = tuple((p.start, p.start + len(p.text)) for p in text.paragraphs)
    found, marks = link_article(text.text, paragraphs, article.slug, matcher, urls.entity)
    # (a text's sentences, kept while it is the same object: an entity edit in the live preview finds the mentions
    # again in the articles that have a changed alias, whose texts did not change)
    spans = _SENTENCES.get(article.slug, (text,), lambda: sentence_spans(text.text)) if found else ()
    made = made_from("mentions", (article.slug, text.made or text, marks))
    return (MentionLinks(marks, made), article_places(article.slug, text.text, found, spans, made),
            cooccurrence([(spans, found)]))


# What is made of the entities alone (identity.py): the matcher and the registry's digest
_KEPT: SameObjects[Any] = SameObjects()
# Each article text's sentences, by slug: one entry a slug, replaced when its text changes, and never swept (the
# builds that use it are the few that find mentions again, so a sweep at every build would empty it)
_SENTENCES: SameObjects[tuple[tuple[int, int], ...]] = SameObjects()


# The live preview's last build: its memo, matcher, and for each article text (by id) the text and what `find` read
# of that matcher for it (mention_changes.what_find_reads). After an edit of the entities, a text that is the very
# same object and has none of the alias keys the edit changed has the same (mention_changes.py), without being read
# for every key. Kept for the next build with the same memo alone (which hands the same texts back), and as long as
# that memo lives: a build without one, the command line's, neither keeps nor finds any.
_LAST: WeakKeyDictionary[Memo, tuple[MentionMatcher, dict[int, tuple[Any, str]]]] = WeakKeyDictionary()


def _reads_work(memo: Memo | None, matcher: MentionMatcher) -> Any:
    """The "mention-reads" step's work for this build: what `find` reads of the matcher for a text, or where the
    last build with this `memo` had a matcher that differs from this one in a few alias keys, `_reads_again`."""
    last = _LAST.get(memo) if memo is not None else None
    if last is not None and last[0] is not matcher:
        keys = changed_keys(matcher, last[0])
        if keys is not None:
            return partial(_reads_again, matcher, keys, last[1])
    return partial(_reads, matcher)


def _reads(matcher: MentionMatcher, text: Any) -> str:
    return what_find_reads(matcher, text.text)


def _reads_again(matcher: MentionMatcher, keys: frozenset[str], last: dict[int, tuple[Any, str]], text: Any) -> str:
    """`_reads` of the text, or the last build's when the text is the very same and none of the alias keys `keys`
    occurs in it: the keys that occur in it are the same, and so are their entries (mention_changes.py)."""
    kept = last.get(id(text))
    if kept is not None and kept[0] is text and names_none(keys, text.text):
        return kept[1]
    return _reads(matcher, text)


def _summary_html(summary: str, urls: Urls) -> str:
    return md_html(summary, urls)[0]


def index_entities(dossier: Dossier, anchored: Sequence[Any], urls: Urls, each: Each = in_sequence,
                   witnesses: Mapping[Any, Any] | None = None) -> EntityIndex:
    """Every reference to an entity checked, every mention found with one matcher for the whole dossier (each
    article through `each`): the links of each article, and what the entity pages show
    (mentions, quotes, co-occurrence). `witnesses`: the witnesses' anchoring (witnesses.anchor_witnesses)."""
    problems = check_references(dossier)
    _KEPT.new_build()
    # the matcher is made of the entities, so their digest is part of every key; both kept while the entities
    # are the same objects (the live preview's memo hands them back while entities.yaml is unchanged)
    matcher = _KEPT.get("matcher", tuple(dossier.entities), lambda: build_matcher(dossier.entities))
    registry = _KEPT.get("registry", (matcher,), lambda: digest(repr(matcher.made_of)))
    problems += check_entities(dossier, matcher)

    articles = [item.article for item in anchored]
    slugs = tuple(article.slug for article in articles)
    written = [article.text for article in articles]
    memo = memo_of(each)   # (the live preview's Memo: `_LAST` is kept for its next build alone)
    # What `find` reads of the matcher for each text: an article's mentions are keyed by that, not by the whole
    # matcher, so that an edit of the entities finds them again only where it may change them (mention_changes.py).
    # A text by the digest of what made it when known, else itself (it keeps its hash, hashonce.py)
    reads = by_difference(each, "mention-reads", _reads_work(memo, matcher), lambda text: (text.made or text, registry),
                          written, slugs, [registry] * len(written))
    if memo is not None:
        _LAST[memo] = (matcher, {id(text): (text, read) for text, read in zip(written, reads)})
    read_of = dict(zip(slugs, reads))

    def article_key(article: Article) -> Hashable:
        # (its cleaned text whole, text and paragraphs, and what find reads of the matcher for it: what _mentions
        # reads)
        return article.slug, article.text.made or article.text, read_of[article.slug], urls.base

    found_all = by_difference(each, "mentions", partial(_mentions, matcher, urls), article_key, articles, slugs,
                              [(read, urls.base) for read in reads])
    # Each summary's HTML through `each` (its links: references.py): the command line's cache keeps it, where
    # rendering the 500 summaries of a generated dossier took 23 ms of every build
    texts = [e.summary for e in dossier.entities]
    summaries = dict(zip((e.id for e in dossier.entities),
                         each("summary", partial(_summary_html, urls=urls), lambda text: (text, urls.base), texts)))
    by_id = {e.id: e for e in dossier.entities}
    # The sums over every article, kept while each article's mentions are the very same (a note saved in the
    # live preview changes none: the memo hands every article's back)
    links, places, pairs = _KEPT.get(("mentions", slugs), tuple(found_all), partial(_sums, slugs, found_all))
    # An unknown speaker is an error unless site.yaml lowers `entities-unknown`; its quotes have no page.
    quotes = {k: v for k, v in quote_groups(dossier, anchored, witness_ranges(dossier, witnesses)).items() if k in by_id}
    return EntityIndex(links, tuple(problems), places, summaries, quotes, pairs, registry)


def _sums(slugs: Sequence[str], found_all: Sequence[tuple[MentionLinks, dict[str, Place], dict[tuple[str, str], int]]]
          ) -> tuple[dict[str, Sequence[LinkMark]], dict[str, dict[str, Place]], dict[tuple[str, str], int]]:
    """Each article's links and places by slug, and the dossier's co-occurrence counts (summed in slug
    order)."""
    links: dict[str, Sequence[LinkMark]] = {}
    places: dict[str, dict[str, Place]] = {}
    article_pairs: dict[str, dict[tuple[str, str], int]] = {}
    for slug, (marks, placed, counted) in zip(slugs, found_all):
        article_pairs[slug] = counted
        links[slug], places[slug] = marks, placed
    pairs: dict[tuple[str, str], int] = {}  # (in the order of cooccurrence over the articles in slug order)
    for slug in sorted(article_pairs):
        for pair, n in article_pairs[slug].items():
            pairs[pair] = pairs.get(pair, 0) + n
    return links, places, pairs
