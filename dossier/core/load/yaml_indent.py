"""A key indented less than the lines around it, found where it is rather than where PyYAML noticed it.

An annotation's key dedented to the top of the file, between two annotations,

    annotations:
      - id: a
        tags: [figures]
    entities: [israel]
      - id: b

is valid YAML up to its own line (a key of the file itself, which ends the list of annotations); PyYAML stops a
line later, at the next annotation, whose indentation then matches nothing. The mistake is most likely the
dedented key: it is the one shown, with the indentation of the keys of the item above it, and the line PyYAML
stopped at named in the hint, for when the key was meant where it is. Unless the file's schema says otherwise:
a key of the file that its list's items do not have (`summary:` after the annotations) is where it belongs, and
the item after it is the one out of place, so that item is shown, to be moved up into its list. A key of an
item indented less than the item's other keys, but not less than its "- " (`misaligned_key`), is told of where
PyYAML stopped, with the indentation of those keys. The same item pasted after a key whose value takes more than
one line (a quoted or plain text running on), or at the start of its line (`stray_item`), is named too, and so
is a list's first item written without its "- " (`undashed_first_item`; `undashed_at_dash` when the two spaces
were not put back either). Other indentation mistakes are told of where PyYAML stopped (yamlsrc._syntax).
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from .pyyaml import yaml

__all__ = ["dedented_key", "misaligned_key", "overindented_key", "stray_item", "undashed_at_dash",
           "undashed_first_item"]


def dedented_key(text: str, mark: Any, loader: Any, schema: Mapping[str, Any] | None = None,
                 stray_only: bool = False) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a key indented less than both the line above it and the list item
    PyYAML stopped at (`mark`, after it), when one is there, or of that item when `schema` (the file's JSON
    Schema) says the key belongs where it is (see the module docstring); else None. `loader`: yamlsrc's, whose
    scanner finds the keys. `stray_only`: only that item's message, and only when its first key is one of its
    list's items' (PyYAML read the item as more of a plain value above it: "mapping values are not allowed",
    which may as well be a ": " in the value's own text)."""
    if mark is None:
        return None
    lines = text.split("\n")
    written = _written(lines, mark.line)
    if len(written) < 2 or mark.line >= len(lines) or not lines[mark.line].lstrip().startswith("- "):
        return None  # (the case above: a list's next item where the parser stopped)
    line, above, dash = written[-1], written[-2], _indent(lines[mark.line])
    depth = _indent(lines[line])
    if not depth < min(_indent(lines[above]), dash):
        return None
    keys = _block_keys_before(text, mark.index, loader)
    if not any(k.line == line and k.column == depth for k in keys):
        return None  # (not a key: a line of text, or a list's item, is told of where PyYAML stopped)
    item = max((i for i in written[:-1] if _indent(lines[i]) == dash and lines[i].lstrip().startswith("- ")),
               default=None)
    own = [k for k in keys if item is not None and item <= k.line < line and k.column > dash]
    if not own:
        return None
    column = min(k.column for k in own)  # (the item's own keys: the least indented of the keys inside it)
    key = _key_of(lines[line])
    owner = max((i for i in written if i < item and _indent(lines[i]) < dash), default=None)
    listed = _list_key(lines, owner, depth)
    if listed == key:
        return None  # (the list's own key written again: PyYAML's message, at the item after it)
    holder = _holder(schema, lines, written, owner, depth)
    # (the key that ended the list is the first of the mapping after it: the item is to go above that one)
    ended = min((k.line for k in keys if owner is not None and k.column == depth and owner < k.line), default=line)
    if listed is not None and _of_the_file(holder, listed, key) and \
            _of_the_file(holder, listed, _key_of(lines[ended])) and \
            (not stray_only or _item_key(lines[mark.line], holder, listed)):
        return _comes_after(mark.line, dash, _key_of(lines[ended]), ended, listed)
    if stray_only:
        return None
    return (line + 1, depth + 1, f'"{key}" is indented less than the lines above and below it, so it ends the '
            "list above it", f"indent it by {column} spaces, to line up with the keys of the item above it (line "
            f"{item + 1}); if it belongs where it is, line {mark.line + 1} is the one indented wrong")


