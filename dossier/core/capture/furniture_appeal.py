"""Appeals to the reader that the extractor keeps with an article, for furniture.py: a box asking them to become a
member, to subscribe or to give (the Times of Israel's "You're a dedicated reader / That's why we started the
Times of Israel… / Join Our Community", the Guardian's "… a small favour to ask … Support the Guardian"), and a
newsletter's prompt in a paragraph of its own ("Click here to subscribe to our daily newsletter and get the
latest news in your inbox."). Review 116 found both kept in seeds whose article page says "every character as
captured".

A box goes on the evidence of the page, never on its words: it is small, it holds a call to action (a link and
nothing else to a page to join, subscribe, support or donate: "/join", "support.theguardian.com/contribute"), and
either the page calls it so (its class or id: membership, support, donate, promo…) or it closes the text, after
the article's last line and outside the element that holds it (a story's own last paragraph and a link to its
paper's subscription page are inside it). A box that asks for a subscription to read on is a paywall's: it stays,
so that thin.py tells the editor the text may be cut short. A newsletter's prompt with no such box goes on its
words only when the whole line is the call: an imperative addressed to the reader at its start, the outlet's
own newsletter ("our"), no quotation mark before it, and no clause after the call (furniture_words.NEWSLETTER_CALL).

A short paragraph asking to sign up or subscribe goes with its link to a sign-up page (`signup_prompt`, asked by
furniture.py line by line): called a newsletter's prompt only where it names one ("Subscribe to The Ledger" is a
prompt to subscribe), and never a sentence of the article's running text that links its verb there.

Pure: the page's blocks and the extracted lines in, the lines that are appeals out.
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import unquote

from . import furniture_words as words
from .furniture_page import Block, Page, bare, link_only
from .thin import PAYWALL

APPEAL = "an appeal to become a member, to subscribe or to give"
NEWSLETTER = "a prompt to sign up for a newsletter"
SUBSCRIBE = "a prompt to subscribe or sign up"   # (one that names no newsletter: "Subscribe to The Ledger")
APPEAL_CHARS = 1200  # an appeal's box holds no more text than this (a heading, a paragraph or two and its link)
CALL_TAIL = 15       # words after the newsletter's name ("and get the latest news in your inbox")
PROMPT_WORDS = 40    # a prompt to sign up or subscribe, or to download an app: a short paragraph
AROUND_WORDS = 3     # words of its own on each side of a link make a line running text (with the rest: `_running`)


def newsletter_call(line: str) -> bool:
    """The line is only a call to sign up for the outlet's newsletter (furniture_words.NEWSLETTER_CALL): a few
    words after the newsletter's name and no comma or semicolon there, never a paywall's words ("Subscribe to
    continue reading" tells the editor the text is cut short: thin.py). A line that opens with a quotation mark
    is someone's words, no call (the pattern starts at the line's first letter)."""
    text = bare(line).strip()
    call = words.NEWSLETTER_CALL.match(text)
    if not call:
        return False
    tail = call.group("tail")
    return (not words.CLAUSE.search(tail) and len(tail.split()) <= CALL_TAIL
            and not words.PAYWALL_TEXT.search(text) and not PAYWALL.search(text))


def signup_prompt(page: Page, index: int, line: str) -> str:
    """What a short paragraph that asks to sign up or subscribe and links to a sign-up page is ("Abonnieren Sie jetzt
    den Newsletter: <a href="…/newsletter/">…</a>"): a newsletter's prompt where it names one, in its words or its
    link's address, else a prompt to subscribe or sign up ("<a href="/subscribe">Subscribe to The Ledger</a>");
    "" for any other line. Never one that says the article goes on for subscribers (the editor is told the text may
    be cut short: thin.py), nor a sentence of the article's running text that links its verb to the sign-up page
    ("…readers who <a href="/subscribe">subscribe</a> now pay twice…": `_running`). A call to register ("Zur
    Anmeldung") is a newsletter's only with a link to one: a conference's is the article's."""
    if len(line.split()) > PROMPT_WORDS or words.PAYWALL_TEXT.search(line):
        return ""
    to_newsletter = page.every(index, lambda b: any("newsletter" in unquote(href).casefold() for href in b.hrefs))
    if words.SIGNUP_TEXT.search(line):
        if (not page.every(index, lambda b: any(words.SIGNUP_HREF.search(unquote(href)) for href in b.hrefs))
                or _running(page, index, line)):
            return ""
        return NEWSLETTER if words.NEWSLETTER_NAMED.search(line) or to_newsletter else SUBSCRIBE
    return NEWSLETTER if words.REGISTER_TEXT.search(line) and to_newsletter else ""


def _running(page: Page, index: int, line: str) -> bool:
    """The line is a sentence of the article's running text: it ends as a sentence does, speaks to no reader (a
    prompt does: "you", "our", "Sie", "notre"…, words.READER), and each of its blocks is a paragraph among the
    article's paragraphs (its element holds the paragraph before or after it) with words of its own on both sides
    of its links."""
    if not words.SENTENCE_END.search(line.rstrip()) or words.READER.search(line):
        return False
    return page.every(index, lambda block: _around(block) and _in_flow(page, index, block))


def _shared(one: str, other: str) -> int:
    """How many characters `one` and `other` begin with in common."""
    count = 0
    while count < min(len(one), len(other)) and one[count] == other[count]:
        count += 1
    return count


def _around(block: Block) -> bool:
    """The block has at least `AROUND_WORDS` whole words of its own before its first link and after its last."""
    text, outside = block.text, block.unlinked
    before = text[:_shared(text, outside)]
    after = text[len(text) - _shared(text[::-1], outside[::-1]):]
    return (len(before.split()) - (not before[-1:].isspace()) >= AROUND_WORDS
            and len(after.split()) - (not after[:1].isspace()) >= AROUND_WORDS)


def _in_flow(page: Page, index: int, block: Block) -> bool:
    """The block is a paragraph whose element also holds a paragraph of the line before or after it in the text."""
    if len(block.around) < 2 or block.around[-1].tag != "p":
        return False
    parent = block.around[-2].key
    near = [next((hits for hits in reversed(page.hits[:index]) if hits), []),
            next((hits for hits in page.hits[index + 1:] if hits), [])]
    return any(len(other.around) > 1 and other.around[-1].tag == "p" and other.around[-2].key == parent
               for hits in near for other in hits)


def _calls(block: Block) -> bool:
    """The block is a call to action: a link and nothing else, to a page to join, subscribe, support or donate."""
    return link_only(block) and bool(block.hrefs) and all(words.APPEAL_HREF.search(unquote(href))
                                                          for href in block.hrefs)


def _boxes(page: Page) -> set[int]:
    """The keys of the small elements that hold a call to action and no paywall's words."""
    calling, paywalled = set(), set()
    for block in page.blocks:
        small = {box.key for box in block.around if page.size[box.key] <= APPEAL_CHARS}
        if _calls(block):
            calling |= small
        if words.PAYWALL_TEXT.search(block.text) or PAYWALL.search(block.text):
            paywalled |= small
    return calling - paywalled


def _within(page: Page, index: int, boxes: set[int]) -> set[int]:
    """The boxes of `boxes` around every block the line came from (none for a line that matches no block)."""
    hits = page.hits[index]
    found = set(boxes) if hits else set()
    for block in hits:
        found &= {box.key for box in block.around}
    return found


def _named(page: Page, boxes: set[int]) -> set[int]:
    """The boxes the page calls an appeal (membership, support, donate, promo… in their class or id)."""
    return {box.key for block in page.blocks for box in block.around
            if box.key in boxes and box.words & words.APPEAL_CLASSES}


def _closing(page: Page, lines: list[str], found: Mapping[int, str], boxes: set[int]) -> set[int]:
    """The lines at the end of the text (furniture and blank lines aside) that come from one box of `boxes`, the
    largest such run, when the line before them, the article's last, comes from an element that does not hold
    that box; else none. A box that holds the text's first line holds the article, not an appeal after it."""
    live = [index for index, line in enumerate(lines) if index not in found and line.strip()]
    within = {index: _within(page, index, boxes) for index in live}
    best: list[int] = []
    for key in sorted(boxes):
        inside = [index for index in live if key in within[index]]
        start = live.index(inside[0]) if inside else 0
        if start == 0 or inside != live[start:] or len(inside) <= len(best):
            continue
        before = page.hits[live[start - 1]]
        holders = {block.around[-2].key for block in before if len(block.around) > 1}
        if before and not _inside(page, key, holders) and not _chunk_of_text(page, key, live[:start]):
            best = inside
    return set(best)


def _chunk_of_text(page: Page, key: int, earlier: list[int]) -> bool:
    """Whether the box `key` is made as the elements that hold the article's earlier lines are (the same tag and
    class): a body split into chunks with ads between them (the New York Times' StoryBodyCompanionColumn), whose
    last chunk holds the story's last paragraph and a link to its newsletter, is the article's, not an appeal
    (review 119)."""
    box = next((b for block in page.blocks for b in block.around if b.key == key), None)
    if box is None or not box.words:
        return False
    return any(b.tag == box.tag and b.words == box.words and b.key != key
               for index in earlier for block in page.hits[index] for b in block.around)


def _inside(page: Page, key: int, holders: set[int]) -> bool:
    """Whether the element `key` lies in one of the elements `holders`."""
    for block in page.blocks:
        keys = [box.key for box in block.around]
        if key in keys:
            return any(outer in holders for outer in keys[:keys.index(key)])
    return False


def appeals(page: Page, lines: list[str], found: Mapping[int, str]) -> dict[int, str]:
    """Line index → what it is, for each line of an appeal's box not already `found` as furniture: a box the page
    calls an appeal, or one that closes the text; and each line that is only a newsletter's call. A box that
    holds the text's first line holds the article (a brief on a charity's appeal, its link to donate at its end)."""
    boxes = _boxes(page)
    first = next((index for index, line in enumerate(lines) if index not in found and line.strip()), None)
    named = _named(page, boxes) - ({box.key for block in page.hits[first] for box in block.around}
                                   if first is not None else set())
    out = {index: APPEAL for index in range(len(lines))
           if index not in found and lines[index].strip() and _within(page, index, named)}
    out.update({index: APPEAL for index in _closing(page, lines, {**found, **out}, boxes)})
    out.update({index: NEWSLETTER for index, line in enumerate(lines)
                if index not in found and index not in out and line.strip() and newsletter_call(line)})
    return out
