"""Placements: every annotation and witness anchored (anchors.anchor_quote) and the outcome turned into a
located `Placed` span or a Problem."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from .anchors import TYPOGRAPHY_SCORE, AnchorResult, anchor_quote, shown_score
from .dropped_quotes import in_seed, rule_named
from ..load.cleaning import CleanText, Dropped, holding
from ..common.errors import Problem, error, warning
from ..load.model import Article, Origin
from ..text.wordbounds import mid_word_ends, whole_words
from ..common.records import record


@record
class Placed:
    """A quote found in its article. Invariant: 0 <= start < end <= len(article text)."""

    start: int
    end: int
    status: str   # exact | disambiguated | fuzzy
    score: float
    diff: str = ""


def place(article: Article, quote: str, prefix: str | None, suffix: str | None, origin: Origin,
          what: str, fuzzy_floor: float, fuzzy_level: str, found: AnchorResult | None = None,
          context: tuple[Origin | None, Origin | None] = (None, None)
          ) -> tuple[Placed | None, tuple[Problem, ...], AnchorResult]:
    """Anchor one quote; describe failures with seed-file line numbers and paste-ready fixes. `found`: what
    anchor_quote gave for these arguments, when it was asked already; `context`: where the prefix and the
    suffix are written (a problem with one of them points there)."""
    result = found or anchor_quote(article.text.text, quote, prefix, suffix, fuzzy_floor=fuzzy_floor)
    seed = f"seeds/{article.meta.seed}"
    where = (origin.file, origin.line, origin.col)
    # What the editor chose around a quote found as written: its ends (anchor-mid-word), its prefix and suffix
    # (anchor-context). A typography-only difference is an exact match in all but quotes and dashes.
    as_written = result.status in ("exact", "disambiguated") or result.status == "fuzzy" and not result.closest
    chose = Chose(quote, prefix, suffix, origin, context)
    # (a prefix or suffix that fits no occurrence: the one it chose may be gone, and the quote is then not here)
    seen = in_seed(article.text, quote, prefix, suffix) if as_written and result.unfit or \
        result.status == "ambiguous" and "fits none" in result.hint else (None, ())
    gone = _gone(article, result, where, what, chose, seen[0]) if seen[0] or as_written and result.unfit else None
    if gone is not None:
        return None, (gone,), replace(result, status="orphan", start=None, end=None)
    edges = _mid_word(article, result, where, what) + _unfit(article, result, where, what, context, seen[1]) \
        if as_written else _unfit(article, result, where, what, context)
    if result.status in ("exact", "disambiguated"):
        return Placed(result.start, result.end, result.status, result.score), edges, result  # type: ignore[arg-type]
    # (matched only approximately, while the seed as written has the quote exactly on text an import rule leaves
    # out: the rule's doing, not a typo; the approximate match is a passage the quote was not written for, and
    # the context offered to choose it would move the annotation there. Review 127)
    # (a match in typography only is the quote found as written: review 132)
    if not as_written and (result.status == "fuzzy" or result.closest) and (on_dropped := _dropped(article, quote)):
        return None, (error(*where, f"{what} not found in {seed}", on_dropped, "anchor-not-found"),), \
            replace(result, status="orphan", start=None, end=None)
    if result.status == "fuzzy":
        problems: tuple[Problem, ...] = edges
        if fuzzy_level != "ignore":
            line = article.text.line_of(result.start or 0)
            found = article.text.text[result.start or 0:result.end or 0]
            problem = warning(*where, f"{what} matched only approximately (score {shown_score(result.score)}) at "
                              f"{seed}:{line}{_figures_differ(quote, found)}",
                              _elided(quote, article.text.text) + _fuzzy_hint(result, article.text), "anchor-fuzzy")
            problems += (replace(problem, severity="error") if fuzzy_level == "error" else problem,)
        return (Placed(result.start, result.end, "fuzzy", result.score, result.diff),  # type: ignore[arg-type]
                problems, result)
    if result.status == "ambiguous":
        return None, (_ambiguous(article, result, where, what, context),), result
    if not article.text.paragraphs and not _dropped(article, quote):  # (said once, by seed-empty: review 135)
        return None, (), result
    return None, (_not_found(article, quote, result, where, what),), result


def _not_found(article: Article, quote: str, result: AnchorResult, where: tuple[str, int, int], what: str) -> Problem:
    """The error of a quote not found: the closest passage, or the line an import rule drops that holds it."""
    seed, hint = f"seeds/{article.meta.seed}", result.hint
    if result.candidates:
        c = result.candidates[0]
        hint = (f"closest passage at {seed}:{article.text.line_of(c.start)} (score {shown_score(result.score)}): "
                f"{result.diff}" + (f"\n{result.hint}" if result.hint and "closest" not in result.hint else ""))
    # (the usual cause when many quotes go missing at once: a rule of site.yaml that drops too much; the closest
    # passage in the text is then beside the point)
    hint = _dropped(article, quote) or _elided(quote, article.text.text) + hint
    return error(*where, f"{what} not found in {seed}", hint, "anchor-not-found")


@record
class Chose:
    """What an annotation or witness wrote to choose its passage: the quote, its prefix and suffix, where the
    quote is written (`origin`) and where the prefix and suffix are (`context`)."""

    quote: str
    prefix: str | None
    suffix: str | None
    origin: Origin
    context: tuple[Origin | None, Origin | None]


def _gone(article: Article, result: AnchorResult, where: tuple[str, int, int], what: str, chose: Chose,
          dropped: Dropped | None) -> Problem | None:
    """The error of a quote whose prefix or suffix chose an occurrence the text no longer has, while the quote
    occurs elsewhere (placed there, the annotation would move to a passage it was not written for; review 87):
    - the occurrence it chooses in the seed as written is on a line an import rule drops (`dropped`): said at
      the quote, as a quote on a dropped line is (anchor-not-found), naming the rule;
    - another annotation of the article quotes the same words with another prefix or suffix, and this one's
      does not fit the one occurrence left: the two were written to choose between occurrences (anchor-moved).
    None when neither: a stale prefix or suffix of a quote found once stays a warning (`_unfit`)."""
    seed, text = f"seeds/{article.meta.seed}", article.text
    given = " and ".join(kind for kind, x in (("prefix", chose.prefix), ("suffix", chose.suffix)) if x and x.strip())
    if dropped is not None:
        both = " and " in given
        there = f"do{'' if both else 'es'} not fit the one occurrence the text has, at " \
            f"{seed}:{text.line_of(result.start)}, a passage it was not written for" if result.start is not None \
            else f"fit{'' if both else 's'} none of the {len(result.candidates)} occurrences the text has"
        return error(*where, f"{what} not found with its {given} in {seed}",
                     f"the quote with its {given} is on {seed}:{dropped.line}, which {rule_named(dropped)} leaves out "
                     f"of the text: narrow that rule, or quote text that is kept (its {given} {there})",
                     "anchor-not-found")
    words = " ".join(chose.quote.split())
    others = [a for a in article.meta.annotations if a.origin != chose.origin and " ".join(a.quote.split()) == words
              and (a.prefix or a.suffix) and (a.prefix, a.suffix) != (chose.prefix, chose.suffix)]
    if not others or result.start is None:
        return None
    kind = "prefix" if result.unfit.startswith("prefix") else "suffix"
    at = chose.context[0] if kind == "prefix" else chose.context[1]
    where = (at.file, at.line, at.col) if at is not None else where
    return error(*where, f"{what} occurs once, at {seed}:{text.line_of(result.start)}, and its {result.unfit}; "
                 f'annotation "{others[0].id}" quotes the same words with another context, so the occurrence this '
                 "one was written for may be gone",
                 "a prefix or suffix chooses between occurrences: find the passage it was written for (the seed may "
                 "have been captured again) and quote it as the text has it now, or remove the annotation; only if "
                 f"it is this passage, correct the {kind} to the words there", "anchor-moved")


_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.|\[\s*(?:…|\.\.\.)\s*\]")


def _elided(quote: str, text: str) -> str:
    """A first line for the hint of a quote with an ellipsis its article's text does not have ("We've been clear
    … a mistake"): a quote is one unbroken passage, it cannot leave words out ("" otherwise)."""
    mark = _ELLIPSIS.search(quote)
    if not mark or mark.group() in text:
        return ""
    return (f"the quote leaves words out ({mark.group()}), which a quote cannot: quote one unbroken passage, or "
            "make one annotation for each part\n")


