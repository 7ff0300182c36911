"""The words around a place of a quote (context_words.py) and the passages close to a misspelt quote that its
prefix or suffix stands beside (close_passages.py): unit tables."""

from __future__ import annotations

import random

import pytest

from dossier.core.analyse.close_passages import PLACES, chosen_close, edge_as_quoted
from dossier.core.analyse.context_words import (Words, contexts_of, keys, reversed_text, shown, unfit,
                                                words_after, words_before)
from dossier.core.analyse.anchors import anchor_quote
from dossier.core.text.typography import fold_key

TEXT = "He said we will go. She said we will go alone. They said nothing."


def test_a_context_is_compared_word_by_word_nearest_the_quote_first() -> None:
    assert keys("She  said", str, before=True) == ["said", "She"]
    assert keys("alone.\nThey", str, before=False) == ["alone.", "They"]
    assert keys("  ", str, before=True) == [] and keys(None, str, before=False) == []
    assert keys("won’t go", fold_key, before=False) == ["won't", "go"]


def test_the_words_before_and_after_a_place_are_read_nearest_first() -> None:
    at = TEXT.index("we will go alone")
    before = Words(words_before(reversed_text(TEXT), at))
    after = Words(words_after(TEXT, at + len("we will go")))
    assert [before.get(k) for k in range(3)] == ["said", "She", "go."]
    assert [after.get(k) for k in range(2)] == ["alone.", "They"]


def test_each_place_gets_the_fewest_words_no_other_place_has() -> None:
    spans = [(TEXT.index("we will go"), TEXT.index("we will go") + 10),
             (TEXT.rindex("we will go"), TEXT.rindex("we will go") + 10)]
    assert contexts_of(TEXT, reversed_text(TEXT), spans, str) == (["He said", "She said"], [".", "alone."])


def test_a_context_that_does_not_fit_is_named_with_the_words_there() -> None:
    at = TEXT.index("we will go alone")
    before, after = Words(words_before(reversed_text(TEXT), at)), Words(words_after(TEXT, at + 16))
    assert unfit(before, after, ["said", "they"], [], "they said", None, str) == \
        'prefix "they said" does not fit the words before it, "She said"'
    assert shown("a\u00adb  c") == '"a\\u00adb c"'


REPORT = ("Ron Dermer and National Security Adviser Tzahi Hanegbi are expected in Washington. "
          "Blinken warned of a humanitarian catastrophe. "
          "Ron Dermer and National Security Adviser Tzachi Hanegbi are expected in Washington.")


@pytest.mark.parametrize(("prefix", "suffix", "expected"), [
    pytest.param("catastrophe.", None, "Ron Dermer and National Security Adviser Tzachi Hanegbi",
                 id="the passage after the prefix"),
    pytest.param(None, "are expected", None, id="a suffix both passages have: the closer one"),
    pytest.param("humanitarian", None, None, id="a prefix a word away from the close passage chooses none"),
    pytest.param(None, None, None, id="no context: none"),
])
def test_the_close_passage_a_context_stands_beside_is_chosen(prefix: str | None, suffix: str | None,
                                                             expected: str | None) -> None:
    nq = "Ron Dermr and National Security Adviser Tzahi Hanegbi"
    found = chosen_close(REPORT, reversed_text(REPORT), nq, prefix, suffix, 85.0)
    if expected is None and suffix:
        assert [REPORT[s:e] for s, e, _ in found] == ["Ron Dermer and National Security Adviser Tzahi Hanegbi"]
    elif expected is None:
        assert found == []
    else:
        ((start, end, score),) = found
        assert REPORT[start:end] == expected and 85.0 <= score < 100.0


def test_a_context_found_too_often_chooses_no_close_passage() -> None:
    text = " ".join(["said the minister of defence."] * (PLACES + 1))
    assert chosen_close(text, reversed_text(text), "the ministr of defence", "said", None, 85.0) == []
    fewer = " ".join(["said the minister of defence."] * 2)
    assert len(chosen_close(fewer, reversed_text(fewer), "the ministr of defence", "said", None, 85.0)) == 2


