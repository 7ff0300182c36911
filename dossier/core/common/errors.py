"""Problems: the one way every stage reports bad input.

Stages never raise for bad input; they return values plus a tuple of Problems, so a build can list every
problem at once (MkDocs' collect-then-fail) and the live preview can show them in the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input.

    Invariant: `file` is a path relative to the dossier root (posix separators); `line` and `col` are
    1-based, 0 meaning "unknown"; `message` is one sentence without a trailing period; `hint` says what
    to do about it (may be empty).
    """

    file: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str = ""
    check: str = ""  # the named check that produced it, so site.yaml can change its level

    def format(self) -> str:
        """`path:line:col: severity: message` plus an indented `hint:` line, as compilers print."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += "\n    hint: " + self.hint.replace("\n", "\n          ")
        return text


def error(file: str, line: int, col: int, message: str, hint: str = "", check: str = "") -> Problem:
    return Problem(file, line, col, "error", message, hint, check)


def warning(file: str, line: int, col: int, message: str, hint: str = "", check: str = "") -> Problem:
    return Problem(file, line, col, "warning", message, hint, check)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint for a misspelt key or id, or "" when nothing is close."""
    choices = sorted(set(choices))
    if not choices:
        return ""
    import difflib  # (asked only where something is wrong: imported then)

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else ""


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Deterministic order: by file, then position, then text; duplicates removed."""
    return tuple(sorted(set(problems)))
