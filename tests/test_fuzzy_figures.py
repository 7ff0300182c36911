"""A quote matched approximately whose numbers are not the text's says so in its message: "84 million" quoted
where the text says "48 million" scored 96, one more typo among the warnings (review 71)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from dossier.core.analyse.library import analyse_article
from dossier.core.load.cleaning import CleanText
from dossier.core.load.load import parse_article
from dossier.core.load.model import Article

SCHEMA = json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))
TEXT = "The repairs will cost the city 48 million dollars, officials said on 3 March."


def fuzzy_message(quote: str) -> str:
    meta, _ = parse_article("content/articles/a.yaml", "seed: a.txt\ntitle: T\nsource: x\ndate: 2024-03-05\n"
                            f"annotations:\n  - id: a\n    quote: {json.dumps(quote)}\n", SCHEMA)
    assert meta is not None
    (problem,) = analyse_article(Article(meta, CleanText(TEXT, (), ())), 0.8, "warning", "/")[1]
    assert problem.check == "anchor-fuzzy"
    return problem.message


@pytest.mark.parametrize(("quote", "added"), [
    ("cost the city 84 million dollars", ", and its numbers differ from the text's: 84 in the quote, 48 in the text"),
    ("cost the city million dollars", ", and its numbers differ from the text's: none in the quote, 48 in the text"),
    ("cost the city 48 millon dollars", ""),
    ("said on 3 Mrch", ""),
], ids=["a figure transposed", "a figure left out", "a typo beside the same figure", "a date's day kept"])
def test_the_numbers_of_a_fuzzy_quote_are_compared_with_the_text_s(quote: str, added: str) -> None:
    message = fuzzy_message(quote)
    assert message.startswith('annotation "a": quote matched only approximately (score ')
    assert message.endswith(" at seeds/a.txt:1" + added)
