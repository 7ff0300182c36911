"""Unit tables for the core's text helpers: word diffs, the closest passage, visible controls, typography folding,
NFC mapping, problems and their snippets. Each row is one behaviour an editor or a caller relies on."""

from __future__ import annotations

import random

import pytest

from dossier.core.analyse.closest import closest_passage
from dossier.core.common.controls import visible
from dossier.core.common.errors import Problem, did_you_mean, error, has_errors, reading_order, sort_problems, warning
from dossier.core.text.nfc import nfc, nfc_text
from dossier.core.common.snippet import format_problem, snippet, source_line
from dossier.core.common.snippet import visible as visible_source_line
from dossier.core.text.typography import describe_typography, fold_key, has_invisible, normalise
from dossier.core.text.worddiff import word_diff

# --- worddiff ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("quote, article, diff", [
    ("we would do it alone", "we will do it alone", "we [-would-] {+will+} do it alone"),
    ("we will do it alone", "we will do it alone", "we will do it alone"),
    ("we  will\ndo it", "we will do it", "we will do it"),                  # whitespace is never a difference
    ("a b c", "a c d", "a [-b-] c {+d+}"),                                  # shared words stay anchored
    ("hello", "hello world", "hello {+world+}"),
    ("hello world", "hello", "hello [-world-]"),
    ("the end.", "the end!", "the end[-.-] {+!+}"),                         # punctuation is a token of its own
    ("the U.S. said", "the U.S. said", "the U.S. said"),                    # unchanged tokens keep their spacing
])
def test_word_diff_marks_deletions_and_insertions_word_by_word(quote: str, article: str, diff: str) -> None:
    assert word_diff(quote, article) == diff


# --- closest ----------------------------------------------------------------------------------------------

TEXT = "Israeli officials said on Friday that the talks had ended without an agreement on the operation."


@pytest.mark.parametrize("quote, found", [
    ("the talks had ended without an agreement", "the talks had ended without an agreement"),
    ("the talks ended without agreement", "the talks had ended without an agreement"),
    ("officials said on friday", "officials said on Friday"),
])
def test_the_closest_passage_is_whole_words_of_the_text_nearest_the_quote(quote: str, found: str) -> None:
    got = closest_passage(TEXT, fold_key(quote))
    assert got is not None
    start, end, score = got
    assert TEXT[start:end] == found
    assert 0 < score <= 100


def test_a_quote_found_word_for_word_scores_100() -> None:
    start, end, score = closest_passage(TEXT, "the talks had ended")
    assert (TEXT[start:end], score) == ("the talks had ended", 100)


def test_the_closest_passage_spans_the_original_typography() -> None:
    text = "He said: “We’re going to fight alone” and left."
    start, end, score = closest_passage(text, fold_key("“We’re going to fight alone”"))
    assert text[start:end] == "“We’re going to fight alone”" and score == 100


def test_an_empty_text_has_no_closest_passage() -> None:
    assert closest_passage("", "abc") is None


def test_a_quote_planted_in_a_long_text_is_found_by_its_rare_words() -> None:
    # Long enough that the whole-text alignment is over budget: windows are picked by the quote's rare words.
    rng = random.Random(3)
    filler = " ".join(rng.choice(["aid", "the", "and", "of", "said", "port", "talks", "on"]) for _ in range(40_000))
    planted = "the parliamentary commission postponed its unanimous verdict indefinitely"
    text = filler[:100_000] + " " + planted + ". " + filler[100_000:]
    start, end, score = closest_passage(text, "the parliamentary commission postponed its verdict indefinitely")
    assert text[start:end] == planted and score > 90


