"""The figures table: a witness's number read from its words or given by the editor, disagreements by unit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.compare_figures import disagreements, figure_table, figures_disagree, reading
from dossier.core.analyse.figures import describe
from dossier.core.load.model import Origin, Witness

ORIGIN = Origin("content/comparisons/x.yaml", 5, 12)


def witness(quote: str, **given) -> Witness:
    return Witness("a", quote, ORIGIN, **given)


# (quote, editor's fields, (as written, normalised, qualifier, unit, given by the editor))
READINGS = [
    pytest.param("almost 32,000 Palestinians have been killed", {},
                 ("almost 32,000 Palestinians", "almost 32,000", "almost", "palestinians", False),
                 id="read from the text"),
    pytest.param("at least 32,070 people have been killed", {"unit": "people killed"},
                 ("at least 32,070 people", "at least 32,070", "at least", "people killed", False),
                 id="the editor's unit replaces the counted word"),
    pytest.param("a six-week halt during which some 40 Israeli hostages would be released",
                 {"value": 40, "unit": "hostages"},
                 ("some 40 Israeli hostages", "about 40", "about", "hostages", True),
                 id="the editor's value picks the figure it names and keeps its qualifier"),
    pytest.param("wrapping up his sixth visit to the Mideast", {"value": 6, "unit": "trips", "qualifier": "exact"},
                 ("", "6", "exact", "trips", True), id="a value the text does not spell as a number"),
    pytest.param("harboring a quarter of the terror organization's operatives", {"value": 25, "unit": "percent"},
                 ("a quarter", "25%", "exact", "percent", True), id="a fraction given as a percentage"),
    pytest.param("a sizable force of between 4,000 and 8,000 operatives", {"qualifier": "range"},
                 ("between 4,000 and 8,000 operatives", "4,000–8,000", "range", "operatives", False),
                 id="a range keeps both ends"),
    pytest.param("took 250 others hostage", {"value": 250, "unit": "people taken hostage"},
                 ("250 others", "250", "exact", "people taken hostage", True), id="no qualifier in the text is exact"),
]


@pytest.mark.parametrize(("quote", "given", "expected"), READINGS)
def test_a_witness_reads_as_the_table_says(quote: str, given: dict, expected: tuple) -> None:
    r = reading(witness(quote, **given), quote)
    assert r.figure is not None
    assert (r.figure.text, describe(r.figure), r.figure.qualifier, r.figure.unit, r.given) == expected


def test_a_witness_without_a_number_has_no_figure() -> None:
    r = reading(witness("eliminating the rest of the battalions there"), "eliminating the rest of the battalions there")
    assert r.figure is None and r.others == ()


def rows(*quotes_and_given: tuple[str, dict]):
    return [(f"k{i}", f"Outlet {chr(65 + i)}", "2024-03-22", reading(witness(q, **g), q))
            for i, (q, g) in enumerate(quotes_and_given)]


def test_figures_that_cannot_all_be_true_are_flagged_row_by_row() -> None:
    table = figure_table(rows(("almost 32,000 killed", {"unit": "killed"}), ("at least 32,070 killed", {"unit": "killed"}),
                              ("more than 32,000 killed", {"unit": "killed"})))
    assert table["disagree"] is True
    assert [r["conflicts"] for r in table["rows"]] == [["Outlet B", "Outlet C"], ["Outlet A"], ["Outlet A"]]


def test_figures_that_can_all_be_true_are_not_flagged() -> None:
    table = figure_table(rows(("more than a million Palestinians", {"unit": "people"}),
                              ("over 1.3 million Palestinians", {"unit": "people"})))
    assert table["disagree"] is False and all(not r["conflicts"] for r in table["rows"])


def test_figures_of_different_units_are_not_compared() -> None:
    table = figure_table(rows(("dismantle 18 of its 24 battalions", {"value": 18, "unit": "battalions dismantled"}),
                              ("the four Hamas battalions", {"value": 4, "unit": "battalions in Rafah"}),
                              ("the rest of the battalions there", {})))
    assert table["disagree"] is False
    assert table["rows"][0]["others"] == ["24 battalions"]
    assert table["rows"][2]["has_figure"] is False
    # (review 60: each row said "consistent" and the page "can all be true at once", though none was compared)
    assert [r["compared"] for r in table["rows"]] == [False, False, False]
    assert (table["compared"], table["unread"]) == (False, 1)


def test_only_figures_compared_with_another_of_their_unit_are_consistent() -> None:
    table = figure_table(rows(("Unemployment hit 7 per cent", {}), ("Unemployment hit 9%", {}),
                              ("some 40 hostages", {"unit": "hostages"})))
    assert table["disagree"] is True  # ("per cent" is a percent: it was no unit, and 7 and 9% were not compared)
    assert [(r["compared"], bool(r["conflicts"])) for r in table["rows"]] == [(True, True), (True, True),
                                                                              (False, False)]
    assert (table["compared"], table["unread"]) == (True, 0)


def test_a_negative_figure_disagrees_with_its_positive_and_a_ceiling_below_zero_has_no_floor() -> None:
    assert figure_table(rows(("growth of -2%", {}), ("growth of 2%", {})))["disagree"] is True
    assert figure_table(rows(("growth of -2%", {}), ("growth of less than -1%", {})))["disagree"] is False


def test_a_witness_reads_its_numbers_as_the_sites_language_writes_them() -> None:
    quote = "fast 1,125 Millionen Menschen"
    english, german = reading(witness(quote), quote), reading(witness(quote), quote, language="de")
    assert english.figure is not None and german.figure is not None
    assert (english.figure.value, german.figure.value) == (1_125_000_000, 1_125_000)


def test_a_further_number_in_words_is_listed_as_written_not_as_a_range_no_outlet_wrote() -> None:
    """Review 65: "hundreds of Palestinian prisoners" was listed as "200–999 palestinians", "six-week" as
    "6 week"; a number in digits is still normalised."""
    quote = "a six-week halt in which some 40 hostages go free for hundreds of Palestinian prisoners and 1,200 more"
    table = figure_table(rows((quote, {"value": 40, "unit": "hostages"})))
    assert table["rows"][0]["others"] == ["six-week", "hundreds (prisoners)", "1,200"]


FIGURES = ["32,000", "almost 32,000", "at least 32,070", "more than 32,000", "some 30,000", "fewer than 31,000",
           "between 30,000 and 33,000", "up to 32,000", "253", "some 250", "nearly 40", "40"]
UNITS = ["people killed", "hostages", "Hostages "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIGURES + ["no number here"]), st.sampled_from(UNITS)), max_size=7))
def test_each_row_lists_every_other_row_of_its_unit_it_cannot_be_true_with_in_column_order(witnessed) -> None:
    table = rows(*((f"reported {figure} killed", {"unit": unit}) for figure, unit in witnessed))
    view = figure_table(table)
    readings = [r for *_, r in table]
    key = lambda f: " ".join(f.unit.casefold().split())  # noqa: E731
    for i, row in enumerate(view["rows"]):
        f = readings[i].figure
        expected = [table[j][1] for j, other in enumerate(readings) if j != i and f is not None and
                    other.figure is not None and key(other.figure) == key(f) and disagreements([f, other.figure])]
        assert row["conflicts"] == expected
    assert figures_disagree(readings) is view["disagree"] is any(row["conflicts"] for row in view["rows"])


def test_a_witness_of_an_article_in_another_language_reads_its_numbers_as_that_language_writes_them(
        mini_dossier) -> None:
    """A French article on an English site writes "32 000" for 32,000: read as the site's language writes numbers,
    its witness gave 32, which disagreed with every other outlet (review 97). An article without `language:` is
    read as the site's."""
    from conftest import library_of

    root = mini_dossier({
        "seeds/en.txt": "Officials said almost 32 000 people had been killed.\n",
        "seeds/fr.txt": "Selon les autorités, près de 32 000 personnes ont été tuées.\n",
        "content/articles/en.yaml": "seed: en.txt\ntitle: E\nsource: outlet-a\ndate: 2024-03-01\n",
        "content/articles/fr.yaml": "seed: fr.txt\ntitle: F\nsource: outlet-b\ndate: 2024-03-02\nlanguage: fr\n",
        "content/comparisons/toll.yaml": "title: The toll\nquestion: How many?\nkind: figure\nwitnesses:\n"
                                         "  - article: en\n    quote: almost 32 000 people\n"
                                         "  - article: fr\n    quote: près de 32 000 personnes\n"})
    (prepared,) = library_of(root).comparisons.comparisons
    read = {p.article.slug: p.reading.figure.value for p in prepared.witnesses}
    assert read == {"en": 32, "fr": 32_000}
