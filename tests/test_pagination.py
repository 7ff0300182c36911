"""Long listings (/passages/, /report/, /tags/<tag>/) are cut into numbered pages: /passages/, /passages/2/, …

First the pure helper (dossier/core/plan/paginate.py), then a build of a generated dossier with the page sizes
made small, so that a 12-article dossier has listings of several pages and the build stays about a second.
"""

from __future__ import annotations

import contextlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dossier_synth
from dossier.core.common.urls import Urls
from dossier.core.plan import paginate
from dossier.core.plan.reader_pages import sitemap
from dossier.core.plan.views import searchable
from dossier.core.load.config import SiteConfig
from dossier.shell.cli import main


# The pure helper.

def test_items_are_cut_into_pages_of_at_most_the_page_size() -> None:
    assert paginate.split([1] * 10, 3) == [range(0, 3), range(3, 6), range(6, 9), range(9, 10)]
    assert paginate.split([1] * 9, 3) == [range(0, 3), range(3, 6), range(6, 9)]


def test_a_listing_that_fits_is_one_page_and_an_empty_one_is_one_empty_page() -> None:
    assert paginate.split([5, 5], 20) == [range(0, 2)]
    assert paginate.split([], 20) == [range(0, 0)]


def test_the_byte_budget_closes_a_page_before_it_is_full() -> None:
    assert paginate.split([40, 40, 40, 40], 10, budget=100) == [range(0, 2), range(2, 4)]


def test_an_item_heavier_than_the_budget_has_a_page_of_its_own() -> None:
    assert paginate.split([10, 10, 1000, 10], 5, budget=100) == [range(0, 2), range(2, 3), range(3, 4)]
    assert paginate.split([1000, 1000], 5, budget=100) == [range(0, 1), range(1, 2)]


def test_a_page_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        paginate.split([1], 0)


@given(st.lists(st.integers(0, 300), max_size=60), st.integers(1, 8), st.integers(1, 500))
def test_every_item_is_on_exactly_one_page_in_order_and_no_page_is_overfull(weights, per_page, budget) -> None:
    pages = paginate.split(weights, per_page, budget)
    assert [i for page in pages for i in page] == list(range(len(weights)))
    assert all(len(page) <= per_page for page in pages)
    assert all(len(page) == 1 or sum(weights[i] for i in page) <= budget for page in pages)
    assert all(len(page) > 0 for page in pages) or pages == [range(0, 0)]
    # Greedy: a page ends only when the next item would not fit on it.
    for page, after in zip(pages, pages[1:]):
        assert len(page) == per_page or sum(weights[i] for i in page) + weights[after[0]] > budget


def test_page_one_keeps_the_listing_path_and_later_pages_are_numbered_folders() -> None:
    assert paginate.page_path("passages/", 1) == "passages/index.html"
    assert paginate.page_path("tags/quote/", 3) == "tags/quote/3/index.html"


def test_a_single_page_has_no_navigation_and_its_title_unchanged() -> None:
    assert paginate.navigation(Urls("/d/"), "report/", 1, 1) is None
    assert paginate.title("Anchoring report", 1, 1) == "Anchoring report"
    assert paginate.title("Anchoring report", 2, 7) == "Anchoring report (page 2 of 7)"


def test_the_navigation_links_previous_next_and_marks_the_current_page() -> None:
    nav = paginate.navigation(Urls("/d/"), "passages/", 2, 3)
    assert nav["prev"] == "/d/passages/" and nav["next"] == "/d/passages/3/"
    assert [(p["number"], p["url"], p["current"]) for p in nav["pages"]] == [
        (1, "/d/passages/", False), (2, "/d/passages/2/", True), (3, "/d/passages/3/", False)]
    first, last = paginate.navigation(Urls(), "r/", 1, 3), paginate.navigation(Urls(), "r/", 3, 3)
    assert first["prev"] == "" and first["next"] == "/r/2/" and last["next"] == "" and last["prev"] == "/r/2/"


