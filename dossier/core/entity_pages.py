"""Entities: mention linking in articles, hovercards, /entities/ and /entities/<id>/ (being built: issue 4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .errors import Problem
from .markdown import LinkMark
from .model import Dossier
from .urls import Urls


@dataclass(frozen=True)
class EntityIndex:
    """What the entity feature contributes. links: article slug → mention links; cards: slug → hovercards."""

    links: dict[str, tuple[LinkMark, ...]] = field(default_factory=dict)
    cards: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


def prepare(dossier: Dossier, anchored: Sequence[Any], urls: Urls) -> EntityIndex:
    return EntityIndex()


def pages(site: Any, index: EntityIndex, article_rows: Sequence[dict[str, Any]]) -> None:
    return None
