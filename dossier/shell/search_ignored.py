"""What Pagefind is sent: the pages it indexes (`indexed_paths`), each without the contents of its
`data-pagefind-ignore="all"` elements; and what it is told to leave out of the index beside those (`EXCLUDED`).

Pagefind skips such an element and everything in it (text, filters, metadata, anchors), but it still parses it:
an entity page's "Every mention, in context" and "Named in the same sentence" sections are three quarters of its
bytes, a fifth of all the HTML indexed at 1,000 articles (79 → 63 MB). So those elements are sent empty: their
start and end tags stay where they were (the block boundary Pagefind splits words at is unchanged), only what is
between them goes. The bundle is byte-identical (the default dossier and the 1,000-article generated one, every
file compared; tests/test_search_ignored.py); Pagefind's CPU time at 1,000 articles is about a tenth less
(skipped markup is cheap to parse), for 0.08 s of emptying.

The page's own markup is the build's (templates/), where every attribute value and text is escaped, so a tag
seen here is a tag. An element whose end cannot be found (a void element, markup that does not close) is sent
as it is, as is the rest of that page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Callable, Iterable, Mapping, MutableMapping

from .fs import output_digest

MARK = b'data-pagefind-ignore="all"'
BODY_ATTRIBUTE = "data-pagefind-body"
# The site's own words inside the text a page is found by, left out of the index and of the results' excerpts (the
# words "Compared words:", "Context:", "Note 1", a note's kind, a column's "base" flag, the heat map's counts and a
# comparison's columns against the bases not shown, and the base's words a column shows struck out, which ran into
# the column's own: "go it alone ontake control of Rafah"): "Do4 (4 of 4 differ) It Alone3" was an excerpt, and a
# column not the base said "base." (review 126). And every element that carries `hidden` (`[hidden]`), which no
# reader sees: a comparison's renderings against the bases not shown (`.r`), its "marked against" names of those
# bases, which ran into the one shown ("marked against Evening Signal (2024-02-07)River Times (2024-02-07)…"), and
# the chooser of a base, shown by its script, a control whose legend is no words of the page's ("Mark the
# differences against"). (Text for screen readers alone, `.visually-hidden`, is the site's words or repeats the
# page's.) Part of every part's key (search.index_version).
EXCLUDED = (".visually-hidden", "[hidden]", ".base-flag", ".wit-text del", ".heat", ".hm-legend", ".sn-toggle",
            ".sn-num", ".sn-label", ".sn-approx", ".sn-source", ".sn-tags", ".bw")
CONFIG = {"exclude_selectors": list(EXCLUDED)}

_VOID = frozenset(b"area base br col embed hr img input link meta source track wbr".split())
_NAME = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)")
_TAGS: dict[bytes, re.Pattern[bytes]] = {}


def _tags(name: bytes) -> re.Pattern[bytes]:
    """The start and end tags of elements named `name` (any case); group 1 is "/" for an end tag."""
    found = _TAGS.get(name)
    if found is None:
        found = _TAGS[name] = re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s>/])", re.IGNORECASE)
    return found


def _element(page: bytes, mark: int) -> tuple[int, int] | None:
    """(end of the start tag, start of the end tag) of the element whose start tag holds the MARK at `mark`;
    None when it is void or does not close."""
    start = page.rfind(b"<", 0, mark)
    name = _NAME.match(page, start) if start != -1 else None
    opened = page.find(b">", mark)
    if name is None or opened == -1 or page.find(b"<", start + 1, mark) != -1:
        return None
    tag = name.group(1).lower()
    if tag in _VOID:
        return None
    depth = 1
    for found in _tags(tag).finditer(page, opened + 1):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return opened + 1, found.start()
    return None


def without_ignored(page: bytes) -> bytes:
    """`page` with every `data-pagefind-ignore="all"` element emptied (its tags kept); the page itself when it
    has none."""
    mark = page.find(MARK)
    if mark == -1:
        return page
    pieces, kept = [], 0
    while mark != -1:
        span = _element(page, mark)
        if span is None:
            break
        pieces.append(page[kept:span[0]])
        kept = span[1]
        mark = page.find(MARK, span[1])
    pieces.append(page[kept:])
    return b"".join(pieces)


# An `id` on an element inside a word: the mention links (`<a … id="m-2" class="m">`), the annotations' and
# notes' spans, the comparison badges. Pagefind takes every element with an id for an anchor, and an anchor
# ends a word: a Hebrew or Arabic prefix written onto a name ("ל<a id=…>רפיח</a>", "ل<a id=…>بلينكن</a>") was
# indexed as two words, so the whole word found nothing and the result's title was shown split (review 69).
# Headings keep theirs: they are what Pagefind's sub-results link to.
_ID = re.compile(rb' id="[^"<>]*"')
_INLINE = re.compile(rb"<(?:a|span|label|sup|mark|ins|del|bdi)[\s>]")
# An article's headline too: it is the page's own title, so a sub-result for it repeats the result, titled with
# what the editors wrote into the headline (a note's number and words, its tags, a comparison's badge).
_HEADLINE = re.compile(rb'<h1 class="headline"[\s>]')


def without_inline_ids(page: bytes) -> bytes:
    """`page` without the `id` of any inline element (a, span, label, sup, mark, ins, del, bdi), so that the words
    such an element stands in are indexed whole, nor of an article's headline (`_HEADLINE`). (Each id found, then
    its tag looked at: a pattern that tried every tag took 0.65 s at 1,000 articles.)"""
    pieces, kept = [], 0
    for found in _ID.finditer(page):
        opened = page.rfind(b"<", 0, found.start())
        if opened != -1 and (_INLINE.match(page, opened) or _HEADLINE.match(page, opened)) and \
                page.find(b">", opened, found.start()) == -1:
            pieces.append(page[kept:found.start()])
            kept = found.end()
    if not pieces:
        return page
    pieces.append(page[kept:])
    return b"".join(pieces)


def sent(page: bytes) -> bytes:
    """What Pagefind is sent of an indexed page: the page without its ignored elements' contents and inline ids."""
    return without_inline_ids(without_ignored(page))


