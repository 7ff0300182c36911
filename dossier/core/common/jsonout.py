"""JSON exports that stay readable and are fast to write.

`json.dumps(..., indent=...)` switches CPython to its pure-Python encoder, which made the exports an eighth of a
large build. Here only the outer levels are laid out one item per line; everything deeper is one compact line
written by the C encoder. The result is ordinary JSON, deterministic for a given value (keys keep their order).
"""

from __future__ import annotations

import json
from typing import Any

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _no_default(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _encoder() -> Any:
    """`_COMPACT.encode` without its per-call set-up (JSONEncoder.encode makes a new C encoder at every call,
    which cost more than encoding the small dicts the exports are made of): the same C encoder, made once,
    with the same settings and no check for circular values (exports are trees). The Python encoder where the
    C one is missing."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _COMPACT.encode
    encoder = make(None, _no_default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(encoder(value, 0))


_ENCODE = _encoder()


def dumps(value: Any, levels: int = 2, indent: str = " ") -> str:
    """`value` as JSON text: containers down to `levels` deep one member per line, deeper ones on one line."""
    out: list[str] = []
    _write(value, levels, indent, "", out)
    return "".join(out)


def dump_bytes(value: Any, levels: int = 2) -> bytes:
    """A whole export file: JSON, a final newline, UTF-8."""
    return (dumps(value, levels) + "\n").encode("utf-8")


def _write(value: Any, levels: int, indent: str, pad: str, out: list[str]) -> None:
    if levels <= 0 or not isinstance(value, (dict, list)) or not value:
        out.append(_ENCODE(value))
        return
    inner = pad + indent
    if isinstance(value, dict):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append(("\n" if i == 0 else ",\n") + inner + _ENCODE(str(key)) + ": ")
            _write(item, levels - 1, indent, inner, out)
        out.append("\n" + pad + "}")
    else:
        out.append("[")
        for i, item in enumerate(value):
            out.append(("\n" if i == 0 else ",\n") + inner)
            _write(item, levels - 1, indent, inner, out)
        out.append("\n" + pad + "]")
