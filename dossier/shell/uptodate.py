"""Is the site already built from exactly these files? The no-change rebuild, answered from file stats.

A successful build records, inside the output folder's marker file, the size, modification and change time of
every file it was built from (the dossier's inputs, the templates, static files and schemas it used, and this
program's own code), the options, and every file it wrote. The next `python build.py` stats the same files
(no reading, no parsing, no imports of the build) and, if nothing differs, prints the recorded summary and
warnings and stops. Any difference (an edited, added or removed input, a changed option, a touched output)
means a full build. Like git, it trusts size, modification time and change time (which the kernel sets at every
write and no program can set back: a rewrite of the same size whose old time was put back is seen); a file
modified or changed within `_RACY_NS` of the scan is recorded as unknown, so an edit in the same clock tick as a
build is never missed.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Mapping

from .fs import MARKER, PROJECT, file_stamp
from .regular import read_regular
from .tree import Tree, walk_tree
from .fs import MARKER_TEXT as _HEADER

_VERSION = 3  # (2: an input's change time is recorded too; 3: an output's too)
Stat = tuple[int, ...]  # an input's (size, mtime_ns, ctime_ns)
_RACY_NS = 2_000_000_000


def _stat(base: Path, sub: str, prefix: str, out: dict[str, Stat],
          suffixes: tuple[str, ...] = ("",), walks: dict[tuple[str, str], Tree] | None = None) -> None:
    """Each file's stamp as the walk found it (tree.walk_tree: of the file a link leads to); `walks` keeps the
    walk, by (base, sub), for the build's read of the same folders (fs.read_inputs)."""
    tree = walk_tree(base, sub, suffixes)
    if walks is not None:
        walks[(os.fspath(base), sub)] = tree
    for rel in tree.files:
        mtime_ns, size, _, ctime_ns = tree.stamps[rel]
        out[prefix + rel] = (size, mtime_ns, ctime_ns)  # (fs.file_stamp)
    for rel in tree.refused:  # a link out of the dossier or a FIFO: stat the entry itself, never what it leads to
        try:
            st = os.lstat(base / rel)
        except OSError:
            continue
        out[f"{prefix}{rel} (refused)"] = file_stamp(st)


def scan(root: Path, walks: dict[tuple[str, str], Tree] | None = None) -> dict[str, Stat]:
    """(size, mtime_ns, ctime_ns) of every file a build of `root` can read, keyed `root:<rel>` / `project:<rel>`;
    files the build refuses (tree.walk_tree) are listed too, so a folder that holds one is never "up to date".
    `walks`: filled with the walks of the folders a build reads (fs.read_inputs reads them without walking
    again: 10,000 files at 5,000 articles)."""
    out: dict[str, Stat] = {}
    for sub in ("site.yaml", "seeds", "content", "templates", "static"):
        _stat(root, sub, "root:", out, walks=walks)
    for sub in ("templates", "static"):
        _stat(PROJECT, sub, "project:", out, walks=walks)
    _stat(PROJECT, "schemas", "project:", out)
    _stat(PROJECT, "dossier", "project:", out, (".py", ".js"))
    return out


def path_id(root: Path) -> str:
    """Which dossier folder was built, without writing its absolute path into the published site."""
    import hashlib

    return hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _output_stats(out: Path, paths: Iterable[str], known: Mapping[str, tuple[int, int, int]] | None = None,
                  written: Mapping[str, tuple[int, int, int]] | None = None) -> dict[str, tuple[int, int, int]] | None:
    """(size, mtime_ns, ctime_ns) of each output file, `known`'s where it has them; None when one cannot be
    statted. A file `written` names (its inode, size and mtime_ns when the build wrote it, which moving it into
    place keeps) that is no longer that file (replaced since, by another writer of the folder) is recorded as
    unknown, (-1, -1, -1): the next build reads it rather than trusting it."""
    stats = {}
    folder = os.fspath(out)  # (plain strings: one path per output file, 3,860 at 1,000 articles)
    known, written = known or {}, written or {}
    for rel in paths:
        found = known.get(rel)
        if found is None:
            try:
                st = os.stat(os.path.join(folder, rel))
            except OSError:
                return None
            wrote = written.get(rel)
            same = wrote is None or wrote == (st.st_ino, st.st_size, st.st_mtime_ns)
            found = file_stamp(st) if same else (-1, -1, -1)
        stats[rel] = found
    return stats


_READ: list[Any] = [None, None]  # [the marker's path and stat, what it held]: read once for `up_to_date` and
# `recorded_outputs` both (its JSON is 2.5 MB at 5,000 articles); a marker written since has another inode


