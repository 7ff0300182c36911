"""The text direction of a BCP 47 language tag: what `<html dir>` and the style sheets' logical properties follow.

Decided from the tag alone (no locale database, no disk): a script subtag wins (`az-Arab` is right to left,
`ar-Latn` left to right); without one, the language's usual script does (`he`, `ar-EG`, `fa`, `ur`, `yi` are right
to left). Unknown languages are left to right, as browsers assume without a `dir`. A tag whose language is surely
none (`xx`, `jp` for `ja`, `eng` for `en`) is a warning, with what to write (`unknown_language`).
"""

from __future__ import annotations

from functools import lru_cache

from typing import Literal

from ..common.errors import Problem, warning

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


@lru_cache(maxsize=256)   # (asked for every quote shown away from its article: interface.quote_dir)
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


def language_name(code: str) -> str:
    """The English name of the language of the tag `code` ("French" for fr-CA), else the tag itself."""
    names = _NAMED.get(primary(code))
    return names[0].capitalize() if names else code


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


# The two-letter language subtags of the IANA registry: ISO 639-1's, with those withdrawn but still registered (in,
# iw, ji, jw, mo, sh). Any other two letters name no language: browsers and screen readers cannot know the text's.
_TWO_LETTERS = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
    "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it "
    "iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo "
    "mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh "
    "si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh "
    "yi yo za zh zu".split())
# Countries' codes written for their language ("jp" for Japanese): none is a language's code
_COUNTRIES = {"cn": ("China", "zh", "Chinese"), "cz": ("Czechia", "cs", "Czech"), "dk": ("Denmark", "da", "Danish"),
              "gb": ("the United Kingdom", "en", "English"), "gr": ("Greece", "el", "Greek"),
              "il": ("Israel", "he", "Hebrew"), "ir": ("Iran", "fa", "Persian"), "jp": ("Japan", "ja", "Japanese"),
              "rs": ("Serbia", "sr", "Serbian"), "ua": ("Ukraine", "uk", "Ukrainian"),
              "us": ("the United States", "en", "English"), "vn": ("Vietnam", "vi", "Vietnamese")}
# The three-letter codes (ISO 639-2's, both forms) of languages that have two letters: a tag uses the two
_SHORTER = {"ara": "ar", "cat": "ca", "ces": "cs", "chi": "zh", "cze": "cs", "dan": "da", "deu": "de", "dut": "nl",
            "ell": "el", "eng": "en", "fas": "fa", "fin": "fi", "fra": "fr", "fre": "fr", "ger": "de", "gre": "el",
            "heb": "he", "hin": "hi", "hun": "hu", "ind": "id", "ita": "it", "jpn": "ja", "kor": "ko", "nld": "nl",
            "nor": "no", "per": "fa", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "spa": "es",
            "swe": "sv", "tur": "tr", "ukr": "uk", "urd": "ur", "zho": "zh"}


def unknown_language(file: str, line: int, col: int, tag: str) -> Problem | None:
    """The warning of a well-formed language tag whose language is surely none a browser or a screen reader
    knows (two letters that are no language's code, or a language's three-letter code where it has two), with
    what to write; None for any other (a three-letter code may be one of thousands, `qaa`-`qtz` are for private
    use: not judged)."""
    sub = primary(tag)
    rest = tag.strip()[len(sub):]
    if sub in _SHORTER:
        return warning(file, line, col, f'language "{tag}" is written with the three-letter code of its language, '
                       "which a language tag does not use: browsers and screen readers may not know it",
                       f"write {_SHORTER[sub]}{rest}: a language tag uses the two-letter code of a language that has "
                       "one", "language-unknown")
    if len(sub) != 2 or sub in _TWO_LETTERS or not sub.isalpha():
        return None
    if sub in _COUNTRIES:
        country, code, name = _COUNTRIES[sub]
        hint = (f'"{sub}" is the code of a country ({country}), not of a language: for {name} write {code} '
                f"({code}-{sub.upper()} for {name} as written in {country})")
    else:
        hint = "write the language's code (a BCP 47 language tag), such as en, fr, ar or pt-BR"
    what = f'"{tag}" is no language\'s code' if tag.strip().lower() == sub else \
        f'"{tag}" names no language ("{sub}" is no language\'s code)'
    return warning(file, line, col, f"language {what}: browsers and screen readers will not know which language the "
                   "text is in", hint, "language-unknown")
