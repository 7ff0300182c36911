"""Long listings (/passages/, /report/, /tags/<tag>/, /sources/, /timeline/ and the home page's articles) are cut
into numbered pages: /passages/, /passages/2/, …; the home page goes on in /page/2/, …

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
from dossier.core.plan import article_passages, entity_pages, listings, page_spans, paginate, passage_views
from dossier.core.analyse.shared_passages import Occurrence, SharedPassage
from dossier.core.plan.reader_pages import sitemap
from dossier.core.plan.views import searchable
from dossier.core.load.config import SiteConfig
from dossier.core.load.model import Source
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


def test_the_home_page_keeps_its_path_and_goes_on_in_page_folders() -> None:
    assert paginate.page_path("", 1) == "index.html"
    assert paginate.page_path("", 2) == "page/2/index.html"
    nav = paginate.navigation(Urls("/d/"), "", 2, 3)
    assert nav["prev"] == "/d/" and nav["next"] == "/d/page/3/"


def test_a_single_page_has_no_navigation_and_its_title_unchanged() -> None:
    assert paginate.navigation(Urls("/d/"), "report/", 1, 1) is None
    assert paginate.title("Anchoring report", 1, 1) == "Anchoring report"
    assert paginate.title("Anchoring report", 2, 7) == "Anchoring report (page 2 of 7)"


def test_the_navigation_links_previous_next_and_marks_the_current_page() -> None:
    nav = paginate.navigation(Urls("/d/"), "report/", 2, 3)
    assert nav["prev"] == "/d/report/" and nav["next"] == "/d/report/3/"
    assert [(p["number"], p["url"], p["current"]) for p in nav["pages"]] == [
        (1, "/d/report/", False), (2, "/d/report/2/", True), (3, "/d/report/3/", False)]
    # (/passages/ goes on in a folder of its own, beside the passages' pages, /passages/<id>/)
    assert paginate.navigation(Urls("/d/"), "passages/", 2, 3)["next"] == "/d/passages/page/3/"
    first, last = paginate.navigation(Urls(), "r/", 1, 3), paginate.navigation(Urls(), "r/", 3, 3)
    assert first["prev"] == "" and first["next"] == "/r/2/" and last["next"] == "" and last["prev"] == "/r/2/"


def test_a_long_listing_shows_the_first_the_last_and_the_pages_around_the_current_one() -> None:
    nav = paginate.navigation(Urls(), "passages/", 10, 40)
    assert [(p["number"], p["gap"]) for p in nav["pages"]] == [
        (1, False), (8, True), (9, False), (10, False), (11, False), (12, False), (40, True)]


def test_a_page_of_names_is_said_by_the_shortest_beginnings_that_tell_it_from_its_neighbours() -> None:
    names = ["Aaron", "Abel", "Babbage", "Baker", "Berg", "Carter", "Cole", "Dunn"]
    assert page_spans.named(names)([range(0, 3), range(3, 6), range(6, 8)]) == ["A–Bab", "Bak–Ca", "Co–D"]
    assert page_spans.named(names)([range(0, 2), range(2, 4), range(4, 7), range(7, 8)]) == [
        "Aa–Ab", "Bab–Bak", "Be–C", "Dunn"]
    # (capitals alike: "Anna" is told from "ann" before it by its fourth letter; a page of one, its whole name)
    assert page_spans.named(["ann", "Anna", "bo"])([range(0, 1), range(1, 3)]) == ["ann", "Anna–b"]
    # /entities/: by kind, each kind by name; a page across two kinds names both
    kinds = ["People", "People", "People", "Places", "Places"]
    assert page_spans.named(["Ann", "Bea", "Zed", "Bo", "Cy"], kinds)([range(0, 2), range(2, 5)]) == [
        "People: A–B", "People: Z – Places: C"]


def test_a_page_of_names_told_apart_at_a_space_says_the_next_word_and_pages_of_one_name_say_their_entries() -> None:
    """Review 165: "Al Jazeera English" told from "Al Jazeera" at its space was said "Al Jazeera" (["Al – Al Jazeera",
    "Al Jazeera – Ala"]: Al Jazeera seemed to begin page 2); pages holding only Smith each said "Smith"."""
    names = ["Al", "Al Jazeera", "Al Jazeera English", "Alan"]
    assert page_spans.named(names)([range(0, 2), range(2, 4)]) == ["Al – Al Jazeera", "Al Jazeera English – Ala"]
    assert page_spans.named(["Al", "Al Jazeera", "Bo"])([range(0, 1), range(1, 3)]) == ["Al", "Al Jazeera – B"]
    assert page_spans.named(["Smith"] * 4)([range(0, 2), range(2, 4)]) == [
        "Smith, entries 1–2", "Smith, entries 3–4"]
    assert page_spans.named(["Smith"] * 3, ["People"] * 3, "Entities")([range(0, 2), range(2, 3)]) == [
        "People: Smith, entities 1–2", "People: Smith, entities 3"]


def test_a_dated_page_is_said_by_its_first_and_last_dates_and_by_its_items_where_dates_repeat() -> None:
    dates = ["2024-03-01", "2024-03-22", "2024-03-22", "2024-04-02"]
    assert page_spans.dated(dates, "Rows")([range(0, 2), range(2, 4)]) == ["1–22 Mar 2024", "22 Mar – 2 Apr 2024"]
    assert page_spans.dated(["2024-03-22"] * 4, "Rows")([range(0, 2), range(2, 4)]) == [
        "22 Mar 2024, rows 1–2", "22 Mar 2024, rows 3–4"]
    assert page_spans.dated(["", "2023-12-28", "2024-01-03", "2024-01-03"], "Articles")([range(0, 3), range(3, 4)]) \
        == ["Undated, 28 Dec 2023 – 3 Jan 2024", "3 Jan 2024"]
    assert page_spans.date_span("2024-03", "2024-04") == "2024-03–2024-04"   # (not a day: as written)


def test_a_page_of_a_listing_in_no_order_says_which_items_it_holds() -> None:
    assert page_spans.numbered("Comparisons")([range(0, 200), range(200, 201)]) == [
        "Comparisons 1–200", "Comparisons 201"]
    # a passage in pieces over two pages is on both
    assert page_spans.numbered("Passages", [1, 2, 2, 3, 4])([range(0, 3), range(3, 5)]) == [
        "Passages 1–2", "Passages 3–4"]
    assert page_spans.between("AP", "Ynet") == "AP–Ynet" and page_spans.between("AP", "Jerusalem Post") == \
        "AP – Jerusalem Post"


def test_the_pages_of_sources_say_their_outlets_names_as_written_and_capitalise_only_coverage() -> None:
    """Review 165: the label's first letter was upper-cased so that "coverage" began with a capital, and ynet and taz
    were said "Ynet" and "Taz" (['Ynet', 'Taz; coverage 1–5'])."""
    parts = [listings.Section(Source(i, i), ({"title": "T"},), False) for i in ("ynet", "taz")]
    describe = listings.source_spans(parts, [range(0, 5), range(5, 9)])
    assert describe([range(0, 1), range(1, 3), range(3, 4)]) == ["ynet", "taz; coverage 1–5", "Coverage 6–9"]


def test_the_navigation_says_what_each_page_holds_and_a_single_page_is_not_described() -> None:
    parts = paginate.slices("entities/", "Entities", [1] * 8, 3,
                            describe=page_spans.named(["Aaron", "Abel", "Babbage", "Baker", "Berg", "Carter", "Cole",
                                                       "Dunn"]))
    nav = parts[1].navigation(Urls())
    assert [(p["number"], p["span"], p["current"]) for p in nav["pages"]] == [
        (1, "A–Bab", False), (2, "Bak–Ca", True), (3, "Co–D", False)]
    assert (nav["prev_span"], nav["next_span"]) == ("A–Bab", "Co–D")
    assert paginate.slices("entities/", "Entities", [1] * 3, 3, describe=page_spans.numbered("x"))[0].spans == ()
    assert paginate.navigation(Urls(), "r/", 1, 2)["pages"][1]["span"] == ""   # (no describer: numbers alone)


def test_every_page_of_the_listings_is_left_out_of_search_and_the_report_out_of_the_sitemap() -> None:
    assert not any(searchable(rel) for rel in ("passages/2/", "report/3/", "tags/quote/2/", "timeline/2/", "page/2/"))
    assert searchable("articles/x/")
    paths = ["passages/index.html", "passages/2/index.html", "report/index.html", "report/2/index.html",
             "tags/q/2/index.html", "page/2/index.html", "sources/2/index.html", "timeline/2/index.html"]
    xml = sitemap(SiteConfig(title="t"), Urls(), paths).decode()
    assert all(f"/{p}/2/" in xml for p in ("passages", "tags/q", "page", "sources", "timeline"))
    assert "/report/" not in xml


def test_every_page_of_sources_is_searchable_as_its_first_page_is() -> None:
    assert searchable("sources/") and searchable("sources/2/") and searchable("sources/12/")


# A build whose listings span several pages.

class _Page(HTMLParser):
    """The ids, links (with their attributes) and title of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[dict[str, str]] = []
        self.navs: list[list[dict[str, str]]] = []
        self.head_links: list[dict[str, str]] = []
        self.times: list[str] = []
        self.text = text
        self.title, self._in_title, self._in_nav = "", False, False
        self._link: dict[str, str] | None = None   # a link of the navigation, its words gathered in "#text"
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "time":
            self.times.append(a.get("datetime", ""))
        if tag == "a":
            self.links.append(a)
            if self._in_nav:
                self.navs[-1].append(a)
                self._link = a
        elif tag == "link" and a.get("rel") in ("prev", "next"):
            self.head_links.append(a)
        elif tag == "nav" and "pagination" in a.get("class", ""):
            self.navs.append([])
            self._in_nav = True
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_nav = self._in_nav and tag != "nav"
        self._in_title = False
        self._link = None if tag == "a" else self._link

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._link is not None:
            self._link["#text"] = self._link.get("#text", "") + data


