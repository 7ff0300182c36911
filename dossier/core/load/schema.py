"""JSON Schema validation of editors' files, with failures mapped back to line:col.

The same schemas ship in `schemas/` for editors' editors (yaml-language-server), so what the editor
underlines while typing is exactly what the build rejects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..common.errors import Problem
from .schema_messages import Path, to_problems
from .yamlsrc import Loaded


def validate(loaded: Loaded, schema: Mapping[str, Any] | SchemaCheck) -> tuple[Problem, ...]:
    """Every schema violation in `loaded`, one Problem each, in document order."""
    return check_shape(loaded, schema)[0]


def check_shape(loaded: Loaded, schema: Mapping[str, Any] | SchemaCheck
                ) -> tuple[tuple[Problem, ...], frozenset[Path]]:
    """Every schema violation in `loaded`, in document order, and the paths of the values they spoil.

    A spoilt path is a value that is wrong (or a required key that is missing, or a key that is unknown);
    the loader leaves those values out and keeps the rest of the file, so one run can also report the
    reference problems of the parts that are right.

    Valid files (nearly all of them) are confirmed by a compiled validator, ~15× faster than jsonschema;
    only a file it rejects goes through jsonschema, which names every violation and where it is. Pass a
    `SchemaCheck` (compile_schema) when checking many files: a plain schema is compiled for this one call.
    """
    compiled = compile_schema(schema)
    if compiled.valid(loaded.data):
        return (), frozenset(loaded.tagged)
    validator = _validator_class()(dict(compiled.schema))
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


@dataclass(frozen=True)
class SchemaCheck:
    """A JSON Schema and its compiled yes/no check. Invariant: `valid(data)` is True only for data jsonschema
    finds valid against `schema` (tests/test_schema_fast_path.py checks that they agree)."""

    schema: Mapping[str, Any]
    valid: Callable[[Any], bool]


def compile_schema(schema: Mapping[str, Any] | SchemaCheck) -> SchemaCheck:
    """`schema` compiled by fastjsonschema into a yes/no check. Compiling costs milliseconds, so whoever checks
    many files against one schema compiles it once and passes the result (loader.parse_files does, per build).

    The schemas use only core keywords both implementations judge alike, and a pattern's final "$" becomes
    "\\Z", the same strict end of text as `_validator_class` below.
    """
    if isinstance(schema, SchemaCheck):
        return schema
    import fastjsonschema

    check = fastjsonschema.compile(_strict_patterns({k: v for k, v in schema.items() if k not in ("$schema", "$id")}))

    def valid(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # a rejection, or data it cannot judge (a number as a key): ask jsonschema
            return False
        return True

    return SchemaCheck(schema, valid)


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
