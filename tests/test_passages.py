"""Shared passages: planted sentences in generated articles, stock phrases, typography, real quotes."""

from __future__ import annotations

import random

import pytest

from dossier.core.passages import Occurrence, SharedPassage, find_shared_passages

PLANTED = "The minister said the border crossing would stay open for aid convoys until further notice"
COMMON = ["the United States and Israel", "according to Israeli tallies", "in the Gaza Strip on Friday"]

# Filler words are made-up syllable pairs, so they never coincide with the planted or common words.
SYLLABLES = "ba ko ri tu me sa lo ni vo de ga pu".split(), "rak len mos tiv dap sul kor nef bim zat gow hup".split()
FILLER = sorted(a + b for a in SYLLABLES[0] for b in SYLLABLES[1])


def filler(rng: random.Random, sentences: int) -> list[str]:
    out = []
    for _ in range(sentences):
        words = [rng.choice(FILLER) for _ in range(rng.randint(6, 14))]
        out.append(" ".join(words).capitalize() + ".")
    return out


def article(seed: int, inserts: list[str]) -> str:
    """Filler sentences with the inserts, in order, as sentences at random boundaries, never two in a row
    (two stock phrases side by side would be a genuinely longer shared run)."""
    rng = random.Random(seed)
    sentences = filler(rng, 30)
    places = sorted(rng.sample(range(1, len(sentences)), len(inserts)))
    for place, text in reversed(list(zip(places, inserts))):
        sentences.insert(place, text + ".")
    return " ".join(sentences)


def slices(passage: SharedPassage, docs: dict[str, str]) -> list[str]:
    return [docs[o.doc][o.start : o.end] for o in passage.occurrences]


@pytest.mark.parametrize("seed", [1, 2, 3, 7])
def test_a_sentence_planted_in_three_articles_is_one_passage_with_three_occurrences(seed: int) -> None:
    docs = {f"article-{i}": article(seed * 10 + i, [PLANTED]) for i in range(3)}
    (passage,) = find_shared_passages(docs)
    assert passage.words == 15
    assert passage.text == PLANTED
    assert [o.doc for o in passage.occurrences] == ["article-0", "article-1", "article-2"]
    assert slices(passage, docs) == [PLANTED] * 3


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_common_short_phrases_in_every_article_are_not_passages(seed: int) -> None:
    docs = {f"article-{i}": article(seed * 10 + i, COMMON * 3) for i in range(5)}
    assert find_shared_passages(docs) == ()


def test_a_planted_sentence_is_found_among_common_short_phrases() -> None:
    docs = {f"article-{i}": article(40 + i, COMMON + [PLANTED] + COMMON) for i in range(5)}
    (passage,) = find_shared_passages(docs)
    assert slices(passage, docs) == [PLANTED] * 5


def test_curly_and_straight_apostrophes_are_the_same_passage() -> None:
    straight = "We're going to fight until the end, and Israel's army won't stop in Rafah now"
    curly = straight.replace("'", "’")
    docs = {"a": article(51, [straight]), "b": article(52, [curly])}
    (passage,) = find_shared_passages(docs)
    assert slices(passage, docs) == [straight, curly]
    assert passage.text == straight


def test_two_unrelated_articles_share_nothing() -> None:
    assert find_shared_passages({"a": article(61, []), "b": article(62, [])}) == ()


def test_the_same_input_gives_the_same_output_whatever_the_mapping_order() -> None:
    docs = {f"article-{i}": article(70 + i, [PLANTED, COMMON[0]]) for i in range(4)}
    first = find_shared_passages(docs)
    assert first == find_shared_passages(docs)
    assert first == find_shared_passages(dict(reversed(list(docs.items()))))


def test_a_quote_repeated_in_one_article_gives_an_occurrence_at_each_place() -> None:
    docs = {"a": article(81, [PLANTED, PLANTED]), "b": article(82, [PLANTED])}
    (passage,) = find_shared_passages(docs)
    assert [o.doc for o in passage.occurrences] == ["a", "a", "b"]
    assert passage.occurrences[0].start < passage.occurrences[1].start
    assert slices(passage, docs) == [PLANTED] * 3


LENGTHS = [
    pytest.param(8, 1, id="a shared run of exactly min_words words is kept"),
    pytest.param(7, 0, id="a shared run one word short of min_words is dropped"),
]


@pytest.mark.parametrize(("length", "expected"), LENGTHS)
def test_min_words_is_the_threshold(length: int, expected: int) -> None:
    run = " ".join(PLANTED.split()[:length])
    docs = {"a": article(91, [run]), "b": article(92, [run])}
    assert len(find_shared_passages(docs, shingle=5, min_words=8)) == expected


def test_passages_are_sorted_longest_first() -> None:
    short = "Aid trucks waited at the crossing for nine hours on Thursday"
    docs = {"a": article(101, [short, PLANTED]), "b": article(102, [PLANTED, short])}
    assert [p.words for p in find_shared_passages(docs)] == [15, 11]


def test_a_real_quote_with_typographic_and_wording_differences() -> None:
    jpost = (
        "It will happen even if Israel is forced to fight alone. Even if the entire world turns on Israel, "
        "including the United States, we're going to fight until the battle is won"
    )
    allisrael = (
        "“It will happen even if Israel is forced to fight alone. Even if the entire world turns on Israel, "
        "including the United States, we’re going to fight until the battle’s won,” Dermer pledged."
    )
    docs = {"allisrael": allisrael, "jpost": jpost}
    (passage,) = find_shared_passages(docs)
    shared = jpost[: jpost.index(" battle")]
    assert passage.words == 29
    assert passage.occurrences == (
        Occurrence("allisrael", 1, 1 + len(shared)),
        Occurrence("jpost", 0, len(shared)),
    )
    assert slices(passage, docs) == [shared.replace("we're", "we’re"), shared]


@pytest.mark.parametrize(("shingle", "min_words"), [(0, 8), (5, 0)])
def test_nonsense_parameters_are_refused(shingle: int, min_words: int) -> None:
    with pytest.raises(ValueError):
        find_shared_passages({"a": PLANTED}, shingle=shingle, min_words=min_words)
