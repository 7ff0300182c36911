"""The live preview's watch → build → publish loop (dossier/shell/serve.py), run in-process on a mini dossier:
builds are called directly (no threads) except in the last tests, which run the poller and builder threads.
The real server and browser are in test_serve_process.py and test_browser_preview.py."""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from dossier.shell import fs, serve_index
from dossier.shell import serve_preview as serve_module
from dossier.core.pipeline import Options
from dossier.shell.serve_files import snapshot, write_changed
from dossier.shell.crash import crash_problem
from dossier.shell.serve_preview import Preview

ARTICLE = """\
seed: a.txt
title: A headline
source: outlet-a
date: 2024-03-22
annotations:
  - id: plan
    quote: the plan would go ahead
    note: First note.
"""
FILES = {
    "seeds/a.txt": "Headline\nShare this\nThe minister said the plan would go ahead on Monday.\n"
                   "Critics said the plan was rushed.\n",
    "content/articles/a.yaml": ARTICLE,
}


class Preview_(Preview):
    """A Preview whose reloads are recorded and whose builds are started by hand."""

    def __init__(self, root: Path, **kwargs) -> None:
        self.reloads: list[str] = []
        self.log = io.StringIO()
        kwargs.setdefault("search", False)
        super().__init__(root, root / "_site", Options(), reload=self.reloads.append, stream=self.log, **kwargs)

    def build_now(self, what: str = "content/articles/a.yaml") -> None:
        with self.cond:
            self.generations.changed()
            started = self.generations.start()
        self.rebuild(frozenset([what]), started)


@pytest.fixture
def root(mini_dossier) -> Path:
    return mini_dossier(FILES)


@pytest.fixture
def preview(root) -> Preview_:
    p = Preview_(root)
    p.build_now("(start)")
    assert p.status.state == "ok", p.log.getvalue()
    repaired()  # (its check of the output folder, in a thread of its own, is over before a test touches it)
    return p


