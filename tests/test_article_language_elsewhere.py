"""An article in another language than the site's is marked with its language wherever its own words are shown
outside its page (WCAG 3.1.2 Language of Parts): its title in the listings (home, sources, tags, the timeline, an
entity's page, the shared passages, the feed), its quotes (tags, the timeline, the quotes attributed to an entity),
the sentences that mention an entity, the names an entity is written as, a shared passage, a figure as written, an
anchor's difference in the editors' report, and its title where a comparison tells two reports of one outlet
apart. Only those words: the site's around them keep the page's language, and an article in the site's language
is not marked at all (an English site's pages stay as they were: tests/test_golden.py). A right-to-left title or
quote standing among a left-to-right site's words is isolated in its own direction (`dir`). Before, a screen reader
read a French title or a Hebrew quote on these pages with the English voice."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import mini, run_build
from dossier.core.common.memo import Memo
from dossier.core.pipeline import Options, build_site
from dossier.shell.fs import read_inputs
from test_quality_html import html_pages, nu_errors

FR_TITLE, FR_WIRE_TITLE, HE_TITLE, EN_TITLE = ("Nétanyahou à Blinken : nous le ferons seuls", "Dépêche sur Rafah",
                                               "נתניהו לבלינקן: נעשה זאת לבד", "Netanyahu tells Blinken")
FR_SENTENCE = ("Benyamin Nétanyahou a dit à Blinken qu'Israël entrerait seul à Rafah s'il le fallait, "
               "vendredi à Tel-Aviv.")
HE_QUOTE, EN_QUOTE = "ישראל תיכנס לרפיח לבד", "would go into Rafah alone"


def _article(seed: str, title: str, source: str, language: str, quote: str, date: str = "2024-03-22") -> str:
    return (f'seed: {seed}\ntitle: "{title}"\nsource: {source}\ndate: {date}\n'
            + (f"language: {language}\n" if language else "")
            + f'annotations:\n  - id: alone\n    quote: "{quote}"\n    note: What he said.\n    tags: [rafah]\n'
              "    date: 2024-03-21\n    speaker: benjamin-netanyahu\n")


FILES = {
    "seeds/fr.txt": (f"{FR_TITLE}\n{FR_SENTENCE}\nLe bilan atteint 32.000 morts selon le ministère de la santé.\n"
                     "Share this: Partager\n"),  # (dropped as page furniture, conftest.MINIMAL_SITE)
    "seeds/fr-wire.txt": f"{FR_WIRE_TITLE}\n{FR_SENTENCE}\n",
    "seeds/he.txt": f"{HE_TITLE}\nבנימין נתניהו אמר לבלינקן כי {HE_QUOTE} אם יהיה צורך.\n",
    "seeds/en.txt": (f"{EN_TITLE}\nBenjamin Netanyahu told Blinken that Israel {EN_QUOTE} if it had to.\n"
                     "The toll has reached 32,000 dead, according to the health ministry.\n"),
    # (two reports of Outlet A in one comparison: it tells them apart by their titles)
    "content/articles/fr.yaml": _article("fr.txt", FR_TITLE, "outlet-a", "fr", "entrerait seul à Rafah"),
    # (a quote one letter off: anchored fuzzy, the report shows the difference, in the article's words)
    "content/articles/fr-wire.yaml": _article("fr-wire.txt", FR_WIRE_TITLE, "outlet-b", "fr",
                                              "entrerait seule à Rafah", "2024-03-23"),
    "content/articles/he.yaml": _article("he.txt", HE_TITLE, "outlet-a", "he", HE_QUOTE),
    "content/articles/en.yaml": _article("en.txt", EN_TITLE, "outlet-b", "", EN_QUOTE),
    "content/entities.yaml": ("benjamin-netanyahu:\n  name: Benjamin Netanyahu\n  kind: person\n"
                              "  aliases: [Netanyahu, Nétanyahou, נתניהו]\n"),
    "content/comparisons/alone.yaml": ("title: Alone\nquestion: Who said what?\nkind: quote\n"
                                       "speaker: benjamin-netanyahu\nwitnesses:\n"
                                       f"  - article: en\n    quote: {EN_QUOTE}\n"
                                       "  - article: fr\n    quote: entrerait seul à Rafah\n"
                                       f"  - article: he\n    quote: {HE_QUOTE}\n"),
    "content/comparisons/toll.yaml": ("title: Toll\nquestion: How many dead?\nkind: figure\nwitnesses:\n"
                                      "  - article: en\n    quote: 32,000 dead\n"
                                      "  - article: fr\n    quote: 32.000 morts\n"),
}
# What each listing shows of the articles' own words (a text that holds one of them is in that article's language)
FRENCH = (FR_TITLE, FR_WIRE_TITLE, "Nétanyahou", "entrerait", "32.000 morts")
HEBREW = (HE_TITLE, HE_QUOTE, "נתניהו")
ENGLISH = (EN_TITLE, EN_QUOTE)
TITLES = (FR_TITLE, FR_WIRE_TITLE, HE_TITLE, EN_TITLE)
QUOTES = ("entrerait", HE_QUOTE, EN_QUOTE)
SHOWN = {
    "index.html": TITLES, "sources/index.html": TITLES, "tags/rafah/index.html": TITLES + QUOTES,
    "timeline/index.html": TITLES + QUOTES,
    "entities/benjamin-netanyahu/index.html": TITLES + QUOTES + ("Nétanyahou", "נתניהו"),
    "passages/index.html": ("Nétanyahou",), "passages/*/index.html": (FR_TITLE, FR_WIRE_TITLE, "entrerait"),
    "compare/alone/index.html": (FR_TITLE, HE_TITLE) + QUOTES, "compare/toll/index.html": ("32.000 morts",),
    "report/index.html": ("entrerait",),
}


class _Texts(HTMLParser):
    """Each text of a page's body with the language and the direction it is in: the `lang` and `dir` of its nearest
    element that has one (the page's own, <html lang>, where no element around it says otherwise)."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str, str]] = []  # (tag, lang, dir) of each open element
        self.texts: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            given, (lang, direction) = dict(attrs), self.open[-1][1:] if self.open else ("", "")
            self.open.append((tag, given.get("lang") or lang, given.get("dir") or direction))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and self.open and "body" in (t for t, _, _ in self.open):
            self.texts.append((data, *self.open[-1][1:]))


def texts(page: str) -> list[tuple[str, str, str]]:
    parser = _Texts()
    parser.feed(page)
    return parser.texts


def build(root: Path, out: Path | None = None) -> Path:
    """build.py --no-search into `out` (the dossier's _site/ by default)."""
    out = out or root / "_site"
    result = run_build(root, "--no-search", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(mini(tmp_path_factory.mktemp("languages"), FILES))


def test_the_words_of_articles_in_other_languages_are_in_their_language_on_every_listing_and_the_pages_valid(site):
    pages = [(rel, shown) for pattern, shown in SHOWN.items() for rel in
             ([p.relative_to(site).as_posix() for p in sorted(site.glob(pattern))] if "*" in pattern else [pattern])]
    assert len(pages) > len(SHOWN) - 1  # (a passage's page among them)
    for rel, shown in pages:
        found = texts((site / rel).read_text("utf-8"))
        for words, language in [(w, "fr") for w in FRENCH] + [(w, "he") for w in HEBREW] + \
                               [(w, "en") for w in ENGLISH]:
            read_in = {lang for text, lang, _ in found if words in text}
            assert words not in shown or read_in, (rel, words)  # (each page shows what it should)
            assert read_in <= {language}, (rel, words, read_in)
    # (on its own page, its lines dropped as page furniture, listed under its text)
    assert '<code lang="fr">Share this: Partager</code>' in (site / "articles/fr/index.html").read_text("utf-8")
    pages = html_pages(site)
    assert not nu_errors(site, pages), len(pages)


def test_a_hebrew_title_or_quote_among_the_site_s_english_words_is_isolated_right_to_left(site):
    for rel in ("index.html", "sources/index.html", "tags/rafah/index.html", "timeline/index.html",
                "entities/benjamin-netanyahu/index.html"):
        page = (site / rel).read_text("utf-8")
        around = re.findall(r"<[a-z0-9]+([^>]*)>" + re.escape(HE_TITLE) + "<", page)
        assert around and all('lang="he"' in a and 'dir="rtl"' in a for a in around), (rel, around)
        english = re.findall(r"<[a-z0-9]+([^>]*)>" + re.escape(EN_TITLE) + "<", page)
        assert english and not any("lang=" in a or "dir=" in a for a in english), (rel, english)
    timeline = (site / "timeline/index.html").read_text("utf-8")
    assert f'“<span lang="he" dir="rtl">{HE_QUOTE}</span>”' in timeline  # (the site's quotation marks outside)
    assert '“<span lang="fr">entrerait seul à Rafah</span>”' in timeline  # (a French one keeps the page's)
    entity = (site / "entities/benjamin-netanyahu/index.html").read_text("utf-8")
    named = '<bdi>“<span lang="he" dir="rtl">נתניהו</span>”<span data-pagefind-ignore="all"> ('
    assert named in entity  # (named in the sources as)
    compare = (site / "compare/alone/index.html").read_text("utf-8")
    chooser = re.search(r'<label for="base-w-he">.*?</label>', compare)
    assert chooser and f'Outlet A: <span lang="he" dir="rtl">{HE_TITLE}</span>' in chooser.group(0)


def test_the_feed_gives_an_entry_s_title_in_its_article_s_language_and_not_its_summary(site):
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    atom, xml_lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    assert feed.get(xml_lang) == "en"
    titles = {e.find(f"{atom}title").text: e for e in feed.iter(f"{atom}entry")}
    assert {t: titles[t].find(f"{atom}title").get(xml_lang) for t in TITLES} == \
        {FR_TITLE: "fr", FR_WIRE_TITLE: "fr", HE_TITLE: "he", EN_TITLE: None}
    assert all(e.get(xml_lang) is None for e in titles.values())


@pytest.mark.parametrize("language, site_language, marks", [
    ("fr", "en", ("fr", "")), ("he", "en", ("he", "rtl")), ("fr", "he", ("fr", "ltr")), ("ar", "he", ("ar", "")),
    ("EN", "en", ("", "")), ("", "en", ("", "")), ("en-GB", "en", ("en-GB", "")),
])
def test_an_article_s_words_are_marked_with_its_language_and_direction_where_they_are_not_the_site_s(
        language, site_language, marks):
    from dossier.core.plan.interface import article_marks

    assert article_marks(language, site_language) == {"lang": marks[0], "dir": marks[1]}


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".dossier-output"}


def _cold(root: Path, where: Path) -> dict[str, bytes]:
    """A build from nothing (no cache, another process) of the dossier at `root` as it is now."""
    fresh = where / "dossier"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".dossier-cache", "_site"))
    return _tree(build(fresh, where / "site"))


