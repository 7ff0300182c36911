"""Main text and metadata of a page with trafilatura; htmldate as the date fallback; the page's encoding.

Both libraries are imported inside the functions: a normal build never loads them.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any, Mapping

from .mixed import mostly_utf8
from ...core.common.records import frozen

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _as_utf8(body: bytes) -> str | None:
    """The bytes as UTF-8 text, or None when they are not UTF-8."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _whatwg(error: UnicodeDecodeError) -> tuple[str, int]:
    """windows-1252's five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) as WHATWG reads them: U+0081 and so on."""
    return "".join(chr(b) for b in error.object[error.start:error.end]), error.end


codecs.register_error("_whatwg", _whatwg)


class ExtractError(Exception):
    """No article text could be extracted; the message is one line in an editor's words."""


@frozen
class Extracted:
    """Invariant: `text` is the extractor's main text as returned (the seed's bytes are its UTF-8), its tables as
    plain lines (`table_rows`), less the lines of page furniture listed in `furniture` (core/capture/furniture.py:
    each kept line is the extractor's, byte for byte), in the extractor's order but for the headline line listed in
    `moved`, put first where the page shows its <h1> above the lines before it (core/capture/headline_order.py);
    `fields` holds the extractor's metadata as strings (title,
    date, sitename, author, url)."""

    html: str
    encoding: str
    text: str
    fields: Mapping[str, str]
    tools: Mapping[str, str]   # name → version of each tool used
    furniture: tuple[Any, ...] = ()   # the lines left out (furniture.Dropped), in the order of the text
    moved: tuple[Any, ...] = ()       # the headline moved to the top where the page shows it first (headline_order)


