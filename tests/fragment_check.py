"""Test helper: where a browser's text fragment (`#:~:text=prefix-,start,end`) lands in a built page (stdlib only).

It emulates the first-match rule of https://wicg.github.io/scroll-to-text-fragment/ on the page's text: the
page's blocks (block elements, and each note or badge the article page inserts, a box of its own), every word
of them counted, hidden by CSS or not (a browser would skip some: so this finds at least the matches it finds).
A term matches case aside, with any space between its words, beginning and ending at a word boundary (not
between two letters or digits); the start term's first match (right after a match of the prefix, when there is
one) is taken, then the end term's first match after it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

BLOCKS = {"address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p",
          "pre", "section", "summary", "table", "td", "th", "tr", "ul", "button", "label"}
INSERTED = {"sn", "badge", "bw"}  # classes of what the article page puts between the article's words
SKIPPED = {"script", "style", "template", "head", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Page:
    """A page's text: its blocks, each with its whitespace runs made one space, joined by "\n\n"; `body`: for
    each character, whether it is the article's own text (in its body, outside inserted notes and badges)."""

    text: str
    body: list[bool]

    def body_words(self) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(r"\S+", self.text) if self.body[m.start()]]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, block, skipped, body)
        self.blocks: list[tuple[str, bool]] = []
        self.run: list[str] = []
        self.run_body = False

    def _cut(self) -> None:
        text = " ".join("".join(self.run).split())
        if text:
            self.blocks.append((text, self.run_body))
        self.run = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        up = self.stack[-1] if self.stack else ("", False, False, False)
        block = tag in BLOCKS or bool(classes & INSERTED) or "sidenote" in classes
        skipped = up[2] or tag in SKIPPED or "hidden" in attrs
        body = ("article-body" in classes or up[3]) and not classes & INSERTED
        if block:
            self._cut()
        self.stack.append((tag, block, skipped, body))

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, *_ in self.stack):
            return
        while self.stack:
            t, block, _, _ = self.stack.pop()
            if block:
                self._cut()
            if t == tag:
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][2] or not data.strip() and not self.run:
            return
        if not self.run:
            self.run_body = bool(self.stack and self.stack[-1][3])
        elif bool(self.stack and self.stack[-1][3]) != self.run_body:
            self._cut()
            self.run_body = bool(self.stack and self.stack[-1][3])
        self.run.append(data)


def page(markup: str) -> Page:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader._cut()
    text, body = "", []
    for block, in_body in reader.blocks:
        sep = "\n\n" if text else ""
        text += sep + block
        body += [False] * len(sep) + [in_body] * len(block)
    return Page(text, body)


def directive(fragment: str) -> tuple[str, str, str, str]:
    """(prefix, start, end, suffix) of `#:~:text=...` ("" for those it has not)."""
    parts = fragment.split(":~:text=", 1)[1].split("&", 1)[0].split(",")
    prefix = unquote(parts.pop(0)[:-1]) if parts[0].endswith("-") else ""
    suffix = unquote(parts.pop()[1:]) if len(parts) > 1 and parts[-1].startswith("-") else ""
    return prefix, unquote(parts[0]), unquote(parts[1]) if len(parts) > 1 else "", suffix