def _build(root: Path, **sizes: int) -> dict[str, _Page]:
    """The 12-article generated dossier built with the page sizes `sizes` (paginate's constants, or
    passage_views' OCCURRENCES_PER_PIECE, article_passages' LISTED_PER_PAGE): its HTML pages by output path. The
    build must pass its own link check with no warning."""
    dossier_synth.generate(root / "dossier", 12, seed=3)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in sizes.items():
            patch.setattr(next(m for m in (paginate, passage_views, article_passages, entity_pages)
                               if hasattr(m, name)), name, value)
        with contextlib.redirect_stdout(io.StringIO()) as said, contextlib.redirect_stderr(said):
            code = main(["--root", str(root / "dossier"), "--out", str(root / "site"), "--no-search"])
    assert code == 0 and " 0 errors, 0 warning(s)" in said.getvalue(), said.getvalue()  # the link check included
    out = root / "site"
    return {p.relative_to(out).as_posix(): _Page(p.read_text("utf-8")) for p in sorted(out.rglob("*.html"))}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, _Page]:
    return _build(tmp_path_factory.mktemp("paged"), LISTED_PER_PAGE=3, TAG_ITEMS_PER_PAGE=4,
                  REPORT_ROWS_PER_PAGE=25, HOME_ARTICLES_PER_PAGE=5, SOURCE_SECTIONS_PER_PAGE=3,
                  TIMELINE_DAYS_PER_PAGE=2, COMPARISONS_PER_PAGE=3)


