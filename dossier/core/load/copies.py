"""Copies that sync clients, file managers and merge tools leave beside an editors' file or a seed: told as copies
of the file they copy, to delete, and never published or given an article of their own. Pure.

A sync client or a file manager names its copy after the file with a mark ("x (1).txt", "x copy.yaml", "x (Jo's
conflicted copy 2024-03-22).yaml"), git mergetool after the file being merged ("x_LOCAL_4567.yaml", "x_BACKUP_1234.txt",
before git 2.3 "x.yaml.LOCAL.4567.yaml"), other merge tools with ".orig" ("x.orig.yaml"; "x.yaml.orig" is skipped
as an editor's leftover, watched.py). Review 146: `cp seeds/002.txt "seeds/002 (1).txt"` was a seed "with no article
file", whose hint, --import, wrote a second article of the same text, published with only a warning; a copy
`ynet-rafah-rift_LOCAL_4567.yaml` was told to be renamed "ynet-rafah-rift-local-4567", and then it still took the
seed of ynet-rafah-rift (seed-taken).

- a seed that is byte for byte another seed, or whose name marks it as a copy of a seed that is there, is said so at
  it (seed-unused: it is not published), with the article whose seed that one is, and --import writes it no stub;
  of seeds alike, the original is the one an article file names, else the one whose name has no mark, else the
  first by name;
- an article or comparison file whose name marks it as a copy of a file of its folder (its file-name error: a mark
  makes no slug) is said to be one, to delete, when it has that file's bytes or names that file's seed, and its
  seed-taken error is then not said: renamed, it would still take that seed.
The copies of a registry's files are told by duplicates.py and misplaced.py, with `original_name`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from ..common.errors import Problem, warning
from .model import ArticleMeta, Dossier
from ..text.nfc import nfc

__all__ = ["COPIED", "IMPORT_HINT", "copied_seeds", "maker", "mark_of", "original_name", "said_as_copies",
           "seed_copies"]

# What a sync client or a file manager adds to a copy's name (review 74): " (1)", " copy", " - Copy", a conflict's
_SYNCED = re.compile(r"(?: \(\d+\)| - Copy(?: \(\d+\))?| copy(?: \d+)?| \([^()]*conflict[^()]*\)|"
                     r"\.sync-conflict-[\w-]+)$", re.I)
# What git mergetool adds (its own case: "x_base_2024" is a name), before git 2.3 after the whole name; ".orig"
_MERGED = re.compile(r"(?:_(?:LOCAL|REMOTE|BASE|BACKUP)_\d+|\.[A-Za-z]+\.(?:LOCAL|REMOTE|BASE|BACKUP)\.\d+)$")
_ORIG = re.compile(r"\.orig$", re.I)
COPIED = " a copy of seeds/"   # (in the message of each seed said to be a copy: `copied_seeds`)
_UNUSED = "seed has no article file, so it is not published"   # (attach.py's, of a seed no article file names)
IMPORT_HINT = "run `python build.py --import` to write a stub in content/articles/"   # (its hint, when it has no other)


def _split(name: str) -> tuple[str, str]:
    """A file's name → (its stem, its extension with the dot, "" if none)."""
    name = name.rsplit("/", 1)[-1]
    return (name.rsplit(".", 1)[0], "." + name.rsplit(".", 1)[1]) if "." in name.strip(".") else (name, "")


def _mark(stem: str) -> tuple[re.Match[str], str] | None:
    for pattern, who in ((_SYNCED, "a sync client or a file manager made"), (_MERGED, "git mergetool left"),
                         (_ORIG, "a merge tool left")):
        found = pattern.search(stem)
        if found and found.start():
            return found, who
    return None


def original_name(name: str) -> str:
    """The name of the file that a file so named is a copy of, by the mark in its name ("x.yaml" for "x (1).yaml",
    "x_LOCAL_4567.yaml"), whether it is there or not; "" for a name with no mark."""
    stem, extension = _split(name)
    found = _mark(stem)
    return stem[:found[0].start()] + extension if found else ""


def maker(name: str) -> str:
    """Who makes copies named as the file `name` is: "a sync client or a file manager made", "git mergetool left"
    ("" for a name with no mark)."""
    found = _mark(_split(name)[0])
    return found[1] if found else ""


def mark_of(name: str) -> str:
    """The mark a copy's name has (" (1)", "_LOCAL_4567"), "" for none."""
    found = _mark(_split(name)[0])
    return found[0].group(0) if found else ""


