"""What editors' tools and systems leave in a dossier's folders (review 74) is neither read nor published: a
merge's `.orig`, a backup, JetBrains' safe-write files, Windows' Thumbs.db and desktop.ini, vim's probe file."""

from __future__ import annotations

import shutil

from conftest import copy_of_default_dossier, run_build

LEFTOVERS = ("x.orig", "x.bak", "x.save", "x___jb_tmp___", "Thumbs.db", "desktop.ini", "4913")


def test_leftovers_in_seeds_static_and_templates_change_nothing_and_import_stubs_none(tmp_path):
    root = copy_of_default_dossier(tmp_path)
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    for folder in ("seeds", "static", "templates", "content", "content/articles"):
        (root / folder).mkdir(exist_ok=True)
        for name in LEFTOVERS:
            target = root / folder / name.replace("x", seed.name if folder == "seeds" else "a.yaml", 1)
            shutil.copy(seed, target) if folder == "seeds" else target.write_bytes(b"\xff\xfe[.ShellClassInfo]")
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "0 warning(s)" in built.stdout, built.stdout + built.stderr
    published = {p.name for p in (root / "_site").rglob("*")}
    assert not published & {"Thumbs.db", "desktop.ini", "4913"} and not [n for n in published if "orig" in n]
    before = sorted(p.name for p in (root / "content" / "articles").iterdir())
    imported = run_build(root, "--import")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert sorted(p.name for p in (root / "content" / "articles").iterdir()) == before


def test_a_seed_named_like_a_hidden_or_temporary_file_is_said_to_be_skipped_not_missing(tmp_path):
    """Review 74: `seed: .002.txt` said "not found in seeds/" though the file was there: the reader skips it."""
    root = copy_of_default_dossier(tmp_path)
    article = sorted((root / "content" / "articles").glob("*.yaml"))[0]
    text = article.read_text("utf-8")
    seed = text.split("seed: ", 1)[1].split("\n", 1)[0].strip().strip('"')
    (root / "seeds" / seed).rename(root / "seeds" / f".{seed}")
    article.write_text(text.replace(f"seed: {seed}", f"seed: .{seed}", 1), "utf-8")
    built = run_build(root, "--check")
    assert built.returncode == 1
    assert f'seed ".{seed}" is not read: a file so named is skipped as hidden' in built.stderr
    assert "not found in seeds/" not in built.stderr


def test_a_copy_a_sync_client_made_of_an_article_file_is_told_as_one(tmp_path):
    """Review 74: "jpost-go-it-alone (1).yaml" was told to be renamed "jpost-go-it-alone-1", a second article.
    Review 146: with the same bytes, it is a copy, to delete, and not said to take the seed of the file it copies."""
    root = copy_of_default_dossier(tmp_path)
    article = sorted((root / "content" / "articles").glob("*.yaml"))[0]
    shutil.copy(article, article.with_name(f"{article.stem} (1).yaml"))
    shutil.copy(article, article.with_name(f"{article.stem} (Jo's conflicted copy 2024-03-22).yaml"))
    built = run_build(root, "--check")
    assert built.returncode == 1
    said = [line for line in built.stderr.splitlines() if "hint: it is a copy of" in line]
    assert len(said) == 2 and all(f"copy of {article.stem}.yaml (the same bytes) that a sync client or a file "
                                  "manager made: delete it" in line for line in said)
    assert "seed-taken" not in built.stderr



def test_a_seed_whose_name_differs_from_another_s_only_in_its_unicode_form_is_told_so(tmp_path):
    """Review 74: café.txt twice, once composed (NFC) and once as macOS writes names (NFD): the unread one was
    "a seed without an article file", its name looking the same as the read one's."""
    import unicodedata

    root = copy_of_default_dossier(tmp_path)
    article = sorted((root / "content" / "articles").glob("*.yaml"))[0]
    text = article.read_text("utf-8")
    seed = text.split("seed: ", 1)[1].split("\n", 1)[0].strip().strip('"')
    composed = unicodedata.normalize("NFC", f"café-{seed}")
    (root / "seeds" / seed).rename(root / "seeds" / composed)
    article.write_text(text.replace(f"seed: {seed}", f'seed: "{composed}"', 1), "utf-8")
    shutil.copy(root / "seeds" / composed, root / "seeds" / unicodedata.normalize("NFD", composed))
    built = run_build(root, "--check")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "only in its Unicode form: this one is decomposed (NFD, as macOS writes names)" in built.stderr
    assert built.stderr.count("seed has no article file") == 1
