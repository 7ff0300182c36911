"""Where an entity's name may begin and end in a text: the whole-word rules of the mention matcher.

Pure. The texts here are typography-folded (mentions._typo): curly apostrophes are "'" and every character
keeps its offset, so a result is an offset test on the article's own text.
"""

from __future__ import annotations

import unicodedata

from ..text.wordbounds import after_proclitics, unspaced

__all__ = ["PREFIXED_NAME_LETTERS", "bounded"]

PREFIXED_NAME_LETTERS = {"he": 4, "ar": 3}   # the fewest letters of a name found behind prefix letters


def _is_word(c: str) -> bool:
    # Combining marks continue a word ("Israe" + U+0301 is not "Israe" followed by a boundary).
    return c.isalnum() or (not c.isascii() and unicodedata.category(c)[0] == "M")


def bounded(typo: str, start: int, end: int) -> bool:
    """Whole-word test, also for aliases ending in punctuation ("U.S." must not match in "U.S.A.").
    An apostrophe joins words ("O'Brien") except in the possessive "'s"."""
    return _starts_word(typo, start, end) and _ends_word(typo, start, end)


def _unspaced_edge(name: str, edge: str, neighbour: str) -> bool:
    """Whether a name's edge needs no visible word boundary: Chinese, Japanese, Thai… write no spaces between
    words ("内塔尼亚胡说以色列", "ネタニヤフ首相が"), so next to one of their characters any neighbour will do, as
    wordbounds has it for quotes. Without a dictionary of the language's words the matcher cannot segment, so
    it does what a dictionary segmenter does with the aliases as its dictionary: the longest alias wins where two
    overlap (find). But a name of one character is a syllable of countless words ("美", America, in "美丽",
    beautiful), so one such character keeps the whole-word rule: it is a name only between punctuation or
    spaces, and an editor who wants it lists the longer forms ("美国", "美方") as aliases."""
    return len(name) >= 2 and (unspaced(edge) or unspaced(neighbour))


def _starts_word(typo: str, start: int, end: int) -> bool:
    if start == 0:
        return True
    before = typo[start - 1]
    if _unspaced_edge(typo[start:end], typo[start], before):
        return True
    # (a name may have Hebrew or Arabic prefix letters joined to it: "ונתניהו", "وغزة"; a Hebrew one of three
    # letters would be found in ordinary words: "לכהן", to serve, is not "to Cohen")
    fewest = PREFIXED_NAME_LETTERS["he" if "\u05d0" <= typo[start] <= "\u05ea" else "ar"]
    if _is_word(before) and not (end - start >= fewest and after_proclitics(typo, start)):
        return False
    return not (before == "'" and start >= 2 and _is_word(typo[start - 2]))


def _ends_word(typo: str, start: int, end: int) -> bool:
    if end == len(typo):
        return True
    after = typo[end]
    if _unspaced_edge(typo[start:end], typo[end - 1], after):
        return True
    if _is_word(after):
        return False
    if after == "'" and end + 1 < len(typo) and _is_word(typo[end + 1]):
        return typo[end + 1] in "sS" and (end + 2 == len(typo) or not _is_word(typo[end + 2]))   # possessive
    return True
