"""Editors' help: suggested entities, near-misspellings of aliases, and paste-ready YAML stubs."""

from __future__ import annotations

import shutil

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.mentions import AliasSpec, MentionMatcher
from dossier.core.suggest.entity_stubs import stub_yaml
from dossier.core.suggest.entity_suggestions import (CandidateName, NearMiss, ReadDocs, candidate_entities, near_misses,
                                                     without_misspellings)

ALIASES = (
    AliasSpec("benjamin-netanyahu", "Benjamin Netanyahu"),
    AliasSpec("benjamin-netanyahu", "Netanyahu"),
    AliasSpec("israel", "Israel"),
    AliasSpec("gaza", "Gaza"),
    AliasSpec("tzachi-hanegbi", "Tzachi Hanegbi"),
    AliasSpec("cogat", "Coordination and Liaison Administration"),
    AliasSpec("liaison", "Liaison"),
    AliasSpec("new-york", "New York"),
)
MATCHER = MentionMatcher(ALIASES)


def names(docs: dict[str, str], **kw) -> list[str]:
    return [c.name for c in candidate_entities(docs, MATCHER, **kw)]


def test_a_name_in_two_articles_that_no_alias_matches_is_suggested_with_its_sentence():
    docs = {"b": "Talks went on. Ron Dermer flew to Washington on Monday. Nothing else.",
            "a": "Netanyahu spoke. Later Ron Dermer said no."}
    [cand] = [c for c in candidate_entities(docs, MATCHER) if c.name == "Ron Dermer"]
    assert cand == CandidateName("Ron Dermer", 2, ("a", "b"), "Later Ron Dermer said no.")


def test_a_name_in_one_article_needs_min_articles_1():
    docs = {"a": "Ron Dermer spoke.", "b": "Nothing here."}
    assert names(docs) == []
    assert names(docs, min_articles=1) == ["Ron Dermer"]


@pytest.mark.parametrize("sentence", [
    "The talks ended.", "But the talks ended.", "Meanwhile the talks ended.", "On Thursday the talks ended.",
    "In March the talks ended.", "Officials said the talks ended; officials agreed.", "Don't go.",
], ids=["sentence-initial The", "sentence-initial But", "a stop-listed adverb", "a weekday",
        "a month", "a sentence-initial word that also occurs lower-case", "a contraction"])
def test_sentence_initial_common_words_and_dates_are_not_names(sentence):
    assert names({"a": sentence, "b": sentence}) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Defense Minister Yoav Gallant spoke.", ["Yoav Gallant"]),
    ("Strategic Affairs Minister Ron Dermer spoke.", ["Ron Dermer"]),
    ("The Yoav Gallant plan.", ["Yoav Gallant"]),
    ("Crown Prince Mohammed bin Salman spoke.", ["Mohammed bin Salman"]),
    ("Hamas leader Yahya al-Sinwar spoke.", ["Hamas", "Yahya al-Sinwar"]),
    ("Prime Minister Benjamin Netanyahu spoke.", []),
    ("Israeli officials met Gazans.", []),
    ("Yoav Gallant's plan.", ["Yoav Gallant"]),
    ("Yoav Gallant\u2019s plan.", ["Yoav Gallant"]),
    ("Hamas-run ministry.", ["Hamas"]),
    ("In Saudi Arabia March 20 the talks ended.", ["Saudi Arabia"]),
    ("Gaza Strip is", ["Strip"]),
    ("We asked Antony Blinken or Yoav Gallant.", ["Antony Blinken", "Yoav Gallant"]),
], ids=["a title before a name is dropped", "a whole title phrase is dropped", "a leading stop word is dropped",
        "an inner particle is kept", "an inner al- is kept", "a title before a known name leaves nothing",
        "demonyms of known names are not names", "a possessive is not part of the name",
        "a curly possessive is not part of the name", "a lower-case hyphen suffix is cut off",
        "a dateline month is not part of the name", "a known name is cut out of a longer one",
        "a lower-case word separates two names"])
def test_what_counts_as_a_name(sentence, expected):
    assert sorted(names({"a": sentence, "b": sentence})) == sorted(expected)


def test_candidates_are_sorted_by_count_then_name():
    docs = {"a": "Yoav Gallant met Antony Blinken and Yoav Gallant. Zed Alpha came.",
            "b": "Antony Blinken met Yoav Gallant. Zed Alpha came."}
    assert names(docs) == ["Yoav Gallant", "Antony Blinken", "Zed Alpha"]
    assert [c.count for c in candidate_entities(docs, MATCHER)] == [3, 2, 2]


