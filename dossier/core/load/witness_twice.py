"""A comparison's witness that names an article another witness names already, and whose quote is in another
article's text: one mistake, the article named, said once, at it (review 127).

Writing `article: review-journal-netanyahu-rebuffs` for `free-beacon-we-will-do-it-alone` was said twice: at the
article ("is a witness twice", hint: the first is witness 1) and at the quote ("quote not found", whose hint,
elsewhere.py's, names the article whose text has it). The second is the first's consequence and holds its fix:
the witness-duplicate error now carries it as its did-you-mean, and the quote's error is not said. A quote found
in no other article stays said at the quote: it may be wrong as well. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from ..common.errors import Problem
from .model import Dossier

__all__ = ["said_at_witness_twice"]

# What elsewhere.py's hint of a witness's quote found in other articles' texts says (`_witness_hint`): in one,
# "…, the text of "slug": name that article (article: slug; …)"; in several, "…: name the one the witness is from"
_IN_ONE = re.compile(r'the quote is not in the text of "[^"]+", but it is in (?P<at>\S+), the text of "(?P<slug>[^"]+)": '
                     r"name that article \(article: ")
_IN_SEVERAL = re.compile(r'the quote is not in the text of "[^"]+", but it is in the texts of \d+ other articles: .*'
                         r": name the one the witness is from", re.S)


def said_at_witness_twice(problems: Iterable[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` with the witness-duplicate error of each article named twice, one of whose witnesses has a quote
    another article's text holds, said at that witness (the earlier or the later: review 132) with that article
    as its did-you-mean, and that quote's anchor-not-found error left out."""
    out = list(problems)
    twice = {(p.file, p.line, p.col): k for k, p in enumerate(out) if p.check == "witness-duplicate"}
    if not twice:
        return out
    quotes = {(p.file, p.line, p.col): k for k, p in enumerate(out)
              if p.check == "anchor-not-found" and p.severity == "error"}
    dropped: set[int] = set()
    for c in dossier.comparisons:
        named: dict[str, list[int]] = {}
        for i, w in enumerate(c.witnesses):
            named.setdefault(w.article, []).append(i)
        for article, places in named.items():
            at = [c.witnesses[i].article_origin or c.witnesses[i].origin for i in places]
            errors = [k for a in at if (k := twice.get((a.file, a.line, a.col))) is not None]
            wrong = [(n, j) for n, i in enumerate(places) if (j := quotes.get(_where(c.witnesses[i]))) is not None
                     and _meant(article, 0, out[j].hint)]
            if not errors or len(wrong) != 1:
                continue
            n, j = wrong[0]
            other = places[1] if n == 0 else places[0]
            own = twice.get((at[n].file, at[n].line, at[n].col))  # (its own error when it is not the first; else
            k = own if own is not None else errors[0]             # the next one's, which its fix takes away)
            out[k] = replace(out[k], file=at[n].file, line=at[n].line, col=at[n].col,
                             hint=_meant(article, other, out[j].hint, later=n > 0))
            dropped.add(j)  # (a third witness naming the article is still one too many: said, review 134)
    return [p for k, p in enumerate(out) if k not in dropped]


def _where(w: Any) -> tuple[str, int, int]:
    return w.origin.file, w.origin.line, w.origin.col


def _meant(named: str, first: int | None, found: str, later: bool = True) -> str:
    """The witness-duplicate error's hint of a witness naming `named`, whose other witness is number `first` + 1
    (before it when `later`), from `found`, the hint of its quote not found there ("" when it names no other
    article)."""
    if first is None:
        return ""
    one = _IN_ONE.search(found)
    if one:
        return (f'did you mean "{one["slug"]}"? the quote is in {one["at"]}, the text of "{one["slug"]}", not in that '
                f'of "{named}", which is witness {first + 1} {"already" if later else "too"}: write article: {one["slug"]}')
    several = _IN_SEVERAL.search(found)
    if several:
        said = f'the first of "{named}" is witness {first + 1}' if later else f'"{named}" is witness {first + 1} too'
        return f"one witness per article, and {said}; {several.group()}"
    return ""
