"""Entity mentions: find where articles name an entity, by its aliases, in one pass per text.

One Aho–Corasick automaton holds every alias key, so the cost of scanning an article does not grow with
the number of entities; build a `MentionMatcher` once and reuse it for every article.

Matching works on a *folded* copy of the text that has exactly the same length as the text (every
character maps to exactly one character), so offsets found in the fold are offsets in the text. Names and
texts are compared in Unicode NFC ("Zoë" as U+00EB or as "e" + U+0308 is one name): a text that is not NFC is
matched in its NFC form and each mention mapped back to the original characters (see nfc.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

from ..text.nfc import nfc, nfc_text
from ..common.records import frozen
from .name_bounds import WORDLIKE, bounded, shouted
from ..text.wordbounds import unspaced

__all__ = ["AliasSpec", "Exclusion", "Mention", "MentionMatcher", "alias_collisions", "match_key",
           "sentence_around", "sentence_spans"]

# Typography that editors cannot be expected to type: curly apostrophes, dashes, odd spaces and the line
# breaks of wrapped Markdown. Each maps to ONE character so offsets survive the fold.
_TYPO = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\n": " ", "\r": " ",
    # Hebrew's gershayim, geresh and maqaf, for '"', "'" and "-" ("צה״ל" is the alias "צה\"ל")
    "\u05f4": '"', "\u05f3": "'", "\u05be": "-",
})


_TYPO_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _TYPO) + "]")


def _typo(text: str) -> str:
    # str.translate looks up every character in a dict; a regex finds the few that change much faster.
    return _TYPO_CHARS.sub(lambda m: _TYPO[ord(m.group())], text)


# Letters whose case fold is no help, each folded to one character: Turkish writes "İ" for the capital of "i"
# (casefold makes it two characters) and "I" for that of "ı", so "DİYARBAKIR" is "Diyarbakır" (and English copy
# writes "Diyarbakir"); German's capital sharp s "ẞ" casefolds to "ss" and is "ß".
_FOLD_MORE = {"\u0131": "i", "\u0130": "i", "\u1e9e": "\u00df"}
_FOLD_MORE_CHARS = re.compile("[" + "".join(_FOLD_MORE) + "]")


def _casefold_aligned(text: str) -> str:
    """Casefold one character to one character; characters that would expand ("ß" → "ss") are kept."""
    folded = text.casefold()
    # casefold never shrinks a character, so equal length means no character expanded and offsets align.
    if len(folded) != len(text):
        folded = "".join(f if len(f := c.casefold()) == 1 else c for c in text)
    return _FOLD_MORE_CHARS.sub(lambda m: _FOLD_MORE[m.group()], folded)


def match_key(text: str) -> str:
    """The matcher's comparison key: NFC, typography folded and case folded, as long as NFC(`text`)."""
    return _casefold_aligned(_typo(nfc(text) or ""))


@frozen
class AliasSpec:
    """One way an article may name an entity. Invariant: entity and alias are non-empty and the alias has
    no surrounding whitespace (a padded alias could never satisfy the whole-word rule)."""

    entity: str
    alias: str

    def __post_init__(self) -> None:
        if not self.entity:
            raise ValueError("AliasSpec.entity must not be empty")
        if not self.alias or self.alias != self.alias.strip():
            raise ValueError(f"AliasSpec.alias must be non-empty and unpadded: {self.alias!r}")


@frozen
class Exclusion:
    """Mentions of `entity` that must not count. Invariant: entity is non-empty; each of alias, article and
    context narrows the exclusion when given (None = no restriction on that field)."""

    entity: str
    alias: str | None = None
    article: str | None = None
    context: str | None = None

    def __post_init__(self) -> None:
        if not self.entity:
            raise ValueError("Exclusion.entity must not be empty")


@frozen
class Mention:
    """A matched alias. Invariant: 0 <= start < end; text[start:end] folds (match_key) to match_key(alias);
    `alias` is the AliasSpec.alias that matched (as written), `entity` its entity."""

    start: int
    end: int
    entity: str
    alias: str


