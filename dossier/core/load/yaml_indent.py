"""A key indented less than the lines around it, found where it is rather than where PyYAML noticed it.

An annotation's key dedented to the top of the file, between two annotations,

    annotations:
      - id: a
        tags: [figures]
    entities: [israel]
      - id: b

is valid YAML up to its own line (a key of the file itself, which ends the list of annotations); PyYAML stops a
line later, at the next annotation, whose indentation then matches nothing. The mistake is most likely the
dedented key: it is the one shown, with the indentation of the keys above it, and the line PyYAML stopped at
named in the hint, for when the key was meant where it is.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["dedented_key"]

_SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (yamlsrc's loader)


def dedented_key(text: str, mark: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a key indented less than both the line above it and the line PyYAML
    stopped at (`mark`, the line after it), when one is there; else None."""
    if mark is None:
        return None
    lines = text.split("\n")
    written = [i for i in range(min(mark.line, len(lines)))
               if lines[i].strip() and not lines[i].lstrip().startswith("#")]
    if len(written) < 2 or mark.line >= len(lines):
        return None
    line, above = written[-1], written[-2]
    depth = _indent(lines[line])
    if not depth < min(_indent(lines[above]), _indent(lines[mark.line])):
        return None
    keys = _keys_before(text, mark.index)
    if not any(k.line == line and k.column == depth for k in keys):
        return None  # (not a key: a line of text, or a list's item, is told of where PyYAML stopped)
    deeper = [k for k in keys if k.line < line and k.column > depth]
    if not deeper:
        return None
    key = lines[line][depth:].split(":", 1)[0].strip()
    return (line + 1, depth + 1, f'"{key}" is indented less than the lines above and below it, so it ends the '
            "list or mapping above it", f"indent it by {deeper[-1].column} spaces, to line up with the keys above "
            f"it (line {deeper[-1].line + 1}); if it belongs where it is, line {mark.line + 1} is the one "
            "indented wrong")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _keys_before(text: str, index: int) -> list[Any]:
    """Where each key of a mapping starts (the scanner's KeyTokens), up to `index`."""
    keys = []
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if token.start_mark.index >= index:
                break
            if isinstance(token, yaml.KeyToken):
                keys.append(token.start_mark)
    except yaml.YAMLError:
        pass  # the scanner stopped at a mistake of its own: the keys before it are what counts
    return keys
