"""The long listings of the site-wide pages cut into numbered pages (paginate.py): the home page's articles
(/, /page/2/, …), /sources/ by outlet (/sources/, /sources/2/, …) and /timeline/ by day. Pure: rows in,
slices and the plain values each page shows out. A listing that fits on one page is one slice and its page
is what it was before pagination.

Every link into /sources/#s-<outlet> goes through `outlet_urls`, so it names the page holding the outlet.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from . import page_spans
from . import paginate
from ..analyse.library import Library
from ..load.model import Source
from ..text.markdown import render_note
from ..common.identity import EachOf
from ..common.records import frozen


def listed(row: Mapping[str, Any]) -> dict[str, Any]:
    """An article row as a listing shows it: without its annotations' rows, which a listing does not show, so
    that its page's view model (the page's key, page.html) stays as it was when a note is edited."""
    return {k: v for k, v in row.items() if k != "annotation_rows"}


def home_weight(row: Mapping[str, Any]) -> int:
    """An article's estimated bytes on the home page: its text plus the markup around it (~200 bytes)."""
    return 200 + sum(len(row[k] or "") for k in ("url", "title", "source", "wire", "summary_html"))


def home_slices(rows: Sequence[Mapping[str, Any]]) -> list[paginate.Slice]:
    return paginate.slices("", "Articles", [home_weight(r) for r in rows], paginate.HOME_ARTICLES_PER_PAGE,
                           describe=page_spans.later(lambda: page_spans.dated([r["date"] for r in rows], "Articles")))


@frozen
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


def _row_weight(row: Mapping[str, Any]) -> int:
    """A coverage row's estimated bytes: ~100 a cell, ~110 more a link, and the row's heading."""
    return 150 + len(row["title"]) + len(row["url"]) + sum(
        100 + sum(110 + len(link["url"]) + len(c["outlet"]) for link in c["links"]) for c in row["cells"])


@frozen
class SourcePages:
    """The pages of /sources/ (`pages`) over its items: first the outlets' `sections`, then the coverage
    matrix's rows cut into `matrix` ranges (each range one item, after the sections). Invariant: each section
    and each matrix row is on exactly one page, in order; a matrix larger than a page continues on the next
    pages (at 1,000 comparisons it was one page of 1.9 MB)."""

    sections: list[Section]
    matrix: list[range]
    pages: list[paginate.Slice]

    def rows_on(self, part: paginate.Slice) -> range:
        """The matrix rows that page `part` shows (an empty range on a page without any)."""
        mine = [self.matrix[i - len(self.sections)] for i in part.items if i >= len(self.sections)]
        return range(mine[0].start, mine[-1].stop) if mine else range(0)

    def matrix_page(self, row: int) -> paginate.Slice | None:
        """The page that shows matrix row `row`, None without a matrix."""
        return next((p for p in self.pages if row in self.rows_on(p)), None)


def source_slices(library: Library, rows: Sequence[Mapping[str, Any]]) -> SourcePages:
    """The outlets' sections, and the pages of /sources/: the sections, then the coverage matrix's rows in
    ranges of at most a page's budget (when there is a matrix), so that it is on the last page, or pages of
    its own once it is large."""
    parts, weights = sections(library, rows)
    row_weights = [_row_weight(r) for r in library.comparisons.coverage["rows"]]
    matrix = paginate.split(row_weights, len(row_weights) + 1, paginate.SOURCES_BUDGET) if row_weights else []
    weights += [sum(row_weights[i] for i in r) for r in matrix]
    return SourcePages(parts, matrix, paginate.slices("sources/", "Sources", weights,
                                                      paginate.SOURCE_SECTIONS_PER_PAGE, paginate.SOURCES_BUDGET,
                                                      describe=source_spans(parts, matrix)))


