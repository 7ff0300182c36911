"""Sidenotes in a real browser (Debian's chromium via Playwright): keyboard, phone layout, permalinks."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ARTICLE = "articles/review-journal-netanyahu-rebuffs/"
NOTE = "alone-quote"


def tab_to(page, element_id: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with the Tab key")


def test_on_a_phone_a_sidenote_opens_by_keyboard(tab, default_site, http_server):
    base = http_server(default_site)
    page = tab
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base + ARTICLE)
    note = page.locator(f"#n-{NOTE}")
    assert not note.is_visible()
    tab_to(page, f"sn-{NOTE}")
    page.keyboard.press("Space")
    assert note.is_visible()
    assert "we will do it alone" in page.locator(f"#a-{NOTE}").inner_text() or \
        page.locator(f'.hl[data-a~="{NOTE}"]').count() >= 1
    box = note.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 + 1  # inline, not off-screen
    page.keyboard.press("Space")
    assert not note.is_visible()


def test_on_a_wide_screen_sidenotes_sit_in_the_margin_beside_the_text(tab, default_site, http_server):
    base = http_server(default_site)
    page = tab
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(base + ARTICLE)
    note = page.locator(f"#n-{NOTE}").bounding_box()
    highlight = page.locator(f"#a-{NOTE}").bounding_box()
    body = page.locator(".article-body").bounding_box()
    assert note and highlight and body
    assert note["x"] >= body["x"] + body["width"] - 1  # right of the text column
    assert abs(note["y"] - highlight["y"]) < 400      # near its highlight


def test_a_permalink_scrolls_to_and_marks_every_segment_of_the_highlight(tab, default_site, http_server):
    base = http_server(default_site)
    page = tab
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(base + ARTICLE + f"#a-{NOTE}")
    page.wait_for_function(f"document.querySelectorAll('.hl.marked').length > 0")
    marked = page.eval_on_selector_all(".hl.marked", "els => els.map(e => e.getAttribute('data-a'))")
    assert marked and all(NOTE in value.split() for value in marked)
    total = page.eval_on_selector_all(f'.hl[data-a~="{NOTE}"]', "els => els.length")
    assert len(marked) == total
    assert page.locator(f"#a-{NOTE}").evaluate("e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")


def test_the_sidenote_is_exposed_to_screen_readers_as_a_labelled_note(tab, default_site, http_server):
    base = http_server(default_site)
    page = tab
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base + ARTICLE)
    snapshot = page.locator(f"#n-{NOTE}").evaluate("e => [e.getAttribute('role'), e.getAttribute('aria-label')]")
    assert snapshot[0] == "note" and snapshot[1].startswith("Note ")
    label = page.locator(f'label[for="sn-{NOTE}"]').inner_text()
    assert label.startswith("Note") or label.strip().isdigit()


def test_a_screen_reader_hears_where_each_annotated_quote_starts(tab, default_site, http_server):
    # The highlight is a plain span: without a word read at its start, a screen reader user heard "Note 2" after
    # a sentence with no way to tell which of its words the note is about.
    base = http_server(default_site)
    page = tab
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(base + "articles/jpost-go-it-alone/")
    tree = page.locator("p:has(#a-when-the-two-men)").aria_snapshot()
    assert 'text: "annotated: told"' in tree, tree
    assert tree.index("annotated: told") < tree.index('note "Note 2"')
    assert "annotated" not in page.locator("#a-when-the-two-men").inner_text()  # read, not shown or copied
