"""When one name is most likely a slip for another: what a did-you-mean may offer, and what a rename guess needs.

difflib's ratio (0.6) offered whatever shared half its letters: "israel" for "iran", "gantz-quote" for
"alone-quote", "netanyahu-evacuation" for "netanyahu-do-it-alone", "question" for "quotation" (review 87).
Here a name is close to another when it is one a hand slips into:

- a typo: a few edits (a letter added, left out, changed, or two swapped), as few as the name is short: one up to
  8 characters, two up to 15, three beyond; in a name of 4 characters or fewer a changed letter is a quarter of it
  ("iraq" is no slip for "iran"), so only a letter added, left out or swapped there;
- another form of the same word: one is the other but for an ending of letters after their first 4 or more
  ("quotation" and "quote", "entity" and "entities"), never a word more ("israel" and "israeli-war-cabinet");
- where the caller asks for it (the ids of one article's annotations, a template's variables): a longer name's
  first word or words, of 4 letters or more ("cairo" for "cairo-said", "cards" for "cards_url"). Not among
  entities or articles, where "gaza" and "gaza-health-ministry" are two things, nor for a rename guess, which
  only a typo may make.

Case and separators aside ("utf8" and "utf-8", "cairo_said" and "cairo-said"). Never when their numbers differ
("story-0002" and "story-0003", "rafah-rift" and "rafah-rift-2" are two things, not one mistyped), unless only
written otherwise ("windows1252", "windows-1252"). Nor a guess between two choices as close: no suggestion rather
than a wrong one. Pure.
"""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["closest", "ending", "first_words", "last_words", "same_numbers", "typo_edits", "word_form"]

_NUMBERS = re.compile(r"(?<![^\W_])\d+(?![^\W_])")   # a number standing alone: "0002", "7", not "b8d51"
_DIGITS = re.compile(r"\d+")
_ENDING = re.compile(r"[^\W\d_]{0,5}")                     # letters only, at most five
_SEPARATORS = re.compile(r"[-_ .]+")


def allowed_edits(length: int) -> int:
    """How many edits a typo in a name of `length` characters may be."""
    return 1 if length <= 8 else 2 if length <= 15 else 3


def typo_edits(word: str, other: str) -> int | None:
    """The edits that make `word` `other` when it is a typo of it (module docstring), else None."""
    a, b = word.casefold(), other.casefold()
    if not same_numbers(a, b):
        return None
    longest = max(len(a), len(b))   # (as written: "b.txt" is no short name)
    a, b = _SEPARATORS.sub("", a), _SEPARATORS.sub("", b)
    if a == b:
        return 0
    cap = allowed_edits(longest)
    edits = _edits(a, b, cap)
    if edits > cap:
        return None
    if longest <= 4 and len(a) == len(b) and sorted(a) != sorted(b):
        return None  # (one letter changed in a short name: "iraq" and "iran" are two names)
    return edits


def word_form(word: str, other: str) -> int | None:
    """How many letters differ after their shared start when one is another form of the other's word
    ("quotation" and "quote": 5), else None."""
    a, b = word.casefold(), other.casefold()
    short, long = sorted((a, b), key=len)
    shared = 0
    for x, y in zip(short, long):
        if x != y:
            break
        shared += 1
    if len(short) < 4 or shared < max(4, len(short) - 1):
        return None
    if not (_ENDING.fullmatch(short[shared:]) and _ENDING.fullmatch(long[shared:])):
        return None  # (a word more, a number more, or a long ending: another thing)
    return len(long) - shared if same_numbers(a, b) else None


def same_numbers(a: str, b: str) -> bool:
    """Whether `a` and `b` have the same numbers: those standing alone ("story-0002", "rift-2"), or, written
    otherwise, the same digits ("windows1252" and "windows-1252"; a seed's "003_4b9e…" and "003_4b9f…")."""
    return _NUMBERS.findall(a) == _NUMBERS.findall(b) or _DIGITS.findall(a) == _DIGITS.findall(b)


def first_words(word: str, other: str) -> int | None:
    """How long the rest of `other` is when `word`, of 4 letters or more, is its first word or words ("cairo",
    "cairo-said": 4), else None."""
    a, b = word.casefold(), other.casefold()
    if len(a) < 4 or len(b) <= len(a) + 1 or not b.startswith(a) or not _SEPARATORS.match(b, len(a)):
        return None
    return len(b) - len(a) - 1 if same_numbers(a, b) else None


def last_words(word: str, other: str) -> int | None:
    """How long the rest of `other` is when `word`, of 4 letters or more, is its last word or words ("do-it-alone",
    "netanyahu-do-it-alone": 9), else None."""
    a, b = word.casefold(), other.casefold()
    if len(a) < 4 or len(b) <= len(a) + 1 or not b.endswith(a) or not _SEPARATORS.match(b[len(b) - len(a) - 1]):
        return None
    return len(b) - len(a) - 1 if same_numbers(a, b) else None


def ending(word: str, choices: Iterable[str]) -> str:
    """The one choice `word` is the last words of (a comparison's id without its first words: "do-it-alone" for
    "netanyahu-do-it-alone", review 116), "" when none or several are."""
    found = [choice for choice in sorted(set(choices)) if last_words(word, choice) is not None]
    return found[0] if len(found) == 1 else ""


def closest(word: str, choices: Iterable[str], typos_only: bool = False, shortened: bool = False) -> str:
    """The one choice `word` is most likely a slip for: the typo of the fewest edits, else (unless `typos_only`)
    the other form of the word with the shortest ending, else (when `shortened` may be) the one name it is the
    first words of; "" when none is close or two are equally close (a guess between two would be wrong half the
    time)."""
    ranked: dict[tuple[int, int], list[str]] = {}
    for choice in sorted(set(choices)):
        if abs(len(choice) - len(word)) > 5 and not choice.casefold().startswith(word.casefold()[:4]):
            continue  # (neither a typo nor another form: most choices, passed over at once)
        edits = typo_edits(word, choice)
        if edits is not None:
            ranked.setdefault((0, edits), []).append(choice)
        elif not typos_only:
            form, first = word_form(word, choice), first_words(word, choice) if shortened else None
            if form is not None or first is not None:
                ranked.setdefault((1, form) if form is not None else (2, first or 0), []).append(choice)
    if not ranked:
        return ""
    best = ranked[min(ranked)]
    return best[0] if len(best) == 1 else ""


def _edits(a: str, b: str, cap: int) -> int:
    """The edits (a letter added, left out, changed, or two next to each other swapped) that make `a` `b`,
    counted up to `cap + 1` (more is said as cap + 1): the optimal string alignment distance, in a band."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    far = cap + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        now = [i] + [far] * len(b)
        for j in range(max(1, i - cap), min(len(b), i + cap) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(row[j] + 1, now[j - 1] + 1, row[j - 1] + cost)
            if cost and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before[j - 2] + 1)
            now[j] = min(best, far)
        if min(now) > cap:
            return far
        before, row = row, now
    return min(row[len(b)], far)
