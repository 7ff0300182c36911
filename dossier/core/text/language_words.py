"""The language a text is written in, from its script, else from its commonest short words: a guess, "" when it
cannot be told. --import and --add give it to a stub whose page says none (capture/text_language.py, review 72);
the build compares it with site.yaml's `language:` (load/site_language.py, review 146). Pure.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["TOLD", "language_of"]

# Scripts that name one language, or one unless letters of another show (checked in order)
_SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")), ("he", re.compile(r"[\u05d0-\u05ea]")),
            ("el", re.compile(r"[\u0391-\u03c9]")), ("th", re.compile(r"[\u0e01-\u0e5b]")),
            ("ka", re.compile(r"[\u10d0-\u10fa]")), ("hy", re.compile(r"[\u0531-\u0587]")))
_CYRILLIC, _ARABIC = re.compile(r"[\u0400-\u04ff]"), re.compile(r"[\u0600-\u06ff]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")   # (what is left of a text without them is its letters: counted at once)
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
# The languages `language_of` may tell: a text in another (Norwegian, Catalan) may be read as one of them
TOLD = frozenset({code for code, _ in _SCRIPTS} | set(_WORDS) | {"uk", "ru", "ur", "fa", "ar"})


def language_of(text: str) -> tuple[str, str]:
    """(a BCP 47 language of `text`, judged by its first 3,000 characters; what told it: "its script", "its
    letters" or "its commonest words"), or ("", "") when it cannot be told: too few letters or words, Cyrillic or
    Arabic letters of no one language, or no language's words well ahead of the others'."""
    sample = text[:3000]
    letters = len(_NOT_LETTERS.sub("", sample))
    if letters < 40:
        return "", ""
    for code, script in _SCRIPTS:
        if script.search(sample) and len(script.findall(sample)) * 3 >= letters:
            return code, "its script"
    if _CYRILLIC.search(sample) and len(_CYRILLIC.findall(sample)) * 2 >= letters:
        code = "uk" if re.search(r"[іїєґ]", sample) else "ru" if re.search(r"[ыэ]", sample) else ""
        return (code, "its letters") if code else ("", "")
    if _ARABIC.search(sample) and len(_ARABIC.findall(sample)) * 2 >= letters:
        code = "ur" if re.search(r"[ٹڈڑںے]", sample) else "fa" if re.search(r"[پچژگ]", sample) else "ar"
        return code, "its letters"
    counts = Counter(_OWNER[w] for w in re.findall(r"\w+", sample.casefold()) if w in _OWNER)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 8 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return "", ""
    return ranked[0][0], "its commonest words"
