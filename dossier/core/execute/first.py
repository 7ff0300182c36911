"""The pages an edit is about, rendered before the rest: the live preview shows the page being edited first.

An editor who saves an article's file is looking at that article's page. Once the dossier is loaded and analysed
(the Library is whole, so the page is exactly what the complete build makes of it), the pages that the saved
files own are planned alone (plan.owned's `only`: the whole plan, listings and entity pages, comes after), and
those pages (`Page.owner`: an article's three pages for its YAML file or its seed, a
comparison's page for its file) are rendered first and handed to `First.publish`; the other pages follow. As
Hugo's "fast render mode" does for the pages open in a browser, but with nothing left stale: the rest of the
build still runs, and the pages shown first are its own (kept in the store, so they are not rendered twice).
Sooner still, an article file saved alone has its pages made from the last build's analysis before this build
loads anything (ahead.py), when that gives the very pages this build will make.

Only when the edit owns few pages (an entity file owns every entity page: no point), and only when loading and
analysis found no error. The link check sees all pages at once and the paths of the whole plan are checked for
collisions, so both come with the whole build; a page shown first whose build then fails is taken back by the
caller (serve_preview.py keeps the last good site).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from ..common.memo import Kept
from ..load.model import Dossier
from ..plan.page import Page
from .execute import render_pages
from .render import Renderer
from ..common.records import frozen

MOST = 12  # pages at most: more is not "the page being edited" but a large part of the site


@frozen
class First:
    """What to render first: the pages owned by `changed` (input paths relative to the dossier root), when there
    are between 1 and `most`, and the article and comparison pages among `visited` (output paths: the pages an
    editor has open, most recent first), handed to `publish` (output path → bytes) before the rest of the
    build. So a template or site.yaml edit, which owns no page of its own, still shows the open page first."""

    changed: frozenset[str]
    publish: Callable[[Mapping[str, bytes]], None]
    most: int = MOST
    visited: tuple[str, ...] = ()
    # The last build's analysis (ahead.Analysed), from which a saved article's pages are made before this build
    # loads anything (ahead.py); and where this build's analysis goes, once it found no error, for the next save
    last: Any = None
    keep: Callable[[Any], None] | None = None


def owners(changed: Iterable[str], dossier: Dossier) -> frozenset[str]:
    """The files whose pages an edit of `changed` is about: the changed files themselves, and for a changed
    seed the files of the articles made from it."""
    changed = frozenset(changed)
    return changed | {a.meta.origin.file for a in dossier.articles if f"seeds/{a.meta.seed}" in changed}


def owners_of(visited: Iterable[str], dossier: Dossier) -> frozenset[str]:
    """The files that own the article and comparison pages among the output paths `visited` (plan.owned plans
    those alone: other pages are not shown first)."""
    wanted = set(visited)
    return frozenset({a.meta.origin.file for a in dossier.articles if f"articles/{a.slug}/index.html" in wanted} |
                     {c.origin.file for c in dossier.comparisons if f"compare/{c.id}/index.html" in wanted})


def first_pages(pages: Sequence[Page], changed: Iterable[str], dossier: Dossier, most: int = MOST,
                visited: Iterable[str] = ()) -> list[Page]:
    """The pages, in plan order, owned by the files an edit of `changed` is about (none when more than `most`),
    and those of `visited`."""
    mine, seen = owners(changed, dossier), set(visited)
    owned = [page for page in pages if page.owner in mine]
    chosen = {id(page) for page in owned} if len(owned) <= most else set()
    return [page for page in pages if id(page) in chosen or (seen and page.path in seen)]


def render_first(pages: Sequence[Page], first: First, dossier: Dossier, renderer: Renderer,
                 kept: Kept | None) -> None:
    """Render the pages `first` asks for and hand them to `first.publish`, unless none qualifies or one failed
    (the whole build reports it); keep them in `kept` for the rest of the build."""
    chosen = first_pages(pages, first.changed, dossier, first.most, first.visited)
    if not chosen:
        return
    done = render_pages(chosen, renderer, None, kept)
    if done.problems:
        return
    if kept is not None:
        kept.keep_pages(done.fresh, done.keys)
    first.publish(done.outputs)
