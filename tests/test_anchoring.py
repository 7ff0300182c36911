"""Anchoring quotes in article text: tables of real-looking news passages, one rung at a time."""

from __future__ import annotations

import random

import pytest

from dossier.core.analyse.anchors import AnchorResult, Candidate, anchor_quote, shown_score, word_diff

ARTICLE = "\n\n".join([
    "Prime Minister Benjamin Netanyahu said on Thursday that he had spoken with U.S. Secretary of "
    "State Antony Blinken.",
    "“I told him that I hope we would do this with U.S. support but if necessary — we will do it "
    "alone,” Netanyahu said.",
    "A senior official said Israel won’t stop until Hamas is defeated. Washington has warned "
    "against an offensive in Rafah.",
    "The official said the army is ready. Asked about the timing, the official said the army is "
    "ready but the cabinet has not voted.",
    "He added: “We will see…”",
])


def at(passage: str, text: str = ARTICLE) -> tuple[int, int]:
    """Offsets of a passage that occurs once in the text."""
    assert text.count(passage) == 1, passage
    start = text.index(passage)
    return start, start + len(passage)


def nth(passage: str, n: int, text: str = ARTICLE) -> tuple[int, int]:
    """Offsets of the n-th (0-based) occurrence of a passage."""
    start = -1
    for _ in range(n + 1):
        start = text.index(passage, start + 1)
    return start, start + len(passage)


# ---------------------------------------------------------------------------------------- exact

EXACT = [
    pytest.param("I told him that I hope we would do this with U.S. support",
                 at("I told him that I hope we would do this with U.S. support"),
                 id="a verbatim sentence fragment"),
    pytest.param("  I told him that I hope \n", at("I told him that I hope"),
                 id="surrounding whitespace in the quote is ignored"),
    pytest.param("we would\ndo  this with\tU.S. support", at("we would do this with U.S. support"),
                 id="any whitespace run in the quote matches a single space"),
    pytest.param("Netanyahu said. A senior official", at("Netanyahu said.\n\nA senior official"),
                 id="a quote may cross a paragraph break"),
    pytest.param("alone,” Netanyahu said.\n\n\nA senior", at("alone,” Netanyahu said.\n\nA senior"),
                 id="a paragraph break in the quote matches the article's paragraph break"),
    pytest.param("“I told him", at("“I told him"), id="curly quotes that match are exact"),
]


@pytest.mark.parametrize(("quote", "span"), EXACT)
def test_a_quote_found_once_is_exact_with_offsets_into_the_original_text(quote: str, span: tuple[int, int]) -> None:
    result = anchor_quote(ARTICLE, quote)
    assert result == AnchorResult("exact", span[0], span[1], 100.0, (), "", "")


SPACES = [
    pytest.param("\u00a0", id="no-break space"),
    pytest.param("\u202f", id="narrow no-break space"),
    pytest.param("\u2009", id="thin space"),
    pytest.param("\u00a0\n", id="no-break space before a line break"),
]


@pytest.mark.parametrize("space", SPACES)
def test_an_unusual_space_in_the_article_still_matches_an_ordinary_space_exactly(space: str) -> None:
    text = f"Officials said the plan had U.S.{space}support in principle."
    result = anchor_quote(text, "had U.S. support in")
    assert (result.status, result.start, result.end) == ("exact", *at(f"had U.S.{space}support in", text))


def test_a_sole_occurrence_stays_exact_even_when_the_given_prefix_does_not_match() -> None:
    result = anchor_quote(ARTICLE, "Washington has warned", prefix="the White House said", suffix="nobody")
    assert (result.status, (result.start, result.end), result.hint) == ("exact", at("Washington has warned"), "")


# ------------------------------------------------------------------------- prefix and suffix

QUOTE_TWICE = "the army is ready"
FIRST, SECOND = nth(QUOTE_TWICE, 0), nth(QUOTE_TWICE, 1)