def test_near_misses_find_a_misspelt_alias_with_its_offsets():
    text = "National Security Adviser Tzahi Hanegbi said so."
    [miss] = near_misses({"a": text}, ALIASES, MATCHER)
    assert miss == NearMiss("tzachi-hanegbi", "Tzachi Hanegbi", "Tzahi Hanegbi", "a", 26, 39)
    assert text[miss.start:miss.end] == miss.surface


@pytest.mark.parametrize("text, expected", [
    ("The Coordination and Liasion Administration said", [("Liasion", "Liaison")]),
    ("Tzachi Hanegbi said", []),
    ("an Israeli official", []),
    ("Israelis said", []),
    ("Tzahi Hanegbi and Tzachi Hanegbi", [("Tzahi Hanegbi", "Tzachi Hanegbi")]),
    ("Gazza said", [("Gazza", "Gaza")]),
    ("Kaza said", []),
    ("tzahi hanegbi said", []),
    ("Tzachi Hanegb said", [("Tzachi Hanegb", "Tzachi Hanegbi")]),
    ("Tzachi Hanegbis said", [("Tzachi Hanegbis", "Tzachi Hanegbi")]),
    ("Netanyah said", [("Netanyah", "Netanyahu")]),
    ("New Yorkers said", []),
], ids=["a transposition", "the alias itself is not a near miss", "a demonym is a derivation, not a misspelling",
        "a plural demonym", "only the misspelt one of two", "a doubled letter",
        "a different first letter is another name", "lower-case words are not names",
        "a name cut short at its end is a misspelling (review 71)", "a name with a letter more at its end, too",
        "a one-word name cut short", "a demonym of a name of two words is a derivation"])
def test_near_misses(text, expected):
    assert [(n.surface, n.alias) for n in near_misses({"a": text}, ALIASES, MATCHER)] == expected


def test_a_near_miss_that_is_itself_an_alias_is_not_reported():
    aliases = ALIASES + (AliasSpec("tzachi-hanegbi", "Tzahi Hanegbi"),)
    assert near_misses({"a": "Tzahi Hanegbi said"}, aliases, MentionMatcher(aliases)) == ()


def test_stub_yaml_parses_into_entities_keyed_by_slug():
    cands = (CandidateName("Ron Dermer", 3, ("a", "b"), "Ron Dermer said: \"no\" # really\u2028next"),
             CandidateName("Ron  Dermer", 2, ("a", "c"), "x"),
             CandidateName("No", 2, ("a", "b"), "No."),
             CandidateName("2024", 2, ("a", "b"), "In 2024."),
             CandidateName("\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5", 2, ("a", "b"), "\u05e0"))
    text = stub_yaml(cands)
    data = yaml.safe_load(text)
    assert list(data) == ["ron-dermer", "ron-dermer-2", "no", "2024", "ntnyhv"]  # (a Hebrew name romanised)
    assert data["ron-dermer"] == {"name": "Ron Dermer", "kind": "other", "aliases": ["Ron Dermer"],
                                  "summary": data["ron-dermer"]["summary"]}
    assert data["ron-dermer"]["summary"].startswith("TODO:")
    assert data["ntnyhv"]["name"] == "\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5"
    assert "# e.g. Ron Dermer said: \"no\" # really next" in text


def test_stub_ids_never_take_an_id_in_use_and_the_ids_given_are_added_to_it():
    taken = {"tel-aviv", "ron-dermer"}
    first = yaml.safe_load(stub_yaml((CandidateName("Tel Aviv", 2, ("a", "b"), "x"),), taken))
    later = yaml.safe_load(stub_yaml((CandidateName("Tel-Aviv", 1, ("a",), "x"),), taken))
    assert list(first) == ["tel-aviv-2"] and list(later) == ["tel-aviv-3"]
    assert taken == {"tel-aviv", "ron-dermer", "tel-aviv-2", "tel-aviv-3"}


def test_a_candidate_holding_a_misspelling_of_a_known_alias_is_no_new_entity():
    cands = [CandidateName(name, 2, ("a", "b"), "x") for name in ("Antony Blinkin", "Blinkin", "Tel-Aviv",
                                                                   "Blinkinson Group", "Ron Dermer")]
    misses = [NearMiss("antony-blinken", "Blinken", "Blinkin", "a", 0, 7),
              NearMiss("tel-aviv", "Tel Aviv", "Tel-Aviv", "a", 9, 17)]
    assert [c.name for c in without_misspellings(cands, misses)] == ["Blinkinson Group", "Ron Dermer"]
    assert without_misspellings(cands, []) == cands


