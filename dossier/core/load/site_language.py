"""site.yaml's `language:` against the language the articles read as: said once, at `language:`, when most of the
articles that give none of their own read as another (`site-language`, a warning).

An article without `language:` is published in the site's (`<html lang dir>`): `language: he` written in site.yaml
of a dossier of English reports published every one of them as Hebrew, right to left, without a word (review 146).
The language a text reads as is text/language_words.py's guess from its script or its commonest words; a text too
short to tell, or in a language it does not know, is not counted. Nor is anything said when the site's language is
one it cannot tell (a Norwegian text may read as Swedish) unless the texts read as another script's. Pure.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..common.errors import Problem, warning
from ..common.shards import Each, in_sequence
from ..text.language_words import TOLD, language_of
from .cleaning import CleanText
from .language import language_name, primary
from .model import Article, Dossier

__all__ = ["site_language"]

_LOOKED_AT = 24   # the articles read at most (spread over the dossier): a guess of each costs ~4 ms


def site_language(dossier: Dossier, each: Each = in_sequence) -> list[Problem]:
    """The warning at site.yaml's `language:` when most of the articles that give no `language:` of their own
    read as one other language; none when they do not, or when too few can be told. Each text's language is read
    through `each` (the live preview's memo or the command line's cache keep it, by the text's digest)."""
    config = dossier.config
    taking = [a for a in dossier.articles if not a.meta.language]
    if config is None or not taking or dossier.misread is not None:
        return []  # (seeds read in the wrong encoding read as no language: site.yaml's `encoding:` is said, misread.py)
    site = primary(config.language)
    looked = _spread(taking, _LOOKED_AT)
    told = each("text-language", _read, _text_key, [a.text for a in looked])
    read = Counter(code for code, _ in told if code and code != site).most_common(1)
    if not read or read[0][1] * 2 <= len(looked):
        return []
    (code, count), = read
    if site not in TOLD:  # (Yiddish is written in Hebrew letters, Cantonese in Han: a script tells no language the
        return []         # guess does not know apart from the one it knows, review 158)
    of = f"all {count} of them" if count == len(looked) == len(taking) else f"{count} of the {len(looked)}" + (
        f" looked at (of {len(taking)})" if len(looked) < len(taking) else "")
    line, col = config.language_at
    said = f'language "{config.language}" is the site\'s' if line else \
        f'the site\'s language is "{config.language}" (no language: is written)'
    return [warning("site.yaml", line, col, f"{said}, so each article that gives no language: of its own is "
                    f"published as {language_name(config.language)}, but {of} read as {language_name(code)}",
                    f"write language: {code}" + (" here" if line else "") + ", or give those articles their "
                    f'language: (if "{config.language}" is meant, silence this with checks: {{site-language: '
                    "ignore})", "site-language")]


def _read(text: CleanText) -> tuple[str, str]:
    """The language one article's text reads as, and what told it (language_words.language_of)."""
    return language_of(text.text)


def _text_key(text: CleanText) -> object:
    """A text is named by its digest (else by itself)."""
    return text.made or text.text


def _spread(articles: Sequence[Article], most: int) -> list[Article]:
    """At most `most` of `articles`, spread evenly over them (all when they are as few)."""
    if len(articles) <= most:
        return list(articles)
    return [articles[n * len(articles) // most] for n in range(most)]
