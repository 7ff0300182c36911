"""JSON Schema validation of editors' files, with failures mapped back to line:col.

The same schemas ship in `schemas/` for editors' editors (yaml-language-server), so what the editor
underlines while typing is exactly what the build rejects.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import marshal
from typing import Any, Callable, Mapping, Protocol

from ..common.errors import Problem
from .schema_messages import Path, to_problems
from .yamlsrc import Loaded
from ..common.records import frozen


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


class CodeStore(Protocol):
    """Where compiled validators are kept from one run to the next, by key (the command line's is in its cache
    folder: shell/cache.py `compiled_schemas`). `load` gives None for a key it does not have, or whose entry is
    damaged; `dump` keeps an entry, or silently does not."""

    def load(self, key: str) -> bytes | None: ...

    def dump(self, key: str, code: bytes) -> None: ...


_STORE: list[CodeStore] = []


def keep_compiled(store: CodeStore | None) -> None:
    """Read the validators this process needs from `store`, and keep there those it compiles (None: compile
    each schema anew in each process, as without a cache)."""
    _STORE[:] = [store] if store is not None else []


@frozen
class SchemaCheck:
    """A JSON Schema and its compiled yes/no check. Invariant: `valid(data)` is True only for data jsonschema
    finds valid against `schema` (tests/test_schema_fast_path.py checks that they agree)."""

    schema: Mapping[str, Any]
    valid: Callable[[Any], bool]


def compile_schema(schema: Mapping[str, Any] | SchemaCheck) -> SchemaCheck:
    """`schema` compiled by fastjsonschema into a yes/no check. Compiling costs milliseconds, so whoever checks
    many files against one schema compiles it once and passes the result (loader.parse_files does, per build);
    the command line also keeps the compiled code between runs (`keep_compiled`: the one place this module
    reaches outside the process, through the store the shell gives it).

    The schemas use only core keywords both implementations judge alike, and a pattern's final "$" becomes
    "\\Z", the same strict end of text as `_validator_class` below.
    """
    if isinstance(schema, SchemaCheck):
        return schema
    check = _validator(_strict_patterns({k: v for k, v in schema.items() if k not in ("$schema", "$id")}))

    def valid(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # a rejection, or data it cannot judge (a number as a key): ask jsonschema
            return False
        return True

    return SchemaCheck(schema, valid)


def _validator(strict: Mapping[str, Any]) -> Callable[[Any], Any]:
    """fastjsonschema's validator of `strict`, its code read back from the kept store (`keep_compiled`) when it
    is there: generating and compiling it took 3-13 ms a schema, a tenth of a rebuild of the repo's dossier.
    The key names the schema, fastjsonschema's version and the bytecode's format. The code is the module
    `fastjsonschema.compile_to_code` writes, which judges as `fastjsonschema.compile` does (and both as jsonschema:
    tests/test_schema_fast_path.py)."""
    import fastjsonschema

    key = hashlib.sha256(json.dumps([strict, fastjsonschema.VERSION, importlib.util.MAGIC_NUMBER.hex()],
                                    sort_keys=True).encode("ascii")).hexdigest()  # (ASCII: a lone surrogate too)
    kept = _STORE[0].load(key) if _STORE else None
    if kept is not None:
        try:
            return _defined(marshal.loads(kept))
        except Exception:  # noqa: BLE001 - an entry that does not run (the store checks its bytes): compiled anew
            pass
    # (the Decimal import written again: fastjsonschema 2.22 leaves it out of a schema that also checks a
    # `format: regex`, whose multipleOf would then fail every file; compile() defines it in either case)
    code = compile("from decimal import Decimal\n" + fastjsonschema.compile_to_code(strict), "<schema>", "exec")
    if _STORE:
        _STORE[0].dump(key, marshal.dumps(code))
    return _defined(code)


def _defined(code: Any) -> Callable[[Any], Any]:
    """The `validate` function the validator's module code defines (fastjsonschema.compile_to_code)."""
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 - code compiled from fastjsonschema's source for our own schema
    return namespace["validate"]  # type: ignore[no-any-return]


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
