"""The exports' JSON writer: valid JSON equal to the value, outer levels one member per line, deterministic."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from dossier.core.common.jsonout import dump_bytes, dumps

_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                     | st.text(), lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                     max_leaves=30)


@given(_json, st.integers(0, 6))
def test_the_text_parses_back_to_the_same_value(value: object, levels: int) -> None:
    assert json.loads(dumps(value, levels)) == value


@given(_json)
def test_with_enough_levels_it_is_exactly_what_json_dumps_indent_writes(value: object) -> None:
    assert dumps(value, levels=100) == json.dumps(value, ensure_ascii=False, indent=1)


def test_outer_levels_are_one_member_per_line_and_deeper_ones_stay_on_one_line() -> None:
    text = dumps({"items": [{"id": "a", "tags": ["x", "y"]}, {"id": "b", "tags": []}], "total": 2}, levels=2)
    assert text.splitlines() == ['{', ' "items": [', '  {"id": "a", "tags": ["x", "y"]},',
                                 '  {"id": "b", "tags": []}', ' ],', ' "total": 2', '}']


def test_a_file_ends_with_a_newline_and_keeps_non_ascii_text_readable() -> None:
    assert dump_bytes({"name": "Rafah — رفح"}) == '{\n "name": "Rafah — رفح"\n}\n'.encode("utf-8")


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text() | st.integers() | st.booleans() | st.none(), inner, max_size=4),
                    max_leaves=30))
def test_a_line_of_deeper_levels_is_exactly_what_json_dumps_writes(value: object) -> None:
    """The compact lines come from the C encoder made once (not json.dumps's per call): the same text, NaN,
    infinities, keys that are numbers, booleans or null included."""
    assert dumps(value, levels=0) == json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