# What anchors.py says of a prefix or suffix given for a quote that occurs several times
_GIVEN_FITS = re.compile(r"and the given (prefix/suffix|prefix|suffix) fits (none|\d+ of them)")


LISTED = 10  # places of an ambiguous quote listed in its message (a transcript's "(Laughter)": 6,600 lines)


def _ambiguous(article: Article, result: AnchorResult, where: tuple[str, int, int], what: str,
               context: tuple[Origin | None, Origin | None] = (None, None)) -> Problem:
    """The quote occurs several times: each occurrence with the context that chooses it, ready to paste. Those
    inside longer words ("US" in "USA") are counted, not offered: a quote is meant as whole words (and one that
    starts or ends inside a word is warned of). A prefix or suffix given that fits none of them (or several) is
    said to, at that key, which is what to change."""
    seed, text = f"seeds/{article.meta.seed}", article.text.text
    whole = [c for c in result.candidates if not any(mid_word_ends(text, c.start, c.end))]
    offered = whole or list(result.candidates)
    given = _GIVEN_FITS.search(result.hint)
    prefer = given.group(1) if given and given.group(1) != "prefix/suffix" else ""  # (the kind to change)
    lines = []
    for c in offered[:LISTED]:  # (the shorter of the two contexts: a repeated paragraph makes one side long)
        contexts = sorted((bool(prefer) and kind != prefer, len(x.split()), k, kind, x) for k, (kind, x) in
                          enumerate((("prefix", c.unique_prefix), ("suffix", c.unique_suffix))) if x)
        # (as YAML reads it back: a quotation mark in the context, a Hebrew headline's, is escaped)
        fix = f"{contexts[0][3]}: {json.dumps(contexts[0][4], ensure_ascii=False)}" if contexts else \
            "no unique context"
        if contexts and prefer and contexts[0][3] != prefer:
            fix += f" (and no {prefer})"
        lines.append(f"{seed}:{article.text.line_of(c.start)}: {fix}")
    if len(offered) > LISTED:
        lines.append(f"… and {len(offered) - LISTED:,} more places: a longer quote may be found once")
    inside = len(result.candidates) - len(whole)
    count = (f" ({len(whole)} as whole words, {inside} inside longer words, not listed)" if whole and inside else
             "")
    choose = "add a prefix or suffix to choose one" if len(offered) > 1 else "add this to choose it"
    if given:
        count += f", and its {given.group(1)} fits {given.group(2)}"
        choose = "change it to one that chooses one of them" if len(offered) > 1 else "change it to this"
        at = context[0] if given.group(1) != "suffix" else context[1]
        where = (at.file, at.line, at.col) if at is not None else where
    return error(*where, _occurs(result, what) + f" {len(result.candidates)} times in {seed}{count}",
                 _corrected(result) + f"{choose}:\n" + "\n".join(lines), "anchor-ambiguous")


