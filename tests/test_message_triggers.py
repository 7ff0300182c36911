"""Message codes that no dossier folder (tests/invalid/) can trigger: each is made to happen here, for real."""

from __future__ import annotations

from dossier.core.pipeline import Inputs, build_site
from dossier.core.plan.page import claim_paths, data
from dossier.shell.serve_preview import crash_problem


def test_two_inputs_claiming_one_output_path_is_an_output_collision_naming_both() -> None:
    first = data("articles/a/index.html", "content/articles/a.yaml", ("article:a",), lambda: b"<p>a</p>")
    second = data("articles/a/index.html", "content/articles/b.yaml", ("article:b",), lambda: b"<p>b</p>")
    kept, (problem,) = claim_paths([first, second])
    assert kept == [first]  # checked on the plan: the second page is never rendered
    assert (problem.file, problem.check, problem.severity) == ("content/articles/b.yaml", "output-collision", "error")
    assert "content/articles/a.yaml" in problem.message


def test_a_dossier_without_site_yaml_is_one_site_missing_error() -> None:
    result = build_site(Inputs({"seeds/a.txt": b"Hello\n"}, {}, {}, {}))
    assert [(p.file, p.check, p.message) for p in result.problems] == [("site.yaml", "site-missing", "site.yaml is missing")]


def test_a_bug_in_the_build_becomes_a_crash_problem_that_says_it_is_not_the_editor_s_fault() -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        problem = crash_problem(exc)
    assert (problem.check, problem.file) == ("crash", "dossier")  # no frame of dossier/ in this traceback
    assert "not in your files" in problem.hint


def test_a_file_that_vanishes_while_the_preview_reads_it_is_file_unreadable() -> None:
    problem = crash_problem(FileNotFoundError(2, "No such file or directory", "content/articles/a.yaml"))
    assert (problem.file, problem.check, problem.message) == (
        "content/articles/a.yaml", "file-unreadable", "could not read: No such file or directory")
