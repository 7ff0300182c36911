"""Three more places that show an article's words away from its page take the direction of the paragraph those words
are in, as a quote does (interface.quote_dir, tests/test_quote_direction.py): a comparison's heat map (the base's
words), an entity page's sentences naming it (its mentions in context) and the names it is written as there ("Named
in the sources as"). Each writes that direction as its `dir` where it is another than the site's, and nothing where
it is the site's, which the page then lays it out in. Before, the heat map and the sentences were laid out by their
own first letter (`unicode-bidi: plaintext`): a sentence of a Hebrew paragraph beginning with "Hamas" read left to
right; and a name took its article's direction, so that a name in an English paragraph of a Hebrew article said
`dir="rtl"`, and one in a Hebrew paragraph of an English article nothing.

One dossier of a Hebrew article with an English paragraph and an English article with a Hebrew paragraph, built as
an English site and as a Hebrew one (`language: he`: the English paragraph is the one in the other direction)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import mini
from dossier.core.common.direction import paragraph_direction
from test_article_language_elsewhere import build

# In a Hebrew paragraph (its first letter Hebrew) of each article, a sentence and a quote beginning with a Latin
# word; in an English paragraph of the Hebrew article, a sentence and a quote.
HE_SENTENCE = "Hamas אמר כי לא יקבל את ההצעה."
HE_IN_EN_SENTENCE = "Hamas ידחה את ההצעה."
EN_IN_HE_SENTENCE = "Netanyahu told reporters in English: we will do it alone."
SEEDS = {
    "seeds/he.txt": f"כותרת המקור\nההודעה פורסמה בעזה. {HE_SENTENCE}\n{EN_IN_HE_SENTENCE}\n",
    "seeds/en.txt": ("The wire\nThe prime minister met Blinken in Tel Aviv.\n"
                     f"נתניהו אמר ברפיח. {HE_IN_EN_SENTENCE}\nHe told reporters: we will do it alone.\n"),
}


def _article(seed: str, title: str, language: str) -> str:
    return f'seed: {seed}\ntitle: "{title}"\nsource: outlet-a\ndate: 2024-03-22\nlanguage: {language}\n'


def _comparison(title: str, he: str, en: str) -> str:
    return (f"title: {title}\nquestion: Who said what?\nkind: quote\nwitnesses:\n"
            f"  - article: he\n    quote: {he}\n  - article: en\n    quote: {en}\n")


FILES = {
    **SEEDS,
    "content/articles/he.yaml": _article("he.txt", "הכתבה העברית", "he"),
    "content/articles/en.yaml": _article("en.txt", "The wire report", "en"),
    "content/entities.yaml": ("hamas:\n  name: Hamas\n  kind: organisation\n  aliases: [Hamas, חמאס]\n"
                              "netanyahu:\n  name: Netanyahu\n  kind: person\n  aliases: [Netanyahu, נתניהו]\n"),
    # (the bases' words: from a Hebrew paragraph of each article, from a Latin word on; from an English one of each)
    "content/comparisons/reject.yaml": _comparison("Reject", "Hamas אמר כי לא יקבל את ההצעה", "Hamas ידחה את ההצעה"),
    "content/comparisons/alone.yaml": _comparison("Alone", "we will do it alone", "we will do it alone"),
}
HEBREW_SITE = {"site.yaml": "title: תיק\nlanguage: he\n"}

# What each place shows, and the direction of its paragraph in its article (the article page's)
HEAT = {("reject", "he"): "rtl", ("reject", "en"): "rtl", ("alone", "he"): "ltr", ("alone", "en"): "ltr"}
SENTENCES = {"hamas": {HE_SENTENCE: "rtl", HE_IN_EN_SENTENCE: "rtl"},
             "netanyahu": {EN_IN_HE_SENTENCE: "ltr", "נתניהו אמר ברפיח.": "rtl"}}
NAMES = {"hamas": {"Hamas": "rtl"}, "netanyahu": {"Netanyahu": "ltr", "נתניהו": "rtl"}}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    return {"en": build(mini(tmp_path_factory.mktemp("english"), FILES)),
            "he": build(mini(tmp_path_factory.mktemp("hebrew"), {**FILES, **HEBREW_SITE}))}


def _written(direction: str, site: str) -> str:
    """The `dir` a text of a paragraph in `direction` is written with on the site in `site`: none where it is the
    site's (interface.site_relative)."""
    return "" if direction == {"en": "ltr", "he": "rtl"}[site] else direction


def _dir(attributes: str) -> str:
    found = re.search(r' dir="(\w+)"', attributes)
    return found.group(1) if found else ""


