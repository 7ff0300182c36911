"""Quotes that a `strip:` rule of site.yaml cuts words out of (review 144): a pattern meant for furniture that also
matches the articles' own words ('Advertisement|said', '\\(.*\\)' for photo credits) is said once, at the rule's
pattern, with how many quotes it cuts into and one of them, what it cuts out; not as an approximate match or a
quote not found at each of those quotes, the rule said nowhere. A quote wrong of its own is still said at the
quote, and the default dossier's own rules say nothing."""

from __future__ import annotations

import re

from conftest import copy_of_default_dossier, documented, mini
from dossier.core.analyse.cut_quotes import as_written, cut_into, said_at_cuts
from dossier.core.common.errors import error, warning
from dossier.core.load.cleaning import clean
from dossier.core.load.config import Rule, SiteConfig
from dossier.core.load.loader import load_config, load_dossier
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

SITE = """\
title: Mini dossier
import:
  strip:
    - pattern: 'Advertisement|said'
      why: ad label
"""
SEED_A = """\
Talks to resume in Washington
Advertisement
The minister said the talks would resume next week in Washington.
Officials in Cairo said nothing more on Monday.
"""
SEED_B = """\
Talks in Washington
The minister said the talks would resume next week, officials in Cairo added.
"""
ARTICLE_A = """\
seed: a.txt
title: Talks to resume in Washington
source: outlet-a
date: 2024-03-22
annotations:
  - id: resume
    quote: The minister said the talks would resume next week
  - id: cairo
    quote: Officials in Cairo said nothing more
  - id: typo
    quote: The ministry denied everything on Tuesday
"""
ARTICLE_B = """\
seed: b.txt
title: Talks in Washington
source: outlet-b
date: 2024-03-23
"""
COMPARISON = """\
title: Talks
question: When?
kind: quote
witnesses:
  - article: a
    quote: the talks would resume next week
  - article: b
    quote: The minister said the talks would resume next week
"""


def _files(site: str = SITE) -> dict[str, str | bytes]:
    return {"site.yaml": site, "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "content/articles/a.yaml": ARTICLE_A,
            "content/articles/b.yaml": ARTICLE_B, "content/comparisons/talks.yaml": COMPARISON}


def _problems(tmp_path, files):
    return build_site(fs.read_inputs(mini(tmp_path, files)), Options()).problems


def test_a_strip_rule_that_cuts_a_word_out_of_quotes_is_one_problem_at_it_and_a_typo_is_still_said(tmp_path) -> None:
    problems = _problems(tmp_path, _files())
    assert [(p.file, p.line, p.col, p.severity, p.check) for p in problems] == [
        ("content/articles/a.yaml", 11, 12, "error", "anchor-not-found"),   # the typo: not in the seed either
        ("site.yaml", 4, 16, "warning", "site-rule-drops-quotes"),         # three approximate matches, warnings
    ], "\n".join(p.format() for p in problems)
    rule = problems[1]
    assert rule.message == (
        'the strip pattern "Advertisement|said" (why: ad label) cuts words out of 3 quotes (2 of annotations, 1 of '
        'comparison witnesses), so none of them is found as written: annotation "resume" '
        '(content/articles/a.yaml:7:12) quotes "The minister said the talks would resume next…" (seeds/a.txt:3), '
        'and the rule cuts "said" out of it')
    assert rule.hint.startswith("narrow the pattern to the furniture it is meant for")
    assert rule.hint.splitlines()[1:] == [
        'content/articles/a.yaml:7:12: annotation "resume", on seeds/a.txt:3: cuts "said"',
        'content/articles/a.yaml:9:12: annotation "cairo", on seeds/a.txt:4: cuts "said"',
        'content/comparisons/talks.yaml:8:12: comparison "talks", witness "b", on seeds/b.txt:2: cuts "said"']


def test_the_rule_is_an_error_when_a_quote_it_cuts_into_would_be_one(tmp_path) -> None:
    site = SITE + "checks:\n  anchor-fuzzy: error\n"
    problems = _problems(tmp_path, _files(site))
    assert [(p.file, p.line, p.severity, p.check) for p in problems] == [
        ("content/articles/a.yaml", 11, "error", "anchor-not-found"),
        ("site.yaml", 4, "error", "site-rule-drops-quotes")], "\n".join(p.format() for p in problems)


def test_one_quote_cut_into_is_said_at_the_rule_too_and_a_rule_that_cuts_none_says_nothing(tmp_path) -> None:
    one = _files(SITE.replace("Advertisement|said", "Advertisement| nothing"))
    (tmp_path / "one").mkdir()
    problems = _problems(tmp_path / "one", one)
    assert [(p.file, p.line, p.severity, p.check) for p in problems] == [
        ("content/articles/a.yaml", 11, "error", "anchor-not-found"),
        ("site.yaml", 4, "warning", "site-rule-drops-quotes")], "\n".join(p.format() for p in problems)
    assert problems[1].message == (
        'the strip pattern "Advertisement| nothing" (why: ad label) cuts words out of the quote of annotation '
        '"cairo" (content/articles/a.yaml:9:12), so it is not found as written: it quotes "Officials in Cairo said '
        'nothing more" (seeds/a.txt:4), and the rule cuts "nothing" out of it')
    assert "the quotes:" not in problems[1].hint
    (tmp_path / "none").mkdir()
    problems = _problems(tmp_path / "none", _files(SITE.replace("Advertisement|said", "^Advertisement$")))
    assert [(p.line, p.check) for p in problems] == [(11, "anchor-not-found")]


