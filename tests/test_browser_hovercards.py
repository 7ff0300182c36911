"""Entity hovercards in a real browser (Debian's chromium via Playwright): made from the site's one cards file,
mouse, keyboard, Escape, touch, and plain links when that file cannot be had. Moving into and out of a card with
the keyboard, and what screen readers are given: test_browser_hovercard_keys.py."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conftest import mini, run_build

pytestmark = pytest.mark.browser

ENTITIES = """\
ron-dermer:
  name: Ron Dermer
  kind: person
  aliases: [Dermer]
  summary: Israel's Strategic Affairs Minister.
washington:
  name: Washington, D.C.
  kind: place
  aliases: [Washington]
  summary: Capital of the United States.
"""
SEED = """\
Talks in Washington

The minister spoke at length before the talks began, and reporters waited outside for him. Strategic Affairs Minister Ron Dermer flew to Washington on Monday for the talks.

Later, Dermer said the talks were useful.
"""
ARTICLE = """\
seed: a.txt
title: Talks in Washington
source: outlet-a
date: 2024-03-21
"""
CARD = "#hc-ron-dermer"
LINK = 'a.m[href$="/entities/ron-dermer/"]'


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = mini(tmp_path_factory.mktemp("hovercards"),
                {"content/entities.yaml": ENTITIES, "seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def article_url(built, http_server) -> str:
    return http_server(built) + "articles/a/"


DESKTOP = {"width": 1100, "height": 800}


def opened_in(page, url: str, viewport: dict = DESKTOP):
    """`url` opened in `page` (conftest's `tab`: a page the tests take in turn), in a window of `viewport`, once
    its script has made the cards."""
    page.set_viewport_size(viewport)
    page.goto(url)
    wait_until(page, f"document.querySelector('{CARD}')")
    return page


def wait_until(page, expression: str, timeout: float = 5.0) -> None:
    """Poll a JavaScript expression (the pages' Content-Security-Policy forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(20)


SHOWN = f"getComputedStyle(document.querySelector('{CARD}')).opacity === '1' && !document.querySelector('{CARD}').hidden"
HIDDEN = f"document.querySelector('{CARD}').hidden"


def card_state(page) -> dict:
    return page.evaluate(f"""() => {{
        const c = document.querySelector('{CARD}');
        return {{hidden: c.hidden, open: c.classList.contains('hc-open'), opacity: getComputedStyle(c).opacity}};
    }}""")


def watch_card(page) -> None:
    """Record when the pointer or focus reaches a mention, and when its card is unhidden."""
    page.evaluate(f"""() => {{
        window.__t = {{}};
        document.querySelectorAll('{LINK}').forEach(a => {{
            a.addEventListener('pointerenter', () => {{ window.__t.start = performance.now(); }});
            a.addEventListener('focus', () => {{ window.__t.start = performance.now(); }});
        }});
        const card = document.querySelector('{CARD}');
        new MutationObserver(() => {{
            if (!card.hidden && window.__t.shown === undefined) window.__t.shown = performance.now();
        }}).observe(card, {{attributes: true, attributeFilter: ['hidden']}});
    }}""")


def test_the_cards_are_made_from_the_sites_file_for_the_entities_the_page_links(tab, article_url):
    page = opened_in(tab, article_url)
    cards = page.evaluate("""() => Array.from(document.querySelectorAll('.hovercards > .hovercard')).map(c => ({
        id: c.id, entity: c.dataset.entity, role: c.getAttribute('role'), hidden: c.hidden,
        label: document.getElementById(c.getAttribute('aria-labelledby')).textContent,
        name: c.querySelector('.hc-name').textContent, kind: c.querySelector('.hc-kind').textContent,
        summary: c.querySelector('.hc-summary').innerHTML, foot: c.querySelector('.hc-foot').textContent,
        links: Array.from(c.querySelectorAll('.hc-foot a')).map(a => a.getAttribute('href'))}))""")
    washington = {"id": "hc-washington", "entity": "washington", "role": "group", "hidden": True,
                  "label": "Washington, D.C.", "name": "Washington, D.C.", "kind": "Place", "summary": "<p>Capital of the United States.</p>\n",
                  "foot": "Named 2 times in this article · All mentions", "links": ["/entities/washington/"]}
    dermer = {"id": "hc-ron-dermer", "entity": "ron-dermer", "role": "group", "hidden": True, "label": "Ron Dermer",
              "name": "Ron Dermer", "kind": "Person", "summary": "<p>Israel's Strategic Affairs Minister.</p>\n",
              "foot": "Named 2 times in this article · All mentions", "links": ["/entities/ron-dermer/"]}
    assert cards == [washington, dermer]   # in order of first mention (the headline names Washington first)
    # the first mention of each is described by its card and has it as its details; later ones only while
    # it is shown
    described = """() => Array.from(document.querySelectorAll('a.m')).map(a =>
        [a.getAttribute('href'), a.getAttribute('aria-describedby'), a.getAttribute('aria-details')])"""
    first = [["/entities/washington/", "hct-washington", "hc-washington"],
             ["/entities/ron-dermer/", "hct-ron-dermer", "hc-ron-dermer"]]
    assert page.evaluate(described) == first + [["/entities/washington/", None, None],
                                                 ["/entities/ron-dermer/", None, None]]
    page.locator(LINK).nth(1).hover()
    wait_until(page, SHOWN)
    assert page.evaluate(described)[3] == ["/entities/ron-dermer/", "hct-ron-dermer", "hc-ron-dermer"]
    page.keyboard.press("Escape")
    assert page.evaluate(described) == first + [["/entities/washington/", None, None],
                                                 ["/entities/ron-dermer/", None, None]]


SPLIT_ENTITIES = """\
constructor:
  name: Constructor <b>Group</b>
  kind: organisation
  aliases: [Constructor Corp]
  summary: A building firm.
ron-dermer:
  name: Ron Dermer
  kind: person
  aliases: [Dermer]
  summary: Israel's Strategic Affairs Minister.
"""
SPLIT_SEED = """\
Talks in Washington

Strategic Affairs Minister Ron Dermer met Constructor Corp on Monday for the talks.

Later, Dermer said Constructor Corp was useful.
"""
SPLIT_ARTICLE = ARTICLE + """\
annotations:
  - id: split
    quote: Minister Ron
  - id: split-again
    quote: Dermer said Constructor
"""


def test_a_mention_cut_by_an_annotation_counts_once_and_any_entity_id_gets_its_card(
        tab, tmp_path_factory, http_server):
    """A mention an annotation's edge cuts is one link, with its id (it was one link per piece, only the first
    with the id): the card counts mentions. An entity whose id is a name every object has ("constructor") gets
    its card like any other, and its name is shown as text."""
    files = {"content/entities.yaml": SPLIT_ENTITIES, "seeds/a.txt": SPLIT_SEED, "content/articles/a.yaml": SPLIT_ARTICLE}
    root = mini(tmp_path_factory.mktemp("split"), files)
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    page = tab
    page.goto(http_server(out) + "articles/a/")
    wait_until(page, "document.querySelectorAll('.hovercard').length === 2")
    assert page.evaluate("Array.from(document.querySelectorAll('a.m')).map(a => a.id)") == [  # 4, 2 of them cut
        "m-1", "m-2", "m-3", "m-4"]
    cards = page.evaluate("""() => Array.from(document.querySelectorAll('.hovercard')).map(c =>
        [c.id, c.querySelector('.hc-name').textContent, c.querySelector('.hc-foot').textContent])""")
    assert cards == [["hc-ron-dermer", "Ron Dermer", "Named 2 times in this article · All mentions"],
                     ["hc-constructor", "Constructor <b>Group</b>", "Named 2 times in this article · All mentions"]]
    assert page.evaluate("document.querySelector('a.m[href$=\"/constructor/\"]').getAttribute('aria-describedby')") \
        == "hct-constructor"


def test_without_the_cards_file_the_mentions_stay_plain_links(tab, built, http_server, tmp_path):
    bare = tmp_path / "site"
    shutil.copytree(built, bare)
    (bare / "entities" / "cards.json").unlink()
    page = tab
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with page.expect_response(lambda response: response.url.endswith("/entities/cards.json")) as asked:
        page.goto(http_server(bare) + "articles/a/")
    assert asked.value.status == 404
    page.wait_for_timeout(200)
    assert page.evaluate("document.querySelectorAll('.hovercard').length") == 0
    assert page.evaluate("document.querySelector('a.m').hasAttribute('aria-describedby')") is False
    assert errors == []


def test_hovering_an_entity_link_shows_its_card_after_a_short_delay_and_escape_hides_it(tab, article_url):
    page = opened_in(tab, article_url)
    assert card_state(page)["hidden"]
    watch_card(page)
    link = page.locator(LINK).first
    link.hover()
    wait_until(page, SHOWN)
    delay = page.evaluate("window.__t.shown - window.__t.start")
    assert 140 <= delay < 1000, delay                      # not at once: a pointer passing over does nothing
    card = page.locator(CARD)
    assert card.is_visible()
    assert "Israel's Strategic Affairs Minister." in card.inner_text()
    assert not page.locator(f"{CARD} .hc-keys").is_visible()   # (how the keyboard reaches its links: not here)
    # The card never covers the link it describes (even when the link wraps over two lines).
    assert not page.evaluate(f"""() => {{
        const c = document.querySelector('{CARD}').getBoundingClientRect();
        return Array.from(document.querySelector('{LINK}').getClientRects()).some(r =>
            r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom);
    }}""")
    box = card.bounding_box()
    assert box
    # The pointer can move onto the card (to use its links) without it closing.
    page.mouse.move(box["x"] + 20, box["y"] + 20, steps=4)
    page.wait_for_timeout(400)
    assert card.is_visible()
    page.keyboard.press("Escape")
    assert card_state(page)["hidden"]


def test_a_quick_pass_over_a_link_shows_nothing_and_leaving_hides_the_card(tab, article_url):
    page = opened_in(tab, article_url)
    page.evaluate(f"""() => {{
        window.__pass = {{}};
        const link = document.querySelector('{LINK}');
        link.addEventListener('pointerenter', () => {{ window.__pass.enter = performance.now(); }});
        link.addEventListener('pointerleave', () => {{ window.__pass.leave = performance.now(); }});
        const card = document.querySelector('{CARD}');
        new MutationObserver(() => {{ if (!card.hidden) window.__pass.shown = true; }})
            .observe(card, {{attributes: true, attributeFilter: ['hidden']}});
    }}""")
    page.locator(LINK).first.hover()
    page.mouse.move(5, 5)
    page.wait_for_timeout(400)
    passed = page.evaluate("window.__pass")
    if passed["leave"] - passed["enter"] < 120:            # the pass really was quicker than the delay
        assert "shown" not in passed
    assert card_state(page)["hidden"]
    page.locator(LINK).first.hover()
    wait_until(page, SHOWN)
    page.mouse.move(5, 5)
    wait_until(page, HIDDEN)


def test_focusing_an_entity_link_with_the_keyboard_shows_its_card_and_escape_hides_it(tab, article_url):
    page = opened_in(tab, article_url)
    watch_card(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{LINK}')"):
            break
    else:
        raise AssertionError("no link to Ron Dermer is reachable with the Tab key")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "hct-ron-dermer"
    wait_until(page, SHOWN)
    assert page.evaluate("window.__t.shown - window.__t.start") >= 140
    assert page.locator(CARD).is_visible()
    page.keyboard.press("Escape")
    assert card_state(page)["hidden"]
    assert page.evaluate(f"document.activeElement.matches('{LINK}')")      # focus stays on the link
    page.keyboard.press("Tab")                                             # moving on never leaves a card behind
    page.wait_for_timeout(300)
    assert card_state(page)["hidden"]


def test_on_a_touch_screen_a_tap_shows_no_card_and_follows_the_link(browser, article_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(article_url)
    wait_until(page, f"document.querySelector('{CARD}')")
    # First hold the navigation back, to see that a tap alone never opens a card ...
    page.evaluate("() => { window.__hold = e => e.preventDefault(); document.addEventListener('click', window.__hold); }")
    page.locator(LINK).first.tap()
    page.wait_for_timeout(700)
    assert card_state(page)["hidden"]
    # ... then let it go: the tap follows the link.
    page.evaluate("() => document.removeEventListener('click', window.__hold)")
    with page.expect_navigation():
        page.locator(LINK).first.tap()
    assert page.url.endswith("/entities/ron-dermer/")
    context.close()
