"""Side-by-side columns: one passage as several articles render it, with every difference marked.

Used by /compare/<id>/ and by the "compare" view of /passages/. Pure: text in, plain view values out
(lists of dicts of strings, ints and bools) that templates/compare_columns.html renders.

Every witness can be the base. All n × n renderings (and n heat maps) are made here, at build time, so the
page needs no script to be correct: the default base's rendering is visible, the others carry `hidden`,
and static/compare.js only flips `hidden` when the reader picks another base.
"""

from __future__ import annotations


import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from functools import lru_cache
from itertools import groupby, islice

from markupsafe import Markup, escape

from ..analyse.alignment import align, differing_base_tokens, tokenize
from ..common.direction import paragraph_direction
from ..common.records import frozen
from .interface import article_marks, site_relative

# Words of article text shown around a witness, de-emphasised, so readers see what it belongs to.
CONTEXT_WORDS = 8
# Shades of the heat map: the share of the other witnesses that differ at a word, in this many steps.
HEAT_LEVELS = 4

_CHUNK = re.compile(r"\S+")


@frozen
class Witnessed:
    """One column: an article's words at text[start:end]. Invariant: 0 <= start < end <= len(text);
    key is unique within its set and is a slug (it is used in element ids)."""

    key: str
    text: str
    start: int
    end: int
    outlet: str
    date: str
    title: str
    article_url: str   # the article page
    place_url: str     # the exact place in the article (a fragment of article_url)
    note_html: str = ""
    lang: str = ""     # the article's language, when its editors gave one (ArticleMeta.language)
    approximate: bool = False   # a comparison's witness whose quote matched only approximately (anchor-fuzzy)

    @property
    def quote(self) -> str:
        return self.text[self.start:self.end]


# Pure memoisation of a pure function of two strings (immutable tuples out): a pair met again (witnesses
# quoting the same words, the live preview's next build) is not diffed again.
@lru_cache(maxsize=1 << 16)
def diff_pieces(base: str, other: str) -> tuple[tuple[str, str], ...]:
    """`other` as read against `base`: (kind, text) pieces with kind equal, ins, del or moved.

    Invariant: the pieces that are not "del" concatenate to exactly `other` (the witness is shown
    verbatim); "del" pieces are words of the base that `other` lacks, placed where they would have been.
    A moved phrase is marked where `other` has it; where the base had it nothing is shown, since the
    words are not missing, only elsewhere."""
    reading = _Reading(base, other)
    moved_done: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for op in align(base, other):
        if op.kind == "equal":
            reading.emit_other(*op.other, "equal")
        elif op.kind == "insert":
            reading.emit_other(*op.other, "ins")
        elif op.kind == "delete":
            reading.emit_base(*op.base)
        elif op.kind == "replace":
            reading.emit_base(*op.base)
            reading.emit_other(*op.other, "ins")
        elif (op.base, op.other) not in moved_done and op.other[0] == reading.jc:
            # Each moved phrase is listed twice (see alignment.Op); it is shown once, where `other` has it.
            moved_done.add((op.base, op.other))
            reading.emit_other(*op.other, "moved")
    if reading.pos < len(other):
        reading.add("equal", other[reading.pos:])
    return tuple(reading.pieces)


class _Reading:
    """The pieces of `diff_pieces` as they are emitted, and how far into `other` they have got."""

    def __init__(self, base: str, other: str) -> None:
        self.base, self.other = base, other
        self.bt, self.ot = tokenize(base), tokenize(other)
        self.pieces: list[tuple[str, str]] = []
        self.pos = 0   # characters of `other` already emitted
        self.jc = 0    # tokens of `other` already emitted

    def add(self, kind: str, text: str) -> None:
        """Append a piece, merged into the last one when it has the same kind."""
        if not text:
            return
        if self.pieces and self.pieces[-1][0] == kind:
            self.pieces[-1] = (kind, self.pieces[-1][1] + text)
        else:
            self.pieces.append((kind, text))

    def gap_until(self, j: int) -> None:
        """The characters of `other` between what is emitted and its token j, as equal."""
        limit = self.ot[j].start if j < len(self.ot) else len(self.other)
        if limit > self.pos:
            self.add("equal", self.other[self.pos:limit])
            self.pos = limit

    def emit_other(self, j1: int, j2: int, kind: str) -> None:
        if j1 >= j2:
            return
        self.gap_until(j1)
        self.add(kind, self.other[self.ot[j1].start:self.ot[j2 - 1].end])
        self.pos, self.jc = self.ot[j2 - 1].end, j2

    def emit_base(self, i1: int, i2: int) -> None:
        if i1 < i2:
            self.gap_until(self.jc)  # the deleted words sit after the space, before the next word
            self.add("del", self.base[self.bt[i1].start:self.bt[i2 - 1].end])


def heat_counts(base: str, others: Sequence[str]) -> list[int]:
    """Per base token: how many of `others` differ there (alignment.differing_base_tokens)."""
    counts = [0] * len(tokenize(base))
    for other in others:
        for i in differing_base_tokens(base, other):
            counts[i] += 1
    return counts


