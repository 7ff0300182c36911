"""A file of content/ in the wrong place, told by what its keys say it holds: one error, at it or at its folder, and
the references it would answer not checked until it is moved. Pure.

An editor reorganising a dossier moves files and folders: content/articles/ renamed content/article/, the people of
entities.yaml put in content/people/people.yaml, an article file dropped into content/comparisons/, a comparison
into content/articles/, sources.yaml into content/entities/. Each was tens to hundreds of errors whose hints would
damage the dossier (every witness of the articles said unknown and their seeds unused, to delete; every entity said
deleted, to define again; an article's keys said unknown to a comparison, with the hint to add kind:, question: and
witnesses:), the one real cause a warning printed last, not naming where the file goes, or nothing at all (review
146). A misnamed .yml file was already one error with its references right (ignored.py); a misplaced one is too.

A file's kind is told by its keys (`kind_of`): an article's (seed:, source:, annotations:…) or a comparison's
(question:, witnesses:, kind:…) at the top, or blocks with an entity's keys (kind:, aliases:…) or an outlet's
(homepage:, country:…). A YAML file that holds one kind and is where the build reads none (a folder of content/ it
does not read, or content/ itself) or reads another (content/comparisons/ for an article, content/entities/ for
outlets) is one error (`file-ignored`) saying what it holds and where it goes. It is not read; what it defines is
known all the same (the slug its article or comparison would have, the ids of its entities or outlets), so the
references to that are not said unknown: they are right once it is moved. A file of a folder whose name is a slip
for a read one (content/artcles/) holds that folder's kind when its keys do not say. A folder not read whose YAML
files, two or more, all hold one kind whose folder the dossier lacks (content/article/, articles/ gone) is one error
at the folder, to rename it. A file in a folder the build reads is asked only when its schema found a key wrong or
missing (a valid dossier is never read twice), and taken for another kind only on two of that kind's keys or more,
more than of its own, and for an article or a comparison one that no other file has (seed: or annotations:,
question: or witnesses:). One whose name marks it as a copy (copies.py: content/entities (1).yaml,
content/sources_LOCAL_4567.yaml) of a file that is there, in its folder or its kind's, is said to be one, to delete
(moved as told, it would define that file's ids again).
"""

from __future__ import annotations

from typing import Any, Collection, Mapping, Sequence

from ..common.errors import Problem, error
from ..common.records import frozen
from ..common.slugs import file_stem
from .copies import maker, original_name
from .file_kinds import kind_of, utf8_text, yaml_value
from .ignored import FOLDERS, REGISTRIES, YAMLISH, near_registry
from .registry_ids import DefinedIds, unknowable

__all__ = ["Misplaced", "Placed", "misplaced", "set_apart"]

HOME = {"article": "content/articles/", "comparison": "content/comparisons/", "entities": "content/entities/",
        "sources": "content/sources/"}
_WHAT = {"article": "an article", "comparison": "a comparison", "entities": "entities", "sources": "outlets"}
_FILES = {"article": "article files", "comparison": "comparison files", "entities": "files of entities",
          "sources": "files of outlets"}
_HOLDS = {"article": "articles", "comparison": "comparisons", "entities": "entities", "sources": "outlets"}
_FOLDER_KIND = {"article": "article", "comparison": "comparison", "entity": "entities", "outlet": "sources"}
# What a schema says of a file whose keys are another kind's (a key unknown or missing, a value where a block goes):
# only such a file is asked what it holds
_SUSPECT = ("schema-unknown-key", "schema-missing-key", "schema-type")


@frozen
class Misplaced:
    """A file in the wrong place: `kind` ("article", "comparison", "entities", "sources") is what it holds, `ids`
    what it defines (the slug of its article or comparison; its entities' or outlets' ids, None when its text
    does not tell them all)."""

    file: str
    kind: str
    ids: frozenset[str] | None


