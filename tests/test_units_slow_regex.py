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


@pytest.mark.parametrize("pattern, heavy", [
    (r"(?:a{10000}){10000}b", True),      # 20 characters, 10⁸ items written out: all the memory (review 66)
    ("|".join(f"w{i}" for i in range(1500)), False),
    ("|".join(f"word{i}" for i in range(3000)), True),   # (over MAX_LENGTH characters: seconds to compile)
    (r"\((photo )?credit: [^)]*\)\s*$", False),
    (r"a{1,1000}(b{100}){100}", False),
])
def test_a_pattern_too_large_to_run_is_an_error_at_it_and_no_rule(pattern: str, heavy: bool) -> None:
    import json

    from conftest import ROOT
    from dossier.core.load.config import parse_site
    from dossier.core.load.slow_regex import MAX_LENGTH, MAX_WEIGHT, weight

    assert (weight(pattern) > MAX_WEIGHT or len(pattern) > MAX_LENGTH) is heavy
    schema = json.loads((ROOT / "schemas/site.schema.json").read_text("utf-8"))
    text = f"title: t\nimport:\n  strip:\n    - pattern: '{pattern}'\n      why: x\n"
    config, problems = parse_site("site.yaml", text, schema, None)
    assert [(p.line, p.col, p.check) for p in problems if p.severity == "error"] == ([(4, 16, "site-regex")]
                                                                                    if heavy else [])
    assert (config is None) is heavy
