"""A seed renamed in the same edit that left a YAML syntax error in its article file (dossier/core/load/
unparsed_seed.py): the file could not be parsed, so nothing knew that it names a seed, and the renamed seed was said
to have no article file with --import's hint; --import then wrote a second article of the same text. Now its
warning says which file may be its and to fix that first, and --import writes it no stub until then (saying why,
and failing), while it still writes the stub of a seed no file may be."""

from __future__ import annotations

from pathlib import Path

from conftest import MINIMAL_SITE, mini, run_build, write_tree
from dossier.core.pipeline import build_site, import_stubs
from dossier.shell import fs

TALKS = "Talks to resume\nNetanyahu said: We will do it alone. The talks resume in Cairo on Sunday.\n"
RAFAH = "Rafah plan\nThe army said the evacuation of Rafah would take weeks.\n"
DOHA = "Doha meeting\nMediators met in Doha on Monday.\n"
# (the title's quote left open: YAML reads on to the next quote, and gives up)
BROKEN = ('seed: 002_5b7bcf2c.txt\ntitle: "Talks to resume in Cairo\nsource: outlet-a\ndate: 2024-03-22\n'
          "annotations:\n  - id: alone\n    quote: We will do it alone\n"
          "  - id: cairo\n    quote: The talks resume in Cairo\n")
DOHA_ARTICLE = "seed: doha.txt\ntitle: Doha meeting\nsource: outlet-b\ndate: 2024-03-25\n"
UNTIL = "until then, `python build.py --import` writes this seed no stub"


def test_a_renamed_seed_whose_article_file_has_a_yaml_error_gets_no_second_article_from_import(tmp_path) -> None:
    root = mini(tmp_path, {"content/articles/outlet-a-talks.yaml": BROKEN, "seeds/cairo-talks.txt": TALKS,
                           "content/articles/outlet-b-doha.yaml": DOHA_ARTICLE, "seeds/doha.txt": DOHA,
                           "seeds/rafah.txt": RAFAH})
    built = run_build(root, "--no-search")
    assert built.returncode == 1
    assert "content/articles/outlet-a-talks.yaml:2:8: error: YAML syntax error" in built.stderr
    assert ("seeds/cairo-talks.txt: warning: seed has no article file, so it is not published [seed-unused]\n"
            "    hint: content/articles/outlet-a-talks.yaml could not be read (see its error), and the seed it names, "
            '"002_5b7bcf2c.txt", is not in seeds/: it may be this seed\'s article file, the seed renamed. Fix that '
            f"file first; {UNTIL}\n") in built.stderr
    assert ("seeds/rafah.txt: warning: seed has no article file, so it is not published [seed-unused]\n"
            "    hint: run `python build.py --import` to write a stub in content/articles/\n") in built.stderr

    imported = run_build(root, "--import")
    assert imported.returncode == 1, imported.stdout + imported.stderr
    assert imported.stdout == "wrote content/articles/rafah.yaml\n"
    assert "content/articles/outlet-a-talks.yaml:2:8: error: YAML syntax error" in imported.stderr
    assert "seeds/cairo-talks.txt: warning: seed has no article file" in imported.stderr and UNTIL in imported.stderr
    articles = sorted(p.name for p in (root / "content/articles").iterdir())
    assert articles == ["outlet-a-talks.yaml", "outlet-b-doha.yaml", "rafah.yaml"]
    assert 'seed: "rafah.txt"' in (root / "content/articles/rafah.yaml").read_text("utf-8")
    assert (root / "content/articles/outlet-a-talks.yaml").read_text("utf-8") == BROKEN  # (nothing rewritten)


def _dossier(tmp_path: Path, files: dict[str, str]) -> fs.Inputs:
    return fs.read_inputs(write_tree(tmp_path / "dossier", {
        "site.yaml": MINIMAL_SITE, "content/sources.yaml": "outlet-a: {name: Outlet A}\n", **files}))


def test_a_broken_file_naming_a_seed_of_seeds_is_its_own_and_one_naming_a_renamed_seed_may_be_any_other(
        tmp_path) -> None:
    inputs = _dossier(tmp_path, {"content/articles/a.yaml": "seed: a.txt\ntitle: [oops\n", "seeds/a.txt": DOHA,
                                 "content/articles/gone.yaml": "seed: gone.txt\ntitle: [oops\n",
                                 "seeds/rafah.txt": RAFAH})
    problems = [p for p in build_site(inputs).problems if p.check == "seed-unused"]
    assert [(p.file, p.hint) for p in problems] == [(
        "seeds/rafah.txt", 'content/articles/gone.yaml could not be read (see its error), and the seed it names, '
        '"gone.txt", is not in seeds/: it may be this seed\'s article file, the seed renamed. Fix that file first; '
        f"{UNTIL}")]
    result = import_stubs(inputs)
    assert result.stubs == {} and not result.ok
    assert [(p.file, p.check) for p in result.problems] == [("content/articles/gone.yaml", "yaml-syntax"),
                                                            ("seeds/rafah.txt", "seed-unused")]


