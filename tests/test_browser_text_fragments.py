"""A real browser (Debian's chromium via Playwright) takes a text fragment where tests/fragment_check.py says it
does: the first match of its start term, case aside, after its prefix; so the fragment text_fragment makes for a
passage beginning with a word an earlier paragraph ends with ("days.") opens the page at the passage, where the
fragment made before review 165 opened it at the earlier paragraph."""

from __future__ import annotations

import html

import pytest

from dossier.core.plan.text_fragments import plain_fragment, text_fragment
from fragment_check import land
from test_text_fragments import ARTICLE

pytestmark = pytest.mark.browser

# Paragraphs a screen and more apart, after a screen of nothing: each fragment must scroll, to its paragraph alone.
PAGE = ('<!DOCTYPE html><meta charset="utf-8"><style>p { margin: 0 0 200vh } div { height: 200vh }</style>'
        "<div></div>")
# The index of the paragraph at the middle of the window (where a browser puts the text it scrolls to).
SHOWN = """() => [...document.querySelectorAll('p')].findIndex(p => {
  const b = p.getBoundingClientRect(); return b.top <= innerHeight / 2 + 40 && b.bottom >= innerHeight / 2 - 40; })"""


def _paragraph(offset: int) -> int:
    return ARTICLE.count("\n\n", 0, offset)


def test_chromium_opens_a_fragment_at_the_paragraph_the_checker_says(browser, http_server, tmp_path):
    paragraphs = ARTICLE.split("\n\n")
    (tmp_path / "index.html").write_text(PAGE + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs), "utf-8")
    url = http_server(tmp_path)
    start = ARTICLE.index("days.", ARTICLE.index("stayed"))
    old, new = plain_fragment(ARTICLE, start, len(ARTICLE)), text_fragment(ARTICLE, start, len(ARTICLE))
    cases = [(old, 0), (new, 1), ("#:~:text=DAYS.", 0), ("#:~:text=delegation%20stayed-,for", 1)]
    page = browser.new_page(viewport={"width": 800, "height": 600})
    for fragment, paragraph in cases:
        assert _paragraph(land(ARTICLE, fragment)[0]) == paragraph, fragment
        page.goto(url + "index.html" + fragment)
        page.wait_for_function(f"scrollY > 0 && ({SHOWN})() === {paragraph}", timeout=5000)
        page.goto("about:blank")
    page.close()


def test_chromium_opens_a_lede_the_headline_repeats_at_the_lede(browser, http_server, tmp_path):
    """A wire lede often repeats the headline: its link's start term, unique in the article's text, was matched
    first in the page's h1 (review 181); made unique in what the page shows before the text too, it is not."""
    headline = "Israel will go into Rafah alone, Netanyahu tells Blinken"
    text = ("Israel will go into Rafah alone if it has to, Prime Minister Benjamin Netanyahu told the visiting "
            "secretary on Friday.\n\nThe talks ended without a deal, officials said.")
    end = text.index("\n\n")
    shown = headline + "\n\n" + text
    assert land(shown, text_fragment(text, 0, end))[0] == 0   # (the headline's words)
    fragment = text_fragment(text, 0, end, shown=headline)
    assert land(shown, fragment)[0] == len(headline) + 2
    _opens_at(browser, http_server(tmp_path), tmp_path, headline, text, fragment, 0)


def test_chromium_matches_a_term_accents_aside_as_the_checker_folds_it(browser, http_server, tmp_path):
    """Chromium's find compares at ICU primary strength: "president" matches "président" (the earlier paragraph),
    as fragment_check.land says; text_fragment's term for the later one is lengthened past the shared words."""
    text = "Le président a dit non.\n\nPuis le president a dit non et il est parti."
    start = text.index("le president")
    (tmp_path / "index.html").write_text(PAGE + "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")),
                                         "utf-8")
    url = http_server(tmp_path) + "index.html"
    page = browser.new_page(viewport={"width": 800, "height": 600})
    for fragment, paragraph in [("#:~:text=le%20president%20a%20dit", 0), (text_fragment(text, start, len(text)), 1)]:
        assert text.count("\n\n", 0, land(text, fragment)[0]) == paragraph, fragment
        page.goto(url + fragment)
        page.wait_for_function(f"scrollY > 0 && ({SHOWN})() === {paragraph}", timeout=5000)
        page.goto("about:blank")
    page.close()


def test_chromium_takes_a_curly_apostrophe_as_a_straight_one_as_the_fold_does(browser, http_server, tmp_path):
    """Chromium's find takes "Biden’s" as "Biden's" (review 188): the lede's start term, unique but for its curly
    apostrophe, opened the page at the headline; text_fragment's fold equates them, and lengthens the term."""
    headline = "Biden's plan to cut taxes"
    text = "Biden’s plan to cut taxes for the rich was unveiled on Monday by officials.\n\nThe talks ended."
    fragment = text_fragment(text, 0, text.index("\n\n"), shown=headline)
    _opens_at(browser, http_server(tmp_path), tmp_path, headline, text, fragment, 0)


def test_chromium_begins_a_word_after_a_soft_hyphen_as_the_checker_does(browser, http_server, tmp_path):
    """Chromium ignores a soft hyphen in matching but begins a word after it (review 195): "operation deal with
    the" matches first in "co\u00adoperation deal with the", the earlier paragraph, as fragment_check.land says;
    text_fragment's term for the later one is lengthened past the shared words, and opens the page there."""
    text = ("They signed a co\u00adoperation deal with the EU on Monday.\n\nThe operation deal with the EU was hailed "
            "by ministers of all the member states on Tuesday.")
    start = text.index("operation deal with the EU was")
    assert text.count("\n\n", 0, land(text, "#:~:text=operation%20deal%20with%20the")[0]) == 0
    fragment = text_fragment(text, start, len(text))
    assert land(text, fragment)[0] == start
    (tmp_path / "index.html").write_text(PAGE + "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")),
                                         "utf-8")
    page = browser.new_page(viewport={"width": 800, "height": 600})
    page.goto(http_server(tmp_path) + "index.html" + fragment)
    page.wait_for_function(f"scrollY > 0 && ({SHOWN})() === 1", timeout=5000)
    page.close()


def _opens_at(browser, base: str, folder, headline: str, text: str, fragment: str, paragraph: int) -> None:
    """A page of `headline` (an h1) over `text`'s paragraphs, opened at `fragment`: Chromium scrolls to
    `paragraph`."""
    (folder / "index.html").write_text(PAGE + f"<h1>{html.escape(headline)}</h1><div></div>"
                                       + "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")), "utf-8")
    page = browser.new_page(viewport={"width": 800, "height": 600})
    page.goto(base + "index.html" + fragment)
    page.wait_for_function(f"scrollY > 0 && ({SHOWN})() === {paragraph}", timeout=5000)
    page.close()
