"""Article body HTML straight from the article's pieces: the one rendering of an article's body.

The build writes each article's annotated Markdown (`markdown.article_markdown`); parsing it back with
markdown-it-py would only rediscover structure the build already has: which words are highlighted, linked,
marked or followed by a note. So this module walks the same pieces (`article_marks.walk`, after the same
snapping of marks onto paragraphs) and writes the HTML markdown-it-py writes for that Markdown.

Invariant: `article_html(src, notes_html, resolver) == render_article(article_markdown(src), notes_html,
resolver)`. `article_markdown` makes that possible by escaping whatever markdown-it would otherwise read
across a mark's brackets; tests/test_article_html_equivalence.py proves the equality on the default dossier,
on a generated one, and on random texts and marks. The source must be as the earlier stages make it (see
`_check`): paragraphs are single, non-empty lines without surrounding whitespace (the cleaner's lines), ids
are plain and note ids unique (the schema and the loader), link targets are the build's own and allowed.
`resolver` must be a pure function of its argument (as `Urls.resolve_note_link` is): resolved links are
cached.

The page's rendering (`article_html(..., page=True)`) differs from it in two places only, said in `article_html`;
the same test checks that it differs in nothing else.

The print-only endnotes render each note's Markdown as a footnote definition body; those are editors' short
notes, so they go through markdown-it-py, one note at a time and cached by its text (`_endnote`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from markdown_it.common.normalize_url import normalizeLink
from markdown_it.common.utils import escapeHtml

from .article_marks import ArticleSource, BadgeMark, LinkMark, NoteMark, Piece, walked
from .markdown import ENDNOTES_OPEN, LinkResolver, note_markdown, render_article, sidenote_ref

# Ids are written into attribute braces `{#id}`, `data-a="..."` and footnote labels `[^id]`: with only these
# characters the attrs and footnote plugins read them back verbatim.
_ID = re.compile(r"[A-Za-z0-9_-]+")
# Line structure markdown-it-py normalises or acts on, which no paragraph or badge label may hold.
_LINE_BREAK = re.compile(r"[\n\r]")
_PLAIN = (None, (), (), (), (), (), False)   # a piece's marks when it has none (article_marks.Piece)
_ENDNOTE_OPEN = '<li id="en-n">'
_ENDNOTE_CLOSE = "</li>\n</ol>\n</section>\n"
_HL_START = '<span class="hl-start"></span>'   # (paragraph_markdown writes `[]{.hl-start}`)
# What holds the headline's heading and, after it, its notes and badges (`article_html`'s `headline_apart`).
HEADLINE_BLOCK = '<div class="headline-block">'
# What opens the words after a badge's label that say what it is about (`article_html`'s `page`), which are the
# editors' (a comparison's title): in the site's language, where the badge's own words are English.
BADGE_ABOUT = '<span class="visually-hidden badge-about">'


def article_html(src: ArticleSource, notes_html: Mapping[str, str], resolver: LinkResolver,
                 page: bool = False) -> str:
    """The article's HTML body, equal to markdown-it-py's rendering of its Markdown (`article_markdown`).
    Raises ValueError for a source no earlier stage makes (see `_check`).

    `page`: the article page's rendering, which differs from markdown-it's in two places (review 142), the rest
    the same character for character. The note references and badges that follow words of the headline are
    written right after its `<h1>` instead of inside it, both in a `<div class="headline-block">`
    (`HEADLINE_BLOCK`), each note a note like any other (role="note"): a heading is named by all it holds, and a
    screen reader's list of headings read whole notes, tags and "compare framing" as the page's title. And a
    badge's link says what it is about (`BadgeMark.about`) after its label, to a screen reader only
    (`BADGE_ABOUT`)."""
    src, paragraphs = walked(src)
    _check(src)
    hrefs = _hrefs(src.links, src.badges, resolver)
    referenced: list[str] = []   # note ids in the order their references appear: footnote numbering
    html: list[str] = []
    # markdown-it replaces NUL with U+FFFD before parsing (the CommonMark rule for insecure characters);
    # one character for one keeps every offset.
    text = src.text.replace("\x00", "\ufffd") if "\x00" in src.text else src.text
    for index, pieces in enumerate(paragraphs):
        heading = index == 0 and src.headline
        apart: list[str] | None = [] if heading and page else None
        body = _paragraph_html(text, pieces, hrefs, heading and not page, notes_html, referenced, apart, page)
        tag = "h1" if heading else "p"
        # The front matter is a hidden block token, and markdown-it writes a newline after one.
        lead = "" if index else "\n"
        if apart:
            html.append(f'{lead}{HEADLINE_BLOCK}<h1>{body}</h1>{"".join(apart)}</div>\n')
        else:
            html.append(f"{lead}<{tag}>{body}</{tag}>\n")
    if referenced:
        html.append(_endnotes(src.notes, referenced, resolver))
    return "".join(html)


def _paragraph_html(text: str, pieces: Sequence[Piece], hrefs: Mapping[str, str], heading: bool,
                    notes_html: Mapping[str, str], referenced: list[str], apart: list[str] | None = None,
                    page: bool = False) -> str:
    """A paragraph's pieces as markdown-it-py renders what `paragraph_markdown` writes for them. A
    mention that is one piece is a link inside the piece's highlight; one that another mark's edge cuts into
    several pieces is one link around them all, their highlights inside it and, before it, where those that
    begin inside it are said (`_starts_before`). Appends the ids of the notes referenced to `referenced`
    (their footnote numbers); `apart`: where the note references and badges go instead of among the words;
    `page`: the page's rendering (`article_html`)."""
    out = []
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        if piece[2:] == _PLAIN:   # words and no marks: most pieces
            out.append(escapeHtml(text[piece[0]:piece[1]]))
            continue
        m = piece.mention
        opens = m is not None and (i == 0 or pieces[i - 1].mention is not m)
        closes = m is not None and (i == last or pieces[i + 1].mention is not m)
        whole = m is None or opens and closes
        if opens and not whole:
            out.append(_starts_before(pieces, i) + _link_open(m, piece.start == m.start, hrefs))
        out.append(_words_html(text, piece, hrefs if whole else None))
        if closes and not whole:
            out.append("</a>")
        # (words ending inside a link have their notes and badges after its last piece: article_marks.walk)
        if piece.notes or piece.badges:
            after = _after_html(piece, hrefs, heading, notes_html, referenced, page)
            (out if apart is None else apart).append(after)
    return "".join(out)


