"""JSON Schema validation of editors' files, with failures mapped back to line:col.

The same schemas ship in `schemas/` for editors' editors (yaml-language-server), so what the editor
underlines while typing is exactly what the build rejects.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .errors import Problem, did_you_mean, error
from .yamlsrc import Loaded


def validate(loaded: Loaded, schema: Mapping[str, Any]) -> tuple[Problem, ...]:
    """Every schema violation in `loaded`, one Problem each, in document order.

    Valid files (nearly all of them) are confirmed by a compiled validator, ~15× faster than jsonschema;
    only a file it rejects goes through jsonschema, which names every violation and where it is.
    """
    if _fast_validator(schema)(loaded.data):
        return ()
    validator = _validator_class()(dict(schema))
    problems = []
    for err in validator.iter_errors(loaded.data):
        problems.extend(_to_problems(loaded, err))
    return tuple(sorted(set(problems), key=lambda p: (p.line, p.col, p.message)))


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
                yield ValidationError(f"{instance!r} does not match {patrn!r}")

        _VALIDATOR = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern})
    return _VALIDATOR


def _to_problems(loaded: Loaded, err: Any) -> list[Problem]:
    path = tuple(err.absolute_path)
    where = _describe(path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = list(err.schema.get("properties", {}))
        out = []
        for key in sorted(set(err.instance) - set(allowed)):
            line, col = loaded.key_at(path + (key,))
            hint = did_you_mean(key, allowed) or ("allowed keys: " + ", ".join(allowed) if allowed else "")
            out.append(error(loaded.file, line, col, f'unknown key "{key}"{where}', hint, "schema"))
        return out
    if err.validator == "propertyNames":
        return []  # reported through the nested "pattern" error below, with the key's own position
    line, col = loaded.at(path)
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return [error(loaded.file, line, col, f'missing required key "{missing}"{where}',
                      f"add {missing}: ...", "schema")]
    if err.validator == "pattern":
        return [error(loaded.file, line, col, f"{_value(err.instance)} does not have the expected form{where}",
                      _pattern_hint(err.validator_value), "schema")]
    if err.validator == "enum":
        options = ", ".join(str(v) for v in err.validator_value)
        hint = did_you_mean(str(err.instance), [str(v) for v in err.validator_value]) or f"use one of: {options}"
        return [error(loaded.file, line, col, f"{_value(err.instance)} is not allowed{where}", hint, "schema")]
    if err.validator == "type":
        expected = err.validator_value
        hint = "quote the value to make it text" if expected == "string" else f"expected {expected}"
        return [error(loaded.file, line, col, f"{_value(err.instance)} should be {_article(expected)}{where}",
                      hint, "schema")]
    description = err.schema.get("description", "") if isinstance(err.schema, dict) else ""
    return [error(loaded.file, line, col, f"{err.message}{where}", description, "schema")]


def _describe(path: tuple[Any, ...]) -> str:
    if not path:
        return ""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f" (at {text})"


def _value(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + '..."'


def _article(kind: Any) -> str:
    names = {"string": "text", "array": "a list", "object": "a mapping", "number": "a number",
             "integer": "a whole number", "boolean": "true or false"}
    return names.get(kind, str(kind)) if isinstance(kind, str) else " or ".join(map(str, kind))


def _pattern_hint(pattern: str) -> str:
    if "[a-z0-9]" in pattern:
        return "use lower-case letters, digits and hyphens only, e.g. benjamin-netanyahu"
    if "[0-9]{4}-" in pattern:
        return "write dates as YYYY-MM-DD, e.g. 2024-03-22"
    if "https?" in pattern:
        return "use a full http:// or https:// address, with spaces and \" < > encoded (%20, %22, %3C, %3E)"
    if pattern.startswith("^Q"):
        return "a Wikidata id looks like Q43723"
    return f"expected to match {pattern}"
