"""What an edit of the entities can change of the mentions found (dossier/core/analyse/mention_changes.py): the
live preview finds an article's mentions again after an alias edit only when a key the edit changed occurs in
its text. The rule holds when, in every text where no changed key occurs, both matchers find the same mentions;
and the keys it names are those whose entries differ."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.mention_changes import changed_keys, names_none
from dossier.core.analyse.mentions import AliasSpec, Exclusion, MentionMatcher

BASE = [AliasSpec("melran", "Kalia Melran"), AliasSpec("melran", "Melran"), AliasSpec("gaza", "Gaza"),
        AliasSpec("agency", "Water Agency")]


def test_an_added_alias_changes_its_key_alone():
    now = MentionMatcher(BASE + [AliasSpec("gaza", "Gaza Strip")])
    assert changed_keys(now, MentionMatcher(BASE)) == {"gaza strip"}
    assert changed_keys(MentionMatcher(BASE), now) == {"gaza strip"}   # (and removed again)


def test_an_alias_given_to_another_entity_or_moved_among_those_of_its_key_changes_that_key():
    moved = [AliasSpec("melran", "Kalia Melran"), AliasSpec("other", "Melran"), *BASE[2:]]
    assert changed_keys(MentionMatcher(moved), MentionMatcher(BASE)) == {"melran"}
    two = [AliasSpec("a", "Port Ostra"), AliasSpec("b", "Port Ostra")]
    assert changed_keys(MentionMatcher(two[::-1]), MentionMatcher(two)) == {"port ostra"}   # (the first one wins)


def test_the_same_aliases_change_nothing_and_other_exclusions_may_change_everything():
    assert changed_keys(MentionMatcher(list(BASE)), MentionMatcher(BASE)) == frozenset()
    excluded = MentionMatcher(BASE, [Exclusion("gaza", "Gaza", "a1")])
    assert changed_keys(excluded, MentionMatcher(BASE)) is None


def test_a_key_is_found_in_a_text_as_the_matcher_reads_it():
    assert not names_none(frozenset({"melran"}), "Officials said MELRAN would go.")     # (case folded)
    assert not names_none(frozenset({"kalia's"}), "Kalia\u2019s words")                 # (typography folded)
    assert names_none(frozenset({"gaza strip"}), "Gaza said the strip was closed.")
    assert names_none(frozenset(), "anything")
    assert not names_none(frozenset({"zz"}), "Cafe\u0301 talk")   # (not in NFC: found again, never skipped)


WORDS = ["Melran", "Gaza", "Strip", "Port", "Ostra", "Water", "Agency", "said", "the", "MELRAN", "gaza", "Kalia",
         "Kalia's", "Kalia\u2019s", ",", "."]
ALIASES = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]),
                             st.sampled_from(["Melran", "Gaza", "Gaza Strip", "Port Ostra", "Water Agency", "Kalia",
                                              "Kalia Melran", "Strip", "MELRAN", "Ostra"])),
                   max_size=7).map(lambda pairs: [AliasSpec(e, a) for e, a in pairs])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(ALIASES, ALIASES, st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from([None, "Gaza", "Melran"])), max_size=2))
def test_where_no_changed_key_occurs_both_matchers_find_the_same_mentions(before, now, words, excluded):
    exclusions = [Exclusion(e, alias) for e, alias in excluded]
    old, new = MentionMatcher(before, exclusions), MentionMatcher(now, exclusions)
    text = " ".join(words)
    keys = changed_keys(new, old)
    assert keys is not None
    if names_none(keys, text):
        assert new.find(text, "x") == old.find(text, "x"), (keys, text)
