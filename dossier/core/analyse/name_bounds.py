"""Where an entity's name may begin and end in a text: the whole-word rules of the mention matcher.

Pure. The texts here are typography-folded (mentions._typo): curly apostrophes are "'" and every character
keeps its offset, so a result is an offset test on the article's own text.
"""

from __future__ import annotations

import unicodedata

from ..text.wordbounds import after_proclitics

__all__ = ["PREFIXED_NAME_LETTERS", "bounded"]

PREFIXED_NAME_LETTERS = {"he": 4, "ar": 3}   # the fewest letters of a name found behind prefix letters


def _is_word(c: str) -> bool:
    # Combining marks continue a word ("Israe" + U+0301 is not "Israe" followed by a boundary).
    return c.isalnum() or (not c.isascii() and unicodedata.category(c)[0] == "M")


def bounded(typo: str, start: int, end: int) -> bool:
    """Whole-word test, also for aliases ending in punctuation ("U.S." must not match in "U.S.A.").
    An apostrophe joins words ("O'Brien") except in the possessive "'s"."""
    if start > 0:
        before = typo[start - 1]
        # (a name may have Hebrew or Arabic prefix letters joined to it: "ונתניהו", "وغزة"; a Hebrew one of three
        # letters would be found in ordinary words: "לכהן", to serve, is not "to Cohen")
        fewest = PREFIXED_NAME_LETTERS["he" if "\u05d0" <= typo[start] <= "\u05ea" else "ar"]
        if _is_word(before) and not (end - start >= fewest and after_proclitics(typo, start)):
            return False
        if before == "'" and start >= 2 and _is_word(typo[start - 2]):
            return False
    if end < len(typo):
        after = typo[end]
        if _is_word(after):
            return False
        if after == "'" and end + 1 < len(typo) and _is_word(typo[end + 1]):
            possessive = typo[end + 1] in "sS" and (end + 2 == len(typo) or not _is_word(typo[end + 2]))
            if not possessive:
                return False
    return True
