"""The Pagefind binary is found where Pagefind's own Python package finds it (shell/search_binary.py mirrors
`pagefind.service.get_executable` so as not to import asyncio with it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagefind.service import get_executable

from dossier.shell.search_binary import executable


def test_the_binary_found_is_pagefinds_own() -> None:
    assert executable() == get_executable() is not None
    assert executable().is_file()


def test_the_environment_variable_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "my-pagefind"))
    assert executable() == get_executable() == tmp_path / "my-pagefind"


def test_without_the_packages_the_path_is_searched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import dossier.shell.search_binary as where

    monkeypatch.setattr(where, "find_spec", lambda name: None)  # as if neither package were installed
    monkeypatch.setenv("PATH", str(tmp_path))
    assert executable() is None
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert executable() == binary


def test_another_pagefind_binary_is_not_taken_for_the_one_an_index_was_made_with(tmp_path: Path) -> None:
    """Review 81: the index's parts and the no-change answer were keyed by the pagefind_bin package's version;
    a build run with $PAGEFIND_BINARY_PATH naming another Pagefind said "up to date", or reused the parts the
    other had made beside its own (an index of two versions)."""
    import os
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    root = tmp_path / "d"
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    ran = tmp_path / "ran"
    other = tmp_path / "other-pagefind"
    other.write_text(f'#!/bin/sh\necho >> "{ran}"\nexec "{executable()}" "$@"\n')
    other.chmod(0o755)

    def build(**env: str) -> str:
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root)], capture_output=True,
                              text=True, cwd=ROOT, timeout=300, env={**os.environ, **env})
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    build()
    said = build(PAGEFIND_BINARY_PATH=str(other))
    assert "up to date" not in said and ran.exists(), said  # (run: its index made anew, not the other's kept)
    again = build(PAGEFIND_BINARY_PATH=str(other))  # (and then it is the one the index is of: nothing changes)
    assert "up to date" in again or " 0 changed, 0 removed)" in again, again


def test_the_index_parts_are_keyed_by_the_binary_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The parts a build keeps are made again by another binary (search_parts.part_key takes this)."""
    from dossier.shell.search import pagefind_version

    own = pagefind_version()
    assert str(executable().resolve()) in own
    other = tmp_path / "pagefind"
    other.write_bytes(executable().read_bytes())
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(other))
    assert pagefind_version() != own


def test_a_build_whose_search_index_fails_points_at_the_report_of_the_site_once_built(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Review 119: Pagefind failing fails the build, which leaves the last site; the summary said "details: report/
    in the built site", of a site not written."""
    import shutil

    from conftest import ROOT, run_build

    root = tmp_path / "d"
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    failing = tmp_path / "failing-pagefind"
    failing.write_text("#!/bin/sh\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(failing))
    done = run_build(root)
    assert done.returncode == 1 and "the search index could not be built" in done.stderr
    assert "(details: report/ of the site, once built)" in done.stdout and "in the built site" not in done.stdout
    assert not (root / "_site").exists()


def test_a_site_that_cannot_be_put_in_place_points_at_the_report_of_the_site_once_built(tmp_path: Path) -> None:
    """Review 121: the summary said "details: report/ in the built site" before the commit, which refused to write
    through a folder linked out of the output folder and left the site as it was."""
    import shutil

    from conftest import ROOT, run_build

    root = tmp_path / "d"
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    assert run_build(root, "--no-search").returncode == 0
    outside = tmp_path / "outside"
    shutil.move(root / "_site" / "tags", outside)
    (root / "_site" / "tags").symlink_to(outside)
    article = root / "content/articles/jpost-go-it-alone.yaml"
    article.write_text(article.read_text("utf-8").replace("tags: [typo,", "tags: [typo, spelling,", 1), "utf-8")
    done = run_build(root, "--no-search")
    assert done.returncode != 0 and "nothing was written" in done.stderr, done.stderr
    assert "(details: report/ of the site, once built)" in done.stdout and "in the built site" not in done.stdout
