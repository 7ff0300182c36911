"""Unresolved merge conflicts (review 74): git's markers in an editors' YAML file were a syntax error whose hint
was to indent the line; in a seed they were published as the article's paragraphs."""

from __future__ import annotations

from conftest import copy_of_default_dossier, run_build
from dossier.core.load.conflicts import merge_conflict
from dossier.core.load.yamlsrc import parse_yaml

CONFLICT = "<<<<<<< HEAD\n{a}\n=======\n{b}\n>>>>>>> their-branch\n"


def test_the_first_conflict_s_lines_are_found_and_text_like_it_is_not_one():
    text = "title: x\n" + CONFLICT.format(a="date: 2024-03-22", b="date: 2024-03-23") + "source: y\n"
    assert merge_conflict(text) == (2, 6)
    diff3 = "a\n<<<<<<< ours\nb\n||||||| base\nc\n=======\nd\n>>>>>>> theirs\n"
    assert merge_conflict(diff3) == (2, 8)
    assert merge_conflict('note: "<<<<<<< not at a line start"\n=======\n') is None
    assert merge_conflict("<<<<<<< HEAD\nonly the first marker\n") is None


def test_a_yaml_file_with_a_conflict_is_one_error_at_its_first_marker():
    text = "title: x\n" + CONFLICT.format(a="date: 2024-03-22", b="date: 2024-03-23") + "source: y\n"
    loaded, problems = parse_yaml("content/articles/a.yaml", text)
    assert loaded is None and len(problems) == 1
    assert problems[0].check == "yaml-conflict"
    assert problems[0].format().startswith(
        "content/articles/a.yaml:2:1: error: an unresolved merge conflict (lines 2-6) [yaml-conflict]")
    assert "keep one side" in problems[0].format() and "indent" not in problems[0].format()


def test_a_seed_with_a_conflict_fails_the_build_at_its_line(tmp_path):
    root = copy_of_default_dossier(tmp_path)
    seed = sorted((root / "seeds").glob("*.txt"))[1]
    lines = seed.read_text("utf-8").split("\n")
    lines[3:4] = CONFLICT.format(a=lines[3], b=lines[3].upper()).rstrip("\n").split("\n")
    seed.write_text("\n".join(lines), "utf-8")
    built = run_build(root, "--no-search")
    assert built.returncode == 1
    assert f"seeds/{seed.name}:4:1: error: an unresolved merge conflict (lines 4-8)" in built.stderr
    assert f'[{"seed-conflict"}]' in built.stderr and not (root / "_site").exists()
