"""What a screen reader is told on an article page, read from Chromium's own accessibility tree over the DevTools
protocol (review 142): the page's heading is named by the outlet's headline alone, with the headline's note and
badge right after it, the note a note like any other; on a phone, a note's checkbox says that it shows the note;
and the links of the notes ("at the source") and the badges ("compare figure") are told apart by their names."""

from __future__ import annotations

import re

import pytest


pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
# Articles whose headline is the page's heading, with its words as a screen reader names the heading ("annotated:"
# says where an annotated quote starts, as it does before any other), and what follows the headline in the page.
HEADLINES = {
    "free-beacon-we-will-do-it-alone": (
        "'We Will Do It Alone': Netanyahu Says Israel Will Push Into Rafah annotated: Without Biden's Support",
        ["Note 1", "compare framing (Headlines)"]),
    "review-journal-netanyahu-rebuffs": (
        "annotated: Israel’s Netanyahu rebuffs U.S. plea to halt Rafah offensive",
        ["Note 1", "compare framing (Headlines)"]),
    "all-israel-news-rafah-concerns": (
        "annotated: Washington says Israel will consider US humanitarian concerns ahead of expected major Rafah "
        "military operation", ["Note 1", "compare framing (Headlines)"]),
    "jpost-go-it-alone": (
        "Israel will go it alone on Rafah if it has to, Netanyahu tells Blinken", ["compare framing (Headlines)"]),
}


def ax(node: dict, key: str):
    return node.get(key, {}).get("value")


def reading_order(page) -> list[dict]:
    """The accessibility tree's nodes that are not ignored, in reading order (depth first), each with `depth`."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    out: list[dict] = []
    todo = [(nodes[0], 0)]
    while todo:
        node, depth = todo.pop()
        if not node.get("ignored"):
            out.append({**node, "depth": depth})
        todo.extend((by_id[c], depth + 1) for c in reversed(node.get("childIds", [])) if c in by_id)
    return out


def properties(node: dict) -> dict:
    return {p["name"]: p["value"].get("value") for p in node.get("properties", [])}


def the_heading(order: list[dict]) -> tuple[dict, list[dict], list[dict]]:
    """The first heading, what it holds, and what follows it up to the first paragraph of the article's text."""
    at = next(i for i, n in enumerate(order) if ax(n, "role") == "heading")
    heading = order[at]
    end = next(i for i in range(at + 1, len(order)) if order[i]["depth"] <= heading["depth"])
    stop = next(i for i in range(end, len(order)) if ax(order[i], "role") == "paragraph")
    return heading, order[at + 1:end], order[end:stop]


@pytest.mark.parametrize("slug", sorted(HEADLINES))
def test_the_heading_is_named_by_the_headline_and_its_note_and_badge_follow_it(new_page, default_site, http_server,
                                                                              slug):
    """The h1 held the headline's whole note, its tags and its badge: a list of headings read a level-1 heading
    of 474 characters ("... Support Note 1 Permalink to note 1 FRAMING In the quote ... compare framing")."""
    name, following = HEADLINES[slug]
    page = new_page(viewport=WIDE)
    page.goto(http_server(default_site) + f"articles/{slug}/")
    heading, inside, after = the_heading(reading_order(page))
    assert (ax(heading, "name"), properties(heading)["level"]) == (name, 1)
    assert {ax(n, "role") for n in inside} <= {"StaticText", "InlineTextBox", "link", "generic"}
    assert not [n for n in inside if ax(n, "role") == "link" and ax(n, "name").startswith("compare")]
    said = [ax(n, "name") for n in after if ax(n, "role") == "note" or
            ax(n, "role") == "link" and ax(n, "name").startswith("compare framing")]
    assert said == following
    page.close()


