"""The Markdown of an article's paragraph, written from its pieces (article_marks.walk): each piece's escaped
words inside the link and spans its marks make, then the references of the notes and the badges of the
witnesses that end with it. `markdown.article_markdown` puts the paragraphs, the front matter and the notes'
definitions together; `article_html` renders the same pieces as markdown-it-py reads this Markdown. Pure.
"""

from __future__ import annotations

import re
from typing import Sequence

from .article_marks import Piece

_ESCAPE = re.compile(r"([\\`*_\[\]{}<>&~])")  # (~: GitHub's Markdown reads ~~words~~ as struck through)
_LINE_START = re.compile(r"^([#>+=~-]|\d+(?=[.)]))")


def escape_md(text: str, line_start: bool = False) -> str:
    """Seed text → Markdown source that renders back to exactly `text` (inline, single line)."""
    out = _ESCAPE.sub(r"\\\1", text)
    if line_start:
        match = _LINE_START.match(out)
        if match and match.group(1).isdigit():
            n = len(match.group(1))
            out = out[:n] + "\\" + out[n:]
        elif match:
            out = "\\" + out
    return out


def _attr(value: str) -> str:
    return value.replace("\\", "").replace('"', "")


_PLAIN = (None, (), (), (), (), ())   # a piece's marks when it has none (article_marks.Piece)
# A link destination markdown-it-py passes on verbatim when written bare inside `(...)`: no whitespace or
# controls, brackets, parentheses, quotes, escapes or entities (non-ASCII letters are fine: both renderings
# percent-encode them with markdown-it's normaliser). Any other destination is written in `<...>`.
# (Written with the non-ASCII range as "not \x00-\x9f": the same characters, where the range up to U+10FFFF
# took 4.4 ms of every build's start to compile.)
BARE_HREF = re.compile(r"(?:[A-Za-z0-9/_.:#?=%~+@!$,;*\-]|(?!\s)[^\x00-\x9f])+")


def paragraph_markdown(text: str, pieces: Sequence[Piece]) -> str:
    """One paragraph's Markdown from its pieces (a headline's too: `article_markdown` adds the "# ")."""
    return _joined([escape_md(text[piece[0]:piece[1]], line_start=not i) if piece[2:] == _PLAIN else
                    _piece_markdown(text, piece, out_empty=not i) for i, piece in enumerate(pieces)],
                   [bool(piece[6]) and not piece[7] for piece in pieces])


def _joined(parts: list[str], ends_with_reference: list[bool]) -> str:
    """A paragraph's pieces of Markdown joined, escaping what markdown-it would read across a boundary: a
    caret before a mark's `[` (an inline footnote `^[...]`), and a parenthesis right after a footnote
    reference (`[^id](...)` reads as a link). `ends_with_reference[i]`: part i ends with a note's `[^id]`.
    Within a part no such pair meets: a note's or witness's words are always wrapped in their span, so what
    follows them is a `]`. A part ending in "^" is escaped words (escape_md leaves no backslash before it).
    Only the first of the pair is escaped, and only there, so the Markdown of every other text is unchanged."""
    for i in range(1, len(parts)):
        before, after = parts[i - 1], parts[i]
        if before.endswith("^") and after.startswith("["):
            parts[i - 1] = before[:-1] + "\\^"
        elif ends_with_reference[i - 1] and after.startswith("("):
            parts[i] = "\\" + after
    return "".join(parts)


def _destination(href: str) -> str:
    """A link target as written in `(...)`: bare when markdown-it passes it on verbatim, else in `<...>` with
    what markdown-it unescapes there escaped, so it still arrives as `href`."""
    if BARE_HREF.fullmatch(href):
        return href
    if "\n" in href or "\r" in href:
        raise ValueError(f"a link target of a mark cannot hold a line break: {href!r}")
    return "<" + re.sub(r"([\\<>&])", r"\\\1", href) + ">"


def _piece_markdown(text: str, piece: Piece, out_empty: bool) -> str:
    """One piece of a paragraph: its escaped words inside the link and span its marks make, then the
    references of the notes and the badges of the witnesses that end with it."""
    chunk = escape_md(text[piece.start:piece.end], line_start=out_empty)
    if chunk.startswith("^") and len(chunk) > 1 and (piece.mention is not None or piece.anns or piece.wits):
        # wrapped in "[", a caret and more words make "[^words": a footnote reference when they name a note, a
        # footnote definition when "]:" follows (a lone caret, "[^]", is neither)
        chunk = "\\" + chunk
    m = piece.mention
    if m is not None:
        attrs = [f"#{m.id}"] if piece.start == m.start else []
        attrs += [".m"] if m.first else [".m", ".m-again"]
        chunk = f"[{chunk}]({_destination(m.href)}){{{' '.join(attrs)}}}"
    # a second annotation starting here gets its own empty anchor span, before the words
    before = "".join(f"[]{{#a-{a}}}" for a in piece.opens[1:])
    if piece.anns or piece.wits:
        attrs = [f"#a-{piece.opens[0]}"] if piece.opens else []
        attrs += ([".hl"] if piece.anns else []) + ([".wit"] if piece.wits else [])
        if piece.anns:
            attrs.append(f'data-a="{" ".join(_attr(a) for a in piece.anns)}"')
            attrs.append(f'data-depth="{min(len(piece.anns), 3)}"')
        if piece.wits:
            attrs.append(f'data-w="{" ".join(_attr(w) for w in piece.wits)}"')
        chunk = f"[{chunk}]{{{' '.join(attrs)}}}"
    after = "".join(f"[^{n.id}]" for n in piece.notes)
    # a badge is wrapped with a leading space so copy-paste and screen readers do not glue it to the word
    after += "".join(f"[ [{escape_md(b.label)}]({_destination(b.href)}){{.badge #{b.id}}}]{{.bw}}"
                     for b in piece.badges)
    return before + chunk + after
