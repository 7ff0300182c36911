"""A named pipe (FIFO) in the cache (`.dossier-cache/`) or at the output folder's record (`_site/.dossier-output`)
is read as a damaged file, never waited on (dossier/shell/regular.py): an `open()` of a FIFO waits for a writer,
and one put there hung `build.py`, `--check` and `--serve` for ever (review 163). Every build here runs under a
deadline, so that a regression fails instead of hanging the suite. The FIFOs are made in tmp_path."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from conftest import BUILDS, ROOT, mini
from dossier.core.pipeline import Options
from dossier.shell.cache import FOLDER
from dossier.shell.serve_preview import Preview
from dossier.shell.uptodate import recorded_outputs

SEED = "Talks resume in Washington\nThe minister said the talks would resume next week.\n"
ARTICLE = "seed: a.txt\ntitle: Talks resume\nsource: outlet-a\ndate: 2024-03-22\n"
DEADLINE = 60  # seconds: a build of this dossier takes one or two


def run(root: Path, *args: str):
    """`build.py --root ROOT --no-search ARGS`, killed (subprocess.TimeoutExpired) if it outlives DEADLINE."""
    return BUILDS.run(["--root", str(root), "--no-search", *args], ROOT, timeout=DEADLINE)


def site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".dossier-output"}


def built(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A dossier built once (its cache filled), then edited where no page changes (so the next build is not
    answered "up to date" and reads the cache); its site."""
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    first = run(root)
    assert first.returncode == 0, first.stderr
    (root / "content/articles/a.yaml").write_text(ARTICLE + "# an editor's comment\n", "utf-8")
    return root, site(root / "_site")


def fifo_at(root: Path, where: str) -> Path:
    """Make a FIFO at `where` (a glob under root: its first match is replaced, or the path itself is made)."""
    found = sorted(root.glob(where))
    path = found[0] if found else root / where
    assert found or "*" not in where, f"the first build left nothing at {where}"
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    return path


PLACES = [
    f"{FOLDER}/packs/evil.pack",    # a pack of its own
    f"{FOLDER}/packs/*.pack",       # in place of a pack the build wrote
    f"{FOLDER}/pages/*",            # the page index
    f"{FOLDER}/links/*",            # what the last link check found
    f"{FOLDER}/builds/*.txt",       # the entries a build used
    f"{FOLDER}/templates/*/*.cache",
    f"{FOLDER}/schemas/*/*.code",
    "_site/.dossier-output",        # the output folder's record
]


@pytest.mark.parametrize("where", PLACES)
def test_a_fifo_in_the_cache_or_at_the_output_record_is_a_damaged_file_and_the_site_is_the_same(tmp_path, where):
    root, before = built(tmp_path)
    fifo = fifo_at(root, where)
    result = run(root)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert site(root / "_site") == before
    assert (root / "_site/.dossier-output").is_file()  # (a record rewritten whole: the FIFO replaced)
    if where.startswith("_site/"):
        assert "up to date" not in result.stdout  # (no record: every file compared, as after a damaged one)
        assert set(recorded_outputs(root / "_site")) == set(before)  # (and recorded again, whole)
    if "/packs/" in where:
        assert not fifo.exists()  # (a pack that is no pack holds no entry: pruned)


@pytest.mark.parametrize("where", [f"{FOLDER}/packs/*.pack", f"{FOLDER}/builds/*.txt", f"{FOLDER}/templates/*/*.cache"])
def test_a_fifo_in_the_cache_does_not_hang_a_check(tmp_path, where):
    root, _ = built(tmp_path)
    fifo_at(root, where)
    result = run(root, "--check")
    assert result.returncode == 0 and "check passed" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("where", [f"{FOLDER}/packs/*.pack", f"{FOLDER}/pages/*", "_site/.dossier-output"])
def test_a_fifo_in_the_cache_or_at_the_output_record_does_not_hang_the_preview(tmp_path, where):
    root, before = built(tmp_path)
    fifo = fifo_at(root, where)
    log, made = io.StringIO(), []

    def first_build() -> None:  # (all of it in the thread: making the preview reads the cache already)
        preview = Preview(root, root / "_site", Options(), stream=log, search=False)
        made.append(preview)
        with preview.cond:
            preview.generations.changed()
            started = preview.generations.start()
        preview.rebuild(frozenset(["(start)"]), started)

    builder = threading.Thread(target=first_build, daemon=True)
    builder.start()
    builder.join(DEADLINE)
    if builder.is_alive():  # (waiting on the FIFO: a writer that opens and closes it lets the thread go)
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        builder.join(DEADLINE)
        pytest.fail(f"the preview's build waited on the FIFO at {where}:\n{log.getvalue()}")
    (preview,) = made
    assert preview.status.state == "ok" and "Traceback" not in log.getvalue(), log.getvalue()
    assert site(root / "_site") == before
