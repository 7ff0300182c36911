"""Patterns that can take minutes (dossier/core/load/slow_regex.py)."""

from __future__ import annotations

import pytest

from dossier.core.load.slow_regex import repeats_a_repetition


@pytest.mark.parametrize("pattern, slow", [
    (r"(a+)+b", True), (r"(?:\w*)*", True), (r"(\w+\s*)+$", True), (r"((a+))*", True), (r"(a*b*)*", True),
    (r"(?=(x+)+y)", True), (r"^(?:foo|(\d+)+)$", True),
    (r"^(\w+\s?)+ \| Newsroom$", True), (r"^(\d+,?)+$", True), (r"^(a+|b)+$", True),   # (review: 1 s at 24 letters)
    (r"(\w+){2}", False), (r"(?:\w+){1,3}$", False), (r"(a*){3}", False),                # a few turns: no doubling
    (r"^Share this", False), (r"(\s+\w+)*$", False), (r"(ab)+", False), (r"(a+b)+", False), (r"x{2,}", False),
    (r"^(Advertisement|Share)\s*$", False), (r"(a++)+", False), (r"(", False),
])
def test_a_repeated_repetition_is_told_from_patterns_that_stay_fast(pattern: str, slow: bool) -> None:
    assert repeats_a_repetition(pattern) is slow
