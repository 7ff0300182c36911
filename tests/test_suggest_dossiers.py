"""`build.py --suggest` on mini-dossiers: it reads new material (seeds without an article file, article files
that do not load yet), reports files it cannot read, treats a comparison that lacks a new outlet as not covering
the passage (and says which witnesses to add), and ranks one-article names lower instead of hiding them."""

from __future__ import annotations

import os

import yaml

from conftest import run_build
from dossier.shell.suggestions import read_dossier

PASSAGE = "The minister said the border crossing would stay open for aid convoys until further notice"
COMPARISON = f"""\
    title: Border
    question: Does the crossing stay open?
    kind: quote
    witnesses:
      - article: a
        quote: "{PASSAGE}"
      - article: b
        quote: "{PASSAGE}"
    """


def article(seed: str, source: str, date: str = "2024-03-21") -> str:
    return f"seed: {seed}\ntitle: Talks\nsource: {source}\ndate: {date}\n"


FILES = {
    "seeds/a.txt": f"Talks resume\nYael Dayan met Orly Bar in Haifa.\n{PASSAGE}, officials said.\n",
    "seeds/b.txt": f"Talks resume again\nYael Dayan spoke.\nOn Friday: {PASSAGE}.\n",
    "content/articles/a.yaml": article("a.txt", "outlet-a"),
    "content/articles/b.yaml": article("b.txt", "outlet-b"),
    "content/comparisons/border.yaml": COMPARISON,
    "content/sources.yaml": "outlet-a: {name: A}\noutlet-b: {name: B}\noutlet-c: {name: C}\n",
}


def suggest(root):
    result = run_build(root, "--suggest")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def comparisons_part(stdout: str) -> str:
    return stdout.split("Comparisons: ")[1]


def test_a_passage_already_compared_in_every_article_that_has_it_is_not_suggested(mini_dossier) -> None:
    out = suggest(mini_dossier(FILES)).stdout
    assert "# every shared passage is covered by a comparison" in comparisons_part(out)


def test_a_new_outlet_with_the_passage_gets_the_witness_to_add_to_the_existing_comparison(mini_dossier) -> None:
    root = mini_dossier({**FILES, "seeds/c.txt": f"Crossing\nNews: {PASSAGE}. Orly Bar.\n",
                         "content/articles/c.yaml": article("c.txt", "outlet-c", "2024-03-23")})
    part = comparisons_part(suggest(root).stdout)
    assert "# --- content/comparisons/border.yaml: add under witnesses: (15 shared words, also in c) ---" in part
    block = part.split("---\n", 1)[1]
    assert yaml.safe_load(block) == [{"article": "c", "quote": PASSAGE}]
    assert "title:" not in part                                     # no second comparison of the same passage
    # Pasted under witnesses:, the comparison now covers the passage everywhere.
    path = root / "content/comparisons/border.yaml"
    path.write_text(path.read_text("utf-8") + block, "utf-8")
    assert "# every shared passage is covered" in comparisons_part(suggest(root).stdout)
    assert run_build(root, "--check").returncode == 0


def test_the_same_article_saved_twice_is_said_once_and_offers_no_witness(mini_dossier) -> None:
    """A copy of a, under another name: the whole of it was offered as one witness's quote, and an unrelated
    passage as another's."""
    root = mini_dossier({**FILES, "seeds/copy.txt": FILES["seeds/a.txt"],
                         "content/articles/copy.yaml": article("copy.txt", "outlet-c", "2024-03-20")})
    part = comparisons_part(suggest(root).stdout)
    assert "# copy has the very text of a: the same article twice? (left out below)" in part
    assert "# every shared passage is covered by a comparison" in part and "- article:" not in part


def test_a_copy_that_is_a_comparisons_witness_still_covers_what_it_covers(mini_dossier) -> None:
    """Review: with the copy left out, its comparison's witness on it was lost, and passages it covers were
    offered as new comparisons."""
    other = COMPARISON.replace("article: a\n", "article: copy\n").replace("title: Border", "title: Border again")
    root = mini_dossier({**FILES, "seeds/copy.txt": FILES["seeds/a.txt"],
                         "content/articles/copy.yaml": article("copy.txt", "outlet-c", "2024-03-20"),
                         "content/comparisons/border.yaml": COMPARISON.replace("article: b\n", "article: copy\n"),
                         "content/comparisons/again.yaml": other})
    part = comparisons_part(suggest(root).stdout)
    assert "the same article twice?" in part
    assert "# every shared passage is covered by a comparison" in part and "- article:" not in part, part


