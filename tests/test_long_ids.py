"""An id that names a page must fit in a file name (review 75), and one that fails its check makes no page (review
163)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_of_default_dossier, mini, run_build


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


SEED = "Talks resume in Washington\nThe minister said the talks would resume next week.\n"
ARTICLE = "seed: a.txt\ntitle: Talks resume\nsource: outlet-a\ndate: 2024-03-22\n"
ENTITIES = "minister: {name: The minister, kind: person}\n"


def _site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("key, message", [
    (r'"\0"', 'the id "\\x00" holds a control character (U+0000), which cannot be seen'),
    ('".."', 'the id ".." does not have the expected form'),
    ('"../../escape"', 'the id "../../escape" does not have the expected form'),
    ('"a/b"', 'the id "a/b" does not have the expected form'),
    ("c" * 300, "is 300 characters long, more than the 100 an id may have"),
])
def test_an_entity_id_that_fails_its_check_makes_no_page_and_the_build_says_its_error(tmp_path, key, message):
    """Review 163: the plain build handed the page of such an entity to the writer before its error was said (a
    traceback for a NUL, "refusing to write … outside the output folder" with exit status 2 for "..", "File name too
    long" with a hint at the disk); --check said the error at the key. Now the entity is left out of the registry:
    the same error in both, exit status 1, nothing written, and the previous site as it was."""
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE, "content/entities.yaml": ENTITIES})
    out = tmp_path / "site"
    assert run_build(root, "--out", str(out), "--no-search").returncode == 0
    before = _site(out)
    (root / "content/entities.yaml").write_text(ENTITIES + f"{key}: {{name: X, kind: person}}\n", "utf-8")
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 1, result.stderr
    assert "content/entities.yaml:2:1: error: " in result.stderr and message in result.stderr, result.stderr
    assert "[schema-form]" in result.stderr and "Traceback" not in result.stderr
    assert "refusing to write" not in result.stderr and "could not write" not in result.stderr
    assert _site(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier", "site"]  # (nothing written beside them)
