"""The headline first in the seed where the page shows its <h1> first (review 125): the Vancouver Sun's <header> holds
the <h1>, then the dek, but the extractor wrote the dek first and the headline second, so the built page showed the
headline as body text under the same title. The headline line is moved to the top, every line kept byte for byte
and the move recorded; where the page itself shows a line above its <h1> (a kicker, a date), or a line matches no
block of the page, the extractor's order stays.

The text given to the rules is the extractor's as it wrote such pages: one block a line."""

from __future__ import annotations

import pytest

from dossier.core.capture.furniture_page import Dropped
from dossier.core.capture.headline_order import MOVED, Moved, headline_first
from dossier.shell.capture.extract import extract
from dossier.shell.capture.page_blocks import page_blocks

HEADLINE = "Microsoft moves to erase its carbon footprint from the atmosphere in climate push"
DEK = "Microsoft will invest US$1 billion over the next four years to speed up carbon removal technology"
STORY = [
    "Microsoft said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.",
    "The announcement is the latest in a flurry of climate goals set out by firms in the past two years.",
]


def page(above: str = "", heading: str = "h1", dek: str = DEK) -> str:
    """The Vancouver Sun's shape: the article's <header> with its <h1> and the dek, then the text."""
    return (f'<html><head><title>{HEADLINE} | Vancouver Sun</title></head><body><article><header class="entry-header">'
            f'{above}<{heading} class="entry-title">{HEADLINE}</{heading}><div class="entry-content"><p>{dek}</p></div>'
            f'<div class="byline-dates">Updated: January 16, 2020</div></header><div class="entry-content">'
            f'<div itemprop="articleBody">{"".join(f"<p>{s}</p>" for s in STORY)}</div></div></article></body></html>')


def ordered(html: str, lines: list[str], headline: str = HEADLINE) -> tuple[list[str], tuple[Moved, ...]]:
    text, moved = headline_first("\n".join(lines), page_blocks(html), headline)
    return text.split("\n"), moved


def test_the_headline_the_extractor_wrote_below_the_dek_is_moved_first_as_the_page_shows_it() -> None:
    kept, moved = ordered(page(), [DEK, HEADLINE, *STORY])
    assert kept == [HEADLINE, DEK, *STORY] and moved == (Moved(2, HEADLINE, MOVED),)
    # (its number is its line in the extracted text, the lines of furniture left out counted, as theirs are)
    text, moved = headline_first("\n".join([DEK, HEADLINE, *STORY]), page_blocks(page()), HEADLINE.upper(),
                                 (Dropped(1, "Related", "a label"), Dropped(2, "Advertisement", "an ad")))
    assert text.split("\n")[0] == HEADLINE and moved == (Moved(4, HEADLINE, MOVED),)


@pytest.mark.parametrize("html, lines", [
    # a kicker the page shows above its <h1> (the taz's <h4>): the extractor's order is the page's
    (page('<h4 class="kicker">Siemens und die Kohlemine Adani</h4>'), ["Siemens und die Kohlemine Adani", HEADLINE]),
    # a line that is no block of the page (DW's "<title> | DW | 23.05.2011" line): where the page has it is unknown
    (page(), [f"{HEADLINE} | Vancouver Sun | 16.01.2020", HEADLINE]),
    # the headline's words in a heading that is no <h1>: the page says nothing of which is the article's title
    (page(heading="h2"), [DEK, HEADLINE]),
    # a line above the headline that the page shows both above and below it: its order is not known to be wrong
    (page(above=f"<p>{DEK}</p>"), [DEK, HEADLINE]),
])
def test_the_headline_stays_where_the_page_does_not_show_its_h1_above_the_lines_before_it(
        html: str, lines: list[str]) -> None:
    assert ordered(html, [*lines, *STORY]) == ([*lines, *STORY], ())
    assert ordered(page(), [DEK, HEADLINE, *STORY])[0][0] == HEADLINE   # (beside it, the dek above it: moved)


def test_only_the_articles_headline_is_moved_and_never_when_it_is_first_already() -> None:
    assert ordered(page(), [DEK, HEADLINE, *STORY], headline="Microsoft and the climate") == ([DEK, HEADLINE, *STORY],
                                                                                                 ())
    assert ordered(page(), [HEADLINE, DEK, *STORY]) == ([HEADLINE, DEK, *STORY], ())
    assert ordered(page(), [DEK, HEADLINE, *STORY], headline="")[1] == ()
    assert ordered(page(), [DEK, HEADLINE, *STORY])[1] == (Moved(2, HEADLINE, MOVED),)


def test_extract_puts_the_headline_first_and_says_so() -> None:
    got = extract(page().encode("utf-8"), "text/html; charset=utf-8", "")
    lines = got.text.split("\n")
    assert lines[0] == HEADLINE and DEK in lines[1:] and all(s in lines for s in STORY), lines
    assert [(m.line, m.text) for m in got.moved] == [(2, HEADLINE)]
