"""A quote of an article shown away from its page (a tag's page, the timeline, an entity's quotes, a shared
passage, a figure as written, an anchor's difference in the report) is written with the direction of its paragraph
in the article (`dir`), as the article page lays that paragraph out (by its first letter), and with the article's
language (`lang`); no `dir` where that direction is the site's. Before, it was written with its article's direction:
an English sentence of a Hebrew article said `dir="rtl"` on the tag page, and a quote from a Hebrew paragraph of an
English article said nothing, so that it was laid out by its own first letter, a Latin name (review 109)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import mini
from dossier.core.common.direction import paragraph_direction
from dossier.core.plan.interface import quote_dir, site_relative
from test_article_language_elsewhere import build, texts

# The reviewer's case: an English sentence in a Hebrew article on an English site, annotated and tagged; and the
# reverse, a Hebrew paragraph of an English article, quoted from a Latin word on (its own first letter is "I").
EN_IN_HE = "we will do it alone"
HE_IN_EN = "Israel will go in alone אם יהיה צורך"
FIGURE_IN_HE = "32,000 dead"
SAID = f"He told reporters in English: {EN_IN_HE}, whatever the Americans say."   # (in two Hebrew articles)


def _article(seed: str, title: str, language: str, quote: str, more: str = "") -> str:
    return (f'seed: {seed}\ntitle: "{title}"\nsource: outlet-a\ndate: 2024-03-22\nlanguage: {language}\n'
            f'annotations:\n  - id: q\n    quote: "{quote}"\n    note: Said.\n    tags: [rafah]\n'
            "    date: 2024-03-21\n    speaker: netanyahu\n" + more)


QUOTE_FILES = {
    "seeds/he.txt": ("כותרת המקור\nנתניהו נפגש עם בלינקן בתל אביב.\n"
                     f"{SAID}\nThe toll reached {FIGURE_IN_HE}, officials said.\n"),
    "seeds/he-2.txt": f"כותרת שנייה\nהדברים נאמרו במסיבת עיתונאים.\n{SAID}\n",
    "seeds/en.txt": (f"The wire\nNetanyahu met Blinken in Tel Aviv.\nנתניהו אמר: {HE_IN_EN}.\n"
                     f"עד כה נהרגו {FIGURE_IN_HE} לפי משרד הבריאות.\n"),
    # (a quote one letter off: anchored fuzzy, the report shows the difference)
    "content/articles/he.yaml": _article("he.txt", "הכתבה העברית", "he", EN_IN_HE,
                                         '  - id: off\n    quote: "we will do it alonne"\n    note: Off.\n'),
    "content/articles/he-2.yaml": _article("he-2.txt", "כתבה שנייה", "he", "whatever the Americans say"),
    "content/articles/en.yaml": _article("en.txt", "The wire report", "en", HE_IN_EN),
    "content/entities.yaml": "netanyahu:\n  name: Netanyahu\n  kind: person\n  aliases: [Netanyahu, נתניהו]\n",
    "content/comparisons/toll.yaml": ("title: Toll\nquestion: How many dead?\nkind: figure\nwitnesses:\n"
                                      f"  - article: he\n    quote: {FIGURE_IN_HE}\n"
                                      f"  - article: en\n    quote: {FIGURE_IN_HE}\n"),
}
# Each page, the quotes it shows, and whether a text of the page is one (the whole text) or holds one (the report's
# difference); an entity's page shows the sentences naming it too, in their paragraph's direction
# (test_paragraph_direction_elsewhere.py).
SHOWN = {
    "tags/rafah/index.html": (EN_IN_HE, HE_IN_EN), "timeline/index.html": (EN_IN_HE, HE_IN_EN),
    "entities/netanyahu/index.html": (EN_IN_HE, HE_IN_EN), "report/index.html": ("alon",),
}
WHOLE = ("tags/rafah/index.html", "timeline/index.html", "entities/netanyahu/index.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(mini(tmp_path_factory.mktemp("quotes"), QUOTE_FILES))


def test_a_paragraph_takes_the_direction_of_its_first_letter_of_one():
    text = "כותרת\n\nHe told reporters: we will do it alone.\n\n«123» …\n\n«Israel» אמר כי"
    assert paragraph_direction(text, 0) == "rtl"
    assert paragraph_direction(text, text.index("we")) == "ltr"
    assert paragraph_direction(text, text.index("123")) == ""     # (no letter: the page decides)
    assert paragraph_direction(text, text.index("אמר")) == "ltr"  # (its first letter is Latin)


def test_a_quote_s_direction_is_written_only_where_it_is_another_than_the_site_s():
    text = "כותרת\n\nHe told reporters: we will do it alone."
    at = text.index("we")
    assert (quote_dir(text, at, "en"), quote_dir(text, at, "he"), quote_dir(text, 0, "en"), quote_dir(text, 0, "he"),
            quote_dir("«123»", 1, "he")) == ("", "ltr", "rtl", "", "")
    assert (site_relative("rtl", "ar"), site_relative("rtl", "fr"), site_relative("", "fr")) == ("", "rtl", "")


def test_a_quote_away_from_its_article_is_written_in_its_paragraph_s_direction_with_its_article_s_language(site):
    expected = {EN_IN_HE: ("he", ""), HE_IN_EN: ("en", "rtl"), "alon": ("he", "")}
    for rel, quotes in SHOWN.items():
        shown = texts((site / rel).read_text("utf-8"))
        for quote in quotes:
            places = [(lang, direction) for text, lang, direction in shown
                      if (text == quote if rel in WHOLE else quote in text)]
            assert places and all(p == expected[quote] for p in places), (rel, quote, places)
    # (a passage's page; its columns side by side: test_compare_view)
    passages = "".join(p.read_text("utf-8") for p in sorted(site.glob("passages/*/index.html")))
    shared = re.findall(r'<blockquote class="passage-text"><p([^>]*)>([^<]*)</p>', passages)
    assert shared and all(EN_IN_HE in text and marks == ' lang="he"' for marks, text in shared), shared


def test_a_figure_as_written_takes_its_paragraph_s_direction(site):
    page = (site / "compare/toll/index.html").read_text("utf-8")
    assert f'“<span lang="he">{FIGURE_IN_HE}</span>”' in page   # (an English sentence of the Hebrew article)
    assert f'“<span dir="rtl">{FIGURE_IN_HE}</span>”' in page   # (a Hebrew one of the English article)
