"""Every kind of JSON Schema failure reads as an editor's sentence: no Python repr, no regular expression, none
of jsonschema's own phrasing, and each at the line of the value (or key) that is wrong."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, MINIMAL_SITE
from dossier.shell import fs
from dossier.core.pipeline import build_site
from dossier.core.load.schema import check_shape
from dossier.core.load.yamlsrc import parse_yaml

JARGON = ("is too short", "is too long", "is not of type", "does not match", "is not one of", "Additional properties",
          "is a required property", "should be non-empty", "is not valid under any", "has non-unique", "was expected",
          "is less than", "is greater than", "[{", "{'", "['", "'", "^", "$")

CASES = [
    # (validator, schema, yaml, line, col, message, hint fragment, code)
    ("minItems", {"type": "object", "properties": {"w": {"type": "array", "minItems": 2}}},
     "w:\n  - {article: a}\n", 2, 3, "the list has 1 item; at least 2 are needed (at w)", "add 1 more", "schema-items"),
    ("maxItems", {"type": "object", "properties": {"w": {"type": "array", "maxItems": 1}}},
     "w: [a, b, c]\n", 1, 4, "the list has 3 items; at most 1 are allowed (at w)", "remove 2", "schema-items"),
    ("uniqueItems", {"type": "object", "properties": {"tags": {"type": "array", "uniqueItems": True}}},
     "tags: [a, b, a]\n", 1, 14, '"a" is listed twice (at tags[2])', "already item 1", "schema-items"),
    ("type", {"type": "object", "properties": {"t": {"type": "string"}}},
     "t: {a: 1}\n", 1, 4, "a mapping should be text (at t)", "quote the value", "schema-type"),
    ("type of several kinds", {"type": "object", "properties": {"t": {"type": ["string", "number"]}}},
     "t: [1]\n", 1, 4, "a list of 1 item should be text or a number (at t)", "write text or a number", "schema-type"),
    ("enum", {"type": "object", "properties": {"k": {"enum": ["quote", "claim"]}}},
     "k: qoute\n", 1, 4, '"qoute" is not allowed (at k)', 'did you mean "quote"?', "schema-choice"),
    ("const", {"type": "object", "properties": {"v": {"const": 2}}},
     "v: 3\n", 1, 4, "3 is not allowed (at v)", "the only value allowed here is 2", "schema-choice"),
    ("pattern", {"type": "object", "properties": {"id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}}},
     "id: Bad Id\n", 1, 5, '"Bad Id" does not have the expected form (at id)', "lower-case letters", "schema-form"),
    ("pattern of an unknown kind", {"type": "object", "properties": {"x": {"type": "string", "pattern": "^ab+c$",
                                                                          "description": "ab then c"}}},
     "x: ac\n", 1, 4, '"ac" does not have the expected form (at x)', "expected: ab then c", "schema-form"),
    ("propertyNames", {"type": "object", "propertyNames": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}},
     "ok: 1\nBad_Id: 2\n", 2, 1, 'the id "Bad_Id" does not have the expected form', "lower-case letters", "schema-form"),
    ("minLength", {"type": "object", "properties": {"q": {"type": "string", "minLength": 1}}},
     'q: ""\n', 1, 4, "the value is empty (at q)", "write a value here", "schema-length"),
    ("maxLength", {"type": "object", "properties": {"q": {"type": "string", "maxLength": 3}}},
     "q: abcdef\n", 1, 4, "the text is longer than 3 characters (at q)", "shorten it", "schema-length"),
    ("additionalProperties", {"type": "object", "properties": {"note": {}}, "additionalProperties": False},
     "notee: x\n", 1, 1, 'unknown key "notee"', 'did you mean "note"?', "schema-unknown-key"),
    ("required", {"type": "object", "properties": {"quote": {"description": "exact words"}}, "required": ["quote"]},
     "id: x\n", 1, 1, 'missing required key "quote"', "add quote: ... (exact words)", "schema-missing-key"),
    ("minimum", {"type": "object", "properties": {"f": {"type": "number", "minimum": 50}}},
     "f: 10\n", 1, 4, "10 is below the lowest value allowed, 50 (at f)", "from 50", "schema-range"),
    ("maximum", {"type": "object", "properties": {"f": {"type": "number", "maximum": 100}}},
     "f: 101.5\n", 1, 4, "101.5 is above the highest value allowed, 100 (at f)", "up to 100", "schema-range"),
    ("oneOf", {"type": "object", "properties": {"v": {"oneOf": [{"type": "string"}, {"type": "integer"}],
                                                          "description": "text or a whole number"}}},
     "v: [1]\n", 1, 4, "this value does not have one of the allowed shapes (at v)", "text or a whole number",
     "schema-shape"),
    ("anyOf", {"type": "object", "properties": {"v": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}},
     "v: 1.5\n", 1, 4, "this value does not have one of the allowed shapes (at v)", "README.md", "schema-shape"),
]


@pytest.mark.parametrize("validator, schema, text, line, col, message, hint, code", CASES, ids=[c[0] for c in CASES])
def test_each_validator_kind_has_its_own_plain_sentence(validator, schema, text, line, col, message, hint, code) -> None:
    loaded, _ = parse_yaml("f.yaml", text)
    assert loaded is not None
    problems, _ = check_shape(loaded, schema)
    assert [(p.line, p.col, p.message, p.check) for p in problems] == [(line, col, message, code)]
    assert hint in problems[0].hint
    words = re.sub(r'"[^"]*"', '""', problems[0].message)  # the editor's own value, in quotes, may hold anything
    assert not [j for j in JARGON if j in words or (j not in ("'", "$") and j in problems[0].hint)], problems[0]


def test_a_comparison_with_one_witness_says_so_in_words(mini_dossier) -> None:
    root = mini_dossier({"site.yaml": MINIMAL_SITE, "content/sources.yaml": "a: {name: A}\n", "seeds/a.txt": "Hello there\n",
                         "content/articles/a.yaml": "seed: a.txt\ntitle: A\nsource: a\ndate: 2024-03-22\n",
                         "content/comparisons/c.yaml": "title: C\nquestion: Q?\nkind: quote\nwitnesses:\n"
                                                       "  - {article: a, quote: Hello}\n"}, defaults=False)
    (problem,) = build_site(fs.read_inputs(root)).problems
    assert problem.format() == (
        "content/comparisons/c.yaml:5:3: error: the list has 1 item; at least 2 are needed (at witnesses) "
        "[schema-items]\n"
        "    hint: a comparison sets at least two articles side by side: add another article's witness")


def test_a_seed_name_with_a_folder_gets_a_hint_in_words_not_a_regular_expression() -> None:
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))
    loaded, _ = parse_yaml("a.yaml", "seed: ../../etc/passwd\ntitle: T\nsource: s\ndate: 2024-03-22\n")
    assert loaded is not None
    (problem,), _ = check_shape(loaded, schema)
    assert problem.hint == "write a file name only, without / or \\ (the file must be directly in seeds/)"


def test_an_alias_of_spaces_only_is_refused_at_the_alias() -> None:
    """"" was refused, "  " accepted: an alias no text can match, written by mistake."""
    schema = json.loads((ROOT / "schemas" / "entities.schema.json").read_text("utf-8"))
    loaded, _ = parse_yaml("e.yaml", 'dermer:\n  name: Ron Dermer\n  kind: person\n  aliases: [Dermer, "  "]\n')
    assert loaded is not None
    (problem,), _ = check_shape(loaded, schema)
    assert (problem.line, problem.col, problem.check) == (4, 21, "schema-form")
    assert problem.hint == "expected: a name: not empty, not only spaces"
    good, _ = parse_yaml("e.yaml", 'dermer:\n  name: Ron Dermer\n  kind: person\n  aliases: [Dermer, "R. D."]\n')
    assert check_shape(good, schema)[0] == ()


def test_a_wrong_site_setting_does_not_hide_the_problems_of_the_articles(mini_dossier) -> None:
    root = mini_dossier({"site.yaml": MINIMAL_SITE + "language: [en]\n", "content/sources.yaml": "a: {name: A}\n",
                         "seeds/a.txt": "Hello there\n",
                         "content/articles/a.yaml": "seed: a.txt\ntitle: A\nsource: b\ndate: 2024-03-22\n"},
                        defaults=False)
    found = [(p.file, p.line, p.message) for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]
    assert found == [("content/articles/a.yaml", 3, 'unknown source "b"'),
                     ("site.yaml", 6, "a list of 1 item should be text (at language)")]


def test_a_number_where_text_of_a_form_is_wanted_is_told_the_text_to_write_not_to_quote_it() -> None:
    """Review 58: `wikidata: 43723` and `date: 20240322` were told to quote the value, which gave another error
    (quoted, neither is of its field's form)."""
    for text, path, hint in (("seed: a.txt\ntitle: T\nsource: s\ndate: 20240322\n", "article",
                              "write it as 2024-03-22 (dates are YYYY-MM-DD)"),
                             ("israel:\n  name: Israel\n  kind: place\n  wikidata: 43723\n", "entities",
                              "write Q43723: a Wikidata id starts with Q")):
        schema = json.loads((ROOT / "schemas" / f"{path}.schema.json").read_text("utf-8"))
        loaded, _ = parse_yaml("a.yaml", text)
        (problem,), _ = check_shape(loaded, schema)
        assert problem.hint == hint, problem
    loaded, _ = parse_yaml("a.yaml", "seed: a.txt\ntitle: 2024\nsource: s\ndate: 2024-03-22\n")
    (problem,), _ = check_shape(loaded, json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8")))
    assert problem.hint == "quote the value to make it text"  # (a headline "2024": quoted, it is right)


@pytest.mark.parametrize("written,hint", [
    ("en_US", "write en-US: the parts of a language tag are joined by hyphens"),
    ("pt BR", "write pt-BR: the parts of a language tag are joined by hyphens"),
    ("English", "write en, the code of English (a BCP 47 language tag, not the language's name)"),
    ("français", "write fr, the code of français (a BCP 47 language tag, not the language's name)"),
    ("klingon", "write the language's code (a BCP 47 language tag), such as en, fr, ar or pt-BR")])
def test_a_language_written_as_its_name_or_with_an_underscore_is_told_the_tag_to_write(written: str, hint: str) -> None:
    """Review 84: `language: english` and `en_US` were told only what a language tag is for, not what to write."""
    for path, text in (("site", f"title: T\nlanguage: {written}\n"),
                       ("article", f"seed: a.txt\ntitle: T\nsource: s\ndate: 2024-03-22\nlanguage: {written}\n")):
        schema = json.loads((ROOT / "schemas" / f"{path}.schema.json").read_text("utf-8"))
        loaded, _ = parse_yaml("a.yaml", text)
        problems, _ = check_shape(loaded, schema)
        assert [(p.check, p.hint) for p in problems] == [("schema-form", hint)], problems


def test_a_value_left_empty_is_told_to_write_one_not_to_quote_it() -> None:
    """Review 84: `language:` left empty was told to quote the value, which gave "" and another error."""
    schema = json.loads((ROOT / "schemas" / "site.schema.json").read_text("utf-8"))
    loaded, _ = parse_yaml("site.yaml", "title: T\nlanguage:\n")
    (problem,), _ = check_shape(loaded, schema)
    assert (problem.check, problem.hint) == ("schema-type", "write the value after the colon"), problem


def test_a_missing_key_of_a_few_allowed_values_is_told_them() -> None:
    """Review 84: a comparison without `kind` was told "add kind: ..." and no more."""
    schema = json.loads((ROOT / "schemas" / "comparison.schema.json").read_text("utf-8"))
    loaded, _ = parse_yaml("c.yaml", "title: T\nwitnesses: []\n")
    hints = [p.hint for p in check_shape(loaded, schema)[0] if p.check == "schema-missing-key"]
    assert "add kind: ..., one of: quote, figure, framing" in hints, hints


def test_an_annotation_id_is_offered_as_a_slug_a_device_name_too_an_entity_id_not() -> None:
    """"Aux" was told "write it as aux-1" for an annotation's id too (review 191), which names no page or file:
    only a place in its article (#a-aux). An entity's id names its page, so "Aux" there is still told aux-1."""
    article = json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))
    loaded, _ = parse_yaml("a.yaml", "seed: a.txt\ntitle: T\nsource: s\ndate: 2024-03-22\nannotations:\n"
                                     "  - id: Aux\n    quote: Hello\n    kind: quote\n    note: N\n")
    (problem,), _ = check_shape(loaded, article)
    assert (problem.line, problem.check, problem.hint) == \
        (6, "schema-form", "write it as aux: lower-case letters, digits and hyphens only")
    entities = json.loads((ROOT / "schemas" / "entities.schema.json").read_text("utf-8"))
    loaded, _ = parse_yaml("e.yaml", "Aux:\n  name: Aux\n  kind: place\n")
    (problem,), _ = check_shape(loaded, entities)
    assert problem.hint == "write it as aux-1: lower-case letters, digits and hyphens only"