@pytest.fixture(scope="module")
def continued(tmp_path_factory) -> dict[str, _Page]:
    """A budget for /sources/ below two articles' lines: an outlet of two articles continues on a page."""
    return _build(tmp_path_factory.mktemp("continued"), SOURCES_BUDGET=300)


@pytest.fixture(scope="module")
def pieced(tmp_path_factory) -> dict[str, _Page]:
    """A passage's places listed two a page: a passage's list runs over pages of its own."""
    return _build(tmp_path_factory.mktemp("pieced"), OCCURRENCES_PER_PIECE=2)


def listing_pages(site: dict[str, _Page], folder: str) -> list[str]:
    """The listing's pages in order: folder/index.html, folder/2/index.html, … (the home page's: index.html,
    page/2/index.html, …)"""
    numbered = sorted((int(m.group(1)), p) for p in site
                      if (m := re.fullmatch(re.escape(paginate.NUMBERED.get(folder, folder or "page/"))
                                            + r"(\d+)/index\.html", p)))
    assert [n for n, _ in numbered] == list(range(2, len(numbered) + 2))
    return [f"{folder}index.html", *(p for _, p in numbered)]


def test_the_listings_span_numbered_pages_and_their_titles_say_which(site) -> None:
    for folder, name in (("passages/", "Shared passages"), ("report/", "Anchoring report"),
                         ("tags/quote/", "Tag: quote"), ("", "Articles"), ("sources/", "Sources"),
                         ("timeline/", "Timeline"), ("compare/", "Comparisons")):
        pages = listing_pages(site, folder)
        assert len(pages) >= 3, folder
        for n, path in enumerate(pages, start=1):
            assert site[path].title.startswith(f"{name} (page {n} of {len(pages)}) · "), path


