"""The ids a registry file that YAML could not read defines (dossier/core/load/registry_ids.py): the keys read
before its error are certain, those after it likely, and when the error may hide keys (a quote or bracket left
open swallows lines at column 0, the file is no mapping, a key is an alias) it says that not all are known."""

from __future__ import annotations

import pytest

from dossier.core.load.registry_ids import DefinedIds, defined_ids, named_ids, registry_ids, unknowable
from dossier.core.load.yamlsrc import parse_yaml

ENTITIES = """\
# People
cairo:
  name: Cairo
  kind: place
gaza:
  name: Gaza
  kind: place
rafah:
  name: Rafah
  kind: place
"""


def ids_of(text: str) -> DefinedIds:
    """What `defined_ids` finds, given the line of the error the loader reports (as the loader gives it)."""
    loaded, problems = parse_yaml("content/entities.yaml", text)
    assert loaded is None and len(problems) == 1, problems
    return defined_ids("entities", "content/entities.yaml", text, problems[0].line)


@pytest.mark.parametrize("broken, certain, likely", [
    # (a bracket left open inside an entry: YAML gives up two lines on, in the same entry)
    (ENTITIES.replace("name: Gaza", "name: [Gaza"), {"cairo", "gaza"}, {"rafah"}),
    (ENTITIES.replace("name: Gaza", "name: Gaza: the strip"), {"cairo", "gaza"}, {"rafah"}),
    (ENTITIES.replace("  name: Gaza", "\tname: Gaza"), {"cairo", "gaza"}, {"rafah"}),
    (ENTITIES.replace("name: Rafah", "name: [Rafah"), {"cairo", "gaza", "rafah"}, set()),  # (in the last entry)
    # (two mistakes: the rest after each is read again)
    (ENTITIES.replace("name: Cairo", "name: [Cairo").replace("name: Rafah", "name: Ra: fah"), {"cairo"},
     {"gaza", "rafah"}),
    (ENTITIES.replace("gaza:", "---\ngaza:"), {"cairo"}, {"gaza", "rafah"}),
    (ENTITIES.replace("name: Gaza", "name: Ga\x07za"), {"cairo", "gaza"}, {"rafah"}),
    # (refused, not broken: an alias, a YAML file read whole)
    (ENTITIES.replace("name: Gaza", "name: &g Gaza").replace("name: Rafah", "name: *g"), {"cairo", "gaza", "rafah"},
     set()),
])
def test_the_keys_before_the_error_are_certain_and_those_after_it_likely(broken, certain, likely) -> None:
    found = ids_of(broken)
    assert (found.certain, found.likely, found.complete) == (certain, likely, True)
    assert found.hidden_from == 0


@pytest.mark.parametrize("broken, key", [
    (ENTITIES.replace("gaza:", "gaza"), "gaza"),            # (its ":" left out)
    (ENTITIES.replace("gaza:", " gaza:"), "gaza"),          # (indented by one space)
    (ENTITIES.replace("gaza:", "gaza:x"), "gaza"),          # (no space after the ":")
    (ENTITIES.replace("# People\ncairo:", "cairo"), "cairo"),  # (the first key)
])
def test_a_key_the_error_is_in_is_known_though_not_read_and_never_offered(broken, key) -> None:
    found = ids_of(broken)
    assert found.complete and key in found.ids and key not in found.keys
    assert {"rafah"} <= found.keys


@pytest.mark.parametrize("broken, hidden_from", [
    (ENTITIES.replace("name: Gaza", 'name: "Gaza'), 6),      # (a quote never closed: the rest is its text)
    (ENTITIES.replace("kind: place\ngaza", "kind: [place\ngaza"), 4),  # (a bracket swallowing the next key)
    ("- cairo:\n    name: [Cairo\n", 1),                   # (a list, no mapping)
    ("cairo: &c {name: Cairo}\n*c : 1\ngaza: [\n", 2),      # (an alias as a key: any ids)
    ("base: &b {name: Cairo}\n<<: *b\ngaza: [\n", 2),      # (a merge)
])
def test_when_the_error_may_hide_keys_not_all_are_known(broken, hidden_from) -> None:
    found = ids_of(broken)
    assert not found.complete and found.hidden_from == hidden_from
    assert "rafah" not in found.keys or hidden_from == 1


def test_keys_before_a_quote_that_swallows_the_rest_are_still_certain() -> None:
    found = ids_of(ENTITIES.replace("name: Gaza", 'name: "Gaza'))
    assert found.certain == {"cairo", "gaza"}


def test_a_registry_file_is_read_again_only_for_an_error_yaml_gives_up_at() -> None:
    text = "a: {name: A}\nb:\n  name: [B\n  country: X\nc: {name: C}\n"
    problem = parse_yaml("content/sources.yaml", text)[1][0]
    found = registry_ids("sources", "content/sources.yaml", text.replace("\n", "\r\n").encode(), [problem])
    assert found.complete and found.keys == {"a", "b", "c"}
    assert registry_ids("sources", "content/sources.yaml", b"\xff\xfe", [problem]) == \
        unknowable("sources", "content/sources.yaml")
    assert not registry_ids("sources", "content/sources.yaml", b"a: 1\n", []).complete


