"""An article's title or quote standing among the site's words in another direction is laid out in its article's
direction, the `dir` the build writes (interface.article_marks), in a real browser (Debian's chromium via
Playwright): not in the direction of its first letter. The style sheet gave titles `unicode-bidi: plaintext`,
which overrode the `dir`, so that a Hebrew title beginning with a Latin word ("Hamas ...") was laid out left to
right on an English site, its first word at the left, and an English title beginning with a Hebrew word right to
left on a Hebrew site; the title of the article's own page and of its column in a comparison had no `dir` at all."""

from __future__ import annotations

import unicodedata

from pathlib import Path

import pytest

from conftest import mini, run_build

pytestmark = pytest.mark.browser

HE_TITLE = "Hamas דוחה את הקריאה האמריקאית לעצור ברפיח"
HE_QUOTE = "Hamas אמר כי לא יקבל את ההצעה"
EN_TITLE = "נתניהו tells Blinken Israel will go in alone"
EN_QUOTE = "נתניהו said Israel would go in alone"


def _article(seed: str, title: str, source: str, language: str, quote: str) -> str:
    return (f'seed: {seed}\ntitle: "{title}"\nsource: {source}\ndate: 2024-03-22\nlanguage: {language}\n'
            f'annotations:\n  - id: q\n    quote: "{quote}"\n    note: Said.\n    tags: [rafah]\n'
            "    entities: [netanyahu]\n")


ENTITIES = "netanyahu:\n  name: Netanyahu\n  kind: person\n  aliases: [Netanyahu, נתניהו]\n"
COMPARISON = ("title: Alone\nquestion: Who said what?\nkind: quote\nwitnesses:\n"
              "  - article: he\n    quote: {he}\n  - article: en\n    quote: {en}\n")
ENGLISH_SITE = {  # (an English site: a Hebrew article beginning with a Latin word)
    "seeds/he.txt": f"כותרת המקור\n{HE_QUOTE} של ארצות הברית, אמר נתניהו ברפיח.\n",
    "seeds/en.txt": "The wire\nNetanyahu said Israel would go in alone.\n",
    "content/articles/he.yaml": _article("he.txt", HE_TITLE, "outlet-a", "he", HE_QUOTE),
    "content/articles/en.yaml": _article("en.txt", "The wire report", "outlet-b", "en", "Israel would go in alone"),
    "content/entities.yaml": ENTITIES,
    "content/comparisons/alone.yaml": COMPARISON.format(he=HE_QUOTE, en="Israel would go in alone"),
}
HEBREW_SITE = {  # (a Hebrew site: an English article beginning with a Hebrew word)
    "site.yaml": "title: תיק רפיח\nlanguage: he\n",
    "seeds/en.txt": f"The wire's own headline\n{EN_QUOTE} if it had to.\n",
    "seeds/he.txt": "כותרת\nנתניהו אמר כי ישראל תיכנס לבד.\n",
    "content/articles/en.yaml": _article("en.txt", EN_TITLE, "outlet-a", "en", EN_QUOTE),
    "content/articles/he.yaml": _article("he.txt", "הכתבה העברית", "outlet-b", "he", "ישראל תיכנס לבד"),
    "content/entities.yaml": ENTITIES,
    "content/comparisons/alone.yaml": COMPARISON.format(he="ישראל תיכנס לבד", en=EN_QUOTE),
}
PAGES = ("", "articles/{slug}/", "sources/", "tags/rafah/", "timeline/", "entities/netanyahu/", "compare/alone/")

# Every place of the page's body that shows `words` (hidden labels left out): its element, its `dir` and the left
# edges of its first word and of its last.
PLACES = """words => {
  const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const edge = (node, at, length) => { const r = document.createRange(); r.setStart(node, at);
                                       r.setEnd(node, at + length); return r.getBoundingClientRect().left; };
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const at = node.textContent.indexOf(words), el = node.parentElement;
    if (at < 0 || el.closest('.visually-hidden, [hidden]')) continue;
    const first = words.split(' ')[0].length, last = words.length - words.lastIndexOf(' ') - 1;
    out.push({words: words, element: el.tagName.toLowerCase() + '.' + el.className,
              dir: (el.closest('[dir]') || document.documentElement).dir,
              first: edge(node, at, first), last: edge(node, at + words.length - last, last)});
  }
  return out;
}"""


