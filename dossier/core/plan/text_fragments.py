"""Text fragments (`#:~:text=prefix-,start,end`) that open an article at one place of its text: /passages/ links
each occurrence of a passage so, and an article page the passages it shares ("its place here").

A browser selects the FIRST place in the page whose words match the start term (preceded by the prefix, when
there is one), case aside and at word boundaries, then the first match of the end term after it
(https://wicg.github.io/scroll-to-text-fragment/). A one-word start term from the end of a paragraph ("days.")
was found earlier in the article, and the link opened it there (review 165: 730 of the 4,260 fragment links
of a 300-article generated dossier, by tests/fragment_check.py). So a term is lengthened, or given the words just
before it as a prefix, until its first match in the article's text is the passage's own; the words the page
inserts (a note's number, a badge: `points`) are never inside a term or between a prefix and its term.

What is checked is the page's words as the browser searches them (`_Page`): what the page shows before the
article's text (its headline and standfirst: a wire lede often repeats the headline, review 181), the text, and
the words the page adds inside it where they are known (a badge's comparison title), compared as Chromium's find
compares them (`fold`: case, accents and vowel marks aside, curly quotes as straight), with the spec's prefix rule
(`_first_at`).

Words the page shows that are not checked, a start term matching one of them first would open the page there:
the site's header, and in the article's header the outlet's name or "Outlet unknown", " copy" after the wire and
"Date unknown" (the two pages that link a place name an unknown outlet differently and must make the same link,
and the others are a few words of the interface, in the site's language, which a lede seldom begins with); a
badge's own label (the interface's words around its comparison's title); a sidenote's words (shown in the margin:
checking them would tie the passages pages to every edit of a note, and a note that repeats the words it is on
follows them, after their place). tests/fragment_check.py, which reads the built page, counts what they cost.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from array import array
from bisect import bisect_right
from collections import OrderedDict
from functools import lru_cache
from itertools import accumulate, islice
from urllib.parse import quote

# How many words of a passage make the start and the end of its text fragment: short terms are less likely
# to straddle a sidenote number or a badge that the article page inserts between words.
FRAGMENT_WORDS = 4
# Most words a start or end term is lengthened by, and most words of prefix, to make it match only its own place.
MORE_WORDS = 16

_CHUNK = re.compile(r"\S+")

Word = tuple[int, int]  # (start, end) of a run of non-space characters of the text


@lru_cache(maxsize=1 << 14)  # the occurrences of one passage mostly start and end with the same words
def _encode(term: str) -> str:
    # Text fragment terms are percent-encoded; "-", "," and "&" are syntax there, so they are encoded too.
    return quote(" ".join(term.split()), safe="").replace("-", "%2D")


def text_fragment(text: str, start: int, end: int, inserts: frozenset[int] = frozenset(), shown: str = "",
                  words: tuple[tuple[int, str], ...] = ()) -> str:
    """`#:~:text=...` selecting text[start:end] where the page has it, or "" when no term can be made or none
    matches there first. `inserts`: text offsets where the article page adds words of its own (a sidenote
    number or a comparison badge after an annotation or a witness), which no term runs across; `shown`: the
    words the page shows before the article's text (headline, standfirst: a wire lede often repeats the
    headline, whose match the browser would take first); `words`: (insert point, words the page adds there),
    as far as they are known, which a short term could match first too."""
    points = sorted(inserts)
    made = _terms(text, start, end, points)
    if made is None:
        return ""
    page = _page(text, shown, tuple(sorted(words)))
    found = _own_start(page, end, points, made[0], made[1])
    if found is None:
        return ""
    prefix, head = found
    tail = [w for w in made[1] if w[0] >= head[-1][1]]   # (the start term may have grown into the end term)
    return _directive(text, prefix, head, _own_end(page, points, head, tail))


def plain_fragment(text: str, start: int, end: int, inserts: frozenset[int] = frozenset()) -> str:
    """The fragment's first terms (`_terms`), as text_fragment made them before review 165, unique or not."""
    made = _terms(text, start, end, sorted(inserts))
    return _directive(text, [], *made) if made else ""


def _directive(text: str, prefix: list[Word], head: list[Word], tail: list[Word]) -> str:
    def term(words: list[Word]) -> str:
        return _encode(text[words[0][0]:words[-1][1]])

    return ("#:~:text=" + (term(prefix) + "-," if prefix else "") + term(head)
            + ("," + term(tail) if tail else ""))


def _clear(points: list[int], lo: int, hi: int) -> bool:
    """No insert point p with lo < p <= hi (text inserted inside or right after text[lo:hi])."""
    return bisect_right(points, hi) == bisect_right(points, lo)