def test_a_long_listing_shows_the_first_the_last_and_the_pages_around_the_current_one() -> None:
    nav = paginate.navigation(Urls(), "passages/", 10, 40)
    assert [(p["number"], p["gap"]) for p in nav["pages"]] == [
        (1, False), (8, True), (9, False), (10, False), (11, False), (12, False), (40, True)]


def test_every_page_of_the_listings_is_left_out_of_search_and_the_report_out_of_the_sitemap() -> None:
    assert not any(searchable(rel) for rel in ("passages/2/", "report/3/", "tags/quote/2/"))
    assert searchable("articles/x/")
    paths = ["passages/index.html", "passages/2/index.html", "report/index.html", "report/2/index.html",
             "tags/q/2/index.html"]
    xml = sitemap(SiteConfig(title="t"), Urls(), paths).decode()
    assert "/passages/2/" in xml and "/tags/q/2/" in xml and "/report/" not in xml


# A build whose listings span several pages.

class _Page(HTMLParser):
    """The ids, links (with their attributes) and title of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[dict[str, str]] = []
        self.navs: list[list[dict[str, str]]] = []
        self.head_links: list[dict[str, str]] = []
        self.title, self._in_title, self._in_nav = "", False, False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a":
            self.links.append(a)
            if self._in_nav:
                self.navs[-1].append(a)
        elif tag == "link" and a.get("rel") in ("prev", "next"):
            self.head_links.append(a)
        elif tag == "nav" and "pagination" in a.get("class", ""):
            self.navs.append([])
            self._in_nav = True
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_nav = self._in_nav and tag != "nav"
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, _Page]:
    root = tmp_path_factory.mktemp("paged")
    dossier_synth.generate(root / "dossier", 12, seed=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paginate, "PASSAGES_PER_PAGE", 3)
        patch.setattr(paginate, "TAG_ITEMS_PER_PAGE", 4)
        patch.setattr(paginate, "REPORT_ROWS_PER_PAGE", 25)
        with contextlib.redirect_stdout(io.StringIO()) as said, contextlib.redirect_stderr(said):
            code = main(["--root", str(root / "dossier"), "--out", str(root / "site"), "--no-search"])
    assert code == 0 and " 0 errors, 0 warning(s)" in said.getvalue(), said.getvalue()  # the link check included
    out = root / "site"
    return {p.relative_to(out).as_posix(): _Page(p.read_text("utf-8")) for p in sorted(out.rglob("*.html"))}


def listing_pages(site: dict[str, _Page], folder: str) -> list[str]:
    """The listing's pages in order: folder/index.html, folder/2/index.html, …"""
    numbered = sorted((int(m.group(1)), p) for p in site if (m := re.fullmatch(re.escape(folder) + r"(\d+)/index\.html", p)))
    assert [n for n, _ in numbered] == list(range(2, len(numbered) + 2))
    return [f"{folder}index.html", *(p for _, p in numbered)]


def test_the_listings_span_numbered_pages_and_their_titles_say_which(site) -> None:
    for folder, name in (("passages/", "Shared passages"), ("report/", "Anchoring report"),
                         ("tags/quote/", "Tag: quote")):
        pages = listing_pages(site, folder)
        assert len(pages) >= 3, folder
        for n, path in enumerate(pages, start=1):
            assert site[path].title.startswith(f"{name} (page {n} of {len(pages)}) · "), path


def test_each_passage_is_on_exactly_one_page_numbered_as_in_the_whole_listing(site) -> None:
    pages = listing_pages(site, "passages/")
    ids = [i for p in pages for i in site[p].ids if re.fullmatch(r"p-\d+", i)]
    assert ids == [f"p-{n}" for n in range(1, len(ids) + 1)]
    assert all(1 <= len([i for i in site[p].ids if re.fullmatch(r"p-\d+", i)]) <= 3 for p in pages)


