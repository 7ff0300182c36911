"""The /sources/ page in a real browser (Debian's chromium via Playwright): each outlet's name is its row's bold
header, its description is ordinary text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_an_outlet_description_is_normal_weight_while_the_outlet_name_stays_bold(browser, default_site, http_server):
    base = http_server(default_site)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(base + "sources/")
    weight = "el => Number(getComputedStyle(el).fontWeight)"
    notes = page.locator("table.sources tbody th .note")
    assert notes.count() >= 3
    for i in range(notes.count()):
        assert notes.nth(i).evaluate(weight) == 400, notes.nth(i).inner_text()
    names = page.locator("table.sources tbody th a")
    assert names.count() >= 3
    for i in range(names.count()):
        assert names.nth(i).evaluate(weight) >= 700, names.nth(i).inner_text()
    page.close()
