"""The text direction of a site's language (dossier/core/load/language.py), which `<html dir>` follows."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, write_tree
from dossier.core.load.config import SiteConfig, parse_site
from dossier.core.load.language import text_direction, unknown_language
from dossier.core.pipeline import build_site
from dossier.shell import fs


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


def test_the_site_s_and_an_article_s_unknown_language_are_warnings_at_their_lines(tmp_path) -> None:
    """`language: xx` was accepted silently in site.yaml and in an article file: `<html lang="xx">` was published."""
    files = {"site.yaml": "title: T\nlanguage: xx\n", "content/sources.yaml": "a: {name: A}\n",
             "seeds/a.txt": "Title\nText.\n",
             "content/articles/a.yaml": "seed: a.txt\ntitle: T\nsource: a\ndate: 2024-03-22\nlanguage: zz\n"}
    problems = build_site(fs.read_inputs(write_tree(tmp_path / "dossier", files))).problems
    assert [(p.file, p.line, p.col, p.severity, p.message) for p in problems if p.check == "language-unknown"] == [
        ("content/articles/a.yaml", 5, 11, "warning", 'language "zz" is no language\'s code: browsers and screen '
         "readers will not know which language the text is in"),
        ("site.yaml", 2, 11, "warning", 'language "xx" is no language\'s code: browsers and screen readers will not '
         "know which language the text is in")]


@pytest.mark.parametrize("tag, hint", [
    ("xx", "write the language's code (a BCP 47 language tag), such as en, fr, ar or pt-BR"),
    ("zz-US", "write the language's code (a BCP 47 language tag), such as en, fr, ar or pt-BR"),
    ("jp", '"jp" is the code of a country (Japan), not of a language: for Japanese write ja (ja-JP for Japanese as '
           "written in Japan)"),
    ("eng", "write en: a language tag uses the two-letter code of a language that has one"),
    ("fre-CA", "write fr-CA: a language tag uses the two-letter code of a language that has one"),
])
def test_a_language_tag_whose_language_is_surely_none_is_a_language_unknown_warning_saying_what_to_write(tag, hint):
    """Browsers and screen readers cannot know the language of `lang="xx"`: an unknown code was accepted silently."""
    problem = unknown_language("site.yaml", 3, 11, tag)
    assert problem is not None and (problem.severity, problem.check, problem.hint) == ("warning", "language-unknown",
                                                                                       hint)


@pytest.mark.parametrize("tag", ["en", "EN-gb", "he-IL", "iw", "sh", "bh", "ast", "arb", "qaa", "qtz-x-ours", "kr",
                                 "se", "zh-Hant-TW"])
def test_a_registered_language_a_three_letter_code_and_a_private_use_one_are_not_judged(tag):
    assert unknown_language("site.yaml", 3, 11, tag) is None
