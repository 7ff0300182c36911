"""Comparisons: witnesses anchored, badges on articles, /compare/, /passages/, coverage (being built: issue 5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .errors import Problem
from .markdown import BadgeMark
from .model import Dossier
from .urls import Urls


@dataclass(frozen=True)
class ComparisonIndex:
    """What the comparison feature contributes. badges: article slug → witness marks; coverage: for /sources/."""

    badges: dict[str, tuple[BadgeMark, ...]] = field(default_factory=dict)
    coverage: dict[str, Any] = field(default_factory=lambda: {"comparisons": [], "rows": []})
    problems: tuple[Problem, ...] = ()


def prepare(dossier: Dossier, anchored: Sequence[Any], urls: Urls, strict: bool) -> ComparisonIndex:
    return ComparisonIndex()


def pages(site: Any, index: ComparisonIndex, article_rows: Sequence[dict[str, Any]]) -> None:
    return None