@pytest.mark.parametrize(("passage", "quote", "at_start", "expected"), [
    pytest.param("The current war has killed", "The war has killed", True, True, id="the second word left out"),
    pytest.param("“The current war has killed", "The war has killed", True, False,
                 id="a quotation mark the quote lacks"),
    pytest.param("“The current war has killed", "\"The war has killed", True, True, id="a quotation mark quoted"),
    pytest.param("The current war has killed", "Teh war has killed", True, True, id="the first word misspelt"),
    pytest.param("catastrophe. Ron Dermer and", "Ron Dermr and", True, False, id="a word of the text before"),
    pytest.param("that the talks would resume", "the talks would resume", True, False, id="a short word before"),
    pytest.param("who have sheltered there", "who have there", False, True, id="the last word but one left out"),
    pytest.param("the talks would resume, he said", "the talks would resume", False, False,
                 id="words of the text after"),
    pytest.param("שָׁלוֹם עֲלֵיכֶם וּבְרָכָה", "שלום וברכה", True, True, id="a pointed Hebrew word, its points aside"),
])
def test_a_passage_beside_a_context_begins_or_ends_with_the_quote_s_own_word(passage: str, quote: str,
                                                                              at_start: bool, expected: bool) -> None:
    assert edge_as_quoted(passage, quote, at_start) is expected


