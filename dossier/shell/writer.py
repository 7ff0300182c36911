"""The writer: the one place where a build meets worker processes and the output folder.

Two ways to write, one module, so the command line and the live preview cannot drift apart:
- `staged(out)` for `build.py`: outputs stream from the forked workers (`shards`, parallel.py) into a staging
  folder inside `out` (`sink`, fs.Stage); `index` adds the Pagefind search index to the stage; `commit` moves
  only the changed files into place and records the up-to-date marker, with Ctrl-C and SIGTERM held back so the
  site is the old one or the new one, never a mix. Leaving the block without a commit (errors found, the search
  binary failed, an exception, an interruption) removes the stage and leaves the previous site untouched.
- `sync(out, outputs, previous)` for the live preview, which builds in memory: the first write makes `out` hold
  exactly `outputs` (every file compared), each later one touches only the paths whose bytes changed since
  `previous`, the outputs it last wrote. `search_files` indexes a site held in memory.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, TypeVar

from . import fs, tree, uptodate
from ..core.preview import changed_outputs
from .interrupt import deferred
from .parallel import fork_shards
from .placing import first_link
from .search_parts import PART_PAGES

if TYPE_CHECKING:
    from ..core.common.errors import Problem

T = TypeVar("T")
ShardMap = Callable[[Callable[[int], T], int], "list[T]"]


class Writer:
    """One staged build of `out`: `sink` takes each output, `shards` runs ranges of work in forked workers that
    write into the same stage. Nothing in `out` changes until `commit`; after `abort` it is as it was."""

    def __init__(self, out: Path, created: bool | None = None) -> None:
        """`created`: whether this build made `out` (default: whether it is missing now), so that a failed first
        build leaves no folder behind."""
        self.out = out
        known, whole = uptodate.last_outputs(out)  # (the last record skips rereading files)
        self.stage = fs.Stage(out, known, created, recorded_all=whole)  # (so files no build made can be told)
        self.shards: ShardMap = fork_shards(self.stage)
        self.committed = False
        self.unrecorded = ""  # why the record of a committed site could not be written (the disk is full)

    @property
    def sink(self) -> Callable[[str, bytes], None]:
        """Where the build hands each output (path relative to `out`, bytes)."""
        return self.stage

    @property
    def files(self) -> int:
        """How many files the site has so far (every output handed to `sink`, changed or not)."""
        return len(self.stage.hashes)

    def index(self, paths: Iterable[str], base_path: str, part_pages: int = PART_PAGES, store: Any = None) -> int:
        """Build the Pagefind index of the staged HTML pages among `paths` and stage its files; returns how many.
        The index is in parts of about `part_pages` pages (search_parts.py); a part `store` (search_parts.Parts,
        the cache) holds is not indexed again, and its files, which the output folder holds, stay as they are.
        Raises when the Pagefind binary is missing or fails (the caller reports it; the stage is then aborted)."""
        from .search import build_index

        files = build_index(StagedPages(self.stage, paths), base_path, part_pages=part_pages, store=store,
                            digests=self.stage.hashes)
        for rel, data in sorted(files.items()):
            if data is not None:  # (None: a kept part's file, which the stage was told stays)
                self.stage(rel, data)
        return len(files)

    def commit(self, key: Mapping[str, Any], scanned: Mapping[str, tuple[int, ...]],
               summary: Mapping[str, Any]) -> tuple[int, int]:
        """Move the changed files into place, delete files no longer produced and record in the marker what the
        site was built from (`key`: options, `scanned`: input stats) with `summary` for the no-change rebuild.
        Signals wait until this is done. Returns (written, deleted)."""
        with deferred():  # moving files into place is not stopped halfway: the site is old or new, never a mix
            # until `record`, the folder matches no inputs (the outputs' record is the one the stage read)
            uptodate.forget(self.out, keep_outputs=True, outputs=self.stage.known)
            if not (self.out / fs.MARKER).exists():
                try:
                    uptodate.mark(self.out)  # (a first build: the folder is ours before anything moves into it)
                except OSError as exc:
                    raise fs.WriteFailed(fs.MARKER, exc.errno, exc.strerror or str(exc)) from exc
            written, deleted = self.stage.commit()
            self.committed = True
            try:
                uptodate.record(self.out, key, scanned, self.stage.hashes, summary, stats=self.stage.kept_stats(),
                                written=self.stage.written)
            except OSError as exc:  # the site is in place; only the shortcut of the next build is lost
                self.unrecorded = exc.strerror or str(exc)
        return written, deleted

    def abort(self) -> None:
        """Remove what was staged (and `out` itself if this build created it); the previous site stays."""
        if not self.committed:
            self.stage.abort()


@contextmanager
def staged(out: Path, waiting: Callable[[], None] = lambda: None) -> Iterator[Writer]:
    """A `Writer` for `out` that is aborted when the block ends without `commit`: on a failed build, on an
    exception, on Ctrl-C or SIGTERM (interrupt.Interrupted) nothing staged stays behind. The folder is held
    for this build meanwhile (outlock.py: another build into it waits, after calling `waiting()`)."""
    from .outlock import holding

    with holding(out, waiting) as made:
        writer = Writer(out, made)
        try:
            yield writer
        finally:
            writer.abort()


class StagedPages(Mapping[str, bytes]):
    """The HTML pages of a staged build, read from disk when asked for (for the search indexer)."""

    def __init__(self, stage: fs.Stage, paths: Iterable[str]):
        self.stage, self.paths = stage, [p for p in paths if p.endswith(".html")]

    def __getitem__(self, rel: str) -> bytes:
        if rel not in self.stage.hashes or not rel.endswith(".html"):
            raise KeyError(rel)
        return self.stage.read(rel)

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def memory_shards() -> ShardMap:
    """The worker pool for a build that writes nothing (`--check`): results come back, no files are staged."""
    return fork_shards(None)


def sync(out: Path, outputs: Mapping[str, bytes], previous: Mapping[str, bytes] | None,
         waiting: Callable[[], None] = lambda: None, check: Callable[[], None] = lambda: None) -> tuple[int, int]:
    """Make `out` hold `outputs`, a build kept in memory. `previous` is what this caller last wrote there: None
    the first time, or when the folder's marker is not as the last sync left it (a `build.py` run wrote the
    folder since, and may have deleted the search index), when every file is compared (and the up-to-date
    record dropped: a site written from memory is no record of any `build.py` run; the digests it lists of the
    output files stay, each trusted only while its file keeps the size and times recorded with it,
    so that the next `build.py` does not read back the files the preview left as they were); after that only
    the paths whose bytes changed are touched (`repair` puts back what was changed by hand),
    so a rebuild does not re-read thousands of unchanged files. Returns (written, deleted). The folder is held
    while it is written (outlock.py): a `build.py` run into it meanwhile waits, and this waits for one, after
    calling `waiting()` (the first write of a folder cleared the staging folder that run was filling). `check()`
    raises fs.OutputError when `out` may no longer be written (the preview's outdir.Checked.confirm: the folder
    replaced by a link since), before anything is written or deleted."""
    from .outlock import holding

    check()  # (before the lock, which makes `out` when it is missing)
    with holding(out, waiting):
        check()  # (and once held: a build.py run that held it may have changed it)
        return _sync(out, outputs, previous)


def _sync(out: Path, outputs: Mapping[str, bytes], previous: Mapping[str, bytes] | None) -> tuple[int, int]:
    if previous is not None and _marker(out) != _SYNCED.get(os.fspath(out)):
        previous = None  # another writer (a build.py run into the same folder) changed it since: compare all
    if previous is None:
        uptodate.forget(out, keep_outputs=True)
        done = fs.write_outputs(out, outputs)
        _LEFT[os.fspath(out)] = {rel: info for rel, info in _on_disk(out).items() if rel in outputs}
    else:
        done = write_changed(out, outputs, changed_outputs(previous, outputs))
    _SYNCED[os.fspath(out)] = _marker(out)
    return done


_SYNCED: dict[str, Any] = {}  # output folder → its marker's stat as `sync` last left it
_LEFT: dict[str, dict[str, tuple[int, int, int]]] = {}  # output folder → path → its fs.file_stamp as this process
# left it


def _on_disk(out: Path) -> dict[str, tuple[int, int, int]]:
    """The fs.file_stamp of every file under `out` but the writers' own (the marker, hidden temporary files)."""
    found: dict[str, tuple[int, int, int]] = {}
    pending = [("", os.fspath(out))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.is_file(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                found[prefix + entry.name] = fs.file_stamp(info)
    return found


def repair(out: Path, outputs: Mapping[str, bytes]) -> tuple[int, int]:
    """Put back what was changed by hand in `out` since `sync` made it hold `outputs` (a file deleted, edited or
    added: the live preview serves the folder, and keeps only what it wrote in mind): each file not as it was
    left is compared and written again, each file added is deleted. One walk of the folder, no file read
    unless its size or a time changed. Returns (written, deleted)."""
    left = _LEFT.get(os.fspath(out))
    if left is None or not outputs or _marker(out) != _SYNCED.get(os.fspath(out)):
        return 0, 0  # (nothing synced yet, no site to compare with, or another writer came: the next sync compares)
    disk = _on_disk(out)
    mended = [rel for rel, data in outputs.items() if disk.get(rel) != left.get(rel) and
              (rel not in disk or _read(out / rel) != data)]
    strays = [rel for rel in disk if rel not in outputs]  # (first: a file may stand where a folder is to be)
    deleted = write_changed(out, {}, tuple(strays))[1]
    written, _ = write_changed(out, outputs, tuple(mended))
    for rel in outputs:  # (a file whose time alone changed, compared equal: its new stat is the one to trust)
        if rel in disk and rel not in mended:
            left[rel] = disk[rel]
    return written, deleted


def unwritten(out: Path, exc: Exception) -> str:
    """What could not be written and why, in words: "<path>: No space left on device"."""
    if isinstance(exc, fs.WriteFailed):
        return f"{out / exc.rel}: {exc.reason}"
    if isinstance(exc, OSError):
        return f"{exc.filename or out}: {exc.strerror or exc}"
    return str(exc)


def not_written(out: Path, exc: Exception) -> tuple[Problem, str]:
    """What the live preview says, over its pages and in the terminal, of a site it did not write into `out`:
    refused (fs.OutputError: the folder is no longer one it may write, see outdir.Checked, or a link in it leads
    out) or failed (a full disk, a folder made read-only)."""
    from ..core.common.errors import error

    if isinstance(exc, fs.OutputError):
        return error(str(out), 0, 0, f"the site was not written: {exc}", "nothing was written into the folder or "
                     "deleted from it; do what the message says and save again; until then the pages are what was "
                     "written last", "output-refused"), (f"not written: {exc}; nothing was written or deleted (the "
                                                         "preview keeps running)")
    what = unwritten(out, exc)
    # (said over the pages too: a status "ok" showed them as current, review 59; they are the last written)
    return error(str(out), 0, 0, f"the site could not be written: {what}", "free some space (or make the folder "
                 "writable, or unlock the file) and save again; until then the pages are what was written last",
                 "output-unwritten"), (f"could not write {what}; the preview keeps running: free some space (or "
                                       "make the folder writable, or unlock the file) and save again")


def files_under(out: Path, prefix: str) -> dict[str, bytes]:
    """The files of `out` under `prefix` ("pagefind/": the search index `build.py` or an earlier preview made),
    path → bytes; links out of the folder refused, a file removed meanwhile left out."""
    files: dict[str, bytes] = {}
    for rel in tree.tree_files(out, prefix.rstrip("/")):
        data = _read(out / rel)
        if data is not None:
            files[rel] = data
    return files


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _marker(out: Path) -> Any:
    """The stat of `out`'s marker that tells another writer's visit (build.py rewrites it when it commits)."""
    try:
        info = os.stat(out / fs.MARKER)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def search_files(site: Mapping[str, bytes], base_path: str, stop: Callable[[], bool] | None = None,
                 part_pages: int = PART_PAGES, store: Any = None) -> dict[str, bytes]:
    """The Pagefind index of a site held in memory (path → bytes), in parts of about `part_pages` pages, those a
    `store` (search_parts.MemoryParts) holds not indexed again. Raises when Pagefind is missing or fails, and
    search.SearchCancelled when `stop()` says to give up (see search.build_index)."""
    from .search import build_index

    files = build_index(site, base_path, stop, part_pages=part_pages, store=store)
    assert all(data is not None for data in files.values())  # (a store in memory holds the bytes)
    return files  # type: ignore[return-value]


def write_changed(out: Path, outputs: Mapping[str, bytes], changed: tuple[str, ...]) -> tuple[int, int]:
    """Bring `out` from the previous outputs to `outputs`, touching only the `changed` paths: write each
    atomically (a temporary file and os.replace, as fs.write_outputs does) and delete the ones no longer
    produced. Used once fs.write_outputs has synced the folder. Returns (written, deleted). Every path is
    checked before any is touched: a refusal (fs.OutputError) leaves the folder as it was."""
    resolved = out.resolve()
    written = deleted = 0
    left = _LEFT.get(os.fspath(out))
    for rel, target in [(rel, _inside(out, resolved, rel)) for rel in changed]:
        if rel in outputs:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.dossier-tmp")
            try:
                tmp.write_bytes(outputs[rel])
                os.replace(tmp, target)
            except OSError as exc:  # (a full disk: no half-written file is left in the folder served, review 59)
                tmp.unlink(missing_ok=True)
                # (said of the page, not of the temporary file: review 74's locked page was ".index.html.dossier-tmp")
                raise OSError(exc.errno, exc.strerror, str(target)) from exc
            written += 1
            if left is not None:
                info = os.stat(target)
                left[rel] = fs.file_stamp(info)
        elif target.is_file():
            target.unlink()
            deleted += 1
            if left is not None:
                left.pop(rel, None)
            parent = target.parent
            while parent != out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return written, deleted


def _inside(out: Path, resolved: Path, rel: str) -> Path:
    """`out / rel`, refused (fs.OutputError) when it is not a place in `out`: an absolute path, "..", a backslash,
    an empty one, or a folder on the way (or the file itself) that is a symbolic link out of `out`."""
    target = fs.safe_rel(out, rel)
    if not target.resolve().is_relative_to(resolved):
        link, real = first_link(out, rel)
        raise fs.OutputError(f"refusing to write {rel}: {link} in the output folder is a symbolic link to "
                             f"{real}, outside the output folder; remove the link")
    return target
