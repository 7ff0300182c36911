"""Entity hovercards with the keyboard alone, in a real browser (Debian's chromium via Playwright): every link of
a shown card can be reached and followed, Tab leaves the card for what follows the mention, Escape gives focus
back to the mention, focus is never left on a hidden card, and the accessibility tree relates the card to its
mention (Chromium's own tree, read over the DevTools protocol). Mouse, touch and the cards themselves:
test_browser_hovercards.py."""

from __future__ import annotations

import pytest

from conftest import mini, run_build
from test_browser_hovercards import ARTICLE, CARD, HIDDEN, SEED, SHOWN, card_state, opened, wait_until
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


def tab_to_the_mention(page) -> None:
    """Tab from the top of the page to the first mention of Ron Dermer, and wait for its card."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{MENTION}')"):
            break
    else:
        raise AssertionError("the mention of Ron Dermer is not reachable with the Tab key")
    wait_until(page, SHOWN)


def test_tab_goes_through_every_link_of_the_shown_card_then_on_to_what_follows_the_mention(browser, article_url):
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    tab_to_the_mention(page)
    reached = []
    for _ in CARD_LINKS:
        page.keyboard.press("Tab")
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
    page.close()


def test_shift_tab_from_the_cards_first_link_goes_back_to_the_mention_and_the_card_stays(browser, article_url):
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    tab_to_the_mention(page)
    page.keyboard.press("Tab")
    assert focus(page)["href"] == CARD_LINKS[0] and focus(page)["inCard"]
    page.keyboard.press("Shift+Tab")
    assert focus(page) == {"inCard": False, "href": "/entities/ron-dermer/", "id": MENTION[1:], "visible": True}
    page.wait_for_timeout(400)                                # longer than the grace before a card hides
    assert not card_state(page)["hidden"]
    page.keyboard.press("Tab")                                # and into it again
    assert focus(page)["href"] == CARD_LINKS[0] and focus(page)["inCard"]
    page.close()


def test_escape_in_the_card_closes_it_and_focus_goes_back_to_the_mention(browser, article_url):
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    tab_to_the_mention(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focus(page)["href"] == CARD_LINKS[1] and focus(page)["inCard"]
    page.keyboard.press("Escape")
    assert card_state(page)["hidden"]
    assert focus(page) == {"inCard": False, "href": "/entities/ron-dermer/", "id": MENTION[1:], "visible": True}
    page.wait_for_timeout(400)                                # putting focus back does not show the card again
    assert card_state(page)["hidden"]
    page.keyboard.press("Tab")                                # the closed card's links are not in the way
    assert focus(page)["id"] == AFTER[1:]
    page.close()


def test_enter_on_a_card_link_follows_it(browser, article_url):
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    tab_to_the_mention(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focus(page)["href"] == "/entities/ron-dermer/" and focus(page)["inCard"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == article_url.replace("/articles/a/", "/entities/ron-dermer/")
    assert page.locator("h1").inner_text() == "Ron Dermer"
    page.close()


def test_no_hidden_cards_link_is_ever_in_the_tab_order(browser, article_url):
    """Tab through the whole page, closing each card before it shows (Escape): focus goes through the page's
    own links and controls in order, and never to a link of a card, shown or hidden."""
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    expected = page.evaluate("""() => Array.from(document.querySelectorAll('a[href], input, button'))
        .filter(e => !e.closest('.hovercards') && e.checkVisibility()).map(e => e.outerHTML)""")
    assert sum('class="m' in html for html in expected) == 4
    visited = []
    for _ in range(len(expected) + 1):
        page.keyboard.press("Escape")
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.outerHTML"))
    assert visited[:len(expected)] == expected
    assert page.evaluate("document.querySelectorAll('.hovercard a').length") == 4
    page.close()


def test_the_card_stays_while_focus_is_in_it_whatever_the_mouse_or_the_window_does(browser, article_url):
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    tab_to_the_mention(page)
    page.keyboard.press("Tab")
    page.locator(AFTER).hover()                               # another mention's card would show after 150 ms
    page.mouse.move(5, 5)                                     # and leaving would hide it after 250 ms
    page.set_viewport_size({"width": 900, "height": 700})     # a zoom or a turned phone
    page.wait_for_timeout(600)
    assert not card_state(page)["hidden"]
    assert page.evaluate("document.querySelector('#hc-washington').hidden")
    assert focus(page)["href"] == CARD_LINKS[0] and focus(page)["inCard"] and focus(page)["visible"]
    page.close()


def accessibility_tree(page) -> list[dict]:
    """Chromium's accessibility tree of the page (what screen readers are given), from the DevTools protocol."""
    return page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]


def ax(node: dict, key: str):
    return node.get(key, {}).get("value")


def ax_properties(node: dict) -> dict:
    """A node's states and relations: name → value, or → the DOM nodes related (describedby, details, ...)."""
    return {p["name"]: [r["backendDOMNodeId"] for r in p["value"]["relatedNodes"]] if "relatedNodes" in p["value"]
            else p["value"].get("value") for p in node.get("properties", [])}


def test_the_accessibility_tree_gives_the_card_as_the_mentions_description_and_details(browser, article_url):
    """The focused mention is described by its card's text and has the card as its details; the card is a group
    named by the entity, holding its links, not a tooltip."""
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
    tab_to_the_mention(page)
    nodes = accessibility_tree(page)
    focused = [n for n in nodes if ax(n, "role") == "link" and ax_properties(n).get("focused")]
    assert [ax(n, "name") for n in focused] == ["Ron Dermer"]
    mention = ax_properties(focused[0])
    assert "Israel's Strategic Affairs Minister." in ax(focused[0], "description")
    assert len(mention["details"]) == 1 and mention["describedby"] == mention["details"]
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
    page.close()


def test_axe_finds_nothing_wrong_with_a_card_that_has_focus(browser, article_url, axe_path):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1100, "height": 800})
    page = context.new_page()
    page.goto(article_url)
    wait_until(page, f"document.querySelector('{CARD}')")
    tab_to_the_mention(page)
    page.keyboard.press("Tab")
    assert focus(page)["inCard"]
    page.add_script_tag(path=str(axe_path))
    violations = page.evaluate(RUN_AXE, None)
    assert not violations, "\n".join(format_violations("article with a card open", violations))
    context.close()



def test_a_card_whose_mention_lost_focus_before_it_was_shown_is_not_shown(browser, article_url):
    """Tab pressed quickly (or held) goes on before a mention's card appears; the card came all the same, over
    whatever had focus then, and stayed (a reader saw it cover the note link focused after it)."""
    page = opened(browser, article_url, viewport={"width": 1100, "height": 800})
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
    page.close()
