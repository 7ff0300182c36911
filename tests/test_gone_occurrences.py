"""A quote whose prefix or suffix chose an occurrence the text no longer has (review 87): the occurrence left is
a passage it was not written for, so the annotation is not moved there with a warning whose hint says to
"correct" the prefix to the words of that passage. When the occurrence chosen is on a line an import rule drops,
the quote is not found, and the rule is named (and counts among the quotes the rule leaves out); when another
annotation quotes the same words with another context (a seed captured again), it is an error."""

from __future__ import annotations

import re

from conftest import mini
from dossier.core.analyse.dropped_quotes import in_seed
from dossier.core.load.cleaning import clean
from dossier.core.load.config import Rule, SiteConfig
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

SITE = """\
title: Mini dossier
import:
  drop_lines:
    - pattern: 'Cairo'
      why: datelines
    - pattern: 'envoy'
      why: envoy's box
"""
SEED = """\
Talks to resume
The minister said the talks would resume next week.
In Cairo, officials said the talks would resume once the delegation returned.
Officials in Amman said the talks would resume soon.
Asked in Amman, the envoy said: we are ready.
Asked again, the minister said: we are ready.
"""
ARTICLE = """\
seed: {seed}
title: Talks to resume
source: outlet-a
date: 2024-03-22
annotations:
"""
CHOSEN_DROPPED = """\
  - id: ready-envoy
    quote: we are ready
    prefix: "the envoy said:"
  - id: resume-officials
    quote: the talks would resume
    prefix: officials said
"""
STALE = """\
  - id: ready-mayor
    quote: we are ready
    prefix: "the mayor said:"
"""
FIGURES = """\
Budget talks
The federation said it was reviewing the figures. Rhoverdra added nothing.
Asked again, officials were brief. The federation said it was reviewing the figures.
"""
BOTH = """\
  - id: first
    quote: The federation said it was reviewing the figures.
    suffix: Rhoverdra
  - id: second
    quote: The federation said it was reviewing the figures.
    prefix: brief.
"""


def test_the_dropped_line_a_prefix_chooses_is_found_in_the_seed_as_written() -> None:
    rules = (Rule(re.compile("Cairo"), "datelines", "drop_lines", (4, 16)),
             Rule(re.compile("envoy"), "envoy's box", "drop_lines", (6, 16)))
    text = clean(SEED, SiteConfig(title="t", drop_lines=rules))
    chosen, held = in_seed(text, "we are ready", "the envoy said:", None)
    assert chosen is not None and (chosen.line, chosen.at) == (5, (6, 16)) and held == (chosen,)
    assert in_seed(text, "we are ready", "the mayor said:", None) == (None, held)   # (fits none: chooses none)
    assert in_seed(text, "we are ready", None, None) == (None, held)
    assert in_seed(text, "the minister said", None, None) == (None, ())           # (no dropped line holds it)
    chosen, held = in_seed(text, "the talks would resume", "officials said", None)
    assert chosen is not None and chosen.line == 3 and [d.line for d in held] == [3]


def _problems(tmp_path, files):
    return build_site(fs.read_inputs(mini(tmp_path, {"site.yaml": SITE, **files})), Options()).problems


def _said(problems):
    return "\n".join(p.format() for p in problems)


