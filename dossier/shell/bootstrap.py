"""A command run by a Python without dossier's dependencies: restarted under the project's `.venv`, else told so.

`make site` makes `.venv` and installs the pinned dependencies there; an editor who then typed `python build.py`
ran the system's Python, which has none of them, and met a traceback once the build imported its first one
(review 71). Each command first looks for the dependencies, without importing them (a millisecond); only the
standard library here.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

# The modules of requirements.txt's direct dependencies (tests/test_bootstrap.py holds the two lists together)
DEPENDENCIES = ("jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "yaml", "livereload", "tornado", "rapidfuzz",
                "jsonschema", "fastjsonschema", "ahocorasick", "pagefind_bin", "trafilatura", "htmldate", "warcio",
                "charset_normalizer", "lxml_html_clean", "regex")


def missing_dependency() -> str:
    """The first of DEPENDENCIES this Python cannot import, or ""."""
    return next((name for name in DEPENDENCIES if find_spec(name) is None), "")


def with_dependencies(project: Path, command: str) -> None:
    """Return when this Python has every dependency. Else run the same command again with `project`'s `.venv`
    Python, when there is one and it is not this one; else say what to do, and exit 2."""
    missing = missing_dependency()
    if not missing:
        return
    venv = project / ".venv"
    python = venv / "bin" / "python"
    if python.is_file() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(python, [str(python), *sys.argv])
    sys.stderr.write(f"{command}: this Python ({sys.executable}) does not have dossier's dependencies (no module "
                     f"named {missing!r})\n  hint: run `make site` once in {project} (it makes .venv and installs "
                     f"them), then `.venv/bin/python {command} ...`, or `. .venv/bin/activate` first\n")
    sys.exit(2)
