"""A listing row's estimated bytes on a page, by which the tag pages and the report are cut into pages
(plan/paginate.py). Here, where every layer may read it, because the analysis weighs its report rows as it makes
them (analyse/library.py): the cache keeps the weights with the rows, and no build weighs 50,000 rows again."""

from __future__ import annotations

from collections import abc
from typing import Any, Mapping


def row_weight(row: Mapping[str, Any]) -> int:
    """A listing row's estimated bytes on a page (tags, the report): its text (quote, note, title, file,
    difference) plus the markup around it (~250 bytes a tag item or a report row, measured)."""
    size = 250
    for value in row.values():
        if isinstance(value, str):
            size += len(value)
    article = row.get("article")
    if isinstance(article, abc.Mapping):  # (typing's Mapping checks the same, slowly; a report row's is a slug)
        size += len(article["title"])
    return size