@pytest.mark.parametrize(("first", "bounds"), [
    pytest.param(lambda rng: "The", 2 * 60, id="each paragraph begins with the quote's first word"),
    pytest.param(lambda rng: rng.choice(["We", "They", "Israel", "Hamas", "Well,", "Thanks.", "No"]), 2 * 20,
                 id="the paragraphs begin with other words too"),
])
def test_reading_a_prefix_s_many_places_in_a_long_transcript_scores_few_passages_in_full(
        monkeypatch, first, bounds: int) -> None:
    """Review: at each of up to 100 places of a prefix, every end of a window 1.5 times the quote's length was
    scored apart (fuzz.ratio at each word boundary: 500 alignments for a quote of 2,000 characters, 9 s a quote
    in a 1 MB transcript). Now a place whose passage would begin with another word than the quote's costs no
    alignment, the others one bound (a common subsequence with the whole window), one pass over a window that
    may reach the floor, and one score for the passage it finds. (Scores of single words are not counted.)"""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import LCSseq

    from dossier.core.analyse import closest

    rng = random.Random(20240322)
    words = "Israel Rafah Hamas Gaza army cabinet offensive plan ceasefire talks Cairo aid the a of to in and".split()
    paragraphs = [("BLINKEN: " if k % 2 == 0 else "REPORTER: ") + "The " +
                  " ".join(rng.choice(words) for _ in range(120)) + "." for k in range(120)]
    paragraphs = [p if k in (40, 41) else p.replace("The", first(rng), 1) for k, p in enumerate(paragraphs)]
    text = "\n\n".join(paragraphs)
    counts = {"scored": 0, "bounded": 0, "passes": 0}

    def counted(name: str, call):
        def wrapper(*args, **kwargs):
            counts[name] += len(args[0]) + len(args[1]) > 100 if name == "scored" else 1
            return call(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(fuzz, "ratio", counted("scored", fuzz.ratio))
    monkeypatch.setattr(LCSseq, "similarity", counted("bounded", LCSseq.similarity))
    monkeypatch.setattr(closest, "common_lengths", counted("passes", getattr(closest, "common_lengths", None)),
                        raising=False)   # (a pass over a window: new with the bound)
    for k, fits in ((40, True), (41, False)):   # the minister's paragraph, then a reporter's (a stale prefix)
        said = paragraphs[k].split()[1:]
        result = anchor_quote(text, " ".join(said[:1] + said[2:]), prefix="BLINKEN:")   # its second word left out
        assert result.status == "fuzzy" and (result.unfit == "") is fits
        assert (text[result.start:result.end] == " ".join(said)) is fits
    assert counts["scored"] <= 12 and counts["passes"] <= 2 and counts["bounded"] <= bounds


@pytest.mark.parametrize(("text", "quote", "prefix", "passage", "unfit"), [
    pytest.param("Israel says it has had too great a toll on civilian lives.",
                 "hda too great a toll on civilian lives.", "says it", "had too great a toll on civilian lives.",
                 'prefix "says it" does not fit the words before it, "it has"', id="has for hda"),
    pytest.param("I know we were very clear about it.", "weer very clear", "I know", "were very clear",
                 'prefix "I know" does not fit the words before it, "know we"', id="we for weer"),
])
def test_another_short_word_is_no_slip_of_a_misspelt_quote_s_first_word(text: str, quote: str, prefix: str,
                                                                        passage: str, unfit: str) -> None:
    """Review: a closeness score of 60 let "has" stand for "hda" (and "we" for "weer"), so a stale prefix took a
    word the quote does not have into its passage, unwarned. Only a typo of the word (similar.typo_edits) is."""
    result = anchor_quote(text, quote, prefix=prefix)
    assert (text[result.start:result.end], result.unfit) == (passage, unfit)


@pytest.mark.parametrize(("text", "quote", "context", "passage", "unfit"), [
    pytest.param("He said that if necessary — we will do it alone. Then he left.", "we will do it alne",
                 {"prefix": "if necessary"}, "we will do it alone",
                 'prefix "if necessary" does not fit the words before it, "necessary —"', id="a dash"),
    pytest.param("Smoke over Rafah ( Photo: AP /Hatem Ali )\n\nDermer, a former ambassador to Washington",
                 "Dermer, a former ambassador tox", {"prefix": "/Hatem Ali"}, "Dermer, a former ambassador to",
                 'prefix "/Hatem Ali" does not fit the words before it, "Ali )"', id="a paragraph break"),
    pytest.param("We will fight until the battle is won .\"\n\nLater, he left.", "teh battle is won",
                 {"suffix": "Later,"}, "the battle is won",
                 'suffix "Later," does not fit the words after it, ".\\""', id="the suffix side"),
])
def test_a_context_one_mark_short_takes_no_mark_into_the_passage(text: str, quote: str, context: dict[str, str],
                                                                  passage: str, unfit: str) -> None:
    """Review: the edge word was read as letters only, so a passage beside a stale prefix (suffix) began (ended)
    with a dash, a bracket and a paragraph break, or a closing quotation mark, the quote does not have, and the
    context was not warned of. The passage is the quote's own words, and the context is warned of as the exact
    rung warns of it."""
    result = anchor_quote(text, quote, **context)
    assert (text[result.start:result.end], result.unfit) == (passage, unfit)


TURKISH = "İstanbul'da büyük bir toplantı yapıldı ve bakanlar katıldı"
HINDI = "भारत सरकार ने आज नई दिल्ली में बैठक के बाद एक बयान जारी किया"


@pytest.mark.parametrize(("sentence", "first", "second", "quote", "prefix"), [
    pytest.param(TURKISH, "Birinci haber: ", "İkinci haber: ", TURKISH.replace("İstanbul", "Istanbul"),
                 "İkinci haber:", id="a dotted capital I"),
    pytest.param(HINDI, "पहली खबर: ", "दूसरी खबर: ", HINDI.replace("भारत", "भरत"), "दूसरी खबर:",
                 id="a Devanagari vowel sign"),
])
def test_a_true_prefix_chooses_its_passage_when_the_first_word_holds_a_combining_mark(
        sentence: str, first: str, second: str, quote: str, prefix: str) -> None:
    """Review: the edge word was read as \\w+, which stops at a combining mark ("भारत" read as "भ") and at the dot
    "İ" folds to ("i" and U+0307), so the passage after the true prefix never began as the quote does: the quote
    was placed in the other paragraph, with a false anchor-context warning. Words are compared whole, the marks
    kept with their letters."""
    changed = sentence.split()[-3]
    text = first + sentence + " 1.\n\n" + second + sentence.replace(changed, changed + changed[-1]) + " 2."
    result = anchor_quote(text, quote, prefix=prefix)
    start = text.index(second) + len(second)
    assert (result.start, result.end, result.unfit) == (start, text.index(" 2."), "")


@pytest.mark.parametrize("invisible", [pytest.param("\u00ad", id="a soft hyphen"),
                                       pytest.param("\u200b", id="a zero-width space")])
def test_a_suffix_holding_an_invisible_character_in_the_text_ends_the_passage_after_the_prefix(invisible: str) -> None:
    """Review: given both a prefix and a suffix, the suffix's places were sought in the raw text, where "dis" and
    "placed" are parted by a soft hyphen, so the passage after the true prefix could end nowhere: the quote was
    placed on the first copy, with a false anchor-context warning. They are sought as the rest of anchoring
    finds text, in its normal form."""
    sentence = "more than a million Palestinians who have sheltered there"
    text = (f"A plan to move {sentence} since being dis{invisible}placed. Later: a plan to move "
            f"{sentence.replace('million', 'milion')} since being dis{invisible}placed. End.")
    result = anchor_quote(text, sentence.replace("who ", ""), prefix="Later: a plan to move",
                          suffix="since being displaced.")
    start = text.index("Later: a plan to move ") + len("Later: a plan to move ")
    assert (result.start, result.end, result.unfit) == (start, text.rindex(" since"), "")
