"""Annotated Markdown: written for every article (the `.md` artifact) and rendered to HTML by markdown-it-py.

The Markdown stays readable as plain text: highlights are attribute spans `[words]{.hl data-a="id"}`, notes
are footnotes `[^id]` defined at the end, entity mentions are ordinary links. Seed text is backslash-escaped
so that nothing in a source (asterisks, brackets, `<script>`, `&amp;`) can become markup.
Raw HTML is off in every parser here; links in notes pass through `Urls.resolve_note_link`.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterator

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink as _normalize_link
from markdown_it.common.utils import escapeHtml
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

# The mark types and `snap` are re-exported: views, site and the page modules import them from here.
if TYPE_CHECKING:
    from ..common.urls import Urls

from .article_marks import ArticleSource, BadgeMark, LinkMark, NoteMark, Piece, snap, snapped, walk, walked  # noqa: F401
# (article_html imports note_markdown from here too)
from .note_markdown import bare_targets, html_as_text, note_markdown
from .export_links import inline_references, resolve_links_for_export  # noqa: F401 - (the page modules import it)
from .link_label import spans_in_links
from .paragraph_markdown import paragraph_markdown


def article_markdown(src: ArticleSource) -> str:
    """The annotated Markdown of one article. Deterministic for a given source.

    Invariant: markdown-it-py reads it back as exactly the structure of `walk(src)`, nothing more: where a
    mark's bracket meets a character markdown-it would read together with it, that character is escaped
    (`paragraph_markdown`), and a note cannot reach out of its definition (`note_markdown`). That is what lets
    `article_html` render the body straight from the same walk."""
    src, paragraphs = walked(src)
    lines = ["---", *(f"{key}: {_yaml_str(value)}" for key, value in src.front_matter), "---", ""]
    for index, pieces in enumerate(paragraphs):
        heading = index == 0 and src.headline
        body = paragraph_markdown(src.text, pieces)
        lines += ["# " + _closing_hashes_escaped(body) if heading else body, ""]
    for n in sorted(src.notes, key=lambda n: (n.start, n.end, n.id)):
        lines += [f"[^{n.id}]: " + note_markdown(n.note), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _closing_hashes_escaped(body: str) -> str:
    """The headline's Markdown with a final run of "#" escaped where markdown-it would take it for the
    heading's closing sequence (after a space or tab)."""
    run = len(body) - len(body.rstrip("#"))
    if run and body[-run - 1:-run] in (" ", "\t"):
        return body[:-run] + "\\" + body[-run:]
    return body


# What a YAML double-quoted scalar may not hold as itself (outside YAML's printable set; NEL, a line break
# there): DEL, the C1 controls (cp1252 mojibake brings them: "Odd\x96one"), U+FFFE and U+FFFF; and < > &,
# which a Markdown renderer that knows no front matter would read as HTML
_YAML_UNPRINTABLE = re.compile("[\x7f-\x9f\ufffe\uffff\ud800-\udfff<>&]")


def _yaml_str(value: str) -> str:
    """`value` as a YAML double-quoted scalar (JSON's escapes are YAML's) that reads back as exactly it; its
    < > & escaped too: a renderer that knows no front matter reads it as Markdown, with HTML on (a title
    "T <img onerror=…>" was a live element, review 66)."""
    import json
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


# --- Markdown → HTML -------------------------------------------------------------------------------------

LinkResolver = Callable[[str], "str | None"]


_REFUSED = "refused:"
_NOTES_HTML = "dossier_notes_html"   # env key: the rendered sidenotes of the article being rendered
# The print-only endnotes (each note again, for paper): left out of the search index, which has each note once,
# from its sidenote (indexed twice, a note's words weighed double and its endnote copy could be the excerpt shown)
ENDNOTES_OPEN = '<section class="endnotes" aria-label="Notes" data-pagefind-ignore="all">\n<ol>\n'

# The link policy of the render in progress: (resolver, refused targets so far). The parsers are built once
# per mode and shared, so the per-call resolver cannot live on them; a context variable keeps concurrent
# renders (threads, nested calls) apart, and every render sets and resets it around itself.
_CALL: ContextVar[tuple[LinkResolver, list[str]]] = ContextVar("dossier_markdown_call")


def _normalize_call_link(url: str) -> str:
    resolver, refused = _CALL.get()
    resolved = resolver(url)
    if resolved is None:
        refused.append(url)
        return _REFUSED
    return _normalize_link(resolved)


