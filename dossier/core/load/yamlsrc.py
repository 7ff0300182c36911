"""Editors' YAML, parsed strictly and with a position for every value.

PyYAML's safe C loader composes the node graph (fast, and every node keeps its line and column); we then
build plain values ourselves so that YAML 1.1's surprises cannot reach the model:
- dates stay strings exactly as written (`2024-03-22`), `no`/`yes`/`on`/`off` stay strings (only
  `true`/`false` are booleans), duplicate keys are errors, aliases are refused (an alias bomb composes
  instantly and explodes only when walked, so we refuse before walking), anchors are errors (yaml_anchors.py);
- tags other than YAML's plain ones (`!!python/object`, `!!binary`, `!foo`) are errors: the safe loader
  would refuse some and we would silently read the others as text, so the editor learns neither way.
"""

from __future__ import annotations

import math
import re
from dataclasses import field
from typing import Any, Mapping

from .pyyaml import yaml

from ..common.errors import Problem, error
from .yaml_indent import dedented_key, misaligned_key, overindented_key, stray_item, undashed_at_dash, \
    undashed_first_item
from .yaml_quotes import bracket_then_text, colon_hint, ended_early, runaway_quote
from .yaml_comments import cut_by_comment
from .yaml_anchors import anchors
from .yaml_spaces import odd_space
from .conflicts import merge_conflict
from ..common.snippet import place
from ..common.records import frozen

Path = tuple[Any, ...]

_BOOL = {"true": True, "false": False}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}

try:  # the C loader is much faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader  # type: ignore[misc]


