"""SameObjects (dossier/core/common/identity.py): a value is kept while it is asked for with the very objects it
was made from, made again otherwise, and forgotten once a build did not use it."""

from __future__ import annotations

from dossier.core.common.identity import SameObjects


def test_a_value_is_made_once_while_its_sources_are_the_same_objects():
    kept: SameObjects[str] = SameObjects()
    text, made = "x" * 1000, []
    first = kept.get("a", (text,), lambda: made.append(1) or "value")
    assert kept.get("a", (text,), lambda: made.append(1) or "other") == first == "value"
    assert made == [1]


def test_an_equal_but_other_object_makes_the_value_again():
    kept: SameObjects[list] = SameObjects()
    one, two = ["same"], ["same"]
    assert one == two and one is not two
    assert kept.get("a", (one,), lambda: ["made from one"]) == ["made from one"]
    assert kept.get("a", (two,), lambda: ["made from two"]) == ["made from two"]  # never by equality
    assert kept.get("a", (two, one), lambda: ["two sources"]) == ["two sources"]


def test_a_new_build_forgets_what_the_last_build_did_not_use():
    kept: SameObjects[str] = SameObjects()
    a, b = object(), object()
    kept.new_build()
    kept.get("a", (a,), lambda: "A")
    kept.get("b", (b,), lambda: "B")
    kept.new_build()
    assert kept.get("a", (a,), lambda: "A again") == "A"  # used in this build only
    kept.new_build()
    assert len(kept) == 1  # "b" was not used in the last build
    assert kept.get("b", (b,), lambda: "B again") == "B again"