def test_stub_yaml_of_nothing_is_empty():
    assert stub_yaml(()) == ""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1), st.text()), min_size=1, max_size=4))
def test_stub_yaml_round_trips_any_name_and_example(pairs):
    cands = [CandidateName(n, 2, ("a", "b"), e) for n, e in pairs]
    data = yaml.safe_load(stub_yaml(cands))
    assert [v["name"] for v in data.values()] == [n for n, _ in pairs]
    assert [v["aliases"] for v in data.values()] == [[n] for n, _ in pairs]
    assert all(isinstance(k, str) for k in data)


def test_names_in_more_articles_rank_above_more_frequent_names_in_fewer():
    docs = {"a": "Ron Dermer spoke. Ron Dermer left. Ron Dermer returned. Yoav Gallant came. Tzvi Levi went.",
            "b": "Yoav Gallant met Tzvi Levi.", "c": "Yoav Gallant stayed."}
    found = candidate_entities(docs, MATCHER, min_articles=1)
    assert [(c.name, len(c.articles), c.count) for c in found] == [
        ("Yoav Gallant", 3, 3), ("Tzvi Levi", 2, 2), ("Ron Dermer", 1, 3)]


def test_a_headline_in_title_case_offers_no_common_words_as_a_name() -> None:
    """Review 116: "Push Into" was offered from "'We Will Do It Alone': … Israel Will Push Into Rafah …"; a line of
    names, and the same names in a sentence, still are."""
    headline = "'We Will Do It Alone': Netanyahu Says Israel Will Push Into Rafah Without Support\n"
    body = "He said they will enter the city alone, without support, and will do it soon.\n"
    docs = {"a": headline + body, "b": headline + body}
    assert not [name for name in names(docs) if "Push" in name or name == "Says"]
    listed = "Antony Blinken, Yoav Gallant, Ronen Zalko and Dana Weiss\n"
    assert {"Antony Blinken", "Yoav Gallant"} <= set(names({"a": listed + body, "b": listed + body}))


