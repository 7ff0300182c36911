"""A site's cookie or consent notice left out of a captured page's text: DW's `<div class="cookie">` ("Nous utilisons
des cookies…", the second line of its seed), on the evidence of the page (an element called a cookie, consent or
GDPR notice that says what a notice says); and the article's own lines on cookies, consent or privacy, which
stay: a recipe, a story on privacy law, a box called "cookie-recipe".

The text given to the rules is the extractor's as it writes such pages: one block a line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dossier.core.capture.furniture import without_furniture
from dossier.core.capture.furniture_consent import CONSENT, notice_boxes
from dossier.core.capture.furniture_page import Page
from dossier.shell.capture.extract import extract
from dossier.shell.capture.page_blocks import page_blocks

REAL = Path(__file__).resolve().parent / "fixtures" / "real-pages"
STORY = [
    "The agency said the loss of fertile land had pushed elephants closer to villages in the south of the country.",
    "Farmers in the region told reporters that herds had destroyed crops twice since the start of the year.",
    "The government has promised compensation, but none has been paid so far, officials said.",
]


def page(body: str, before: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><title>Elephants</title></head><body>{before}
<main><article class="story"><h1>Elephants and the loss of fertile land</h1>{body}</article></main>
<footer><p>Contact us</p></footer></body></html>"""


def story(*indexes: int) -> str:
    return "".join(f"<p>{STORY[i]}</p>" for i in indexes)


