"""A quote matched only approximately (anchor-fuzzy) is marked so wherever the site shows or exports it: the
article page (its highlight and its note), a comparison's column, article.json, dossier.json, the W3C export
and the editors' report; a quote found as written gets none of these marks."""

from __future__ import annotations

import json
import re

import pytest

from conftest import mini
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

SEED_A = ("Netanyahu tells Blinken Israel will go it alone\n"
          "“I told him that I hope we would do this with U.S. support but if necessary we will do it alone.”\n"
          "The current war has reportedly killed almost 32,000 Palestinians, according to the Gaza Health Ministry.\n")
SEED_B = ("Netanyahu says Israel will act alone\n"
          "Netanyahu said Israel would go into Rafah alone if it had to.\n"
          "More than 32,000 Palestinians have been killed, Gaza's health authorities say.\n")
LABEL = "Approximate match: the quote as the editors wrote it differs from the text."


def files(language: str = "") -> dict[str, str]:
    return {
        **({"site.yaml": f"title: Mini dossier\nlanguage: {language}\n"} if language else {}),
        "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B,
        "content/articles/a.yaml": (
            "seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
            "  - id: support\n    quote: we would do this with U.S. suport\n    note: A typo in the quote.\n"
            "  - id: alone\n    quote: we will do it alone\n    note: Quoted as written.\n"),
        "content/articles/b.yaml": (
            "seed: b.txt\ntitle: U\nsource: outlet-b\ndate: 2024-03-23\nannotations:\n"
            "  - id: rafah\n    quote: would go into Rafah alone\n    note: Quoted as written.\n"),
        "content/comparisons/toll.yaml": (
            "title: The toll\nquestion: How many?\nkind: quote\nwitnesses:\n"
            "  - article: a\n    quote: The current war has reportedly kiled almost 32,000 Palestinians\n"
            "  - article: b\n    quote: More than 32,000 Palestinians have been killed\n"),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, str]:
    result = build_site(fs.read_inputs(mini(tmp_path_factory.mktemp("approx"), files())), Options())
    assert result.ok and sorted(p.check for p in result.problems) == ["anchor-fuzzy", "anchor-fuzzy"]
    return {path: body.decode("utf-8") for path, body in result.outputs.items() if not path.startswith("static/")}


def spans_of(page: str, annotation: str) -> list[str]:
    """The class of every highlight piece that covers `annotation`."""
    return re.findall(rf'<span[^>]* data-a="[^"]*\b{annotation}\b[^"]*"[^>]* class="([^"]*)"', page)


def note_of(page: str, annotation: str) -> str:
    return re.search(rf'<span class="sidenote" id="n-{annotation}".*?</span></span>', page).group()


def test_an_approximate_annotation_s_highlight_and_note_say_so_and_an_exact_one_s_do_not(site) -> None:
    page = site["articles/a/index.html"]
    assert spans_of(page, "support") == ["hl approx"]
    assert spans_of(page, "alone") == ["hl"]
    assert f'<span class="sn-approx">{LABEL}</span> <span class="np">A typo in the quote.</span>' in \
        note_of(page, "support")
    assert "sn-approx" not in note_of(page, "alone") and page.count(LABEL) == 1
    assert "{#a-support .hl .approx" in site["articles/a.md"] and ".approx" not in site["articles/b.md"]
    assert "approx" not in site["articles/b/index.html"].replace("approximately", "")


def test_an_approximate_witness_s_column_says_so_and_an_exact_one_s_does_not(site) -> None:
    page = site["compare/toll/index.html"]
    columns = {key: kind for kind, key in re.findall(r'<section class="(col[^"]*)" id="w-(\w+)"', page)}
    assert columns == {"a": "col is-base approx", "b": "col"}   # (a, the earliest, is the base)
    column_a = page[page.index('id="w-a"'):page.index('id="w-b"')]
    assert f'<p class="col-approx">{LABEL}</p>' in column_a and page.count(LABEL) == 1
    # (the column shows the text's words: "killed", not the editors' "kiled")
    assert "reportedly killed almost 32,000 Palestinians" in column_a and "kiled" not in page