def stray_item(text: str, mark: Any, loader: Any, schema: Mapping[str, Any] | None
               ) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of the list item PyYAML stopped at (`mark`) when it comes after a key of the
    mapping its list belongs to, that `schema` gives the mapping and not the list's items, and the item's own
    first key is one of the items' (as `dedented_key` names it), where the key's value runs on over several
    lines or the item starts its line:

        annotations:
          - id: a
            quote: x
        summary: "The talks
          resume next week."
        - id: b

    The hint also gives the indentation of the list's items when the item's differs. Else None."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines) or not lines[mark.line].lstrip().startswith("- "):
        return None
    dash = _indent(lines[mark.line])
    keys = _block_keys_before(text, sum(len(line) + 1 for line in lines[:mark.line]), loader)
    key = max((k for k in keys if k.column <= dash), default=None, key=lambda k: k.index)
    if key is None or _items_at(lines, key.line) is not None or \
            any(_indent(lines[i]) <= key.column for i in _written(lines, mark.line) if i > key.line):
        return None  # (only the key's own value, running on, between it and the item; not a list of its own)
    written = _written(lines, key.line)
    listed = max((k for k in keys if k.column == key.column and k.line < key.line and
                  _items_at(lines, k.line) is not None), default=None, key=lambda k: k.index)
    if listed is None or any(_indent(lines[i]) < key.column for i in written if i > listed.line):
        return None  # (a list of the same mapping: none of its lines is indented less than the key)
    # the key that ended the list: the first after it (the item is to go above that one, not a later one)
    ended = min((k for k in keys if k.column == key.column and listed.line < k.line), key=lambda k: k.index)
    holder, items = _holder(schema, lines, written, key.line, key.column), _items_at(lines, listed.line)
    name, last, list_name = _key_of(lines[ended.line]), _key_of(lines[key.line]), _key_of(lines[listed.line])
    if list_name in (name, last) or not _of_the_file(holder, list_name, name) or \
            not _of_the_file(holder, list_name, last) or not _item_key(lines[mark.line], holder, list_name):
        return None
    return _comes_after(mark.line, dash, name, ended.line, list_name,
                        "" if items == dash else f", indented by {items} spaces like its other items")


