"""The search page where search cannot work, in real Chromium: a site built with --no-search (no index), a site
opened from the disk (file://: Pagefind fetches its index, which needs http), Pagefind's script that did not load,
an index that is not there, a live preview that could not make its index or runs without search, and a script that
failed. Each showed an empty box under "Search", with no word; the
page now says why, in a status region, and links the navigation. (A site whose search works: test_browser_search.)"""

from __future__ import annotations

import pytest

from conftest import ROOT, mini, run_build
from test_browser_rtl import FILES as HEBREW
from test_quality_a11y import RUN_AXE, axe_path, format_violations  # noqa: F401 (axe_path: a fixture)

pytestmark = pytest.mark.browser

UNINDEXED = "Search is not available here: this copy of the site was published without its search index."
ON_DISK = ("Search is not available here: it works only when the site is served over http(s), not when its pages "
           "are opened as files from a disk.")
UNLOADED = "Search is not available here: its files could not be loaded. Reloading the page may help."
FAILED = "Search is not available in this preview: its index could not be made (the terminal says why)."
OFF = "Search is not available in this preview: the preview runs without search (--no-search)."
NOTE = ".search-unavailable"
REASON = f"{NOTE} [role=status]"
NAVIGATION = [["Articles", "/"], ["Sources", "/sources/"], ["Entities", "/entities/"], ["Compare", "/compare/"],
              ["Passages", "/passages/"], ["Timeline", "/timeline/"], ["Tags", "/tags/"]]
LINKS = "els => els.map(a => [a.textContent, a.getAttribute('href')])"
LANGUAGE = "el => el.closest('[lang]').getAttribute('lang')"


@pytest.fixture(scope="module")
def unindexed_site(tmp_path_factory):
    """The repo's dossier built with --no-search: no pagefind/ folder at all."""
    out = tmp_path_factory.mktemp("unindexed") / "site"
    result = run_build(ROOT, "--no-search", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (out / "pagefind").exists()
    return out


def reason_shown(page, url: str) -> str:
    """The reason the search page at `url` gives, once it gives one."""
    page.goto(url)
    page.wait_for_selector(f"{REASON} span", timeout=15000)
    return page.locator(REASON).inner_text()


def test_a_site_built_without_search_says_it_has_no_index_and_links_the_navigation(browser, unindexed_site,
                                                                                     http_server, axe_path):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})   # (to add axe)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    assert reason_shown(page, http_server(unindexed_site) + "search/?q=Rafah") == UNINDEXED
    note = page.locator(NOTE)
    assert note.is_visible() and page.locator(".pagefind-ui").count() == 0
    assert "reachable from the navigation" in note.inner_text()
    assert note.locator("a").evaluate_all(LINKS) == NAVIGATION
    page.focus("#main")   # (where the skip link lands) the next key press reaches the first of those links
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.search-unavailable') !== null")
    assert errors == []
    page.add_script_tag(path=str(axe_path))
    violations = page.evaluate(RUN_AXE, None)
    assert not violations, "\n".join(format_violations("search, unindexed", violations))
    context.close()


def marked(why: str):
    """The live preview's answer for a file of the index it has not got, and why (serve_app.py)."""
    return lambda route: route.fulfill(status=404, headers={"X-Dossier-Search": why}, body=f"{why}\n")


@pytest.mark.parametrize("mark, reason", [(None, UNINDEXED), ("failed", FAILED)], ids=["published", "preview"])
def test_a_hebrew_site_without_search_says_so_in_english_marked_words(tab, http_server, tmp_path, mark, reason):
    root = mini(tmp_path, HEBREW)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    page = tab
    if mark:
        page.route("**/pagefind/pagefind-entry.json", marked(mark))
    assert reason_shown(page, http_server(root / "_site") + "search/") == reason
    words = page.locator(f"{NOTE} span")
    assert words.evaluate_all("els => els.map(e => [e.closest('[lang]').lang, e.dir])") == [["en", "ltr"]] * 2
    assert page.locator(f"{NOTE} li").first.evaluate(LANGUAGE) == "en"


def test_a_site_opened_from_the_disk_says_search_needs_it_served_over_http(tab, tmp_path):
    """Built with its folder as its base path, so that its links and scripts resolve from the disk; its index is
    there, and still cannot be fetched."""
    out = tmp_path / "site"
    result = run_build(ROOT, "--out", str(out), "--base-url", out.as_posix() + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "pagefind" / "pagefind-entry.json").is_file()
    page = tab
    assert reason_shown(page, (out / "search" / "index.html").as_uri()) == ON_DISK
    assert page.locator(".pagefind-ui").count() == 0