def test_the_texts_shown_begin_with_a_letter_of_the_other_direction_than_their_paragraph_s():
    """(what the tests below show: laid out by their first letter, each would read in the other direction)"""
    for seed in SEEDS.values():
        for words in (HE_SENTENCE, HE_IN_EN_SENTENCE, EN_IN_HE_SENTENCE):
            if words in seed:
                direction = paragraph_direction(seed.replace("\n", "\n\n"), seed.replace("\n", "\n\n").index(words))
                assert direction == ("ltr" if words == EN_IN_HE_SENTENCE else "rtl"), words
    assert paragraph_direction(HE_SENTENCE, 0) == "ltr"


@pytest.mark.parametrize("site", ["en", "he"])
def test_a_heat_map_s_text_takes_its_paragraph_s_direction(sites, site):
    for comparison in ("reject", "alone"):
        page = (sites[site] / f"compare/{comparison}/index.html").read_text("utf-8")
        heat = dict(re.findall(r'<p class="heat-text" data-base="([^"]+)"([^>]*)>', page))
        assert set(heat) == {"he", "en"}, heat
        for base, attributes in heat.items():
            assert _dir(attributes) == _written(HEAT[comparison, base], site), (site, comparison, base, attributes)


@pytest.mark.parametrize("site", ["en", "he"])
def test_an_entity_s_sentences_naming_it_take_their_paragraph_s_direction(sites, site):
    for entity, sentences in SENTENCES.items():
        page = (sites[site] / f"entities/{entity}/index.html").read_text("utf-8")
        shown = {re.sub(r"<[^>]+>", "", html): _dir(attributes) for attributes, html in
                 re.findall(r'<li([^>]*)><a class="ctx" href="[^"]+">(.*?)</a></li>', page)}
        assert shown == {text: _written(direction, site) for text, direction in sentences.items()}, (site, shown)


@pytest.mark.parametrize("site", ["en", "he"])
def test_an_entity_s_names_as_written_take_their_paragraph_s_direction(sites, site):
    for entity, names in NAMES.items():
        page = (sites[site] / f"entities/{entity}/index.html").read_text("utf-8")
        seen = re.search(r"Named in the sources as</dt>\s*<dd>(.*?)</dd>", page)
        assert seen, entity
        shown = {}
        counted = r'<bdi>“(.*?)”<span data-pagefind-ignore="all"> \(\d+\)</span></bdi>'
        for inner in re.findall(counted, seen.group(1)):
            span = re.fullmatch(r"<span([^>]*)>([^<]*)</span>", inner)
            shown[span.group(2) if span else inner] = _dir(span.group(1)) if span else ""
        assert shown == {name: _written(direction, site) for name, direction in names.items()}, (site, shown)


# Of each element `selector` finds (shown, were it hidden), its words, and the left edges of its first word and of its
# last (hidden labels and the heat map's numbers left out): the first word is at the right end where it is laid out
# right to left.
EDGES = """selector => [...document.querySelectorAll(selector)].map(el => {
  el.hidden = false;
  const nodes = [], walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode())
    if (n.textContent.trim() && !n.parentElement.closest('.visually-hidden, sup')) nodes.push(n);
  const edge = (node, last) => {
    const text = node.textContent.replace(/\\s+$/, ''), r = document.createRange();
    const start = last ? text.search(/\\S+$/) : text.search(/\\S/);
    r.setStart(node, start);
    r.setEnd(node, last ? text.length : start + text.slice(start).search(/\\s|$/));
    return r.getBoundingClientRect().left;
  };
  return {words: nodes.map(n => n.textContent).join('').trim(), first: edge(nodes[0], false),
          last: edge(nodes[nodes.length - 1], true)};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("site", ["en", "he"])
def test_the_heat_map_and_the_sentences_naming_an_entity_are_laid_out_in_their_paragraph_s_direction(
        sites, site, browser, http_server):
    """In a real browser (Debian's chromium): also where no `dir` is written (the paragraph's direction is the
    site's), a sentence of a Hebrew paragraph beginning with "Hamas" reads right to left on the Hebrew site: the
    style sheet laid it out by its first letter (`unicode-bidi: plaintext`), left to right."""
    url = http_server(sites[site])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    expected = {**{text: d for sentences in SENTENCES.values() for text, d in sentences.items()},
                "Hamas אמר כי לא יקבל את ההצעה": "rtl", "Hamas ידחה את ההצעה": "rtl", "we will do it alone": "ltr"}
    shown = set()
    for path, selector in [("compare/reject/", ".heat-text"), ("compare/alone/", ".heat-text"),
                           ("entities/hamas/", ".contexts li"), ("entities/netanyahu/", ".contexts li")]:
        page.goto(url + path)
        for place in page.evaluate(EDGES, selector):
            words = re.sub(r"\s+", " ", place["words"])
            assert (place["first"] > place["last"]) == (expected[words] == "rtl"), (site, path, place)
            shown.add(words)
    page.close()
    assert shown == set(expected), shown
