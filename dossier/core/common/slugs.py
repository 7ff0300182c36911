"""Slugs: the only characters that reach output paths and fragment ids are [a-z0-9-]."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Iterable

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_slug(text: str) -> bool:
    return bool(_SLUG.fullmatch(text))


# The names Windows keeps for its devices, in any case and before any extension ("con", "Nul.md", "com1"): a file
# or folder so named cannot be made there, so a page whose path holds one is lost when the site, or the dossier, is
# copied to Windows; git for Windows will not check it out. Python 3.13's ntpath list (os.path.isreserved: CONIN$,
# CONOUT$, COM and LPT with 1-9 or a superscript ¹ ² ³) and COM0 and LPT0, which Microsoft's "Naming Files, Paths,
# and Namespaces" lists too. No slug holds "$" or "¹", so only a static file's name can be one of those; COM0 and
# LPT0 make a tag's page name of another form, as COM1 does.
_DEVICES = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$",
                      *(f"{port}{n}" for port in ("com", "lpt") for n in "0123456789¹²³")})


def is_device_name(name: str) -> bool:
    """Whether Windows reserves `name` for a device: "con", "CON", "con.md", "lpt9"; not "console", "com10"."""
    return name.split(".", 1)[0].rstrip(" ").lower() in _DEVICES


def portable(slug: str) -> str:
    """`slug` as a name to offer an editor: "-1" after one Windows keeps for a device ("con" → "con-1")."""
    return f"{slug}-1" if is_device_name(slug) else slug


ID_LONGEST = 100  # characters of an entity's id (schemas/entities.schema.json says the same: propertyNames)


def is_id(text: str) -> bool:
    """Whether `text` may be an entity's id: a slug of at most `ID_LONGEST` characters. An id names its page,
    /entities/<id>/: one that fails its check (reported at its key) makes none (a control character, "..", "/" or
    more than a file name's 255 bytes reached the writer before the error was said, review 163)."""
    return is_slug(text) and len(text) <= ID_LONGEST


# Hebrew and Arabic letters in Latin (a plain romanisation without vowels: an id must be ASCII, and "article-2"
# told an editor nothing; "ynet-ntnyhv-lblynkn" at least names the words)
_ROMAN = str.maketrans({
    **dict(zip("אבגדהוזחטיכךלמםנןסעפףצץקרשת", ["", "b", "g", "d", "h", "v", "z", "ch", "t", "y", "k", "k", "l", "m",
                                                 "m", "n", "n", "s", "", "p", "p", "tz", "tz", "k", "r", "sh", "t"])),
    **dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ", ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s",
                                                       "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l", "m",
                                                       "n", "h", "w", "y", "a", "a", "", "a", "i", "a", "", ""])),
    # Latin letters that do not decompose into a letter and an accent, written as their plain letters ("Wypływa":
    # "wyplywa", not "wypywa"), and dashes between words as hyphens ("warning—climate" was "warningclimate",
    # review 72)
    **dict(zip("łŁøØđĐðÐıæÆœŒþÞßẞ", ["l", "L", "o", "O", "d", "D", "d", "D", "i", "ae", "AE", "oe", "OE", "th", "Th",
                                    "ss", "SS"])),
    **dict.fromkeys("‐‑‒–—―−", "-")})


def slugify(text: str, fallback: str = "item") -> str:
    """Lower-case ASCII words joined by hyphens ("Tel Aviv" → "tel-aviv", "Al-Thawabta" → "al-thawabta"); Hebrew
    and Arabic letters romanised ("רפיח" → "rpych", "رفح" → "rfh")."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_ROMAN)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or fallback


def tag_key(tag: str) -> str:
    """What makes two tags one: the tag in its compatibility decomposition (NFKD, which equals that of its NFKC
    form) without accents, points and other combining marks, case-folded ("Économie", "economie" and a decomposed
    "économie" are one; "Выборы", "выборы"). Also the order tags are listed in (plan/site.py)."""
    return "".join(c for c in unicodedata.normalize("NFKD", tag) if not unicodedata.combining(c)).casefold()


PAGE_NAME_LONGEST = 80  # characters of a tag's page name (a file name has 255 bytes at most)


@functools.lru_cache(maxsize=4096)  # (a dossier's tags are few and written often: 75,000 at 5,000 articles)
def tag_page(tag: str) -> str:
    """The name of a tag's page, /tags/<name>/, which `tag:` links write, in [a-z0-9-] as every output path:
    - the tag itself when it is a slug (the tags of an English dossier);
    - the words of its `tag_key` joined by hyphens when they are Latin letters and digits ("Économie" →
      "economie", "Fact check" → "fact-check"): tags that differ only in capitals, accents, spaces and
      punctuation have one page (two such spellings are an error, tag_clashes.py);
    - else its slug (Hebrew and Arabic romanised, other scripts left out) and the first 8 hex digits of the
      sha256 of its key ("ציטוט" → "tzytvt-…", "выборы" → "tag-…"): a romanisation drops letters ("עם" and "אם"
      are both "m"), so different words keep different pages; the same for a name longer than 80 characters, and
      for a name Windows keeps for a device ("con" → "con-…": /tags/con/ is lost on a copy to Windows)."""
    if is_slug(tag) and len(tag) <= PAGE_NAME_LONGEST and not is_device_name(tag):
        return tag
    key = tag_key(tag)
    words = re.sub(r"[\W_]+", "-", key).strip("-")
    if is_slug(words) and len(words) <= PAGE_NAME_LONGEST and not is_device_name(words):
        return words
    readable = slugify(tag, "")[:PAGE_NAME_LONGEST - 9].rstrip("-")
    return f"{readable or 'tag'}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"


def known_ids(ids: Iterable[str]) -> frozenset[str]:
    """What a reference to one of `ids` (a registry's keys) may be: each id, and for an id of the wrong form
    (reported at the key itself: "Antony-Blinken", "do\u200bha") also its slug, so that each reference written in
    the right form is not reported unknown as well (24 errors for one such key in the default dossier)."""
    ids = list(ids)
    return frozenset(ids) | {slugify(i, "") for i in ids if not is_slug(i)} - {""}


def suggestible(ids: Iterable[str]) -> list[str]:
    """The ids a did-you-mean may offer: those of the right form (never a key that is itself an error)."""
    return sorted(i for i in ids if is_slug(i))


def file_stem(path: str) -> str:
    """A file's name without its folders and its extension ("content/articles/wire.yaml": "wire"): an article's or a
    comparison's slug, and what names a seed after its article file."""
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def slug_hint(text: str) -> str:
    return f'rename it to "{portable(slugify(text))}" (lower-case letters, digits and hyphens only)'
