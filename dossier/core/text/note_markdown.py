"""A note as the body of its footnote definition in an article's Markdown (markdown.py): what would reach out of
the definition, and raw HTML, escaped where markdown-it would read it. Pure.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination

# In a note, what would reach out of its footnote definition into the article: a footnote reference `[^`
# or an inline footnote `^[` (they would join the article's footnote numbering) and the `]:` of a link
# reference definition (it would turn the article's `[words]{...}` spans into links); and a `{`, which the
# article's parser reads as attributes (`{style=… #main}`) where the note's own shows it as text (review 75).
# Each is live only when not already escaped, i.e. after an even number of backslashes.
_NOTE_REACH = re.compile(r"(?<!\\)((?:\\\\)*)(\[(?=\^)|\^(?=\[)|\](?=:)|\{)")


# Where markdown-it reads a note's characters literally, so nothing there is escaped: fenced code blocks
# (to their closing fence, or the end) and code spans (a backtick run to the next run of the same length,
# within one paragraph). Read conservatively: a backtick after a backslash opens nothing here, nor does a fence
# that is not at a line's start, so a misreading escapes a character inside code rather than leave a live one
# (not handled: a backtick markdown-it reads inside a link's destination or an autolink).
NOTE_CODE = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`\n]*$)|~{3,}).*?(?:\n {0,3}(?P=fence)[`~]*[ \t]*$|\Z)"
                        r"|(?<![`\\])(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])+?(?<!`)(?P=ticks)(?!`)",
                        re.MULTILINE | re.DOTALL)


def note_markdown(note: str) -> str:
    """A note as the body of its footnote definition: what would reach out of the definition escaped where
    markdown-it would read it (see `_NOTE_REACH`; code is left as written), continuation lines indented so
    they stay inside it; "(no note)" for an empty note."""
    note = note.strip() or "(no note)"
    if "[^" in note or "^[" in note or "]:" in note or "<" in note or "{" in note:  # rare: most are as written
        note = _checked(note, _outside_literals(note, _escaped_reach))
    return note.replace("\n", "\n    ")


def _outside_literals(note: str, escape: Callable[[str], str]) -> str:
    """`note` with `escape` applied to what markdown-it reads outside code and autolinks (`_LITERAL`), those left
    as written."""
    last, parts = 0, []
    for literal in _LITERAL.finditer(note):
        parts += [escape(note[last:literal.start()]), literal.group()]
        last = literal.end()
    return "".join(parts) + escape(note[last:])


def _every_lt(note: str) -> str:
    """`note` with every "<" (and a "\\<" the editor wrote) as `&lt;`, code and autolinks too: where what looks
    like code or an autolink is none to a parser (`_checked`)."""
    return re.sub(r"(?<!\\)((?:\\\\)*)\\?<", r"\1&lt;", note)


# Raw HTML in a note (`<img onerror=…>`, `<a href="javascript:…">`) is text on the page (markdown-it, html off),
# and must stay text in the .md, which any renderer may read with HTML on (review 61): a `<` that opens a tag, a
# comment or a declaration is written `&lt;`; an autolink (`<https://…>`, `<name@host>`) is left a link, but not
# one of another scheme (`<javascript:…>`: markdown-it shows it as text, another renderer may not). `&lt;`, not
# `\<`: CommonMark reads both as "<", but Python-Markdown (MkDocs, Pelican) has no `\<` escape, and ran the
# `<img onerror=…>` after the backslash (review 75); every renderer reads the entity as text. So a `\<` the
# editor wrote is written `&lt;` too (the same "<" to CommonMark): left as it was, Python-Markdown ran it.
# (an autolink of the web or of mail, after its "<", in the form every renderer reads as one: Python-Markdown
# needs the "://" or the "@", and read `<https:/x/autofocus/contenteditable/onfocus=alert(1)//>` as a tag)
_AUTOLINK = (r"(?:(?i:https?)://[^\s<>]*|"
             r"(?i:mailto:)?[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>")
_NOTE_HTML = re.compile(r"(?<!\\)((?:\\\\)*)(?:\\<|<(?!" + _AUTOLINK + "))(?=[A-Za-z/!?])")
# What markdown-it reads literally besides code: those autolinks (`<https://…?q={term}>`), whose "{" or "[" an
# escape would change (a "\{" there is a backslash in the address, review 76)
_LITERAL = re.compile(NOTE_CODE.pattern + "|<" + _AUTOLINK, re.MULTILINE | re.DOTALL)


# A link's target written in `<…>` that is no autolink's shape (`[the report](<https://example.org/a b.pdf>)`,
# `(<https://x.org/a\<b>)`): its "<" opens no tag, but the raw-HTML escape above makes it "&lt;", and the link
# was text in the endnote and the .md while its sidenote linked it (or, the "<" now no target's, a link to
# "%3Chttps://…" where the sidenote had a refused link's words). `bare_targets` writes such a link otherwise.
_ANGLE_TARGET = re.compile(r"\]\([ \t]*(?:\n[ \t]*)?(<)(?=[A-Za-z/!?])(?!" + _AUTOLINK + ")")
# How a target's characters are written bare: what would end it (a space, a tab, an unescaped ")") or open a tag
# for another renderer ("<") escaped or an entity; a backtick too, which is no code there but looks like it to
# `NOTE_CODE`. CommonMark reads escapes and entities in a target: it reads back the very target written in <…>.
_BARE_WRITTEN = {"\\": "\\\\", "(": "\\(", ")": "\\)", "<": "&lt;", ">": "&gt;", "&": "&amp;", "`": "&#96;",
                 " ": "&#32;", "\t": "&#9;"}


def bare_targets(note: str, allowed: Callable[[str], bool]) -> str:
    """`note` with each link whose target `note_markdown` would not leave in `<…>` (`_ANGLE_TARGET`) written so
    that the .md reads it as the note: the target bare when `allowed` (the link policy takes it), else its "("
    escaped (markdown-it shows a refused link as the words written, and so does the .md then). Each only where
    the note then reads as it did, as the .md reads it (`_NOTE_REACH` escaped): the same words, the same links
    to the very same targets (not where the `<…>` is no link's target: "[x] (<b c>)", code)."""
    reading, at, parser = "", 0, None
    while "](" in note and (found := _ANGLE_TARGET.search(note, at)):
        start, at = found.start(1), found.end(1)
        target = parseLinkDestination(note, start, len(note))
        if not target.ok:
            continue
        if allowed(target.str) and not re.search(r"[\x00-\x08\n-\x1f\x7f]", target.str):
            written = "".join(_BARE_WRITTEN.get(c, c) for c in target.str)  # (no bare target holds a control)
            candidate, end = note[:start] + written + note[target.pos:], start + len(written)
        else:  # (refused, or a control in it: "](" written "]\\(")
            candidate, end = note[:found.start() + 1] + "\\" + note[found.start() + 1:], target.pos + 1
        parser = parser or _targets_parser(allowed)
        reading = reading or parser.render(_NOTE_REACH.sub(r"\1\\\2", note))
        if parser.render(_NOTE_REACH.sub(r"\1\\\2", candidate)) == reading:
            note, at = candidate, end
    return note


def _targets_parser(allowed: Callable[[str], bool]) -> MarkdownIt:
    """CommonMark (HTML off) that writes each link's target as written (escapes and entities read: what the
    link policy is given), and makes a link only where `allowed` takes its target."""
    md = MarkdownIt("commonmark", {"html": False})
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.validateLink = allowed  # type: ignore[method-assign]
    return md


def html_as_text(note: str) -> str:
    """`note` as Markdown that every renderer reads as the site shows it: raw HTML (a "<" that opens a tag, a
    comment or a declaration) written `&lt;` outside code and autolinks, as the .md writes it (`note_markdown`),
    for the JSON exports that give a note's Markdown (dossier.json, article.json, annotations.jsonld's
    "text/markdown" body), which a reader may render with HTML on: `<img src=x onerror=…>` was there as written
    (review 116). Everything is escaped where Markdown read with HTML on would still find HTML (`_checked`)."""
    if "<" not in note:
        return note
    written = _outside_literals(note, lambda text: _NOTE_HTML.sub(r"\1&lt;", text))
    return _every_lt(note) if _has_html(written) else written


def _escaped_reach(text: str) -> str:
    """`text` (no code in it) with what would reach out of a footnote definition, and raw HTML, escaped."""
    return _NOTE_HTML.sub(r"\1&lt;", _NOTE_REACH.sub(r"\1\\\2", text))


def _checked(note: str, markdown: str) -> str:
    """`markdown` (a note's, `note_markdown`) when Markdown read with HTML on finds no HTML in it (`_has_html`),
    and read with the attribute syntax on (the article's parser) no attribute; else the note with everything
    escaped, code and autolinks too. What looks like code to `NOTE_CODE` need not be to a parser: a backtick in a
    link's address ("[a](http://x/`) <img …> `", "…`){#main style=…} `") is no code span to markdown-it (reviews
    66, 76)."""
    if ("<" in markdown and _has_html(markdown)) or ("{" in markdown and _has_attributes(markdown)):
        return _every_lt(_NOTE_REACH.sub(r"\1\\\2", note))
    return markdown


def _has_attributes(markdown: str) -> bool:
    """Whether the article's parser (the attribute syntax on) reads any element or attribute in `markdown` that
    the same parser without it does not."""
    def marks(md: MarkdownIt) -> list[tuple[str, list[tuple[str, object]]]]:
        return [(t.type, sorted(t.attrs.items())) for token in md.parse(markdown)
                for t in (token, *(token.children or ()))]
    return marks(_parser("attributes")) != marks(_parser(""))


@cache
def _parser(mode: str) -> MarkdownIt:
    """CommonMark, with HTML on ("html") or the attribute syntax ("attributes"), or neither (""): made once."""
    from mdit_py_plugins.attrs import attrs_plugin

    md = MarkdownIt("commonmark", {"html": mode == "html"})
    return md.use(attrs_plugin, spans=True) if mode == "attributes" else md


_ESCAPED_TAG = re.compile(r"\\<(?=[A-Za-z/!?])")


def _has_html(markdown: str) -> bool:
    """Whether Markdown read with HTML on finds HTML in `markdown`, or a "\\<" before a tag's name outside code:
    an escape to CommonMark, but not to Python-Markdown, which runs the tag after it (review 75; a "\\<" that
    `NOTE_CODE` took for code, after a backtick in a link's address, was left as written)."""
    tokens, escaped_in_code = _parser("html").parse(markdown), 0
    for token in tokens:
        if token.type == "html_block" or any(c.type == "html_inline" for c in token.children or ()):
            return True
        escaped_in_code += sum(len(_ESCAPED_TAG.findall(t.content)) for t in (token, *(token.children or ()))
                               if t.type in ("code_inline", "code_block", "fence"))
    return len(_ESCAPED_TAG.findall(markdown)) > escaped_in_code