@frozen
class _Entry:
    """One AliasSpec compiled for case checks. `form` is the typography-folded alias (same length as key)."""

    entity: str
    alias: str
    form: str
    acronym: bool                       # every cased letter is upper case: matches exactly only
    letters: int
    words: tuple[tuple[int, int, bool], ...]   # (start, end, exact) letter runs of `form`

    @staticmethod
    def of(spec: AliasSpec) -> _Entry:
        form = _typo(nfc(spec.alias) or "")
        cased = [c for c in form if c.isupper() or c.islower()]
        acronym = bool(cased) and not any(c.islower() for c in cased)
        words = tuple((m.start(), m.end(), len(m.group()) >= 2 and not any(c.islower() for c in m.group()))
                      for m in re.finditer(r"[^\W\d_]+", form))
        return _Entry(spec.entity, spec.alias, form, acronym, sum(c.isalpha() for c in form), words)

    def accepts(self, surface: str) -> bool:
        """Case rule for a surface that already equals the alias under match_key."""
        if surface == self.form:
            return True
        if self.acronym:                # "US" must never match "us", nor "U.S." match "u.s."
            return False
        if not any(c.islower() for c in surface):
            return self.letters >= 4    # headline caps: "HAMAS", "GAZA"; short names stay exact ("Mo" ≠ "MO")
        for start, end, exact in self.words:
            if exact:                   # an acronym inside a name: "IDF Spokesperson"
                if surface[start:end] != self.form[start:end]:
                    return False
            elif surface[start] != self.form[start]:
                return False            # "gaza" is a word, not the place; the rest of the word may vary
        return True


@frozen
class _Group:
    """All entries sharing one key, in declaration order (the first acceptable, non-excluded one wins)."""

    length: int
    entries: tuple[_Entry, ...]


