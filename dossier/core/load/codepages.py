"""The legacy code pages a site's language is written in, for seeds that are not UTF-8.

Israeli and Arab newsrooms still export text in windows-1255 / ISO-8859-8 (Hebrew) and windows-1256 /
ISO-8859-6 (Arabic). A detector given a short seed cannot tell these from other 8-bit code pages (a two-line
windows-1255 seed was read as Vietnamese windows-1258; ISO-8859-8 as Cyrillic), but the dossier says which
language its seeds are in. Pure: a language tag and decoded text in, code pages and a yes or no out.
"""

from __future__ import annotations

import re

from .language import primary

# primary language subtag → its code pages, most used first, and the letters its words are made of
_PAGES: dict[str, tuple[tuple[str, ...], str]] = {
    "he": (("cp1255", "iso8859_8"), "\u05d0-\u05ea"), "iw": (("cp1255", "iso8859_8"), "\u05d0-\u05ea"),
    "yi": (("cp1255", "iso8859_8"), "\u05d0-\u05ea"),
    "ar": (("cp1256", "iso8859_6"), "\u0621-\u064a"), "fa": (("cp1256",), "\u0621-\u064a\u067e\u0686\u06af\u06cc"),
    "ur": (("cp1256",), "\u0621-\u064a\u0679\u067e\u0686\u06af\u06ba\u06be\u06c1\u06d2"),
}


def code_pages(language: str) -> tuple[str, ...]:
    """The code pages to try first for a seed of a site in `language` (a BCP 47 tag), none for most."""
    return _PAGES.get(primary(language), ((), ""))[0]


def written_in(text: str, language: str) -> bool:
    """Whether `text` reads as the language's script: at least two words of two or more of its letters that no
    Latin letter touches (a Western text's "café" read as Hebrew gives "cafי", a letter inside a Latin word)."""
    letters = _PAGES.get(primary(language), ((), ""))[1]
    if not letters:
        return False
    words = re.findall(f"(?<![A-Za-z{letters}])[{letters}]{{2,}}(?![A-Za-z{letters}])", text)
    return len(words) >= 2


def read_in_language(data: bytes, language: str) -> tuple[str, str] | None:
    """(code page, text) of the language's code pages that reads `data` best: as words of its script, with the
    fewest other non-ASCII characters (ISO-8859-6 bytes read as windows-1256 give Arabic words strewn with "é"
    and "ç"); None when none reads as the language (a Western seed in a Hebrew dossier)."""
    best: tuple[float, str, str] | None = None
    letters = _PAGES.get(primary(language), ((), ""))[1]
    for page in code_pages(language):
        try:
            text = data.decode(page)
        except UnicodeDecodeError:
            continue
        others = [c for c in text if ord(c) > 127 and not re.match(f"[{letters}\u0591-\u05c7\u064b-\u065f]", c)]
        share = 1 - len(others) / max(1, sum(ord(c) > 127 for c in text))
        if written_in(text, language) and share >= 0.9 and (best is None or share > best[0]):
            best = (share, page, text)
    return (best[1], best[2]) if best else None
