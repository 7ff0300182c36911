"""Article body HTML straight from the article's pieces: the fast path of `markdown.render_article`.

The build writes each article's annotated Markdown (`markdown.article_markdown`) and used to parse it back with
markdown-it-py to get the HTML body. That parse is the dominant cost of a build, and it only rediscovers
structure the build already had: which words are highlighted, linked, marked or followed by a note. So this
module walks the same pieces (`article_marks.walk`, after the same snapping of marks onto paragraphs) and
writes the HTML markdown-it-py would write for them.

Invariant: `article_html(src, notes_html, resolver)` returns either None (declined) or exactly
`render_article(article_markdown(src), notes_html, resolver)`. It declines, conservatively, whenever the
article holds something markdown-it-py might read differently from a plain walk of the segments (see
`_declined`); the caller then renders the Markdown as before. tests/test_article_html_equivalence.py proves
the equality on the default dossier, on a generated one, and on random texts and marks. `resolver` must be a
pure function of its argument (as `Urls.resolve_note_link` is): resolved links are cached.

The print-only endnotes render each note's Markdown as a footnote definition body; those are editors' short
notes, so they still go through markdown-it-py, one note at a time and cached by its text (`_endnote`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from markdown_it.common.normalize_url import normalizeLink
from markdown_it.common.utils import escapeHtml

from .article_marks import ArticleSource, BadgeMark, LinkMark, NoteMark, Piece, snapped, walk
from .markdown import LinkResolver, render_article, sidenote_ref

# Ids are written into attribute braces `{#id}`, `data-a="..."` and footnote labels `[^id]`: with only these
# characters the attrs and footnote plugins read them back verbatim.
_ID = re.compile(r"[A-Za-z0-9_-]+")
# A link destination written bare inside `(...)`: no whitespace or controls, brackets, parentheses, quotes,
# escapes or entities, so markdown-it-py passes it to the resolver unchanged (non-ASCII letters are fine:
# both paths percent-encode them with markdown-it's normaliser).
_HREF = re.compile(r"(?:(?!\s)[A-Za-z0-9/_.:#?=%~+@!$,;*\-\u00a0-\U0010ffff])+")
# In text: line structure markdown-it-py normalises or acts on (CR, NUL, newlines) and `^`, which starts an
# inline footnote `^[...]` when a mark's bracket follows it (escape_md does not escape it).
_TEXT_HAZARD = re.compile(r"[\n\r\x00^]")
# In a note: footnote references and inline footnotes (they would join the article's footnote numbering)
# and link reference definitions (they would turn the article's `[words]{...}` spans into links).
_NOTE_HAZARD = re.compile(r"\[\^|\^\[|\]:")
_PLAIN = (None, (), (), (), (), ())   # a piece's marks when it has none (article_marks.Piece)
_ENDNOTES = '<section class="endnotes" aria-label="Notes">\n<ol>\n'
_ENDNOTE_OPEN = '<li id="en-n">'
_ENDNOTE_CLOSE = "</li>\n</ol>\n</section>\n"


def article_html(src: ArticleSource, notes_html: Mapping[str, str], resolver: LinkResolver) -> str | None:
    """The article's HTML body, equal to markdown-it-py's rendering of its Markdown; None when declined."""
    src = snapped(src)
    hrefs = _hrefs(src.links, src.badges, resolver)
    if hrefs is None or _declined(src, src.notes, src.badges):
        return None
    referenced: list[str] = []   # note ids in the order their references appear: footnote numbering
    html: list[str] = []
    text = src.text
    for index, pieces in enumerate(walk(src)):
        heading = index == 0 and src.headline
        body = "".join(escapeHtml(text[piece[0]:piece[1]]) if piece[2:] == _PLAIN else  # words and no marks
                       _piece_html(text, piece, hrefs, heading, notes_html, referenced) for piece in pieces)
        tag = "h1" if heading else "p"
        # The front matter is a hidden block token, and markdown-it writes a newline after one.
        lead = "" if index else "\n"
        html.append(f"{lead}<{tag}>{body}</{tag}>\n")
    if referenced:
        html.append(_endnotes(src.notes, referenced, resolver))
    return "".join(html)


def _piece_html(text: str, piece: Piece, hrefs: Mapping[str, str], heading: bool, notes_html: Mapping[str, str],
                referenced: list[str]) -> str:
    """One piece of a paragraph as markdown-it-py renders what `markdown._piece_markdown` writes for it.
    Appends the ids of the notes referenced after it to `referenced` (their footnote numbers)."""
    chunk = escapeHtml(text[piece.start:piece.end])
    m = piece.mention
    if m is not None:
        anchor = f' id="{escapeHtml(m.id)}"' if piece.start == m.start else ""
        chunk = f'<a href="{hrefs[m.href]}"{anchor} class="{"m" if m.first else "m m-again"}">{chunk}</a>'
    before = "".join(f'<span id="a-{a}"></span>' for a in piece.opens[1:])
    if piece.anns or piece.wits:
        attrs = f' id="a-{piece.opens[0]}"' if piece.opens else ""
        if piece.anns:
            attrs += f' data-a="{" ".join(piece.anns)}" data-depth="{min(len(piece.anns), 3)}"'
        if piece.wits:
            attrs += f' data-w="{" ".join(piece.wits)}"'
        classes = "hl wit" if piece.anns and piece.wits else "hl" if piece.anns else "wit"
        chunk = f'<span{attrs} class="{classes}">{chunk}</span>'
    after = []
    for n in piece.notes:
        referenced.append(n.id)
        # (ids are plain, see _ID: the label needs no escaping)
        after.append(sidenote_ref(n.id, len(referenced), heading, notes_html.get(n.id, "")))
    for b in piece.badges:
        after.append(f'<span class="bw"> <a href="{hrefs[b.href]}" id="{b.id}" class="badge">'
                     f"{escapeHtml(b.label)}</a></span>")
    return before + chunk + "".join(after)


def _hrefs(links: Sequence[LinkMark], badges: Sequence[BadgeMark],
           resolver: LinkResolver) -> dict[str, str] | None:
    """Each link target → the escaped href markdown-it-py writes for it; None if one is not plain."""
    out: dict[str, str] = {}
    for href in sorted({m.href for m in links} | {b.href for b in badges}):
        rendered = _href(href, resolver)
        if rendered is None:
            return None
        out[href] = rendered
    return out


@lru_cache(maxsize=8192)
def _href(href: str, resolver: LinkResolver) -> str | None:
    """As markdown.py's link policy renders a bare destination: resolved, then percent-encoded by
    markdown-it's normaliser, then HTML-escaped. None when not plain or refused (markdown-it would then
    not make a link at all)."""
    if not _HREF.fullmatch(href):
        return None
    resolved = resolver(href)
    return None if resolved is None else escapeHtml(normalizeLink(resolved))


def _declined(src: ArticleSource, notes: Sequence[NoteMark], badges: Sequence[BadgeMark]) -> bool:
    """True when markdown-it-py might read the article's Markdown otherwise than the segment walk assumes."""
    ids = [n.id for n in notes]
    if len(set(ids)) != len(ids):
        return True   # a label referenced twice shares one footnote number
    if not all(_ID.fullmatch(i) for i in (*ids, *(m.id for m in src.links), *(b.id for b in badges))):
        return True
    text = src.text
    for index, (start, end) in enumerate(src.paragraphs):
        body = text[start:end]
        # markdown-it strips a paragraph's (and a heading's) surrounding whitespace, Unicode included, and 4
        # leading spaces make code; an empty paragraph is no paragraph at all.
        if not body or body != body.strip() or _TEXT_HAZARD.search(body):
            return True
        if index == 0 and src.headline and body.endswith("#"):
            return True   # a closing sequence of the ATX heading
    for n in notes:
        if text.startswith("(", n.end):
            return True   # `[^id](...)`: the link rule reads a footnote reference followed by "(" as a link
    for b in badges:
        if not b.label or b.label != b.label.strip() or _TEXT_HAZARD.search(b.label):
            return True
    return any(_NOTE_HAZARD.search(n.note) for n in notes)