def source_spans(parts: Sequence[Section], matrix: Sequence[range]) -> page_spans.Describe:
    """What each page of /sources/ holds (page_spans.py): its first and last outlet, in the dossier's order, with
    which of its articles where an outlet spans pages ("Capital Ledger 41–80"), and which of the coverage
    matrix's rows ("Capital Ledger – Evening Signal; coverage 1–57", "Coverage 58–90" on a page of it alone). An
    outlet's name is said as written (ynet, taz: review 165, the whole label's first letter had been upper-cased)."""
    counts = _counted(parts)

    def outlet(i: int) -> str:
        (total, before), shown = counts[i], len(parts[i].articles)
        return parts[i].source.name + (f" {before + 1}–{before + shown}" if shown < total else "")

    def describe(pages: Sequence[range]) -> list[str]:
        out = []
        for r in pages:
            mine = [i for i in r if i < len(parts)]
            rows = [matrix[i - len(parts)] for i in r if i >= len(parts)]
            said = [page_spans.between(outlet(mine[0]), outlet(mine[-1])) if mine else "",
                    f"{'coverage' if mine else 'Coverage'} {rows[0].start + 1}–{rows[-1].stop}" if rows else ""]
            out.append("; ".join(s for s in said if s))
        return out
    return describe


def outlet_urls(library: Library, rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Outlet id → the link to its section on /sources/ (the page that holds it, with its #s-<id>)."""
    split = source_slices(library, rows)
    parts, link = split.sections, library.urls.link
    return {parts[i].source.id: f"{link(p.path)}#s-{parts[i].source.id}"
            for p in split.pages for i in p.items if i < len(parts) and not parts[i].continued}


def _counted(sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Each section's outlet's number of articles (in all its sections), and the number of its articles in the
    sections before this one: a section continued on the next page says which of them it shows."""
    totals: dict[str, int] = {}
    before = []
    for x in sections:
        before.append(totals.get(x.source.id, 0))
        totals[x.source.id] = before[-1] + len(x.articles)
    return [(totals[x.source.id], n) for x, n in zip(sections, before)]


def sources_view(library: Library, split: SourcePages, part: paginate.Slice) -> dict[str, Any]:
    """What one page of /sources/ shows (`split`: what `source_slices` gave): its outlets' sections, each with
    its outlet's number of articles (and which of them it shows, `first`–`last`, when the outlet spans pages), and
    its rows of the coverage matrix (with the heading on the page of the first row, the totals on the page of the
    last, and which rows these are when the matrix spans pages); a page without any links to the page where
    the matrix begins (`coverage_url`)."""
    counts = _counted(split.sections)
    here = [(split.sections[i], *counts[i]) for i in part.items if i < len(split.sections)]
    coverage, mine = library.comparisons.coverage, split.rows_on(part)
    total = len(coverage["rows"])
    first = split.matrix_page(0)
    resolve = library.urls.resolve_note_link
    shown = {"outlets": coverage["outlets"], "rows": coverage["rows"][mine.start:mine.stop],
             "totals": coverage["totals"] if mine and mine.stop == total else [],
             "continued": bool(mine) and mine.start > 0,
             "span": f"{mine.start + 1}–{mine.stop} of {total}" if mine and len(split.matrix) > 1 else ""}
    return {"sources": [{"id": x.source.id, "name": x.source.name, "homepage": x.source.homepage,
                         "country": x.source.country, "continued": x.continued,
                         "note_html": render_note(x.source.note, resolve)[0] if x.source.note else "",
                         "count": total, "first": before + 1, "last": before + len(x.articles),
                         "articles": [listed(r) for r in x.articles]} for x, total, before in here],
            "coverage": shown if mine or first is None else {"rows": []},
            "coverage_url": "" if mine or first is None else library.urls.link(first.path) + "#coverage-h"}


def day_weight(day: Mapping[str, Any]) -> int:
    """A timeline day's estimated bytes: ~100 for its heading, and for each entry its text and ~140 more."""
    return 100 + sum(140 + len(i["url"]) + len(i["title"] if i["kind"] == "published" else i["quote"])
                     + len(i["source"]) + len(i["note_html"]) for i in day["items"])


def timeline_slices(days: Sequence[Mapping[str, Any]]) -> list[paginate.Slice]:
    return paginate.slices("timeline/", "Timeline", [day_weight(d) for d in days], paginate.TIMELINE_DAYS_PER_PAGE,
                           paginate.TIMELINE_BUDGET,
                           describe=page_spans.later(lambda: page_spans.dated([d["date"] for d in days], "Days")))