CHOOSING = [
    pytest.param({"prefix": "The official said"}, FIRST, id="a prefix chooses the first"),
    pytest.param({"prefix": "the timing, the official said"}, SECOND, id="a longer prefix chooses the second"),
    pytest.param({"prefix": "Asked about the timing,\n the  official\u00a0said"}, SECOND,
                 id="a prefix compares whitespace-flexibly"),
    pytest.param({"prefix": "  The official said  "}, FIRST, id="a prefix with stray spaces still works"),
    pytest.param({"suffix": "."}, FIRST, id="a punctuation suffix chooses the first"),
    pytest.param({"suffix": "but the cabinet"}, SECOND, id="a suffix chooses the second"),
    pytest.param({"suffix": "b"}, SECOND, id="a suffix may end inside a word"),
    pytest.param({"prefix": "official said", "suffix": "but"}, SECOND, id="prefix and suffix together"),
    pytest.param({"prefix": "", "suffix": "but"}, SECOND, id="an empty prefix counts as not given"),
]


@pytest.mark.parametrize(("context", "span"), CHOOSING)
def test_a_prefix_or_suffix_disambiguates_a_repeated_quote(context: dict[str, str], span: tuple[int, int]) -> None:
    result = anchor_quote(ARTICLE, QUOTE_TWICE, **context)
    assert result == AnchorResult("disambiguated", span[0], span[1], 100.0, (), "", "")


# --------------------------------------------------------------------------------- ambiguous

AMBIGUOUS = [
    pytest.param(
        ARTICLE, QUOTE_TWICE,
        [Candidate(*FIRST, "The official said", "."), Candidate(*SECOND, "the official said", "but")],
        'the quote occurs 2 times; add prefix: "The official said" or suffix: "." to choose the first one',
        id="a quote occurring twice lists both with the shortest unique contexts",
    ),
    pytest.param(
        "Protesters chanted “out, out, out” outside the embassy.", "out, out",
        [Candidate(20, 28, "“", ","), Candidate(25, 33, "“out,", "”")],
        'the quote occurs 2 times; add prefix: "“" or suffix: "," to choose the first one',
        id="overlapping occurrences are all listed",
    ),
    pytest.param(
        "No deal. No deal.", "No deal.",
        [Candidate(0, 8, None, "No"), Candidate(9, 17, "deal.", None)],
        'the quote occurs 2 times; add suffix: "No" to choose the first one',
        id="no prefix can single out an occurrence at the very start",
    ),
    pytest.param(
        "He said we will do it. She said we will do it. They said we will do it.", "we will do it",
        [Candidate(8, 21, "He said", ". She"), Candidate(32, 45, "She said", ". They"),
         Candidate(57, 70, "They said", None)],
        'the quote occurs 3 times; add prefix: "He said" or suffix: ". She" to choose the first one',
        id="contexts grow word by word until they differ",
    ),
]


@pytest.mark.parametrize(("text", "quote", "candidates", "hint"), AMBIGUOUS)
def test_a_quote_occurring_several_times_is_ambiguous_and_lists_every_match(
        text: str, quote: str, candidates: list[Candidate], hint: str) -> None:
    result = anchor_quote(text, quote)
    assert result == AnchorResult("ambiguous", None, None, 100.0, tuple(candidates), "", hint)


def test_the_suggested_unique_contexts_each_choose_their_own_occurrence() -> None:
    text = "He said we will do it. She said we will do it. They said we will do it."
    for cand in anchor_quote(text, "we will do it").candidates:
        for context in ({"prefix": cand.unique_prefix}, {"suffix": cand.unique_suffix}):
            if None not in context.values():
                result = anchor_quote(text, "we will do it", **context)
                assert (result.status, result.start, result.end) == ("disambiguated", cand.start, cand.end)


@pytest.mark.parametrize(("context", "says"), [
    pytest.param({"prefix": "the minister said"}, "and the given prefix fits none", id="prefix fitting none"),
    pytest.param({"prefix": "said"}, "and the given prefix fits 2 of them", id="prefix fitting both"),
    pytest.param({"prefix": "said", "suffix": "x"}, "and the given prefix/suffix fits none", id="both given"),
])
def test_a_prefix_that_does_not_narrow_to_one_leaves_the_quote_ambiguous_and_says_so(
        context: dict[str, str], says: str) -> None:
    result = anchor_quote(ARTICLE, QUOTE_TWICE, **context)
    assert (result.status, result.start, len(result.candidates)) == ("ambiguous", None, 2)
    assert result.hint.startswith(f"the quote occurs 2 times {says};")


