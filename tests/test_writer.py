"""The writer (dossier/shell/writer.py): a staged build reaches the output folder only through `commit`, which
writes the changed files and records the up-to-date marker; anything else leaves the previous site as it was;
the live preview's in-memory builds are synced with the same module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.shell import fs, uptodate
from dossier.shell.writer import memory_shards, search_files, staged, sync

PAGE = (b'<!doctype html><html lang="en"><head><title>T</title></head><body><main data-pagefind-body>'
        b'<h1>Blinken in Jerusalem</h1><p>The secretary of state met the cabinet.</p></main></body></html>')


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def _build(out: Path, outputs: dict[str, bytes], summary: dict | None = None) -> tuple[int, int]:
    with staged(out) as writer:
        for rel, data in outputs.items():
            writer.sink(rel, data)
        return writer.commit({"search": False}, {"site.yaml": (1, 1)}, summary or {"pages": len(outputs)})


@pytest.fixture
def pagefind():
    pytest.importorskip("pagefind")
    from pagefind.service import get_executable
    if get_executable() is None:
        pytest.skip("the Pagefind binary is missing (pip install 'pagefind[bin]')")


def test_a_commit_writes_only_changed_files_and_deletes_files_no_longer_produced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(out, {"a.html": b"A", "b/c.html": b"C", "old.txt": b"old"}) == (3, 0)
    before = os.stat(out / "a.html").st_mtime_ns
    assert _build(out, {"a.html": b"A", "b/c.html": b"C2"}) == (1, 1)
    assert _files(out) == {"a.html": b"A", "b/c.html": b"C2"}
    assert os.stat(out / "a.html").st_mtime_ns == before
    assert not (out / fs.STAGING).exists()


def test_a_commit_records_the_marker_that_answers_the_next_no_change_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(out, {"index.html": b"I"}, {"pages": 1, "files": 1, "warnings": 0})
    done = uptodate.up_to_date(out, {"search": False}, {"site.yaml": (1, 1)})
    assert done is not None and done["summary"] == {"pages": 1, "files": 1, "warnings": 0}
    assert uptodate.up_to_date(out, {"search": True}, {"site.yaml": (1, 1)}) is None  # another option: rebuild
    assert list(uptodate.recorded_outputs(out)) == ["index.html"]


def test_leaving_the_block_without_a_commit_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(out, {"a.html": b"A"})
    marker = (out / fs.MARKER).read_bytes()
    with staged(out) as writer:  # a build that found errors: it returns without committing
        writer.sink("a.html", b"A2")
        writer.sink("b.html", b"B")
    assert _files(out) == {"a.html": b"A"}
    assert (out / fs.MARKER).read_bytes() == marker
    assert not (out / fs.STAGING).exists()


def test_an_exception_or_interruption_in_the_block_removes_the_stage_and_the_folder_it_created(tmp_path: Path) -> None:
    out = tmp_path / "new"
    with pytest.raises(KeyboardInterrupt):
        with staged(out) as writer:
            writer.sink("a.html", b"A")
            raise KeyboardInterrupt
    assert not out.exists()
    _build(tmp_path / "old", {"a.html": b"A"})
    with pytest.raises(ValueError):
        with staged(tmp_path / "old") as writer:
            writer.sink("a.html", b"changed")
            raise ValueError("a bug in the build")
    assert _files(tmp_path / "old") == {"a.html": b"A"}


def test_workers_write_into_the_same_stage_and_their_files_are_committed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    out = tmp_path / "out"
    with staged(out) as writer:
        def task(n: int) -> int:
            writer.sink(f"page-{n}.html", f"page {n}".encode())
            return n * n

        assert writer.shards(task, 4) == [0, 1, 4, 9]
        assert writer.files == 4
        assert writer.commit({}, {}, {}) == (4, 0)
    assert _files(out) == {f"page-{n}.html": f"page {n}".encode() for n in range(4)}


def test_memory_shards_return_results_in_order_and_write_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOSSIER_WORKERS", "2")
    monkeypatch.chdir(tmp_path)
    assert memory_shards()(lambda n: f"shard {n}", 3) == ["shard 0", "shard 1", "shard 2"]
    assert list(tmp_path.iterdir()) == []


def test_index_stages_the_search_bundle_beside_the_pages(tmp_path: Path, pagefind) -> None:
    out = tmp_path / "out"
    with staged(out) as writer:
        writer.sink("index.html", PAGE)
        writer.sink("style.css", b"body{}")
        count = writer.index(["index.html", "style.css"], "/")
        assert count > 0 and writer.files == 2 + count
        writer.commit({}, {}, {})
    bundle = [p for p in _files(out) if p.startswith("pagefind/")]
    assert len(bundle) == count and "pagefind/pagefind.js" in bundle


def test_search_files_index_a_site_held_in_memory(pagefind) -> None:
    files = search_files({"index.html": PAGE}, "/")
    assert "pagefind/pagefind.js" in files and any(p.startswith("pagefind/fragment/") for p in files)


def test_sync_first_makes_the_folder_hold_exactly_the_outputs_and_drops_the_build_record(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(out, {"a.html": b"A", "stray.html": b"S"})
    assert uptodate.recorded_outputs(out)
    assert sync(out, {"a.html": b"A", "b/c.html": b"C"}, None) == (1, 1)
    assert _files(out) == {"a.html": b"A", "b/c.html": b"C"}
    assert uptodate.up_to_date(out, {"search": False}, {"site.yaml": (1, 1)}) is None


def test_sync_then_touches_only_the_paths_whose_bytes_changed_since_the_last_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = {"a.html": b"A", "b/c.html": b"C"}
    sync(out, first, None)
    (out / "a.html").write_bytes(b"edited by hand")  # not compared again: only changed paths are touched
    assert sync(out, {"a.html": b"A", "d.html": b"D"}, first) == (1, 1)
    assert _files(out) == {"a.html": b"edited by hand", "d.html": b"D"}
    assert not (out / "b").exists()


def test_folders_left_empty_go_and_folders_with_anything_left_stay(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(out, {"a/b/c/d.html": b"D", "a/e.html": b"E", "f/g.html": b"G", "h/i/j.html": b"J", "h/k.html": b"K"})
    (out / "h/mine").mkdir()              # an empty folder put there by hand: nothing of the site, it goes too
    assert _build(out, {"a/e.html": b"E", "h/k.html": b"K"}) == (0, 4)  # (3 pages and the folder made by hand)
    assert _files(out) == {"a/e.html": b"E", "h/k.html": b"K"}
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir()) == ["a", "h"]


def test_the_previews_repair_sees_a_file_rewritten_with_its_size_and_time_put_back(tmp_path: Path) -> None:
    """repair() mends what was changed by hand in a folder sync() wrote, judging by the stats it left: the change
    time is among them, which no program sets back (size and modification time alone let such a file stand)."""
    from dossier.shell.writer import repair

    out, outputs = tmp_path / "out", {"index.html": b"<p>the page</p>", "b.html": b"b"}
    sync(out, outputs, None)
    page, stat = out / "index.html", (out / "index.html").stat()
    page.write_bytes(b"<P>THE PAGE</P>")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert repair(out, outputs) == (1, 0) and page.read_bytes() == outputs["index.html"]
    assert repair(out, outputs) == (0, 0)


def test_files_no_build_made_are_named_when_a_build_removes_them(tmp_path: Path) -> None:
    """The output folder holds only what the build makes: a CNAME or .nojekyll put there went with the next
    build, counted among the files removed and never named. They are named now (a warning); a page the last
    build made and this one does not (an article deleted) goes without a word, as before."""
    from conftest import mini, run_build

    seed = "Talks\nThe minister said the talks would resume.\n"
    article = "seed: {0}.txt\ntitle: T {0}\nsource: outlet-a\ndate: 2024-03-22\n"
    root = mini(tmp_path, {"seeds/a.txt": seed, "seeds/b.txt": seed, "content/articles/a.yaml": article.format("a"),
                           "content/articles/b.yaml": article.format("b")})
    assert run_build(root, "--no-search").returncode == 0
    out = root / "_site"
    (out / "CNAME").write_text("example.org\n")
    (out / ".nojekyll").write_text("")
    (out / "articles" / "b" / "draft.txt").write_text("mine\n")
    (root / "content" / "articles" / "a.yaml").unlink()
    (root / "seeds" / "a.txt").unlink()
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    assert not (out / "CNAME").exists() and not (out / "articles" / "a").exists()
    warning = [line for line in result.stderr.splitlines() if "no build had made" in line]
    assert warning == [f"build.py: warning: removed 3 file(s) from {out} that no build had made: .nojekyll, CNAME, "
                       "articles/b/draft.txt"], result.stderr
    again = run_build(root, "--base-url", "/x/", "--no-search")
    assert again.returncode == 0 and "no build had made" not in again.stderr  # (every page rebuilt: all were ours)


def test_pages_the_live_preview_wrote_are_not_named_as_files_no_build_made(tmp_path: Path, capsys) -> None:
    """The preview writes the folder from memory and keeps the last build's record of its outputs, not the pages
    it added: a page it wrote for an article deleted since was named as a file "no build had made"."""
    from conftest import mini
    from dossier.shell.cli import main

    seed = "Talks\nThe minister said the talks would resume.\n"
    root = mini(tmp_path, {"seeds/a.txt": seed, "content/articles/a.yaml":
                           "seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"})
    out = root / "_site"
    assert main(["--root", str(root), "--no-search"]) == 0
    site = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
            and p.name != fs.MARKER}
    sync(out, {**site, "articles/b/index.html": b"<!doctype html><title>b</title>"}, None)  # (as the preview does)
    (out / "CNAME").write_text("example.org\n")
    capsys.readouterr()
    (root / "site.yaml").write_text((root / "site.yaml").read_text("utf-8") + "\n", "utf-8")
    assert main(["--root", str(root), "--no-search"]) == 0
    assert not (out / "articles" / "b").exists() and not (out / "CNAME").exists()
    assert "no build had made" not in capsys.readouterr().err  # (the record is not all the folder's files)
    (out / "CNAME").write_text("example.org\n")
    (root / "site.yaml").write_text((root / "site.yaml").read_text("utf-8") + "\n", "utf-8")
    assert main(["--root", str(root), "--no-search"]) == 0
    assert "removed 1 file(s) from" in capsys.readouterr().err  # (a build.py run's record: it is)


def built_one_article(tmp_path: Path) -> Path:
    """A dossier of one article built into its _site/ by build.py (`--no-search`)."""
    from conftest import mini, run_build

    seed = "Talks\nThe minister said the talks would resume.\n"
    root = mini(tmp_path, {"seeds/a.txt": seed,
                           "content/articles/a.yaml": "seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"})
    assert run_build(root, "--no-search").returncode == 0
    return root


def test_a_link_to_a_folder_or_an_empty_folder_put_in_the_output_folder_is_removed_and_named(tmp_path: Path) -> None:
    """os.walk lists a symbolic link to a folder among the folders and never enters it: the sweep kept it, build
    after build, without a word (a host following links would publish what it leads to, /etc). It is removed
    like a file put there, never followed; an empty folder made there is named too."""
    from conftest import run_build

    root = built_one_article(tmp_path)
    out, secret = root / "_site", tmp_path / "etc"
    secret.mkdir()
    (secret / "passwd").write_text("root:x:0:0\n")
    (out / "etc-link").symlink_to(secret, target_is_directory=True)
    (out / "articles" / "a" / "empty").mkdir()
    result = run_build(root, "--no-search", "--base-url", "/x/")  # (a full build)
    assert result.returncode == 0, result.stderr
    assert not os.path.lexists(out / "etc-link") and not (out / "articles" / "a" / "empty").exists()
    assert (secret / "passwd").read_text() == "root:x:0:0\n"  # (the link went, not what it leads to)
    warning = [line for line in result.stderr.splitlines() if "no build had made" in line]
    assert warning == [f"build.py: warning: removed 2 file(s) and folder(s) from {out} that no build had made: "
                       "articles/a/empty/, "
                       "etc-link"], result.stderr
    assert ", 2 removed) into" in result.stdout, result.stdout  # (the summary counts what the warning names)


def test_pages_kept_through_a_link_in_the_output_folder_are_not_taken_as_in_place(tmp_path: Path) -> None:
    """Review 91: articles/ moved elsewhere and linked back: its pages, unchanged, were read through the link and
    kept, then the sweep removed the link as one to a folder no build made: 'built …, 0 errors', a site without its
    articles. A page found through a link is written, which the link refuses; the site stays as it was."""
    import shutil

    from conftest import run_build

    root = built_one_article(tmp_path)
    out, moved = root / "_site", tmp_path / "elsewhere"
    shutil.move(out / "articles", moved)
    (out / "articles").symlink_to(moved, target_is_directory=True)
    result = run_build(root, "--no-search", "--base-url", "/")
    assert result.returncode == 2, result.stderr
    assert f"articles/ in the output folder is a symbolic link to {moved}" in result.stderr
    assert os.path.islink(out / "articles") and (moved / "a" / "index.html").is_file()  # (as it was)
    (out / "articles").unlink()
    assert run_build(root, "--no-search").returncode == 0
    assert (out / "articles" / "a" / "index.html").is_file() and not os.path.islink(out / "articles")
