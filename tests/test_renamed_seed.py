"""A seed renamed while its article file still names the old name (dossier/core/load/seed_renamed.py): one error, at
the article's `seed:`, whose hint names the seed no article file names that is its text, and no warning that
this seed has no article file (whose hint, --import, would write a second article of the same text). Only when
very likely: the seed that holds its quotes, or, with nothing quoted, one named after it; never one of two."""

from __future__ import annotations

from conftest import MINIMAL_SITE, write_tree
from dossier.core.load.model import Annotation, ArticleMeta, Origin
from dossier.core.load.seed_renamed import seed_meant
from dossier.core.pipeline import build_site, import_stubs
from dossier.shell import fs

SOURCES = "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\n"
TEXT_A = "Talks to resume\nNetanyahu said: We will do it alone. The talks resume in Cairo on Sunday.\n"
TEXT_B = "Rafah plan\nThe army said the evacuation of Rafah would take weeks.\n"
ANNOTATED = ("seed: {seed}\ntitle: Talks to resume in Cairo\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
             "  - id: alone\n    quote: We will do it alone\n  - id: cairo\n    quote: The talks resume in Cairo\n")
BARE = "seed: {seed}\ntitle: Talks to resume in Cairo\nsource: outlet-a\ndate: 2024-03-22\n"


def _problems(tmp_path, seeds: dict[str, str], article: str) -> list:
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES,
             "content/articles/outlet-a-talks.yaml": article,
             "content/articles/outlet-b-rafah.yaml": BARE.replace("outlet-a", "outlet-b").format(seed="b.txt"),
             "seeds/b.txt": TEXT_B, **{f"seeds/{name}": text for name, text in seeds.items()}}
    return list(build_site(fs.read_inputs(write_tree(tmp_path / "dossier", files))).problems)


def _said(problems: list) -> list[tuple[str, str, str]]:
    return [(p.file, p.severity, p.check) for p in problems]


def test_a_renamed_seed_its_annotations_quote_is_named_in_the_one_error_and_not_said_to_be_unused(tmp_path) -> None:
    problems = _problems(tmp_path, {"outlet-a-cairo.txt": TEXT_A}, ANNOTATED.format(seed="002_5b7bcf2c.txt"))
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "seed-missing")]
    assert (problems[0].line, problems[0].col) == (1, 7)
    assert problems[0].hint == ("seeds/outlet-a-cairo.txt, which no article file names, holds all 2 quotes of this "
                                "article's annotations: was it renamed? write `seed: outlet-a-cairo.txt`")


def test_the_witnesses_naming_the_article_tell_its_seed_too(tmp_path) -> None:
    comparison = ("title: Alone\nquestion: How is it worded?\nkind: quote\nwitnesses:\n"
                  "  - article: outlet-a-talks\n    quote: We will do it alone\n"
                  "  - article: outlet-b-rafah\n    quote: would take weeks\n")
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/comparisons/alone.yaml": comparison,
             "content/articles/outlet-a-talks.yaml": BARE.format(seed="gone.txt"), "seeds/talks.txt": TEXT_A,
             "content/articles/outlet-b-rafah.yaml": BARE.replace("outlet-a", "outlet-b").format(seed="b.txt"),
             "seeds/b.txt": TEXT_B}
    problems = build_site(fs.read_inputs(write_tree(tmp_path / "dossier", files))).problems
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "seed-missing")]
    assert problems[0].hint.startswith("seeds/talks.txt, which no article file names, holds the one quote of the "
                                       "witnesses naming this article: was it renamed?")


def test_a_renamed_seed_of_an_article_nothing_quotes_is_named_only_when_named_after_the_article(tmp_path) -> None:
    problems = _problems(tmp_path / "1", {"outlet-a-talks.txt": TEXT_A}, BARE.format(seed="002_5b7bcf2c.txt"))
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "seed-missing")]
    assert problems[0].hint == ("seeds/outlet-a-talks.txt, which no article file names, is named after this article: "
                                "was it renamed? write `seed: outlet-a-talks.txt`")
    # (a seed named like nothing of the article may be another article's: today's two messages)
    problems = _problems(tmp_path / "2", {"jpost-rafah.txt": TEXT_A}, BARE.format(seed="002_5b7bcf2c.txt"))
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "seed-missing"),
                               ("seeds/jpost-rafah.txt", "warning", "seed-unused")]
    assert problems[0].hint == "seed names are file names under seeds/" and "--import" in problems[1].hint