def _own_start(page: _Page, end: int, points: list[int], head: list[Word], tail: list[Word]
               ) -> tuple[list[Word], list[Word]] | None:
    """(prefix, start term) whose first match in the page is the passage's start: the start term as made, or
    lengthened by the passage's next words (in its first block, short of the end term), or, at its longest,
    given the words before it in its block as a prefix, one more at a time, or else lengthened into the end
    term's words (a lede's words that the standfirst repeats have no words before them in their block: the
    caller then shortens the end term). None when none is."""
    text = page.source
    block_end = text.find("\n\n", head[-1][1], end) % (end + 1)
    stop = min(block_end, tail[0][0] if tail else end)
    more = []
    for w in islice(_CHUNK.finditer(text, head[-1][1], block_end), MORE_WORDS):
        if not _clear(points, head[0][0], w.end()):
            break
        more.append(w.span())
    short = sum(1 for w in more if w[1] <= stop)   # (the words short of the end term)
    for n in range(short + 1):
        if _first_at(page, [], head + more[:n]):
            return [], head + more[:n]
    block = text.rfind("\n\n", 0, head[0][0]) + 2 if "\n\n" in text[:head[0][0]] else 0
    before = _last_words(text, block, head[0][0], MORE_WORDS)
    for n in range(1, len(before) + 1):
        if not _clear(points, before[-n][0], head[0][0]):
            break
        if _first_at(page, before[-n:], head + more[:short]):
            return before[-n:], head + more[:short]
    for n in range(short + 1, len(more) + 1):
        if _first_at(page, [], head + more[:n]):
            return [], head + more[:n]
    return None


def _own_end(page: _Page, points: list[int], head: list[Word], tail: list[Word]) -> list[Word]:
    """The end term whose first match after the start term is the passage's end: the end term as made, or
    lengthened back by the words before it (after the start term, in its block); none (a fragment of the start
    term alone, which still opens the article at the passage) when neither is."""
    if not tail:
        return tail
    text = page.source
    block = max(head[-1][1], text.rfind("\n\n", 0, tail[0][0]) + 2)
    before = _last_words(text, block, tail[0][0], MORE_WORDS)
    for n in range(len(before) + 1):
        words = before[len(before) - n:] + tail
        if n and not _clear(points, words[0][0], tail[-1][1]):
            break
        if _first_at(page, [], words, head[-1][1]):
            return words
    return []


@lru_cache(maxsize=1 << 12)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(map(re.escape, words.split())))


def _first_at(page: _Page, prefix: list[Word], words: list[Word], since: int | None = None) -> bool:
    """Whether a browser's first match of the term `words` (after the term `prefix`, when there is one) in the
    page (after text offset `since`) is the term's own place, words[0][0]. As the text fragments spec's "find a
    range from a text directive" does: each term compared folded (`fold`), with any space between its words; a
    term begins and ends at a word boundary, but a prefix may end inside a word and the start term follows it
    after optional space, not necessarily at a word boundary ("for" then "ever" matches "forever")."""
    text, folded = page.source, page.folded
    said = fold(text[words[0][0]:words[-1][1]])
    # (compared at the term's first folded character: a first word that folds to nothing, a lone right-to-left
    # mark before Arabic words, leaves the term's first match after the page's offset of the word, review 195)
    at, endpos = page.at(words[0][0]) + len(said) - len(said.lstrip()), page.at(words[-1][1])
    term = _pattern(said)
    pos = 0 if since is None else page.at(since)  # (from the top of the page, or after the start term)
    if not prefix:
        while (m := term.search(folded, pos, endpos)) is not None:
            if page.boundary(m.start()) and page.boundary(m.end()):
                return m.start() == at
            pos = m.start() + 1
        return False
    before = _pattern(fold(text[prefix[0][0]:prefix[-1][1]]))
    while (p := before.search(folded, pos, at)) is not None:
        pos = p.start() + 1
        if not page.boundary(p.start()):
            continue
        m = term.match(folded, _SPACE.match(folded, p.end()).end(), endpos)
        if m is not None and page.boundary(m.end()):
            return m.start() == at
    return False


_SPACE = re.compile(r"\s*")


# What Chromium's find takes as equal that decomposing, dropping marks and case-folding keep apart, each seen in
# Chromium (review 188): curly and low quotes are straight ones ("Biden’s" matched the headline's "Biden's" first),
# and ICU's primary strength has ø as o, æ as ae, ł as l, ... (not þ as th, ı as i, – as -: those it keeps apart).
_LIKE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"',
                       "\u201e": '"', "\u201f": '"', "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                       "ħ": "h"})
# What it ignores: combining marks (accents, vowel marks), format characters (the soft hyphen, zero-width space and
# joiners, direction marks) and the Arabic tatweel, which only lengthens a joined letter.
_IGNORED = {"Mn", "Cf"}


