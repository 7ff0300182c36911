"""A commit puts the whole new site in place or none of it (review 74): a file of the old site that cannot be
replaced (locked on macOS, immutable, read-only on Windows) gave a traceback and a site half new, half old."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import copy_of_default_dossier, run_build
from dossier.shell import fs


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def _site(out: Path, pages: dict[str, bytes]) -> None:
    stage = fs.Stage(out)
    for rel, data in pages.items():
        stage(rel, data)
    stage.commit()


OLD = {"a.html": b"A", "b/c.html": b"C", "b/d.html": b"D", "z.html": b"Z"}
NEW = {"a.html": b"A2", "b/c.html": b"C2", "b/d.html": b"D2", "e/f.html": b"F", "z.html": b"Z2"}


def refuse_to_replace(monkeypatch, ending: str) -> None:
    """The system's refusal to replace the one file whose path ends with `ending` (as for an immutable file)."""
    import dossier.shell.placing as placing

    real = placing.os.replace

    def refusing(src, dst, *args, **kwargs):
        if str(dst).endswith(ending):
            raise PermissionError(1, "Operation not permitted", str(src), None, str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(placing.os, "replace", refusing)


def test_a_file_that_cannot_be_replaced_undoes_every_move_and_is_named(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    _site(out, OLD)
    refuse_to_replace(monkeypatch, "b/d.html")
    stage = fs.Stage(out)
    for rel, data in NEW.items():
        stage(rel, data)
    with pytest.raises(fs.WriteFailed) as failed:
        stage.commit()
    assert failed.value.rel == "b/d.html" and failed.value.reason == "Operation not permitted"
    stage.abort()
    assert _files(out) == OLD   # a.html and b/c.html, replaced before it, are the old ones again; no e/


def test_where_no_link_can_be_kept_a_file_replaced_stays_new_rather_than_go(tmp_path: Path, monkeypatch) -> None:
    """A file system without hard links (some network or FAT disks) keeps no copy of a replaced file: undone,
    it stays the new one (never removed, which would leave the site without it)."""
    import errno
    import dossier.shell.placing as placing

    out = tmp_path / "out"
    _site(out, OLD)

    def no_links(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    refuse_to_replace(monkeypatch, "b/d.html")
    monkeypatch.setattr(placing.os, "link", no_links)
    stage = fs.Stage(out)
    for rel, data in NEW.items():
        stage(rel, data)
    with pytest.raises(fs.WriteFailed):
        stage.commit()
    stage.abort()
    assert _files(out) == {"a.html": b"A2", "b/c.html": b"C2", "b/d.html": b"D", "z.html": b"Z2"}  # (no e/)


def test_what_a_commit_set_aside_for_its_files_is_put_back_too(tmp_path: Path, monkeypatch) -> None:
    """Review 76: a folder where a file now goes (or a file where a folder now goes) was deleted before the
    moves, and not put back when a later move failed."""
    out = tmp_path / "out"
    old = {"a.html": b"A", "b/index.html": b"B", "c": b"C", "z.html": b"Z"}
    _site(out, old)
    refuse_to_replace(monkeypatch, "z.html")
    stage = fs.Stage(out)
    new = {"a.html": b"A2", "b": b"B as a file now", "c/index.html": b"C as a folder", "z.html": b"Z2"}
    for rel, data in new.items():
        stage(rel, data)
    with pytest.raises(fs.WriteFailed):
        stage.commit()
    stage.abort()
    assert _files(out) == old


def test_another_user_s_page_is_replaced_though_no_link_to_it_may_be_made(tmp_path: Path, monkeypatch) -> None:
    """Review 76: under protected_hardlinks a link to another user's file is refused (EPERM), and the commit
    failed where a plain replace succeeds (a page left by `sudo make site`)."""
    import errno
    import dossier.shell.placing as placing

    out = tmp_path / "out"
    _site(out, OLD)

    def refused(*args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(placing.os, "link", refused)
    _site(out, NEW)
    assert _files(out) == NEW


@pytest.mark.skipif(shutil.which("chattr") is None, reason="chattr (e2fsprogs) is not installed")
def test_an_immutable_page_fails_the_build_with_one_message_and_leaves_the_old_site(tmp_path: Path) -> None:
    root = copy_of_default_dossier(tmp_path)
    assert run_build(root, "--no-search").returncode == 0
    site = root / "_site"
    before = _files(site)
    if subprocess.run(["chattr", "+i", str(site / "index.html")], capture_output=True).returncode != 0:
        pytest.skip("this file system or user cannot make a file immutable")
    try:
        config = root / "site.yaml"
        config.write_text(re.sub(r"(?m)^title: .*$", 'title: "A renamed dossier"', config.read_text("utf-8"), 1),
                          "utf-8")
        built = run_build(root, "--no-search")
    finally:
        subprocess.run(["chattr", "-i", str(site / "index.html")], check=True)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"error: could not write index.html into {site}: Operation not permitted" in built.stderr
    assert "is as it was" in built.stderr
    assert _files(site) == before
