"""A bug of the build, as a problem the live preview shows like any other (and keeps serving)."""

from __future__ import annotations

from ..core.common.errors import Problem, error


def crash_problem(exc: BaseException) -> Problem:
    """An exception in the build, as a problem: where it happened in dossier's code, and what to do."""
    if isinstance(exc, OSError) and exc.filename:
        return error(str(exc.filename), 0, 0, f"could not read: {exc.strerror or 'the file is not readable'}",
                     "the file changed while it was read; save it again", "file-unreadable")
    where, line = "dossier", 0
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename.replace("\\", "/")
        if "/dossier/" in name:
            where, line = "dossier/" + name.rsplit("/dossier/", 1)[1], tb.tb_lineno
        tb = tb.tb_next
    return error(where, line, 0, f"the build crashed: {type(exc).__name__}: {exc}",
                 "this is a bug in dossier, not in your files (the traceback is in the terminal); "
                 "undo your last change to get the preview going again, and report it", "crash")
