"""What an edit of the entities can change of the mentions found (dossier/core/analyse/mention_changes.py): the
live preview finds an article's mentions again after an alias edit only when a key the edit changed occurs in
its text. The rule holds when, in every text where no changed key occurs, both matchers find the same mentions;
and the keys it names are those whose entries differ. What `find` reads of a matcher for a text
(`what_find_reads`, which keys an article's mentions on the command line) names all that decides its mentions
there, and the preview's derivation of it from the last matcher's is exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.mention_changes import changed_keys, names_none, what_find_reads
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


NAMES = ["Melran", "MELRAN", "melran", "Gaza", "Gaza Strip", "Port Ostra", "Water Agency", "Kalia", "Kalia Melran",
         "Kalia\u2019s", "Kalia's", "Strip", "Ostra", "Straße", "STRASSE", "İstanbul", "Istanbul", "WHO", "US", "加沙",
         "沙特阿拉伯"]
WORDS = NAMES + ["said", "the", "gaza", "istanbul", "strasse", "who", "us", "参加", ",", ".", "\u201c", "\n"]
ENTITIES = st.sampled_from(["a", "b", "c"])
SPECS = st.lists(st.builds(AliasSpec, ENTITIES, st.sampled_from(NAMES)), max_size=6)
# One editor's change to the aliases: one added, one removed, one given to another entity, one written otherwise,
# one written in other capitals or quotes (the same key: "Melran" as "MELRAN", "Kalia's" as "Kalia’s")
EDIT = st.tuples(st.sampled_from(["add", "remove", "entity", "alias", "case"]), st.integers(0, 9), ENTITIES,
                 st.sampled_from(NAMES), st.integers(0, 4))


def _variant(name: str, n: int) -> str:
    return [name, name.upper(), name.lower(), name.title(), name.replace("'", "\u2019").replace("\u2019s", "'s")][n]


def _edited(specs: list[AliasSpec], edits: list[tuple[str, int, str, str, int]]) -> tuple[list[AliasSpec], list[str]]:
    """The specs after `edits`, and the names the edits touched, each as a text may write it."""
    specs, touched = list(specs), []
    for kind, n, entity, name, how in edits:
        at = n % len(specs) if specs else 0
        if kind == "add" or not specs:
            specs.insert(at, AliasSpec(entity, name))
        elif kind == "remove":
            name = specs.pop(at).alias
        elif kind == "entity":
            name = specs[at].alias
            specs[at] = AliasSpec(entity, name)
        elif kind == "alias":
            specs[at] = AliasSpec(specs[at].entity, name)
        else:
            name = specs[at].alias
            specs[at] = AliasSpec(specs[at].entity, _variant(name, how) or name)
        touched.append(_variant(name, (how + 1) % 5) or name)
    return specs, touched


@settings(max_examples=600, deadline=None, derandomize=True)
@given(SPECS, st.lists(EDIT, min_size=1, max_size=2), st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.builds(Exclusion, ENTITIES, st.sampled_from([None, "Gaza", "Melran", "WHO"]),
                          st.sampled_from([None, "x", "y"]), st.sampled_from([None, "said"])), max_size=2),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=2), st.sampled_from(["x", "y"]))
def test_where_no_changed_key_occurs_both_matchers_find_the_same_mentions(before, edits, words, exclusions,
                                                                          cuts, article):
    now, touched = _edited(before, edits)
    old, new = MentionMatcher(before, exclusions), MentionMatcher(now, exclusions)
    text = " ".join(words[:len(words) // 2] + touched + words[len(words) // 2:])   # (what an edit touched, written)
    forbidden = [(start, start + length) for start, length in cuts]
    keys = changed_keys(new, old)
    assert keys is not None
    if names_none(keys, text):
        assert new.find(text, article, forbidden) == old.find(text, article, forbidden), (keys, text)


def test_many_changed_keys_are_looked_for_as_few_are():
    """Past a few keys the text is searched for them all in one pass (a list of entities pasted in)."""
    keys = frozenset({"kalia melran", "port ostra"} | {f"name {n}" for n in range(40)})
    assert not names_none(keys, "Officials in Port Ostra said.") and not names_none(keys, "NAME 17 spoke")
    assert names_none(keys, "Officials in Ostra said.") and names_none(frozenset(list(keys)[:3]), "")


EXCLUSIONS = st.lists(st.builds(Exclusion, ENTITIES, st.sampled_from([None, "Gaza", "Melran", "WHO"]),
                                st.sampled_from([None, "x", "y"]), st.sampled_from([None, "said"])), max_size=2)


@settings(max_examples=800, deadline=None, derandomize=True)
@given(SPECS, st.lists(EDIT, max_size=2), st.lists(st.sampled_from(WORDS), max_size=25), EXCLUSIONS,
       st.none() | EXCLUSIONS, st.booleans(), st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=2),
       st.sampled_from(["x", "y"]))
def test_two_matchers_that_read_the_same_of_a_text_find_the_same_mentions_in_it(before, edits, words, excluded,
                                                                                 otherwise, written, cuts, article):
    """Soundness of `what_find_reads`: where it is the same for two matchers (one derived from the other by an
    editor's edits, exclusions the same or others), both find the same mentions; and where the preview derives it
    from the last matcher's (no key the edits changed occurs in the text: entity_index._reads_again), it is the
    same as read anew."""
    now, touched = _edited(before, edits)
    old = MentionMatcher(before, excluded)
    new = MentionMatcher(now, excluded if otherwise is None else otherwise)
    text = " ".join(words[:len(words) // 2] + (touched if written else []) + words[len(words) // 2:])
    forbidden = [(start, start + length) for start, length in cuts]
    if what_find_reads(new, text) == what_find_reads(old, text):
        assert new.find(text, article, forbidden) == old.find(text, article, forbidden), text
    keys = changed_keys(new, old)
    if keys is not None and names_none(keys, text):
        assert what_find_reads(new, text) == what_find_reads(old, text), (keys, text)


def test_what_find_reads_of_a_text_names_its_keys_entries_and_the_exclusions():
    """The same for a text whatever the aliases it has none of; another when an alias key it has is given
    another entry or the exclusions change; for a text not in NFC, the whole matcher's."""
    text = "Officials in Gaza said MELRAN would go."
    base = MentionMatcher(BASE)
    assert what_find_reads(MentionMatcher([*BASE, AliasSpec("x", "Port Ostra")]), text) == what_find_reads(base, text)
    assert what_find_reads(MentionMatcher([*BASE, AliasSpec("x", "Melran")]), text) != what_find_reads(base, text)
    assert what_find_reads(MentionMatcher(BASE, [Exclusion("gaza", None, "x", None)]), text) != \
        what_find_reads(base, text)
    two = [AliasSpec("a", "Port Ostra"), AliasSpec("b", "Port Ostra")]   # (the first of a key's entries wins)
    assert MentionMatcher(two).find("In Port Ostra.") != MentionMatcher(two[::-1]).find("In Port Ostra.")
    assert what_find_reads(MentionMatcher(two), "In Port Ostra.") != what_find_reads(MentionMatcher(two[::-1]),
                                                                                    "In Port Ostra.")
    assert what_find_reads(MentionMatcher([*BASE, AliasSpec("x", "Port Ostra")]), "Cafe\u0301 in Gaza") != \
        what_find_reads(base, "Cafe\u0301 in Gaza")


def test_a_text_not_in_nfc_is_read_again_whatever_keys_changed():
    """Review 201: aliases put in another order (no key's entries change) leave no changed key, but what find
    reads of the matcher for a text not in NFC is all of it: the preview kept the last digest for such a text,
    another than the one read anew (its mentions were the same; the cache's entry was not)."""
    before = MentionMatcher([AliasSpec("zoe", "Zo\u00eb"), AliasSpec("gaza", "Gaza")])
    after = MentionMatcher([AliasSpec("gaza", "Gaza"), AliasSpec("zoe", "Zo\u00eb")])
    text = "Zoe\u0308 went to Gaza."
    assert changed_keys(after, before) == frozenset()
    assert what_find_reads(after, text) != what_find_reads(before, text)
    assert not names_none(changed_keys(after, before), text)   # (so the preview reads it again)
    assert names_none(frozenset(), "Zo\u00eb went to Gaza.")   # (an NFC text: no key changed, nothing to look for)
