"""Unit tables for the words of schema and configuration messages: where a value is, how it is shown, what a
pattern asks for, and a regular expression that does not compile. Never a repr, never the regex itself."""

from __future__ import annotations

import re

import jsonschema
import pytest

from dossier.core.load.config import base_url_problem, regex_hint, regex_message, split_base_url
from dossier.core.load.schema_messages import pattern_hint, shown, to_problems, where
from dossier.core.load.yamlsrc import parse_yaml


@pytest.mark.parametrize("path, words", [
    ((), ""),
    (("title",), " (at title)"),
    (("annotations", 0, "kind"), " (at annotations[0].kind)"),
    (("witnesses", 2), " (at witnesses[2])"),
])
def test_where_points_at_the_key_path_as_an_editor_writes_it(path: tuple, words: str) -> None:
    assert where(path) == words


@pytest.mark.parametrize("value, words", [
    ("March 22", '"March 22"'),
    ("x" * 80, '"' + "x" * 55 + '…"'),       # long text is cut, still in quotes
    (True, "true"), (False, "false"),         # YAML's words, not Python's
    (None, "an empty value"),
    (3, "3"), (1.5, "1.5"), (2.0, "2"),
    ([1, 2], "a list of 2 items"), ([1], "a list of 1 item"),
    ({"a": 1}, "a mapping"),
])
def test_shown_says_a_value_in_words_never_as_a_repr(value: object, words: str) -> None:
    assert shown(value) == words


@pytest.mark.parametrize("pattern, description, hint", [
    ("^[a-z0-9]+(-[a-z0-9]+)*$", "", "use lower-case letters, digits and hyphens only, e.g. benjamin-netanyahu"),
    ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "", "write dates as YYYY-MM-DD, e.g. 2024-03-22"),
    ("^https?://[^ ]+$", "", 'use a full http:// or https:// address, with spaces and " < > encoded (%20, %22, %3C, %3E)'),
    ("^Q[0-9]+$", "", "a Wikidata id looks like Q43723"),
    ("^[^/\\\\]+$", "", "write a file name only, without / or \\ (the file must be directly in seeds/)"),
    ("^x+$", "a row of x", "expected: a row of x"),
    ("^x+$", "", "see README.md for the form this value takes"),
])
def test_pattern_hint_says_what_a_pattern_asks_for_in_words(pattern: str, description: str, hint: str) -> None:
    assert pattern_hint(pattern, description) == hint
    assert pattern not in hint


@pytest.mark.parametrize("pattern, value, hint", [
    # review 135: the hint writes the value as it should read
    ("^Q[0-9]+$", "q6279", "write it as Q6279"), ("^Q[0-9]+$", "6279", "write it as Q6279"),
    ("^Q[0-9]+$", "https://www.wikidata.org/wiki/Q6279", "write it as Q6279"),
    ("^Q[0-9]+$", "Joe Biden", "a Wikidata id looks like Q43723"),
    ("^https?://[^\\s\"<>\\\\^`{|}]+$", "www.jpost.com", 'write it as "https://www.jpost.com/"'),
    ("^https?://[^\\s\"<>\\\\^`{|}]+$", "ynetnews.com/news", 'write it as "https://ynetnews.com/news"'),
    ("^https?://[^\\s\"<>\\\\^`{|}]+$", "the jpost site",
     'use a full http:// or https:// address, with spaces and " < > encoded (%20, %22, %3C, %3E)'),
])
def test_the_hint_of_a_wikidata_id_or_an_address_writes_the_value_as_it_should_read(pattern: str, value: str,
                                                                                   hint: str) -> None:
    assert pattern_hint(pattern, "", value) == hint


SCHEMA = {"type": "object", "additionalProperties": False,
          "properties": {"slug": {"type": "string", "pattern": "^[a-z]+$"}, "n": {"type": "integer"}}}


