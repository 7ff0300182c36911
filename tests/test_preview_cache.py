"""The live preview's first build with the command line's cache behind its memo (core/common/memo.py `backing`,
shell/cache.py): a preview started on a dossier built before reads every file's and article's work back and
takes every page from the output folder whose digest is the page index's, instead of redoing them; what it
computes is kept for the next build; after its first good build the memo alone serves the saves. Always the
same site as a build from nothing. On a copy of the default dossier."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import ROOT, run_build
from dossier.core.common.memo import Memo
from dossier.core.pipeline import Options, build_site
from dossier.shell.cache import FOLDER, Cache
from dossier.shell.readback import ReadBack, read_regular
from dossier.shell.fs import read_inputs
from dossier.shell.serve_preview import Preview
from dossier.shell.uptodate import forget, recorded_outputs

ARTICLE = "content/articles/jpost-go-it-alone.yaml"


def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    root.mkdir()
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, root / name)
    return root


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def start(root: Path) -> tuple[Preview, object]:
    """A preview (no search) and its backing store, after its first build."""
    preview = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False)
    backing = preview.memo.backing
    build(preview, "(start)")
    return preview, backing


def build(preview: Preview, what: str) -> None:
    with preview.cond:
        preview.generations.changed()
        started = preview.generations.start()
    preview.rebuild(frozenset([what]), started)


def cli(root: Path) -> dict[str, bytes]:
    done = run_build(root, "--no-search")
    assert done.returncode == 0, done.stdout + done.stderr
    return files(root / "_site")


def test_a_preview_started_after_a_build_reads_its_work_back_and_renders_no_page(tmp_path):
    root = dossier(tmp_path)
    built = cli(root)
    preview, backing = start(root)
    assert preview.status.state == "ok", preview.stream.getvalue()
    assert sum(backing.hits.values()) > 0 and sum(backing.misses.values()) == 0
    assert preview.memo.hits["page"] > 50 and preview.memo.misses["page"] == 0
    assert files(root / "_site") == built
    assert preview.memo.backing is None  # (let go after the first good build)


def test_a_page_changed_on_disk_is_not_taken_back_but_rendered_again(tmp_path):
    root = dossier(tmp_path)
    built = cli(root)
    page = root / "_site" / "articles" / "jpost-go-it-alone" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</main>", b"<p>changed by hand</p></main>"))
    preview, _ = start(root)
    assert preview.memo.misses["page"] == 1
    assert files(root / "_site") == built


def test_a_damaged_cache_is_only_misses_and_the_site_is_the_same(tmp_path):
    root = dossier(tmp_path)
    built = cli(root)
    packs = sorted((root / FOLDER / "packs").iterdir())
    assert packs
    for pack in packs:
        data = bytearray(pack.read_bytes())
        data[len(data) // 3] ^= 0xFF
        pack.write_bytes(bytes(data))
    preview, backing = start(root)
    assert sum(backing.misses.values()) > 0
    assert files(root / "_site") == built


def test_the_first_preview_keeps_its_work_for_the_next_build(tmp_path):
    root = dossier(tmp_path)
    preview, backing = start(root)
    assert sum(backing.hits.values()) == 0 and sum(backing.misses.values()) > 0  # (nothing built before)
    cache = Cache(root, stage=ReadBack(root / "_site"))
    memo = Memo(backing=cache)
    memo.begin()
    result = build_site(read_inputs(root), Options(), memo)
    assert result.ok and sum(cache.misses.values()) == 0 and sum(cache.hits.values()) == sum(backing.misses.values())
    assert memo.misses["page"] == 0 and memo.hits["page"] == preview.memo.misses["page"]


def test_saves_after_the_first_good_build_leave_the_cache_alone(tmp_path):
    root = dossier(tmp_path)
    preview, _ = start(root)
    before = files(root / FOLDER)
    path = root / ARTICLE
    path.write_text(path.read_text("utf-8").replace("note: ", "note: Edited here. ", 1), "utf-8")
    build(preview, ARTICLE)
    assert preview.status.state == "ok"
    assert b"Edited here." in (root / "_site" / "articles" / "jpost-go-it-alone" / "index.html").read_bytes()
    assert files(root / FOLDER) == before


def test_a_failed_first_build_keeps_the_backing_until_a_good_one(tmp_path):
    root = dossier(tmp_path)
    path = root / ARTICLE
    good = path.read_text("utf-8")
    path.write_text(good + "stray: [\n", "utf-8")
    preview, backing = start(root)
    assert preview.status.state == "failed"
    assert preview.memo.backing is backing and not (root / FOLDER / "builds").exists()
    path.write_text(good, "utf-8")
    build(preview, ARTICLE)
    assert preview.status.state == "ok" and preview.memo.backing is None
    assert len(list((root / FOLDER / "builds").glob("*.txt"))) == 1  # (what it used, listed by `finish`)


def search_index(out: Path) -> dict[str, bytes]:
    return {rel: data for rel, data in files(out).items() if rel.startswith("pagefind/")}


def wait_for(condition, timeout: float = 60.0) -> None:
    import time

    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def serving(root: Path, monkeypatch, idle: float, search: bool = True) -> tuple[Preview, io.StringIO]:
    """A started preview of `root` (its log) that indexes for search `idle` seconds after a publish."""
    from dossier.shell import serve_index

    monkeypatch.setattr(serve_index, "SEARCH_IDLE_SECONDS", idle)
    log = io.StringIO()
    preview = Preview(root, root / "_site", Options(), stream=log, search=search)
    preview.start()
    return preview, log


def test_a_preview_started_after_a_build_makes_no_search_part_again(tmp_path, monkeypatch):
    from dossier.shell.cli import main

    root = dossier(tmp_path)
    assert main(["--root", str(root)]) == 0
    before = search_index(root / "_site")
    preview, log = serving(root, monkeypatch, 0.2)
    try:
        wait_for(lambda: "search index:" in log.getvalue())
        assert preview.search_parts.made == 0, log.getvalue()  # (its pages are the build's: its part is kept)
        assert search_index(root / "_site") == before
    finally:
        preview.stop()


def test_the_command_line_after_a_preview_makes_no_search_part_again(tmp_path, monkeypatch):
    from dossier.shell.cli import main

    root = dossier(tmp_path)
    assert main(["--root", str(root)]) == 0
    before = search_index(root / "_site")
    preview, _ = serving(root, monkeypatch, 60.0)  # (stopped before it makes its own index)
    try:  # its first publish keeps the record's digests of the output files, trusted while their stat holds
        wait_for(lambda: preview.status.published == 1)
    finally:
        preview.stop()
    assert recorded_outputs(root / "_site")
    made: list[str] = []
    keep = Cache.keep_search_part
    monkeypatch.setattr(Cache, "keep_search_part", lambda self, key, files: (made.append(key), keep(self, key, files)))
    assert main(["--root", str(root)]) == 0
    assert made == [] and search_index(root / "_site") == before
    forget(root / "_site")  # an output folder without a record: each kept part's files are read and checked
    assert main(["--root", str(root)]) == 0
    assert made == [] and search_index(root / "_site") == before
    index = root / "_site" / "pagefind" / "pagefind-entry.json"
    index.write_bytes(index.read_bytes() + b" ")  # a file that is not what the part made: the part is made again
    assert main(["--root", str(root)]) == 0
    assert len(made) == 1 and search_index(root / "_site") == before


def test_a_search_part_is_recalled_only_when_every_file_is_what_it_made(tmp_path):
    from dossier.shell.cli import main
    from dossier.shell.search_parts import MemoryParts

    root = dossier(tmp_path)
    assert main(["--root", str(root)]) == 0
    known = Cache(root, stage=ReadBack(root / "_site")).search_parts()
    index = search_index(root / "_site")
    assert known and MemoryParts().recall(known, index) == len(known)
    for rel in sorted(rel for listed in known.values() for rel, _ in listed)[:3]:
        changed = dict(index)
        changed[rel] += b" "
        assert MemoryParts().recall(known, changed) == len(known) - 1
        assert MemoryParts().recall(known, {p: b for p, b in index.items() if p != rel}) == len(known) - 1


def test_only_a_regular_file_is_read_back(tmp_path):
    import os

    (tmp_path / "page.html").write_bytes(b"<p>kept</p>")
    os.mkfifo(tmp_path / "fifo.html")
    (tmp_path / "link.html").symlink_to(tmp_path / "page.html")
    (tmp_path / "folder.html").mkdir()
    assert read_regular(tmp_path / "page.html") == b"<p>kept</p>"
    for name in ("fifo.html", "link.html", "folder.html", "missing.html"):
        assert read_regular(tmp_path / name) is None  # (a FIFO returns at once: never opened for a blocking read)


def test_a_fifo_where_a_page_was_neither_blocks_the_preview_nor_the_build(tmp_path):
    import os

    root = dossier(tmp_path)
    built = cli(root)
    page = root / "_site" / "articles" / "jpost-go-it-alone" / "index.html"
    page.unlink()
    os.mkfifo(page)
    preview, _ = start(root)
    assert preview.status.state == "ok" and preview.memo.misses["page"] == 1
    assert files(root / "_site") == built
    entry = root / "_site" / "pagefind" / "pagefind-entry.json"
    from dossier.shell.cli import main

    assert main(["--root", str(root)]) == 0
    full = search_index(root / "_site")
    entry.unlink()
    os.mkfifo(entry)
    forget(root / "_site")
    assert main(["--root", str(root)]) == 0  # (the part is made again: its file is not read back)
    assert search_index(root / "_site") == full


def test_a_damaged_list_of_used_entries_does_not_fail_the_build(tmp_path):
    root = dossier(tmp_path)
    cli(root)
    (root / FOLDER / "builds" / "99999999999999999999-1.txt").write_bytes(b"\xff\xfe not ascii")
    preview, backing = start(root)
    assert preview.status.state == "ok" and preview.memo.backing is None
    assert "Traceback" not in preview.stream.getvalue()
    assert backing.finish() == 0  # (what it lists cannot be read: nothing pruned this time, nothing raised)


def test_what_a_preview_made_last_is_not_made_again_by_the_next_build(tmp_path, monkeypatch):
    from dossier.shell.cli import main

    root = dossier(tmp_path)
    assert main(["--root", str(root)]) == 0
    preview, log = serving(root, monkeypatch, 0.2)
    try:
        wait_for(lambda: "search index:" in log.getvalue())
        path = root / ARTICLE
        path.write_text(path.read_text("utf-8").replace("note: ", "note: Edited here. ", 1), "utf-8")
        wait_for(lambda: log.getvalue().count("search index:") == 2)
        assert preview.search_parts.made == 1  # (the part of the edited article's pages)
    finally:
        preview.stop()
    site = files(root / "_site")
    made: list[str] = []
    rendered: list[str] = []
    keep_part, keep_pages = Cache.keep_search_part, Cache.keep_pages
    monkeypatch.setattr(Cache, "keep_search_part", lambda self, key, f: (made.append(key), keep_part(self, key, f)))
    monkeypatch.setattr(Cache, "keep_pages", lambda self, new, used: (rendered.extend(new), keep_pages(self, new, used)))
    assert main(["--root", str(root)]) == 0
    assert made == [] and rendered == []  # (every page and part the preview left is taken as it is)
    assert files(root / "_site") == site
    cold = tmp_path / "cold"
    shutil.rmtree(root / FOLDER)
    assert main(["--root", str(root), "--out", str(cold)]) == 0
    assert files(cold) == site  # (and it is what a build from nothing makes)


def test_a_failure_to_keep_the_last_pages_never_fails_stopping(tmp_path, monkeypatch):
    from dossier.shell import serve_preview

    def broken(*args):
        raise OSError("disk full")

    root = dossier(tmp_path)
    monkeypatch.setattr(serve_preview, "keep_for_next_build", broken)
    log = io.StringIO()
    preview = Preview(root, root / "_site", Options(), stream=log, search=False)
    preview.start()
    wait_for(lambda: preview.status.published == 1)
    preview.stop()
    assert "not kept for the next build: disk full" in log.getvalue()


def test_keeping_at_stop_ages_nothing_it_was_given(tmp_path):
    from dossier.shell.preview_keep import keep_for_next_build
    from dossier.shell.search_parts import MemoryParts

    root = dossier(tmp_path)
    cli(root)
    memo = Memo(backing=Cache(root, stage=ReadBack(root / "_site")))
    memo.begin()
    assert build_site(read_inputs(root), Options(), memo).ok
    pages = memo.pages(memo.build)  # (every page, each read back: the page index knows them all)
    assert len(pages) > 50
    for i in range(4):  # each write counts as a build of the page index, which drops what 3 builds did not use
        assert keep_for_next_build(root, root / "_site", pages + [(f"new-{i}", (b"<p>new</p>", None))], MemoryParts()) == 1
    cache = Cache(root, stage=ReadBack(root / "_site"))
    assert all(cache.knows(key) for key, _ in pages) and cache.knows("new-3")


def test_keeping_at_stop_leaves_the_link_check_alone(tmp_path, monkeypatch):
    """No link check follows the keeping at stop: the last build's is not read back (that was wasted work)."""
    from dossier.core.execute import linkcheck
    from dossier.shell.preview_keep import keep_for_next_build
    from dossier.shell.search_parts import MemoryParts

    root = dossier(tmp_path)
    cli(root)
    recalled: list = []
    monkeypatch.setattr(linkcheck, "recall", recalled.append)
    assert keep_for_next_build(root, root / "_site", [("new", (b"<p>new</p>", None))], MemoryParts()) == 1
    assert recalled == []
    Cache(root, stage=ReadBack(root / "_site"))            # a build's cache does read it back
    assert len(recalled) == 1 and recalled[0].paths


