"""What a did-you-mean may offer (dossier/core/common/similar.py, errors.did_you_mean): only a name the word is
most likely a slip for. Review 87: difflib's ratio of 0.6 offered names that merely share letters, and following
the hint made the build pass with wrong data."""

from __future__ import annotations

import pytest

from dossier.core.common.errors import did_you_mean
from dossier.core.common.similar import closest, same_numbers, typo_edits, word_form

KINDS = ["quote", "claim", "context", "correction", "question", "figure", "framing", "fact-check"]


@pytest.mark.parametrize("word, choices", [
    ("israel", ["iran", "israeli-war-cabinet", "hamas"]),               # an entity deleted: 36 errors offered "iran"
    ("netanyahu-do-it-alone", ["netanyahu-evacuation", "death-toll"]),  # a comparison file renamed
    ("alone-quote", ["gantz-quote", "dermer-alone-quote"]),             # an annotation id renamed
    ("iran", ["iraq"]),                                                 # a letter changed in a short name
    ("capital-ledger-0002-rail-tunnel", ["capital-ledger-0003-rail-tunnel"]),   # another number: another article
    ("ynet-rafah-rift", ["ynet-rafah-rift-2"]),                         # the second article of the same title
    ("outlet-c", ["outlet-a", "outlet-b"]),                             # two as close: a guess would be a coin
])
def test_no_name_is_offered_that_merely_shares_letters(word: str, choices: list[str]) -> None:
    assert did_you_mean(word, choices) == ""


def test_another_form_of_the_word_is_offered_before_a_word_that_shares_its_letters() -> None:
    assert did_you_mean("quotation", KINDS) == 'did you mean "quote"?'   # (difflib: "question")
    assert word_form("quotation", "quote") == 5 and word_form("entity", "entities") == 3
    assert word_form("israel", "israeli-war-cabinet") is None   # a word more is another thing
    assert word_form("quotation", "question") is None


def test_a_typo_is_a_few_edits_as_few_as_the_name_is_short() -> None:
    assert typo_edits("tyop", "typo") == 1                 # two letters swapped
    assert typo_edits("idf", "ifd") == 1
    assert typo_edits("sad", "said") == 1                  # a letter left out
    assert typo_edits("iraq", "iran") is None              # a changed letter is a quarter of a short name
    assert typo_edits("kairo", "cairo") == 1
    assert typo_edits("benjamin-netanyahy", "benjamin-netanyahu") == 1
    assert typo_edits("israel", "iran") is None
    assert typo_edits("Title", "title") == 0               # case aside
    assert closest("benjamin-netanyahy", ["benjamin-netanyahu", "benjamin-gantz"]) == "benjamin-netanyahu"


def test_numbers_make_two_names_two_things_unless_only_written_otherwise() -> None:
    assert not same_numbers("story-0002", "story-0003") and not same_numbers("rift", "rift-2")
    assert same_numbers("windows1252", "windows-1252")
    assert same_numbers("003_4b9e4924d22b8d15.txt", "003_4b9e4924d22b8d51.txt")   # a seed's digest mistyped
    assert did_you_mean("003_4b9e4924d22b8d15.txt", ["003_4b9e4924d22b8d51.txt"]) == \
        'did you mean "003_4b9e4924d22b8d51.txt"?'


def test_separators_are_no_letters_and_a_shortened_id_is_offered_only_where_asked() -> None:
    """The invalid dossiers' hints that review 87's first rule lost: "utf8x" is "utf-8" with a letter more, and
    an annotation's id or a template's variable written shorter names the one longer name it starts."""
    assert did_you_mean("utf8x", ["utf-8", "utf-16", "latin-1"]) == 'did you mean "utf-8"?'
    assert did_you_mean("cairo", ["cairo-said", "resume"], shortened=True) == 'did you mean "cairo-said"?'
    assert did_you_mean("cards", ["cards_url", "page"], shortened=True) == 'did you mean "cards_url"?'
    assert did_you_mean("gaza", ["gaza-health-ministry"]) == ""   # entities: two things
    assert did_you_mean("rift", ["rift-2", "rift-3"], shortened=True) == ""


def test_a_comparison_named_by_its_last_words_is_offered_the_one_it_ends() -> None:
    """Review 116: compare:do-it-alone got no hint, while netanyahu-do-it-alone is the one comparison it ends."""
    from dossier.core.common.similar import ending, last_words

    assert last_words("do-it-alone", "netanyahu-do-it-alone") == 9
    assert last_words("alone", "netanyahu-do-it-alone") == 15 and last_words("it-alone", "italone") is None
    assert last_words("done", "netanyahu-do-it-alone") is None   # (a word's end is no word)
    comparisons = ["netanyahu-do-it-alone", "dermer-fight-alone", "netanyahu-evacuation"]
    assert ending("do-it-alone", comparisons) == "netanyahu-do-it-alone"
    assert ending("alone", comparisons) == ""   # (two end with it: no guess)
