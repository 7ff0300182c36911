#!/usr/bin/env python3
"""Build the dossier: `python build.py --help`."""

try:  # (Ctrl-C while Python loads the build, before cli.main can stop it cleanly: one line, no traceback)
    import os
    import sys
    from pathlib import Path

    from dossier.shell.bootstrap import with_dependencies

    with_dependencies(Path(__file__).resolve().parent, "build.py")  # (the system's Python: restarted under .venv)
    from dossier.shell.cli import main
except BaseException as exc:  # (Python 3.11 wraps one that came while a class was made in a RuntimeError)
    if not isinstance(exc if isinstance(exc, KeyboardInterrupt) else exc.__cause__, KeyboardInterrupt):
        raise
    import os
    import sys

    sys.stderr.write("build.py: stopped by Ctrl-C; the output folder was left as it was\n")  # (nothing was read yet)
    sys.stderr.flush()
    os._exit(130)  # 128 + SIGINT, as a build stopped later (interrupt.stopped)


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
