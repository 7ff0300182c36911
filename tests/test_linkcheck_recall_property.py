"""The link check's recall is exact: after any sequence of sites (pages added, removed, rendered again with other
links or ids, files that are not HTML appearing and disappearing, the base path changed), a check that recalls
the last one reports what a check of every page from nothing reports, whether it recalls the same objects (the
live preview's memo) or what an earlier process remembered (the command line).

What a recalled check may skip (linkcheck.Checked): a page with the same key (or the very same links) whose
targets neither appeared nor disappeared, none of those it links to with a #fragment having other ids, and, with
a broken link, no path having appeared or disappeared. A keyed page's key is a digest of its bytes, as the
build's keys stand for them. (Widened after review 202, whose generator reached cases this one did not.)"""

from __future__ import annotations

import hashlib
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.core.execute import linkcheck, path_sets
from dossier.core.execute.linkcheck import LinkIndex, check_links

HTML = ("index.html", "a/index.html", "b/index.html", "sources/index.html", "sources/2/index.html", "f.html")
OTHER = ("style.css", "f.html")  # (f.html is sometimes a file that is not a page: in the paths, with no ids)
IDS = ("x", "y", "z", "é")
HREFS = ("/", "/a/", "/a/#", "/b/#y", "/b/#%79", "/sources/#z", "/sources/#x", "/sources/2/#y", "#x", "#",
         "#%C3%A9", "/style.css", "/style.css#x", "/f.html#x", "/f.html", "/gone/#x", "/gone/", "/source/",
         "/b/#:~:text=word", "/dossier/a/#x", "/dossier/b/", "/dossier/f.html#y", "/dossier/gone/")
BASES = ("/", "/dossier/")

page = st.tuples(st.lists(st.sampled_from(HREFS), max_size=4), st.sets(st.sampled_from(IDS), max_size=2),
                 st.booleans())  # (its links, its ids, whether it has a key)
site = st.tuples(st.dictionaries(st.sampled_from(HTML), page, min_size=1), st.sets(st.sampled_from(OTHER)),
                 st.sampled_from(BASES))
# An edit: a page (re)made or removed, a file that is no page added or removed, or the base path changed
edit = st.one_of(st.tuples(st.just("page"), st.sampled_from(HTML), st.one_of(st.none(), page)),
                 st.tuples(st.just("other"), st.sampled_from(OTHER), st.none()),
                 st.tuples(st.just("base"), st.sampled_from(BASES), st.none()))


def _html(links: list[str], ids: set[str]) -> bytes:
    return ("".join(f'<a href="{h}">l</a>' for h in links) + "".join(f'<p id="{i}"></p>' for i in sorted(ids))
            ).encode("utf-8")


def _index(pages: dict, same: dict | None) -> LinkIndex:
    """The site's link index; with `same`, each page's ids and links the very objects of the last index that
    had its bytes (the live preview's memo), else found anew (the command line reads them afresh)."""
    built = LinkIndex()
    for path, (links, ids, keyed) in pages.items():
        data = _html(links, ids)
        key = hashlib.sha256(data).hexdigest() if keyed else None
        if same is None:
            built.add(path, data, key)
        else:
            built.put(path, same.setdefault((path, data), linkcheck.found_in_bytes(data)), key)
    return built


def _said(problems: list) -> list[str]:
    return sorted(f"{p.file}: {p.message}: {p.hint}" for p in problems)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(site, st.lists(st.lists(edit, min_size=1, max_size=2), min_size=1, max_size=6), st.booleans(),
       st.sampled_from([path_sets.SLACK, 0, 2]))
def test_a_recalled_check_reports_what_a_check_of_every_page_reports(first, edits, in_process, slack) -> None:
    """(With a small `slack`, what the command line remembers packs its paths against a table begun anew at most
    builds, the sets it recalled packed again: path_sets.Packing.)"""
    kept, path_sets.SLACK = path_sets.SLACK, slack
    try:
        _recalled_equals_a_check_from_nothing(first, edits, in_process)
    finally:
        path_sets.SLACK = kept