@pytest.mark.parametrize("text, path, position, message, code", [
    ("slug: Bad Slug\n", ("slug",), (1, 7), '"Bad Slug" does not have the expected form (at slug)', "schema-form"),
    ("n: many\n", ("n",), (1, 4), '"many" should be a whole number (at n)', "schema-type"),
    ("slug: ok\nextra: 1\n", ("extra",), (2, 1), 'unknown key "extra"', "schema-unknown-key"),
    # an invisible character pasted in: named, escaped, and the caret on it (quoted: one column further)
    ("slug: ab\u200bc\n", ("slug",), (1, 9), '"ab\\u200bc" holds a zero width space (U+200B), which cannot be seen '
     "(at slug)", "schema-form"),
    ("slug: 'a\u00a0b'\n", ("slug",), (1, 9), '"a\\xa0b" holds a no-break space (U+00A0), which cannot be seen '
     "(at slug)", "schema-form"),
])
def test_to_problems_words_one_schema_error_at_the_value_it_spoils(text: str, path: tuple | None,
                                                                  position: tuple[int, int], message: str,
                                                                  code: str) -> None:
    loaded, problems = parse_yaml("x.yaml", text)
    assert not problems
    (err,) = jsonschema.Draft202012Validator(SCHEMA).iter_errors(loaded.data)
    ((spoilt, problem),) = to_problems(loaded, err)
    assert (spoilt, (problem.line, problem.col), problem.message, problem.check) == (path, position, message, code)


@pytest.mark.parametrize("pattern, message", [
    ("(", "invalid regular expression: a ( is never closed (at character 1)"),
    ("a)", "invalid regular expression: a ) has no ( before it (at character 2)"),
    ("[a", "invalid regular expression: a [ is never closed (at character 1)"),
    ("*a", "invalid regular expression: *, + or ? has nothing before it to repeat (at character 1)"),
    ("(?P<x", "invalid regular expression: a (?P<name> group's name is not closed with > (at character 5)"),
    ("[z-a]", "invalid regular expression: a range in [ ] runs backwards, or has a class such as \\w at one end "
               "(at character 2)"),
    ("a{2,1}", "invalid regular expression: a {m,n} repeat asks for more at least than at most (at character 3)"),
    ("(?<=a+)b", "invalid regular expression: a look-behind (?<= or (?<! must match a fixed number of characters"),
    ("[\\w-.]", "invalid regular expression: a range in [ ] runs backwards, or has a class such as \\w at one end "
                "(at character 2)"),
    ("\\p{L}", "invalid regular expression: an unknown escape (at character 1)"),
    ("abc\\", "invalid regular expression: the pattern ends with a lone backslash (at character 4)"),
    ("(?i", "invalid regular expression: a (? group is not finished (at character 4)"),
])
def test_regex_message_says_what_is_wrong_and_where_without_python_words(pattern: str, message: str) -> None:
    with pytest.raises(re.error) as caught:
        re.compile(pattern)
    assert regex_message(caught.value) == message
    hint = regex_hint(caught.value)  # what to write instead: an escape problem is not told to escape more
    assert hint and ("escape special characters" not in hint or "does not compile" in message)


@pytest.mark.parametrize("url, parts", [
    ("https://e.org/sub", ("https://e.org", "/sub/")),
    ("https://e.org", ("https://e.org", "/")),
    ("/sub/path", ("", "/sub/path/")),
    ("sub//", ("", "/sub/")),
    ("", ("", "/")),
    ("  http://h:8000/a/b/  ", ("http://h:8000", "/a/b/")),
    ("HTTPS://Example.ORG/X/", ("https://example.org", "/X/")),     # scheme and host in lower case; the path not
])
def test_split_base_url_gives_an_origin_and_a_path_with_both_slashes(url: str, parts: tuple[str, str]) -> None:
    assert split_base_url(url) == parts