def _record(out: Path) -> Any:
    """What the marker of `out` holds (its JSON; {} for the empty record); None when it cannot be read or is
    not ours. Shared: read-only."""
    try:
        st = os.stat(out / MARKER)
        stamp = (os.fspath(out / MARKER), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if _READ[0] != stamp:
            text = read_regular(out / MARKER, follow=False).decode("utf-8")  # (a FIFO there: no record, regular.py)
            _READ[:] = [stamp, None if not text.startswith(_HEADER) else
                        json.loads(text[len(_HEADER):]) if len(text) > len(_HEADER) else {}]
        return _READ[1]
    except (OSError, ValueError):
        return None


def up_to_date(out: Path, options: Mapping[str, Any], inputs: Mapping[str, Stat]) -> dict[str, Any] | None:
    """The recorded build, if `out` holds a build of exactly `inputs` with `options` and is untouched."""
    record = _record(out)
    if not isinstance(record, dict) or record.get("version") != _VERSION or record.get("options") != dict(options):
        return None
    recorded = record.get("inputs", {})
    if len(recorded) != len(inputs) or any(recorded.get(k) != list(v) for k, v in inputs.items()):
        return None
    outputs = record.get("outputs", {})
    current = _output_stats(out, outputs)
    if current is None or any(outputs[k][:3] != list(v) for k, v in current.items()):
        return None  # (and below: nothing added behind our back either, which a build would delete)
    return record if _only_outputs(out, len(outputs) + 1) else None


def _only_outputs(out: Path, count: int) -> bool:
    """Whether `out` holds `count` files and nothing else its builds never leave, which a build would delete: a
    folder empty, or a symbolic link to a folder (os.walk lists it among the folders, and does not enter it: one
    folder more listed than entered). The walk's own lists: nothing more is asked of the system."""
    files = listed = walked = 0
    for folder, dirs, names in os.walk(out):
        if not dirs and not names and walked:
            return False
        files, listed, walked = files + len(names), listed + len(dirs), walked + 1
    return files == count and listed == walked - 1


def recorded_outputs(out: Path) -> dict[str, list[Any]]:
    """The last build's outputs as recorded: path → [size, mtime_ns, ctime_ns, hash] (empty when there is no
    record). The marker read is let go here (the stage takes its outputs; `up_to_date` has asked before)."""
    return last_outputs(out)[0]


def last_outputs(out: Path) -> tuple[dict[str, list[Any]], bool]:
    """`recorded_outputs`, and whether a `build.py` run recorded them as all the files of the folder (the live
    preview, writing from memory, keeps the record's outputs but not what the build was made from, `forget`:
    the pages it wrote since are not among them)."""
    data, _READ[:] = _record(out), [None, None]
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        return {}, False
    outputs = data.get("outputs", {})
    return (outputs, "options" in data) if isinstance(outputs, dict) else ({}, False)


def record(out: Path, options: Mapping[str, Any], inputs: Mapping[str, Stat],
           outputs: Mapping[str, str] | Iterable[str], summary: Mapping[str, Any], now_ns: int | None = None,
           stats: Mapping[str, tuple[int, int, int]] | None = None,
           written: Mapping[str, tuple[int, int, int]] | None = None) -> None:
    """Write the marker with what this build was made from and what it wrote (called after a successful write).
    `outputs`: the paths written, or path → content hash (kept, so the next build can skip unchanged files).
    `stats`: the stamps (fs.file_stamp) the build found the files it left in place with (fs.Stage.kept_stats);
    the others are statted now. (A file changed since it was found keeps its old stamp here, so the next build
    reads it.)
    `written`: the files the build moved into place, as it wrote them (`_output_stats`)."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    racy = now_ns - _RACY_NS
    data = {
        "version": _VERSION,
        "options": dict(options),
        "inputs": {k: (list(v) if max(v[1:]) < racy else [v[0]] + [-1] * (len(v) - 1))
                   for k, v in sorted(inputs.items())},
        "outputs": {k: [*v, outputs[k]] if isinstance(outputs, Mapping) else list(v)
                    for k, v in (_output_stats(out, sorted(outputs), stats, written) or {}).items()},
        "summary": dict(summary),
    }
    # ASCII escapes: a file name that is not UTF-8 (a lone surrogate in Python) round-trips instead of crashing
    _write_marker(out, _HEADER + json.dumps(data, separators=(",", ":")) + "\n")


def _write_marker(out: Path, text: str) -> None:
    """Put the marker in place whole (a temporary file, then a rename); raises OSError when it cannot be
    written (the disk is full), leaving no temporary file behind."""
    tmp = _temporary(out)
    try:
        tmp.write_text(text, "utf-8")
        os.replace(tmp, out / MARKER)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _temporary(out: Path) -> Path:
    """Where the marker is written before it is moved into place: a name of this writer's own, so that a build
    and a live preview writing the marker at once never move each other's file."""
    return out / f".{MARKER}.{os.getpid()}.{threading.get_ident()}.dossier-tmp"


def mark(out: Path) -> None:
    """Mark `out` as a folder this tool writes (an empty record: the next build is a full one), before a first
    build moves anything into it, so that a record that cannot be written after (the disk is full) does not
    leave a folder that later builds refuse as not theirs. Raises OSError when it cannot be written."""
    _write_marker(out, _HEADER)


def forget(out: Path, keep_outputs: bool = False, outputs: Mapping[str, list[Any]] | None = None) -> None:
    """Make the next build a full one (the marker stays: the folder is still ours). `keep_outputs` keeps the
    record of the output files' hashes (each is checked against the file's stat before it is trusted):
    `outputs`, when the caller has read them (fs.Stage.known), else the marker's."""
    try:
        if not (out / MARKER).exists():
            return
        kept = ({} if not keep_outputs else dict(outputs) if outputs is not None else recorded_outputs(out))
        text = _HEADER + (json.dumps({"version": _VERSION, "outputs": kept}, separators=(",", ":")) + "\n"
                          if kept else "")
        _write_marker(out, text)
    except OSError:
        pass
