"""Quotes that a `strip:` rule of site.yaml cuts words out of: said once, at the rule.

A `strip` pattern meant for furniture that also matches the articles' own words (`'Advertisement|said'`, or
`'\\(.*\\)'` for photo credits, which takes "(D., N.Y.)" out of a sentence too) cuts them out of every line it
matches: each quote of such a line was said at its annotation, as an approximate match (the word it lost shown as
the quote's typo) or as not found, and the rule, the one line to mend, nowhere (review 144). A quote that the
seed as written has (once, or where its prefix or suffix chooses), where a strip rule cut characters of it, is that
rule's doing: one problem at the rule's pattern (`site-rule-drops-quotes`, as for a rule that leaves quotes out
whole: dropped_quotes.py) in the place of those quotes' anchoring problems, an error when any of them would be
one. A quote the seed as written does not have either is said at the quote, as before. Pure.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from .anchors import anchor_quote, exact_spans
from ..common.errors import Problem, error, warning
from ..common.records import record
from ..load.cleaning import CleanText, Cuts, RuleTimedOut, strip_cuts
from ..load.config import Rule, SiteConfig
from ..load.model import Article, Dossier, Origin

LISTED = 10  # the quotes listed in the rule's hint
_SIDE = 30   # characters of the quote shown on each side of what the rule cut


@record
class Cut:
    """A quote (`what`, written at `origin`; its prefix and suffix at `context`) that `rule` cut characters of: on
    line `line` of seeds/`seed`, the quote as the line writes it (`written`), of which the rule took `taken`, a
    (start, end) in it (the whole of it: a quote the rule's cut holds whole)."""

    rule: Rule
    what: str
    origin: Origin
    context: tuple[Origin | None, Origin | None]
    seed: str
    line: int
    written: str
    taken: tuple[int, int]

    @property
    def whole(self) -> bool:
        return self.taken == (0, len(self.written))

    @property
    def removed(self) -> str:
        return " ".join(self.written[self.taken[0]:self.taken[1]].split())


@record
class _AsWritten:
    """A seed's lines that no rule drops whole, each stripped of its surrounding spaces and none of its parts cut,
    joined as a CleanText's paragraphs are (`text`): where each begins in it, its seed line, the spaces its start
    lost, and what each strip rule cut of it."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[tuple[int, int, Cuts], ...]  # (seed line, spaces before its text, its cuts)


def as_written(raw: str, text: CleanText, config: SiteConfig) -> _AsWritten:
    """The text of seed `raw` (cleaned as `text`) that the drop_lines rules keep, before the strip rules cut it."""
    gone = {d.line for d in text.dropped if d.whole_line}
    kept, starts, lines, at = [], [], [], 0
    for number, line in enumerate(raw.split("\n"), start=1):
        if number in gone or not line.strip():
            continue
        kept.append(line.strip())
        starts.append(at)
        lines.append((number, len(line) - len(line.lstrip()), strip_cuts(line, config.strip, number)[1]))
        at += len(kept[-1]) + 2
    return _AsWritten("\n\n".join(kept), tuple(starts), tuple(lines))


def cut_into(written: _AsWritten, quote: str, prefix: str | None, suffix: str | None
             ) -> tuple[Rule, int, str, tuple[int, int]] | None:
    """The strip rule that cut characters of `quote` where the seed as written has it (once, or where its prefix
    or suffix chooses): the rule, the seed line, the quote as written there and the (start, end) in it that the
    rule took (the first rule, in site.yaml's order, of those that cut into it). None when it does not have it
    there, or no rule cut into it."""
    spans = exact_spans(written.text, quote)
    if len(spans) > 1:
        found = anchor_quote(written.text, quote, prefix, suffix)
        spans = [(found.start, found.end)] if found.status == "disambiguated" and found.end is not None else []
    if len(spans) != 1:
        return None
    start, end = spans[0]
    first = bisect_right(written.starts, start) - 1
    for k in range(first, bisect_right(written.starts, end - 1)):
        number, lead, cuts = written.lines[k]
        for rule, where in cuts:
            inside = [i for i in (written.starts[k] + i - lead for i in where) if start <= i < end]
            if inside:
                return rule, number, written.text[start:end], (inside[0] - start, inside[-1] + 1 - start)
    return None


def cut_quotes(dossier: Dossier, raw: Mapping[str, str], asked: set[tuple[str, int, int]]) -> list[Cut]:
    """The quotes (of annotations and witnesses) written at one of the places `asked` (file, line, column: of the
    quote, its prefix or its suffix) that a strip rule cut into: the annotations', article by article, then the
    witnesses'. `raw`: each seed's text as decoded."""
    articles = {a.slug: a for a in dossier.articles
                if any(not d.whole_line and d.at != (0, 0) for d in a.text.dropped)}
    quoted: list[tuple[Article, str, Origin, tuple[Origin | None, Origin | None], str, str | None, str | None]] = []
    for a in articles.values():
        quoted += [(a, f'annotation "{n.id}"', n.origin, (n.prefix_origin, n.suffix_origin), n.quote, n.prefix,
                    n.suffix) for n in a.meta.annotations]
    for c in dossier.comparisons:
        quoted += [(articles[w.article], f'comparison "{c.id}", witness "{w.article}"', w.origin,
                    (w.prefix_origin, w.suffix_origin), w.quote, w.prefix, w.suffix)
                   for w in c.witnesses if w.article in articles]
    written: dict[str, _AsWritten | None] = {}
    found = []
    for article, what, origin, context, quote, prefix, suffix in quoted:
        places = {(o.file, o.line, o.col) for o in (origin, *context) if o is not None}
        if not places & asked or not quote.strip() or exact_spans(article.text.text, quote):
            continue
        if article.slug not in written:
            written[article.slug] = _written(article, raw, dossier.config)
        text = written[article.slug]
        cut = cut_into(text, quote, prefix, suffix) if text is not None else None
        if cut is not None:
            found.append(Cut(cut[0], what, origin, context, article.meta.seed, cut[1], cut[2], cut[3]))
    return found


def _written(article: Article, raw: Mapping[str, str], config: SiteConfig) -> _AsWritten | None:
    seed = raw.get(article.meta.seed)
    if seed is None:
        return None
    try:
        return as_written(seed, article.text, config)
    except RuleTimedOut:  # (a rule stopped on this seed did not let it be read: not an article)
        return None


def said_at_cuts(problems: Sequence[Problem], dossier: Dossier, raw: Mapping[str, str]) -> list[Problem]:
    """`problems` with the anchoring problems of the quotes each strip rule cut into said once, at the rule, when it
    cut into words of one at least (a rule that only leaves quotes out whole is dropped_quotes.py's)."""
    asked = {(p.file, p.line, p.col) for p in problems if p.check.startswith("anchor-")}
    if not asked or not dossier.config.strip:
        return list(problems)
    groups: dict[tuple[int, int], list[Cut]] = {}
    for cut in cut_quotes(dossier, raw, asked):
        groups.setdefault(cut.rule.at, []).append(cut)
    out = list(problems)
    for group in groups.values():
        places = {(o.file, o.line, o.col) for c in group for o in (c.origin, *c.context) if o is not None}
        folded = [k for k, p in enumerate(out) if p.check.startswith("anchor-") and (p.file, p.line, p.col) in places]
        if not folded or all(c.whole for c in group):
            continue
        fails = any(dossier.config.level(out[k].check, out[k].severity) == "error" for k in folded)
        said = _at_rule(group, fails)  # (in the place of the first it says)
        out = [said if k == folded[0] else p for k, p in enumerate(out) if k == folded[0] or k not in folded]
    return out


def _at_rule(group: Sequence[Cut], fails: bool) -> Problem:
    """The problem at the strip rule that cut into the quotes of `group` (one at least of them not whole)."""
    group = sorted(group, key=lambda c: (c.origin.file, c.origin.line, c.origin.col))
    rule = group[0].rule
    example = next(c for c in group if not c.whole)
    notes = sum(c.what.startswith("annotation ") for c in group)
    where = f"{example.origin.file}:{example.origin.line}:{example.origin.col}"
    if len(group) == 1:
        whose, so = f"the quote of {example.what} ({where})", "so it is not found as written: it quotes"
    else:
        whose = f"{notes} annotations' quotes" if notes == len(group) else \
            f"{len(group)} comparison witnesses' quotes" if not notes else \
            f"{len(group)} quotes ({notes} of annotations, {len(group) - notes} of comparison witnesses)"
        so = f"so none of them is found as written: {example.what} ({where}) quotes"
    made = error if fails else warning
    listed = [f"{c.origin.file}:{c.origin.line}:{c.origin.col}: {c.what}, on seeds/{c.seed}:{c.line}: cuts "
              + ("the whole quote" if c.whole else f'"{_short(c.removed)}"') for c in group[:LISTED]]
    listed += [f"… and {len(group) - LISTED} more"] if len(group) > LISTED else []
    return made("site.yaml", *rule.at,
                f'the strip pattern "{rule.pattern.pattern}" (why: {rule.why}) cuts words out of {whose}, {so} '
                f'"{_shown(example)}" (seeds/{example.seed}:{example.line}), and the rule cuts '
                f'"{_short(example.removed)}" out of it',
                "narrow the pattern to the furniture it is meant for, so that it cannot match inside the articles' "
                "sentences (anchor it to whole lines with ^ and $); if what it cuts is furniture indeed, quote the "
                "text as it is kept"
                + ("; the quotes:\n" + "\n".join(listed) if len(group) > 1 else ""), "site-rule-drops-quotes")


def _shown(cut: Cut) -> str:
    """The quote as written around what the rule took, each side shortened to about _SIDE characters (spaces
    collapsed, as anchoring reads them)."""
    start, end = cut.taken
    before, taken, after = (" ".join(x.split()) for x in (cut.written[:start], cut.written[start:end],
                                                          cut.written[end:]))
    if len(before) > _SIDE:
        before = "…" + (before[-_SIDE:].partition(" ")[2] or before[-_SIDE:])
    if len(after) > _SIDE:
        after = (after[:_SIDE].rpartition(" ")[0] or after[:_SIDE]) + "…"
    # (a space between the parts where the quote has one, on either side of the edge: the cut may hold it)
    spaced = [any(c.isspace() for c in cut.written[max(at - 1, 0):at + 1]) for at in (start, end)]
    return before + (" " if before and spaced[0] else "") + _short(taken) + (" " if after and spaced[1] else "") \
        + after


def _short(text: str) -> str:
    return text if len(text) <= 2 * _SIDE else text[:_SIDE].rstrip() + " … " + text[-_SIDE:].lstrip()
