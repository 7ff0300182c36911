"""The text direction of a site's language (dossier/core/load/language.py), which `<html dir>` follows."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from dossier.core.load.config import SiteConfig, parse_site
from dossier.core.load.language import text_direction


@pytest.mark.parametrize("tag", [
    "he", "he-IL", "HE", "iw",                  # Hebrew, with its withdrawn code that some software still sends
    "ar", "ar-EG", "ar-Arab-EG", "arz",         # Arabic, and Egyptian Arabic by its own code
    "fa", "fa-IR", "prs", "ur", "ur-PK", "yi", "ji", "ps", "dv", "ckb", "sd", "ug", "syr",
    "az-Arab", "ku-Arab", "pa-Arab", "ms-Arab", "uz-Arab-AF", "und-Hebr",   # a script subtag decides
    "he_IL", " he ",                            # as some software writes it
    "he-u-nu-latn", "ar-x-latn",                # in an extension or private use, "latn" is no script subtag
])
def test_languages_written_right_to_left_are_rtl(tag):
    assert text_direction(tag) == "rtl"


@pytest.mark.parametrize("tag", [
    "en", "en-US", "EN-gb", "fr", "de-CH", "ru", "zh-Hant-TW", "ja", "hi", "am", "tr",
    "ku", "ku-Latn", "az", "az-Latn-AZ", "sd-Deva", "ks-Deva", "ug-Cyrl", "ar-Latn",   # a script subtag decides
    "pa", "ms", "uz",                           # usually written left to right, though also in Arabic letters
    "en-x-arab", "en-u-nu-arab",                # an extension or private use is no script subtag
    "de-1996", "sl-rozaj-biske",                # variants
    "", "x-klingon", "i-default",
])
def test_languages_written_left_to_right_and_unknown_ones_are_ltr(tag):
    assert text_direction(tag) == "ltr"


@pytest.mark.parametrize("yaml, direction", [("title: t\n", "ltr"), ("title: t\nlanguage: en-US\n", "ltr"),
                                             ("title: t\nlanguage: he-IL\n", "rtl"),
                                             ("title: t\nlanguage: ar\n", "rtl")])
def test_the_site_configuration_has_the_direction_of_its_language(yaml, direction):
    schema = json.loads((ROOT / "schemas" / "site.schema.json").read_text("utf-8"))
    config, problems = parse_site("site.yaml", yaml, schema)
    assert config is not None and not problems
    assert config.direction == direction
    assert SiteConfig(title="t", language=config.language).direction == direction


def test_the_checks_that_are_right_are_applied_when_another_is_wrong() -> None:
    """Review 58: `anchor-fuzzy: warn` threw the whole `checks:` away: `anchor-context: ignore` beside it was not
    applied (its warnings were printed) and an unknown check name was said only a run later."""
    schema = json.loads((ROOT / "schemas" / "site.schema.json").read_text("utf-8"))
    text = "title: T\nchecks:\n  anchor-fuzzy: warn\n  anchor-context: ignore\n  anchor-mid-wrd: error\n"
    config, problems = parse_site("site.yaml", text, schema)
    assert config is not None and config.level("anchor-context", "warning") == "ignore"
    assert config.level("anchor-fuzzy", "warning") == "warning"  # (the wrong one left at its default)
    assert [(p.line, p.message) for p in problems] == [(3, '"warn" is not allowed (at checks.anchor-fuzzy)'),
                                                       (5, 'unknown check "anchor-mid-wrd"')]