_LISTED = re.compile(r'<li><a href="/passages/([0-9a-f]{10}(?:-\d+)?)/">')


def test_each_passage_is_on_exactly_one_page_numbered_as_in_the_whole_listing(site) -> None:
    pages = listing_pages(site, "passages/")
    listed = [_LISTED.findall(site[p].text) for p in pages]
    every = [i for ids in listed for i in ids]
    own = [p for p in site if re.fullmatch(r"passages/[0-9a-f-]+/index\.html", p)]
    assert len(every) == len(set(every)) == len(own)
    assert all(1 <= len(ids) <= 3 for ids in listed)
    starts = [int(re.search(r'<ol class="passage-list" start="(\d+)">', site[p].text).group(1)) for p in pages]
    assert starts == [1 + sum(map(len, listed[:n])) for n in range(len(pages))]


def test_each_tagged_annotation_is_on_exactly_one_page_of_its_tag(site) -> None:
    for tag in ("quote", "figures", "dispute"):
        pages = listing_pages(site, f"tags/{tag}/")
        links = [a["href"] for p in pages for a in site[p].links if "#a-" in a.get("href", "")]
        assert len(links) == len(set(links)) and all(len([a for a in site[p].links if "#a-" in a.get("href", "")]) <= 4
                                                    for p in pages)


def test_the_navigation_links_every_page_to_its_neighbours_and_marks_the_current_one(site) -> None:
    for folder in ("passages/", "report/", "tags/quote/", "", "sources/", "timeline/", "compare/"):
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


@pytest.fixture(scope="module")
def named(tmp_path_factory) -> dict[str, _Page]:
    """/entities/ in pages of four entities, an entity's mentions in pages of two articles."""
    return _build(tmp_path_factory.mktemp("named"), ENTITIES_PER_PAGE=4, ENTITY_ARTICLES_PER_PAGE=2)


def _said(page: _Page) -> list[tuple[str, str]]:
    """What each numbered link of a page's navigation says to a screen reader (its aria-label, as it is written),
    and its link."""
    return [(a["aria-label"], a["href"]) for a in page.navs[0] if "rel" not in a]


@pytest.mark.parametrize("folder", ["", "report/", "tags/quote/", "timeline/", "passages/", "compare/", "sources/"])
def test_each_pages_link_says_what_the_page_holds(site, folder) -> None:
    """Numbers alone said nothing of what page 7 held (review 141): each link says it, the same on every page
    that shows the link, each page something else; the current page is marked, the previous and next links say
    what they lead to."""
    pages = listing_pages(site, folder)
    told: dict[str, str] = {}
    for n, path in enumerate(pages):
        page = site[path]
        for words, href in _said(page):
            m = re.fullmatch(r"Page (\d+): (.+)", words)
            assert m, (path, words)
            assert told.setdefault(href, m.group(2)) == m.group(2), (path, href)
        (current,) = [a for a in page.navs[0] if a.get("aria-current") == "page"]
        assert current["href"] == "/" + path[: -len("index.html")] and current["href"] in told
        nxt = [" ".join(a["#text"].split()) for a in page.navs[0] if a.get("rel") == "next"]
        assert n + 1 == len(pages) or nxt[0].startswith("Next page: ")
    assert len(told) == len(pages) == len(set(told.values())), told
    spans = list(told.values())
    if folder in ("", "timeline/"):
        assert all(re.fullmatch(r"[\d–]+ [A-Z][a-z]{2} 20\d\d( – .*)?|.* – .*", s) for s in spans), spans
    elif folder in ("passages/", "compare/"):
        assert spans[0].startswith(("Passages 1", "Comparisons 1")), spans


def test_the_pages_of_sources_say_their_outlets_the_part_of_an_outlet_and_the_rows_of_the_matrix(continued) -> None:
    """An outlet continued on the next page, and the coverage matrix over several pages, said the same on each."""
    pages = listing_pages(continued, "sources/")
    told = {}
    for path in pages:
        told.update({href: words.split(": ", 1)[1] for words, href in _said(continued[path])})
    spans = [told["/" + p[: -len("index.html")]] for p in pages]
    assert len(set(spans)) == len(spans), spans
    assert any(re.search(r" \d+–\d+", s) and not s.startswith("Coverage") for s in spans), spans  # an outlet's part
    matrix = [s for s in spans if s.startswith("Coverage ") or "; coverage " in s]
    assert len(matrix) > 1 and all(re.search(r"overage \d+–\d+$", s) for s in matrix), spans


