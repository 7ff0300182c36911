"""Entity mentions: what counts as naming an entity, and what never does."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.mentions import (AliasSpec, Exclusion, Mention, MentionMatcher, alias_collisions, match_key,
                                   sentence_around, sentence_spans)

ALIASES = (
    AliasSpec("benjamin-netanyahu", "Benjamin Netanyahu"),
    AliasSpec("benjamin-netanyahu", "Netanyahu"),
    AliasSpec("benjamin-netanyahu", "Bibi"),
    AliasSpec("israel", "Israel"),
    AliasSpec("gaza", "Gaza"),
    AliasSpec("gaza-strip", "Gaza Strip"),
    AliasSpec("hamas", "Hamas"),
    AliasSpec("idf", "IDF"),
    AliasSpec("idf", "IDF Spokesperson"),
    AliasSpec("united-states", "US"),
    AliasSpec("united-states", "U.S."),
    AliasSpec("united-states", "United States"),
    AliasSpec("antony-blinken", "Antony Blinken"),
    AliasSpec("tzachi-hanegbi", "Tzachi Hanegbi"),
    AliasSpec("tzachi-hanegbi", "Tzahi Hanegbi"),
    AliasSpec("mo", "Mo"),
)
MATCHER = MentionMatcher(ALIASES)


def found(text: str, matcher: MentionMatcher = MATCHER, **kw) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entity) for m in matcher.find(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("Benjamin Netanyahu spoke", [("Benjamin Netanyahu", "benjamin-netanyahu")]),
    ("the Gaza Strip is", [("Gaza Strip", "gaza-strip")]),
    ("in Gaza Stripes", [("Gaza", "gaza")]),
    ("Netanyahu and Bibi", [("Netanyahu", "benjamin-netanyahu"), ("Bibi", "benjamin-netanyahu")]),
], ids=["the longest alias wins over one it contains",
        "a two-word place beats its first word",
        "a longer alias that is not a whole word does not hide the shorter one",
        "two aliases of one entity are two mentions"])
def test_longest_match_wins(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("an Israeli official", []),
    ("Israel's war", [("Israel", "israel")]),
    ("Israel\u2019s war", [("Israel", "israel")]),
    ("Netanyahu\u2019s cabinet", [("Netanyahu", "benjamin-netanyahu")]),
    ("NETANYAHU'S cabinet", [("NETANYAHU", "benjamin-netanyahu")]),
    ("Israel-Hamas war", [("Israel", "israel"), ("Hamas", "hamas")]),
    ("anti-Israel protest", [("Israel", "israel")]),
    ("O'Netanyahu", []),
    ("Netanyahu'sche", [("Netanyahu", "benjamin-netanyahu")]),
    ("Israel.", [("Israel", "israel")]),
    ("Israel\u0301", []),
], ids=["a demonym is not its country", "a possessive with a straight apostrophe is a word end",
        "a possessive with a curly apostrophe is a word end", "a person's possessive with a curly apostrophe",
        "an all-caps possessive", "a hyphen separates two names", "a prefix with a hyphen is a word end",
        "an apostrophe before the name joins it to a word", "an apostrophe and letters after the name are a suffix",
        "a full stop is a word end", "a combining accent continues the word"])
def test_whole_words_only(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("gaza", []),
    ("Gaza", [("Gaza", "gaza")]),
    ("GAZA", [("GAZA", "gaza")]),
    ("HAMAS said", [("HAMAS", "hamas")]),
    ("hamas", []),
    ("let us go", []),
    ("Us and them", []),
    ("the US said", [("US", "united-states")]),
    ("MO", []),
    ("Mo", [("Mo", "mo")]),
    ("idf", []),
    ("Idf", []),
    ("IDF SPOKESPERSON", [("IDF SPOKESPERSON", "idf")]),
    ("Idf Spokesperson", []),
    ("IDF spokesperson", [("IDF", "idf")]),
    ("NetanYahu", [("NetanYahu", "benjamin-netanyahu")]),
    ("antony blinken", []),
], ids=["a lower-case common word is not the place", "the name as written", "all caps for a 4+ letter alias",
        "all caps HAMAS", "lower-case hamas", "the pronoun us is not the US", "a capitalised Us is not the US",
        "the acronym itself", "all caps for a short alias is refused", "a short alias as written",
        "a lower-case acronym is refused", "a capitalised acronym is refused",
        "all caps for a name with an acronym in it", "an acronym inside a name must keep its capitals",
        "each word's capital matters", "only first letters of words are case-sensitive",
        "a lower-case personal name is not the person"])
def test_case_rules_keep_common_words_out(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the U.S. will respond", [("U.S.", "united-states")]),
    ("pressure by the U.S.", [("U.S.", "united-states")]),
    ("pressure by the U.S. The next day", [("U.S.", "united-states")]),
    ("the U.S.-backed plan", [("U.S.", "united-states")]),
    ("the U.S.A. is", []),
    ("the u.s. will", []),
], ids=["an acronym with dots mid-sentence", "an acronym with dots at the end of the text",
        "an acronym with dots at a sentence end", "an acronym with dots before a hyphen",
        "a longer acronym is not the shorter one", "a lower-case dotted acronym is refused"])
def test_acronyms_with_dots(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Antony\u00a0Blinken met", [("Antony\u00a0Blinken", "antony-blinken")]),
    ("Antony\nBlinken met", [("Antony\nBlinken", "antony-blinken")]),
    ("Antony  Blinken met", []),
], ids=["a no-break space is a space", "a wrapped line is a space", "two spaces are not one"])
def test_typography_folds_but_offsets_stay_in_the_original(text, expected):
    assert found(text) == expected


def test_an_alias_with_typography_matches_plain_text():
    matcher = MentionMatcher([AliasSpec("x", "Ha\u2019aretz"), AliasSpec("y", "Kerem\u2014Shalom")])
    assert found("Ha'aretz and Kerem-Shalom", matcher) == [("Ha'aretz", "x"), ("Kerem-Shalom", "y")]


def test_spelling_variants_resolve_to_one_entity():
    text = "Tzachi Hanegbi said; later Tzahi Hanegbi added"
    assert [m.alias for m in MATCHER.find(text)] == ["Tzachi Hanegbi", "Tzahi Hanegbi"]
    assert {m.entity for m in MATCHER.find(text)} == {"tzachi-hanegbi"}


@pytest.mark.parametrize("forbidden, expected", [
    ((), ["Benjamin Netanyahu", "Israel"]),
    (((0, 8),), ["Netanyahu", "Israel"]),
    (((9, 18),), ["Israel"]),
    (((25, 31),), ["Benjamin Netanyahu"]),
    (((18, 25),), ["Benjamin Netanyahu", "Israel"]),
    (((12, 12),), ["Israel"]),
    (((0, 3), (25, 27)), ["Netanyahu"]),
    (((0, 20), (25, 27)), []),
], ids=["nothing forbidden", "a link over the first name leaves only the surname outside it",
        "a link over the surname drops it too", "a link exactly over a name drops it",
        "a range between names touches neither", "an empty range inside a name still splits it",
        "several ranges", "several ranges covering everything"])
def test_forbidden_ranges(forbidden, expected):
    text = "Benjamin Netanyahu visits Israel"
    assert [s for s, _ in found(text, forbidden=forbidden)] == expected


def test_forbidden_range_that_ends_before_it_starts_is_an_error():
    with pytest.raises(ValueError):
        MATCHER.find("Israel", forbidden=[(3, 1)])


EXCLUSION_TEXT = "Israel Katz spoke. Israel replied. Bibi agreed."


@pytest.mark.parametrize("exclusion, article, expected", [
    (Exclusion("israel"), "a", ["Bibi"]),
    (Exclusion("israel", article="a"), "a", ["Bibi"]),
    (Exclusion("israel", article="b"), "a", ["Israel", "Israel", "Bibi"]),
    (Exclusion("benjamin-netanyahu", alias="Bibi"), "a", ["Israel", "Israel"]),
    (Exclusion("benjamin-netanyahu", alias="bibi"), "a", ["Israel", "Israel"]),
    (Exclusion("benjamin-netanyahu", alias="Netanyahu"), "a", ["Israel", "Israel", "Bibi"]),
    (Exclusion("israel", context="Israel Katz"), "a", ["Israel", "Bibi"]),
    (Exclusion("israel", context="israel katz"), "a", ["Israel", "Bibi"]),
    (Exclusion("israel", article="b", context="Israel Katz"), "a", ["Israel", "Israel", "Bibi"]),
    (Exclusion("nobody"), "a", ["Israel", "Israel", "Bibi"]),
], ids=["an entity everywhere", "an entity in this article", "an entity in another article leaves this one",
        "one alias only", "an alias named in another case", "another alias leaves this one",
        "only in sentences containing the context", "the context in another case",
        "context and article must both hold", "an unknown entity excludes nothing"])
def test_exclusions(exclusion, article, expected):
    matcher = MentionMatcher(ALIASES, [exclusion])
    assert [s for s, _ in found(EXCLUSION_TEXT, matcher, article=article)] == expected


def test_excluding_a_long_match_does_not_let_a_shorter_one_take_its_place():
    matcher = MentionMatcher(ALIASES, [Exclusion("gaza-strip")])
    assert found("the Gaza Strip is", matcher) == []


def test_exclusion_of_one_claimant_lets_the_other_claimant_of_a_shared_alias_match():
    aliases = [AliasSpec("jordan-country", "Jordan"), AliasSpec("michael-jordan", "Jordan")]
    assert found("Jordan", MentionMatcher(aliases)) == [("Jordan", "jordan-country")]
    matcher = MentionMatcher(aliases, [Exclusion("jordan-country", context="basketball")])
    assert found("Jordan played basketball. Jordan borders Israel.", matcher) == [
        ("Jordan", "michael-jordan"), ("Jordan", "jordan-country")]


def test_unknown_exclusions_are_reported():
    matcher = MentionMatcher(ALIASES, [Exclusion("israel"), Exclusion("nobody"), Exclusion("israel", alias="Zion")])
    assert matcher.unknown_exclusions() == (Exclusion("nobody"), Exclusion("israel", alias="Zion"))


def test_alias_collisions_name_both_entities():
    aliases = [AliasSpec("jordan-country", "Jordan"), AliasSpec("michael-jordan", "Jordan"),
               AliasSpec("michael-jordan", "jordan"), AliasSpec("israel", "Israel"),
               AliasSpec("x", "Ha\u2019aretz"), AliasSpec("y", "Ha'aretz")]
    assert alias_collisions(aliases) == (("ha'aretz", ("x", "y")), ("jordan", ("jordan-country", "michael-jordan")))


@pytest.mark.parametrize("first, second, collide", [
    ("US", "us", False),          # an acronym matches only itself; a lower-case word only in lower case
    ("MO", "Mo", False),          # a short name in capitals is an acronym, not headline caps
    ("Hamas", "HAMAS", True),     # "HAMAS" in a headline is both
    ("Cairo", "cairo", True),     # both match "CAIRO"
    ("Cairo", "Cairo", True),
])
def test_aliases_of_one_key_collide_only_when_the_case_rules_let_both_match_one_text(first, second, collide):
    found = alias_collisions([AliasSpec("a", first), AliasSpec("b", second)])
    assert found == ((match_key(first), ("a", "b")),) if collide else found == ()
    text = f"The {first} and the {second} met."
    mentions = MentionMatcher([AliasSpec("a", first), AliasSpec("b", second)]).find(text)
    if not collide:  # each alias finds its own spelling, and only that
        assert [(text[m.start:m.end], m.entity) for m in mentions] == [(first, "a"), (second, "b")]


def test_no_aliases_and_empty_text_find_nothing():
    assert MentionMatcher([]).find("Israel") == ()
    assert MATCHER.find("") == ()


@pytest.mark.parametrize("spec", [("", "Israel"), ("israel", ""), ("israel", " Israel")],
                         ids=["no entity", "no alias", "a padded alias"])
def test_malformed_alias_specs_are_refused(spec):
    with pytest.raises(ValueError):
        AliasSpec(*spec)


@pytest.mark.parametrize("text, needle, sentence", [
    ("He left. Netanyahu spoke. Then", "Netanyahu", "Netanyahu spoke."),
    ("Mr. Netanyahu spoke to the U.S. envoy. Then", "Netanyahu", "Mr. Netanyahu spoke to the U.S. envoy."),
    ("First para\n\nNetanyahu spoke\nat length", "Netanyahu", "Netanyahu spoke\nat length"),
    ('He said "no." Netanyahu spoke', "Netanyahu", "Netanyahu spoke"),
    ("pressure by the U.S.", "U.S.", "pressure by the U.S."),
    ("Who? Netanyahu! Yes", "Netanyahu", "Netanyahu!"),
], ids=["between full stops", "abbreviations and initials do not end a sentence", "a blank line ends a sentence",
        "a closing quote after the stop", "a mention ending in a full stop", "question and exclamation marks"])
def test_sentence_around(text, needle, sentence):
    start = text.index(needle)
    s, e = sentence_around(text, start, start + len(needle))
    assert text[s:e] == sentence


def test_sentence_spans_split_a_text_into_its_sentences():
    text = "  One here. Two there!\n\nThree  "
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One here.", "Two there!", "Three"]


def test_sentence_around_refuses_a_span_outside_the_text():
    with pytest.raises(ValueError):
        sentence_around("abc", 2, 5)


# --- properties ----------------------------------------------------------------------------------------

WORDS = ["Gaza", "gaza", "GAZA", "Hamas", "US", "us", "U.S.", "Israel", "Israeli", "Netanyahu", "Benjamin",
         "Tzachi", "Tzahi", "Hanegbi", "Ha\u2019aretz", "Ha'aretz", "Stra\u00dfe", "Strasse", "\u0130stanbul",
         "\u03a3\u03b9\u03c3", "x"]
SEPARATORS = [" ", "\u00a0", "\n", "\n\n", "'s ", "\u2019s ", ". ", "-", "\u2014", "", ",", "'"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30))
    return "".join(w + s for w, s in parts)


alias_specs = st.lists(st.builds(AliasSpec, st.sampled_from(["a", "b", "c"]),
                                 st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)),
                       max_size=8)


@settings(max_examples=300, deadline=None)
@given(alias_specs, texts(), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)), max_size=3))
def test_mentions_are_sorted_disjoint_and_fold_to_their_alias(aliases, text, ranges):
    forbidden = [(s, s + n) for s, n in ranges]
    mentions = MentionMatcher(aliases).find(text, "art", forbidden)
    specs = set(aliases)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert match_key(text[m.start:m.end]) == match_key(m.alias)
        assert AliasSpec(m.entity, m.alias) in specs
        assert not any(s < m.end and m.start < e for s, e in forbidden)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@settings(max_examples=200, deadline=None)
@given(texts(), st.data())
def test_sentence_around_always_contains_the_span(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = sentence_around(text, start, end)
    assert 0 <= s <= start <= end <= e <= len(text)


@pytest.mark.parametrize("text", ["Stra\u00dfe Israel", "\u0130stanbul Israel", "\u03a3\u03a3 Israel"],
                         ids=["a sharp s", "a dotted capital I", "capital sigmas"])
def test_characters_whose_case_fold_changes_length_keep_offsets_right(text):
    assert found(text, MentionMatcher([AliasSpec("israel", "Israel")])) == [("Israel", "israel")]


def test_one_matcher_over_500_entities_scans_1000_texts_of_4_kb():
    rng = random.Random(20240322)
    syllables = ["ka", "lo", "mi", "ra", "tan", "shel", "vo", "zu", "ben", "dor"]

    def name() -> str:
        return " ".join("".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(2))

    aliases = [AliasSpec(f"entity-{i}", name()) for i in range(500) for _ in range(2)]
    matcher = MentionMatcher(aliases)
    planted = aliases[777]
    filler = "the minister said on Thursday that talks would continue, officials told reporters. "
    body = (filler * 60)[:4000]
    at = body.index(" ", 2000) + 1
    hits = 0
    for i in range(1000):
        text = body[:at] + planted.alias + "\u2019s " + body[at:] if i % 100 == 7 else body
        mentions = matcher.find(text, f"article-{i}")
        hits += sum(m.entity == planted.entity and m.start == at for m in mentions)
        assert all(text[m.start:m.end] == m.alias for m in mentions)
    assert hits == 10


def test_a_mention_is_a_plain_value():
    assert Mention(0, 6, "israel", "Israel") == Mention(0, 6, "israel", "Israel")


# --- scripts, elisions and suffixes --------------------------------------------------------------------

EAST_ASIAN = MentionMatcher([AliasSpec("netanyahu", "内塔尼亚胡"), AliasSpec("israel", "以色列"),
                             AliasSpec("netanyahu", "ネタニヤフ"), AliasSpec("israel", "イスラエル"),
                             AliasSpec("netanyahu", "Netanyahu"), AliasSpec("us", "美"),
                             AliasSpec("us", "美国"), AliasSpec("thailand", "ประเทศไทย")])


@pytest.mark.parametrize("text, expected", [
    ("内塔尼亚胡说以色列将单独行动。", ["内塔尼亚胡", "以色列"]),
    ("ネタニヤフ首相が語った。", ["ネタニヤフ"]),
    ("「内塔尼亚胡」は、イスラエルは単独で行動すると述べた。", ["内塔尼亚胡", "イスラエル"]),
    ("以色列总理Netanyahu说", ["以色列", "Netanyahu"]),
    ("美国人说", ["美国"]),
    ("美丽的风景", []),
    ("美、英两国", ["美"]),
    ("ในประเทศไทยวันนี้", ["ประเทศไทย"]),
], ids=["Chinese names between Chinese words", "a Japanese name before its title",
        "names set off by punctuation, as before", "a Latin name inside Chinese text",
        "the longest alias wins", "a one-character alias is not looked for inside words",
        "a one-character alias between punctuation", "a Thai name inside Thai text"])
def test_names_in_scripts_written_without_spaces_need_no_word_boundary(text, expected):
    assert [s for s, _ in found(text, EAST_ASIAN)] == expected


ELIDED = MentionMatcher([AliasSpec("israel", "Israël"), AliasSpec("israel", "İsrail"), AliasSpec("iran", "Iran"),
                         AliasSpec("un", "ONU"), AliasSpec("diyarbakir", "Diyarbakır"), AliasSpec("don", "Don"),
                         AliasSpec("brien", "Brien"), AliasSpec("israel", "Israel"), AliasSpec("x", "רוג")])


@pytest.mark.parametrize("text, expected", [
    ("La position d'Israël reste ferme, selon l'Iran et l'ONU.", ["Israël", "Iran", "ONU"]),
    ("Le gouvernement d\u2019Israël a répondu. L'Iran aussi, lorsqu'Israël a frappé.", ["Israël", "Iran", "Israël"]),
    ("La posizione dell'Iran è chiara, nell'ONU e DELL'IRAN.", ["Iran", "ONU", "IRAN"]),
    ("İsrail'in başbakanı, Diyarbakır'da ve İsrail\u2019e.", ["İsrail", "Diyarbakır", "İsrail"]),
    ("Israel's army, Israel\u2019s army", ["Israel", "Israel"]),
    ("Don't go to the Don's banks. Don'll", ["Don"]),
    ("Conan O'Brien and mon'Iran", []),
    ("Israeli and l'Israeli", []),
    ("רוג'ר רוג", ["רוג"]),
], ids=["French elided articles and prepositions", "with a curly apostrophe, and after qu' words",
        "Italian articulated prepositions, also in capitals", "Turkish case endings after an apostrophe",
        "the possessive as before", "English contractions are not a suffix", "other letters before an apostrophe "
        "join the name to a word", "a name inside a longer word is still no name",
        "a Hebrew geresh is part of its letter: the word goes on"])
def test_elided_words_before_and_suffixes_after_an_apostrophe_are_word_boundaries(text, expected):
    assert [s for s, _ in found(text, ELIDED)] == expected


@pytest.mark.parametrize("text, expected", [
    ("HELP US, SAY GAZA RESIDENTS", ["GAZA"]),
    ("The WHO said it. WHO IS TO BLAME?", ["WHO"]),
    ("U.S. AND IDF TROOPS", ["U.S.", "IDF"]),  # (spelling no word, they are names there too: review 64)
    ("US officials and the US-led coalition", ["US", "US"]),
    ("WHO said on Monday", ["WHO"]),
    ("A US plan. THE END", ["US"]),
    ("US, IDF and UN", ["US", "IDF", "UN"]),
    ("IDF SPOKESPERSON SAYS", ["IDF SPOKESPERSON"]),
    ("US", ["US"]),
    ("가A US 가A", ["US"]),
], ids=["an acronym in a headline is a word like the others", "the WHO in a sentence, WHO in a shouted question",
        "acronyms that spell no word still link in capitals", "in running text an acronym still links", "at a sentence start too",
        "a one-letter word is no sign of shouting; a sentence end limits the words looked at",
        "an acronym next to a word in small letters", "a name in capitals is still a name", "an acronym alone",
        "a word with a letter of a script without case is not in capitals"])
def test_an_acronym_among_words_all_in_capitals_is_not_a_mention(text, expected):
    matcher = MentionMatcher(ALIASES + (AliasSpec("who", "WHO"), AliasSpec("un", "UN")))
    assert [s for s, _ in found(text, matcher)] == expected


@pytest.mark.parametrize("text, expected", [
    ("DİYARBAKIR'da gösteri yapıldı. Diyarbakır'da da.", ["DİYARBAKIR", "Diyarbakır"]),
    ("Protests in Diyarbakir and İSRAİL", ["Diyarbakir", "İSRAİL"]),
    ("diyarbakir", []),
    ("DIE STRAẞE VON HORMUS", ["STRAẞE VON HORMUS"]),
], ids=["Turkish capitals write İ and I", "English copy writes a dotless i as i", "a lower-case initial is refused",
        "German's capital sharp s"])
def test_names_in_turkish_and_german_capitals_are_found(text, expected):
    matcher = MentionMatcher([AliasSpec("d", "Diyarbakır"), AliasSpec("i", "İsrail"),
                              AliasSpec("h", "Straße von Hormus")])
    assert [s for s, _ in found(text, matcher)] == expected
