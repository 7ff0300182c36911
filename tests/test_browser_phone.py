"""Pages on a phone in a real browser (Debian's chromium via Playwright): nothing widens the page, a note's
number is a target a finger can tap and shows keyboard focus, and right-to-left titles keep the words around
them in order. Found by a review of the pages of larger and odder dossiers."""

from __future__ import annotations

import pytest

from conftest import mini, run_build

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
WIDE = "document.scrollingElement.scrollWidth"


@pytest.mark.parametrize("path", ["sources/", "report/", "entities/biden-administration/", "", "tags/",
                                  "articles/jpost-go-it-alone/"])
def test_no_page_of_the_default_dossier_scrolls_sideways_on_a_phone(new_page, default_site, http_server, path):
    """The coverage table's hidden labels escaped its scrolling box (sources/: 579px wide); the report's table
    had no scrolling box (565px)."""
    page = new_page(viewport=PHONE)
    page.goto(http_server(default_site) + path)
    assert page.evaluate(WIDE) <= PHONE["width"]
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(WIDE) <= 320
    page.close()


@pytest.mark.parametrize("path", ["entities/benjamin-netanyahu/", "entities/rafah/", "search/?q=rafah"])
def test_a_phone_zoomed_to_200_percent_scrolls_no_page_sideways(browser, default_site, http_server, path):
    """A 390px phone at 200% zoom is 195 CSS pixels wide: an entity's facts squeezed their values into a column a
    letter wide beside "Named in the sources as", and Pagefind's excerpts (200px at least) ran off the screen
    (review 126). (Below the 320px reflow width WCAG asks for, but what a reader who zooms meets.)"""
    page = browser.new_page(viewport={"width": 195, "height": 422}, is_mobile=True, has_touch=True)
    page.goto(http_server(default_site) + path)
    if "search" in path:
        page.wait_for_selector(".pagefind-ui__result-excerpt", timeout=15000)
    assert page.evaluate(WIDE) <= 195
    page.close()


def test_a_notes_number_is_a_24px_target_and_shows_keyboard_focus_on_a_phone(new_page, default_site, http_server):
    page = new_page(viewport=PHONE)
    page.goto(http_server(default_site) + "articles/jpost-go-it-alone/")
    toggle = page.locator(".sn-toggle").first
    box = toggle.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    assert toggle.evaluate("el => getComputedStyle(el).outlineStyle") == "none"
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.classList.contains('sn-check')"):
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    label = page.locator(f".sn-toggle[for='{focused}']")
    assert label.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    # Enter opens and closes a note as Space does, Escape closes it (a checkbox answered Space alone)
    shown = f"getComputedStyle(document.querySelector('#{focused} + .sidenote')).display !== 'none'"
    assert not page.evaluate(shown)
    page.keyboard.press("Enter")
    assert page.evaluate(shown) and page.evaluate("document.activeElement.id") == focused
    page.keyboard.press("Enter")
    assert not page.evaluate(shown)
    page.keyboard.press("Space")
    assert page.evaluate(shown)
    page.keyboard.press("Escape")
    assert not page.evaluate(shown)
    page.keyboard.press("Escape")  # (closed already: stays closed)
    assert not page.evaluate(shown) and page.url.endswith("articles/jpost-go-it-alone/")
    page.close()


