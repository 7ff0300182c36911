"""Copies that sync clients, file managers and merge tools leave (review 146, item 5; dossier/core/load/copies.py;
the whole build: tests/invalid/files-copied-by-sync-and-merge-tools, registry-files-copied-by-sync-and-merge-tools)."""

from __future__ import annotations

import shutil

import pytest

from conftest import copy_of_default_dossier, mini, run_build
from dossier.core.load.copies import maker, original_name, seed_copies
from dossier.core.load.duplicates import duplicate_ids
from dossier.core.load.ignored import ignored


@pytest.mark.parametrize("name, original", [
    ("002 (1).txt", "002.txt"), ("a copy.yaml", "a.yaml"), ("a - Copy (2).yaml", "a.yaml"),
    ("a (Jo's conflicted copy 2024-03-22).yaml", "a.yaml"), ("a.sync-conflict-20240322-101010-ABCDEFG.yaml", "a.yaml"),
    ("a_LOCAL_4567.yaml", "a.yaml"), ("a_REMOTE_4567.yaml", "a.yaml"), ("000_662ca594744e9246_BASE_12.txt",
                                                                         "000_662ca594744e9246.txt"),
    ("000_662ca594744e9246_BACKUP_1234.txt", "000_662ca594744e9246.txt"), ("a.yaml.LOCAL.4567.yaml", "a.yaml"),
    ("a.b.yaml.BACKUP.9.yaml", "a.b.yaml"), ("a.orig.yaml", "a.yaml"), ("content/articles/x (1).yaml", "x.yaml"),
    # no mark: a name of its own
    ("a.yaml", ""), ("report_base_2024.txt", ""), ("(1).txt", ""), ("a_LOCAL.yaml", ""), ("copy.txt", ""),
])
def test_the_marks_of_copies_name_the_file_they_copy(name: str, original: str) -> None:
    assert original_name(name) == original
    assert bool(maker(name)) == bool(original)


def test_makers_are_named_by_their_marks() -> None:
    assert maker("a (1).yaml") == "a sync client or a file manager made"
    assert maker("a_LOCAL_4567.yaml") == "git mergetool left"
    assert maker("a.orig.yaml") == "a merge tool left"


def test_a_seed_with_another_s_bytes_is_its_copy_the_one_an_article_names_being_the_original() -> None:
    text = b"Talks to resume\nThe minister said so.\n"
    files = {"seeds/a.txt": text, "seeds/a (1).txt": text, "seeds/z.txt": text, "seeds/other.txt": b"Other\n",
             "seeds/b.txt": b"B\n", "seeds/b_LOCAL_1.txt": b"B, edited\n", "seeds/c copy.txt": b"C\n",
             "seeds/empty.txt": b"", "seeds/blank.txt": b"", "seeds/sub/a.txt": text}
    copies = seed_copies(["a (1).txt", "z.txt", "other.txt", "b_LOCAL_1.txt", "c copy.txt", "blank.txt"], files,
                         {"z.txt": "zed", "b.txt": "bee"})
    # (z.txt is the article's: a.txt and "a (1).txt" copy it; a name with no mark copies none by its name alone,
    # and a name with one copies the seed it names, its bytes or not; c.txt is not there; no empty seed copies one)
    assert copies == {"a (1).txt": ("z.txt", True), "b_LOCAL_1.txt": ("b.txt", False)}
    assert seed_copies(["a.txt", "a (1).txt", "z.txt"], files, {}) == {"a (1).txt": ("a.txt", True),
                                                                      "z.txt": ("a.txt", True)}


def test_a_loose_copy_of_a_registry_in_content_is_said_to_be_one_not_to_be_moved_into_a_folder() -> None:
    (problem,), _ = ignored(["content/sources.yaml", "content/sources_LOCAL_4567.yaml"])
    assert problem.message.endswith("and this file's name marks it as a copy of content/sources.yaml")
    assert problem.hint == "delete it if it is a copy git mergetool left"


