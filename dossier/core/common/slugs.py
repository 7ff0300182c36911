"""Slugs: the only characters that reach output paths and fragment ids are [a-z0-9-]."""

from __future__ import annotations

import re
import unicodedata

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_slug(text: str) -> bool:
    return bool(_SLUG.fullmatch(text))


def slugify(text: str, fallback: str = "item") -> str:
    """Lower-case ASCII words joined by hyphens ("Tel Aviv" → "tel-aviv", "Al-Thawabta" → "al-thawabta")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or fallback


def slug_hint(text: str) -> str:
    return f'rename it to "{slugify(text)}" (lower-case letters, digits and hyphens only)'
