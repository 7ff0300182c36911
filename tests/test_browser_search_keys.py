"""The search page with a keyboard and a screen reader, the real Pagefind over the default dossier's index, in real
Chromium (review 142): Pagefind's Clear button, hidden from sight only, was a stop in the tab order that did
nothing; "Load more results" told a screen reader nothing; the page had two search fields of the same name; a
sub-result's link was named by its arrow."""

from __future__ import annotations

import pytest

from test_browser_hovercard_keys import accessibility_tree, ax

pytestmark = pytest.mark.browser

CLEAR = ".pagefind-ui__search-clear"
INPUT = ".pagefind-ui__search-input"
STATUS = "p.visually-hidden[role=status]"


def until(page, script: str, tries: int = 150):
    """`script`'s value once it is true, polled from here (the page's CSP forbids wait_for_function's eval)."""
    for _ in range(tries):
        value = page.evaluate(script)
        if value:
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {script}")


def heard(page, query: str) -> None:
    """Once the page's status region says how many results `query` found."""
    until(page, f"document.querySelector('{STATUS}')?.textContent.includes('results for {query}')")


def searched(page, base: str, query: str, viewport=(1280, 900)):
    """The search page for `query` opened in `page` (conftest's `tab`), in a window of `viewport`."""
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + (f"search/?q={query}" if query else "search/"))
    page.wait_for_selector(INPUT, timeout=15000)
    if query:
        heard(page, query)
    return page, errors


def named(page, roles: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(ax(n, "role"), ax(n, "name")) for n in accessibility_tree(page)
            if not n.get("ignored") and ax(n, "role") in roles]


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)])
def test_the_hidden_clear_button_is_no_stop_and_clearing_gives_focus_back_to_the_box(tab, default_site,
                                                                                    http_server, viewport):
    page, errors = searched(tab, http_server(default_site), "", viewport)
    page.focus(INPUT)
    page.keyboard.press("Tab")
    assert not page.evaluate(f"document.activeElement.matches('{CLEAR}')")
    assert ("button", "Clear") not in named(page, ("button",))
    page.focus(INPUT)
    page.keyboard.type("Rafah")
    heard(page, "Rafah")
    page.keyboard.press("Tab")   # (a query typed: the button is shown, and a stop)
    assert page.evaluate(f"document.activeElement.matches('{CLEAR}')")
    page.keyboard.press("Enter")
    until(page, f"document.querySelector('{CLEAR}').matches('.pagefind-ui__suppressed')")
    assert page.evaluate(f"document.activeElement.matches('{INPUT}')")
    assert page.locator(INPUT).input_value() == ""
    assert ("button", "Clear") not in named(page, ("button",))
    assert errors == []


def test_load_more_moves_focus_to_the_first_new_result_and_says_how_many_are_shown(tab, default_site,
                                                                                  http_server):
    page, errors = searched(tab, http_server(default_site), "israel")
    total = page.locator(".pagefind-ui__message").inner_text().split()[0]
    assert int(total) > 10
    assert page.locator(".pagefind-ui__result").count() == 5
    page.focus(".pagefind-ui__button")
    page.keyboard.press("Enter")
    until(page, "document.activeElement.matches('.pagefind-ui__result-link')")
    sixth = page.locator(".pagefind-ui__result").nth(5).locator(".pagefind-ui__result-link").first
    assert page.evaluate("document.activeElement.getAttribute('href')") == sixth.get_attribute("href")
    assert page.locator(STATUS).inner_text() == f"Showing 10 of {total} results"
    # a search typed afterwards is said again as Pagefind says it
    page.focus(INPUT)
    page.keyboard.press("Control+a")
    page.keyboard.type("Rafah")
    heard(page, "Rafah")
    assert errors == []


def test_the_search_page_has_one_search_field_and_it_holds_the_query_from_the_header(tab, default_site,
                                                                                    http_server):
    base = http_server(default_site)
    page = tab
    page.goto(base + "sources/")
    page.fill("#site-search-q", "Rafah")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search/?q=Rafah")
    heard(page, "Rafah")
    fields = named(page, ("searchbox", "textbox", "combobox"))
    assert fields == [("textbox", "Search the dossier")], fields
    assert len(named(page, ("search",))) == 1
    assert page.locator(INPUT).input_value() == "Rafah"


def test_a_sub_result_link_is_named_by_its_words_not_by_its_arrow(tab, default_site, http_server):
    page, errors = searched(tab, http_server(default_site), "israel")
    nested = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link")
    until(page, "document.querySelector('.pagefind-ui__result-nested .pagefind-ui__result-link')")
    words = nested.all_inner_texts()
    links = [name for role, name in named(page, ("link",))]
    assert words and all(w.strip() in links for w in words), (words, links)
    assert not [name for name in links if "\u2937" in name], links
    # still drawn: the arrow is shown, not read
    arrow = nested.first.evaluate("a => getComputedStyle(a, '::before').content")
    assert "\u2937" in arrow, arrow
    assert errors == []
