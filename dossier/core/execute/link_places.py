"""Links that are wrong on many pages said once, and where a template writes them.

The link check (linkcheck.py) reads the rendered pages, so a bad link written in a template every page uses was
one error per page, each at `_site/<page>` with no line (91 for the default dossier's base.html). Here the same
problem of several pages (the same message and hint) is said once, naming how many pages and the first; and
when exactly one template holds the link's address as written, the problem stands at that template's line and
column, where it is to be fixed. An address the dossier's own files write (a note's link, a comparison's
summary) is said at the line and column of each place that writes it (a note is on its article's page, its tags'
pages and the timeline): once for one place, once at each of several (which of the pages are whose cannot be
told, and each place is to be mended), and at the one template that writes it too, if one does; but a bare
#fragment written in several places is left page by page (it may be right where its own note is). Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Collection, Iterable, Mapping, Sequence

from ..common.errors import Problem
from ..common.snippet import place
from ..common.urls import named_page

_HREF = re.compile(r"^(?:broken link: |broken fragment: |link )(\S+)")


Place = tuple[str, int, int]


def placed_once(problems: Sequence[Problem], templates: Mapping[str, str],
                content: Callable[[str], Sequence[Place]] = lambda href: ()) -> list[Problem]:
    """`problems` with each link problem of the output said once (see the module docstring); `templates`: each
    template's name and text; `content(href)`: where the dossier's own files (notes, summaries) write that
    address, (file, line, column) each. The order is kept (a group stands where its first problem stood)."""
    first: dict[tuple[str, str], int] = {}
    pages: dict[int, int] = {}
    out: list[Problem] = []
    written: dict[str, Sequence[Place]] = {}
    for p in problems:
        match = _HREF.match(p.message) if p.check == "links" and p.file.startswith("_site/") else None
        if match is not None and match.group(1) not in written:
            written[match.group(1)] = content(match.group(1))
        # (a bare #fragment written in several places may be right in some: on the page of its own note)
        if match is None or match.group(1).startswith("#") and len(written[match.group(1)]) > 1:
            out.append(p)
            continue
        key = (p.message, p.hint)
        if key in first:
            pages[first[key]] += 1
            continue
        first[key] = len(out)
        pages[len(out)] = 1
        out.append(p)
    placed: dict[int, list[Problem]] = {}
    for i, n in pages.items():
        href = _HREF.match(out[i].message).group(1)  # type: ignore[union-attr]
        found = _written(href, templates)
        places = [*written[href], *([(f"templates/{found[0]}", *found[1:])] if found else [])]
        placed[i] = [_placed(out[i], n, place) for place in places] or [_placed(out[i], n, None)]
    return [q for i, p in enumerate(out) for q in (placed[i] if i in placed else [p])]


def editors_own(p: Problem, base: str, wrong: Collection[str] | None = None) -> bool:
    """Whether `p` is a broken link of the output placed at an editor's file (content/, site.yaml) that is wrong
    whatever else is: an address that names no page of an article, entity, comparison or tag (a link to
    /articles/x/ may be broken only because x's file has an error, and is checked with the inputs already); or
    a broken #fragment that none of `wrong` can explain (`names_in_error`: the articles and comparisons whose
    files have errors; None when an error may change the elements of any page). A fragment was left unsaid while
    any other error stood (/sources/#jerusalem-postt in a note hidden by a date mistyped in another article),
    though the page it points into and the element meant owe nothing to that error."""
    fragment = p.message.startswith("broken fragment: /") and wrong is not None
    match = _HREF.match(p.message) if p.check == "links" and (p.message.startswith("broken link: /") or
                                                               fragment) else None
    if match is None or not (p.file.startswith("content/") or p.file == "site.yaml"):
        return False
    href = match.group(1)
    if fragment:  # (its page and its element named after no input with an error: an id holds its item's slug)
        return not any(re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", href) for name in wrong or ())
    return named_page("/" + href[len(base):] if href.startswith(base) else href) is None


def names_in_error(problems: Iterable[Problem], seeds: Mapping[str, str]) -> set[str] | None:
    """The slugs of the articles and the ids of the comparisons whose files (or seeds: `seeds`, seed file name →
    its article's slug) have errors; None when an error is elsewhere (site.yaml, a template, the sources or the
    entities, a file not read): it may change the elements of any page (an article left out takes away the
    passages it holds, whose pages are under /passages/, so an article's error counts for them too; see
    `editors_own`)."""
    names: set[str] = set()
    for p in problems:
        if p.severity != "error" or p.check == "links":  # (a link's error removes no element of any page)
            continue
        if p.file.startswith(("content/articles/", "content/comparisons/")) and p.file.endswith(".yaml"):
            names.add(p.file.rsplit("/", 1)[-1][:-len(".yaml")])
        elif p.file.startswith("seeds/") and p.file[len("seeds/"):] in seeds:
            names.add(seeds[p.file[len("seeds/"):]])
        else:
            return None
    return names | {"passages"} if names else names


def _placed(p: Problem, pages: int, where: Place | None) -> Problem:
    """The problem of `pages` pages (`p`, the first's) at `where`, a place that writes its address; without
    one, at its first page."""
    page = p.file[len("_site/"):]
    if where is None:
        return p if pages == 1 else replace(p, message=f"{p.message} (on {pages} pages, the first {page})")
    file, line, col = where
    on = f"on {pages} pages, the first {page}" if pages > 1 else f"on {page}"
    return replace(p, file=file, line=line, col=col, message=f"{p.message} ({on})")


def _written(href: str, templates: Mapping[str, str]) -> tuple[str, int, int] | None:
    """(template, line, column) of `href` written literally in exactly one template, else None."""
    holders = [(name, text.find(href)) for name, text in sorted(templates.items()) if href in text]
    if len(holders) != 1:
        return None
    name, at = holders[0]
    text = templates[name]
    return (name, *place(text, at))
