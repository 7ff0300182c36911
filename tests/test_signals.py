"""SIGTERM and Ctrl-C stop a build at once: the process and every worker it forked are gone within about a
second, the exit status says which signal (no traceback), the previous site is byte for byte as it was, and no
staging folder is left behind. The same for the live preview on Ctrl-C. Real processes, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bigdossier import repeated_dossier
from conftest import ROOT
from dossier.shell import fs

COPIES = 30  # ~150 articles: a build that runs for several seconds, with a pool of workers


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped by whoever adopted it has stopped: it is not running)."""
    try:
        os.kill(pid, 0)
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, Path]:
    """A mid-size dossier, built once: the previous site each test's interrupted build must leave alone."""
    root = repeated_dossier(tmp_path_factory.mktemp("big"), COPIES)
    out = root / "_site"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--no-search"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return root, out


def start_and_wait_for_workers(root: Path, *args: str) -> tuple[subprocess.Popen[str], set[int]]:
    """Start a build (its own process group, as a shell job) and return once it has forked its worker (with two
    workers, the build forks one: the parent is the other, parallel.py)."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True, env={**os.environ, "DOSSIER_WORKERS": "2"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        workers = children(proc.pid)
        if workers:
            time.sleep(0.2)  # let them get to work
            return proc, workers | children(proc.pid)
        time.sleep(0.01)
    proc.kill()
    pytest.fail(f"the build never started its workers: {proc.communicate()}")


def wait_gone(proc: subprocess.Popen[str], pids: set[int], seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < 10:
        if proc.poll() is not None and not any(alive(p) for p in pids):
            break
        time.sleep(0.01)
    return time.monotonic() - started


@pytest.mark.parametrize("how", ["SIGTERM to the build", "Ctrl-C to the whole process group"])
def test_a_signal_stops_the_build_and_its_workers_at_once_and_keeps_the_previous_site(big, how):
    root, out = big
    before = site(out)
    edited = root / "content" / "articles" / "jpost-go-it-alone.yaml"
    original = edited.read_text("utf-8")
    edited.write_text(original.replace("title: ", "title: Edited: ", 1), "utf-8")  # so the build has work to do
    try:
        proc, workers = start_and_wait_for_workers(root, "--no-search")
        assert workers
        if how.startswith("SIGTERM"):
            proc.send_signal(signal.SIGTERM)
            expected, name = 128 + signal.SIGTERM, "SIGTERM"
        else:
            os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
            expected, name = 128 + signal.SIGINT, "Ctrl-C"
        took = wait_gone(proc, workers, 10)
        stdout, stderr = proc.communicate(timeout=10)
        assert took < 1.5, f"still running {took:.2f}s after the signal: {[p for p in workers if alive(p)]}"
        assert proc.returncode == expected, stderr
        assert "Traceback" not in stderr and "Error" not in stderr, stderr
        assert f"build.py: stopped by {name}; the output folder was left as it was" in stderr
        assert site(out) == before
        assert not (out / fs.STAGING).exists()
    finally:
        edited.write_text(original, "utf-8")


def killed_and_said(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """Kill (SIGKILL, as the kernel does when memory runs out) each worker process of `proc` as soon as it is
    seen, then wait for `proc`: it must end well and say that a worker was killed. Returns its stdout, stderr."""
    victims: set[int] = set()
    deadline = time.monotonic() + 120
    while not victims and proc.poll() is None and time.monotonic() < deadline:
        victims = {p for p in children(proc.pid) if alive(p)}
        for pid in victims:
            os.kill(pid, signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=300)
    assert victims, "no worker was running to be killed"
    assert proc.returncode == 0, stderr
    assert "build.py: warning: a worker process was killed by signal 9" in stderr, stderr
    assert "Traceback" not in stderr, stderr
    return stdout, stderr


def test_a_worker_killed_as_when_memory_runs_out_costs_time_only(big, tmp_path):
    """SIGKILL, as the kernel sends when memory runs out, to the build's forked processes mid-build: the build
    makes their share itself, says so on stderr, and its site equals one nobody interrupted."""
    root, _ = big
    edited = root / "content" / "articles" / "jpost-go-it-alone.yaml"
    original = edited.read_text("utf-8")
    edited.write_text(original.replace("title: ", "title: Killed, ", 1), "utf-8")  # so the build has work to do
    killed_out, plain_out = tmp_path / "killed", tmp_path / "plain"
    try:
        proc, _ = start_and_wait_for_workers(root, "--no-search", "--out", str(killed_out))
        killed_and_said(proc)
        plain = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--no-search",
                                "--out", str(plain_out)], capture_output=True, text=True, timeout=600,
                               env={**os.environ, "DOSSIER_WORKERS": "1"})
        assert plain.returncode == 0, plain.stderr
        assert "warning: a worker" not in plain.stderr
        record = {fs.MARKER, ".dossier-output"}
        assert {k: v for k, v in site(killed_out).items() if k not in record} == \
            {k: v for k, v in site(plain_out).items() if k not in record}
    finally:
        edited.write_text(original, "utf-8")


def test_the_live_preview_stops_at_once_on_ctrl_c_even_mid_build(big, tmp_path):
    from test_serve_process import free_port

    root, _ = big
    out = tmp_path / "preview-site"
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--serve", "--root", str(root), "--out", str(out),
                             "--no-search", "--port", str(free_port())], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, cwd=ROOT, start_new_session=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "Serving the preview" in line, line
        time.sleep(1.0)  # the first build of ~150 articles is under way
        os.killpg(proc.pid, signal.SIGINT)
        took = wait_gone(proc, children(proc.pid), 10)
        rest = proc.stdout.read()
        assert took < 2.0, f"the preview took {took:.2f}s to stop"
        assert proc.returncode == 0, rest
        assert "preview stopped" in rest and "Traceback" not in rest
        assert not (out / fs.STAGING).exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_suggest_says_a_worker_killed_and_suggests_as_without_it(big):
    """`--suggest` reads the texts in forked workers too: one killed (SIGKILL, as when memory runs out) costs
    time only, and is said on stderr as a build says it (it was never said). Each worker is killed as soon as
    it is seen: they live a fraction of a second."""
    root, _ = big
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--suggest"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True, env={**os.environ, "DOSSIER_WORKERS": "2"})
    stdout, _ = killed_and_said(proc)
    plain = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--suggest"],
                           capture_output=True, text=True, timeout=600, env={**os.environ, "DOSSIER_WORKERS": "1"})
    assert plain.returncode == 0 and "warning: a worker" not in plain.stderr, plain.stderr
    assert stdout == plain.stdout
