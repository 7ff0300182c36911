"""What anchoring asks of an article's text quote after quote, kept for that text (dossier/core/analyse/text_facts.py),
and the words a typography-tolerant search can only match whole (typography.literal_words), by which a misspelt
quote skips that search over the whole text (2,000 of them in a 930 kB transcript: 55 s of CPU, then 10.5 s)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.anchors import anchor_quote
from dossier.core.analyse.text_facts import TextFacts, facts
from dossier.core.text.typography import has_invisible, literal_words, search_pattern

PIECES = ["we", "We", "will", "do", "it", "alone", "a", "ha", "4", "٤", ".", "...", "…", ",", "'", "’", "“", "”",
          "-", "—", "é", "e\u0301", " ", " ", " ", "\n\n", "\u00a0", "\t", "\u200f", "\u00ad", "\u05b8"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
PROPERTIES = settings(max_examples=300, deadline=None)


@PROPERTIES
@given(texts, texts)
def test_a_text_the_folded_pattern_matches_holds_each_literal_word_between_whitespace(text: str, quote: str) -> None:
    pattern = search_pattern(quote.strip(), fold=True, any_case_first=True)
    if pattern and re.search(pattern, text):
        assert set(literal_words(quote.strip())) <= set(text.split())


@PROPERTIES
@given(texts, st.data())
def test_a_slice_of_the_text_as_the_quote_has_every_literal_word_among_the_text_s(text: str, data) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    quote = text[i:j].strip()
    if quote and not has_invisible(text):  # (anchors.py asks it only of such a text: others are searched folded)
        assert set(literal_words(quote)) <= set(text.split())


def test_the_literal_words_leave_out_the_first_letter_s_word_the_last_word_and_words_with_variants() -> None:
    # "we" (its first letter in either case), "4" and "it’s" (variants), "alone" (the match may end inside a word)
    assert literal_words("we will do 4 it’s then alone") == ["will", "do", "then"]
    assert literal_words("“— we will do it") == ["will", "do"]   # (the first letter's word, after two of signs)
    assert literal_words("alone") == [] and literal_words("") == []
    # a word that folds to nothing is no word of the pattern: the one before it is the last (review 99)
    assert literal_words("we will do it \u200f") == ["will", "do"]
    assert literal_words("\u200f we will do it") == ["will", "do"]


def test_the_facts_of_a_text_are_what_the_text_itself_answers() -> None:
    text = "alone, we will do it alone; alonealone\n\nalone"
    known = TextFacts(text)
    assert known.words() == frozenset(text.split())
    for word in ("alone", "we", "absent", "e"):
        assert known.count(word) == text.count(word)
        places, pos = [], text.find(word)
        while pos >= 0:
            places.append(pos)
            pos = text.find(word, pos + 1)
        assert known.places(word) == tuple(places)
    assert known.invisible() is False and TextFacts("a\u00adb").invisible() is True


def test_the_facts_are_kept_for_the_same_text_object_only() -> None:
    text = "we will do it alone " * 3
    assert facts(text) is facts(text)
    other = "".join(["we will do it alone "] * 3)   # (equal, another object: its own facts)
    assert other == text and other is not text and facts(other).text is other


def test_a_quote_ending_in_a_mark_that_folds_to_nothing_is_found_where_it_ends_before_punctuation() -> None:
    """Review 99: "… would resume \u200f" was taken to hold "resume" as a whole word, so the search that finds it
    before "." was skipped, and a quote found twice was settled by the closest passage (score 100) without a
    word, where it is ambiguous."""
    text = "Talks to restart\nOfficials said the talks would resume. Later, officials said the talks would resume.\n"
    found = anchor_quote(text, "officials said the talks would resume \u200f")
    assert found.status == "ambiguous" and len(found.candidates) == 2


def test_a_misspelt_quote_in_a_long_text_is_anchored_as_it_was() -> None:
    """The searches skipped for a word no text holds find nothing: the closest passage is the one found before."""
    filler = " ".join(f"Sentence number {n} of the record says nothing." for n in range(3000))
    text = f"{filler} The Customs Commission said it was reviewing the figures. {filler}"
    found = anchor_quote(text, "The Customs Comission said it was reviewing the figures.")
    assert found.status == "fuzzy" and text[found.start:found.end] == \
        "The Customs Commission said it was reviewing the figures."
    exact = anchor_quote(text, "Customs  Commission said\nit was")
    assert exact.status == "exact" and text[exact.start:exact.end] == "Customs Commission said it was"
