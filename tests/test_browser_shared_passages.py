"""An article page's list of the passages it shares (review 141), in a real browser on a phone (Debian's chromium
via Playwright): with the keyboard, "its place here" scrolls the article's own words into view (a text fragment of
this page) and the passage's link opens the passage's own page; nothing widens the page."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
ARTICLE = "articles/jpost-go-it-alone/"
# Where the viewport shows `words` (in an element matching `where`): [top, bottom, viewport height], or null.
SHOWN = """([where, words]) => {
  const walk = document.createTreeWalker(document.querySelector(where), NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) if (n.data.includes(words)) {
    const r = document.createRange(); r.selectNodeContents(n); const box = r.getBoundingClientRect();
    return [box.top, box.bottom, innerHeight]; }
  return null; }"""


def _in_view(box: list[float] | None) -> bool:
    return box is not None and 0 <= box[0] and box[1] <= box[2]


def test_on_a_phone_the_list_leads_with_the_keyboard_to_the_place_in_the_text_and_to_the_passage(
        browser, default_site, http_server):
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(http_server(default_site) + ARTICLE)
    section = page.locator("section.shared-passages")
    assert section.get_attribute("aria-labelledby") == "shared-passages-title"
    assert page.locator("#shared-passages-title").inner_text() == "Passages shared with other articles"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    first = section.locator("li").first
    assert "to defeat Hamas without going into" in first.locator("a").first.inner_text()
    words = ["main .article-body", "without going into"]   # (its first text node: "Hamas" is a link of its own)
    assert not _in_view(page.evaluate(SHOWN, words))
    place = first.locator("a[href^='#:~:text=']")
    place.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"(b => b !== null && b[0] >= 0 && b[1] <= b[2])(({SHOWN})({words!r}))", timeout=5000)
    passage = first.locator("a").first
    href = passage.get_attribute("href")
    assert re.fullmatch(r"/passages/[0-9a-f]{10}/", href), href   # (the passage's own page)
    passage.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + href)
    assert "to defeat Hamas without going into" in page.locator("blockquote.passage-text").inner_text()
    assert _in_view(page.evaluate("() => { const b = document.querySelector('h1').getBoundingClientRect(); "
                                  "return [b.top, b.bottom, innerHeight]; }"))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(http_server(default_site) + ARTICLE)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    page.close()
