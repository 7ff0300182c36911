"""Plan: the Library → every page of the site, in order, each with one owner, before anything renders.

Each feature is a pure function from the Library to its pages (article_pages, site, compare_pages,
entity_pages, reader_pages); `plan` concatenates them and checks path ownership on the result.
"""

from __future__ import annotations

from typing import AbstractSet, Any, Callable, Mapping

from . import article_pages
from . import compare_pages
from . import entity_pages
from . import reader_pages
from . import site
from ..common.errors import Problem
from ..common.shards import Each
from ..analyse.library import Library
from .page import Page, claim_paths
from ..common.records import frozen


@frozen
class Owned:
    """The pages that one editor's file owns on its own, planned before the rest of the site (the live preview
    shows them first, execute/first.py): each article's pages, each comparison's, and the listings' rows
    they need (`plan` takes them as they are, so nothing is planned twice)."""

    rows: list[dict[str, Any]]
    articles: list[Page]
    comparisons: list[Page]

    @property
    def pages(self) -> list[Page]:
        return self.articles + self.comparisons


def owned(library: Library, only: AbstractSet[str] | None = None, rows: list[dict[str, Any]] | None = None,
          each: Each | None = None) -> Owned:
    """The article and comparison pages, and the listings' rows (each note's HTML from the analysis). `only`
    (the live preview's, for the files just saved): the pages of those files alone, each what the whole plan
    makes of it; `rows`: the rows, when an earlier call made them for this Library. `each` (the build's: the
    command line's cache or the preview's memo): what the pages derive from all the passages is kept through it,
    as the analysis's steps are, so that a build reads it back while the passages are the same."""
    rows = article_pages.article_rows(library) if rows is None else rows
    return Owned(rows, article_pages.pages(library, rows, only, each), compare_pages.pages(library, only, each))


def plan(library: Library, static: Mapping[str, bytes] | None = None, early: Owned | None = None,
         between: Callable[[], None] = lambda: None) -> tuple[list[Page], list[Problem]]:
    """Every page, in the order the site has always been written: articles, home, sources, tags, report, 404,
    the annotation collection, comparisons, passages, entities, the reader extras, static files. A path
    planned twice is an `output-collision` error naming both owners, and only its first page is kept.
    `static`: the static files (name → bytes), published as they are under static/. `early`: what `owned`
    gave for this Library, when it was asked for first. `between` is called between the
    features (the live preview's: it raises once a newer save makes this plan stale, so that the save waits for one
    feature's pages at most, not for the whole plan: 0.6 s at 5,000 articles)."""
    early = early or owned(library)
    between()
    rows = early.rows
    pages = early.articles + site.pages(library, rows)
    between()
    pages += early.comparisons
    pages += entity_pages.pages(library, rows)
    between()
    pages += reader_pages.pages(library, rows, [p.path for p in pages])
    pages += site.static_pages(static or {})
    return claim_paths(pages)
