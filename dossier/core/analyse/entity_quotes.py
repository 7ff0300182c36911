"""Quotes attributed to an entity, grouped so that the same quote from several outlets sits together.

An annotation with a `speaker` belongs to the quote comparison whose witness it overlaps in the same article
(the editors already said those quotes are one statement; a figure or framing comparison that happens to
overlap says nothing about who spoke); otherwise to the group of annotations with the
same quote text, compared without case, punctuation and typography. A comparison with a `speaker` also
contributes its witnesses that no annotation by that speaker covers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache, partial
from typing import Any

from .anchors import anchor_quote
from .mentions import match_key
from ..common.direction import paragraph_direction
from ..common.identity import SameObjects
from ..load.model import Dossier
from ..common.records import frozen

__all__ = ["QuoteGroup", "QuoteItem", "normalised_quote", "quote_groups", "witness_ranges"]

_NOT_WORD = re.compile(r"[\W_]+")


@frozen
class QuoteItem:
    """One outlet's wording. `annotation` is the annotation id, or "" for a comparison witness.
    Invariant: 0 <= start < end <= len(article text); quote is the article's text[start:end]; `direction` is
    its paragraph's there (direction.paragraph_direction), which the entity page writes as its `dir`."""

    article: str
    annotation: str
    start: int
    end: int
    quote: str
    direction: str = ""


@frozen
class QuoteGroup:
    """Quotes of one statement. `comparison` is the comparison id, or "" for a group by quote text.
    Invariant: items is non-empty, in article order, at most one per (article, annotation)."""

    comparison: str
    items: tuple[QuoteItem, ...]


@lru_cache(maxsize=1 << 16)
def normalised_quote(text: str) -> str:
    """Grouping key for quote text: typography and case folded, punctuation dropped, words single-spaced.
    Remembered by text (a pure function of it): the live preview groups every quote again at each save."""
    return " ".join(_NOT_WORD.sub(" ", match_key(text)).split())


def witness_ranges(dossier: Dossier, found: Mapping[tuple[str, str, str | None, str | None], Any] | None = None
                   ) -> dict[str, list[tuple[int, int, str]]]:
    """article slug → (start, end, comparison id) of every witness of a quote comparison that anchors.
    Witnesses that do not anchor are the comparison feature's to report; here they are simply absent.
    `found`: the witnesses' anchoring by (article, quote, prefix, suffix), when done already."""
    texts = {a.slug: a.text.text for a in dossier.articles}
    out: dict[str, list[tuple[int, int, str]]] = {}
    for comp in dossier.comparisons:
        if comp.kind != "quote":        # only quote comparisons group quotes (see quote_groups)
            continue
        for w in comp.witnesses:
            if w.article not in texts:
                continue
            result = (found or {}).get((w.article, w.quote, w.prefix, w.suffix)) or \
                anchor_quote(texts[w.article], w.quote, w.prefix, w.suffix, fuzzy_floor=dossier.config.fuzzy_floor)
            if result.status in ("exact", "disambiguated", "fuzzy") and result.start is not None \
                    and result.end is not None:
                out.setdefault(w.article, []).append((result.start, result.end, comp.id))
    return out


def _best_comparison(start: int, end: int, ranges: Sequence[tuple[int, int, str]],
                     speakers: Mapping[str, str], speaker: str) -> str:
    """The quote comparison whose witness overlaps [start, end) most; one about someone else is skipped.
    `speakers` holds quote comparisons only (id → speaker, "" when unnamed)."""
    best: tuple[int, str] | None = None
    for s, e, comp in ranges:
        overlap = min(e, end) - max(s, start)
        if overlap <= 0 or comp not in speakers or speakers[comp] not in ("", speaker):
            continue
        if best is None or (overlap, comp) > best:
            best = (overlap, comp)
    return best[1] if best else ""


# Each article's quotes with a speaker, kept while its analysis is the very same (identity.py): the live
# preview's memo hands back the analysis of every article that was not saved
_KEPT: SameObjects[tuple[tuple[str, QuoteItem, str], ...]] = SameObjects()


def _spoken(item: Any) -> tuple[tuple[str, QuoteItem, str], ...]:
    """(speaker, the quote, its grouping key) of each annotation of an analysed article that names a speaker
    and is placed, in the article file's order."""
    slug, text = item.article.slug, item.article.text.text
    out = []
    for ann in item.article.meta.annotations:
        where = item.placed.get(ann.id)
        if ann.speaker and where is not None:
            quote = text[where.start:where.end]
            out.append((ann.speaker, QuoteItem(slug, ann.id, where.start, where.end, quote,
                                                  paragraph_direction(text, where.start)), normalised_quote(quote)))
    return tuple(out)


def quote_groups(dossier: Dossier, anchored: Sequence[Any],
                 ranges: Mapping[str, Sequence[tuple[int, int, str]]]) -> dict[str, tuple[QuoteGroup, ...]]:
    """entity id → its quote groups, ordered by the first article (dossier order) in which each appears."""
    order = {item.article.slug: i for i, item in enumerate(anchored)}
    texts = {item.article.slug: item.article.text.text for item in anchored}
    speakers = {c.id: c.speaker for c in dossier.comparisons if c.kind == "quote"}
    groups: dict[str, dict[tuple[str, str], list[QuoteItem]]] = {}
    _KEPT.new_build()
    for item in anchored:
        slug = item.article.slug
        for speaker, quoted, normal in _KEPT.get(slug, (item,), partial(_spoken, item)):
            comp = _best_comparison(quoted.start, quoted.end, ranges.get(slug, ()), speakers, speaker)
            key = ("compare", comp) if comp else ("text", normal)
            groups.setdefault(speaker, {}).setdefault(key, []).append(quoted)
    by_comparison: dict[str, list[tuple[str, int, int]]] = {}
    for slug, spans in sorted(ranges.items()):
        for s, e, cid in spans:
            by_comparison.setdefault(cid, []).append((slug, s, e))
    for comp in dossier.comparisons:
        if not comp.speaker or comp.id not in speakers:
            continue
        items = groups.setdefault(comp.speaker, {}).setdefault(("compare", comp.id), [])
        for slug, s, e in by_comparison.get(comp.id, ()):
            covered = any(i.article == slug and i.start < e and s < i.end for i in items)
            if slug in texts and not covered:
                items.append(QuoteItem(slug, "", s, e, texts[slug][s:e], paragraph_direction(texts[slug], s)))
    out: dict[str, tuple[QuoteGroup, ...]] = {}
    for speaker, by_key in groups.items():
        made = []
        for (kind, value), items in by_key.items():
            if not items:
                continue
            items.sort(key=lambda i: (order.get(i.article, len(order)), i.start, i.annotation))
            made.append(QuoteGroup(value if kind == "compare" else "", tuple(items)))
        made.sort(key=lambda g: (order.get(g.items[0].article, len(order)), g.items[0].start, g.comparison))
        if made:
            out[speaker] = tuple(made)
    return out
