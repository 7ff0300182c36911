"""Where an entity's name may begin and end in a text: the whole-word rules of the mention matcher, and the
words around a name that say an acronym is none (`shouted`).

Pure. The texts here are typography-folded (mentions._typo): curly apostrophes are "'" and every character
keeps its offset, so a result is an offset test on the article's own text.
"""

from __future__ import annotations

import re
import unicodedata

from ..text.wordbounds import after_proclitics, unspaced

__all__ = ["PREFIXED_NAME_LETTERS", "WORDLIKE", "bounded", "shouted"]

PREFIXED_NAME_LETTERS = {"he": 4, "ar": 4}   # the fewest letters of a name found behind any prefix letters


# French, Italian and Catalan articles and prepositions elided onto the next word ("l'Iran", "d'Israël",
# "dell'ONU", "lorsqu'Israël"): after one of these an apostrophe is a word boundary. Only after these: any letters
# would find "Brien" in "O'Brien" ("Alema" is found in "D'Alema", unless an alias "D'Alema", being longer, wins).
_ELISIONS = frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu un dell all nell dall sull coll pell "
                      "quell quest degl dagl negl sugl".split())
# English contractions: "Don't" is not the river Don. Any other letters after an apostrophe are a suffix of
# the name: the possessive ("Israel's"), Turkish case endings ("İsrail'in", "Diyarbakır'da"), "Netanyahu'sche".
_CONTRACTIONS = frozenset("t ll re ve d m".split())


def _is_word(c: str) -> bool:
    # Combining marks continue a word ("Israe" + U+0301 is not "Israe" followed by a boundary).
    return c.isalnum() or (not c.isascii() and unicodedata.category(c)[0] == "M")


def bounded(typo: str, start: int, end: int) -> bool:
    """Whole-word test, also for aliases ending in punctuation ("U.S." must not match in "U.S.A.").
    An apostrophe joins words ("O'Brien") except after an elided article or preposition ("l'Iran") and before
    a suffix ("Israel's", "İsrail'in"), which an English contraction is not ("Don't")."""
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
    if _is_word(before) and not _prefixed(typo, start, end):
        return False
    if before != "'":
        return True
    word = _word_before(typo, start - 1)
    if word and word[:1].isupper() and not typo[start:end].isupper() \
            and not _sentence_start(typo, start - 1 - len(word)):
        return False  # (a surname's particle: "Amato" is not found in "Alfonse D'Amato", nor "Utri" in "Dell'Utri")
    return not word or word.casefold() in _ELISIONS


def _ends_word(typo: str, start: int, end: int) -> bool:
    if end == len(typo):
        return True
    after = typo[end]
    if _unspaced_edge(typo[start:end], typo[end - 1], after):
        return True
    if _is_word(after):
        return False
    if after == "'" and end + 1 < len(typo) and _is_word(typo[end + 1]):
        # (a Hebrew geresh folds to "'" but is part of its letter: "ג'" is "j", and the word goes on after it)
        hebrew = "\u05d0" <= typo[end - 1] <= "\u05ea"
        suffix = _word_after(typo, end + 1).casefold()
        name = typo[start:end]
        if suffix != "s" and sum(c.isalpha() for c in name) < 3 and not name.isupper():
            return False  # (a name of two letters takes only "'s": "Ma" is not found in "Ma'ariv")
        return not hebrew and suffix not in _CONTRACTIONS
    return True


def _prefixed(typo: str, start: int, end: int) -> bool:
    """Whether only Hebrew or Arabic prefix letters ("and", "in", "to"…) join the name at `start` to the word
    before it ("ונתניהו", "ברפיח", "لبلينكن"), and the name is long enough to be looked for behind them.
    A name of four letters or more, behind any of them. A shorter one is found in ordinary words: Hebrew "לכהן"
    (to serve) is no "to Cohen"; most Arabic words are built on three-letter roots, so a three-letter name behind
    a prefix often makes one ("فعلي", actual, and "لعلي" hold علي, Ali; "ولحسن الحظ", and fortunately, holds حسن,
    Hassan). An Arabic name of three letters is still found behind a lone "و" (and), the commonest letter before
    a name ("وغزة", "ومصر"), which stands for itself: two prefixes, or "ف", "ب", "ل", "ك", are not looked at.
    An editor lists the other prefixed forms of a short name as aliases ("لغزة")."""
    if not after_proclitics(typo, start):
        return False
    # (a point or haraka on the name is no letter; gershayim are: "צה"ל" behind its prefix, review 64)
    letters = sum(unicodedata.category(c)[0] != "M" for c in typo[start:end])
    hebrew = "\u05d0" <= typo[start] <= "\u05ea"
    if letters >= PREFIXED_NAME_LETTERS["he" if hebrew else "ar"]:
        return True
    if hebrew or letters < 3:
        return False
    j = start - 1
    while j > 0 and unicodedata.category(typo[j])[0] == "M":
        j -= 1
    return typo[j] == "\u0648" and (j == 0 or not _is_word(typo[j - 1]))


def _sentence_start(typo: str, i: int) -> bool:
    """Whether offset `i` begins a sentence: the text's start, or after a line break or . ! ? : and spaces."""
    j = i
    while j > 0 and typo[j - 1] in " \t\"'“‘(«":
        j -= 1
    return j == 0 or typo[j - 1] in ".!?:\n"


def _word_before(typo: str, i: int) -> str:
    """The word characters that end at offset `i` (up to eight: more is no elided word)."""
    j = i
    while j > 0 and i - j <= 8 and _is_word(typo[j - 1]):
        j -= 1
    return typo[j:i] if j == 0 or not _is_word(typo[j - 1]) else typo[j - 1:i]


def _word_after(typo: str, i: int) -> str:
    """The word characters that start at offset `i` (up to four: more is no contraction)."""
    j = i
    while j < len(typo) and j - i <= 4 and _is_word(typo[j]):
        j += 1
    return typo[i:j]


_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")   # a word of two letters or more ("A" and "I" are capitals anywhere)
_CLAUSE_END = re.compile(r"[.!?\n]")
_NEAR = 60                                    # characters looked at on each side


# Acronyms that spell a word ("US", "WHO", "IT", "IS"): in a line all in capitals they cannot be told from it. Any
# other ("NATO", "IDF", "UNRWA") is a name there too (review 64)
WORDLIKE = frozenset("""us who it is am an as at be by do go he if in me my no of on or so to up we aids ice fed
    nice un act age aim air all arm art bar can cap con dam far gap gas hit law man map net new now oil one pay pop
    pro red run sea set sun tax top war was way win yes""".split())


def shouted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands among words all in capitals: up to two words on each side, within its
    line and sentence, and at least one. In a headline or a shouted line ("HELP US, SAY GAZA RESIDENTS", "WHO IS
    TO BLAME?") an acronym cannot be told from a word; in running text the words around it are not all capitals
    ("US officials", "the US-led", "WHO said")."""
    before = text[max(0, start - _NEAR):start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    after = text[end:end + _NEAR]
    stop = _CLAUSE_END.search(after)
    after = after[:stop.start()] if stop else after
    words = _LETTER_RUN.findall(before, cut)[-2:] + _LETTER_RUN.findall(after)[:2]
    # (every letter a capital: "가A" is no word in capitals, nor is any word of a script without case)
    return bool(words) and all(c.isupper() for w in words for c in w)
