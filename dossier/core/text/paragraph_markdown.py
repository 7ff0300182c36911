"""The Markdown of an article's paragraph, written from its pieces (article_marks.walk): each piece's escaped
words inside the link and spans its marks make (one link for all the pieces of one mention), then the
references of the notes and the badges of the witnesses that end with it. `markdown.article_markdown` puts
the paragraphs, the front matter and the notes' definitions together; `article_html` renders the same pieces
as markdown-it-py reads this Markdown. Pure.
"""

from __future__ import annotations

import re
from typing import Sequence

from .article_marks import LinkMark, Piece

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


_PLAIN = (None, (), (), (), (), (), False)   # a piece's marks when it has none (article_marks.Piece)
_HL_START = "[]{.hl-start}"   # where a highlight beginning inside a mention's link is said (`_mention_markdown`)
# A link destination markdown-it-py passes on verbatim when written bare inside `(...)`: no whitespace or
# controls, brackets, parentheses, quotes, escapes or entities (non-ASCII letters are fine: both renderings
# percent-encode them with markdown-it's normaliser). Any other destination is written in `<...>`.
# (Written with the non-ASCII range as "not \x00-\x9f": the same characters, where the range up to U+10FFFF
# took 4.4 ms of every build's start to compile.)
BARE_HREF = re.compile(r"(?:[A-Za-z0-9/_.:#?=%~+@!$,;*\-]|(?!\s)[^\x00-\x9f])+")


def paragraph_markdown(text: str, pieces: Sequence[Piece]) -> str:
    """One paragraph's Markdown from its pieces (a headline's too: `article_markdown` adds the "# "). A mention
    that is one piece is a link inside the piece's span; one that another mark's edge cuts into several pieces
    is one link around them all, their spans inside it (`_mention_markdown`)."""
    parts, ends_with_reference = [], []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece[2:] == _PLAIN:   # words and no marks: most pieces
            parts.append(escape_md(text[piece[0]:piece[1]], line_start=not i))
        else:
            m, first = piece.mention, i
            while m is not None and i + 1 < len(pieces) and pieces[i + 1].mention is m:
                i += 1
            piece = pieces[i]
            if first == i:
                parts.append(_piece_markdown(text, piece, out_empty=not i) + _after_markdown(piece)
                             if piece[6] or piece[7] else _piece_markdown(text, piece, out_empty=not i))
            else:
                parts.append(_mention_markdown(text, pieces[first:i + 1], out_empty=not first))
        ends_with_reference.append(bool(piece[6]) and not piece[7])
        i += 1
    return _joined(parts, ends_with_reference)


def _mention_markdown(text: str, pieces: Sequence[Piece], out_empty: bool) -> str:
    """The pieces of one mention as one link whose words are the pieces' spans, `[Jake [Sullivan]{.wit …}](…)`
    (markdown-it reads a span in a link's text with `link_label.spans_in_links`), then the references and
    badges of its last piece (article_marks.walk gives the others none: a link holds no note nor link).

    Before the link, an empty `[]{.hl-start}` for each highlight that begins inside it: a screen reader hears
    "annotated:" there (dossier.css), not in the link's name ("Jake annotated: Sullivan"); the highlight keeps
    its id, for its permalink."""
    m = pieces[0].mention
    assert m is not None
    words = _joined([_piece_markdown(text, piece, out_empty and not k, linked=False)
                     for k, piece in enumerate(pieces)], [False] * len(pieces))
    starts = _HL_START * sum(1 for piece in pieces if piece.opens)
    return f"{starts}[{words}]({_destination(m.href)}){{{_link_attrs(m, pieces[0].start == m.start)}}}" + \
        _after_markdown(pieces[-1])


def _link_attrs(m: LinkMark, first_piece: bool) -> str:
    """A mention's link's attributes: its id on the link that begins with its first word, its classes."""
    return " ".join(([f"#{m.id}"] if first_piece else []) + ([".m"] if m.first else [".m", ".m-again"]))


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


def _piece_markdown(text: str, piece: Piece, out_empty: bool, linked: bool = True) -> str:
    """One piece of a paragraph: its escaped words inside the span its marks make, its mention's link inside
    that span unless not `linked` (a piece of a mention in several pieces, `_mention_markdown`)."""
    chunk = escape_md(text[piece.start:piece.end], line_start=out_empty)
    if chunk.startswith("^") and len(chunk) > 1 and (piece.mention is not None or piece.anns or piece.wits):
        # wrapped in "[", a caret and more words make "[^words": a footnote reference when they name a note, a
        # footnote definition when "]:" follows (a lone caret, "[^]", is neither)
        chunk = "\\" + chunk
    m = piece.mention
    if m is not None and linked:
        chunk = f"[{chunk}]({_destination(m.href)}){{{_link_attrs(m, piece.start == m.start)}}}"
    # a second annotation starting here gets its own empty anchor span, before the words
    before = "".join(f"[]{{#a-{a}}}" for a in piece.opens[1:])
    if piece.anns or piece.wits:
        attrs = [f"#a-{piece.opens[0]}"] if piece.opens else []
        attrs += ([".hl"] if piece.anns else []) + ([".approx"] if piece.approx else []) + \
            ([".wit"] if piece.wits else [])
        if piece.anns:
            attrs.append(f'data-a="{" ".join(_attr(a) for a in piece.anns)}"')
            attrs.append(f'data-depth="{min(len(piece.anns), 3)}"')
        if piece.wits:
            attrs.append(f'data-w="{" ".join(_attr(w) for w in piece.wits)}"')
        chunk = f"[{chunk}]{{{' '.join(attrs)}}}"
    return before + chunk


def _after_markdown(piece: Piece) -> str:
    """The references of the notes and the badges of the witnesses that follow a piece's words."""
    after = "".join(f"[^{n.id}]" for n in piece.notes)
    # a badge is wrapped with a leading space so copy-paste and screen readers do not glue it to the word
    return after + "".join(f"[ [{escape_md(b.label)}]({_destination(b.href)}){{.badge #{b.id}}}]{{.bw}}"
                           for b in piece.badges)
