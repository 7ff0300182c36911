"""Names Windows keeps for its devices (con, prn, aux, nul, com0–com9, lpt0–lpt9, …: slugs.is_device_name) written
where a name becomes a path of the site. Pure.

An article's slug (its file's name) makes articles/<slug>/ and articles/<slug>.md, a comparison's compare/<id>/, an
entity's id entities/<id>/: named "con", each is a valid slug and builds here, but Windows makes no file or folder
of that name, so the page is lost when the site (or the dossier: git for Windows will not check out
content/articles/con.yaml) is copied there. A warning, not an error: the site is whole where it was built, and
`--strict` or `checks:` make it one. Said where the name is written, the file or the id's key, as the names that
are no slug are (file-name, schema-form). A tag names no page of its own: its page's name is made
(slugs.tag_page), so a tag "con" has a page that is not "con" and nothing to say. A name that is no slug ("Con",
"nul ") is told by its own error, whose hint offers a slug that is no device's ("con-1", slugs.slug_hint): a
warning beside it would offer another name ("Con-1.yaml", itself no slug) and the paths of a page never made.

The dossier's static files are published as they are, under static/ (static/aux.css, static/img/con.png): each
file or folder so named is told too, at itself. Its templates are not: they are read, never published.
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


def static_names(names: Iterable[str]) -> list[Problem]:
    """A `windows-name` warning at each static file or folder (`names`: paths under static/) named as a device:
    once for a folder, whatever it holds."""
    names = set(names)
    told = sorted({"/".join(parts[:n + 1]) for parts in (name.split("/") for name in names)
                   for n, part in enumerate(parts) if is_device_name(part)})
    return [_said(f"static/{path}", 0, 0, f'{"file" if path in names else "folder"} name "{path.rsplit("/", 1)[-1]}"',
                  f"static/{path}" + ("" if path in names else "/"),
                  f"rename it, e.g. to {_renamed(path.rsplit('/', 1)[-1])}",
                  "the file is" if path in names else "each file in it is") for path in told]


def _renamed(name: str) -> str:
    """A file's name with "-1" after the device's name it starts with ("aux.css" → "aux-1.css")."""
    device, dot, rest = name.partition(".")
    return f"{device.rstrip(' ')}-1{dot}{rest}"


def _device(name: str) -> bool:
    """A slug Windows keeps for a device; a name that is no slug has its own error and hint (file-name, schema-form)."""
    return is_slug(name) and is_device_name(name)


def _said(file: str, line: int, col: int, what: str, paths: str, rename: str, lost: str = "the page is") -> Problem:
    name = what.split('"')[1]
    device = name.split(".", 1)[0].rstrip(" ").upper()
    return warning(file, line, col, f"{what} is a name Windows keeps for a device ({device}), where {paths} "
                   f"cannot be made: {lost} lost when the site is copied to Windows",
                   f'{rename}, and the references to "{name}" with it', "windows-name")
