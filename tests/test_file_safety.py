"""A build reads nothing outside its dossier folder: symbolic links that lead out of it, and special files
(FIFOs, sockets), are refused with an error naming the link and its target; the previous site stays as it was.
The links and FIFOs are made in tmp_path (git cannot hold a FIFO)."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import aged, mini, run_build
from dossier.core.pipeline import build_site
from dossier.shell import fs, uptodate
from dossier.shell.tree import walk_tree

SEED = "Talks resume in Washington\nThe minister said the talks would resume next week.\n"
ARTICLE = "seed: a.txt\ntitle: Talks resume\nsource: outlet-a\ndate: 2024-03-22\n"


def good_dossier(tmp_path: Path) -> Path:
    return mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})


def site_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def built(root: Path) -> tuple[Path, dict[str, bytes]]:
    out = root.parent / "site"
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 0, result.stderr
    return out, site_files(out)


def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOP-SECRET-LINE of a file outside the dossier\n", "utf-8")
    return secret


def test_a_seed_linked_to_a_file_outside_the_dossier_is_refused_and_the_site_is_left_as_it_was(tmp_path):
    root = good_dossier(tmp_path)
    out, before = built(root)
    secret = secret_file(tmp_path)
    (root / "seeds" / "b.txt").symlink_to(secret)
    (root / "content/articles/b.yaml").write_text(ARTICLE.replace("a.txt", "b.txt"), "utf-8")
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (f"seeds/b.txt: error: this is a symbolic link to {secret.resolve()}, outside the dossier folder, "
            "so it is not read") in result.stderr
    assert "Traceback" not in result.stderr
    assert site_files(out) == before
    assert not (out / fs.STAGING).exists()
    assert [(p.file, p.check) for p in fs.read_inputs(root).problems] == [("seeds/b.txt", "file-outside-root")]


def test_etc_passwd_linked_as_a_seed_is_never_published(tmp_path):
    root = good_dossier(tmp_path)
    (root / "seeds" / "a.txt").unlink()
    (root / "seeds" / "a.txt").symlink_to("/etc/passwd")
    out = tmp_path / "site"
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 1
    assert "seeds/a.txt: error: this is a symbolic link to /etc/passwd" in result.stderr
    assert not out.exists() or all(b"root:" not in data for data in site_files(out).values())


def test_a_folder_linked_out_of_the_dossier_is_refused_without_reading_what_is_in_it(tmp_path):
    root = good_dossier(tmp_path)
    secret = secret_file(tmp_path)
    (root / "content" / "comparisons").symlink_to(secret.parent, target_is_directory=True)
    tree = walk_tree(root, "content")
    assert "content/comparisons" in tree.refused
    assert not any(rel.startswith("content/comparisons/") for rel in tree.files)
    result = run_build(root, "--out", str(tmp_path / "site"), "--no-search")
    assert result.returncode == 1
    assert f"content/comparisons: error: this is a symbolic link to the folder {secret.parent.resolve()}," in \
        result.stderr


def test_seeds_linked_to_a_folder_outside_the_dossier_is_refused_with_a_hint_for_a_folder(tmp_path):
    """`ln -s ~/shared-seeds seeds`: the hint said "copy the file", of a folder."""
    root = good_dossier(tmp_path)
    elsewhere = tmp_path / "shared-seeds"
    (root / "seeds").rename(elsewhere)
    (root / "seeds").symlink_to(elsewhere, target_is_directory=True)
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert (f"seeds: error: this is a symbolic link to the folder {elsewhere.resolve()}, outside the dossier folder, "
            "so nothing in it is read [folder-outside-root]") in result.stderr
    assert ("hint: put the folder itself at seeds instead of the link (move it into the dossier folder, or copy it "
            "there)") in result.stderr
    assert "copy the file" not in result.stderr
    assert [(p.file, p.check) for p in fs.read_inputs(root).problems] == [("seeds", "folder-outside-root")]


def test_a_fifo_in_seeds_is_refused_at_once_instead_of_hanging_the_build(tmp_path):
    root = good_dossier(tmp_path)
    out, before = built(root)
    os.mkfifo(root / "seeds" / "pipe.txt")
    started = time.monotonic()
    result = run_build(root, "--out", str(out), "--no-search")
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert "seeds/pipe.txt: error: this is a named pipe (FIFO), not a file, so it is not read" in result.stderr
    assert site_files(out) == before
    assert [(p.file, p.check) for p in fs.read_inputs(root).problems] == [("seeds/pipe.txt", "file-special")]


def test_a_dangling_link_is_an_error_not_a_traceback(tmp_path):
    root = good_dossier(tmp_path)
    (root / "content" / "entities.yaml").symlink_to(root / "content" / "missing.yaml")
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert "content/entities.yaml: error: this is a symbolic link to" in result.stderr
    assert "which cannot be opened (No such file or directory)" in result.stderr
    assert "Traceback" not in result.stderr


def test_links_that_stay_inside_the_dossier_keep_working_and_a_link_loop_ends(tmp_path):
    root = good_dossier(tmp_path)
    kept = root / "raw" / "a.txt"
    kept.parent.mkdir()
    (root / "seeds" / "a.txt").rename(kept)
    (root / "seeds" / "a.txt").symlink_to(Path("..") / "raw" / "a.txt")
    (root / "content" / "again").symlink_to(root / "content", target_is_directory=True)  # a loop
    out, files = built(root)
    assert b"The minister said the talks would resume next week." in files["articles/a/index.html"]


def test_site_yaml_linked_out_of_the_dossier_is_refused(tmp_path):
    root = good_dossier(tmp_path)
    elsewhere = tmp_path / "outside-site.yaml"
    (root / "site.yaml").rename(elsewhere)
    (root / "site.yaml").symlink_to(elsewhere)
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert f"site.yaml: error: this is a symbolic link to {elsewhere.resolve()}" in result.stderr


def test_a_link_added_after_a_good_build_is_never_taken_for_up_to_date(tmp_path):
    root = good_dossier(tmp_path)
    aged(root)  # files older than the racy window, so the build is recorded as up to date
    out, before = built(root)
    assert "up to date" in run_build(root, "--out", str(out), "--no-search").stdout
    (root / "seeds" / "b.txt").symlink_to("/etc/passwd")
    scanned = uptodate.scan(root)
    assert "root:seeds/b.txt (refused)" in scanned  # the link's own stat: what it leads to is not looked at
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 1, result.stdout
    assert "up to date" not in result.stdout
    assert site_files(out) == before


def test_a_file_name_that_is_not_utf8_is_left_out_with_a_warning_by_the_build_and_by_import(tmp_path):
    # file-name-encoding: a Latin-1 name (b"caf\xe9.txt") that os.listdir can only give back with a surrogate;
    # --import once stopped on it with a traceback
    root = good_dossier(tmp_path)
    name = os.fsdecode(b"caf\xe9.txt")
    (root / "seeds" / name).write_text(SEED, "utf-8")
    out = tmp_path / "site"
    first = run_build(root, "--out", str(out), "--no-search")
    assert first.returncode == 0, first.stderr
    assert "seeds/caf\\udce9.txt: warning: this name is not valid UTF-8" in first.stderr
    assert [(p.file, p.check) for p in fs.read_inputs(root).problems] == [(f"seeds/{name}", "file-name-encoding")]
    again = run_build(root, "--out", str(out), "--no-search")
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    imported = run_build(root, "--import")
    assert imported.returncode == 0 and "Traceback" not in imported.stderr, imported.stderr
    assert "seeds/caf\\udce9.txt: warning: this name is not valid UTF-8" in imported.stderr
    assert sorted(p.name for p in (root / "content" / "articles").iterdir()) == ["a.yaml"]
    strict = run_build(root, "--check", "--strict")
    assert strict.returncode == 1


def test_a_template_that_is_not_utf8_is_an_error_not_a_traceback(tmp_path):
    root = good_dossier(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "article.html").write_bytes(b"<p>caf\xe9</p>")
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert "templates/article.html: error: the template is not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_preview_watcher_follows_links_only_inside_the_dossier_and_stamps_refused_entries(tmp_path):
    from dossier.shell.serve_files import snapshot

    root = good_dossier(tmp_path)
    secret = secret_file(tmp_path)
    shared = root / "shared"
    shared.mkdir()
    (shared / "b.txt").write_text(SEED, "utf-8")
    (root / "seeds" / "more").symlink_to(shared, target_is_directory=True)   # inside: watched through the link
    (root / "seeds" / "loop").symlink_to(root / "seeds", target_is_directory=True)
    (root / "content" / "outside").symlink_to(secret.parent, target_is_directory=True)
    os.mkfifo(root / "seeds" / "pipe.txt")
    stamps = snapshot(root)
    real = root.resolve()
    assert str(real / "seeds" / "more" / "b.txt") in stamps
    assert str(real / "seeds" / "pipe.txt") in stamps                      # adding it triggers a build
    assert str(real / "content" / "outside") in stamps                     # the link itself...
    assert not any("secret.txt" in path for path in stamps)               # ...never what it leads to
    assert stamps[str(real / "content" / "outside")][2] == os.lstat(root / "content" / "outside").st_ino


def test_import_writes_no_stub_through_a_folder_linked_out_of_the_dossier(tmp_path):
    root = good_dossier(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "content" / "articles" / "a.yaml").rename(elsewhere / "a.yaml")
    (root / "content" / "articles").rmdir()
    (root / "content" / "articles").symlink_to(elsewhere, target_is_directory=True)
    (root / "seeds" / "b.txt").write_text(SEED.replace("Talks", "Other talks"), "utf-8")
    result = run_build(root, "--import")
    assert result.returncode == 1
    assert f"content/articles: error: this is a symbolic link to the folder {elsewhere.resolve()}" in result.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == ["a.yaml"]


def test_a_folder_of_the_site_linked_out_of_it_is_refused_at_the_commit_with_a_message_not_a_traceback(tmp_path):
    root = good_dossier(tmp_path)
    out, _ = built(root)
    outside = tmp_path / "elsewhere"
    (out / "articles").rename(outside)  # the site's articles/ now a link to a folder outside it
    (out / "articles").symlink_to(outside, target_is_directory=True)
    (outside / "a" / "index.html").unlink()  # (so the build writes that page again)
    kept = site_files(outside)
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.search(r"build\.py: error: refusing to write articles/\S+: articles/ in the output folder is a "
                     f"symbolic link to {re.escape(str(outside.resolve()))}, outside the output folder", result.stderr)
    assert f"hint: nothing was written; {out} is as it was" in result.stderr
    assert site_files(outside) == kept and not (out / fs.STAGING).exists()


# A dossier whose files all name each other: seeds, article files, an entity, a comparison, links between them
LINKED = {
    "seeds/a.txt": SEED, "seeds/b.txt": SEED.replace("next week", "on Monday"),
    "content/articles/a.yaml": ARTICLE + ("annotations:\n  - id: resume\n    quote: the talks would resume\n"
                                          "    note: As in [the other report](article:b); see [both](compare:talks).\n"
                                          "    entities: [the-minister]\n"),
    "content/articles/b.yaml": ARTICLE.replace("a.txt", "b.txt"),
    "content/entities.yaml": "the-minister:\n  name: The minister\n  kind: person\n  aliases: [The Minister]\n",
    "content/comparisons/talks.yaml": ("title: Talks\nquestion: When?\nkind: quote\nwitnesses:\n"
                                       "  - article: a\n    quote: resume next week\n"
                                       "  - article: b\n    quote: resume on Monday\n"),
}


@pytest.mark.parametrize("linked", ["seeds", "seeds/a.txt", "content", "content/articles", "content/articles/b.yaml",
                                    "content/sources.yaml", "content/entities.yaml", "content/comparisons",
                                    "content/comparisons/talks.yaml", "site.yaml"])
def test_a_path_linked_out_of_the_dossier_is_one_error_not_one_more_in_each_file_naming_what_it_holds(tmp_path,
                                                                                                      linked):
    """`ln -s ~/shared-seeds seeds` was one error and then "seed not found" for every article; a linked content/
    a "seed has no article file" for every seed; a linked file one "unknown …" in each file naming what it held."""
    root = mini(tmp_path, LINKED)
    assert [(p.file, p.check) for p in build_site(fs.read_inputs(root)).problems] == []
    elsewhere = tmp_path / "elsewhere" / linked
    elsewhere.parent.mkdir(parents=True)
    (root / linked).rename(elsewhere)
    (root / linked).symlink_to(elsewhere, target_is_directory=elsewhere.is_dir())
    check = "folder-outside-root" if elsewhere.is_dir() else "file-outside-root"
    assert [(p.file, p.check) for p in build_site(fs.read_inputs(root)).problems] == [(linked, check)]


@pytest.mark.parametrize("seeds_is", ["a file", "a fifo"])
def test_seeds_that_cannot_be_read_are_one_error_not_a_seed_not_found_for_each_article(tmp_path, seeds_is):
    root = mini(tmp_path, LINKED)
    target = root / ("seeds" if seeds_is == "a file" else "seeds/b.txt")
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    target.write_text("not a folder\n", "utf-8") if seeds_is == "a file" else os.mkfifo(target)
    check = "folder-expected" if seeds_is == "a file" else "file-special"
    assert [(p.file, p.check) for p in build_site(fs.read_inputs(root)).problems] == [
        (target.relative_to(root).as_posix(), check)]


def test_import_writes_no_stub_while_an_article_file_is_not_read(tmp_path):
    """An article file linked out of the dossier may be any seed's: no second file is written for it."""
    root = mini(tmp_path, LINKED)
    elsewhere = tmp_path / "b.yaml"
    (root / "content/articles/b.yaml").rename(elsewhere)
    (root / "content/articles/b.yaml").symlink_to(elsewhere)
    result = run_build(root, "--import")
    assert result.returncode == 1
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["a.yaml", "b.yaml"]
    assert "no stub written" in result.stdout