@frozen
class Placed:
    """The misplaced files of a dossier and their problems (one per file, or one for a whole folder)."""

    found: tuple[Misplaced, ...] = ()
    problems: tuple[Problem, ...] = ()

    def covers(self, file: str) -> bool:
        """Whether `file` is one of the misplaced files (its other problems are not said: it is not read)."""
        return any(m.file == file for m in self.found)

    def files(self, kind: str | None = None) -> list[str]:
        """The misplaced files holding `kind` (all of them when None), sorted."""
        return sorted(m.file for m in self.found if kind is None or m.kind == kind)

    def ids(self, kind: str) -> set[str]:
        """What the misplaced files of `kind` define (as far as is known)."""
        return {i for m in self.found if m.kind == kind for i in m.ids or ()}

    def steps(self) -> set[str]:
        """The registries ("entities", "sources") a misplaced file holds some of: their references are checked
        against what it defines (`defined`)."""
        return {m.kind for m in self.found if m.kind in ("entities", "sources")}

    def defined(self) -> tuple[DefinedIds, ...]:
        """What each misplaced registry file defines, as registry_ids.py tells it of a registry file not read."""
        return tuple(unknowable(m.kind, m.file) if m.ids is None else
                     DefinedIds(m.kind, m.file, certain=m.ids, complete=True, hidden_from=0)
                     for m in self.found if m.kind in ("entities", "sources"))


def set_apart(files: Mapping[str, bytes], parsed: Mapping[tuple[str, str], Any]
              ) -> tuple[dict[tuple[str, str], Any], Placed]:
    """`parsed` (each (step, path) → its parse, loader.parse_files') without the misplaced files, and those
    (`misplaced`): they are not read, their parse's problems not said."""
    placed = misplaced(files, {path: (step, result[1]) for (step, path), result in parsed.items() if step != "seed"})
    return {job: result for job, result in parsed.items() if not placed.covers(job[1])}, placed


def misplaced(files: Mapping[str, bytes], read: Mapping[str, tuple[str, Sequence[Problem]]]) -> Placed:
    """The misplaced YAML files of content/ (module docstring). `read`: each file the build reads as an editors'
    file → its step ("article", "comparison", "entities", "sources") and the problems its parse found."""
    paths = sorted(files)
    loose: list[tuple[Misplaced, tuple[str, ...]]] = []   # (in a folder not read, or in content/ itself)
    found, problems = [], []
    for path in paths:
        if not _loose(path, paths):
            continue
        told = kind_of(utf8_text(files[path])) or _by_folder(path)
        if told is not None and not _kept_aside(path, told[0], files, read):
            loose.append((Misplaced(path, told[0], _ids(told[0], path, files[path])), told[1]))
    for path, (step, said) in sorted(read.items()):
        told = kind_of(utf8_text(files[path])) if any(p.check in _SUSPECT for p in said) else None
        if told is not None and told[0] != step:
            found.append(Misplaced(path, told[0], _ids(told[0], path, files[path])))
            problems.append(_at_file(found[-1], told[1], files, _read_where(path, step)))
    for folder, group in _by_top_folder(loose).items():
        whole = _whole_folder(folder, group, paths)
        problems += [whole] if whole else [_at_file(m, keys, files, _loose_where(m.file), True) for m, keys in group]
        found += [m for m, _ in group]
    return Placed(tuple(found), tuple(problems))


def _kept_aside(path: str, kind: str, files: Mapping[str, bytes], read: Mapping[str, tuple[str, Sequence[Problem]]]
                ) -> bool:
    """Whether the file of `kind` at `path`, where the build reads nothing, is kept aside on purpose, and so left to
    ignored.py's warning (review 158: content/drafts/new-story.yaml, content/entities-backup.yaml had built with a
    warning, and failed the build): an article or a comparison in a folder that is no slip of a read folder while
    its kind's folder holds files (a draft, an old copy); entities or outlets that the files read define, every one
    (a backup copy: moved as told, it would define them again)."""
    if kind in ("article", "comparison"):
        return _by_folder(path) is None and any(p.startswith(HOME[kind]) for p in files)
    ids = _ids(kind, path, files[path])
    defined = {i for other, (step, _) in read.items() if step == kind for i in _ids(kind, other, files[other]) or ()}
    return bool(ids) and ids is not None and ids <= defined


