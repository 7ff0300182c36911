"""The long listings of the site-wide pages cut into numbered pages (paginate.py): the home page's articles
(/, /page/2/, …), /sources/ by outlet (/sources/, /sources/2/, …) and /timeline/ by day. Pure: rows in,
slices and the plain values each page shows out. A listing that fits on one page is one slice and its page
is what it was before pagination.

Every link into /sources/#s-<outlet> goes through `outlet_urls`, so it names the page holding the outlet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from . import paginate
from ..analyse.library import Library
from ..load.model import Source
from ..text.markdown import render_note
from ..common.identity import EachOf


def listed(row: Mapping[str, Any]) -> dict[str, Any]:
    """An article row as a listing shows it: without its annotations' rows, which a listing does not show, so
    that its page's view model (the page's key, page.html) stays as it was when a note is edited."""
    return {k: v for k, v in row.items() if k != "annotation_rows"}


def home_weight(row: Mapping[str, Any]) -> int:
    """An article's estimated bytes on the home page: its text plus the markup around it (~200 bytes)."""
    return 200 + sum(len(row[k] or "") for k in ("url", "title", "source", "wire", "summary_html"))


def home_slices(rows: Sequence[Mapping[str, Any]]) -> list[paginate.Slice]:
    return paginate.slices("", "Articles", [home_weight(r) for r in rows], paginate.HOME_ARTICLES_PER_PAGE)


@dataclass(frozen=True)
class Section:
    """One outlet's part of /sources/: `articles` are its rows on this page. Invariant: an outlet has one
    section unless its articles alone exceed the page budget; then the later ones are `continued` (shown
    under a "continued" heading, without the outlet's id, which stays with its first section)."""

    source: Source
    articles: tuple[Mapping[str, Any], ...]
    continued: bool


def _line_weight(row: Mapping[str, Any]) -> int:
    """An article's estimated bytes in its outlet's section: title, link, date and ~70 bytes of markup."""
    return 70 + len(row["url"]) + len(row["title"]) + 2 * len(row["date"] or "")


# Each row's line weight while it is the same object (the live preview's rows are: article_pages._ROWS)
_LINES: EachOf[int] = EachOf(_line_weight)


def _coverage_weight(coverage: Mapping[str, Any]) -> int:
    """The coverage matrix's estimated bytes: ~100 a cell, ~110 more a link, and each row's heading."""
    return sum(150 + len(r["title"]) + len(r["url"]) + sum(
        100 + sum(110 + len(link["url"]) + len(c["outlet"]) for link in c["links"]) for c in r["cells"])
        for r in coverage["rows"])


def sections(library: Library, rows: Sequence[Mapping[str, Any]]) -> tuple[list[Section], list[int]]:
    """The outlets' sections in the dossier's order, and the estimated bytes of each."""
    out, weights = [], []
    by_source: dict[str, tuple[list[Mapping[str, Any]], list[int]]] = {}
    _LINES.new_build()
    # (one pass: a filter of every row for each outlet took 8 ms a call at 5,000 articles)
    for r, weight in zip(rows, _LINES.each(rows)):
        mine, lines = by_source.setdefault(r["source_id"], ([], []))
        mine.append(r)
        lines.append(weight)
    for s in library.dossier.sources:
        mine, lines = by_source.get(s.id, ([], []))
        # An outlet too large for one page continues on the next (split never cuts one article).
        for n, part in enumerate(paginate.split(lines, len(lines) + 1, paginate.SOURCES_BUDGET)):
            out.append(Section(s, tuple(mine[part.start:part.stop]), n > 0))
            weights.append(250 + len(s.name) + len(s.homepage or "") + len(s.note or "") + sum(lines[i] for i in part))
    return out, weights


def source_slices(library: Library, rows: Sequence[Mapping[str, Any]]
                  ) -> tuple[list[Section], list[paginate.Slice]]:
    """The outlets' sections, and the pages of /sources/: the sections, then the coverage matrix as one
    more item (when there is one), so that it is on the last page, or a page of its own once it is large."""
    parts, weights = sections(library, rows)
    coverage = library.comparisons.coverage
    if coverage["rows"]:
        weights.append(_coverage_weight(coverage))
    return parts, paginate.slices("sources/", "Sources", weights, paginate.SOURCE_SECTIONS_PER_PAGE,
                                  paginate.SOURCES_BUDGET)


def outlet_urls(library: Library, rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Outlet id → the link to its section on /sources/ (the page that holds it, with its #s-<id>)."""
    parts, pages = source_slices(library, rows)
    link = library.urls.link
    return {parts[i].source.id: f"{link(p.path)}#s-{parts[i].source.id}"
            for p in pages for i in p.items if i < len(parts) and not parts[i].continued}


def sources_view(library: Library, split: tuple[list[Section], list[paginate.Slice]], part: paginate.Slice
                 ) -> dict[str, Any]:
    """What one page of /sources/ shows (`split`: what `source_slices` gave): its outlets' sections, and the
    coverage matrix if it is here (otherwise `coverage_url`, the link to the page that holds it)."""
    parts, pages = split
    here = [parts[i] for i in part.items if i < len(parts)]
    coverage = library.comparisons.coverage
    holder = next((p for p in pages if len(parts) in p.items), None)
    on_page = holder is None or holder.number == part.number
    resolve = library.urls.resolve_note_link
    return {"sources": [{"id": x.source.id, "name": x.source.name, "homepage": x.source.homepage,
                         "country": x.source.country, "continued": x.continued,
                         "note_html": render_note(x.source.note, resolve)[0] if x.source.note else "",
                         "articles": [listed(r) for r in x.articles]} for x in here],
            "coverage": coverage if on_page else {"rows": []},
            "coverage_url": "" if on_page else library.urls.link(holder.path) + "#coverage-h"}


def day_weight(day: Mapping[str, Any]) -> int:
    """A timeline day's estimated bytes: ~100 for its heading, and for each entry its text and ~140 more."""
    return 100 + sum(140 + len(i["url"]) + len(i["title"] if i["kind"] == "published" else i["quote"])
                     + len(i["source"]) + len(i["note_html"]) for i in day["items"])


def timeline_slices(days: Sequence[Mapping[str, Any]]) -> list[paginate.Slice]:
    return paginate.slices("timeline/", "Timeline", [day_weight(d) for d in days], paginate.TIMELINE_DAYS_PER_PAGE,
                           paginate.TIMELINE_BUDGET)
