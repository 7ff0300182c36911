"""Shared passages across articles: text reuse detection over word shingles.

The method is the usual one for text reuse: words are normalised (case and typography folded, punctuation
ignored), every run of `shingle` words is indexed, shingles found in two or more documents seed matches,
seeds are extended word by word while the documents agree, and matches of at least `min_words` words are
grouped into passages with one occurrence per place, places that all share one run of `min_words` words
(passage_groups.py). Short stock phrases ("the United States and Israel") are shared by everything and are
suppressed by `min_words`, not by document frequency, because a quote carried by every article is exactly
what must be found.

Work is linear: in the words, with C-level passes only (each distinct space-separated piece is matched and
folded once; every shingle is hashed and looked up in sets, never indexed one by one), plus the shingle
hits, in Python: only shingles found in two docs get postings, each shingle's occurrences are paired with
its first occurrence only, and a seed lying inside a match already extended on the same diagonal is
skipped. Character offsets are computed for the first and last words of occurrences only.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from itertools import accumulate, chain, compress, count, islice, takewhile

from .alignment import fold
from .passage_groups import group_spans
from ..load.model import Article
from ..text.nfc import nfc_text
from ..common.records import record

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-.,\u00ad\u200b\u2060\ufeff][^\W_]+)*")

# A shingle seen more often than this inside one document is furniture of that document (a repeated
# caption or sign-off), not reuse; a quote repeated as headline and body is still well under it.
MAX_REPEATS_PER_DOC = 4


@record
class Occurrence:
    """Where a passage sits. Invariant: 0 <= start < end <= len(text of doc); the span starts at the first
    character of a word and ends at the last character of a word of the original text."""

    doc: str
    start: int
    end: int


@record
class SharedPassage:
    """A run of words found in two or more documents. Invariant: occurrences are sorted by (doc, start),
    cover at least two distinct docs, and text is the original text of occurrences[0]; words is its word
    count. An occurrence in another doc has the same words (typography aside); every occurrence holds one
    run of at least min_words of them, the same in all, and may differ from the text at its edges
    (passage_groups.py)."""

    text: str
    occurrences: tuple[Occurrence, ...]
    words: int
    # A digest naming this passage (library._named_passages: of its text, occurrences and words), "" when unknown:
    # a page key writes it instead of the passage. Not part of the value's equality.
    digest: str = field(default="", compare=False, repr=False)
    # Its id, a digest of its words folded (`passage_id`: its page's address, plan/article_passages.ids), made
    # with the search and kept with it; "" when unknown. Not part of the value's equality: its text decides it.
    ident: str = field(default="", compare=False, repr=False)


# Hex digits of a passage's id: 40 bits, so that two of the 12,000 passages of 5,000 articles come out the same
# once in ~15,000 dossiers (and then the later one in the listing is told apart by a suffix, article_passages.ids)
ID_DIGITS = 10
_ID_WORD = re.compile(r"[^\W_]+")  # (the words of an id: letters and digits, whatever joins them)


def passage_id(text: str) -> str:
    """The id of a passage with this text: a digest of its words folded (alignment.fold), so its address does not
    change with its typography, nor with which article's rendering of it comes first. The words are folded
    together, joined by spaces: the same as each folded alone (every step of fold is one character's, or NFC's,
    which composes nothing across a space), in one call instead of one a word (236,000 calls, 0.2 s of every
    build at 5,000 articles). Made once a search (library._named_passages), kept with the passages: made for
    each passage at every build, the ids took 0.085 s of a build after one edit at 5,000 articles."""
    words = fold(" ".join(_ID_WORD.findall(text)))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:ID_DIGITS]


def _keys(text: str, ids: dict[str, int], pieces: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    """The word keys of text, in order, as ids of folded words (ids: folded word -> id, shared by all docs).

    No word contains a space, so the words of a text are those of its space-separated pieces in order;
    texts repeat pieces ("the", "said,") far more than they add new ones, so each distinct piece is matched
    and folded once (pieces: piece -> its keys), and a text costs a split and a lookup per piece."""
    parts = text.split(" ")
    for piece in sorted(set(parts).difference(pieces)):  # sorted: ids do not depend on set order
        pieces[piece] = tuple(ids.setdefault(fold(w), len(ids)) for w in _WORD_RE.findall(piece))
    return tuple(chain.from_iterable(map(pieces.__getitem__, parts)))


def _char_spans(text: str, pieces: Mapping[str, tuple[int, ...]], wanted: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Word index -> (start, end) character offsets in text, for the wanted word indexes only.

    pieces must hold every space-separated piece of text (as _keys leaves it). The piece holding a word is
    found by bisecting cumulative word counts, and its offset from cumulative lengths, so only the wanted
    words' pieces are matched again, not the whole text."""
    parts = text.split(" ")
    words_through = list(accumulate(map(len, map(pieces.__getitem__, parts))))  # words in parts[:i + 1]
    chars_through = list(accumulate(map(len, parts)))  # characters in parts[:i + 1], separators aside
    spans: dict[int, tuple[int, int]] = {}
    for w in wanted:
        i = bisect_right(words_through, w)
        offset = (chars_through[i - 1] if i else 0) + i  # i separating spaces precede parts[i]
        m = next(islice(_WORD_RE.finditer(parts[i]), w - (words_through[i - 1] if i else 0), None))
        spans[w] = (offset + m.start(), offset + m.end())
    return spans