def test_a_failed_last_build_still_leaves_the_published_pages(tmp_path, monkeypatch):
    from dossier.shell.cli import main

    root = dossier(tmp_path)
    cli(root)
    preview, log = serving(root, monkeypatch, 600.0, search=False)
    try:
        wait_for(lambda: preview.status.published == 1)
        path = root / ARTICLE
        path.write_text(path.read_text("utf-8").replace("note: ", "note: Edited here. ", 1), "utf-8")
        wait_for(lambda: log.getvalue().count(": built ") == 2)  # (the first build's, then the edit's)
        site = root / "site.yaml"
        site.write_text(site.read_text("utf-8") + "stray: [\n", "utf-8")
        wait_for(lambda: "build failed" in log.getvalue())
    finally:
        preview.stop()
    site.write_text(site.read_text("utf-8").replace("stray: [\n", ""), "utf-8")
    rendered: list[str] = []
    keep_pages = Cache.keep_pages
    monkeypatch.setattr(Cache, "keep_pages", lambda self, new, used: (rendered.extend(new), keep_pages(self, new, used)))
    assert main(["--root", str(root), "--no-search"]) == 0
    assert rendered == []  # (the edited article's pages, on disk since the last publish, are taken as they are)


def test_stopping_stops_a_build_under_way_so_that_its_pages_can_be_kept(tmp_path, monkeypatch):
    from dossier.shell import serve_index, serve_preview

    real, calls = serve_preview.build_site, []

    def slow(inputs, options, memo, first=None, cancelled=None):
        calls.append(1)
        wait_for(cancelled, timeout=20)  # (a build that takes long: it goes on until it is told to stop)
        return real(inputs, options, memo, first=first, cancelled=cancelled)

    root = dossier(tmp_path)
    monkeypatch.setattr(serve_preview, "build_site", slow)
    preview = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False)
    preview.start()
    wait_for(lambda: calls)
    preview.stop()
    assert not any(thread.is_alive() for thread in preview.threads)  # (so what it published can be kept)
