"""The terminal boundary: every text the shell prints passes through `visible` (core/controls.py), via `say`
or `VisibleStream`, so a contributed seed or YAML value can never send escape sequences to the editor's terminal.
"""

from __future__ import annotations

import sys
from typing import TextIO

from .core.controls import visible

__all__ = ["VisibleStream", "say", "visible"]


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