class MentionMatcher:
    """Finds alias mentions. Invariant: immutable after construction; find() is a pure function of its
    arguments. Mentions are leftmost-longest, non-overlapping, whole-word and sorted by start."""

    def __init__(self, aliases: Iterable[AliasSpec], exclusions: Iterable[Exclusion] = ()) -> None:
        specs: dict[AliasSpec, None] = dict.fromkeys(aliases)     # dedupe, keep declaration order
        by_key: dict[str, list[AliasSpec]] = {}
        for spec in specs:
            by_key.setdefault(match_key(spec.alias), []).append(spec)
        self._aliases = tuple(specs)
        self._by_key = by_key
        self._search: tuple[ahocorasick.Automaton | None, list[_Group]] | None = None
        self._keys = frozenset(by_key)
        self._excluded = tuple(dict.fromkeys(exclusions))
        self._exclusions: dict[str, tuple[Exclusion, ...]] = {}
        for ex in self._excluded:
            self._exclusions[ex.entity] = self._exclusions.get(ex.entity, ()) + (ex,)

    def _searched(self) -> tuple[ahocorasick.Automaton | None, list[_Group]]:
        """The automaton of every alias's key, and the entries of each key (its group) in the automaton's
        numbering: made when `find` first runs (a build that finds no mention anew, a note edited, makes
        neither: 25 ms at 500 entities)."""
        if self._search is None:
            groups: list[_Group] = []
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING) if self._by_key else None
            for key, specs in self._by_key.items():
                automaton.add_word(key, len(groups))  # type: ignore[union-attr]
                groups.append(_Group(len(key), tuple(_Entry.of(spec) for spec in specs)))
            if automaton is not None:
                automaton.make_automaton()
            self._search = automaton, groups
        return self._search

    @property
    def aliases(self) -> tuple[AliasSpec, ...]:
        """The distinct alias specs, in declaration order."""
        return self._aliases

    by_key = property(lambda self: self._by_key, doc="The distinct alias specs by match key, in order (read only).")

    @property
    def made_of(self) -> tuple[tuple[AliasSpec, ...], tuple[Exclusion, ...]]:
        """Everything find() reads beside its arguments: the distinct alias specs and exclusions, in order."""
        return self._aliases, self._excluded

    def knows(self, name: str) -> bool:
        """True if `name` is some alias under match_key (ignoring case rules and exclusions)."""
        return match_key(name) in self._keys

    def unknown_exclusions(self) -> tuple[Exclusion, ...]:
        """Exclusions that can never apply: unknown entity, or an alias that entity does not have."""
        known = {(a.entity, match_key(a.alias)) for a in self._aliases}
        entities = {e for e, _ in known}
        return tuple(ex for ex in self._excluded
                     if ex.entity not in entities
                     or (ex.alias is not None and (ex.entity, match_key(ex.alias)) not in known))

    def find(self, text: str, article: str = "", forbidden: Sequence[tuple[int, int]] = ()) -> tuple[Mention, ...]:
        """Mentions in `text`, sorted. A candidate overlapping any `forbidden` (start, end) range is dropped
        before the longest-match choice; exclusions apply after it, and an excluded span is not replaced
        by a shorter match inside it (that would usually tag the wrong thing)."""
        automaton, groups = self._searched()
        if automaton is None or not text:
            return ()
        mapped = nfc_text(text)
        if mapped is not None:   # match the NFC form, report the original characters
            found = self.find(mapped.text, article, [mapped.to_nfc(s, e) for s, e in forbidden])
            return tuple(Mention(*mapped.span(m.start, m.end), m.entity, m.alias) for m in found)
        typo = _typo(text)
        blocked = _Blocker(forbidden)
        candidates: list[tuple[int, int, tuple[_Entry, ...]]] = []
        for last, gid in automaton.iter(_casefold_aligned(typo)):
            group = groups[gid]
            end = last + 1
            start = end - group.length
            if not bounded(typo, start, end) or blocked.hits(start, end):
                continue
            surface = typo[start:end]
            entries = tuple(e for e in group.entries if e.accepts(surface))
            if any(e.acronym and e.form.casefold() in WORDLIKE for e in entries) and shouted(text, start, end):
                entries = tuple(e for e in entries if not e.acronym)  # ("HELP US", "WHO IS TO BLAME")
            if entries:
                candidates.append((start, end, entries))
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        candidates = _longest_unspaced(typo, candidates)
        out: list[Mention] = []
        cuts: list[_Cuts] = []          # built at most once, and only if a context exclusion needs it
        reach = 0
        for start, end, entries in candidates:
            if start < reach:
                continue
            reach = end
            for entry in entries:
                exs = self._exclusions.get(entry.entity, ())
                if any(_excludes(ex, entry, article, text, start, end, cuts) for ex in exs):
                    continue
                out.append(Mention(start, end, entry.entity, entry.alias))
                break
        return tuple(out)