def test_a_very_frequent_quote_lists_every_match_without_suggesting_contexts() -> None:
    text = " ".join(["and"] * 150)
    result = anchor_quote(text, "and")
    assert result.status == "ambiguous" and len(result.candidates) == 150
    assert all(c.unique_prefix is None and c.unique_suffix is None for c in result.candidates)
    assert result.hint == "the quote occurs 150 times; quote a longer passage to choose one"


# -------------------------------------------------------------------------------- typography

TYPOGRAPHY = [
    pytest.param(ARTICLE, "Israel won't stop", "Israel won’t stop",
                 "the article uses a curly apostrophe (’) where the quote has a straight one (')",
                 "Israel won[-'-] {+’+}t stop", id="curly apostrophe"),
    pytest.param(ARTICLE, '"I told him that I hope', "“I told him that I hope",
                 'the article uses a curly opening double quote (“) where the quote has a straight one (")',
                 '[-"-] {+“+}I told him that I hope', id="curly double quote"),
    pytest.param(ARTICLE, "but if necessary - we will do it alone", "but if necessary — we will do it alone",
                 "the article uses an em dash (—) where the quote has a hyphen (-)",
                 "but if necessary [-hyphen-] {+—+} we will do it alone", id="em dash against a hyphen"),
    pytest.param("Talks ran from 2014–2016 without result.", "from 2014-2016 without", "from 2014–2016 without",
                 "the article uses an en dash (–) where the quote has a hyphen (-)",
                 "from 2014[-hyphen-] {+–+}2016 without", id="en dash against a hyphen"),
    pytest.param(ARTICLE, "We will see...", "We will see…",
                 "the article uses an ellipsis character (…) where the quote has three dots (...)",
                 "We will see[-...-] {+…+}", id="ellipsis character against three dots"),
    pytest.param(ARTICLE, "The cabinet has not voted", "the cabinet has not voted",
                 "the article starts this quote with a lower-case letter",
                 "[-The-] {+the+} cabinet has not voted", id="lower-case first letter in the article"),
    pytest.param(ARTICLE, "“we will see", "“We will see",
                 "the article starts this quote with an upper-case letter",
                 "“[-we-] {+We+} will see", id="upper-case first letter after an opening quote"),
    pytest.param("The nego\u00adtiations resumed on Monday.", "The negotiations resumed",
                 "The nego\u00adtiations resumed",
                 "the article has an invisible soft hyphen (U+00AD) inside this quote",
                 "The [-negotiations-] {+nego\u00adtiations+} resumed", id="soft hyphen inside a word"),
    pytest.param(ARTICLE, "Wash\u00adington has warned", "Washington has warned",
                 "the quote has an invisible soft hyphen (U+00AD) the article lacks",
                 "[-Wash\u00adington-] {+Washington+} has warned", id="soft hyphen only in the quote"),
    pytest.param(ARTICLE, "israel won't stop until", "Israel won’t stop until",
                 "the article starts this quote with an upper-case letter; "
                 "the article uses a curly apostrophe (’) where the quote has a straight one (')",
                 "[-israel-] {+Israel+} won[-'-] {+’+}t stop until", id="two differences at once"),
]


@pytest.mark.parametrize(("text", "quote", "found", "hint", "diff"), TYPOGRAPHY)
def test_a_typographic_mismatch_is_fuzzy_at_99_with_a_hint_naming_the_difference(
        text: str, quote: str, found: str, hint: str, diff: str) -> None:
    result = anchor_quote(text, quote)
    assert result == AnchorResult("fuzzy", *at(found, text), 99.0, (), diff, hint)


def test_a_typographic_mismatch_can_be_disambiguated_by_prefix() -> None:
    text = "He said we won’t go. She said we won’t go."
    result = anchor_quote(text, "we won't go", prefix="She said")
    assert (result.status, result.start, result.end, result.score) == ("fuzzy", *nth("we won’t go", 1, text), 99.0)


def test_a_typographic_mismatch_occurring_twice_is_ambiguous_in_the_article_typography() -> None:
    text = "He said we won’t go. She said we won’t go."
    result = anchor_quote(text, "we won't go")
    assert result.status == "ambiguous" and result.score == 99.0
    assert result.candidates == (Candidate(*nth("we won’t go", 0, text), "He said", ". She"),
                                 Candidate(*nth("we won’t go", 1, text), "She said", None))
    assert result.hint == ("the quote occurs 2 times once typography is ignored (the article uses a curly "
                           "apostrophe (’) where the quote has a straight one ('))"
                           '; add prefix: "He said" or suffix: ". She" to choose the first one')


