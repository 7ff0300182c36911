"""The tests' builds forked from the build server (build_server.py) are the command line's: the same exit status,
output and site as a fresh `python build.py`, whatever the run ends with (a site, problems, --help, a usage error,
a timeout), and each in a process whose state no earlier run touched."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT, mini, run_build
from test_minidossiers import TWO_ARTICLES

TIMES = re.compile(r"\d+(\.\d+)?s\b")   # (a build says how long it took)


def said(result: subprocess.CompletedProcess[str], root) -> tuple[int, str, str]:
    return (result.returncode, TIMES.sub("Ns", result.stdout.replace(str(root), "ROOT")),
            TIMES.sub("Ns", result.stderr.replace(str(root), "ROOT")))


def files(folder) -> dict[str, bytes]:
    """The site's files (not the build's record of its inputs, which holds their paths and times)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".dossier-output"}


@pytest.mark.parametrize("args", [("--no-search",), ("--check", "--strict"), ("--help",), ("--no-such-option",),
                                  ("--no-search", "--base-url", "/sub/")])
def test_a_forked_run_says_and_makes_what_a_fresh_interpreter_does(tmp_path, args):
    forked_root = mini(tmp_path / "forked", {**TWO_ARTICLES, "seeds/unused.txt": "A seed no article names.\n"})
    fresh_root = mini(tmp_path / "fresh", {**TWO_ARTICLES, "seeds/unused.txt": "A seed no article names.\n"})
    forked, fresh = run_build(forked_root, *args), run_build(fresh_root, *args, fresh=True)
    assert said(forked, forked_root) == said(fresh, fresh_root)
    assert forked.returncode == (1 if "--strict" in args else 2 if "--no-such-option" in args else 0)
    assert forked.stdout or forked.stderr
    if (fresh_root / "_site").exists():
        assert files(forked_root / "_site") == files(fresh_root / "_site")


def test_a_run_after_an_edit_builds_what_a_fresh_interpreter_builds(tmp_path):
    """Each run is a fork of the server, which has run nothing: the second run, after an edit, has none of the
    first's state (its cache in memory, its code version) and makes the site a fresh interpreter makes."""
    root = mini(tmp_path, TWO_ARTICLES)
    assert run_build(root, "--no-search").returncode == 0
    article = root / "content/articles/a.yaml"
    article.write_text(article.read_text("utf-8").replace("note: ", "note: Edited. ", 1), "utf-8")
    again = run_build(root, "--no-search")
    assert again.returncode == 0 and "Edited." in (root / "_site/articles/a/index.html").read_text("utf-8")
    fresh = mini(tmp_path / "fresh", TWO_ARTICLES)
    (fresh / "content/articles/a.yaml").write_text(article.read_text("utf-8"), "utf-8")
    assert run_build(fresh, "--no-search", fresh=True).returncode == 0
    assert files(root / "_site") == files(fresh / "_site")


def test_a_run_past_its_time_is_killed_and_said_as_subprocess_says_it(tmp_path, monkeypatch):
    from conftest import BUILDS

    root = mini(tmp_path, TWO_ARTICLES)
    with pytest.raises(subprocess.TimeoutExpired):
        BUILDS.run(["--root", str(root), "--no-search"], ROOT, timeout=0.001)
    assert run_build(root, "--no-search").returncode == 0   # (the server goes on)


def test_a_run_interrupted_while_it_builds_leaves_no_answer_for_the_next(tmp_path):
    """A test's alarm (conftest.failing_after) or Ctrl-C while a run went on: its answer, come later, was taken for
    the next run's, whose own was then the one after's (review 113: a failing check said 0, a good one 1)."""
    import signal

    class Alarm(Exception):
        pass

    def ring(signum, frame):
        raise Alarm

    good, bad = mini(tmp_path / "good", TWO_ARTICLES), mini(tmp_path / "bad", TWO_ARTICLES)
    (bad / "content/articles/a.yaml").write_text("seed: [unclosed\n", "utf-8")
    before = signal.signal(signal.SIGALRM, ring)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(Alarm):
            run_build(good, "--no-search")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    failed, passed = run_build(bad, "--check"), run_build(good, "--check")
    assert (failed.returncode, passed.returncode) == (1, 0)
    assert "a.yaml" in failed.stderr and "check passed" in passed.stdout


def test_runs_asked_at_once_each_have_a_server_of_their_own_and_their_own_answer(tmp_path):
    """Threads' runs go side by side (test_invalid_dossiers), each on a server no other run holds meanwhile: each
    gets its own run's status and output, never another's."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from conftest import BUILDS

    good, bad = mini(tmp_path / "good", TWO_ARTICLES), mini(tmp_path / "bad", TWO_ARTICLES)
    (bad / "content/articles/a.yaml").write_text("seed: [unclosed\n", "utf-8")
    both_running = threading.Barrier(2)

    def checked(root):
        both_running.wait(timeout=600)   # (a busy machine may take minutes to start a second server)
        try:
            return BUILDS.run(["--root", str(root), "--check"], ROOT, timeout=120)
        except BaseException:
            both_running.abort()   # (the other thread is not left waiting for this one)
            raise

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(checked, [bad, good, bad, good]))
    assert len(BUILDS.servers) >= 2
    assert [run.returncode for run in runs] == [1, 0, 1, 0]
    assert all("a.yaml" in run.stderr for run in runs[::2]) and all("check passed" in run.stdout for run in runs[1::2])
