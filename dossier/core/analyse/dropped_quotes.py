"""Quotes on text that site.yaml's import rules leave out of an article.

A rule that drops too much (`'^weather icon|Blinken'` for `'^weather icon '`) makes every quote on the lines it
matches go missing at once: each was said at its annotation, the rule at none (review 87). Here: how a message
names the rule that left a quote out (`rule_named`, at its line and column in site.yaml); where a quote is in
the seed as written (`in_seed`), so that a quote whose prefix or suffix chose an occurrence on a dropped line is
said to be missing, not placed on the occurrence left; and `said_at_rules`, which says the quotes one rule leaves
out, when several, once, at the rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from .anchors import anchor_quote, exact_spans
from ..common.errors import Problem, error, said_at_meant
from ..load.cleaning import CleanText, Dropped, rule_named
from ..load.config import Rule, SiteConfig

LISTED = 10  # the quotes a rule leaves out listed in its message

# How `rule_named` names a rule, read back to group the problems that name one
_RULE = re.compile(r"\bthe (drop_lines|strip) rule at site\.yaml:(\d+):(\d+) ")
_SEED_LINE = re.compile(r"\bseeds/\S+?:\d+")


def in_seed(text: CleanText, quote: str, prefix: str | None, suffix: str | None
            ) -> tuple[Dropped | None, tuple[Dropped, ...]]:
    """Where `quote` is in the seed as written (its kept lines and the whole lines dropped, in order): the dropped
    line that holds the occurrence its prefix or suffix chooses there (None: it chooses a kept one, or no single
    one), and the dropped line of each occurrence on one ((): none is). Exact occurrences only."""
    lines = sorted([(p.line, p.text, None) for p in text.paragraphs] +
                   [(d.line, d.text.strip(), d) for d in text.dropped if d.whole_line and d.text.strip()],
                   key=lambda line: line[0])
    starts, offset = [], 0
    for _, words, _ in lines:
        starts.append(offset)
        offset += len(words) + 2
    written = "\n\n".join(words for _, words, _ in lines)

    def dropped_at(start: int, end: int) -> Dropped | None:
        first, last = bisect_right(starts, start) - 1, bisect_right(starts, max(end - 1, start)) - 1
        return next((d for _, _, d in lines[first:last + 1] if d is not None), None)

    holding = tuple(d for s, e in exact_spans(written, quote) if (d := dropped_at(s, e)) is not None)
    if not holding:
        return None, ()
    found = anchor_quote(written, quote, prefix, suffix)
    chosen = dropped_at(found.start, found.end or 0) \
        if found.status == "disambiguated" and found.start is not None else None
    return chosen, holding


def said_at_rules(problems: Sequence[Problem], config: SiteConfig) -> list[Problem]:
    """`problems` with the quotes (of annotations and witnesses) that one import rule leaves out, when several,
    said once at the rule's pattern in site.yaml, with how many and where the first are: such a rule is what
    to mend, and thirty errors at quotes that are right buried it. A quote alone on a dropped line is left
    where it is (its hint names the rule): the quote may as well be what is wrong."""
    rules = {(rule.kind, rule.at): rule for rule in (*config.drop_lines, *config.strip)}

    def named(p: Problem) -> str | None:
        found = _RULE.search(p.hint) if p.severity == "error" and p.check == "anchor-not-found" else None
        return found.group(0) if found else None

    def meant(key: str, group: Sequence[Problem]) -> Problem | None:
        kind, line, col = _RULE.search(key).groups()  # type: ignore[union-attr]
        rule = rules.get((kind, (int(line), int(col))))
        return None if rule is None else _at_rule(rule, group)

    return said_at_meant(list(problems), named, meant)


def _at_rule(rule: Rule, group: Sequence[Problem]) -> Problem:
    """The error at `rule` for the quotes it leaves out (`group`: their errors), the first LISTED of them
    listed with the seed line each is on."""
    quotes = sorted(group)
    places = []
    for p in quotes[:LISTED]:
        seed = _SEED_LINE.search(p.hint)
        places.append(f"{p.file}:{p.line}:{p.col}: {p.message.split(': quote', 1)[0]}"
                      + (f", on {seed.group()}" if seed else ""))
    if len(quotes) > LISTED:
        places.append(f"… and {len(quotes) - LISTED} more")
    notes = sum(p.message.startswith("annotation ") for p in quotes)
    whose = f"{notes} annotations'" if notes == len(quotes) else \
        f"{len(quotes)} comparison witnesses'" if not notes else \
        f"{len(quotes)} quotes ({notes} of annotations, {len(quotes) - notes} of comparison witnesses)"
    whose += " quotes" if whose.endswith("'") else ""
    does = "drops the lines" if rule.kind == "drop_lines" else "cuts the text"
    return error("site.yaml", *rule.at, f'the {rule.kind} pattern "{rule.pattern.pattern}" (why: {rule.why}) {does} '
                 f"of {whose}, so none of them is found",
                 "narrow the pattern to the furniture it is meant for (or, if it is, quote text that is kept); the "
                 "quotes:\n" + "\n".join(places), "site-rule-drops-quotes")
