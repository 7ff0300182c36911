"""The language of a text whose page does not say one (no <html lang>, inLanguage or og:locale): from its script,
else from its commonest short words (text/language_words.py, which the build uses too). Always a guess, flagged:
the stub's `language:` left out made a Russian, a French and a Chinese page read as English, by screen readers and
by the search index (review 72).
"""

from __future__ import annotations

from ..text.language_words import language_of
from .guesses import NOTHING, Guess


def text_language(text: str) -> Guess:
    """A BCP 47 language of `text` (its first 3,000 characters), flagged; NOTHING when it cannot be told (too few
    letters or words, Cyrillic or Arabic letters of no one language, or no language's words ahead)."""
    code, by = language_of(text)
    if not code:
        return NOTHING
    return Guess(code, f"from {by}", False, "nothing in the page or the seed says which language it is in")
