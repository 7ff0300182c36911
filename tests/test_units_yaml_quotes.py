"""yaml_quotes.ended_early: which quote ended a quoted value before its text did (a pure function of the text)."""

from __future__ import annotations

import pytest

from dossier.core.load.yaml_quotes import ended_early


def _at(text: str, after: str) -> int:
    """The index of the first character after `after` in `text` (where PyYAML stops)."""
    return text.index(after) + len(after)


@pytest.mark.parametrize("text, after, line, col, quote", [
    ('title: "He said "yes" to it"\n', 'said "', 1, 17, '"'),
    ("title: 'It's here'\n", "'It'", 1, 11, "'"),
    ("a: 1\nquote: \"text\"  extra\n", '"text"  ', 2, 13, '"'),
    ("annotations:\n  - note: 'a 'b' c'\n", "'a '", 2, 14, "'"),
    ("tags:\n  - 'x'y\n", "'x'", 2, 7, "'"),
])
def test_the_quote_that_ended_the_value_is_named_with_how_to_keep_it_inside(text, after, line, col, quote) -> None:
    found = ended_early(text, _at(text, after))
    assert found is not None and found[:2] == (line, col) and text.splitlines()[line - 1][col - 1] == quote
    assert f"this {quote} ends the value" in found[2]
    assert ("twice" if quote == "'" else '\\"') in found[3]


@pytest.mark.parametrize("text, after", [
    ("a: b c\nd\n", "a: b c\n"),              # no quote before the stop
    ('a: "x" # note\n', '"x" '),              # a comment after a closed quote is fine
    ('a: "x"\n', '"x"'),                      # the line ends there
    ("a: 'x \"y\" z\n", '"y"'),               # a quote of the other kind than the opening one
    ('- "x\n  y" z\n', 'y"'),                 # the value opened on an earlier line
])
def test_nothing_is_said_where_no_quoted_value_ended_early(text: str, after: str) -> None:
    assert ended_early(text, _at(text, after)) is None
