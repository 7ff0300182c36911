"""A save costs the live preview a few stats, not a walk of the dossier: the kernel's events name the files
(notify.py `take`), the watcher stamps only those (serve_files.restamp, which must agree with a whole snapshot),
and the next read walks no folder in which only known files changed (reads.py, `Reads(noted=True)`), while giving
exactly the inputs a plain read gives. Real inotify, real files."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from dossier.shell.fs import Reads, read_inputs
from dossier.shell.notify import open_wakeup
from dossier.shell.serve_files import restamp, restamp_bases, snapshot

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")

ARTICLE = "seed: a.txt\ntitle: A headline\nsource: outlet-a\ndate: 2024-03-22\nannotations: []\n"
FILES = {"seeds/a.txt": "Headline\nThe minister said the plan would go ahead on Monday.\n",
         "seeds/b.txt": "Other\nA second text.\n", "content/articles/a.yaml": ARTICLE}
WALKS = 7   # folders a read walks: site.yaml, seeds, content, templates and static of the dossier, and the
#             project's templates and static


def settled(wakeup) -> frozenset[str] | None:
    """Wait for the first event, then for the events that follow it closely; what they named."""
    assert wakeup.wait(10) is True
    return _more(wakeup, wakeup.take())


def _more(wakeup, named: frozenset[str] | None) -> frozenset[str] | None:
    while wakeup.wait(0.1):
        more = wakeup.take()
        named = None if named is None or more is None else named | more
    return named


@linux
def test_the_events_name_the_files_written_removed_and_saved_over(wakeup, tmp_path):
    root = tmp_path.resolve()
    article = root / "content/articles/a.yaml"
    article.write_text("x", "utf-8")
    assert settled(wakeup) == {str(article)}
    assert wakeup.take() == frozenset()                       # taken once
    tmp = root / "content/articles/.a.yaml.tmp"               # an editor's save: a new file renamed over the old
    tmp.write_text("y", "utf-8")
    os.replace(tmp, article)
    assert str(article) in settled(wakeup)
    article.unlink()
    assert settled(wakeup) == {str(article)}


@linux
def test_an_event_that_names_no_file_asks_for_a_scan_of_everything(wakeup, tmp_path):
    (tmp_path / "content/comparisons").mkdir()
    (tmp_path / "seeds/a.txt").write_text("x", "utf-8")
    assert wakeup.wait(10) is True
    assert _more(wakeup, wakeup.take()) is None               # a folder made: no list of files can say it
    (tmp_path / "content/comparisons/c.yaml").write_text("x", "utf-8")   # ...and the new folder is watched
    assert settled(wakeup) == {str((tmp_path / "content/comparisons/c.yaml").resolve())}


def _mini(tmp_path: Path) -> Path:
    for rel, text in {**FILES, "site.yaml": "title: T\n", "notes.txt": "not read\n"}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, "utf-8")
    return tmp_path.resolve()


def test_restamping_the_named_files_gives_the_snapshot_a_scan_gives(tmp_path):
    root = _mini(tmp_path)
    stamps = snapshot(root)
    (root / "seeds/a.txt").write_text("Headline\nEdited to another length.\n", "utf-8")
    (root / "seeds/b.txt").unlink()
    (root / "seeds/c.txt").write_text("new\n", "utf-8")
    (root / "seeds/.c.txt.swp").write_text("junk\n", "utf-8")      # editors' junk: never in a snapshot
    (root / "notes.txt").write_text("changed, but not a file a build reads\n", "utf-8")
    (root / "site.yaml").write_text("title: Another title\n", "utf-8")
    (root / "seeds/evidence").mkdir()
    (root / "seeds/evidence/page.warc.gz").write_bytes(b"raw")       # what --add keeps: no build reads it
    named = [str(root / rel) for rel in ("seeds/a.txt", "seeds/b.txt", "seeds/c.txt", "seeds/.c.txt.swp",
                                         "notes.txt", "site.yaml", "content/articles/a.yaml", "seeds/gone.txt",
                                         "seeds/evidence/page.warc.gz")]
    again = restamp(stamps, named, restamp_bases(root))
    assert again == snapshot(root)
    assert again != stamps and str(root / "seeds/c.txt") in again and str(root / "seeds/b.txt") not in again


def test_a_named_folder_or_link_is_left_to_a_scan_of_everything(tmp_path):
    root = _mini(tmp_path)
    stamps, bases = snapshot(root), restamp_bases(root)
    (root / "content/comparisons").mkdir()
    assert restamp(stamps, [str(root / "content/comparisons")], bases) is None
    (root / "seeds/link.txt").symlink_to(root / "seeds/a.txt")
    assert restamp(stamps, [str(root / "seeds/link.txt")], bases) is None
    assert restamp(stamps, [str(root / "seeds/a.txt")], bases) == stamps   # (nothing else was named)
    (root / "static").symlink_to(root / "content", target_is_directory=True)  # a watched folder that is a link
    assert restamp_bases(root) is None


def test_a_noted_read_walks_only_where_something_was_added_removed_or_linked(tmp_path):
    root = _mini(tmp_path)
    reads = Reads(noted=True)
    assert read_inputs(root, reads) == read_inputs(root) and reads.walked == WALKS
    seed = root / "seeds/a.txt"
    seed.write_text("Headline\nEdited to another length.\n", "utf-8")
    reads.note([str(seed)])
    again = read_inputs(root, reads)
    assert again == read_inputs(root) and reads.walked == 0
    assert again.files["seeds/a.txt"] == b"Headline\nEdited to another length.\n"
    (root / "seeds/c.txt").write_text("new\n", "utf-8")
    reads.note([str(root / "seeds/c.txt")])
    assert read_inputs(root, reads) == read_inputs(root) and reads.walked == 1          # seeds/ alone
    (root / "seeds/b.txt").unlink()
    (root / "seeds/b.txt").symlink_to(root / "seeds/c.txt")        # a file turned into a link: walked again
    reads.note([str(root / "seeds/b.txt")])
    assert read_inputs(root, reads) == read_inputs(root) and reads.walked == 1


def test_a_change_not_noted_is_not_seen_until_it_is(tmp_path):
    """The contract with the watcher (every change is noted); and without `noted`, every read walks."""
    root = _mini(tmp_path)
    reads, plain = Reads(noted=True), Reads()
    read_inputs(root, reads), read_inputs(root, plain)
    (root / "seeds/a.txt").write_text("Headline\nUnseen until noted.\n", "utf-8")
    assert read_inputs(root, reads).files["seeds/a.txt"] == FILES["seeds/a.txt"].encode()
    assert read_inputs(root, plain).files["seeds/a.txt"] == b"Headline\nUnseen until noted.\n"
    assert plain.walked == WALKS
    reads.note([str(root / "seeds/a.txt")])
    assert read_inputs(root, reads).files["seeds/a.txt"] == b"Headline\nUnseen until noted.\n"


def test_a_read_that_did_not_finish_leaves_every_folder_to_walk(tmp_path):
    root = _mini(tmp_path)
    reads = Reads(noted=True)
    read_inputs(root, reads)
    reads.begin()                      # (as a read that failed half-way would leave it)
    assert read_inputs(root, reads) == read_inputs(root) and reads.walked == WALKS


@linux
def test_while_a_build_runs_the_poller_answers_events_and_puts_its_fallback_scan_off(tmp_path):
    """The fallback scan finds what the kernel's watches miss (here: seeds/ is left unwatched), but beside a
    build a scan of 5,000 files took seconds, during which a save's event waited: it waits for the build."""
    import threading

    from dossier.shell.poller import Poller

    root = _mini(tmp_path)
    wakeup = open_wakeup([str(root / "content")], [str(root)])
    assert wakeup is not None and wakeup.complete
    building, stopping, reported = threading.Event(), threading.Event(), []
    building.set()
    poller = Poller(root, 0.05, wakeup, stopping, lambda changes: reported.extend(changes.paths),
                    idle=lambda: not building.is_set())
    thread = threading.Thread(target=poller.run, args=(snapshot(root),), daemon=True)
    thread.start()
    try:
        (root / "seeds/a.txt").write_text("Headline\nSeen by a scan only.\n", "utf-8")   # unwatched
        (root / "content/articles/a.yaml").write_text(ARTICLE + "# saved\n", "utf-8")       # watched
        deadline = time.monotonic() + 10
        while str(root / "content/articles/a.yaml") not in reported:
            assert time.monotonic() < deadline, "the event was not answered during the build"
            time.sleep(0.02)
        time.sleep(2.5)                        # more than FALLBACK: no scan while building
        assert str(root / "seeds/a.txt") not in reported
        building.clear()
        while str(root / "seeds/a.txt") not in reported:
            assert time.monotonic() < deadline, "the fallback scan did not come once the build ended"
            time.sleep(0.02)
    finally:
        stopping.set()
        wakeup.interrupt()
        thread.join(5)
        wakeup.close()