@pytest.mark.parametrize("url, words", [
    ("/dossier/", None), ("dossier/", None), ("https://e.org/d/", None), ("HTTPS://E.ORG/", None),
    ("/%C3%BCber/", None), ("index.html", None),
    ("example.org/dossier/", 'a host without its scheme, so every link would start with "/example.org/": write '
                             '"https://example.org/dossier/"'),
    ("//example.org/x/", 'write "https://example.org/x/"'),
    ("/über/", "its path holds 'ü', which an address path cannot hold as it is (write %C3%BC for 'ü')"),
    ("/a b/?", "its path holds a space, '?', which an address path cannot hold as it is"),
    ("ftp://e.org/", "it is neither a path nor an http(s) address"),
    ("/a/../b/", 'its path has a "." or ".." part'),
    ("http://localhost:8000/x/", None), ("https://bücher.de/", None), ("http://[::1]:8080/", None),
    ("https://exa mple.org/", 'its host "exa mple.org" is not the name of one (letters, digits, "-" and "." with '
                              'an optional ":port"): it holds a space'),
    ("https://example.org:80a/", 'its host "example.org:80a" is not the name of one'),
    # the scheme's colon or a slash left out (or one too many): links would start with "/https//…" (review 58)
    ("https//example.org/rafah", 'its scheme is not written "https://": write "https://example.org/rafah"'),
    ("HTTP//example.org/", 'its scheme is not written "HTTP://": write "http://example.org/"'),
    ("https:/example.org/x/", 'write "https://example.org/x/"'), ("https:example.org", 'write "https://example.org"'),
    ("https:///example.org/", 'write "https://example.org/"'), ("/https/", None), ("https-docs/", None),
    ('https://ex"ample.org/', 'its host "ex"ample.org" is not the name of one'),
    # IDNA 2003 makes fass.de of it, a browser xn--fa-hia.de (review 70)
    ("https://faß.de/sub/", "write the host in its ASCII form"), ("https://ς.gr/", "holds 'ς'"),
    # a dot percent-encoded is one to a browser: Chromium resolved https://ex.org/%2e%2e/articles/x/ to
    # https://ex.org/articles/x/; a port past 65535 makes an address browsers refuse (review 163)
    ("https://ex.org/%2e%2e/", 'its path has a "%2e%2e" part, which browsers read as ".." and resolve away'),
    ("/.%2E/", 'its path has a ".%2E" part, which browsers read as ".." and resolve away'),
    ("/a/%2E/b/", 'its path has a "%2E" part, which browsers read as "." and resolve away'),
    ("/a%2eb/", None), ("/%2e%2e%2e/", None), ("https://ex.org:65535/", None),
    ("https://ex.org:99999/", "its port 99999 is beyond 65535, the highest there is, so browsers refuse its addresses"),
    ("http://[::1]:65536/x/", "its port 65536 is beyond 65535"),
    # a port of more than five digits, a leading zero, was said to be no host (review 173); port 0 none to use
    ("https://ex.org:070000/", "its port 070000 is beyond 65535"), ("https://ex.org:08080/", None),
    ("https://ex.org:0/", "its port 0 is none a browser connects to"), ("http://[::1]:00/", "its port 00 is none"),
])
def test_base_url_problem_names_what_is_wrong(url: str, words: str | None) -> None:
    found = base_url_problem(url)
    assert (found is None) if words is None else (found is not None and words in found), found


@pytest.mark.parametrize("text, hint", [
    ("n: 1,000\n", "write it without separators: 1000"),
    ('n: "12"\n', "remove the quotes: a number is written without them"),
    ("n: many\n", "write a whole number (digits only)"),          # (there were no quotes to remove)
])
def test_a_number_written_as_text_is_told_what_to_write(text: str, hint: str) -> None:
    loaded, _ = parse_yaml("x.yaml", text)
    (err,) = jsonschema.Draft202012Validator(SCHEMA).iter_errors(loaded.data)
    ((_, problem),) = to_problems(loaded, err)
    assert problem.hint == hint


def test_a_decimal_comma_is_told_to_be_a_point() -> None:
    loaded, _ = parse_yaml("x.yaml", "v: 5,0\n")
    (err,) = jsonschema.Draft202012Validator({"properties": {"v": {"type": "number"}}}).iter_errors(loaded.data)
    assert to_problems(loaded, err)[0][1].hint == "write the decimals after a point: 5.0"


def test_a_key_of_the_items_of_a_list_written_at_the_top_is_told_to_be_indented() -> None:
    """An annotation's note: dedented to the top of the file was "unknown key", with "did you mean date_note"."""
    schema = {"type": "object", "additionalProperties": False,
              "properties": {"date_note": {"type": "string"},
                             "annotations": {"type": "array", "items": {"type": "object",
                                                                        "properties": {"quote": {}, "note": {}}}}}}
    loaded, _ = parse_yaml("x.yaml", "annotations:\n  - quote: a\nnote: b\n")
    (err,) = jsonschema.Draft202012Validator(schema).iter_errors(loaded.data)
    ((_, problem),) = to_problems(loaded, err)
    assert (problem.line, problem.col, problem.message) == (3, 1, 'unknown key "note"')
    assert problem.hint.startswith('"note" is a key of each item of annotations: (indent it')