def _parser(attributes: bool = False) -> MarkdownIt:
    """markdown-it with raw HTML and images off and every link target passed through the call's resolver.
    `attributes`: the `{#id .class key=value}` syntax on (the article's own Markdown, whose marks the build
    writes); off for what editors write (notes, summaries, descriptions), where it set any attribute: `style`,
    `ping`, an `id` of the page's own (`main`), `data-pagefind-meta` that sent search results to another site
    (review 75).

    markdown-it first normalises a target, then validates the normalised form. So the policy is applied in
    normalisation, on the target as the editor wrote it (entities decoded, e.g. "java&#9;script:" arrives
    with its tab): a refused target becomes a sentinel that validation rejects; an allowed one is resolved
    and then percent-encoded by markdown-it's own normaliser.
    """
    md = MarkdownIt("commonmark", {"html": False})
    md.use(front_matter_plugin).use(footnote_plugin)
    if attributes:
        md.use(attrs_plugin, spans=True)
    md.disable(["image"])
    md.normalizeLink = _normalize_call_link  # type: ignore[assignment]
    md.validateLink = lambda url: url != _REFUSED  # type: ignore[assignment]
    return md


def _render(md: MarkdownIt, text: str, resolver: LinkResolver,
            env: dict[str, Any] | None = None) -> tuple[str, tuple[str, ...]]:
    """Render with `resolver` as the link policy; returns the HTML and the refused link targets."""
    with _policy(resolver) as refused:
        return md.render(text, {} if env is None else env), tuple(refused)


@contextmanager
def _policy(resolver: LinkResolver) -> Iterator[list[str]]:
    """`resolver` as the link policy of the parse or render in the block (`_CALL`); yields the refused targets."""
    refused: list[str] = []
    token = _CALL.set((resolver, refused))
    try:
        yield refused
    finally:
        _CALL.reset(token)


# The parsers are built once per process: each is a fixed configuration (no argument), and a render's link
# policy lives in `_CALL`, not on the parser, so sharing one is safe.
@cache
def _note_parser() -> MarkdownIt:
    md = _parser()
    md.disable(["table", "code", "fence", "blockquote", "hr", "list", "heading", "lheading", "html_block"],
               ignoreInvalid=True)
    md.add_render_rule("paragraph_open", lambda *a: '<span class="np">')
    md.add_render_rule("paragraph_close", lambda *a: "</span>")
    md.add_render_rule("footnote_ref", lambda self, tokens, idx, options, env:
                       f'<sup class="note-fn">{tokens[idx].meta["id"] + 1}</sup>')
    md.add_render_rule("footnote_block_open", lambda *a: '<span class="note-fns">')
    md.add_render_rule("footnote_block_close", lambda *a: "</span>")
    md.add_render_rule("footnote_open", lambda self, tokens, idx, options, env:
                       f'<span class="note-fnd"><sup>{tokens[idx].meta["id"] + 1}</sup> ')
    md.add_render_rule("footnote_close", lambda *a: "</span>")
    md.add_render_rule("footnote_anchor", lambda *a: "")
    return md


@lru_cache(maxsize=1 << 16)
def link_targets(text: str, note: bool) -> tuple[str, ...]:
    """The link target of each link of an editors' Markdown field as written (entities decoded), in order: what
    the build checks (refused schemes, unknown ids). A target linked twice is there twice: each link is one to
    change, said at its own place (a note linking a deleted comparison twice was one problem, counted as one
    reference to change). A reference-style link's target is there once, where its definition writes it.
    `note`: parse as a note, else as a block field.
    A link needs "[" or "<", so the many notes without either are not parsed at all. Remembered by text (a
    pure function of it): the live preview checks every note on every save, and parses only the new ones."""
    if "[" not in text and "<" not in text:
        return ()
    found: list[str] = []

    def record(url: str) -> str:
        found.append(url)
        return url

    _render(_note_parser() if note else _block_parser(), text, record)
    found = [url for url in found if not _unclosed(text, url)]
    if len(set(found)) == len(found):
        return tuple(found)
    # markdown-it also passes a link through `record` when it scans the text of a link or of brackets around it
    # before parsing that text ("[[1](article:x)]", "[see [this](x) here](y)"): a target is there as many times
    # as the text writes it, at most (review 113: one link was two errors, the second at the field's start)
    out, kept = [], Counter[str]()
    for url in found:
        kept[url] += 1
        if kept[url] <= max(1, _written(text, url)):
            out.append(url)
    return tuple(out)