def _starts_before(pieces: Sequence[Piece], i: int) -> str:
    """What goes before the link of the mention in several pieces that begins at `pieces[i]`: an empty
    `.hl-start` span for each highlight beginning inside it (`paragraph_markdown._mention_markdown`)."""
    m, count = pieces[i].mention, 0
    while i < len(pieces) and pieces[i].mention is m:
        count += bool(pieces[i].opens)
        i += 1
    return _HL_START * count


def _link_open(m: LinkMark, first_piece: bool, hrefs: Mapping[str, str]) -> str:
    """The start tag of a mention's link; the mention's id on the link that begins with its first word."""
    anchor = f' id="{escapeHtml(m.id)}"' if first_piece else ""
    return f'<a href="{hrefs[m.href]}"{anchor} class="{"m" if m.first else "m m-again"}">'


def _words_html(text: str, piece: Piece, hrefs: Mapping[str, str] | None) -> str:
    """A piece's words in the highlight or witness span of the marks covering it, with the empty anchors of
    the further annotations starting there before it (`paragraph_markdown._piece_markdown`). `hrefs`: its
    mention's link is made inside the span; None when the piece is in a link made around it (a mention in
    several pieces)."""
    chunk = escapeHtml(text[piece.start:piece.end])
    m = piece.mention
    if m is not None and hrefs is not None:
        chunk = f"{_link_open(m, piece.start == m.start, hrefs)}{chunk}</a>"
    before = "".join(f'<span id="a-{a}"></span>' for a in piece.opens[1:])
    if piece.anns or piece.wits:
        attrs = f' id="a-{piece.opens[0]}"' if piece.opens else ""
        if piece.anns:
            attrs += f' data-a="{" ".join(piece.anns)}" data-depth="{min(len(piece.anns), 3)}"'
        if piece.wits:
            attrs += f' data-w="{" ".join(piece.wits)}"'
        classes = " ".join(c for c, on in (("hl", piece.anns), ("approx", piece.approx), ("wit", piece.wits)) if on)
        chunk = f'<span{attrs} class="{classes}">{chunk}</span>'
    return before + chunk