def test_an_approximate_witness_s_words_and_badge_on_its_article_page_say_so_and_an_exact_one_s_do_not(site) -> None:
    page, exact = site["articles/a/index.html"], site["articles/b/index.html"]
    assert '<span data-w="w-toll" class="approx wit">The current war has reportedly killed almost 32,000 ' \
           'Palestinians</span>' in page
    about = '<span class="visually-hidden badge-about"> (The toll)</span></a>'   # (the comparison's title)
    assert 'class="badge">compare quote (approximate match)' + about in page
    assert '<span data-w="w-toll" class="wit">More than' in exact and 'class="badge">compare quote' + about in exact
    assert "{.approx .wit data-w=\"w-toll\"}[ [compare quote (approximate match)]" in site["articles/a.md"]


def test_the_exports_give_the_anchoring_where_they_give_the_quote(site) -> None:
    annotations = {a["id"]: a for a in json.loads(site["articles/a/article.json"])["annotations"]}
    assert (annotations["support"]["anchor"], annotations["alone"]["anchor"]) == ("fuzzy", "exact")
    (toll,) = json.loads(site["dossier.json"])["comparisons"]
    by_article = {w["article"]: w for w in toll["witnesses"]}
    assert (by_article["a"]["anchor"], by_article["a"]["found"]) == (
        "fuzzy", "The current war has reportedly killed almost 32,000 Palestinians")
    assert "anchor" not in by_article["b"] and "found" not in by_article["b"]
    items = {i["id"].rsplit("#", 1)[-1]: i for i in json.loads(site["articles/a/annotations.jsonld"])["items"]}
    described = [b for b in items["a-support"]["body"] if b.get("purpose") == "describing"]
    assert described == [{"type": "TextualBody", "value": LABEL, "format": "text/plain", "language": "en",
                          "purpose": "describing"}]
    assert items["a-support"]["target"]["selector"][0]["exact"] == "we would do this with U.S. support"
    assert not [b for b in items["a-alone"]["body"] if b.get("purpose") == "describing"]


def test_the_report_lists_the_witnesses_matched_approximately(site) -> None:
    report = site["report/index.html"]
    witnesses = report[report.index('<h2 id="witnesses"'):]
    assert '<a href="/compare/toll/#w-a">toll</a></td><td>a</td>' in witnesses
    assert "content/comparisons/toll.yaml:6" in witnesses and "[-kiled-] {+killed+}" in witnesses
    assert '<a href="/compare/toll/#w-b">' not in witnesses


def test_the_report_has_a_difference_column_only_on_a_page_where_an_anchor_is_approximate(site, tmp_path) -> None:
    """The "Difference" column was empty in every row of a dossier with no approximate anchor (review 141: 10,000
    annotations, all exact), and took 104px of a phone's width."""
    annotations = site["report/index.html"].split("</table>")[0]
    assert '<th scope="col">Written at</th><th scope="col">Difference</th></tr></thead>' in annotations
    assert "[-suport-] {+support+}" in annotations
    exact = {k: v for k, v in files().items() if k in ("seeds/b.txt", "content/articles/b.yaml")}
    report = build_site(fs.read_inputs(mini(tmp_path, exact)), Options()).outputs["report/index.html"].decode("utf-8")
    assert '<th scope="col">Written at</th></tr></thead>' in report and "Difference" not in report


def test_on_a_site_in_another_language_the_marks_words_are_marked_english(tmp_path) -> None:
    result = build_site(fs.read_inputs(mini(tmp_path, files("fr"))), Options())
    article, comparison = (result.outputs[p].decode("utf-8") for p in ("articles/a/index.html",
                                                                        "compare/toll/index.html"))
    assert f'<span class="sn-approx" lang="en">{LABEL}</span>' in article
    assert f'<p class="col-approx" lang="en">{LABEL}</p>' in comparison
