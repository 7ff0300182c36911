"""Overlapping spans → flat, non-overlapping segments.

Annotations may nest or cross, and may cross paragraph boundaries; HTML elements may not cross. So the text
is cut at every span boundary and each piece knows every span covering it: the renderer emits one flat
element per piece, deeper overlap shows as stronger shading, and no JavaScript is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable
from ..common.records import frozen


@dataclass(frozen=True, order=True)
class Span:
    """A marked range of article text. Invariant: 0 <= start < end."""

    start: int
    end: int
    kind: str   # "annotation" | "witness" | "mention"
    id: str


@frozen
class Segment:
    """A maximal range over which the set of covering spans is constant. `covers` is sorted."""

    start: int
    end: int
    covers: tuple[Span, ...]

    def of_kind(self, kind: str) -> tuple[Span, ...]:
        return tuple(s for s in self.covers if s.kind == kind)


def segment(start: int, end: int, spans: Iterable[Span]) -> tuple[Segment, ...]:
    """Cut [start, end) at every boundary of the spans that touch it; segments cover [start, end) exactly."""
    # The key is the dataclass order (start, end, kind, id), without its slow generated __lt__.
    inside = sorted((s for s in spans if s.start < end and s.end > start), key=_order)
    cuts = {start, end}
    for s in inside:
        cuts.add(max(s.start, start))
        cuts.add(min(s.end, end))
    points = sorted(cuts)
    out = []
    # Sweep: spans sorted by start; active set maintained incrementally keeps this O(n log n + segments·depth).
    active: list[Span] = []
    i = 0
    for a, b in zip(points, points[1:]):
        while i < len(inside) and inside[i].start <= a:
            active.append(inside[i])
            i += 1
        active = [s for s in active if s.end > a]
        out.append(Segment(a, b, tuple(active)))  # sorted already: taken in order from `inside`, all start <= a
    return tuple(out)


def _order(s: Span) -> tuple[int, int, str, str]:
    return s.start, s.end, s.kind, s.id
