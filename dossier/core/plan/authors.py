"""A byline as schema.org's `author`: a Person for each name it credits, an Organization for a newsroom or an agency.

The byline was written whole as one Person: "Jane Whitfield and Omar Haddad" was one person of that name (the
stubs `--add` writes join several authors so, capture/bylines.py), and "All Israel News Staff" or "Reuters" a
person (review 118). A byline is split into names where it credits several in the way bylines do ("A and B",
"A, B and C", "A & B", "A; B"); a comma alone splits nothing ("Smith, John"; "Jane Doe, Jerusalem"), nor one
between a surname and given names or a suffix ("Haefliger, Markus M. and Beat Bumbacher"). A name is
an Organization when it is a news agency ("Reuters", "AP", an acronym in capitals) or a newsroom ("… Staff",
"… Desk", "… Newsroom", "… Team", "… Bureau"). One name is one object; several, a list. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from ..common.agencies import NEWS_AGENCIES

_NEWSROOM = re.compile(r"(?i)\b(?:staff|newsroom|desk|team|bureau|staff reporters?|wires?)$")
_SEVERAL = re.compile(r"\s*;\s*|\s+(?:and|&)\s+")


def authors(byline: str) -> dict[str, str] | list[dict[str, str]]:
    """schema.org's `author` of an article whose byline is `byline` (not empty): see the module docstring."""
    parts = [part.strip() for part in _SEVERAL.split(byline.strip()) if part.strip()]
    if len(parts) > 1:  # ("A, B and C": the commas before the last "and" list names too, where each is one)
        parts = [name for part in parts[:-1] for name in _listed(part)] + parts[-1:]
    found = [{"@type": _kind(name), "name": name} for name in parts or [byline.strip()]]
    return found[0] if len(found) == 1 else found


def _listed(part: str) -> list[str]:
    """The names a part before the last "and" lists at its commas, where each has two words or more: a name
    written surname first ("Haefliger, Markus M.") or with a suffix ("King, Jr.") is one (review 121)."""
    names = [name.strip() for name in part.split(",") if name.strip()]
    return names if all(len(name.split()) > 1 for name in names) else [part.strip()]


def _kind(name: str) -> str:
    bare = name.casefold()
    if bare in NEWS_AGENCIES or _NEWSROOM.search(name) or (name.isupper() and " " not in name and 2 <= len(name) <= 5):
        return "Organization"
    return "Person"
