"""What a file's reader takes as right (dossier/core/load/load.py `read`): no problem at a path or inside it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from dossier.core.load.load import read
from dossier.core.load.yamlsrc import parse_yaml

PATHS = st.lists(st.sampled_from(["a", "b", 0, 1]), max_size=4).map(tuple)


@given(bad=st.frozensets(PATHS, max_size=6), asked=PATHS)
def test_a_path_is_right_unless_a_problem_is_at_it_or_inside_it(bad, asked) -> None:
    loaded, _ = parse_yaml("a.yaml", "a: 1\n")
    inside = any(b[:len(asked)] == asked for b in bad)  # (the definition, asked of every bad path in turn)
    assert read(loaded, bad).ok(asked) is not inside


def test_a_value_inside_a_spoilt_one_and_one_beside_it() -> None:
    loaded, _ = parse_yaml("a.yaml", "a: 1\n")
    reader = read(loaded, frozenset({("entities", "x", "kind")}))
    assert not reader.ok(("entities", "x")) and not reader.ok(("entities",)) and not reader.ok(())
    assert reader.ok(("entities", "y")) and reader.ok(("entities", "x", "name"))
    assert reader.ok(("entities", "x", "kind", 0))  # (deeper than the problem: its reader is never asked)