def _shingle_hashes(keys: tuple[int, ...], shingle: int) -> Iterator[int]:
    """hash() of each run of `shingle` keys, in order: an int to test membership with, computed without a
    Python-level loop. Equal runs have equal hashes; unequal runs rarely do, so callers confirm on the keys."""
    return map(hash, zip(*(keys[i:] for i in range(shingle))))


def _postings(
    names: list[str], keys: Mapping[str, tuple[int, ...]], shingle: int
) -> dict[tuple[int, ...], list[tuple[str, int]]]:
    """Every shingle found in two or more docs -> its (doc, position) postings in (doc, position) order.

    Dict order is the order of each shingle's first posting. Most shingles occur once: a first pass keeps
    only the hashes seen in two docs, so only those shingles' positions are visited one by one (a hash
    collision merely lets a shingle through, to be dropped by the exact count)."""
    seen: set[int] = set()
    shared: set[int] = set()
    for name in names:
        hashes = set(_shingle_hashes(keys[name], shingle))
        shared |= hashes & seen
        seen |= hashes
    del seen
    index: dict[tuple[int, ...], list[tuple[str, int]]] = {}
    get = index.get
    for name in names:
        k = keys[name]
        for p in compress(count(), map(shared.__contains__, _shingle_hashes(k, shingle))):
            sh = k[p : p + shingle]
            postings = get(sh)
            if postings is None:
                index[sh] = [(name, p)]
            else:
                postings.append((name, p))
    return {sh: postings for sh, postings in index.items() if postings[0][0] != postings[-1][0]}


def _matches(
    names: list[str], keys: Mapping[str, tuple[int, ...]], shingle: int, min_words: int
) -> list[tuple[str, int, int, str, int, int]]:
    """Maximal exact word matches (doc_a, start_a, end_a, doc_b, start_b, end_b) of >= min_words words, each once.

    Each shared shingle is handled at its anchor (its first posting), anchors in (doc, position) order. A seed
    inside the match last extended on its diagonal is skipped; one before it is not: the shingle's repeats
    later in the anchor's doc are paired at the anchor, so a match may be extended ahead of seeds to come."""
    found: list[tuple[str, int, int, str, int, int]] = []
    covered: dict[tuple[str, str, int], tuple[int, int]] = {}  # diagonal -> the last match extended on it
    for postings in _postings(names, keys, shingle).values():
        name, p = postings[0]
        if len(postings) == 2:  # the common case: two docs (postings always span two or more)
            pairs = [(postings[0], postings[1])]
        else:
            per_doc: dict[str, int] = {}
            for d, _ in postings:
                per_doc[d] = per_doc.get(d, 0) + 1
            if max(per_doc.values()) > MAX_REPEATS_PER_DOC:
                continue
            # Each posting is paired once: postings in other docs with the anchor, further postings in
            # the anchor's own doc (a quote repeated as headline and body) with the first other doc's.
            partner = next(x for x in postings if x[0] != name)
            pairs = [((name, p), x) for x in postings if x[0] != name]
            pairs += [(x, partner) for x in postings[1:] if x[0] == name]
        keys_a = keys[name]
        n_a = len(keys_a)
        for (_, start), (other, q) in pairs:
            diagonal = (name, other, q - start)
            lo, hi = covered.get(diagonal, (0, 0))
            if lo <= start < hi:
                continue
            okeys = keys[other]
            a, b = start, q
            while a > 0 and b > 0 and keys_a[a - 1] == okeys[b - 1]:
                a, b = a - 1, b - 1
            e, f = start + shingle, q + shingle
            n_b = len(okeys)
            while e < n_a and f < n_b and keys_a[e] == okeys[f]:
                e, f = e + 1, f + 1
            covered[diagonal] = (a, e)
            if e - a >= min_words:
                found.append((name, a, e, other, b, f))
    return list(dict.fromkeys(found))  # (a seed out of order may extend a match again)


def find_shared_passages(
    docs: Mapping[str, str], *, shingle: int = 5, min_words: int = 8
) -> tuple[SharedPassage, ...]:
    """Passages of at least min_words words that occur in two or more docs (doc id -> text).

    Sorted by words (most first), then by first occurrence (doc, start)."""
    if shingle < 1 or min_words < 1:
        raise ValueError("shingle and min_words must be positive")
    names = sorted(docs)
    ids: dict[str, int] = {}
    pieces: dict[str, tuple[int, ...]] = {}
    keys = {name: _keys(docs[name], ids, pieces) for name in names}
    del ids

    # Every match contributes one span per side; spans are then grouped into passages (passage_groups.py).
    spans: list[tuple[str, int, int]] = []
    for da, a1, a2, db, b1, b2 in _matches(names, keys, shingle, min_words):
        spans.extend([(da, a1, a2), (db, b1, b2)])
    return _passages(docs, pieces, group_spans(spans, min_words))