def test_a_seed_two_broken_article_files_may_be_names_both_and_import_writes_it_none(tmp_path) -> None:
    inputs = _dossier(tmp_path, {"content/articles/x.yaml": "title: [oops\n", "seeds/rafah.txt": RAFAH,
                                 "content/articles/y.yaml": "sed gone.txt\ntitle: [oops\n"})
    problems = [p for p in build_site(inputs).problems if p.check == "seed-unused"]
    assert [(p.file, p.hint) for p in problems] == [(
        "seeds/rafah.txt", "content/articles/x.yaml and content/articles/y.yaml could not be read (see their "
        f"errors), and this seed may be the text of either of them: fix them first; {UNTIL}")]
    result = import_stubs(inputs)
    assert result.stubs == {} and not result.ok
    assert [p.file for p in result.problems] == ["content/articles/x.yaml", "content/articles/y.yaml",
                                                 "seeds/rafah.txt"]


def test_a_renamed_seed_whose_article_file_is_misnamed_yml_gets_no_second_article_from_import(tmp_path) -> None:
    # (a .yml file is not read at all, so nothing knew it names a seed either: --import wrote talks-to-resume.yaml)
    good = BROKEN.replace('"Talks', "Talks")
    root = mini(tmp_path, {"content/articles/outlet-a-talks.yml": good, "seeds/cairo-talks.txt": TALKS,
                           "seeds/rafah.txt": RAFAH})
    built = run_build(root, "--no-search")
    assert built.returncode == 1
    assert "content/articles/outlet-a-talks.yml: error: article files end in .yaml" in built.stderr
    assert ("seeds/cairo-talks.txt: warning: seed has no article file, so it is not published [seed-unused]\n"
            "    hint: content/articles/outlet-a-talks.yml is not read, its name not ending in .yaml (see its error), "
            'and the seed it names, "002_5b7bcf2c.txt", is not in seeds/: it may be this seed\'s article file, the '
            f"seed renamed. Rename it to outlet-a-talks.yaml first; {UNTIL}\n") in built.stderr
    assert ("seeds/rafah.txt: warning: seed has no article file, so it is not published [seed-unused]\n"
            "    hint: run `python build.py --import` to write a stub in content/articles/\n") in built.stderr

    imported = run_build(root, "--import")
    assert imported.returncode == 1, imported.stdout + imported.stderr
    assert imported.stdout == "wrote content/articles/rafah.yaml\n"
    assert "seeds/cairo-talks.txt: warning: seed has no article file" in imported.stderr and UNTIL in imported.stderr
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["outlet-a-talks.yml", "rafah.yaml"]


def test_a_renamed_seed_in_latin_1_whose_article_file_is_broken_is_said_to_be_converted_and_given_no_stub(
        tmp_path) -> None:
    # (its hint said --import converts it and writes its stub; it wrote none, and said rafah.txt's hint of it)
    root = mini(tmp_path, {"content/articles/outlet-a-talks.yaml": BROKEN, "seeds/rafah.txt": RAFAH,
                           "seeds/cairo-talks.txt": TALKS.replace("Sunday", "Sunday, café").encode("latin-1")})
    built = run_build(root, "--no-search")
    assert built.returncode == 1
    assert ("seeds/cairo-talks.txt:2:78: warning: seed is not valid utf-8 (byte 0xe9), and it has no article file, "
            "so it is not published [seed-unused]\n") in built.stderr
    assert ("    hint: content/articles/outlet-a-talks.yaml could not be read (see its error), and the seed it names, "
            '"002_5b7bcf2c.txt", is not in seeds/: it may be this seed\'s article file, the seed renamed. Fix that '
            "file first; until then, `python build.py --import` converts this seed to UTF-8 (the original bytes kept "
            "in seeds/evidence/) but writes it no stub\n") in built.stderr
    assert ("seeds/rafah.txt: warning: seed has no article file, so it is not published [seed-unused]\n"
            "    hint: run `python build.py --import` to write a stub in content/articles/\n") in built.stderr

    imported = run_build(root, "--import")
    assert imported.returncode == 1, imported.stdout + imported.stderr
    assert imported.stdout == "wrote content/articles/rafah.yaml\n"
    assert "seeds/cairo-talks.txt: warning: not valid UTF-8: read as cp1252" in imported.stderr
    assert (root / "seeds/cairo-talks.txt").read_text("utf-8").endswith("Sunday, café.\n")
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["outlet-a-talks.yaml", "rafah.yaml"]


def test_a_seed_in_latin_1_a_broken_article_file_names_is_that_file_s_and_not_said_to_have_none(tmp_path) -> None:
    # (it was said to have no article file, --import to write its stub; --import converted it and wrote none)
    root = mini(tmp_path, {"content/articles/outlet-a-talks.yaml": BROKEN.replace("002_5b7bcf2c", "cairo-talks"),
                           "seeds/cairo-talks.txt": TALKS.replace("Sunday", "Sunday, café").encode("latin-1")})
    built = run_build(root, "--no-search")
    assert built.returncode == 1
    assert "seeds/cairo-talks.txt:2:78: error: seed is not valid utf-8 (byte 0xe9) [seed-encoding]\n" in built.stderr
    assert "seed-unused" not in built.stderr
