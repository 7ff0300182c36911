"""One name, two definitions: an article or comparison slug that two files of different folders make, and an
entity or outlet id defined in two files. Pure.

An article's slug is its file name whatever its folder (content/articles/2024/x.yaml and content/articles/old/x.yaml
are both "x"): the second was built too, and said only as one maintainers' `output-collision` per page it writes
(4 for an article). It is one `duplicate-slug` error now, at the second file in sort order, naming the first; the
second is checked (as an article file without a seed) but not published. Entities copied into
content/entities/people.yaml and left in entities.yaml were an error per id (15): the ids two files share are one
error per pair of files, with their count and the first of them. Outlets may be split into content/sources/*.yaml
as entities into content/entities/*.yaml, and an outlet id two files define is said the same way
(`source-duplicate-id`).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Sequence, TypeVar

from ..common.errors import Problem, error
from .copies import maker, original_name
from .model import ArticleMeta, Comparison, Entity, Source
from ..common.slugs import is_id

T = TypeVar("T", Entity, Source)
X = TypeVar("X")

_SHOWN = 3   # the ids named in a grouped error
_OTHER = re.compile(r"^the other definition is at (.+):(\d+)$")   # (the hint of one id defined twice, below)


def one_per_slug(metas: Sequence[ArticleMeta], comparisons: Sequence[Comparison]
                 ) -> tuple[list[ArticleMeta], list[Comparison], list[ArticleMeta], list[Problem]]:
    """The article files and comparisons with one file per slug (the first in sort order), the article files left
    out (still checked, not published), and an error at each left out, naming the file that keeps the slug."""
    kept_metas, twice, problems = _first_of_each("article", "content/articles/", metas, lambda m: m.slug)
    kept_comparisons, _, more = _first_of_each("comparison", "content/comparisons/", comparisons, lambda c: c.id)
    return kept_metas, kept_comparisons, twice, problems + more


def _first_of_each(kind: str, folder: str, items: Sequence[Any], slug_of: Callable[[Any], str]
                   ) -> tuple[list[Any], list[Any], list[Problem]]:
    """`items` (in the order of their files' paths, sorted) with one per slug, those left out, and their errors."""
    first: dict[str, str] = {}
    kept, twice, problems = [], [], []
    for item in items:
        slug, file = slug_of(item), item.origin.file
        if slug not in first:
            first[slug] = file
            kept.append(item)
            continue
        twice.append(item)
        problems.append(error(file, 0, 0, f'{kind} slug "{slug}" is also the slug of {first[slug]}: a slug is the '
                              f"file's name, whatever its folder in {folder}, and names its page",
                              f"rename one of the two files (the references to \"{slug}\" then name the other), or "
                              "delete the one that is a copy", "duplicate-slug"))
    return kept, twice, problems


def one_per_id(what: str, items: Sequence[T]) -> tuple[tuple[T, ...], list[Problem]]:
    """The entities or outlets (`what`: "entity", "outlet") of every file of their registry, in the order of the
    files' paths (a copy's after its original's), with one per id (the first: a second would only add an output
    collision), sorted by id as one file's are, and the errors of the ids defined again (`duplicate_ids`)."""
    problems = duplicate_ids(what, [(x.id, o.file, o.line, o.col) for x in items
                                    for o in [x.id_origin or getattr(x, "origin", None)] if o is not None])
    first: dict[str, T] = {}

    def file_of(x: T) -> str:
        origin = x.id_origin or getattr(x, "origin", None)
        return origin.file if origin is not None else ""

    for x in _originals_first(items, file_of, _copies(list(dict.fromkeys(file_of(x) for x in items)))):
        first.setdefault(x.id, x)
    return tuple(sorted(first.values(), key=lambda x: x.id)), problems


def well_named(entities: Sequence[T]) -> tuple[tuple[T, ...], frozenset[str]]:
    """The entities whose id passes its check (slugs.is_id), and the ids of the others: their key's error is said
    (schema-form), and an id that fails it must make no page (its path would hold a control character, "..", "/",
    or be longer than a file name may be: review 163), so the entity is left out; references to it stay known."""
    return tuple(e for e in entities if is_id(e.id)), frozenset(e.id for e in entities if not is_id(e.id))


def duplicate_ids(what: str, items: list[tuple[str, str, int, int]]) -> list[Problem]:
    """An id defined again in another file (one file's own twice is a duplicate key), at the id as written; the
    ids two files share, when more than one, in one error at the first of them in the later file. (One id, a block
    copied to define another entity or outlet with its key unchanged, is said at the copy with its references:
    renamed_key.py.) `what`: "entity" or "outlet", each with its code."""
    if what == "outlet":
        return _duplicate_ids(what, items, "source-duplicate-id")
    return _duplicate_ids(what, items, "entity-duplicate-id")


def other_hint(file: str, line: int) -> str:
    """The hint of an id defined twice, naming where the other definition is (`other_definition` reads it)."""
    return f"the other definition is at {file}:{line}"


def other_definition(problem: Problem) -> tuple[str, int] | None:
    """Where the other definition is (file, line) of the one id that `problem`, a `duplicate_ids` error, says is
    defined twice; None for any other problem."""
    found = _OTHER.match(problem.hint) if problem.check in ("entity-duplicate-id", "source-duplicate-id") else None
    return (found.group(1), int(found.group(2))) if found else None


def _copies(files: Sequence[str]) -> dict[str, str]:
    """The files of `files` whose name marks them as a copy of another of them, in their folder ("all (1).yaml",
    "all_LOCAL_4567.yaml", copies.py) → that file."""
    out = {}
    for file in files:
        original = f"{file.rsplit('/', 1)[0]}/{original_name(file)}" if original_name(file) else ""
        if original in files and original != file:
            out[file] = original
    return out


def _originals_first(items: Sequence[X], file_of: Callable[[X], str], copies: Mapping[str, str]) -> list[X]:
    """`items` (in the order of their files' paths) with those of a copy after those of the file it copies: "all
    (1).yaml" sorts before "all.yaml", and was the one whose ids were said defined again, to delete there."""
    if not copies:  # (most builds: kept as they are)
        return list(items)
    order = {file: i for i, file in enumerate(dict.fromkeys(file_of(x) for x in items))}
    return sorted(items, key=lambda x: order[copies[file_of(x)]] + 0.5 if file_of(x) in copies
                  else order[file_of(x)])


def _duplicate_ids(what: str, items: list[tuple[str, str, int, int]], check: str) -> list[Problem]:
    copies = _copies(list(dict.fromkeys(file for _, file, _, _ in items)))
    items = _originals_first(items, lambda item: item[1], copies)
    seen: dict[str, tuple[str, int]] = {}
    pairs: dict[tuple[str, str], list[tuple[str, int, int, int]]] = {}
    for ident, file, line, col in items:
        if ident in seen:
            pairs.setdefault((file, seen[ident][0]), []).append((ident, line, col, seen[ident][1]))
        seen.setdefault(ident, (file, line))
    out = []
    for (file, other), ids in pairs.items():
        ids.sort(key=lambda i: (i[1], i[2]))  # (in the order of the later file: the first is where it says)
        ident, line, col, at = ids[0]
        if len(ids) == 1:
            out.append(error(file, line, col, f'{what} id "{ident}" is defined twice', _copy_hint(file, other, items)
                             if copies.get(file) == other else other_hint(other, at), check))
            continue
        named = ", ".join(f'"{i[0]}"' for i in ids[:_SHOWN])
        named += f" and {len(ids) - _SHOWN} more" if ids[_SHOWN:] else ""
        hint = _copy_hint(file, other, items) if copies.get(file) == other else (
            f"each {what} is defined once: if they moved here, delete them from {other} (the first at line {at}); if "
            "this file is a copy, delete them here")
        out.append(error(file, line, col, f"{len(ids)} {what} ids of {other} are defined again in this file: {named}",
                         hint, check))
    return out


def _copy_hint(file: str, original: str, items: Sequence[tuple[str, str, int, int]]) -> str:
    """The hint of the ids a copy of the file `original` defines again (its name says it is one): to delete it,
    once the ids it alone defines are moved there."""
    theirs = {ident for ident, at, _, _ in items if at == original}
    own = list(dict.fromkeys(ident for ident, at, _, _ in items if at == file and ident not in theirs))
    named = ", ".join(f'"{ident}"' for ident in own[:_SHOWN]) + (f" and {len(own) - _SHOWN} more" if own[_SHOWN:]
                                                                 else "")
    first = (f" (it alone defines {named}: move it to {original} first)" if len(own) == 1 else
             f" (it alone defines {len(own)}, {named}: move them to {original} first)" if own else "")
    return f"its name marks it as a copy of {original} that {maker(file)}: delete it{first}"
