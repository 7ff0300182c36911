"""The live preview's watcher is woken by the kernel (dossier/shell/notify.py, Linux inotify): a save is scanned
for at once instead of at the next poll, and the slow fallback scan still runs. Real inotify, real files."""

from __future__ import annotations

import io
import sys
import threading
import time
from pathlib import Path

import pytest

from dossier.core.pipeline import Options
from dossier.shell.notify import open_wakeup
from dossier.shell.serve_preview import Preview

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")

ARTICLE = "seed: a.txt\ntitle: A headline\nsource: outlet-a\ndate: 2024-03-22\nannotations: []\n"
FILES = {"seeds/a.txt": "Headline\nThe minister said the plan would go ahead on Monday.\n",
         "content/articles/a.yaml": ARTICLE}


def test_nothing_changed_is_a_timeout(wakeup):
    assert wakeup.wait(0.2) is False


def test_a_file_written_in_a_watched_folder_wakes_it(wakeup, tmp_path):
    (tmp_path / "content/articles/a.yaml").write_text("x", "utf-8")
    assert wakeup.wait(10) is True
    assert wakeup.wait(0.2) is False  # the events were read: one save wakes it once


def test_site_yaml_in_the_root_wakes_it(wakeup, tmp_path):
    (tmp_path / "site.yaml").write_text("title: T\n", "utf-8")
    assert wakeup.wait(10) is True


def test_folders_made_after_it_started_are_watched_too(wakeup, tmp_path):
    (tmp_path / "content/comparisons").mkdir()
    assert wakeup.wait(10) is True          # the folder itself, made inside a watched one
    (tmp_path / "static").mkdir()          # a watched folder that did not exist: made in the root
    assert wakeup.wait(10) is True
    for path in (tmp_path / "content/comparisons/c.yaml", tmp_path / "static/x.css"):
        path.write_text("x", "utf-8")
        assert wakeup.wait(10) is True, path
        assert wakeup.wait(0.1) is False


def test_a_folder_removed_and_made_again_is_watched_again(wakeup, tmp_path):
    folder = tmp_path / "content/articles"
    folder.rmdir()
    folder.mkdir()
    while wakeup.wait(0.2):
        pass
    (folder / "b.yaml").write_text("x", "utf-8")
    assert wakeup.wait(10) is True


def test_interrupt_ends_a_wait_at_once(wakeup):
    threading.Timer(0.1, wakeup.interrupt).start()
    started = time.monotonic()
    assert wakeup.wait(30) is False
    assert time.monotonic() - started < 20


def test_the_preview_builds_a_save_long_before_its_next_scan_would(mini_dossier):
    """With scans 60 s apart, only the kernel's wake-up can have the save built in time; and its events name
    the file, so the read walks no folder (shell/reads.py, tests/test_named_changes.py)."""
    root = mini_dossier(FILES)
    preview = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False, poll=60.0)
    preview.start()
    try:
        deadline = time.monotonic() + 30
        while preview.status.published < 1:
            assert time.monotonic() < deadline, "the first build did not come"
            time.sleep(0.02)
        time.sleep(0.2)
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("A headline", "Woken headline"), "utf-8")
        page = root / "_site/articles/a/index.html"
        while "Woken headline" not in page.read_text("utf-8"):
            assert time.monotonic() < deadline, "the save was not noticed before the next scan"
            time.sleep(0.02)
        assert preview.reads.walked == 0
    finally:
        preview.stop()
    assert not any(t.is_alive() for t in preview.threads)  # the waiting poller stops at once


def test_a_folder_the_kernel_will_not_watch_makes_it_incomplete(tmp_path):
    """Past fs.inotify.max_user_watches the kernel refuses a watch: the preview then scans as often as it does
    without inotify (serve_preview), instead of once a second. The refusal is played by a libc that refuses."""
    import os

    from dossier.shell.notify import Wakeup

    class Refusing:
        def inotify_add_watch(self, fd: int, path: bytes, mask: int) -> int:
            return -1

    (tmp_path / "content").mkdir()
    fd = os.open(os.devnull, os.O_RDONLY)
    refused = Wakeup(Refusing(), fd, [str(tmp_path / "content")], [str(tmp_path)])
    try:
        assert refused.complete is False
    finally:
        refused.close()
    real = open_wakeup([str(tmp_path / "content")], [str(tmp_path)])
    try:
        assert real is not None and real.complete is True
    finally:
        real.close()


def test_a_file_written_in_pieces_is_being_written_until_it_is_closed(wakeup, tmp_path):
    """Review 74: a file written in pieces with pauses (a slow disk, a sync client) was built half written."""
    path = tmp_path / "content/articles/a.yaml"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("title: half")
        handle.flush()
        assert wakeup.wait(10) is True
        now = time.monotonic()
        assert wakeup.writing(now, 2.0) is not None          # written, not closed
        assert wakeup.writing(now + 2.5, 2.0) is None        # a writer stalled that long is taken to have finished
        handle.write(" and the rest\n")
        handle.flush()
        assert wakeup.wait(10) is True
    while wakeup.wait(0.2):
        pass
    assert wakeup.writing(time.monotonic(), 2.0) is None     # closed
    (tmp_path / "content/articles/.a.yaml.swp").write_text("x", "utf-8")  # (an editor's swap file is no article)
    swap = open(tmp_path / "content/articles/.b.yaml.swp", "w")
    try:
        swap.write("x")
        swap.flush()
        wakeup.wait(10)
        assert wakeup.writing(time.monotonic(), 2.0) is None  # (vim keeps its swap file open while editing)
    finally:
        swap.close()


def test_the_preview_waits_for_a_file_written_in_pieces_to_be_closed(mini_dossier):
    root = mini_dossier(FILES)
    preview = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False, poll=60.0)
    preview.start()
    page = root / "_site/articles/a/index.html"
    try:
        deadline = time.monotonic() + 30
        while preview.status.published < 1:
            assert time.monotonic() < deadline, "the first build did not come"
            time.sleep(0.02)
        seen = set()
        text = ARTICLE.replace("A headline", "Written in pieces")
        with open(root / "content/articles/a.yaml", "w", encoding="utf-8") as handle:
            for at in range(0, len(text), 20):   # 20 bytes every 0.3 s: each pause ten times the preview's quiet
                handle.write(text[at:at + 20])
                handle.flush()
                time.sleep(0.3)
                seen.add(preview.status.state)
                seen.add("published" if "Written in pieces" in page.read_text("utf-8") else "old")
        while "Written in pieces" not in page.read_text("utf-8"):
            assert time.monotonic() < deadline, "the file closed was not built"
            time.sleep(0.02)
        assert "failed" not in seen and "published" not in seen  # (no half file built, no error shown for it)
    finally:
        preview.stop()


def test_a_link_made_in_a_watched_folder_is_no_file_being_written(wakeup, tmp_path):
    """Review 76: a link made (hard or symbolic) is "created" and never "closed": it held every build back 2 s."""
    import os

    target = tmp_path / "elsewhere.yaml"
    target.write_text("title: x\n", "utf-8")
    os.symlink(target, tmp_path / "content/articles/a.yaml")
    os.link(target, tmp_path / "content/articles/b.yaml")
    while wakeup.wait(0.2):
        pass
    assert wakeup.writing(time.monotonic(), 2.0) is None
