"""Entity hovercards with the keyboard alone, in a real browser (Debian's chromium via Playwright): Tab goes
through the page's own links whatever the cards shown, Down arrow goes into a mention's card, every link of it
can be reached and followed, Tab leaves the card for what follows the mention (never back into it: no trap),
Escape gives focus back to the mention, focus is never left on a hidden card, and the accessibility tree relates
the card to its mention (Chromium's own tree, read over the DevTools protocol). Mouse, touch and the cards
themselves: test_browser_hovercards.py."""

from __future__ import annotations

import pytest

from conftest import mini, run_build
from test_browser_hovercards import ARTICLE, CARD, DESKTOP, HIDDEN, SEED, SHOWN, card_state, opened_in, wait_until
from test_quality_a11y import RUN_AXE, axe_path, format_violations  # noqa: F401 (axe_path: a fixture)

pytestmark = pytest.mark.browser

# The card of Ron Dermer holds three links, as the default dossier's cards do: one in its summary, its entity
# page (all mentions) and Wikidata.
ENTITIES = """\
ron-dermer:
  name: Ron Dermer
  kind: person
  aliases: [Dermer]
  summary: Israel's Strategic Affairs Minister. [Wikipedia](https://en.wikipedia.org/wiki/Ron_Dermer)
  wikidata: Q2445437
washington:
  name: Washington, D.C.
  kind: place
  aliases: [Washington]
  summary: Capital of the United States.
"""
CARD_LINKS = ["https://en.wikipedia.org/wiki/Ron_Dermer", "/entities/ron-dermer/",
              "https://www.wikidata.org/wiki/Q2445437"]
MENTION = "#m-2"        # the first mention of Ron Dermer, in "Minister Ron Dermer flew to Washington on Monday"
AFTER = "#m-3"          # what follows it in the page: the link of "Washington"
LAST = "#m-4"           # the last link of the article: "Later, Dermer said the talks were useful."

# Where focus is: in the card (which link), on which element of the page, and whether it is seen.
FOCUS = f"""() => {{
    const a = document.activeElement, card = document.querySelector('{CARD}');
    const style = getComputedStyle(a);
    return {{inCard: card.contains(a), href: a.getAttribute('href'), id: a.id,
             visible: a.matches(':focus-visible') && style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
                      && a.checkVisibility()}};
}}"""


