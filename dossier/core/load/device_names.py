"""Names Windows keeps for its devices (con, prn, aux, nul, com1–com9, lpt1–lpt9) written where a name becomes a
page's path. Pure.

An article's slug (its file's name) makes articles/<slug>/ and articles/<slug>.md, a comparison's compare/<id>/, an
entity's id entities/<id>/: named "con", each is a valid slug and builds here, but Windows makes no file or folder
of that name, so the page is lost when the site (or the dossier: git for Windows will not check out
content/articles/con.yaml) is copied there. A warning, not an error: the site is whole where it was built, and
`--strict` or `checks:` make it one. Said where the name is written, the file or the id's key, as the names that
are no slug are (file-name, schema-form). A tag names no page of its own: its page's name is made
(slugs.tag_page), so a tag "con" has a page that is not "con" and nothing to say. A name that is no slug ("Con",
"nul ") is told by its own error, whose hint offers a slug that is no device's ("con-1", slugs.slug_hint): a
warning beside it would offer another name ("Con-1.yaml", itself no slug) and the paths of a page never made.
"""

from __future__ import annotations

from typing import Iterable

from ..common.errors import Problem, warning
from ..common.slugs import is_device_name, is_slug, portable
from .model import ArticleMeta, Comparison, Entity


def device_names(metas: Iterable[ArticleMeta], comparisons: Iterable[Comparison], entities: Iterable[Entity]
                 ) -> list[Problem]:
    """A `windows-name` warning at each article or comparison file, and each entity's id, that names a page
    Windows cannot make."""
    files = [(m.origin.file, m.slug, f"articles/{m.slug}/ and articles/{m.slug}.md") for m in metas] + \
        [(c.origin.file, c.id, f"compare/{c.id}/") for c in comparisons]
    problems = [_said(file, 0, 0, f'file name "{name}"', paths, f"rename it, e.g. to {portable(name)}.yaml")
                for file, name, paths in files if _device(name)]
    for e in entities:
        if _device(e.id):
            at = e.id_origin or e.origin
            problems.append(_said(at.file, at.line, at.col, f'entity id "{e.id}"', f"entities/{e.id}/",
                                  f"rename it, e.g. to {portable(e.id)}"))
    return problems


def _device(name: str) -> bool:
    """A slug Windows keeps for a device; a name that is no slug has its own error and hint (file-name, schema-form)."""
    return is_slug(name) and is_device_name(name)


def _said(file: str, line: int, col: int, what: str, paths: str, rename: str) -> Problem:
    name = what.split('"')[1]
    return warning(file, line, col, f"{what} is a name Windows keeps for a device ({name.upper()}), where {paths} "
                   "cannot be made: the page is lost when the site is copied to Windows",
                   f'{rename}, and the references to "{name}" with it', "windows-name")
