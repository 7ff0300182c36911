"""The prefix and suffix of each TextQuoteSelector (webanno.quote_contexts): the same as the definition, each place
compared with every other place of its words at each size, which 2,000 annotations of one repeated sentence made
4 million comparisons."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.plan.webanno import CONTEXT_CHARS, quote_contexts


def definition(text: str, start: int, end: int) -> dict[str, str]:
    """quote_context as it was written: CONTEXT_CHARS each side, doubled while another place of the same words has
    the same prefix and suffix, or until the context is the whole text around the place."""
    exact, size = text[start:end], CONTEXT_CHARS
    others = []
    at = text.find(exact)
    while at != -1 and exact:
        if at != start:
            others.append(at)
        at = text.find(exact, at + 1)
    while True:
        prefix, suffix = text[max(0, start - size):start], text[end:end + size]
        if not any(at >= len(prefix) and text.startswith(prefix, at - len(prefix))
                   and text.startswith(suffix, at + len(exact)) for at in others):
            return {"prefix": prefix, "suffix": suffix}
        if size >= start and size >= len(text) - end:
            return {"prefix": prefix, "suffix": suffix}
        size *= 2


@st.composite
def texts_with_long_repeats(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A text of a few passages, each repeated, some a character changed here and there (so that the contexts that
    tell places apart are of every length, up to the whole text), and spans of it: some anywhere, some every place
    of one span's words."""
    alphabet = st.sampled_from("ab .")
    passages = draw(st.lists(st.text(alphabet, min_size=10, max_size=150), min_size=1, max_size=3))
    pieces = []
    for _ in range(draw(st.integers(1, 24))):
        piece = draw(st.sampled_from(passages))
        if draw(st.booleans()):
            k = draw(st.integers(0, len(piece) - 1))
            piece = piece[:k] + draw(alphabet) + piece[k + 1:]
        pieces.append(piece)
    text = "".join(pieces)
    spans = []
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        spans.append((start, draw(st.integers(start, min(len(text), start + 8)))))
    start, end = spans[0]
    if end > start and draw(st.booleans()):
        spans += [(at, at + end - start) for at in range(len(text)) if text.startswith(text[start:end], at)]
    return text, spans


@settings(max_examples=400)
@given(texts_with_long_repeats())
def test_each_selector_context_is_the_one_its_place_alone_would_have(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    assert quote_contexts(text, spans) == {(s, e): definition(text, s, e) for s, e in spans}


def test_two_thousand_places_of_one_sentence_each_get_the_context_that_tells_them_apart() -> None:
    shared = " and the minister said once more, as he had said before, that "
    text = "".join(f"Item {k}:{shared}we will do it alone, he said, and the room fell silent (end {k}).\n\n"
                   for k in range(2000))
    spans = [(i, i + len("we will do it alone")) for i in range(len(text)) if text.startswith("we will do it", i)]
    found = quote_contexts(text, spans)
    assert all(found[span] == definition(text, *span) for span in spans[:3] + spans[1000:1003] + spans[-3:])
    assert {len(c["prefix"]) for c in found.values()} == {64}  # ("(end k)" is 64 characters after it)
