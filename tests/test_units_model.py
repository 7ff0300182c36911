"""Unit tables for the core steps that work on the loaded model: placing one quote (anchored), checking every
reference (references), guessing stubs for plain seeds (importer), and the machine-readable descriptions of
pages (structured, webanno) and entity pages (entity_views). Built from small model values, no files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from dossier.core.analyse.placements import Placed, place
from dossier.core.load.cleaning import clean
from dossier.core.load.config import SiteConfig
from dossier.core.plan.entity_views import card, mention_stats, wikidata_url
from dossier.core.capture.importer import guesses, stubs
from dossier.core.analyse.mentions import Mention
from dossier.core.load.model import (Annotation, Article, ArticleMeta, Comparison, Dossier, Entity, Origin, Source,
                                Witness)
from dossier.core.load.references import check_references
from dossier.core.plan.structured import news_article, script_json, text_fragment, website
from dossier.core.common.urls import Urls
from dossier.core.plan.webanno import annotations_of, collection_json, page_json

CONFIG = SiteConfig(title="Mini dossier", origin="https://e.org", base_path="/d/")
TEXT = "The envoy said we will do it alone.\n\nOfficials said the talks ended. Officials said the talks ended."


def article(slug: str = "a", text: str = TEXT, annotations: tuple[Annotation, ...] = (), summary: str = "") -> Article:
    meta = ArticleMeta(slug, Origin(f"content/articles/{slug}.yaml", 1, 1), f"{slug}.txt", f"Title {slug}", "outlet-a",
                       "2024-03-22", summary=summary, annotations=annotations)
    return Article(meta, clean(text, CONFIG))


def dossier(*articles: Article, comparisons: tuple[Comparison, ...] = (), entities: tuple[Entity, ...] = (),
            description: str = "") -> Dossier:
    config = SiteConfig(title="Mini dossier", description=description, description_at=(2, 14) if description else (0, 0))
    return Dossier(config, (Source("outlet-a", "Outlet A"),), tuple(articles), entities, comparisons)


# --- anchored: one quote placed, or a problem with a paste-ready fix ----------------------------------------

ORIGIN = Origin("content/articles/a.yaml", 4, 12)


@pytest.mark.parametrize("quote, prefix, level, status, codes", [
    ("we will do it alone", None, "warning", "exact", []),
    ("Officials said the talks ended", "ended.", "warning", "disambiguated", []),
    ("Officials said the talks ended", None, "warning", None, [("error", "anchor-ambiguous")]),
    ("nothing like this is in the article at all", None, "warning", None, [("error", "anchor-not-found")]),
    ("we will do this alone", None, "warning", "fuzzy", [("warning", "anchor-fuzzy")]),
    ("we will do this alone", None, "error", "fuzzy", [("error", "anchor-fuzzy")]),
    ("we will do this alone", None, "ignore", "fuzzy", []),
    ("ill do it alone", None, "warning", "exact", [("warning", "anchor-mid-word")]),
])
def test_place_finds_a_quote_or_says_what_to_fix(quote: str, prefix: str | None, level: str, status: str | None,
                                                 codes: list[tuple[str, str]]) -> None:
    placed, problems, _ = place(article(), quote, prefix, None, ORIGIN, "annotation q1", 85.0, level)
    assert (placed.status if placed else None) == status
    assert [(p.severity, p.check) for p in problems] == codes
    assert all((p.file, p.line, p.col) == ("content/articles/a.yaml", 4, 12) for p in problems)


def test_a_placed_quote_is_its_span_of_the_cleaned_text() -> None:
    placed, _, _ = place(article(), "we will do it alone", None, None, ORIGIN, "annotation q1", 85.0, "warning")
    assert isinstance(placed, Placed) and article().text.text[placed.start:placed.end] == "we will do it alone"


def test_an_ambiguous_quote_lists_a_unique_context_for_each_place() -> None:
    _, (problem,), _ = place(article(), "Officials said the talks ended", None, None, ORIGIN, "annotation q1", 85.0,
                             "warning")
    assert problem.message == "annotation q1 occurs 2 times in seeds/a.txt"
    assert problem.hint == ('add a prefix or suffix to choose one:\n'
                            'seeds/a.txt:3: prefix: "alone."\nseeds/a.txt:3: prefix: "ended."')


def test_an_ambiguous_quote_whose_prefix_fits_none_says_so_at_the_prefix() -> None:
    """A prefix given that fits no place of the quote (a typo: "catastrophy."): said at the prefix, which is what
    to change, and to what; without it the message read as if no prefix had been given."""
    prefix_at, suffix_at = Origin("content/articles/a.yaml", 5, 13), Origin("content/articles/a.yaml", 6, 13)
    _, (problem,), _ = place(article(), "Officials said the talks ended", "alnoe.", None, ORIGIN, "annotation q1",
                             85.0, "warning", context=(prefix_at, suffix_at))
    assert problem.message == "annotation q1 occurs 2 times in seeds/a.txt, and its prefix fits none"
    assert (problem.line, problem.col) == (5, 13)
    assert problem.hint == ('change it to one that chooses one of them:\n'
                            'seeds/a.txt:3: prefix: "alone."\nseeds/a.txt:3: prefix: "ended."')
    _, (wrong,), _ = place(article(), "Officials said the talks ended", None, "Nope", ORIGIN, "annotation q1",
                           85.0, "warning", context=(prefix_at, suffix_at))
    assert wrong.message.endswith(", and its suffix fits none") and (wrong.line, wrong.col) == (6, 13)
    _, (lost,), _ = place(article(), "Officials said the talks ended", "alnoe.", None, ORIGIN, "annotation q1",
                          85.0, "warning")
    assert (lost.line, lost.col) == (ORIGIN.line, ORIGIN.col)  # (where the prefix is written unknown: the quote)


def test_an_ambiguous_quote_offers_only_its_whole_word_places_and_the_shorter_context() -> None:
    """"US" inside "USA" was offered with a prefix that chose it (then warned of: it ends inside a word)."""
    text = "The USA said so. Then US forces left. Later US aid came back to the city."
    _, (problem,), _ = place(article(text=text), "US", None, None, ORIGIN, "annotation q1", 85.0, "warning")
    assert problem.message == ("annotation q1 occurs 3 times in seeds/a.txt (2 as whole words, 1 inside longer "
                               "words, not listed)")
    assert problem.hint == ('add a prefix or suffix to choose one:\n'
                            'seeds/a.txt:1: prefix: "Then"\nseeds/a.txt:1: prefix: "Later"')
    _, (one,), _ = place(article(text="The USA and US aid."), "US", None, None, ORIGIN, "annotation q1", 85.0,
                         "warning")
    assert one.hint == 'add this to choose it:\nseeds/a.txt:1: prefix: "and"'


@pytest.mark.parametrize("quote, severity", [("The envoy said … do it alone", "warning"),
                                             ("The envoy said [...] it alone and more", "error")])
def test_a_quote_that_leaves_words_out_is_told_a_quote_cannot(quote: str, severity: str) -> None:
    _, (problem,), _ = place(article(), quote, None, None, ORIGIN, "annotation q1", 80.0, "warning")
    assert problem.severity == severity
    assert problem.hint.startswith("the quote leaves words out (")
    assert "quote one unbroken passage, or make one annotation for each part\n" in problem.hint
    _, (plain,), _ = place(article(), "The envoy said we do it alone", None, None, ORIGIN, "annotation q1", 80.0,
                           "warning")
    assert "leaves words out" not in plain.hint
    dotted = article(text="The minister said... nothing at all about the talks.")  # the seed's own ellipsis
    _, (own,), _ = place(dotted, "The minister said... nothing whatsoever about Rafah", None, None, ORIGIN,
                         "annotation q1", 80.0, "warning")
    assert "leaves words out" not in own.hint


def test_a_mid_word_quote_is_told_the_whole_words_to_paste() -> None:
    _, (problem,), _ = place(article(), "ill do it alone", None, None, ORIGIN, "annotation q1", 85.0, "warning")
    assert problem.message == "annotation q1 starts inside a word at seeds/a.txt:1"
    assert problem.hint == ('it matched "ill do it alone" inside "will do it alone"; to quote the whole words:\n'
                            'quote: "will do it alone"')


# --- references -------------------------------------------------------------------------------------------

def note(text: str, ident: str = "n1") -> Annotation:
    return Annotation(ident, "we will do it alone", Origin("content/articles/a.yaml", 5, 3), note=text, tags=("quote",),
                      note_origin=Origin("content/articles/a.yaml", 6, 11))


@pytest.mark.parametrize("text, message", [
    ("See [b](article:b).", None),
    ("See [b](article:bb).", 'link "article:bb": unknown article "bb"'),
    ("See [it](article:a#a-n1).", None),
    ("See [it](article:a#a-n2).", 'link "article:a#a-n2": article "a" has no annotation "n2"'),
    ("See [x](entity:nobody).", 'link "entity:nobody": unknown entity "nobody"'),
    ("See [x](compare:none).", 'link "compare:none": unknown comparison "none"'),
    ("See [x](tag:quote).", None),
    ("See [x](tag:quotes).", 'link "tag:quotes": no annotation has the tag "quotes"'),
    ("See [x](javascript:alert(1)).", 'link target "javascript:alert(1)" is not allowed in a note'),
    ("See [x](https://example.org/).", None),
])
def test_check_references_reports_each_link_that_names_nothing(text: str, message: str | None) -> None:
    problems = check_references(dossier(article("a", annotations=(note(text),)), article("b")))
    assert [p.message for p in problems] == ([message] if message else [])
    assert all(p.file == "content/articles/a.yaml" and p.line == 6 and p.check == "links" for p in problems)


def test_a_misspelt_link_target_gets_a_did_you_mean() -> None:
    (problem,) = check_references(dossier(article("a", annotations=(note("[b](article:alpha-bet)"),)),
                                          article("alpha-beta")))
    assert problem.hint == 'did you mean "alpha-beta"?'


def test_a_link_naming_a_page_of_another_kind_is_offered_that_kind() -> None:
    # review 127: compare:<an article's slug> was told only where comparisons are
    text = "[a](compare:b) and [b](entity:c#x) and [c](article:envoy) and [d](article:c#a-alone)"
    envoy = Entity("envoy", "The envoy", "person", Origin("content/entities.yaml"))
    problems = check_references(dossier(article("a", annotations=(note(text),)), article("b"),
                                        comparisons=(comparison("a", "b"),), entities=(envoy,)))
    assert [p.hint for p in problems] == [
        'did you mean "article:b"? ("b" is an article\'s slug, not a comparison\'s id)',
        'did you mean "compare:c#x"? ("c" is a comparison\'s id, not an entity\'s id)',
        'did you mean "entity:envoy"? ("envoy" is an entity\'s id, not an article\'s slug)',
        # (review 132: an annotation's place, #a-…, is an article's: not offered with a comparison)
        'did you mean "compare:c"? ("c" is a comparison\'s id, not an article\'s slug)']


def test_a_file_checked_again_with_the_same_metadata_still_sees_what_the_dossier_lost_or_gained() -> None:
    # the same ArticleMeta object in each build, as the live preview's memo hands it back: its problems may be
    # kept only while what it may name is the same
    a = article("a", annotations=(note("See [b](article:b) and [c](article:c)."),))
    with_b = check_references(dossier(a, article("b")))
    assert [p.message for p in with_b] == ['link "article:c": unknown article "c"']
    assert check_references(dossier(a, article("b"))) == with_b
    without_b = check_references(dossier(a, article("c")))
    assert [p.message for p in without_b] == ['link "article:b": unknown article "b"']
    assert [p.message for p in check_references(dossier(a))] == [
        'link "article:b": unknown article "b"', 'link "article:c": unknown article "c"']


def comparison(*articles: str, base: str = "") -> Comparison:
    origin = Origin("content/comparisons/c.yaml", 1, 1)
    witnesses = tuple(Witness(a, "we will do it alone", Origin("content/comparisons/c.yaml", 5 + i, 5))
                      for i, a in enumerate(articles))
    return Comparison("c", origin, "t", "q", "quote", witnesses, base=base)


@pytest.mark.parametrize("witnesses, base, codes", [
    (("a", "b"), "", []),
    (("a", "zz"), "", ["witness-unknown-article"]),
    (("a", "b"), "b", []),
    (("a", "b"), "c", ["comparison-base"]),
])
def test_check_references_checks_witness_articles_and_the_comparison_base(witnesses: tuple[str, ...], base: str,
                                                                         codes: list[str]) -> None:
    problems = check_references(dossier(article("a"), article("b"), comparisons=(comparison(*witnesses, base=base),)))
    assert [p.check for p in problems] == codes


def test_a_link_in_the_site_description_is_reported_in_site_yaml() -> None:
    (problem,) = check_references(dossier(article("a"), description="See [x](article:nope)."))
    assert (problem.file, problem.message) == ("site.yaml", 'link "article:nope": unknown article "nope"')


# --- importer ---------------------------------------------------------------------------------------------

SEED = "Talks stall in Rafah\nJERUSALEM, March 22, 2024 (Reuters) - Officials said the talks ended.\n"
REUTERS = {"reuters": ("Reuters", "https://www.reuters.com/")}


def test_a_plain_seed_gives_title_date_and_outlet_guesses_all_uncertain() -> None:
    title, date, outlet = guesses(SEED, clean(SEED, CONFIG), REUTERS)
    assert (title.value, date.value, outlet.id, outlet.new) == ("Talks stall in Rafah", "2024-03-22", "reuters", False)
    assert not (title.certain or date.certain or outlet.guess.certain)


def test_stubs_are_one_file_per_seed_with_unique_slugs_and_never_a_taken_one() -> None:
    seeds = {"one.txt": (SEED, clean(SEED, CONFIG)), "two.txt": (SEED, clean(SEED, CONFIG))}
    files, entries = stubs(seeds, REUTERS, {"talks-stall-in-rafah"}, "S")
    assert sorted(files) == ["content/articles/talks-stall-in-rafah-2.yaml", "content/articles/talks-stall-in-rafah-3.yaml"]
    assert entries == []
    lines = files["content/articles/talks-stall-in-rafah-2.yaml"].splitlines()
    assert lines[0] == "# yaml-language-server: $schema=S"
    assert 'seed: "one.txt"' in lines and "annotations: []" in lines
    assert [line.split("  #")[0] for line in lines if line.startswith(("date:", "source:"))] == [
        'date: "2024-03-22"', 'source: "reuters"']


def test_an_outlet_missing_from_sources_yaml_is_one_entry_to_append_however_many_seeds_name_it() -> None:
    seeds = {"one.txt": (SEED, clean(SEED, CONFIG)), "two.txt": (SEED, clean(SEED, CONFIG))}
    _, (entry,) = stubs(seeds, {}, set(), "S")
    assert entry.splitlines()[1:] == ["reuters:", '  name: "Reuters"', '  homepage: "https://reuters.com/"',
                                      '  country: "United Kingdom"']


# --- structured and webanno -------------------------------------------------------------------------------

@pytest.mark.parametrize("data, text", [
    ({"b": 1, "a": "x"}, '{"a":"x","b":1}'),
    ({"t": "</script><b>&"}, '{"t":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'),
    (["é"], '["é"]'),
])
def test_script_json_is_sorted_compact_and_safe_inside_a_script_element(data: Any, text: str) -> None:
    assert script_json(data) == text
    assert json.loads(text) == data


@pytest.mark.parametrize("url, exact, link", [
    ("https://e.org/a/", "we will do-it", "https://e.org/a/#:~:text=we%20will%20do%2Dit"),
    ("https://e.org/a/#old", "a\n b", "https://e.org/a/#:~:text=a%20b"),
    ("/a/", " ".join(f"w{i}" for i in range(40)),
     "/a/#:~:text=w0%20w1%20w2%20w3%20w4%20w5,w34%20w35%20w36%20w37%20w38%20w39"),
])
def test_text_fragment_links_highlight_the_quote_or_its_ends(url: str, exact: str, link: str) -> None:
    assert text_fragment(url, exact) == link


def test_the_website_description_names_the_dossier() -> None:
    assert json.loads(website(dossier(), "https://e.org/d/")) == {
        "@context": "https://schema.org", "@type": "WebSite", "inLanguage": "en", "name": "Mini dossier",
        "url": "https://e.org/d/"}


@dataclass(frozen=True)
class Anchored:
    """What webanno reads of an anchored article: the article and its placed annotations by id."""

    article: Article
    placed: dict[str, Placed]


def test_web_annotations_select_each_placed_quote_by_text_and_position() -> None:
    ann = Annotation("q1", "we will do it alone", ORIGIN, note="Alone?", tags=("quote",), entities=("envoy",))
    art = article("a", annotations=(ann, Annotation("q2", "missing", ORIGIN)))
    start = TEXT.index("we will")
    item = Anchored(art, {"q1": Placed(start, start + 19, "exact", 100.0)})
    d = Dossier(CONFIG, (), (art,), (), ())
    (only,) = annotations_of(d.config, item, Urls("/d/"))          # q2 is not placed: no annotation for it
    assert only["id"] == "https://e.org/d/articles/a/#a-q1" and only["motivation"] == "commenting"
    quote, position = only["target"]["selector"]
    assert (quote["exact"], position["start"], position["end"]) == ("we will do it alone", start, start + 19)
    assert [b["purpose"] for b in only["body"]] == ["commenting", "tagging", "identifying"]
    page = json.loads(page_json(d.config, item, Urls("/d/"), ["z", "a", "b"], 1, 7))
    assert (page["prev"], page["next"]) == ("https://e.org/d/articles/z/annotations.jsonld",
                                            "https://e.org/d/articles/b/annotations.jsonld")
    assert page["startIndex"] == 7  # (its first annotation's place in the collection: it was 0 on every page)
    bare = Anchored(article("a", annotations=(Annotation("q3", "we will", ORIGIN),)), {"q3": Placed(start, start + 7,
                                                                                                    "exact", 100.0)})
    (marked,) = annotations_of(d.config, bare, Urls("/d/"))  # nothing said of the words: it highlights them
    assert marked["motivation"] == "highlighting" and "body" not in marked  # (it was "tagging", with "body": [])
    collection = json.loads(collection_json(d, [item], Urls("/d/")))
    assert (collection["total"], collection["first"]) == (1, "https://e.org/d/articles/a/annotations.jsonld")


# --- entity_views -----------------------------------------------------------------------------------------

def test_mention_stats_count_each_entitys_mentions_per_article_in_page_order() -> None:
    mentions = {"a": [Mention(0, 3, "x", "X"), Mention(5, 8, "y", "Y"), Mention(9, 12, "x", "X")],
                "b": [Mention(0, 3, "x", "X")]}
    stats = mention_stats(mentions, ["b", "a", "c"])
    assert (stats["x"].total, stats["x"].where) == (3, {"b": [0], "a": [0, 2]})
    assert (stats["y"].total, stats["y"].where) == (1, {"a": [1]})


def test_a_hovercard_links_the_entity_page_and_wikidata_and_leaves_out_what_is_not_given() -> None:
    e = Entity("antony-blinken", "Antony Blinken", "person", Origin("content/entities.yaml"), wikidata="Q1")
    assert card(e, "<p>US diplomat</p>", Urls("/d/")) == {
        "name": "Antony Blinken", "kind": "Person", "url": "/d/entities/antony-blinken/",
        "summary": "<p>US diplomat</p>", "wikidata": "https://www.wikidata.org/wiki/Q1"}
    bare = Entity("rafah", "Rafah", "place", Origin("content/entities.yaml"))
    assert card(bare, "", Urls("/")) == {"name": "Rafah", "kind": "Place", "url": "/entities/rafah/"}
    assert wikidata_url("") == ""


def test_a_news_article_is_based_on_the_original_mentions_its_entities_and_reviews_its_claims() -> None:
    from dataclasses import replace

    art = article("a")
    art = replace(art, meta=replace(art.meta, url="https://o.org/a", byline="Jane Roe"))
    e = Entity("x", "X Y", "person", Origin("content/entities.yaml"), wikidata="Q1")
    item, claim = json.loads(news_article(dossier(art).config, art, "https://e.org/d/articles/a/", "Outlet A",
                                          [(e, "https://e.org/d/entities/x/#id")],
                                          [{"url": "https://e.org/d/articles/a/#a-q1", "quote": "q", "verdict": "false"}]))
    assert (item["@type"], item["isBasedOn"], item["author"]["name"], item["publisher"]["name"]) == (
        "NewsArticle", "https://o.org/a", "Jane Roe", "Outlet A")
    assert item["mentions"] == [{"@id": "https://e.org/d/entities/x/#id", "@type": "Person", "name": "X Y",
                                 "sameAs": "https://www.wikidata.org/wiki/Q1"}]
    assert (claim["@type"], claim["claimReviewed"], claim["reviewRating"]["alternateName"]) == ("ClaimReview", "q", "false")
    assert claim["itemReviewed"]["appearance"]["url"] == "https://o.org/a"
    # the article's date is its appearance's, not the review's (whose date is not known)
    assert claim["itemReviewed"]["appearance"]["datePublished"] == art.meta.date and "datePublished" not in claim
    no_url = replace(art, meta=replace(art.meta, url=""))
    _, claim = json.loads(news_article(dossier(no_url).config, no_url, "https://e.org/d/articles/a/", "Outlet A", [],
                                       [{"url": "https://e.org/d/articles/a/#a-q1", "quote": "q", "verdict": "x"}]))
    assert "url" not in claim["itemReviewed"]["appearance"]  # (the dossier's copy was given as the original)


def test_an_undated_article_of_an_unknown_outlet_says_nothing_empty() -> None:
    from dataclasses import replace

    art = article("b")
    art = replace(art, meta=replace(art.meta, date=""))
    item = json.loads(news_article(dossier(art).config, art, "https://e.org/d/articles/b/", "", [], []))
    assert "datePublished" not in item and "publisher" not in item and "isBasedOn" not in item


def test_a_wrong_prefix_is_told_the_prefix_that_chooses_each_place_else_a_suffix_without_it() -> None:
    """The hint offered the shorter context: a suffix, beside a wrong prefix that would still choose nothing."""
    text = ("A long shared lead-in sentence here: the talks ended at noon. Another long shared lead-in sentence "
            "here: the talks ended at dusk.")
    prefix_at = Origin("content/articles/a.yaml", 5, 13)
    _, (problem,), _ = place(article(text=text), "the talks ended", "typo here:", None, ORIGIN, "annotation q1",
                             85.0, "warning", context=(prefix_at, None))
    assert problem.hint == ('change it to one that chooses one of them:\n'
                            'seeds/a.txt:1: prefix: "A long shared lead-in sentence here:"\n'
                            'seeds/a.txt:1: prefix: "Another long shared lead-in sentence here:"')
    same = "Shared words here: the talks ended at noon. Shared words here: the talks ended at dusk."
    _, (only,), _ = place(article(text=same), "the talks ended", "typo:", None, ORIGIN, "annotation q1", 85.0,
                          "warning", context=(prefix_at, None))
    assert only.hint == ('change it to one that chooses one of them:\n'
                         'seeds/a.txt:1: suffix: "at noon." (and no prefix)\n'
                         'seeds/a.txt:1: prefix: "noon. Shared words here:"')
