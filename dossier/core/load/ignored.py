"""Files of content/ the build does not read, said: a misnamed file is never left out without a word.

A file in content/articles/, content/comparisons/, content/entities/ or content/sources/ that does not end in .yaml
is a warning (`file-ignored`). A YAML file directly in content/ other than sources.yaml and entities.yaml is one too,
unless its name is close to one of those two and that one is missing (entites.yaml, source.yaml, entities.yml): then
it is an error naming the file that is missing, and the references to what it holds are not checked (every entity of
the dossier had been reported unknown instead, 287 errors for the default dossier's). A near miss of the name is so
only while the registry's folder holds no YAML file either (beside them, entity.yaml is a stray file); the
registry's own name under another extension or case (sources.yml) is its file whatever the folder holds. One whose
name marks it as a copy of a file there (copies.py: content/sources_LOCAL_4567.yaml) is said to be one, not to be
moved into a folder. A file
in a folder of seeds/ (other than seeds/evidence/, what --add keeps) is a warning too: seeds are the files of seeds/
itself; so is a file in any other folder of content/, unless its keys say it is an editors' file in the wrong place
(misplaced.py: then an error, in place of this warning). Pure.

An article or comparison file written as YAML under another extension (jpost.yml, talks.YAML) is an error, not a
warning: it is plainly the editor's file, and its slug is known all the same (`misnamed`), so the witnesses and
links that name it are right and not said unknown (13 errors for one article of the default dossier, each at a
reference that was right, with the one that explained them a warning). A file of content/entities/ (or of
content/sources/) so written is one too, and the entities' (outlets') references are not checked, as for a
misnamed entities.yaml.
"""

from __future__ import annotations

from typing import Iterable

from ..common.errors import Problem, error, warning
from .copies import maker, original_name
from .watched import is_evidence

FOLDERS = (("content/articles/", "article", "<slug>.yaml"), ("content/comparisons/", "comparison", "<id>.yaml"),
           ("content/entities/", "entity", "<name>.yaml"), ("content/sources/", "outlet", "<name>.yaml"))
REGISTRIES = {"sources.yaml": "sources", "entities.yaml": "entities"}   # content/<file> → its step
_STEPS = {"entity": "entities", "outlet": "sources"}   # the kind of a registry's folder's files → its step
_HOLDS = "content/ holds sources.yaml, entities.yaml and the folders articles/, comparisons/, entities/ and sources/"
YAMLISH = (".yml", ".yaml")   # (compared lower-case: .YML and .YAML are YAML too)


def misnamed(paths: Iterable[str]) -> dict[str, set[str]]:
    """The files of content/articles/, content/comparisons/, content/entities/ and content/sources/ that are YAML
    under another extension, by their kind ("article", "comparison", "entity", "outlet") → their file names without
    the extension, when no file of that name ends in .yaml (then it is a copy left beside it, only a warning)."""
    paths = set(paths)
    out: dict[str, set[str]] = {kind: set() for _, kind, _ in FOLDERS}
    for p in paths:  # (each path once, the cheap test first: every build asks it of every file)
        if p.endswith(".yaml") or not p.lower().endswith(YAMLISH):
            continue
        stem = p.rsplit(".", 1)[0]
        if f"{stem}.yaml" in paths:
            continue
        for folder, kind, _ in FOLDERS:
            if p.startswith(folder):
                out[kind].add(stem.rsplit("/", 1)[-1])
    return out


def misnamed_files(paths: Iterable[str], kind: str) -> list[str]:
    """The files of the folder of `kind` ("article", "comparison", "entity", "outlet") that are YAML under another
    extension (`misnamed`: not read, each an error), sorted."""
    paths = sorted(paths)
    folder, wrong = next(f for f, k, _ in FOLDERS if k == kind), misnamed(paths)[kind]
    return [p for p in paths if p.startswith(folder) and not p.endswith(".yaml") and p.lower().endswith(YAMLISH)
            and p.rsplit("/", 1)[-1].rsplit(".", 1)[0] in wrong]


def misnamed_articles(paths: Iterable[str]) -> list[str]:
    """The article files that are YAML under another extension (`misnamed_files`), sorted: a seed renamed in the
    same edit may be the text of one (unparsed_seed.py)."""
    return misnamed_files(paths, "article")


def _present(registry: str, paths: list[str]) -> bool:
    """Whether the dossier has the registry `registry` ("entities.yaml"): its file, or any YAML file of its folder
    (content/entities/)."""
    folder = f"content/{registry[:-len('.yaml')]}/"
    return f"content/{registry}" in paths or any(p.startswith(folder) and p.endswith(".yaml") for p in paths)