class _Folds(dict[int, str]):
    """Code point -> what it folds to (`fold`), made when first asked for: a str.translate table."""

    def __missing__(self, code: int) -> str:
        kept = (x for x in unicodedata.normalize("NFKD", chr(code))
                if unicodedata.category(x) not in _IGNORED and x != "\u0640")
        self[code] = "".join(kept).casefold().translate(_LIKE)
        return self[code]


_FOLDS = _Folds()


def _fold_char(c: str) -> str:
    return _FOLDS[ord(c)]


# What it ignores in matching but still breaks words at (review 195, seen in Chromium): "bar baz" matches in
# "foo\u00adbar baz" and in "foo\u200bbar baz", where a soft hyphen or a zero-width space joins it to "foo".
_BREAKS = ("\u00ad", "\u200b")


def dropped_breaks(s: str) -> list[int]:
    """The offsets of fold(s) where `fold` dropped a soft hyphen or a zero-width space: a word may begin or end
    there though letters are on both sides. Public: tests/fragment_check finds words as text_fragments does."""
    if s.isascii() or not any(b in s for b in _BREAKS):
        return []
    out, at = [], 0
    for c in s:
        if c in _BREAKS:
            out.append(at)
        at += len(_fold_char(c))
    return out


def fold(s: str) -> str:
    """The text as a browser's find-in-page compares it (ICU collation at primary strength: case, accents and
    vowel marks aside, and Chromium's own quote folding): compatibility-decomposed, what it ignores dropped,
    case-folded, the letters and quotes it equates made one (`_LIKE`); one character at a time, so that `_Page`
    can map offsets (a character may fold to none, "\u05b8", or to more, "\u00df"). Public: tests/fragment_check
    compares as it does. Coarser than Chromium is harmless (a term is lengthened, or no link made), finer is not
    (two places Chromium takes as one, the link opened at the first)."""
    return s.lower() if s.isascii() else s.translate(_FOLDS)


class _Page:
    """The words of an article's page that a browser searches a text fragment's terms in, folded (`fold`): what
    it shows before the text (`shown`), then the text, with the words the page adds at insert points, each in a
    block of its own. `at(i)`: the folded page's offset of text offset i (after what is added at i). The text
    is kept in chunks between insert points, each an offset plus, where folding changed its length (not ASCII),
    a map of its characters' folded offsets: an article's page is made for each of its passages' places.
    `breaks`: the folded offsets where a character that breaks words was dropped (`dropped_breaks`)."""

    def __init__(self, text: str, shown: str, words: tuple[tuple[int, str], ...]) -> None:
        self.source = text
        parts, size = [fold(shown), "\n\n"], len(fold(shown)) + 2
        self.breaks = set(dropped_breaks(shown))
        self._starts, self._bases, self._maps = [0], [size], [None]
        for point, added in [*((p, w) for p, w in words if w.strip()), (len(text), "")]:
            chunk = text[self._starts[-1]:point]
            parts.append(fold(chunk))
            self.breaks.update(size + i for i in dropped_breaks(chunk))
            if not chunk.isascii() and any(len(_fold_char(c)) != 1 for c in _others(chunk)):
                self._maps[-1] = array("i", accumulate(map(len, map(_fold_char, chunk)), initial=0))
            size += len(parts[-1])
            if added:
                parts.append(" \n\n" + fold(added) + "\n\n ")
                self.breaks.update(size + 3 + i for i in dropped_breaks(added))
                size += len(parts[-1])
                self._starts.append(max(point, self._starts[-1]))
                self._bases.append(size)
                self._maps.append(None)
        self.folded = "".join(parts)
        self.size = sys.getsizeof(self.folded) + sum(m.itemsize * len(m) for m in self._maps if m is not None)

    def boundary(self, i: int) -> bool:
        """Whether a word may begin or end at folded offset i: not between two letters or digits, or where a
        character that breaks words was dropped (a soft hyphen)."""
        return i in self.breaks or _boundary(self.folded, i)

    def at(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        local = i - self._starts[k]
        return self._bases[k] + (local if self._maps[k] is None else self._maps[k][local])


# Bytes of pages `_page` keeps (folded words, offset maps; the text its key holds is the build's, or an older one
# after an edit of it, its standfirst or a badge's title in the preview): all 5,000 pages of 5,000-character
# articles. Kept by count (1,024), the passages pages, which link places passage by passage, folded a page
# again for most links at 5,000 articles (text_fragment 40 of 200 s CPU, bench/RESULTS.md).
PAGES_KEPT = 1 << 26
_kept: OrderedDict[tuple[str, str, tuple[tuple[int, str], ...]], _Page] = OrderedDict()
_held = [0]  # (the bytes `_kept` holds)
_keeping = threading.Lock()  # (the preview builds in a thread of its own: a second thread must not miscount)


def _page(text: str, shown: str, words: tuple[tuple[int, str], ...]) -> _Page:
    """The page as `_Page` makes it, kept while the pages last asked for fit in PAGES_KEPT (least recent out)."""
    key = (text, shown, words)
    with _keeping:
        page = _kept.pop(key, None)  # (taken out and put back last)
        if page is not None:
            _kept[key] = page
            return page
    page = _Page(text, shown, words)
    with _keeping:
        if key not in _kept:
            _held[0] += page.size
            while _held[0] > PAGES_KEPT and _kept:
                _held[0] -= _kept.popitem(last=False)[1].size
        _kept[key] = page
    return page


def _others(s: str) -> set[str]:
    """The characters of s that are not ASCII: its UTF-8 less the ASCII bytes (ten times faster than set(s))."""
    return set(s.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))