def _occurs(result: AnchorResult, what: str) -> str:
    """How an ambiguous message begins: the quote occurs, or, matched only approximately (a misspelt quote of
    words the text repeats), the words it matches occur: correcting the quote would not place it either."""
    if not result.closest:
        return f"{what} occurs"
    return f"{what} matched only approximately (score {shown_score(result.score)}), and the text it matches occurs"


def _corrected(result: AnchorResult) -> str:
    """The first line of an ambiguous quote's hint when it matched only approximately: how the text differs."""
    if not result.closest:
        return ""
    differs = "differs" if "[-" in result.diff or "{+" in result.diff else "differs only in spacing"
    return f"closest text {differs}: {result.diff}\n"


def _dropped(article: Article, quote: str) -> str:
    """Where the quote is in the seed as written, when an import rule of site.yaml dropped that line or cut that
    part of it from the text: what to change instead of the quote ("" when no dropped text holds it)."""
    d = holding(article.text, quote)
    return "" if d is None else (f"the quote is on seeds/{article.meta.seed}:{d.line}, which {rule_named(d)} leaves "
                                 "out of the text: narrow that rule, or quote text that is kept")


_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")


def _figures_differ(quote: str, found: str) -> str:
    """What a fuzzy message adds when the quote's numbers are not the text's ("84 million" quoted where the text
    says "48 million" scored 97, and read as one more typo among the warnings, review 71): ", and its numbers
    differ from the text's: 84 in the quote, 48 in the text"; else ""."""
    said, written = _NUMBER.findall(quote), _NUMBER.findall(found)
    if said == written:
        return ""
    return (f", and its numbers differ from the text's: {', '.join(said) or 'none'} in the quote, "
            f"{', '.join(written) or 'none'} in the text")


