"""The ids a registry file (content/entities.yaml, content/sources.yaml) defines when YAML could not read it. Pure.

A syntax error in the registry hid every unknown entity or outlet the other files name until it was mended: the
mistakes surfaced one run at a time. Its ids are its top-level keys, and most of them can be known without a parse:
- `certain`: the keys YAML read as keys before the error (its events, up to where it gave up);
- `likely`: the keys of the rest of the file, read by YAML again from the first line after where it gave up that
  is written as a top-level key at column 0 (`id:`, `"id":`), and so on past each later error;
- `possible`: in the part no parse reads (from the entry of the error, or of the key YAML was reading when it gave
  up, to that line: a quote opening a key, `'id:`, makes the lines after it its text until a quote closes it), the
  first word of every line and what it holds before a ":" (a key whose ":" is missing, or that is indented by
  mistake, is one of them); and the same of a line at column 0 that a parse passed over without reading it as an
  id (a word before the first key, a list or a mapping as a key: `? id:`); known, never offered by a did-you-mean;
- `complete`: whether every id the file may define is among these. Not when the file is no mapping at all, when a
  top-level key is an alias or a merge (`<<`), or when a line at column 0 was read by YAML as part of a quoted
  value or of a list or mapping in brackets (one left open swallows the keys after it; a line begun only by a line
  break editors do not show is none: deleted, as its error says, it is inside its line): whether the editor meant
  it as a key or as text is not known, and no reference is then said to name nothing.
The lines are YAML's, as its errors number them: every line break it reads ends one (CR, LF, CR LF, and NEL, U+2028
and U+2029, which editors do not show: split at LF only, a file saved with CR line endings was one line, and the
keys after its error were lost). A character the loader's error says to delete (one of these three, a control
character) may hide a key that it splits: what the line holding it defines once it is deleted is `possible` too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import AbstractSet, Any, Iterable, Sequence

from ..common.records import frozen
from .pyyaml import NON_PRINTABLE, yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader  # type: ignore[misc]

__all__ = ["DefinedIds", "defined_ids", "named_ids", "registry_ids", "unknowable"]

# The errors of a file that YAML could not read (or that was refused as read), after which its text still tells its
# keys: a syntax error, a character YAML does not take, and the refusals of what editors' files do not use
RECOVERABLE = ("yaml-syntax", "yaml-character", "yaml-alias", "yaml-merge", "yaml-complex-key", "yaml-depth")


@frozen
class DefinedIds:
    """What one registry file that could not be read defines (see the module docstring). `step`: "entities" or
    "sources"; `hidden_from`: the first line from which ids may be hidden (0 when `complete`)."""

    step: str
    file: str
    certain: frozenset[str] = frozenset()
    likely: frozenset[str] = frozenset()
    possible: frozenset[str] = frozenset()
    complete: bool = False
    hidden_from: int = 1

    @property
    def keys(self) -> frozenset[str]:
        """The keys YAML read (what a did-you-mean may offer)."""
        return self.certain | self.likely

    @property
    def ids(self) -> frozenset[str]:
        """Every id the file may define, as far as is known."""
        return self.certain | self.likely | self.possible


def unknowable(step: str, file: str) -> DefinedIds:
    """A registry file of which no id is known (not read, not UTF-8, no mapping)."""
    return DefinedIds(step, file)


def registry_ids(step: str, file: str, data: bytes, problems: Sequence[Any]) -> DefinedIds:
    """The ids of the registry `file` of `step` that could not be used (its bytes, and the problems its reading
    found): from its text when its error is one YAML gives up at (`RECOVERABLE`), else none known."""
    error = next((p for p in problems if p.file == file and p.check in RECOVERABLE), None)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return unknowable(step, file)
    return unknowable(step, file) if error is None else defined_ids(step, file, text, error.line)


def named_ids(step: str, broken: AbstractSet[str], defined: Iterable[DefinedIds]
              ) -> tuple[frozenset[str], frozenset[str]] | None:
    """What the files of registry `step` that could not be used define besides the others' ids: (every id a
    reference may name, the keys a did-you-mean may offer); None when that is not known (a file not read, or one
    whose error may hide ids, or no file said what it defines). `_NONE` when the registry was read."""
    if step not in broken:
        return _NONE
    mine = [d for d in defined if d.step == step]
    if not mine or not all(d.complete for d in mine):
        return None
    return frozenset().union(*(d.ids for d in mine)), frozenset().union(*(d.keys for d in mine))


_NONE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


# Every line break YAML reads (its reader counts each as a line, as its marks and the loader's errors do): the
# text is split at them, so that the lines are YAML's, and read again with "\n" between them
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# What YAML refuses (a control character): a space instead, in place, so that columns stay those of the file
_UNREADABLE = re.compile(NON_PRINTABLE)
# What an editor is told to delete (yamlsrc.py: a control character, a line break YAML reads but an editor does not
# show), and the lines as an editor shows them
_DELETED = re.compile(NON_PRINTABLE[:-1] + "\x85\u2028\u2029]")
_EDITOR_LINE = re.compile("\r\n|[\r\n]")
_HIDDEN = re.compile("[\x85\u2028\u2029]")
# A top-level key as written at column 0: quoted, or plain (not starting with an indicator; "-", "?" and ":" only
# when followed by something else than a space), then ":" and a space or the end of the line
_KEY_LINE = re.compile(r"""^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|(?:[^\s\-?:,\[\]{}#&*!|>'"%@`]|[-?:]\S)"""
                       r"""(?:[^:\n]|:(?=\S))*?)[ \t]*:(?:[ \t]|$)""")
# The words a line may define as a key, in the part no parse reads: its first word, and all it holds before a ":"
_WORDS = re.compile(r"""^[\s\-?'"{\[]*(\w[^\s:'"#,\[\]{}]*)(?:([^:'"#\n]*?)['"]?[ \t]*:(?:\s|$))?""")


@frozen
class _Read:
    """What YAML reads of a text: the top-level keys with their lines ("" for a key that is no id: a list, a
    mapping), the line of the first that is an alias or a merge (0: none), where it gave up ((line, column), (0, 0):
    at the end), the spans ([start, end) offsets) of the quoted or bracketed values it read, or was reading when it
    gave up, and the line of the key it was reading then (0: none; a quote opening a key ends lines further on,
    where YAML gives up, and the lines between are no key's)."""

    keys: tuple[tuple[str, int], ...]
    untrusted: int
    stop: tuple[int, int]
    spans: tuple[tuple[int, int], ...]
    began: int = 0


def defined_ids(step: str, file: str, text: str, error_line: int = 0) -> DefinedIds:
    """The ids of registry `file`, whose `text` YAML could not read (the error at `error_line`, 0: not known)."""
    lines = _BREAK.split(_UNREADABLE.sub(" ", text))
    found: dict[str, set[str]] = {"certain": set(), "likely": set(), "possible": _mended(text)}
    fragments = _fragments(text)
    start = 0

    def made(complete: bool, hidden_from: int = 0) -> DefinedIds:
        return DefinedIds(step, file, *(frozenset(found[k]) for k in ("certain", "likely", "possible")),
                          complete=complete, hidden_from=0 if complete else max(hidden_from, 1))

    for _ in range(_ROUNDS):
        read = _read("\n".join(lines[start:]))
        if read is None:  # (no mapping)
            return made(False, start + 1)
        # (the line from which the part no parse reads may begin: where YAML gave up, or where the error or the key
        # it was reading then begins; in the first parse, the keys before it are certain)
        at = min(n for n in (read.stop[0] or len(lines) - start + 1, error_line if start == 0 else 0, read.began) if n)
        found["certain" if start == 0 else "likely"].update(key for key, line in read.keys if key and line < at)
        found["likely"].update(key for key, line in read.keys if key and line >= at)
        swallowed = _swallowed(lines, start, start + (read.stop[0] or len(lines)), read.spans, fragments)
        if read.untrusted or swallowed:
            return made(False, start + min(n for n in (read.untrusted, swallowed, at) if n))
        entry = len(lines) if read.stop == (0, 0) else next(
            (i for i in range(min(start + at, len(lines)) - 1, start - 1, -1) if _KEY_LINE.match(lines[i])), start)
        # (before the entry, a line at column 0 that YAML did not read as a key, nor inside a quote or brackets: the
        # words of "x" that lacks its ":" before the first key, or of any that YAML passed over some other way)
        found["possible"].update(_passed_over(lines, start, entry, read.keys))
        if read.stop == (0, 0):
            return made(True)
        resume = _resume(lines, start, read.stop)
        found["possible"].update(word for line in lines[entry:resume] for word in _words(line))
        if resume >= len(lines):
            return made(True)
        start = resume
    return made(False, start + 1)  # (a mistake on every few lines, as a file indented with tabs has: enough)


_ROUNDS = 200


def _read(text: str) -> _Read | None:
    """What YAML reads of `text` (`_Read`), up to where it gives up; None when it is no block mapping."""
    keys: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    opened: list[int | None] = []  # (where each collection still open opens, None: no bracket)
    depth, nodes, untrusted, documents, keyless = 0, 0, 0, 0, False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:  # (a second document, refused as such: the rest is read after it)
                    return _Read(tuple(keys), untrusted, (event.start_mark.line + 1, 1), tuple(spans))
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                                  yaml.DocumentEndEvent)):
                continue
            if depth == 0 and isinstance(event, yaml.ScalarEvent) and not event.style and not keyless:
                keyless = True  # (a first key without its ":": YAML gives up further on, or it is the whole file)
                continue
            if depth == 0 and not (isinstance(event, yaml.MappingStartEvent) and not event.flow_style):
                return None
            if depth == 1 and not isinstance(event, yaml.CollectionEndEvent):
                key = _key(event) if nodes % 2 == 0 else None
                if key is None and nodes % 2 == 0:
                    untrusted = untrusted or event.start_mark.line + 1
                elif key is not None:
                    keys.append((key, event.start_mark.line + 1))
                nodes += 1
            _spanned(event, spans, opened)
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        at = mark.index if mark is not None else len(text)
        context, reading = getattr(exc, "context_mark", None), str(getattr(exc, "context", ""))
        if context is not None and re.search(r"quoted|flow", reading):
            spans.append((context.index, at))  # (the quote or bracket it was reading)
        spans += [(begun, at) for begun in opened if begun is not None]
        began = context.line + 1 if context is not None and "simple key" in reading else 0
        return _Read(tuple(keys), untrusted, (mark.line + 1, mark.column + 1) if mark else (1, 1), tuple(spans),
                     began)
    return None if keyless else _Read(tuple(keys), untrusted, (0, 0), tuple(spans))


