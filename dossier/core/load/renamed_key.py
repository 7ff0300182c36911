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
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Sequence

from ..common.errors import Problem, by_named_id, error, places
from ..common.slugs import slugify
from .pyyaml import yaml

__all__ = ["at_repeated_key"]

_DUPLICATE = re.compile(r'^duplicate key "([^"]+)"$')
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def at_repeated_key(problems: Sequence[Problem], files: Mapping[str, bytes] | None,
                    named: Callable[[Problem], str | None], kind: str = "entity") -> list[Problem]:
    """`problems` with each duplicate key of an entities file (`kind` "entity"), or of content/sources.yaml
    ("outlet"), one of whose blocks the references to an unknown entity or outlet name (`named(p)`: the id a
    problem says is unknown, else None), said once with them (see the module docstring). `files`: the dossier's
    files (None: not known, and nothing changes)."""
    repeated = [p for p in problems if p.check == "yaml-duplicate-key" and _DUPLICATE.match(p.message) and
                _of_kind(p.file, kind)]
    if not repeated or files is None:
        return list(problems)
    groups = by_named_id(problems, named)
    said: dict[int, Problem | None] = {}
    for duplicate in repeated:
        key = _DUPLICATE.match(duplicate.message).group(1)  # type: ignore[union-attr]
        blocks = _blocks(files.get(duplicate.file, b""), key)
        hits = [(block, ident) for block in blocks for ident in groups if ident in block[3]]
        if len(hits) != 1 or any(id(p) in said for p in groups[hits[0][1]]):
            continue
        (line, col, name, _), ident = hits[0]
        group, others = groups[ident], ", ".join(str(b[0]) for b in blocks if b[0] != line)
        noun, its = ("reference", "one of its names") if kind == "entity" else ("article", "its name")
        count = f"{len(group)} {noun}s name" if len(group) > 1 else f"1 {noun} names"
        said[id(duplicate)] = error(
            duplicate.file, line, col, f'duplicate key "{key}": this block is the {kind} named "{name}", while '
            f'{count} "{ident}", {its} written as an id (at {places(group)})',
            f'write "{ident}:" here (line {others} keeps "{key}"): the '
            f'{f"{len(group)} {noun}s are" if len(group) > 1 else f"{noun} is"} then right', "yaml-duplicate-key")
        said.update({id(p): None for p in group})
    return [said.get(id(p), p) for p in problems if said.get(id(p), p) is not None]  # type: ignore[misc]


def _of_kind(file: str, kind: str) -> bool:
    """Whether `file` defines entities (`kind` "entity") or outlets ("outlet")."""
    if kind == "outlet":
        return file == "content/sources.yaml"
    return file == "content/entities.yaml" or file.startswith("content/entities/")


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
