"""Shared passages: planted sentences in generated articles, stock phrases, typography, real quotes."""

from __future__ import annotations

import random

import pytest

from dossier.core.analyse.shared_passages import Occurrence, SharedPassage, find_shared_passages

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

import re  # noqa: E402

from dossier.core.analyse.alignment import fold  # noqa: E402
from dossier.core.analyse.passage_groups import group_spans  # noqa: E402
from dossier.core.analyse.shared_passages import MAX_REPEATS_PER_DOC  # noqa: E402

# What a word is, for the reference: letters and digits, joined by an apostrophe, hyphen, point, comma or an
# invisible character ("we're", "six-week", "32,070", "Ra\u00adfah"); everything else separates words.
WORD = re.compile(r"[^\W_]+(?:['’\-.,\u00ad\u200b\u2060\ufeff][^\W_]+)*")

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
    """The method before it was made fast: every shingle of every doc indexed, anchors found by scanning, a seed
    skipped when it lies in any match already extended on its diagonal."""
    index: dict[tuple[int, ...], list[tuple[str, int]]] = {}
    for name in names:
        for p in range(len(keys[name]) - shingle + 1):
            index.setdefault(tuple(keys[name][p : p + shingle]), []).append((name, p))
    found = []
    covered: dict[tuple[str, str, int], list[tuple[int, int]]] = {}
    for name in names:
        k = keys[name]
        for p in range(len(k) - shingle + 1):
            postings = index[tuple(k[p : p + shingle])]
            if postings[0] != (name, p) or len({d for d, _ in postings}) < 2:
                continue
            per_doc: dict[str, int] = {}
            for d, _ in postings:
                per_doc[d] = per_doc.get(d, 0) + 1
            if max(per_doc.values()) > MAX_REPEATS_PER_DOC:
                continue
            partner = next(x for x in postings if x[0] != name)
            pairs = [((name, p), x) for x in postings if x[0] != name]
            pairs += [(x, partner) for x in postings[1:] if x[0] == name]
            for (_, start), (other, q) in pairs:
                diagonal = (name, other, q - start)
                if any(lo <= start < hi for lo, hi in covered.get(diagonal, [])):
                    continue
                o = keys[other]
                a, b = start, q
                while a > 0 and b > 0 and k[a - 1] == o[b - 1]:
                    a, b = a - 1, b - 1
                e, f = start + shingle, q + shingle
                while e < len(k) and f < len(o) and k[e] == o[f]:
                    e, f = e + 1, f + 1
                covered.setdefault(diagonal, []).append((a, e))
                if e - a >= min_words:
                    found.append((name, a, e, other, b, f))
    return found


def reference_passages(docs: dict[str, str], shingle: int = 5, min_words: int = 8) -> tuple[SharedPassage, ...]:
    """find_shared_passages as first written: words found by a regex over the whole text and folded one by
    one, every shingle indexed, offsets of every word computed. Which matches are one passage is
    passage_groups.group_spans's to say, here as there (its own tests are in test_passage_groups.py)."""
    names = sorted(docs)
    words = {name: [m.span() for m in WORD.finditer(docs[name])] for name in names}
    keys = {name: [fold(docs[name][a:b]) for a, b in words[name]] for name in names}
    spans: list[tuple[str, int, int]] = []
    for da, a1, a2, db, b1, b2 in _reference_matches(names, keys, shingle, min_words):
        spans += [(da, a1, a2), (db, b1, b2)]
    passages = []
    for group in group_spans(spans, min_words):
        members = sorted(set(group))
        merged: list[list] = []
        for doc, s, e in members:
            if merged and merged[-1][0] == doc and s <= merged[-1][2]:
                merged[-1][2] = max(merged[-1][2], e)
            else:
                merged.append([doc, s, e])
        if len({doc for doc, _, _ in merged}) < 2:
            continue
        # The first place is the longest of its spans (the first of those): the text, word for word in its partner.
        doc, s, e = merged[0]
        merged[0] = max((m for m in members if m[0] == doc and s <= m[1] < e), key=lambda m: (m[2] - m[1], -m[1]))
        occurrences = tuple(Occurrence(doc, words[doc][s][0], words[doc][e - 1][1]) for doc, s, e in merged)
        text = docs[occurrences[0].doc][occurrences[0].start:occurrences[0].end]
        passages.append(SharedPassage(text, occurrences, len(WORD.findall(text))))
    passages.sort(key=lambda sp: (-sp.words, [(o.doc, o.start, o.end) for o in sp.occurrences]))
    return tuple(passages)