def test_a_seed_without_an_article_file_is_read_for_names_and_passages(mini_dossier) -> None:
    root = mini_dossier({**FILES, "seeds/new.txt": f"Crossing\nNews: {PASSAGE}. Orly Bar spoke.\n"})
    result = suggest(root)
    out = result.stdout
    assert "Orly Bar: 2 mentions in 2 articles (a, seeds/new.txt)" in out
    assert ("# --- content/comparisons/border.yaml: add under witnesses: (15 shared words, also in seeds/new.txt)"
            in out)
    assert ("  # seeds/new.txt has it too, but no article file yet: run `python build.py --import`, then add it "
            "as a witness") in out
    assert "seeds/new.txt: warning: seed has no article file" in result.stderr


def test_an_article_file_that_does_not_load_still_lends_its_seed_under_its_slug(mini_dossier) -> None:
    root = mini_dossier({**FILES, "seeds/c.txt": f"Crossing\nNews: {PASSAGE}. Orly Bar spoke.\n",
                         "content/articles/c.yaml": article("c.txt", "outlet-c", "March 3")})
    result = suggest(root)
    assert 'content/articles/c.yaml:4:7: error: "March 3" does not have the expected form' in result.stderr
    assert "(the suggestions below use every file that could be read)" in result.stderr
    assert "Orly Bar: 2 mentions in 2 articles (a, c)" in result.stdout
    assert "also in c) ---\n  - article: c\n" in result.stdout
    # The file's other keys load (one run shows every problem), so c counts as an article despite its bad date.
    assert "Suggestions for 3 articles" in result.stdout


def test_names_in_one_article_are_listed_and_stubbed_after_the_wider_ones(mini_dossier) -> None:
    out = suggest(mini_dossier(FILES)).stdout
    candidates = out.split("Candidate entities")[1].split("Near misses")[0]
    wide, narrow = candidates.split("in one article only (ranked lower")
    assert "Yael Dayan: 2 mentions in 2 articles (a, b)" in wide
    assert "Orly Bar: 1 mention in 1 article (a)" in narrow and "Haifa: 1 mention in 1 article (a)" in narrow
    stubs = out.split("YAML stubs for content/entities.yaml")[1].split("Comparisons: ")[0]
    assert stubs.index("yael-dayan:") < stubs.index("# --- names seen in one article only (ranked lower) ---") \
        < stubs.index("orly-bar:")
    entries = yaml.safe_load(stubs.split("-" * 72 + "\n", 1)[1])
    assert {"yael-dayan", "orly-bar", "haifa"} <= set(entries)


def test_files_that_cannot_be_read_or_decoded_are_reported_not_skipped(mini_dossier) -> None:
    root = mini_dossier({**FILES, "seeds/latin.txt": b"Caf\xe9 talks\n"})
    gone = root / "seeds/gone.txt"
    if os.geteuid() == 0:
        gone.symlink_to(root / "seeds/missing.txt")   # root reads every file; a dangling link cannot be read
    else:
        gone.write_text("Talks\n", "utf-8")
        gone.chmod(0)
    result = suggest(root)
    # (no article names it: a warning, --import's to convert, review 71)
    assert ("seeds/latin.txt:1:4: warning: seed is not valid utf-8 (byte 0xe9), and it has no article file, so it is "
            "not published") in result.stderr
    assert ("seeds/gone.txt: error: this is a symbolic link to " if os.geteuid() == 0 else
            "seeds/gone.txt: error: could not be read (") in result.stderr
    assert "Yael Dayan: 2 mentions in 2 articles (a, b)" in result.stdout    # the rest is still read
    inputs, problems = read_dossier(root)
    assert [(p.file, p.check) for p in problems] == [("seeds/gone.txt", "file-unreadable")]
    assert "seeds/latin.txt" in inputs.files
