"""Editors' files that `--add` and `--import` write: stub article files, created only where none exists (never
overwritten), each headed by the `$schema` address that editors' YAML language servers read."""

from __future__ import annotations

import os
import secrets
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


def outside(root: Path, rels: list[str]) -> str:
    """Why a file of `rels` would be written outside the dossier `root` (a folder of it, or the file itself, is a
    symbolic link out of it: the build refuses to read such a folder), or ""."""
    top = os.path.realpath(root)
    for rel in rels:
        path = root / rel
        for step in (*reversed(Path(rel).parents[:-1]), Path(rel)):
            real = os.path.realpath(root / step)
            if not inside(real, top):
                return (f"{step.as_posix()} is a symbolic link to {real}, outside the dossier folder, where "
                        f"{path.relative_to(root).as_posix()} would be written (the build does not read it); "
                        f"nothing written")
    return ""


def new_temporary(target: Path, data: bytes) -> Path:
    """`data` in a new file beside `target`, under a name no one could foresee, created exclusively and never
    through a link: a link planted at a foreseeable temporary name (`.name.dossier-tmp`) was written through,
    to any file outside the dossier (review 61). Returns its path."""
    for _ in range(8):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.dossier-tmp")
        try:
            handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            continue
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")


def write_new(root: Path, files: Mapping[str, bytes]) -> None:
    """Create every file or none: each goes to a temporary name first (`new_temporary`), then is linked into
    place with an exclusive create (an existing file is never replaced); on any failure the ones made are
    removed."""
    made: list[Path] = []
    try:
        for rel, data in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = new_temporary(target, data)
            try:
                os.link(tmp, target, follow_symlinks=False)
                made.append(target)
            finally:
                tmp.unlink()
    except BaseException:
        for path in made:
            path.unlink()
        raise
