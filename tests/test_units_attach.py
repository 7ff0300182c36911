"""Article files paired with their seeds (dossier/core/load/attach.py): which seeds an article file names."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from dossier.core.load.attach import attach_seeds
from dossier.core.load.seed_names import seed_named_in, seeds_named_in
from dossier.core.load.cleaning import CleanText
from dossier.core.load.model import Annotation, ArticleMeta, Origin


@pytest.mark.parametrize("text, named", [
    ("seed: times.txt\n", True), ('seed: "times.txt"  # the paper\n', True), ("sed: times.txt\n", True),
    ("seed: seeds/times.txt\n", True), ("seed: nytimes.txt\n", False), ("seed: times.txt.bak\n", False),
    ("seed: old-times.txt\n", False), ("seed: times.txt2\n", False)])
def test_a_seed_is_named_by_its_whole_file_name_only(text: str, named: bool) -> None:
    """Review 57: a substring test took nytimes.txt for times.txt: --import wrote no stub while the build asked
    for one."""
    assert seed_named_in("times.txt", text) is named


NAME_PARTS = st.sampled_from(["times", "nytimes", "old-times", "a", "ä", "007", "x y", "(1)", "_", ".", "-", "é"])
NAMES = st.builds(lambda parts, ext: "".join(parts) + ext, st.lists(NAME_PARTS, min_size=1, max_size=3),
                  st.sampled_from([".txt", ".TXT", "", ".txt.bak"]))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(NAMES, max_size=6), st.lists(st.lists(NAMES | st.sampled_from(
    ["seed: ", "sed: ", "seeds/", " ", "\n", '"', "'", "#", ".", "-", "_", "x", "é", ":"]), max_size=12).map("".join),
    max_size=4))
def test_the_seeds_all_texts_name_are_those_each_text_names(seeds: list[str], texts: list[str]) -> None:
    """`seeds_named_in` (one pass of each text for every name, for --import at 1,000 seeds) is `seed_named_in` of
    each seed in each text, names inside other names, beside file-name characters, repeated or overlapping too."""
    assert seeds_named_in(seeds, texts) == {seed for seed in seeds if any(seed_named_in(seed, t) for t in texts)}


def test_a_name_found_inside_a_longer_one_and_again_on_its_own_is_named() -> None:
    assert seeds_named_in(["times.txt", "nytimes.txt"], ["seed: nytimes.txt\nand times.txt here"]) == \
        {"times.txt", "nytimes.txt"}
    assert seeds_named_in(["times.txt"], ["seed: nytimes.txt", "old-times.txt times.txt2"]) == set()
    assert seeds_named_in(["a.txt"], ["a.txt"]) == {"a.txt"} and seeds_named_in([], ["a.txt"]) == set()


def test_a_seed_named_wrongly_or_offered_as_meant_is_not_said_to_be_unused() -> None:
    """Review 58: a seed an article file names, though wrongly, was also "unused" (an error under --strict,
    whose hint --import wrote a second article for it)."""
    seeds = {name: CleanText("Text.", (), ()) for name in ("a.txt", "b.TXT", "c.txt", "d.txt")}
    detached = ArticleMeta("x", Origin("content/articles/x.yaml"), "", "T", "s", "2024-03-22")
    cased = ArticleMeta("y", Origin("content/articles/y.yaml"), "b.txt", "T", "s", "2024-03-22")
    texts = {"content/articles/x.yaml": "sed: a.txt\n"}
    _, problems, left = attach_seeds([detached, cased], seeds, None, written=lambda f: texts.get(f, ""))
    assert [(p.file, p.message, p.hint) for p in problems] == [
        ("content/articles/y.yaml", 'seed "b.txt" not found in seeds/', 'did you mean "b.TXT"?'),
        ("seeds/c.txt", "seed has no article file, so it is not published",
         "run `python build.py --import` to write a stub in content/articles/"),
        ("seeds/d.txt", "seed has no article file, so it is not published",
         "run `python build.py --import` to write a stub in content/articles/")]
    assert left == [detached, cased]


def test_a_seed_an_article_file_that_failed_to_parse_names_is_not_said_to_be_unused() -> None:
    """The file's own error is said (a YAML syntax error); its seed is not "unused" as well."""
    seeds = {"a.txt": CleanText("Text.", (), ()), "b.txt": CleanText("Text.", (), ())}
    texts = {"content/articles/a.yaml": "seed: a.txt\ntitle: [oops\n"}
    problems = attach_seeds([], seeds, None, unparsed=["content/articles/a.yaml"],
                            written=lambda f: texts.get(f, ""))[1]
    assert [p.file for p in problems] == ["seeds/b.txt"]


