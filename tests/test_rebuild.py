"""The live preview's change-to-rebuild rules (dossier/core/load/watched.py, dossier/core/preview.py): pure, so tested with plain numbers."""

from __future__ import annotations

import pytest

from dossier.core.common.errors import error, warning
from dossier.core.preview import Debouncer, Generations, after_build, changed_outputs, prioritise, reload_path
from dossier.core.load.watched import Changes, diff, is_editor_junk, matters


@pytest.mark.parametrize("path", [
    "site.yaml", "seeds/001_abc.txt", "content/sources.yaml", "content/articles/a.yaml",
    "content/comparisons/x.yaml", "content/entities/people.yaml", "templates/base.html",
    "templates/partials/head.html", "static/dossier.css", "static/img/logo.svg",
])
def test_files_that_feed_the_build_trigger_a_rebuild(path):
    assert matters(path)


@pytest.mark.parametrize("path", [
    "content/articles/.a.yaml.swp", "content/articles/a.yaml~", "content/articles/#a.yaml#",
    "content/articles/.#a.yaml", "seeds/x.txt.swx", "content/a.yaml.tmp", "static/x.css.part",
    "content/.git/index", ".git/HEAD", "_site/index.html", "README.md", "notes.txt", "Makefile",
    "site.yaml~", ".site.yaml.swp", "tests/test_x.py", "content", "seeds",
])
def test_editor_junk_outputs_and_unrelated_files_do_not(path):
    assert not matters(path)


def test_editor_junk_names_are_the_ones_the_reader_skips():
    assert all(is_editor_junk(n) for n in (".x.swp", "x~", "#x#", ".#x", "x.tmp", "x.part", ".hidden", "sedEERkd1",
                                           "sedfv9j87"))  # (all lower case but a digit: review 133)
    assert not any(is_editor_junk(n) for n in ("a.yaml", "001_x.txt", "base.html", "sedan.txt", "sediment.yaml",
                                             "sedentary"))


def test_merge_leftovers_backups_and_the_files_systems_put_in_folders_are_junk_too():
    """Review 74: a seed `x.txt.orig` (git's merge leftover), `desktop.ini` or vim's `4913` became an article
    when the build's hint (--import) was followed."""
    assert all(is_editor_junk(n) for n in ("x.txt.orig", "x.yaml.rej", "x.bak", "x.yaml.save", "x.yaml___jb_tmp___",
                                           "x.yaml___jb_old___", "Thumbs.db", "desktop.ini", "Desktop.ini", "4913",
                                           "5036", "Icon\r", "@eaDir"))
    assert not any(is_editor_junk(n) for n in ("original.txt", "bakery.txt", "4914", "2024", "2024.txt", "thumbs.dbx",
                                             "saved.yaml", "orig.yaml"))


def test_diff_names_added_modified_and_removed_paths_sorted():
    old = {"a": (1, 1, 1), "b": (1, 1, 1), "c": (1, 1, 1)}
    new = {"a": (1, 1, 1), "b": (2, 1, 1), "d": (1, 1, 1)}
    changes = diff(old, new)
    assert changes == Changes(added=("d",), modified=("b",), removed=("c",))
    assert changes.paths == ("b", "c", "d")
    assert not diff(new, dict(new))


def test_a_rename_is_seen_as_a_removal_and_an_addition():
    changes = diff({"content/articles/a.yaml": (1, 10, 7)}, {"content/articles/b.yaml": (1, 10, 7)})
    assert changes.added == ("content/articles/b.yaml",) and changes.removed == ("content/articles/a.yaml",)


def test_a_save_that_keeps_mtime_and_size_is_still_seen_through_the_inode():
    # editors that save by writing a new file and renaming it over the old one change the inode
    assert diff({"a": (5, 10, 1)}, {"a": (5, 10, 2)}).modified == ("a",)


def test_changes_describe_themselves_briefly():
    changes = Changes(added=("x",), modified=("a", "b"), removed=("c", "d"))
    assert changes.describe() == "x added, a changed, b changed and 2 more"


def test_nothing_is_due_without_changes():
    d = Debouncer(quiet=0.1, max_wait=2.0)
    assert d.due_at() is None and not d.due(100.0)


def test_a_burst_of_saves_becomes_one_rebuild_after_the_quiet_period():
    d = Debouncer(quiet=0.1, max_wait=2.0)
    for t, path in ((0.00, "content/a.yaml"), (0.05, ".a.yaml.swp"), (0.12, "content/b.yaml"), (0.2, "seeds/x.txt")):
        d.note(t, [path])
        assert not d.due(t)
    assert not d.due(0.29)
    assert d.due(0.31)
    assert d.take() == {"content/a.yaml", ".a.yaml.swp", "content/b.yaml", "seeds/x.txt"}
    assert d.due_at() is None and not d.due(10.0)


