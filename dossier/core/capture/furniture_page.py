"""The page's blocks of text, and the extractor's lines matched to them: what the rules of furniture.py read.

A `Block` is one block of the page's visible text with the elements around it (`Box`es), as
shell/capture/page_blocks.py reads them; a `Page` holds a page's blocks indexed for the rules and, for each line of
the extracted text, the blocks it came from. Pure.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from ..common.records import frozen
from .furniture_words import WIDGET, WIDGET_TITLES

JOINED_BLOCKS = 6    # blocks the extractor may write as one line
LABEL_WORDS = 8      # an icon's or a credit's line: a label, never a sentence of the article
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@frozen
class Box:
    """An element around a block of the page's text. Invariant: `key` is unique in the page (document order);
    `words` are the lower-cased parts of its class and id ("artDetail__userOptions" → art, detail, user, options);
    `linked` says whether it holds a link with an address (asked only of <article> and <li> elements); `player`
    whether it holds a media player, a <video>, <audio>, <iframe>, <object> or <embed> (asked only of elements
    whose `words` call them media, video, audio or player); `classes` its whole class names, lower-cased
    ("sr-only", "overflow-hidden"): a rule that reads a class by its meaning reads it whole, never a part of it."""

    key: int
    tag: str
    words: frozenset[str] = frozenset()
    linked: bool = False
    player: bool = False
    classes: frozenset[str] = frozenset()


@frozen
class Block:
    """One block of the page's visible text, as a browser lays it out: a paragraph, a heading, a list item, a cell
    or a line of one cut by <br>. Invariant: `text` is its text with whitespace collapsed, `unlinked` the part
    of it outside links, `around` its enclosing elements from <html> down to its own, `icon` the text of an icon
    element in it ("bookmark_border" in <i class="material-icons">), `hrefs` the addresses of its links."""

    text: str
    unlinked: str
    around: tuple[Box, ...]
    icon: str = ""
    hrefs: tuple[str, ...] = ()


@frozen
class Dropped:
    """A line left out of the seed. Invariant: `line` is its number in the extracted text (1-based), `text` the
    line as the extractor wrote it, `kind` what it is in an editor's words ("a "Read more" link")."""

    line: int
    text: str
    kind: str


def squash(text: str) -> str:
    return " ".join(text.split())


def bare(line: str) -> str:
    """A line without the list bullet the extractor writes before an item ("- ")."""
    text = squash(line)
    return text[2:] if text.startswith("- ") else text


def link_only(block: Block) -> bool:
    """The block is a link and nothing else (an arrow, a bullet or a date aside: "2019-01-14: <a>…</a>")."""
    return any(c.isalpha() for c in block.text) and not any(c.isalpha() for c in block.unlinked)


def _same_headline(heading: str, headline: str) -> bool:
    """Whether a heading is the article's headline: the same words, or the one (of three words or more) in the
    other ("Strava-Update: POI bei Routen-Tool" in "Strava-Karten ab sofort mit mehr Infos - Strava-Update: …")."""
    one, other = sorted((squash(heading).casefold(), squash(headline).casefold()), key=len)
    return one == other or (len(one.split()) >= 3 and one in other)


