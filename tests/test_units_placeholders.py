"""Placeholders left to fill in (dossier/core/load/placeholders.py)."""

from __future__ import annotations

from dossier.core.load.placeholders import placeholders
from dossier.core.load.yamlsrc import parse_yaml


def test_values_that_start_with_todo_are_placeholders_but_quotes_never() -> None:
    text = ("title: TODO\nsummary: Talks resume; TODO later\nannotations:\n  - id: a\n    quote: TODO list\n"
            "    prefix: XXX\n    note: TBD - ask the desk\n    tags: [FIXME]\n")
    loaded, problems = parse_yaml("content/articles/a.yaml", text)
    assert loaded is not None and not problems
    found = placeholders(loaded)
    assert [(p.line, p.col, p.check, p.severity) for p in found] == [
        (1, 8, "placeholder", "warning"), (7, 11, "placeholder", "warning"), (8, 12, "placeholder", "warning")]
    assert found[0].message == 'title is a placeholder left to fill in: "TODO"'
    assert found[1].message.startswith("annotations[0].note is a placeholder")
    assert not placeholders(parse_yaml("x.yaml", "title: Todos los días\nnote: TODOS\n")[0])
    roman = ("corps:\n  name: XXX Corps\n  aliases: [TODO Inc]\n  exclude:\n    - {alias: TBD, context: FIXME now}\n"
             "  note: 'XXX: fill'\n  summary: XXX check the date\n")
    assert [p.line for p in placeholders(parse_yaml("x.yaml", roman)[0])] == [6, 7]  # (the note, the summary)
    entity = "quote:\n  name: Quote Inc\n  summary: TODO\n"  # (an entity whose id is "quote")
    assert [p.line for p in placeholders(parse_yaml("x.yaml", entity)[0])] == [3]
