"""Test helper: where a browser's text fragment (`#:~:text=prefix-,start,end`) lands in a built page.

It emulates the first-match rule of https://wicg.github.io/scroll-to-text-fragment/ on the whole page's visible
text (site header, the article's headline and standfirst, its body with the notes and badges in it, and what follows):
the page's blocks (block elements, and each note or badge the article page inserts, a box of its own), as a browser
shows them in a wide window: every word, but those of hidden elements (the `hidden` attribute, `HIDDEN` classes).
A term matches as Chromium's find does (ICU collation at primary strength: case, accents and vowel marks aside,
curly quotes as straight ones, ø as o; emulated by folding both sides with text_fragments.fold, the one fold
that test_browser_text_fragments checks in Chromium), with any space between its words,
beginning and ending at a word boundary (not between two letters or digits); the start term's first match (right
after a match of the prefix, and optional space, when there is one) is taken, then the end term's first match
after it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote

from dossier.core.plan.text_fragments import dropped_breaks, fold

BLOCKS = {"address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p",
          "pre", "section", "summary", "table", "td", "th", "tr", "ul", "button", "label"}
INSERTED = {"sn", "badge", "bw"}  # classes of what the article page puts between the article's words
SKIPPED = {"script", "style", "template", "head", "title"}
# Classes static/dossier.css hides on screen (display: none), whose words a browser does not search: the print-only
# endnotes, and the "Note n" said only where the notes are toggles. (Sidenotes are shown in the margin of a wide
# window, .visually-hidden words are laid out: both are searched, so both are here.)
HIDDEN = {"endnotes", "sn-said"}
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
        skipped = up[2] or tag in SKIPPED or "hidden" in attrs or bool(classes & HIDDEN)
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


def _bounded(text: str, i: int, breaks: frozenset[int]) -> bool:
    # (`breaks`: where a soft hyphen or a zero-width space was folded away, at which Chromium breaks words)
    return i in breaks or i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def _find(text: str, term: str, pos: int, breaks: frozenset[int], start_bounded: bool = True,
          end_bounded: bool = True, anchored=False):
    pattern = re.compile(r"\s+".join(map(re.escape, term.split())))
    while (m := (pattern.match if anchored else pattern.search)(text, pos)) is not None:
        if (not start_bounded or _bounded(text, m.start(), breaks)) and (
                not end_bounded or _bounded(text, m.end(), breaks)):
            return m
        if anchored:
            return None
        pos = m.start() + 1
    return None


@lru_cache(maxsize=8)
def _folded(text: str) -> tuple[str, list[int], frozenset[int]]:
    """The text folded one character at a time, for each folded character the offset of the one it is of, and the
    folded offsets where a character that breaks words was dropped (`dropped_breaks`)."""
    parts, where = [], []
    for i, c in enumerate(text):
        f = fold(c)
        parts.append(f)
        where += [i] * len(f)
    return "".join(parts), where + [len(text)], frozenset(dropped_breaks(text))


def land(text: str, fragment: str) -> tuple[int, int] | None:
    """Where in `text` (Page.text) a browser selects the text fragment: (start, end), or None when nowhere."""
    folded, where, breaks = _folded(text)
    got = _land(folded, fragment, breaks)
    return None if got is None else (where[got[0]], where[got[1] - 1] + 1)


def _land(text: str, fragment: str, breaks: frozenset[int]) -> tuple[int, int] | None:
    prefix, start, end, suffix = directive(fragment)
    prefix, start, end = fold(prefix), fold(start), fold(end)
    assert not suffix, "suffixes are not emulated"
    pos = 0
    while True:
        if prefix:
            p = _find(text, prefix, pos, breaks, end_bounded=False)
            if p is None:
                return None
            pos = p.start() + 1
            after = re.compile(r"\s*").match(text, p.end()).end()
            m = _find(text, start, after, breaks, start_bounded=False, anchored=True)
            if m is None:
                continue
        else:
            m = _find(text, start, pos, breaks)
            if m is None:
                return None
            pos = m.start() + 1
        if not end:
            return m.start(), m.end()
        e = _find(text, end, m.end(), breaks)
        return (m.start(), e.end()) if e else None


@dataclass
class Link:
    """A link into an article's place of a passage: from `where` (a passage's page, or the article's own), the
    `repeat`-th place of the passage `ident` (its id: article_passages.ids) in article `slug`, `fragment` ("" when
    the link has none)."""

    where: str
    ident: str
    slug: str
    repeat: int
    fragment: str


def passage_links(site) -> tuple[dict[str, str], list[Link]]:
    """Each passage's text by id, and every link into an article from the passages' pages and from article pages."""
    texts: dict[str, str] = {}
    links: list[Link] = []
    seen: dict[tuple[str, str], int] = {}
    # (each passage's pages, /passages/<id>/ then /passages/<id>/2/, …, in order: not /passages/ nor its pages)
    own = [p.relative_to(site / "passages").parts for p in (site / "passages").rglob("index.html")]
    pages = sorted((parts[0], int(parts[1]) if len(parts) == 3 else 1, parts) for parts in own
                   if len(parts) > 1 and parts[0] != "page")
    for ident, _, parts in pages:
        path = site.joinpath("passages", *parts)
        markup = path.read_text("utf-8")
        quote = re.search(r'<blockquote class="passage-text"><p[^>]*>(.*?)</p>', markup, re.S)
        if quote:
            texts[ident] = quote.group(1)
        rows = markup.split('<ul class="occurrences">')[1].split("</ul>")[0]
        for href in re.findall(r'<li><a href="([^"]+)">', rows):
            slug = href.split("/articles/", 1)[1].split("/", 1)[0]
            seen[ident, slug] = seen.get((ident, slug), 0) + 1
            links.append(Link(str(path), ident, slug, seen[ident, slug], _fragment(href)))
    for path in sorted((site / "articles").glob("*/index.html")):
        markup = path.read_text("utf-8")
        for item in re.findall(r'<li><a href="[^"]*/passages/([0-9a-f-]+)/">(.*?)</li>', markup, re.S):
            place = re.search(r'<a href="([^"]+)">(?:(?!</a>).)*its place here', item[1], re.S)
            links.append(Link(str(path), item[0], path.parent.name, 1, _fragment(place.group(1)) if place
                              else ""))
    return texts, links


def _fragment(href: str) -> str:
    return html.unescape(href.split("#", 1)[1]) if ":~:text=" in href else ""


def _offsets(page_: Page, text: str) -> list[int] | None:
    """For each character of page_.text, its offset in the article's `text` when it is one of the article's own
    non-space characters, else -1; None when the page's own characters are not the text's (typography aside, the
    page reproduces them all in order: DESIGN "Faithful")."""
    own = [m.start() for m in re.finditer(r"\S", text)]
    out, k = [-1] * len(page_.text), 0
    for i, c in enumerate(page_.text):
        if page_.body[i] and not c.isspace():
            if k == len(own) or text[own[k]] != c:
                return None
            out[i], k = own[k], k + 1
    return out if k == len(own) else None


def verdicts(site, library) -> dict[str, list[Link]]:
    """Every passage link of the site by what a browser does with it: "own" (selects text beginning at the first
    word of the occurrence the link is for, the `repeat`-th of the passage in its article, and ending inside it),
    "cut" (begins there but ends in words the page inserts after it: a note's or a badge's, which the end term
    matched first), "elsewhere" (begins at other words), "nowhere" (matches nothing), "none" (the link has no
    fragment), "unknown" (the page's own words are not its article's text). `library`: the site's analysis, which
    says where each passage's occurrences are (by its id: article_passages.ids)."""
    from dossier.core.plan.article_passages import ids

    texts = {a.meta.slug: a.text.text for a in library.dossier.articles}
    passages = dict(zip(ids(library.passages), library.passages))
    _, links = passage_links(site)
    out: dict[str, list[Link]] = {k: [] for k in ("own", "cut", "elsewhere", "nowhere", "none", "unknown")}
    cache: dict[str, tuple[Page, list[int] | None]] = {}
    for link in links:
        if not link.fragment:
            out["none"].append(link)
            continue
        if link.slug not in cache:
            p = page((site / "articles" / link.slug / "index.html").read_text("utf-8"))
            cache[link.slug] = p, _offsets(p, texts[link.slug])
        p, offsets = cache[link.slug]
        if offsets is None:
            out["unknown"].append(link)
            continue
        occ = [o for o in passages[link.ident].occurrences if o.doc == link.slug][link.repeat - 1]
        got = land(p.text, link.fragment)
        begins = got is not None and offsets[got[0]] == occ.start
        verdict = ("nowhere" if got is None else "elsewhere" if not begins else "cut" if offsets[got[1] - 1] < 0
                   else "own" if occ.start < offsets[got[1] - 1] < occ.end else "elsewhere")
        out[verdict].append(link)
    return out
