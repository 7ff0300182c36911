"""The text direction of a BCP 47 language tag: what `<html dir>` and the style sheets' logical properties follow.

Decided from the tag alone (no locale database, no disk): a script subtag wins (`az-Arab` is right to left,
`ar-Latn` left to right); without one, the language's usual script does (`he`, `ar-EG`, `fa`, `ur`, `yi` are right
to left). Unknown languages are left to right, as browsers assume without a `dir`.
"""

from __future__ import annotations

from typing import Literal

Direction = Literal["ltr", "rtl"]

# ISO 15924 scripts written right to left (Unicode's bidi class R or AL for their letters), in lower case.
RTL_SCRIPTS = frozenset({
    "adlm", "arab", "aran", "armi", "avst", "chrs", "cprt", "elym", "hatr", "hebr", "hung", "khar", "lydi", "mand",
    "mani", "mend", "narb", "nbat", "nkoo", "orkh", "ougr", "palm", "phli", "phlp", "phlv", "phnx", "prti", "rohg",
    "samr", "sarb", "sogd", "sogo", "syrc", "syre", "syrj", "syrn", "thaa", "yezi",
})

# Languages whose usual script (CLDR's likely subtags) is one of those; `iw` and `ji` are the withdrawn codes
# of Hebrew and Yiddish, still sent by some software. Kurdish (`ku`) and Azerbaijani (`az`) are usually written
# in Latin letters: their Arabic-script forms are `ckb` (Sorani), `ku-Arab`, `azb` (South Azerbaijani), `az-Arab`.
RTL_LANGUAGES = frozenset({
    "ar", "arc", "arq", "ary", "arz", "aeb", "acm", "apc", "ajp", "afb", "ayl", "azb", "bal", "bgn", "bqi", "ckb",
    "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc", "luz", "mzn", "nqo", "pnb", "prs", "ps", "sd", "sdh",
    "skr", "syr", "ug", "ur", "yi",
})


def text_direction(tag: str) -> Direction:
    """"rtl" when text in the language `tag` names is written right to left, else "ltr" (case and "_" for "-"
    do not matter)."""
    subtags = [part for part in tag.strip().lower().replace("_", "-").split("-") if part]
    if not subtags:
        return "ltr"
    for part in subtags[1:]:
        if len(part) == 1:  # an extension or private use ("-u-…", "-x-…") starts: no script after it
            break
        if len(part) == 4 and part.isalpha():  # the script (a variant of four characters starts with a digit)
            return "rtl" if part in RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0] in RTL_LANGUAGES else "ltr"


def primary(tag: str) -> str:
    """A language tag's language: "fr" of "fr-FR", "fr-CA" (a site may give its region: review 64)."""
    return tag.split("-")[0].lower()


# What editors write for a language instead of its code: its English name, or its own (lower case).
_NAMED = {
    "en": ("english",), "fr": ("french", "français", "francais"), "de": ("german", "deutsch"),
    "es": ("spanish", "español", "espanol", "castellano"), "it": ("italian", "italiano"),
    "pt": ("portuguese", "português", "portugues"), "nl": ("dutch", "nederlands"), "pl": ("polish", "polski"),
    "ru": ("russian", "русский"), "uk": ("ukrainian", "українська"), "ar": ("arabic", "العربية"),
    "he": ("hebrew", "עברית"), "fa": ("persian", "farsi", "فارسی"), "tr": ("turkish", "türkçe", "turkce"),
    "zh": ("chinese", "中文"), "ja": ("japanese", "日本語"), "ko": ("korean", "한국어"), "hi": ("hindi", "हिन्दी"),
    "ur": ("urdu", "اردو"), "sv": ("swedish", "svenska"), "da": ("danish", "dansk"), "no": ("norwegian", "norsk"),
    "fi": ("finnish", "suomi"), "el": ("greek", "ελληνικά"), "cs": ("czech", "čeština", "cestina"),
    "hu": ("hungarian", "magyar"), "ro": ("romanian", "română", "romana"), "id": ("indonesian",),
    "ca": ("catalan", "català", "catala"),
}
_CODES = {name: code for code, names in _NAMED.items() for name in names}


def tag_hint(value: object) -> str:
    """What to write for a language tag of the wrong form: en-US for en_US (subtags are joined by hyphens), en
    for English (a language's name is not its code); else what a tag looks like."""
    text = value.strip() if isinstance(value, str) else ""
    parts = text.replace("_", " ").replace("-", " ").split()
    if len(parts) > 1 and all(part.isascii() and part.isalnum() for part in parts) and 2 <= len(parts[0]) <= 3:
        return f"write {'-'.join(parts)}: the parts of a language tag are joined by hyphens"
    code = _CODES.get(text.lower())
    if code:
        return f"write {code}, the code of {text} (a BCP 47 language tag, not the language's name)"
    return "write the language's code (a BCP 47 language tag), such as en, fr, ar or pt-BR"
