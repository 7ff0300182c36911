"""The seeds an article file that YAML could not parse may be the text of (dossier/core/load/unparsed_seed.py): read
from its lines, narrowed when its lines plainly tell, and said in the seed-unused warning's hint instead of
--import's (which wrote a second article of the same text)."""

from __future__ import annotations

from dossier.core.load.attach import attach_seeds
from dossier.core.load.cleaning import CleanText
from dossier.core.common.errors import error
from dossier.core.load.ignored import misnamed_articles
from dossier.core.load.unparsed_seed import Unparsed, likely_text, maybe_theirs, read_unparsed, unparsed_hint

TALKS = "Talks to resume\nNetanyahu said: We will do it alone. The talks resume in Cairo on Sunday.\n"
RAFAH = "Rafah plan\nThe army said the evacuation of Rafah would take weeks.\n"
BROKEN = ('seed: 002_5b7bcf2c.txt\ntitle: "Talks to resume in Cairo\nsource: outlet-a\nannotations:\n'
          "  - id: alone\n    quote: We will do it alone\n  - id: cairo\n    quote: 'The talks resume in Cairo'\n")
EXISTING = frozenset({"talks.txt", "rafah.txt", "b.txt"})


def test_the_seed_title_and_quotes_an_article_file_writes_are_read_from_its_lines_though_its_yaml_is_broken() -> None:
    assert read_unparsed("content/articles/a.yaml", BROKEN) == Unparsed(
        "content/articles/a.yaml", ("002_5b7bcf2c.txt",), "Talks to resume in Cairo",
        ("We will do it alone", "The talks resume in Cairo"))
    text = ('\ufeff"seed": "b.txt"  # moved\r\n  seed: c.txt\ntitle: It\'s [open\n- quote: "He said \\"no\\""\n'
            "    quote: >-\n      folded\n    quote: 'it''s' # a comment\n")
    assert read_unparsed("x", text) == Unparsed("x", ("b.txt",), "It's [open", ('He said "no"', "it's"))
    assert read_unparsed("x", "title: [oops\n") == Unparsed("x", (), "[oops", ())


def test_a_file_whose_seed_lines_each_name_a_seed_of_seeds_may_be_no_other_seed_s_text() -> None:
    unused = {"talks.txt": TALKS, "rafah.txt": RAFAH}
    for text in ("seed: b.txt\ntitle: [oops\n", "seed: seeds/b.txt\ntitle: [oops\n", "seed: b.txt\nseed: b.txt\n"):
        assert maybe_theirs(unused, [read_unparsed("content/articles/x.yaml", text)], EXISTING, set()) == {}
    # (one of its lines naming a seed not in seeds/: it may be any)
    either = read_unparsed("content/articles/x.yaml", "seed: b.txt\nseed: gone.txt\n")
    assert sorted(maybe_theirs(unused, [either], EXISTING, set())) == ["rafah.txt", "talks.txt"]


def test_a_file_named_as_a_seed_no_parsed_article_file_names_is_that_seed_s_and_no_other_s() -> None:
    unused = {"talks.txt": TALKS, "rafah.txt": RAFAH}
    named = read_unparsed("content/articles/b.yaml", "title: [oops\n")
    assert maybe_theirs(unused, [named], EXISTING, set()) == {}
    # (b.txt the seed of a parsed article file: b.yaml may be any seed's)
    assert sorted(maybe_theirs(unused, [named], EXISTING, {"b.txt"})) == ["rafah.txt", "talks.txt"]


