"""Long listings (/passages/, /report/, /tags/<tag>/) are cut into numbered pages: /passages/, /passages/2/, …

The pure helper (dossier/core/plan/paginate.py).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.core.common.urls import Urls
from dossier.core.plan import paginate
from dossier.core.plan.reader_pages import sitemap
from dossier.core.plan.views import searchable
from dossier.core.load.config import SiteConfig


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