# --- controls ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("plain text, é and “quotes”", "plain text, é and “quotes”"),
    ("a\x1b[2Jb", "a\\x1b[2Jb"),                          # ESC: a terminal command
    ("line\nnext\tcol", "line\nnext\tcol"),                # newlines and tabs are layout
    ("over\rwrite", "over\\x0dwrite"),                     # a carriage return would overwrite the line
    ("del\x7f c1\x85", "del\\x7f c1\\x85"),
    ("rtl\u202etxt", "rtl\\u202etxt"),                     # a bidi override makes a line read backwards
    ("iso\u2066x\u2069", "iso\\u2066x\\u2069"),
    ("sep\u2028x", "sep\\u2028x"),
    ("bad\udcffname", "bad\\udcffname"),                   # a lone surrogate: a file name that is not UTF-8
    ("cai\u200bro\u2060\ufeff", "cai\\u200bro\\u2060\\ufeff"),  # zero widths that hide in an id
    ("[-members-] {+mem\u00adbers+}", "[-members-] {+mem\\xadbers+}"),  # a soft hyphen: two words alike
    ("\u0645\u06cc\u200c\u0634\u0648\u062f \U0001f469\u200d\U0001f4bb", "\u0645\u06cc\u200c\u0634\u0648\u062f \U0001f469\u200d\U0001f4bb"),  # ZWNJ, ZWJ: text
])
def test_visible_escapes_every_control_character_and_keeps_printable_text(text: str, shown: str) -> None:
    assert visible(text) == shown


# --- typography -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("“We’re” — ok…", "\"We're\" - ok..."),
    ("‘single’ – dash", "'single' - dash"),
    ("plain text", "plain text"),
    ("two  spaces", "two  spaces"),                        # fold_key leaves whitespace alone
])
def test_fold_key_folds_quotes_dashes_and_ellipses(text: str, key: str) -> None:
    assert fold_key(text) == key


@pytest.mark.parametrize("text, normal", [
    ("a  “b”\u00a0— c", 'a "b" - c'),
    ("line\n\nbreak", "line break"),
    ("same", "same"),
])
def test_normalise_collapses_whitespace_and_folds_typography(text: str, normal: str) -> None:
    assert normalise(text).text == normal


def test_a_normalised_span_maps_back_to_the_original_characters() -> None:
    text = "x  “We’re”\u00a0\u00a0here"
    norm = normalise(text)
    start = norm.text.index('"')
    end = norm.text.index("here") + len("here")
    a, b = norm.span(start, end)
    assert text[a:b] == "“We’re”\u00a0\u00a0here"


@pytest.mark.parametrize("text, invisible", [
    ("Ra\u00adfah", True), ("zero\u200bwidth", True), ("joiner\u2060", True), ("\ufeffbom", True),
    ("Rafah", False), ("no\u00a0break", False),
])
def test_has_invisible_sees_soft_hyphens_zero_widths_joiners_and_boms(text: str, invisible: bool) -> None:
    assert has_invisible(text) is invisible


@pytest.mark.parametrize("found, quoted, words", [
    ("We’re here", "We're here", ["curly apostrophe (’)", "straight one (')"]),
    ("“here”", '"here"', ["curly opening double quote", "curly closing double quote"]),
])
def test_describe_typography_names_each_difference(found: str, quoted: str, words: list[str]) -> None:
    sentence = describe_typography(found, quoted)
    assert all(w in sentence for w in words), sentence


def test_describe_typography_is_silent_when_only_whitespace_differs() -> None:
    assert describe_typography("a  b\nc", "a b c") == ""


# --- nfc --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, composed", [("Cafe\u0301", "Café"), ("Café", "Café"), ("", ""), (None, None)])
def test_nfc_composes_and_keeps_none(text: str | None, composed: str | None) -> None:
    assert nfc(text) == composed


def test_text_already_in_nfc_needs_no_map() -> None:
    assert nfc_text("Café and “quotes”") is None


def test_an_nfc_span_maps_back_to_the_decomposed_original() -> None:
    source = "Cafe\u0301 ole\u0301 ok"
    mapped = nfc_text(source)
    assert mapped is not None and mapped.text == "Café olé ok"
    start = mapped.text.index("olé")
    a, b = mapped.span(start, start + 3)
    assert source[a:b] == "ole\u0301"


# --- errors -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("word, choices, hint", [
    ("titel", ["title", "date"], 'did you mean "title"?'),
    ("sorce", ["source", "seed", "source"], 'did you mean "source"?'),
    ("zzz", ["title", "date"], ""),
    ("title", [], ""),
])
def test_did_you_mean_offers_the_closest_choice_or_nothing(word: str, choices: list[str], hint: str) -> None:
    assert did_you_mean(word, choices) == hint