def test_what_a_reference_to_a_registry_may_name() -> None:
    read = DefinedIds("entities", "content/entities.yaml", frozenset({"a"}), frozenset({"b"}), frozenset({"c"}), True)
    assert named_ids("entities", frozenset(), ()) == (frozenset(), frozenset())
    assert named_ids("entities", {"entities"}, (read,)) == ({"a", "b", "c"}, {"a", "b"})
    assert named_ids("entities", {"entities"}, (read, unknowable("entities", "content/entities/more.yaml"))) is None
    assert named_ids("entities", {"entities"}, ()) is None   # (broken, and nothing said what it defines)
    assert named_ids("sources", {"sources", "entities"}, (read,)) is None


@pytest.mark.parametrize("newline", ["\r", "\x85", "\u2028", "\u2029"])
def test_every_line_break_yaml_reads_is_one_and_the_keys_after_the_error_are_known(newline) -> None:
    """A file saved with CR line endings (old Macs), or with the line breaks YAML reads but editors do not show:
    the lines were split at LF only, so the keys after the error were lost, the ids still said all known (221
    false "unknown entity" errors for the repo's dossier). The lines are YAML's: its error's line is theirs."""
    text = ENTITIES.replace("name: Gaza", "name: Gaza: the strip").replace("\n", newline)
    problems = parse_yaml("content/entities.yaml", text)[1]
    found = registry_ids("entities", "content/entities.yaml", text.encode(), problems)
    assert found.complete and found.keys == {"cairo", "gaza", "rafah"}
    if newline == "\r":  # (the others are an error of their own, at the first)
        assert (found.certain, found.likely) == ({"cairo", "gaza"}, {"rafah"})


@pytest.mark.parametrize("deleted", ["\u2028", "\x85", "\x07"])
def test_a_key_holding_a_character_the_editor_is_told_to_delete_is_known_as_it_is_once_deleted(deleted) -> None:
    """YAML reads a line break at a U+2028 or U+0085 inside "rafah:" (the keys "ra" and "fah"), and a control
    character is read as a space: the error says to delete it, and then the file defines "rafah"."""
    found = ids_of(ENTITIES.replace("rafah:", f"ra{deleted}fah:"))
    assert "rafah" in found.ids and {"cairo", "gaza"} <= found.keys


@pytest.mark.parametrize("value", ["[Gaza,\u2028Strip]", '"Gaza\u2028Strip"', '"Gaza\x85Strip"'])
def test_a_line_begun_by_a_break_editors_do_not_show_is_no_line_a_quote_or_bracket_swallows(value) -> None:
    """A U+2028 pasted into a quoted or bracketed value: YAML begins a line at column 0 there, inside the value,
    but the editor's line goes on (deleted, as the error says, the value is whole): no key is hidden, and the
    references are still checked."""
    found = ids_of(ENTITIES.replace("name: Gaza", f"name: {value}"))
    assert found.complete and found.keys == {"cairo", "gaza", "rafah"}


MORE = ENTITIES + """\
khan-younis:
  name: Khan Younis
jabalia:
  name: Jabalia's camp
beit-lahia:
  name: Beit Lahia
"""


@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_quote_opening_a_key_after_an_earlier_error_hides_no_key_it_swallows(quote) -> None:
    """Two mistakes, the second a stray quote opening a key: the parse from after the first one reads the lines
    after the quote as its text, up to the next quote (Jabalia's), and gives up there. The keys between were in
    no set, and the ids said all known (69 false "unknown entity" errors for the repo's dossier): the part no
    parse reads begins at the key the quote opens (and " khan-younis:", indented by mistake, is one of its keys)."""
    found = ids_of(MORE.replace("name: Cairo", "name: Cairo: the city").replace("\nrafah:", f"\n{quote}rafah:")
                   .replace("Jabalia's", f"Jabalia{quote}s").replace("khan-younis:", " khan-younis:"))
    assert found.complete and {"rafah", "khan-younis", "jabalia", "beit-lahia"} <= found.ids
    assert found.keys == {"cairo", "gaza", "beit-lahia"}


@pytest.mark.parametrize("broken, key", [
    (MORE.replace("rafah:", "? rafah:"), "rafah"),                                  # (a mapping as a key: refused)
    (MORE.replace("name: Cairo", "name: Cairo: the city").replace("rafah:", "? rafah:"), "rafah"),
    (MORE.replace("name: Cairo", "name: Cairo: the city").replace("\nrafah:", "\nx\nrafah:"), "x"),
])
def test_a_line_at_column_0_a_parse_passes_over_without_reading_an_id_is_possible(broken, key) -> None:
    found = ids_of(broken)
    assert found.complete and key in found.ids and key not in found.keys
