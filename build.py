#!/usr/bin/env python3
"""Build the dossier: `python build.py --help`."""

import os
import sys
from pathlib import Path

from dossier.shell.bootstrap import with_dependencies

with_dependencies(Path(__file__).resolve().parent, "build.py")  # (the system's Python: restarted under .venv)
from dossier.shell.cli import main  # noqa: E402


def _exit(code: int) -> None:
    """Leave without freeing the build's objects one by one: a large dossier's heap took the interpreter's
    shutdown 0.5-0.9 s at 1,000 articles (a full collection, then every object released), which the operating
    system does at once. Every file is written and closed by then (the site, the cache); only the standard
    streams are flushed here."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`build.py | head`): nothing more can reach it
            pass
    os._exit(code)


if __name__ == "__main__":
    _exit(main())
