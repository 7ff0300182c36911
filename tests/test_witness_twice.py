"""A witness naming an article another witness of its comparison names already, whose quote is in other articles'
texts (dossier/core/load/witness_twice.py, review 127): one error, at the article named, with the article (or
articles) whose text has the quote; the quote's "not found" is that mistake's consequence, not said as well. A
quote no other text has stays said at the quote."""

from __future__ import annotations

from conftest import mini
from dossier.core.load.witness_twice import said_at_witness_twice
from dossier.core.pipeline import build_site
from dossier.shell import fs

TEXTS = {"a": "Talks\nThe talks would resume next week in Washington.\n",
         "b": "Rafah plan\nThe army said the evacuation of Rafah would take weeks.\n",
         "c": "Cairo talks\nThe delegation flew to Cairo on Sunday for a sixth round.\n",
         "d": "Cairo, again\nOfficials said the delegation flew to Cairo on Sunday for a sixth round.\n"}
COMPARISON = ("title: Talks\nquestion: When?\nkind: quote\nwitnesses:\n  - article: a\n    quote: would resume next week\n"
              "  - article: a\n    quote: {quote}\n  - article: b\n    quote: would take weeks\n")


def _problems(tmp_path, quote: str, slugs: str = "abc") -> list:
    files = {f"seeds/{s}.txt": TEXTS[s] for s in slugs}
    files |= {f"content/articles/{s}.yaml": f"seed: {s}.txt\ntitle: T {s}\nsource: outlet-a\ndate: 2024-03-2{i}\n"
              for i, s in enumerate(slugs)}
    files["content/comparisons/talks.yaml"] = COMPARISON.format(quote=quote)
    return [p for p in build_site(fs.read_inputs(mini(tmp_path, files))).problems if p.severity == "error"]


def test_a_witness_twice_whose_quote_is_another_article_s_text_is_one_error_offering_that_article(tmp_path) -> None:
    problems = _problems(tmp_path, "flew to Cairo on Sunday")
    assert [(p.file, p.line, p.col, p.check) for p in problems] == [
        ("content/comparisons/talks.yaml", 7, 14, "witness-duplicate")], "\n".join(p.format() for p in problems)
    assert problems[0].hint == ('did you mean "c"? the quote is in seeds/c.txt:2, the text of "c", not in that of '
                                '"a", which is witness 1 already: write article: c')
    assert said_at_witness_twice([], None) == []  # type: ignore[arg-type]  # (nothing to merge: no dossier asked)


def test_one_found_in_several_articles_names_them_and_one_found_nowhere_is_said_at_its_quote_too(tmp_path) -> None:
    problems = _problems(tmp_path / "several", "flew to Cairo on Sunday", "abcd")
    assert [p.check for p in problems] == ["witness-duplicate"], "\n".join(p.format() for p in problems)
    assert problems[0].hint.startswith('one witness per article, and the first of "a" is witness 1; the quote is not '
                                       'in the text of "a", but it is in the texts of 2 other articles: ')
    problems = _problems(tmp_path / "nowhere", "the ministry denied everything")
    assert [(p.line, p.check) for p in problems] == [(7, "witness-duplicate"), (8, "anchor-not-found")]
    assert problems[0].hint == "one witness per article; the first is witness 1"


def _errors(tmp_path, comparison: str) -> list:
    """The errors of a dossier of the articles a, b and c and the comparison `comparison`."""
    files = {f"seeds/{s}.txt": TEXTS[s] for s in "abc"}
    files |= {f"content/articles/{s}.yaml": f"seed: {s}.txt\ntitle: T {s}\nsource: outlet-a\ndate: 2024-03-2{i}\n"
              for i, s in enumerate("abc")}
    files["content/comparisons/talks.yaml"] = comparison
    return [p for p in build_site(fs.read_inputs(mini(tmp_path, files))).problems if p.severity == "error"]


def test_the_earlier_of_two_witnesses_naming_one_article_is_the_one_said_when_its_quote_is_elsewhere(tmp_path) -> None:
    # review 132: the misnamed witness may come first; the error stood at the later, right one ("the first is
    # witness 1"), whose deletion the hint led to, and the quote's "not found" was said as well
    problems = _errors(tmp_path, (
        "title: Talks\nquestion: When?\nkind: quote\nwitnesses:\n  - article: a\n    quote: flew to Cairo on Sunday\n"
        "  - article: a\n    quote: would resume next week\n  - article: b\n    quote: would take weeks\n"))
    assert [(p.line, p.col, p.check) for p in problems] == [(5, 14, "witness-duplicate")], \
        "\n".join(p.format() for p in problems)
    assert problems[0].hint == ('did you mean "c"? the quote is in seeds/c.txt:2, the text of "c", not in that of '
                                '"a", which is witness 2 too: write article: c')


def test_a_third_witness_naming_the_article_is_still_said_beside_the_misnamed_one(tmp_path) -> None:
    # review 134: every duplicate error but the one moved to the misnamed witness was dropped, a genuine one too
    problems = _errors(tmp_path, (
        "title: Talks\nquestion: When?\nkind: quote\nwitnesses:\n  - article: a\n    quote: would resume next week\n"
        "  - article: a\n    quote: in Washington\n  - article: a\n    quote: flew to Cairo on Sunday\n"
        "  - article: b\n    quote: would take weeks\n"))
    assert [(p.line, p.check) for p in problems] == [(7, "witness-duplicate"), (9, "witness-duplicate")], \
        "\n".join(p.format() for p in problems)
    assert problems[1].hint.startswith('did you mean "c"?')
