"""Links to a comparison whose file was renamed (dossier/core/load/renamed_comparison.py): said once at the file
renamed, counting and listing the links, when it is very likely the one meant (no link names it, and its id is
close to the old one, or its witnesses quote the words of the annotations whose notes link the old id); else each
link keeps its error, told, when the links are in several files, that the comparison is defined nowhere and how
many name it, with the comparison its id is a slip for, if any, offered once in the same words at each."""

from __future__ import annotations

from conftest import MINIMAL_SITE, mini, run_build, write_tree
from dossier.core.common.errors import Problem, error, meant_of, offer_of
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
    # "alone" begins both ids; the one no link names is no likelier (the note is about the other's words): the
    # other, which a link names already and whose witnesses quote the note's words, is offered (review 151)
    cairo = COMPARISON.format(a="Cairo", b="Cairo")
    problems = _errors(tmp_path / "linked", {"alone-quote": ALONE, "alone-evacuation": cairo},
                       ("compare:alone", "compare:alone-quote"))
    assert [(p.file, p.hint) for p in problems] == [
        ("content/articles/a.yaml", 'did you mean "alone-quote"? (content/comparisons/alone-quote.yaml, which 1 link '
         'already names, has witnesses quoting the words of the annotation whose note links "alone": the file was '
         "renamed)")]
    # both unlinked, as close by id: the quotes, which only one holds, still tell
    problems = _errors(tmp_path / "quoted", {"alone-quote": ALONE, "alone-evacuation": cairo})
    assert [p.file for p in problems] == ["content/comparisons/alone-quote.yaml"]
    assert "this one has witnesses quoting the words of both annotations" in problems[0].message


DELETED = ('comparison "alone" is defined nowhere, yet 2 links name it: was it deleted? write it again as '
           "content/comparisons/alone.yaml, or change each link")


def test_links_in_several_files_to_a_deleted_comparison_are_each_told_it_is_defined_nowhere_and_how_many_name_it(
        tmp_path) -> None:
    """As the references to an entity defined nowhere are (renamed.py): the generic hint said nothing of a file
    deleted, and each link read as a problem of its own."""
    problems = _errors(tmp_path / "two", {"cairo": OTHER})
    assert [(p.file, p.line, p.col, p.hint) for p in problems] == [("content/articles/a.yaml", 8, 50, DELETED),
                                                                   ("content/articles/b.yaml", 8, 50, DELETED)]
    # (a link alone keeps the generic hint: a slip as likely as a file deleted)
    problems = _errors(tmp_path / "one", {"cairo": OTHER}, ("compare:alone", "compare:cairo"))
    assert [(p.file, p.hint) for p in problems] == [
        ("content/articles/a.yaml", "comparison links name a file in content/comparisons/ without .yaml")]


def test_links_in_several_files_to_an_id_a_slip_away_from_a_comparison_are_told_so_with_the_did_you_mean_first(
        tmp_path) -> None:
    problems = _errors(tmp_path, {"alone-quote": OTHER}, ("compare:alone-qoute", "/compare/alone-qoute/"))
    assert {(p.file, p.hint) for p in problems} == {(f"content/articles/{slug}.yaml", (
        'comparison "alone-qoute" is defined nowhere, yet 2 links name it: did you mean "alone-quote"? change '
        "each link to it; or was it deleted? write it again as content/comparisons/alone-qoute.yaml"))
        for slug in "ab"}


def _link(file: str, ident: str, hint: str) -> Problem:
    return error(file, 8, 50, f'link "compare:{ident}": unknown comparison "{ident}"', hint, "links")


def test_a_mistyped_comparison_id_in_several_files_is_said_at_each_link_as_one_slip_with_one_did_you_mean() -> None:
    """Each link is still listed (each must be changed), its hint saying that all of them name the id, and the
    one it is a slip for; in one file it is one slip written again: each keeps its did-you-mean. No comparison
    file is guessed renamed, so the texts are not read."""
    def texts():
        raise AssertionError("read")

    meant = 'did you mean "netanyahu-alone"?'
    links = [_link("content/articles/a.yaml", "netanyahu-alon", meant),
             _link("content/articles/b.yaml", "netanyahu-alon", meant),
             _link("content/entities.yaml", "netanyahu-alon", meant)]
    said = at_renamed_comparison(links, None, texts)  # type: ignore[arg-type]
    assert [(p.file, p.message) for p in said] == [(p.file, p.message) for p in links]
    assert {p.hint for p in said} == {
        'comparison "netanyahu-alon" is defined nowhere, yet 3 links name it: did you mean "netanyahu-alone"? '
        "change each link to it; or was it deleted? write it again as content/comparisons/netanyahu-alon.yaml"}
    in_one = [_link("content/articles/a.yaml", "netanyahu-alon", meant)] * 2
    assert at_renamed_comparison(in_one, None, texts) == in_one  # type: ignore[arg-type]


