"""The link check's sets of paths, packed against a table for the command line's next run (path_sets.py): each
set comes back as it was, a set packed against a table stays right against the longer tables that begin with it,
and a table grown past twice the site is begun anew, every set packed again."""

from __future__ import annotations

import pickle

from dossier.core.execute import linkcheck
from dossier.core.execute.linkcheck import LinkIndex, check_links
from dossier.core.execute.path_sets import SLACK, Packing, unpacked


def test_a_packed_set_comes_back_as_it_was_and_stays_right_against_a_longer_table() -> None:
    first = Packing([], {"a.html", "b.html"})
    packed = first.pack(frozenset({"b.html", "c.html"}))  # (c.html is no path of the site: added to the table)
    assert isinstance(packed, bytes) and unpacked(packed, first.table) == {"b.html", "c.html"}
    assert unpacked(first.pack(frozenset()), first.table) == frozenset()
    later = Packing(first.table, {"a.html", "d.html"})  # (the table kept, d.html added after what it held)
    assert later.table[:len(first.table)] == first.table and "d.html" in later.table
    assert later.pack(packed) is packed and unpacked(packed, later.table) == {"b.html", "c.html"}
    assert unpacked(frozenset({"x"}), later.table) == {"x"}  # (a set not packed is itself)


def test_a_table_grown_past_twice_the_site_is_begun_anew_and_every_set_packed_again() -> None:
    old = Packing([], {f"p{i}.html" for i in range(10)})
    packed = old.pack(frozenset({"p3.html", "p9.html"}))
    small = Packing(old.table, {"p3.html", "p9.html", "q.html"}, slack=0)  # (10 paths > 2 × 3)
    assert small.table == ["p3.html", "p9.html", "q.html"]
    again = small.pack(packed)
    assert again != packed and unpacked(again, small.table) == {"p3.html", "p9.html"}
    kept = Packing(old.table, {"p3.html", "p9.html", "q.html"}, slack=4)  # (10 paths ≤ 2 × 3 + 4: kept)
    assert kept.table[:10] == old.table and kept.pack(packed) is packed


def _site(*groups: tuple[str, int], without: str = "") -> tuple[LinkIndex, set[str]]:
    """Pages in groups (a prefix, how many), each linking to the next of its group (the last to the first) with a
    #fragment it has, but the page `without` (no id, another key)."""
    built, paths = LinkIndex(), set()
    for prefix, count in groups:
        for i in range(count):
            path = f"{prefix}{i}/index.html"
            data = f'<h2 id="{"k" if path == without else "h"}">x</h2><a href="/{prefix}{(i + 1) % count}/#h">n</a>'
            built.add(path, data.encode(), f"key-{path}-{path == without}")
            paths.add(path)
    return built, paths


def _said(problems: list) -> list[str]:
    return sorted(f"{p.file}: {p.message}" for p in problems)


def test_what_the_command_line_remembers_after_the_site_shrank_keeps_a_table_of_the_site_alone() -> None:
    """A site of more pages than SLACK, remembered; then three of its pages alone, as they were (recalled, their
    sets of paths packed against the first table): what is remembered of them is packed against a table begun
    anew (the removed pages' paths are not kept for ever), and recalled, when the page one links into loses the
    id it links to, the check reports what a check from nothing reports."""
    linkcheck.recall(linkcheck.Checked())
    check_links(*_site(("a", SLACK + 200), ("b", 3)), "/")
    linkcheck.recall(pickle.loads(pickle.dumps(linkcheck.remembered())))
    assert check_links(*_site(("b", 3)), "/") == []
    kept = linkcheck.remembered()
    assert sorted(kept.table) == sorted(_site(("b", 3))[1])
    linkcheck.recall(pickle.loads(pickle.dumps(kept)))
    recalled = check_links(*_site(("b", 3), without="b1/index.html"), "/")
    linkcheck.recall(linkcheck.Checked())
    assert _said(recalled) == _said(check_links(*_site(("b", 3), without="b1/index.html"), "/")) == [
        "_site/b0/index.html: broken fragment: /b1/#h"]
