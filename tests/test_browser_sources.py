"""The /sources/ page in a real browser (Debian's chromium via Playwright): each outlet's name is its row's bold
header, its description is ordinary text in a cell of its own."""

from __future__ import annotations

import pytest

from test_browser_hovercard_keys import accessibility_tree, ax

pytestmark = pytest.mark.browser


def test_an_outlet_description_is_normal_weight_while_the_outlet_name_stays_bold(browser, default_site, http_server):
    base = http_server(default_site)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(base + "sources/")
    weight = "el => Number(getComputedStyle(el).fontWeight)"
    notes = page.locator("table.sources tbody td .note")
    assert notes.count() >= 3
    for i in range(notes.count()):
        assert notes.nth(i).evaluate(weight) == 400, notes.nth(i).inner_text()
    names = page.locator("table.sources tbody th a")
    assert names.count() >= 3
    for i in range(names.count()):
        assert names.nth(i).evaluate(weight) >= 700, names.nth(i).inner_text()
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_an_outlets_row_header_is_its_name_and_its_description_a_cell_of_the_row(browser, default_site,
                                                                                http_server, width):
    """Review 142: the row header held the description, so a screen reader read "ALL ISRAEL NEWS English-language
    news site about Israel; …" whenever table navigation changed rows. On a phone too, where rows are cards."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(http_server(default_site) + "sources/")
    names = page.locator("table.sources tbody th").all_inner_texts()
    nodes = [n for n in accessibility_tree(page) if not n.get("ignored")]
    headers = [ax(n, "name") for n in nodes if ax(n, "role") == "rowheader"]
    assert headers[:len(names)] == names and "ALL ISRAEL NEWS" in names, headers
    # the description: a cell of the outlet's row, under its own column header
    assert ("columnheader", "About") in [(ax(n, "role"), ax(n, "name")) for n in nodes]
    row = page.locator("table.sources tbody tr", has=page.locator("th", has_text="ALL ISRAEL NEWS"))
    assert row.locator("td").first.inner_text().startswith("English-language news site about Israel")
    page.close()