def heat_level(count: int, others: int) -> int:
    """0 for no difference, else 1..HEAT_LEVELS by the share of the other witnesses that differ."""
    if count <= 0 or others <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * count / others)))


def heat_pieces(base: str, others: Sequence[str]) -> list[dict[str, Any]]:
    """The base text cut into runs of words that the same number of other witnesses change.
    Invariant: the texts concatenate to exactly `base`; whitespace between runs has count 0."""
    tokens = tokenize(base)
    counts = heat_counts(base, others)
    runs: list[dict[str, Any]] = []

    def add(text: str, count: int) -> None:
        if not text:
            return
        if runs and runs[-1]["count"] == count:
            runs[-1]["text"] += text
        else:
            runs.append({"text": text, "count": count, "level": heat_level(count, len(others))})

    # One step per run of tokens with the same count (whitespace inside a run joins it; between runs it
    # counts 0), not per token: most passages are the same words everywhere, one run of 0.
    cursor = 0
    k = 0
    for count, run in groupby(counts):
        n = sum(1 for _ in run)
        first, last = tokens[k], tokens[k + n - 1]
        add(base[cursor:first.start], 0)
        add(base[first.start:last.end], count)
        cursor, k = last.end, k + n
    add(base[cursor:], 0)
    return runs


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> dict[str, Any]:
    """A few words of the paragraph before and after text[start:end], and whether each was cut short.

    Only the words shown (and one more, to know whether there are more) are looked at, not the whole
    paragraph, which in an article without paragraph breaks is the whole article."""
    p_start = text.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = text.find("\n\n", end)
    p_end = len(text) if p_end < 0 else p_end
    if words < 1:  # degenerate: every word is looked at, as the counts below assume at least one
        lo = p_start
        before_chunks = list(_CHUNK.finditer(text, lo, start))
        after_chunks = list(_CHUNK.finditer(text, end, p_end))
    else:
        # Widen a window back from `start` until it holds more than `words` chunks or reaches the paragraph:
        # its first chunk may be cut by the window, but then it is not among the last `words`.
        window = 16 * (words + 1)
        while True:
            lo = max(p_start, start - window)
            before_chunks = list(_CHUNK.finditer(text, lo, start))
            if lo == p_start or len(before_chunks) > words:
                break
            window *= 4
        after_chunks = list(islice(_CHUNK.finditer(text, end, p_end), words + 1))
    before_cut = len(before_chunks) > words
    before = text[before_chunks[-words].start() if before_cut else p_start:start]
    after_cut = len(after_chunks) > words
    after = text[end:after_chunks[words - 1].end() if after_cut else p_end]
    return {"before": before, "before_cut": before_cut, "after": after, "after_cut": after_cut}


def _pieces(pieces: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Pieces for the template; `glued` marks a deletion that follows a word with no space in between
    (the witness ends, or goes on with punctuation, where the base had more words), so CSS can space it."""
    out: list[dict[str, Any]] = []
    for k, t in pieces:
        glued = k == "del" and bool(out) and not out[-1]["text"][-1:].isspace()
        out.append({"kind": k, "text": t, "glued": glued})
    return out


def _rendering(base: str, default: str, pieces: list[dict[str, Any]], base_lang: str, base_dir: str
               ) -> dict[str, Any]:
    """A column's words marked against one base: its pieces, and `html`, as compare_columns.html wrote them
    piece by piece (a third of a cold build's escapes at 1,000 articles, 555,000, and a step of the template's
    loop each: made here in one join, the same bytes)."""
    dele = "<del" + (f' lang="{escape(base_lang)}"' if base_lang else "") + \
        (f' dir="{escape(base_dir)}"' if base_dir else "") + ">"
    glued = dele.replace("<del", '<del class="glued"', 1)
    html = "".join(f"<ins>{escape(p['text'])}</ins>" if p["kind"] == "ins" else
                   f"{glued if p['glued'] else dele}{escape(p['text'])}</del>" if p["kind"] == "del" else
                   f'<mark class="moved">{escape(p["text"])}</mark>' if p["kind"] == "moved" else escape(p["text"])
                   for p in pieces)
    return {"base": base, "default": base == default, "pieces": pieces, "html": Markup(html),
            "base_lang": base_lang, "base_dir": base_dir}


def told_apart(witnesses: Sequence[Witnessed]) -> list[str]:
    """What to add to each witness's outlet so that no two of the set read alike (column headings, the base
    chooser's labels): nothing for an outlet seen once; for the reports of one outlet, ": <title>" (and a
    number when two of its articles have the same title); for two places of one article, ", place n in the
    article". Shown in full in the chooser; in a column's heading only to screen readers (the title and the
    context are under it)."""
    return [title + (f", place {place} in the article" if place else "") for title, place in apart_parts(witnesses)]


def apart_parts(witnesses: Sequence[Witnessed]) -> list[tuple[str, int]]:
    """`told_apart` in its two parts, for each witness: what names its article (": <title>", the dossier's words)
    and its place in the article (0 when it is the only one), which the site's own words say (on a site in
    another language they are marked English around the title, plan/interface.py)."""
    outlets = Counter(w.outlet for w in witnesses)
    places = Counter(w.article_url for w in witnesses)
    articles = {w.outlet: list(dict.fromkeys(v.article_url for v in witnesses if v.outlet == w.outlet))
                for w in witnesses}
    seen: Counter[str] = Counter()
    out = []
    for w in witnesses:
        seen[w.article_url] += 1
        mine = articles[w.outlet]
        text = ""
        if len(mine) > 1:
            alike = [u for u in mine if _title_of(witnesses, u) == w.title]
            text = f": {w.title}" + (f" ({alike.index(w.article_url) + 1})" if len(alike) > 1 else "")
        place = seen[w.article_url] if places[w.article_url] > 1 else 0
        out.append((text, place) if outlets[w.outlet] > 1 else ("", 0))
    return out


def _title_of(witnesses: Sequence[Witnessed], article_url: str) -> str:
    return next(w.title for w in witnesses if w.article_url == article_url)


def _apart(text: str, title: str, place: int, name: str, marks: Mapping[str, str]) -> dict[str, Any]:
    """What tells a witness apart (`told_apart`'s `text`; `apart_parts`' `title`, ": <its article's title>" and
    maybe " (2)", and `place`), with that title's words apart, `apart_name` (and " (2)", `apart_more`), marked
    with their article's `marks` (interface.article_marks) when there is one: `apart_lang`, `apart_dir`."""
    lang = marks["lang"] if title else ""
    return {"apart": text, "apart_title": title, "place": place, "apart_lang": lang,
            "apart_dir": marks["dir"] if lang else "", "apart_name": name if lang else "",
            "apart_more": title[len(": ") + len(name):] if lang else ""}


