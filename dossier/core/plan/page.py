"""A page of the plan: one output path, its owner, the inputs it was made from, and what renders it.

Pages are descriptions, not bytes: `make()` is called only when the executor (execute.py) renders the page,
so planning a site of thousands of pages is cheap and tells, before anything renders, which paths the site
will have, who owns each, and what each depends on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from . import views
from ..common.errors import Problem, error
from ..load.model import Dossier
from ..common.urls import Urls


@dataclass(frozen=True)
class Page:
    """One output. Invariant: `path` is relative, posix-style; `owner` is the input file (or folder) that
    makes the page exist, named in a collision; `depends` are the keys of every input the page reads
    (`article:<slug>`, `entity:<id>`, `comparison:<id>`, `sources`, `entities`, `site`, `templates`,
    `static:<name>`, and `articles` for something made from every article, such as mention counts). With a `template`, `make()` returns the template's view model; without, the bytes."""

    path: str
    owner: str
    depends: tuple[str, ...]
    make: Callable[[], Any]
    template: str | None = None


def html(path: str, owner: str, depends: Sequence[str], template: str, make: Callable[[], Mapping[str, Any]]
         ) -> Page:
    """A page rendered from `template` with the view model `make()` returns; it reads the templates."""
    return Page(path, owner, (*depends, "templates"), make, template)


def data(path: str, owner: str, depends: Sequence[str], make: Callable[[], bytes]) -> Page:
    """A file whose bytes `make()` returns (Markdown, JSON, XML, a static file)."""
    return Page(path, owner, tuple(depends), make)


def context(dossier: Dossier, urls: Urls, path: str, title: str, meta: Mapping[str, str] | None = None,
            **values: Any) -> dict[str, Any]:
    """A template's whole view model: what every page shows (views.common) with `meta` overriding the page
    metadata (description, og_type, outlet, jsonld), plus the page's own `values`."""
    ctx = views.common(dossier, urls, urls.link(path), title)
    ctx["page"].update(meta or {})
    ctx.update(values)
    return ctx


def claim_paths(pages: Iterable[Page]) -> tuple[list[Page], list[Problem]]:
    """One owner per output path (as Eleventy): the first page planned for a path keeps it; each later one is
    left out with an `output-collision` error naming both inputs."""
    owners: dict[str, str] = {}
    kept: list[Page] = []
    problems: list[Problem] = []
    for page in pages:
        if page.path in owners:
            problems.append(error(page.owner, 0, 0, f"output {page.path} is also written by {owners[page.path]}",
                                  "rename one of the two files", "output-collision"))
            continue
        owners[page.path] = page.owner
        kept.append(page)
    return kept, problems
