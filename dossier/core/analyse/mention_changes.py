"""What an edit of the entities can change of the mentions found: the live preview's alias edit, with each
article's mentions found again only where the edit may change them.

`MentionMatcher.find` gives a text's mentions from the alias keys that occur in it (as it reads the text: NFC,
typography and case folded) and, for each of those keys, the entries of the aliases that have it and the
exclusions. Between two matchers whose exclusions are the same, a key whose entries are the same (the same alias
specs, in the same order) makes the same candidates with both; a key whose entries differ (an alias added,
removed, given to another entity, or moved among those of its key) makes none in a text in which it does not
occur. So in a text in which none of the keys whose entries differ occurs, both matchers find the very same
mentions, whatever the article and the ranges it forbids. An alias added to one entity of a 1,000-article
dossier made the preview find every article's mentions again (and cut their sentences and places): 1.7 s of the
save, for the few articles that have the new name.

So what `find` reads of a matcher for a text is its exclusions and the entries of the keys that occur in the text:
`what_find_reads` names that by a digest, which keys an article's mentions (entity_index.py) in place of the
digest of the whole matcher. On the command line, whose cache keeps no last matcher, an alias edit then finds the
mentions again only in the texts whose digest it changed, the others' come from the cache: 0.8 s of a
1,000-article rebuild was every article's mentions found again. The live preview derives the new digest of a text
from the last one (`changed_keys`, `names_none`) without reading the text for every key.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

import ahocorasick

from ..common.memo import digest
from .mentions import MentionMatcher, match_key


def changed_keys(now: MentionMatcher, before: MentionMatcher) -> frozenset[str] | None:
    """The alias keys whose entries differ between `before` and `now`; None when their exclusions differ (then
    any text's mentions may)."""
    if now.made_of[1] != before.made_of[1]:
        return None
    mine, theirs = now.by_key, before.by_key
    return frozenset(key for key in mine.keys() | theirs.keys() if mine.get(key) != theirs.get(key))


def names_none(keys: frozenset[str], text: str) -> bool:
    """Whether none of the alias keys `keys` occurs in `text` as `find` reads it. A text not in NFC, which `find`
    reads through its NFC form and a map back, is not looked at: False (its mentions are found again)."""
    if not unicodedata.is_normalized("NFC", text):
        return False  # (first: what find reads of a matcher for such a text is all the matcher, `what_find_reads`)
    if not keys:
        return True
    folded = match_key(text)
    if len(keys) <= FEW:
        return not any(key in folded for key in keys)
    return next(_searcher(keys).iter(folded), None) is None


# Keys looked for one by one up to this many; more (a list of entities pasted in) in one pass of an automaton, made
# once for the build's keys: a scan of every text for each of 3,000 new keys took 2 s at 300 articles (review 200)
FEW = 16


@lru_cache(maxsize=2)
def _searcher(keys: frozenset[str]) -> ahocorasick.Automaton:
    return _automaton(keys)


def _automaton(keys: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton that finds each of `keys`, with the key as its value."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def what_find_reads(matcher: MentionMatcher, text: str) -> str:
    """A digest of what `matcher.find` reads of the matcher for `text`: its exclusions, and each alias key that
    occurs in the text as find reads it with its entries. Another matcher of the same digest for the text finds the
    very same mentions in it (the module docstring). A text not in NFC (find reads its NFC form through a map back):
    a digest of all the matcher is made of."""
    if not unicodedata.is_normalized("NFC", text):
        return digest(repr(("all", matcher.made_of)))
    by_key = matcher.by_key
    found = sorted({key for _, key in _every_key(matcher).iter(match_key(text))}) if by_key else []
    return digest(repr((matcher.made_of[1], [(key, by_key[key]) for key in found])))


@lru_cache(maxsize=2)
def _every_key(matcher: MentionMatcher) -> ahocorasick.Automaton:
    """An automaton of the matcher's alias keys (made once a matcher; ~1 ms at 500 entities)."""
    return _automaton(matcher.by_key)
