"""A figure witness the figures table compares with nothing for a unit that looks like a mistake (review 138):
its `unit:` missing, spelt otherwise than the others', or written on it alone. Units written differently on
purpose are not said."""

from __future__ import annotations

import pytest

from dossier.core.analyse.compare_figures import reading
from dossier.core.analyse.figure_units import LeftOut, left_out, looks_alike
from dossier.core.load.model import Origin, Witness

ORIGIN = Origin("content/comparisons/x.yaml", 5, 12)
KILLED = ("almost 32,000 Palestinians have been killed", "at least 32,070 people have been killed",
          "More than 32,000 Palestinians have been killed")


def said(*witnesses: tuple[str, dict]) -> tuple[LeftOut, ...]:
    ws = [Witness(f"a{i}", quote, ORIGIN, **given) for i, (quote, given) in enumerate(witnesses)]
    return left_out(ws, [reading(w, w.quote) for w in ws])


def test_a_witness_without_unit_among_witnesses_with_one_is_said_with_the_unit_they_count() -> None:
    found = said((KILLED[0], {"unit": "people killed"}), (KILLED[1], {}), (KILLED[2], {"unit": "people killed"}))
    assert found == (LeftOut(1, "people", False, "people killed", True, False),)


def test_a_witness_without_unit_whose_quote_says_no_unit_is_said_too() -> None:
    found = said(("wrapping up his sixth visit", {"value": 6}), ("his sixth trip", {"value": 6, "unit": "trips"}),
                 ("a sixth trip", {"value": 6, "unit": "trips"}))
    assert found == (LeftOut(0, "", False, "trips", True, False),)


@pytest.mark.parametrize("other", ["persons killed", "People killed ", "person killed", "poeple killed"])
def test_a_unit_spelt_otherwise_than_the_others_is_said_as_theirs_mistyped(other: str) -> None:
    found = said((KILLED[0], {"unit": "people killed"}), (KILLED[1], {"unit": other}),
                 (KILLED[2], {"unit": "people killed"}))
    expected = () if other.casefold().split() == ["people", "killed"] else (
        LeftOut(1, other, True, "people killed", True, True),)   # (case and spacing aside, it is the same)
    assert found == expected


def test_of_two_units_alike_the_one_of_fewer_figures_is_said_and_of_as_many_the_later() -> None:
    two_to_one = said((KILLED[0], {"unit": "people killed"}), (KILLED[1], {"unit": "persons killed"}),
                      (KILLED[2], {"unit": "persons killed"}))
    assert two_to_one == (LeftOut(0, "people killed", True, "persons killed", True, True),)
    one_to_one = said((KILLED[0], {"unit": "months"}), (KILLED[1], {"unit": "month"}))
    assert one_to_one == (LeftOut(1, "month", True, "months", True, True),)


def test_a_unit_on_one_witness_only_is_said_when_the_others_are_compared_by_their_quotes_words() -> None:
    found = said((KILLED[0], {}), (KILLED[1], {"unit": "people killed"}), (KILLED[2], {}))
    assert found == (LeftOut(1, "people killed", True, "palestinians", False, False),)
    # (the others each alone, "palestinians" and "people": each is told to write the unit, the written one not)
    alone = said((KILLED[0], {}), (KILLED[1], {}), ("32,000 were killed", {"unit": "people killed"}))
    assert [(lo.place, lo.written, lo.theirs) for lo in alone] == [(0, False, "people killed"),
                                                                   (1, False, "people killed")]


def test_units_written_differently_on_purpose_and_witnesses_without_a_number_are_not_said() -> None:
    battalions = said(("dismantle 18 of its 24 battalions", {"value": 18, "unit": "battalions dismantled, of 24"}),
                      ("the four Hamas battalions in Rafah", {"value": 4, "unit": "battalions in Rafah"}),
                      ("the rest of the battalions there", {}))
    strength = said(("a quarter of the operatives", {"value": 25, "unit": "percent"}),
                    ("between 4,000 and 8,000 operatives", {"unit": "operatives", "qualifier": "range"}))
    compared = said((KILLED[0], {"unit": "people killed"}), (KILLED[1], {"unit": "people killed"}),
                    ("the rest of the battalions there", {}), (KILLED[2], {"unit": "children killed"}))
    alone = said((KILLED[1], {}), ("the rest of the battalions there", {"unit": "people killed"}))
    assert battalions == strength == compared == alone == ()


@pytest.mark.parametrize(("unit", "other", "alike"), [
    ("%", "percent", True), ("per cent", "%", True), ("Months", "month", True), ("hostages", "hostage", True),
    ("people killed", "persons killed", True), ("poeple killed", "people killed", True),
    ("people killed", "People  Killed", False),   # (the same unit: compared already)
    ("battalions in Rafah", "battalions dismantled, of 24", False), ("percent", "operatives", False),
    ("deaths", "people killed", False), ("people", "people killed", False), ("", "people", False),
])
def test_two_units_look_alike_when_their_words_differ_only_in_form_or_by_a_typo(unit: str, other: str,
                                                                                alike: bool) -> None:
    assert looks_alike(unit, other) is alike
    assert looks_alike(other, unit) is alike


def test_the_documented_units_missing_and_mistyped_in_the_default_dossier_are_said_as_the_docs_show(tmp_path) -> None:
    """docs/messages.md's examples of figure-unit: the Review-Journal's `unit:` deleted from death-toll.yaml and the
    Free Beacon's written "persons killed" are what the build prints, through the whole pipeline; the default
    dossier's own units, written differently on purpose in two comparisons, are not said."""
    from conftest import copy_of_default_dossier, documented
    from dossier.core.pipeline import build_site
    from dossier.shell import fs

    root = copy_of_default_dossier(tmp_path)
    assert not [p for p in build_site(fs.read_inputs(root)).problems if p.check == "figure-unit"]
    path = root / "content/comparisons/death-toll.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    assert lines[23] == lines[29] == "    unit: people killed\n"
    lines[29] = "    unit: persons killed\n"
    del lines[23]
    path.write_text("".join(lines), "utf-8")
    said = [p.format().splitlines() for p in build_site(fs.read_inputs(root)).problems if p.check == "figure-unit"]
    examples = ('witness "review-journal-netanyahu-rebuffs": it', 'witness "free-beacon-we-will-do-it-alone": unit')
    assert [[line.strip() for line in s] for s in said] == [documented(marker) for marker in examples]
