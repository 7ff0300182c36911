"""Properties of anchoring over generated texts built from a tiny vocabulary, so repeats abound."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dossier.core.analyse.anchors import anchor_quote, word_diff

PIECES = ["we", "will", "do", "it", "alone", "a", "ha", ".", ",", "’", "“", "”", "—",
          " ", " ", " ", "\n\n", "\u00a0"]
WHITESPACE = ["", " ", "  ", "\n", "\n\n", "\u00a0", "\t"]

texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
PROPERTIES = settings(max_examples=200, deadline=None)


def squeeze(s: str) -> str:
    """``s`` with whitespace runs collapsed: equality modulo whitespace runs."""
    return " ".join(s.split())


@st.composite
def text_and_slice(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text and a slice [i:j] of it that starts and ends on non-whitespace."""
    text = draw(texts)
    solid = [k for k, ch in enumerate(text) if not ch.isspace()]
    assume(solid)
    i = draw(st.sampled_from(solid))
    j = draw(st.sampled_from([k for k in solid if k >= i])) + 1
    return text, i, j


@PROPERTIES
@given(text_and_slice())
def test_a_slice_with_all_the_text_around_it_as_context_is_found_exactly_where_it_was_cut(
        case: tuple[str, int, int]) -> None:
    text, i, j = case
    result = anchor_quote(text, text[i:j], prefix=text[:i], suffix=text[j:])
    assert result.status in ("exact", "disambiguated")
    assert (result.start, result.end) == (i, j)


@PROPERTIES
@given(text_and_slice(), st.data())
def test_an_exact_or_ambiguous_result_covers_the_quote_modulo_whitespace_runs(
        case: tuple[str, int, int], data: st.DataObject) -> None:
    text, i, j = case
    # Re-space the quote: every whitespace run replaced by some other whitespace run.
    quote = re.sub(r"\s+", lambda _: data.draw(st.sampled_from(WHITESPACE[1:])), text[i:j])
    quote = data.draw(st.sampled_from(WHITESPACE)) + quote + data.draw(st.sampled_from(WHITESPACE))
    result = anchor_quote(text, quote)
    assert result.status in ("exact", "ambiguous")
    spans = [(result.start, result.end)] if result.status == "exact" else [(c.start, c.end) for c in result.candidates]
    assert (i, j) in spans
    for start, end in spans:
        assert squeeze(text[start:end]) == squeeze(quote)


@PROPERTIES
@given(texts, texts)
def test_every_result_keeps_its_invariants(text: str, quote: str) -> None:
    result = anchor_quote(text, quote)
    assert (result.start is None) == (result.status in ("ambiguous", "orphan"))
    assert 0.0 <= result.score <= 100.0
    if result.status in ("exact", "disambiguated"):
        assert (result.score, result.diff, result.hint, result.candidates) == (100.0, "", "", ())
    if result.start is not None:
        found = text[result.start:result.end]
        assert found and found == found.strip()
    if result.status == "orphan":
        assert len(result.candidates) <= 1
    if result.status == "ambiguous":
        assert len(result.candidates) >= 2
        assert all(squeeze(text[c.start:c.end]) for c in result.candidates)
    if result.closest:   # (the last rung: never a place of the quote's words as written)
        assert result.status in ("fuzzy", "ambiguous") and result.diff
    elif result.status == "fuzzy":
        assert result.score == 99.0


@st.composite
def text_with_a_repeated_quote(draw: st.DrawFn) -> tuple[str, str]:
    """A short quote and a text that mentions it (or a typographic variant of it) several times."""
    quote = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join))
    variant = quote.replace("’", "'").replace("—", "-")
    filler = st.sampled_from(PIECES)
    text = "".join(draw(st.lists(st.one_of(filler, st.just(quote), st.just(variant)), min_size=2, max_size=30)))
    return text, draw(st.sampled_from([quote, variant]))


@PROPERTIES
@given(text_with_a_repeated_quote())
def test_each_suggested_unique_context_chooses_its_own_occurrence(case: tuple[str, str]) -> None:
    text, quote = case
    result = anchor_quote(text, quote)
    assume(result.status == "ambiguous")
    for cand in result.candidates:
        for context in ({"prefix": cand.unique_prefix}, {"suffix": cand.unique_suffix}):
            if None not in context.values():
                chosen = anchor_quote(text, quote, **context)
                assert chosen.status in ("disambiguated", "fuzzy")
                assert (chosen.start, chosen.end) == (cand.start, cand.end)


@PROPERTIES
@given(st.text(alphabet=st.characters(blacklist_characters="[]{}", blacklist_categories=("Cs",))))
def test_word_diff_of_a_text_with_itself_has_no_markers(a: str) -> None:
    diff = word_diff(a, a)
    assert "[-" not in diff and "{+" not in diff
    assert diff == squeeze(a)


@PROPERTIES
@given(texts, texts)
def test_word_diff_keeps_every_word_of_both_sides(a: str, b: str) -> None:
    diff = word_diff(a, b)
    for side in (a, b):
        for word in re.findall(r"\w+", side):
            assert word in diff