def test_a_rule_that_cuts_one_quote_whole_and_words_out_of_another_is_one_problem_naming_both(tmp_path) -> None:
    # ' in Cairo.*$' (for a dateline's tail) takes the witness's "in Cairo added" whole, and the end of "Officials
    # in Cairo said nothing more"; a rule that only leaves quotes out whole stays dropped_quotes.py's
    # (test_dropped_quotes.py)
    files = _files(SITE.replace("Advertisement|said", " in Cairo.*$"))
    files["content/comparisons/talks.yaml"] = COMPARISON.replace(
        "The minister said the talks would resume next week", "in Cairo added")
    problems = _problems(tmp_path, files)
    rule = next(p for p in problems if p.check == "site-rule-drops-quotes")
    assert [(p.line, p.check) for p in problems] == [(11, "anchor-not-found"), (4, "site-rule-drops-quotes")]
    assert rule.severity == "error" and "cuts words out of 2 quotes (1 of annotations, 1 of comparison" in rule.message
    assert rule.hint.splitlines()[1:] == [
        'content/articles/a.yaml:9:12: annotation "cairo", on seeds/a.txt:4: cuts "in Cairo said nothing more"',
        'content/comparisons/talks.yaml:8:12: comparison "talks", witness "b", on seeds/b.txt:2: cuts the whole quote']


def _rules(*patterns: str) -> SiteConfig:
    return SiteConfig(title="t", strip=tuple(Rule(re.compile(p), f"rule {k}", "strip", (4 + 2 * k, 16))
                                             for k, p in enumerate(patterns)),
                      drop_lines=(Rule(re.compile("^Photo:"), "credit", "drop_lines", (9, 16)),))


def _cut(seed: str, config: SiteConfig, quote: str, prefix: str | None = None):
    found = cut_into(as_written(seed, clean(seed, config), config), quote, prefix, None)
    return None if found is None else (found[0].why, *found[1:])


def test_the_rule_that_cut_into_a_quote_is_found_where_the_seed_as_written_has_it() -> None:
    seed = "Headline\n  The envoy said talks resume (AP) on Monday.\nPhoto: a said caption\nThe envoy said so.\n"
    config = _rules(r"\(AP\) ", " said")
    assert _cut(seed, config, "said talks resume (AP) on Monday") == ("rule 0", 2, "said talks resume (AP) on Monday",
                                                                      (18, 23))
    assert _cut(seed, config, "The envoy said talks") == ("rule 1", 2, "The envoy said talks", (9, 14))
    assert _cut(seed, config, "talks resume") is None              # kept whole: nothing cut into it
    assert _cut(seed, config, "The envoy said talks reopen") is None  # not in the seed as written either
    assert _cut(seed, config, "a said caption") is None            # on a line drop_lines drops: dropped_quotes.py's
    assert _cut(seed, config, "The envoy said") is None            # twice in the seed as written: which one?
    assert _cut(seed, config, "The envoy said", prefix="Headline") == ("rule 1", 2, "The envoy said", (9, 14))


def test_the_problems_of_the_quotes_a_rule_cut_into_are_folded_into_it_those_of_the_others_kept(tmp_path) -> None:
    inputs = fs.read_inputs(mini(tmp_path, _files()))
    config = load_config(inputs, Options())[0]
    dossier, raw, _ = load_dossier(inputs, config)
    fuzzy = warning("content/articles/a.yaml", 7, 12, 'annotation "resume": quote matched only approximately',
                    check="anchor-fuzzy")
    context = warning("content/articles/a.yaml", 9, 12, 'annotation "cairo": …', check="anchor-context")
    typo = error("content/articles/a.yaml", 11, 12, 'annotation "typo": quote not found', check="anchor-not-found")
    other = warning("content/articles/a.yaml", 7, 12, 'annotation "resume": unknown entity', check="entities-unknown")
    said = said_at_cuts([fuzzy, context, typo, other], dossier, raw)
    assert [(p.file, p.line, p.severity, p.check) for p in said] == [
        ("site.yaml", 4, "warning", "site-rule-drops-quotes"), ("content/articles/a.yaml", 11, "error",
                                                                 "anchor-not-found"),
        ("content/articles/a.yaml", 7, "warning", "entities-unknown")]
    assert "cuts words out of 2 annotations' quotes" in said[0].message
    assert said_at_cuts([typo, other], dossier, raw) == [typo, other]


def test_the_review_s_rule_that_cuts_said_out_of_fourteen_quotes_of_the_default_dossier_is_one_warning(
        tmp_path) -> None:
    root = copy_of_default_dossier(tmp_path)
    assert build_site(fs.read_inputs(root), Options()).problems == ()   # its own rules: nothing to say
    site = (root / "site.yaml").read_text("utf-8")
    site = site.replace("      why: scraped date stamp\n",
                        "      why: scraped date stamp\n    - pattern: 'Advertisement|said'\n      why: ad label\n")
    (root / "site.yaml").write_text(site, "utf-8")
    problems = build_site(fs.read_inputs(root), Options()).problems
    assert [(p.file, p.line, p.col, p.severity, p.check) for p in problems] == \
        [("site.yaml", 37, 16, "warning", "site-rule-drops-quotes")], "\n".join(p.format() for p in problems)
    said = [line.strip() for line in problems[0].format().splitlines()]
    assert said[:2] == documented('the strip pattern "Advertisement|said"')   # (as docs/messages.md shows it)
    assert said[-1] == "… and 4 more"
