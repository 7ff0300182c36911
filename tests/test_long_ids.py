"""An id that names a page must fit in a file name (review 75)."""

from __future__ import annotations

from conftest import copy_of_default_dossier, run_build


def test_an_entity_id_too_long_to_name_its_page_is_an_error_at_the_id(tmp_path):
    """Review 75: a 300-character entity id passed --check, then the build failed on "File name too long",
    naming no file of the dossier."""
    root = copy_of_default_dossier(tmp_path)
    entities = root / "content" / "entities.yaml"
    lines = entities.read_text("utf-8").rstrip("\n").split("\n")
    entities.write_text("\n".join(lines + ["b" * 300 + ":", "  name: Long one", "  kind: person"]) + "\n", "utf-8")
    checked = run_build(root, "--check")
    assert checked.returncode == 1
    assert f"content/entities.yaml:{len(lines) + 1}:1: error: the id" in checked.stderr
    assert "is 300 characters long, more than the 100 an id may have" in checked.stderr
