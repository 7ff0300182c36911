"""The walk both article renderings share (dossier/core/text/article_marks.py): what each piece of a paragraph
is covered by, and which notes and badges follow it."""

from __future__ import annotations

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