BASES = 8  # witnesses the differences can be marked against (the page holds every base's rendering of each)


def column_set(set_id: str, witnesses: Sequence[Witnessed], default: str, label: str, language: str = ""
               ) -> dict[str, Any]:
    """The view of a side-by-side set. `set_id` prefixes every element id (it is a slug); `default` is the
    key of the base shown without JavaScript; `label` names the set for screen readers; `language`: the site's,
    which a witness of no language of its own (Witnessed.lang) is in."""
    keys = [w.key for w in witnesses]
    if default not in keys:
        raise ValueError(f"default base {default!r} is not one of {keys}")
    quotes = {w.key: w.quote for w in witnesses}
    langs = {w.key: w.lang or language for w in witnesses}
    dirs = {w.key: paragraph_direction(w.text, w.start) for w in witnesses}
    marks = {w.key: article_marks(w.lang, language) for w in witnesses}
    apart = {w.key: _apart(text, title, place, w.title, marks[w.key])
             for w, text, (title, place) in zip(witnesses, told_apart(witnesses), apart_parts(witnesses))}
    # (the bases offered: the default and the first others in order, BASES in all; every base's rendering of
    # every column is in the page, so 40 witnesses made 1,600 renderings, a page of 1.75 MB, review 68)
    firsts = [k for k in keys if k != default][:BASES - 1]
    bases = [k for k in keys if k == default or k in firsts]
    columns = []
    for w in witnesses:
        renderings = [_rendering(b, default, _pieces(diff_pieces(quotes[b], w.quote)),
                                 langs[b] if langs[b] != langs[w.key] else "",
                                 # (the words the witness lacks are the base's, in its paragraph's direction)
                                 dirs[b] if dirs[b] != dirs[w.key] else "") for b in bases]
        columns.append({"key": w.key, "id": f"{set_id}-{w.key}", "outlet": w.outlet, **apart[w.key],
                        "date": w.date, "title": w.title, "article_url": w.article_url, "place_url": w.place_url,
                        "note_html": w.note_html, "is_default": w.key == default, "approximate": w.approximate,
                        "dir": dirs[w.key], "lang": marks[w.key]["lang"],
                        "title_dir": marks[w.key]["dir"],
                        **context(w.text, w.start, w.end), "renderings": renderings})
    heat = []
    for b in bases:
        others = [quotes[k] for k in keys if k != b]
        witness = next(w for w in witnesses if w.key == b)
        # (the base's words, in its paragraph's direction where that is another than the page's, as a quote shown
        # away from its article: interface.quote_dir)
        heat.append({"base": b, "default": b == default, "pieces": heat_pieces(quotes[b], others),
                     "lang": marks[b]["lang"], "dir": site_relative(dirs[b], language), "outlet": witness.outlet,
                     **apart[b]})
    n_others = max(len(keys) - 1, 0)
    legend = [{"count": c, "level": heat_level(c, n_others)} for c in range(0, n_others + 1)]
    return {"id": set_id, "label": label, "default": default, "columns": columns, "heat": heat,
            "others": n_others, "legend": legend, "unoffered": len(keys) - len(bases),
            "bases": [{"key": w.key, "outlet": w.outlet, **apart[w.key], "date": w.date,
                       "default": w.key == default,
                       "input_id": f"base-{set_id}-{w.key}"} for w in witnesses if w.key in bases]}
