"""The synthetic dossier generator (dossier_synth/) that the benchmarks and the tests share: deterministic,
shaped like the real thing, and a dossier the build accepts without a problem.

Tests import dossier_synth, never bench/: bench/generate.py is only its command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

import dossier_synth
from conftest import ROOT, run_build


def test_the_generator_is_deterministic() -> None:
    assert dossier_synth.render_files(5, 3) == dossier_synth.render_files(5, 3)
    assert dossier_synth.render_files(5, 3) != dossier_synth.render_files(5, 4)


def test_the_generated_dossier_has_what_the_benchmarks_need() -> None:
    files = dossier_synth.render_files(12, 1)
    articles = [p for p in files if p.startswith("content/articles/")]
    seeds = [p for p in files if p.startswith("seeds/")]
    assert len(articles) == len(seeds) == 12
    assert {"site.yaml", "content/sources.yaml", "content/entities.yaml"} <= set(files)
    yaml_text = "\n".join(files[p] for p in articles)
    assert yaml_text.count("  - id: ") == 12 * dossier_synth.ANNOTATIONS_PER_ARTICLE
    assert "    prefix: " in yaml_text and "    suffix: " in yaml_text
    words = [len(files[p].split()) for p in seeds]
    assert all(600 <= w <= 900 for w in words), words
    comparisons = [files[p] for p in files if p.startswith("content/comparisons/")]
    assert comparisons and all(3 <= c.count("  - article: ") <= 6 for c in comparisons)
    assert "kind: figure" in "".join(comparisons) and "kind: quote" in "".join(comparisons)
    assert "aliases: [" in files["content/entities.yaml"]


@pytest.mark.parametrize("articles, entities, comparisons", [
    (1, 8, 2),        # the smallest dossier still has one story's cast (4 people, 2 organisations, 2 places)
    (5, 25, 10),      # below 100 articles: 5 entities and 2 comparisons an article
    (99, 495, 198),
    (100, 500, 200),  # from 100 articles up: the issue's numbers, whatever the size
    (1000, 500, 200),
])
def test_the_default_sizes_shrink_with_a_small_dossier_and_stop_at_the_issues_numbers(
        articles: int, entities: int, comparisons: int) -> None:
    assert dossier_synth.default_entities(articles) == entities
    assert dossier_synth.default_comparisons(articles) == comparisons


def test_generate_writes_exactly_the_rendered_files_and_counts_them(tmp_path) -> None:
    counts = dossier_synth.generate(tmp_path / "out", 4, seed=2)
    files = dossier_synth.render_files(4, 2)
    written = {p.relative_to(tmp_path / "out").as_posix(): p.read_text("utf-8")
               for p in sorted((tmp_path / "out").rglob("*")) if p.is_file()}
    assert written == files
    assert counts == {"files": len(files), "articles": 4, "annotations": 4 * dossier_synth.ANNOTATIONS_PER_ARTICLE,
                      "entities": dossier_synth.default_entities(4),
                      "comparisons": sum(1 for p in files if p.startswith("content/comparisons/"))}


def test_a_dossier_of_fewer_than_three_articles_has_no_comparison() -> None:
    assert not [p for p in dossier_synth.render_files(2, 1) if p.startswith("content/comparisons/")]
    assert [p for p in dossier_synth.render_files(3, 1) if p.startswith("content/comparisons/")]


def test_generate_refuses_a_folder_that_is_not_empty_unless_forced(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        dossier_synth.generate(tmp_path, 3, seed=1)
    dossier_synth.generate(tmp_path, 3, seed=1, force=True)
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"   # --force replaces only the dossier's files
    assert (tmp_path / "site.yaml").is_file()


def test_the_generated_dossier_builds_strictly_without_a_problem(tmp_path) -> None:
    dossier_synth.generate(tmp_path / "generated", 4, seed=7)
    result = run_build(tmp_path / "generated", "--check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_bench_command_line_writes_the_same_files_as_the_package(tmp_path) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(tmp_path / "cli"), "--articles", "3",
                    "--seed", "5", "--entities", "9", "--comparisons", "1"],
                   check=True, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    written = {p.relative_to(tmp_path / "cli").as_posix(): p.read_text("utf-8")
               for p in sorted((tmp_path / "cli").rglob("*")) if p.is_file()}
    assert written == dossier_synth.render_files(3, 5, 9, 1)