def _ids(kind: str, path: str, data: bytes) -> frozenset[str] | None:
    """What the file of `kind` at `path` defines: its slug, or the ids of its entities or outlets (None when YAML
    cannot read it: its text may hide some)."""
    if kind in ("article", "comparison"):
        return frozenset({file_stem(path)})
    text = utf8_text(data)
    loaded = yaml_value(text) if text is not None else None
    return frozenset(str(k) for k in loaded) if isinstance(loaded, dict) else None


def _loose(path: str, paths: Sequence[str]) -> bool:
    """Whether `path` is a YAML file of content/ where the build reads none: in a folder it does not read, or in
    content/ itself (not a registry, nor a near miss of one: ignored.py says those)."""
    rest = path[len("content/"):]
    if not path.startswith("content/") or not path.lower().endswith(YAMLISH):
        return False
    if "/" in rest:
        return not path.startswith(tuple(folder for folder, _, _ in FOLDERS))
    return rest not in REGISTRIES and not near_registry(path)


def _by_folder(path: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind of the read folder whose name the folder of `path` is a slip for (content/artcles/, content/entity/,
    content/entitys/), with no keys said; None for any other."""
    from ..common.similar import closest

    rest = path[len("content/"):]
    if "/" not in rest:
        return None
    folder, names = rest.split("/", 1)[0].lower(), {f[len("content/"):-1]: k for f, k, _ in FOLDERS}
    close = closest(folder, names) or (closest(folder[:-1], names) if folder.endswith("s") else None)
    return (_FOLDER_KIND[names[close]], ()) if close else None


def _by_top_folder(loose: Sequence[tuple[Misplaced, tuple[str, ...]]]
                   ) -> dict[str, list[tuple[Misplaced, tuple[str, ...]]]]:
    """The loose files by the folder of content/ they are in (content/people), each file of content/ itself alone."""
    out: dict[str, list[tuple[Misplaced, tuple[str, ...]]]] = {}
    for m, keys in loose:
        rest = m.file[len("content/"):]
        out.setdefault("content/" + rest.split("/", 1)[0] if "/" in rest else m.file, []).append((m, keys))
    return out


def _whole_folder(folder: str, group: Sequence[tuple[Misplaced, tuple[str, ...]]], paths: Sequence[str]
                  ) -> Problem | None:
    """The one error of a folder not read whose YAML files, two or more, all hold one kind whose folder the dossier
    lacks (content/article/): to rename it. None for any other."""
    kinds = {m.kind for m, _ in group}
    mine = {m.file for m, _ in group}
    if len(group) < 2 or len(kinds) != 1 or any(p.startswith(folder + "/") and p.lower().endswith(YAMLISH) and
                                                p not in mine for p in paths):
        return None
    kind = kinds.pop()
    if any(p.startswith(HOME[kind]) for p in paths):
        return None
    if kind in ("article", "comparison"):
        what = f"their {_HOLDS[kind]} are not built (the references to them are not checked)"
    else:
        what = _defines(kind, [m.ids for m, _ in group], "their")
    return error(folder, 0, 0, f"{folder}/ is no folder the build reads, and its {len(group)} files are "
                 f"{_FILES[kind]}: {what}", f"rename the folder to {HOME[kind][:-1]}, or move it out of content/ if "
                 "they are not to be published", "file-ignored")


def _defines(kind: str, ids: Sequence[frozenset[str] | None], whose: str) -> str:
    """What is lost of entities or outlets (`kind`) while files defining `ids` are not read."""
    noun = _HOLDS[kind]
    if any(i is None for i in ids):
        return f"{whose} {noun} are unknown (the references to {noun} are not checked)"
    count = len(frozenset().union(*ids))
    if count == 1:
        return f"{whose} one {'entity' if kind == 'entities' else 'outlet'} is not defined (the references to it " \
               "are not checked)"
    return f"{whose} {count} {noun} are not defined (the references to them are not checked)"


def _loose_where(path: str) -> str:
    rest = path[len("content/"):]
    if "/" in rest:
        return f"content/{rest.split('/', 1)[0]}/ is no folder the build reads"
    return ("content/ itself holds only sources.yaml and entities.yaml (and the folders articles/, comparisons/, "
            "entities/ and sources/)")


def _read_where(path: str, step: str) -> str:
    return f"{path if path == f'content/{step}.yaml' else HOME[step]} holds {_HOLDS[step]}"


def _at_file(m: Misplaced, keys: tuple[str, ...], files: Mapping[str, bytes], where: str, loose: bool = False
             ) -> Problem:
    """The one error of a misplaced file: where it is, what its keys say it holds, what is lost, where it goes (or,
    when a file of its name is there already, that it may be a copy). `loose`: where the build reads nothing, so
    that moving it out of content/ keeps it unpublished (a draft) as a folder of content/ did without a word."""
    paths = files.keys()
    to, original = _target(m, paths), _original(m, files)
    if original:  # ("content/entities (1).yaml", "content/sources_LOCAL_4567.yaml": copies.py)
        lost, hint = _as_copy(m, original, files)
    elif to in paths:
        lost = f"and {to} is there already"
        hint = f"delete this one if it is a copy of {to}; else move it to {HOME[m.kind]} under another name"
    else:
        lost = f'so {m.kind} "{file_stem(m.file)}" is not built (the references to it are not checked)' \
            if m.kind in ("article", "comparison") else "so " + _defines(m.kind, [m.ids], "its")
        registry = f"content/{m.kind}.yaml"
        beside = f" (the files of {HOME[m.kind]} are read with {registry})" if registry in paths and \
            to != registry else ""
        hint = f"move it to {to}{beside}" + (", or out of content/ if it is not to be published" if loose else "")
    said = f", and this file has the keys of {_WHAT[m.kind]} ({', '.join(keys)}): it" if keys else ": this file"
    return error(m.file, 0, 0, f"{where}{said} is not read, {lost}", hint, "file-ignored")


def _original(m: Misplaced, paths: Mapping[str, bytes]) -> str:
    """The file that the misplaced file `m` is a copy of, as its name says, in its folder or in its kind's (""
    when its name has no mark, or that file is not there)."""
    name = original_name(m.file)
    return next((p for p in (f"{m.file.rsplit('/', 1)[0]}/{name}", f"{HOME[m.kind]}{name}") if name and p in paths),
                "")


def _as_copy(m: Misplaced, original: str, files: Mapping[str, bytes]) -> tuple[str, str]:
    """What a misplaced copy of `original` is said to lose (nothing: `original` is read), and what to do."""
    if files[m.file] == files[original]:
        return f"and it is a copy of {original} (the same bytes)", f"delete it ({maker(m.file)} it)"
    return (f"and its name marks it as a copy of {original}", f"if it is a copy {maker(m.file)}, delete it (compare "
            f"it with {original} first); else move it to {HOME[m.kind]} under another name")


def _target(m: Misplaced, paths: Collection[str]) -> str:
    """Where the misplaced file goes: its kind's folder, under its name (as .yaml); a registry's file when the
    dossier has none of that registry and it is so named (content/entities/sources.yaml: content/sources.yaml)."""
    stem, home = file_stem(m.file), HOME[m.kind]
    registry = f"content/{m.kind}.yaml"
    alone = m.kind in ("entities", "sources") and stem == m.kind and registry not in paths and \
        not any(p.startswith(home) for p in paths)
    return registry if alone else f"{home}{stem}.yaml"
