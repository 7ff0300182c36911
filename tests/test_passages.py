"""Shared passages: planted sentences in generated articles, stock phrases, typography, real quotes."""

from __future__ import annotations

import random

import pytest

from dossier.core.shared_passages import Occurrence, SharedPassage, find_shared_passages

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


# --- The fast paths against the straightforward method they replace -------------------------------------

from dossier.core import shared_passages as _p  # noqa: E402
from dossier.core.alignment import fold  # noqa: E402

# Words that fold together ("We're" / "we’re", "Ra\u00adfah" / "Rafah"), words joined by punctuation, and
# separators of every kind, so that texts share runs with and without typographic differences.
_VOCAB = ["we're", "We’re", "Ra\u00adfah", "Rafah", "32,070", "six-week", "the", "of", "fight", "alone",
          "Israel", "until", "won", "battle", "aid", "snake_case", "1.3", "ÉTÉ", "été", "Straße"]
_SEPARATORS = [" ", " ", " ", "  ", "\n\n", ", ", ". ", " — ", "\u00a0", "\t", " “", "” "]


def _random_text(rng: random.Random, shared: list[str]) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(0, 120)):
        if shared and rng.random() < 0.08:
            parts.append(rng.choice(shared))
        else:
            parts.append(rng.choice(_VOCAB))
        parts.append(rng.choice(_SEPARATORS))
    return "".join(parts)


