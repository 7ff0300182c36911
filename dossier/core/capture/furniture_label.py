"""A label left alone in the text once what it labelled is gone, for furniture.py: the Vancouver Sun's "Related", an
<h2> over a <ul class="related_links"> of three links to other articles that the extractor left out (review 125),
stood as a paragraph of its own in the seed, between two of the article's.

A line that is only a prompt ("Related", "Related articles", "Read more", "More on this topic", "Mehr zum Thema",
"Lire aussi", "Leer más": furniture_words.PROMPT_ALONE) goes when no line of the seed is left after it, or when
what it labelled is gone: the lines after it up to the next kept line are all furniture that holds a link or is
in a list item or card that does ("Read more" links, cards), or there are none, and in the page every block
between the label's and the next kept line's is a link and nothing else or one of those lines, at least one of
either. A prompt followed by the links it labels is furniture.py's "Read also" list already. The same words in a
sentence, a prompt with more words than the prompt ("More on this story as it develops"), a label whose page goes
on with anything but links before the next kept line (a caption, a paragraph the extractor left out), or the
article's own text straight after it, and a label whose place in the page is not known (no block, or several)
stay.

Pure: the page's blocks, the extracted lines and the furniture found so far in, the lone labels out.
"""

from __future__ import annotations

from typing import Mapping

from .furniture_page import Block, Page, bare, link_only
from .furniture_words import PROMPT_ALONE

LONE_LABEL = "a label whose list of links was left out"


def lone_labels(page: Page, lines: list[str], found: Mapping[int, str]) -> dict[int, str]:
    """Line index → what it is, for each line not already `found` that is a label left alone."""
    where = {id(block): number for number, block in enumerate(page.blocks)}
    labels = {}
    for index, line in enumerate(lines):
        if index in found or not line.strip() or not PROMPT_ALONE.match(bare(line).strip()):
            continue
        after = index + 1
        while after < len(lines) and (after in found or not lines[after].strip()):
            after += 1
        if after == len(lines) or _list_gone(page, found, index, after, where):
            labels[index] = LONE_LABEL
    return labels


def _list_gone(page: Page, found: Mapping[int, str], index: int, after: int, where: Mapping[int, int]) -> bool:
    """Whether all that the page has between the label (line `index`) and the next kept line (`after`) are links
    and furniture lines that hold one: the list the label named, left out."""
    gone = [i for i in range(index + 1, after) if i in found]
    if len(page.hits[index]) != 1 or not all(page.every(i, _linked) for i in gone):
        return False
    start = where[id(page.hits[index][0])]
    end = min((where[id(block)] for block in page.hits[after] if where[id(block)] > start), default=None)
    if end is None:
        return False
    theirs = {id(block) for i in gone for block in page.hits[i]}
    between = page.blocks[start + 1:end]
    return bool(gone or between) and all(link_only(block) or id(block) in theirs for block in between)


def _linked(block: Block) -> bool:
    """The block holds a link, or is in a list item or an <article> that does (a card's headline under a link that
    covers the card: Clarín's)."""
    return bool(block.hrefs) or any(box.linked for box in block.around)