def test_a_prefix_that_chose_an_occurrence_on_a_dropped_line_is_a_quote_not_found_naming_the_rule(tmp_path):
    problems = _problems(tmp_path, {"seeds/a.txt": SEED,
                                    "content/articles/a.yaml": ARTICLE.format(seed="a.txt") + CHOSEN_DROPPED})
    assert [(p.line, p.col, p.severity, p.check) for p in problems] == [
        (7, 12, "error", "anchor-not-found"), (10, 12, "error", "anchor-not-found")], _said(problems)
    envoy, officials = problems
    assert envoy.message == 'annotation "ready-envoy": quote not found with its prefix in seeds/a.txt'
    assert envoy.hint == (
        "the quote with its prefix is on seeds/a.txt:5, which the drop_lines rule at site.yaml:6:16 (why: envoy's box) "
        "leaves out of the text: narrow that rule, or quote text that is kept (its prefix does not fit the one "
        "occurrence the text has, at seeds/a.txt:6, a passage it was not written for)")
    # (the quote occurs twice in the text, and the prefix fits neither: not "change it to one that chooses one")
    assert officials.message == 'annotation "resume-officials": quote not found with its prefix in seeds/a.txt'
    assert officials.hint.startswith("the quote with its prefix is on seeds/a.txt:3, which the drop_lines rule at "
                                     "site.yaml:4:16 (why: datelines) leaves out of the text")
    assert officials.hint.endswith("(its prefix fits none of the 2 occurrences the text has)")


def test_quotes_whose_chosen_occurrence_a_rule_drops_count_among_the_quotes_said_at_the_rule(tmp_path):
    article = ARTICLE.format(seed="a.txt") + CHOSEN_DROPPED + "  - id: cairo\n    quote: In Cairo, officials\n"
    problems = _problems(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": article})
    assert [(p.file, p.line, p.check) for p in problems] == [
        ("content/articles/a.yaml", 7, "anchor-not-found"), ("site.yaml", 4, "site-rule-drops-quotes")], \
        _said(problems)
    assert problems[1].hint.splitlines()[1:] == [
        'content/articles/a.yaml:10:12: annotation "resume-officials", on seeds/a.txt:3',
        'content/articles/a.yaml:13:12: annotation "cairo", on seeds/a.txt:3']


def test_a_stale_prefix_of_a_quote_a_rule_also_drops_elsewhere_stays_a_warning_that_asks_which_passage(tmp_path):
    problems = _problems(tmp_path, {"seeds/a.txt": SEED,
                                    "content/articles/a.yaml": ARTICLE.format(seed="a.txt") + STALE})
    assert [(p.line, p.col, p.severity, p.check) for p in problems] == [(8, 13, "warning", "anchor-context")], \
        _said(problems)
    assert problems[0].hint == (
        "the seed as written has the quote 2 times, and site.yaml's import rules leave out the other (seeds/a.txt:5, "
        "which the drop_lines rule at site.yaml:6:16 (why: envoy's box) drops): if this is the passage it was "
        "written for, correct it to the words there, or remove it; else narrow that rule")


def test_a_suffix_whose_occurrence_a_new_seed_changed_is_an_error_not_a_warning_to_correct_it(tmp_path):
    files = {"seeds/f.txt": FIGURES, "content/articles/f.yaml": ARTICLE.format(seed="f.txt") + BOTH}
    assert _problems(tmp_path / "before", files) == ()
    files["seeds/f.txt"] = FIGURES.replace("figures. Rhoverdra", "figures; Rhoverdra")  # (captured again)
    problems = _problems(tmp_path / "after", files)
    assert [(p.line, p.col, p.severity, p.check) for p in problems] == [(8, 13, "error", "anchor-moved")], \
        _said(problems)
    assert problems[0].message == (
        'annotation "first": quote occurs once, at seeds/f.txt:3, and its suffix "Rhoverdra" does not fit: nothing '
        'stands after the quote; annotation "second" quotes the same words with another context, so the occurrence '
        "this one was written for may be gone")
    assert "correct it to the words there, or remove it" not in problems[0].hint
    # (both contexts stale: one of the two is on a passage it was not written for, and which one is not known)
    files["seeds/f.txt"] = files["seeds/f.txt"].replace("were brief.", "were short.")
    problems = _problems(tmp_path / "both", files)
    assert [(p.line, p.col, p.check) for p in problems] == [(8, 13, "anchor-moved"), (11, 13, "anchor-moved")], \
        _said(problems)
    assert 'annotation "second": quote occurs once, at seeds/f.txt:3, and its prefix "brief." does not fit the words ' \
        'before it, "short."; annotation "first" quotes the same words' in problems[1].message