# ----------------------------------------------------------------------------- fuzzy, orphan

def test_a_one_word_change_is_fuzzy_with_the_true_offsets_and_a_word_diff() -> None:
    result = anchor_quote(ARTICLE, "I told him that I hope we will do this with U.S. support")
    diff = "I told him that I hope we [-will-] {+would+} do this with U.S. support"
    span = at("I told him that I hope we would do this with U.S. support")
    assert (result.status, result.start, result.end) == ("fuzzy", *span)
    assert (result.diff, result.hint, result.candidates) == (diff, f"closest text differs: {diff}", ())
    assert 85.0 <= result.score < 99.0


def test_a_dropped_word_is_fuzzy_and_the_found_text_snaps_to_whole_words() -> None:
    result = anchor_quote(ARTICLE, "said Israel won’t stop until Hamas defeated")
    span = at("said Israel won’t stop until Hamas is defeated")
    assert (result.status, result.start, result.end) == ("fuzzy", *span)
    assert result.diff == "said Israel won’t stop until Hamas {+is+} defeated"


def test_a_quote_differing_only_in_spacing_inside_a_word_says_so() -> None:
    result = anchor_quote(ARTICLE, "with U.S.support but")
    assert (result.status, result.start, result.end) == ("fuzzy", *at("with U.S. support but"))
    assert result.hint == "closest text differs only in spacing: with U.S. support but"


def test_raising_the_fuzzy_floor_turns_a_close_match_into_an_orphan_with_its_closest_candidate() -> None:
    quote = "I told him that I hope we will do this with U.S. support"
    result = anchor_quote(ARTICLE, quote, fuzzy_floor=99.0)
    span = at("I told him that I hope we would do this with U.S. support")
    assert (result.status, result.start, result.end) == ("orphan", None, None)
    assert result.candidates == (Candidate(*span, None, None),)
    assert result.hint == (f"not found; the closest passage (score {int(result.score)}) differs: "
                           "I told him that I hope we [-will-] {+would+} do this with U.S. support")


ORPHANS = [
    pytest.param(ARTICLE, "The prime minister ruled out a ground operation in Rafah this year",
                 id="unrelated sentence"),
    pytest.param("Talks resumed in Cairo.", "The ceasefire collapsed overnight after heavy shelling",
                 id="short article"),
]


@pytest.mark.parametrize(("text", "quote"), ORPHANS)
def test_a_quote_not_in_the_article_is_an_orphan_naming_the_closest_passage(text: str, quote: str) -> None:
    result = anchor_quote(text, quote)
    assert (result.status, result.start, result.end) == ("orphan", None, None)
    assert result.score < 85.0 and len(result.candidates) == 1
    cand = result.candidates[0]
    assert (cand.unique_prefix, cand.unique_suffix) == (None, None)
    assert result.diff == word_diff(quote, text[cand.start:cand.end])
    assert result.hint == f"not found; the closest passage (score {result.score:.0f}) differs: {result.diff}"


@pytest.mark.parametrize("quote", [pytest.param("", id="empty"), pytest.param("  \n\n\u00a0", id="whitespace only")])
def test_an_empty_quote_is_an_orphan_saying_the_quote_is_empty(quote: str) -> None:
    assert anchor_quote(ARTICLE, quote) == AnchorResult("orphan", None, None, 0.0, (), "", "the quote is empty")


def test_a_quote_of_only_invisible_characters_is_an_orphan_saying_it_is_empty() -> None:
    result = anchor_quote(ARTICLE, "\u200b\u00ad")
    assert result == AnchorResult("orphan", None, None, 0.0, (), "",
                                  "the quote is empty: it holds only invisible characters")


@pytest.mark.parametrize("text", [pytest.param("", id="empty"), pytest.param("\n\n", id="blank paragraphs")])
def test_an_empty_article_makes_every_quote_an_orphan_without_candidates(text: str) -> None:
    result = anchor_quote(text, "we will do it alone")
    assert result == AnchorResult("orphan", None, None, 0.0, (), "", "not found; the article text is empty")


