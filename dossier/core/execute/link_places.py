"""Links that are wrong on many pages said once, and where a template writes them.

The link check (linkcheck.py) reads the rendered pages, so a bad link written in a template every page uses was
one error per page, each at `_site/<page>` with no line (91 for the default dossier's base.html). Here the same
problem of several pages (the same message and hint) is said once, naming how many pages and the first; and
when exactly one template holds the link's address as written, the problem stands at that template's line and
column, where it is to be fixed. An address the dossier's own files write (a note's link) is said once too, at
the line and column of the one file that writes it (a note on its article's page, its tags' pages and the
timeline); written in several places, or by a template as well, it is left as it was, page by page: which of
its pages are whose cannot be told. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Mapping, Sequence

from ..common.errors import Problem
from ..common.snippet import place

_HREF = re.compile(r"^(?:broken link: |broken fragment: |link )(\S+)")


Place = tuple[str, int, int]


def placed_once(problems: Sequence[Problem], templates: Mapping[str, str],
                content: Callable[[str], Sequence[Place]] = lambda href: ()) -> list[Problem]:
    """`problems` with each link problem of the output said once (see the module docstring); `templates`: each
    template's name and text; `content(href)`: where the dossier's own files (notes, summaries) write that
    address, (file, line, column) each (two at most are asked for). The order is kept (a group stands where its
    first problem stood)."""
    first: dict[tuple[str, str], int] = {}
    pages: dict[int, int] = {}
    out: list[Problem] = []
    written: dict[str, Sequence[Place]] = {}
    for p in problems:
        match = _HREF.match(p.message) if p.check == "links" and p.file.startswith("_site/") else None
        if match is not None and match.group(1) not in written:
            written[match.group(1)] = content(match.group(1))
        if match is None or len(written[match.group(1)]) > 1 or \
                written[match.group(1)] and _written(match.group(1), templates):
            out.append(p)
            continue
        key = (p.message, p.hint)
        if key in first:
            pages[first[key]] += 1
            continue
        first[key] = len(out)
        pages[len(out)] = 1
        out.append(p)
    for i, n in pages.items():
        out[i] = _placed(out[i], n, templates, written)
    return out


def _placed(p: Problem, pages: int, templates: Mapping[str, str], written: Mapping[str, Sequence[Place]]
            ) -> Problem:
    page = p.file[len("_site/"):]
    match = _HREF.match(p.message)
    where = None
    if match:
        found = _written(match.group(1), templates)
        own = written.get(match.group(1), ())
        where = (f"templates/{found[0]}", *found[1:]) if found else own[0] if own else None
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