def _site(root: Path) -> Path:
    out = root.parent / "_site"
    result = run_build(root, "--no-search", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _places(new_page, url: str, slug: str, words: tuple[str, ...]) -> dict[str, list[dict]]:
    """Of each page, every place that shows one of `words`."""
    page = new_page(viewport={"width": 1280, "height": 900})
    found = {}
    for path in PAGES:
        page.goto(url + path.format(slug=slug))
        found[path] = [place for w in words for place in page.evaluate(PLACES, w)]
    page.close()
    return found


def _laid_out(found: dict[str, list[dict]], title: str, quote: str, direction: str, slug: str) -> None:
    """Every place of `title` on every page is laid out in `direction`: its first word at the right end (rtl) or at
    the left (ltr); and every place of `quote`, which begins its paragraph, as the article page lays the paragraph
    out: by its first letter (the article's `dir` written on a quote elsewhere does not turn it, review 107)."""
    for path in ("", "articles/{slug}/", "sources/", "tags/rafah/", "timeline/", "entities/netanyahu/",
                 "compare/alone/"):
        assert any(p["words"] == title for p in found[path]), (path, found[path])   # (the title is shown there)
    rtl = unicodedata.bidirectional(next(c for c in quote if unicodedata.bidirectional(c) in "LRAL")) != "L"
    for path, places in found.items():
        for place in places:
            if place["words"] == title:
                assert (place["first"] > place["last"]) == (direction == "rtl"), (path, place)
            elif place["words"] == quote:
                assert (place["first"] > place["last"]) == rtl, (path, place, slug)


def test_a_hebrew_title_beginning_with_a_latin_word_reads_right_to_left_on_an_english_site(
        new_page, http_server, tmp_path):
    url = http_server(_site(mini(tmp_path, ENGLISH_SITE)))
    # "Hamas" at the right end
    _laid_out(_places(new_page, url, "he", (HE_TITLE, HE_QUOTE)), HE_TITLE, HE_QUOTE, "rtl", "he")


def test_an_english_title_beginning_with_a_hebrew_word_reads_left_to_right_on_a_hebrew_site(
        new_page, http_server, tmp_path):
    url = http_server(_site(mini(tmp_path, HEBREW_SITE)))
    # "נתניהו" at the left end
    _laid_out(_places(new_page, url, "en", (EN_TITLE, EN_QUOTE)), EN_TITLE, EN_QUOTE, "ltr", "en")


QUOTE_PAGES = ("articles/he/", "articles/en/", "tags/rafah/", "timeline/", "entities/netanyahu/")


def test_a_quote_from_a_paragraph_in_the_other_direction_than_its_article_s_is_laid_out_as_on_its_article_page(
        new_page, http_server, tmp_path):
    """An English sentence of a Hebrew article and a Hebrew paragraph of an English article quoted from a Latin word
    on (tests/test_quote_direction.py), on an English site: every place of each quote is laid out as its paragraph
    is on its article page, and where the site shows it away from that page its `dir` (or the page's, where none is
    written) says so (review 109: the tag page wrote the English sentence `dir="rtl"`, and laid the Hebrew paragraph's
    quote out left to right by its first letter)."""
    from test_quote_direction import EN_IN_HE, HE_IN_EN, QUOTE_FILES

    url = http_server(_site(mini(tmp_path, QUOTE_FILES)))
    page = new_page(viewport={"width": 1280, "height": 900})
    for quote, direction in ((EN_IN_HE, "ltr"), (HE_IN_EN, "rtl")):
        shown = set()
        for path in QUOTE_PAGES:
            page.goto(url + path)
            for place in page.evaluate(PLACES, quote):
                shown.add(path)
                assert (place["first"] > place["last"]) == (direction == "rtl"), (path, place)
                if path.startswith("articles/") or place["element"] not in ("p.", "a.", "span.", "a.ctx"):
                    continue   # (the article page lays each paragraph out by its first letter, with no `dir`;
                               # an entity's page writes its paragraph's on each sentence naming it, a.ctx's li)
                assert (place["dir"] or "ltr") == direction, (path, place)
        assert shown == set(QUOTE_PAGES) - {"articles/" + ("en/" if direction == "ltr" else "he/")}, (quote, shown)
    page.close()