def test_the_pages_of_entities_are_said_by_kind_and_name(named) -> None:
    pages = listing_pages(named, "entities/")
    assert len(pages) >= 3
    said = dict((href, words) for words, href in _said(named[pages[0]]))
    first = said["/entities/"]
    assert re.fullmatch(r"Page 1: People: \w+(–\w+)?", first), first
    # what a page says is the beginnings of the names of its first and its last entity
    names = re.findall(r'<a class="entity-name" href="[^"]*">([^<]*)</a>', named[pages[0]].text)
    words = first.split(": ")[-1].split("–")
    assert names and names[0].startswith(words[0]) and names[-1].startswith(words[-1]), (names, first)


def test_a_listing_that_fits_on_one_page_has_no_navigation() -> None:
    # The default dossier's listings all fit: its golden site (tests/test_golden.py keeps it what the build
    # writes) has no numbered page, no navigation and no "(page n of m)".
    golden = Path(__file__).parent / "golden"
    pages = [golden / "passages/index.html", golden / "report/index.html", *golden.glob("tags/*/index.html")]
    assert len(pages) > 3 and not list(golden.glob("*/*/2")) + list(golden.glob("*/2"))
    for page in pages:
        text = page.read_text("utf-8")
        assert 'class="pagination' not in text and "(page " not in text and 'rel="next"' not in text, page


@pytest.mark.parametrize("built", ["site", "pieced"])
def test_every_link_into_a_listing_lands_on_the_page_that_holds_its_anchor(built, request) -> None:
    site = request.getfixturevalue(built)
    listing = re.compile(r"^/((passages/page|report|tags/[a-z0-9-]+|sources|timeline|page)/(\d+/)?|passages/"
                         r"([0-9a-f-]+/(\d+/)?)?)?$")
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
        patch.setattr(article_passages, "LISTED_PER_PAGE", 3)
        with contextlib.redirect_stdout(io.StringIO()) as said, contextlib.redirect_stderr(said):
            code = main(["--root", str(tmp_path / "dossier"), "--out", str(tmp_path / "site"), "--no-search",
                         "--base-url", "/dossier/"])
    assert code == 0 and " 0 errors, 0 warning(s)" in said.getvalue(), said.getvalue()  # every link resolves
    second = _Page((tmp_path / "site" / "passages" / "page" / "2" / "index.html").read_text("utf-8"))
    hrefs = [a["href"] for a in second.navs[0]]
    assert "/dossier/passages/" in hrefs and "/dossier/passages/page/3/" in hrefs
    assert all(h.startswith("/dossier/passages/") for h in hrefs), hrefs
    assert {a["href"] for a in second.head_links} == {"/dossier/passages/", "/dossier/passages/page/3/"}
    listed = re.findall(r'<li><a href="([^"]+)">“', second.text)  # (each passage's page, through it too)
    assert listed and all(re.fullmatch(r"/dossier/passages/[0-9a-f]{10}(-\d+)?/", h) for h in listed), listed


ARTICLE = re.compile(r"^/articles/[a-z0-9-]+/$")


def test_each_article_is_on_exactly_one_home_page_numbered_on_and_the_counts_are_the_whole_dossiers(site) -> None:
    pages = listing_pages(site, "")
    assert len(pages) == 3
    listed = [[a["href"] for a in site[p].links if a.get("class") == "article-link"] for p in pages]
    assert [len(x) for x in listed] == [5, 5, 2]
    every = [h for x in listed for h in x]
    assert len(set(every)) == 12 and all(ARTICLE.match(h) for h in every)
    for n, path in enumerate(pages):
        text = site[path].text
        assert "<p class=\"meta\">12 articles · " in text, path  # the whole dossier, not this page's five
        assert ('<ol class="article-list">' if n == 0 else f'<ol class="article-list" start="{5 * n + 1}">') in text
        # the comparisons and the site's structured data are the first page's
        assert ("Side by side" in text) == (n == 0) and ('"@type":"WebSite"' in text) == (n == 0), path


def _sources_rows(page: _Page) -> list[str]:
    """The articles an outlet's section lists on a page of /sources/ (the coverage matrix's links left out)."""
    return [a["href"] for a in page.links if ARTICLE.match(a.get("href", ""))]