def left_out(html: str, lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """(the lines kept, (line, what it is) of each line left out) of an extracted text of `lines` from `html`."""
    text, dropped = without_furniture("\n".join(lines), page_blocks(html))
    return text.split("\n"), [(d.text, d.kind) for d in dropped]


DW_TEXT = ("We use cookies to improve our service for you. You can find more information in our data protection "
           "declaration.")
NOTICES = [
    # DW: the text and its two links, in elements called "cookie"
    ('<div class="cookie"><div class="cookie__wrap"><div class="cookie__item"><p class="cookie__text">'
     f'{DW_TEXT}</p></div>'
     '<div class="cookie__buttons"><a class="cookie__btn" href="/a-18265246">More info</a> '
     '<a class="cookie__btn" href="#">OK</a></div></div></div>', [DW_TEXT, "More info OK"]),
    # a notice called "gdpr", its policy's link and a button (a local paper's)
    ('<div class="gdpr"><p>This website uses cookies. We and our partners use cookies to personalise content and '
     'ads.</p><p><a href="/cookies">Cookie policy</a></p><p>I agree</p></div>',
     ["This website uses cookies. We and our partners use cookies to personalise content and ads.",
      "Cookie policy", "I agree"]),
    # The Verge's, called "privacy-consent"
    ('<div id="privacy-consent" class="m-privacy-consent"><p>We use cookies and other tracking technologies to '
     'improve your browsing experience on our site.</p><p>By choosing I Accept, you consent to our use of cookies.'
     '</p></div>', ["We use cookies and other tracking technologies to improve your browsing experience on our site.",
                    "By choosing I Accept, you consent to our use of cookies."]),
    # a German page's, called a privacy banner
    ('<section class="privacy-banner"><p>Wir verwenden Cookies, um unser Angebot zu verbessern. Mehr dazu in '
     'unserer Datenschutzerklärung.</p><p>Akzeptieren</p></section>',
     ["Wir verwenden Cookies, um unser Angebot zu verbessern. Mehr dazu in unserer Datenschutzerklärung.",
      "Akzeptieren"]),
]


@pytest.mark.parametrize("notice, lines", NOTICES)
@pytest.mark.parametrize("where", ["before", "inside"])
def test_a_cookie_or_consent_notice_goes_every_line_of_the_article_stays(notice: str, lines: list[str],
                                                                        where: str) -> None:
    html = page(story(0, 1, 2), notice) if where == "before" else page(story(0) + notice + story(1, 2))
    text = [*lines, *STORY] if where == "before" else [STORY[0], *lines, *STORY[1:]]
    kept, dropped = left_out(html, text)
    assert kept == STORY and dropped == [(line, CONSENT) for line in lines]


RECIPE = "Line a cookie sheet with baking paper, then bake the cookies for twelve minutes until golden."
GDPR_STORY = ("Under the GDPR, websites that use cookies must ask visitors for their consent, and the privacy "
              "regulator said most did not.")
QUOTED = ('"We use cookies to personalise ads," the site\'s privacy policy says; the regulator said that was no '
          "consent.")


@pytest.mark.parametrize("html, lines", [
    # a recipe's cookies, and a story on privacy law, in the article's paragraphs
    (page(story(0) + f"<p>{RECIPE}</p><p>{GDPR_STORY}</p><p>{QUOTED}</p>"), [STORY[0], RECIPE, GDPR_STORY, QUOTED]),
    # a box called "cookie-recipe": a recipe's words, no notice's (its cookies from a tin, no policy)
    (page(story(0) + '<div class="cookie-recipe"><p>We use cookies from a tin for the base: crush them with melted '
          "butter and press them into the dish.</p><p>Chill for an hour.</p></div>"),
     [STORY[0], "We use cookies from a tin for the base: crush them with melted butter and press them into the dish.",
      "Chill for an hour."]),
    # an article WordPress calls by its tags ("tag-gdpr tag-cookies"), a short one quoting a notice
    (page(f"<p>{QUOTED}</p>").replace('class="story"', 'class="post tag-gdpr tag-cookies"'), [QUOTED]),
    # a short story in an element called "gdpr" that holds its headline
    ('<!doctype html><html lang="en"><body><div class="story gdpr"><h1>Regulator fines site</h1>'
     f"<p>{QUOTED}</p></div></body></html>", ["Regulator fines site", QUOTED]),
    # a box called "consent" whose line is a story's, not about cookies (a law on consent)
    (page(story(0) + '<div class="consent-explainer"><p>Under the new law, consent must be given freely, and '
          "websites must say which partners use cookies.</p><p>We explain what changes.</p></div>"),
     [STORY[0], "Under the new law, consent must be given freely, and websites must say which partners use cookies.",
      "We explain what changes."]),
])
def test_an_articles_lines_on_cookies_consent_or_privacy_stay(html: str, lines: list[str]) -> None:
    assert left_out(html, lines) == (lines, [])


def test_an_element_called_a_notice_that_holds_a_line_of_the_article_is_none_the_notice_in_it_goes() -> None:
    """An element called a notice that also holds a paragraph not about cookies or privacy holds the article (a
    page that wraps it all in "has-cookie-banner"): only the notice inside it goes."""
    html = page(f'<div class="has-cookie-banner">{NOTICES[0][0]}{story(0, 1, 2)}</div>')
    kept, dropped = left_out(html, [*NOTICES[0][1], *STORY])
    assert kept == STORY and dropped == [(line, CONSENT) for line in NOTICES[0][1]]
    assert len(notice_boxes(Page([], page_blocks(html)))) == 4  # (the notice's four elements, not the wrapper)


def test_the_real_dw_pages_cookie_notice_is_left_out_of_its_seed() -> None:
    """DW's French page (the fixture): its notice was the seed's second line, before the article's."""
    entry = next(e for e in json.loads((REAL / "expected.json").read_text("utf-8"))
                 if e["file"] == "dw-fr-guinee-elephants.html.gz")
    got = extract(gzip.decompress((REAL / entry["file"]).read_bytes()), "text/html", entry["saved_from"])
    assert "cookies" not in got.text and "24 milliards de tonnes de terres fertiles" in got.text
    assert [(d.kind, d.text[:30]) for d in got.furniture] == [(CONSENT, "Nous utilisons des cookies pou")]
