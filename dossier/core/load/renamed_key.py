"""An entity's block copied with its key left unchanged: two blocks under one key, and the copy's references
unknown. Pure: the file's text is the dossier's, as given.

Copying the block of "cairo" to define Doha, and changing all but its key, gave a `duplicate key "cairo"` error
whose hint ("keep one") deleted Doha, and an `unknown entity "doha"` error at each reference to it, each of them
right (review 127). When the names of one of the blocks under a repeated key (its name and aliases, written as
ids) include an id that references name and nothing defines, the key is what is wrong: one error at that block's
key stands for the duplicate key and those references, as a key renamed is told (renamed.py), and the hint gives
the key to write.

The same for an outlet's block in content/sources.yaml (review 135: `washington-free-beacon:` renamed
`ynetnews:`, an outlet's id already, said "keep one" and each of the outlet's articles an unknown source): its
name written as an id (without a leading "The") is what the articles' unknown source is.

The same again for an entity's block copied into another entities file (content/entities/*.yaml) with its key
unchanged (review 140): an `entity id "cairo" is defined twice` error, at the later file whichever block was the
copy, and the references to the copy's names, each unknown, became one error at the key of the block they name, in
whichever file, the hint naming the file and line of the block that keeps the key. Which block is the copy is told
as in one file, by the names: the later file is not always where the copy went (copying "cairo" from places.yaml
into people.yaml puts it in the earlier one). The same for an outlet's block copied into another outlets file
(content/sources/*.yaml): its `outlet id "…" is defined twice` error and its articles' unknown source.

Each such error is about two files, its own and the one its hint names, and only their blocks are looked at (review
145): with the key in three files, a verbatim copy in the second and a changed one in the third, the first two's
error found the changed copy too and was folded there, beside the third's own, and the verbatim copy was said
nowhere. With the changed copy in the first file, each later file's error names it as the other definition: one is
folded, and the others then name the block that keeps the key.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, Mapping, Sequence

from ..common.errors import Problem, by_named_id, error, places
from ..common.slugs import slugify
from .duplicates import other_definition, other_hint
from .pyyaml import yaml

__all__ = ["at_repeated_key"]

_DUPLICATE = re.compile(r'^duplicate key "([^"]+)"$')
_DEFINED_TWICE = re.compile(r'^(?:entity|outlet) id "([^"]+)" is defined twice$')  # (in two files, duplicates.py)
_TWICE = {"entity": "entity-duplicate-id", "outlet": "source-duplicate-id"}   # its code, of each kind
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def at_repeated_key(problems: Sequence[Problem], files: Mapping[str, bytes] | None,
                    named: Callable[[Problem], str | None], kind: str = "entity") -> list[Problem]:
    """`problems` with each duplicate key of an entities file (`kind` "entity"), or of an outlets file ("outlet"),
    and each entity (outlet) id defined in two entities (outlets) files, one of whose blocks the references to an
    unknown entity or outlet name (`named(p)`: the id a problem says is unknown, else None), said once with them,
    at that block's key (see the module docstring). `files`: the dossier's files (None: not known, and nothing
    changes)."""
    repeated = [(p, key) for p in problems if (key := _repeated_key(p, kind))]
    groups = by_named_id(problems, named) if repeated and files is not None else {}
    if not groups or files is None:
        return list(problems)
    said: dict[int, Problem | None] = {}
    moved: dict[tuple[str, int], tuple[str, int]] = {}  # where a copy folded is → where its key is kept
    for duplicate, key in repeated:
        blocks = _blocks_of(files, duplicate, key)
        hits = [(block, ident) for block in blocks for ident in groups if ident in block[4]]
        if len(hits) != 1 or any(id(p) in said for p in groups[hits[0][1]]):
            continue
        (file, line, col, name, _), ident = hits[0]
        others = [b for b in blocks if b[:2] != (file, line)]
        group, kept, moved[(file, line)] = groups[ident], _kept(file, others), others[0][:2]
        noun, its = ("reference", "one of its names") if kind == "entity" else ("article", "its name")
        count = f"{len(group)} {noun}s name" if len(group) > 1 else f"1 {noun} names"
        said[id(duplicate)] = error(
            file, line, col, f'{duplicate.message}: this block is the {kind} named "{name}", while '
            f'{count} "{ident}", {its} written as an id (at {places(group)})',
            f'write "{ident}:" here ({kept} keeps "{key}"): the '
            f'{f"{len(group)} {noun}s are" if len(group) > 1 else f"{noun} is"} then right', duplicate.check)
        said.update({id(p): None for p in group})
    kept_ones = [said.get(id(p), p) for p in problems if said.get(id(p), p) is not None]
    return [_repointed(p, moved) for p in kept_ones]  # type: ignore[arg-type]


def _repointed(problem: Problem, moved: Mapping[tuple[str, int], tuple[str, int]]) -> Problem:
    """`problem`, an id defined twice whose other definition is a copy said at its key (the copy in the first of
    three files: each later one was said against it), pointing at the block that keeps the key instead."""
    other = other_definition(problem) if moved else None
    return replace(problem, hint=other_hint(*moved[other])) if other in moved else problem


def _repeated_key(problem: Problem, kind: str) -> str:
    """The key `problem` says is repeated in an entities file (`kind` "entity") or in an outlets file ("outlet"),
    or is an entity's (outlet's) id defined in two such files; "" when it says no such thing."""
    if problem.check == "yaml-duplicate-key" and _of_kind(problem.file, kind):
        found = _DUPLICATE.match(problem.message)
    elif problem.check == _TWICE[kind]:
        found = _DEFINED_TWICE.match(problem.message)
    else:
        return ""
    return found.group(1) if found else ""


def _blocks_of(files: Mapping[str, bytes], duplicate: Problem, key: str) -> list[tuple[str, int, int, str, set[str]]]:
    """The blocks under `key` that `duplicate` says are two: in its file (a duplicate key), or in the two files it
    names (an id defined in two files: its own and the other definition's), in the order of the files' paths. Not
    in every file of its kind: with the key in three files, the copy in the third was found by the error of the
    first two, folded in its place, and the duplicate of those two was said nowhere (review 145)."""
    if duplicate.check == "yaml-duplicate-key":
        paths = [duplicate.file]
    else:
        other = other_definition(duplicate)
        paths = sorted({duplicate.file, other[0]}) if other is not None else []
    return [(path, *block) for path in paths for block in _blocks(files.get(path, b""), key)]


def _kept(file: str, others: Sequence[tuple[str, int, int, str, set[str]]]) -> str:
    """Where the blocks that keep the key are, said from `file`: "line 1" in the same file, "path:line" in
    another."""
    same = [str(b[1]) for b in others if b[0] == file]
    return ", ".join(([f"line {', '.join(same)}"] if same else []) + [f"{b[0]}:{b[1]}" for b in others if b[0] != file])


def _of_kind(file: str, kind: str) -> bool:
    """Whether `file` defines entities (`kind` "entity": content/entities.yaml, content/entities/) or outlets
    ("outlet": content/sources.yaml, content/sources/)."""
    step = "sources" if kind == "outlet" else "entities"
    return file == f"content/{step}.yaml" or file.startswith(f"content/{step}/")


def _blocks(data: bytes, key: str) -> list[tuple[int, int, str, set[str]]]:
    """The blocks written under `key` at the top of an entities (or outlets) file: where the key is (line,
    column), the entity's name, and its names (name and aliases, and the name without a leading "The") written
    as ids."""
    try:
        node = yaml.compose(data.decode("utf-8"), Loader=_LOADER)
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return []
    found = []
    for key_node, value in node.value if isinstance(node, yaml.MappingNode) else ():
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key and isinstance(value, yaml.MappingNode):
            fields = {k.value: v for k, v in value.value if isinstance(k, yaml.ScalarNode)}
            name = _text(fields.get("name")) or key
            aliases = fields.get("aliases")
            written = [name, *(_text(a) for a in (aliases.value if isinstance(aliases, yaml.SequenceNode) else ())),
                       re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)]  # (an outlet's "The", left out)
            found.append((key_node.start_mark.line + 1, key_node.start_mark.column + 1, name,
                          {slugify(n, "") for n in written} - {""}))
    return found


def _text(node: Any) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else ""
