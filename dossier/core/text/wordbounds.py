"""Word boundaries of article text: whether a quote's span starts or ends inside a word, and the whole words
around it (the paste-ready alternative the anchor-mid-word warning offers).

Pure. A boundary is an offset between two characters; it is *inside a word* when both characters belong to one
word:
* letters, digits and combining marks continue a word ("Lecote", "2024", "Zoe" + U+0308);
* an apostrophe between letters joins them ("don't", "O'Brien"), except the possessive "'s" at a word's end,
  so a quote may end at "Israel" in "Israel's";
* ".", "," and ":" between digits join them ("3.5", "1,200", "10:30");
* a hyphen, a dash, a slash or any other punctuation separates words ("pro-Israel" may be quoted as "Israel");
* scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan) have no visible word
  boundaries, so a boundary next to one of their characters is never called inside a word;
* Hebrew and Arabic write "and", "the", "in", "to", "that"… as letters joined to the front of the next word
  ("ונתניהו", "ברפיח", "لبلينكن"). `after_proclitics` says whether only such letters stand before an offset;
  a quote's ends do not use it (the same letters begin ordinary words: "שלה" cut from "הממשלה" must be warned
  of), an entity's name does (mentions.py), being a known word.
"""

from __future__ import annotations

import unicodedata

__all__ = ["after_proclitics", "inside_word", "mid_word_ends", "unspaced", "whole_words"]

_APOSTROPHES = frozenset("'\u2019\u02bc")
_DIGIT_JOINERS = frozenset(".,:")
# Blocks of scripts written without spaces between words (start, end inclusive).
_UNSPACED = ((0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF),
             (0x2E80, 0x2FDF), (0x3040, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
             (0xFF66, 0xFF9F), (0x20000, 0x3FFFF))


def unspaced(ch: str) -> bool:
    """Whether `ch` belongs to a script written without spaces between words (Chinese, Japanese, Thai…)."""
    code = ord(ch)
    return code >= 0x0E00 and any(a <= code <= b for a, b in _UNSPACED)


def _word(ch: str) -> bool:
    return ch.isalnum() or (not ch.isascii() and unicodedata.category(ch)[0] == "M")


# Hebrew's and Arabic's prefix letters: (first and last letter of the script, the prefixes, how many at most)
_PROCLITICS = (("\u05d0", "\u05ea", "ובכלמשה", 3), ("\u0621", "\u064a", "وفبكل", 2))


def after_proclitics(text: str, i: int) -> bool:
    """Whether the letters between the start of the word and offset `i` are only prefix letters of the script
    of `text[i]` (at most three in Hebrew, two in Arabic; a point or haraka on them is theirs)."""
    if i <= 0 or i >= len(text):
        return False
    for low, high, letters, most in _PROCLITICS:
        if low <= text[i] <= high:
            j, count = i, 0
            while j > 0 and _word(text[j - 1]):
                j -= 1
                if unicodedata.category(text[j])[0] == "M":
                    continue
                if text[j] not in letters:
                    return False
                count += 1
            return 0 < count <= most
    return False


def inside_word(text: str, i: int) -> bool:
    """Whether offset `i` of `text` (0 <= i <= len(text)) falls between two characters of one word."""
    if i <= 0 or i >= len(text):
        return False
    a, b = text[i - 1], text[i]
    if unspaced(a) or unspaced(b):
        return False
    if _word(a) and _word(b):
        return True
    after = text[i + 1] if i + 1 < len(text) else ""
    before = text[i - 2] if i >= 2 else ""
    if b in _APOSTROPHES and _word(a) and after and _word(after):
        # "Israel|'s army" is a boundary (the possessive); "don|'t" is not.
        return not (after in "sS" and not (i + 2 < len(text) and _word(text[i + 2])))
    if a in _APOSTROPHES and _word(before) and _word(b):
        return True
    if b in _DIGIT_JOINERS and a.isdigit() and after.isdigit():
        return True
    return a in _DIGIT_JOINERS and before.isdigit() and b.isdigit()


def mid_word_ends(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(the span starts inside a word, it ends inside a word) for ``text[start:end]``."""
    return inside_word(text, start), inside_word(text, end)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest span holding ``text[start:end]`` that starts and ends on word boundaries."""
    while inside_word(text, start):
        start -= 1
    while inside_word(text, end):
        end += 1
    return start, end
