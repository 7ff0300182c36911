"""Overlapping spans cut into flat segments: checked against the obvious character-by-character definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.core.text.segments import Span, segment

_spans = st.lists(st.builds(lambda a, n, kind, i: Span(a, a + n, kind, f"s{i}"), st.integers(0, 30),
                            st.integers(1, 12), st.sampled_from(["annotation", "witness", "mention"]),
                            st.integers(0, 5)), max_size=12)


@given(_spans, st.integers(0, 20), st.integers(1, 25))
def test_segments_tile_the_range_and_each_lists_exactly_the_spans_covering_it_in_order(
        spans: list[Span], start: int, length: int) -> None:
    end = start + length
    segs = segment(start, end, spans)
    assert segs[0].start == start and segs[-1].end == end
    assert all(a.end == b.start for a, b in zip(segs, segs[1:]))
    for seg in segs:
        assert seg.start < seg.end
        for k in range(seg.start, seg.end):
            assert seg.covers == tuple(sorted(s for s in spans if s.start <= k < s.end))
    for a, b in zip(segs, segs[1:]):  # maximal: no cut without a boundary
        assert a.end in {s.start for s in spans} | {s.end for s in spans}


def test_crossing_spans_make_three_segments() -> None:
    a, b = Span(0, 5, "annotation", "a"), Span(3, 8, "mention", "m")
    assert [(s.start, s.end, [c.id for c in s.covers]) for s in segment(0, 8, [b, a])] == [
        (0, 3, ["a"]), (3, 5, ["a", "m"]), (5, 8, ["m"])]