def test_each_outlet_and_article_is_on_exactly_one_page_of_sources(site) -> None:
    pages = listing_pages(site, "sources/")
    outlets = [i for p in pages for i in site[p].ids if i.startswith("s-")]
    assert len(outlets) == 12 == len(set(outlets))
    assert all(len([i for i in site[p].ids if i.startswith("s-")]) <= 3 for p in pages)
    articles = [h for p in pages for h in _sources_rows(site[p])]
    assert len(articles) == 12 == len(set(articles))
    holders = [p for p in pages if "coverage-h" in site[p].ids]
    assert len(holders) == 1  # the coverage matrix: on one page, and the others link to it (checked below)
    assert all(f"/{holders[0][:-len('index.html')]}#coverage-h" in {a["href"] for a in site[p].links}
               for p in pages if p not in holders)


def test_an_article_page_links_to_the_page_of_sources_that_holds_its_outlet(site) -> None:
    later = 0
    for path, page in site.items():
        if not re.fullmatch(r"articles/[a-z0-9-]+/index\.html", path):
            continue
        (href,) = {a["href"] for a in page.links if "#s-" in a.get("href", "")}
        target, fragment = href.split("#")
        assert fragment in site[target[1:] + "index.html"].ids, (path, href)
        later += target != "/sources/"
    assert later > 0  # some outlets are past the first page, and their articles say so


def test_an_outlet_too_large_for_a_page_continues_on_the_next_under_a_continued_heading(continued) -> None:
    pages = listing_pages(continued, "sources/")
    texts = [continued[p].text for p in pages]
    assert sum(t.count("(continued)") for t in texts) >= 1
    outlets = [i for p in pages for i in continued[p].ids if i.startswith("s-")]
    assert len(outlets) == 12 == len(set(outlets))  # a continued section does not repeat its outlet's id
    articles = [h for p in pages for h in _sources_rows(continued[p])]
    assert len(articles) == 12 == len(set(articles))
    for path, page in continued.items():
        for href in {a["href"] for a in page.links if "#s-" in a.get("href", "")}:
            target, fragment = href.split("#")
            assert fragment in continued[target[1:] + "index.html"].ids, (path, href)


SECTION = re.compile(r'<th scope="row">(?:<a href="[^"]*">)?([^<]+).*?<p class="count" data-pagefind-ignore="all">'
                     r'(\d+) articles?(?:; (\d+)–(\d+) on this page)?</p>\s*'
                     r'<ul class="outlet-articles" data-pagefind-ignore="all">(.*?)</ul>', re.S)


def test_each_outlets_section_says_how_many_articles_it_has_and_a_continued_one_which_it_lists(continued) -> None:
    """An outlet's row listed its articles with no count of them (review 141: 75 to 97 links an outlet)."""
    shown: dict[str, list[tuple[int, int, int, int]]] = {}
    for path in listing_pages(continued, "sources/"):
        for name, count, first, last, items in SECTION.findall(continued[path].text):
            listed = items.count("<li>")
            first, last = (int(first), int(last)) if first else (1, int(count))
            shown.setdefault(name, []).append((int(count), first, last, listed))
    # every article once (an outlet without any says "none"), and some outlet's articles span two pages
    assert sum(p[3] for parts in shown.values() for p in parts) == 12, shown
    assert any(len(parts) > 1 for parts in shown.values()), shown
    for name, parts in shown.items():
        count = parts[0][0]
        assert all(c == count and last - first + 1 == listed for c, first, last, listed in parts), (name, parts)
        assert [(p[1], p[2]) for p in parts] == [(1 + sum(q[3] for q in parts[:i]), sum(q[3] for q in parts[:i + 1]))
                                                 for i in range(len(parts))] and parts[-1][2] == count, (name, parts)


LISTED = re.compile(r'<tr id="c-([a-z0-9-]+)">')


def test_each_comparison_is_listed_on_exactly_one_page_of_compare_in_order(site, continued) -> None:
    whole = LISTED.findall(continued["compare/index.html"].text)  # (default page sizes: one page)
    assert len(whole) >= 5 and "compare/page/2/index.html" not in continued
    pages = listing_pages(site, "compare/")
    assert len(pages) >= 2 and all(p == "compare/index.html" or p.startswith("compare/page/") for p in pages)
    assert [c for p in pages for c in LISTED.findall(site[p].text)] == whole
    assert all(len(LISTED.findall(site[p].text)) <= 3 for p in pages)
    total = len(whole)
    assert all(f"<caption>{total} comparisons, " in site[p].text for p in pages)  # the whole count, and this page's
    assert f"<caption>{total} comparisons</caption>" in continued["compare/index.html"].text