class Page:
    """The page's blocks indexed for the rules: by text, each element's size, the article that holds the text, the
    items of each list, the elements that hold a line of the text longer than a label (`prose`) or a block that is
    a link and nothing else (`linking`), the site's headers (`site_headers`: see `_site_headers`) and its widgets
    (`widgets`: see `_widgets`)."""

    def __init__(self, lines: list[str], blocks: Sequence[Block], headline: str = "") -> None:
        self.blocks = blocks
        self.by_text: dict[str, list[Block]] = {}
        self.size: Counter[int] = Counter()
        self.lists: dict[int, list[Block]] = {}  # a <ul> or <ol> → the blocks of its items (not of a list in them)
        self.linking: set[int] = set()
        for block in blocks:
            self.by_text.setdefault(block.text, []).append(block)
            self.linking |= {box.key for box in block.around} if link_only(block) else set()
            for box in block.around:
                self.size[box.key] += len(block.text)
            inner = next((box.key for box in reversed(block.around) if box.tag in ("ul", "ol")), None)
            if inner is not None:
                self.lists.setdefault(inner, []).append(block)
        self.hits = [self._hits(line) for line in lines]
        self._in_order()
        self.prose = {box.key for line, hits in zip(lines, self.hits) if len(line.split()) > LABEL_WORDS
                      for block in hits for box in block.around}
        self.site_headers = self._site_headers(headline)
        self.widgets = self._widgets()
        held: Counter[int] = Counter()
        for line, hits in zip(lines, self.hits):
            for box in hits[0].around if hits else ():
                if box.tag == "article":
                    held[box.key] += len(line)
        main, chars = held.most_common(1)[0] if held else (None, 0)
        # (the <article> holding most of the text, if it holds half of it: a page may put only its cards in them)
        self.main = main if chars * 2 >= sum(len(line) for line in lines) else None

    def _site_headers(self, headline: str) -> set[int]:
        """The keys of the <header>s that are the site's, not an article's or a section's: outside any <article>
        or <main>, holding no line of the text longer than a label, and no heading that is the article's (an <h1>,
        the `headline`, any heading when it is not known) or a line of the text (a section's title). Kaieteur
        News's holds a "Latest News" <h3> over headlines the extractor left out."""
        outside, headed = set(), set()
        lines = {id(block) for hits in self.hits for block in hits}
        for block in self.blocks:
            for index, box in enumerate(block.around):
                if box.tag != "header":
                    continue
                if not any(outer.tag in ("article", "main") for outer in block.around[:index]):
                    outside.add(box.key)
                heading = {inner.tag for inner in block.around[index + 1:]} & HEADINGS
                if heading and ("h1" in heading or not headline or id(block) in lines
                                or _same_headline(block.text, headline)):
                    headed.add(box.key)
        return outside - headed - self.prose

    def _widgets(self) -> set[int]:
        """The keys of the elements the page calls a widget that hold a heading it calls the widget's title: the
        boxes of a sidebar or a footer as WordPress writes them (Kaieteur News's "Publisher’s Note" and "Sports",
        each `<div class="widget …">` under an `<h3 class="widget-title">`). The nearest such element around the
        heading is the widget; a page builder's element called a widget holds no heading called so."""
        found = set()
        for block in self.blocks:
            for index, box in enumerate(block.around):
                if box.tag in HEADINGS and any(box.words >= title for title in WIDGET_TITLES):
                    widget = next((outer for outer in reversed(block.around[:index]) if WIDGET in outer.words), None)
                    found |= {widget.key} if widget is not None else set()
        return found

    def _in_order(self) -> None:
        """A line that is the text of several blocks (an author's name in a media player's box and in a teaser)
        is the one of them between the blocks of the lines around it, when one alone is: the extractor writes the
        page's blocks in their order."""
        where = {id(block): number for number, block in enumerate(self.blocks)}
        for index, hits in enumerate(self.hits):
            if len(hits) < 2 or hits is not self.by_text.get(hits[0].text):
                continue  # (one block, or a run of blocks the line joins: no choice to make)
            before = next((where[id(self.hits[i][-1])] for i in range(index - 1, -1, -1) if len(self.hits[i]) == 1),
                          -1)
            after = next((where[id(self.hits[i][0])] for i in range(index + 1, len(self.hits))
                          if len(self.hits[i]) == 1), len(self.blocks))
            between = [block for block in hits if before < where[id(block)] < after]
            if len(between) == 1:
                self.hits[index] = between

    def _hits(self, line: str) -> list[Block]:
        """The blocks a line is: one whose text it is, else a run of consecutive blocks it joins (the extractor
        writes a list item of two <div>s as one line: "Angeln allgemeinRoyal Fishing …"); [] when none."""
        text = bare(line)
        found = self.by_text.get(squash(line)) or self.by_text.get(text)
        if found or not text:
            return found or []
        for start, block in enumerate(self.blocks):
            if not text.startswith(block.text):
                continue
            joined, end = block.text, start + 1
            while len(joined) < len(text) and end < len(self.blocks) and end - start < JOINED_BLOCKS:
                for glue in ("", " "):
                    if text.startswith(joined + glue + self.blocks[end].text):
                        joined, end = joined + glue + self.blocks[end].text, end + 1
                        break
                else:
                    break
            if joined == text:
                return list(self.blocks[start:end])
        return []

    def every(self, index: int, test: Callable[[Block], bool]) -> bool:
        """Whether the line matches some blocks and `test` holds for every one of them."""
        hits = self.hits[index]
        return bool(hits) and all(test(block) for block in hits)
