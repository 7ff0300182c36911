"""Links to a comparison whose file was renamed (dossier/core/load/renamed_comparison.py): said once at the file
renamed, counting and listing the links, when it is very likely the one meant (no link names it, and its id is
close to the old one, or its witnesses quote the words of the annotations whose notes link the old id); else each
link keeps its error."""

from __future__ import annotations

from conftest import MINIMAL_SITE, write_tree
from dossier.core.load.renamed_comparison import at_renamed_comparison
from dossier.core.pipeline import build_site
from dossier.shell import fs

SOURCES = "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\n"
ARTICLE = """\
seed: {slug}.txt
title: Talks
source: outlet-{slug}
date: 2024-03-22
annotations:
  - id: alone
    quote: {quote}
    note: "Worded otherwise elsewhere: [compare]({link})."
  - id: cairo
    quote: Cairo
"""
COMPARISON = """\
title: Netanyahu in his words
question: How is it worded?
kind: quote
witnesses:
  - article: a
    quote: {a}
  - article: b
    quote: {b}
"""
OTHER = COMPARISON.format(a="Talks resume in Cairo", b="Talks resume in Cairo").replace("Netanyahu in his words",
                                                                                           "Where")


def _errors(tmp_path, comparisons: dict[str, str], links: tuple[str, str] = ("compare:alone", "/compare/alone/")
            ) -> list:
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES,
             "seeds/a.txt": "Talks\nTalks resume in Cairo. Netanyahu said: we will do it alone.\n",
             "seeds/b.txt": "Talks\nTalks resume in Cairo. Netanyahu said: We will do it alone if we must.\n",
             "content/articles/a.yaml": ARTICLE.format(slug="a", quote="we will do it alone", link=links[0]),
             "content/articles/b.yaml": ARTICLE.format(slug="b", quote="We will do it alone if we must",
                                                       link=links[1])}
    files.update({f"content/comparisons/{ident}.yaml": text for ident, text in comparisons.items()})
    root = write_tree(tmp_path / "dossier", files)
    return [p for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]


ALONE = COMPARISON.format(a="we will do it alone", b="We will do it alone")


def test_a_comparison_renamed_is_one_error_at_its_file_when_its_witnesses_quote_the_linking_notes_words(
        tmp_path) -> None:
    problems = _errors(tmp_path / "renamed", {"netanyahu-quote": ALONE, "cairo": OTHER})
    assert [(p.file, p.line, p.check) for p in problems] == [("content/comparisons/netanyahu-quote.yaml", 0, "links")]
    assert problems[0].message == (
        'this file\'s name makes the comparison id "netanyahu-quote", which no link names, while 2 links name "alone", '
        'which is no comparison; this one has witnesses quoting the words of both annotations whose notes link '
        '"alone" (at content/articles/a.yaml:8:50, content/articles/b.yaml:8:50)')
    assert problems[0].hint == ('if "alone" is the id meant, rename the file to alone.yaml: the 2 links are then '
                                "right; if it was renamed on purpose, make each of them link compare:netanyahu-quote")
    # deleted, while another comparison no link names quotes other words: no guess, each link keeps its error
    problems = _errors(tmp_path / "deleted", {"cairo": OTHER})
    assert [(p.file, p.message) for p in problems] == [
        ("content/articles/a.yaml", 'link "compare:alone": unknown comparison "alone"'),
        ("content/articles/b.yaml", 'link "/compare/alone/": unknown comparison "alone"')]
    # (unless its title, written as an id, is the one the links name)
    problems = _errors(tmp_path / "titled", {"cairo": OTHER.replace("Where", "Alone")})
    assert [p.file for p in problems] == ["content/comparisons/cairo.yaml"]
    assert 'this one has a title that, written as an id, is "alone"' in problems[0].message


def test_a_comparison_renamed_to_a_longer_id_is_found_by_its_id_and_one_link_is_told_at_its_place(tmp_path) -> None:
    problems = _errors(tmp_path, {"alone-quote": COMPARISON.format(a="Cairo", b="Cairo")},
                       ("compare:alone", "compare:cairo-talks"))
    assert [(p.file, p.line, p.col) for p in problems] == [("content/articles/a.yaml", 8, 50),
                                                           ("content/articles/b.yaml", 8, 50)]
    assert problems[0].hint == ('content/comparisons/alone-quote.yaml, which no link names, has an id that begins '
                                'with "alone": was it renamed? link compare:alone-quote, or rename that file back to '
                                "alone.yaml")
    assert problems[1].hint == "comparison links name a file in content/comparisons/ without .yaml"


def test_nothing_is_asked_of_the_texts_when_no_link_names_an_unknown_comparison() -> None:
    def texts():
        raise AssertionError("read")

    assert at_renamed_comparison([], None, texts) == []  # type: ignore[arg-type]


def test_no_comparison_is_guessed_by_its_id_when_one_a_link_names_is_as_close(tmp_path) -> None:
    # "alone" begins both ids; the one no link names is no likelier (the note is about the other's words)
    cairo = COMPARISON.format(a="Cairo", b="Cairo")
    problems = _errors(tmp_path / "linked", {"alone-quote": ALONE, "alone-evacuation": cairo},
                       ("compare:alone", "compare:alone-quote"))
    assert [(p.file, p.hint) for p in problems] == [
        ("content/articles/a.yaml", "comparison links name a file in content/comparisons/ without .yaml")]
    # both unlinked, as close by id: the quotes, which only one holds, still tell
    problems = _errors(tmp_path / "quoted", {"alone-quote": ALONE, "alone-evacuation": cairo})
    assert [p.file for p in problems] == ["content/comparisons/alone-quote.yaml"]
    assert "this one has witnesses quoting the words of both annotations" in problems[0].message
