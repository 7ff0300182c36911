"""`--import`: a stub article file for a new seed, with what can be detected from its text.

Editors correct the stub; the build never overwrites an existing file (the shell checks that).
"""

from __future__ import annotations

import json
import re

from .cleaning import CleanText
from .slugs import slugify

_MONTHS = ("January February March April May June July August September October November December").split()
_DATE_ISO = re.compile(r"\b(20\d\d|19\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_DATE_LONG = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{1,2}), (\d{4})\b")


def detect_date(raw: str) -> str:
    """The first date written in the seed (ISO or "March 22, 2024"), or ""."""
    found = []
    for m in _DATE_ISO.finditer(raw):
        found.append((m.start(), m.group(0)))
    for m in _DATE_LONG.finditer(raw):
        found.append((m.start(), f"{m.group(3)}-{_MONTHS.index(m.group(1)) + 1:02d}-{int(m.group(2)):02d}"))
    return min(found)[1] if found else ""


def detect_source(raw: str, sources: dict[str, str]) -> str:
    """The outlet whose name appears in the seed (share prompts often name it), or ""."""
    for source_id, name in sorted(sources.items()):
        for word in {name, name.replace("The ", "")}:
            if len(word) > 3 and word.lower() in raw.lower():
                return source_id
    return ""


def suggest_slug(seed: str, title: str, taken: set[str]) -> str:
    base = "-".join(slugify(title).split("-")[:6]) or slugify(seed.rsplit(".", 1)[0])
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def stub(seed: str, raw: str, cleaned: CleanText, sources: dict[str, str]) -> str:
    """YAML text of a stub article file. Values are JSON-quoted strings (valid YAML, never mis-typed)."""
    title = cleaned.paragraphs[0].text if cleaned.paragraphs else seed
    date = detect_date(raw)
    source = detect_source(raw, sources)
    lines = [
        "# yaml-language-server: $schema=../../schemas/article.schema.json",
        "# Written by `python build.py --import`: check every value against the seed, then edit freely.",
        f"seed: {json.dumps(seed)}",
        f"title: {json.dumps(title, ensure_ascii=False)}  # detected: the first kept line",
        f"source: {source or 'unknown'}" + ("  # detected from the text" if source else
                                             "  # TODO: an outlet id from content/sources.yaml"),
        f"date: {json.dumps(date) if date else 'TODO'}" + ("  # detected from the text" if date else
                                                             "  # TODO: YYYY-MM-DD"),
        "annotations: []",
    ]
    return "\n".join(lines) + "\n"
