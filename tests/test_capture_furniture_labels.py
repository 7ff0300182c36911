"""A label left alone in the extracted text once the list of links it labelled is gone (review 125): the Vancouver
Sun's seed kept a paragraph "Related", the <h2> over a <ul class="related_links"> of links to other articles that
the extractor left out. The label goes when nothing but those links (or lines of furniture that hold one) stands
between it and the next kept line, or when no line is kept after it; the same words in a sentence, or before
anything else in the page, stay.

The text given to the rules is the extractor's as it wrote such pages: one block a line."""

from __future__ import annotations

import pytest

from dossier.core.capture.furniture import without_furniture
from dossier.core.capture.furniture_label import LONE_LABEL
from dossier.shell.capture.page_blocks import page_blocks

STORY = [
    "Microsoft said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.",
    "The announcement is the latest in a flurry of climate goals set out by firms in the past two years.",
    "Microsoft plans to cut its carbon emissions by more than half by 2030 across its supply chain.",
]
LINKS = ('<ul class="related_links">' + "".join(
    f'<li><a href="https://business.example.com/{i}">Another story on carbon capture, number {i}</a></li>'
    for i in range(3)) + "</ul>")


def page(label: str, after_label: str = LINKS) -> str:
    """The Vancouver Sun's shape: paragraphs, the label in an <h2>, its list of links, more paragraphs."""
    return (f'<html><body><article><h1>Microsoft moves to erase its carbon footprint</h1><div itemprop="articleBody">'
            f'<p>{STORY[0]}</p><h2 class="cat-head short"><span>{label}</span></h2>{after_label}'
            f'<p>{STORY[1]}</p><p>{STORY[2]}</p></div></article></body></html>')


def left_out(html: str, lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    text, dropped = without_furniture("\n".join(lines), page_blocks(html))
    return text.split("\n"), [(d.text, d.kind) for d in dropped]


@pytest.mark.parametrize("label", ["Related", "Related articles", "Read more", "More on this topic", "Mehr zum Thema",
                                   "Lire aussi", "Leer más", "RELATED:",
                                   # (held-out review: Infobae's last line, Yle's label over three links)
                                   "Seguir leyendo:", "Lue aiheesta lisää:", "Lue myös"])
def test_a_label_whose_links_the_extractor_left_out_goes(label: str) -> None:
    lines = [STORY[0], label, STORY[1], STORY[2]]
    assert left_out(page(label), lines) == (STORY, [(label, LONE_LABEL)])


def test_a_label_whose_cards_went_as_furniture_goes_with_them() -> None:
    """Cards of other articles (a headline and a section's name under one link each: Clarín's) kept by the extractor
    and left out as cards: their label has nothing left to label."""
    cards = "".join(f'<li><article class="card"><h3>Other headline {name}</h3><p>{name}</p><a href="/{i}"></a>'
                    f"</article></li>" for i, name in enumerate(["Miradas", "Sin anestesia"]))
    lines = [STORY[0], "Related", "Other headline Miradas", "Miradas", "Other headline Sin anestesia",
             "Sin anestesia", STORY[1], STORY[2]]
    kept, dropped = left_out(page("Related", f"<ul>{cards}</ul>"), lines)
    assert kept == STORY and dropped[0] == ("Related", LONE_LABEL) and len(dropped) == 5


def test_a_label_that_is_the_last_line_kept_goes() -> None:
    """Only a credit after it, itself left out: no line of the seed is left for the label to name."""
    html = page("Read more", "") + "<p>© Thomson Reuters 2020</p>"
    lines = [*STORY, "Read more", "© Thomson Reuters 2020"]
    kept, dropped = left_out(html, lines)
    assert kept == STORY and dropped[0] == ("Read more", LONE_LABEL)


@pytest.mark.parametrize("line, after_label", [
    # the page goes on with the article's text straight after the label: nothing of it is gone
    ("Related", ""),
    # a paragraph the extractor left out (no link) between the label and the text: no list of links
    ("Related", '<p class="caption">Satya Nadella at the company headquarters in Redmond</p>'),
    # a caption with a link among the links: not all the page has there is links
    ("Related", LINKS + '<p>Photo by <a href="/p">Mike Blake</a> of the headquarters</p>'),
    # the same words in a sentence, or a prompt with more words than a prompt
    ("Related articles on the subject were read more widely than the report itself.", LINKS),
    ("More on this story as it develops", LINKS),
])
def test_a_label_before_anything_but_links_or_its_words_in_a_sentence_stay(line: str, after_label: str) -> None:
    lines = [STORY[0], line, STORY[1], STORY[2]]
    assert left_out(page(line, after_label), lines) == (lines, [])
    near = [STORY[0], "Related", STORY[1], STORY[2]]   # (the label over its list of links, beside it, goes)
    assert left_out(page("Related"), near) == (STORY, [("Related", LONE_LABEL)])


def test_a_label_whose_list_the_extractor_kept_stays_when_the_list_is_the_articles() -> None:
    """Its items are lines of the text, each more than a link: the article's own list under its own heading."""
    items = ["Cut emissions by half by 2030, across the supply chain", "Remove more carbon than it emits"]
    listed = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    lines = [STORY[0], "Read more", *(f"- {item}" for item in items), STORY[1], STORY[2]]
    assert left_out(page("Read more", listed), lines) == (lines, [])
    assert left_out(page("Read more"), [STORY[0], "Read more", *STORY[1:]])[0] == STORY


def test_a_finnish_prompt_over_the_links_it_kept_goes_with_them() -> None:
    """Yle's "Lue aiheesta lisää:" ("Read more on the subject:") and its three links, kept by the extractor as
    lines after the article's last paragraph (held-out review)."""
    links = "".join(f'<p><a href="https://yle.fi/uutiset/3-{i}">Toinen uutinen talvesta ja ilmastosta {i}</a></p>'
                    for i in range(3))
    html = (f"<html><body><article><h1>Leudot talvet</h1><p>{STORY[0]}</p><p>{STORY[1]}</p>"
            f"<p>Lue aiheesta lisää:</p>{links}</article></body></html>")
    lines = [STORY[0], STORY[1], "Lue aiheesta lisää:",
             *(f"Toinen uutinen talvesta ja ilmastosta {i}" for i in range(3))]
    kept, dropped = left_out(html, lines)
    assert kept == STORY[:2] and len(dropped) == 4
