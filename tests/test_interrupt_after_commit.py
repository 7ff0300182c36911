"""Ctrl-C once the new site is in place says so: the build was stopped after the site was written (with 130,
128 + SIGINT), not that the output folder was left as it was. A signal while the cache is saved after the commit
(cache.Cache.finish) says that the cache was not all saved, which costs the next build time only; one while the
site is put in place or while the build says so waits until the summary line is out. The signal is sent by
the build to itself at the moment under test (real signals, real handlers: interrupt.py), in one process."""

from __future__ import annotations

import os
import signal

import pytest

from conftest import copy_of_default_dossier, edit_first_note
from dossier.shell import cache as cache_module
from dossier.shell import writer as writer_module
from dossier.shell.cli import main


def ctrl_c() -> None:
    """What a terminal sends on Ctrl-C, to this process; its handler runs before the next line of Python."""
    os.kill(os.getpid(), signal.SIGINT)


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_WORKERS", "1")
    root = copy_of_default_dossier(tmp_path)
    out = tmp_path / "site"
    assert main(["--root", str(root), "--out", str(out), "--no-search"]) == 0
    edit_first_note(root)
    return root, out


def rebuild(root, out, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(root), "--out", str(out), "--no-search"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_in_place(root, out, capsys) -> None:
    """The next build finds the site made already: nothing to change. Either its scan says so before building
    (its last line "up to date: …", after the anchoring line of the build it repeats), or it builds and changes
    nothing. (The scan's answer had been looked for on the first line, where the repeated anchoring line is: a
    run of CI whose rebuild got the scan's answer failed on it.)"""
    code, stdout, stderr = rebuild(root, out, capsys)
    last = stdout.splitlines()[-1] if stdout else ""
    assert code == 0 and (last.startswith("up to date: ") or " 0 changed, 0 removed)" in last), stdout + stderr


def test_ctrl_c_while_the_cache_is_saved_after_the_commit_says_the_site_is_in_place(built, monkeypatch, capsys):
    root, out = built
    finish = cache_module.Cache.finish

    def interrupted(self):
        ctrl_c()
        return finish(self)

    monkeypatch.setattr(cache_module.Cache, "finish", interrupted)
    code, stdout, stderr = rebuild(root, out, capsys)
    assert code == 130, stderr
    assert stdout.splitlines()[-1].startswith("built "), stdout
    assert "left as it was" not in stderr, stderr
    assert stderr.strip() == ("build.py: stopped by Ctrl-C after the new site was put in place; the build's cache "
                              "was not all saved, which only makes the next build slower"), stderr
    monkeypatch.setattr(cache_module.Cache, "finish", finish)
    assert_in_place(root, out, capsys)


def test_ctrl_c_while_the_site_is_put_in_place_waits_for_the_summary_then_saves_the_cache(built, monkeypatch, capsys):
    root, out = built
    commit = writer_module.Writer.commit

    def interrupted(self, *args, **kwargs):
        ctrl_c()  # (inside the commit's own deferred block, itself inside the one of the build's last lines)
        return commit(self, *args, **kwargs)

    monkeypatch.setattr(writer_module.Writer, "commit", interrupted)
    code, stdout, stderr = rebuild(root, out, capsys)
    assert code == 130, stderr
    assert stdout.splitlines()[-1].startswith("built "), stdout  # (said before the build stops)
    assert stderr.strip() == "build.py: stopped by Ctrl-C after the new site was put in place", stderr
    monkeypatch.setattr(writer_module.Writer, "commit", commit)
    assert_in_place(root, out, capsys)
