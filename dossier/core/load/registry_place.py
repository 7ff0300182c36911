"""Where a registry's ids are written, as a hint names it. Pure.

Outlets are the keys of content/sources.yaml and of the YAML files of content/sources/ (either may be left out),
entities those of content/entities.yaml and of content/entities/. The hints to an unknown outlet or entity named
content/sources.yaml (content/entities.yaml) whatever the dossier had: `outlets are the keys of content/sources.yaml:
add "free-beacon" there, or write one of its ids (…)` in a dossier whose outlets are all in content/sources/, a file
it does not have (review 145). They name the files the ids are written in: the one file, or the files of the folder,
or the registry's file and the files of its folder; the registry's file when there is none yet.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..common.records import frozen

FILES = {"sources": "content/sources.yaml", "entities": "content/entities.yaml"}   # each registry's own file


@frozen
class Where:
    """A registry's files as a hint says them: `every`, what its ids are the keys of ("content/sources.yaml", "the
    files of content/sources/"); `one`, what one id is a key of ("a file of content/sources/"); `there`, where one
    is added ("there", "to one of them"); `its`, whose ids they are ("its", "their")."""

    every: str
    one: str
    there: str = "there"
    its: str = "its"


def where(step: str, files: Iterable[str]) -> Where:
    """Where the ids of the registry `step` ("sources", "entities") are, written in `files` (the paths of the files
    that define them: none, the registry's file is named)."""
    file, folder, files = FILES[step], f"content/{step}/", set(files)
    if len(files) <= 1:
        return Where(*[next(iter(files), file)] * 2)
    if file in files:
        return Where(f"{file} and the files of {folder}", f"{file} or a file of {folder}", "to one of them", "their")
    return Where(f"the files of {folder}", f"a file of {folder}", "to one of them", "their")


def where_defined(step: str, items: Iterable[Any], defined: Iterable[Any] = ()) -> Where:
    """`where` the registry `step`'s `items` (its outlets or entities) are defined, and the files of it that could not
    be read (`defined`: registry_ids.DefinedIds, each with its step and file)."""
    files = {at.file for x in items for at in [x.id_origin or getattr(x, "origin", None)] if at is not None}
    return where(step, files | {d.file for d in defined if d.step == step})