def _random_docs(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    shared = [" ".join(rng.choice(_VOCAB) for _ in range(rng.randint(5, 14))) for _ in range(4)]
    return {f"d{i}": _random_text(rng, shared) for i in range(rng.randint(1, 7))}


def _reference_matches(names, keys, shingle, min_words):
    """The method before it was made fast: every shingle of every doc indexed, anchors found by scanning."""
    index: dict[tuple[int, ...], list[tuple[str, int]]] = {}
    for name in names:
        for p in range(len(keys[name]) - shingle + 1):
            index.setdefault(tuple(keys[name][p : p + shingle]), []).append((name, p))
    found = []
    covered: dict[tuple[str, str, int], int] = {}
    for name in names:
        k = keys[name]
        for p in range(len(k) - shingle + 1):
            postings = index[tuple(k[p : p + shingle])]
            if postings[0] != (name, p) or len({d for d, _ in postings}) < 2:
                continue
            per_doc: dict[str, int] = {}
            for d, _ in postings:
                per_doc[d] = per_doc.get(d, 0) + 1
            if max(per_doc.values()) > _p.MAX_REPEATS_PER_DOC:
                continue
            partner = next(x for x in postings if x[0] != name)
            pairs = [((name, p), x) for x in postings if x[0] != name]
            pairs += [(x, partner) for x in postings[1:] if x[0] == name]
            for (_, start), (other, q) in pairs:
                diagonal = (name, other, q - start)
                if start < covered.get(diagonal, -1):
                    continue
                o = keys[other]
                a, b = start, q
                while a > 0 and b > 0 and k[a - 1] == o[b - 1]:
                    a, b = a - 1, b - 1
                e, f = start + shingle, q + shingle
                while e < len(k) and f < len(o) and k[e] == o[f]:
                    e, f = e + 1, f + 1
                covered[diagonal] = e
                if e - a >= min_words:
                    found.append((name, a, e, other, b, f))
    return found


def _all_keys(docs: dict[str, str]) -> dict[str, tuple[int, ...]]:
    ids: dict[str, int] = {}
    chunks: dict[str, tuple[int, ...]] = {}
    return {name: _p._keys(docs[name], ids, chunks) for name in sorted(docs)}


@pytest.mark.parametrize("seed", range(40))
def test_matches_are_exactly_those_of_the_straightforward_method(seed: int) -> None:
    docs = _random_docs(seed)
    keys = _all_keys(docs)
    names = sorted(docs)
    for shingle, min_words in [(5, 8), (2, 3), (1, 1), (3, 12)]:
        assert _p._matches(names, keys, shingle, min_words) == _reference_matches(names, keys, shingle, min_words)


@pytest.mark.parametrize(("repeats", "found"), [(_p.MAX_REPEATS_PER_DOC, 3), (_p.MAX_REPEATS_PER_DOC + 1, 0)])
def test_a_run_repeated_more_than_the_limit_in_one_doc_is_furniture_in_both_methods(repeats: int, found: int) -> None:
    run = "the minister said the border crossing would stay open"
    docs = {"a": " x ".join([run] * repeats), "b": run, "c": run + " and more"}
    keys, names = _all_keys(docs), sorted(docs)
    assert _p._matches(names, keys, 5, 8) == _reference_matches(names, keys, 5, 8)
    assert len({(m[0], m[1], m[3]) for m in _p._matches(names, keys, 5, 8)}) >= found
    assert bool(find_shared_passages(docs)) == bool(found)


@pytest.mark.parametrize("seed", range(20))
def test_word_keys_are_the_folded_words_of_the_text(seed: int) -> None:
    docs = _random_docs(seed)
    ids: dict[str, int] = {}
    chunks: dict[str, tuple[int, ...]] = {}
    keys = {name: _p._keys(text, ids, chunks) for name, text in sorted(docs.items())}
    folded = {i: k for k, i in ids.items()}
    for name, text in docs.items():
        assert [folded[i] for i in keys[name]] == [fold(w) for w in _p._WORD_RE.findall(text)]


def test_word_keys_ignore_what_is_between_words() -> None:
    ids: dict[str, int] = {}
    chunks: dict[str, tuple[int, ...]] = {}
    one = _p._keys("We're going—to Ra\u00adfah, now.", ids, chunks)
    two = _p._keys("we’re  going - to\nRafah now", ids, chunks)
    assert one == two and len(one) == 5


@pytest.mark.parametrize("seed", range(20))
def test_char_spans_are_the_offsets_of_the_wanted_words(seed: int) -> None:
    docs = _random_docs(seed)
    ids: dict[str, int] = {}
    pieces: dict[str, tuple[int, ...]] = {}
    for text in docs.values():
        _p._keys(text, ids, pieces)
    rng = random.Random(seed)
    for text in docs.values():
        spans = [m.span() for m in _p._WORD_RE.finditer(text)]
        wanted = sorted(rng.sample(range(len(spans)), min(len(spans), 5)))
        assert _p._char_spans(text, pieces, wanted) == {w: spans[w] for w in wanted}


def test_char_spans_count_every_space_before_a_word() -> None:
    text = "  a  b-c,\u00a0d\n\ne  "
    pieces: dict[str, tuple[int, ...]] = {}
    _p._keys(text, {}, pieces)
    assert _p._char_spans(text, pieces, [0, 1, 2, 3]) == {0: (2, 3), 1: (5, 8), 2: (10, 11), 3: (13, 14)}


@pytest.mark.parametrize("seed", range(20))
def test_postings_are_every_shingle_in_two_docs_each_with_all_its_places_in_order(seed: int) -> None:
    docs = _random_docs(seed)
    keys, names = _all_keys(docs), sorted(docs)
    brute: dict[tuple[int, ...], list[tuple[str, int]]] = {}
    for name in names:
        for p in range(len(keys[name]) - 2):
            brute.setdefault(keys[name][p : p + 3], []).append((name, p))
    expected = {sh: places for sh, places in brute.items() if len({d for d, _ in places}) >= 2}
    got = _p._postings(names, keys, 3)
    assert got == expected
    assert [places[0] for places in got.values()] == sorted(places[0] for places in got.values())


def test_passages_are_found_in_random_texts_at_word_boundaries() -> None:
    for seed in range(20):
        docs = _random_docs(seed)
        for passage in find_shared_passages(docs):
            for o in passage.occurrences:
                starts = {m.start() for m in _p._WORD_RE.finditer(docs[o.doc])}
                ends = {m.end() for m in _p._WORD_RE.finditer(docs[o.doc])}
                assert o.start in starts and o.end in ends
