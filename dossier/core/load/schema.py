"""JSON Schema validation of editors' files, with failures mapped back to line:col.

The same schemas ship in `schemas/` for editors' editors (yaml-language-server), so what the editor
underlines while typing is exactly what the build rejects.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from ..common.errors import Problem
from .schema_messages import Path, to_problems
from .yamlsrc import Loaded


def validate(loaded: Loaded, schema: Mapping[str, Any]) -> tuple[Problem, ...]:
    """Every schema violation in `loaded`, one Problem each, in document order."""
    return check_shape(loaded, schema)[0]


def check_shape(loaded: Loaded, schema: Mapping[str, Any]) -> tuple[tuple[Problem, ...], frozenset[Path]]:
    """Every schema violation in `loaded`, in document order, and the paths of the values they spoil.

    A spoilt path is a value that is wrong (or a required key that is missing, or a key that is unknown);
    the loader leaves those values out and keeps the rest of the file, so one run can also report the
    reference problems of the parts that are right.

    Valid files (nearly all of them) are confirmed by a compiled validator, ~15× faster than jsonschema;
    only a file it rejects goes through jsonschema, which names every violation and where it is.
    """
    if _fast_validator(schema)(loaded.data):
        return (), frozenset(loaded.tagged)
    validator = _validator_class()(dict(schema))
    problems: list[Problem] = []
    bad: set[Path] = set()
    bad.update(loaded.tagged)
    for err in validator.iter_errors(loaded.data):
        for path, problem in to_problems(loaded, err):
            if path is not None and any(path[:len(t)] == t for t in loaded.tagged):
                continue  # a value with an unknown tag: its tag is the problem to fix
            problems.append(problem)
            if path is not None:
                bad.add(path)
    return tuple(sorted(set(problems), key=lambda p: (p.line, p.col, p.message))), frozenset(bad)


_VALIDATOR: Any = None
_FAST: dict[str, Callable[[Any], bool]] = {}
_FAST_BY_OBJECT: dict[int, tuple[Mapping[str, Any], Callable[[Any], bool]]] = {}  # skips the content key


def _fast_validator(schema: Mapping[str, Any]) -> Callable[[Any], bool]:
    """`schema` compiled by fastjsonschema into a yes/no check, cached by the schema's content.

    It must never accept what jsonschema rejects (tests/test_schema_fast_path.py checks that they agree):
    the schemas use only core keywords both implement alike, and a pattern's final "$" becomes "\\Z", the
    same strict end of text as `_validator_class` below.
    """
    seen = _FAST_BY_OBJECT.get(id(schema))
    if seen is not None and seen[0] is schema:  # the same schema object for every file of a build
        return seen[1]
    import json

    key = json.dumps(schema, sort_keys=True)
    valid = _FAST.get(key)
    if valid is None:
        import fastjsonschema

        check = fastjsonschema.compile(_strict_patterns({k: v for k, v in schema.items()
                                                         if k not in ("$schema", "$id")}))

        def valid(data: Any, check: Any = check) -> bool:
            try:
                check(data)
            except Exception:  # a rejection, or data it cannot judge (a number as a key): ask jsonschema
                return False
            return True

        if len(_FAST) > 64:  # the live preview reloads schemas; keep the cache from growing
            _FAST.clear()
        _FAST[key] = valid
    if len(_FAST_BY_OBJECT) > 64:
        _FAST_BY_OBJECT.clear()
    _FAST_BY_OBJECT[id(schema)] = (schema, valid)  # holding the schema keeps its id from being reused
    return valid


def _strict_patterns(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: (_strict(value) if key == "pattern" and isinstance(value, str) else _strict_patterns(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_strict_patterns(item) for item in node]
    return node


def _strict(pattern: str) -> str:
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


def _validator_class() -> Any:
    """Draft 2020-12, except that a pattern's final "$" means end of text, as in the editors' editors.

    The schemas are written for ECMA-262 regexes (what yaml-language-server uses), where "$" matches only at
    the very end; Python's "$" also matches before a final newline, which would let `id: "x\n"` pass as a slug.
    """
    global _VALIDATOR
    if _VALIDATOR is None:
        import re

        import jsonschema  # imported lazily: it is the slowest import of a small build
        from jsonschema.exceptions import ValidationError

        def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Any:
            if not validator.is_type(instance, "string"):
                return
            if re.search(_strict(patrn), instance) is None:
                yield ValidationError("does not match the pattern")  # never shown: schema_messages words it

        _VALIDATOR = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern})
    return _VALIDATOR