def _unclosed(text: str, url: str) -> bool:
    """Whether every place `text` writes `url` is an inline link's address that no ")" closes: markdown-it asks of
    it before it finds that the link is none (it is then text, which note_markup.py warns of), so it is not one of
    the field's links ("(compare:headlines." was told to be "compare:headlines", which pasted is no link either:
    review 127). A target written otherwise (a reference's definition, in <…>, decoded from an entity) is kept."""
    places = [m.start() for m in re.finditer(re.escape(url), text)] if _OURS.match(url) else []
    return bool(places) and all(text[:at].endswith("](") and not _CLOSED.match(text, at + len(url))
                                for at in places)


# What closes a link's address: an optional title (its quotes escaped inside it), then ")", a line ending allowed
# before each
_CLOSED = re.compile(r"""[ \t]*(?:\n[ \t]*)?(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))"""
                     r"""[ \t]*(?:\n[ \t]*)?)?\)""")
# The targets `_unclosed` may drop: those a link check would only say name nothing or lead elsewhere (ours, the
# web's, a path); one of another scheme, refused (javascript:), is always said (reviews 131, 132)
_OURS = re.compile(r"(?:https?:|mailto:|entity:|article:|compare:|tag:|(?![a-zA-Z][a-zA-Z0-9+.-]*:))", re.I)


def _written(text: str, url: str) -> int:
    """How many times `text` writes the link target `url`, whole (not "article:x" in "article:x-2")."""
    return len(re.findall(re.escape(url) + r"(?![^\s)>\]\"'])", text))


def render_note(text: str, resolver: LinkResolver) -> tuple[str, tuple[str, ...]]:
    """An editor's note (Markdown) → phrasing-only HTML (paragraphs become spans, so it fits in a sidenote),
    plus the link targets that were refused. Footnotes inside a note become parenthesised inline text."""
    plain = _plain_note(text)
    if plain is not None:
        return plain, ()
    rendered, refused = _render(_note_parser(), text, resolver)
    return rendered.strip().replace("\n", " "), refused


_MARKUP = re.compile(r"[\\`*_\[\]!<>&{}^~\n\r\x00]|^-")  # `-` only at the start: front matter


def _plain_note(text: str) -> str | None:
    """The note's HTML when it is one line of plain words, which markdown-it renders as that escaped text in
    one paragraph (most notes of a large dossier): skips the parser. None when any character could start
    Markdown syntax here, or the line has whitespace markdown-it would treat differently from str.strip."""
    line = text.strip(" \t")
    if not line or _MARKUP.search(line) or line[0].isspace() or line[-1].isspace():
        return None
    return f'<span class="np">{escapeHtml(line)}</span>'


def sidenote_ref(label: str, number: int, in_heading: bool, note_html: str) -> str:
    """A footnote reference of the article as its sidenote (margin on wide screens, a toggle on phones).
    `label` is HTML-escaped already; `note_html` is trusted HTML."""
    # HTML forbids role=note inside a heading (the headline's notes, in markdown-it's rendering; the page puts
    # them after the heading, article_html): there the visible "Note n" label and the permalink name the note.
    role = "" if in_heading else f' role="note" aria-label="Note {number}"'
    # The checkbox, there on a phone, says what it does: "Note 1" and a checkbox "Note 1" said nothing of showing
    # a note (review 142); checked, the note is shown. Its label's words are then not said as well ("Note 1, Show
    # note 1": review 142 again): the visible number is hidden from screen readers, and the hidden "Note 1"
    # (.sn-said) is there only where the checkbox is not, with the notes in the margin (dossier.css). No tooltip:
    # "Show note 1" was shown by a mouse over the number of a note already in the margin, and a phone has none.
    return (f'<span class="sn"><span class="visually-hidden"> </span><label class="sn-toggle" for="sn-{label}">'
            f'<span class="visually-hidden sn-said">Note {number}</span><span aria-hidden="true">{number}</span></label>'
            f'<input type="checkbox" class="sn-check" id="sn-{label}" aria-label="Show note {number}">'
            f'<span class="sidenote" id="n-{label}"{role}>'
            f'<a class="sn-num" href="#a-{label}" aria-label="Permalink to note {number}">{number}</a> '
            f'{note_html}</span></span>')


