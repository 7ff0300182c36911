"""The no-change rebuild: a second `build.py` with nothing changed answers from file stats, and anything that
could change the site (an input, an option, a touched or stray output file) makes it a full build again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import mini, run_build
from test_minidossiers import KEPT_B, TWO_ARTICLES, article
from dossier.shell import uptodate

UP_TO_DATE = "up to date:"


@pytest.fixture(scope="module")
def settled(request, tmp_path_factory) -> dict[str, Path]:
    """A built and settled two-article dossier for each test of this module that asks for `built`, all made at
    once: the up-to-date scan's racy window (2 s) is waited for once, not once a test."""
    names = [item.name for item in request.session.items
             if item.module is request.module and "built" in item.fixturenames]
    roots = {name: mini(tmp_path_factory.mktemp("built"), TWO_ARTICLES) for name in names}
    for root in roots.values():
        first = run_build(root, "--no-search")
        assert first.returncode == 0, first.stderr
        assert "built " in first.stdout
    _age(*roots.values())
    return roots


@pytest.fixture
def built(settled: dict[str, Path], request) -> Path:
    return settled[request.node.name]


def _age(*roots: Path) -> None:
    """Move every mtime an hour back: a file edited in the same clock tick as a build is never trusted."""
    for root in roots:
        old = os.stat(root).st_mtime - 3600
        for path in root.rglob("*"):
            if "_site" not in path.parts:
                os.utime(path, (old, old))
    time.sleep(2.05)  # (setting the times changed each file's change time, which no program can set back)
    for root in roots:
        run_build(root, "--no-search")  # re-record with settled times


def test_a_second_build_with_nothing_changed_is_answered_without_building(built: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in (built / "_site").rglob("*") if p.is_file()}
    result = run_build(built, "--no-search")
    assert result.returncode == 0
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith(UP_TO_DATE) and "0 errors" in last, result.stdout
    assert {p: p.stat().st_mtime_ns for p in (built / "_site").rglob("*") if p.is_file()} == before


def test_editing_an_annotation_rebuilds(built: Path) -> None:
    path = built / "content/articles/a.yaml"
    path.write_text(path.read_text("utf-8").replace("note: ", "note: Edited. ", 1), "utf-8")
    result = run_build(built, "--no-search")
    assert "built " in result.stdout and UP_TO_DATE not in result.stdout
    assert "Edited." in (built / "_site/articles/a/index.html").read_text("utf-8")


def test_adding_a_seed_removing_a_file_or_changing_an_option_rebuilds(built: Path) -> None:
    assert UP_TO_DATE not in run_build(built, "--no-search", "--base-url", "/sub/").stdout
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout  # back to the old option: built again
    (built / "seeds/new.txt").write_text("A new seed.\n", "utf-8")
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout
    (built / "seeds/new.txt").unlink()
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout


def test_a_touched_deleted_or_stray_output_file_rebuilds_and_is_repaired(built: Path) -> None:
    page = built / "_site/articles/a/index.html"
    good = page.read_bytes()
    page.write_bytes(b"vandalised")
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout
    assert page.read_bytes() == good
    page.unlink()
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout
    assert page.read_bytes() == good
    (built / "_site/stray.html").write_text("x", "utf-8")
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout
    assert not (built / "_site/stray.html").exists()
    before = page.stat()  # rewritten with its size and time put back: its change time tells
    page.write_bytes(good.swapcase())
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout
    assert page.read_bytes() == good