def test_the_build_says_a_deleted_and_a_mistyped_comparison_linked_from_two_articles_in_their_own_words(
        tmp_path) -> None:
    article = ("seed: {slug}.txt\ntitle: Talks {slug}\nsource: outlet-{slug}\ndate: 2024-03-22\nannotations:\n"
               "  - id: alone\n    quote: we will do it alone\n    note: \"Worded otherwise: [compare]({}).\"\n"
               "  - id: toll\n    quote: the toll\n    note: \"See [the toll](compare:rafah-toll).\"\n")
    root = mini(tmp_path, {
        "seeds/a.txt": "Talks\nNetanyahu said: we will do it alone. Nobody gave the toll.\n",
        "seeds/b.txt": "Talks\nNetanyahu said: we will do it alone. Nobody gave the toll.\n",
        "content/articles/a.yaml": article.format("compare:netanyahu-alon", slug="a"),
        "content/articles/b.yaml": article.format("/compare/netanyahu-alon/", slug="b"),
        "content/comparisons/netanyahu-alone.yaml": COMPARISON.format(a="we will do it alone",
                                                                     b="we will do it alone")})
    built = run_build(root, "--check")
    assert built.returncode == 1
    said = [line.strip() for line in built.stderr.splitlines() if "[links]" in line or "hint:" in line]
    mistyped = ('hint: comparison "netanyahu-alon" is defined nowhere, yet 2 links name it: did you mean '
                '"netanyahu-alone"? change each link to it; or was it deleted? write it again as '
                "content/comparisons/netanyahu-alon.yaml")
    deleted = ('hint: comparison "rafah-toll" is defined nowhere, yet 2 links name it: was it deleted? write it '
               "again as content/comparisons/rafah-toll.yaml, or change each link")
    assert said == [
        'content/articles/a.yaml:8:40: error: link "compare:netanyahu-alon": unknown comparison "netanyahu-alon" '
        "[links]", mistyped,
        'content/articles/a.yaml:11:27: error: link "compare:rafah-toll": unknown comparison "rafah-toll" [links]',
        deleted,
        'content/articles/b.yaml:8:40: error: link "/compare/netanyahu-alon/": unknown comparison "netanyahu-alon" '
        "[links]", mistyped,
        'content/articles/b.yaml:11:27: error: link "compare:rafah-toll": unknown comparison "rafah-toll" [links]',
        deleted], built.stderr


def test_a_link_to_a_linked_comparison_without_its_first_words_is_offered_it(tmp_path) -> None:
    """Review 116: compare:do-it-alone, while netanyahu-do-it-alone exists (another note links it), had no hint."""
    problems = _errors(tmp_path, {"netanyahu-do-it-alone": ALONE, "dermer-fight-alone": OTHER},
                       ("compare:do-it-alone", "compare:netanyahu-do-it-alone"))
    assert [(p.file, p.message, p.hint) for p in problems] == [
        ("content/articles/a.yaml", 'link "compare:do-it-alone": unknown comparison "do-it-alone"',
         'did you mean "netanyahu-do-it-alone"?')]


def test_links_in_several_files_to_an_article_s_slug_as_a_comparison_keep_their_hint_to_link_the_article(
        tmp_path) -> None:
    """Review 146: "compare:b" (an article's slug) linked from two files: the hint offering "article:b" with why
    was cut at a fixed width from its end and pasted into a defined-nowhere hint ("…not a comparison's i"?", then
    "was it deleted? write it again as content/comparisons/b.yaml": no comparison was). Each link keeps its own."""
    problems = _errors(tmp_path, {"alone": ALONE}, ("compare:b", "compare:b"))
    assert {(p.file, p.hint) for p in problems} == {(f"content/articles/{slug}.yaml", (
        'did you mean "article:b"? ("b" is an article\'s slug, not a comparison\'s id)')) for slug in "ab"}
    hint = 'did you mean "article:headlines"? ("headlines" is an article\'s slug, not a comparison\'s id)'
    assert offer_of(hint) == ("article:headlines", '("headlines" is an article\'s slug, not a comparison\'s id)')
    assert meant_of(hint) == "article:headlines" and meant_of('did you mean "cairo"?') == "cairo"


def test_a_link_left_when_others_were_changed_to_the_renamed_comparison_is_offered_it(tmp_path) -> None:
    """Review 151: the file renamed and one link changed, the comparison is linked, so not taken for the file
    renamed; the link left was told "was it deleted? write it again". Its witnesses quote the note's words."""
    problems = _errors(tmp_path, {"netanyahu-quote": ALONE, "cairo": OTHER},
                       ("compare:alone", "compare:netanyahu-quote"))
    assert [(p.file, p.line, p.col, p.hint) for p in problems] == [(
        "content/articles/a.yaml", 8, 50, 'did you mean "netanyahu-quote"? (content/comparisons/netanyahu-quote.yaml, '
        "which 1 link already names, has witnesses quoting the words of the annotation whose note links \"alone\": "
        "the file was renamed)")]