@pytest.fixture(scope="module")
def article_url(tmp_path_factory, http_server) -> str:
    root = mini(tmp_path_factory.mktemp("hovercard-keys"),
                {"content/entities.yaml": ENTITIES, "seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return http_server(out) + "articles/a/"


def focus(page) -> dict:
    return page.evaluate(FOCUS)


# The page's own focusable elements, in document order: its links and controls, outside the cards, seen; each
# named by its tag, target, id and words (its outerHTML changes: a mention's card relates to it while shown).
NAME = "e => [e.tagName, e.getAttribute('href'), e.id, e.textContent.trim().slice(0, 40)].join(' ')"
OWN_STOPS = f"""() => Array.from(document.querySelectorAll('a[href], input, button, summary'))
    .filter(e => !e.closest('.hovercards') && e.checkVisibility()).map({NAME})"""
# Where focus is, and whether it is seen: a card's link only while its card is shown and opaque.
STOP = f"""() => {{
    const a = document.activeElement, card = a.closest('.hovercard');
    return {{name: ({NAME})(a), seen: a.checkVisibility({{opacityProperty: true, visibilityProperty: true}})
            && (!card || (!card.hidden && getComputedStyle(card).opacity === '1'))}};
}}"""


def own_stops(page) -> list[str]:
    return page.evaluate(OWN_STOPS)


# After each Tab: whether focus left the page, whether it is on a mention (whose card is then to be waited for).
WHERE = "() => ({left: document.activeElement === document.body, mention: document.activeElement.matches('a.m')})"
CARD_SHOWN = ("Array.from(document.querySelectorAll('.hovercard')).some(c => !c.hidden && "
              "getComputedStyle(c).opacity === '1')")


def tab_through(page, limit: int = 400) -> list[str]:
    """Tab from the top of the page to its end as a reader does, stopping at each mention until its card is shown
    (the card comes 150 ms after focus): every element focus stops at, each asserted seen. The page is opened by
    `paced_page`: its clock is Playwright's, moved on 200 ms at each mention instead of waiting for it."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = page.evaluate(WHERE)
        if where["left"]:
            break                                             # past the end of the page
        if where["mention"]:
            page.clock.run_for(200)
            wait_until(page, CARD_SHOWN)
        stop = page.evaluate(STOP)
        if stops and stop["name"] == stops[0]:
            break                                             # round again, from the top
        assert stop["seen"], stop["name"]
        stops.append(stop["name"])
    else:
        raise AssertionError(f"Tab never reached the end of the page: {stops[-5:]}")
    return stops


def paced_page(browser, url: str):
    """The page at `url` in a desktop window, its cards made, its timers on a clock the test moves on and
    its motion reduced (a card is then shown whole at once, its 350 ms fade-in left out)."""
    page = browser.new_page(viewport={"width": 1100, "height": 800}, reduced_motion="reduce")
    page.clock.install()
    page.goto(url)
    wait_until(page, "document.querySelector('.hovercard')")
    return page


def tab_to_the_mention(page, mention: str = MENTION) -> None:
    """Tab from the top of the page to the first mention of Ron Dermer, and wait for its card."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{mention}')"):
            break
    else:
        raise AssertionError("the mention of Ron Dermer is not reachable with the Tab key")
    wait_until(page, SHOWN)


def test_tab_from_a_mention_whose_card_is_shown_goes_on_in_the_page_and_closes_the_card(tab, article_url):
    """A card shown on focus is in no one's way: Tab goes to what follows the mention, as when Tab is pressed
    before the card appears (it went into the card's links, after every mention: the Tab presses through an
    article more than doubled, and hung on how fast one pressed)."""
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    page.keyboard.press("Tab")
    assert focus(page) == {"inCard": False, "href": "/entities/washington/", "id": AFTER[1:], "visible": True}
    assert card_state(page)["hidden"]
    page.keyboard.press("Shift+Tab")
    assert focus(page)["id"] == MENTION[1:]


def test_down_arrow_goes_into_the_card_and_tab_through_its_links_then_on_to_what_follows_the_mention(
        tab, article_url):
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    assert page.locator(f"{CARD} .hc-keys").inner_text() == "↓ to these links · Esc to close"   # says how
    reached = []
    for key in ["ArrowDown"] + ["Tab"] * (len(CARD_LINKS) - 1):
        page.keyboard.press(key)
        now = focus(page)
        assert now["inCard"] and now["visible"], now          # in the card, its focus seen on every link
        assert not card_state(page)["hidden"]                 # and the card stays while focus is in it
        reached.append(now["href"])
    assert reached == CARD_LINKS
    page.keyboard.press("Tab")                                # past the last link: back in the text
    assert focus(page) == {"inCard": False, "href": "/entities/washington/", "id": AFTER[1:], "visible": True}
    wait_until(page, HIDDEN)
    page.keyboard.press("Shift+Tab")                          # back: the mention, not the hidden card's links
    assert focus(page)["id"] == MENTION[1:]


def test_shift_tab_or_up_from_the_cards_first_link_goes_back_to_the_mention_and_the_card_stays(
        tab, article_url):
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    for back in ("Shift+Tab", "ArrowUp"):
        page.keyboard.press("ArrowDown")
        assert focus(page)["href"] == CARD_LINKS[0] and focus(page)["inCard"]
        page.keyboard.press(back)
        assert focus(page) == {"inCard": False, "href": "/entities/ron-dermer/", "id": MENTION[1:], "visible": True}
        page.wait_for_timeout(400)                            # longer than the grace before a card hides
        assert not card_state(page)["hidden"]
    page.keyboard.press("ArrowDown")                          # the arrows go through the card's links
    page.keyboard.press("ArrowDown")
    assert focus(page)["href"] == CARD_LINKS[1]
    page.keyboard.press("ArrowUp")
    assert focus(page)["href"] == CARD_LINKS[0]


def test_down_arrow_before_the_card_appears_shows_it_at_once_and_goes_into_it(tab, article_url):
    page = opened_in(tab, article_url, DESKTOP)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{MENTION}')"):
            break
    page.keyboard.press("ArrowDown")                          # (well within the 150 ms before it shows)
    assert focus(page)["href"] == CARD_LINKS[0] and focus(page)["inCard"] and focus(page)["visible"]
    assert card_state(page) == {"hidden": False, "open": True, "opacity": "1"}


def test_tab_past_the_cards_last_link_of_the_articles_last_mention_leaves_the_article(tab, article_url):
    """The cards live right after the article: from the last mention's card, Tab went back to the mention and
    on into the card again, for ever (a keyboard trap at the end of an article whose last link is a mention)."""
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page, LAST)
    page.focus(f"{CARD} a")                                   # (however focus got into the card)
    for _ in CARD_LINKS:
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.provenance') !== null")
    assert card_state(page)["hidden"]
    page.keyboard.press("Shift+Tab")
    assert focus(page)["id"] == LAST[1:]


