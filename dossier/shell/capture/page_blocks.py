"""A page's visible text in blocks, each with the elements around it (core/capture/furniture_page.py): what
core/capture/furniture.py reads to tell page furniture from the article in the extractor's text.

The page is parsed as the extractor parses it (trafilatura's `load_html`, libxml2), so that the blocks are the
elements its lines came from. A block starts and ends at a block-level element (a paragraph, a heading, a list
item, a cell…) or a <br>. What a reader never sees is left out: scripts, styles, templates, and elements the
page hides (`hidden`, `aria-hidden="true"`, `display: none`), as the extractor leaves them out.
"""

from __future__ import annotations

import re
from typing import Any

from ...core.capture.furniture_page import Block, Box
from ...core.capture.furniture_words import ICON_CLASSES, MEDIA_CLASSES

BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
    "thead", "tbody", "tfoot", "caption", "section", "article", "aside", "nav", "header", "footer", "figure",
    "figcaption", "blockquote", "form", "br", "hr", "pre", "address", "main", "details", "summary", "fieldset",
    "legend", "center", "body", "html", "button", "label", "option", "textarea", "hgroup", "dialog", "menu"})
UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object",
                         "math", "select"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PLAYER = "boolean(.//video|.//audio|.//iframe|.//object|.//embed)"   # (an element that holds a media player)
_LIGATURE = re.compile(r"^[a-z][a-z0-9_]*$")   # an icon font's ligature: "bookmark_border", "headset"


def class_words(element: Any) -> frozenset[str]:
    """The lower-cased parts of an element's class and id: "artDetail__userOptions x-1" → art, detail, user,
    options, x, 1."""
    names = re.sub(r"([a-z])([A-Z])", r"\1 \2", f"{element.get('class') or ''} {element.get('id') or ''}")
    return frozenset(part for part in re.split(r"[^a-z0-9]+", names.lower()) if part)


def _unseen(element: Any, tag: str) -> bool:
    return (tag in UNSEEN_TAGS or element.get("hidden") is not None
            or (element.get("aria-hidden") or "").strip().lower() == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style") or "")))


class _Reader:
    """Walks the tree once, gathering each block's text, the part outside links, its elements, icon and links."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[tuple[Box, bool]] = []   # (element, whether it hides what is in it)
        self.hidden = self.links = self.count = 0
        self._start()

    def _start(self) -> None:
        self.parts: list[str] = []
        self.outside: list[str] = []
        self.around: tuple[Box, ...] | None = None
        self.icon = ""
        self.hrefs: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text and self.around is not None:
            self.blocks.append(Block(text, " ".join("".join(self.outside).split()), self.around, self.icon,
                                     tuple(self.hrefs)))
        self._start()

    def text(self, value: str | None) -> None:
        if not value or self.hidden or (not self.parts and not value.strip()):
            return
        if self.around is None:  # (the block's elements: up to the innermost block-level one)
            end = len(self.stack)
            while end and self.stack[end - 1][0].tag not in BLOCK_TAGS:
                end -= 1
            self.around = tuple(box for box, _ in self.stack[:end])
        self.parts.append(value)
        if not self.links:
            self.outside.append(value)

    def start(self, element: Any, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        linked = tag in ("article", "li") and element.find(".//a[@href]") is not None
        self.count += 1
        named = class_words(element)
        player = bool(named & MEDIA_CLASSES) and bool(element.xpath(_PLAYER))
        classes = frozenset((element.get("class") or "").lower().split())
        box = Box(self.count, tag, named, linked, player, classes)
        hides = _unseen(element, tag)
        self.stack.append((box, hides))
        self.hidden += hides
        if tag == "a":
            self.links += 1
            if element.get("href"):
                self.hrefs.append(element.get("href"))
        if (not self.icon and not self.hidden and box.words & ICON_CLASSES
                and _LIGATURE.match((element.text or "").strip())):
            self.icon = (element.text or "").strip()
        self.text(element.text)

    def end(self, tag: str, tail: str | None) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        box, hides = self.stack.pop()
        self.hidden -= hides
        if tag == "a":
            self.links -= 1
        self.text(tail)


def page_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of a page's visible text, in document order; () when the page cannot be parsed."""
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return ()
    reader = _Reader()
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag:  # (a comment or processing instruction: only the text after it counts)
            if event == "end":
                reader.text(element.tail)
            continue
        if event == "start":
            reader.start(element, tag)
        else:
            reader.end(tag, element.tail)
    reader.flush()
    return tuple(reader.blocks)
