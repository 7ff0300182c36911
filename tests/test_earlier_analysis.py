"""The live preview's analysis of an article saved again takes its last anchorings and notes where it asks the
same (core/analyse/earlier.py): a fact-check of 2,000 annotations placed every quote and rendered every note
again for one note reworded. The analysis must be the very one a fresh process makes."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
import dossier.core.analyse.earlier as earlier
import dossier.core.analyse.library as library
from dossier.core.analyse.library import analyse_article
from dossier.core.load.cleaning import CleanText
from dossier.core.load.load import parse_article
from dossier.core.load.model import Article

ARTICLE_SCHEMA = json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))
HEAD = "seed: a.txt\ntitle: A title\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
TEXT = ("The minister said the levy would go ahead. Officials counted 42,300 workers on Tuesday.\n\n"
        "The union said the levy is not safe. The minister said the levy would go ahead.")
ANNOTATIONS = [("levy", "the levy is not safe", "", "The union's words, *as printed*."),
               ("count", "42,300 workers", "", "Officials' count; see [the other](article:b)."),
               ("twice", "The minister said the levy would go ahead", "", "Said twice in the text."),
               ("slip", "Officals counted 42,300 workers", "", "A slip of the editor's: placed approximately.")]


def article_file(annotations, text: str = TEXT, file: str = "content/articles/a.yaml") -> Article:
    body = "".join(f"  - id: {i}\n    quote: {json.dumps(q)}\n" + (f"    prefix: {json.dumps(p)}\n" if p else "") +
                   f"    note: {json.dumps(n)}\n" for i, q, p, n in annotations)
    meta, problems = parse_article(file, HEAD + body, ARTICLE_SCHEMA)
    assert meta is not None and not [p for p in problems if p.severity == "error"]
    return Article(meta, CleanText(text, (), ()))


@pytest.fixture
def counted(monkeypatch):
    """How many quotes are anchored and notes rendered from now on, in a process that keeps its analyses."""
    counts = {"anchored": 0, "rendered": 0}
    anchor, render = earlier.anchor_quote, library.render_note

    def anchoring(*args, **kwargs):
        counts["anchored"] += 1
        return anchor(*args, **kwargs)

    def rendering(*args, **kwargs):
        counts["rendered"] += 1
        return render(*args, **kwargs)

    monkeypatch.setattr(earlier, "anchor_quote", anchoring)
    monkeypatch.setattr(library, "render_note", rendering)
    earlier.remember()
    yield counts
    earlier.remember(False)


def fresh(article: Article, floor: float = 0.8, base: str = "/"):
    """The analysis of `article` made from nothing, in a process that keeps none."""
    earlier.remember(False)
    try:
        return analyse_article(article, floor, "warning", base)
    finally:
        earlier.remember()


def test_a_note_reworded_renders_that_note_alone_and_places_no_quote_again(counted) -> None:
    first = article_file(ANNOTATIONS)
    placed = analyse_article(first, 0.8, "warning", "/")[0]
    assert sorted(placed) == ["count", "levy", "slip"]  # (the twice-said quote, without a prefix, is not placed)
    assert placed["slip"].status == "fuzzy" and counted == {"anchored": 4, "rendered": 3}
    reworded = ANNOTATIONS[:1] + [(ANNOTATIONS[1][0], ANNOTATIONS[1][1], "", "A note reworded.")] + ANNOTATIONS[2:]
    counted.update(anchored=0, rendered=0)
    second = Article(article_file(reworded).meta, first.text)  # (the seed unchanged: the same text object)
    result = analyse_article(second, 0.8, "warning", "/")
    assert counted == {"anchored": 0, "rendered": 1}
    assert result == fresh(second)
    assert "A note reworded." in result[3]["count"]


def test_a_quote_changed_is_placed_again_and_so_is_every_quote_of_a_new_text(counted) -> None:
    first = article_file(ANNOTATIONS)
    analyse_article(first, 0.8, "warning", "/")
    moved = ANNOTATIONS[:2] + [(ANNOTATIONS[2][0], ANNOTATIONS[2][1], "union said the levy is not safe. ",
                                ANNOTATIONS[2][3])] + ANNOTATIONS[3:]
    counted.update(anchored=0, rendered=0)
    second = Article(article_file(moved).meta, first.text)
    result = analyse_article(second, 0.8, "warning", "/")
    assert counted["anchored"] == 1 and "twice" in result[0]  # (its prefix given: found at its second place)
    counted.update(anchored=0)
    edited = Article(second.meta, CleanText(TEXT.replace("42,300", "42,000"), (), ()))
    moved_on = analyse_article(edited, 0.8, "warning", "/")
    assert counted["anchored"] == 4
    assert (result, moved_on) == (fresh(second), fresh(edited))  # (fresh() lets the kept analyses go: last)


@pytest.mark.parametrize(("floor", "base"), [(0.95, "/"), (0.8, "/sub/")])
def test_another_floor_places_again_and_another_base_path_renders_again(counted, floor: float, base: str) -> None:
    first = article_file(ANNOTATIONS)
    analyse_article(first, 0.8, "warning", "/")
    counted.update(anchored=0, rendered=0)
    again = analyse_article(first, floor, "warning", base)
    assert counted["anchored"] == (4 if floor != 0.8 else 0)
    assert counted["rendered"] == (0 if base == "/" else len(again[3]))
    assert again == fresh(first, floor, base)
