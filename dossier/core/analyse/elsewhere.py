"""Quotes written in the wrong file: an annotation or a comparison witness whose quote is not in its article's
text, nor close to anything there, while another article's text has it word for word.

An annotation moved or copied from another article's file (a witness naming the wrong article) was told "quote
not found" with the closest passage of its own article, which resembled it by chance ("[-a senior Israeli
official said-] {+he gave in Cairo+} on Thursday", score 60), while the quote was in the text of the article a
file away. Its hint now says where the quote is, and what to do: move the annotation to that article's file (a
witness: name that article), unless that article has it already (an annotation of it quoting the same words, a
witness of it in the same comparison: then this one is a copy, or was meant to quote its own article's words);
found in several other articles (wire copy), in how many, and the first few.

Only for a quote far from anything in its own text: a closest passage scoring CLOSE or more is taken for the one
meant, with slips (a typo), and keeps its hint. "Word for word" as anchoring reads it (anchors.py: spaces,
typography and the case of the first letter aside; the prefix or suffix chooses the line shown).

Pure. Run once per build over the problems, and only when such a quote was not found: the texts are then read
once for the inner words of those quotes (the words between their first and last, which only whole words of a
text can be), so that 1,000 quotes not found among 1,000 articles each look only at the texts that hold all its
inner words, not at every text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Callable, Iterable, NamedTuple, Sequence

from .anchors import anchor_quote
from ..common.errors import SHOWN, Problem
from ..load.model import Article, Comparison, Dossier
from ..text.nfc import nfc
from ..text.typography import FOLD, fold_key

__all__ = ["CLOSE", "flat", "said_where_found"]

# A closest passage of its own text scoring this much is taken for the passage meant, with slips: in the default
# dossier three letters mistyped in a quote left it 82 or more, while a passage of another article resembled a
# quote by chance with 70 or less (but for a few sentences the articles share, up to 80)
CLOSE = 75
_NOT_FOUND = re.compile(r'^(annotation|comparison) "[^"]*"(?:, witness "[^"]*")?: quote not found in seeds/\S+$')
_SCORE = re.compile(r"^closest passage at \S+ \(score (\d+)\)", re.M)
_NOTHING_LIKE = "not found; no passage of the article resembles it"
# (the characters whose folding changes a word of letters and digits: into nothing, a digit, or a space)
_IN_WORDS = re.compile("[" + re.escape("".join(c for c, to in FOLD.items()
                                               if not to or any(x.isalnum() or x.isspace() for x in to))) + "]")


class Quoted(NamedTuple):
    """What a problem's annotation or witness quotes, and the slug of the article it names; `comparison`: the
    witness's (None for an annotation)."""

    quote: str
    prefix: str | None
    suffix: str | None
    article: str
    comparison: Comparison | None = None


