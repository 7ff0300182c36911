"""A byline as schema.org's author (dossier/core/plan/authors.py)."""

from __future__ import annotations

import pytest

from dossier.core.capture.bylines import byline_names
from dossier.core.common.agencies import NEWS_AGENCIES
from dossier.core.plan.authors import authors


def person(name: str) -> dict[str, str]:
    return {"@type": "Person", "name": name}


def organization(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


@pytest.mark.parametrize("byline, author", [
    ("Jane Whitfield", person("Jane Whitfield")),
    ("Jane Whitfield and Omar Haddad", [person("Jane Whitfield"), person("Omar Haddad")]),
    ("Markus M. Haefliger, Beat Bumbacher and Stefan Häne",
     [person("Markus M. Haefliger"), person("Beat Bumbacher"), person("Stefan Häne")]),
    ("Jane Doe; John Roe", [person("Jane Doe"), person("John Roe")]),
    ("All Israel News Staff", organization("All Israel News Staff")),
    ("Reuters", organization("Reuters")), ("AP", organization("AP")),
    ("PAP and Rafał Guz", [organization("PAP"), person("Rafał Guz")]),
    ("Smith, John", person("Smith, John")),              # (a comma alone splits nothing)
    ("Jane Doe, Jerusalem", person("Jane Doe, Jerusalem")),
    ("Andrea Anderson", person("Andrea Anderson")),      # ("and" inside a name is no "and")
    # review 121: the stubs --add writes keep a name written surname first, or with a suffix, whole
    ("Haefliger, Markus M. and Beat Bumbacher", [person("Haefliger, Markus M."), person("Beat Bumbacher")]),
    ("Martin Luther King, Jr. and Jane Doe", [person("Martin Luther King, Jr."), person("Jane Doe")]),
])
def test_a_byline_credits_each_person_and_newsroom_it_names(byline: str, author: object) -> None:
    assert authors(byline) == author


@pytest.mark.parametrize("agency", sorted(NEWS_AGENCIES))
def test_an_agency_the_byline_guess_keeps_beside_a_name_is_an_organization_on_the_site(agency: str) -> None:
    # (one list for both: "Jane Doe, Bloomberg" was guessed "Jane Doe" and "Bloomberg" a Person's name, review 116)
    name = agency.title() if len(agency) > 3 else agency.upper()
    assert byline_names(f"Jane Doe, {name}") == ["Jane Doe", name]
    assert authors(f"Jane Doe and {name}") == [person("Jane Doe"), organization(name)]