def test_a_file_naming_a_renamed_seed_may_be_only_the_seed_its_quotes_or_its_witnesses_quotes_are_in() -> None:
    unused = {"talks.txt": TALKS, "rafah.txt": RAFAH}
    broken = read_unparsed("content/articles/outlet-a-talks.yaml", BROKEN)
    assert maybe_theirs(unused, [broken], EXISTING, set()) == {"talks.txt": (broken,)}
    bare = read_unparsed("content/articles/outlet-a-talks.yaml", "seed: gone.txt\ntitle: [oops\n")
    assert maybe_theirs(unused, [bare], EXISTING, set(),
                        lambda slug: ["would take weeks"] if slug == "outlet-a-talks" else []) == {"rafah.txt": (bare,)}
    # (by its name, nothing quoting it: a seed named after it)
    assert maybe_theirs({"outlet-a-talks.txt": TALKS, "rafah.txt": RAFAH}, [bare], EXISTING, set()) == {
        "outlet-a-talks.txt": (bare,)}


def test_a_file_whose_seed_cannot_be_told_from_its_lines_may_be_any_seed_no_article_file_names() -> None:
    unused = {"talks.txt": TALKS, "rafah.txt": RAFAH}
    for text in ("title: [oops\n", "sed: gone.txt\n", "  seed: talks.txt\n", BROKEN.replace("We will", "They")
                 .replace("The talks", "Talks")):
        unparsed = read_unparsed("content/articles/x.yaml", text)
        assert maybe_theirs(unused, [unparsed], EXISTING, set()) == {"rafah.txt": (unparsed,),
                                                                      "talks.txt": (unparsed,)}, text


def test_the_hint_names_the_file_that_may_be_the_seed_s_and_says_to_fix_it_first_not_to_run_import() -> None:
    until = "until then, `python build.py --import` writes this seed no stub"
    assert unparsed_hint([read_unparsed("content/articles/a.yaml", BROKEN)], EXISTING) == (
        'content/articles/a.yaml could not be read (see its error), and the seed it names, "002_5b7bcf2c.txt", is '
        f"not in seeds/: it may be this seed's article file, the seed renamed. Fix that file first; {until}")
    assert unparsed_hint([read_unparsed("content/articles/a.yaml", "title: [x\n")], EXISTING) == (
        "content/articles/a.yaml could not be read (see its error), and no seed's name can be read from its text: "
        f"it may be this seed's article file. Fix that file first; {until}")
    assert unparsed_hint([read_unparsed("content/articles/a.yaml", "seed: b.txt\nseed: c.txt\n")], EXISTING) == (
        'content/articles/a.yaml could not be read (see its error), and its `seed:` lines name "b.txt" and "c.txt": '
        f"it may be this seed's article file. Fix that file first; {until}")
    assert unparsed_hint([Unparsed("content/articles/a.yaml"), Unparsed("content/articles/b.yaml")], EXISTING) == (
        "content/articles/a.yaml and content/articles/b.yaml could not be read (see their errors), and this seed may "
        f"be the text of either of them: fix them first; {until}")
    assert unparsed_hint([Unparsed(f"{n}.yaml") for n in "abc"], EXISTING).startswith(
        "a.yaml, b.yaml and c.yaml could not be read (see their errors), and this seed may be the text of any of them")


def test_attaching_seeds_gives_that_hint_to_the_seeds_a_broken_article_file_may_be_and_import_s_to_others() -> None:
    seeds = {"talks.txt": CleanText(TALKS, (), ()), "rafah.txt": CleanText(RAFAH, (), ())}
    texts = {"content/articles/outlet-a-talks.yaml": BROKEN}
    problems = attach_seeds([], seeds, None, unparsed=list(texts), written=lambda f: texts.get(f, ""),
                            broken=list(texts))[1]
    assert [(p.file, p.check, p.hint.split(" could not")[0]) for p in problems] == [
        ("seeds/rafah.txt", "seed-unused", "run `python build.py --import` to write a stub in content/articles/"),
        ("seeds/talks.txt", "seed-unused", "content/articles/outlet-a-talks.yaml")]
    # (a file not parsed for another reason than YAML's, a slug's second file: no seed is said to be its)
    problems = attach_seeds([], seeds, None, unparsed=list(texts), written=lambda f: texts.get(f, ""))[1]
    assert all(p.hint.startswith("run `python build.py --import`") for p in problems)