def decode_html(body: bytes, content_type: str = "", language: str = "") -> tuple[str, str]:
    """(text, encoding) of an HTML document: the HTTP charset, else a <meta charset>, else UTF-8 if it decodes,
    else charset-normalizer's best guess. As browsers do (the WHATWG encoding standard), a page declared
    iso-8859-1 or ascii is read as windows-1252: its curly quotes, dashes and ellipses are there, where Latin-1
    has control codes (which were then dropped from the text). A page declared in any one-byte encoding whose
    bytes are UTF-8 with letters beyond ASCII is read as UTF-8: its declaration is the mistake (text in such an
    encoding is almost never valid UTF-8: a UTF-8 Arabic page declared windows-1256 was read as mojibake), and the
    raw page is kept as it is. A page not in UTF-8 that reads as the words of the site's `language` in one of its
    legacy code pages (codepages.py: windows-1255 for Hebrew) is read in it when it declares a Latin one or none
    (a Hebrew page declared iso-8859-1 was "ðúðéäå"). An undeclared page that is UTF-8 but for a few stray bytes
    is read as UTF-8, those bytes as windows-1252 (mixed.py)."""
    declared = re.search(r"charset=([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    meta = _META_CHARSET.search(body[:4096])
    for name in ([declared.group(1)] if declared else []) + ([meta.group(1).decode("ascii")] if meta else []):
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        utf8 = _as_utf8(body) if _single_byte(codec) and not body.isascii() else None
        if utf8 is not None:
            return utf8, f"utf-8 (declared {name.lower()})"
        if codec in ("iso8859-1", "ascii", "cp1252", "iso8859-15"):
            local = _in_language(body, language)
            if local is not None:
                return local[1], f"{local[0]} (declared {name.lower()}; read in the site's language)"
        if codec in ("iso8859-1", "ascii", "cp1252"):
            return body.decode("cp1252", "_whatwg"), "windows-1252" + ("" if codec == "cp1252" else
                                                                        f" (declared {name.lower()})")
        try:
            return body.decode(name), name.lower()
        except UnicodeDecodeError:
            continue
    return _undeclared(body, language)


def _undeclared(body: bytes, language: str) -> tuple[str, str]:
    """(text, encoding) of a page whose encoding is declared nowhere (or wrongly): see `decode_html`."""
    utf8 = _as_utf8(body)
    if utf8 is not None:
        return utf8, "utf-8"
    local = _in_language(body, language)
    if local is not None:
        return local[1], f"{local[0]} (the site's language)"
    mixed = mostly_utf8(body)
    if mixed is not None:
        return mixed[0], f"utf-8 (but for {mixed[1]} byte{'s' * (mixed[1] > 1)} read as windows-1252)"
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is None:
        return body.decode("utf-8", "replace"), "utf-8 (with replacement characters)"
    return str(best), best.encoding


def _in_language(body: bytes, language: str) -> tuple[str, str] | None:
    """(code page, text) of the page in a legacy code page of the site's language that reads it as the words
    of that language (codepages.read_in_language), or None."""
    if not language or body.isascii():
        return None
    from ...core.load.codepages import read_in_language

    return read_in_language(body, language)


@functools.lru_cache(maxsize=None)
def _single_byte(codec: str) -> bool:
    """Whether `codec` writes each character in one byte (windows-125x, ISO-8859-x, KOI8…; not UTF-8, UTF-16 or
    the East Asian encodings), so that every byte string decodes in it, UTF-8 too."""
    if codec.startswith("utf"):
        return False
    try:
        return len(bytes(range(0x80, 0x100)).decode(codec, "replace")) == 0x80
    except (LookupError, TypeError, ValueError):
        return False


_ROW = re.compile(r"^\|(.*)\|[ \t]*$")
_RULE = re.compile(r"^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")


def table_rows(text: str) -> str:
    """The extractor's text with its tables as plain lines: a row's cells joined by " | " (the empty ones
    left out), the rule under a header row dropped ("| Month | Trucks |", "|---|---|" → "Month | Trucks")."""
    lines = []
    for line in text.split("\n"):
        row = _ROW.match(line)
        if row is None:
            lines.append(line)
        elif not _RULE.match(line):
            cells = [cell.strip() for cell in row.group(1).split("|") if cell.strip()]
            lines += [" | ".join(cells)] if cells else []
    return "\n".join(lines)


# An attribute's value, a script's, a style's or a comment's text this long is no article's words (an image inlined
# as data:, as single-file page savers write them, a framework's state). Past 10 MB the HTML parser under the
# extractor (libxml2) stops at it: every paragraph after a large inlined picture was lost, with no word said.
HUGE = 1 << 20
_HUGE_PARTS = re.compile(r"""(=\s*)(?:"[^"]{%d,}"|'[^']{%d,}')|(<(script|style)\b[^>]*>)(.*?)(</\3\s*>)|<!--.*?-->"""
                         % (HUGE, HUGE), re.I | re.S)


def slimmed(html: str) -> str:
    """`html` with each huge part (`HUGE`) emptied: attribute values, script and style contents, comments. What
    the extractor reads of a page is unchanged; the page itself is kept as it came (the evidence)."""
    if len(html) < HUGE:
        return html

    def emptied(found: re.Match[str]) -> str:
        if found.group(1) is not None:
            return found.group(1) + '""'
        if found.group(2) is not None:
            return found.group(0) if len(found.group(4)) < HUGE else found.group(2) + found.group(5)
        return found.group(0) if len(found.group(0)) < HUGE else "<!---->"
    return _HUGE_PARTS.sub(emptied, html)


def extract(body: bytes, content_type: str, url: str, language: str = "") -> Extracted:
    """The article in a page (`language`: the site's, see `decode_html`). Raises ExtractError when the page has
    no main text."""
    import htmldate
    import trafilatura

    html, encoding = decode_html(body, content_type, language)
    html = slimmed(html)
    # (the article's tables too: a table of figures is what a figure comparison quotes; review 57)
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    text = table_rows((getattr(doc, "text", "") or "") if doc is not None else "")
    fields = {k: str(getattr(doc, k, "") or "") for k in ("title", "date", "sitename", "author", "url")}
    furniture: tuple[Any, ...] = ()
    moved: tuple[Any, ...] = ()
    if text.strip():  # (the page's furniture left out: "Read more" links, icon labels, credits; review 72)
        from ...core.capture.furniture import without_furniture
        from ...core.capture.headline_order import headline_first
        from .page_blocks import page_blocks

        blocks = page_blocks(html)
        text, furniture = without_furniture(text, blocks, fields["title"])
        # (the headline first where the page shows it first: the Vancouver Sun's dek came before it; review 125)
        text, moved = headline_first(text, blocks, fields["title"], furniture)
    if not text.strip():
        raise ExtractError("no article text found in the page (is it an article, or a cookie wall / index page?)")
    if not fields["date"]:
        found = htmldate.find_date(html, url=url or None, original_date=True, extensive_search=True)
        fields["date"] = found or ""
    return Extracted(html, encoding, text, fields,
                     {"trafilatura": trafilatura.__version__, "htmldate": htmldate.__version__}, furniture, moved)