@frozen
class Loaded:
    """A parsed YAML document: plain values plus the 1-based (line, col) of each value and mapping key.

    Invariant: every path into `data` (tuples of keys and indexes) has an entry in `positions`;
    `key_positions[path]` is where the key of the mapping entry at `path` is written.
    """

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    spans: dict[Path, tuple[int, int]] = field(default_factory=dict)  # scalar path → [start, end) in `text`
    problems: list[Problem] = field(default_factory=list)  # found while building values (unknown tags)
    tagged: set[Path] = field(default_factory=set)  # values with an unknown tag: already wrong, not checked again

    def at(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest written ancestor."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_at(self, path: Path) -> tuple[int, int]:
        return self.key_positions.get(path) or self.at(path)

    def raw(self, path: Path) -> str:
        """The scalar at `path` exactly as written in the file (quotes, block indicator and indentation
        included), so a problem inside it (a link in a Markdown note) can be placed on its own line."""
        span = self.spans.get(path)
        return self.text[span[0]:span[1]] if span else ""


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


# What YAML 1.1 (PyYAML, libyaml) reads as a line break besides CR and LF: next line, line and paragraph separator.
_HIDDEN_BREAK = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {"\x85": "next line", "\u2028": "line separator", "\u2029": "paragraph separator"}


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(file: str, text: str, schema: Mapping[str, Any] | None = None
               ) -> tuple[Loaded | None, tuple[Problem, ...]]:
    """Parse one editors' file. Returns (None, problems) when it cannot be read at all. `schema`: the file's
    JSON Schema, when known (it tells where a key belongs, yaml_indent.py)."""
    conflict = merge_conflict(text)
    if conflict is not None:
        return None, (error(file, conflict[0], 1, f"an unresolved merge conflict (lines {conflict[0]}-{conflict[1]})",
                            "keep one side: the lines between <<<<<<< and =======, or those between ======= and "
                            ">>>>>>>, and delete the three marker lines (git mergetool, or your editor's "
                            "merge view, can do it)", "yaml-conflict"),)
    breaks = _HIDDEN_BREAK.search(text)
    if breaks is not None:  # (before parsing: YAML reads it as a line break, and every later position is off)
        line, col = place(text, breaks.start())
        return None, (error(file, line, col, f"character U+{ord(breaks.group()):04X} ({_BREAK_NAMES[breaks.group()]}) "
                            "is read by YAML as a line break",
                            f"delete it (it is invisible, often pasted from a web page), or write it as "
                            f"\\u{ord(breaks.group()):04x} inside a double-quoted string", "yaml-character"),)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if _keyless(exc) and exc.context_mark is not None:
            mark = exc.context_mark  # the line that lacks its ":", not the next one, where PyYAML gave up
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        line, col, message, hint = _mistake(exc, text, mark, schema) or (line, col, *_syntax(exc, text))
        return None, (error(file, line, col, "YAML syntax error: " + message, hint, "yaml-syntax"),)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (e.g. a control character)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        # (libyaml gives the position in bytes of UTF-8; the first such character is the one it stopped at)
        at = text.find(char)
        line, col = place(text, at if at >= 0 else exc.position)
        return None, (error(file, line, col, f"character U+{ord(char):04X} is not allowed in YAML",
                            "remove it, or write it as an escape such as \\x07 inside a double-quoted string",
                            "yaml-character"),)
    except yaml.YAMLError:  # no other kind is raised by the composer; kept so a new one cannot crash a build
        return None, (error(file, 1, 1, "the file could not be read as YAML", "check its quoting and indentation",
                            "yaml-syntax"),)
    except RecursionError:  # PyYAML composes nested collections recursively
        return None, (_too_deep(file, text),)
    loaded = Loaded(file, None, text=text)
    if node is None:
        return loaded, ()
    try:
        data = _build(node, (), loaded, set())
    except _Refused as refused:
        return None, (_alias_position(text, refused.problem),)
    return (Loaded(file, data, loaded.positions, loaded.key_positions, text, loaded.spans, [], loaded.tagged),
            tuple(loaded.problems) + tuple(anchors(file, text, _Loader)))


def _mistake(exc: yaml.MarkedYAMLError, text: str, mark: Any, schema: Mapping[str, Any] | None = None
             ) -> tuple[int, int, str, str] | None:
    """(line, column, message, hint) of the mistake behind a syntax error when it is not where PyYAML noticed
    it, or is not what its words say: a space YAML does not take for one, a quote or bracket opened lines
    before, a quoted value ended early by a quote inside it (yaml_quotes.py). None: `_syntax` at the mark."""
    odd = odd_space(text, mark, _Loader)
    if odd is not None:  # looks like a space, but YAML does not take it for one: the real mistake
        return odd
    start = exc.context_mark
    if "quoted scalar" in str(exc.context or "") and "end of stream" in str(exc.problem or "") and start is not None:
        # (no quote further on closes it: PyYAML noticed at the end of the file, past its last line, review 71)
        return (start.line + 1, start.column + 1, "a quote opened here is never closed",
                "close the quote at the end of this line's value")
    opened = runaway_quote(text, mark, _Loader)
    if opened is not None:  # the mistake is where the quote opens, lines before PyYAML noticed anything
        return (*opened, f"a quote opened here is closed only on line {mark.line + 1}, so the lines between are one "
                "value", "close the quote at the end of this line's value (or quote each line's value separately)")
    bracket = _unclosed_bracket(text, mark) if "flow" in str(exc.context or "") else None
    if bracket is not None:  # the same for a bracket: where it opens, not where the file went on without it
        line, col, char = bracket
        kind, closing = ("list", "]") if char == "[" else ("mapping", "}")
        return (line, col, f"this {char} opens a {kind} in brackets that is never closed with {closing}",
                f"close it with {closing} after its last item, and separate its items with commas")
    expected = str(exc.problem or "")  # (the C parser: "did not find expected key"; the Python one: "<block end>")
    after = ("expected key", "block end", "'-' indicator")  # (text where a key or a list's next item belongs)
    if mark is not None and "mapping values" in expected:  # (a list's item read as more of a plain value above)
        return dedented_key(text, mark, _Loader, schema, stray_only=True) or \
            stray_item(text, mark, _Loader, schema) or undashed_at_dash(text, mark) or \
            overindented_key(text, mark)
    if mark is None or not any(a in expected for a in after):
        return None
    return ended_early(text, mark.index) or bracket_then_text(text, mark) or \
        dedented_key(text, mark, _Loader, schema) or misaligned_key(text, mark, _Loader) or \
        stray_item(text, mark, _Loader, schema) or undashed_first_item(text, mark)


_OPENS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_CLOSES = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _unclosed_bracket(text: str, mark: Any) -> tuple[int, int, str] | None:
    """(line, column, "[" or "{") of the innermost bracket open where the parser gave up, when it opened on an
    earlier line and nothing after closes it: the bracket was never closed, and the parser noticed only where
    the file went on (the next key, or the end of the file). None otherwise: a bracket closed further on holds
    a mistake where the parser stopped, and a mistake on the bracket's own line is shown where it is."""
    if mark is None:
        return None
    open_brackets: list[Any] = []
    at_mark: list[Any] | None = None
    try:
        for token in yaml.scan(text, Loader=_Loader):  # (on past the mistake: is the bracket closed later?)
            if at_mark is None and token.start_mark.index >= mark.index:
                at_mark = list(open_brackets)
            if isinstance(token, _OPENS):
                open_brackets.append(token)
            elif isinstance(token, _CLOSES) and open_brackets:
                open_brackets.pop()
    except yaml.YAMLError:
        pass  # the scanner stopped at a mistake of its own: the tokens so far are what counts
    at_mark = open_brackets if at_mark is None else at_mark
    if not at_mark or not any(token is at_mark[-1] for token in open_brackets):
        return None
    start = at_mark[-1].start_mark
    if start.line >= mark.line:
        return None
    return start.line + 1, start.column + 1, "[" if isinstance(at_mark[-1], yaml.FlowSequenceStartToken) else "{"


def _alias_position(text: str, problem: Problem) -> Problem:
    """The composer shares the anchored node, so point at the first `*alias` rather than the anchor."""
    if "alias" not in problem.message:
        return problem
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            return error(problem.file, mark.line + 1, mark.column + 1, problem.message, problem.hint, problem.check)
    return problem


def _keyless(exc: yaml.MarkedYAMLError) -> bool:
    """A line of text where a key belongs (no "key: value"): PyYAML notices only at the next line, or at the
    end of the file after a last such line, and names the line it began in its context mark."""
    return "expected ':'" in str(exc.problem or "") and "simple key" in str(exc.context or "")


def _syntax(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, str]:
    """PyYAML's account of a syntax error (its parser's words: "did not find expected key") → what the
    editor wrote wrong, and how to fix it. The character at the mark tells apart what the C parser lumps
    together ("found character that cannot start any token")."""
    problem, context = str(exc.problem or ""), str(exc.context or "")
    mark = exc.problem_mark
    char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if "mapping values are not allowed" in problem:
        return 'a ": " inside a value that is not quoted, or a key indented under a plain value', colon_hint(text, mark)
    if ("cannot start any token" in problem and char == "\t") or "tab character" in problem:
        return "a tab character; YAML indents with spaces only", "replace the tab with spaces"
    if "cannot start any token" in problem:
        return (f"a value cannot start with {char or 'this character'} unless it is quoted",
                f"put the value in quotes, e.g. note: \"{char}…\"")
    if "quoted scalar" in context and "end of stream" in problem:
        return "a quote that is never closed", "close the quote at the end of the value"
    if "unknown escape" in problem:
        return ("an unknown escape (a backslash) inside double quotes",
                "use single quotes to keep backslashes literal, or write \\\\ for one backslash")
    if "flow sequence" in context or "flow mapping" in context:
        closing = "]" if "sequence" in context else "}"
        return (f"a list or mapping in brackets that is not closed with {closing}",
                f"close it with {closing}, and separate its items with commas")
    if "alias" in context or "anchor" in context or "undefined alias" in problem or "anchor" in problem:
        return ('"*" and "&" start aliases and anchors, which editors\' files do not use',
                "put the value in quotes to keep * or & literal")
    if "block scalar" in context:  # (`note: >- text` or `note: |text`: the text begins on the next line)
        return ('text after ">" or "|" on its line: a block of text begins on the line below, indented',
                'move the text to the next line, indented under the key (e.g. "note: >-", then the note), or drop '
                'the ">" and put the text in quotes')
    if "another document" in problem:
        return 'a second document ("---") in the file', "keep one document per file; remove the ---"
    if _keyless(exc):
        return ('this line is text where a key is expected (it has no "key: value")',
                "indent it more to continue the value above it, write it as key: value, or start it with # to "
                "make it a comment")
    if "expected key" in problem or "'-' indicator" in problem or "block end" in problem or "':'" in problem:
        return ("this line's indentation does not match the lines around it",
                "check the indentation of this line and the one before it (keys of one mapping line up)")
    return "the text here does not follow YAML's rules", "check the quoting and indentation near this position"


MAX_DEPTH = 32  # no editors' file needs more than a few levels; deeper would exhaust Python's recursion limit


def _too_deep(file: str, text: str) -> Problem:
    """Where collections first nest MAX_DEPTH deep (found by the event parser, which does not recurse)."""
    depth, line, col = 0, 0, 0
    for event in yaml.parse(text, Loader=_Loader):
        depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        if depth > MAX_DEPTH:
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            break
    return error(file, line, col, f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                 "no dossier file needs more than a few levels: check the brackets and indentation", "yaml-depth")


_STR_TAG, _NULL_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"


def _build(node: yaml.Node, path: Path, out: Loaded, seen: set[int]) -> Any:
    if len(path) > MAX_DEPTH:
        line, col = _pos(node)
        raise _Refused(error(out.file, line, col, f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                             "no dossier file needs more than a few levels: check the brackets and indentation",
                             "yaml-depth"))
    if id(node) in seen:
        line, col = _pos(node)
        raise _Refused(error(out.file, line, col, "YAML aliases (*name) are not allowed in editors' files",
                             "write the value out in full", "yaml-alias"))
    seen.add(id(node))
    out.positions[path] = _pos(node)
    if node.tag not in _PLAIN_TAGS:
        line, col = _pos(node)
        out.problems.append(error(out.file, line, col, f'unknown YAML tag "{_tag_name(node.tag)}"',
                                  "remove the tag: editors' files hold only text, numbers, lists and mappings",
                                  "yaml-tag"))
        out.tagged.add(path)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        repeated = False  # (the keys after a repeated one repeat too where an item's "- " was left out: said once)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _pos(key_node)
                raise _Refused(error(out.file, line, col, "mapping keys must be plain text",
                                     "write the key as a single word or quoted text, not a list or mapping",
                                     "yaml-complex-key"))
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _pos(key_node)
                raise _Refused(error(out.file, line, col, "YAML merge keys (<<) are not allowed in editors' files",
                                     "write the keys out in full", "yaml-merge"))
            key = key_node.value
            if key in result:  # an error, and the first value kept: the rest of the file is still checked
                if not repeated:
                    out.problems.append(_duplicate(node, key_node, path, out))
                repeated = True
                continue
            out.key_positions[path + (key,)] = _pos(key_node)
            result[key] = _build(value_node, path + (key,), out, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), out, seen) for i, item in enumerate(node.value)]
    out.spans[path] = (node.start_mark.index, node.end_mark.index)
    if not node.style and (node.tag == _STR_TAG or node.tag == _NULL_TAG and not node.value):  # (plain: "" or None)
        out.problems.extend(cut_by_comment(out.file, out.text, node.end_mark.index, path, node.start_mark.index,
                                           empty=node.tag == _NULL_TAG))
    return _scalar(node)


