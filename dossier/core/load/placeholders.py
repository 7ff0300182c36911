"""Placeholders left to fill in: a value that starts with "TODO" (what `--suggest` writes in the title, the
question and the summary of the stubs it offers). Such a stub builds, and its "TODO: who or what is …?" would be
published as the entity's summary; a warning (`placeholder`, a check whose level site.yaml may set) says where.
Pure: reads the parsed YAML, returns problems.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..common.errors import Problem, warning
from .yamlsrc import Loaded

# (XXX but before a capitalised word: "XXX check the date" is a marker, "XXX Corps" a Roman numeral)
_TODO = re.compile(r"^\s*(?:(?:TODO|TBD|FIXME)\b|XXX\b(?!\s+[A-Z][a-z]))")


# the seed's own words (quotes, and the names matched in the text), never a placeholder
_VERBATIM = frozenset({"quote", "prefix", "suffix", "aliases", "alias", "context"})


def _texts(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _VERBATIM or not path:  # (a top-level key is an id: an entity may be called "quote")
                yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def placeholders(loaded: Loaded) -> tuple[Problem, ...]:
    """A `placeholder` warning at each value that starts with TODO, TBD, FIXME or XXX (not "XXX Corps")."""
    problems = []
    for path, text in _texts(loaded.data, ()):
        found = _TODO.match(text)
        if found:
            line, col = loaded.at(path)
            key = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            problems.append(warning(loaded.file, line, col, f'{key} is a placeholder left to fill in: "{shown}"',
                                    "write it (or remove the key) before publishing; site.yaml's checks: "
                                    "placeholder: ignore silences this while drafting", "placeholder"))
    return tuple(problems)
