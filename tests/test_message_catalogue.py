"""The message catalogue (docs/messages.md) is complete and every message kind is triggered by a test.

(a) every `error(...)`/`warning(...)` call in dossier/ carries a literal code (tests/message_codes.py reads
    them from the source);
(b) every code is documented under a `### code` heading, and nothing documented is dead;
(c) every code is produced by some test: by building the dossiers of tests/invalid/ (in-process, with the real
    pipeline), or, for codes a dossier folder cannot produce, by the test named in TRIGGERS, which must
    exist and mention the code.
Each failure lists exactly the codes concerned, so codes added on other branches are easy to fill in.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from message_codes import scan

CATALOGUE = ROOT / "docs" / "messages.md"
INVALID = ROOT / "tests" / "invalid"

# Codes no folder of tests/invalid/ can produce → the test that produces them (file::function).
TRIGGERS = {
    "template-unsafe": "tests/test_template_sandbox.py::test_a_dossier_s_template_runs_no_python_of_its_own",
    "yaml-conflict": "tests/test_merge_conflicts.py::test_a_yaml_file_with_a_conflict_is_one_error_at_its_first_marker",
    "seed-conflict": "tests/test_merge_conflicts.py::test_a_seed_with_a_conflict_fails_the_build_at_its_line",
    "output-collision": "tests/test_message_triggers.py::test_two_inputs_claiming_one_output_path_is_an_output_collision_naming_both",
    "site-missing": "tests/test_message_triggers.py::test_a_dossier_without_site_yaml_is_one_site_missing_error",
    "crash": "tests/test_message_triggers.py::test_a_bug_in_the_build_becomes_a_crash_problem_that_says_it_is_not_the_editor_s_fault",
    "file-unreadable": "tests/test_message_triggers.py::test_a_file_that_vanishes_while_the_preview_reads_it_is_file_unreadable",
    "file-outside-root": "tests/test_file_safety.py::"
        "test_a_seed_linked_to_a_file_outside_the_dossier_is_refused_and_the_site_is_left_as_it_was",
    "folder-outside-root": "tests/test_file_safety.py::"
        "test_seeds_linked_to_a_folder_outside_the_dossier_is_refused_with_a_hint_for_a_folder",
    "file-special": "tests/test_file_safety.py::test_a_fifo_in_seeds_is_refused_at_once_instead_of_hanging_the_build",
    "site-language": "tests/test_site_language.py::"
        "test_a_site_language_most_articles_do_not_read_as_is_one_site_language_warning_at_it",
    "file-name-encoding": "tests/test_file_safety.py::"
        "test_a_file_name_that_is_not_utf8_is_left_out_with_a_warning_by_the_build_and_by_import",
    "yaml-item-in-text": "tests/test_units_yaml_indent.py::"
        "test_an_annotation_pasted_below_a_folded_summary_is_a_warning_at_the_line_that_reads_as_one",
    "yaml-comment-in-text": "tests/test_units_yaml_indent.py::"
        "test_unquoted_text_cut_at_a_hashtag_is_a_yaml_comment_in_text_warning_at_the_hashtag",
    "output-unwritten": "tests/test_serve.py::"
        "test_a_site_that_cannot_be_written_is_said_in_one_line_and_written_whole_once_it_can",
    "output-refused": "tests/test_serve_output_folder.py::"
        "test_a_folder_of_the_site_linked_out_is_refused_in_one_line_and_over_the_pages",
    "figure-value": "tests/test_message_triggers.py::"
        "test_a_figure_witness_value_close_to_its_quotes_figure_but_not_it_is_a_figure_value_warning",
    "figure-unit": "tests/test_message_triggers.py::"
        "test_a_figure_witness_set_apart_for_its_unit_missing_or_mistyped_is_a_figure_unit_warning",
    "language-unknown": "tests/test_units_language.py::"
        "test_the_site_s_and_an_article_s_unknown_language_are_warnings_at_their_lines",
    "windows-name": "tests/test_windows_names.py::"
        "test_an_article_file_and_an_entity_id_named_as_a_device_are_told_where_written_and_a_tag_so_named_links",
    "anchor-moved": "tests/test_gone_occurrences.py::"
        "test_a_suffix_whose_occurrence_a_new_seed_changed_is_an_error_not_a_warning_to_correct_it",
}


@pytest.fixture(scope="module")
def emitted() -> dict[str, list[str]]:
    found = scan(ROOT / "dossier")
    assert not found.without, "error()/warning() calls without a literal code:\n  " + "\n  ".join(found.without)
    return found.codes


def documented() -> list[str]:
    return re.findall(r"^### ([a-z0-9-]+)\s*$", CATALOGUE.read_text("utf-8"), re.M)


def test_every_problem_the_code_can_emit_carries_a_literal_code(emitted) -> None:
    assert len(emitted) >= 40, sorted(emitted)   # the scanner finds the codes (it would find none if it broke)
    assert {"anchor-not-found", "schema-form", "links", "yaml-tag"} <= set(emitted)


def test_every_code_is_documented_once_and_nothing_documented_is_dead(emitted) -> None:
    docs = documented()
    repeated = sorted({c for c in docs if docs.count(c) > 1})
    missing = sorted(set(emitted) - set(docs))
    dead = sorted(set(docs) - set(emitted))
    assert not (missing or dead or repeated), (
        f"docs/messages.md lacks a `### code` section for: {missing}\n"
        f"documents codes nothing emits (dead): {dead}\ndocuments twice: {repeated}")


def test_every_documented_code_has_an_example_and_a_fix() -> None:
    text = CATALOGUE.read_text("utf-8")
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    incomplete = [s.split("\n", 1)[0] for s in sections
                  if not re.search(r"^    \S.*: (error|warning): ", s, re.M) or "Fix:" not in s]
    assert not incomplete, f"sections without an example message or a Fix: {incomplete}"


def _codes_of_invalid_dossiers(where: Path) -> set[str]:
    """The codes the folders' builds say. With the command line's compiled templates kept in `where` (a build is
    the same with them): a folder with templates of its own made the build compile all the project's templates
    again, two thirds of the time here; now only the ones it changed are."""
    from dossier.shell import fs
    from dossier.shell.cache import compiled_templates
    from dossier.core.pipeline import build_site

    compiled = compiled_templates(where)
    codes = set()
    for case in sorted(p for p in INVALID.iterdir() if p.is_dir()):
        codes |= {p.check for p in build_site(fs.read_inputs(case), compiled=compiled).problems}
    return codes


def _test_exists_and_names(node: str, code: str) -> bool:
    file, _, name = node.partition("::")
    path = ROOT / file
    if not path.is_file():
        return False
    text = path.read_text("utf-8")
    functions = {n.name for n in ast.walk(ast.parse(text)) if isinstance(n, ast.FunctionDef)}
    return name in functions and f'"{code}"' in text


def test_every_code_is_triggered_by_an_invalid_dossier_or_a_named_test(emitted, tmp_path) -> None:
    by_folders = _codes_of_invalid_dossiers(tmp_path)
    untriggered = sorted(c for c in emitted if c not in by_folders and c not in TRIGGERS)
    bad_table = sorted(c for c, node in TRIGGERS.items() if not _test_exists_and_names(node, c))
    stale = sorted(c for c in TRIGGERS if c in by_folders or c not in emitted)
    assert not (untriggered or bad_table or stale), (
        f"codes no test triggers (add a tests/invalid/<case>/ or a test in TRIGGERS): {untriggered}\n"
        f"TRIGGERS entries whose test is missing or does not mention the code: {bad_table}\n"
        f"TRIGGERS entries not needed (a folder triggers them, or nothing emits them): {stale}")
