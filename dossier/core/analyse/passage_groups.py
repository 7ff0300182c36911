"""Which matched spans are one shared passage (shared_passages.py finds the matches and lists the passages).

A match is two spans with the same words, one in each of two documents. The two sides of a match are one
passage, identical spans are one passage, and so are two spans of one document that largely overlap: the same
quote seen from two partners, whose edges differ a little because each partner's copy differs at its edges.

Each group keeps a core: a run of at least `least` words that every span of the group holds, word for word.
Two groups are united only when their cores overlap by at least `least` words where their spans meet, so any
two places of a passage share that run. Without the core, overlaps chained different texts into one passage:
A shares a sentence with B, B shares the next sentence with C, the two runs overlap in B by a few words of
boilerplate, and A and C, which share nothing, were listed under one passage (in a generated dossier of 1,000
articles, all of them over a 17-word text that one of them holds, by way of six words they all have).

A span joins one group only, so a place that holds two passages (one sentence that some articles share, and
that sentence with the next one, which two others share) is one passage's: the other would miss articles that
have its text. So, once grouped, a span that holds the whole core of another group where the two overlap lends
that group its words there, in the other document of its match: the same words, another place (see _lend).

Positions are word indexes into documents' word keys; a span is (doc, start, end), end exclusive.
"""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[str, int, int]

# Two matched spans in one document are the same passage when they overlap by at least this share of the
# shorter span (and their groups' cores by `least` words); adjacent quotes that merely touch stay apart.
SAME_PASSAGE_OVERLAP = 0.5


class _Cores:
    """Union-find over spans whose groups each keep a core (see the module's docstring).

    A member's positions are its root's plus its shift (the sum of the shifts on its way up to the root), since
    every union says where one span's words are in the other's terms; a root's core is in its own positions.
    Invariant: the core of a group is at least `least` words long and, shifted, within every member span."""

    def __init__(self, spans: Sequence[Span], least: int) -> None:
        """The two sides of each match, spans[2n] and spans[2n + 1], are one group from the start: the root
        spans[2n] and its core, the whole span, are the same words as spans[2n + 1]."""
        self.parent = [i & ~1 for i in range(len(spans))]
        self.shift = [spans[i][1] - spans[i & ~1][1] for i in range(len(spans))]
        self.core = [(s, e) for _, s, e in spans]
        self.least = least

    def find(self, x: int) -> tuple[int, int]:
        """x's root, and x's shift from it (the path is hung on the root on the way)."""
        up = self.parent[x]
        if self.parent[up] == up:  # x is a root or hangs on one: most spans, most of the time
            return up, (self.shift[x] if up != x else 0)
        path = []
        while self.parent[x] != x:
            path.append(x)
            x = self.parent[x]
        total = 0
        for y in reversed(path):  # nearest the root first: each one's shift from the root
            total += self.shift[y]
            self.parent[y], self.shift[y] = x, total
        return x, (self.shift[path[0]] if path else 0)

    def unite(self, i: int, j: int, d: int) -> None:
        """Unite i's group and j's, where i's word at p is j's word at p + d, if their cores overlap by at
        least `least` words there (the overlap becomes the core); else leave both as they are."""
        (ri, si), (rj, sj) = self.find(i), self.find(j)
        if ri == rj:
            return
        k = si + d - sj  # ri's word at p is rj's word at p + k
        (a, b), (c, e) = self.core[ri], self.core[rj]
        lo, hi = max(a, c - k), min(b, e - k)
        if hi - lo < self.least:
            return
        if ri < rj:  # the smaller root stays root (either would do: the groups are the same)
            self.parent[rj], self.shift[rj], self.core[ri] = ri, k, (lo, hi)
        else:
            self.parent[ri], self.shift[ri], self.core[rj] = rj, -k, (lo + k, hi + k)


def group_spans(spans: Sequence[Span], least: int) -> list[list[Span]]:
    """The spans of each passage, in no particular order (a span may be listed more than once), given the
    matches as spans[2n] and spans[2n + 1]: the same words, at least `least` of them, in two documents.
    Every span is in one group with its match's other side; a group may also hold spans lent to it (_lend)."""
    cores = _Cores(spans, least)

    # Identical spans (a quote carried by many docs, seen from each partner) are united first, so that the
    # overlaps below are looked for among distinct spans only.
    copies: dict[Span, list[int]] = {}
    for i, span in enumerate(spans):
        copies.setdefault(span, []).append(i)
    for same in copies.values():
        for i in same[1:]:
            cores.unite(same[0], i, 0)
    pairs = _overlaps([same[0] for same in copies.values()], spans, least)
    # The largest overlaps first: a span that overlaps two others (a sentence that one partner shares, and that
    # sentence with the next, which another shares) joins the group it has the most words in common with.
    for overlap, i, j in sorted(pairs, key=lambda pair: -pair[0]):  # (stable: ties in the order found)
        _, s1, e1 = spans[i]
        _, s2, e2 = spans[j]
        if overlap >= SAME_PASSAGE_OVERLAP * min(e1 - s1, e2 - s2):
            cores.unite(i, j, 0)

    found = list(map(cores.find, range(len(spans))))  # (root, shift) of each span
    groups: dict[int, list[Span]] = {}
    for (root, _), span in zip(found, spans):
        groups.setdefault(root, []).append(span)
    _lend(found, cores.core, spans, pairs, copies, groups)
    return list(groups.values())


def _overlaps(distinct: list[int], spans: Sequence[Span], least: int) -> list[tuple[int, int, int]]:
    """(overlap, i, j) for every two of the distinct spans that lie in one document and overlap by at least
    `least` words (fewer could not join two cores, nor hold one), i before j in (doc, start, end) order."""
    by_doc: dict[str, list[int]] = {}
    for i in distinct:
        by_doc.setdefault(spans[i][0], []).append(i)
    pairs = []
    for doc in sorted(by_doc):
        order = sorted(by_doc[doc], key=lambda i: (spans[i][1], spans[i][2]))
        for pos, i in enumerate(order):
            _, s1, e1 = spans[i]
            for k in range(pos + 1, len(order)):  # not a slice: that would copy the rest for every span
                j = order[k]
                _, s2, e2 = spans[j]
                if s2 >= e1:
                    break  # sorted by start: no later span overlaps i
                if min(e1, e2) - s2 >= least:
                    pairs.append((min(e1, e2) - s2, i, j))
    return pairs


def _lend(found: list[tuple[int, int]], core: list[tuple[int, int]], spans: Sequence[Span],
          pairs: list[tuple[int, int, int]], copies: dict[Span, list[int]], groups: dict[int, list[Span]]) -> None:
    """Where a span x of one group holds the whole core of an overlapping span y of another, the words that x
    and y have in common (in y's place already) are also in the other document of every match that has x as a
    side: there, they are a place of y's group too. They hold its core, as every place of a group does.

    found: each span's root and shift (_Cores.find); core: each root's core."""
    for _, i, j in pairs:
        (ri, si), (rj, sj) = found[i], found[j]
        if ri == rj:
            continue
        for x, y, ry, sy in ((i, j, rj, sj), (j, i, ri, si)):
            lo, hi = core[ry]
            (_, xs, xe), (_, ys, ye) = spans[x], spans[y]
            if xs <= lo + sy and hi + sy <= xe:
                start, end = max(xs, ys), min(xe, ye)
                for c in copies[spans[x]]:
                    doc, cs, _ = spans[c ^ 1]  # (the other side of c's match, the same words from cs)
                    groups[ry].append((doc, cs + start - xs, cs + end - xs))