def repaired() -> None:
    """Wait until no thread of the preview is checking the output folder for files changed by hand."""
    deadline = time.monotonic() + 30
    while any(t.name == "dossier-repair" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the preview's check of its output folder never ended"
        time.sleep(0.01)


def page(root: Path) -> str:
    return (root / "_site" / "articles" / "a" / "index.html").read_text("utf-8")


def test_the_first_build_publishes_the_site_and_reloads_open_pages(preview, root):
    assert "First note." in page(root)
    assert preview.status.published == 1 and preview.status.has_site
    assert preview.reloads == ["/index.html"]
    assert "first build: built" in preview.log.getvalue()


def test_an_edit_is_rebuilt_and_only_changed_files_are_rewritten(preview, root):
    css = root / "_site" / "static" / "dossier.css"
    before = css.stat().st_mtime_ns
    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Second note."), "utf-8")
    preview.build_now()
    assert "Second note." in page(root)
    assert css.stat().st_mtime_ns == before
    # Two writes: the edited article's pages first (execute/first.py), then the rest of the site
    assert preview.status.published == 3
    assert preview.reloads == ["/index.html", "/__dossier/changed/2", "/__dossier/changed/3"]
    log = preview.log.getvalue()
    assert log.index("content/articles/a.yaml: its page(s) shown after") < log.index("content/articles/a.yaml: built")
    # The page shown first is the complete build's: a browser that read it at write 2 does not reload at 3
    assert preview.status.stale(1, "articles/a/index.html")
    assert not preview.status.stale(2, "articles/a/index.html") and preview.status.stale(2, "articles/a/article.json")
    assert not preview.status.stale(2, "dossier.json")  # (the index lists the article's metadata, not its notes)


def test_the_edited_pages_are_shown_before_the_rest_of_the_build_runs(preview, root, monkeypatch):
    import dossier.core.execute.execute as execute_module
    seen = []
    real = execute_module.execute

    def execute(*args, **kwargs):  # the whole site's rendering starts: what is on disk by then?
        seen.append(page(root))
        return real(*args, **kwargs)

    monkeypatch.setattr(execute_module, "execute", execute)
    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Early note."), "utf-8")
    preview.build_now()
    assert len(seen) == 1 and "Early note." in seen[0]


def test_a_failed_build_takes_back_the_pages_it_showed_first(preview, root):
    good = page(root)
    # A note that links to an id its article's page does not have: loading and analysis are fine, so the page
    # is shown first; the link check of the whole build then fails it.
    (root / "content/articles/a.yaml").write_text(
        ARTICLE.replace("First note.", "See [this](/articles/a/#nowhere)."), "utf-8")
    preview.build_now()
    assert preview.status.state == "failed", preview.log.getvalue()
    assert "its page(s) shown after" in preview.log.getvalue()
    assert page(root) == good and preview.reloads[-1] == "/index.html"
    assert preview.status.stale(preview.status.published - 1, "articles/a/index.html")


def test_an_edit_of_a_file_that_owns_many_pages_is_not_shown_first(preview, root):
    (root / "site.yaml").write_text((root / "site.yaml").read_text("utf-8") + "\n", "utf-8")
    preview.build_now("site.yaml")
    assert "shown after" not in preview.log.getvalue()


def test_a_build_that_changes_nothing_does_not_reload(preview):
    preview.build_now()
    assert preview.reloads == ["/index.html"] and preview.status.published == 2


def test_files_changed_by_hand_in_the_output_folder_are_put_back_at_the_next_build(preview, root):
    """The preview serves the folder, and wrote only the files whose bytes changed: a page deleted by hand stayed
    404, the stylesheet deleted left every page without style, a stray file stayed served."""
    site = root / "_site"
    style, good_page = next(site.glob("static/*.css")), page(root)
    sources = site / "sources/index.html"
    good_sources = sources.read_bytes()
    (site / "articles/a/index.html").unlink()
    style_bytes = style.read_bytes()
    style.unlink()
    sources.write_bytes(good_sources + b"<!-- by hand -->")
    (site / "stray.html").write_text("stray", "utf-8")
    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Second note."), "utf-8")
    preview.build_now()
    assert "Second note." in page(root) and page(root) != good_page
    wait_for(lambda: "output folder:" in preview.log.getvalue())  # (mended in a thread of its own)
    assert style.read_bytes() == style_bytes and sources.read_bytes() == good_sources
    assert not (site / "stray.html").exists()
    assert "output folder: 2 file(s) changed by hand written again, 1 added by hand removed" in preview.log.getvalue()
    preview.build_now()  # nothing more to mend: nothing said
    repaired()
    assert preview.log.getvalue().count("output folder:") == 1


def test_a_file_standing_where_a_folder_was_is_put_back_and_nothing_is_wiped_without_a_site(preview, root):
    """Review: the repair wrote before it deleted, so a file where a page's folder stood raised in its thread at
    every build; and with nothing published it would have taken every file for a stray."""
    from dossier.shell.writer import repair

    site = root / "_site"
    good = (site / "articles/a/index.html").read_bytes()
    for path in sorted((site / "articles/a").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (site / "articles/a").rmdir()
    (site / "articles/a").write_text("a file where a folder was", "utf-8")
    preview.build_now()  # (nothing of a.yaml changed: only the repair can mend it)
    wait_for(lambda: "output folder:" in preview.log.getvalue())
    log = preview.log.getvalue()
    assert "could not" not in log and "Traceback" not in log, log
    assert (site / "articles/a/index.html").read_bytes() == good
    before = sorted(p for p in site.rglob("*") if p.is_file())
    assert repair(site, {}) == (0, 0)  # no site to put the folder back to: nothing is a stray
    assert sorted(p for p in site.rglob("*") if p.is_file()) == before


def test_a_first_build_that_fails_with_no_site_at_all_does_not_claim_to_serve_one(root):
    (root / "site.yaml").write_text("title: [oops\n", "utf-8")
    p = Preview_(root)
    p.build_now("(start)")
    assert p.status.state == "failed" and not p.status.has_site
    assert "no site to serve until it builds" in p.log.getvalue()
    assert "still serving" not in p.log.getvalue()


def test_a_yaml_error_keeps_the_last_good_site_and_shows_where(preview, root):
    good = page(root)
    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("title: A headline", "title: [oops"), "utf-8")
    preview.build_now()
    state = preview.status.read()
    assert state["state"] == "failed" and state["errors"] >= 1
    assert state["problems"][0]["where"].startswith("content/articles/a.yaml:")
    assert page(root) == good
    assert len(preview.reloads) == 2                     # the overlay appears
    assert "content/articles/a.yaml:" in preview.log.getvalue()
    assert "still serving the last good site" in preview.log.getvalue()

    preview.build_now()                                  # the same bad save again: nothing new to show
    assert len(preview.reloads) == 2
    assert "the same" in preview.log.getvalue()

    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Fixed note."), "utf-8")
    preview.build_now()
    assert preview.status.state == "ok" and not preview.status.problems
    assert "Fixed note." in page(root) and len(preview.reloads) == 3


def test_a_fix_that_restores_the_very_same_site_still_reloads_to_clear_the_overlay(preview, root):
    path = root / "content/articles/a.yaml"
    path.write_text("seed: [", "utf-8")
    preview.build_now()
    path.write_text(ARTICLE, "utf-8")
    preview.build_now()
    assert preview.status.state == "ok" and len(preview.reloads) == 3


@pytest.mark.parametrize("breakage, where", [
    (lambda r: (r / "seeds/a.txt").unlink(), 'seed "a.txt" not found'),
    (lambda r: (r / "templates").mkdir() or (r / "templates/article.html").write_text("{% if %}", "utf-8"),
     "templates/article.html"),
    (lambda r: (r / "content/articles/a.yaml").write_bytes(b"title: \xff\xfe broken\n"), ""),
    (lambda r: (r / "site.yaml").write_text("title: [", "utf-8"), "site.yaml:"),
])
def test_broken_inputs_of_every_kind_are_shown_and_survived(preview, root, breakage, where):
    good = page(root)
    breakage(root)
    preview.build_now()
    state = preview.status.read()
    assert state["state"] == "failed" and state["problems"], preview.log.getvalue()
    assert where in " ".join(p["where"] + " " + p["message"] for p in state["problems"])
    assert page(root) == good


def test_a_renamed_article_file_is_published_under_its_new_name(preview, root):
    (root / "content/articles/a.yaml").rename(root / "content/articles/renamed.yaml")
    preview.build_now()
    assert preview.status.state == "ok"
    assert (root / "_site/articles/renamed/index.html").is_file()
    assert not (root / "_site/articles/a").exists()


def test_an_exception_inside_the_build_becomes_a_problem_and_the_preview_carries_on(preview, root, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("kaboom")

    real = serve_module.build_site
    monkeypatch.setattr(serve_module, "build_site", explode)
    preview.build_now()
    state = preview.status.read()
    assert state["state"] == "failed"
    assert "the build crashed: RuntimeError: kaboom" in state["problems"][0]["message"]
    assert state["problems"][0]["file"].startswith("dossier/") or state["problems"][0]["file"].startswith("tests/")
    assert "Traceback" in preview.log.getvalue()
    monkeypatch.setattr(serve_module, "build_site", real)
    preview.build_now()
    assert preview.status.state == "ok"


def test_a_build_superseded_by_a_newer_change_does_not_publish(preview, root, monkeypatch):
    real = serve_module.build_site

    def slow_build(*args, **kwargs):
        with preview.cond:             # an editor saves again while this build runs
            preview.generations.changed()
        return real(*args, **kwargs)

    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Stale note."), "utf-8")
    monkeypatch.setattr(serve_module, "build_site", slow_build)
    preview.build_now()
    assert "First note." in page(root) and preview.status.published == 1 and len(preview.reloads) == 1
    assert "superseded" in preview.log.getvalue()


def test_crash_problems_name_the_unreadable_file():
    problem = crash_problem(FileNotFoundError(2, "No such file or directory", "content/articles/a.yaml"))
    assert problem.file == "content/articles/a.yaml" and "save it again" in problem.hint


def test_write_changed_touches_only_the_given_paths_and_refuses_to_leave_the_folder(tmp_path):
    out = tmp_path / "out"
    (out / "old").mkdir(parents=True)
    (out / "old/x.html").write_text("x")
    (out / "keep.html").write_text("k")
    assert write_changed(out, {"new/y.html": b"y", "keep.html": b"k"}, ("new/y.html", "old/x.html")) == (1, 1)
    assert (out / "new/y.html").read_bytes() == b"y" and not (out / "old").exists()
    with pytest.raises(Exception):
        write_changed(out, {"../evil": b"e"}, ("../evil",))
    assert not (tmp_path / "evil").exists()


def test_write_changed_refuses_a_folder_linked_out_of_the_output_folder_naming_the_link(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "articles").symlink_to(outside, target_is_directory=True)
    with pytest.raises(fs.OutputError, match=f"refusing to write articles/a/index.html: articles/ in the output "
                                             f"folder is a symbolic link to {re.escape(str(outside.resolve()))},"):
        write_changed(out, {"articles/a/index.html": b"a"}, ("articles/a/index.html",))
    assert list(outside.iterdir()) == []


def test_snapshots_see_watched_files_but_not_swap_files_or_the_output(root):
    (root / "content/articles/.a.yaml.swp").write_text("junk")
    (root / "_site").mkdir()
    (root / "_site/index.html").write_text("x")
    (root / "notes.txt").write_text("x")
    (root / "seeds/evidence/a").mkdir(parents=True)     # what --add keeps: no build reads it
    (root / "seeds/evidence/a/page.html").write_text("<p>raw</p>")
    keys = {Path(k).relative_to(root).as_posix() for k in snapshot(root) if Path(k).is_relative_to(root)}
    assert keys == {"site.yaml", "seeds/a.txt", "content/articles/a.yaml", "content/sources.yaml"}


# -- with the poller and builder threads ---------------------------------------------------------------------

def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_a_burst_of_saves_to_several_files_gives_one_rebuild(root):
    preview = Preview_(root, quiet=0.3)
    preview.start()
    try:
        wait_for(lambda: preview.status.published == 1)
        # An editor's save (swap file, backup, the file itself) and a second file, all at once.
        (root / "content/articles/.a.yaml.swp").write_text("swap")
        (root / "content/articles/a.yaml~").write_text(ARTICLE)
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Burst note."), "utf-8")
        (root / "seeds/a.txt").write_text(FILES["seeds/a.txt"] + "One more line.\n", "utf-8")
        (root / "content/articles/.a.yaml.swp").unlink()
        wait_for(lambda: preview.status.published == 3)  # the article's pages first, then the site
        time.sleep(0.8)                          # long enough for a second, unwanted build to start
        assert not preview.status.building and preview.status.published == 3
        assert "Burst note." in page(root)
        builds = [line for line in preview.log.getvalue().splitlines() if ": built " in line]
        assert len(builds) == 2, preview.log.getvalue()
        assert "content/articles/a.yaml" in builds[1] and "seeds/a.txt" in builds[1] and ".swp" not in builds[1]
    finally:
        preview.stop()
    assert not any(t.is_alive() for t in preview.threads)


def test_twenty_bad_saves_in_a_row_leave_the_preview_working(root):
    preview = Preview_(root, quiet=0.05)
    preview.start()
    try:
        wait_for(lambda: preview.status.published == 1)
        path = root / "content/articles/a.yaml"
        for i in range(20):
            path.write_text(ARTICLE.replace("date: 2024-03-22", f"date: [{i}"), "utf-8")
            time.sleep(0.03)
        wait_for(lambda: preview.status.state == "failed" and not preview.status.building)
        path.write_text(ARTICLE.replace("First note.", "Recovered."), "utf-8")
        wait_for(lambda: preview.status.state == "ok" and "Recovered." in page(root))
        assert all(t.is_alive() for t in preview.threads)
    finally:
        preview.stop()


@pytest.fixture
def searching(root, monkeypatch):
    """A preview with search, started (its threads running), whose index is made 0.2 s after saves pause."""
    pytest.importorskip("pagefind")
    monkeypatch.setattr(serve_index, "SEARCH_IDLE_SECONDS", 0.2)
    preview = Preview_(root, search=True)
    preview.start()
    yield preview
    preview.stop()


def test_the_search_index_is_built_when_saves_pause_and_kept_across_rebuilds(root, searching):
    preview, index = searching, root / "_site" / "pagefind" / "pagefind.js"
    wait_for(lambda: index.exists() and "search index:" in preview.log.getvalue(), timeout=60)
    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Searchable."), "utf-8")
    wait_for(lambda: preview.status.published == 3)  # the article's pages first, then the site
    assert index.exists()                       # the previous index is kept until the new one is written
    wait_for(lambda: preview.log.getvalue().count("search index:") == 2, timeout=60)
    assert not any(p.startswith("pagefind/") for p in preview.reloads)


def test_a_site_that_cannot_be_written_is_said_in_one_line_and_written_whole_once_it_can(root, monkeypatch):
    """A full disk while previewing printed "preview error" and a traceback; the status stayed "building"."""
    real, really, failing = serve_module.sync, serve_module.write_changed, [True]

    def full_disk(out, outputs, previous, *waiting):
        if failing[0]:
            raise OSError(28, "No space left on device", str(out / "articles/a/index.html"))
        return real(out, outputs, previous, *waiting)

    def full_disk_first(out, outputs, changed):  # (the page of the saved file, shown before the rest)
        if failing[0]:
            raise OSError(28, "No space left on device", str(out / "articles/a/index.html"))
        return really(out, outputs, changed)

    preview = Preview_(root)
    preview.start()
    try:
        wait_for(lambda: preview.status.published == 1)
        monkeypatch.setattr(serve_module, "sync", full_disk)
        monkeypatch.setattr(serve_module, "write_changed", full_disk_first)
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Unwritten."), "utf-8")
        wait_for(lambda: "could not write" in preview.log.getvalue())
        log = preview.log.getvalue()
        assert f"could not write {root / '_site/articles/a/index.html'}: No space left on device" in log
        assert "Traceback" not in log and "could not read" not in log and not preview.status.building
        # said over the pages too (review 59: the status stayed "ok", so no page showed that it was not current)
        (said,) = preview.status.problems
        assert preview.status.state == "failed" and said.check == "output-unwritten"
        assert said.message == (f"the site could not be written: {root / '_site/articles/a/index.html'}: No space "
                                "left on device") and "the pages are what was written last" in said.hint
        failing[0] = False
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Written."), "utf-8")
        wait_for(lambda: "Written." in page(root))
        wait_for(lambda: preview.status.state == "ok" and not preview.status.problems)
    finally:
        preview.stop()


def test_a_new_search_part_size_in_site_yaml_makes_the_index_again(root, searching):
    """No page's bytes change, so no index was due: the preview kept the index in the old parts for good."""
    preview = searching
    wait_for(lambda: "search index:" in preview.log.getvalue(), timeout=60)
    site = root / "site.yaml"
    site.write_text(site.read_text("utf-8") + "search_part_pages: 2\n", "utf-8")
    wait_for(lambda: preview.log.getvalue().count("search index:") == 2, timeout=60)
    parts = json.loads((root / "_site/pagefind/dossier-parts.json").read_text("utf-8"))
    assert parts["merge"], parts  # (one part before: nothing to merge)


def test_a_save_while_the_index_is_built_cancels_it_and_it_is_built_again_later(root, monkeypatch):
    pytest.importorskip("pagefind")
    monkeypatch.setattr(serve_index, "SEARCH_IDLE_SECONDS", 0.2)
    real, calls = serve_index.search_files, []

    def slow_first(site, base, stop, *more):
        calls.append(stop)
        if len(calls) == 1:  # the first index takes long (as Pagefind does on a large dossier): a save comes
            wait_for(stop, timeout=30)
        return real(site, base, stop, *more)

    monkeypatch.setattr(serve_index, "search_files", slow_first)
    preview = Preview_(root, search=True)
    preview.start()
    try:
        wait_for(lambda: len(calls) == 1)
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Edited."), "utf-8")
        wait_for(lambda: preview.status.published == 3)  # the article's pages first, then the site
        wait_for(lambda: "search index:" in preview.log.getvalue(), timeout=60)
        assert len(calls) == 2 and preview.log.getvalue().count("search index:") == 1  # given up, then made
        assert preview.search and "not built" not in preview.log.getvalue()  # cancelling is no failure
    finally:
        preview.stop()


def test_the_index_is_said_to_be_coming_until_the_previews_first_is_written_and_why_not_when_it_cannot_be(
        root, monkeypatch):
    """Before its first index, the preview answered the index's files 404, and the search page said the site was
    published without one (static/search.js); they are a 503, "ask again", until it is written, and once Pagefind
    failed (search is then off in the preview) a 404 marked "failed", or "off" in a preview run with --no-search
    and no index left: the page says the preview could not make it, or runs without search, not that the site was
    published without it."""
    pytest.importorskip("pagefind")
    from test_serve_app import call
    from dossier.shell.serve_app import make_app

    monkeypatch.setattr(serve_index, "SEARCH_IDLE_SECONDS", 0.2)
    real, gate, failing = serve_index.search_files, threading.Event(), [False]

    def gated(*args):
        gate.wait(60)
        if failing[0]:
            raise RuntimeError("pagefind exited with 1")
        return real(*args)

    monkeypatch.setattr(serve_index, "search_files", gated)
    for fails in (False, True):
        failing[0] = fails
        gate.clear()
        preview = Preview_(root, search=True)
        app = make_app(root / "_site", preview.status)
        preview.start()
        try:
            wait_for(lambda: preview.status.state == "ok" and preview.indexing)
            assert preview.status.read()["search"] == "pending"
            assert call(app, "/pagefind/pagefind-entry.json")[0] == 503
            gate.set()
            wait_for(lambda: ("not built" if fails else "search index:") in preview.log.getvalue(), timeout=60)
            assert preview.status.read()["search"] == ("failed" if fails else "")
            code, headers, _ = call(app, "/pagefind/pagefind-entry.json")
            assert (code, headers.get("X-Dossier-Search")) == ((404, "failed") if fails else (200, None))
        finally:
            gate.set()
            preview.stop()
        if not fails:
            shutil.rmtree(root / "_site/pagefind")   # (the next preview finds no index left: it makes its own)
    without = Preview_(root, search=False)   # a preview without search: its search page says it runs so
    without.start()
    try:
        wait_for(lambda: without.status.state == "ok")
        assert without.status.read()["search"] == "off"
        code, headers, _ = call(make_app(root / "_site", without.status), "/pagefind/pagefind-entry.json")
        assert (code, headers["X-Dossier-Search"]) == (404, "off")
    finally:
        without.stop()


def test_the_search_index_a_build_left_is_kept_until_the_preview_makes_its_own(root, monkeypatch):
    pytest.importorskip("pagefind")
    from dossier.shell.cli import main

    assert main(["--root", str(root)]) == 0  # `make site`, then `make serve`
    index = root / "_site" / "pagefind" / "pagefind.js"
    before = index.read_bytes()
    monkeypatch.setattr(serve_index, "SEARCH_IDLE_SECONDS", 30.0)  # the preview's own index comes much later
    preview = Preview_(root, search=True)
    preview.start()
    try:
        wait_for(lambda: preview.status.published == 1)
        assert index.read_bytes() == before  # the search page keeps working from the first publish on
        assert "search index:" not in preview.log.getvalue()
    finally:
        preview.stop()