def _duplicate(node: yaml.MappingNode, key_node: yaml.ScalarNode, path: Path, out: Loaded) -> Problem:
    """The error of a key of `node` set again at `key_node`."""
    key = key_node.value
    line, col = _pos(key_node)
    first = out.key_positions[path + (key,)]
    hint = f"it is already set on line {first[0]}; keep one"
    # a block mapping that is an item of a list (keys are text: an int is an item's place), repeating a key on a
    # later line: an item whose dash was left out merges into the one above
    if path and isinstance(path[-1], int) and not node.flow_style and line > first[0]:
        hint += ', or, if a new item of the list begins at or above this line, start it with "- "'
    return error(out.file, line, col, f'duplicate key "{key}"', hint, "yaml-duplicate-key")


_YAML_TAG = "tag:yaml.org,2002:"
# What YAML resolves plain values to (a date resolves to "timestamp"; we keep it as text): anything else was
# written by hand as a tag.
_PLAIN_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")}


def _tag_name(tag: str) -> str:
    """The tag as the editor wrote it: "!!python/object", "!foo"."""
    return "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag


def _scalar(node: yaml.ScalarNode) -> Any:
    """Plain scalars become bool/int/float/None only in their unsurprising spellings; all else is text."""
    value = node.value
    if node.style:  # quoted or block scalar: always text, exactly as written
        return value
    if value in _BOOL:
        return _BOOL[value]
    if value in _NULL:
        return None
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value):
        number = float(value.replace("_", ""))
        return number if math.isfinite(number) else value  # (1e400 is no number a page or JSON can hold: text)
    return value