def pagefind_ui_throwing(route) -> None:
    route.fulfill(content_type="text/javascript",
                  body="window.PagefindUI = function () { throw new Error('broken on purpose'); };")


@pytest.mark.parametrize("file, answer, reason", [
    ("pagefind-ui.js", lambda route: route.abort(), UNLOADED),                      # the script did not arrive
    ("pagefind-ui.js", pagefind_ui_throwing, UNLOADED),                             # it failed
    ("pagefind-entry.json", lambda route: route.fulfill(status=404), UNINDEXED),    # no index beside it
    ("pagefind-entry.json", lambda route: route.fulfill(status=500), UNLOADED),
    ("pagefind-entry.json", marked("failed"), FAILED),      # the live preview's Pagefind failed
    ("pagefind-entry.json", marked("off"), OFF),            # the live preview runs with --no-search
], ids=["ui-not-loaded", "ui-throws", "index-missing", "index-failing", "preview-failed", "preview-off"])
def test_a_search_page_whose_pagefind_did_not_load_or_failed_says_so(tab, default_site, http_server, file,
                                                                     answer, reason):
    page = tab
    page.route(f"**/pagefind/{file}", answer)
    assert reason_shown(page, http_server(default_site) + "search/?q=Rafah") == reason
    assert page.locator(".pagefind-ui").count() == 0


PENDING = "Search is not ready yet: its index is being made. The search box appears here as soon as it is."
READY = "Search is ready: its index is made."


@pytest.mark.parametrize("made", [True, False], ids=["then-made", "then-not-made"])
def test_an_index_being_made_is_said_and_the_box_comes_when_it_is_there(tab, default_site, http_server, made):
    """The live preview answers every file of its index "503, ask again" (X-Dossier-Search: pending) until it has
    made its first one, Pagefind's UI script and styles too: the search page said "published without its search
    index" and stayed so. It says the index is being made, asks again every 2 s, and once the index is there loads
    the UI, shows the search box without a reload, says so in the same status region and puts focus in the box if
    the reader was in the note's links (review 107); or, when the index is not made after all (Pagefind failed: a
    404 marked "failed"), says that instead, once: not that the site was published without it."""
    ready: list[bool] = []
    page = tab

    def preview(route) -> None:
        if not ready:
            route.fulfill(status=503, headers={"Retry-After": "2", "X-Dossier-Search": "pending"},
                          body="the search index is being made\n")
        elif made:
            route.continue_()
        else:
            marked("failed")(route)

    page.route("**/pagefind/*", preview)
    assert reason_shown(page, http_server(default_site) + "search/?q=Rafah") == PENDING
    assert page.locator(".pagefind-ui").count() == 0 and page.locator(f"{NOTE} ul").count() == 1
    page.locator(f"{NOTE} ul a").first.focus()
    ready.append(True)
    if made:
        page.wait_for_selector(".pagefind-ui__result", timeout=15000)
        assert page.locator("[role=status]", has_text=READY).count() == 1
        assert page.locator(NOTE).count() == 0 and page.locator("nav a:focus").count() == 0
        assert page.evaluate("document.activeElement.matches('.pagefind-ui__search-input')")
    else:
        page.locator(REASON, has_text="could not be made").wait_for(timeout=15000)   # (no eval: the page's CSP)
        assert page.locator(REASON).inner_text() == FAILED
        assert page.locator(f"{NOTE} ul").count() == 1 and page.locator(".pagefind-ui").count() == 0


def test_another_servers_503_is_no_promise_of_an_index(tab, default_site, http_server):
    """A published site behind a server answering 503 (overloaded, in maintenance): search is said unavailable at
    once, not "being made" and asked for again for ever (review 107)."""
    asked: list[str] = []
    page = tab

    def busy(route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=503, headers={"Retry-After": "2"}, body="busy\n")

    page.route("**/pagefind/pagefind-entry.json", busy)
    assert reason_shown(page, http_server(default_site) + "search/?q=Rafah") == UNLOADED
    page.wait_for_timeout(2500)
    assert len(asked) == 1 and page.locator(REASON).inner_text() == UNLOADED