def _endnotes(notes: Sequence[NoteMark], referenced: Sequence[str], resolver: LinkResolver) -> str:
    """The print-only endnotes section: one item per referenced note, in reference (footnote number) order."""
    by_id = {n.id: n for n in notes}
    items = "".join(f'<li id="en-{i}">{_endnote(by_id[i].note.strip() or "(no note)", resolver)}</li>\n'
                    for i in referenced)
    return f"{_ENDNOTES}{items}</ol>\n</section>\n"


@lru_cache(maxsize=4096)
def _endnote(note: str, resolver: LinkResolver) -> str:
    """A note's body as a footnote definition renders it, by markdown-it-py from a document of just that
    definition, written as `article_markdown` writes it. The same as inside the whole article: a definition
    ends at the next unindented line, so definitions do not reach into one another; footnote definitions
    set up their body's indentation relative to the text after the label, so the label does not matter;
    and what a note could share with the rest of the document (link reference definitions, footnote
    references) makes `article_html` decline."""
    rendered = render_article("[^n]\n\n[^n]: " + note.replace("\n", "\n    ") + "\n", {}, resolver)
    start = rendered.index(_ENDNOTE_OPEN) + len(_ENDNOTE_OPEN)
    if not rendered.endswith(_ENDNOTE_CLOSE):
        raise AssertionError(f"unexpected endnote rendering: {rendered!r}")
    return rendered[start:-len(_ENDNOTE_CLOSE)]