def test_a_file_rewritten_without_pause_is_still_rebuilt_after_max_wait():
    d = Debouncer(quiet=0.1, max_wait=1.0)
    t = 0.0
    while t < 0.99:
        d.note(t, ["content/a.yaml"])
        assert not d.due(t)
        t += 0.05
    assert d.due(1.0)


def test_a_change_after_take_starts_a_new_burst():
    d = Debouncer(quiet=0.1, max_wait=1.0)
    d.note(0.0, ["a"])
    d.take()
    d.note(5.0, ["b"])
    assert d.due_at() == pytest.approx(5.1)


def test_a_build_that_saw_no_later_change_may_publish():
    g = Generations()
    g.changed()
    started = g.start()
    assert not g.superseded(started)


def test_a_build_is_superseded_by_any_change_after_it_started():
    g = Generations()
    g.changed()
    started = g.start()
    g.changed()
    assert g.superseded(started)
    assert not g.superseded(g.start())


BAD = (error("content/articles/a.yaml", 3, 5, "mapping values are not allowed here", "quote the value"),)
OTHER = (error("content/articles/a.yaml", 4, 1, "unknown key", ""),)


def test_a_superseded_build_is_dropped_whatever_its_result():
    assert after_build(True, True, (), None).action == "discard"
    assert after_build(True, False, BAD, None).action == "discard"
    assert not after_build(True, False, BAD, None).reload


def test_a_good_build_publishes_and_reloads():
    outcome = after_build(False, True, (warning("x", 1, 1, "fuzzy"),), BAD)
    assert outcome.action == "publish" and outcome.reload


def test_a_failed_build_shows_its_problems_and_reloads_once():
    first = after_build(False, False, BAD, None)
    assert first.action == "fail" and first.reload
    again = after_build(False, False, BAD, BAD)
    assert again.action == "fail" and not again.reload      # twenty identical bad saves: no reload storm
    changed = after_build(False, False, OTHER, BAD)
    assert changed.action == "fail" and changed.reload


def test_changed_outputs_lists_added_changed_and_removed_files():
    old = {"a.html": b"1", "b.html": b"2", "c.css": b"3"}
    new = {"a.html": b"1", "b.html": b"two", "d.html": b"4"}
    assert changed_outputs(old, new) == ("b.html", "c.css", "d.html")
    assert changed_outputs(None, new) == ("a.html", "b.html", "d.html")
    assert changed_outputs(new, dict(new)) == ()


def test_reload_path_is_none_when_nothing_changed():
    assert reload_path([]) is None


def test_a_lone_stylesheet_change_is_swapped_live_and_anything_else_reloads_the_page():
    assert reload_path(["static/dossier.css"], "/dossier/") == "/dossier/static/dossier.css"
    assert reload_path(["articles/a/index.html"]) == "/index.html"
    assert reload_path(["static/a.css", "static/b.css"]) == "/index.html"
    # a numbered write of the preview: open pages ask whether it changed theirs (a stylesheet is still swapped)
    assert reload_path(["articles/a/index.html", "dossier.json"], "/dossier/", 7) == "/__dossier/changed/7"
    assert reload_path(["static/dossier.css"], "/dossier/", 7) == "/dossier/static/dossier.css"
    assert reload_path([], "/", 7) is None


def test_problems_in_the_files_just_saved_come_first_then_errors_then_output_errors_then_warnings():
    link = error("_site/index.html", 0, 0, "broken link: /articles/a/")
    cause = error("content/articles/a.yaml", 3, 1, "YAML syntax error")
    other = error("content/comparisons/c.yaml", 9, 1, 'unknown article "a"')
    fuzzy = warning("content/articles/b.yaml", 2, 1, "matched only approximately")
    assert prioritise([link, cause, fuzzy, other], ["content/articles/a.yaml"]) == (cause, other, link, fuzzy)
    assert prioritise([fuzzy, other], []) == (other, fuzzy)


def test_the_changes_of_a_dropped_build_are_carried_into_the_next_one():
    d = Debouncer(quiet=0.1, max_wait=1.0)
    d.note(0.0, ["content/a.yaml"])
    dropped = d.take()
    d.carry(["ignored: nothing is pending"])
    assert d.due_at() is None and not d.pending
    d.note(0.5, ["seeds/x.txt"])        # the change that superseded the build
    d.carry(dropped)
    assert d.take() == {"content/a.yaml", "seeds/x.txt"}
