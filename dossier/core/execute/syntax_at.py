"""Where in a template a Jinja syntax error is: the line and the column of the tag at fault.

Jinja says only the line (its lexer keeps no columns), and for a block left open, the template's last line:
"Unexpected end of template … The innermost block that needs to be closed is 'if'" at line 40 of a file whose
`{% if %}` is on line 3. An editor then looks for the mistake in the wrong place. Pure: parses the template's
text again, only when it has a syntax error.

- A tag at fault on the line Jinja names: the first tag of that line such that the template up to the end of
  that tag fails with the same message on the same line (the parser stops at the tag it cannot take; a shorter
  prefix fails otherwise, with an end of template).
- A block left open: the innermost opening tag without its end, found by matching block tags in order.
"""

from __future__ import annotations

import re

import jinja2

_TAG = re.compile(r"\{%-?\s*(\w*).*?-?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
_INNERMOST = re.compile(r"innermost block that needs to be closed is '(\w+)'")
_BLOCKS = frozenset({"if", "for", "block", "macro", "call", "filter", "with", "raw", "autoescape", "trans"})


def _line_col(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def _open_block(source: str, name: str, before: int) -> tuple[int, int] | None:
    """(line, column) of the innermost `{% name %}` left open before offset `before`, or None if the tags do
    not tell."""
    stack: list[tuple[str, int]] = []
    for tag in _TAG.finditer(source, 0, before):
        word = tag.group(1) or ""
        if word in _BLOCKS or word == "set" and "=" not in tag.group():
            stack.append((word, tag.start()))
        elif word.startswith("end") and stack and stack[-1][0] == word[3:]:
            stack.pop()
    for word, start in reversed(stack):
        if word == name:
            return _line_col(source, start)
    return None


def _same(env: jinja2.Environment, text: str, exc: jinja2.TemplateSyntaxError) -> bool:
    try:
        env.parse(text)
    except jinja2.TemplateSyntaxError as other:
        return other.lineno == exc.lineno and other.message == exc.message
    return False


def _at_fault(env: jinja2.Environment, source: str, exc: jinja2.TemplateSyntaxError) -> int | None:
    """The offset of the tag the parser stopped at, on Jinja's line, or None. The template up to a tag before
    it fails otherwise (or parses), up to it or any tag after it fails the same way: the first such tag is
    found by bisection, a few parses for a line of many tags."""
    line, tags, seen, at = exc.lineno or 1, [], 1, 0
    for tag in _TAG.finditer(source):
        seen += source.count("\n", at, tag.start())   # (the line the tag begins on, counted as we go)
        at = tag.start()
        if seen > line:
            break
        if seen + source.count("\n", tag.start(), tag.end()) >= line:
            tags.append(tag)
    low, high = 0, len(tags)
    while low < high:
        middle = (low + high) // 2
        if _same(env, source[:tags[middle].end()], exc):
            high = middle
        else:
            low = middle + 1
    return tags[low].start() if low < len(tags) else None  # (a tag found is one whose prefix failed the same)


def syntax_at(env: jinja2.Environment, source: str, exc: jinja2.TemplateSyntaxError) -> tuple[int, int, str]:
    """(line, column, a note for the hint) of `exc`'s mistake in `source`. A block left open at the end of the
    template is placed at its opening tag; a wrong end tag at that tag, its note naming where the block that
    is still open begins. Jinja's line and column 1, and no note, when it cannot be told."""
    message = exc.message or ""
    unknown = unknown_name_at(env, source, exc.lineno or 1, message)
    if unknown:
        return unknown
    innermost = _INNERMOST.search(message)
    if message.startswith("Unexpected end of template") and innermost:
        return (*(_open_block(source, innermost.group(1), len(source)) or (exc.lineno or 1, 1)), "")
    offset = _at_fault(env, source, exc)
    if offset is None:
        return exc.lineno or 1, 1, ""
    opened = _open_block(source, innermost.group(1), offset) if innermost else None
    note = f"the {{% {innermost.group(1)} %}} of line {opened[0]} is still open here" if innermost and opened else ""
    return (*_line_col(source, offset), note)


_NO_SUCH = re.compile(r"^No (filter|test) named '([\w.]+)'")


def unknown_name_at(env: jinja2.Environment, source: str, line: int, message: str) -> tuple[int, int, str] | None:
    """`_unknown_name` for Jinja's "No filter named 'x'" or "No test named 'x' found." (a test in an {% if %}
    is looked up only when it runs), else None."""
    unknown = _NO_SUCH.match(message)
    return _unknown_name(env, source, line, unknown.group(1), unknown.group(2)) if unknown else None


def _unknown_name(env: jinja2.Environment, source: str, line: int, kind: str, name: str) -> tuple[int, int, str]:
    """(line, column, note) of a filter or test Jinja does not have (known only when the template is compiled,
    so the parse that finds the other tags cannot): where it is written on Jinja's line ("| uper", "is
    evenn"), the note naming the one meant when one is close."""
    from ..common.errors import did_you_mean

    lines = source.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    written = re.search((r"\|\s*" if kind == "filter" else r"\bis\s+(?:not\s+)?") + re.escape(name) + r"\b", text)
    col = text.index(name, written.start()) + 1 if written else 1
    return line, col, did_you_mean(name, env.filters if kind == "filter" else env.tests)
