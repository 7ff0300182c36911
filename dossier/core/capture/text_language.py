"""The language of a page: what it says (guess_language), else its text's, when the page says none (no <html lang>,
inLanguage or og:locale): from its script, else from its commonest short words (text/language_words.py, which the
build uses too). The text's is always a guess, flagged: the stub's `language:` left out made a Russian, a French and a
Chinese page read as English, by screen readers and by the search index (review 72).
"""

from __future__ import annotations

import re

from ..text.language_words import language_of
from .guesses import NOTHING, Guess
from .pagemeta import PageMeta, ld_text


def text_language(text: str) -> Guess:
    """A BCP 47 language of `text` (its first 3,000 characters), flagged; NOTHING when it cannot be told (too few
    letters or words, Cyrillic or Arabic letters of no one language, or no language's words ahead)."""
    code, by = language_of(text)
    if not code:
        return NOTHING
    return Guess(code, f"from {by}", False, "nothing in the page or the seed says which language it is in")


_LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$")  # (the article schema's pattern)


def guess_language(meta: PageMeta) -> Guess:
    """The language the page says its text is in: <html lang>, else the JSON-LD inLanguage, else og:locale
    ("ar_AR"), else <meta name="language"> or <meta http-equiv="content-language"> (an older CMS says it only
    there: the Rhein-Neckar-Zeitung's `<meta name="language" content="de" />`, review 125), as a BCP 47 tag;
    NOTHING when none says one that is a tag ("German", or "de, en": two languages, no one of them)."""
    said = (("from <html lang>", meta.lang), ("from the JSON-LD inLanguage", ld_text(meta.ld("inLanguage"))),
            ('from <meta property="og:locale">', meta.meta.get("og:locale", "")),
            ('from <meta name="language">', meta.meta.get("language", "")),
            ('from <meta http-equiv="content-language">', meta.meta.get("content-language", "")))
    for where, value in said:
        tag = value.strip().replace("_", "-")
        if _LANGUAGE_TAG.match(tag):
            return Guess(tag, where)
    return NOTHING