def _big_article(size: int = 300_000) -> str:
    rng = random.Random(20240321)
    words = ("Israel Rafah Hamas Gaza Washington official said army cabinet offensive refugees city "
             "support plan ceasefire talks Cairo Egypt border aid trucks minister spoke Thursday the a of "
             "to in and that with for on was were will would could").split()
    paragraphs, size_so_far = [], 0
    while size_so_far < size:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(30, 90))) + "."
        paragraphs.append(paragraph)
        size_so_far += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


@pytest.mark.parametrize("edit", [
    pytest.param(lambda q: q, id="exact"),
    pytest.param(lambda q: q.replace(" ", " the ", 1), id="one word inserted"),
    pytest.param(lambda q: "Nothing in this sentence appears anywhere in the article, not one bit of it. " * 4,
                 id="orphan"),
])
def test_a_300_character_quote_in_a_300_kB_article_is_anchored_at_its_own_offsets(edit) -> None:
    # Speed is measured by bench/bench_anchoring.py, never asserted in a test.
    text = _big_article()
    start = text.index(" ", 150_000) + 1
    end = text.index(" ", start + 300)
    quote = edit(text[start:end])
    result = anchor_quote(text, quote)
    assert result.status == ("orphan" if quote.startswith("Nothing") else "exact" if quote == text[start:end] else "fuzzy")
    if result.status != "orphan":
        assert (result.start, result.end) == (start, end)


# --------------------------------------------------------------------------------- word_diff

DIFFS = [
    pytest.param("we would do it alone", "we will do it alone", "we [-would-] {+will+} do it alone", id="substitution"),
    pytest.param("we will do it alone", "we will do it alone", "we will do it alone", id="identical"),
    pytest.param("we  will\n\ndo it", "we will do it", "we will do it", id="whitespace is not a difference"),
    pytest.param("do it alone", "do it all alone", "do it {+all+} alone", id="insertion"),
    pytest.param("if necessary we will", "if we will", "if [-necessary-] we will", id="deletion"),
    pytest.param("a b c", "a c d", "a [-b-] c {+d+}", id="shared words stay anchored"),
    pytest.param("U.S. support", "US support", "[-U.S.-] {+US+} support", id="punctuation inside a word"),
    pytest.param("won't", "won’t", "won[-'-] {+’+}t", id="a single punctuation mark"),
    pytest.param("alone.", "alone,” he said.", "alone{+,” he said+}.", id="punctuation keeps its spacing"),
    pytest.param("", "new words", "{+new words+}", id="from nothing"),
    pytest.param("old words", "", "[-old words-]", id="to nothing"),
    pytest.param("", "", "", id="both empty"),
    pytest.param("Tel-Aviv", "Tel Aviv", "Tel[-hyphen-] Aviv", id="a deleted hyphen is named, not [---]"),
    pytest.param("C++ code", "C code", "C[-plus sign plus sign-] code", id="plus signs are named too"),
    pytest.param("a - b", "a b", "a [-hyphen-] b", id="a spaced dash"),
]


@pytest.mark.parametrize(("a", "b", "expected"), DIFFS)
def test_word_diff_marks_deletions_and_insertions_between_equal_runs(a: str, b: str, expected: str) -> None:
    assert word_diff(a, b) == expected


def test_a_close_match_never_reads_as_score_100_only_an_exact_one_does() -> None:
    text = ("The current war has reportedly killed almost 32,000 Palestinians, according to the Hamas-controlled "
            "Gaza Health Ministry, which does not distinguish between civilians and fighters.")
    slip = "The current war has reportedly kiled almost 32,000 Palestinians, according to the Hamas-controlled Gaza"
    result = anchor_quote(text, slip)
    assert result.status == "fuzzy" and 99 < result.score < 100        # (it rounds to 100)
    assert shown_score(result.score) == 99 and shown_score(100.0) == 100 and shown_score(95.9) == 95


