"""Where the site may be written: `--out` checked before anything is built (the build's and the live preview's),
and checked again before each write of the live preview, which runs for hours (`Checked`)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..core.load.watched import EVIDENCE, WATCHED_DIRS
from .fs import MARKER, PROJECT, OutputError
from .placing import STAGING


def check_output_dir(root: Path, out: Path) -> None:
    """Raise OutputError when the site may not be written into `out` (see each message)."""
    for link in (out, *out.parents):
        if link.is_symlink() and not link.exists():
            try:
                os.stat(link)
                why = "which cannot be followed"
            except OSError as exc:
                why = "which leads round in a loop" if exc.errno == errno.ELOOP else "which does not exist"
            raise OutputError(f"refusing to write the site into {out}: {link} is a symbolic link to "
                              f"{os.readlink(link)}, {why}; choose a folder with --out")
    try:
        root, out = root.resolve(), out.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links
        raise OutputError(f"refusing to write the site into {out}: the path cannot be followed ({exc})") from exc
    # A folder the build reads (or its cache, cache.py, never published): a site written inside it would be read
    # back as inputs by the next build (in static/, every build published the last site again inside the new
    # one; in templates/, its pages were templates, review 74)
    read = [root / name for name in (*WATCHED_DIRS, ".dossier-cache")] + [PROJECT / "templates", PROJECT / "static"]
    read += [folder.resolve() for folder in read if folder.is_symlink()]  # (templates -> tpl/: tpl/ is read too)
    evidence = root / EVIDENCE  # (in seeds/, but never read: said as what it is, not as seeds/)
    if out.is_relative_to(evidence):
        raise OutputError(f"refusing to write the site into {out}: {within(out, evidence)}, where --add keeps the "
                          f"pages it captured and their provenance; choose a folder outside {root / 'seeds'} with "
                          f"--out, such as {root / '_site'}")
    for folder in read:
        if out.is_relative_to(folder):
            raise OutputError(f"refusing to write the site into {out}: {within(out, folder)}, which the build "
                              f"reads; choose a folder outside it with --out, such as {root / '_site'}")
    for protected in (root, *read, PROJECT):
        if protected.is_relative_to(out):
            raise OutputError(f"refusing to write the site into {out}: it would overwrite {protected}")
    existing = next(p for p in (out, *out.parents) if p.exists())  # "/" at the latest
    if not existing.is_dir():
        raise OutputError(f"refusing to write the site into {out}: {existing} is a file, not a folder; "
                          "choose a folder with --out")
    if out.exists() and any(p.name != STAGING for p in out.iterdir()) and not (out / MARKER).exists():
        raise OutputError(f"refusing to write into {out}: it is not empty and was not made by dossier "
                          f"(no {MARKER} file); choose an empty folder with --out")


def within(out: Path, folder: Path) -> str:
    """"it is <folder>" or "it is inside <folder>": the folder named as `out` stands to it."""
    return f"it is {folder}" if out == folder else f"it is inside {folder}"


class Checked:
    """The output folder of a live preview, as `check_output_dir` found it when the preview started: `confirm`,
    before each write, raises OutputError unless `out` still leads where it led then and the command line would
    still write into it. Between two saves `_site` could be replaced by a symbolic link to content/comparisons/,
    or to a folder of someone's files: the next write, a whole one since the folder was not as the last left
    it, made it hold the site alone and deleted its files (review 163)."""

    def __init__(self, root: Path, out: Path) -> None:
        self.root, self.out = root, out
        self.real = os.path.realpath(out)  # (of a folder not made yet too: where it will be made)

    def confirm(self) -> None:
        now = os.path.realpath(self.out)
        if now != self.real:
            if os.path.islink(self.out):
                how, fix = f"was replaced by a symbolic link to {os.readlink(self.out)}", "remove the link"
            else:
                how, fix = f"now leads to {now}, not to {self.real}", "put back the folder it led to"
            raise OutputError(f"refusing to write the site into {self.out}: it {how} since the preview started; "
                              f"{fix} (the preview writes the site again at the next save), or stop the preview "
                              f"and start it again")
        check_output_dir(self.root, self.out)
