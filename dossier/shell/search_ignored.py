"""What Pagefind is sent of a page: the page without the contents of its `data-pagefind-ignore="all"` elements.

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

MARK = b'data-pagefind-ignore="all"'
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
