"""Search with the real Pagefind index, in real Chromium, over HTTP."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_the_header_search_box_finds_entities_articles_and_comparisons(browser, default_site, http_server):
    base = http_server(default_site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "sources/")
    page.fill("#site-search-q", "Hanegbi")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search/?q=Hanegbi")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
    assert any("Hanegbi" in t for t in titles), titles
    assert errors == []
    page.close()


def test_filtering_by_outlet_narrows_the_results_to_that_outlet(browser, default_site, http_server):
    base = http_server(default_site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "search/?q=Rafah")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    message = page.locator(".pagefind-ui__message")
    before = int(message.inner_text().split()[0])
    # Pagefind's UI draws the filters once their data has loaded, which can lag the first results on a busy
    # machine: wait for them as long as for the results, then click
    outlet = page.locator(".pagefind-ui__filter-name", has_text="Outlet")
    outlet.wait_for(timeout=60000)
    outlet.click()
    page.locator("label", has_text="The Jerusalem Post").click()
    after = before
    for _ in range(100):  # the page's CSP forbids eval, so poll from here rather than wait_for_function
        after = int(message.inner_text().split()[0])
        if after < before:
            break
        page.wait_for_timeout(100)
    assert 1 <= after < before
    links = page.locator(".pagefind-ui__result-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all("/articles/jpost-go-it-alone/" in href for href in links), links
    page.close()