_ASCII = bytes(range(128))


def _boundary(text: str, i: int) -> bool:
    """Whether a word may begin or end at text offset i (not between two letters or digits)."""
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def _terms(text: str, start: int, end: int, points: list[int]) -> tuple[list[Word], list[Word]] | None:
    """The start and end terms (their words) of a fragment selecting text[start:end], or None when no term can
    be made; no end term (an empty list) when the start term is the whole passage.

    Terms never cross a paragraph break (browsers match each term within one block); a passage longer than
    twice FRAGMENT_WORDS becomes a start,end range. `points` (sorted) are text offsets where the article page adds
    words of its own (a sidenote number or a comparison badge right after an annotation or a witness): a
    term must not contain one or end at one, or the browser would not find it, so the range stops short.

    Only the words a term may use are split out and checked against `points`: the first 2 * FRAGMENT_WORDS
    + 1 of the first block, and at the end of the last block FRAGMENT_WORDS plus one per insert point in
    it (each word that must be dropped holds one), so the cost does not grow with the passage's length."""
    blocks = [(lo, hi) for lo, hi in _blocks(text, start, end) if _CHUNK.search(text, lo, hi)]
    if not blocks:
        return None

    def clean(word: Word) -> bool:
        return _clear(points, word[0], word[1])

    first = list(map(re.Match.span, islice(_CHUNK.finditer(text, *blocks[0]), 2 * FRAGMENT_WORDS + 1)))
    head = []
    for w in first[:FRAGMENT_WORDS]:
        if not clean(w):
            break
        head.append(w)
    if not head:
        return None
    if len(blocks) == 1 and len(first) <= 2 * FRAGMENT_WORDS and all(clean(w) for w in first):
        return first, []
    # `last`: the words of the last block (of the one block, those after the head), or enough of their end.
    lo, hi = blocks[-1]
    enough = FRAGMENT_WORDS + bisect_right(points, hi) - bisect_right(points, lo)
    if len(blocks) > 1:
        last = _last_words(text, lo, hi, enough)
    else:
        ending = _last_words(text, lo, hi, enough + len(head))
        last = ending[len(head):] if len(ending) < enough + len(head) else ending[-enough:]
    while last and not clean(last[-1]):
        last.pop()
    tail: list[Word] = []
    for w in reversed(last):
        if len(tail) == FRAGMENT_WORDS or not clean(w):
            break
        tail.insert(0, w)
    if len(blocks) == 1 and tail and tail[0][0] < head[-1][1]:
        tail = [w for w in tail if w[0] >= head[-1][1]]
    return head, tail


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The maximal runs of text[start:end] in which no paragraph break ("\n\n") starts, as offsets of text
    (what the pattern (?:(?!\n\n).)+ finds), found with str.find rather than a lookahead at every character."""
    blocks: list[tuple[int, int]] = []
    i = start
    while True:
        j = text.find("\n\n", i, end)
        if j < 0:
            if i < end:
                blocks.append((i, end))
            return blocks
        if j > i:
            blocks.append((i, j))
        i = j + 1  # "\n\n\n": a break starts at the next character too


def _last_words(text: str, start: int, end: int, n: int) -> list[tuple[int, int]]:
    """(start, end) of the last n whitespace-separated chunks of text[start:end] (all, if fewer), in order.

    A window back from `end` widens until it holds more than n chunks or reaches `start`: its first chunk
    may be cut by the window, but then it is not among the last n."""
    window = 16 * (n + 1)
    while True:
        lo = max(start, end - window)
        spans = list(map(re.Match.span, _CHUNK.finditer(text, lo, end)))
        if lo == start or len(spans) > n:
            return spans[len(spans) - n:] if len(spans) > n else spans
        window *= 4
