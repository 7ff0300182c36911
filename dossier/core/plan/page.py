"""A page of the plan: one output path, its owner, the inputs it was made from, and what renders it.

Pages are descriptions, not bytes: `make()` is called only when the executor (execute.py) renders the page,
so planning a site of thousands of pages is cheap and tells, before anything renders, which paths the site
will have, who owns each, and what each depends on.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from . import views
from ..common.errors import Problem, error
from ..load.config import SiteConfig
from ..load.model import Dossier
from ..common.urls import Urls
from ..common.records import record
from ..common.weights import row_weight


@record
class Page:
    """One output. Invariant: `path` is relative, posix-style; `owner` is the input file (or folder) that
    makes the page exist, named in a collision; `depends` are the keys of every input the page reads
    (`article:<slug>`, `entity:<id>`, `comparison:<id>`, `sources`, `entities`, `site`, `templates`,
    `static:<name>`, and `articles` for something made from every article, such as mention counts). With a `template`, `make()` returns the template's view model; without, the bytes.

    A page made by `keyed` also has `given` (it gathers the page's explicit input value from the Library) and
    `view`, a module-level pure function of that value alone, with `make() == view(given())`: the value is then
    all the page reads, so a digest of it (with the view's name and the templates) names the page's bytes,
    and the executor may reuse bytes rendered by an earlier build for the same digest (execute.py). Reuse
    follows that digest, which is exact, not `depends`, which says coarsely what the page reads (for people
    and for tests, and for a future build that would gather only the pages whose inputs changed).

    `group` (keyed pages of a family, such as the passages' pages): a digest that names every input of every
    page of the family, their paths, templates and views included, taken from digests the plan holds already.
    While it is the same (with the templates'), each page's key is the one an earlier build found for it, in
    the family's order, and the executor neither gathers the pages' inputs nor digests them (execute.py)."""

    path: str
    owner: str
    depends: tuple[str, ...]
    make: Callable[[], Any]
    template: str | None = None
    given: Callable[[], Any] | None = None
    view: Callable[[Any], Any] | None = None
    group: str = ""


def view_model(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """The view of a page whose explicit input is its view model itself (`html`)."""
    return value


class Row(dict):  # type: ignore[type-arg]
    """A listing row of a placed annotation (article_pages; or what an entity page shows of an article,
    entity_pages): a dict, and `made`, a digest of all it shows ("" when unknown: the analysis's, Anchored.rows,
    with the outlet's name), which a page key writes instead of the row (execute/keys.py), and `weight`, its
    estimated bytes on a listing page (weights.row_weight), taken when it is made. Never changed once made
    (readers copy what they add to). (The 193 tag pages of 5,000 articles pickled 50,000 rows into their keys at
    every build.)"""

    __slots__ = ("made", "weight")

    def __init__(self, values: Mapping[str, Any], made: str, weight: int | None = None) -> None:
        """`weight`: row_weight(values), when the caller knows it without walking the values."""
        super().__init__(values)
        self.made = made
        self.weight = row_weight(values) if weight is None else weight


class RowMap(dict):  # type: ignore[type-arg]
    """Listing rows by key (an entity page's articles: slug → page.Row): a page key writes it as one digest of each
    key with its row's digest (execute/keys.py). Never changed once made. (An entity named in 110 articles wrote
    110 rows of four strings into its page's key at every build.)"""

    __slots__ = ()


class Digested(tuple):  # type: ignore[type-arg]
    """Values that each carry the digest of what made them in `digest` (an entity's places in the articles that
    name it: entity_places.Place): a page key writes them as one digest of theirs (execute/keys.py), or, where
    one has none, written out."""

    __slots__ = ()


class RowSet(list):  # type: ignore[type-arg]
    """The rows one listing page shows (a tag's annotations, hundreds a page): a page key writes it as one
    digest (execute/keys.py), taken once per RowSet object, and the page that makes it keeps it while its rows
    are the same objects (the live preview's memo hands them back). Never changed once made."""

    __slots__ = ()


def html(path: str, owner: str, depends: Sequence[str], template: str, make: Callable[[], Mapping[str, Any]]
         ) -> Page:
    """A page rendered from `template` with the view model `make()` returns; it reads the templates. The view
    model is the page's explicit input (a keyed page whose view is `view_model`): all the template sees, so
    when it is as before, the bytes rendered from it before are reused and the template is not run."""
    return keyed(path, owner, depends, template, view_model, make)


def data(path: str, owner: str, depends: Sequence[str], make: Callable[[], bytes]) -> Page:
    """A file whose bytes `make()` returns (Markdown, JSON, XML, a static file)."""
    return Page(path, owner, tuple(depends), make)


def keyed(path: str, owner: str, depends: Sequence[str], template: str | None, view: Callable[[Any], Any],
          given: Callable[[], Any], group: str = "") -> Page:
    """A page whose output is `view(given())` (a view model for `template`, or bytes when `template` is None),
    where `view` reads nothing but that value: the executor may reuse its bytes by a digest of the value.
    `group`: see Page."""
    make = lambda: view(given())  # noqa: E731
    if template is None:
        return Page(path, owner, tuple(depends), make, None, given, view, group)
    return Page(path, owner, (*depends, "templates"), make, template, given, view, group)


def context(dossier: Dossier, urls: Urls, path: str, title: str, meta: Mapping[str, str] | None = None,
            **values: Any) -> dict[str, Any]:
    """A template's whole view model: what every page shows (views.common) with `meta` overriding the page
    metadata (description, og_type, outlet, jsonld), plus the page's own `values`."""
    return site_context(dossier.config, urls, path, title, meta, **values)


def site_context(config: SiteConfig, urls: Urls, path: str, title: str, meta: Mapping[str, str] | None = None,
                 **values: Any) -> dict[str, Any]:
    """`context` from the site's settings alone (what every page shows reads nothing else)."""
    ctx = views.common(config, urls, urls.link(path), title)
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
    # A file where another output needs a folder (static/dossier.css/a.txt beside the project's dossier.css:
    # the folder took the file's place, the site lost its stylesheet, review 59): the one inside is left out.
    placed = []
    for page in kept:
        folder = next((f for f in _folders(page.path) if f in owners), "")
        if folder:
            problems.append(error(page.owner, 0, 0, f"output {page.path} would need {folder} to be a folder, but "
                                  f"{owners[folder]} writes a file there", "rename one of the two",
                                  "output-collision"))
        else:
            placed.append(page)
    return placed, problems


def _folders(path: str) -> list[str]:
    """The folders an output path is inside ("a/b/c.txt": "a", "a/b")."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]


class Shared:
    """The input several pages share (an article's three, an entity's pages of mentions): gathered on first use,
    dropped when the last page takes it, so a build keeps no input longer than its pages take to render."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make, self._value = make, None

    def get(self) -> Any:
        if self._value is None:
            self._value = self._make()
        return self._value

    def take(self) -> Any:
        value, self._value = self.get(), None
        return value