def test_a_prefix_or_suffix_that_does_not_fit_a_quote_found_once_is_named_with_the_words_there() -> None:
    text = "Israel will go into Rafah alone, he told the United States, officials said."
    assert anchor_quote(text, "the United States", "he told", ", officials").unfit == ""    # both fit
    assert anchor_quote(text, "the United States", "told", "").unfit == ""                  # the end of a word fits
    assert anchor_quote(text, "the United States", "he tld", None).unfit == \
        'prefix "he tld" does not fit the words before it, "he told"'
    assert anchor_quote(text, "the United States", None, "officals said").unfit == \
        'suffix "officals said" does not fit the words after it, ", officials"'
    both = anchor_quote(text, "the United States", "x", "y")
    assert both.status == "exact" and " and suffix " in both.unfit
    twice = "He told the United States. She told the United States too."
    assert anchor_quote(twice, "the United States", "She told", None).unfit == ""     # it chooses: no warning


def test_a_context_that_does_not_fit_is_shown_on_one_line_quoted_with_its_invisible_characters_escaped() -> None:
    soft = anchor_quote("The Bundes\u00adregierung said the ceasefire held.", "the ceasefire held", "Bundesregierung said")
    assert soft.unfit == ('prefix "Bundesregierung said" differs from the words before it, "Bundes\\u00adregierung '
                          'said", only in typography: the article has an invisible soft hyphen (U+00AD) inside this '
                          'prefix')
    assert anchor_quote("the ceasefire held.", "the ceasefire held", "he said").unfit == \
        'prefix "he said" does not fit: nothing stands before the quote'
    assert anchor_quote("He said the talks.", "the talks", 'He\nsaid "yes"').unfit == \
        'prefix "He said \\"yes\\"" does not fit the words before it, "He said"'
    # (matched only approximately, the context is checked too: it chose no passage close to the quote)
    assert anchor_quote("He said the talks would resume.", "the talks would resume nxt", "She said").unfit == \
        'prefix "She said" does not fit the words before it, "He said"'


# Hebrew and Arabic: a quote is the article's words whatever marks, digits and punctuation either writes them with.
@pytest.mark.parametrize("text, quote, found, hint", [
    ("ראש הממשלה אמר: נעשה את זה לבד, גם אם נצטרך.", "נַעֲשֶׂה אֶת זֶה לְבַד", "נעשה את זה לבד",
     "the quote has Hebrew points (niqqud) the article lacks"),
    ("ראש הממשלה אמר: נַעֲשֶׂה אֶת זֶה לְבַד, גם אם נצטרך.", "נעשה את זה לבד", "נַעֲשֶׂה אֶת זֶה לְבַד",
     "the article has Hebrew points (niqqud) the quote lacks"),
    ("قال إن ٤٠ ألفا من السكان", "40 ألفا", "٤٠ ألفا", "the article has “٤٠” where the quote has “40”"),
    ("وقال إن الحرب ستكـــون طويلة", "الحرب ستكون طويلة", "الحرب ستكـــون طويلة", "tatweel"),
    ("ראש הממשלה אמר ״לבד״ היום", 'אמר "לבד" היום', "אמר ״לבד״ היום", "gershayim (״)"),
    ("وحذّر الوزير من الهجوم", "وحذر الوزير", "وحذّر الوزير", "Arabic vowel marks (harakat)"),
    ("هل هذا صحيح؟ قال الوزير", "هل هذا صحيح? قال", "هل هذا صحيح؟ قال", "Arabic question mark"),
    ("מחבלים חמושים \u200fיצאו מרפיח", "חמושים יצאו", "חמושים \u200fיצאו", "invisible right-to-left mark (U+200F)"),
    # the article's last letter carries a mark: it ends after the mark (the match was thrown away as cutting one)
    ("قالَ إنَّ إسرائيلَ سَتَدخُلُ رفحَ وَحدَها", "ستدخل رفح", "سَتَدخُلُ رفحَ", "Arabic vowel marks (harakat)"),
    ("היא אמרה: לְבַדָּהּ אִם צריך", "לבדה", "לְבַדָּהּ", "Hebrew points (niqqud)"),
])
def test_marks_digits_and_punctuation_of_hebrew_and_arabic_anchor_with_a_hint(text, quote, found, hint) -> None:
    """A pointed quote of an unpointed text (or the reverse), Arabic-Indic digits, a tatweel, gershayim, a mark
    pasted from a browser: each failed to anchor (an error, scores 71-91) with no word on why (review 38)."""
    result = anchor_quote(text, quote)
    assert (result.status, text[result.start:result.end]) == ("fuzzy", found)
    assert hint in result.hint, result.hint


