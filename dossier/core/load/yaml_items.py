"""A list's item swallowed by a text value above it: valid YAML, so a warning, at the line that reads as one.

An annotation pasted below a folded summary,

    summary: >-
      The talks resume next week.
      - id: cairo
        quote: the talks would resume once the delegation returned

is indented under `summary:`, so YAML reads it as more of the summary's text: the build would publish its lines
in the summary and lose the annotation without a word. A line of a text value that starts "- " and, with the
lines indented under it, names every key the items of one of the mapping's lists require (the file's JSON
Schema: an annotation's id and quote, a witness's article and quote) is told of; a Markdown list in a summary
("- date: misprinted") names no such set, and is left alone. Mappings are followed down as the schema describes
them (an entity under its id: a role below its summary), and into the items of their lists: an annotation
pasted under the `note: >-` of the one above it reads as more of that note, and is told of as an item of
"annotations".

A key written under a text value the same way (`tags: [a, b]` indented two spaces too far below `note: >-`, or an
entity's `wikidata:` indented with the lines of its `summary: >-`) is more of the text too: the tags were lost and
published as words of the note. A line of a text value that reads as a key its own mapping may have but does not
(with a value, or lines indented under it) is told of as well.
"""

from __future__ import annotations

import re
from collections import abc
from typing import Any, Mapping

from ..common.errors import Problem, warning

__all__ = ["items_in_text"]

_ITEM_LINE = re.compile(r"^([ \t]*)- ([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)")   # "  - id: cairo"
_KEY_LINE = re.compile(r"^([ \t]*)([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)")      # "    quote: …"


def items_in_text(loaded: Any, schema: Mapping[str, Any] | None) -> tuple[Problem, ...]:
    """A warning for each text value of `loaded` (yamlsrc.Loaded) holding a line that reads as an item of one of
    its mapping's lists, or as a key of its own mapping (see the module docstring); `schema`: the file's JSON
    Schema."""
    found: list[Problem] = []
    _in_mapping(loaded, schema, (), loaded.data, found, 0, {})
    return tuple(found)


# Each schema node's lists, by the node's id with the node itself (so a reused id is never taken for it): a
# build asks them of the article schema's annotation node once per annotation (11,000 times at 1,000 articles)
_LISTS: dict[int, tuple[Mapping[str, Any], dict[str, Mapping[str, Any]]]] = {}


