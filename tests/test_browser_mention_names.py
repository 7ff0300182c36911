"""What a screen reader hears of a mention that an annotation's highlight begins inside (a real browser: Debian's
chromium via Playwright, Chromium's own accessibility tree read over the DevTools protocol). The mention is one
link with the highlight inside it (test_cut_mentions.py); the "annotated:" said where a highlight starts
(dossier.css) was said inside the link, and the link was named "Jake annotated: Sullivan". The link is named by
the mention's words alone, and "annotated:" is heard just before it."""

from __future__ import annotations

import pytest

from conftest import mini, run_build
from test_browser_hovercard_keys import accessibility_tree, ax

pytestmark = pytest.mark.browser

ENTITIES = """\
jake-sullivan:
  name: Jake Sullivan
  kind: person
  aliases: [Sullivan]
  summary: US National Security Adviser.
antony-blinken:
  name: Antony Blinken
  kind: person
  aliases: [Blinken]
  summary: US Secretary of State.
"""
SEED = ("Sullivan meets Blinken\n\nNational Security Adviser Jake Sullivan said Israel had no plan for Rafah. "
        "Antony Blinken agreed with him on Friday.\n")
# One quote begins inside a mention ("Sullivan" of "Jake Sullivan"); one begins with a mention and ends inside it
# ("Antony" of "Antony Blinken"): both highlights start inside a link.
ARTICLE = """\
seed: a.txt
title: Sullivan meets Blinken
source: outlet-a
date: 2024-03-22
annotations:
  - id: no-plan
    quote: Sullivan said Israel had no plan
    note: The quote begins inside the name.
  - id: first-name
    quote: Antony
    note: Only the first name.
"""


@pytest.fixture(scope="module")
def article_url(tmp_path_factory, http_server) -> str:
    root = mini(tmp_path_factory.mktemp("mention-names"),
                {"content/entities.yaml": ENTITIES, "seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return http_server(out) + "articles/a/"


def heard(page, selector: str) -> list[str]:
    """What a screen reader reads of the element `selector` finds, in order, from Chromium's accessibility tree:
    its texts, and each link as "<its name>" (a link is read by its name, not by what is inside it)."""
    cdp = page.context.new_cdp_session(page)
    found = cdp.send("DOM.querySelector", {"nodeId": cdp.send("DOM.getDocument")["root"]["nodeId"],
                                           "selector": selector})
    element = cdp.send("DOM.describeNode", {"nodeId": found["nodeId"]})["node"]["backendNodeId"]
    nodes = accessibility_tree(page)
    by_id = {n["nodeId"]: n for n in nodes}
    out: list[str] = []
    todo = [next(n for n in nodes if n.get("backendDOMNodeId") == element)["nodeId"]]
    while todo:
        node = by_id[todo.pop(0)]
        if ax(node, "role") == "link":
            out.append(f"<{ax(node, 'name')}>")
        elif ax(node, "role") == "StaticText":
            out.append(ax(node, "name"))
        else:
            todo[:0] = node.get("childIds", [])
    return out


def test_a_mention_a_highlight_begins_inside_is_named_by_its_words_and_annotated_is_heard_before_it(
        browser, article_url) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    page.goto(article_url)
    assert page.locator("a.m #a-no-plan").count() == 1 and page.locator("a.m #a-first-name").count() == 1
    reading = heard(page, ".article-body p")
    links = [part for part in reading if part.startswith("<") and not part.startswith("<Permalink to note")]
    assert links == ["<Jake Sullivan>", "<Antony Blinken>"], reading
    text = "".join(reading)
    assert "Adviser annotated: <Jake Sullivan> said Israel" in text, reading
    assert "Rafah. annotated: <Antony Blinken>" in text, reading
    assert text.count("annotated:") == 2, reading
    page.close()


def test_what_is_said_before_the_links_is_not_seen(browser, article_url) -> None:
    """The paragraph looks the same, pixel for pixel, with the empty spans said before its links taken out."""
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    page.goto(article_url)
    paragraph = page.locator(".article-body p").first
    assert paragraph.locator(".hl-start").count() == 2
    shown = paragraph.screenshot(animations="disabled")
    paragraph.evaluate("p => p.querySelectorAll('.hl-start').forEach(e => e.remove())")
    assert paragraph.screenshot(animations="disabled") == shown
    page.close()
