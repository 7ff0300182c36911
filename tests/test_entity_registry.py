"""The default dossier's entity registry: complete, sourced, and covering every spelling the seeds use."""

from __future__ import annotations

import re

import pytest

from dossier.shell import fs
from dossier.core.analyse.entity_links import build_matcher, check_entities, check_references
from dossier.core.pipeline import Options, load_config, load_dossier
from dossier.core.suggest.entity_suggestions import candidate_entities, near_misses
from conftest import ROOT

# Capitalised words in two or more seeds that are not people, organisations or places: demonyms.
NOT_ENTITIES = {"Palestinians", "American", "Arab"}


@pytest.fixture(scope="module")
def dossier():
    inputs = fs.read_inputs(ROOT)
    config, problems = load_config(inputs, Options())
    assert config is not None, problems
    loaded, _, _ = load_dossier(inputs, config)
    return loaded


@pytest.fixture(scope="module")
def texts(dossier):
    return {a.slug: a.text.text for a in dossier.articles}


def test_every_name_in_two_or_more_articles_is_an_entity_or_a_known_non_entity(dossier, texts):
    names = {c.name for c in candidate_entities(texts, build_matcher(dossier.entities), min_articles=2)}
    assert names <= NOT_ENTITIES, f"add these to content/entities.yaml: {sorted(names - NOT_ENTITIES)}"


def test_no_name_in_the_articles_is_a_near_miss_of_an_alias(dossier, texts):
    matcher = build_matcher(dossier.entities)
    assert near_misses(texts, matcher.aliases, matcher) == ()


def test_the_registry_has_no_unknown_reference_collision_or_dead_exclusion(dossier):
    assert check_references(dossier) == []
    assert check_entities(dossier, build_matcher(dossier.entities)) == []


def test_every_entity_has_a_one_line_summary_with_a_source_link(dossier):
    for e in dossier.entities:
        assert e.summary and "\n" not in e.summary.strip(), e.id
        assert re.search(r"\]\((https://[^)\s]+|article:[a-z0-9-]+)\)", e.summary), f"{e.id}: no source link"


@pytest.mark.parametrize("spelling", ["Tzahi Hanegbi", "Tzachi Hanegbi"])
def test_both_spellings_of_hanegbi_in_the_seeds_link_to_one_entity(dossier, texts, spelling):
    matcher = build_matcher(dossier.entities)
    found = [(text[m.start:m.end], m.entity) for text in texts.values() for m in matcher.find(text)]
    assert (spelling, "tzachi-hanegbi") in found


@pytest.mark.parametrize("surface, entity", [
    ("U.S.", "united-states"), ("US", "united-states"), ("USA", "united-states"), ("TEL AVIV", "tel-aviv"),
    ("Oct. 7", "october-7-attack"), ("October 7", "october-7-attack"), ("Mideast", "middle-east"),
    ("Hamas-run Health Ministry", "gaza-health-ministry"), ("Hamas-run health authorities", "gaza-health-ministry"),
])
def test_the_spellings_the_seeds_use_resolve_to_their_entity(dossier, texts, surface, entity):
    matcher = build_matcher(dossier.entities)
    assert any(text[m.start:m.end] == surface and m.entity == entity
               for text in texts.values() for m in matcher.find(text))


def test_wikidata_ids_are_q_ids(dossier):
    assert all(re.fullmatch(r"Q[1-9]\d*", e.wikidata) for e in dossier.entities if e.wikidata)
    assert {e.id: e.wikidata for e in dossier.entities}["hamas"] == "Q38799"
