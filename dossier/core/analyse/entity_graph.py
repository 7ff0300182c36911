"""Co-occurrence: which entities are named in the same sentence, how often, and a circular layout of the
strongest pairs for the /entities/ page (an SVG drawn at build time: no JavaScript, names as text).

The layout is deterministic: nodes sit on a circle in (kind, name) order, so one kind forms one arc.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .mentions import Mention

__all__ = ["KIND_ORDER", "cooccurrence", "layout", "neighbours"]

KIND_ORDER = ("person", "organisation", "place", "event", "other")


def cooccurrence(articles: Iterable[tuple[Sequence[tuple[int, int]], Sequence[Mention]]]) -> dict[tuple[str, str], int]:
    """(a, b) with a < b → number of sentences, across all articles, naming both a and b. Each article is
    given as its sentences (mentions.sentence_spans) and its mentions, both in text order."""
    counts: dict[tuple[str, str], int] = {}
    for sentences, mentions in articles:
        if not mentions:
            continue
        i = 0
        for start, end in sentences:
            while i < len(mentions) and mentions[i].start < start:
                i += 1
            named = set()
            while i < len(mentions) and mentions[i].start < end:
                named.add(mentions[i].entity)
                i += 1
            ordered = sorted(named)
            for x, a in enumerate(ordered):
                for b in ordered[x + 1:]:
                    counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def neighbours(pairs: Mapping[tuple[str, str], int]) -> dict[str, list[tuple[str, int]]]:
    """entity → [(other entity, sentences naming both)], computed once for all entity pages."""
    out: dict[str, list[tuple[str, int]]] = {}
    for (a, b), n in sorted(pairs.items()):
        out.setdefault(a, []).append((b, n))
        out.setdefault(b, []).append((a, n))
    return out


def _label(name: str, aliases: Sequence[str], limit: int = 24) -> str:
    """A label that fits beside the circle: the name, or its longest short alias ("COGAT"), or the name cut."""
    if len(name) <= limit:
        return name
    short = sorted((a for a in aliases if len(a) <= limit), key=lambda a: (-len(a), a))
    return short[0] if short else name[:limit - 1] + "\u2026"


def layout(entities: Mapping[str, Mapping[str, Any]], pairs: Mapping[tuple[str, str], int],
           max_nodes: int = 28, max_edges: int = 60) -> dict[str, Any]:
    """Nodes and edges with coordinates. `entities`: id → {name, kind, aliases, mentions}. Keeps the
    `max_nodes` most-mentioned entities that share a sentence with another, and the strongest edges among
    them. Coordinates are rounded so the output is byte-stable."""
    linked = {x for pair in pairs for x in pair}
    chosen = sorted((e for e in linked if e in entities),
                    key=lambda e: (-entities[e]["mentions"], entities[e]["name"], e))[:max_nodes]
    kinds = {k: i for i, k in enumerate(KIND_ORDER)}
    ring = sorted(chosen, key=lambda e: (kinds.get(entities[e]["kind"], len(kinds)), entities[e]["name"], e))
    keep = set(ring)
    edges = sorted(((w, a, b) for (a, b), w in pairs.items() if a in keep and b in keep),
                   key=lambda t: (-t[0], t[1], t[2]))[:max_edges]
    radius, label_room, pad = 200.0, 190.0, 24.0
    width = 2 * (radius + label_room)
    height = 2 * (radius + pad + 12)
    cx, cy = width / 2, height / 2
    top = max((entities[e]["mentions"] for e in ring), default=1) or 1
    heaviest = max((w for w, _, _ in edges), default=1)
    pos: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, e in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + radius * cos, cy + radius * sin
        pos[e] = (x, y)
        anchor = "start" if cos > 0.15 else "end" if cos < -0.15 else "middle"
        # Labels at the top and bottom of the ring sit above/below their dot, the rest beside it.
        lx = x + 12 * cos
        ly = y + 12 * sin + (-6 if sin < -0.95 else 10 if sin > 0.95 else 0)
        info = entities[e]
        nodes.append({"id": e, "name": info["name"], "kind": info["kind"], "mentions": info["mentions"],
                      "label": _label(info["name"], info.get("aliases", ())),
                      "x": round(x, 1), "y": round(y, 1), "r": round(3 + 7 * math.sqrt(info["mentions"] / top), 1),
                      "lx": round(lx, 1), "ly": round(ly, 1), "anchor": anchor})
    names = {e: entities[e]["name"] for e in ring}
    edge_rows = [{"a": a, "b": b, "count": w, "x1": round(pos[a][0], 1), "y1": round(pos[a][1], 1),
                  "x2": round(pos[b][0], 1), "y2": round(pos[b][1], 1),
                  "width": round(0.75 + 5.25 * w / heaviest, 2),
                  "title": f"{names[a]} and {names[b]}: {w} sentence{'' if w == 1 else 's'}"}
                 for w, a, b in edges]
    return {"width": round(width), "height": round(height), "nodes": nodes, "edges": edge_rows}
