"""Control characters made visible: `visible` for text echoed to a terminal, a log or the preview's overlay,
`visible_controls` for the pages (as symbols).

Seeds and editors' YAML are contributed text, and problems, warnings, suggestions and the live preview's log
repeat pieces of them. A raw ESC in such a piece is a terminal command (clear the screen, retitle the window,
on some terminals write files or fake a prompt); a bidi override makes a line read differently from what it
says. So control characters are shown as escapes instead: ESC as `\\x1b`, other C0/C1 controls and DEL as
`\\xNN`, the soft hyphen (invisible where it does not break a line: "mem\\u00adbers" and "members" looked alike in a
hint) as `\\xad`, bidi controls, line/paragraph separators, lone surrogates and the invisible zero-width space, word
joiner and zero-width no-break space as `\\uNNNN`. Newlines (the layout of multi-line messages and hints) and
tabs stay as they are; a carriage return does not (it would let a line overwrite the one before it). In a file's
name they are no layout, and `visible_name` shows them too (`names_made_visible` in a text that holds names). Pure:
the shell's terminal.py prints through it, the core's snippet and a problem's `format` use it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

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


# In a name (a file's, a folder's), a line feed and a tab are no layout: printed as they are, "seeds/x\nbuilt 91
# pages into ~site; 0 errors…\n.txt" made lines of its own, a forged summary (review 163)
_UNSAFE_IN_NAME = re.compile("[\t\n" + _UNSAFE.pattern[1:])


def visible_name(name: str) -> str:
    """A file name (or any one-line text: a problem's message) with every control character made visible, the line
    feed and the tab too (`\x0a`, `\x09`); printable names (Hebrew, accents) unchanged."""
    return _UNSAFE_IN_NAME.sub(_escape, name)


def names_made_visible(text: str, names: Iterable[str]) -> str:
    """`text` (a hint, whose line feeds are its layout) with each of `names` that holds a line feed or a tab, its last
    part and that part without its extension (as messages name a seed: "x\n.txt", "x\n"), as `visible_name`
    shows it: the longest first, so that a name inside another is made visible once."""
    parts = {part for name in names if _LAYOUT.search(name)
             for part in (name, name.rsplit("/", 1)[-1], name.rsplit("/", 1)[-1].rsplit(".", 1)[0])}
    for part in sorted((p for p in parts if _LAYOUT.search(p) and _LAYOUT.sub("", p)), key=len, reverse=True):
        text = text.replace(part, visible_name(part))
    return text


_LAYOUT = re.compile("[\t\n]")


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
