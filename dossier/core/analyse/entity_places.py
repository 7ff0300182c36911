"""Where an article names each entity: the names as written and the sentences that hold them.

Part of each article's "mentions" step (entity_index.py), so it is computed once per article's text and
registry and kept with its mentions by the live preview's memo and the persistent cache: an entity page
(plan/entity_pages.py) gathers its places from the articles that name it, and an edit to one article's notes
recomputes no article's places.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import field

from .mentions import Mention, sentence_around
from ..common.direction import paragraph_direction
from ..common.packed import Packed
from ..common.records import record

__all__ = ["Place", "Sentence", "article_places"]


@record
class Sentence:
    """A sentence of an article that names an entity: `first`, the index of the first mention of it there
    (its link is #m-<first+1>), how many mentions it holds, its text, the mentions' spans in that text, and the
    direction of its paragraph in the article (direction.paragraph_direction), which the entity page writes as
    its `dir` where that is another than the site's (interface.site_relative), not its own first letter's."""

    first: int
    count: int
    text: str
    marks: tuple[tuple[int, int], ...]
    direction: str


@record
class Place:
    """An article that names an entity: the name as written at each mention, the sentences that hold them, and
    the direction of the paragraph of each mention (`directions`, one for each of `surfaces`: its sentence's)."""

    slug: str
    surfaces: tuple[str, ...]
    sentences: Sequence[Sentence]   # (Packed by article_places: made when an entity page reads them)
    directions: tuple[str, ...]
    # A digest of what it was made from (the article's "mentions" step and the entity), "" when unknown: a
    # page key writes it instead of the sentences (execute/keys.py). Not part of the value's equality.
    digest: str = field(default="", compare=False)


def article_places(slug: str, text: str, found: Sequence[Mention], spans: Sequence[tuple[int, int]],
                   made_from: str = "") -> dict[str, Place]:
    """Entity id → its Place in this article (`found`: the article's mentions in text order; `spans`: its
    sentences, sentence_spans), in the order of each entity's first mention. `made_from`: a digest naming
    everything these were made from ("" when unknown), which each Place's digest extends with its entity."""
    by_entity: dict[str, list[int]] = {}
    for k, m in enumerate(found):
        by_entity.setdefault(m.entity, []).append(k)
    # One string for each piece of text written more than once (a name at each mention, a sentence naming two
    # entities): at 1,000 articles they took 12 MiB, now 6.6, which a build that made them holds (twice while
    # rendering: the worker's copy of each memory page it touches, parallel.py). Read back from the cache, each
    # place's sentences are their own pickle (Packed): a sentence naming two entities is then two strings, made
    # only when an entity page reads them.
    pieces: dict[str, str] = {}

    def one(start: int, end: int) -> str:
        piece = text[start:end]
        return pieces.setdefault(piece, piece)

    return {entity: _place(slug, ks, one, found, _sentences(text, spans, found, ks),
                           f"{made_from}:{entity}" if made_from else "", text)
            for entity, ks in by_entity.items()}


def _place(slug: str, ks: Sequence[int], one: Callable[[int, int], str], found: Sequence[Mention],
           groups: dict[tuple[int, int], list[int]], made_from: str, text: str) -> Place:
    # (a sentence's paragraph is its first mention's: a sentence ends at a blank line, sentence_spans)
    directions = {span: paragraph_direction(text, found[group[0]].start) for span, group in groups.items()}
    sentences = Packed(Sentence(group[0], len(group), one(s, end),
                                tuple((found[k].start - s, found[k].end - s) for k in group), directions[s, end])
                       for (s, end), group in groups.items())
    of_mention = {k: directions[span] for span, group in groups.items() for k in group}
    return Place(slug, tuple(one(found[k].start, found[k].end) for k in ks), sentences,
                 tuple(of_mention[k] for k in ks), made_from)


def _sentences(text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[Mention],
               ks: Sequence[int]) -> dict[tuple[int, int], list[int]]:
    """Mentions (by index) grouped by the sentence that holds them, in text order. `spans` are the article's
    sentences (cut once per article); a mention that a boundary splits gets its own from sentence_around."""
    starts = [s for s, _ in spans]
    out: dict[tuple[int, int], list[int]] = {}
    for k in ks:
        m = mentions[k]
        i = bisect_right(starts, m.start) - 1
        span = spans[i] if i >= 0 and spans[i][1] >= m.end else sentence_around(text, m.start, m.end)
        out.setdefault(span, []).append(k)
    return out