def said_where_found(problems: Sequence[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` with the hint of each quote not found in its article, nor close to anything there, saying
    where another article's text has it, when one has it (see the module docstring)."""
    far = [k for k, p in enumerate(problems) if _far(p)]
    if not far:
        return list(problems)
    quoted = _quoted(dossier, {(problems[k].file, problems[k].line, problems[k].col) for k in far})
    asked = {k: q for k in far if (q := quoted.get((problems[k].file, problems[k].line, problems[k].col)))}
    if not asked:
        return list(problems)
    texts = Texts(dossier.articles, [q.quote for q in asked.values()])
    out = list(problems)
    for k, q in asked.items():
        found = texts.holding(q)
        if found:
            def at(a: Article, q: Quoted = q) -> str:
                seed_line = line(a, q, dossier.config.fuzzy_floor)
                return f"seeds/{a.meta.seed}" + (f":{seed_line}" if seed_line is not None else "")

            out[k] = replace(out[k], hint=_elided(out[k].hint) + (
                _annotation_hint(q, found, at) if q.comparison is None else _witness_hint(q, found, at)))
    return out


def _far(p: Problem) -> bool:
    """Whether `p` says a quote is not found in its article, whose text has nothing close to it (its closest
    passage scores under CLOSE, or there is none)."""
    if p.severity != "error" or p.check != "anchor-not-found" or not _NOT_FOUND.match(p.message):
        return False
    score = _SCORE.search(p.hint)
    return int(score.group(1)) < CLOSE if score else _NOTHING_LIKE in p.hint


def _elided(hint: str) -> str:
    """What the hint says before its closest passage (placements._elided: the quote leaves words out), kept."""
    at = hint.find("closest passage at ")
    if at < 0:
        at = hint.find(_NOTHING_LIKE)
    return hint[:at] if at > 0 else ""


def _quoted(dossier: Dossier, at: set[tuple[str, int, int]]) -> dict[tuple[str, int, int], Quoted]:
    """The annotations and witnesses whose quote is written at a place of `at` (file, line, column)."""
    out = {}
    for a in dossier.articles:
        for ann in a.meta.annotations:
            where = (ann.origin.file, ann.origin.line, ann.origin.col)
            if where in at and ann.quote:
                out[where] = Quoted(ann.quote, ann.prefix, ann.suffix, a.slug)
    for c in dossier.comparisons:
        for w in c.witnesses:
            where = (w.origin.file, w.origin.line, w.origin.col)
            if where in at and w.quote:
                out[where] = Quoted(w.quote, w.prefix, w.suffix, w.article, c)
    return out


def flat(text: str) -> str:
    """`text` as anchoring's second rung compares it (anchors.py): in NFC, typography folded (typography.fold_key),
    each run of spaces one space."""
    return " ".join(fold_key(nfc(text) or "").split())


def _inner(quote: str) -> list[str]:
    """The words of `quote` between its first and its last that are letters and digits alone, folded: whole
    words of any text that has the quote (its first and last may be the ends of longer words)."""
    return [word for word in flat(quote).split()[1:-1] if word.isalnum()]


class Texts:
    """The articles' texts, each read once for the words of the quotes looked for: which texts hold each."""

    def __init__(self, articles: Sequence[Article], quotes: Iterable[str]) -> None:
        wanted = {word for quote in quotes for word in _inner(quote)}
        self.articles = sorted(articles, key=lambda a: a.meta.origin.file)
        self.with_word: dict[str, set[int]] = {}
        for i, a in enumerate(self.articles):
            text = a.text.text
            # (a word of letters and digits is the same folded, unless a character folds into one or into nothing:
            # a soft hyphen, a Hebrew point, an Arabic digit; such texts, and those not in NFC, are folded first)
            words = text.split() if unicodedata.is_normalized("NFC", text) and not _IN_WORDS.search(text) else \
                flat(text).split()
            for word in wanted.intersection(words):
                self.with_word.setdefault(word, set()).add(i)
        self._flats: dict[int, str] = {}

    def holding(self, q: Quoted) -> list[Article]:
        """The articles but `q.article` whose text has `q.quote` word for word, in file order."""
        inner = _inner(q.quote)
        if not inner:
            return []  # (a quote of one or two words: many texts may have it by chance)
        sets = sorted((self.with_word.get(word, set()) for word in inner), key=len)
        quote = flat(q.quote)
        ways = {quote, quote[:1].swapcase() + quote[1:]}   # (anchoring ignores the case of the first letter)
        return [self.articles[i] for i in sorted(set.intersection(*sets)) if self.articles[i].slug != q.article
                and any(way in self._flat_text(i) for way in ways)]

    def _flat_text(self, i: int) -> str:
        if i not in self._flats:
            self._flats[i] = flat(self.articles[i].text.text)
        return self._flats[i]


def line(a: Article, q: Quoted, floor: float) -> int | None:
    """The seed line of `q`'s quote in the text of `a`, which has it: where anchors.anchor_quote finds it (the
    first occurrence when its prefix or suffix chooses none); None should anchoring not find it (reading the
    text otherwise than `Texts.holding`)."""
    quote = q.quote.strip()
    at = -1 if q.prefix or q.suffix else a.text.text.find(quote)  # (the usual case: the quote as the text has it)
    if at < 0:
        found = anchor_quote(a.text.text, q.quote, q.prefix, q.suffix, fuzzy_floor=floor)
        # (a passage only close to the quote, found once or several times, is not the quote)
        at = -1 if found.closest else found.candidates[0].start if found.status == "ambiguous" and found.candidates \
            else -1 if found.start is None else found.start
    return a.text.line_of(at) if at >= 0 else None


def _listed(found: Sequence[Article], at: Callable[[Article], str], name: Callable[[Article], str]) -> str:
    """The first SHOWN of `found`, each as its seed line and `name(article)`, then how many more."""
    shown = ", ".join(f"{at(a)} ({name(a)})" for a in found[:SHOWN])
    return shown + (f" and {len(found) - SHOWN} more" if len(found) > SHOWN else "")


def _annotation_hint(q: Quoted, found: Sequence[Article], at: Callable[[Article], str]) -> str:
    """What to do with an annotation whose quote is in the texts of the articles `found`, not its own."""
    lead = "the quote is not in this article's text, but it is in "
    own = "if it is meant for this article, quote this article's own words instead"
    if len(found) > 1:
        return (f"{lead}the texts of {len(found)} other articles: {_listed(found, at, lambda a: a.meta.origin.file)}: "
                f"move the annotation to the file of the one it was written for ({own})")
    a = found[0]
    file, words = a.meta.origin.file, " ".join(q.quote.split())
    there = next((ann for ann in a.meta.annotations if " ".join(ann.quote.split()) == words), None)
    if there is not None:
        return (f'{lead}{at(a)}, the text of {file}, whose annotation "{there.id}" quotes it already '
                f"({file}:{there.origin.line}:{there.origin.col}): move the annotation to that file, or delete it "
                f"if it is a copy of that one ({own})")
    return f"{lead}{at(a)}, the text of {file}: move the annotation to that file ({own})"


def _witness_hint(q: Quoted, found: Sequence[Article], at: Callable[[Article], str]) -> str:
    """What to do with a witness whose quote is in the texts of the articles `found`, not the one it names. A
    comparison has one witness an article: one it has a witness of already is not one to name instead."""
    assert q.comparison is not None
    witnessed = {w.article: w for w in q.comparison.witnesses}
    free = [a for a in found if a.slug not in witnessed]
    lead = f'the quote is not in the text of "{q.article}", but it is in '
    own = f'if it is meant for "{q.article}", quote that article\'s own words instead'
    if len(free) > 1:
        return (f"{lead}the texts of {len(free)} other articles: {_listed(free, at, lambda a: a.slug)}: name the "
                f"one the witness is from (article: its slug; {own})")
    if free:
        return f'{lead}{at(free[0])}, the text of "{free[0].slug}": name that article (article: {free[0].slug}; {own})'

    def witness(a: Article) -> str:
        w = witnessed[a.slug]
        return f'"{a.slug}", whose witness is at {w.origin.file}:{w.origin.line}:{w.origin.col}'

    if len(found) > 1:
        return (f"{lead}the texts of {len(found)} other articles this comparison has witnesses of already: "
                f"{_listed(found, at, witness)}: if this witness is a copy of one of them, remove it; {own}")
    there = witnessed[found[0].slug]
    if " ".join(there.quote.split()) != " ".join(q.quote.split()):  # (no copy of it: review 116)
        return (f"{lead}{at(found[0])}, the text of {witness(found[0])} in this comparison already, quoting other "
                f"words of it: a comparison has one witness an article, so {own}")
    return (f"{lead}{at(found[0])}, the text of {witness(found[0])} in this comparison already: if this witness "
            f"is a copy of it, remove it; {own}")