def test_a_renamed_seed_that_keeps_its_number_is_named(tmp_path) -> None:
    problems = _problems(tmp_path, {"002-cairo.txt": TEXT_A}, BARE.format(seed="002_5b7bcf2c.txt"))
    assert problems[0].hint.endswith("keeps the number of the name written here: was it renamed? write "
                                     "`seed: 002-cairo.txt`")


def test_a_seed_holding_less_than_half_of_the_quotes_is_not_the_one_meant(tmp_path) -> None:
    other = "Other\nNetanyahu said: We will do it alone, in another story.\n"
    article = ANNOTATED.format(seed="002_5b7bcf2c.txt") + "  - id: sunday\n    quote: on Sunday\n"
    problems = _problems(tmp_path, {"other.txt": other, "talks.txt": TEXT_A}, article)
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "seed-missing"),
                               ("seeds/other.txt", "warning", "seed-unused")]
    assert problems[0].hint.startswith("seeds/talks.txt, which no article file names, holds all 3 quotes")
    assert "--import" in problems[1].hint


def test_two_seeds_that_may_be_the_renamed_one_are_both_named_and_neither_taken(tmp_path) -> None:
    problems = _problems(tmp_path, {"cairo.txt": TEXT_A, "cairo-copy.txt": TEXT_A},
                         ANNOTATED.format(seed="002_5b7bcf2c.txt"))
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "seed-missing"),
                               ("seeds/cairo-copy.txt", "warning", "seed-unused"),
                               ("seeds/cairo.txt", "warning", "seed-unused")]
    assert problems[0].hint == ("seeds/cairo-copy.txt and seeds/cairo.txt, which no article file names, each hold at "
                                "least half of the quotes of this article's annotations: if this article's seed was "
                                "renamed, write the name of the one that is its text")
    assert all(p.hint.startswith("content/articles/outlet-a-talks.yaml's seed is not found, and its error names this "
                                 "seed as one that may be its text") for p in problems[1:])


def test_the_seed_meant_is_the_free_one_holding_the_quotes_and_none_when_no_free_one_holds_them() -> None:
    meta = ArticleMeta("a", Origin("content/articles/a.yaml"), "gone.txt", "Talks", "outlet-a", "2024-03-22",
                       annotations=(Annotation("alone", "We will do it alone", Origin("content/articles/a.yaml")),))
    assert seed_meant(meta, {"free.txt": "We will do it alone"}).seed == "free.txt"
    assert seed_meant(meta, {}).seed == ""
    assert seed_meant(meta, {"a.txt": "other words", "b.txt": "other words"}).several == ()


def test_a_seed_that_may_be_the_text_of_two_articles_is_offered_to_neither_as_the_one_meant(tmp_path) -> None:
    """A file copied, then both seeds renamed into one: both hints said "write `seed: ap.txt`", and following both
    made the second a seed-taken error. Each now names the other; the seed is not said to be unused, and --import
    writes no third article for it."""
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "seeds/ap.txt": TEXT_A,
             "content/articles/outlet-a-talks.yaml": ANNOTATED.format(seed="002_5b7bcf2c.txt"),
             "content/articles/outlet-a-copy.yaml": ANNOTATED.format(seed="002-copy.txt")}
    inputs = fs.read_inputs(write_tree(tmp_path / "dossier", files))
    problems = build_site(inputs).problems
    assert _said(problems) == [("content/articles/outlet-a-copy.yaml", "error", "seed-missing"),
                               ("content/articles/outlet-a-talks.yaml", "error", "seed-missing")]
    assert problems[0].hint == (
        "seeds/ap.txt, which no article file names, holds all 2 quotes of this article's annotations, but "
        "content/articles/outlet-a-talks.yaml, whose seed is not found either, may have it as well, and only one "
        "article file can: write `seed: ap.txt` in the one whose text it is, and give the other its own seed (or "
        "delete it, if it is a copy)")
    assert "but content/articles/outlet-a-copy.yaml, whose seed is not found either" in problems[1].hint
    assert import_stubs(inputs).stubs == {}


