"""Editors' files that `--add` and `--import` write: stub article files, created only where none exists (never
overwritten), each headed by the `$schema` address that editors' YAML language servers read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from ..fs import PROJECT
from ..tree import inside


def schema_ref(root: Path, rel: str, name: str) -> str:
    """The `$schema` address for the `yaml-language-server` header of the file `rel` of dossier `root`: a path
    relative to that file when the project and the dossier share a folder other than the file system's root
    (a dossier inside or beside the project), else an absolute file:// URI. Right for any --root."""
    target = PROJECT / "schemas" / f"{name}.schema.json"
    folder = (root / rel).resolve().parent
    try:
        common = Path(os.path.commonpath([folder, PROJECT]))
    except ValueError:  # different drives
        return target.as_uri()
    if common == Path(common.anchor):
        return target.as_uri()
    return Path(os.path.relpath(target, folder)).as_posix()


def write_stubs(root: Path, stubs: Mapping[str, str]) -> list[str]:
    """Write stub article files that do not exist yet (exclusive create: never overwrites)."""
    written = []
    top = os.path.realpath(root)
    for rel, text in sorted(stubs.items()):
        target = root / rel
        if not inside(os.path.realpath(target.parent), top):
            continue  # content/articles/ is a link out of the dossier (reported as refused): write nothing there
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(target, "x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        written.append(rel)
    return written