def _bounded(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def _find(text: str, term: str, pos: int, start_bounded: bool = True, end_bounded: bool = True, anchored=False):
    pattern = re.compile(r"\s+".join(map(re.escape, term.split())), re.IGNORECASE)
    while (m := (pattern.match if anchored else pattern.search)(text, pos)) is not None:
        if (not start_bounded or _bounded(text, m.start())) and (not end_bounded or _bounded(text, m.end())):
            return m
        if anchored:
            return None
        pos = m.start() + 1
    return None


def land(text: str, fragment: str) -> tuple[int, int] | None:
    """Where in `text` (Page.text) a browser selects the text fragment: (start, end), or None when nowhere."""
    prefix, start, end, suffix = directive(fragment)
    assert not suffix, "suffixes are not emulated"
    pos = 0
    while True:
        if prefix:
            p = _find(text, prefix, pos, end_bounded=False)
            if p is None:
                return None
            pos = p.start() + 1
            after = re.compile(r"\s*").match(text, p.end()).end()
            m = _find(text, start, after, start_bounded=False, anchored=True)
            if m is None:
                continue
        else:
            m = _find(text, start, pos)
            if m is None:
                return None
            pos = m.start() + 1
        if not end:
            return m.start(), m.end()
        e = _find(text, end, m.end())
        return (m.start(), e.end()) if e else None


def places(page_: Page, passage: str, least: int = 8) -> list[tuple[int, int]]:
    """(start, end) in page_.text of each place of the article's own text that holds `least` or more words of the
    passage in a row (its whole or a part of it, as /passages/ lists its places), in order."""
    words = page_.body_words()
    own = [_word(page_.text[a:b]) for a, b in words]
    want = [_word(w) for w in html.unescape(passage).split()]
    found, i = [], 0
    while i < len(own):
        n = max((_run(own, i, want, j) for j, w in enumerate(want) if w == own[i]), default=0)
        if n >= min(least, len(want)):
            found.append((words[i][0], words[i + n - 1][1]))
        i += max(n, 1)
    return found


def _word(word: str) -> str:
    """A word as compared with the passage's: case aside, without punctuation (a passage may end inside
    "guideline.")."""
    return "".join(c for c in word.casefold() if c.isalnum()) or word


def _run(own: list[str], i: int, want: list[str], j: int) -> int:
    n = 0
    while i + n < len(own) and j + n < len(want) and own[i + n] == want[j + n]:
        n += 1
    return n


@dataclass
class Link:
    """A link into an article's place of a passage: from `where` (a page of /passages/, or the article's own),
    the `repeat`-th place of passage `number` in article `slug`, `fragment` ("" when the link has none)."""

    where: str
    number: int
    slug: str
    repeat: int
    fragment: str


def passage_links(site) -> tuple[dict[int, str], list[Link]]:
    """Each passage's text by number, and every link into an article from /passages/ and from article pages."""
    texts: dict[int, str] = {}
    links: list[Link] = []
    seen: dict[tuple[int, str], int] = {}
    pages = sorted((site / "passages").rglob("index.html"), key=lambda p: (len(p.parts), p.parts))
    for path in pages:
        for section in path.read_text("utf-8").split('<section class="passage')[1:]:
            number = int(re.search(r"Passage (\d+)", section).group(1))
            quote = re.search(r'<blockquote class="passage-text"><p[^>]*>(.*?)</p>', section, re.S)
            if quote:
                texts[number] = quote.group(1)
            for href in re.findall(r'<li><a href="([^"]+)">', section.split('<ul class="occurrences">')[1].split("</ul>")[0]):
                slug = href.split("/articles/", 1)[1].split("/", 1)[0]
                seen[number, slug] = seen.get((number, slug), 0) + 1
                links.append(Link(str(path), number, slug, seen[number, slug], _fragment(href)))
    for path in sorted((site / "articles").glob("*/index.html")):
        markup = path.read_text("utf-8")
        for item in re.findall(r'<li><a href="[^"]*#p-(\d+)">(.*?)</li>', markup, re.S):
            place = re.search(r'<a href="([^"]+)">(?:(?!</a>).)*its place here', item[1], re.S)
            links.append(Link(str(path), int(item[0]), path.parent.name, 1, _fragment(place.group(1)) if place
                              else ""))
    return texts, links


def _fragment(href: str) -> str:
    return html.unescape(href.split("#", 1)[1]) if ":~:text=" in href else ""


def verdicts(site) -> dict[str, list[Link]]:
    """Every passage link of the site by what a browser does with it: "own" (selects the passage's own place),
    "elsewhere" (selects other words, or another place of them), "nowhere" (matches nothing), "none" (the link
    has no fragment), "unknown" (the checker finds the passage's words nowhere on the page)."""
    texts, links = passage_links(site)
    out: dict[str, list[Link]] = {k: [] for k in ("own", "elsewhere", "nowhere", "none", "unknown")}
    cache: dict[str, Page] = {}
    for link in links:
        if not link.fragment:
            out["none"].append(link)
            continue
        if link.slug not in cache:
            cache[link.slug] = page((site / "articles" / link.slug / "index.html").read_text("utf-8"))
        text = cache[link.slug]
        own = places(text, texts[link.number])
        if len(own) < link.repeat:
            out["unknown"].append(link)
            continue
        got = land(text.text, link.fragment)
        # (the link's place: one holding the passage's words, not before its repeat-th, beginning where it lands)
        ours = got is not None and any(lo == got[0] and lo < got[1] for lo, _ in own[link.repeat - 1:])
        out["nowhere" if got is None else "own" if ours else "elsewhere"].append(link)
    return out
