"""The walk both article renderings share (dossier/core/text/article_marks.py): what each piece of a paragraph
is covered by, and which notes and badges follow it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.text.article_marks import ArticleSource, BadgeMark, LinkMark, NoteMark, snap, snapped, walk, walked

TEXT = "Alpha beta gamma.\n\nDelta epsilon."   # paragraphs [0, 17) and [19, 33)
PARAGRAPHS = ((0, 17), (19, 33))


def source(**marks) -> ArticleSource:  # type: ignore[no-untyped-def]
    return ArticleSource(TEXT, PARAGRAPHS, (), False, **marks)


def test_a_paragraph_without_marks_is_one_plain_piece() -> None:
    [first, second] = list(walk(source()))
    assert [(p.start, p.end, p.mention, p.anns, p.wits, p.opens, tuple(p.notes)) for p in first] == [
        (0, 17, None, (), (), (), ())]
    assert [(p.start, p.end) for p in second] == [(19, 33)]


def test_a_mark_ending_on_a_paragraph_break_is_snapped_to_the_end_of_its_words() -> None:
    assert snap(PARAGRAPHS, 6, 19) == (6, 17)
    assert snap(PARAGRAPHS, 17, 25) == (19, 25)
    note = NoteMark("n", 6, 19, "a note")
    assert snapped(source(notes=(note,))).notes == (NoteMark("n", 6, 17, "a note"),)


def test_an_annotation_opens_once_in_its_first_piece_and_covers_every_piece_of_it() -> None:
    notes = (NoteMark("a", 0, 10, "x"), NoteMark("b", 6, 17, "y"))
    pieces = next(walk(source(notes=notes)))
    assert [(p.start, p.end, p.anns, p.opens) for p in pieces] == [
        (0, 6, ("a",), ("a",)), (6, 10, ("a", "b"), ("b",)), (10, 17, ("b",), ())]


def test_two_annotations_starting_together_both_open_in_the_same_piece() -> None:
    notes = (NoteMark("a", 0, 5, "x"), NoteMark("b", 0, 5, "y"))
    first = next(walk(source(notes=notes)))[0]
    assert first.opens == ("a", "b") and first.anns == ("a", "b")


def test_notes_and_badges_follow_the_piece_where_their_words_end_in_a_fixed_order() -> None:
    notes = (NoteMark("z", 6, 10, "x"), NoteMark("a", 0, 10, "y"))
    badges = (BadgeMark("w-1", 19, 24, "/compare/c/", "compare"),)
    first, second = walk(source(notes=notes, badges=badges))
    ending = {p.end: [n.id for n in p.notes] for p in first}
    assert ending[10] == ["a", "z"]            # same end: the earlier start first
    assert [b.id for p in second for b in p.badges] == ["w-1"] and second[0].wits == ("w-1",)


def test_a_mention_is_the_link_of_every_piece_it_covers() -> None:
    link = LinkMark("m-1", 6, 16, "/entities/beta/", "beta", True)
    pieces = next(walk(source(links=(link,), notes=(NoteMark("a", 0, 10, "x"),))))
    assert [(p.start, p.end, p.mention is link) for p in pieces] == [
        (0, 6, False), (6, 10, True), (10, 16, True), (16, 17, False)]


def test_a_note_or_badge_ending_inside_a_mention_follows_the_mention_s_last_piece() -> None:
    """The pieces of one mention are one link, and a link holds no note nor badge: a mark whose words end
    inside a mention has its reference and badge after the mention's words, in the order of their ends."""
    link = LinkMark("m-1", 6, 16, "/entities/beta/", "beta", True)   # "beta gamm"
    notes = (NoteMark("a", 0, 10, "x"), NoteMark("b", 12, 16, "y"))
    badges = (BadgeMark("w-1", 6, 8, "/compare/c/", "compare"),)
    pieces = next(walk(source(links=(link,), notes=notes, badges=badges)))
    assert [(p.start, p.end, [n.id for n in p.notes], [b.id for b in p.badges]) for p in pieces] == [
        (0, 6, [], []), (6, 8, [], []), (8, 10, [], []), (10, 12, [], []), (12, 16, ["a", "b"], ["w-1"]),
        (16, 17, [], [])]