@pytest.mark.parametrize("seed", range(40))
def test_passages_are_exactly_those_of_the_straightforward_method(seed: int) -> None:
    docs = _random_docs(seed)
    for shingle, min_words in [(5, 8), (2, 3), (1, 1), (3, 12)]:
        assert find_shared_passages(docs, shingle=shingle, min_words=min_words) == \
            reference_passages(docs, shingle, min_words)


def test_the_random_texts_share_passages_for_the_comparison_to_mean_something() -> None:
    found = [find_shared_passages(_random_docs(seed)) for seed in range(40)]
    assert sum(1 for passages in found if passages) >= 20
    assert any(len({o.doc for o in p.occurrences}) >= 3 for passages in found for p in passages)


@pytest.mark.parametrize(("repeats", "found"), [(MAX_REPEATS_PER_DOC, True), (MAX_REPEATS_PER_DOC + 1, False)])
def test_a_run_repeated_more_than_the_limit_in_one_doc_is_furniture_in_both_methods(repeats: int, found: bool) -> None:
    run = "the minister said the border crossing would stay open"
    docs = {"a": " x ".join([run] * repeats), "b": run, "c": run + " and more"}
    passages = find_shared_passages(docs)
    assert passages == reference_passages(docs)
    assert bool(passages) == found
    if found:  # every place of the run, in all three docs
        assert [o.doc for o in passages[0].occurrences] == ["a"] * repeats + ["b", "c"]


def test_a_run_shared_before_a_repeat_of_another_in_the_first_doc_is_found() -> None:
    # In "a", the second "rafah ..." lines up with "b"'s (the two differ by the word before it), and with the
    # shared sentence: that repeat is extended first, at the anchor, and its end hid the sentence's seeds.
    repeated, shared = "rafah crossing will reopen soon", "the minister said talks would resume next week"
    docs = {"a": f"{repeated} and {shared} but {repeated}", "b": f"{shared} as {repeated}"}
    (passage,) = find_shared_passages(docs)
    assert passage.text == shared and [o.doc for o in passage.occurrences] == ["a", "b"]
    assert find_shared_passages(docs) == reference_passages(docs)


def test_words_match_whatever_is_between_them() -> None:
    one, two = "We're going—to Ra\u00adfah, now.", "we’re  going - to\nRafah now"
    (passage,) = find_shared_passages({"one": one, "two": two}, shingle=5, min_words=5)
    assert passage.words == 5
    assert passage.occurrences == (Occurrence("one", 0, len(one) - 1), Occurrence("two", 0, len(two)))


@pytest.mark.parametrize(("shared", "span"), [("a", (2, 3)), ("b-c", (5, 8)), ("d", (10, 11)), ("e", (13, 14))])
def test_an_occurrence_counts_every_space_and_separator_before_its_word(shared: str, span: tuple[int, int]) -> None:
    text = "  a  b-c,\u00a0d\n\ne  "
    (passage,) = find_shared_passages({"x": text, "y": shared}, shingle=1, min_words=1)
    assert passage.occurrences[0] == Occurrence("x", *span)


def test_passages_are_found_in_random_texts_at_word_boundaries() -> None:
    for seed in range(20):
        docs = _random_docs(seed)
        for passage in find_shared_passages(docs):
            for o in passage.occurrences:
                starts = {m.start() for m in WORD.finditer(docs[o.doc])}
                ends = {m.end() for m in WORD.finditer(docs[o.doc])}
                assert o.start in starts and o.end in ends
