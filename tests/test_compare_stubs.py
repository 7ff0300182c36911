"""Comparison stubs for --suggest: one per shared passage no comparison covers, paste-ready and anchoring."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from dossier.core.analyse.anchors import anchor_quote
from dossier.core.load.cleaning import clean
from dossier.core.suggest.comparison_suggestions import comparison_stubs, coverage, covered
from dossier.core.load.config import SiteConfig
from dossier.core.load.load import parse_comparison
from dossier.core.load.model import Article, ArticleMeta, Comparison, Origin, Witness
from dossier.core.analyse.shared_passages import Occurrence, SharedPassage, shared_passages

CONFIG = SiteConfig(title="t")
PLANTED = "The minister said the border crossing would stay open for aid convoys until further notice"
QUOTE = "we will do it with the support of the United States but if we have to we will do it alone"


def art(slug: str, date: str, text: str) -> Article:
    return Article(ArticleMeta(slug, Origin(f"content/articles/{slug}.yaml"), f"{slug}.txt", slug, "src", date),
                   clean(text, CONFIG))


ARTICLES = (
    art("one", "2024-03-21", f"Headline one\n\n{PLANTED}, officials said.\n\nNetanyahu said {QUOTE}.\n"),
    art("two", "2024-03-22", f"Headline two\n\nOn Friday: {PLANTED}.\n\nHe added that {QUOTE}, he said.\n"),
    art("three", "2024-03-20", f"Headline three\n\n{PLANTED}. Later again: {PLANTED}.\n\nNothing else here at all.\n"),
)


def schema() -> dict:
    return json.loads((ROOT / "schemas/comparison.schema.json").read_text(encoding="utf-8"))


def covering(*slugs: str) -> Comparison:
    origin = Origin("content/comparisons/alone.yaml", 1, 1)
    return Comparison("alone", origin, "Alone", "How?", "quote",
                      tuple(Witness(s, "we will do it alone", origin) for s in slugs))


def stubs_by_file(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    name = ""
    for line in text.splitlines(keepends=True):
        if line.startswith("# --- content/comparisons/"):
            name = line.split()[2]
        out[name] = out.get(name, "") + line
    return out


def test_every_uncovered_shared_passage_gets_a_stub_and_covered_ones_do_not() -> None:
    passages = shared_passages(ARTICLES)
    assert len(passages) == 2
    both = stubs_by_file(comparison_stubs(passages, (), ARTICLES))
    assert len(both) == 2
    one = stubs_by_file(comparison_stubs(passages, (covering("one", "two"),), ARTICLES))
    assert list(one) == ["content/comparisons/the-minister-said-the-border-crossing.yaml"]


def test_a_witness_in_only_one_of_the_articles_does_not_cover_the_passage() -> None:
    passages = shared_passages(ARTICLES)
    assert len(stubs_by_file(comparison_stubs(passages, (covering("one"),), ARTICLES))) == 2


def test_a_stub_is_valid_yaml_for_the_schema_and_every_witness_anchors_exactly() -> None:
    passages = shared_passages(ARTICLES)
    texts = {a.slug: a.text.text for a in ARTICLES}
    for path, text in stubs_by_file(comparison_stubs(passages, (), ARTICLES)).items():
        comparison, problems = parse_comparison(path, text, schema())
        # (its title and question are left to fill in, and are said to be: nothing else is wrong)
        assert sorted((p.check, p.message.split(" ")[0]) for p in problems) == [("placeholder", "question"),
                                                                              ("placeholder", "title")]
        assert comparison is not None and len(comparison.witnesses) >= 2
        for w in comparison.witnesses:
            result = anchor_quote(texts[w.article], w.quote, w.prefix, w.suffix)
            assert result.status in ("exact", "disambiguated"), (w, result)


def test_witnesses_follow_the_article_dates_with_one_per_article_disambiguated_when_repeated() -> None:
    passages = shared_passages(ARTICLES)
    text = stubs_by_file(comparison_stubs(passages, (), ARTICLES))["content/comparisons/the-minister-said-the-border-crossing.yaml"]
    data = yaml.safe_load(text)
    assert [w["article"] for w in data["witnesses"]] == ["three", "one", "two"]
    first = data["witnesses"][0]
    assert first["quote"] == PLANTED and first["prefix"] == "three"  # "three" says it twice: pick the first
    assert anchor_quote(ARTICLES[2].text.text, PLANTED, first["prefix"]).start == ARTICLES[2].text.text.index(PLANTED)
    assert "prefix" not in data["witnesses"][1]
    assert data["kind"] == "quote" and data["title"].startswith("TODO")


def test_a_stub_id_never_takes_an_existing_comparison_id() -> None:
    passages = shared_passages(ARTICLES)
    taken = Comparison("the-minister-said-the-border-crossing", Origin("x.yaml"), "t", "q", "quote",
                       (Witness("one", "nothing", Origin("x.yaml")), Witness("two", "nothing", Origin("x.yaml"))))
    names = list(stubs_by_file(comparison_stubs(passages, (taken,), ARTICLES)))
    assert "content/comparisons/the-minister-said-the-border-crossing-2.yaml" in names


def test_the_default_dossier_covers_all_its_shared_passages() -> None:
    from dossier.shell import fs
    from dossier.core.pipeline import Options, load_config, load_dossier
    inputs = fs.read_inputs(Path(ROOT))
    config, _ = load_config(inputs, Options())
    dossier, _, _ = load_dossier(inputs, config)
    assert shared_passages(dossier.articles)
    assert comparison_stubs(shared_passages(dossier.articles), dossier.comparisons, dossier.articles) == ""


PASSAGE = SharedPassage("x", (Occurrence("a", 10, 20), Occurrence("b", 0, 10), Occurrence("c", 5, 9)), 8)
COVERAGE = [
    ({"a": [("q", 12, 15)], "b": [("q", 9, 30)], "c": [("q", 0, 6)]}, True),  # one comparison in every article
    ({"a": [("q", 12, 15)], "b": [("q", 9, 30)]}, False),  # c (an outlet added since) is not beside the others
    ({"a": [("q", 12, 15)], "b": [("r", 9, 30)]}, False),  # two comparisons, one article each
    ({"a": [("q", 20, 25)], "b": [("q", 0, 3)]}, False),  # touching the passage in a, not overlapping it
    ({"a": [("q", 0, 11)], "z": [("q", 0, 99)]}, False),  # the other witness is in an article without it
    ({"c": [("q", 8, 9), ("q", 0, 6)]}, False),  # two witnesses, but in one article
    ({}, False),
]


@pytest.mark.parametrize(("spans", "expected"), COVERAGE)
def test_a_passage_is_covered_only_by_one_comparison_with_witnesses_on_it_in_every_article_that_has_it(
        spans, expected) -> None:
    assert covered(PASSAGE, spans) is expected


def test_coverage_names_the_comparison_covering_most_articles_and_the_articles_it_lacks() -> None:
    assert coverage(PASSAGE, {"a": [("q", 12, 15), ("r", 12, 15)], "b": [("q", 9, 30), ("r", 0, 2)],
                              "c": [("r", 5, 6)]}) == ("r", ())
    assert coverage(PASSAGE, {"a": [("q", 12, 15)], "b": [("q", 9, 30)]}) == ("q", ("c",))
    assert coverage(PASSAGE, {"a": [("q", 12, 15)]}) == (None, ("a", "b", "c"))
    # c is a witness of q already, on another quote: one witness per article, so nothing to add from c
    assert coverage(PASSAGE, {"a": [("q", 12, 15)], "b": [("q", 9, 30)], "c": [("q", 40, 50)]}) == ("q", ())


def test_a_comparison_lacking_a_new_outlet_gets_the_witnesses_to_add_not_a_new_stub() -> None:
    passages = shared_passages(ARTICLES)
    origin = Origin("content/comparisons/border.yaml", 1, 1)
    border = Comparison("border", origin, "Border", "Open?", "quote",
                        tuple(Witness(s, PLANTED, origin) for s in ("one", "two")))
    text = comparison_stubs(passages, (border, covering("one", "two")), ARTICLES)
    assert text.startswith("# --- content/comparisons/border.yaml: add under witnesses: ")
    assert "also in three) ---\n" in text
    added = yaml.safe_load(text)
    assert added == [{"article": "three", "quote": PLANTED, "prefix": "three"}]
    assert "title:" not in text   # no new comparison for a passage that has one


def test_a_seed_without_an_article_file_shares_passages_and_is_named_as_a_witness_to_come() -> None:
    unpublished = {"seeds/four.txt": f"Headline four\n\nIn short: {PLANTED}.\n"}
    passages = shared_passages(ARTICLES, unpublished)
    assert any("seeds/four.txt" in {o.doc for o in p.occurrences} for p in passages)
    text = stubs_by_file(comparison_stubs(passages, (covering("one", "two"),), ARTICLES, unpublished))
    stub = text["content/comparisons/the-minister-said-the-border-crossing.yaml"]
    assert ("  # seeds/four.txt has it too, but no article file yet: run `python build.py --import`, "
            "then add it as a witness") in stub
    assert [w["article"] for w in yaml.safe_load(stub)["witnesses"]] == ["three", "one", "two"]


def test_shared_passages_are_searched_again_only_when_a_text_changes() -> None:
    from dossier.core.analyse.library import passages_later
    from dossier.core.common.memo import Memo

    memo = Memo()

    def passages(articles: tuple[Article, ...]) -> tuple[SharedPassage, ...]:
        memo.begin()
        return passages_later(articles, memo.each)()

    first = passages(ARTICLES)
    assert first == shared_passages(ARTICLES) and first
    assert passages(ARTICLES) is first and memo.misses["passages"] == 1  # same texts: the earlier result
    changed = ARTICLES[:2] + (art("three", "2024-03-20", f"Headline three\n\nNothing {PLANTED[10:]} here.\n"),)
    again = passages(changed)
    assert again != first and memo.misses["passages"] == 2
    assert passages(changed) is again and memo.misses["passages"] == 2


def test_the_passages_the_analysis_finds_carry_their_ids_made_once_with_the_search() -> None:
    """Each passage's id (its page's address) is made with the search and kept with it, not made again for every
    passage at every build; it is the id its words give, and the listing's ids are the same with it or without."""
    from dossier.core.analyse.library import passages_later
    from dossier.core.analyse.shared_passages import passage_id
    from dossier.core.plan.article_passages import ids

    found = passages_later(ARTICLES)()
    assert found and all(p.ident == passage_id(p.text) for p in found)
    assert ids(found) == ids([replace(p, ident="") for p in found])
