"""Choosing among a quote's places by prefix and suffix (occurrences.py): the same places as reading every place's
words and comparing them with the context, as anchoring did, with each place's words read once a level."""

from __future__ import annotations

from typing import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.occurrences import Occurrences, occurrences
from dossier.core.text.typography import fold_key

WORDS = ["we", "will", "do", "it", "alone", "e", "ne", "a", "ha", "’", "'", "“we", "we”", "—", "-", "…", "...",
         "\u00ad", "do\u00ad"]
SPACES = [" ", "  ", "\n\n", "\u00a0", "\t"]


def carries(words: list[str], wanted: list[str], key: Callable[[str], str],
            outer: Callable[[str, str], bool]) -> bool:
    """The definition (context_words.fits): nearest word first, the inner words equal by key, the outermost one
    ending with (before) / starting with (after) the context's."""
    if len(words) < len(wanted):
        return False
    *inner, last = wanted
    return all(key(w) == x for w, x in zip(words, inner)) and outer(key(words[len(wanted) - 1]), last)


def reference(text: str, spans: list[tuple[int, int]], pre: list[str], suf: list[str],
              key: Callable[[str], str]) -> list[int]:
    """Every place compared with the context, one after another."""
    return [j for j, (s, e) in enumerate(spans)
            if (not pre or carries(text[:s].split()[::-1], pre, key, str.endswith))
            and (not suf or carries(text[e:].split(), suf, key, str.startswith))]


@st.composite
def places_and_contexts(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[tuple[list[str], list[str]]]]:
    """A text of a few repeated words, some of its places (offsets between words, or inside one), and contexts:
    words of the text around a place (its outermost one cut, as an editor may) or any words."""
    pieces = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), min_size=1, max_size=25))
    text = "".join(w + s for w, s in pieces)
    spans = sorted(set(draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 3)), max_size=12))))
    spans = [(s, min(len(text), s + n)) for s, n in spans]
    contexts = []
    for _ in range(draw(st.integers(1, 6))):
        s, e = draw(st.sampled_from(spans)) if spans else (0, 0)
        sides = []
        for before, words in ((True, text[:s].split()[::-1]), (False, text[e:].split())):
            wanted = words[:draw(st.integers(0, 4))] or draw(st.lists(st.sampled_from(WORDS), max_size=2))
            if wanted and draw(st.booleans()):  # (the outermost word cut where it leaves the place)
                cut = draw(st.integers(0, len(wanted[-1])))
                wanted[-1] = wanted[-1][cut:] if before else wanted[-1][:cut]
            sides.append(wanted)
        contexts.append((sides[0], sides[1]))
    return text, spans, contexts


@settings(max_examples=300)
@given(places_and_contexts(), st.sampled_from([str, fold_key]))
def test_the_places_a_context_chooses_are_the_ones_whose_words_carry_it(case, key) -> None:
    text, spans, contexts = case
    found = Occurrences(text, text[::-1], spans, key)
    for pre, suf in contexts:  # (one Occurrences asked again and again: what one asked grew must not mislead the next)
        pre, suf = [key(w) for w in pre], [key(w) for w in suf]
        assert found.chosen(pre, suf) == reference(text, spans, pre, suf, key)


def test_choosing_each_of_many_places_by_its_prefix_reads_each_place_s_words_once_a_level() -> None:
    # 300 places of one sentence, told apart only by their 13th word before: each place's words are read once for
    # each of the 13 levels (and each chosen place's once more, after it: the suffix), not once per annotation
    shared = "and the minister said once more, as he had said before, that"
    text = "".join(f"Item {k}: {shared} we will do it alone.\n\n" for k in range(300))
    spans = [(i, i + len("we will do it alone")) for i in range(len(text)) if text.startswith("we will do it", i)]
    read: list[str] = []
    found = Occurrences(text, text[::-1], spans, lambda w: read.append(w) or w)
    for k in range(300):
        assert found.chosen([w for w in reversed(f"Item {k}: {shared}".split())], ["."]) == [k]
    assert len(read) <= 300 * 16  # (read for every place by every annotation, as it was: 300 * 300 * 14)


def test_a_quote_s_places_are_found_once_while_its_text_is_the_one_anchored() -> None:
    text = "ha ha ha"
    finds: list[str] = []

    def find() -> list[tuple[int, int]]:
        finds.append(text)
        return [(0, 2), (3, 5), (6, 8)]

    first = occurrences(text, text[::-1], ("ha", False), find, str)
    assert occurrences(text, text[::-1], ("ha", False), find, str) is first
    assert occurrences(text, text[::-1], ("ha", True), find, str) is not first   # (another rung)
    other = "".join(["ha ha", " ha"])   # an equal text, another object: another article's
    assert occurrences(other, other[::-1], ("ha", False), find, str) is not first
    assert len(finds) == 3
