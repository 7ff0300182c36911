"""An editor's Markdown (a note, a summary) as the exports write it: every link to the site (`compare:x`,
`entity:x`, `/articles/a/`) written as the URL the site has it at, so that the `.md`, the JSON exports and the
Web Annotations link where they are read.

Markdown names a link's target in three ways, and each is rewritten: inline (`[text](target "title")`, the
target bare or in `<…>`, spaces around it), a reference definition (`[label]: target`, which `[text][label]`
uses), and an autolink (`<compare:x>`, written back as `[compare:x](url)`: the words the page shows). What a code
span holds is text, not a link, and stays as written. (A pattern for the first way alone missed the others, and
rewrote code spans, review 67.) The rest of the text is kept character for character.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from .note_markdown import NOTE_CODE

LinkResolver = Callable[[str], "str | None"]

_INTERNAL = r"(?:article|entity|compare|tag):[a-z0-9-]+(?:#[A-Za-z0-9_-]+)?"
_SITE = re.compile(rf"(?:{_INTERNAL}|/(?!/)[^\s<>]*)\Z")   # the targets that are the site's
_AUTOLINK = re.compile(rf"<({_INTERNAL})>")
# A link reference definition on a line of its own: its label, its target (bare or in <…>) and its title
_DEFINED = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s<]\S*)"
                      r"(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*(?:\n|\Z)", re.M)
_BARE = re.compile(r"[^\s()<>\\]+")  # a URL that reads the same written bare


def _escaped(text: str, at: int) -> bool:
    """Whether text[at] is escaped: an odd number of backslashes before it."""
    count = 0
    while at - count - 1 >= 0 and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds code (fenced blocks and code spans), read as the `.md` reads it (note_markdown.py)."""
    return [m.span() for m in NOTE_CODE.finditer(text)]


def _starts_block(text: str, at: int) -> bool:
    """Whether a line starting at `at` may begin a link reference definition: the note's first line, or one
    after a blank line or after another definition."""
    if at == 0:
        return True
    before = text[:at - 1].rsplit("\n", 1)[-1]
    return not before.strip() or bool(_DEFINED.match(before))


def _bare_end(text: str, at: int) -> int:
    """Where a bare inline target that starts at `at` ends: at whitespace, a control, or the `)` that closes
    the link (parentheses inside it balanced)."""
    depth, pos = 0, at
    while pos < len(text) and not text[pos].isspace() and ord(text[pos]) >= 0x20:
        if text[pos] == "\\":
            pos += 2
            continue
        if text[pos] == "(":
            depth += 1
        elif text[pos] == ")":
            if depth == 0:
                break
            depth -= 1
        pos += 1
    return min(pos, len(text))


def _opened(text: str, close: int) -> bool:
    """Whether the "]" at `close` closes a "[" before it (brackets counted, escaped ones not): "\\[x](y)" is no
    link."""
    depth = 0
    for at in range(close - 1, -1, -1):
        if text[at] in "[]" and not _escaped(text, at):
            if text[at] == "]":
                depth += 1
            elif depth == 0:
                return True
            else:
                depth -= 1
    return False


def _inline_targets(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, in angle brackets) of each inline link's target: after "](", past spaces and one line
    break, `<…>` or a bare target."""
    for found in re.finditer(r"\]\(", text):
        if _escaped(text, found.start()) or not _opened(text, found.start()):
            continue
        pos = found.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == "\n":
            pos += 1
            while pos < len(text) and text[pos] in " \t":
                pos += 1
        if pos < len(text) and text[pos] == "<":
            end = text.find(">", pos)
            if end != -1 and "\n" not in text[pos:end] and "<" not in text[pos + 1:end]:
                yield pos + 1, end, True
        elif pos < len(text):
            end = _bare_end(text, pos)
            if end > pos:
                yield pos, end, False


def _targets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, how) of every link target written in `text` outside code spans, in order: "bare" and
    "angle" (inline or defined), "auto" (an autolink: its brackets included)."""
    found = [(s, e, "angle" if angle else "bare") for s, e, angle in _inline_targets(text)]
    for m in _DEFINED.finditer(text):
        if not _starts_block(text, m.start()):
            continue  # (a definition does not interrupt a paragraph: Markdown reads that line as text)
        angle = m.group(2).startswith("<")
        found.append((m.start(2) + angle, m.end(2) - angle, "angle" if angle else "bare"))
    # (an autolink's form in an inline target, "](<compare:x>)", is that target)
    found += [(m.start(), m.end(), "auto") for m in _AUTOLINK.finditer(text)
              if not _escaped(text, m.start()) and not any(s == m.start() + 1 for s, _, _ in found)]
    code = _code_spans(text)
    return sorted(t for t in found if not any(s <= t[0] < e for s, e in code))


def resolve_links_for_export(note: str, resolver: LinkResolver, origin: str = "") -> str:
    """`note` with each link to the site written as the URL the site has it at (under the base path); with
    `origin` (the site's scheme and host, for the JSON exports read elsewhere) absolute. A target the resolver
    refuses is written as it was (never made into a link to the site: "//evil.example")."""
    out, kept = [], 0
    for start, end, how in _targets(note):
        if start < kept:
            continue  # (inside a target already rewritten)
        written = note[start + 1:end - 1] if how == "auto" else note[start:end]
        if not _SITE.match(written):
            continue
        url = resolver(written)
        if url is None:
            continue
        if origin and url.startswith("/") and not url.startswith("//"):
            url = origin + url
        if how == "angle" and _BARE.fullmatch(url):
            start, end = start - 1, end + 1  # (written bare: the .md's raw HTML check escapes a "<" before a "/")
        out += [note[kept:start], f"[{written}]({url})" if how == "auto" else url]
        kept = end
    out.append(note[kept:])
    return "".join(out)


_REFERENCE = re.compile(r"(?<!\\)\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(:\[])")


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def inline_references(note: str) -> str:
    """`note` with its reference links (`[text][label]`, `[label][]`, `[label]`) written inline with the target
    (and title) their definitions give, and the definitions gone: in the `.md` a note is a footnote's body,
    where a definition would make the article's own `[words]{…}` into links (note_markdown.py escapes it, and
    the links that used it were left as text, review 67). As written when it defines nothing."""
    defined: dict[str, tuple[str, str]] = {}
    for m in _DEFINED.finditer(note):
        defined.setdefault(_label(m.group(1)), (m.group(2), m.group(3) or ""))
    if not defined:
        return note
    kept = _DEFINED.sub("", note)
    code = _code_spans(kept)

    def inline(m: re.Match[str]) -> str:
        label = m.group(2) if m.group(2) else m.group(1)
        found = defined.get(_label(label))
        if found is None or any(s <= m.start() < e for s, e in code):
            return m.group()
        target, title = found
        return f"[{m.group(1)}]({target}{' ' + title if title else ''})"

    return _REFERENCE.sub(inline, kept).rstrip()