def _fuzzy_hint(result: AnchorResult, text: CleanText) -> str:
    return result.hint if result.hint and result.diff in result.hint else \
        "; ".join(x for x in (result.hint, f"difference: {result.diff}" if result.diff else "") if x)


def _unfit(article: Article, result: AnchorResult, where: tuple[str, int, int], what: str,
           context: tuple[Origin | None, Origin | None], held: tuple[Dropped, ...] = ()) -> tuple[Problem, ...]:
    """A warning when the quote occurs once and its prefix or suffix does not fit the text around it: they only
    choose between occurrences, so a stale one (a seed captured again, a typo) would go unnoticed until the
    quote occurs twice, and then choose nothing. It stands where the first that does not fit is written. `held`:
    the lines an import rule drops that hold the quote too, of which the prefix or suffix fits none: it may
    have been written for one of them, so the hint asks to check before correcting it (review 87)."""
    if not result.unfit:
        return ()
    seed, line = f"seeds/{article.meta.seed}", article.text.line_of(result.start or 0)
    at = context[0] if result.unfit.startswith("prefix") else context[1]
    where = (at.file, at.line, at.col) if at is not None else where
    if result.closest:  # (matched only approximately: the context chose no passage close to it)
        return (warning(*where, f"{what} matched only approximately, at {seed}:{line}, and its {result.unfit}, nor "
                        "does it stand beside any other passage close to the quote",
                        "a prefix or suffix chooses among the passages close to the quote: correct it (and the quote) "
                        "to the words of the passage meant, or remove it", check="anchor-context"),)
    hint = "a prefix or suffix only chooses between occurrences: correct it to the words there, or remove it"
    if held:
        d = held[0]
        hint = (f"the seed as written has the quote {len(held) + 1} times, and site.yaml's import rules leave out "
                f"the other{'s' if len(held) > 1 else ''} ({seed}:{d.line}, which {rule_named(d)} drops"
                f"{'; …' if len(held) > 1 else ''}): if this is the passage it was written for, correct it to the "
                "words there, or remove it; else narrow that rule")
    return (warning(*where, f"{what} occurs once at {seed}:{line}, and its {result.unfit}", hint,
                    check="anchor-context"),)


def _mid_word(article: Article, result: AnchorResult, where: tuple[str, int, int], what: str) -> tuple[Problem, ...]:
    """A warning when the found text starts or ends inside a word ("ecote Engin" in "Lecote Engine"): such a
    quote usually lost a letter while being copied. The hint is the whole-word quote, ready to paste."""
    text, start, end = article.text.text, result.start or 0, result.end or 0
    starts, ends = mid_word_ends(text, start, end)
    if not (starts or ends):
        return ()
    edge = "starts and ends inside words" if starts and ends else "starts inside a word" if starts \
        else "ends inside a word"
    s, e = whole_words(text, start, end)
    words = " ".join(text[s:e].split())
    found = " ".join(text[start:end].split())
    return (warning(*where, f"{what} {edge} at seeds/{article.meta.seed}:{article.text.line_of(start)}",
                    f"it matched \"{found}\" inside \"{words}\"; to quote the whole words:\n"
                    f"quote: {json.dumps(words, ensure_ascii=False)}", check="anchor-mid-word"),)
