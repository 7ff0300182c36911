"""Calendar checks of dates (dossier/core/load/dates.py): the schemas check the form, this the day."""

from __future__ import annotations

import datetime

import pytest

from dossier.core.load.dates import days_in, impossible_dates
from dossier.core.load.yamlsrc import parse_yaml


@pytest.mark.parametrize("year", [1900, 1999, 2000, 2023, 2024, 2100, 2400])
def test_days_in_each_month_agree_with_the_standard_library(year):
    for month in range(1, 13):
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        assert days_in(year, month) == (following - datetime.timedelta(days=1)).day


def test_only_days_the_month_lacks_are_reported_at_the_value_and_added_to_the_wrong_paths():
    text = ("date: 2023-02-29\nannotations:\n  - id: a\n    date: 2024-02-29\n  - id: b\n    date: 2024-06-31\n"
            "  - id: c\n    date: 2024-13-01\n  - id: d\n    date: 31 March\n")
    loaded, problems = parse_yaml("content/articles/a.yaml", text)
    assert loaded is not None and not problems
    already = frozenset({("annotations", 2, "date")})  # its form is the schema's problem, reported there
    found, bad = impossible_dates(loaded, already)
    assert [(p.line, p.col, p.check, p.severity) for p in found] == [(1, 7, "date-impossible", "error"),
                                                                     (6, 11, "date-impossible", "error")]
    assert "February 2023 has 28 days" in found[0].message and "June 2024 has 30 days" in found[1].message
    assert bad == already | {("date",), ("annotations", 1, "date")}
