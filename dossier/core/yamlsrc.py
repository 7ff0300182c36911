"""Editors' YAML, parsed strictly and with a position for every value.

PyYAML's safe C loader composes the node graph (fast, and every node keeps its line and column); we then
build plain values ourselves so that YAML 1.1's surprises cannot reach the model:
- dates stay strings exactly as written (`2024-03-22`), `no`/`yes`/`on`/`off` stay strings (only
  `true`/`false` are booleans), duplicate keys are errors, aliases are refused (an alias bomb composes
  instantly and explodes only when walked, so we refuse before walking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem, error

Path = tuple[Any, ...]

_BOOL = {"true": True, "false": False}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}

try:  # the C loader is much faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader  # type: ignore[misc]


@dataclass(frozen=True)
class Loaded:
    """A parsed YAML document: plain values plus the 1-based (line, col) of each value and mapping key.

    Invariant: every path into `data` (tuples of keys and indexes) has an entry in `positions`;
    `key_positions[path]` is where the key of the mapping entry at `path` is written.
    """

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest written ancestor."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_at(self, path: Path) -> tuple[int, int]:
        return self.key_positions.get(path) or self.at(path)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(file: str, text: str) -> tuple[Loaded | None, tuple[Problem, ...]]:
    """Parse one editors' file. Returns (None, problems) when it cannot be read at all."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        return None, (error(file, line, col, message, _syntax_hint(exc), "yaml"),)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (e.g. a control character)
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, (error(file, line, col, f"character U+{ord(char):04X} is not allowed in YAML",
                            "remove it, or write it as an escape such as \\x07 inside a double-quoted string",
                            "yaml"),)
    except yaml.YAMLError as exc:
        return None, (error(file, 0, 0, "YAML error: " + " ".join(str(exc).split()), "", "yaml"),)
    except RecursionError:  # PyYAML composes nested collections recursively
        return None, (_too_deep(file, text),)
    loaded = Loaded(file, None)
    if node is None:
        return loaded, ()
    try:
        data = _build(node, (), loaded, set())
    except _Refused as refused:
        return None, (_alias_position(text, refused.problem),)
    return Loaded(file, data, loaded.positions, loaded.key_positions), ()


def _alias_position(text: str, problem: Problem) -> Problem:
    """The composer shares the anchored node, so point at the first `*alias` rather than the anchor."""
    if "alias" not in problem.message:
        return problem
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            return error(problem.file, mark.line + 1, mark.column + 1, problem.message, problem.hint, problem.check)
    return problem


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or "")
    if "mapping values are not allowed" in problem:
        return 'a value containing ": " must be quoted, e.g. note: "Dermer: yes"'
    if "found character '\\t'" in problem:
        return "YAML does not allow tabs for indentation; use spaces"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation of this line and the one before it"
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return "quote the value with single quotes to keep it literal"
    return "check the quoting and indentation near this position"


MAX_DEPTH = 32  # no editors' file needs more than a few levels; deeper would exhaust Python's recursion limit


def _too_deep(file: str, text: str) -> Problem:
    """Where collections first nest MAX_DEPTH deep (found by the event parser, which does not recurse)."""
    depth, line, col = 0, 0, 0
    for event in yaml.parse(text, Loader=_Loader):
        depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        if depth > MAX_DEPTH:
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            break
    return error(file, line, col, f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                 "no dossier file needs more than a few levels: check the brackets and indentation", "yaml-depth")


def _build(node: yaml.Node, path: Path, out: Loaded, seen: set[int]) -> Any:
    if len(path) > MAX_DEPTH:
        line, col = _pos(node)
        raise _Refused(error(out.file, line, col, f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                             "no dossier file needs more than a few levels: check the brackets and indentation",
                             "yaml-depth"))
    if id(node) in seen:
        line, col = _pos(node)
        raise _Refused(error(out.file, line, col, "YAML aliases (*name) are not allowed in editors' files",
                             "write the value out in full", "yaml"))
    seen.add(id(node))
    out.positions[path] = _pos(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _pos(key_node)
                raise _Refused(error(out.file, line, col, "mapping keys must be plain text", "", "yaml"))
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _pos(key_node)
                raise _Refused(error(out.file, line, col, "YAML merge keys (<<) are not allowed in editors' files",
                                     "write the keys out in full", "yaml"))
            key = key_node.value
            if key in result:
                line, col = _pos(key_node)
                first = out.key_positions[path + (key,)]
                raise _Refused(error(out.file, line, col, f'duplicate key "{key}"',
                                     f"it is already set on line {first[0]}; keep one", "yaml"))
            out.key_positions[path + (key,)] = _pos(key_node)
            result[key] = _build(value_node, path + (key,), out, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), out, seen) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    """Plain scalars become bool/int/float/None only in their unsurprising spellings; all else is text."""
    value = node.value
    if node.style:  # quoted or block scalar: always text, exactly as written
        return value
    if value in _BOOL:
        return _BOOL[value]
    if value in _NULL:
        return None
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value):
        return float(value.replace("_", ""))
    return value