def test_escape_in_the_card_closes_it_and_focus_goes_back_to_the_mention(tab, article_url):
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert focus(page)["href"] == CARD_LINKS[1] and focus(page)["inCard"]
    page.keyboard.press("Escape")
    assert card_state(page)["hidden"]
    assert focus(page) == {"inCard": False, "href": "/entities/ron-dermer/", "id": MENTION[1:], "visible": True}
    page.wait_for_timeout(400)                                # putting focus back does not show the card again
    assert card_state(page)["hidden"]
    page.keyboard.press("Tab")                                # the closed card's links are not in the way
    assert focus(page)["id"] == AFTER[1:]


def test_enter_on_a_card_link_follows_it(tab, article_url):
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert focus(page)["href"] == "/entities/ron-dermer/" and focus(page)["inCard"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == article_url.replace("/articles/a/", "/entities/ron-dermer/")
    assert page.locator("h1").inner_text() == "Ron Dermer"


def test_no_cards_link_is_ever_in_the_tab_order_and_every_stop_is_seen(browser, article_url):
    """Tab through the whole page, waiting at each mention for its card: focus goes through the page's own links
    and controls in order, one stop for each, and never to a link of a card, shown or hidden, nor to anything
    unseen."""
    page = paced_page(browser, article_url)
    assert tab_through(page) == own_stops(page)
    assert page.evaluate("document.querySelectorAll('.hovercard a').length") == 4
    page.close()


def test_the_card_stays_while_focus_is_in_it_whatever_the_mouse_or_the_window_does(tab, article_url):
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    page.keyboard.press("ArrowDown")
    page.locator(AFTER).hover()                               # another mention's card would show after 150 ms
    page.mouse.move(5, 5)                                     # and leaving would hide it after 250 ms
    page.set_viewport_size({"width": 900, "height": 700})     # a zoom or a turned phone
    page.wait_for_timeout(600)
    assert not card_state(page)["hidden"]
    assert page.evaluate("document.querySelector('#hc-washington').hidden")
    assert focus(page)["href"] == CARD_LINKS[0] and focus(page)["inCard"] and focus(page)["visible"]


def accessibility_tree(page) -> list[dict]:
    """Chromium's accessibility tree of the page (what screen readers are given), from the DevTools protocol."""
    return page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]


def ax(node: dict, key: str):
    return node.get(key, {}).get("value")


def ax_properties(node: dict) -> dict:
    """A node's states and relations: name → value, or → the DOM nodes related (describedby, details, ...)."""
    return {p["name"]: [r["backendDOMNodeId"] for r in p["value"]["relatedNodes"]] if "relatedNodes" in p["value"]
            else p["value"].get("value") for p in node.get("properties", [])}


