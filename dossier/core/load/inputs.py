"""What a build reads and how it is asked to build: the values the shell hands to the pure core."""

from __future__ import annotations

from typing import Any, Mapping

from ..common.errors import Problem
from ..common.records import frozen


@frozen
class Inputs:
    """Everything a build reads, already in memory. Paths are relative, posix-style.

    `files`: the dossier (site.yaml, seeds/*, content/**); `templates`: name → Jinja source;
    `static`: name → bytes; `schemas`: name ("article") → parsed JSON Schema; `problems`: what the reader
    refused or could not read (a symbolic link leaving the dossier, a FIFO): errors of every build of these inputs.
    `own_templates`: the names of `templates` the dossier's templates/ gives (each overriding the project's of
    that name, or `added_templates`: overriding none, used only when another template includes it); what
    template_lint.py looks at. `unread`: the paths of `problems` (files or folders of the dossier) that exist
    but were not read: what they may hold is not said to be missing (unread.py).
    """

    files: Mapping[str, bytes]
    templates: Mapping[str, str]
    static: Mapping[str, bytes]
    schemas: Mapping[str, Mapping[str, Any]]
    problems: tuple[Problem, ...] = ()
    added_templates: frozenset[str] = frozenset()
    own_templates: frozenset[str] = frozenset()
    unread: frozenset[str] = frozenset()


@frozen
class Options:
    """How to build: `base_url` overrides site.yaml's; `strict` turns every warning into an error."""

    base_url: str | None = None
    strict: bool = False
