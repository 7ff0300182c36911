"""Ctrl-C before the build can stop cleanly (while Python imports build.py's modules, or before cli.main has
put its handlers in place) is a clean exit as at any other moment: 130, one line, no traceback. It printed a
KeyboardInterrupt traceback of some thirty lines. Python 3.11 wraps a Ctrl-C that came while a class was made
(`__set_name__`: an Enum's members, a cached_property) in a RuntimeError: that one too. The signal is sent at
the moment under test by the process to itself (an import hook, a stand-in function): no timing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, copy_of_default_dossier
from dossier.shell import cli, fs, uptodate

STOPPED = "build.py: stopped by Ctrl-C; the output folder was left as it was"

# Runs build.py as `python build.py` does (run_name __main__), with a hook that sends this process SIGINT when
# build.py imports the command line (a plain Ctrl-C, or one while a class is made, as Python 3.11 wraps it).
PROBE = """
import os, runpy, signal, sys

class Descriptor:
    def __set_name__(self, owner, name):
        raise KeyboardInterrupt  # (what Python's SIGINT handler does, here as the class is made)

class Hook:
    def find_spec(self, name, path=None, target=None):
        if name == "dossier.shell.cli":
            if WHEN == "class":
                type("Made", (), {"field": Descriptor()})
            os.kill(os.getpid(), signal.SIGINT)
            sys.exit("the hook was not interrupted")
        return None

# (Ctrl-C's handler as Python puts it in place when started from a terminal: one started by a shell in the background,
# `nohup make test &`, inherits SIGINT ignored and keeps it so, and would never see the signal)
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.meta_path.insert(0, Hook())
root, WHEN = sys.argv[1:]
sys.argv = ["build.py", "--root", root, "--no-search"]
runpy.run_path("build.py", run_name="__main__")
"""


@pytest.mark.parametrize("when", ["import", "class"])
def test_ctrl_c_while_build_py_imports_its_modules_is_one_line_and_130(tmp_path, when):
    root = copy_of_default_dossier(tmp_path)
    done = subprocess.run([sys.executable, "-c", PROBE, str(root), when], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 130, done.stderr
    assert done.stderr == STOPPED + "\n"
    assert not (root / "_site").exists()


def main(argv: list[str]) -> int:
    """cli.main; a KeyboardInterrupt it lets out fails the test (pytest would take it for the user's Ctrl-C)."""
    try:
        return cli.main(argv)
    except KeyboardInterrupt as exc:
        pytest.fail(f"cli.main let {exc!r} out")


def test_ctrl_c_before_the_handlers_are_in_place_is_said_as_any_other(tmp_path, monkeypatch, capsys):
    def ctrl_c():
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "parser", ctrl_c)
    assert main(["--root", str(tmp_path)]) == 130
    assert capsys.readouterr().err == STOPPED + "\n"


def test_ctrl_c_wrapped_by_python_while_the_build_imports_is_said_as_any_other(tmp_path, monkeypatch, capsys):
    root = copy_of_default_dossier(tmp_path)

    def bug(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(uptodate, "scan", bug)
    with pytest.raises(RuntimeError, match="a bug"):  # (an error is not taken for a Ctrl-C)
        main(["--root", str(root), "--no-search"])

    def scan(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on '_proto_member' instance") from exc

    monkeypatch.setattr(uptodate, "scan", scan)
    assert main(["--root", str(root), "--no-search"]) == 130
    assert capsys.readouterr().err == STOPPED + "\n"
    assert not (root / "_site" / fs.MARKER).exists()