def undashed_first_item(text: str, mark: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a list's first item written without its "- ", when PyYAML stopped at the
    list's next item (`mark`), which has one:

        witnesses:
            article: a
            quote: x
          - article: b

    The first item is read as a mapping under "witnesses", and the "- " after it fits nothing: PyYAML blamed the
    next item, which is right (review 127). The item is named where it begins when the lines between the list's
    key and the "- " are a mapping indented more than the "- ", whose first key the next item has too. Else None."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines) or not lines[mark.line].lstrip().startswith("- "):
        return None
    dash, written = _indent(lines[mark.line]), _written(lines, mark.line)
    start = len(written)
    while start and _indent(lines[written[start - 1]]) > dash:
        start -= 1
    if not 0 < start < len(written):
        return None
    owner, first = lines[written[start - 1]], lines[written[start]]
    column = _indent(owner) + (2 if owner.lstrip().startswith("- ") else 0)
    listed, key = _KEY_LIKE.match(owner[column:]), _KEY_LIKE.match(first.lstrip(" "))
    # (nothing after the key but a comment: "witnesses: # five", review 132)
    if listed is None or column > dash or re.sub(r"(?:^|\s)#.*", "", owner[column + len(listed.group()):]).strip() or \
            key is None or any(_indent(lines[i]) < _indent(first) for i in written[start:]):
        return None  # (not a key with the item under it, or no mapping: the lines above are no item of a list)
    keys = {_key_of(lines[mark.line])} | {_key_of(line) for line in _item_lines(lines, mark.line, dash)
                                          if _indent(line) == dash + 2}
    if key.group(1) not in keys:
        return None
    at, keys_at = written[start], _indent(first)
    align = "" if keys_at == dash + 2 else f", and indent its other keys by {dash + 2} spaces like theirs"
    return _undashed(at, keys_at, listed.group(1), mark.line, f"{' ' * dash}- {first.strip()}", align)


def _undashed(at: int, column: int, listed: str, after: int, line: str, align: str = "") -> tuple[int, int, str, str]:
    """The message of the first item (at line index `at`, column `column`) of the list `listed` written without
    its "- ", where the item after it (line index `after`) has one; `line`: the item's line, mended."""
    return (at + 1, column + 1, f'this first item of the list "{listed}" does not start with "- ", as the items '
            f"after it do (line {after + 1})", f'start it with "- ": write the line as "{line}"{align}')


def undashed_at_dash(text: str, mark: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a list's first item written without its "- " and without the two spaces
    that put its key where the other items' keys are, when PyYAML stopped at its second key (`mark`: "mapping
    values are not allowed"), indented 2 more than the first:

        witnesses:
          article: a
            quote: x
          - article: b

    The first key is read as the key of a mapping under "witnesses", with a plain value, and the key below it as
    more of that value: `overindented_key` said to indent it by 2, which only moved the error to the next item
    (review 135). Named as the missing "- " when the list's key has no value and the next line at the first
    key's column is an item of the list whose first key is the same. Else None."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines):
        return None
    written = _written(lines, mark.line)
    if len(written) < 2 or not _KEY_LIKE.match(lines[mark.line].lstrip(" ")):
        return None
    first, owner = lines[written[-1]], lines[written[-2]]
    dash, column = _indent(first), _indent(owner) + (2 if owner.lstrip().startswith("- ") else 0)
    listed, key = _KEY_LIKE.match(owner[column:]), _KEY_LIKE.match(first[dash:])
    if listed is None or key is None or not column < dash or _indent(lines[mark.line]) != dash + 2 or \
            re.sub(r"(?:^|\s)#.*", "", owner[column + len(listed.group()):]).strip():
        return None
    after = next((i for i in range(mark.line + 1, len(lines)) if lines[i].strip() and
                  not lines[i].lstrip().startswith("#") and _indent(lines[i]) <= dash), None)
    if after is None or _indent(lines[after]) != dash or not lines[after][dash:].startswith("- ") or \
            _key_of(lines[after]) != key.group(1):
        return None
    return _undashed(written[-1], dash, listed.group(1), after, f"{' ' * dash}- {first.strip()}")


def _item_lines(lines: list[str], item: int, dash: int) -> list[str]:
    """The lines of the list's item at line index `item` (its "- " at column `dash`) after its first."""
    found = []
    for line in lines[item + 1:]:
        if line.strip() and _indent(line) <= dash:
            break
        found.append(line)
    return found


def _comes_after(item: int, dash: int, key: str, line: int, listed: str, align: str = "") -> tuple[int, int, str, str]:
    """The message of a list's item (at line index `item`, its "- " at column `dash`) written after `key` (at
    line index `line`), the key that ended the list `listed` above it; `align`: what the hint adds."""
    return (item + 1, dash + 1, f'this list item comes after "{key}" (line {line + 1}), which ended the list '
            f'"{listed}" above it', f"move the item up into that list, above line {line + 1}{align}")


def _items_at(lines: list[str], line: int) -> int | None:
    """The indentation of the "- " of the list written under the key at `line` (None when what follows the key
    is not a list's item, or is written on the key's own line)."""
    value = lines[line].split(":", 1)[-1].strip()
    if value and not value.startswith("#"):
        return None
    following = next((i for i in range(line + 1, len(lines)) if lines[i].strip() and
                      not lines[i].lstrip().startswith("#")), None)
    if following is None or not lines[following].lstrip().startswith("- "):
        return None
    return _indent(lines[following])


def misaligned_key(text: str, mark: Any, loader: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a key of a list's item indented less than the item's other keys, yet
    not less than its "- " (the line PyYAML stopped at, `mark`), with the indentation of those keys; else None.

        annotations:
          - id: a
            quote: x
          tags: [y]

    is told of at `tags`, as before, but with the number of spaces the item's keys have (4), where PyYAML only
    says the indentation does not match."""
    if mark is None:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines) or lines[mark.line].lstrip().startswith(("- ", "#")):
        return None
    depth = _indent(lines[mark.line])
    end = sum(len(line) + 1 for line in lines[:mark.line + 1])
    keys = _block_keys_before(text, end, loader)
    if not any(k.line == mark.line and k.column == depth for k in keys):
        return None  # (not a key: a line of text is told of as PyYAML has it)
    written = _written(lines, mark.line)
    item = max((i for i in written if lines[i].lstrip().startswith("- ") and _indent(lines[i]) <= depth),
               default=None)
    if item is None or any(_indent(lines[i]) < _indent(lines[item]) for i in written if i > item):
        return None
    dash = _indent(lines[item])
    own = [k.column for k in keys if item <= k.line < mark.line and k.column > dash]
    if not own or min(own) <= depth:
        return None
    column, key = min(own), _key_of(lines[mark.line])
    return (mark.line + 1, depth + 1, f'"{key}" is indented less than the keys of the list item above it (line '
            f"{item + 1})", f"indent it by {column} spaces, to line up with them")


_KEY_LIKE = re.compile(r"([A-Za-z_][\w-]*):(?:[ \t]|$)")  # (a tab after the colon too: review 134)


def overindented_key(text: str, mark: Any) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of a key indented more than the key above it, whose value is plain text
    (unquoted), where PyYAML stopped (`mark`: "mapping values are not allowed"): it reads the line as more of
    that text, with a ": " inside. One space too many after `quote: the minister said` was told to put "the
    value in quotes", though it was quoted already (review 71). None when the line is no key, or the line above
    holds no plain value."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines):
        return None
    own = _KEY_LIKE.match(lines[mark.line].lstrip(" "))
    written = _written(lines, mark.line)
    if own is None or not written:
        return None
    above = lines[written[-1]]
    start = _indent(above) + (2 if above.lstrip().startswith("- ") else 0)
    key = _KEY_LIKE.match(above[start:])
    value = above[start + len(key.group()):].strip() if key else ""
    if key is None or not value or value[0] in "'\"[{>|&*!#" or not _indent(lines[mark.line]) > start:
        return None
    where = f"indent it by {start} spaces" if start else "start it at the beginning of its line"
    return (mark.line + 1, _indent(lines[mark.line]) + 1,
            f'"{own.group(1)}" is indented more than "{key.group(1)}" above it (line {written[-1] + 1}), so it is '
            "read as more of that key's text",
            f'{where}, to line up with "{key.group(1)}"; if the line is more of that text, put the whole text in quotes')


def _list_key(lines: list[str], owner: int | None, depth: int) -> str | None:
    """The key at line `owner` (whose list holds the item), when it is a key of the mapping indented by `depth`
    (that of the dedented key)."""
    if owner is None or _indent(lines[owner]) != depth or ":" not in lines[owner] or \
            lines[owner].lstrip().startswith("- "):
        return None
    return _key_of(lines[owner])


def _holder(schema: Mapping[str, Any] | None, lines: list[str], written: list[int], owner: int | None,
            depth: int) -> Mapping[str, Any] | None:
    """The part of `schema` that describes the mapping holding the key at line `owner` (indented by `depth`):
    followed down from the file's through the keys it is written under (`properties`, else
    `additionalProperties`: an entity under its id); None inside a list's item, or where the schema says
    nothing."""
    path: list[str] = []
    for i in reversed([i for i in written if owner is not None and i < owner]):
        if depth and _indent(lines[i]) < depth:
            if lines[i].lstrip().startswith("- ") or ":" not in lines[i]:
                return None
            path.append(_key_of(lines[i]))
            depth = _indent(lines[i])
    node: Any = schema
    for key in reversed(path):
        own = node.get("properties") or {} if isinstance(node, Mapping) else {}
        node = own.get(key) or (node.get("additionalProperties") if isinstance(node, Mapping) else None)
    return node if isinstance(node, Mapping) else None


def _item_key(line: str, holder: Mapping[str, Any] | None, listed: str) -> bool:
    """Whether the key after the "- " of `line` is a key of the items of the list `listed` (in `holder`)."""
    key = _key_of(line)
    items = (((holder or {}).get("properties") or {}).get(listed) or {}).get("items") or {}
    return key in (items.get("properties") or {})


def _of_the_file(schema: Mapping[str, Any] | None, listed: str, key: str) -> bool:
    """Whether `schema` (that of the mapping the key is written in) has `key` among its own keys but not among the
    keys of the items of `listed`."""
    own = (schema or {}).get("properties") or {}
    items = ((own.get(listed) or {}).get("items") or {}).get("properties") or {}
    return bool(items) and key in own and key not in items


def _written(lines: list[str], end: int) -> list[int]:
    """The indexes of the lines before `end` that hold something (not blank, not a comment)."""
    return [i for i in range(min(end, len(lines))) if lines[i].strip() and not lines[i].lstrip().startswith("#")]


def _key_of(line: str) -> str:
    """The key a line writes (after its "- ", if it starts a list's item), unquoted."""
    text = line.strip()
    return (text[2:] if text.startswith("- ") else text).split(":", 1)[0].strip().strip("'\"")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_keys_before(text: str, index: int, loader: Any) -> list[Any]:
    """Where each key of a block mapping starts (the scanner's KeyTokens outside brackets), up to `index`."""
    keys, flow = [], 0
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= index:
                break
            if isinstance(token, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
                flow += 1
            elif isinstance(token, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
                flow = max(0, flow - 1)
            elif isinstance(token, yaml.KeyToken) and not flow:
                keys.append(token.start_mark)
    except yaml.YAMLError:
        pass  # the scanner stopped at a mistake of its own: the keys before it are what counts
    return keys