MATRIX_ROW = re.compile(r'<th scope="row"><a href="(/compare/[a-z0-9-]+/)">')


def test_a_coverage_matrix_larger_than_a_page_continues_on_the_next_pages(site, continued) -> None:
    whole = MATRIX_ROW.findall(site[listing_pages(site, "sources/")[-1]].text)  # one page of the matrix there
    assert len(whole) >= 3
    pages = listing_pages(continued, "sources/")
    holding = [p for p in pages if MATRIX_ROW.search(continued[p].text)]
    assert len(holding) >= 3 and holding == pages[pages.index(holding[0]):]  # the last pages, in a row
    assert [h for p in holding for h in MATRIX_ROW.findall(continued[p].text)] == whole  # each row once, in order
    total = len(whole)
    spans = [re.search(r"; comparisons (\d+)–(\d+) of (\d+)</caption>", continued[p].text) for p in holding]
    assert all(spans) and [int(m.group(3)) for m in spans] == [total] * len(holding)
    assert [(int(m.group(1)), int(m.group(2))) for m in spans] == [
        (1 + sum(len(MATRIX_ROW.findall(continued[q].text)) for q in holding[:i]),
         sum(len(MATRIX_ROW.findall(continued[q].text)) for q in holding[:i + 1])) for i in range(len(holding))]
    # the heading's id and the explanation on the first page of the matrix, the totals on its last
    assert ["coverage-h" in continued[p].ids for p in holding] == [True] + [False] * (len(holding) - 1)
    assert all("Who reported what (continued)" in continued[p].text for p in holding[1:])
    assert ["Comparisons per outlet" in continued[p].text for p in holding] == [False] * (len(holding) - 1) + [True]
    first = f"/{holding[0][:-len('index.html')]}#coverage-h"
    assert all(first in {a["href"] for a in continued[p].links} for p in pages if p not in holding)


def test_a_matrix_that_fits_on_a_page_is_shown_whole_as_before(site) -> None:
    (page,) = [site[p] for p in listing_pages(site, "sources/") if MATRIX_ROW.search(site[p].text)]
    assert "coverage-h" in page.ids and "(continued)" not in page.text and "; comparisons " not in page.text
    assert "<tfoot>" in page.text and "(all pages)" not in page.text


def test_each_timeline_day_and_entry_is_on_exactly_one_page_in_date_order(site) -> None:
    pages = listing_pages(site, "timeline/")
    assert len(pages) >= 3
    days = [t for p in pages for t in site[p].times]
    assert days == sorted(set(days))  # no day cut in two, none repeated, the order kept
    assert all(1 <= len(site[p].times) <= 2 for p in pages)
    entries = [a["href"] for p in pages for a in site[p].links if a.get("href", "").startswith("/articles/")]
    assert len(entries) == len(set(entries))
    assert len({h for h in entries if ARTICLE.match(h)}) == 12  # every dated article's publication


def test_the_listing_helpers_plan_one_page_for_a_small_dossier() -> None:
    assert len(listings.home_slices([{"url": "/a/", "title": "t", "source": "s", "wire": "", "summary_html": ""}]
                                    * 3)) == 1
    assert len(listings.timeline_slices([{"date": "2024-01-01", "items": []}] * 3)) == 1


# A passage shared by many places goes on over pages of its own (article_passages.own_pages).

def _many(count: int) -> SharedPassage:
    return SharedPassage("a b c d e f g h", tuple(Occurrence(f"d{i}", 0, 15) for i in range(count)), 8)


def test_a_passage_with_more_occurrences_than_a_page_holds_goes_on_over_consecutive_pages(monkeypatch) -> None:
    monkeypatch.setattr(passage_views, "OCCURRENCES_PER_PIECE", 2)
    pages = article_passages.own_pages(_many(5), "abc")
    assert [(p.path, p.items, p.number, p.count) for p in pages] == [
        ("passages/abc/index.html", range(0, 2), 1, 3), ("passages/abc/2/index.html", range(2, 4), 2, 3),
        ("passages/abc/3/index.html", range(4, 5), 3, 3)]
    assert pages[0].spans == ("Places 1–2", "Places 3–4", "Places 5")
    (one,) = article_passages.own_pages(_many(2), "abc")
    assert (one.path, one.items, one.count, one.spans) == ("passages/abc/index.html", range(0, 2), 1, ())
    assert passage_views.places_label(range(400, 800), 2065) == "places 401–800 of 2,065"