def test_on_a_phone_the_headlines_note_and_badge_come_next_in_the_tab_order(new_page, default_site, http_server):
    page = new_page(viewport=PHONE)
    page.goto(http_server(default_site) + "articles/free-beacon-we-will-do-it-alone/")
    page.focus("h1 a.m >> nth=-1")   # the headline's last mention, "Biden"
    stops = []
    for _ in range(2):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.id"))
    assert stops == ["sn-headline-biden", "w-headlines"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert page.locator("#n-headline-biden").is_visible()
    box, heading = page.locator("#n-headline-biden").bounding_box(), page.locator("h1").bounding_box()
    assert box and heading and box["y"] >= heading["y"] + heading["height"] - 1   # opened below the headline
    page.close()


def test_on_a_phone_a_notes_checkbox_says_that_it_shows_the_note(browser, default_site, http_server):
    """It was read "Note 1" and then a checkbox "Note 1", not checked: nothing said what checking it does."""
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(http_server(default_site) + "articles/jpost-go-it-alone/")
    boxes = [n for n in reading_order(page) if ax(n, "role") == "checkbox"]
    assert [ax(n, "name") for n in boxes[:3]] == ["Show note 1", "Show note 2", "Show note 3"]
    assert properties(boxes[0])["checked"] == "false"
    page.focus("#sn-tzahi-spelling")
    page.keyboard.press("Enter")
    (checked,) = [n for n in reading_order(page) if ax(n, "role") == "checkbox" and ax(n, "name") == "Show note 1"]
    assert properties(checked)["checked"] == "true"
    assert page.locator("#n-tzahi-spelling").is_visible()
    page.close()


def said_before(order: list[dict], at: int) -> str:
    """The words a screen reader says last before node `at` of the reading order (its text runs, not their boxes)."""
    return next((ax(n, "name") for n in reversed(order[:at]) if ax(n, "role") == "StaticText"), "")


@pytest.mark.parametrize("viewport", [PHONE, WIDE])
def test_a_notes_number_is_said_once(new_page, default_site, http_server, viewport):
    """On a phone a screen reader read "Note 1" and then the checkbox "Show note 1" (review 142): the number's
    words are left to the checkbox there. On a wide screen, where the note is in the margin and there is no
    checkbox, the number is still said, once, before its note."""
    page = new_page(viewport=viewport)
    page.goto(http_server(default_site) + "articles/jpost-go-it-alone/")
    order = reading_order(page)
    boxes = [i for i, n in enumerate(order) if ax(n, "role") == "checkbox" and ax(n, "name").startswith("Show note")]
    notes = [i for i, n in enumerate(order) if ax(n, "role") == "note"]
    if viewport is PHONE:
        assert len(boxes) > 10 and not notes
        assert [said_before(order, i) for i in boxes if re.fullmatch(r"(Note )?\d+", said_before(order, i))] == []
        assert not [n for n in order if ax(n, "role") == "StaticText" and ax(n, "name") in ("1", "Note 1")]
    else:
        assert len(notes) > 10 and not boxes
        assert [said_before(order, i) for i in notes[:3]] == ["Note 1", "Note 2", "Note 3"]
        assert [ax(order[i], "name") for i in notes[:3]] == ["Note 1", "Note 2", "Note 3"]
    page.close()


@pytest.mark.parametrize("slug", ["free-beacon-we-will-do-it-alone", "jpost-go-it-alone"])
def test_the_links_of_notes_and_badges_are_told_apart_by_their_names(new_page, default_site, http_server, slug):
    """"at the source" named 25 links of one article to 25 places, "compare figure" 8: a list of links read the
    same words again and again. Each is named by its words, then by the quote's first words or the comparison."""
    page = new_page(viewport=WIDE)
    page.goto(http_server(default_site) + f"articles/{slug}/")
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "a.sn-source, a.badge"})["nodeIds"]
    names: dict[str, set[str]] = {}
    for node in found:
        (link,) = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
        href = cdp.send("DOM.getAttributes", {"nodeId": node})["attributes"]
        names.setdefault(ax(link, "name"), set()).add(href[href.index("href") + 1])
    assert len(found) > 10
    assert {name: hrefs for name, hrefs in names.items() if len(hrefs) > 1} == {}
    assert all(name.startswith(("at the source (“", "compare quote (", "compare figure (", "compare framing ("))
               for name in names), names
    page.close()
