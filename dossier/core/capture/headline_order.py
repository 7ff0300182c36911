"""The headline first in a captured page's seed where the page itself shows it first, as its <h1>.

A seed that begins with the article's title shows that line as the page's h1 (plan/views.py); the extractor may
write the headline below a line that the page shows under it: the Vancouver Sun's <header> holds its <h1>, then the
dek in a <div class="entry-content">, and the extractor wrote the dek first and the headline second (review 125),
so the built page showed the headline as a paragraph of the body under the same title. Neither line may go: the
dek is the article's, and the headline is the only line of it in the text (an annotation may quote it).

So the headline line is moved to the top, and nothing else: when it is the article's headline (the extractor's
title, its words and spacing aside), the page's <h1> is that line, and every kept line before it comes from a
block of the page after that <h1> (the extractor's order is not the page's). A kicker or a date line the page
shows above its <h1> keeps the headline where it is (the page's order is the extractor's there), as does a line
that matches no block of the page. Every line stays the extractor's, byte for byte; the move is recorded (`Moved`,
its line in the extracted text, as furniture's `Dropped`) so that the seed can be told from the extractor's text.

Pure: the kept text, the page's blocks, the headline and the lines left out in; the text and the move out.
"""

from __future__ import annotations

from typing import Sequence

from ..common.records import frozen
from .furniture_page import Block, Dropped, Page, squash

MOVED = "the headline, moved to the top: the page shows its <h1> above the lines the extractor wrote before it"


@frozen
class Moved:
    """A line of the extracted text moved to the top of the seed. Invariant: `line` is its number in the extracted
    text (1-based, furniture lines counted, as `Dropped.line`), `text` the line as the extractor wrote it, `kind`
    why, in an editor's words."""

    line: int
    text: str
    kind: str


def headline_first(text: str, blocks: Sequence[Block], headline: str,
                   dropped: Sequence[Dropped] = ()) -> tuple[str, tuple[Moved, ...]]:
    """(the text with its headline line first where the page shows its <h1> first, the move made if any). `text`:
    the extractor's less its furniture; `dropped`: the furniture lines left out of it (for the line's number)."""
    lines = text.split("\n")
    title = squash(headline).casefold()
    at = next((i for i, line in enumerate(lines) if title and squash(line).casefold() == title), 0)
    if not at:
        return text, ()
    page = Page(lines, blocks, headline)
    where = {id(block): number for number, block in enumerate(blocks)}
    shown = [where[id(block)] for block in page.hits[at] if any(box.tag == "h1" for box in block.around)]
    if not shown or not all(page.hits[i] and all(where[id(block)] > min(shown) for block in page.hits[i])
                            for i in range(at) if lines[i].strip()):
        return text, ()
    gone = {d.line for d in dropped}
    number = [n for n in range(1, len(lines) + len(gone) + 1) if n not in gone][at]
    return "\n".join([lines[at], *lines[:at], *lines[at + 1:]]), (Moved(number, lines[at], MOVED),)