def _passages(docs: Mapping[str, str], pieces: Mapping[str, tuple[int, ...]],
              groups: list[list[tuple[str, int, int]]]) -> tuple[SharedPassage, ...]:
    """Each group of spans found in two or more documents as a passage, its occurrences in characters, sorted
    by words (most first), then by first occurrence."""
    # Word ranges per group, then the character offsets of their first and last words only.
    ranges = [_places(sorted(set(group))) for group in groups]
    ranges = [r for r in ranges if len({doc for doc, _, _ in r}) >= 2]
    wanted: dict[str, set[int]] = {}
    for r in ranges:
        for doc, first_word, end_word in r:
            wanted.setdefault(doc, set()).update((first_word, end_word - 1))
    offsets = {doc: _char_spans(docs[doc], pieces, sorted(wanted[doc])) for doc in sorted(wanted)}

    passages: list[SharedPassage] = []
    for r in ranges:
        occurrences = tuple(Occurrence(doc, offsets[doc][s][0], offsets[doc][e - 1][1]) for doc, s, e in r)
        first = occurrences[0]
        text = docs[first.doc][first.start : first.end]
        passages.append(SharedPassage(text, occurrences, sum(1 for _ in _WORD_RE.finditer(text))))
    passages.sort(key=lambda sp: (-sp.words, [(o.doc, o.start, o.end) for o in sp.occurrences]))
    return tuple(passages)


def _places(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The (doc, start, end) word ranges of a group's sorted spans: its occurrences. Each is a run of
    overlapping or adjacent spans in a doc (first word to last word), except the first, which gives the
    passage its text: of its run, the longest span only (the first of those). A span's words are word for word
    in a place of its group in another doc (its match's other side, or where it was lent from), while the
    run's other spans may reach past those words at either edge."""
    merged: list[tuple[str, int, int]] = []
    for doc, s, e in spans:
        if merged and merged[-1][0] == doc and s <= merged[-1][2]:  # overlapping or directly adjacent
            merged[-1] = (doc, merged[-1][1], max(merged[-1][2], e))
        else:
            merged.append((doc, s, e))
    doc, _, end = merged[0]
    run = takewhile(lambda span: span[0] == doc and span[1] < end, spans)  # the first run's spans
    merged[0] = max(run, key=lambda span: (span[2] - span[1], -span[1]))
    return merged


# The parameters of shared-passage detection for the whole site: /passages/ and --suggest agree.
SHINGLE_WORDS = 5
MIN_PASSAGE_WORDS = 8


UNPUBLISHED = "seeds/"   # doc ids of seeds that have no article file yet start with it


def shared_passages(articles: Iterable[Article], unpublished: Mapping[str, str] | None = None
                    ) -> tuple[SharedPassage, ...]:
    """Passages shared by two or more of the articles (doc ids are article slugs) and of the `unpublished`
    texts (doc id → cleaned text: seeds that have no article file yet, for --suggest)."""
    return passages_in(passage_docs(articles, unpublished))


def passage_docs(articles: Iterable[Article], unpublished: Mapping[str, str] | None = None
                 ) -> tuple[tuple[str, str], ...]:
    """The (doc id, text) pairs `shared_passages` searches: everything the search reads, so a cache keyed by
    them (the live preview's memo, see library.analyse) reuses the passages while no text changes."""
    docs = {a.slug: a.text.text for a in articles}
    docs.update((doc, text) for doc, text in sorted((unpublished or {}).items()) if doc not in docs)
    return tuple(docs.items())


def passages_in(docs: tuple[tuple[str, str], ...]) -> tuple[SharedPassage, ...]:
    """Passages shared by two or more of `docs` ((doc id, text) pairs): a pure function of them."""
    # Texts are compared in NFC ("e" + U+0308 and "ë" are one letter); occurrences are mapped back to whole
    # original characters. An NFC text (nearly all) is passed as it is.
    mapped = {doc: nfc_text(text) for doc, text in docs}
    found = find_shared_passages({doc: getattr(mapped[doc], "text", text) for doc, text in docs},
                                 shingle=SHINGLE_WORDS, min_words=MIN_PASSAGE_WORDS)
    if not any(mapped.values()):
        return found
    originals = dict(docs)
    out = []
    for p in found:
        occurrences = tuple(o if (m := mapped[o.doc]) is None else Occurrence(o.doc, *m.span(o.start, o.end))
                            for o in p.occurrences)
        first = occurrences[0]
        out.append(SharedPassage(originals[first.doc][first.start:first.end], occurrences, p.words))
    return tuple(out)
