"""yaml_indent: a key indented less than the lines around it named on its own line, a list item out of place
named rather than the key before it, and a list's item swallowed by a text value above it warned of."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import MINIMAL_SITE, run_build
from conftest import ROOT as PROJECT
from dossier.core.load.yaml_indent import dedented_key
from dossier.core.load.yaml_items import items_in_text
from dossier.core.common.snippet import place
from dossier.core.load.yaml_comments import cut_by_comment
from dossier.core.load.yamlsrc import parse_yaml

BETWEEN = """annotations:
  - id: a
    quote: one
    note: >-
      A note: of two lines
      that goes on.
entities: [israel]

  # (a comment and a blank line are passed over)
  - id: b
    quote: two
"""


def test_a_key_dedented_between_two_items_is_named_on_its_own_line() -> None:
    loaded, problems = parse_yaml("content/articles/a.yaml", BETWEEN)
    (problem,) = problems
    assert loaded is None and (problem.line, problem.col, problem.check) == (7, 1, "yaml-syntax")
    assert '"entities" is indented less than the lines above and below it, so it ends the list' in problem.message
    assert problem.hint == ("indent it by 4 spaces, to line up with the keys of the item above it (line 2); if it "
                            "belongs where it is, line 10 is the one indented wrong")
    quoted = BETWEEN.replace("entities: [israel]", '"entities": [israel]')
    assert parse_yaml("a.yaml", quoted)[1][0].message.endswith('"entities" is indented less than the lines above '
                                                               "and below it, so it ends the list above it")


def test_other_indentation_mistakes_are_left_where_the_parser_stopped() -> None:
    one_space = BETWEEN.replace("entities: [israel]", " entities: [israel]")
    (problem,) = parse_yaml("a.yaml", one_space)[1]  # (the parser stops on that very line: nothing to move)
    assert (problem.line, problem.col) == (7, 2) and "does not match the lines around it" in problem.message
    text_line = "annotations:\n  - id: a\n    quote: one\nnot a key\n  - id: b\n"
    (problem,) = parse_yaml("a.yaml", text_line)[1]
    assert "is indented less" not in problem.message  # (a line of text is told of as one)
    assert dedented_key("a: 1\n", None, yaml.SafeLoader) is None
    # (keys inside brackets are not the item's keys: no "indent it by 52 spaces" from a role written {title: …})
    flow = "x:\n  roles:\n    - {title: Prime Minister of Israel, of: israel}\nsummary: s\n  wikidata: Q1\n"
    (problem,) = parse_yaml("content/entities.yaml", flow)[1]
    assert (problem.line, "is indented less" in problem.message) == (5, False)
    items_in_brackets = "annotations:\n  - {id: a, quote: one}\ntags: [x]\n  - {id: b, quote: two}\n"
    assert "is indented less" not in parse_yaml("a.yaml", items_in_brackets)[1][0].message
    at_the_end = "annotations:\n  - id: a\n    quote: one\nentities: [x]\n"
    assert parse_yaml("a.yaml", at_the_end)[0] is not None  # (valid YAML: the schema names the key, schema_messages)


def test_an_item_after_a_key_of_the_file_is_the_one_named_when_the_schema_says_so() -> None:
    """A key of the file that the list's items do not have (summary:) is where it belongs: the item after it is
    out of place. A key of the items (tags:), or one of both (date:), is still the one named; without a schema
    nothing changes."""
    schema = {"properties": {"summary": {}, "date": {}, "annotations": {"items": {"properties": {
        "id": {}, "quote": {}, "tags": {}, "date": {}}}}}}
    text = "annotations:\n  - id: a\n    quote: one\nsummary: \"s\"\n  - id: b\n    quote: two\n"
    (problem,) = parse_yaml("a.yaml", text, schema)[1]
    assert (problem.line, problem.col) == (5, 3)
    assert problem.message.endswith('this list item comes after "summary" (line 4), which ended the list '
                                    '"annotations" above it')
    assert problem.hint == "move the item up into that list, above line 4"
    plain = text.replace('summary: "s"', "summary: s")  # (PyYAML reads the item as more of the plain value)
    assert parse_yaml("a.yaml", plain, schema)[1][0].message == problem.message
    quoted = "annotations:\n  - id: a\n    quote: x\nsummary: The talks\n  - Netanyahu: we go alone\n"
    (problem,) = parse_yaml("a.yaml", quoted, schema)[1]  # (text of the summary's own: no item key after "- ")
    assert (problem.line, problem.col) == (5, 14) and 'a ": " inside a value' in problem.message
    again = text.replace('summary: "s"', "annotations: []")  # (the list's own key again: PyYAML's message)
    assert "comes after" not in parse_yaml("a.yaml", again, schema)[1][0].message
    for key in ("tags: [x]", 'date: "2024-03-22"'):
        (problem,) = parse_yaml("a.yaml", text.replace('summary: "s"', key), schema)[1]
        assert (problem.line, problem.col) == (4, 1) and "is indented less" in problem.message
    assert (parse_yaml("a.yaml", text)[1][0].line, parse_yaml("a.yaml", text, {})[1][0].line) == (4, 4)
    nested = "x:\n  annotations:\n    - id: a\n      quote: one\n  summary: \"s\"\n    - id: b\n"
    assert "is indented less" in parse_yaml("a.yaml", nested, schema)[1][0].message  # (only the file's own keys)


def test_a_key_indented_less_than_its_items_other_keys_is_given_their_indentation() -> None:
    """A key of a list's item dedented to the item's "- " (or between it and the item's keys): PyYAML stops
    there and says only that the indentation does not match; the message now names the key and the hint the
    number of spaces of the item's other keys, at any depth."""
    for text, at in (("annotations:\n  - id: a\n    quote: x\n  tags: [y]\n  - id: b\n", (4, 3)),
                     ("annotations:\n  - id: a\n    quote: x\n   tags: [y]\n", (4, 4))):
        (problem,) = parse_yaml("a.yaml", text)[1]
        assert (problem.line, problem.col) == at
        assert problem.message.endswith('"tags" is indented less than the keys of the list item above it (line 2)')
        assert problem.hint == "indent it by 4 spaces, to line up with them"
    roles = "israel:\n  name: Israel\n  roles:\n    - title: PM\n      of: israel\n    since: 2022\n"
    (problem,) = parse_yaml("content/entities.yaml", roles)[1]
    assert (problem.line, problem.col, problem.hint) == (6, 5, "indent it by 6 spaces, to line up with them")
    scalars = "tags:\n  - a\n  - b\n  note: x\n"  # (items without keys of their own: nothing to line up with)
    assert "indented less than the keys" not in parse_yaml("a.yaml", scalars)[1][0].message
    text_line = "annotations:\n  - id: a\n    quote: x\n  not a key\n"
    assert "indented less than the keys" not in parse_yaml("a.yaml", text_line)[1][0].message


def test_an_annotation_pasted_below_a_folded_summary_is_a_warning_at_the_line_that_reads_as_one() -> None:
    """Indented under `summary: >-`, an annotation is valid YAML, more of the summary's text: the build would
    publish its lines in the summary and lose the annotation without a word. The loader warns at that line
    ("yaml-item-in-text"); a summary of ordinary lines, a list item whose key no list of the file has, and a
    file without lists in its schema are left alone."""
    from dossier.core.load.load import parse_article

    schema = json.loads((PROJECT / "schemas" / "article.schema.json").read_text("utf-8"))
    head = "seed: a.txt\ntitle: T\nsource: s\ndate: 2024-03-22\nannotations:\n  - id: a\n    quote: x\n"
    text = head + "summary: >-\n  The talks resume.\n  - id: cairo\n    quote: z\n"
    meta, problems = parse_article("content/articles/a.yaml", text, schema)
    (problem,) = problems
    assert (problem.line, problem.col, problem.check, problem.severity) == (10, 3, "yaml-item-in-text", "warning")
    assert problem.message == ('this line is part of the text of "summary" (it is indented under it), though it '
                               'reads as an item of "annotations"')
    assert problem.hint == 'if it is one, move it and the lines under it into the list "annotations" (line 5)'
    assert meta is not None and meta.summary.startswith("The talks resume. - id: cairo")
    first = "seed: a.txt\ntitle: T\nsource: s\ndate: 2024-03-22\nsummary: >-\n  S.\n  - id: c\n    quote: z\n" \
        "annotations:\n  - id: a\n    quote: x\n"  # (the summary before the list, as the repo's files have it)
    (problem,) = parse_article("content/articles/a.yaml", first, schema)[1]
    assert (problem.line, problem.hint) == (7, 'if it is one, move it and the lines under it into the list '
                                               '"annotations" (line 9)')
    for summary in ("summary: >-\n  The talks resume.\n  Next week.\n", "summary: >-\n  - weather: fine\n",
                    "summary: |\n  Corrections:\n  - date: the paper misdated it\n  - id: a-12 was renamed\n"):
        assert parse_article("content/articles/a.yaml", head + summary, schema)[1] == ()  # (a Markdown list)
    assert items_in_text(parse_yaml("a.yaml", "x: >-\n  - id: a\n")[0], {"properties": {"x": {}}}) == ()
    entities = json.loads((PROJECT / "schemas" / "entities.schema.json").read_text("utf-8"))
    text = "israel:\n  name: Israel\n  roles:\n    - title: PM\n  summary: >-\n    A state.\n    - title: Pres\n"
    (problem,) = items_in_text(parse_yaml("content/entities.yaml", text)[0], entities)
    assert (problem.line, problem.col) == (7, 5) and problem.message.endswith('an item of "roles"')


def test_an_annotation_or_a_key_swallowed_by_the_note_above_it_is_a_warning_too() -> None:
    """Review 58: the text values of a list's items are looked into as well. An annotation pasted under the
    `note: >-` of the one above it (the annotation was lost), and a key its own mapping may have written under
    a text value (`tags:` two spaces too far below a note; `wikidata:` with the lines of a summary: published as
    words of the text) are warned of at that line; prose whose line starts with a key its mapping has already,
    or names one with nothing after it, is left alone."""
    from dossier.core.load.load import parse_article

    schema = json.loads((PROJECT / "schemas" / "article.schema.json").read_text("utf-8"))
    head = "seed: a.txt\ntitle: T\nsource: s\ndate: 2024-03-22\nannotations:\n"
    pasted = head + "  - id: a\n    quote: x\n    note: >-\n      N.\n      - id: b\n        quote: y\n"
    (problem,) = parse_article("content/articles/a.yaml", pasted, schema)[1]
    assert (problem.line, problem.col, problem.check) == (10, 7, "yaml-item-in-text")
    assert problem.message.endswith('though it reads as an item of "annotations"')
    assert problem.hint == ('if it is one, unindent it and the lines under it to line up with the "- " of the item '
                            'it is part of (line 6)')
    tags = head + "  - id: a\n    quote: x\n    note: >-\n      N.\n      tags: [t, u]\n  - id: b\n    quote: y\n"
    meta, problems = parse_article("content/articles/a.yaml", tags, schema)
    (problem,) = problems
    assert (problem.line, problem.col) == (10, 7) and meta is not None and meta.annotations[0].tags == ()
    assert problem.message == ('this line is part of the text of "note" (it is indented under it), though it reads '
                               'as its sibling key "tags"')
    assert problem.hint == 'if it is one, unindent it to line up with "note:" (column 5)'
    listed = head + "  - id: a\n    quote: x\n    note: |\n      N.\n      entities:\n        - israel\n"
    assert parse_article("content/articles/a.yaml", listed, schema)[1][0].line == 10
    for prose in ("    tags: [t]\n    note: >-\n      N.\n      tags: said twice\n",
                  "    note: |\n      The figures:\n      date:\n      was never given.\n",
                  "    note: >-\n      N.\n      Source: the ministry.\n"):
        assert parse_article("content/articles/a.yaml", head + "  - id: a\n    quote: x\n" + prose, schema)[1] == ()
    entities = json.loads((PROJECT / "schemas" / "entities.schema.json").read_text("utf-8"))
    text = "israel:\n  name: Israel\n  summary: >-\n    A state.\n    wikidata: Q801\n"
    (problem,) = items_in_text(parse_yaml("content/entities.yaml", text)[0], entities)
    assert (problem.line, problem.col) == (5, 5) and problem.message.endswith('its sibling key "wikidata"')


def test_an_item_after_a_key_of_its_own_mapping_is_named_deeper_in_the_file_too() -> None:
    """The schema is followed down to the mapping the key is written in (an entity, under its id): a role pasted
    after the entity's summary is named, not the summary; a key of the roles (of:) is still named as dedented."""
    schema = json.loads((PROJECT / "schemas" / "entities.schema.json").read_text("utf-8"))
    text = ('israel:\n  name: Israel\n  roles:\n    - title: Prime Minister\n      of: israel\n  summary: "s"\n'
            "    - title: President\n      of: israel\n")
    (problem,) = parse_yaml("content/entities.yaml", text, schema)[1]
    assert (problem.line, problem.col, problem.hint) == (7, 5, "move the item up into that list, above line 6")
    assert problem.message.endswith('this list item comes after "summary" (line 6), which ended the list "roles" '
                                    "above it")
    (problem,) = parse_yaml("content/entities.yaml", text.replace('summary: "s"', 'of: "x"'), schema)[1]
    assert (problem.line, problem.col) == (6, 3) and "is indented less" in problem.message


def test_site_yaml_can_raise_or_silence_the_item_in_text_warning(mini_dossier) -> None:
    """`yaml-item-in-text` is a check site.yaml's `checks:` may set: a warning by default, `error` stops the build
    at that line, `ignore` keeps a text that really says "- id: …" quiet."""
    article = ("seed: a.txt\ntitle: Talks to resume\nsource: outlet-a\ndate: 2024-03-22\nsummary: >-\n  The talks.\n"
               "  - id: cairo\n    quote: the talks\n")
    root = mini_dossier({"seeds/a.txt": b"Talks to resume\nThe minister said the talks would resume.\n",
                         "content/articles/a.yaml": article})
    said = "content/articles/a.yaml:7:3: {}: this line is part of the text of \"summary\""
    result = run_build(root, "--check")
    assert result.returncode == 0 and said.format("warning") in result.stderr, result.stderr
    for level, code, shown in (("error", 1, said.format("error")), ("ignore", 0, None)):
        (root / "site.yaml").write_text(MINIMAL_SITE + f"checks:\n  yaml-item-in-text: {level}\n", "utf-8")
        result = run_build(root, "--check")
        assert result.returncode == code, result.stderr
        quiet = "summary" not in result.stderr and "unknown" not in result.stderr
        assert (shown in result.stderr) if shown else quiet


def test_an_item_pasted_after_a_text_that_runs_on_or_at_the_start_of_its_line_is_named() -> None:
    """The item after a key of the file is named (not where PyYAML stopped, with its generic words) also when the
    key's value takes several lines (quoted, or plain text running on: PyYAML then reads the item as more of it)
    and when the item starts its line, where the hint adds the indentation of the list's items."""
    schema = json.loads((PROJECT / "schemas" / "article.schema.json").read_text("utf-8"))
    head = "seed: a.txt\ntitle: T\nsource: s\ndate: 2024-03-22\nannotations:\n  - id: a\n    quote: x\n"
    said = ('YAML syntax error: this list item comes after "summary" (line 8), which ended the list "annotations" '
            "above it")
    for summary in ('summary: "The talks\n  resume next week."\n', "summary: 'The talks\n  resume.'\n",
                    "summary: The talks\n  resume next week.\n", "summary: >-\n  The talks.\n",
                    "summary: The talks.\n"):
        lines = summary.count("\n")
        for dash, hint in ((2, ""), (0, ", indented by 2 spaces like its other items")):
            if dash == 2 and summary.startswith("summary: >-"):
                continue  # (indented under a folded text it is that text's: yaml-item-in-text, above)
            item = " " * dash + "- id: b\n" + " " * dash + "  quote: y\n"
            (problem,) = parse_yaml("content/articles/a.yaml", head + summary + item, schema)[1]
            assert (problem.line, problem.col, problem.message) == (8 + lines, dash + 1, said), summary
            assert problem.hint == "move the item up into that list, above line 8" + hint
    # A "- " line whose key no annotation has, and an item after a key the annotations have too, keep PyYAML's words
    for tail in ("summary: The talks\n- weather: fine\n", "date: 2024-03-22\n- id: b\n  quote: y\n"):
        (problem,) = parse_yaml("content/articles/a.yaml", head.replace("date: 2024-03-22\n", "") + tail, schema)[1]
        assert "comes after" not in problem.message, tail


def test_the_item_is_sent_above_the_key_that_ended_its_list_and_never_into_another_list() -> None:
    """With two keys between the list and the item, the first one ended the list: the item is to go above it (the
    second would leave the file broken). An item after a key whose own value is a list is not sent to an earlier
    list; a list written at its key's column is found; a `|` text holding "- " lines is no list."""
    schemas = {name: json.loads((PROJECT / "schemas" / f"{name}.schema.json").read_text("utf-8"))
               for name in ("article", "site")}
    two = "seed: a.txt\ntitle: T\nannotations:\n  - id: a\n    quote: x\nsummary: The talks.\nbyline: Someone\n"
    for item, col in (("- id: b\n  quote: y\n", 1), ("  - id: b\n    quote: y\n", 3)):
        (problem,) = parse_yaml("content/articles/a.yaml", two + item, schemas["article"])[1]
        assert (problem.line, problem.col) == (8, col) and '"summary" (line 6)' in problem.message
        assert problem.hint.startswith("move the item up into that list, above line 6")
    site = ("title: T\nimport:\n  drop_lines:\n    - pattern: a\n      why: b\n  strip:\n    - pattern: c\n"
            "      why: d\n  - pattern: e\n    why: f\n")
    (problem,) = parse_yaml("site.yaml", site, schemas["site"])[1]
    assert "drop_lines" not in problem.message and "comes after" not in problem.message  # (strip's own item)
    flush = ("seed: a.txt\ntitle: T\nannotations:\n- id: a\n  quote: x\nsummary: The talks\n  run on.\n"
             "- id: b\n  quote: y\n")
    (problem,) = parse_yaml("content/articles/a.yaml", flush, schemas["article"])[1]
    assert (problem.line, problem.col, problem.hint) == (8, 1, "move the item up into that list, above line 6")
    text = "seed: a.txt\ntitle: T\nsummary: |\n  - id: a\nbyline: x\n- id: b\n  quote: y\n"
    assert "comes after" not in parse_yaml("content/articles/a.yaml", text, schemas["article"])[1][0].message


def test_a_character_yaml_refuses_is_placed_by_characters_after_text_in_any_script() -> None:
    """libyaml says where it stopped in bytes of UTF-8: Hebrew before a BEL put the caret past the line's end."""
    text = "title: שלום עולם\nsummary: \"éé — ok\"\nnote: a\x07b\n"
    (problem,) = parse_yaml("a.yaml", text)[1]
    assert (problem.line, problem.col, problem.check) == (3, 8, "yaml-character")
    assert problem.message == "character U+0007 is not allowed in YAML"


@pytest.mark.parametrize("char, name", [("\u2028", "line separator"), ("\u2029", "paragraph separator"),
                                        ("\x85", "next line")])
def test_a_hidden_line_break_is_an_error_where_it_is_written(char: str, name: str) -> None:
    """YAML 1.1 reads U+2028, U+2029 and U+0085 as line breaks: unquoted, the rest of the value became a line of
    its own (an error at the next line); quoted, every later position was a line off. Each is an error at the
    character itself."""
    for text, at in ((f"title: Israel{char}will go\nsource: x\n", (1, 14)),
                     (f"seed: a.txt\ntitle: \"Ünïcode {char} here\"\nkind: quot\n", (2, 17))):
        (problem,) = parse_yaml("a.yaml", text)[1]
        assert (problem.line, problem.col, problem.check) == (*at, "yaml-character")
        assert problem.message == f"character U+{ord(char):04X} ({name}) is read by YAML as a line break"
        assert f"\\u{ord(char):04x}" in problem.hint
    assert parse_yaml("a.yaml", 'title: "Israel\\u2028will go"\n')[0].data == {"title": "Israel\u2028will go"}


def test_unquoted_text_cut_at_a_hashtag_is_a_yaml_comment_in_text_warning_at_the_hashtag() -> None:
    """YAML reads " #" as the start of a comment: "the slogan #BringThemHome and…" was only "the slogan", the
    rest dropped without a word. A comment written as one ("# " and a space), quoted text and a block are left
    alone."""
    text = ("title: Talks in Rafah\nnote: The campaign ran under the slogan #BringThemHome and spread\n"
            "summary: Talks resume  # checked on Monday\nquote: \"the slogan #BringThemHome\"\n"
            "kind: |\n  a block #kept\ntags:\n  - rafah #gaza\n")
    loaded, problems = parse_yaml("a.yaml", text)
    assert loaded.data["note"] == "The campaign ran under the slogan" and loaded.data["kind"] == "a block #kept\n"
    assert [(p.line, p.col, p.severity, p.check) for p in problems] == [
        (2, 41, "warning", "yaml-comment-in-text"), (8, 11, "warning", "yaml-comment-in-text")]
    assert problems[0].message == ('the text of "note" stops before "#BringThemHome": YAML reads " #" after unquoted '
                                   "text as the start of a comment")
    assert problems[0].hint.startswith('put the whole text in quotes to keep it (note: "… #BringThemHome …")')
    # one word, as a kind or an id is (`- rafah #gaza`, `kind: framing #headline`): quotes would make it a wrong
    # one, so a comment is as likely meant, and the hint offers both
    assert problems[1].hint == ('if it is a comment, write a space after the # (# gaza); if it belongs to the value, '
                                'put the whole value in quotes (- "… #gaza …")')
    (kind,) = parse_yaml("a.yaml", "kind: framing #headline\n")[1]
    assert kind.hint.startswith("if it is a comment, write a space after the # (# headline);")
    # a hashtag that begins the value (nothing is left of it), or the line its text goes on to
    text = ("summary: #BringThemHome spread\nnote: The slogan\n  #BringThemHome spread\ntags:\n  - #gaza\n"
            "  - rafah\n# a comment line\n#another\nannotations:\n  #- id: x\n")
    loaded, problems = parse_yaml("a.yaml", text)
    assert loaded.data["summary"] is None and loaded.data["note"] == "The slogan"
    assert [(p.line, p.col, p.message.split(":")[0]) for p in problems] == [
        (1, 10, '"summary" is empty'), (3, 3, 'the text of "note" stops before "#BringThemHome"'),
        (5, 5, 'an item of "tags" is empty')]


def test_a_place_is_counted_in_characters_and_lines_ending_at_lf() -> None:
    text = "title: שלום\nnote: ééé\x07\n"
    assert place(text, text.index("\x07")) == (2, 10) and place(text, 0) == (1, 1)
    (problem,) = cut_by_comment("a.yaml", "note: The #tag and\n", len("note: The"), ("note",))
    assert (problem.line, problem.col, problem.check) == (1, 11, "yaml-comment-in-text")
    assert cut_by_comment("a.yaml", "note: The # comment\n", len("note: The"), ("note",)) == []
    assert cut_by_comment("a.yaml", "url: https://e.org/a#b\n", len("url: https://e.org/a#b"), ("url",)) == []


def test_a_file_saved_with_cr_line_endings_gets_its_lines_and_its_excerpt() -> None:
    """YAML reads a lone CR as a line break (old Macs saved files so): a refused character was placed on line 1,
    past its end, and no excerpt was shown."""
    from dossier.core.common.snippet import format_problem

    text = "title: T\rsource: s\rnote: a\x07b\r"
    (problem,) = parse_yaml("a.yaml", text)[1]
    assert (problem.line, problem.col) == (3, 8)
    assert "   3 | note: a\\x07b\n" in format_problem(problem, {"a.yaml": text.encode()})
    assert place("a\r\nb\rc\nd", 7) == (4, 1) and place("a\r\nbc", 4) == (2, 2)


FIRST_ITEM = [  # (text, where, the line the hint writes, what the hint adds)
    ("witnesses:\n    article: a\n    quote: x\n  - article: b\n    quote: y\n", (2, 5), "  - article: a", ""),
    ("annotations:\n    id: a\n    note: >-\n      text\n    tags: [x]\n  # c\n\n  - id: b\n", (2, 5), "  - id: a", ""),
    ("witnesses:\n      article: a\n  - article: b\n    quote: y\n", (2, 7), "  - article: a",
     ", and indent its other keys by 4 spaces like theirs"),
    ("israel:\n  roles:\n      title: PM\n    - title: FM\n", (3, 7), "    - title: PM", ""),
    # review 132: a comment after the list's key
    ("witnesses: # five\n    article: a\n    quote: x\n  - article: b\n    quote: y\n", (2, 5), "  - article: a", ""),
    ("witnesses:\t# five\n    article: a\n    quote: x\n  - article: b\n    quote: y\n", (2, 5), "  - article: a", ""),
    # review 135: the "- " deleted and its two spaces not put back (the key at the column of the items' "- ")
    ("witnesses:\n  article: a\n    quote: x\n    value: 6\n  - article: b\n    quote: y\n", (2, 3),
     "  - article: a", ""),
    ("israel:\n  roles:\n    title: PM\n      of: x\n    - title: FM\n", (3, 5), "    - title: PM", ""),
]


def test_a_first_item_without_its_dash_is_named_where_it_begins_not_at_the_next_item() -> None:
    """Review 127: the first item of a list written without its "- " was blamed on the next item, which has one
    ("this line's indentation does not match"); it is named where it begins, with the line as it should read.
    Lines under a key that are no item of the list after them keep the parser's words."""
    for text, where, line, align in FIRST_ITEM:
        (problem,) = parse_yaml("content/articles/a.yaml", text)[1]
        assert (problem.line, problem.col, problem.check) == (*where, "yaml-syntax"), text
        assert 'first item of the list' in problem.message and 'does not start with "- "' in problem.message
        assert problem.hint == f'start it with "- ": write the line as "{line}"{align}'
    for text in ("witnesses:\n    note: a\n  - article: b\n",  # (a key the next item does not have)
                 "title: T\nwitnesses: x\n    article: a\n  - article: b\n",  # (a key with a value of its own)
                 "witnesses:\n  note: a\n    quote: x\n  - article: b\n",  # (review 135: the same, at the dash)
                 "witnesses: x\n  article: a\n    quote: x\n  - article: b\n",
                 "meta:\n  article: a\n    quote: x\n"):  # (no item after it)
        assert "first item" not in parse_yaml("a.yaml", text)[1][0].message
