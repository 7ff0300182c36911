"""Pages from the last analysis: the live preview's edit of a note, a witness or a template, shown at once.

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

A comparison's page reads only the comparison, its witnesses' articles (text and metadata) and the names of
outlets and of its speaker (compare_pages.ComparisonInput): a comparison file saved alone that keeps its id
has its witnesses placed again (witnesses.prepare_one, as the whole build's `align` places them) and its page
made from the last Library with that comparison in its place. And an edit of the templates alone changes how
pages look, not what they show: the article and comparison pages open in the browser are rendered at once from
the last Library with the new templates.

Only when everything holds, otherwise nothing is shown ahead and the build goes on as before: the last
analysis is of these very inputs but for that one file (compared whole: templates, schemas, static files, every
other file), the file parses, keeps what is said above and names only entities and articles that exist,
neither parsing nor placing it found an error (and a comparison still has a page), and the references of the
dossier so changed (links in notes and summaries, a comparison's base, other files' links into this one) are
all good, checked as the whole build checks them (the saved file's alone while it keeps what references may
name: the others' are then as good as in the last build). What only the whole build can find (the link check of the
rendered pages, a path collision) is found there; a build that fails takes back the pages shown first
(serve_preview.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Mapping

from ..analyse.library import Library, analyse_one, fuzzy_level
from ..analyse.entity_links import check_file as entity_file, check_references as entity_references
from ..analyse.witnesses import prepare_one
from ..common.errors import Problem
from ..common.memo import Memo
from ..load.config import SiteConfig
from ..load.inputs import Inputs, Options
from ..load.loader import parse_one
from ..load.references import Names, check_file, check_references, names_in
from ..load.model import Article, ArticleMeta, Dossier
from ..plan import article_pages, compare_pages, plan
from ..plan.page import Page
from .execute import render_pages
from .first import First, first_pages, owners_of
from .render import Renderer
from ..common.records import frozen

ARTICLES = "content/articles/"
COMPARISONS = "content/comparisons/"


@frozen
class Analysed:
    """A build's analysis, kept by the live preview for the next save: the inputs and options it was made of,
    its Library, the listings' rows (plan.owned's), the renderer of its templates and what references may name
    (references.checked_references')."""

    inputs: Inputs
    options: Options
    library: Library
    rows: list[dict[str, Any]]
    renderer: Renderer
    names: Names


def _same_settings(last: Inputs, now: Inputs) -> bool:
    """Whether `now` has `last`'s static files, schemas and reading problems."""
    return now.static == last.static and now.schemas == last.schemas and now.problems == last.problems


def _others_same(last: Inputs, now: Inputs, path: str) -> bool:
    """Whether `now` holds what `last` held in everything but the file at `path` (compared by identity first: the
    preview's reads hand back the very bytes of every file not saved since)."""
    if now.templates != last.templates or not _same_settings(last, now) or path not in last.files \
            or path not in now.files:
        return False
    # (compared in C, each value by identity first: 10,000 files in a millisecond)
    return {**now.files, path: b""} == {**last.files, path: b""}


def _templates_only(last: Inputs, now: Inputs) -> bool:
    """Whether `now` differs from `last` in its templates alone."""
    return now.templates != last.templates and now.files == last.files and _same_settings(last, now)


def _at(library: Library, path: str) -> int | None:
    """The place of the article made from the file at `path` among the Library's articles."""
    return next((i for i, item in enumerate(library.articles) if item.article.meta.origin.file == path), None)


Failing = Callable[[list[Problem], SiteConfig], bool]
# The Library made current, its rows if they changed, and whether what references may name is as it was
Patched = tuple[Library, "list[dict[str, Any]] | None", bool]


def _article(last: Analysed, inputs: Inputs, path: str, memo: Memo, failing: Failing) -> Patched | None:
    """The last Library and rows with the saved article file's article analysed anew, when its pages can be made
    from them (see the module docstring); else None."""
    library = last.library
    at = _at(library, path)
    if at is None:
        return None
    meta, problems = parse_one(inputs, library.dossier.config, memo.each, ("article", path))
    old = library.articles[at].article
    if meta is None or (meta.slug, meta.seed, meta.date, meta.source) != \
            (old.meta.slug, old.meta.seed, old.meta.date, old.meta.source):
        return None
    article = Article(meta, old.text)
    item, more = analyse_one(article, library.dossier, last.options.strict, memo.each)
    if failing(list(problems) + list(more), library.dossier.config):
        return None
    dossier = library.dossier
    dossier = replace(dossier, articles=dossier.articles[:at] + (article,) + dossier.articles[at + 1:])
    library = replace(library, dossier=dossier, articles=library.articles[:at] + (item,) + library.articles[at + 1:])
    rows = list(last.rows)
    rows[at] = article_pages.article_row(library, item)
    return library, rows, names_in(meta) == names_in(old.meta) and _tags_written(meta) == _tags_written(old.meta)


def _tags_written(meta: ArticleMeta) -> frozenset[str]:
    """The tags of an article file as written: a new spelling of a tag's page ("Typo" beside "typo") may clash
    with another file's (tag_clashes.py), which only the whole check finds."""
    return frozenset(t for a in meta.annotations for t in a.tags)


def _comparison(last: Analysed, inputs: Inputs, path: str, memo: Memo, failing: Failing) -> Patched | None:
    """The last Library with the saved comparison file's comparison placed anew, when its page can be made from
    it (see the module docstring); else None."""
    library = last.library
    dossier = library.dossier
    at = next((i for i, c in enumerate(dossier.comparisons) if c.origin.file == path), None)
    had = [i for i, pc in enumerate(library.comparisons.comparisons) if pc.comparison.origin.file == path]
    if at is None or not had:
        return None
    comparison, problems = parse_one(inputs, dossier.config, memo.each, ("comparison", path))
    if comparison is None or comparison.id != dossier.comparisons[at].id:
        return None
    prepared, more = prepare_one(comparison, dossier, fuzzy_level(dossier, last.options.strict), memo.each)
    if prepared is None or failing(list(problems) + list(more), dossier.config):
        return None
    index = library.comparisons
    placed = index.comparisons[:had[0]] + (prepared,) + index.comparisons[had[0] + 1:]
    dossier = replace(dossier, comparisons=dossier.comparisons[:at] + (comparison,) + dossier.comparisons[at + 1:])
    return replace(library, dossier=dossier, comparisons=replace(index, comparisons=placed)), None, True


def _planned(last: Analysed, inputs: Inputs, path: str, memo: Memo, failing: Failing) -> list[Page] | None:
    """The pages of the saved file at `path`, planned alone from the last analysis made current for it."""
    found = (_article if path.startswith(ARTICLES) else _comparison)(last, inputs, path, memo, failing)
    if found is None:
        return None
    library, rows, same_names = found
    dossier = library.dossier
    if failing(_references(last, dossier, path, same_names, memo), dossier.config):
        return None
    only = frozenset({path})
    return compare_pages.pages(library, only, memo.each) if rows is None else \
        article_pages.pages(library, rows, only, memo.each)


def _references(last: Analysed, dossier: Dossier, path: str, same_names: bool, memo: Memo) -> list[Problem]:
    """The problems of the references of the dossier made current (an entity, article or comparison named that
    does not exist, a link to nothing, a comparison's base that is not a witness, another file's link to an
    annotation id this edit took away), as the whole build would find them for its failing or not.

    While the saved file keeps its slug or id, annotation ids and tags, what a reference may name is what it was
    (`last.names`), so every other file's references are as good as in the last build, which did not fail: the
    saved file's own decide (~1 ms; the whole check took ~45 ms of each save at 5,000 articles). Otherwise the
    whole dossier is checked as the whole build checks it."""
    if same_names:
        return check_file(dossier, path, last.names, memo.each) + entity_file(dossier, path)
    return check_references(dossier, memo.each) + entity_references(dossier)


def _open(last: Analysed, visited: tuple[str, ...], memo: Memo) -> list[Page]:
    """The article and comparison pages among the output paths `visited` (those open in the browser), planned
    alone from the last analysis."""
    library = last.library
    owned = plan.owned(library, owners_of(visited, library.dossier), last.rows, memo.each)
    return first_pages(owned.pages, (), library.dossier, visited=visited)


def pages_ahead(last: Analysed, inputs: Inputs, options: Options, first: First, memo: Memo,
                failing: Failing) -> Mapping[str, bytes] | None:
    """The pages of the one article or comparison file that `first` says was saved, or after an edit of the
    templates alone the article and comparison pages it says are open, made from `last` (see the module
    docstring), kept in `memo` for the build that follows; None when they cannot be made so, or when `failing`
    says the file's own problems (parsing and placing it, at the levels of site.yaml and the options) fail the
    build, or a page fails to render."""
    if options != last.options:
        return None
    path = next(iter(first.changed)) if len(first.changed) == 1 else ""
    if _templates_only(last.inputs, inputs):  # (the Library is the last one: only how pages look changed)
        renderer, pages = Renderer.for_templates(inputs.templates), _open(last, first.visited, memo)
    elif path.startswith((ARTICLES, COMPARISONS)) and path.endswith(".yaml") and \
            _others_same(last.inputs, inputs, path):
        renderer, pages = last.renderer, _planned(last, inputs, path, memo, failing)
    else:
        return None
    if not pages:
        return None
    done = render_pages(pages, renderer, None, memo)
    if done.problems:
        return None
    memo.keep_pages(done.fresh, done.keys)
    return done.outputs