def test_a_quote_with_a_slip_is_found_in_a_long_seed_where_one_half_of_it_is_whole() -> None:
    """In seeds over ~150 kB the closest passage is looked for in a few windows chosen by the quote's rarer words,
    which missed the place of nearly half of the quotes with a one-letter slip (reported "not found", closest
    passage elsewhere, review 68); a half of the quote found whole locates it. 700 kB of words as frequent as
    a language's (Zipf), 20 seven-word quotes, each with a letter changed in its middle word."""
    rng = random.Random(4)
    vocab = ["".join(rng.choice("abcdefghijklmnoprstuvw") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    words = rng.choices(vocab, [1 / (i + 1) for i in range(len(vocab))], k=110_000)
    text, found = " ".join(words), []
    for _ in range(20):
        at = rng.randrange(0, len(words) - 8)
        quote = words[at:at + 7]
        if text.count(" ".join(quote)) != 1:
            continue
        slipped = quote[:3] + [quote[3][:1] + ("x" if quote[3][1:2] != "x" else "z") + quote[3][2:]] + quote[4:]
        result = anchor_quote(text, " ".join(slipped))
        found.append(result.status == "fuzzy" and abs(result.start - text.find(" ".join(quote))) < 10)
    assert len(found) >= 15 and all(found), found


# ------------------------------------------------------- an approximate match and its context

# The same sentence twice, as a report's subheadline and again in its body, with one name spelt two ways.
REPEATED = "\n\n".join([
    "Strategic Affairs Minister Ron Dermer and National Security Adviser Tzahi Hanegbi are expected in Washington.",
    "Blinken warned of a humanitarian catastrophe.",
    "Strategic Affairs Minister Ron Dermer and National Security Adviser Tzachi Hanegbi are expected in Washington.",
])
MISSPELT = "Minister Ron Dermr and National Security Adviser"   # "Dermer": its corrected words occur twice
CORRECTED = "Minister Ron Dermer and National Security Adviser"


@pytest.mark.parametrize(("context", "n"), [
    pytest.param({"prefix": "humanitarian catastrophe. Strategic Affairs"}, 1, id="a prefix chooses the second"),
    pytest.param({"prefix": "Strategic Affairs"}, None, id="a prefix both have leaves it ambiguous"),
    pytest.param({"suffix": "Tzachi"}, 1, id="a suffix chooses the second"),
    pytest.param({"suffix": "Tzahi Hanegbi"}, 0, id="a suffix chooses the first"),
    pytest.param({"prefix": "catastrophe. Strategic Affairs", "suffix": "Tzachi"}, 1, id="prefix and suffix"),
])
def test_a_misspelt_quote_of_repeated_words_is_placed_where_its_prefix_or_suffix_says(
        context: dict[str, str], n: int | None) -> None:
    """Review: the closest passage was taken as found, its prefix and suffix unread: a note whose prefix chose
    the body's sentence was placed on the subheadline, and nothing said the corrected words occur twice."""
    result = anchor_quote(REPEATED, MISSPELT, **context)
    if n is None:
        assert (result.status, len(result.candidates)) == ("ambiguous", 2)
        assert "and the given prefix fits 2 of them" in result.hint
        return
    assert (result.status, (result.start, result.end)) == ("fuzzy", nth(CORRECTED, n, REPEATED))
    assert (result.unfit, result.closest) == ("", True)
    assert result.diff == "Minister Ron [-Dermr-] {+Dermer+} and National Security Adviser"


def test_a_misspelt_quote_whose_corrected_words_occur_twice_is_ambiguous_with_the_contexts_that_choose() -> None:
    result = anchor_quote(REPEATED, MISSPELT)
    assert (result.status, result.start, result.closest) == ("ambiguous", None, True)
    assert result.candidates == (Candidate(*nth(CORRECTED, 0, REPEATED), None, "Tzahi"),
                                 Candidate(*nth(CORRECTED, 1, REPEATED), "catastrophe. Strategic Affairs", "Tzachi"))
    assert result.hint == ("the quote occurs 2 times once corrected (closest text differs: Minister Ron [-Dermr-] "
                           '{+Dermer+} and National Security Adviser); add suffix: "Tzahi" to choose the first one')
    for cand in result.candidates:   # each suggested context places the misspelt quote on its own passage
        for context in ({"prefix": cand.unique_prefix}, {"suffix": cand.unique_suffix}):
            if None not in context.values():
                chosen = anchor_quote(REPEATED, MISSPELT, **context)
                assert (chosen.status, chosen.start, chosen.end) == ("fuzzy", cand.start, cand.end)


def test_a_misspelt_quote_s_context_that_stands_beside_no_close_passage_is_said_to_fit_none() -> None:
    twice = anchor_quote(REPEATED, MISSPELT, suffix="Hanegbi")
    assert (twice.status, len(twice.candidates)) == ("ambiguous", 2)
    assert "and the given suffix fits none;" in twice.hint
    once = anchor_quote(REPEATED, "Blinken warned of a humanitarian catastrophy", prefix="Tzachi Hanegbi")
    assert (once.status, once.start, once.end) == (
        "fuzzy", *at("Blinken warned of a humanitarian catastrophe", REPEATED))
    assert once.unfit == 'prefix "Tzachi Hanegbi" does not fit the words before it, "in Washington."'


def test_a_prefix_chooses_a_passage_a_little_less_close_than_the_closest() -> None:
    """The quote is closest to the subheadline ("Tzahi" as it spells it), but its prefix stands before the body's
    sentence, which spells the name "Tzachi": that one is meant, the quote misspelt twice."""
    quote = "Ron Dermr and National Security Adviser Tzahi Hanegbi"
    closest = anchor_quote(REPEATED, quote)
    assert (closest.status, closest.start) == ("fuzzy", REPEATED.index("Ron Dermer"))
    chosen = anchor_quote(REPEATED, quote, prefix="catastrophe. Strategic Affairs Minister")
    body = nth("Ron Dermer and National Security Adviser Tzachi Hanegbi", 0, REPEATED)
    assert (chosen.status, (chosen.start, chosen.end), chosen.unfit) == ("fuzzy", body, "")
    assert chosen.score < closest.score


# Two sentences of the default dossier's Ynet report, each quoted below with a word near one end left out.
YNET = ("Palestinian civilians. The current war has reportedly killed almost 32,000 Palestinians, according to the "
        "Hamas-controlled Gaza Health Ministry, without providing a breakdown of civilians and fighters.\n\n"
        "The prospect of tanks and troops storming Rafah worries Washington in the absence of a plan to move more "
        "than a million Palestinians who have sheltered there since being displaced elsewhere in the Gaza Strip.")
TOLL = ("The current war has reportedly killed almost 32,000 Palestinians, according to the Hamas-controlled Gaza "
        "Health Ministry, without providing a breakdown of civilians and fighters.")
SHELTERED = "more than a million Palestinians who have sheltered there"


@pytest.mark.parametrize(("quote", "context", "passage"), [
    pytest.param(TOLL.replace("current ", ""), {"prefix": "Palestinian civilians."}, TOLL, id="its second word"),
    pytest.param(SHELTERED.replace("sheltered ", ""), {"suffix": "since being"}, SHELTERED,
                 id="its last word but one"),
    pytest.param(SHELTERED.replace("sheltered ", ""), {"prefix": "plan to move", "suffix": "since being"},
                 SHELTERED, id="its last word but one, given a prefix and a suffix"),
    pytest.param(TOLL.replace("current ", "").replace("and ", ""),
                 {"prefix": "Palestinian civilians.", "suffix": "The prospect"}, TOLL, id="a word near each end"),
])
def test_the_true_context_of_a_quote_that_leaves_out_a_word_near_one_end_places_it_over_that_word(
        quote: str, context: dict[str, str], passage: str) -> None:
    """Review: the passage closest to such a quote drops its edge word too ("war has reportedly…", without "The"),
    so the true prefix does not stand beside it; the passage beside the prefix ("The current war…") was read and
    then turned away, a shorter one inside it scoring higher, and the context was said not to fit (a false
    anchor-context warning, 101 of 6,653 such quotes of the default dossier)."""
    result = anchor_quote(YNET, quote, **context)
    assert (result.status, (result.start, result.end), result.unfit) == ("fuzzy", at(passage, YNET), "")
