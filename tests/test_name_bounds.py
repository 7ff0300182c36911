"""The whole-word rules of names, offset by offset (the matcher's view of them is in test_mentions.py)."""

from __future__ import annotations

import pytest

from dossier.core.analyse.name_bounds import bounded, shouted


@pytest.mark.parametrize("text, name, whole", [
    ("an Israeli official", "Israel", False),
    ("l'Iran", "Iran", True),
    ("O'Brien", "Brien", False),
    ("Israel's army", "Israel", True),
    ("İsrail'in", "İsrail", True),
    ("Don't", "Don", False),
    ("说以色列将", "以色列", True),
    ("美丽", "美", False),
    ("وغزة", "غزة", True),
    ("بغزة", "غزة", False),
    ("لبلينكن", "بلينكن", True),
], ids=["a name inside a longer word", "after an elided article", "after another word and an apostrophe",
        "before a possessive", "before a Turkish case ending", "before an English contraction", "between Chinese words",
        "one Chinese character inside a word", "a three-letter Arabic name behind and",
        "a three-letter Arabic name behind another prefix", "a longer Arabic name behind a prefix"])
def test_a_name_is_whole_where_its_neighbours_end_a_word(text, name, whole):
    start = text.index(name)
    assert bounded(text, start, start + len(name)) == whole


@pytest.mark.parametrize("text, name, loud", [
    ("HELP US, SAY GAZA", "US", True),
    ("said it. WHO IS TO BLAME?", "WHO", True),
    ("the US-led coalition", "US", False),
    ("US", "US", False),
    ("A US PLAN", "US", True),
    ("a US PLAN", "US", True),
    ("THE END. US officials", "US", False),
], ids=["a headline", "a shouted question after a sentence", "running text", "no words around",
        "one-letter words do not count", "nor small ones", "a sentence end bounds the words looked at"])
def test_an_acronym_is_shouted_among_words_all_in_capitals(text, name, loud):
    start = text.index(name)
    assert shouted(text, start, start + len(name)) == loud


@pytest.mark.parametrize("text, name, whole", [
    ("Senator Alfonse D'Amato said", "Amato", False),
    ("Marcello Dell'Utri", "Utri", False),
    ("L'Iran a dit", "Iran", True),
    ("Il a dit. D'Israël", "Israël", True),
    ("Ma'ariv reported", "Ma", False),
    ("Jack Ma's firm", "Ma", True),
    ("the UN's envoy", "UN", True),
    ('ובצה"ל', 'צה"ל', True),
], ids=["a surname's particle mid-sentence", "an Italian surname's particle", "an elided article that begins a "
        "sentence", "after a full stop", "a two-letter name takes only 's", "a two-letter name's possessive",
        "an acronym's possessive", "a Hebrew acronym with gershayim behind its prefixes"])
def test_review_64_the_bounds_of_particles_short_names_and_hebrew_acronyms(text, name, whole):
    start = text.index(name)
    assert bounded(text, start, start + len(name)) == whole


def test_only_an_acronym_that_spells_a_word_is_lost_in_a_shouted_line() -> None:
    """"NATO, EU LEADERS MEET", "IDF'S CHIEF": names there too; "HELP US": not to be told from "us" (review 64)."""
    from dossier.core.analyse.mentions import AliasSpec, MentionMatcher
    from dossier.core.analyse.name_bounds import WORDLIKE

    assert {"us", "who", "it", "is"} <= WORDLIKE and not {"nato", "idf", "eu", "unrwa"} & WORDLIKE
    matcher = MentionMatcher([AliasSpec("nato", "NATO"), AliasSpec("idf", "IDF"), AliasSpec("us", "US")])
    found = [(m.entity, m.start) for m in matcher.find("NATO, EU LEADERS MEET. IDF'S CHIEF: HELP US NOW")]
    assert found == [("nato", 0), ("idf", 23)]


def test_in_chinese_the_longest_of_two_overlapping_names_wins_wherever_each_begins() -> None:
    """"加沙" (Gaza) began first in "参加沙特阿拉伯" and hid "沙特阿拉伯" (Saudi Arabia), review 64."""
    from dossier.core.analyse.mentions import AliasSpec, MentionMatcher

    matcher = MentionMatcher([AliasSpec("gaza", "加沙"), AliasSpec("saudi", "沙特阿拉伯")])
    text = "布林肯将参加沙特阿拉伯举行的会议，讨论加沙。"
    assert [(text[m.start:m.end], m.entity) for m in matcher.find(text)] == [("沙特阿拉伯", "saudi"), ("加沙", "gaza")]
    # (elsewhere the leftmost still wins: "New York" in "New York Times" when both are names)
    both = MentionMatcher([AliasSpec("ny", "New York"), AliasSpec("nyt", "York Times")])
    assert [m.entity for m in both.find("the New York Times said")] == ["ny"]