@given(st.integers(2, 60), st.integers(1, 7))
def test_a_passage_s_pages_cover_every_occurrence_once_in_order(count, per_page) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passage_views, "OCCURRENCES_PER_PIECE", per_page)
        pages = article_passages.own_pages(_many(count), "x")
    assert [i for p in pages for i in p.items] == list(range(count))
    assert all(1 <= len(p.items) <= per_page for p in pages) and len({p.path for p in pages}) == len(pages)


def _places(site: dict[str, _Page]) -> dict[str, list[str]]:
    """Per passage id, the occurrence links its pages list, its pages in order."""
    out: dict[str, list[str]] = {}
    for ident in [i for p in listing_pages(site, "passages/") for i in _LISTED.findall(site[p].text)]:
        pages = sorted((p for p in site if re.fullmatch(rf"passages/{re.escape(ident)}/(\d+/)?index\.html", p)),
                       key=lambda p: int(p.split("/")[2]) if p.count("/") == 3 else 1)
        out[ident] = [h for p in pages for h in re.findall(r'<li><a href="(/articles/[^"]+)"',
                                                           site[p].text.split('<ul class="occurrences">')[1]
                                                           .split("</ul>")[0])]
    return out


def test_each_occurrence_is_listed_once_across_a_passage_s_pages_in_order(site, pieced) -> None:
    whole, cut = _places(site), _places(pieced)
    assert whole == cut and len(whole) > 3
    assert not [p for p in site if re.fullmatch(r"passages/[0-9a-f-]+/\d+/index\.html", p)]  # (none at the usual size)
    more = [p for p in pieced if re.fullmatch(r"passages/[0-9a-f-]+/\d+/index\.html", p)]
    assert more and all(len(re.findall(r'<li><a href="/articles/', pieced[p].text)) <= 2 for p in more)


def test_a_passage_s_further_pages_say_which_places_they_list_and_link_to_each_other(pieced) -> None:
    for path in [p for p in pieced if re.fullmatch(r"passages/[0-9a-f-]+/(\d+/)?index\.html", p)]:
        page, folder = pieced[path], "/" + path.split("/")[0] + "/" + path.split("/")[1] + "/"
        if not page.navs:
            assert "(places " not in page.text and 'id="compare"' in page.text, path
            continue
        m = re.search(r"\(places ([\d,]+)–([\d,]+) of ([\d,]+)\)", page.text)
        assert m, path
        assert ('id="compare"' in page.text) == (m.group(1) == "1"), path  # (the side by side on the first alone)
        assert all(a["href"].startswith(folder) for a in page.navs[0]), path


def test_ids_are_unique_on_every_page(pieced) -> None:
    for path, page in pieced.items():
        assert len(page.ids) == len(set(page.ids)), path


def test_a_listing_rows_weight_is_what_its_values_weigh(tmp_path) -> None:
    """An annotation's listing row is weighed as it is made (page.Row.weight), from what it is made of: the same
    number as weighing its values (weights.row_weight), which the tag pages' cuts follow; a report row by the
    analysis that makes it."""
    from conftest import copy_of_default_dossier, library_of
    from dossier.core.plan.article_pages import article_rows
    from dossier.core.common.weights import row_weight
    from dossier.core.plan.page import Row

    dossier_synth.generate(tmp_path / "dossier", 12, seed=3)
    libraries = [library_of(root) for root in (tmp_path / "dossier", copy_of_default_dossier(tmp_path))]
    rows = [a for library in libraries for r in article_rows(library) for a in r["annotation_rows"]]
    # (and a report row is weighed by the analysis, which makes it: Library.report_weights)
    assert all(len(library.report) > 10 and library.report_weights == tuple(row_weight(r) for r in library.report)
               for library in libraries)
    assert len(rows) > 50 and all(type(a) is Row for a in rows)
    assert any(a["verdict"] for a in rows) and any(a["speaker"] for a in rows) and any(a["date"] for a in rows)
    assert [a.weight for a in rows] == [row_weight(dict(a)) for a in rows]
    assert row_weight({"quote": "abc", "line": 4, "article": {"title": "Title"}}) == 250 + 3 + 5
    assert row_weight({"quote": "abc", "article": "a-slug"}) == 250 + 3 + 6
