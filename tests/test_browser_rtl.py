"""A dossier in a language written right to left (site.yaml `language: he`), in a real browser (Debian's chromium
via Playwright): <html dir="rtl">, and the same style sheets lay every page out mirrored, with nothing off either
edge: sidenotes in the left margin, rules and borders on the right, the skip link off the right edge until it is
focused. An English dossier keeps its layout. (A first attempt that set only dir="rtl" made every page scroll
sideways: the physical offsets of the style sheets then pointed off the wrong edge.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import mini, run_build
from test_browser_hovercards import wait_until
from test_quality_a11y import AXE, RUN_AXE, format_violations, page_types, url_of
from test_quality_html import html_pages, nu_errors

pytestmark = pytest.mark.browser

SITE = """\
title: רפיח, לבד
description: חמש כתבות על דברי נתניהו לבלינקן במרץ 2024, עם הערות העורכים.
language: he
author: עורכי התיק
import:
  drop_lines:
    - pattern: '^שתפו'
      why: בקשת שיתוף
"""
SOURCES = """\
haaretz: {name: הארץ, country: ישראל, homepage: "https://www.haaretz.co.il/"}
ynet: {name: ynet, country: ישראל}
ap: {name: Associated Press, country: ארצות הברית}
"""
ENTITIES = """\
benjamin-netanyahu:
  name: בנימין נתניהו
  kind: person
  aliases: [בנימין נתניהו, נתניהו, Benjamin Netanyahu, Netanyahu]
  summary: ראש ממשלת ישראל.
antony-blinken:
  name: אנטוני בלינקן
  kind: person
  aliases: [אנטוני בלינקן, בלינקן, Blinken]
  summary: מזכיר המדינה של ארצות הברית (2021–2025).
rafah:
  name: רפיח
  kind: place
  aliases: [רפיח, Rafah]
  summary: עיר בדרום רצועת עזה.
"""
SEED_A = "\n".join([  # a seed line is a paragraph
    "נתניהו לבלינקן: ניכנס לרפיח לבד אם יהיה צורך",
    "ראש הממשלה בנימין נתניהו אמר ביום שישי למזכיר המדינה האמריקאי אנטוני בלינקן כי ישראל תפעל ברפיח"
    " גם ללא תמיכת ארצות הברית, ובלינקן השיב כי מבצע קרקעי גדול יהיה טעות.",
    "\"אמרתי לו שאני מקווה שנעשה את זה בתמיכת ארצות הברית, אבל אם נצטרך – נעשה את זה לבד\", אמר נתניהו"
    " בהודעה מצולמת שפורסמה אחרי הפגישה בתל אביב.",
    "בלינקן הזהיר בקהיר כי מבצע קרקעי גדול ברפיח יהיה טעות, והציע חלופות שיאפשרו לפגוע בחמאס בלי לפגוע"
    " באוכלוסייה האזרחית שנמלטה לעיר.",
    "לדברי נתניהו, אין דרך להביס את חמאס בלי להיכנס לרפיח ולחסל את הגדודים שנותרו שם. הוא הוסיף כי ישראל"
    " מכבדת את עמדת ארצות הברית אך תפעל לפי צרכיה.",
    "שתפו את הכתבה", ""])
SEED_B = "\n".join([
    "נתניהו: נעשה את זה לבד",
    "נתניהו אמר לבלינקן כי הוא מקווה שישראל תפעל בתמיכת ארצות הברית, אך \"אם נצטרך – נעשה את זה לבד\","
    " ובלינקן חזר על עמדת הממשל.",
    "בלינקן נפגש גם עם חברי קבינט המלחמה בתל אביב, ושוחח עם בני גנץ על עסקת החטופים.", ""])
SEED_C = """\
Netanyahu rebuffs U.S. plea to halt Rafah offensive
Israeli Prime Minister Benjamin Netanyahu told Blinken that Israel would go into Rafah "alone" if it had to.
"""
ARTICLE_A = """\
seed: a.txt
title: "נתניהו לבלינקן: ניכנס לרפיח לבד אם יהיה צורך"
source: haaretz
date: 2024-03-22
annotations:
  - id: alone
    quote: אם נצטרך – נעשה את זה לבד
    note: הניסוח של נתניהו בהודעה המצולמת; השוו [לגרסאות האחרות](compare:alone).
    kind: quote
    speaker: benjamin-netanyahu
    tags: [quote]
  - id: mistake
    quote: מבצע קרקעי גדול יהיה טעות
    prefix: "השיב כי "
    note: עמדת הממשל האמריקאי כפי שהוצגה בקהיר יום קודם לכן, ובה הזהיר בלינקן גם מפני פגיעה באזרחים רבים.
    tags: [united-states]
  - id: battalions
    quote: אין דרך להביס את חמאס בלי להיכנס לרפיח
    note: >-
      טענה שחוזרת בכל הכתבות; הכתבה אינה מפרטת כמה גדודים נותרו ברפיח, ואילו כתבות אחרות מדברות על ארבעה.
      הערה ארוכה זו נועדה לבדוק את קיפול ההערות בשוליים במסך רחב.
    tags: [quote]