def test_the_accessibility_tree_gives_the_card_as_the_mentions_description_and_details(tab, article_url):
    """The focused mention is described by its card's text and has the card as its details; the card is a group
    named by the entity, holding its links, not a tooltip."""
    page = opened_in(tab, article_url, DESKTOP)
    tab_to_the_mention(page)
    nodes = accessibility_tree(page)
    focused = [n for n in nodes if ax(n, "role") == "link" and ax_properties(n).get("focused")]
    assert [ax(n, "name") for n in focused] == ["Ron Dermer"]
    mention = ax_properties(focused[0])
    assert "Israel's Strategic Affairs Minister." in ax(focused[0], "description")
    assert "Esc" not in ax(focused[0], "description")        # (the line for the keyboard is not read)
    assert len(mention["details"]) == 1 and len(mention["describedby"]) == 1
    card = next(n for n in nodes if n.get("backendDOMNodeId") == mention["details"][0])
    assert (ax(card, "role"), ax(card, "name")) == ("group", "Ron Dermer")
    assert not [n for n in nodes if ax(n, "role") == "tooltip"]
    by_id = {n["nodeId"]: n for n in nodes}
    links_in_card, todo = [], list(card.get("childIds", []))
    while todo:
        node = by_id[todo.pop(0)]
        if ax(node, "role") == "link":
            links_in_card.append(ax(node, "name"))
        todo[:0] = node.get("childIds", [])
    assert links_in_card == ["Wikipedia", "All mentions", "Wikidata"]
    assert page.locator(CARD).aria_snapshot().startswith('- group "Ron Dermer":')


def test_a_mention_is_described_without_the_keyboard_line_while_its_card_is_hidden(tab, article_url):
    """Focus reaches a mention before its card is shown (150 ms later), and a description is computed from hidden
    words too, aria-hidden ones as well: every mention's ended in "↓ to these links · Esc to close" (review 142).
    Its description is the card's words alone, hidden or shown."""
    page = opened_in(tab, article_url, DESKTOP)
    assert page.evaluate(f"document.querySelector('{CARD}').hidden")
    nodes = accessibility_tree(page)
    mentions = {ax(n, "name"): ax(n, "description") for n in nodes if ax(n, "role") == "link"
                and ax_properties(n).get("describedby")}
    assert mentions == {"Ron Dermer": "Ron Dermer Person Israel's Strategic Affairs Minister. Wikipedia "
                                      "Named 2 times in this article · All mentions · Wikidata",
                        "Washington": "Washington, D.C. Place Capital of the United States. "
                                      "Named 2 times in this article · All mentions"}


def test_axe_finds_nothing_wrong_with_a_card_that_has_focus(browser, article_url, axe_path):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1100, "height": 800})
    page = context.new_page()
    page.goto(article_url)
    wait_until(page, f"document.querySelector('{CARD}')")
    tab_to_the_mention(page)
    page.keyboard.press("ArrowDown")
    assert focus(page)["inCard"]
    page.add_script_tag(path=str(axe_path))
    violations = page.evaluate(RUN_AXE, None)
    assert not violations, "\n".join(format_violations("article with a card open", violations))
    context.close()



def test_a_card_whose_mention_lost_focus_before_it_was_shown_is_not_shown(tab, article_url):
    """Tab pressed quickly (or held) goes on before a mention's card appears; the card came all the same, over
    whatever had focus then, and stayed (a reader saw it cover the note link focused after it)."""
    page = opened_in(tab, article_url, DESKTOP)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{MENTION}')"):
            break
    page.evaluate("document.activeElement.blur()")  # (well within the 150 ms before a card is shown)
    page.wait_for_timeout(400)
    assert card_state(page)["hidden"] and not page.evaluate(f"document.activeElement.matches('{MENTION}')")
    page.focus(MENTION)
    page.keyboard.press("Shift+Tab")                 # a card asked for by a focus that stays is still shown
    page.keyboard.press("Tab")
    wait_until(page, SHOWN)


def test_tab_through_an_article_of_the_default_dossier_stops_once_at_each_link_and_leaves_it(
        browser, default_site, http_server):
    """The repo's dossier, on the article whose last link is a mention (the trap was there): Tab, at a reader's
    pace, stops once at each of the page's own links and controls, each mention of an entity named again too,
    at no card's link and at nothing unseen. (Through this article's body it stopped 387 times, not 154: at its
    cards' links after every mention; and then went round the last mention's card for ever.)"""
    page = paced_page(browser, http_server(default_site) + "articles/all-israel-news-rafah-concerns/")
    own = own_stops(page)
    mentions = page.evaluate(f"Array.from(document.querySelectorAll('.article-body a.m')).map({NAME})")
    assert len(mentions) == 66 and page.evaluate("document.querySelectorAll('.article-body a.m-again').length") == 51
    stops = tab_through(page)
    assert stops == own
    assert [name for name in stops if name in mentions] == mentions
    page.close()