def test_error_and_warning_make_problems_of_their_severity() -> None:
    assert error("a.yaml", 2, 3, "bad", "fix", "code-x") == Problem("a.yaml", 2, 3, "error", "bad", "fix", "code-x")
    assert warning("a.yaml", 1, 1, "odd").severity == "warning"


@pytest.mark.parametrize("problems, errors", [
    ([], False),
    ([warning("a", 1, 1, "w")], False),
    ([warning("a", 1, 1, "w"), error("b", 1, 1, "e")], True),
])
def test_has_errors_is_true_only_with_an_error(problems: list[Problem], errors: bool) -> None:
    assert has_errors(problems) is errors


def test_problems_sort_by_file_then_position_without_duplicates() -> None:
    late, early, other = error("a.yaml", 9, 1, "late"), error("a.yaml", 2, 5, "early"), error("0.yaml", 30, 1, "x")
    assert sort_problems([late, early, other, late]) == (other, early, late)


def test_problems_are_read_errors_first_site_yaml_leading_and_the_output_s_after_the_inputs() -> None:
    link = error("_site/a/index.html", 0, 0, "broken link: /b/")
    fuzzy, unused = warning("content/articles/a.yaml", 4, 1, "fuzzy"), warning("seeds/b.txt", 0, 0, "unused")
    rule, own = warning("site.yaml", 3, 1, "rule"), error("content/articles/a.yaml", 9, 1, "unknown source")
    setting = error("site.yaml", 2, 1, "unknown check")
    build_order = sort_problems([link, fuzzy, unused, rule, own, setting])
    assert reading_order(build_order) == (setting, own, link, rule, fuzzy, unused)
    assert reading_order([fuzzy, unused]) == (fuzzy, unused)


def test_a_problem_formats_as_file_line_col_severity_message_and_hint() -> None:
    assert error("a.yaml", 2, 3, "bad thing", "fix it").format() == "a.yaml:2:3: error: bad thing\n    hint: fix it"


# --- snippet ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sources, file, line, text", [
    ({"a.yaml": "one\ntwo\n"}, "a.yaml", 2, "two"),
    ({"a.yaml": b"\xef\xbb\xbfone\r\ntwo"}, "a.yaml", 1, "one"),     # BOM and CRLF are not the editor's text
    ({"a.yaml": "one\r\ntwo".encode("utf-16")}, "a.yaml", 2, "two"),  # a file saved as UTF-16 (its error)
    ({"a.yaml": "one\ntwo".encode("utf-16-le")}, "a.yaml", 2, "two"),  # ... without a byte-order mark
    ({"a.yaml": "one"}, "a.yaml", 3, None),
    ({"a.yaml": "one"}, "a.yaml", 0, None),
    ({}, "a.yaml", 1, None),
])
def test_source_line_is_the_line_as_text_or_none(sources, file: str, line: int, text: str | None) -> None:
    assert source_line(sources, file, line) == text


def test_a_snippet_puts_the_caret_under_the_column_with_tabs_expanded() -> None:
    problem = error("a.yaml", 2, 3, "bad")
    assert snippet(problem, {"a.yaml": "one\n\tkey: v\n"}).split("\n") == [
        "     |", "   2 |     key: v", "     |      ^"]


def test_a_snippet_of_an_unknown_line_is_empty() -> None:
    assert snippet(error("a.yaml", 7, 1, "bad"), {"a.yaml": "one\n"}) == ""


def test_format_problem_puts_the_snippet_between_header_and_hint() -> None:
    shown = format_problem(error("a.yaml", 2, 3, "bad thing", "fix it"), {"a.yaml": "one\nkey: v\n"})
    assert shown.split("\n") == ["a.yaml:2:3: error: bad thing", "     |", "   2 | key: v", "     |   ^",
                                 "    hint: fix it"]


def test_a_source_line_is_shown_with_its_controls_escaped() -> None:
    assert visible_source_line("a\x1b[2J\tb") == "a\\x1b[2J    b"
