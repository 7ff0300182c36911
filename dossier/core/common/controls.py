"""Control characters made visible: `visible` for text echoed to a terminal, a log or the preview's overlay,
`visible_controls` for the pages (as symbols).

Seeds and editors' YAML are contributed text, and problems, warnings, suggestions and the live preview's log
repeat pieces of them. A raw ESC in such a piece is a terminal command (clear the screen, retitle the window,
on some terminals write files or fake a prompt); a bidi override makes a line read differently from what it
says. So control characters are shown as escapes instead: ESC as `\\x1b`, other C0/C1 controls and DEL as
`\\xNN`, the soft hyphen (invisible where it does not break a line: "mem\\u00adbers" and "members" looked alike in a
hint) as `\\xad`, bidi controls, line/paragraph separators, lone surrogates and the invisible zero-width space, word
joiner and zero-width no-break space as `\\uNNNN`. Newlines (the layout of multi-line messages and hints) and
tabs stay as they are; a carriage return does not (it would let a line overwrite the one before it). Pure: the
shell's terminal.py prints through it, the core's snippet uses it.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls; the soft hyphen; bidi embeddings/overrides/isolates and marks; line and
# paragraph separators; lone surrogates (file names that are not UTF-8 arrive as surrogate escapes); the
# zero-width space, word joiner and zero-width no-break space, which no script needs and which hide in ids
# (not the zero-width joiner and non-joiner: emoji and Persian or Indic text need those).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060"
                     "\u2066-\u2069\ufeff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character made visible (see the module docstring); printable text unchanged."""
    return _UNSAFE.sub(_escape, text)


# C0 controls (but tab, newline, carriage return) and DEL are not allowed in HTML; bidi embedding/override/isolate
# controls would silently reorder the evidence on screen. Both are shown as visible symbols instead: the page
# still shows that the character is there (faithful), and nothing is hidden or reversed by it (safe).
_VISIBLE = {c: chr(0x2400 + c) for c in range(0x20) if c not in (9, 10, 13)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: f"[U+{c:04X}]" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})

_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_VISIBLE)) + "]")


def visible_controls(value: Any) -> Any:
    """Controls made visible in a text (escaped text or trusted HTML alike)."""
    if isinstance(value, str) and _CONTROLS.search(value):  # rare: scan first, copy only when needed
        return type(value)(value.translate(_VISIBLE))
    return value
