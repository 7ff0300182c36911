"""The article's text from the page's JSON-LD `articleBody`, when the extractor found only a part of it.

A page may show a photo caption or a few paragraphs where its article is (a script fills the rest in, for
subscribers) while its JSON-LD NewsArticle holds the whole text in `articleBody`: SCMP's seed was its photo
caption, 24 words, beside 702 in `articleBody` (review 72). That text is taken, one paragraph a line as the
extractor writes them, when it is substantially longer than the extracted text and either holds nearly all of
it (the extractor stopped short) or is many times as long (the extractor found something else: a caption).
Never when it is a teaser (shorter), about as long as the extracted text (the extractor found the article), or
written in a markup other than HTML (Markdown with a site's own macros is no plain text). Its furniture is left
out by the rules whose evidence is the line itself (furniture.py without the page's blocks: a whole line that is
only a label, "Advertisement" or Reuters' "Our Standards: …", a copyright notice or a bare "Read more:" at its
end); the rules that need the page's HTML cannot apply to a text that has none. Pure.
"""

from __future__ import annotations

import html
import re

from .furniture import without_furniture
from .furniture_page import Dropped
from .guesses import word_count
from .pagemeta import PageMeta
from ..common.records import frozen

LONGER = 1.5     # "substantially longer": the articleBody has at least this many times the extracted words
MANY = 4.0       # ... and this many times, whatever the extracted text is: it is some other part of the page
HELD = 0.8       # the share of the extracted text's word triples the articleBody holds: "nearly contained"
FEW_WORDS = 120  # an articleBody shorter than a short news story is a teaser, never the article (thin.py's)

_ESCAPED_TAG = re.compile(r"&lt;/?[a-z][a-z0-9]*\b", re.I)
_BLOCK = re.compile(r"<\s*(?:br|/?(?:p|div|h[1-6]|li|ul|ol|blockquote|tr|table|figure|figcaption|section|"
                    r"article|header|footer|aside))\b[^>]*>", re.I)
_TAG = re.compile(r"<[a-z!/][^>]*>", re.I)
# Markdown and a content system's macros: links "[text](https://…)", headings "## …", "**bold**", "|||", "+++"
_MARKUP = re.compile(r"\]\((?:https?:|/)|^#{1,6} |\*\*\S|\|\|\||^\+\+\+|\[#\w+:", re.M)


@frozen
class Body:
    """The article's text for the seed. Invariant: `where` is "" when `text` is the extracted text as the
    extractor returned it, else it says where the text came from and why, in an editor's words; `furniture` then
    lists the lines of the articleBody (one paragraph a line, `paragraphs`) left out of `text`."""

    text: str
    where: str = ""
    furniture: tuple[Dropped, ...] = ()


def paragraphs(value: str) -> str:
    """An articleBody as plain text, one paragraph a line: HTML (escaped or not) read as a browser shows its
    blocks, entities decoded, whitespace collapsed in each line, empty lines dropped; "" when it is written in
    another markup (Markdown)."""
    text = html.unescape(value) if _ESCAPED_TAG.search(value) else value  # (HTML escaped as text: "&lt;p&gt;")
    if _TAG.search(text):
        text = _TAG.sub("", _BLOCK.sub("\n", text))
    text = html.unescape(text)
    if _MARKUP.search(text):
        return ""
    return "\n".join(line for line in (" ".join(part.split()) for part in text.split("\n")) if line)


def _triples(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i:i + 3]) for i in range(max(len(words) - 2, 0))}


def _held(part: str, whole: str) -> float:
    """How much of `part` occurs in `whole`: the share of its word triples found there."""
    mine = _triples(part)
    return len(mine & _triples(whole)) / len(mine) if mine else 0.0


def article_body(extracted: str, meta: PageMeta) -> Body:
    """The text to keep as the article's: the extracted one, or the page's JSON-LD articleBody when it holds the
    article the extractor missed (module docstring)."""
    value = next((item["articleBody"] for item in meta.jsonld if isinstance(item.get("articleBody"), str)
                  and "webpage" not in str(item.get("@type", "")).lower()), "")
    body = paragraphs(value) if value else ""
    found, given = word_count(extracted), word_count(body)
    if not body or given < FEW_WORDS or given < LONGER * found:
        return Body(extracted)
    held = _held(extracted, body)
    if held < HELD and given < MANY * found:
        return Body(extracted)
    what = "of it" if held >= HELD else "of something else (a caption, a teaser?)"
    kept, dropped = without_furniture(body, ())  # (no blocks: only the lines whose own words say what they are)
    return Body(kept, f"from the JSON-LD articleBody: {given} words, where the extractor found {found} words {what}",
                dropped)
