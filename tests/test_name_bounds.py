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
