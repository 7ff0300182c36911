"""A registry file left empty beside the others of its registry (review 146, item 8; dossier/core/load/emptied.py;
the whole build: tests/invalid/entities-emptied-into-their-folder)."""

from __future__ import annotations

import shutil

from conftest import copy_of_default_dossier, run_build
from dossier.core.common.errors import error
from dossier.core.load.emptied import emptied_registries


def test_a_registry_file_left_empty_beside_others_is_a_warning_defining_nothing_and_alone_stays_an_error() -> None:
    empty = (None, (error("content/entities.yaml", 1, 1, "the file is empty", "see README.md", "file-empty"),))
    people = ((), ())
    parsed = {("entities", "content/entities.yaml"): empty, ("entities", "content/entities/people.yaml"): people,
              ("sources", "content/sources.yaml"): (None, (error("content/sources.yaml", 1, 1, "the file is empty",
                                                                 "", "file-empty"),))}
    out = emptied_registries(parsed)
    value, (said,) = out[("entities", "content/entities.yaml")]
    assert value == () and (said.severity, said.check, said.line) == ("warning", "file-empty", 1)
    assert said.message == "the file is empty, and the entities are in content/entities/"
    assert said.hint == "delete it: it defines no entity, and nothing is lost without it"
    assert out[("sources", "content/sources.yaml")] == parsed[("sources", "content/sources.yaml")]
    assert out[("entities", "content/entities/people.yaml")] is people


def test_outlets_moved_into_their_folder_leaving_empty_files_build_and_their_references_are_checked(tmp_path) -> None:
    """Review 146: `content/sources.yaml` emptied once its outlets moved into content/sources/ failed the build
    ("the file is empty", hint: see README.md), and the references to outlets were not checked. Empty files of
    both places: each a warning naming where the outlets are, and the site builds."""
    root = copy_of_default_dossier(tmp_path)
    (root / "content" / "sources").mkdir()
    shutil.move(root / "content" / "sources.yaml", root / "content" / "sources" / "outlets.yaml")
    (root / "content" / "sources.yaml").write_text("# moved to content/sources/\n", "utf-8")
    (root / "content" / "sources" / "wires.yaml").write_text("", "utf-8")
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "content/sources.yaml:1:1: warning: the file is empty, and the outlets are in content/sources/ " \
           "[file-empty]" in built.stderr
    assert "content/sources/wires.yaml:1:1: warning: the file is empty, and the outlets are in content/sources/ " \
           "[file-empty]" in built.stderr
    assert "2 warning(s)" in built.stdout and "not checked" not in built.stdout
    # (the references are checked: a typo in an article's source: is said at once)
    article = root / "content" / "articles" / "jpost-go-it-alone.yaml"
    article.write_text(article.read_text("utf-8").replace("source: jerusalem-post", "source: jerusalem-postt"),
                       "utf-8")
    typo = run_build(root, "--check")
    assert typo.returncode == 1 and 'unknown source "jerusalem-postt"' in typo.stderr, typo.stderr
