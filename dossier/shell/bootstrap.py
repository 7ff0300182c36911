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

# The modules every build imports (tests/test_bootstrap.py: those a build of the repo's dossier imports), and those
# a build imports once a quote is not found as written (the closest passage, a typo's match; comparisons' word
# alignment takes it only for a very long quote). Those of one command only (the search index's binary, which may
# come from elsewhere, --add's extractor, --serve's server) are not asked for here: a build without them worked
# (review 73).
EVERY_BUILD = ("jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "mdurl", "yaml", "fastjsonschema",
               "ahocorasick", "regex")
ANCHORING = ("rapidfuzz",)
DEPENDENCIES = EVERY_BUILD + ANCHORING
RESTARTED = "DOSSIER_RESTARTED_UNDER_VENV"  # (set in the environment of the command started again: no second time)
# Options that would keep the project's Python from its own packages, left out when the command starts again there
_NO_SITE = ("-S", "-I", "-E", "-s")


def missing_dependency() -> str:
    """The first of DEPENDENCIES this Python cannot import, or ""."""
    return next((name for name in DEPENDENCIES if find_spec(name) is None), "")


def with_dependencies(project: Path, command: str) -> None:
    """Return when this Python has every dependency. Else run the same command again with `project`'s `.venv`
    Python (its other options kept, `python -X dev build.py` as `python -c …`), once: when there is one, it is not
    this one, and this is not already the command started again (a `.venv/bin/python` that is no virtual
    environment's, a link to the system's, would start it again for ever, review 73); else say what to do, and
    exit 2."""
    missing = missing_dependency()
    if not missing:
        return
    venv = project / ".venv"
    python = venv / "bin" / "python"
    if python.is_file() and Path(sys.prefix).resolve() != venv.resolve() and not os.environ.get(RESTARTED):
        os.environ[RESTARTED] = "1"
        os.execv(python, [str(python), *(arg for arg in sys.orig_argv[1:] if arg not in _NO_SITE)])
    sys.stderr.write(f"{command}: this Python ({sys.executable}) does not have dossier's dependencies (no module "
                     f"named {missing!r})\n  hint: run `make site` once in {project} (it makes .venv and installs "
                     f"them), then `.venv/bin/python {command} ...`, or `. .venv/bin/activate` first\n")
    sys.exit(2)