def _key(event: Any) -> str | None:
    """A top-level key as the registry reads it (an id); "" for one that is no id (a list, a mapping: refused as
    such); None for one that may stand for any ids (an alias, a merge)."""
    if isinstance(event, yaml.ScalarEvent):
        return None if event.value == "<<" and not event.style else event.value
    return None if isinstance(event, yaml.AliasEvent) else ""


def _spanned(event: Any, spans: list[tuple[int, int]], opened: list[int | None]) -> None:
    """The span of a quoted value on several lines, or of a list or mapping in brackets, added to `spans` (`opened`:
    where each collection still open opens, None for one without brackets)."""
    if isinstance(event, yaml.ScalarEvent) and event.style in ("'", '"') and \
            event.start_mark.line != event.end_mark.line:  # (a plain or block value ends at a line at column 0)
        spans.append((event.start_mark.index, event.end_mark.index))
    elif isinstance(event, yaml.CollectionStartEvent):
        opened.append(event.start_mark.index if event.flow_style else None)
    elif isinstance(event, yaml.CollectionEndEvent) and opened:
        begun = opened.pop()
        if begun is not None:
            spans.append((begun, event.end_mark.index))


def _swallowed(lines: list[str], start: int, end: int, spans: Iterable[tuple[int, int]],
               fragments: AbstractSet[int]) -> int:
    """The first of `lines[start:end]` (1-based, in their text) written at column 0 (no comment) that YAML read
    inside one of `spans` (offsets in their text); 0: none. A line that only a break an editor does not show begins
    (`fragments`: "[Gaza<U+2028>Strip]") is none: deleted, as its error says, the break leaves it inside its line."""
    merged: list[list[int]] = []
    for begun, end_at in sorted(spans):
        if merged and begun <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end_at)
        else:
            merged.append([begun, end_at])
    begins = [span[0] for span in merged]
    at = 0
    for i in range(start, min(end, len(lines))):
        if i > start and _at_column_0(lines[i]) and i not in fragments:
            j = bisect_right(begins, at) - 1
            if j >= 0 and merged[j][0] < at < merged[j][1]:
                return i - start + 1
        at += len(lines[i]) + 1
    return 0