def _footnote_ref(self, tokens, idx, options, env) -> str:  # type: ignore[no-untyped-def]
    """A footnote reference of the article → its sidenote (the note's HTML comes from the call's env)."""
    meta = tokens[idx].meta
    return sidenote_ref(html.escape(meta["label"]), meta["id"] + 1, bool(meta.get("in_heading")),
                        env[_NOTES_HTML].get(meta["label"], ""))


@cache
def _article_parser() -> MarkdownIt:
    md = spans_in_links(_parser(attributes=True))   # (a mention cut by a highlight's edge: one link)
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.core.ruler.push("sidenotes_in_headings", _mark_heading_notes)
    md.add_render_rule("footnote_block_open", lambda *a: ENDNOTES_OPEN)
    md.add_render_rule("footnote_block_close", lambda *a: "</ol>\n</section>\n")
    md.add_render_rule("footnote_open", lambda self, tokens, idx, options, env:
                       f'<li id="en-{html.escape(tokens[idx].meta["label"])}">')
    md.add_render_rule("footnote_close", lambda *a: "</li>\n")
    md.add_render_rule("footnote_anchor", lambda *a: "")
    return md


def render_article(markdown_text: str, notes_html: dict[str, str], resolver: LinkResolver) -> str:
    """The article's annotated Markdown → HTML body. Each footnote reference becomes a sidenote (margin on
    wide screens, a toggle on phones; a checkbox and label, so it works without JavaScript); the footnote
    block becomes an endnote list shown only in print.

    This is the reference rendering; `article_html.article_html` renders the same HTML straight from the
    article's segments when it can prove the result is the same."""
    return _render(_article_parser(), markdown_text, resolver, {_NOTES_HTML: notes_html})[0]


def _mark_heading_notes(state) -> None:  # type: ignore[no-untyped-def]
    """Flag the footnote references that sit in a heading, for `footnote_ref` to render accordingly."""
    heading = False
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            heading = token.type == "heading_open"
        elif heading and token.type == "inline":
            for child in token.children or ():
                if child.type == "footnote_ref":
                    child.meta["in_heading"] = True


@cache
def _block_parser() -> MarkdownIt:
    md = _parser()
    md.disable(["html_block"], ignoreInvalid=True)
    return md


def md_html(text: str, urls: "Urls") -> tuple[str, tuple[str, ...]]:
    """Markdown of an editors' field (summary, description) → HTML, plus refused link targets."""
    return render_block(text, urls.resolve_note_link)


def render_block(text: str, resolver: LinkResolver) -> tuple[str, tuple[str, ...]]:
    """An editors' Markdown field that stands on its own (summary, description) → block HTML."""
    return _render(_block_parser(), text, resolver)


@lru_cache(maxsize=4096)  # (the site's description is every page's)
def plain_text(text: str) -> str:
    """The words an editors' Markdown field shows, without its markup, on one line: a page's description
    (`<meta name="description">`, og:description) is read as plain text, where "**bold**" or "[the AP
    text](compare:x)" showed as written (review 67)."""
    words: list[str] = []
    with _policy(lambda href: href):  # (where links go does not matter here)
        tokens = _block_parser().parse(text)
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if token.type.endswith("_close") and token.block:
            words.append(" ")
    return " ".join("".join(words).split())


def note_for_export(note: str, resolver: LinkResolver) -> str:
    """A note as the `.md` writes it: its reference links written inline (`export_links.inline_references`) where
    that reads as the note does, else as it is (its definitions escaped there: the links are then text, but
    no word is lost or added, review 70: text wrapped inside a link's brackets, a definition that Markdown reads
    as part of a paragraph); then its links to the site as the site's URLs, and its links whose target is in <…>
    written so that the .md reads them as the note does (`bare_targets`)."""
    inlined = inline_references(note)
    if inlined != note and render_note(inlined, resolver) != render_note(note, resolver):
        inlined = note
    return bare_targets(resolve_links_for_export(inlined, resolver), lambda target: resolver(target) is not None)


def note_as_data(note: str, resolver: LinkResolver, origin: str = "") -> str:
    """A note's (or a description's) Markdown as the JSON exports give it: its links to the site as the site's
    URLs (absolute with `origin`, the site's scheme and host), a link whose target is in <…> written so that it
    stays one (`bare_targets`), and raw HTML written as text (`html_as_text`), as the .md does."""
    resolved = resolve_links_for_export(note, resolver, origin)
    return html_as_text(bare_targets(resolved, lambda target: resolver(target) is not None) if "<" in resolved
                        else resolved)