def meta(slug: str, seed: str = "a.txt") -> ArticleMeta:
    return ArticleMeta(slug, Origin(f"content/articles/{slug}.yaml", 1, 1), seed, "T", "s", "2024-03-22",
                       seed_origin=Origin(f"content/articles/{slug}.yaml", 2, 7))


@pytest.mark.parametrize("slugs, named, newcomer, why", [
    # the copy sorts first: the original, which the references name, was detached and said to be the mistake
    (("a-part2", "a"), frozenset({"a"}), "a-part2", "content/articles/a.yaml is the one the comparisons and links"),
    (("b-copy", "b"), frozenset(), "b-copy", "this file's name is content/articles/b.yaml's with more after it"),
    (("m", "n"), frozenset({"n"}), "m", "content/articles/n.yaml is the one"),
    (("m", "n"), frozenset(), "n", "point one of them at its own seed"),   # (which is the copy cannot be told)
])
def test_of_two_files_naming_one_seed_the_newcomer_is_told_naming_both_and_the_other_keeps_it(
        slugs, named, newcomer, why) -> None:
    """A file copied to split an article (jpost-go-it-alone-part2.yaml) took the seed from the original when it
    sorted first: the error was at the original, which 13 references name, and the copy was published."""
    seeds = {"a.txt": CleanText("Text.", (), ())}
    articles, problems, left = attach_seeds([meta(s) for s in slugs], seeds, None, named=lambda: named)
    (problem,) = [p for p in problems if p.check != "seed-empty"]
    kept = next(s for s in slugs if s != newcomer)
    assert (problem.file, problem.line, problem.check) == (f"content/articles/{newcomer}.yaml", 2, "seed-taken")
    assert f"content/articles/{kept}.yaml (line 2) and this file" in problem.message and why in problem.hint
    assert [a.slug for a in articles] == [kept] and [m.slug for m in left] == [newcomer]


def test_a_mistyped_seed_is_offered_only_a_seed_no_other_article_file_names() -> None:
    """A seed another file names is that file's: offered, it was the error seed-taken once followed; of two close
    names, the one no file names is the one meant."""
    def hints(seeds: tuple[str, ...], *files: ArticleMeta) -> list[str]:
        found = attach_seeds(list(files), {name: CleanText("Text.", (), ()) for name in seeds}, None)[1]
        return [p.hint for p in found if p.check == "seed-missing"]

    assert hints(("a.txt", "c.txt"), meta("a", "a.txt"), meta("b", "b.txt")) == ['did you mean "c.txt"?']
    assert hints(("x.TXT",), meta("x", "x.TXT"), meta("y", "x.txt")) == ["seed names are file names under seeds/"]


def test_a_seed_one_article_may_be_renamed_to_and_another_names_as_one_of_two_is_the_one_meant_of_neither() -> None:
    """The first was told to write it (and the second, following its hint, might take it); as the seed its error
    offers, it is not said to be unused either (once the second's error named it as one of two, it was, with
    --import's hint, though the first's error named it)."""
    seeds = {"x.txt": CleanText("We will do it alone. Talks in Cairo.", (), ()),
             "y.txt": CleanText("We will do it alone.", (), ())}
    first, second = (replace(meta(slug, "gone.txt"), annotations=(
        Annotation("q", quote, Origin(f"content/articles/{slug}.yaml")),)) for slug, quote in
        (("a", "Talks in Cairo"), ("b", "We will do it alone")))
    problems = attach_seeds([first, second], seeds, None)[1]
    assert [(p.file, p.check) for p in problems] == [("content/articles/a.yaml", "seed-missing"),
                                                     ("content/articles/b.yaml", "seed-missing"),
                                                     ("seeds/y.txt", "seed-unused")]
    assert problems[0].hint.startswith("seeds/x.txt, which no article file names, holds the one quote of this "
                                       "article's annotations, but content/articles/b.yaml, whose seed is not found")
    assert problems[1].hint.startswith("seeds/x.txt and seeds/y.txt, which no article file names, each hold")
    assert problems[2].hint.startswith("content/articles/b.yaml's seed is not found")