def _passed_over(lines: list[str], start: int, end: int, keys: Iterable[tuple[str, int]]) -> set[str]:
    """The words (`_words`) of `lines[start:end]` written at column 0 that YAML did not read as ids (`keys`, with
    their lines in the text from `start`; "? gaza:" is a mapping as a key, refused, and "gaza" once mended)."""
    read = {start + line - 1 for key, line in keys if key}
    return {word for i in range(start, end) if i not in read and _at_column_0(lines[i]) for word in _words(lines[i])}


def _at_column_0(line: str) -> bool:
    """Whether `line` is written at column 0 (not blank, not a comment)."""
    return line[:1] not in ("", " ", "\t", "#")


def _fragments(text: str) -> frozenset[int]:
    """The lines (0-based) that begin after a line break an editor does not show (NEL, U+2028, U+2029)."""
    if not _HIDDEN.search(text):
        return frozenset()
    return frozenset(n for n, found in enumerate(_BREAK.finditer(text), 1) if _HIDDEN.match(found.group()))


def _resume(lines: list[str], start: int, stop: tuple[int, int]) -> int:
    """The index of the first line from where YAML gave up (`stop`, in the text from line `start`) that is written
    as a top-level key (its own line when it gave up at its start); `len(lines)` when none."""
    first = start + stop[0] - (1 if stop[1] == 1 else 0)
    return next((i for i in range(max(first, start + 1), len(lines)) if _KEY_LINE.match(lines[i])), len(lines))


def _mended(text: str) -> set[str]:
    """The ids the lines of `text` that hold a character an editor is told to delete (`_DELETED`) may define once
    it is deleted (a key "doha:" with a U+2028 between its "do" and "ha": YAML reads a line break there, and
    reads "do" and "ha"; deleted, as the loader's error tells, the key is "doha")."""
    if not _DELETED.search(text):
        return set()
    return {word for line in _EDITOR_LINE.split(text) if _DELETED.search(line)
            for word in _words(_DELETED.sub("", line))}


def _words(line: str) -> Iterable[str]:
    """The ids a line of the part no parse reads may define: its first word, and what it holds before a ":"."""
    found = _WORDS.match(line)
    if found is None:
        return ()
    return {found.group(1), (found.group(1) + (found.group(2) or "")).strip()} - {""}
