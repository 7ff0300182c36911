"""Control characters made visible in text echoed to a terminal, a log or the preview's overlay.

Seeds and editors' YAML are contributed text, and problems, warnings, suggestions and the live preview's log
repeat pieces of them. A raw ESC in such a piece is a terminal command (clear the screen, retitle the window,
on some terminals write files or fake a prompt); a bidi override makes a line read differently from what it
says. So control characters are shown as escapes instead: ESC as `\\x1b`, other C0/C1 controls and DEL as
`\\xNN`, bidi controls, line/paragraph separators and lone surrogates as `\\uNNNN`. Newlines (the layout of
multi-line messages and hints) and tabs stay as they are; a carriage return does not (it would let a line
overwrite the one before it). Pure: the shell's terminal.py prints through it, the core's snippet uses it.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings/overrides/isolates and marks; line and
# paragraph separators; lone surrogates (file names that are not UTF-8 arrive as surrogate escapes).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character made visible (see the module docstring); printable text unchanged."""
    return _UNSAFE.sub(_escape, text)
