"""Review 146: a link to an annotation whose id was changed (`- id: alone-quote` → `- id: do-it-alone`) was hinted
only "#a-<id> names an annotation id of that article": the id meant is offered, else the article's ids listed."""

from __future__ import annotations

from conftest import mini
from dossier.core.load.renamed_annotation import at_renamed_annotation
from dossier.core.pipeline import build_site
from dossier.shell import fs

SEED_B = "Talks\nHe said we will do it alone. Aid ships wait at the port. Tetro spoke. Food is short.\n"
HEAD = "title: Talks\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"


def _article(seed: str, annotations: list[tuple[str, str, str]]) -> str:
    return f"seed: {seed}\n" + HEAD + "".join(f"  - id: {ident}\n    quote: {quote}\n" +
                                              (f"    note: '{note}'\n" if note else "")
                                              for ident, quote, note in annotations)


def _hints(tmp_path, b: list[tuple[str, str, str]], note: str) -> list[tuple[int, str]]:
    root = mini(tmp_path, {"seeds/a.txt": "Talks\nBlinken spoke.\n", "seeds/b.txt": SEED_B,
                           "content/articles/a.yaml": _article("a.txt", [("spoke", "Blinken spoke", note)]),
                           "content/articles/b.yaml": _article("b.txt", b)})
    return [(p.line, p.hint) for p in build_site(fs.read_inputs(root)).problems if "has no annotation" in p.message]


def test_a_link_to_a_renamed_annotation_is_offered_the_one_no_link_names_whose_quote_its_note_quotes(tmp_path):
    b = [("do-it-alone", "we will do it alone", ""), ("port", "Aid ships wait at the port", "")]
    found = _hints(tmp_path, b, 'B has "we will do it alone" ([B](article:b#a-alone-quote)).')
    assert found == [(8, 'did you mean "do-it-alone"? no link names that annotation, and its quote holds "we will do '
                         'it alone", quoted around this link; if it was renamed, write #a-do-it-alone here, or give '
                         'that annotation back its id "alone-quote"')]


def test_a_link_to_a_renamed_annotation_is_offered_the_only_id_with_one_of_its_words(tmp_path):
    b = [("do-it-alone", "we will do it alone", ""), ("tetro-quote", "Tetro spoke", ""),
         ("food-quote", "Food is short", "")]
    found = _hints(tmp_path, b, "See [B](article:b#a-alone-quote).")   # ("quote" is in two ids)
    assert found == [(8, 'did you mean "do-it-alone"? no link names that annotation, and no other id of that '
                         'article has the word "alone"; if it was renamed, write #a-do-it-alone here, or give that '
                         'annotation back its id "alone-quote"')]


def test_an_annotation_another_link_names_is_not_offered_and_the_ids_no_link_names_are_listed(tmp_path):
    b = [(f"n{n}", quote, "") for n, quote in enumerate(["He said", "we will do it alone", "Aid ships", "at the port",
                                                         "Tetro spoke", "Food", "is short"])]
    b[0] = ("n0", "He said", "See [it](#a-n1).")   # (n1 is named: the quote "we will do it alone" is not its alone)
    found = _hints(tmp_path, b, 'B has "we will do it alone" ([B](article:b#a-alone-quote)).')
    assert found == [(8, "#a-<id> names an annotation id of that article; those no link names: n0, n2, n3, n4, n5 "
                         "and 1 more")]


def test_a_slip_of_an_id_keeps_its_did_you_mean(tmp_path):
    b = [("do-it-alone", "we will do it alone", "")]
    assert _hints(tmp_path, b, "See [B](article:b#a-do-it-alon).") == [(8, 'did you mean "do-it-alone"?')]


def test_a_link_to_an_article_the_dossier_does_not_have_keeps_its_hint() -> None:
    from dossier.core.common.errors import error
    from dossier.core.load.model import Dossier

    problem = error("content/articles/a.yaml", 3, 4, 'link "article:b#a-x": article "b" has no annotation "x"',
                    "#a-<id> names an annotation id of that article", "links")
    empty = Dossier(config=None, sources=(), articles=(), entities=(), comparisons=())  # type: ignore[arg-type]
    assert at_renamed_annotation([problem], empty) == [problem]
