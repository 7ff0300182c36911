"""Where a template's syntax error is (dossier/core/execute/syntax_at.py): Jinja says the line only, and for a
block left open the template's last line."""

from __future__ import annotations

import jinja2
import pytest

from dossier.core.execute.syntax_at import syntax_at

ENV = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)


def _error(source: str) -> jinja2.TemplateSyntaxError:
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        ENV.parse(source)
    return caught.value


@pytest.mark.parametrize("source, place, note", [
    ('{% extends "base.html" %}\n{% block content %}{% if %}{% endblock %}', (2, 20), ""),  # the empty if
    ("<p>{{ a }} {{ b | }}</p>", (1, 12), ""),                                              # the second output
    ("<p>{{ a.b( }}</p>", (1, 4), ""),
    # a wrong end tag: that tag, and where the block still open begins
    ("{% for a in b %}{{ a }}{% endif %}", (1, 24), "the {% for %} of line 1 is still open here"),
    ("{% if a %}\n  {% for c in d %}{% endfor %}\n  {% for e in f %}\n<p>x</p>\n{% endif %}\n", (5, 1),
     "the {% for %} of line 3 is still open here"),
    ("{% block x %}\n  {% if a %}{% for c in d %}{% endfor %}\n{% endblock %}\n", (3, 1),
     "the {% if %} of line 2 is still open here"),
    # a block left open at the end: its opening tag, not the template's last line
    ("a\n{% if x %}\n<p>{{ y }}</p>\n", (2, 1), ""),
    ("{% macro m() %}\n{% set x %}ab{% endset %}{% set y = 1 %}\n", (1, 1), ""),
    ("{{ a }}\n{{ b }}\n{% if c }}\n", (3, 1), ""),                                   # untold: Jinja's line
])
def test_the_place_is_the_tag_at_fault(source: str, place: tuple[int, int], note: str) -> None:
    assert syntax_at(ENV, source, _error(source)) == (*place, note)


def test_without_the_source_it_is_jinjas_line_and_column_one() -> None:
    exc = _error("a\n{{ b | }}")
    assert syntax_at(ENV, "", exc) == (2, 1, "")
