"""build.py and tools/cleaned.py run by a Python without the project's dependencies (the system's, not .venv's):
restarted under .venv, else one message with what to do, never a traceback (review 71)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_of_default_dossier
from dossier.shell.bootstrap import DEPENDENCIES

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


def test_every_module_dossier_imports_from_another_project_is_looked_for() -> None:
    imported = set()
    for path in (ROOT / "dossier").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    others = {name for name in imported if name not in sys.stdlib_module_names and name != "dossier"}
    assert others <= set(DEPENDENCIES), sorted(others - set(DEPENDENCIES))


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
