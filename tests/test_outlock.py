"""One build at a time writes an output folder (dossier/shell/outlock.py): two `build.py` runs into one folder
shared its staging folder, and one deleted the other's files halfway through (a traceback, or a mixed site)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import ROOT
from dossier.shell.outlock import holding


def _dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    root.mkdir()
    for name in ("site.yaml", "content", "seeds"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    return root


def _site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".dossier-output"}


def test_a_build_waits_while_another_holds_its_output_folder_and_says_so(tmp_path):
    root, out = _dossier(tmp_path), tmp_path / "site"
    with holding(out, lambda: None) as made:
        assert made and out.is_dir()
        build = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--out", str(out),
                                  "--no-search"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert build.poll() is None  # (a build of the repo's dossier takes about a second)
        assert list(out.iterdir()) == []  # nothing staged while it waits
    _, err = build.communicate(timeout=120)
    assert build.returncode == 0, err
    assert f"another build is writing into {out}; waiting for it to finish" in err
    assert (out / "index.html").is_file() and not (out / ".dossier-staging").exists()


def test_the_second_holder_waits_for_the_first_and_a_folder_it_removed_is_made_again(tmp_path):
    out, order, said = tmp_path / "site", [], []
    with holding(out, lambda: None):
        second = threading.Thread(target=lambda: _hold(out, order, said))
        second.start()
        time.sleep(0.3)
        order.append("first done")
        out.rmdir()  # (as a failed first build does: fs.Stage.abort)
    second.join(10)
    assert order == ["first done", "second holds"] and said == ["waiting"] and out.is_dir()


def _hold(out: Path, order: list[str], said: list[str]) -> None:
    with holding(out, lambda: said.append("waiting")) as made:
        assert made is True  # (the first removed it: the second made it anew, and a failure of its own removes it)
        order.append("second holds")


def test_two_builds_at_once_both_succeed_and_leave_the_site_a_cold_build_makes(tmp_path):
    root, out = _dossier(tmp_path), tmp_path / "site"
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "--out", str(out), "--no-search"]
    assert subprocess.run(command, capture_output=True).returncode == 0
    note = root / "content" / "articles" / sorted(p.name for p in (root / "content" / "articles").iterdir())[0]
    for round_ in range(3):
        note.write_text(note.read_text("utf-8").replace("    note: ", f"    note: Round {round_}. ", 1), "utf-8")
        builds = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                  for _ in range(2)]
        results = [(b.wait(120), b.stderr.read()) for b in builds]
        assert [code for code, _ in results] == [0, 0], results
        assert not any("Traceback" in err for _, err in results)
    cold = tmp_path / "cold"
    assert subprocess.run([*command[:-2], str(cold), "--no-search"], capture_output=True).returncode == 0
    assert _site(out) == _site(cold)


def test_a_process_forked_while_the_folder_is_held_does_not_hold_it(tmp_path):
    """A worker left behind by a build that was killed (blocked writing its result for a parent that is gone)
    kept its copy of the lock's descriptor, and with it the folder, for ever: every later build waited."""
    import os
    import signal

    from dossier.shell.outlock import holding as held

    out = tmp_path / "site"
    ready, running = os.pipe()
    with held(out, lambda: None):
        child = os.fork()
        if child == 0:  # (a worker that outlives the build; its code runs after the fork's own hooks)
            os.write(running, b"x")
            time.sleep(30)
            os._exit(0)
        assert os.read(ready, 1) == b"x"
    try:
        waited = []
        second = threading.Thread(target=lambda: held(out, lambda: waited.append(1)).__enter__())
        second.start()
        second.join(5)
        assert not second.is_alive() and waited == [], "the folder is still held by the forked process"
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def test_the_live_preview_writes_the_folder_only_while_no_build_holds_it(tmp_path):
    """The preview's first write of a folder cleared the staging folder a `build.py` run was filling (its build
    then failed); it waits for the run now, and says so."""
    from dossier.shell.writer import sync

    out, said = tmp_path / "site", []
    with holding(out, lambda: None):
        (out / ".dossier-staging").mkdir()
        (out / ".dossier-staging" / "page.html").write_text("the run's")
        writer = threading.Thread(target=lambda: sync(out, {"index.html": b"<p>preview</p>"}, None,
                                                      lambda: said.append("waiting")))
        writer.start()
        writer.join(1.0)
        assert writer.is_alive() and said == ["waiting"]
        assert (out / ".dossier-staging" / "page.html").read_text() == "the run's" and not (out / "index.html").exists()
        shutil.rmtree(out / ".dossier-staging")  # (the run commits)
    writer.join(10)
    assert not writer.is_alive() and (out / "index.html").read_bytes() == b"<p>preview</p>"
