"""Listings split into numbered pages: /report/, /report/2/, /report/3/, …; the same for /passages/,
/tags/<tag>/, /sources/ and /timeline/, and the home page's articles (/, /page/2/, /page/3/, …). A listing
that fits on one page is planned exactly as before: one path, no navigation, the same title, so a small
dossier's site does not change.

Pure: item weights in, ranges of items out; and the plain values the shared partial
(templates/_pagination.html) shows.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence, TypeVar

from ..common.urls import Urls
from ..common.records import frozen

T = TypeVar("T")

# Page sizes, chosen from a 1,000-article generated dossier (bench/generate.py, 10,000 annotations), built
# before pagination, so that at 5,000 articles no page comes near the 1 MB target:
# - /passages/ lists each passage in a line (article_passages.LISTED_PER_PAGE); each has a page of its own, which
#   goes on over further pages for a passage found in very many places (passage_views.OCCURRENCES_PER_PIECE).
# - /report/: 10,000 rows in 2.9 MB, 290 bytes a row (the longest 490): 1,000 rows made ~300 KB, but a page
#   124,500 px tall on a phone (390x844, a row a card of 124 px; review 141). 200 rows, most of them a line on a
#   phone (the rows after an article's first: dossier.css), make ~60 KB and a page of ~11,000 px there.
# - /tags/<tag>/: ~1,250 annotations a tag in ~0.62 MB, 500 bytes each (the longest 670): 400 make ~200 KB;
#   an editor's long notes are weighed by their length, so the budget splits those pages sooner.
REPORT_ROWS_PER_PAGE = 200
TAG_ITEMS_PER_PAGE = 400
# Measured the same way, on the same dossier (1,000 articles, 12 outlets, 200 comparisons), after the above:
# - home: 1,000 articles in 293 KB, 293 bytes an article (the longest 324; an editor's summary adds its
#   length); the comparisons (37 KB at 200) are on page 1 only. 200 articles make ~60 KB: a phone scrolls
#   through one page in a minute, and 5,000 articles make 25 pages.
# - /sources/: 163 bytes an article in its outlet's section (12 outlets of 76-98 articles, 12-16 KB each at
#   1,000 articles, 60-80 KB at 5,000); the coverage matrix is 1.9 KB a comparison (390 KB at 200), its rows
#   cut into parts of at most the budget, each an item after the sections, so that it is on the last page, or
#   on pages of its own once it is large (1.9 MB at 1,000 comparisons: ten pages). A budget of
#   200 KB keeps whole outlets together (an outlet larger than that continues on the next page).
# - /timeline/: 236 bytes an entry, grouped by day (229 days at 1,000 articles, 1.2 KB a day on average, the
#   largest 4.7 KB): 50 days make ~60 KB; the budget splits sooner when days grow denser (5,000 articles).
# Checked on a 5,000-article dossier (bench/generate.py --articles 5000): home pages 64-100 KB (25 pages),
# /sources/ 134-144 KB (two outlets a page) and the matrix's page 392 KB, timeline pages up to 152 KB.
# - /compare/: ~480 bytes a comparison (493 KB at 1,000 comparisons, which came near the target at 2,000): 200 a
#   page make ~100 KB, the 200 comparisons of the generated dossiers one page.
HOME_ARTICLES_PER_PAGE = 200
COMPARISONS_PER_PAGE = 200
SOURCE_SECTIONS_PER_PAGE = 40
SOURCES_BUDGET = 200_000
TIMELINE_DAYS_PER_PAGE = 50
TIMELINE_BUDGET = 150_000
# The most estimated bytes of items on one page: under half the 1 MB target, leaving room for the page's
# frame (header, navigation, ~3 KB) and for estimates that fall short (escaping, markup around each item).
PAGE_BUDGET = 400_000

# How many numbered links the navigation shows either side of the current page; the first and the last page
# are always shown, so that a listing of hundreds of pages does not make hundreds of links on every page.
AROUND = 2


def split(weights: Sequence[int], per_page: int, budget: int = PAGE_BUDGET) -> list[range]:
    """The items (given by their estimated bytes, in listing order) cut into consecutive pages: a page takes
    items while it holds fewer than `per_page` and their weights stay within `budget`. Invariants: every
    item is on exactly one page, in order; no page is empty unless the listing is (one empty page); an item
    heavier than `budget` has a page of its own."""
    if per_page < 1:
        raise ValueError("a page holds at least one item")
    pages: list[range] = []
    start, total = 0, 0
    for i, weight in enumerate(weights):
        if i > start and (i - start >= per_page or total + weight > budget):
            pages.append(range(start, i))
            start, total = i, 0
        total += weight
    pages.append(range(start, len(weights)))
    return pages


# Listings whose numbered pages go in a folder of their own: /compare/<id>/ is a comparison's page, and an id
# may be a number ("2"), so /compare/ goes on in /compare/page/2/, … (and /passages/ in /passages/page/2/, beside
# the passages' own pages, /passages/<id>/)
# /entities/ in /entities/page.2/, … (an entity's id is a slug: no "." in it, so neither an entity's page nor its
# pages of mentions, /entities/<id>/2/, can be one of these)
NUMBERED = {"compare/": "compare/page/", "entities/": "entities/page.", "passages/": "passages/page/"}


def page_path(folder: str, number: int) -> str:
    """The output path of page `number` (from 1) of the listing in `folder` ("passages/", "tags/quote/"):
    page 1 keeps the listing's own path (every link to the listing lands there), page n is `folder`n/. The
    home page's listing (folder "") goes on in page/n/, a folder no other feature uses, and /compare/'s in
    compare/page/n/ (`NUMBERED`)."""
    if number == 1:
        return f"{folder}index.html"
    return f"{NUMBERED.get(folder, folder or 'page/')}{number}/index.html"


def title(name: str, number: int, count: int) -> str:
    """The page title: the listing's name, and which page this is when there are several (so that each page
    is told apart by screen readers, in tabs and in search results)."""
    return name if count == 1 else f"{name} (page {number} of {count})"


def navigation(urls: Urls, folder: str, number: int, count: int, spans: Sequence[str] = ()
               ) -> dict[str, Any] | None:
    """What templates/_pagination.html shows for page `number` of `count`, or None for a single page (no
    navigation: the page is what it was before pagination). `spans`: what each page holds (page_spans.py), said
    with its number, and with the links to the previous and the next page; none, numbers alone."""
    if count == 1:
        return None
    shown = sorted({1, count, *range(max(1, number - AROUND), min(count, number + AROUND) + 1)})
    link = {n: urls.link(page_path(folder, n)) for n in {*shown, number - 1, number + 1} if 1 <= n <= count}

    def span(n: int) -> str:
        return spans[n - 1] if 1 <= n <= len(spans) else ""
    return {"number": number, "count": count,
            "prev": link.get(number - 1, ""), "next": link.get(number + 1, ""),
            "prev_span": span(number - 1), "next_span": span(number + 1),
            # `gap`: pages left out before this one, shown as an ellipsis
            "pages": [{"number": n, "url": link[n], "current": n == number, "gap": i > 0 and n - shown[i - 1] > 1,
                       "span": span(n)}
                      for i, n in enumerate(shown)]}


@frozen
class Slice:
    """Page `number` of `count` of the listing in `folder` named `name`: the listing's items `items`.
    Invariant: 1 <= number <= count; the slices of one listing cover its items in order."""

    folder: str
    name: str
    number: int
    count: int
    items: range
    spans: tuple[str, ...] = ()   # what each page of the listing holds (page_spans.py), the same for all its pages

    @property
    def path(self) -> str:
        return page_path(self.folder, self.number)

    @property
    def title(self) -> str:
        return title(self.name, self.number, self.count)

    def of(self, items: Sequence[T]) -> Sequence[T]:
        """This page's part of the listing's `items`."""
        return items[self.items.start:self.items.stop]

    def navigation(self, urls: Urls) -> dict[str, Any] | None:
        return navigation(urls, self.folder, self.number, self.count, self.spans)


def slices(folder: str, name: str, weights: Sequence[int], per_page: int, budget: int = PAGE_BUDGET,
           describe: Callable[[Sequence[range]], list[str]] | None = None) -> list[Slice]:
    """The pages of a listing (see `split`), each with its path, title and items, and what each page holds as
    `describe` says it (page_spans.py; none: the navigation gives numbers alone). A listing of one page is not
    described: it has no navigation."""
    ranges = split(weights, per_page, budget)
    spans = tuple(describe(ranges)) if describe is not None and len(ranges) > 1 else ()
    return [Slice(folder, name, n, len(ranges), r, spans) for n, r in enumerate(ranges, start=1)]
