"""Review 146: a link to an annotation whose id was changed (`- id: alone-quote` → `- id: do-it-alone`) was hinted
only "#a-<id> names an annotation id of that article": the id meant is offered, else the article's ids listed."""

from __future__ import annotations

from conftest import copy_of_default_dossier, documented, mini
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
    assert found == [(8, 'no annotation of that article has the id "alone-quote": if it was deleted, remove this '
                         "link (keep its words), or link the article itself: article:b; if it was renamed, write "
                         "#a-<its id> here (those no link names: n0, n2, n3, n4, n5 and 1 more)")]


def test_a_link_to_a_deleted_annotation_is_not_offered_one_whose_id_shares_a_word_but_not_the_others(tmp_path):
    """Review 158: aid-ships (quote "Aid ships wait at the port") deleted while a link names it, aid-food is no
    rename of it: its id and quote ("Food is short") have no "ships"; the hint says what to do if it was deleted."""
    b = [("do-it-alone", "we will do it alone", ""), ("aid-food", "Food is short", "")]
    found = _hints(tmp_path, b, "See [B](article:b#a-aid-ships).")
    assert found == [(8, 'no annotation of that article has the id "aid-ships": if it was deleted, remove this link '
                         "(keep its words), or link the article itself: article:b; if it was renamed, write "
                         "#a-<its id> here (those no link names: do-it-alone, aid-food)")]


def test_a_rename_that_changes_a_word_of_the_id_is_offered_when_the_quote_holds_the_old_word(tmp_path):
    b = [("do-it-alone", "we will do it alone", ""), ("aid-port", "Aid ships wait at the port", "")]
    found = _hints(tmp_path, b, "See [B](article:b#a-aid-ships).")
    assert found == [(8, 'did you mean "aid-port"? no link names that annotation, and no other id of that article '
                         'has the word "aid"; if it was renamed, write #a-aid-port here, or give that annotation '
                         'back its id "aid-ships"')]


def test_the_default_dossiers_dermer_alone_quote_deleted_is_not_offered_dermer_confident_quote(tmp_path):
    """Review 158: Ynet's dermer-alone-quote deleted, All Israel News's note still links it; Ynet's other Dermer
    quote shares the word "dermer" and "quote", not "alone" (it is "We're quite confident…")."""
    root = copy_of_default_dossier(tmp_path)
    ynet = root / "content/articles/ynet-rafah-rift.yaml"
    text = ynet.read_text("utf-8")
    ynet.write_text(text[:text.index("  - id: dermer-alone-quote")] + text[text.index("  - id: cairo-ceasefire"):],
                    "utf-8")
    said = [p.format().splitlines() for p in build_site(fs.read_inputs(root)).problems]
    assert len(said) == 1, said
    example = documented('link "/articles/ynet-rafah-rift/#a-dermer-alone-quote"')   # (docs/messages.md's)
    assert [said[0][0], said[0][-1].strip()] == example


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


def test_a_link_to_a_deleted_annotation_is_not_offered_one_of_another_kind_than_a_kind_its_id_says(tmp_path):
    """Review 165: blinken-food-quote deleted was offered food-talks, a framing: "quote" was excused as a word two
    other ids share; a kind in the id is the annotation's kind. Of kind quote, the same annotation is offered."""
    def b(kind: str) -> list[tuple[str, str, str]]:
        return [("food-talks", f"Food is short\n    kind: {kind}", ""),
                ("tetro-quote", "Tetro spoke\n    kind: quote", ""),
                ("alone-quote", "we will do it alone\n    kind: quote", "")]
    link = "See [B](article:b#a-food-short-quote)."
    assert _hints(tmp_path / "framing", b("framing"), link)[0][1].startswith(
        'no annotation of that article has the id "food-short-quote": if it was deleted, remove this link')
    assert _hints(tmp_path / "quote", b("quote"), link)[0][1].startswith('did you mean "food-talks"?')


def test_a_rename_that_spells_out_a_word_of_the_id_is_offered(tmp_path):
    """Review 165: oct-7-tally renamed october-7-tally was no longer offered: "oct" is in neither its id nor its
    quote as a word, but it starts "october"; the other way round too."""
    for old, new in (("oct-7-tally", "october-7-tally"), ("october-tally", "oct-tally")):
        b = [("do-it-alone", "we will do it alone", ""), (new, "Aid ships wait at the port", "")]
        found = _hints(tmp_path / old, b, f"See [B](article:b#a-{old}).")
        assert found[0][1].startswith(f'did you mean "{new}"? no link names that annotation, and no other id of '
                                      'that article has the word "tally"'), found