def test_a_mention_reaching_past_its_paragraph_ends_there_and_holds_its_notes_no_further() -> None:
    link = LinkMark("m-1", 12, 25, "/entities/x/", "x", True)   # "gamma." and on into the next paragraph
    first, second = walk(source(links=(link,), notes=(NoteMark("a", 0, 14, "x"),)))
    assert [(p.start, p.end, [n.id for n in p.notes]) for p in first] == [(0, 12, []), (12, 14, []), (14, 17, ["a"])]
    assert [(p.start, p.end, p.mention is link) for p in second] == [(19, 25, True), (25, 33, False)]


def test_the_markdown_and_the_html_of_one_source_are_made_from_one_walk() -> None:
    """`walked` hands back the last source's walk while asked about the very same source (an article's
    Markdown, then its HTML body), and walks anew for any other, an equal one too."""
    note = NoteMark("n", 6, 19, "a note")
    src = source(notes=(note,))
    ready, paragraphs = walked(src)
    assert ready == snapped(src) and paragraphs == list(walk(snapped(src)))
    assert walked(src)[1] is paragraphs and walked(src)[0] is ready
    equal = source(notes=(note,))
    assert walked(equal)[1] is not paragraphs and walked(equal)[1] == paragraphs
    other = source(notes=(NoteMark("m", 0, 5, "x"),))
    assert walked(other)[1] == list(walk(other)) != paragraphs and walked(src)[1] == paragraphs


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30), st.sampled_from(["note", "link", "badge"])),
                max_size=25), st.lists(st.integers(1, 8), min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_each_paragraph_is_cut_by_the_marks_that_touch_it_as_by_all_of_them(marks, lengths) -> None:
    """A paragraph is given only the spans that touch it (a transcript of 80,000 one-line paragraphs gave each
    every span of the article: minutes, review 68); its pieces are those every span would give."""
    from dossier.core.text.segments import Span, segment

    paragraphs, at = [], 0
    for length in lengths:
        paragraphs.append((at, at + length))
        at += length + 2
    text = "x" * at
    kept = [(f"{k[0]}{i}", s, min(s + n, at), k) for i, (s, n, k) in enumerate(marks) if s < at]
    notes = tuple(NoteMark(i, s, e, "") for i, s, e, k in kept if k == "note")
    links = tuple(LinkMark(i, s, e, "entity:x", "x", True) for i, s, e, k in kept if k == "link")
    badges = tuple(BadgeMark(i, s, e, "comparison:x", "compare") for i, s, e, k in kept if k == "badge")
    src = ArticleSource(text, tuple(paragraphs), (), False, notes=notes, links=links, badges=badges)
    kinds = {"note": "annotation", "badge": "witness", "link": "mention"}
    spans = [Span(s, e, kinds[k], i) for i, s, e, k in kept]
    for (p_start, p_end), pieces in zip(paragraphs, walk(src)):
        assert [(p.start, p.end) for p in pieces] == [(s.start, s.end) for s in segment(p_start, p_end, spans)]


def _snap_by_scanning(paragraphs, start, end):  # type: ignore[no-untyped-def]
    """`snap` as it was first written: every paragraph looked at for each mark."""
    inside = [(a, b) for a, b in paragraphs if a < end and b > start]
    if not inside:
        return start, end
    return max(start, inside[0][0]), min(end, inside[-1][1])


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 8)), max_size=10),
       st.lists(st.tuples(st.integers(0, 80), st.integers(1, 40)), max_size=20))
@settings(max_examples=300, deadline=None)
def test_snapping_finds_the_paragraphs_a_mark_overlaps_as_looking_at_every_paragraph_does(gaps, marks) -> None:
    """A mark's paragraphs are found by bisecting (2,000 notes on a transcript of 20,000 lines scanned every
    paragraph for each: a second); the ends come out as the scan gave them, for paragraphs that touch, are
    empty, or leave gaps, and for marks before, between, across and after them."""
    paragraphs, at = [], 0
    for gap, length in gaps:
        paragraphs.append((at + gap, at + gap + length))
        at += gap + length
    notes = tuple(NoteMark(f"n{i}", s, s + n, "") for i, (s, n) in enumerate(marks))
    badges = tuple(BadgeMark(f"b{i}", s, s + n, "/compare/c/", "compare") for i, (s, n) in enumerate(marks[::2]))
    src = ArticleSource("x" * max(at, 120), tuple(paragraphs), (), False, notes=notes, badges=badges)
    ready = snapped(src)
    for mark, moved in zip(notes + badges, ready.notes + ready.badges):
        assert (moved.start, moved.end) == _snap_by_scanning(paragraphs, mark.start, mark.end)
        assert snap(paragraphs, mark.start, mark.end) == (moved.start, moved.end)
