"""The terminal boundary: every text the shell prints (problems via `report`) passes through `visible`
(core/common/controls.py), via `say` or `VisibleStream`, so a contributed seed or YAML value can never send escape
sequences to the editor's terminal.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Mapping, TextIO

from ..core.common.controls import visible, visible_name

if TYPE_CHECKING:
    from ..core.pipeline import BuildResult

__all__ = ["VisibleStream", "formatted", "report", "say", "visible", "visible_name"]


def say(text: str = "", file: TextIO | None = None, flush: bool = False) -> None:
    """print(), through `visible`: the one way the shell writes to the terminal."""
    print(visible(text), file=file if file is not None else sys.stdout, flush=flush)


class VisibleStream:
    """A text stream that writes through `visible`: for code that prints to a stream it was given."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(visible(text))

    def flush(self) -> None:
        self.stream.flush()


def formatted(result: BuildResult, sources: Mapping[str, bytes | str]) -> list[str]:
    """Each problem as printed, in the order an editor fixes them (errors.reading_order: the errors first,
    site.yaml's leading): its `file:line:col: severity: message` line, the source line with a caret under the
    column, and its hint."""
    from ..core.common.errors import reading_order
    from ..core.common.snippet import format_problem
    return [format_problem(p, sources) for p in reading_order(result.problems)]


def report(result: BuildResult, stream=None, sources: Mapping[str, bytes | str] | None = None) -> tuple[int, int]:
    """Print every problem with its snippet (control characters made visible).
    Returns (errors, warnings)."""
    stream = stream if stream is not None else sys.stderr
    errors = sum(p.severity == "error" for p in result.problems)
    warnings = len(result.problems) - errors
    for text in formatted(result, sources or {}):
        say(text, file=stream)
    return errors, warnings
