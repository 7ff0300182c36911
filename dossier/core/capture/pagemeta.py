"""What a saved web page says about itself: its <meta> tags, <title>, first <h1>, canonical link, JSON-LD,
and the names it gives its publisher in passing (JSON-LD organizations, its copyright line, its logo's alt text).

Pure: HTML text in, a frozen `PageMeta` out (stdlib html.parser, tolerant of broken markup). The guessers
(guess_title.py, guess_date.py, guess_outlet.py) read these values and say which tag each guess came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import field
from html.parser import HTMLParser
from typing import Any, Iterator, Mapping
from ..common.records import frozen

_NEWS_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
               "opinionnewsarticle", "webpage", "backgroundnewsarticle", "socialmediaposting", "report",
               "liveblogposting"}
_ORG_TYPES = {"organization", "newsmediaorganization"}
_COPYRIGHT = re.compile(r"(?:©|\bcopyright\b)", re.I)
_MAX_FOUND = 3  # the site's own copyright line and logo come first; later ones are ads, partners, photo credits
# The labels of an article's info box whose rows say when it was published and who wrote it.
ROW_LABELS = frozenset({"date", "datum", "published", "veröffentlicht", "author", "autor", "autorin", "auteur"})
_ROW_VALUE = 80  # a row's value is a date or a name or two, never a paragraph
_LABEL_TAGS = ("strong", "b", "th", "dt")
_ROW_OPENS = _LABEL_TAGS + ("li", "tr", "p", "div", "br", "h1", "h2", "h3")   # a row's value ends where these start
_ROW_ENDS = ("li", "tr", "p", "div", "dd", "dl", "ul", "table")           # or where these end


@frozen
class PageMeta:
    """Invariant: keys of `meta` are lower-cased `property`/`name`/`itemprop` values; each value is the first
    non-empty `content` seen for that key, whitespace-collapsed. `jsonld` holds flattened article objects."""

    meta: Mapping[str, str] = field(default_factory=dict)
    title: str = ""           # <title>
    h1: str = ""              # the first <h1>'s text
    canonical: str = ""       # <link rel="canonical" href>
    lang: str = ""            # <html lang>
    times: tuple[str, ...] = ()   # datetime attributes of <time> elements, in page order
    jsonld: tuple[Mapping[str, Any], ...] = ()
    orgs: tuple[str, ...] = ()       # names of JSON-LD Organization / NewsMediaOrganization objects
    copyright: tuple[str, ...] = ()  # the text from a "©"/"Copyright" in the page's visible text, first three
    logos: tuple[str, ...] = ()      # alt texts of <img> whose class, id, src or alt says "logo", first three
    # (label, value) of the article's labelled rows, first of each label: DW's info box "<li><strong>Date</strong>
    # 10.06.2013</li><li><strong>Author</strong> Julian Tompkin</li>" (review 125); label lower-cased, no colon
    rows: tuple[tuple[str, str], ...] = ()

    def first(self, *keys: str) -> tuple[str, str]:
        """(key, value) of the first of `keys` present in `meta`, or ("", "")."""
        for key in keys:
            if self.meta.get(key):
                return key, self.meta[key]
        return "", ""

    def ld(self, key: str) -> Any:
        """The first value of `key` among the JSON-LD article objects (articles before other types)."""
        for item in self.jsonld:
            if item.get(key):
                return item[key]
        return None


def _squash(text: str) -> str:
    return " ".join(text.split())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = self.h1 = self.canonical = self.lang = ""
        self.times: list[str] = []
        self.scripts: list[str] = []
        self.copyright: list[str] = []
        self.logos: list[str] = []
        self._code = ""             # "script" | "style" while inside one that is not JSON-LD: not visible text
        self._in: str = ""          # "title" | "h1" | "ld" while inside one
        self._buf: list[str] = []
        self._seen_title = self._seen_h1 = False
        self.rows: dict[str, str] = {}
        self._label: list[str] | None = None   # the text of a <strong>, <b>, <th> or <dt> while inside one
        self._row: tuple[str, list[str]] | None = None   # a known label just read, and the text after it

    def _rows(self, tag: str, start: bool) -> None:
        """A labelled row: a label in a <strong>, <b>, <th> or <dt>, then its value up to the next block or label
        ("<li><strong>Date</strong> 10.06.2013</li>")."""
        if self._row is not None and tag in (_ROW_OPENS if start else _ROW_ENDS):
            label, found = self._row
            value = _squash("".join(found)).strip(" :")
            if value and len(value) <= _ROW_VALUE and label not in self.rows:
                self.rows[label] = value
            self._row = None
        if tag in _LABEL_TAGS:
            if start:
                self._label = []
            elif self._label is not None:
                label = _squash("".join(self._label)).rstrip(" :").casefold()
                self._label, self._row = None, ((label, []) if label in ROW_LABELS else None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if not self._code:
            self._rows(tag, True)
        if tag == "meta":
            content = _squash(a.get("content", ""))
            for attr in ("property", "name", "itemprop", "http-equiv"):
                key = a.get(attr, "").strip().lower()
                if key and content and key not in self.meta:
                    self.meta[key] = content
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and not self.canonical:
            self.canonical = a.get("href", "").strip()
        elif tag == "html" and not self.lang:
            self.lang = a.get("lang", "").strip()
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"].strip())
        elif tag == "title" and not self._seen_title and not self._in:
            self._in, self._buf = "title", []
        elif tag == "h1" and not self._seen_h1 and not self._in:
            self._in, self._buf = "h1", []
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in, self._buf = "ld", []
        elif tag in ("script", "style"):
            self._code = tag
        elif tag == "img" and a.get("alt", "").strip() and len(self.logos) < _MAX_FOUND:
            if "logo" in " ".join(a.get(k, "") for k in ("class", "id", "src", "alt")).lower():
                self.logos.append(_squash(a["alt"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._code:
            self._code = ""
        if not self._code:
            self._rows(tag, False)
        if self._in == "title" and tag == "title":
            self.title, self._seen_title, self._in = _squash("".join(self._buf)), True, ""
        elif self._in == "h1" and tag == "h1":
            self.h1, self._seen_h1, self._in = _squash("".join(self._buf)), True, ""
        elif self._in == "ld" and tag == "script":
            self.scripts.append("".join(self._buf))
            self._in = ""

    def handle_data(self, data: str) -> None:
        if not self._code:
            for found in ([self._label] if self._label is not None else []) + ([self._row[1]] if self._row else []):
                found.append(data)
        if self._in:
            self._buf.append(data)
        elif not self._code and len(self.copyright) < _MAX_FOUND:
            m = _COPYRIGHT.search(data)
            if m:
                self.copyright.append(_squash(data[m.start():m.start() + 120]))


def _flatten(node: Any) -> Iterator[Mapping[str, Any]]:
    """Every JSON-LD object in a document, @graph and nested lists included (not nested properties)."""
    if isinstance(node, list):
        for item in node:
            yield from _flatten(item)
    elif isinstance(node, dict):
        yield node
        if "@graph" in node:
            yield from _flatten(node["@graph"])
        if isinstance(node.get("mainEntity"), (dict, list)):
            yield from _flatten(node["mainEntity"])


def _types(item: Mapping[str, Any]) -> set[str]:
    kind = item.get("@type", "")
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _objects(scripts: list[str]) -> list[Mapping[str, Any]]:
    found: list[Mapping[str, Any]] = []
    for script in scripts:
        try:
            data = json.loads(script.strip().rstrip(";"), strict=False)  # (raw newlines in strings: common)
        except ValueError:
            continue  # broken JSON-LD is common; the page's other metadata still counts
        found += list(_flatten(data))
    return found


def _articles(objects: list[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    found = [item for item in objects if _types(item) & _NEWS_TYPES]
    # Article types first: a WebPage object's "name" is often the site's, not the headline.
    return tuple(sorted(found, key=lambda item: "webpage" in _types(item)))


def _orgs(objects: list[Mapping[str, Any]]) -> tuple[str, ...]:
    names = (ld_text(item.get("name", "")) for item in objects if _types(item) & _ORG_TYPES)
    return tuple(dict.fromkeys(n for n in names if n))


def read_page(html: str) -> PageMeta:
    """The page's own description of itself. Never raises on bad markup."""
    reader = _Reader()
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):  # html.parser gives up on some malformed declarations
        pass
    objects = _objects(reader.scripts)
    return PageMeta(dict(reader.meta), reader.title, reader.h1, reader.canonical, reader.lang,
                    tuple(reader.times), _articles(objects), _orgs(objects), tuple(reader.copyright),
                    tuple(reader.logos), tuple(reader.rows.items()))


def ld_text(value: Any) -> str:
    """A JSON-LD value as text: a string, or the `name` of an object, or the first of a list."""
    if isinstance(value, list):
        return next((t for t in (ld_text(v) for v in value) if t), "")
    if isinstance(value, dict):
        return ld_text(value.get("name", ""))
    return _squash(str(value)) if isinstance(value, (str, int, float)) else ""
