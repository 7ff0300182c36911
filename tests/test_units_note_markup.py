"""Markdown a note does not show (dossier/core/load/note_markup.py)."""

from __future__ import annotations

import pytest

from dossier.core.load.model import Origin
from dossier.core.load.note_markup import note_markup

AT = Origin("content/articles/a.yaml", 7, 11, raw="")


@pytest.mark.parametrize("note, kinds", [
    ("| a | b |\n| - | - |", ["a table"]),
    ("Two:\n\n- one\n- two", ["a list"]),
    ("Steps:\n\n1. first\n2. second", ["a list"]),
    ("> quoted", ["a quotation block"]),
    ("```\ncode\n```", ["a code block"]),
    ("## Heading", ["a heading"]),
    ("See ![chart](https://e.org/c.png).", ["an image"]),
    ("*Emphasis*, `code`, [a link](https://e.org) and a footnote[^1].\n\n[^1]: Here.", []),
    ("In 2024 the army said so; a - b - c; 3 > 2.", []),
    # lines of a wrapped sentence (review): no block is meant where no paragraph begins
    ("The war began in\n1948. Since then", []), ("killed\n- according to the ministry", []),
    ("More than\n> 1,000 were displaced", []), ("The slogan\n# AllEyesOnRafah spread", []),
    ("* The ministry does not separate civilians", ["a list"]),
    ("", []),
])
def test_block_markdown_in_a_note_is_said_once_per_kind(note: str, kinds: list[str]) -> None:
    found = note_markup(note, AT)
    assert [p.message.split(": ", 1)[1].rsplit(" is shown", 1)[0] for p in found] == kinds
    assert all((p.severity, p.check) == ("warning", "note-markup") for p in found)
