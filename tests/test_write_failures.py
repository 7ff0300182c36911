"""An output that cannot be written (the disk is full, the folder read-only, a file-size limit) stops the build
with one message naming the file, the system's reason and what to do, never a traceback; nothing of the new
site is put in place, and a first build leaves no folder behind. The failure is real: the build runs under a
file-size limit (RLIMIT_FSIZE, which binds root too, unlike file permissions), so each write past it fails with
EFBIG, from whichever process makes the page."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_of_default_dossier
from dossier.shell import fs, uptodate
from dossier.shell.cli import main

LIMIT = 12_000  # bytes: the default dossier's article pages are larger, its small pages are not


def limited_build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # (a write past the limit then fails with EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--out", str(out),
                           "--no-search"], capture_output=True, text=True, cwd=ROOT, timeout=300, preexec_fn=limit,
                          env={**os.environ, "DOSSIER_WORKERS": "2"})


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def assert_refused(result: subprocess.CompletedProcess[str], out: Path) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("build.py: error: "))
    assert line.startswith("build.py: error: could not write ") and f" into {out}: File too large" in line, line
    assert (f"    hint: check that folder and its disk, or build elsewhere with --out; nothing was put in place, "
            f"{out} is as it was") in result.stderr
    assert "built " not in result.stdout


def test_a_first_build_whose_pages_cannot_be_written_says_so_and_leaves_no_folder(tmp_path: Path) -> None:
    root = copy_of_default_dossier(tmp_path)
    out = tmp_path / "site"
    assert_refused(limited_build(root, out), out)
    assert not out.exists()


def test_a_rebuild_whose_pages_cannot_be_written_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    root = copy_of_default_dossier(tmp_path)
    out = tmp_path / "site"
    first = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--out", str(out),
                            "--no-search"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert first.returncode == 0, first.stderr
    before = files(out)
    article = next((root / "content" / "articles").glob("*.yaml"))
    article.write_text(article.read_text("utf-8").replace("title: ", "title: Edited, ", 1), "utf-8")
    assert_refused(limited_build(root, out), out)
    assert files(out) == before
    assert not (out / fs.STAGING).exists()


def test_a_site_put_in_place_whose_record_cannot_be_written_is_kept_and_stays_ours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The disk fills up between the pages and the record: the site is complete and in place, the folder is
    still marked as this tool's (a later build writes into it), and a warning says the next build checks every
    file."""
    root = copy_of_default_dossier(tmp_path)
    out = tmp_path / "site"

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(uptodate, "record", full)
    assert main(["--root", str(root), "--out", str(out), "--no-search"]) == 0
    stderr = capsys.readouterr().err
    assert ("build.py: warning: the site is in place, but its record .dossier-output could not be written "
            "(No space left on device)\n    hint: the next build will check every file") in stderr
    assert (out / "index.html").is_file() and (out / fs.MARKER).is_file()
    monkeypatch.undo()
    again = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--out", str(out),
                            "--no-search"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "0 changed, 0 removed" in again.stdout


def test_a_page_the_preview_cannot_write_leaves_no_half_written_file_in_the_folder(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 59: a full disk while the live preview wrote a page left its `.index.html.dossier-tmp`, half
    written, in the folder it serves; the page itself stays as it was."""
    from pathlib import Path as RealPath

    from dossier.shell.writer import write_changed

    out = tmp_path / "site"
    (out / "a").mkdir(parents=True)
    (out / "a" / "index.html").write_bytes(b"old")
    real = RealPath.write_bytes

    def full(self: RealPath, data: bytes) -> int:
        real(self, data[:2])  # (part of it reached the disk)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(RealPath, "write_bytes", full)
    with pytest.raises(OSError):
        write_changed(out, {"a/index.html": b"new page"}, ("a/index.html",))
    monkeypatch.undo()
    assert sorted(p.name for p in (out / "a").iterdir()) == ["index.html"]
    assert (out / "a" / "index.html").read_bytes() == b"old"
