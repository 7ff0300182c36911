"""A problem shown the way rustc and Hugo show one: its header, the line of the file it is about, and a caret
under the column.

    content/articles/a.yaml:4:7: error: "March 22, 2024" does not have the expected form (at date)
       |
     4 | date: March 22, 2024
       |       ^
        hint: write dates as YYYY-MM-DD, e.g. 2024-03-22

The first line and the `    hint:` line are exactly `Problem.format()`'s, so tools that read those keep
working; the snippet sits between them. Pure: the shell, which has read the inputs, passes their text in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from typing import Mapping

from .controls import names_made_visible, visible as shown
from .identity import SameObjects
from .errors import Problem
from .utf16 import utf16_order

Sources = Mapping[str, "bytes | str"]
_TAB_WIDTH = 4
_NAMES: SameObjects[list[str]] = SameObjects()  # (the names of the last `sources` that hold a line feed or a tab)
_LAYOUT = re.compile("[\t\n]").search
WIDTH = 120  # characters of a long source line shown, around the column (a minified 2 MB line stays one row)


def visible(text: str) -> str:
    """A source line safe to echo to a terminal (controls.visible: ESC shown as \\x1b, bidi overrides as
    \\u202e); a tab becomes spaces so that the caret lines up."""
    return shown(text.replace("\t", " " * _TAB_WIDTH))


def place(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of character `at` of `text`, lines ending at LF, CR LF or a lone CR (as YAML
    reads them, and as `source_line` shows them)."""
    before = text[:at]
    if "\r" in before.replace("\r\n", "\n"):  # (a file saved with CR line endings, as old Macs did)
        lines = re.split(r"\r\n|\r|\n", before)
        return len(lines), len(lines[-1]) + 1
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def source_line(sources: Sources, file: str, line: int) -> str | None:
    """Line `line` (1-based) of `file` as text, or None when the file or the line is not there."""
    data = sources.get(file)
    if data is None or line < 1:
        return None
    lines = _lines(data)
    return lines[line - 1] if line <= len(lines) else None


# (a file's text, its lines): the last file asked about. Problems come sorted by file (errors.sort_problems), and
# each decoded and split its whole file: 5,000 errors in 2 MB of YAML took 45 s to print. The text is kept with
# its lines, so another text cannot be taken for it; one tuple, read and replaced at once (the live preview).
_LAST: list[tuple[bytes | str | None, list[str]]] = [(None, [])]


def _lines(data: bytes | str) -> list[str]:
    """The lines of a file's text (bytes decoded as `_codec` says), those of the last file again when it is the
    very same object."""
    kept, lines = _LAST[0]
    if kept is not data:
        text = data.decode(_codec(data), "replace") if isinstance(data, bytes) else data
        lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")  # (CR alone: old Macs)
        _LAST[0] = (data, lines)
    return lines


def _codec(data: bytes) -> str:
    """UTF-8, or UTF-16 for a file saved so (its error says it is: its line is shown as text, not as NULs)."""
    found = utf16_order(data)
    if found is None:
        return "utf-8"
    return "utf-16" if found[1] else f"utf-16-{found[0][0]}e"


def snippet(problem: Problem, sources: Sources) -> str:
    """The gutter, the source line and the caret for `problem`; "" when its line is unknown or not in `sources`."""
    text = source_line(sources, problem.file, problem.line)
    if text is None:
        return ""
    number = str(problem.line)
    pad = " " * len(number)
    text = text.rstrip("\n")
    col = min(problem.col, len(text) + 1)
    start = max(0, min(col - 1 - WIDTH // 3, len(text) - WIDTH)) if len(text) > WIDTH else 0
    before = ("…" if start else "") + text[start:max(col - 1, start)]
    rest = text[max(col - 1, start):start + WIDTH]
    shown = visible(before + rest + ("…" if start + WIDTH < len(text) else ""))
    lines = [f"   {pad} |", f"   {number} | {shown}"]
    if problem.col > 0:
        lines.append(f"   {pad} | {' ' * display_width(visible(before))}^")
    return "\n".join(lines)


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: none for a combining mark (Hebrew points, Arabic harakat, accents
    written apart) or a format character, two for a wide one (CJK), one for the rest; so that the caret stands
    under its character (it drifted right by one a point in a pointed Hebrew line)."""
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf") else
               2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def format_problem(problem: Problem, sources: Sources) -> str:
    """`problem.format()` with the source snippet between its header and its hint; the names of `sources` that hold
    a line feed or a tab shown as escapes in its hint too (controls.names_made_visible), as in its header."""
    if _LAYOUT(problem.hint):  # (rare: a hint of several lines)
        names = _NAMES.get("names", (sources,), lambda: [n for n in sources if _LAYOUT(n)])
        problem = replace(problem, hint=names_made_visible(problem.hint, names))
    text = problem.format()
    shown = snippet(problem, sources)
    if not shown:
        return text
    header, _, rest = text.partition("\n")
    return header + "\n" + shown + ("\n" + rest if rest else "")
