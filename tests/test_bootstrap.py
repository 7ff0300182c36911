"""build.py and tools/cleaned.py run by a Python without the project's dependencies (the system's, not .venv's):
restarted under .venv, else one message with what to do, never a traceback (review 71)."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_of_default_dossier
from dossier.shell.bootstrap import ANCHORING, DEPENDENCIES, EVERY_BUILD

def pinned() -> set[str]:
    names = set()
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            names.add(re.split(r"[=<>\[;]", line)[0].strip().lower().replace("_", "-"))
    return names


def test_each_dependency_looked_for_is_a_pinned_requirements_module() -> None:
    of = importlib.metadata.packages_distributions()
    for module in DEPENDENCIES:
        assert {d.lower().replace("_", "-") for d in of.get(module, [])} & pinned(), module


def test_the_dependencies_looked_for_are_those_a_build_imports(tmp_path: Path) -> None:
    """Review 73: the search binary, --add's extractor and --serve's server were asked for at every start, though
    a build without them worked (the binary may come from elsewhere: search_binary.py)."""
    root = copy_of_default_dossier(tmp_path)
    imported = imported_by_a_build(root)
    assert set(EVERY_BUILD) <= imported, sorted(set(EVERY_BUILD) - imported)
    assert not set(ANCHORING) & imported  # (every quote of the repo's dossier is found as written)
    # a quote with a typo is matched approximately: the anchoring's modules are then imported
    article = root / "content/articles/jpost-go-it-alone.yaml"
    text = article.read_text("utf-8")
    assert 'quote: "There is no way for us to defeat Hamas' in text
    article.write_text(text.replace('quote: "There is no way for us to defeat Hamas',
                                    'quote: "There is no way for us to defeet Hamas', 1), "utf-8")
    assert set(ANCHORING) <= imported_by_a_build(root) and set(DEPENDENCIES) == {*EVERY_BUILD, *ANCHORING}


def imported_by_a_build(root: Path) -> set[str]:
    """The top-level modules a `build.py --no-search` of `root` imports, all of it in one process."""
    probe = ("import runpy, sys\nsys.argv = ['build.py', '--root', sys.argv[1], '--no-search']\n"
             "runpy.run_path('build.py', run_name='probe')  # (its start: build.py's own checks)\n"
             "from dossier.shell.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('MODULES', *sorted({m.split('.')[0] for m in sys.modules}))\n")
    done = subprocess.run([sys.executable, "-c", probe, str(root)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "DOSSIER_WORKERS": "1"})  # (all of it in this process)
    imported = set(next((line.split()[1:] for line in done.stdout.splitlines() if line.startswith("MODULES ")), []))
    assert imported, done.stderr
    return imported


def run(python: Path | str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_python_without_the_dependencies_runs_the_build_under_the_project_s_venv(tmp_path: Path) -> None:
    root = copy_of_default_dossier(tmp_path)
    # (-S: no site-packages, so none of the dependencies; the venv's own Python is then not the venv's either)
    done = run(sys.executable, "-S", str(ROOT / "build.py"), "--check", "--root", str(root), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "check passed" in done.stdout and "Traceback" not in done.stderr
    cleaned = run(sys.executable, "-S", str(ROOT / "tools" / "cleaned.py"), "--root", str(root), cwd=tmp_path)
    assert cleaned.returncode == 0 and cleaned.stdout.startswith("===== "), cleaned.stderr


def test_without_a_venv_to_restart_in_it_says_what_to_do(tmp_path: Path) -> None:
    project = tmp_path / "project"  # (a copy of the project without .venv)
    (project / "tools").mkdir(parents=True)
    (project / "dossier").symlink_to(ROOT / "dossier")
    for name in ("build.py", "tools/cleaned.py"):
        (project / name).write_bytes((ROOT / name).read_bytes())
        done = run(sys.executable, "-S", str(project / name), "--check", cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith(f"{name}: this Python (") and "does not have dossier's dependencies" in done.stderr
        assert f"make site` once in {project}" in done.stderr and f".venv/bin/python {name} ..." in done.stderr


def test_a_venv_python_without_the_dependencies_is_started_once_then_told(tmp_path: Path) -> None:
    """Review 73: a .venv/bin/python that is no virtual environment's (a link to the base Python) started the
    command again and again, for ever."""
    project = tmp_path / "project"
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").symlink_to(os.path.realpath(sys.executable))
    (project / "dossier").symlink_to(ROOT / "dossier")
    (project / "build.py").write_bytes((ROOT / "build.py").read_bytes())
    done = run(sys.executable, "-S", str(project / "build.py"), "--check", cwd=tmp_path)
    assert done.returncode == 2 and "does not have dossier's dependencies" in done.stderr, done.stderr