class SentDigests:
    """The digest of what Pagefind is sent of each page (`sent`), which a search part's key is made of: a page
    whose bytes changed only inside ignored elements (an article page's list of the passages it shares, an entity
    page's mentions in context) leaves its part's key, and so its bundle, as they were (Pagefind is given the URL
    and those bytes, nothing else). `outputs`: the pages; `digests`: each page's output digest (fs.output_digest),
    by which `recalled` (a store's, from earlier indexes) gives the sent digest without reading the page. A page
    read for its digest keeps what it sends until `body` takes it or `drop` lets it go."""

    def __init__(self, outputs: Mapping[str, bytes], digests: Mapping[str, str], recalled: Mapping[str, str]) -> None:
        self.outputs, self.digests, self.recalled = outputs, digests, recalled
        self.found: dict[str, str] = {}     # output digest → sent digest, of this index's pages
        self.held: dict[str, bytes] = {}    # path → what it sends, read for its digest and not yet sent

    def digest(self, path: str) -> str:
        made = self.digests[path]
        known = self.found.get(made) or self.recalled.get(made)
        if known is None:
            body = self.held[path] = sent(self.outputs[path])
            known = output_digest(body)
        self.found[made] = known
        return known

    def body(self, path: str) -> bytes:
        """What `path` sends, read now unless its digest was taken from it (then given once)."""
        held = self.held.pop(path, None)
        return held if held is not None else sent(self.outputs[path])

    def drop(self, paths: Iterable[str]) -> None:
        """Let go of what `paths` send (their part is not indexed again)."""
        for path in paths:
            self.held.pop(path, None)


def is_html_page(path: str) -> bool:
    """Whether Pagefind reads an output file at all (which pages it indexes is the page's own `searchable` mark,
    core/plan/views.py, written into the HTML as data-pagefind-body)."""
    return path.endswith(".html")


class _FoundBody(Exception):
    pass


class _BodyFinder(HTMLParser):
    """Stops at the first start tag carrying `data-pagefind-body` (comments, scripts and text do not count)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == BODY_ATTRIBUTE for name, _ in attrs):
            raise _FoundBody

    handle_startendtag = handle_starttag


def has_body_element(html: bytes) -> bool:
    """Whether an element of the page carries `data-pagefind-body` (an HTML parse, not a text search)."""
    if BODY_ATTRIBUTE.encode() not in html:
        return False
    finder = _BodyFinder(convert_charrefs=False)
    try:
        finder.feed(html.decode("utf-8", "replace"))
        finder.close()
    except _FoundBody:
        return True
    return False


# What a page's bytes were found to hold (`indexed_paths`), by their digest: the attribute's name nowhere; somewhere
# (whether on an element was not asked); on an element (`has_body_element`); only in text, comments or scripts.
UNNAMED, NAMED, BODY, NO_BODY = 0, 1, 2, 3


def indexed_paths(outputs: Mapping[str, bytes], digest: Callable[[str], str | None],
                  marks: MutableMapping[str, int]) -> list[str]:
    """The HTML pages to send, in sorted order (the page order of the index).

    Pagefind's rule: once any page has a `data-pagefind-body` element, pages without one are left out of the
    index. So if a page has one (an HTML parse of the first pages in order finds it, usually in the first), pages
    that cannot have one (the attribute's name is nowhere in their bytes) are not sent at all, which saves
    Pagefind parsing them (the build report is large). `outputs` may read pages from disk when asked; `digest`
    gives a page's output digest (fs.output_digest) when it is known without reading the page (the writer's stage
    has them), else None, and `marks` what earlier builds found in pages by their digest (UNNAMED, NAMED, BODY,
    NO_BODY), added to here: a page whose bytes are as before is not read (every page read to be sorted out took
    0.3 s of a one-note rebuild at 5,000 articles, most pages unchanged). (A page in memory is looked at: its
    digest would cost more than that.)"""
    paths = sorted(p for p in outputs if is_html_page(p))
    needle = BODY_ATTRIBUTE.encode()

    def mark(path: str, element: bool) -> int:
        key = digest(path)
        found = None if key is None else marks.get(key)
        if found is None or (element and found == NAMED):
            page = outputs[path]
            found = UNNAMED if needle not in page else \
                (BODY if has_body_element(page) else NO_BODY) if element else NAMED
            if key is not None:
                marks[key] = found
        return found

    only_marked = any(mark(p, True) == BODY for p in paths)  # stops at the first page that has one
    return [p for p in paths if not only_marked or mark(p, False) != UNNAMED]