def test_an_article_file_with_no_seed_key_is_told_the_seed_that_holds_its_quotes_and_import_writes_no_second(
        tmp_path) -> None:
    """Review 127: `seed:` deleted from an article file was "missing required key" (hint: add seed: ...) and its
    seed "has no article file" (hint: --import, which wrote a second article of it). One error now, naming the
    seed; --import writes no stub for it and says that error instead."""
    article = ANNOTATED.format(seed="x").replace("seed: x\n", "")
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "seeds/002_5b7bcf2c.txt": TEXT_A,
             "content/articles/outlet-a-talks.yaml": article}
    inputs = fs.read_inputs(write_tree(tmp_path / "one", files))
    problems = build_site(inputs).problems
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "schema-missing-key")]
    assert (problems[0].line, problems[0].message) == (1, 'missing required key "seed"')
    assert problems[0].hint == ("seeds/002_5b7bcf2c.txt, which no article file names, holds all 2 quotes of this "
                                "article's annotations: write `seed: 002_5b7bcf2c.txt`")
    result = import_stubs(inputs)
    assert result.stubs == {} and [p.hint for p in result.problems] == [problems[0].hint]
    # (two seeds that may be its text: both named, neither taken, and neither sent to --import)
    files["seeds/copy.txt"] = TEXT_A
    problems = build_site(fs.read_inputs(write_tree(tmp_path / "two", files))).problems
    assert _said(problems) == [("content/articles/outlet-a-talks.yaml", "error", "schema-missing-key"),
                               ("seeds/002_5b7bcf2c.txt", "warning", "seed-unused"),
                               ("seeds/copy.txt", "warning", "seed-unused")]
    assert problems[0].hint.startswith("seeds/002_5b7bcf2c.txt and seeds/copy.txt, which no article file names, "
                                       "each hold at least half")
    assert all(p.hint.startswith("content/articles/outlet-a-talks.yaml has no seed: key, and its error names this "
                                 "seed as one that may be its text") for p in problems[1:])


def test_an_article_file_with_no_seed_key_and_no_quote_yet_is_told_the_seed_that_begins_with_its_title(tmp_path):
    """Review 132: the stub --import wrote, its `seed:` deleted, has no quote to find its seed by: its title is the
    seed's headline (its first line). It was "add seed: ...", and --import wrote a second article of the seed."""
    headline = TEXT_A.split("\n", 1)[0]
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "seeds/005_new.txt": TEXT_A,
             "content/articles/the-stub.yaml": f"title: {headline}\nsource: outlet-a\ndate: 2024-03-22\n"}
    inputs = fs.read_inputs(write_tree(tmp_path, files))
    problems = build_site(inputs).problems
    assert _said(problems) == [("content/articles/the-stub.yaml", "error", "schema-missing-key")]
    assert problems[0].hint == ("seeds/005_new.txt, which no article file names, begins with this article's title: "
                                "write `seed: 005_new.txt`")
    assert import_stubs(inputs).stubs == {}


def test_the_seed_is_found_by_a_headline_after_a_kicker_and_two_such_seeds_are_said_to_begin_with_the_title(
        tmp_path) -> None:
    # review 134: --import takes the title from the first line that looks like a headline ("BREAKING" before it)
    text = "BREAKING\nTroops gather at the border as Cairo talks falter\nThe talks stalled on Sunday, officials said.\n"
    stub = "title: Troops gather at the border as Cairo talks falter\nsource: outlet-a\ndate: 2024-03-22\n"
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "seeds/006_kicker.txt": text,
             "content/articles/the-stub.yaml": stub}
    problems = build_site(fs.read_inputs(write_tree(tmp_path / "one", files))).problems
    assert _said(problems) == [("content/articles/the-stub.yaml", "error", "schema-missing-key")]
    assert problems[0].hint.startswith("seeds/006_kicker.txt, which no article file names, begins with this article")
    files["seeds/007_copy.txt"] = text
    problems = build_site(fs.read_inputs(write_tree(tmp_path / "two", files))).problems
    assert "each begins with this article's title" in problems[0].hint
