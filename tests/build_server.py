"""The tests' `python build.py` runs (conftest.run_build), each in a process of its own forked from one server
process that has imported the build once.

A test suite starts the build some hundreds of times; each fresh interpreter paid Python's start and the build's
imports, a quarter of a second, before doing anything the test is about (a minute and a half of `make test`). The
server imports build.py as a module (its imports and its bootstrap, nothing of the build run) and every dossier
module, then waits; for each run it forks a child, which takes the run's folder, environment, arguments and
streams (stdin from /dev/null, stdout and stderr to files) and does what `python build.py ARGS` does once its
imports are done: `_exit(main())`. So each run has a process of its own, whose state no other run touched, the
real command line's code, exit status and output; what it does not have is a fresh interpreter: its hash seed is
the server's, and modules a fresh build would not import are imported. Tests about the interpreter itself (the
bootstrap, hash-order determinism, a build's process as a whole: signals, memory) start a real process
(`run_build(..., fresh=True)`, or subprocess themselves).

The server reads one JSON request a line on its stdin and answers one JSON line on its stdout; it runs one build
at a time. Runs side by side (test_invalid_dossiers checks its hundred cases a core's worth at once) each take a
server no other run holds (BuildServers: another server is started when every one is busy), so each run is what
one server alone makes it. Set DOSSIER_TEST_FRESH_BUILDS=1 to start a fresh interpreter for every run instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Sequence

SERVER = r"""
import importlib, json, os, pkgutil, signal, sys, time, traceback
root = sys.argv[1]
sys.path.insert(0, root)
import build  # build.py: its imports and bootstrap (the project's venv), nothing of the build run
import dossier
for found in pkgutil.walk_packages(dossier.__path__, "dossier."):
    importlib.import_module(found.name)
try:
    import trafilatura  # (--add imports it when it runs)
except ImportError:
    pass


def child(request):
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_TRUNC)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_TRUNC)
    for fd, target in ((null, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = request["argv"]
    code = 1
    try:
        code = build.main(request["argv"][1:])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if not isinstance(exc.code, int) and exc.code is not None:
            sys.stderr.write(f"{exc.code}\n")
    except BaseException:
        traceback.print_exc()
    build._exit(code)


for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        try:
            child(request)
        finally:
            os._exit(1)
    deadline, status = time.monotonic() + request["timeout"], None
    while status is None:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(raw)
        elif time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = "timeout"
        else:
            time.sleep(0.005)
    sys.stdout.write(json.dumps({"status": status}) + "\n")
    sys.stdout.flush()
"""


class BuildServer:
    """The server process, started at the first run and kept for the session (`stop` ends it)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.process: subprocess.Popen[str] | None = None
        self.lock = threading.Lock()

    def run(self, args: Sequence[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
        """`python build.py ARGS` in `cwd` with this process's environment, as subprocess.run(capture_output=True,
        text=True) gives it (TimeoutExpired past `timeout` seconds)."""
        argv = [str(self.root / "build.py"), *args]
        with self.lock, tempfile.TemporaryDirectory(prefix="dossier-run-") as where:
            out, err = Path(where, "stdout"), Path(where, "stderr")
            out.touch()
            err.touch()
            process = self._started()
            try:
                status = self._asked(process, {"argv": argv, "cwd": str(cwd), "env": dict(os.environ),
                                               "stdout": str(out), "stderr": str(err), "timeout": timeout})
            except BaseException:
                # (interrupted while a run went on, by a test's alarm or Ctrl-C: its answer would be taken for the
                # next run's, review 113; the server and its run are ended, the next run starts another)
                process.kill()
                process.wait()
                self.process = None
                raise
            stdout, stderr = _text(out.read_bytes()), _text(err.read_bytes())
        if status == "timeout":
            raise subprocess.TimeoutExpired([sys.executable, *argv], timeout, stdout, stderr)
        return subprocess.CompletedProcess([sys.executable, *argv], status, stdout, stderr)

    def _asked(self, process: subprocess.Popen[str], request: dict) -> int | str:
        """The server's answer to `request`: the run's exit status, or "timeout"."""
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        answer = process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the build server stopped: {process.wait()}")
        return json.loads(answer)["status"]

    def _started(self) -> subprocess.Popen[str]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen([sys.executable, "-c", SERVER, str(self.root)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True, cwd=self.root)
        return self.process

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)


class BuildServers:
    """BuildServer's runs, side by side when threads ask at once: a run takes an idle server (the one that ran last:
    runs one after another all go to one) or, every one busy, a new one; each server runs one build at a time, so a
    run's isolation, its timeout and its interruption (review 113) are BuildServer's. `stop` ends them all."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.servers: list[BuildServer] = []
        self.idle: list[BuildServer] = []
        self.lock = threading.Lock()

    def run(self, args: Sequence[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
        """As BuildServer.run, on a server no other run holds meanwhile."""
        with self.lock:
            if not self.idle:
                self.servers.append(BuildServer(self.root))
                self.idle.append(self.servers[-1])
            server = self.idle.pop()
        try:
            return server.run(args, cwd, timeout)
        finally:
            with self.lock:
                self.idle.append(server)

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


def _text(data: bytes) -> str:
    """Bytes as subprocess.run(text=True) reads them: decoded, with universal newlines."""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
