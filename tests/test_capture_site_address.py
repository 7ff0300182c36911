"""The site's name a headline is told from is the name of the address the page was read at too, not only its
canonical link's or og:url's (review 194): a page without a canonical link had its site's name as a headline."""

from __future__ import annotations

import pytest

from dossier.core.capture.page_guess import PageGuess, guess_page
from dossier.core.capture.pagemeta import read_page

PARA = "<p>The delegations met for four hours on Tuesday, officials said, and agreed to meet again next week.</p>"
STOCKS = "Stocks fall on rate fears"


def _guess(head: str, h1: str, fetched: str) -> PageGuess:
    page = read_page(f"<html><head>{head}</head><body><h1>{h1}</h1><article>{PARA}</article></body></html>")
    return guess_page(page, {}, fetched, PARA, {})


@pytest.mark.parametrize("head", [
    "",  # read at reuters.com, nothing else
    "<link rel='canonical' href='https://www.reuters.com/markets/stocks-fall'>",
])
def test_a_title_that_is_only_the_sites_name_is_no_headline_and_the_h1_wins(head: str) -> None:
    """<title> and og:title "Reuters" over an <h1> "Stocks fall…": the site's name was the headline, certain,
    when no canonical link named reuters.com; the <h1> is the page's headline (flagged: no metadata says so)."""
    guess = _guess(f"<title>Reuters</title><meta property='og:title' content='Reuters'>{head}", STOCKS,
                   "https://www.reuters.com/markets/stocks-fall")
    assert guess.title.value == STOCKS


def test_a_social_title_that_is_the_fetched_domains_name_never_makes_the_headline_the_outlet() -> None:
    """"BUDGET | Small Town News" with og:title "Small Town News", read at smalltownnews.example: without a
    canonical link the og:title was taken for the headline's part, and "BUDGET" was the outlet."""
    head = "<title>BUDGET | Small Town News</title><meta property='og:title' content='Small Town News'>"
    guess = _guess(head, "BUDGET", "https://smalltownnews.example/news/budget")
    assert (guess.title.value, guess.outlet.name) == ("BUDGET", "Small Town News")