def test_an_article_s_language_edited_marks_its_words_anew_on_every_page_as_a_build_from_nothing_does(tmp_path):
    """The persistent cache reuses a page while what it reads is as it was (execute/keys.py): the marks of an
    article's language are in what every page showing its words reads, so an edit of it makes them anew."""
    root = mini(tmp_path, FILES)
    site = build(root)
    assert '<a class="article-link" href="/articles/fr-wire/" lang="fr">' in (site / "index.html").read_text("utf-8")
    article = root / "content/articles/fr-wire.yaml"
    article.write_text(article.read_text("utf-8").replace("language: fr\n", "language: he\n"), "utf-8")
    warm = _tree(build(root))
    assert 'href="/articles/fr-wire/" lang="he" dir="rtl">' in warm["tags/rafah/index.html"].decode("utf-8")
    cold = _cold(root, tmp_path / "cold")
    assert warm == cold, sorted(p for p in set(warm) | set(cold) if warm.get(p) != cold.get(p))


def test_the_site_s_language_edited_in_the_live_preview_marks_the_articles_words_anew_as_a_build_from_nothing(
        tmp_path):
    """The live preview's memo hands back the very same analysed articles when only site.yaml was saved, and the
    listings' rows are kept while those are the same (article_pages._ROWS): the site's language is what they were
    made with too."""
    root, memo = mini(tmp_path, FILES), Memo()
    for step in range(2):
        memo.begin()
        result = build_site(read_inputs(root), Options(), memo)
        memo.sweep()
        assert result.ok
        home = result.outputs["index.html"].decode("utf-8")
        assert ('href="/articles/fr/" lang="fr">' in home) == (step == 0), step
        if step == 0:
            (root / "site.yaml").write_text((root / "site.yaml").read_text("utf-8") + "language: fr\n", "utf-8")
    assert dict(result.outputs) == _cold(root, tmp_path / "cold")
