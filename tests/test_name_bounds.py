"""The whole-word rules of names, offset by offset (the matcher's view of them is in test_mentions.py)."""

from __future__ import annotations

import pytest

from dossier.core.analyse.name_bounds import bounded


@pytest.mark.parametrize("text, name, whole", [
    ("an Israeli official", "Israel", False),
    ("O'Brien", "Brien", False),
    ("Israel's army", "Israel", True),
    ("לבלינקן", "בלינקן", True),
], ids=["a name inside a longer word", "after another word and an apostrophe", "before a possessive",
        "a longer Hebrew name behind a prefix"])
def test_a_name_is_whole_where_its_neighbours_end_a_word(text, name, whole):
    start = text.index(name)
    assert bounded(text, start, start + len(name)) == whole