def _recalled_equals_a_check_from_nothing(first, edits, in_process) -> None:
    pages, other, base = dict(first[0]), set(first[1]), first[2]
    same = {} if in_process else None
    last = linkcheck.Checked()
    linkcheck.recall(last)  # (check_links updates the Checked it recalled: `last` is the live state)
    check_links(_index(pages, same), set(pages) | other, base)
    if not in_process:  # (the command line: what the last run saved, pickled with its cache)
        last = pickle.loads(pickle.dumps(linkcheck.remembered()))
        linkcheck.recall(last)
    for changes in edits:
        for kind, what, made in changes:
            if kind == "page":
                pages.pop(what, None) if made is None else pages.__setitem__(what, made)
            elif kind == "other":
                other ^= {what}
            else:
                base = what
        paths = set(pages) | other
        recalled = check_links(_index(pages, same), paths, base)
        last = last if in_process else pickle.loads(pickle.dumps(linkcheck.remembered()))
        linkcheck.recall(linkcheck.Checked())
        assert _said(recalled) == _said(check_links(_index(pages, None), paths, base)), (pages, other, base)
        linkcheck.recall(last)


@pytest.mark.parametrize("in_process", [True, False])
def test_a_file_that_becomes_a_page_or_stops_being_one_sends_back_the_pages_linking_into_it(in_process) -> None:
    """Two cases the wide property reaches only now and then (review 202's mutants): a #fragment into a file that
    is no page is not checked, so when that file becomes a page without the id, or a page whose id was missing
    becomes a file that is no page, the pages that link into it must be checked again."""
    links = (["/f.html#x"], set(), True)
    no_page = ({"index.html": links}, {"f.html"})
    without_x = ({"index.html": links, "f.html": ([], {"y"}, True)}, set())
    for sites in ((no_page, without_x), (without_x, no_page)):
        same = {} if in_process else None
        last = linkcheck.Checked()
        linkcheck.recall(last)
        for pages, other in sites:
            recalled = check_links(_index(pages, same), set(pages) | other, "/")
            last = last if in_process else linkcheck.remembered()
            linkcheck.recall(linkcheck.Checked())
            assert _said(recalled) == _said(check_links(_index(pages, None), set(pages) | other, "/"))
            linkcheck.recall(last)
        assert ("broken fragment" in " ".join(_said(recalled))) == (sites[1] is without_x)


# Fewer pages and links, nearly all kept from one check to the next: the cases a wide search reaches seldom
# (a broken link whose nearest page appears, review 202's third mutant) within a few hundred examples
NARROW_PATHS = ("index.html", "a/index.html", "b/index.html", "sources/index.html", "sources/2/index.html")
NARROW_HREFS = ("/", "/a/", "/b/", "/sources/", "/sources/2/", "/gone/", "/a/#x", "/b/#y", "/sources/#z",
                "/sources/#x", "#x", "#y", "/b/#:~:text=word", "/sources/2/#y", "/gone/#x", "/source/")
narrow_page = st.tuples(st.lists(st.sampled_from(NARROW_HREFS), max_size=4),
                        st.sets(st.sampled_from(IDS), max_size=2), st.just(True))
narrow_site = st.dictionaries(st.sampled_from(NARROW_PATHS), narrow_page, min_size=1)
# An edit: a page (re)made with these links and ids, or (None) removed; most pages stay as they were
narrow_edit = st.tuples(st.sampled_from(NARROW_PATHS), st.one_of(st.none(), narrow_page))


@settings(max_examples=400, deadline=None)
@given(narrow_site, st.lists(st.lists(narrow_edit, min_size=1, max_size=2), min_size=1, max_size=6),
       st.sampled_from(["/", "/dossier/"]))
def test_a_recalled_check_of_pages_that_mostly_stay_reports_what_a_check_from_nothing_reports(first, edits,
                                                                                                base) -> None:
    linkcheck.recall(linkcheck.Checked())
    check_links(_index(first, None), set(first), base)
    pages = dict(first)
    for changes in edits:
        for path, made in changes:
            if made is None:
                pages.pop(path, None)
            else:
                pages[path] = made
        recalled = check_links(_index(pages, None), set(pages), base)  # (recalls the check of the site before)
        kept = linkcheck.remembered()
        linkcheck.recall(linkcheck.Checked())
        assert _said(recalled) == _said(check_links(_index(pages, None), set(pages), base))
        linkcheck.recall(kept)
