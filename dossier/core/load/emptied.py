"""A registry file left empty beside the others of its registry: a warning to delete it, the registry whole. Pure.

Entities moved from content/entities.yaml into content/entities/*.yaml leave entities.yaml empty, or holding a
comment ("# moved to content/entities/"). It was an error, `the file is empty`, hinted "see README.md for this file's
format", and, the file being unusable, the references to entities were not checked at all: a real typo in an
annotation's `entities:` went unsaid until the file was deleted (review 146). An empty file hides no id: the file
is read as defining none, the references are checked against the other files, and the file is one warning, to
delete it (nothing is lost or published wrong while it is there; --strict makes it an error). Outlets split into
content/sources/ are read the same way, and so is an empty file of content/entities/ or content/sources/ beside
the registry's others. A registry whose one file is empty keeps the error: its references would all be unknown.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..common.errors import Problem, warning

__all__ = ["emptied_registries"]

_NOUNS = {"entities": "entity", "sources": "outlet"}
_HOLDS = {"entities": "entities", "sources": "outlets"}


def emptied_registries(parsed: Mapping[tuple[str, str], Any]) -> dict[tuple[str, str], Any]:
    """`parsed` (each (step, path) → its parse, (value, problems)) with each registry file that is empty (its one
    error `file-empty`) read as defining nothing, its error a warning, when another file of its registry is not
    (read, or not: one YAML could not parse may define any id, and registry_ids.py tells them)."""
    empty = {job for job, result in parsed.items() if job[0] in _NOUNS and result[0] is None and
             _only_empty(result[1])}
    if not empty:
        return dict(parsed)
    others = {step: [path for s, path in parsed if s == step and (s, path) not in empty] for step in _NOUNS}
    return {(step, path): ((), tuple(_warning(p, step, others[step]) if p.check == "file-empty" else p
                                     for p in result[1])) if (step, path) in empty and others[step] else result
            for (step, path), result in parsed.items()}


def _only_empty(problems: tuple[Problem, ...]) -> bool:
    """Whether the one error of a file's parse is that it is empty (a warning beside it, a comment read as an
    item, stays)."""
    errors = [p for p in problems if p.severity == "error"]
    return len(errors) == 1 and errors[0].check == "file-empty"


def _warning(problem: Problem, step: str, others: list[str]) -> Problem:
    registry, folder = f"content/{step}.yaml", f"content/{step}/"
    where = [registry] if registry in others else []
    where += [folder] if any(p.startswith(folder) for p in others) else []
    return warning(problem.file, problem.line, problem.col, f"the file is empty, and the {_HOLDS[step]} are in "
                   f"{' and '.join(where)}", f"delete it: it defines no {_NOUNS[step]}, and nothing is lost without it",
                   "file-empty")
