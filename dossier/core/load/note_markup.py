"""Markdown that a note does not show: tables, lists, quotation and code blocks, headings, images and HTML; and
links that Markdown does not read, in a note or any other Markdown field (`link_markup`).

A note is shown inside a sentence's margin (a sidenote) or a listing, so it takes inline Markdown only
(emphasis, links, code, footnotes); the block syntax it does not take was published as written ("| Outlet |
Wording |", "- first item") and an image as a "!" before a link, without a word. A warning says so at the line
that has it (`note-markup`). Pure.
"""

from __future__ import annotations

import re

from ..common.errors import Problem, warning
from .model import Origin

_PARAGRAPH = r"(?:\A|\n[ \t]*\n)"  # a block begins the note or a paragraph of it (after a blank line)
_BLOCKS = (
    (re.compile(r"^\s*\|.*\|\s*$", re.M), "a table"),
    (re.compile(_PARAGRAPH + r"\s{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S"), "a list"),
    (re.compile(_PARAGRAPH + r"\s{0,3}>"), "a quotation block"),
    (re.compile(r"^\s{0,3}(?:```|~~~)", re.M), "a code block"),
    (re.compile(_PARAGRAPH + r"\s{0,3}#{1,6}[ \t]"), "a heading"),
    (re.compile(r"!\[[^\]]*\]\("), "an image"),
)
# (a line of a sentence wrapped in a literal block that begins "1948." or "- according to" is no list: only at
# the start of a paragraph is such a line meant as one)


# A link that Markdown does not read as one, published as its brackets and address (review 58): a space in the
# address ("[x](https://host/a b)"; a title after a space, in quotes or brackets, is fine), or its text not closed
# before the address ("[see also(entity:x)")
_SPACED_ADDRESS = re.compile(r"\[[^\]\n]*\]\(\s*(?!<)[^\s()]+[ \t]+(?![\"'()\s])[^)\n]*\)")  # ("( x )": read, review 67)
_UNCLOSED_TEXT = re.compile(r"\[[^\]\[\n]*\((?:https?://|mailto:|entity:|article:|compare:|tag:|/)[^\s)]*\)")
# ... or its address not closed with ")" before the line ends ("([compare the headlines](compare:headlines." was
# published as written, and the did-you-mean of the link check, pasted, left it so: review 127)
_UNCLOSED_ADDRESS = re.compile(r"\[[^\]\n]*\]\((?!<)[^\s()]+(?=[ \t]*(?:\n(?![ \t]*[\"'()])|\Z))")
_LINKS = ((_SPACED_ADDRESS, "a space in its address", "write the space as %20, or put the address in <…>"),
          (_UNCLOSED_TEXT, "its text not closed with ]", "close the link's text with ] before its ( address )"),
          (_UNCLOSED_ADDRESS, "its address not closed with )", "close the address with ) (and the sentence after it)"))


# An HTML tag or comment (raw HTML is off in notes: shown as written, review 116): an element HTML has, so that a
# transcript's "<inaudible>" or a link's target in <…> ("[the report](</articles/x/>)", review 119) is no tag; an
# autolink ("<https://…>", "<name@host>") has a ":" or "@" after its first word
_ELEMENTS = ("a|abbr|address|article|aside|audio|b|bdi|bdo|big|blockquote|body|br|button|canvas|caption|center|cite|"
             "code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|"
             "header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|option|p|"
             "picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|"
             "table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr")
_TAG = re.compile(rf"<(?:/?(?i:{_ELEMENTS})(?=[\s/>])[^<>]*>|!--)")
_ANGLED_TARGET = re.compile(r"\]\(\s*<[^<>\n]*>")


def note_markup(note: str, origin: Origin, what: str = "a note") -> list[Problem]:
    """A `note-markup` warning for the first block syntax of each kind `note` uses, for each link Markdown does not
    read as one, and for its first HTML tag, at its line."""
    out = _not_links(note, origin, what) if "(" in note and "[" in note else []
    out += _html(note, origin, what) if "<" in note else []
    first = note.lstrip()[:1]
    if "\n" not in note and "![" not in note and (not first or first not in "|-*+>`~#" and not first.isdigit()):
        return out  # (one line that begins with none of them, as nearly every note: no search at all)
    for pattern, kind in _BLOCKS:
        found = pattern.search(note)
        if found:
            at = origin.inside(found.group().strip().splitlines()[-1].strip())
            out.append(warning(at.file, at.line, at.col, f"{what} shows inline Markdown only: {kind} is shown as "
                               "written", "write it as sentences (emphasis, links and code work in a note); a "
                               "table or list belongs in the article's summary", "note-markup"))
    return out


def _html(note: str, origin: Origin, what: str) -> list[Problem]:
    """A warning at the first HTML tag of `note` outside code (a note takes Markdown, not HTML: `<b>` and
    `<a href=…>` were published as written, without a word), with how many there are."""
    bare = _ANGLED_TARGET.sub(lambda target: " " * len(target.group()), _uncoded(note))
    tags = list(_TAG.finditer(bare))
    if not tags:
        return []
    first = tags[0].group()
    at = origin.inside(first, note.count(first, 0, tags[0].start()))  # (the same words in code before it: review 119)
    more = f" (and {len(tags) - 1} more tag{'s' if len(tags) > 2 else ''})" if len(tags) > 1 else ""
    return [warning(at.file, at.line, at.col, f'{what} takes Markdown, not HTML: "{first}" is shown as written{more}',
                    "write emphasis as *words* or **words** and a link as [words](address); to show a tag as text, "
                    "put it in `backticks`", "note-markup")]


def _uncoded(note: str) -> str:
    """`note` with its code spans blanked out (code is shown as written anyway), its places kept."""
    return re.sub(r"`+[^`]*`+", lambda code: " " * len(code.group()), note)


def link_markup(text: str, origin: Origin, what: str) -> list[Problem]:
    """A `note-markup` warning at each link of a Markdown field (a summary, a description) that Markdown does not
    read as one: a field that takes block Markdown too, whose blocks are not looked at (review 127: a summary's
    "[see](entity:benny-gantz for more)" was published as written without a word)."""
    return _not_links(text, origin, what) if "(" in text and "[" in text else []


def _not_links(note: str, origin: Origin, what: str) -> list[Problem]:
    """A warning at each link of `note` that is shown as written (outside code spans)."""
    out = []
    bare = _uncoded(note)
    for pattern, why, hint in _LINKS:
        for found in pattern.finditer(bare):
            at = origin.inside(found.group())
            own = _OWN_ADDRESS.match(found.group()) if pattern is _SPACED_ADDRESS else None
            said, told = (why, hint) if not own else (  # (an id has no space: its ")" was left out, review 127)
                "its address not closed with ) after the id",
                f'close it after the id: "{own.group()}){found.group()[own.end():]}"')
            out.append(warning(at.file, at.line, at.col, f"{what} has a link Markdown does not read, {said}: it is "
                               f'shown as written, "{found.group()}"', told, "note-markup"))
    return out


# A link's address that is one of ours (an id after it, which has no space)
_OWN_ADDRESS = re.compile(r"\[[^\]\n]*\]\(\s*(?:entity|article|compare|tag):[^\s()]+")