def seed_copies(unused: Iterable[str], files: Mapping[str, bytes], owners: Mapping[str, str]
                ) -> dict[str, tuple[str, bool]]:
    """Each seed of `unused` (no article file names it) that is a copy → (the seed it copies, whether it has its
    bytes). `files`: the dossier's, by path (the seeds: seeds/<name>); `owners`: seed → the slug of the article file
    that names it. Of seeds with the same bytes the original is the one `owners` has, else the one whose name has no
    mark, else the first by name; a seed whose name marks it as a copy of a seed there is one, its bytes or not. (Not
    one whose name is the other's in another Unicode form, café.txt as macOS writes it: said so, attach.py.)"""
    unused = sorted(unused)
    names = sorted(p[len("seeds/"):] for p in files if p.startswith("seeds/") and p.count("/") == 1)
    sizes = {len(files[f"seeds/{seed}"]) for seed in unused}
    alike: dict[bytes, list[str]] = {}
    for name in names:  # (the seeds' bytes compared only where the sizes are those of an unused one)
        data = files[f"seeds/{name}"]
        if len(data) in sizes and data.strip():
            alike.setdefault(data, []).append(name)
    out = {}
    for seed in unused:
        group = alike.get(files[f"seeds/{seed}"], [seed])
        first = min(group, key=lambda name: (name not in owners, bool(original_name(name)), name))
        if first != seed and nfc(first) == nfc(seed):  # (its name the other's in another Unicode form: attach.py)
            continue
        if first != seed:
            out[seed] = (first, True)
        elif original_name(seed) in names:
            out[seed] = (original_name(seed), False)
    return out


def copied_seeds(problems: Iterable[Problem]) -> set[str]:
    """The seeds `problems` say are copies (`said_as_copies`): --import writes them no stub."""
    return {p.file[len("seeds/"):] for p in problems if p.check == "seed-unused" and COPIED in p.message}


def said_as_copies(problems: Sequence[Problem], files: Mapping[str, bytes], dossier: Dossier) -> list[Problem]:
    """`problems` with each seed that is a copy (`seed_copies`) said so, and each article or comparison file that is
    one (the module's docstring) told so by its file-name error, its seed-taken error not said."""
    metas = {m.origin.file: m for m in (*(a.meta for a in dossier.articles), *dossier.detached)}
    owners = {a.meta.seed: a.slug for a in dossier.articles}
    # (a seed said another's to know, one an article file not read or whose seed is not found may be, keeps that)
    unused = [p.file[len("seeds/"):] for p in problems if _to_import(p)]
    copies = seed_copies(unused, files, owners) if unused else {}
    told = {p.file: _file_hint(p.file, files, metas) for p in problems if p.check == "file-name"}
    out = []
    for p in problems:
        seed = p.file[len("seeds/"):]
        if _to_import(p) and seed in copies:
            p = _seed_said(p, seed, *copies[seed], owners)
        elif p.check == "file-name" and told[p.file][0]:
            p = replace(p, hint=told[p.file][0])
        elif p.check == "seed-taken" and told.get(p.file, ("", False))[1]:
            continue  # (the copy's file-name error says it: renamed, it would still take that seed)
        out.append(p)
    return out


def _to_import(problem: Problem) -> bool:
    """Whether `problem` is the warning of a seed no article file names, hinted to run --import."""
    return problem.check == "seed-unused" and problem.message == _UNUSED and problem.hint == IMPORT_HINT


def _seed_said(problem: Problem, seed: str, original: str, same: bool, owners: Mapping[str, str]) -> Problem:
    """The seed-unused warning of `seed`, a copy of `original` (`same`: its very bytes)."""
    whose = f" (the seed of {owners[original]})" if original in owners else ", which no article file names either"
    if same:
        made = f" ({maker(seed)} it)" if maker(seed) else ""
        hint = f"delete it{made}: `python build.py --import` writes no article file for a copy"
        return warning(problem.file, 0, 0, f"seed is{COPIED}{original}{whose}, so it is not published", hint,
                       "seed-unused")
    return warning(problem.file, 0, 0, f"seed has no article file, and its name marks it as{COPIED}{original}{whose}, "
                   "so it is not published", f"if it is a copy {maker(seed)} (its text differs from that seed's), "
                   f'delete it; else rename it without "{mark_of(seed)}" and run `python build.py --import`, which '
                   "writes no stub for a seed so named", "seed-unused")


def _file_hint(file: str, files: Mapping[str, bytes], metas: Mapping[str, ArticleMeta]) -> tuple[str, bool]:
    """The hint of the file-name error of an article or comparison file that is a copy of a file of its folder,
    and whether the copy's seed-taken error is to go (it names that file's seed); ("", False) for any other."""
    original = f"{file.rsplit('/', 1)[0]}/{original_name(file)}" if original_name(file) else ""
    if not file.startswith(("content/articles/", "content/comparisons/")) or original not in files:
        return "", False
    name, made = original.rsplit("/", 1)[-1], maker(file)
    mine, theirs = metas.get(file), metas.get(original)
    seed = mine.seed if mine and theirs and mine.seed and mine.seed == theirs.seed else ""
    if files[file] == files[original]:
        return f"it is a copy of {name} (the same bytes) that {made}: delete it", bool(seed)
    if seed:
        return (f"its name marks it as a copy of {name} that {made}, and it names its seed, {seed}, which only one "
                f"article file may: delete it, keeping in {name} what you want of it (renamed, it would still take "
                "that seed)"), True
    return "", False