def test_an_empty_folder_or_a_link_to_a_folder_put_in_the_site_rebuilds_and_is_removed(built: Path,
                                                                                          tmp_path: Path) -> None:
    """The check counted files only: a folder made there, or a link to one (which os.walk lists among the
    folders), was answered "up to date" and kept, though a build removes both."""
    out = built / "_site"
    (out / "emptydir").mkdir()
    result = run_build(built, "--no-search")
    assert UP_TO_DATE not in result.stdout and "emptydir/" in result.stderr, result.stdout
    assert not (out / "emptydir").exists()
    (tmp_path / "elsewhere").mkdir()
    (out / "articles" / "etc-link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout
    assert not os.path.lexists(out / "articles" / "etc-link") and (tmp_path / "elsewhere").is_dir()
    assert UP_TO_DATE in run_build(built, "--no-search").stdout  # (nothing else to remove)


def test_the_warnings_of_the_recorded_build_are_printed_again(mini_dossier) -> None:
    root = mini_dossier({**TWO_ARTICLES, "content/articles/b.yaml": article("b.txt", KEPT_B[0], annotations=(
        "  - id: alone\n    quote: '\"We will do it alone,\" the prime minister said'\n"))})  # straight quotes
    first = run_build(root, "--no-search")
    assert first.returncode == 0 and "matched only approximately" in first.stderr
    _age(root)
    again = run_build(root, "--no-search")
    assert UP_TO_DATE in again.stdout
    assert again.stderr == first.stderr


def test_a_failed_build_leaves_no_record_that_could_hide_the_failure(built: Path) -> None:
    path = built / "content/articles/a.yaml"
    good = path.read_text("utf-8")
    path.write_text(good + "\nnot: [valid\n", "utf-8")
    assert run_build(built, "--no-search").returncode == 1
    path.write_text(good, "utf-8")
    again = run_build(built, "--no-search")
    assert again.returncode == 0


def test_a_file_modified_in_the_clock_tick_of_the_scan_is_recorded_as_unknown(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/a.txt").write_text("x", "utf-8")
    out = tmp_path / "_site"
    out.mkdir()
    scanned = uptodate.scan(tmp_path)
    mtime = scanned["root:seeds/a.txt"][1]
    uptodate.record(out, {}, scanned, [], {}, now_ns=mtime + 1)
    assert uptodate.up_to_date(out, {}, scanned) is None
    uptodate.record(out, {}, scanned, [], {}, now_ns=mtime + 10 * 10**9)
    assert uptodate.up_to_date(out, {}, scanned) is not None


def test_a_build_and_a_preview_writing_the_marker_at_once_never_move_each_others_file(tmp_path):
    import threading

    marker = uptodate
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>page</p>", "utf-8")
    marker.record(out, {}, {}, {"index.html": "digest"}, {})
    failures: list[BaseException] = []

    def repeat(write) -> None:
        for _ in range(150):
            try:
                write()
            except BaseException as exc:  # noqa: BLE001 - collected, asserted below
                failures.append(exc)

    writers = [threading.Thread(target=repeat, args=(lambda: marker.record(out, {}, {}, {"index.html": "digest"}, {}),)),
               threading.Thread(target=repeat, args=(lambda: marker.forget(out, keep_outputs=True),))]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    assert failures == []
    assert marker.recorded_outputs(out)["index.html"][-1] == "digest"
    assert sorted(p.name for p in out.iterdir()) == [".dossier-output", "index.html"]  # (no temporary file left)


def test_a_rewrite_of_the_same_size_with_its_old_time_put_back_rebuilds(built: Path) -> None:
    """What a coarse clock gives a quick save, or a tool that keeps times: size and mtime as recorded. The change
    time, which no program can set back, tells (git compares it too); it was answered "up to date"."""
    path = built / "content/articles/a.yaml"
    before = path.stat()
    text = path.read_text("utf-8")
    at = text.index("note: ") + len("note: ")
    edited = text[:at] + text[at].swapcase() + text[at + 1:]  # one letter of a note: the same size
    assert len(edited.encode()) == len(text.encode()) and edited != text
    with open(path, "r+", encoding="utf-8") as handle:
        handle.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    result = run_build(built, "--no-search")
    assert UP_TO_DATE not in result.stdout and result.returncode == 0, result.stdout + result.stderr


def test_the_marker_read_once_for_both_questions_is_read_again_once_rewritten(tmp_path: Path) -> None:
    """`up_to_date` and `recorded_outputs` share one read of the marker (2.5 MB of JSON at 5,000 articles), named
    by its stat: a marker rewritten since, by another build or by hand, even with its size and time put back, is
    read again."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.html").write_bytes(b"A")
    uptodate.record(out, {}, {}, {"a.html": "one"}, {})
    assert uptodate.up_to_date(out, {}, {}) is not None
    assert uptodate.recorded_outputs(out)["a.html"][-1] == "one"
    assert uptodate.up_to_date(out, {}, {}) is not None
    marker = out / uptodate.MARKER
    st, text = marker.stat(), marker.read_text("utf-8")
    marker.write_text(text.replace('"one"', '"two"'), "utf-8")  # (in place: the same inode and size)
    os.utime(marker, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert uptodate.recorded_outputs(out)["a.html"][-1] == "two"
    uptodate.record(out, {"strict": True}, {}, {"a.html": "three"}, {})
    assert uptodate.up_to_date(out, {}, {}) is None and uptodate.recorded_outputs(out)["a.html"][-1] == "three"


def test_a_build_reads_each_folder_as_the_scan_walked_it_without_walking_again(mini_dossier, monkeypatch) -> None:
    """The command line walks the dossier once: the scan's walks (uptodate.scan) are what the build reads."""
    from dossier.shell import fs, tree
    from dossier.shell.cli import main

    root = mini_dossier(TWO_ARTICLES)
    walked: list[tuple[str, str]] = []

    def counted(base, sub, *rest):
        walked.append((os.fspath(base), sub))
        return tree.walk_tree(base, sub, *rest)

    monkeypatch.setattr(uptodate, "walk_tree", counted)
    monkeypatch.setattr(fs, "walk_tree", counted)
    assert main(["--root", str(root), "--no-search"]) == 0
    assert (root / "_site/articles/a/index.html").is_file()
    assert (os.fspath(root), "content") in walked and (os.fspath(root), "seeds") in walked
    assert len(walked) == len(set(walked)), sorted(walked)


def test_a_file_removed_between_the_scan_and_the_read_is_not_read_and_the_next_build_builds(mini_dossier) -> None:
    """The build reads the scan's walks (review 53: a file removed in between failed the build as unreadable,
    where a walk of its own had simply not found it)."""
    from dossier.shell import fs

    root = mini_dossier(TWO_ARTICLES)
    walks: dict = {}
    scanned = uptodate.scan(root, walks)
    (root / "content/articles/b.yaml").unlink()
    inputs = fs.read_inputs(root, walks=walks)
    assert inputs.problems == () and "content/articles/b.yaml" not in inputs.files
    assert "content/articles/a.yaml" in inputs.files and "root:content/articles/b.yaml" in scanned
    assert "root:content/articles/b.yaml" not in uptodate.scan(root)


def test_a_library_upgraded_since_the_last_build_rebuilds(built: Path, tmp_path: Path) -> None:
    """Review 59: "up to date" was answered from the dossier's and the project's files alone: after markdown-it-py
    was upgraded (one that escapes otherwise), the old pages were kept while a cold build gave other bytes. A
    library whose version differs (here a .dist-info put first on the path, as an upgrade renames it) rebuilds."""
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "lib" / "markdown_it_py-99.0.0.dist-info").mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "lib")}
    again = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(built), "--no-search"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert again.returncode == 0 and "built " in again.stdout and UP_TO_DATE not in again.stdout, again.stdout
    assert UP_TO_DATE not in run_build(built, "--no-search").stdout  # (and back: built again)
    assert UP_TO_DATE in run_build(built, "--no-search").stdout