def _longest_unspaced(typo: str, candidates: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Without spaces between words the aliases are the dictionary, and the longest wins where two overlap,
    wherever each begins: "沙特阿拉伯" (Saudi Arabia) over "加沙" (Gaza) in "参加沙特阿拉伯" (review 64; leftmost
    first, "加沙" won). Only between names of such scripts: elsewhere the leftmost wins, as before."""
    cjk = [c for c in candidates if unspaced(typo[c[0]])]
    if not cjk:
        return candidates
    beaten = [c for c in cjk if any(d[0] < c[1] and c[0] < d[1] and d[1] - d[0] > c[1] - c[0] for d in cjk)]
    return [c for c in candidates if c not in beaten] if beaten else candidates


def _excludes(ex: Exclusion, entry: _Entry, article: str, text: str, start: int, end: int,
              cuts: list[_Cuts]) -> bool:
    if ex.article is not None and ex.article != article:
        return False
    if ex.alias is not None and match_key(ex.alias) != match_key(entry.alias):
        return False
    if ex.context is not None:
        if not cuts:
            cuts.append(_Cuts(text))
        s, e = cuts[0].around(start, end)
        # Folded on both sides: editors type straight quotes and may not match the article's casing.
        return match_key(ex.context) in match_key(text[s:e])
    return True


class _Blocker:
    """Overlap test against forbidden ranges: sorted starts plus a running maximum of ends, so the ranges
    starting before `end` are a prefix and one comparison tells whether any reaches past `start`."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        spans = sorted((int(s), int(e)) for s, e in ranges)
        for s, e in spans:
            if s > e:
                raise ValueError(f"forbidden range ({s}, {e}) ends before it starts")
        self._starts = [s for s, _ in spans]
        self._reach: list[int] = []
        top = -1
        for _, e in spans:
            top = max(top, e)
            self._reach.append(top)

    def hits(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


# --- sentences -----------------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|\Z)")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# A period after these is (almost) never a sentence end in news copy.
_ABBREVIATIONS = frozenset("mr mrs ms dr st gen lt col capt sgt maj adm cmdr sen rep gov prof jr sr rev hon vs "
                           "jan feb mar apr jun jul aug sep sept oct nov dec".split())


class _Cuts:
    """Sentence cuts of one text as (end of previous sentence, start of next), both non-decreasing."""

    def __init__(self, text: str) -> None:
        self.text = text
        cuts: list[tuple[int, int]] = []
        for m in _TERMINAL.finditer(text):
            if m.group() == "." and _abbreviation(text, m.start()):
                continue
            cuts.append((m.end(), m.end()))
        cuts.extend((m.start(), m.end()) for m in _PARAGRAPH.finditer(text))
        cuts.sort()
        self._ends = [c[0] for c in cuts]
        self._starts = [c[1] for c in cuts]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self._starts, start) - 1
        j = bisect_left(self._ends, end)
        s = self._starts[i] if i >= 0 else 0
        e = self._ends[j] if j < len(self._ends) else len(self.text)
        # Trim the whitespace that separates sentences, never cutting into the span itself.
        while s < start and self.text[s].isspace():
            s += 1
        while e > end and self.text[e - 1].isspace():
            e -= 1
        return s, e


def _abbreviation(text: str, dot: int) -> bool:
    """A lone period that does not end a sentence: "Mr.", initials ("J.", "U.S."), or lower case next."""
    nxt = _NEXT_CHAR.match(text, dot + 1)
    if nxt is not None and nxt.group(1).islower():
        return True
    begin = dot
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:dot + 1].lstrip("\"'(\u201c\u2018[")
    return token[:-1].lower() in _ABBREVIATIONS or bool(_INITIALS.fullmatch(token))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding text[start:end]: between the nearest boundaries (". ! ?"
    followed by whitespace, except after abbreviations and initials, or a blank line), trimmed of
    whitespace. The result always contains [start, end), even if a boundary falls inside it."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span ({start}, {end}) is not inside a text of length {len(text)}")
    return _Cuts(text).around(start, end)


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Every non-blank sentence of `text` as (start, end), in order, by the rules of sentence_around."""
    cuts = _Cuts(text)
    bounds = [0] + [x for pair in zip(cuts._ends, cuts._starts) for x in pair] + [len(text)]
    out = []
    for s, e in zip(bounds[::2], bounds[1::2]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def alias_collisions(aliases: Iterable[AliasSpec]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(match key, sorted entity ids) for every key claimed by two or more entities whose aliases can match the
    same text, sorted by key. The matcher resolves these by declaration order, which editors should not have to
    rely on. Aliases of one key that the case rules keep apart ("US" matches only "US", "us" only "us") do not
    collide."""
    specs: dict[str, list[AliasSpec]] = {}
    for spec in aliases:
        specs.setdefault(match_key(spec.alias), []).append(spec)
    out = []
    for key, claims in sorted(specs.items()):
        if len({spec.entity for spec in claims}) < 2:
            continue  # (one entity's: nothing to compare, and nearly every key)
        group = [_Entry.of(spec) for spec in claims]
        ents = {a.entity for a in group for b in group if a.entity != b.entity and _overlap(a, b)}
        if ents:
            out.append((key, tuple(sorted(ents))))
    return tuple(out)


def _overlap(a: _Entry, b: _Entry) -> bool:
    """Whether two aliases of one key can match the same text: one as the other writes it, or both in capitals."""
    return a.accepts(b.form) or b.accepts(a.form) or (a.accepts(a.form.upper()) and b.accepts(b.form.upper()))
