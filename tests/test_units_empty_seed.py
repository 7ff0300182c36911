"""empty_seed: the one problem of an article whose seed leaves it no text (review 135)."""

from __future__ import annotations

import re

from dossier.core.load.cleaning import clean
from dossier.core.load.config import Rule, SiteConfig
from dossier.core.load.empty_seed import empty_seed
from dossier.core.load.model import Annotation, ArticleMeta, Origin

FILE = "content/articles/a.yaml"


def _meta(*quotes: str) -> ArticleMeta:
    return ArticleMeta("a", Origin(FILE, 1, 1), "a.txt", "T", "s", "2024-03-22",
                       annotations=tuple(Annotation(f"q{i}", q, Origin(FILE, 5 + i, 12)) for i, q in enumerate(quotes)))


def test_an_empty_seed_counts_the_annotations_it_leaves_unanchored_in_one_error() -> None:
    problem = empty_seed(_meta("one", "two"), clean("\n \n", SiteConfig("T")), (2, 7))
    assert problem is not None and (problem.severity, problem.line, problem.col) == ("error", 2, 7)
    assert problem.message.endswith("seeds/a.txt is empty or holds only whitespace; its 2 annotations are left "
                                    "unanchored")


def test_a_seed_whose_lines_a_rule_drops_names_the_rule_and_never_says_delete() -> None:
    config = SiteConfig("T", drop_lines=(Rule(re.compile(".*"), "weather widget", "drop_lines", (24, 16)),))
    problem = empty_seed(_meta(), clean("Talks resume\nin Cairo\n", config), (2, 7))
    assert problem is not None and problem.severity == "warning"
    assert problem.message == ("the article has no text: the drop_lines rule at site.yaml:24:16 (why: weather "
                               "widget) drops every line of seeds/a.txt")
    assert "delete" not in problem.hint and "narrow" in problem.hint


def test_no_problem_when_every_quote_is_on_a_dropped_line_whose_rule_is_said() -> None:
    config = SiteConfig("T", drop_lines=(Rule(re.compile(".*"), "weather widget", "drop_lines", (24, 16)),))
    assert empty_seed(_meta("Talks resume"), clean("Talks resume\nin Cairo\n", config), (2, 7)) is None
