"""Article files whose `seed:` lines were swapped: said once at each of those lines, not at each quote.

Swapping the `seed:` lines of two article files (review 151: jpost-go-it-alone.yaml and ynet-rafah-rift.yaml) was 64
errors "quote not found", 38 at the two articles' annotations and 26 at the witnesses naming them, each hinted to move
the annotation to the other file (elsewhere.py): following them would have moved every annotation, and every witness,
to the article whose text its file does not describe. The mistake is one line in each file. When most quotes of an
article (its annotations' and those of the witnesses naming it) are not found in its text, and the seed of another
such article holds at least half of them, more than its own text does and more than any other such article's seed,
while that article's quotes are, the same way, in this one's seed (or, around a longer ring, in the seed of the next
one), the seeds were written each in the other's file: one error at each `seed:` line, naming the seed to write, and
the problems of those articles' quotes (anchor-*) said by it: an error, as a quote not found is (each article would
be published with another's text). A copy of the same wire story holds another's quotes as well as its own, so its
own text is never beaten. Pure.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..common.errors import Problem, error
from .elsewhere import flat
from ..load.model import Article, Dossier

__all__ = ["said_at_swapped_seeds"]

Place = tuple[str, int, int]


def _quotes(dossier: Dossier) -> dict[str, list[tuple[str, set[Place]]]]:
    """Each article's quotes (its annotations', the witnesses' naming it), with where their problems are said: the
    quote's place, and its prefix's and suffix's."""
    def at(*origins: object) -> set[Place]:
        return {(o.file, o.line, o.col) for o in origins if o is not None}  # type: ignore[attr-defined]

    found = {a.slug: [(n.quote, at(n.origin, n.prefix_origin, n.suffix_origin)) for n in a.meta.annotations]
             for a in dossier.articles}
    for c in dossier.comparisons:
        for w in c.witnesses:
            if w.article in found:
                found[w.article].append((w.quote, at(w.origin, w.prefix_origin, w.suffix_origin)))
    return {slug: [(quote, places) for quote, places in quotes if quote.strip()] for slug, quotes in found.items()}


def said_at_swapped_seeds(problems: Sequence[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` with those of the quotes of articles whose seeds were swapped said at their `seed:` lines (see the
    module docstring)."""
    anchored = {(p.file, p.line, p.col) for p in problems if p.check.startswith("anchor-")}
    if not anchored:
        return list(problems)
    every = _quotes(dossier)
    # (an article most of whose quotes have problems: only those may have another's seed)
    lost = [a for a in dossier.articles if every[a.slug] and
            2 * sum(bool(places & anchored) for _, places in every[a.slug]) > len(every[a.slug])]
    if len(lost) < 2:
        return list(problems)
    quoted = {a.slug: [(flat(quote), places) for quote, places in every[a.slug]] for a in lost}
    texts = {a.slug: flat(a.text.text) for a in lost}
    held = {(a.slug, b.slug): sum(q in texts[b.slug] for q, _ in quoted[a.slug]) for a in lost for b in lost}
    rings = _rings(lost, held, quoted)
    if not rings:
        return list(problems)
    said = {place for ring in rings for a in ring for _, places in quoted[a.slug] for place in places}

    def folded(p: Problem) -> bool:
        return p.check.startswith("anchor-") and (p.file, p.line, p.col) in said

    gone = [p for p in problems if folded(p)]
    return [*(_at_seed(ring, k, held, quoted, gone) for ring in rings for k in range(len(ring))),
            *(p for p in problems if not folded(p))]


def _rings(lost: Sequence[Article], held: dict[tuple[str, str], int],
           quoted: dict[str, list[tuple[str, set[Place]]]]) -> list[list[Article]]:
    """The rings of `lost` articles each of whose quotes are in the next one's seed (`_holder`), the first one's
    in the second's, the last one's in the first's: two articles whose seeds are swapped, or more."""
    holder = {a.slug: _holder(a, lost, held, len(quoted[a.slug])) for a in lost}
    by_slug = {a.slug: a for a in lost}
    rings, seen = [], set()
    for a in lost:
        ring, at = [], a.slug
        while at and at not in seen and at not in {r.slug for r in ring}:
            ring.append(by_slug[at])
            at = holder[at]
        seen.update(r.slug for r in ring)
        if at == a.slug and len(ring) > 1:
            rings.append(ring)
    return rings


def _holder(a: Article, lost: Sequence[Article], held: dict[tuple[str, str], int], total: int) -> str:
    """The one article of `lost` whose seed holds at least half of the quotes of `a`, more than its own and than
    any other's; "" when none does."""
    ranked = sorted(((held[a.slug, b.slug], b.slug) for b in lost if b.slug != a.slug), reverse=True)
    if not ranked or 2 * ranked[0][0] < total or ranked[0][0] <= held[a.slug, a.slug] or \
            (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return ""
    return ranked[0][1]


def _at_seed(ring: Sequence[Article], k: int, held: dict[tuple[str, str], int],
             quoted: dict[str, list[tuple[str, set[Place]]]], folded: Iterable[Problem]) -> Problem:
    """The problem at the `seed:` line of the `k`th article of `ring`, whose quotes are in the next one's seed and
    whose seed is the text of the one before it, that says the problems `folded` of its quotes."""
    a, after, before = ring[k], ring[(k + 1) % len(ring)], ring[k - 1]
    mine = {place for _, places in quoted[a.slug] for place in places}
    own = [p for p in folded if (p.file, p.line, p.col) in mine]
    n, total = held[a.slug, after.slug], len(quoted[a.slug])
    share = f"all {n}" if n == total else f"{n} of the {total}"
    lost = sum(p.check == "anchor-not-found" for p in own)
    seed, theirs = a.meta.seed, after.meta.seed
    if len(ring) == 2:
        what = f"whose seed, \"{theirs}\", is this article's: the two files' seeds are swapped"
        also = f", and seed: {seed} in {after.meta.origin.file} (line {_line(after)})"
    else:
        what = (f"whose seed is not its text either: the seeds of {len(ring)} files are each written in another's "
                f"({', '.join(sorted(r.meta.origin.file for r in ring))})")
        also = ""
    at = a.meta.seed_origin or a.meta.origin
    return error(at.file, at.line, at.col, f'seed "{seed}" is the text of {before.meta.origin.file}, {what}'
                 + (f", so {lost} of this article's quotes are not found" if lost else ""),
                 f"seeds/{theirs}, the seed of {after.meta.origin.file}, holds {share} quotes of this article's "
                 f"annotations and the witnesses naming it: write seed: {theirs} here{also}", "seed-swapped")


def _line(article: Article) -> int:
    return (article.meta.seed_origin or article.meta.origin).line