def _lists(node: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The lists of mappings a mapping of schema `node` may have: key → the schema of their items."""
    kept = _LISTS.get(id(node))
    if kept is not None and kept[0] is node:
        return kept[1]
    own = node.get("properties") or {}
    # (collections.abc's Mapping: typing's checks the same through Python code, 3 µs a time)
    found = {k: v["items"] for k, v in own.items()
             if isinstance(v, abc.Mapping) and isinstance(v.get("items"), abc.Mapping) and v["items"].get("properties")}
    if len(_LISTS) > 64:  # (the schemas' nodes are a few dozen; nodes made on the fly are not kept for ever)
        _LISTS.clear()
    _LISTS[id(node)] = (node, found)
    return found


def _in_mapping(loaded: Any, node: Any, path: tuple[Any, ...], data: Any, found: list[Problem], depth: int,
                outer: Mapping[str, Mapping[str, Any]]) -> None:
    """Check the text values of the mapping `data` (schema `node`) at `path`, and the mappings below it. `outer`:
    when `data` is an item of a list, that list (its key → its items' schema), which a line of its text may
    read as an item of too (an annotation pasted under the note of the one above it)."""
    if not isinstance(data, dict) or not isinstance(node, abc.Mapping) or depth > 3:
        return
    own, lists = node.get("properties") or {}, _lists(node)
    for key, value in data.items():
        if isinstance(value, str) and "\n" in loaded.raw(path + (key,)):
            problem = _item_in(loaded, path, key, data, {**outer, **lists}, set(outer)) or \
                _key_in(loaded, path, key, data, own)
            if problem is not None:
                found.append(problem)
        elif isinstance(value, dict):
            _in_mapping(loaded, own.get(key) if key in own else node.get("additionalProperties"), path + (key,),
                        value, found, depth + 1, {})
        elif isinstance(value, list) and key in lists:
            for i, item in enumerate(value):
                _in_mapping(loaded, lists[key], path + (key, i), item, found, depth + 1, {key: lists[key]})


def _item_in(loaded: Any, path: tuple[Any, ...], key: str, data: Mapping[str, Any],
             lists: Mapping[str, Mapping[str, Any]], around: set[str]) -> Problem | None:
    """The warning for the first line of the text at `path + (key,)` that reads as an item of one of `lists`
    (`around`: those of them that hold the mapping itself, whose items are its siblings)."""
    lines = loaded.raw(path + (key,)).split("\n")
    start = loaded.at(path + (key,))[0]
    for n, line in enumerate(lines[1:], 1):
        item = _ITEM_LINE.match(line)
        if not item:
            continue
        keys = {item.group(2)} | _keys_under(lines[n + 1:], len(item.group(1)))
        into = next((k for k, items in lists.items() if k != key and _names_one(keys, items)), None)
        if into is None:
            continue
        if into in around:
            hint = f'if it is one, unindent it and the lines under it to line up with the "- " of the item it is ' \
                   f'part of (line {loaded.at(path)[0]})'
        else:
            hint = "if it is one, move it and the lines under it into " + \
                (f'the list "{into}" (line {loaded.key_at(path + (into,))[0]})' if into in data else
                 f'a list "{into}:" of its own')
        return warning(loaded.file, start + n, len(item.group(1)) + 1, f'this line is part of the text of "{key}" '
                       f'(it is indented under it), though it reads as an item of "{into}"', hint,
                       "yaml-item-in-text")
    return None


def _key_in(loaded: Any, path: tuple[Any, ...], key: str, data: Mapping[str, Any], own: Mapping[str, Any]
            ) -> Problem | None:
    """The warning for the first line of the text at `path + (key,)` that reads as a key its own mapping may
    have and does not (`tags: [a, b]` indented under the `note: >-` above it: the tags were lost, and published
    as words of the note)."""
    lines = loaded.raw(path + (key,)).split("\n")
    start = loaded.at(path + (key,))
    for n, line in enumerate(lines[1:], 1):
        found = _KEY_LINE.match(line)
        if not found or found.group(2) == key or found.group(2) not in own or found.group(2) in data:
            continue
        if not line[found.end():].strip() and not _deeper(lines[n + 1:], len(found.group(1))):
            continue  # ("date:" alone on a line of prose, with nothing under it)
        return warning(loaded.file, start[0] + n, len(found.group(1)) + 1,
                       f'this line is part of the text of "{key}" (it is indented under it), though it reads as '
                       f'its sibling key "{found.group(2)}"',
                       f'if it is one, unindent it to line up with "{key}:" (column {loaded.key_at(path + (key,))[1]})',
                       "yaml-item-in-text")
    return None


def _deeper(lines: list[str], indent: int) -> bool:
    """Whether the first line of `lines` that is not blank is indented more than `indent`."""
    line = next((line for line in lines if line.strip()), "")
    return len(line) - len(line.lstrip(" \t")) > indent


def _keys_under(lines: list[str], dash: int) -> set[str]:
    """The keys of the lines after an item's "- " line indented as its first key (dash + 2), up to the first
    line indented no more than the dash."""
    keys: set[str] = set()
    for line in lines:
        if line.strip() and len(line) - len(line.lstrip(" \t")) <= dash:
            break
        found = _KEY_LINE.match(line)
        if found and len(found.group(1)) == dash + 2:
            keys.add(found.group(2))
    return keys


def _names_one(keys: set[str], items: Mapping[str, Any]) -> bool:
    """Whether `keys` name an item of the list whose items' schema is `items`: every key it requires (two of its
    keys at least, when it requires none), and none it does not have."""
    known = set(items.get("properties") or ())
    needed = set(items.get("required") or ())
    return keys <= known and (needed <= keys if needed else len(keys) >= 2)