def test_the_hint_of_a_misnamed_yml_file_says_to_rename_it_to_yaml_first() -> None:
    until = "until then, `python build.py --import` writes this seed no stub"
    assert unparsed_hint([read_unparsed("content/articles/a.yml", BROKEN)], EXISTING) == (
        'content/articles/a.yml is not read, its name not ending in .yaml (see its error), and the seed it names, '
        '"002_5b7bcf2c.txt", is not in seeds/: it may be this seed\'s article file, the seed renamed. Rename it to '
        f"a.yaml first; {until}")
    assert unparsed_hint([Unparsed("content/articles/a.yaml"), Unparsed("content/articles/b.YAML")], EXISTING) == (
        "content/articles/a.yaml and content/articles/b.YAML are not read (see their errors), and this seed may be "
        f"the text of either of them: fix them first (rename content/articles/b.YAML to b.yaml); {until}")


def test_the_hint_of_a_seed_in_another_encoding_says_import_converts_it_but_writes_it_no_stub() -> None:
    assert unparsed_hint([Unparsed("content/articles/a.yaml")], EXISTING, converts=True).endswith(
        "Fix that file first; until then, `python build.py --import` converts this seed to UTF-8 (the original "
        "bytes kept in seeds/evidence/) but writes it no stub")


def test_the_misnamed_article_files_are_those_written_as_yaml_under_another_extension_with_no_yaml_beside() -> None:
    assert misnamed_articles(["content/articles/a.yml", "content/articles/b.YAML", "content/articles/c.yml",
                              "content/articles/c.yaml", "content/articles/d.txt", "content/comparisons/e.yml"]) == [
        "content/articles/a.yml", "content/articles/b.YAML"]


def test_a_seed_in_another_encoding_is_read_as_import_will_most_likely_convert_it() -> None:
    assert likely_text("Café “alone”\n".encode("cp1252")) == "Café “alone”\n"
    assert likely_text("Zürich’s café\n".encode("utf-8").replace("’".encode("utf-8"), b"\x92")) == \
        "Zürich’s café\n"
    assert likely_text("שלום עולם טוב\n".encode("cp1255"), "he") == "שלום עולם טוב\n"
    assert likely_text(b"\x81") == "\x81"


def test_a_seed_in_another_encoding_a_broken_file_may_be_is_told_so_and_the_others_narrowed_with_it() -> None:
    # (left out of the narrowing, rafah.txt was the only seed the file could be, and said to get no stub)
    seeds = {"rafah.txt": CleanText(RAFAH, (), ())}
    texts = {"content/articles/outlet-a-talks.yaml": BROKEN}
    latin = error("seeds/talks.txt", 2, 4, "seed is not valid utf-8 (byte 0xe9)", "convert it", "seed-encoding")
    problems = attach_seeds([], seeds, None, {"talks.txt"}, list(texts), lambda f: texts.get(f, ""),
                            broken=list(texts), undecoded={"talks.txt": (latin, lambda: TALKS)})[1]
    assert [(p.file, p.line, p.severity, p.message) for p in problems] == [
        ("seeds/rafah.txt", 0, "warning", "seed has no article file, so it is not published"),
        ("seeds/talks.txt", 2, "warning", "seed is not valid utf-8 (byte 0xe9), and it has no article file, so it is "
         "not published")]
    assert problems[0].hint == "run `python build.py --import` to write a stub in content/articles/"
    assert problems[1].hint.startswith("content/articles/outlet-a-talks.yaml could not be read")
    assert problems[1].hint.endswith("converts this seed to UTF-8 (the original bytes kept in seeds/evidence/) but "
                                     "writes it no stub")
    # (no file not read: --import's hint, that it converts it and writes its stub)
    alone = attach_seeds([], seeds, None, {"talks.txt"}, undecoded={"talks.txt": (latin, lambda: TALKS)})[1]
    assert alone[1].hint.startswith("run `python build.py --import`: it converts the seed to UTF-8")
