"""The language of a text whose page does not say one (no <html lang>, inLanguage or og:locale): from its script,
else from its commonest short words. Always a guess, flagged: the stub's `language:` left out made a Russian,
a French and a Chinese page read as English, by screen readers and by the search index (review 72).
"""

from __future__ import annotations

import re
from collections import Counter

from .guesses import NOTHING, Guess

# Scripts that name one language, or one unless letters of another show (checked in order)
_SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")), ("he", re.compile(r"[\u05d0-\u05ea]")),
            ("el", re.compile(r"[\u0391-\u03c9]")), ("th", re.compile(r"[\u0e01-\u0e5b]")),
            ("ka", re.compile(r"[\u10d0-\u10fa]")), ("hy", re.compile(r"[\u0531-\u0587]")))
_CYRILLIC, _ARABIC = re.compile(r"[\u0400-\u04ff]"), re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
# The commonest short words of languages written in Latin letters, each in one list only and none an English
# word ("to", "do", "on", "per", "met" counted English text as Polish, Finnish or Italian, review 73)
_WORDS = {
    "en": "the and of to is that with for was are this from have it on by".split(),
    "de": "der die und das ist nicht mit den von sich auch ein eine dem zu".split(),
    "fr": "le les et des est une dans pour qui sur pas au du avec ce".split(),
    "es": "el los las y del que por con una se su al como lo".split(),
    "pt": "os não uma em na com ao da dos pelo".split(),
    "it": "il di che gli della sono nel alla".split(),
    "nl": "het een van en op te dat niet voor zijn".split(),
    "pl": "się nie jest że w z jak przez oraz".split(),
    "sv": "och att det som är för av med på inte".split(),
    "fi": "ja että ei oli mutta kun myös ovat".split(),
}
_OWNER = {word: code for code, words in _WORDS.items() for word in words}


def text_language(text: str) -> Guess:
    """A BCP 47 language of `text` (its first 3,000 characters), flagged; NOTHING when it cannot be told (too few
    letters or words, Cyrillic or Arabic letters of no one language, or no language's words ahead)."""
    sample = text[:3000]
    letters = len(_LETTER.findall(sample))
    if letters < 40:
        return NOTHING
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) * 3 >= letters:
            return _said(code, "its script")
    if len(_CYRILLIC.findall(sample)) * 2 >= letters:
        code = "uk" if re.search(r"[іїєґ]", sample) else "ru" if re.search(r"[ыэ]", sample) else ""
        return _said(code, "its letters") if code else NOTHING
    if len(_ARABIC.findall(sample)) * 2 >= letters:
        code = "ur" if re.search(r"[ٹڈڑںے]", sample) else "fa" if re.search(r"[پچژگ]", sample) else "ar"
        return _said(code, "its letters")
    counts = Counter(_OWNER[w] for w in re.findall(r"\w+", sample.casefold()) if w in _OWNER)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 8 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return NOTHING
    return _said(ranked[0][0], "its commonest words")


def _said(code: str, by: str) -> Guess:
    return Guess(code, f"from {by}", False, "nothing in the page or the seed says which language it is in")
