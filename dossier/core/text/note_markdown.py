"""A note as the body of its footnote definition in an article's Markdown (markdown.py): what would reach out of
the definition, and raw HTML, escaped where markdown-it would read it. Pure.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

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
        last, parts = 0, []
        for literal in _LITERAL.finditer(note):
            parts += [_escaped_reach(note[last:literal.start()]), literal.group()]
            last = literal.end()
        note = _checked(note, "".join(parts) + _escaped_reach(note[last:]))
    return note.replace("\n", "\n    ")


# Raw HTML in a note (`<img onerror=…>`, `<a href="javascript:…">`) is text on the page (markdown-it, html off),
# and must stay text in the .md, which any renderer may read with HTML on (review 61): a `<` that opens a tag, a
# comment or a declaration is written `&lt;`; an autolink (`<https://…>`, `<name@host>`) is left a link, but not
# one of another scheme (`<javascript:…>`: markdown-it shows it as text, another renderer may not). `&lt;`, not
# `\<`: CommonMark reads both as "<", but Python-Markdown (MkDocs, Pelican) has no `\<` escape, and ran the
# `<img onerror=…>` after the backslash (review 75); every renderer reads the entity as text.
# (an autolink of the web or of mail, after its "<")
_AUTOLINK = r"(?:(?i:https?|mailto):[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>"
_NOTE_HTML = re.compile(r"(?<!\\)((?:\\\\)*)(<)(?=[A-Za-z/!?])(?!" + _AUTOLINK + ")")
# What markdown-it reads literally besides code: those autolinks (`<https://…?q={term}>`), whose "{" or "[" an
# escape would change (a "\{" there is a backslash in the address, review 76)
_LITERAL = re.compile(NOTE_CODE.pattern + "|<" + _AUTOLINK, re.MULTILINE | re.DOTALL)


def _escaped_reach(text: str) -> str:
    """`text` (no code in it) with what would reach out of a footnote definition, and raw HTML, escaped."""
    return _NOTE_HTML.sub(r"\1&lt;", _NOTE_REACH.sub(r"\1\\\2", text))


def _checked(note: str, markdown: str) -> str:
    """`markdown` (a note's, `note_markdown`) when Markdown read with HTML on finds no HTML in it, and read with
    the attribute syntax on (the article's parser) no attribute; else the note with everything escaped, code and
    autolinks too. What looks like code to `NOTE_CODE` need not be to a parser: a backtick in a link's address
    ("[a](http://x/`) <img …> `", "…`){#main style=…} `") is no code span to markdown-it (reviews 66, 76)."""
    if ("<" in markdown and _has_html(markdown)) or ("{" in markdown and _has_attributes(markdown)):
        return re.sub(r"(?<!\\)((?:\\\\)*)<", r"\1&lt;", _NOTE_REACH.sub(r"\1\\\2", note))
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


def _has_html(markdown: str) -> bool:
    tokens = _parser("html").parse(markdown)
    for token in tokens:
        if token.type == "html_block" or any(c.type == "html_inline" for c in token.children or ()):
            return True
    return False