def test_each_tagged_annotation_is_on_exactly_one_page_of_its_tag(site) -> None:
    for tag in ("quote", "figures", "dispute"):
        pages = listing_pages(site, f"tags/{tag}/")
        links = [a["href"] for p in pages for a in site[p].links if "#a-" in a.get("href", "")]
        assert len(links) == len(set(links)) and all(len([a for a in site[p].links if "#a-" in a.get("href", "")]) <= 4
                                                    for p in pages)


def test_the_navigation_links_every_page_to_its_neighbours_and_marks_the_current_one(site) -> None:
    for folder in ("passages/", "report/", "tags/quote/"):
        pages = listing_pages(site, folder)
        urls = ["/" + p[: -len("index.html")] for p in pages]
        for n, path in enumerate(pages):
            page = site[path]
            assert len(page.navs) == 2 and page.navs[0] == page.navs[1], path
            nav = page.navs[0]
            assert [a["href"] for a in nav if a.get("aria-current") == "page"] == [urls[n]]
            prev = [a["href"] for a in nav if a.get("rel") == "prev"]
            nxt = [a["href"] for a in nav if a.get("rel") == "next"]
            assert prev == ([urls[n - 1]] if n > 0 else []) and nxt == ([urls[n + 1]] if n + 1 < len(urls) else [])
            assert {(a["rel"], a["href"]) for a in page.head_links} == {("prev", h) for h in prev} | {
                ("next", h) for h in nxt}


def test_a_listing_that_fits_on_one_page_has_no_navigation() -> None:
    # The default dossier's listings all fit: its golden site (tests/test_golden.py keeps it what the build
    # writes) has no numbered page, no navigation and no "(page n of m)".
    golden = Path(__file__).parent / "golden"
    pages = [golden / "passages/index.html", golden / "report/index.html", *golden.glob("tags/*/index.html")]
    assert len(pages) > 3 and not list(golden.glob("*/*/2")) + list(golden.glob("*/2"))
    for page in pages:
        text = page.read_text("utf-8")
        assert 'class="pagination' not in text and "(page " not in text and 'rel="next"' not in text, page


def test_every_link_into_a_listing_lands_on_the_page_that_holds_its_anchor(site) -> None:
    listing = re.compile(r"^/(passages|report|tags/[a-z0-9-]+)/(\d+/)?$")
    checked = 0
    for path, page in site.items():
        for a in page.links:
            href = a.get("href", "")
            target, _, fragment = href.partition("#")
            if not listing.match(target):
                continue
            rel = target[1:] + "index.html"
            assert rel in site, f"{path} links to {href}, a page the build did not write"
            if fragment:
                assert fragment in site[rel].ids, f"{path} links to {href}: no such id there"
            checked += 1
    assert checked > 0


def test_under_a_base_path_the_numbered_pages_link_through_it(tmp_path) -> None:
    dossier_synth.generate(tmp_path / "dossier", 12, seed=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paginate, "PASSAGES_PER_PAGE", 3)
        with contextlib.redirect_stdout(io.StringIO()) as said, contextlib.redirect_stderr(said):
            code = main(["--root", str(tmp_path / "dossier"), "--out", str(tmp_path / "site"), "--no-search",
                         "--base-url", "/dossier/"])
    assert code == 0 and " 0 errors, 0 warning(s)" in said.getvalue(), said.getvalue()  # every link resolves
    second = _Page((tmp_path / "site" / "passages" / "2" / "index.html").read_text("utf-8"))
    hrefs = [a["href"] for a in second.navs[0]]
    assert "/dossier/passages/" in hrefs and "/dossier/passages/3/" in hrefs
    assert all(h.startswith("/dossier/passages/") for h in hrefs), hrefs
    assert {a["href"] for a in second.head_links} == {"/dossier/passages/", "/dossier/passages/3/"}
