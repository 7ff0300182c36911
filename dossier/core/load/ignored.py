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
misnamed entities.yaml. So is a file of one of those folders under no YAML extension whose text holds its folder's
kind by its keys (file_kinds.py's `kind_of`): content/articles/n3.yaml.txt, as Notepad names it, or n6 with no
extension, an article whose seed was otherwise said nowhere (review 165: with `file-ignored: ignore` the build
passed without a word). A file there that holds no such thing (notes.txt, a picture) stays a warning.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from ..common.errors import Problem, error, warning
from ..common.slugs import is_slug
from .copies import maker, original_name
from .file_kinds import kind_of, may_be, utf8_text
from .watched import is_evidence

FOLDERS = (("content/articles/", "article", "<slug>.yaml"), ("content/comparisons/", "comparison", "<id>.yaml"),
           ("content/entities/", "entity", "<name>.yaml"), ("content/sources/", "outlet", "<name>.yaml"))
REGISTRIES = {"sources.yaml": "sources", "entities.yaml": "entities"}   # content/<file> → its step
_STEPS = {"entity": "entities", "outlet": "sources"}   # the kind of a registry's folder's files → its step
_HOLDS = "content/ holds sources.yaml, entities.yaml and the folders articles/, comparisons/, entities/ and sources/"
YAMLISH = (".yml", ".yaml")   # (compared lower-case: .YML and .YAML are YAML too)


def misnamed(paths: Iterable[str] | Mapping[str, bytes]) -> dict[str, set[str]]:
    """The files of content/articles/, content/comparisons/, content/entities/ and content/sources/ that are YAML
    under another extension (`misnamed_paths`), by their kind ("article", "comparison", "entity", "outlet") → their
    file names without the extension (`meant_stem`)."""
    out: dict[str, set[str]] = {kind: set() for _, kind, _ in FOLDERS}
    for p, kind in misnamed_paths(paths).items():
        out[kind].add(meant_stem(p))
    return out


def misnamed_paths(paths: Iterable[str] | Mapping[str, bytes]) -> dict[str, str]:
    """Each file of content/articles/, content/comparisons/, content/entities/ and content/sources/ that is YAML
    under another extension → its kind ("article", "comparison", "entity", "outlet"), when no file of its name
    ends in .yaml (then it is a copy left beside it, only a warning). Given the files (path → bytes), one under any
    other extension, or none, whose text holds its folder's kind is one too (n3.yaml.txt, n6: `_holds_kind`)."""
    texts = paths if isinstance(paths, Mapping) else {}
    paths = set(paths)
    out: dict[str, str] = {}
    for p in paths:  # (each path once, the cheap tests first: every build asks it of every file)
        if p.endswith(".yaml") or not p.startswith("content/"):
            continue
        kind = next((k for folder, k, _ in FOLDERS if p.startswith(folder)), None)
        if kind is None or f"{p[:p.rindex('/')]}/{meant_stem(p)}.yaml" in paths:
            continue
        if p.lower().endswith(YAMLISH) or (p in texts and _holds_kind(texts[p], kind)):
            out[p] = kind
    return out


def meant_stem(path: str) -> str:
    """The name the file `path` of a folder of YAML files means without its extension: jpost.yml, jpost.YAML,
    jpost.yaml.txt (Notepad's), jpost.txt and jpost all → "jpost"."""
    name = path.rsplit("/", 1)[-1]
    if "." in name and not name.lower().endswith(YAMLISH):
        name = name.rsplit(".", 1)[0]
    return name.rsplit(".", 1)[0] if name.lower().endswith(YAMLISH) else name


def _holds_kind(data: bytes, kind: str) -> bool:
    """Whether the text `data` holds a file of `kind` ("article", "comparison", "entity", "outlet") by its keys
    (not a text: a picture, a PDF, holds none)."""
    told = kind_of(utf8_text(data))
    return told is not None and told[0] == {"entity": "entities", "outlet": "sources"}.get(kind, kind)


def misnamed_files(paths: Iterable[str] | Mapping[str, bytes], kind: str) -> list[str]:
    """The files of the folder of `kind` ("article", "comparison", "entity", "outlet") that are YAML under another
    extension (`misnamed_paths`: not read, each an error), sorted."""
    return sorted(p for p, k in misnamed_paths(paths).items() if k == kind)


def misnamed_articles(paths: Iterable[str] | Mapping[str, bytes]) -> list[str]:
    """The article files that are YAML under another extension (`misnamed_files`), sorted: a seed renamed in the
    same edit may be the text of one (unparsed_seed.py)."""
    return misnamed_files(paths, "article")


def _present(registry: str, paths: list[str]) -> bool:
    """Whether the dossier has the registry `registry` ("entities.yaml"): its file, or any YAML file of its folder
    (content/entities/)."""
    folder = f"content/{registry[:-len('.yaml')]}/"
    return f"content/{registry}" in paths or any(p.startswith(folder) and p.endswith(".yaml") for p in paths)


def ignored(paths: Iterable[str] | Mapping[str, bytes]) -> tuple[list[Problem], set[str]]:
    """The problems of the files of `paths` (the dossier's paths, or its files: path → bytes, whose texts tell an
    article file under no YAML extension, `misnamed_paths`) that are not read, and the steps whose file is missing
    because it was misnamed (their references are not checked)."""
    texts = paths if isinstance(paths, Mapping) else {}
    wrong, paths = misnamed_paths(paths), sorted(paths)
    problems = [_not_yaml(p, kind, name, p in wrong, texts.get(p), paths)
                for folder, kind, name in FOLDERS for p in paths if p.startswith(folder) and not p.endswith(".yaml")]
    problems += [warning(p, 0, 0, "ignored: seeds are the files of seeds/ itself, not of its folders",
                         f"move it to seeds/{p.rsplit('/', 1)[-1]}", "file-ignored")
                 for p in paths if p.startswith("seeds/") and p.count("/") > 1 and not is_evidence(p)]
    problems += [_in_other_folder(p) for p in paths if p.startswith("content/") and "/" in p[len("content/"):]
                 and not p.startswith(tuple(folder for folder, _, _ in FOLDERS))]
    missing: set[str] = {step for kind, step in _STEPS.items() if kind in wrong.values()}
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


def unused(paths: Iterable[str] | Mapping[str, bytes]) -> dict[str, list[str]]:
    """The steps `ignored` says are missing → the files not read for them (a registry under a name close to its
    own, the YAML files of content/entities/ or content/sources/ under another extension): the files the summary
    line names."""
    out: dict[str, list[str]] = {step: files for kind, step in _STEPS.items() if (files := misnamed_files(paths, kind))}
    paths = sorted(paths)
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


def _not_yaml(path: str, kind: str, name: str, yaml: bool, data: bytes | None = None, paths: Iterable[str] = ()
              ) -> Problem:
    """The problem of a file of a folder of YAML files that does not end in .yaml: a warning, or an error when it
    is YAML under another extension (`yaml`: see `misnamed`). `data`: its bytes (None: not known); `paths`: the
    dossier's."""
    stem = meant_stem(path)
    if not yaml:  # (the hint names the file's own name where it is a slug: notes.txt → notes.yaml)
        return warning(path, 0, 0, f"ignored: {kind} files end in .yaml", _elsewhere(path, kind, data, paths) or
                       (f"rename it to {stem}.yaml" if is_slug(stem) else f"rename it to {name}"), "file-ignored")
    what = {"article": f'article "{stem}" is not built (the references to it are not checked)',
            "comparison": f'comparison "{stem}" is not built (the references to it are not checked)',
            "entity": "its entities are unknown (the references to entities are not checked)",
            "outlet": "its outlets are unknown (the references to outlets are not checked)"}[kind]
    return error(path, 0, 0, f"{kind} files end in .yaml: this file is not read, so {what}",
                 f"rename it to {stem}.yaml", "file-ignored")


_HELD = {"article": ("an article", 0), "comparison": ("a comparison", 1), "entities": ("entities", 2),
         "sources": ("outlets", 3)}   # what kind_of tells → its words, its folder (of FOLDERS)


def _elsewhere(path: str, kind: str, data: bytes | None, paths: Iterable[str]) -> str:
    """The hint of a file of the folder of `kind` not ending in .yaml whose bytes `data` say it is no file of that
    folder renamed (review 173: photo.jpg, notes.txt and a comparison's alone.json in content/articles/ were each
    told "rename it to <name>.yaml", and then failed as articles): the folder of the kind it holds, or out of its
    folder when it holds nothing an editor writes; "" when it may be of `kind` (or `data` is not known)."""
    if data is None:
        return ""
    text, own = utf8_text(data), {"entity": "entities", "outlet": "sources"}.get(kind, kind)
    told = kind_of(text) if text is not None else None
    if told is not None and told[0] != own:
        words, at = _HELD[told[0]]
        folder, _, name = FOLDERS[at]
        stem = meant_stem(path)
        to = f"{folder}{stem if is_slug(stem) else name[:-len('.yaml')]}.yaml"
        if to in paths:  # (as misplaced.py says of a file of the wrong folder: it may be a copy)
            return (f"it holds {words}, and {to} is there already: delete it if it is a copy; else move it to "
                    f"{folder} under another name")
        return f"it holds {words}: move it to {to}"
    if text is None or (told is None and not may_be(text, own)):
        folder = next(f for f, k, _ in FOLDERS if k == kind)
        return f"move it out of {folder}: it holds no {kind}"
    return ""


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
