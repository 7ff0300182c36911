"""The summary line says which article files' annotations were not checked (BuildResult.unchecked): "84
annotations" read as if every annotation had been, while a YAML syntax error hid one file's."""

from __future__ import annotations

from conftest import run_build
from dossier.core.pipeline import build_site
from dossier.shell import fs
from dossier.shell.summary import unchecked_summary

SEED = "Talks to resume\nThe minister said the talks would resume next week in Washington.\n"


def article(seed: str) -> str:
    return (f"seed: {seed}\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
            "  - id: resume\n    quote: the talks would resume next week\n")


def test_the_article_files_whose_annotations_were_not_checked_are_each_named_for_an_error_of_its_own(
        mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "seeds/b.txt": SEED, "seeds/c.txt": SEED, "seeds/d.txt": SEED,
                         "content/articles/a.yaml": article("a.txt"),
                         "content/articles/b.yaml": article("b.txt").replace("title: Talks", "title: [Talks"),
                         "content/articles/c.yaml": article("nowhere.txt"),
                         "content/articles/d.yml": article("d.txt"),
                         "content/articles/e.yaml": article("a.txt").replace("annotations:", "anotations:")})
    result = build_site(fs.read_inputs(root))
    assert result.unchecked == ("content/articles/b.yaml", "content/articles/c.yaml", "content/articles/d.yml",
                                "content/articles/e.yaml")
    assert result.counts["annotations"] == 1
    assert {p.file for p in result.problems if p.severity == "error"} >= set(result.unchecked)


def test_the_summary_line_names_them() -> None:
    assert unchecked_summary(()) == ""
    assert unchecked_summary(("content/articles/b.yaml",)) == \
        "; not checked: the annotations of content/articles/b.yaml (the errors above say why)"
    assert unchecked_summary(tuple(f"content/articles/{n}.yaml" for n in "bcde")) == (
        "; not checked: the annotations of 4 article files (content/articles/b.yaml, content/articles/c.yaml, "
        "content/articles/d.yaml and 1 more; the errors above say why)")


def test_a_check_with_a_yaml_syntax_error_says_in_its_summary_that_the_files_annotations_were_not_checked(
        mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "seeds/b.txt": SEED, "content/articles/a.yaml": article("a.txt"),
                         "content/articles/b.yaml": article("b.txt").replace("title: Talks", "title: [Talks")})
    result = run_build(root, "--check", "--no-search")
    assert "1 annotations: 1 exact, 0 fuzzy, 0 orphan (details: report/ of the site, once built); not checked: " \
           "the annotations of content/articles/b.yaml (the errors above say why)\n" in result.stdout, result.stdout


def test_an_article_file_linked_out_of_the_dossier_is_among_them(mini_dossier, tmp_path) -> None:
    """Review 91: an article file not read (a link out of the dossier) was not named, the summary counting the
    others' annotations as if they were all."""
    root = mini_dossier({"seeds/a.txt": SEED, "seeds/b.txt": SEED, "content/articles/a.yaml": article("a.txt")})
    elsewhere = tmp_path / "b.yaml"
    elsewhere.write_text(article("b.txt"), "utf-8")
    (root / "content" / "articles" / "b.yaml").symlink_to(elsewhere)
    result = run_build(root, "--check", "--no-search")
    assert "not checked: the annotations of content/articles/b.yaml (the errors above say why)" in result.stdout, \
        result.stdout + result.stderr
