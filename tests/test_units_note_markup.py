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


@pytest.mark.parametrize("note, found", [
    ("See [the report](https://e.org/a report.pdf) now", ["[the report](https://e.org/a report.pdf)"]),
    ("[see also(entity:benjamin-netanyahu), he said", ["[see also(entity:benjamin-netanyahu)"]),
    ("[ok](https://e.org/a \"its title\"), [ok](<https://e.org/a b>), [ok](entity:x)", []),
    ("`[x](https://e.org/a b)` is code", []),
    ("a (b) [c] (d) and [e] (https://e.org)", []),
    ("[spaced]( article:one ) and [tab](entity:x\t) are read as links", []),  # (review 67)
])
def test_a_link_markdown_does_not_read_is_said_where_it_is_written(note: str, found: list[str]) -> None:
    """Review 58: a space in a link's address, or its text left open before the address, and the link was
    published as its brackets and address, with no word. (Markdown reads neither as a link.)"""
    from markdown_it import MarkdownIt

    problems = note_markup(note, AT)
    assert [p.message.rsplit(', "', 1)[1][:-1] for p in problems] == found
    assert all(p.check == "note-markup" and p.severity == "warning" for p in problems)
    rendered = MarkdownIt("commonmark").renderInline(note)
    assert all(text in rendered.replace("&quot;", '"') for text in found)  # (shown as written: no link made)