"""
ARTICLE_B = """\
seed: b.txt
title: "נתניהו: נעשה את זה לבד"
source: ynet
date: 2024-03-23
annotations:
  - id: alone
    quote: אם נצטרך – נעשה את זה לבד
    note: אותו ניסוח כמו בהארץ.
"""
ARTICLE_C = """\
seed: c.txt
title: Netanyahu rebuffs U.S. plea to halt Rafah offensive
source: ap
date: 2024-03-22
annotations:
  - id: alone
    quote: would go into Rafah "alone"
    note: הגרסה האנגלית של סוכנות הידיעות, בגוף שלישי.
"""
COMPARISON = """\
title: "“נעשה את זה לבד”"
question: איך ניסחו הכתבות את דברי נתניהו על רפיח?
kind: quote
witnesses:
  - article: a
    quote: אם נצטרך – נעשה את זה לבד
  - article: b
    quote: אם נצטרך – נעשה את זה לבד
    note: בלי מרכאות בכותרת.
"""
FILES = {"site.yaml": SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
         "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "seeds/c.txt": SEED_C,
         "content/articles/a.yaml": ARTICLE_A, "content/articles/b.yaml": ARTICLE_B,
         "content/articles/c.yaml": ARTICLE_C, "content/comparisons/alone.yaml": COMPARISON}


@pytest.fixture(scope="module")
def hebrew_site(tmp_path_factory) -> Path:
    root = mini(tmp_path_factory.mktemp("rtl"), FILES)
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


WIDTHS = (320, 375, 1280)
PAGES = ("", "articles/a/", "articles/c/", "sources/", "report/", "entities/", "entities/benjamin-netanyahu/",
         "compare/", "compare/alone/", "passages/", "timeline/", "tags/", "tags/quote/", "search/", "404.html")
WIDE = "document.scrollingElement.scrollWidth"
# Every box that sticks out of the viewport on either side, but those meant to: the skip link (until focused),
# hidden labels, and what scrolls inside a table's own scrolling box. A right-to-left page cannot be scrolled to
# what sticks out on its right, so the scroll width alone would not see it.
OUTSIDE = """() => {
  const vw = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".skip:not(:focus), .visually-hidden, svg") || (el.parentElement.closest(".table-wrap"))) continue;
    const r = el.getBoundingClientRect();
    if ((r.width || r.height) && (r.left < -0.5 || r.right > vw + 0.5))
      out.push(el.tagName.toLowerCase() + "." + el.className + " " + Math.round(r.left) + ".." + Math.round(r.right));
  }
  return out;
}"""
BOX = "el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right}; }"


@pytest.fixture(scope="module")
def he_url(hebrew_site, http_server) -> str:
    return http_server(hebrew_site)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_of_a_hebrew_dossier_scrolls_sideways_or_sticks_out_of_the_screen(new_page, he_url, width):
    page = new_page(viewport={"width": width, "height": 800})
    for path in PAGES:
        response = page.goto(he_url + path)
        assert response is not None and response.ok, path
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["he", "rtl"]
        assert page.evaluate(WIDE) <= width, (path, page.evaluate(WIDE))
        assert page.evaluate(OUTSIDE) == [], path
    page.close()


def margin_notes(page) -> tuple[dict, list[dict]]:
    """The text column's box and every sidenote's, on an article page."""
    column = page.locator(".article-body").evaluate(BOX)
    notes = page.locator(".article-body .sidenote").evaluate_all(f"els => els.map({BOX})")
    assert notes, "the article has sidenotes"
    return column, notes


def test_on_a_wide_screen_hebrew_sidenotes_sit_in_the_left_margin_inside_the_screen(new_page, he_url):
    page = new_page(viewport={"width": 1280, "height": 900})
    for path in ("articles/a/", "articles/c/"):  # (c/ is an English report: its notes stay in the same margin)
        page.goto(he_url + path)
        column, notes = margin_notes(page)
        for note in notes:
            assert 0 <= note["left"] and note["right"] <= column["left"] + 0.5, (path, note, column)
    page.close()


def test_an_english_dossier_keeps_its_sidenotes_right_of_the_text_and_writes_no_dir(new_page, default_site,
                                                                                     http_server):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(http_server(default_site) + "articles/jpost-go-it-alone/")
    assert page.evaluate("document.documentElement.getAttribute('dir')") is None
    column, notes = margin_notes(page)
    for note in notes:
        assert column["right"] - 0.5 <= note["left"] and note["right"] <= 1280, (note, column)
    assert page.evaluate(OUTSIDE) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(OUTSIDE) == [] and page.evaluate(WIDE) <= 320
    page.close()


def skip_link(page) -> tuple[dict, dict]:
    """The skip link's box before and after it is focused with the Tab key (the first stop of every page)."""
    before = page.locator(".skip").evaluate(BOX)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    return before, page.locator(".skip").evaluate(BOX)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_skip_link_waits_off_the_right_edge_of_a_hebrew_page_and_shows_at_the_right_when_focused(
        new_page, he_url, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(he_url + "articles/a/")
    before, focused = skip_link(page)
    assert before["left"] >= width, before
    assert 0 <= focused["left"] and width - 16 <= focused["right"] <= width, focused  # .5rem from the right
    assert page.evaluate(WIDE) <= width
    page.close()


def test_the_skip_link_of_an_english_page_still_waits_off_the_left_edge(new_page, default_site, http_server):
    page = new_page(viewport={"width": 375, "height": 800})
    page.goto(http_server(default_site) + "articles/jpost-go-it-alone/")
    before, focused = skip_link(page)
    assert before["right"] <= 0, before
    assert 0 <= focused["left"] <= 16 and focused["right"] <= 375, focused
    page.close()


OPEN_CARD = "document.querySelector('.hovercard.hc-open:not([hidden])')"


@pytest.mark.parametrize("width", (375, 1280))
def test_a_hovercard_on_a_hebrew_page_starts_at_the_right_edge_of_its_link_and_stays_on_the_screen(
        new_page, he_url, width):
    """The card was placed from the link's left edge, as in English, so that it ran on past the link's end."""
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(he_url + "articles/a/")
    wait_until(page, "document.querySelector('.hovercard')")
    for link in (page.locator(".article-body p a.m").first, page.locator(".article-body p a.m").last):
        link.hover()
        wait_until(page, OPEN_CARD)
        card, line = page.evaluate(f"""() => {{
            const c = {OPEN_CARD}.getBoundingClientRect(), r = document.querySelector('a.m:hover').getClientRects();
            return [{{left: c.left, right: c.right}}, {{left: r[0].left, right: r[0].right}}];
        }}""")
        assert 8 - 0.5 <= card["left"] and card["right"] <= width - 8 + 0.5, (card, width)
        if line["right"] - (card["right"] - card["left"]) >= 8:  # room for the card: it ends where the link does
            assert abs(card["right"] - line["right"]) <= 1, (card, line)
        page.mouse.move(0, 0)
        page.keyboard.press("Escape")
    page.close()


def test_the_labels_of_the_graph_of_a_hebrew_dossier_sit_beside_their_nodes(new_page, he_url):
    """In a right-to-left page "text-anchor: start" drew a label on the right of its node back across it."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(he_url + "entities/")
    nodes = page.locator(".cograph-node").evaluate_all("""nodes => nodes.map(n => {
        const c = n.querySelector('circle').getBoundingClientRect(), t = n.querySelector('text');
        const b = t.getBoundingClientRect();
        return {anchor: t.getAttribute('text-anchor'), circle: [c.left, c.right], label: [b.left, b.right]};
    })""")
    assert {n["anchor"] for n in nodes} >= {"start", "end"}, nodes
    for n in nodes:
        if n["anchor"] == "start":
            assert n["label"][0] >= n["circle"][1] - 0.5, n
        elif n["anchor"] == "end":
            assert n["label"][1] <= n["circle"][0] + 0.5, n
    page.close()


def test_an_english_report_in_a_hebrew_dossier_reads_left_to_right_from_the_left_edge(new_page, he_url):
    """Its final full stop stood at its left end, before its first word."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(he_url + "articles/c/")
    first, last, box = page.locator(".article-body p").first.evaluate("""p => {
        const range = (node, start, end) => { const r = document.createRange(); r.setStart(node, start);
                                               r.setEnd(node, end); return r.getBoundingClientRect(); };
        const head = p.firstChild, tail = p.lastChild;
        return [range(head, 0, 7), range(tail, tail.length - 1, tail.length), p.getBoundingClientRect()];
    }""")
    assert abs(first["left"] - box["left"]) <= 1, (first, box)   # "Israeli", at the left edge
    assert last["left"] > first["right"]                          # the full stop, at the other end
    hebrew = page.locator(".site-title").evaluate(BOX)           # the site's own words stay on the right
    assert hebrew["right"] > 1280 / 2
    page.close()


# The box of a block's first three visible letters, and the block's (hidden labels are skipped).
FIRST_LETTERS = """el => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.textContent.trim() && !n.parentElement.closest('.visually-hidden') ? NodeFilter.FILTER_ACCEPT
                                                                              : NodeFilter.FILTER_REJECT});
    const node = walk.nextNode(), range = document.createRange(), start = node.textContent.search(/\\S/);
    range.setStart(node, start);
    range.setEnd(node, start + 3);
    const r = range.getBoundingClientRect(), b = el.getBoundingClientRect();
    return [{left: r.left, right: r.right}, {left: b.left, right: b.right}];
}"""


@pytest.mark.parametrize("path, selector", [("articles/a/", ".article-body p"), ("compare/alone/", ".wit-text p"),
                                            ("entities/benjamin-netanyahu/", ".quote-items blockquote p")])
def test_hebrew_seed_text_starts_at_the_right_though_english_labels_are_hidden_in_it(new_page, he_url, path,
                                                                                      selector):
    """Each seed paragraph takes its direction from its first letter: not from the English words hidden for
    screen readers before it ("Context: ", "Compared words: ")."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(he_url + path)
    letters, block = page.locator(selector).first.evaluate(FIRST_LETTERS)
    assert abs(letters["right"] - block["right"]) <= 1, (letters, block)
    page.close()


def test_hebrew_tables_start_at_the_right_and_rules_and_borders_are_on_the_right(new_page, he_url):
    page = new_page(viewport={"width": 375, "height": 800})
    page.goto(he_url + "sources/")
    heads = page.locator("table.sources thead th").evaluate_all(f"els => els.map({BOX})")
    assert heads[0]["left"] > heads[1]["left"] > heads[2]["left"], heads   # Outlet, Country, Articles
    assert page.locator("table.sources th").first.evaluate("el => getComputedStyle(el).textAlign") == "start"
    page.goto(he_url + "entities/benjamin-netanyahu/")
    for selector in ("blockquote", ".contexts li"):
        sides = page.locator(selector).first.evaluate(
            "el => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]")
        assert sides == ["3px", "0px"], (selector, sides)
    page.goto(he_url + "articles/a/")
    page.locator(".sn-toggle").first.click()   # on a phone a note opens inside the text
    note = page.locator(".sidenote").first
    assert note.is_visible()
    # (named in English by its number's hidden words, which on a phone are hidden themselves: a name all the same)
    expect(note).to_have_accessible_name("Note 1")
    assert note.evaluate("el => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]") == \
        ["3px", "0px"]
    page.close()


def test_every_page_of_a_hebrew_dossier_is_valid_html(hebrew_site):
    """The W3C Nu checker, as tests/test_quality_html.py runs it on the default dossier."""
    pages = html_pages(hebrew_site)
    assert not nu_errors(hebrew_site, pages), len(pages)


def test_no_page_type_of_a_hebrew_dossier_has_accessibility_violations(browser, hebrew_site, he_url):
    """axe-core, as tests/test_quality_a11y.py runs it on the default dossier, at desktop and phone sizes."""
    if not AXE.exists():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"{AXE} is missing: run `npm ci --ignore-scripts`")
    failures: list[str] = []
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    for kind, rel in page_types(hebrew_site).items():
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url_of(he_url, rel))
        page.add_script_tag(path=str(AXE))
        for width, height in ((1280, 900), (375, 800)):
            page.set_viewport_size({"width": width, "height": height})
            failures += format_violations(f"{rel} [{kind}, {width}px]", page.evaluate(RUN_AXE, None))
    context.close()
    assert not failures, "\n".join(failures)


def test_an_arabic_quote_in_an_english_dossier_keeps_a_gap_between_a_missing_word_and_the_next(
        new_page, tmp_path, http_server):
    """Review 60: in an English site the witness paragraph laid an Arabic quote out right to left (unicode-bidi:
    plaintext) while its marks kept the page's left-to-right direction, so a missing word's gap fell on the wrong
    side and "بذلك" ran into "سنقوم". A missing word has a gap on both sides, whichever way its text runs."""
    from conftest import MINIMAL_SITE, MINIMAL_SOURCES, run_build, write_tree

    def article(seed: str, source: str) -> str:
        return f"seed: {seed}\ntitle: t {source}\nsource: {source}\ndate: 2024-03-22\n"

    root = write_tree(tmp_path / "d", {
        "site.yaml": MINIMAL_SITE, "content/sources.yaml": MINIMAL_SOURCES,
        "seeds/a.txt": "عنوان\nقال نتنياهو إذا اضطررنا سنقوم بذلك وحدنا في رفح.\n",
        "seeds/b.txt": "عنوان\nقال نتنياهو إن اضطررنا فسنفعل ذلك وحدنا في رفح.\n",
        "content/articles/a.yaml": article("a.txt", "outlet-a"),
        "content/articles/b.yaml": article("b.txt", "outlet-b"),
        "content/comparisons/alone.yaml": (
            "title: Alone\nquestion: How?\nkind: quote\nwitnesses:\n"
            "  - article: a\n    quote: إذا اضطررنا سنقوم بذلك وحدنا\n"
            "  - article: b\n    quote: إن اضطررنا فسنفعل ذلك وحدنا\n")})
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(http_server(root / "_site") + "compare/alone/")
    marks = page.locator(".wit-text .r:not([hidden]) del").evaluate_all(
        "els => els.map(e => [parseFloat(getComputedStyle(e).marginLeft), parseFloat(getComputedStyle(e).marginRight),"
        " e.getBoundingClientRect().left, e.nextElementSibling && e.nextElementSibling.getBoundingClientRect().right])")
    assert marks, "the other witness has missing words"
    assert all(left > 0 and right > 0 for left, right, *_ in marks), marks
    # right to left: the word after a missing one is on its left, apart from it
    assert all(after is None or after < box for *_, box, after in marks), marks
    page.close()


# The language a screen reader reads an element's words in: its nearest `lang`.
LANGUAGE = "el => el.closest('[lang]').getAttribute('lang')"


def test_a_hovercards_own_words_on_a_hebrew_page_are_marked_english_and_the_entitys_name_is_not(new_page, he_url):
    """Review 69: the cards' "Person", "Named 3 times in this article" and "All mentions" were read in Hebrew."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(he_url + "articles/a/")
    wait_until(page, "document.querySelector('.hovercard .hc-foot')")
    card = page.locator(".hovercard").first
    assert [card.locator(part).evaluate(LANGUAGE) for part in (".hc-name", ".hc-kind", ".hc-foot")] == \
        ["he", "en", "en"]
    page.close()


def test_what_a_hebrew_comparison_says_of_a_new_base_is_english_but_the_outlets_name(new_page, he_url):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(he_url + "compare/alone/")
    page.locator("#base-w-b").check()
    live = page.locator("[data-live]")
    assert live.text_content() == "Differences are now marked against ynet."
    assert live.evaluate(LANGUAGE) == "en"
    assert live.evaluate("el => Array.from(el.querySelectorAll('[lang]'), e => [e.textContent, e.lang])") == \
        [["ynet", "he"]]
    page.close()


def test_the_search_box_of_a_hebrew_page_is_named_by_its_english_heading(new_page, he_url):
    """An aria-label "Search the dossier" was read in Hebrew; the box itself, where the query is typed in any
    language, cannot be marked English."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(he_url + "search/")
    wait_until(page, "document.querySelector('.pagefind-ui__search-input:is([aria-label], [aria-labelledby])')",
               timeout=15)
    box = page.locator(".pagefind-ui__search-input")
    assert box.get_attribute("aria-label") is None and box.evaluate(LANGUAGE) == "he"
    name = page.locator("#" + (box.get_attribute("aria-labelledby") or "nothing"))
    assert (name.text_content(), name.evaluate(LANGUAGE)) == ("Search", "en")
    page.close()


def test_a_hebrew_page_has_no_english_word_read_at_its_highlights(new_page, he_url):
    """The screen reader's "annotated:" at a highlight's start is a style sheet's word, which cannot be marked
    English: on a Hebrew page a Hebrew voice would read it, so it is said on English sites only."""
    page = new_page()
    page.goto(he_url + "articles/a/")
    assert page.locator(".hl[id^='a-']").count() > 0
    assert "annotated" not in page.locator("article").aria_snapshot()
    page.close()