def ignored(paths: Iterable[str]) -> tuple[list[Problem], set[str]]:
    """The problems of the files of `paths` (the dossier's, sorted) that are not read, and the steps whose file
    is missing because it was misnamed (their references are not checked)."""
    paths = sorted(paths)
    wrong = misnamed(paths)
    problems = [_not_yaml(p, kind, name, p.rsplit("/", 1)[-1].rsplit(".", 1)[0] in wrong[kind])
                for folder, kind, name in FOLDERS for p in paths if p.startswith(folder) and not p.endswith(".yaml")]
    problems += [warning(p, 0, 0, "ignored: seeds are the files of seeds/ itself, not of its folders",
                         f"move it to seeds/{p.rsplit('/', 1)[-1]}", "file-ignored")
                 for p in paths if p.startswith("seeds/") and p.count("/") > 1 and not is_evidence(p)]
    problems += [_in_other_folder(p) for p in paths if p.startswith("content/") and "/" in p[len("content/"):]
                 and not p.startswith(tuple(folder for folder, _, _ in FOLDERS))]
    missing: set[str] = {step for kind, step in _STEPS.items() if wrong[kind]}
    for p in paths:
        meant = _meant(p, paths)
        if meant is None:
            continue
        if meant:
            missing.add(REGISTRIES[meant])
            folder = f"content/{REGISTRIES[meant]}/"
            problems.append(error(p, 0, 0, f"content/{meant} is missing, and {p} is not read",
                                  f"rename it to content/{meant}" + (f", or move it into {folder} as a .yaml file"
                                                                      if _present(meant, paths) else ""),
                                  "file-ignored"))
        else:
            problems.append(_copy_in_content(p, paths) or warning(p, 0, 0, f"ignored: {_HOLDS}", "move it into one "
                                                                  "of them, or out of content/", "file-ignored"))
    return problems, missing


def _copy_in_content(path: str, paths: list[str]) -> Problem | None:
    """The warning of a file of content/ not read whose name marks it as a copy of one that is there
    ("content/sources_LOCAL_4567.yaml", copies.py): moved into a folder, as the generic hint says, it would define
    that file's ids again."""
    original = f"content/{original_name(path)}" if original_name(path) else ""
    if original not in paths:
        return None
    return warning(path, 0, 0, f"ignored: {_HOLDS}, and this file's name marks it as a copy of {original}",
                   f"delete it if it is a copy {maker(path)}", "file-ignored")


def unused(paths: Iterable[str]) -> dict[str, list[str]]:
    """The steps `ignored` says are missing → the files not read for them (a registry under a name close to its
    own, the YAML files of content/entities/ or content/sources/ under another extension): the files the summary
    line names."""
    paths = sorted(paths)
    out: dict[str, list[str]] = {step: files for kind, step in _STEPS.items() if (files := misnamed_files(paths, kind))}
    for p in paths:
        meant = _meant(p, paths)
        if meant:
            out.setdefault(REGISTRIES[meant], []).append(p)
    return {step: sorted(files) for step, files in out.items()}


def _meant(path: str, paths: list[str]) -> str | None:
    """For a YAML file directly in content/ that is no registry, the registry it was meant as when that one is
    missing ("entities.yaml"), else ""; None for any other path. A near miss of its name (entity.yaml) beside the
    YAML files of the registry's folder is a stray file; the registry's own name under another extension or case
    (sources.yml, Entities.yaml) is plainly its file, not read, whatever its folder holds: its ids were each said
    unknown (review 145: content/sources.yml beside content/sources/b-israel.yaml)."""
    name = path[len("content/"):]
    if not path.startswith("content/") or "/" in name or not name.lower().endswith(YAMLISH) or name in REGISTRIES:
        return None
    meant = near_registry(path)
    if not meant or f"content/{meant}" in paths:
        return ""
    plainly = name.rsplit(".", 1)[0].lower() == meant[:-len(".yaml")]
    return meant if plainly or not _present(meant, paths) else ""


def near_registry(path: str) -> str:
    """The registry ("entities.yaml") whose name the name of the file `path` of content/ is a near miss of
    (entites.yaml, source.yml), present or not; "" for any other."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()  # (compared without the extension)
    from ..common.similar import closest  # (asked only of a file that is no registry: imported then)

    close = closest(stem, [r[:-len(".yaml")] for r in REGISTRIES])
    return f"{close}.yaml" if close else ""


def _not_yaml(path: str, kind: str, name: str, yaml: bool) -> Problem:
    """The problem of a file of a folder of YAML files that does not end in .yaml: a warning, or an error when it
    is YAML under another extension (`yaml`: see `misnamed`)."""
    if not yaml:
        return warning(path, 0, 0, f"ignored: {kind} files end in .yaml", f"rename it to {name}", "file-ignored")
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    what = {"article": f'article "{stem}" is not built (the references to it are not checked)',
            "comparison": f'comparison "{stem}" is not built (the references to it are not checked)',
            "entity": "its entities are unknown (the references to entities are not checked)",
            "outlet": "its outlets are unknown (the references to outlets are not checked)"}[kind]
    return error(path, 0, 0, f"{kind} files end in .yaml: this file is not read, so {what}",
                 f"rename it to {stem}.yaml", "file-ignored")


def _in_other_folder(path: str) -> Problem:
    """The warning of a file in a folder of content/ the build does not read (content/article/: review 74, its
    article left out without a word, and every link to it an "unknown article")."""
    from ..common.similar import closest

    folder, rest = path[len("content/"):].split("/", 1)
    close = closest(folder.lower(), [f[len("content/"):-1] for f, _, _ in FOLDERS])
    hint = f"move it to content/{close}/{rest}" if close else "move it into one of them, or out of content/"
    return warning(path, 0, 0, f"ignored: content/{folder}/ is no folder the build reads ({_HOLDS})", hint,
                   "file-ignored")


def in_seed_folders(paths: Iterable[str]) -> dict[str, list[str]]:
    """The files in folders of seeds/ (not read; seeds/evidence/ aside, what --add keeps) by their name: a seed an
    article names that is not in seeds/ is said to be there."""
    out: dict[str, list[str]] = {}
    for path in sorted(paths):
        if path.startswith("seeds/") and path.count("/") > 1 and not is_evidence(path):
            out.setdefault(path.rsplit("/", 1)[-1], []).append(path)
    return out
