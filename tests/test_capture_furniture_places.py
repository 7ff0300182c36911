"""Page furniture told by the place on the page a line comes from (the review after review 91): a line linking to
the outlet's standards (Reuters); and the article's own lines that look like it, which stay. The text given to the
rules is the extractor's as it wrote those pages: one block a line."""

from __future__ import annotations

import pytest

from dossier.core.capture.furniture import without_furniture
from dossier.shell.capture.page_blocks import page_blocks

STORY = [
    "The daily rise in deaths announced in the state on Friday was 777, down slightly from the day before.",
    "Governor Andrew Cuomo said he took solace from this fact, as well as the decline in admissions.",
    "He said the state was succeeding in flattening the curve but was still enduring great pain.",
]


def page(body: str) -> str:
    return f"""<!doctype html><html lang="en"><head><title>Mass burials</title></head><body>
<article class="story"><h1>New York ramps up mass burials</h1>{body}</article>
<footer><p>Contact us</p></footer></body></html>"""


def story(*indexes: int) -> str:
    return "".join(f"<p>{STORY[i]}</p>" for i in indexes)


def left_out(html: str, lines: list[str], headline: str = "") -> tuple[list[str], list[tuple[str, str]]]:
    """(the lines kept, (line, what it is) of each line left out) of an extracted text of `lines` from `html`."""
    text, dropped = without_furniture("\n".join(lines), page_blocks(html), headline)
    return text.split("\n"), [(d.text, d.kind) for d in dropped]


# --- Reuters: a line linking to the outlet's standards -----------------------------------------------------

BADGE = "Our Standards: The Thomson Reuters Trust Principles."
TRUST_BADGE = ('<div class="TrustBadge"><p>Our Standards: <a href="http://thomsonreuters.com/en/about-us/'
               'trust-principles.html">The Thomson Reuters Trust Principles.</a></p></div>')


@pytest.mark.parametrize("paragraph, line", [
    # a sentence that links to the standards
    ('The editor said the story met <a href="/about/standards">our standards</a> and would not be withdrawn.',
     "The editor said the story met our standards and would not be withdrawn."),
    ('Critics attacked the <a href="/about/standards">paper\'s standards</a>.',
     "Critics attacked the paper's standards."),
    # the words of the badge, but a link elsewhere
    ('Standards: <a href="/business/standards-body">New standards for chargers</a>',
     "Standards: New standards for chargers"),
    # a link to a page of standards that names none
    ('<a href="https://example.org/ethics">The committee heard the case on Monday</a>',
     "The committee heard the case on Monday"),
])
def test_a_line_linking_to_the_outlets_standards_goes_a_line_that_says_more_stays(paragraph: str,
                                                                                  line: str) -> None:
    html = page(story(0) + f"<p>{paragraph}</p>" + story(2) + '<div class="Attribution"><p>Editing by Nick '
                "Zieminski</p></div>" + TRUST_BADGE)
    kept, dropped = left_out(html, [STORY[0], line, STORY[2], "Editing by Nick Zieminski", BADGE])
    assert kept == [STORY[0], line, STORY[2], "Editing by Nick Zieminski"]
    assert dropped == [(BADGE, "a link to the outlet's standards")]


def test_reuters_standards_line_is_left_out_by_its_words_alone_a_sentence_on_them_is_kept() -> None:
    """For a text without its page (a JSON-LD articleBody): the whole line, exactly."""
    sentence = "Our Standards: The Thomson Reuters Trust Principles were written in 1941, the historian said."
    text, dropped = without_furniture("\n".join([STORY[0], sentence, BADGE]), ())
    assert text == "\n".join([STORY[0], sentence]) and [(d.line, d.kind) for d in dropped] == [
        (3, "a link to the outlet's standards")]
