"""The file formats README.md shows are copied by editors as written: each example parses and passes its
schema (review 71: `wikidata: Q...` was an error, and `language: ar` on an English report marked it Arabic)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from dossier.core.load.config import parse_site
from dossier.core.load.load import parse_article, parse_comparison, parse_entities, parse_sources

README = (ROOT / "README.md").read_text("utf-8")
BLOCKS = re.findall(r"^```yaml\n(.*?)^```", README, re.S | re.M)


def schema(name: str) -> dict:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8"))


def parts() -> dict[str, str]:
    """Each example file: site.yaml and an article file (their own blocks), and the three files of the block
    that holds them one after the other, each under a comment naming it."""
    found = {}
    for block in BLOCKS:
        if block.startswith("title:"):
            found["site.yaml"] = block
        elif block.startswith("seed:"):
            found["content/articles/a.yaml"] = block
        elif block.startswith("# sources.yaml"):
            pieces = re.split(r"^# (sources|entities|comparisons/[\w-]+)\.yaml.*\n", block, flags=re.M)
            for name, text in zip(pieces[1::2], pieces[2::2]):
                found[f"content/{name}.yaml"] = text
    return found


def test_every_example_file_is_found() -> None:
    assert sorted(parts()) == ["content/articles/a.yaml", "content/comparisons/netanyahu-do-it-alone.yaml",
                               "content/entities.yaml", "content/sources.yaml", "site.yaml"]


@pytest.mark.parametrize("file", sorted(parts()))
def test_each_example_file_is_right_as_written(file: str) -> None:
    text = parts()[file]
    if file == "site.yaml":
        value, problems = parse_site(file, text, schema("site"))
    elif file.startswith("content/articles/"):
        value, problems = parse_article(file, text, schema("article"))
    elif file.startswith("content/comparisons/"):
        value, problems = parse_comparison(file, text, schema("comparison"))
    else:
        parse = parse_sources if file.endswith("sources.yaml") else parse_entities
        value, problems = parse(file, text, schema(file.rsplit("/", 1)[-1][:-len(".yaml")]))
    assert value is not None
    assert [(p.line, p.message) for p in problems if p.severity == "error"] == []


def test_the_article_example_gives_no_language_unless_asked() -> None:
    """An example copied as written must not mark an English report as another language."""
    meta, _ = parse_article("content/articles/a.yaml", parts()["content/articles/a.yaml"], schema("article"))
    assert meta is not None and meta.language == ""
