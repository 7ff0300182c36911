"""A saved article's pages from the last analysis: the live preview's note edit, shown before anything else.

An editor who saves an article's file (a note reworded, a tag added, an annotation moved) changes that file
alone. What the article's three pages read from the rest of the dossier (its text's mention links and counts,
its witness badges, its neighbours in the dossier's order, the entities and outlets it names, the page of
/sources/ that lists its outlet: article_pages.ArticleInput) is then what the last build's analysis found, as
long as the file keeps the article's slug, seed, date and outlet: those name its text (so its mentions and
badges), its place in the order and its outlet. So the file is parsed and the one article analysed again,
through the memo under the very keys the whole build uses, its row replaced among the last build's rows, and
its pages planned alone and rendered from that Library: the same ArticleInput, hence the same bytes, that the
whole build makes (tests/test_ahead.py compares them edit by edit), in a few milliseconds instead of the whole
load and analysis (0.3-0.4 s at 5,000 articles). The whole build follows as always; the pages it makes first
(first.py) are these, found in the memo by their keys.

Only when everything holds, otherwise nothing is shown ahead and the build goes on as before: the last
analysis is of these very inputs but for that one file (compared whole: templates, schemas, static files, every
other file), the file parses, its article keeps slug, seed, date and outlet, every entity it names exists, and
neither parsing nor anchoring found an error. What only the whole build can find (a link check, a path
collision) is found there; a build that fails takes back the pages shown first (serve_preview.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from ..analyse.library import Library, analyse_one
from ..common.errors import Problem
from ..common.memo import Memo
from ..load.config import SiteConfig
from ..load.inputs import Inputs, Options
from ..load.loader import parse_one
from ..load.model import Article
from ..plan import article_pages
from .execute import render_pages
from .render import Renderer

ARTICLES = "content/articles/"


@dataclass(frozen=True)
class Analysed:
    """A build's analysis, kept by the live preview for the next save: the inputs and options it was made of,
    its Library, the listings' rows (plan.owned's) and the renderer of its templates."""

    inputs: Inputs
    options: Options
    library: Library
    rows: list[dict[str, Any]]
    renderer: Renderer


def _others_same(last: Inputs, now: Inputs, path: str) -> bool:
    """Whether `now` holds what `last` held in everything but the file at `path` (compared by identity first: the
    preview's reads hand back the very bytes of every file not saved since)."""
    if now.templates != last.templates or now.static != last.static or now.schemas != last.schemas \
            or now.problems != last.problems or path not in last.files or path not in now.files:
        return False
    # (compared in C, each value by identity first: 10,000 files in a millisecond)
    return {**now.files, path: b""} == {**last.files, path: b""}


def _at(library: Library, path: str) -> int | None:
    """The place of the article made from the file at `path` among the Library's articles."""
    return next((i for i, item in enumerate(library.articles) if item.article.meta.origin.file == path), None)


def _checked(last: Analysed, inputs: Inputs, path: str, memo: Memo) -> tuple[int, Article, list[Problem]] | None:
    """The saved file's article (with its place, and the file's problems), when its pages can be made from the
    last analysis (see the module docstring); else None."""
    library = last.library
    at = _at(library, path)
    if at is None or not _others_same(last.inputs, inputs, path):
        return None
    meta, problems = parse_one(inputs, library.dossier.config, memo.each, ("article", path))
    old = library.articles[at].article
    if meta is None or (meta.slug, meta.seed, meta.date, meta.source) != \
            (old.meta.slug, old.meta.seed, old.meta.date, old.meta.source):
        return None
    known = {e.id for e in library.dossier.entities}
    if any(e not in known for ann in meta.annotations for e in (*ann.entities, *([ann.speaker] if ann.speaker else []))):
        return None
    return at, Article(meta, old.text), list(problems)


def pages_ahead(last: Analysed, inputs: Inputs, options: Options, changed: frozenset[str], memo: Memo,
                failing: Callable[[list[Problem], SiteConfig], bool]) -> Mapping[str, bytes] | None:
    """The pages of the one article file in `changed`, made from `last` (see the module docstring), kept in
    `memo` for the build that follows; None when they cannot be made so, or when `failing` says the file's own
    problems (parsing and anchoring it, at the levels of site.yaml and the options) fail the build."""
    path = next(iter(changed)) if len(changed) == 1 else ""
    if not (path.startswith(ARTICLES) and path.endswith(".yaml")) or options != last.options:
        return None
    found = _checked(last, inputs, path, memo)
    if found is None:
        return None
    at, article, problems = found
    library = last.library
    item, more = analyse_one(article, library.dossier, options.strict, memo.each)
    if failing(problems + list(more), library.dossier.config):
        return None
    articles = library.articles[:at] + (item,) + library.articles[at + 1:]
    dossier = library.dossier
    dossier = replace(dossier, articles=dossier.articles[:at] + (article,) + dossier.articles[at + 1:])
    library = replace(library, dossier=dossier, articles=articles)
    rows = list(last.rows)
    rows[at] = article_pages.article_row(library, item)
    done = render_pages(article_pages.pages(library, rows, frozenset({path})), last.renderer, None, memo)
    if done.problems:
        return None
    memo.keep_pages(done.fresh, done.keys)
    return done.outputs