class CountingMatcher(MentionMatcher):
    """The matcher, counting the texts its `find` reads."""

    found: list[str] = []

    def find(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        CountingMatcher.found.append(text)
        return super().find(text, *args, **kwargs)


def test_both_kinds_of_suggestion_read_each_text_once_and_find_what_each_finds_alone() -> None:
    """`--suggest` read every text twice, once for the candidates and once for the near misses (2 s of 10 at
    1,000 articles): what each reads of a text is made once for both (ReadDocs), and changes nothing found."""
    docs = {"a": "Yael Dayan met Orly Bar in Haifa. Netanyahoo spoke to Benjamin Netanyahu.",
            "b": "Orly Bar and Yael Dayan left Haifa. Tzachi Hanegbee said so.", "c": "nothing capitalised here"}
    matcher = CountingMatcher(ALIASES)
    CountingMatcher.found.clear()
    alone = (near_misses(docs, ALIASES, matcher), candidate_entities(docs, matcher, min_articles=1))
    assert sorted(CountingMatcher.found) == sorted(list(docs.values()) * 2)
    CountingMatcher.found.clear()
    read = ReadDocs(docs, matcher)
    shared = (near_misses(docs, ALIASES, matcher, read), candidate_entities(docs, matcher, min_articles=1, read=read))
    assert sorted(CountingMatcher.found) == sorted(docs.values()) and shared == alone
    assert "Tzachi Hanegbee" in [m.surface for m in shared[0]] and "Orly Bar" in names(docs)


def test_suggest_reads_each_text_once(tmp_path, monkeypatch) -> None:
    from conftest import copy_of_default_dossier
    from dossier.shell.cli import main

    found: list[str] = []
    real = MentionMatcher.find
    monkeypatch.setattr(MentionMatcher, "find", lambda self, text, *a, **k: found.append(text) or real(self, text, *a,
                                                                                                      **k))
    root = copy_of_default_dossier(tmp_path)
    assert main(["--root", str(root), "--suggest"]) == 0
    seeds = len(list((root / "seeds").glob("*.txt")))
    assert len(found) == len(set(found)) == seeds


def test_suggest_takes_what_the_last_build_read_from_its_cache_and_says_the_same(tmp_path, monkeypatch, capsys):
    """After a build, --suggest takes the parsed files and the shared passages from the build's cache, and what it
    read of each text for names from its own last run (it parsed every file, searched every text and read each
    again: 8 s at 1,000 articles, 3.1-4.0 s with the cache), and prints what it prints without one; a dossier no
    build made a cache for gets none from --suggest."""
    from conftest import copy_of_default_dossier
    from dossier.core.analyse import library
    from dossier.core.load import loader
    from dossier.core.suggest import entity_suggestions
    from dossier.shell import suggestions
    from dossier.shell.cli import main

    root = copy_of_default_dossier(tmp_path)
    assert main(["--root", str(root), "--suggest"]) == 0
    alone = capsys.readouterr().out
    assert "Comparisons: shared passages" in alone and not (root / ".dossier-cache").exists()
    assert main(["--root", str(root)]) == 0
    assert main(["--root", str(root), "--suggest"]) == 0  # (what it reads of each text for names: kept now too)
    capsys.readouterr()
    searched: list[object] = []
    parsed: list[str] = []
    read: list[str] = []
    search, parse, read_doc = library.passages_in, loader.parse_file, suggestions.read_doc
    monkeypatch.setattr(library, "passages_in", lambda docs, *a: searched.append(docs) or search(docs, *a))
    monkeypatch.setattr(loader, "parse_file", lambda inputs, config, step, path, *a: parsed.append(path) or
                        parse(inputs, config, step, path, *a))
    for module in (suggestions, entity_suggestions):  # (read ahead through the cache, or by ReadDocs when asked)
        monkeypatch.setattr(module, "read_doc", lambda matcher, slug, text: read.append(slug) or
                            read_doc(matcher, slug, text))
    assert main(["--root", str(root), "--suggest"]) == 0
    assert capsys.readouterr().out == alone and searched == [] and parsed == [] and read == []
    # an alias added: what was read of each text with the old aliases is not taken ("National Security Council" is
    # a candidate no more, its last two words an entity's now)
    with (root / "content/entities.yaml").open("a", encoding="utf-8") as registry:
        registry.write("\nsecurity-council:\n  name: Security Council\n  kind: organisation\n"
                       "  aliases: [Security Council]\n  summary: A council.\n")
    assert main(["--root", str(root), "--suggest"]) == 0
    edited = capsys.readouterr().out
    shutil.rmtree(root / ".dossier-cache")
    assert main(["--root", str(root), "--suggest"]) == 0
    assert edited == capsys.readouterr().out != alone and "National Security Council:" not in edited
    assert main(["--root", str(root)]) == 0 and main(["--root", str(root), "--suggest"]) == 0
    seed = next((root / "seeds").glob("*.txt"))  # a seed edited: its text is read again
    seed.write_text(seed.read_text("utf-8") + "\nZorvian Quellbrook said so.\n", "utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "--suggest"]) == 0
    assert "Zorvian Quellbrook" in capsys.readouterr().out
    link, target = root / ".dossier-cache", tmp_path / "elsewhere"  # a cache that is a link is no build's: unused
    shutil.rmtree(link)
    target.mkdir()
    link.symlink_to(target)
    assert main(["--root", str(root), "--suggest"]) == 0 and link.is_symlink() and not any(target.iterdir())
    link.unlink()
    searched.clear()  # (the runs without a cache searched)
    (root / "seeds" / "extra.txt").write_text("A seed with no article file yet.\n\nIts own words.\n", "utf-8")
    assert main(["--root", str(root), "--suggest"]) == 0
    assert len(searched) == 1 and "and 1 seed without a loaded article file" in capsys.readouterr().out  # (new text)


def test_what_suggest_read_is_kept_by_the_builds_after_it(tmp_path, monkeypatch, capsys):
    """What --suggest read of each text for names stays in the cache through the builds after it (the next build
    deleted it, and the next --suggest read every text again: 3.0 s against 2.2 s at 1,000 articles), until
    another --suggest run lists its own."""
    from conftest import copy_of_default_dossier, edit_first_note
    from dossier.core.suggest import entity_suggestions
    from dossier.shell import suggestions
    from dossier.shell.cli import main

    root = copy_of_default_dossier(tmp_path)
    assert main(["--root", str(root)]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "--suggest"]) == 0
    said = capsys.readouterr().out
    for _ in range(3):  # (builds that each list what they use: more than the cache keeps the lists of)
        edit_first_note(root)
        assert main(["--root", str(root), "--no-search"]) == 0
    read: list[str] = []
    read_doc = suggestions.read_doc
    for module in (suggestions, entity_suggestions):
        monkeypatch.setattr(module, "read_doc", lambda matcher, slug, text: read.append(slug) or
                            read_doc(matcher, slug, text))
    capsys.readouterr()
    assert main(["--root", str(root), "--suggest"]) == 0
    assert read == [] and capsys.readouterr().out == said
