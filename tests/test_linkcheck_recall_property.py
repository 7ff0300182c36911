"""The link check's recall is exact: after any sequence of sites (pages added, removed, rendered again with other
links or ids), a check that recalls the last one reports what a check of every page from nothing reports.

What a recalled check may skip (linkcheck.Checked): a page with the same key whose targets neither appeared nor
disappeared, none of those it links to with a #fragment having other ids, and, with a broken link, no path
having appeared or disappeared. Each page's key is a digest of its bytes, as the build's keys stand for them."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.execute import linkcheck
from dossier.core.execute.linkcheck import LinkIndex, check_links

PATHS = ("index.html", "a/index.html", "b/index.html", "sources/index.html", "sources/2/index.html")
IDS = ("x", "y", "z")
HREFS = ("/", "/a/", "/b/", "/sources/", "/sources/2/", "/gone/", "/a/#x", "/b/#y", "/sources/#z", "/sources/#x",
         "#x", "#y", "/b/#:~:text=word", "/sources/2/#y", "/gone/#x", "/source/")

page = st.tuples(st.lists(st.sampled_from(HREFS), max_size=4), st.sets(st.sampled_from(IDS), max_size=2))
site = st.dictionaries(st.sampled_from(PATHS), page, min_size=1)
# An edit: a page (re)made with these links and ids, or (None) removed; most pages stay as they were
edit = st.tuples(st.sampled_from(PATHS), st.one_of(st.none(), page))


def _html(links: list[str], ids: set[str]) -> bytes:
    return ("".join(f'<a href="{h}">l</a>' for h in links) + "".join(f'<p id="{i}"></p>' for i in sorted(ids))
            ).encode("utf-8")


def _index(pages: dict[str, tuple[list[str], set[str]]]) -> LinkIndex:
    built = LinkIndex()
    for path, (links, ids) in pages.items():
        data = _html(links, ids)
        built.add(path, data, hashlib.sha256(data).hexdigest())
    return built


def _said(problems: list) -> list[str]:
    return sorted(f"{p.file}: {p.message}: {p.hint}" for p in problems)


@settings(max_examples=400, deadline=None)
@given(site, st.lists(st.lists(edit, min_size=1, max_size=2), min_size=1, max_size=6),
       st.sampled_from(["/", "/dossier/"]))
def test_a_recalled_check_reports_what_a_check_of_every_page_reports(first, edits, base) -> None:
    linkcheck.recall(linkcheck.Checked())
    check_links(_index(first), set(first), base)
    pages = dict(first)
    for changes in edits:
        for path, made in changes:
            if made is None:
                pages.pop(path, None)
            else:
                pages[path] = made
        recalled = check_links(_index(pages), set(pages), base)  # (recalls the check of the site before)
        kept = linkcheck.remembered()
        linkcheck.recall(linkcheck.Checked())
        assert _said(recalled) == _said(check_links(_index(pages), set(pages), base))
        linkcheck.recall(kept)
