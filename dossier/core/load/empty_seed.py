"""The problem of an article whose seed leaves it no text (seed-empty): said once, for the article and its quotes.

A seed that is empty made one error at each annotation ("not found; the article text is empty") besides the
warning; a rule of site.yaml that drops every line made the warning tell the editor to fill the seed that has
the text, or delete the article (review 135). The quotes that no text holds are said here, how many; a quote
on a line a rule drops is said by its own error, which names the rule (analyse/placements.py), and when every
quote is, the rule's error says it all.
"""

from __future__ import annotations

from dataclasses import replace

from .cleaning import CleanText, holding, rule_named
from .model import ArticleMeta
from ..common.errors import Problem, error


def empty_seed(meta: ArticleMeta, cleaned: CleanText, at: tuple[int, int]) -> Problem | None:
    """The seed-empty problem of `meta`, whose seed cleaned to `cleaned` has no paragraph (at `at`, its `seed:`),
    or None when its quotes' errors say it (each on a line an import rule drops). An error when annotations are
    left without text to anchor in (each would have been an error), else a warning (an error under --strict)."""
    seed, file = f"seeds/{meta.seed}", meta.origin.file
    unheld = [a for a in meta.annotations if holding(cleaned, a.quote) is None]
    if meta.annotations and not unheld:
        return None
    left = (f"; its {len(unheld)} annotation{'s are' if len(unheld) > 1 else ' is'} left unanchored"
            if unheld else "")
    rules = sorted({rule_named(d) for d in cleaned.dropped if d.whole_line and d.text.strip()})
    if rules:
        problem = error(file, *at, f"the article has no text: {' and '.join(rules)} "
                        f"drop{'s' if len(rules) == 1 else ''} every line of {seed}{left}",
                        f"narrow the pattern{'s' if len(rules) > 1 else ''} in site.yaml to match page furniture "
                        f"only; {seed} holds the article's text", check="seed-empty")
    else:
        problem = error(file, *at, f"the article has no text: {seed} is empty or holds only whitespace{left}",
                        f"put the article's text in {seed}, or delete {file} if it is not an article",
                        check="seed-empty")
    return problem if unheld else replace(problem, severity="warning")