def test_import_writes_no_stub_for_a_copy_and_says_why(tmp_path) -> None:
    """Review 146: following the build's hint, --import wrote content/articles/israel-will-go-it-alone-on.yaml for
    "002_5b7bcf2cbf6902ac (1).txt" and 000-662ca594744e9246-backup-1234.yaml for a mergetool backup, and the next
    build published two byte-identical copies of existing articles with only an outlet-unknown warning."""
    root = copy_of_default_dossier(tmp_path)
    seeds = root / "seeds"
    shutil.copy(seeds / "002_5b7bcf2cbf6902ac.txt", seeds / "002_5b7bcf2cbf6902ac (1).txt")
    shutil.copy(seeds / "000_662ca594744e9246.txt", seeds / "000_662ca594744e9246_BACKUP_1234.txt")
    (seeds / "new.txt").write_text("Envoy leaves Cairo as talks stall\nThe envoy left Cairo on Monday.\n", "utf-8")
    shutil.copy(seeds / "new.txt", seeds / "new copy.txt")
    before = {p.name for p in (root / "content" / "articles").iterdir()}
    imported = run_build(root, "--import")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    written = {p.name for p in (root / "content" / "articles").iterdir()} - before
    assert len(written) == 1 and imported.stdout.count("wrote ") == 1, imported.stdout
    assert "seeds/002_5b7bcf2cbf6902ac (1).txt: warning: seed is a copy of seeds/002_5b7bcf2cbf6902ac.txt (the " \
           "seed of jpost-go-it-alone)" in imported.stderr
    assert "seeds/000_662ca594744e9246_BACKUP_1234.txt: warning: seed is a copy of" in imported.stderr
    assert "seeds/new copy.txt: warning: seed is a copy of seeds/new.txt, which no article file names" in \
           imported.stderr
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert built.stderr.count("seed is a copy of") == 3 and "seed has no article file" not in built.stderr


def test_only_copies_left_import_says_it_wrote_no_stub(tmp_path) -> None:
    root = copy_of_default_dossier(tmp_path)
    shutil.copy(root / "seeds" / "002_5b7bcf2cbf6902ac.txt", root / "seeds" / "002_5b7bcf2cbf6902ac (1).txt")
    imported = run_build(root, "--import")
    assert imported.returncode == 0 and "no stub written" in imported.stdout, imported.stdout + imported.stderr
    assert "every seed already has an article file" not in imported.stdout


def test_a_copy_of_an_article_file_no_reference_names_leaves_the_seed_to_the_original(tmp_path) -> None:
    """"a (1).yaml" sorts before a.yaml: with no comparison or link naming a, the copy kept the seed and a.yaml was
    told seed-taken, to point it at another seed or delete it."""
    article = "seed: a.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n  - id: t\n" \
              "    quote: the talks would resume\n"
    root = mini(tmp_path, {"seeds/a.txt": "Talks\nThe minister said the talks would resume.\n",
                           "content/articles/a.yaml": article,
                           "content/articles/a (1).yaml": article + "    note: Edited in the copy.\n"})
    built = run_build(root, "--check")
    assert built.returncode == 1
    assert "seed-taken" not in built.stderr and built.stderr.count("error:") == 1, built.stderr
    assert 'content/articles/a (1).yaml: error: file name "a (1)" is not a valid slug [file-name]\n    hint: its ' \
           "name marks it as a copy of a.yaml that a sync client or a file manager made, and it names its seed, " \
           "a.txt, which only one article file may: delete it" in built.stderr


def test_ids_a_copy_of_a_registry_file_defines_again_are_said_at_the_copy_to_delete() -> None:
    """"places (1).yaml" sorts before places.yaml: the ids both define were said at places.yaml, the original."""
    items = [("cairo", "content/entities/places (1).yaml", 1, 1), ("doha", "content/entities/places (1).yaml", 4, 1),
             ("cairo", "content/entities/places.yaml", 1, 1), ("egypt", "content/entities/wires_BACKUP_7.yaml", 1, 1),
             ("egypt", "content/entities/wires.yaml", 1, 1)]
    (at_copy, one), = [duplicate_ids("entity", items)]
    assert (at_copy.file, at_copy.message) == ("content/entities/places (1).yaml", 'entity id "cairo" is defined twice')
    assert at_copy.hint == ('its name marks it as a copy of content/entities/places.yaml that a sync client or a file '
                            'manager made: delete it (it alone defines "doha": move it to content/entities/places.yaml '
                            'first)')
    assert (one.file, one.hint) == ("content/entities/wires_BACKUP_7.yaml", "its name marks it as a copy of "
                                    "content/entities/wires.yaml that git mergetool left: delete it")
