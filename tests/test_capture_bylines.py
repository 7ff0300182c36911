"""The byline `--add` guesses names persons and agencies only (review 116): the extractor's "Jane Whitfield; World
Affairs Correspondent" and "Omar Haddad; March" were written to the stub as they were. Job titles, dates and the
words around a byline go; several authors are written "A and B"; a name that holds a month's name or particles,
and an agency, stay; and when no name is left the byline is left for the editor, not guessed wrong."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dossier.core.capture.bylines import byline_names, credited
from dossier.core.capture.page_guess import guess_page
from dossier.core.capture.pagemeta import read_page
from dossier.shell.capture.extract import extract

PARA = "<p>The delegations met for four hours on Tuesday, officials said, and agreed to meet again next week.</p>"
PAGE = f"<html><head><title>Talks</title></head><body><h1>Talks</h1>{PARA}</body></html>"


def found(author: str) -> str:
    """The byline guessed from what the extractor found near the headline (no author in the page's metadata)."""
    return guess_page(read_page(PAGE), {"author": author}, "", PARA, {}).byline.value


@pytest.mark.parametrize("author, byline", [
    ("Jane Whitfield; World Affairs Correspondent", "Jane Whitfield"),         # review 116 (local paper)
    ("Omar Haddad; March", "Omar Haddad"),                                      # review 116 ("| March 23, 2024")
    ("Stefan Häne; Sylvain Besson", "Stefan Häne and Sylvain Besson"),          # Tribune de Genève
    ("Jane Doe; John Smith; Political Editor", "Jane Doe and John Smith"),
    ("Ann Lee; Bo Kim; Cy Young", "Ann Lee, Bo Kim and Cy Young"),
    ("Jane Doe; Staff Writer", "Jane Doe"), ("Marie Dupont; Envoyée spéciale", "Marie Dupont"),
    ("Omar Haddad; Saturday March", "Omar Haddad"),
    ("Markus M. Haefliger, London, Beat Bumbacher", "Markus M. Haefliger and Beat Bumbacher"),   # NZZ: a place
    # names that hold a month, particles, agencies, a surname first
    ("April Ryan", "April Ryan"), ("June Carter; Senior Correspondent", "June Carter"), ("May; Theresa May",
                                                                                         "Theresa May"),
    ("Gabriel García Márquez", "Gabriel García Márquez"), ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("AP", "AP"), ("Reuters", "Reuters"), ("Jane Doe; Reuters", "Jane Doe and Reuters"), ("PAP; Rafał Guz",
                                                                                         "PAP and Rafał Guz"),
    ("Smith, John", "Smith, John"), ("Andrew Anderson", "Andrew Anderson"),
    # review 119: a surname first, a suffix, an initial's stop, a weekday's or month's abbreviation in a name,
    # a person beside the newsroom
    ("Haefliger, Markus M.", "Haefliger, Markus M."), ("García Márquez, Gabriel", "García Márquez"),
    # review 121: two names, or a name and a place, at a comma
    ("Matthew Lee, Aamer Madhani", "Matthew Lee and Aamer Madhani"), ("Josef Federman, Jerusalem", "Josef Federman"),
    ("Jane Doe, London", "Jane Doe"), ("Anna Smith, Bob Jones and Carl Li", "Anna Smith, Bob Jones and Carl Li"),
    ("Martin Luther King, Jr.", "Martin Luther King, Jr."), ("Harry Connick Jr.", "Harry Connick Jr."),
    ("Sun Mei", "Sun Mei"), ("Jun Sun", "Jun Sun"), ("Sun Mei and Jane Doe", "Sun Mei and Jane Doe"),
    ("Jane Doe, Times of Israel Staff", "Jane Doe"), ("Jane Doe; Staff", "Jane Doe"),
    ("Tom Rivers, Editor-at-large", "Tom Rivers"), ("Jane Whitfield.", "Jane Whitfield"),
])
def test_a_byline_keeps_its_names_and_leaves_out_job_titles_and_dates(author: str, byline: str) -> None:
    assert found(author) == byline


@pytest.mark.parametrize("author", ["Article by", "March", "World Affairs Correspondent", "Monday; 23 March 2024",
                                    "and"])
def test_a_byline_with_no_name_left_is_not_guessed(author: str) -> None:
    """Nation News: "Article by" above the name the extractor missed; a date or a title alone."""
    guess = guess_page(read_page(PAGE), {"author": author}, "", PARA, {}).byline
    assert (guess.value, guess.where, guess.certain) == ("", "the byline", False)


def test_the_metadata_and_json_ld_bylines_lose_their_titles_and_places_too() -> None:
    meta = PAGE.replace("<title>", '<meta name="author" content="By Jane Whitfield, World Affairs Correspondent">'
                                   "<title>")
    guess = guess_page(read_page(meta), {}, "", PARA, {}).byline
    assert (guess.value, guess.where, guess.certain) == ("Jane Whitfield", 'from <meta name="author">', True)
    ld = json.dumps({"@type": "NewsArticle", "headline": "Talks",
                     "author": [{"@type": "Person", "name": "Markus M. Haefliger, London"},
                                {"@type": "Person", "name": "Beat Bumbacher | Editor"}]})
    page = PAGE.replace("<title>", f'<script type="application/ld+json">{ld}</script><title>')
    assert guess_page(read_page(page), {}, "", PARA, {}).byline.value == "Markus M. Haefliger and Beat Bumbacher"


def test_names_are_split_and_written_as_a_byline_writes_several() -> None:
    assert byline_names("By Glen Owen And Brendan Carlin For The Mail On Sunday") == ["Glen Owen", "Brendan Carlin"]
    assert byline_names("Jane Doe & John Smith / AFP") == ["Jane Doe", "John Smith", "AFP"]
    assert credited([]) == "" and credited(["A B"]) == "A B" and credited(["A B", "C D"]) == "A B and C D"


@pytest.mark.parametrize("name, byline", [
    ("nationnews-schools-safe.html.gz", ""),                         # "Article by" (the name in another <span>)
    ("tdg-chlorothalonil.html.gz", "Stefan Häne and Sylvain Besson"),
    ("nzz-brexit-nervenkrieg.html.gz", "Markus M. Haefliger and Beat Bumbacher"),
    ("standard-quarantine-list.html.gz", "April Roach"),
])
def test_the_real_pages_bylines_are_their_authors_names(name: str, byline: str) -> None:
    data = gzip.decompress((Path(__file__).resolve().parent / "fixtures/real-pages" / name).read_bytes())
    got = extract(data, "", "")
    assert guess_page(read_page(got.html), got.fields, "", got.text, {}).byline.value == byline