_WS_TEXT = st.lists(st.sampled_from(list("ab. ") + ["\n", "\t", "\u00a0", "\u2009", "\x1c", "\u3000", "  ", "ha"]),
                    max_size=30).map("".join)


@given(_WS_TEXT, _WS_TEXT)
def test_the_literal_search_finds_exactly_what_the_whitespace_tolerant_regex_finds(text: str, quote: str) -> None:
    import re

    from dossier.core.analyse.anchors import exact_spans
    from dossier.core.text.typography import search_pattern

    pattern = search_pattern(quote.strip(), fold=False)
    expected = _every_match(re.compile(pattern), text) if pattern else []
    assert exact_spans(text, quote.strip()) == expected


def _every_match(pattern, text: str) -> list[tuple[int, int]]:
    """The reference: every match of the regex, overlapping ones included ("ha ha" twice in "ha ha ha")."""
    return [(m.start(), m.end()) for m in (pattern.match(text, i) for i in range(len(text) + 1)) if m]


def test_overlapping_occurrences_across_line_breaks_are_all_found() -> None:
    from dossier.core.analyse.anchors import exact_spans

    assert exact_spans("ha\nha  ha", "ha ha") == [(0, 5), (3, 9)]


NEWS_WORDS = ["minister", "security", "adviser", "delegation", "washington", "expected", "hostage", "talks"]


@st.composite
def text_with_a_repeated_passage_and_a_misspelt_quote_of_it(draw: st.DrawFn) -> tuple[str, str]:
    """A text that repeats a passage among other words, and the passage quoted with a letter of one word left out."""
    passage = draw(st.lists(st.sampled_from(NEWS_WORDS), min_size=4, max_size=6).map(" ".join))
    filler = st.lists(st.sampled_from([*NEWS_WORDS, "."]), min_size=1, max_size=5).map(" ".join)
    parts = draw(st.lists(st.one_of(filler, st.just(passage)), min_size=2, max_size=8))
    assume(parts.count(passage) >= 2)
    words = passage.split()
    k = draw(st.integers(0, len(words) - 1))
    words[k] = words[k][:1] + words[k][2:]
    return " ".join(parts), " ".join(words)


@PROPERTIES
@given(text_with_a_repeated_passage_and_a_misspelt_quote_of_it())
def test_each_context_suggested_for_a_misspelt_quote_places_it_on_its_own_passage(case: tuple[str, str]) -> None:
    text, quote = case
    result = anchor_quote(text, quote)
    assume(result.status == "ambiguous")
    assert result.closest and len(result.candidates) >= 2
    for cand in result.candidates:
        for context in ({"prefix": cand.unique_prefix}, {"suffix": cand.unique_suffix}):
            if None not in context.values():
                chosen = anchor_quote(text, quote, **context)
                assert (chosen.status, chosen.start, chosen.end) == ("fuzzy", cand.start, cand.end)


@PROPERTIES
@given(st.text(alphabet="ab c.", max_size=40), st.text(alphabet="abc d.", max_size=60))
def test_one_pass_gives_the_common_subsequence_of_a_quote_with_each_beginning_of_a_window(a: str, b: str) -> None:
    from rapidfuzz.distance import LCSseq

    from dossier.core.analyse.closest import common_lengths

    assert common_lengths(a, b) == [LCSseq.similarity(a, b[:k + 1]) for k in range(len(b))]


@PROPERTIES
@given(texts, st.lists(st.sampled_from(PIECES[:8]), min_size=1, max_size=8).map(" ".join), st.booleans(),
       st.sampled_from([50.0, 70.0, 85.0, 95.0]))
def test_the_passage_beside_a_context_is_the_best_scored_cut_and_a_floor_only_passes_over_cuts_below_it(
        text: str, quote: str, at_start: bool, floor: float) -> None:
    """closest_from scores every cut from one pass (and a bound first): the same passage as scoring each cut at a
    word boundary apart with fuzz.ratio, as it did; with a floor, the same wherever that one reaches it."""
    from rapidfuzz import fuzz

    from dossier.core.analyse.closest import closest_from
    from dossier.core.text.typography import normalise

    nq = normalise(quote).text.strip()
    assume(nq)
    full, bounded = closest_from(text, nq, at_start), closest_from(text, nq, at_start, floor)
    nt = normalise(text).text
    solid = nt.strip()
    if not solid:
        assert full is None and bounded is None
        return
    first, last = nt.index(solid), nt.index(solid) + len(solid)
    word = re.compile(r"\w")
    cuts = [(first, e) for e in range(first + 1, last + 1) if not nt[e - 1].isspace() and not (
        e < len(nt) and word.match(nt[e - 1]) and word.match(nt[e]))] if at_start else \
        [(s, last) for s in range(first, last) if not nt[s].isspace() and not (
            s > 0 and word.match(nt[s - 1]) and word.match(nt[s]))]
    assert full is not None and full[2] == max(fuzz.ratio(nq, nt[s:e]) for s, e in cuts)
    if full[2] >= floor:
        assert bounded == full
    else:
        assert bounded is None or bounded[2] < floor