def _after_html(piece: Piece, hrefs: Mapping[str, str], heading: bool, notes_html: Mapping[str, str],
                referenced: list[str], page: bool = False) -> str:
    """The references of the notes and the badges of the witnesses that follow a piece's words; `page`: the
    page's rendering, whose badges say what they are about (`article_html`)."""
    after = []
    for n in piece.notes:
        referenced.append(n.id)
        # (ids are plain, see _ID: the label needs no escaping)
        after.append(sidenote_ref(n.id, len(referenced), heading, notes_html.get(n.id, "")))
    for b in piece.badges:
        about = f"{BADGE_ABOUT} ({escapeHtml(b.about.replace(chr(0), chr(0xFFFD)))})</span>" if page and b.about else ""
        after.append(f'<span class="bw"> <a href="{hrefs[b.href]}" id="{b.id}" class="badge">'
                     f"{escapeHtml(b.label.replace(chr(0), chr(0xFFFD)))}{about}</a></span>")
    return "".join(after)


def _hrefs(links: Sequence[LinkMark], badges: Sequence[BadgeMark], resolver: LinkResolver) -> dict[str, str]:
    """Each link target → the escaped href markdown-it-py writes for it."""
    out: dict[str, str] = {}
    for href in sorted({m.href for m in links} | {b.href for b in badges}):
        rendered = _href(href, resolver)
        if rendered is None:  # markdown-it would make no link: the marks' targets are the build's own pages
            raise ValueError(f"the link target of a mark is refused: {href!r}")
        out[href] = rendered
    return out


@lru_cache(maxsize=8192)  # pure memoisation: resolver is pure (see the module's docstring), both hashable
def _href(href: str, resolver: LinkResolver) -> str | None:
    """As markdown.py's link policy renders a destination (bare, or in `<...>` when not: the same string
    arrives): resolved, then percent-encoded by markdown-it's normaliser, then HTML-escaped. None when
    refused."""
    resolved = resolver(href)
    return None if resolved is None else escapeHtml(normalizeLink(resolved))


def _check(src: ArticleSource) -> None:
    """Raise ValueError unless the source is as the earlier stages make it, the shape the equality with
    markdown-it's reading of `article_markdown` rests on: every paragraph one non-empty line without
    surrounding whitespace (markdown-it strips it, or reads a new block), every badge label too, plain ids
    (the attrs and footnote plugins would cut others short) and each note id once (a label referenced twice
    shares one footnote number)."""
    ids = [n.id for n in src.notes]
    if len(set(ids)) != len(ids):
        raise ValueError(f"a note id is used twice: {sorted(i for i in set(ids) if ids.count(i) > 1)}")
    bad = [i for i in (*ids, *(m.id for m in src.links), *(b.id for b in src.badges)) if not _ID.fullmatch(i)]
    if bad:
        raise ValueError(f"ids must be letters, digits, - and _: {bad}")
    lines = [src.text[start:end] for start, end in src.paragraphs] + [b.label for b in src.badges]
    odd = [line for line in lines if not line or line != line.strip() or _LINE_BREAK.search(line)]
    if odd:
        raise ValueError(f"paragraphs and badge labels must be single lines, stripped and not empty: {odd[:3]}")


def _endnotes(notes: Sequence[NoteMark], referenced: Sequence[str], resolver: LinkResolver) -> str:
    """The print-only endnotes section: one item per referenced note, in reference (footnote number) order."""
    by_id = {n.id: n for n in notes}
    items = "".join(f'<li id="en-{i}">{_endnote(by_id[i].note, resolver)}</li>\n'
                    for i in referenced)
    return f"{ENDNOTES_OPEN}{items}</ol>\n</section>\n"


@lru_cache(maxsize=4096)
def _endnote(note: str, resolver: LinkResolver) -> str:
    """A note's body as a footnote definition renders it, by markdown-it-py from a document of just that
    definition, written as `article_markdown` writes it. The same as inside the whole article: a definition
    ends at the next unindented line, so definitions do not reach into one another; footnote definitions
    set up their body's indentation relative to the text after the label, so the label does not matter;
    and what a note could share with the rest of the document (link reference definitions, footnote
    references) `note_markdown` escapes, here as in the article's Markdown."""
    rendered = render_article("[^n]\n\n[^n]: " + note_markdown(note) + "\n", {}, resolver)
    start = rendered.index(_ENDNOTE_OPEN) + len(_ENDNOTE_OPEN)
    if not rendered.endswith(_ENDNOTE_CLOSE):
        raise AssertionError(f"unexpected endnote rendering: {rendered!r}")
    return rendered[start:-len(_ENDNOTE_CLOSE)]