def test_a_focused_input_shows_its_own_focus_not_the_control_after_it(new_page, default_site, http_server):
    """`input:focus-visible + *` outlined what follows any focused input: the header's search box left its
    button looking focused, a comparison's base choice outlined the date after it."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(http_server(default_site) + "sources/")
    page.focus("#site-search-q")
    outline = "el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]"
    assert page.locator("#site-search-q").evaluate(outline) == ["solid", "3px"]
    assert page.locator(".site-search button").evaluate(outline)[0] == "none"
    page.close()


def test_a_hebrew_outlet_and_title_keep_the_date_and_the_count_in_their_place(new_page, http_server, tmp_path):
    """"הארץ · 2024-03-23 · 6 annotations" was shown as "6 · 2024-03-23 · הארץ annotations"."""
    root = mini(tmp_path, {
        "content/sources.yaml": "haaretz: {name: הארץ}\n",
        "seeds/a.txt": "נתניהו: נעשה את זה לבד\nRafah alone, he said. Long words: " + "x" * 90 + "\n",
        "content/articles/a.yaml": "seed: a.txt\ntitle: \"נתניהו: נעשה את זה לבד\"\nsource: haaretz\n"
                                   "date: 2024-03-23\nannotations:\n  - id: q\n    quote: Rafah alone\n"})
    assert run_build(root, "--no-search").returncode == 0
    page = new_page(viewport=PHONE)
    page.goto(http_server(root / "_site"))
    meta = page.locator(".article-list .meta").first
    outlet = meta.locator(".outlet").bounding_box()
    date = meta.locator("time").bounding_box()
    assert outlet is not None and date is not None and outlet["x"] < date["x"], (outlet, date)
    assert page.evaluate(WIDE) <= PHONE["width"]
    page.goto(http_server(root / "_site") + "articles/a/")
    assert page.evaluate(WIDE) <= PHONE["width"]  # (a 90-letter word breaks)
    page.close()


def test_an_entity_named_at_the_start_of_a_hebrew_sentence_stays_its_first_word(new_page, http_server, tmp_path):
    """Review: isolating every link moved a Hebrew sentence's first word, an entity's link, to its end."""
    root = mini(tmp_path, {
        "content/entities.yaml": "netanyahu: {name: נתניהו, kind: person}\n",
        "seeds/a.txt": "כותרת\nנתניהו אמר לבלינקן שישראל תפעל לבד\n",
        "content/articles/a.yaml": "seed: a.txt\ntitle: כותרת\nsource: outlet-a\ndate: 2024-03-23\n"
                                   "annotations:\n  - id: q\n    quote: אמר לבלינקן\n"})
    assert run_build(root, "--no-search").returncode == 0
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(http_server(root / "_site") + "articles/a/")
    link = page.locator(".article-body a.m").first
    assert link.inner_text() == "נתניהו"
    positions = link.evaluate("""el => {
        const range = document.createRange();
        const next = el.nextSibling;  // " " and the next word, in the highlight or as text
        const node = next.nodeType === 3 ? next : next.firstChild;
        range.setStart(node, node.textContent.length > 1 ? 1 : 0);
        range.setEnd(node, Math.min(node.textContent.length, 4));
        return [el.getBoundingClientRect().left, range.getBoundingClientRect().left];
    }""")
    assert positions[0] > positions[1], positions  # right to left: the first word is the rightmost
    page.close()


CAPTION = """table => { const c = document.querySelector(table + " caption"), box = c.closest(".table-wrap");
  const r = document.createRange(); r.selectNodeContents(c);
  const head = c.closest("table").querySelector("thead").getBoundingClientRect();
  const first = c.closest("table").querySelector("thead th").getBoundingClientRect();
  return {text: r.getBoundingClientRect().right, box: box.getBoundingClientRect().right,
          wide: box.scrollWidth > box.clientWidth, below: c.getBoundingClientRect().bottom - head.top,
          width: c.getBoundingClientRect().width, column: first.width, inside: box.clientWidth}; }"""


def test_a_wide_tables_caption_stays_whole_in_view_on_a_phone(new_page, default_site, http_server):
    """A table wider than a phone scrolls sideways in its box; its caption scrolled with it and was cut after a
    few words (review 69). It keeps to the box, and still names the table. (The figure table was such a table
    until it became a list of cards on a phone, review 141; the coverage matrix still scrolls.)"""
    page = new_page(viewport={"width": 1280, "height": 800})  # (on a wide screen: above, as wide as the table)
    page.goto(http_server(default_site) + "compare/death-toll/")
    wide = page.evaluate(CAPTION, ".figure-table")
    assert wide["below"] <= 0.5 and wide["width"] >= wide["inside"] - 1, wide
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(http_server(default_site) + "sources/")
    found = page.evaluate(CAPTION, ".coverage-matrix")
    assert found["wide"], "the table is wider than its box on a phone (else this test shows nothing)"
    assert found["text"] <= found["box"] + 0.5
    assert found["below"] <= 0.5 and found["width"] > found["column"]  # (above the header, wider than a column)
    page.locator(".table-wrap:has(.coverage-matrix)").evaluate("box => box.scrollLeft = 200")
    assert page.evaluate(CAPTION, ".coverage-matrix")["text"] <= found["box"] + 0.5
    name = page.locator(".coverage-matrix").evaluate("t => t.caption.textContent")
    assert page.get_by_role("table", name=name).count() == 1
    page.close()
