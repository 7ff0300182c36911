"""A page's date line that the extractor kept, a label and the date ("Published: 23rd March 2024", a local paper's
<p class="published">, kept as the seed's second line), left out of the text; its date offered to the stub's date
guess where nothing better gave one (the line is no longer in the text the guess reads). A sentence that only
begins with a label's word, or says more than the date, stays.

The text given to the rules is the extractor's as it writes such pages: one block a line."""

from __future__ import annotations

import pytest

from dossier.core.capture.furniture import without_furniture
from dossier.core.capture.furniture_page import Dropped
from dossier.core.capture.furniture_words import BADGED, DATED
from dossier.core.capture.guess_date import date_line, guess_date
from dossier.core.capture.page_guess import guess_page
from dossier.core.capture.pagemeta import read_page
from dossier.shell.capture.add import guess
from dossier.shell.capture.page_blocks import page_blocks

STORY = [
    "America's top diplomat left Israel on Friday evening without winning any commitment on Rafah.",
    "Antony Blinken, the US Secretary of State, had spent the day in Tel Aviv meeting the war cabinet.",
    "An Israeli delegation is expected in Washington next week to hear the alternatives.",
]


def page(line: str, head: str = "") -> str:
    return f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">{head}
<title>Blinken leaves Israel with no deal on Rafah - Northern Echo Chronicle</title></head><body>
<div class="content"><h1>Blinken leaves Israel with no deal on Rafah</h1>
<p class="author">By Jane Whitfield, World Affairs Correspondent</p><p class="published">{line}</p>
{"".join(f"<p>{s}</p>" for s in STORY)}</div></body></html>"""


def left_out(html: str, lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    text, dropped = without_furniture("\n".join(lines), page_blocks(html))
    return text.split("\n"), [(d.text, d.kind) for d in dropped]


DATE_LINES = [
    ("Published: 23rd March 2024", "2024-03-23"),
    ("Posted on March 23, 2024", "2024-03-23"),
    ("Published 23.03.2024 | 18:30", "2024-03-23"),
    ("First published: Saturday, 23 March 2024, 10:41 GMT", "2024-03-23"),
    ("Veröffentlicht am 23. März 2024, 10:12 Uhr", "2024-03-23"),
    ("Publié le 23 mars 2024 à 10h12", "2024-03-23"),
    ("Publicado el 23 de marzo de 2024", "2024-03-23"),
    ("Updated: March 24, 2024 9:05 a.m. EDT", "2024-03-24"),
    ("Stand: 28.04.2020 21:38 Uhr", "2020-04-28"),                   # the Tagesschau's
    ("Créé: 12.12.2019, 07h36", "2019-12-12"),                       # the Tribune de Genève's
    ("- -Aktualisiert am 28.01.2020-15:49", "2020-01-28"),           # FAZ's, the date kept
]


@pytest.mark.parametrize("line, day", DATE_LINES)
def test_a_line_that_is_only_a_dates_label_and_the_date_goes(line: str, day: str) -> None:
    kept, dropped = left_out(page(line), [line, *STORY])
    assert kept == STORY and dropped == [(line, DATED)]
    assert without_furniture("\n".join([line, *STORY]), ())[0] == "\n".join(STORY)  # (its words say so)
    assert date_line([line]).value == day


@pytest.mark.parametrize("line", [
    "Published on Monday, the report said the deal was off.",
    "Updated figures were published: 23 March 2024 saw the sharpest rise in a decade.",
    "Published: 23rd March 2024 by the ministry, the report runs to forty pages.",
    "Posted on 23 March 2024 and 24 March 2024",
    "Updated 23 March 2024: the minister has since resigned.",
])
def test_a_sentence_beginning_with_a_dates_label_or_saying_more_than_the_date_stays(line: str) -> None:
    assert left_out(page(line), [line, *STORY]) == ([line, *STORY], [])
    assert date_line([line]).value == ""


def test_the_date_line_is_offered_to_the_date_guess_when_nothing_better_gives_one() -> None:
    shown = ["Updated: March 24, 2024 9:05 a.m. EDT", "Published: 23rd March 2024"]
    offered = guess_date([], [], "", "\n".join(STORY), shown)
    assert (offered.value, offered.certain) == ("2024-03-23", False)  # (a publication's label before an update's)
    assert "Published: 23rd March 2024" in offered.where
    updated = guess_date([], [], "", "", shown[:1])
    assert updated.value == "2024-03-24" and "updated" in updated.doubt
    assert guess_date([("from the JSON-LD datePublished", "2024-03-22")], [], "", "", shown).value == "2024-03-22"
    assert guess_date([], [], "https://x.org/2024/03/21/a", "", shown).value == "2024-03-21"
    assert guess_date([], [], "", "JERUSALEM, March 20, 2024 - Talks.", shown).value == "2024-03-23"


def test_the_page_guess_reads_the_date_line_left_out_of_its_text() -> None:
    html = page("Published: 23rd March 2024")
    text = "\n".join(STORY)
    assert guess_page(read_page(html), {}, "", text, {}).date.value == ""
    dropped = (Dropped(2, "Published: 23rd March 2024", DATED), Dropped(5, "Posted on March 1, 2024", "an ad"))
    assert guess_page(read_page(html), {}, "", text, {}, dropped=dropped).date.value == "2024-03-23"


@pytest.mark.parametrize("line", ["Published: 23rd March 2024", "Publicado el 23 de marzo de 2024"])
def test_a_saved_pages_date_line_leaves_its_seed_and_its_date_is_the_stubs(line: str) -> None:
    """The local paper's page the review captured: its date line was the seed's second line. htmldate finds the
    English date in the page; the Spanish one only the date line left out of the seed gives."""
    got, g = guess(page(line).encode("utf-8"), "text/html", "", {})
    assert line not in got.text and STORY[0] in got.text
    assert [(d.text, d.kind) for d in got.furniture] == [(line, DATED)]
    assert g.date.value == "2024-03-23" and (line in g.date.where) == line.startswith("Publicado")


# --- a date and a badge: Phys.org's "October 22, 2019 report" above its headline (review 125) -----------------

BADGE_LINES = [
    ("October 22, 2019 report", "2019-10-22"),          # Phys.org's: the date, then <span class="badge">report
    ("March 23, 2024 | Analysis", "2024-03-23"),
    ("Saturday, 23 March 2024 · Opinion", "2024-03-23"),
    ("23.03.2024 Kommentar", "2024-03-23"),
    ("23 de marzo de 2024 Entrevista", "2024-03-23"),
]


@pytest.mark.parametrize("line, day", BADGE_LINES)
def test_a_line_that_is_only_a_date_and_a_badge_goes_and_its_date_is_offered(line: str, day: str) -> None:
    kept, dropped = left_out(page(line), [line, *STORY])
    assert kept == STORY and dropped == [(line, BADGED)]
    assert date_line([line]).value == day
    offered = guess_page(read_page(page(line)), {}, "", "\n".join(STORY), {}, dropped=(Dropped(1, line, BADGED),))
    assert offered.date.value == day and line in offered.date.where


@pytest.mark.parametrize("line, near", [
    ("October 22, 2019 report said the tool was 50,000 years old.", "October 22, 2019 report"),  # a sentence
    ("On October 22, 2019 a report was published.", "October 22, 2019 report"),
    ("October 22, 2019 reported", "October 22, 2019 report"),        # no badge: a longer word
    # Kaieteur News's date and its category's link: a section's name, no badge
    ("May 06, 2022 News", "May 06, 2022 Analysis"),
    ("October 22, 2019", "October 22, 2019 feature"),  # a date alone (a sidebar's goes only where its box says so)
    ("Report October 22, 2019", "October 22, 2019 Report"),
    ("Published: 23 March 2024 report", "23 March 2024 report"),
])
def test_a_date_with_more_than_a_badge_or_a_section_name_stays_beside_one_that_goes(line: str, near: str) -> None:
    assert left_out(page(line), [line, *STORY]) == ([line, *STORY], [])
    assert date_line([line]).value == ""
    assert left_out(page(near), [near, *STORY])[0] == STORY and date_line([near]).value


def test_a_badge_that_says_update_gives_an_updates_date_after_a_publications() -> None:
    shown = ["March 24, 2024 update", "March 23, 2024 report"]
    assert date_line(shown).value == "2024-03-23"
    assert "updated" in date_line(shown[:1]).doubt
