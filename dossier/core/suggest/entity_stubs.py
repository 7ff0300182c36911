"""Paste-ready YAML for content/entities.yaml: a stub entry for each candidate name --suggest offers
(entity_suggestions.candidate_entities)."""

from __future__ import annotations

import json
import re
from typing import Sequence

from ..common.records import frozen
from ..common.slugs import slugify


@frozen
class CandidateName:
    """A capitalised name that no alias covers (entity_suggestions.candidate_entities), and what its stub is made
    of. Invariant: count >= len(articles) >= 1; articles are sorted and distinct; example is one
    whitespace-normalised sentence containing the name."""

    name: str
    count: int
    articles: tuple[str, ...]
    example: str


# Characters YAML would read as line breaks or refuse as non-printable; escaped in strings, dropped in comments.
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_PLAIN_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_YAML_WORDS = frozenset("y n yes no on off true false null".split())   # YAML 1.1 would read these as values


def _yaml_str(value: str) -> str:
    """A double-quoted YAML scalar: JSON string syntax is valid YAML, once YAML-only hazards are escaped."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _comment(value: str, limit: int = 240) -> str:
    flat = " ".join(_YAML_UNSAFE.sub(" ", value).split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "\u2026"


def stub_yaml(cands: Sequence[CandidateName], taken: set[str] | None = None) -> str:
    """Paste-ready entries for content/entities.yaml (a mapping id → details), one per candidate, each
    preceded by comments saying where it was seen. Ids are unique slugs, none of `taken` (the ids in use: the
    entities', and those of stubs printed before, to which this call's are added). Empty input gives ""."""
    used: set[str] = taken if taken is not None else set()
    blocks = []
    for cand in cands:
        base = slugify(cand.name, fallback="entity")
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        key = ident if _PLAIN_ID.fullmatch(ident) and ident not in _YAML_WORDS else _yaml_str(ident)
        seen = ", ".join(cand.articles)
        blocks.append("\n".join([
            f"# {_comment(cand.name)}: seen {cand.count} time(s) in {len(cand.articles)} article(s): {_comment(seen)}",
            f"# e.g. {_comment(cand.example)}",
            f"{key}:",
            f"  name: {_yaml_str(cand.name)}",
            "  kind: other",
            f"  aliases: [{_yaml_str(cand.name)}]",
            f"  summary: {_yaml_str(f'TODO: who or what is {cand.name}? One line, with a source link.')}",
        ]))
    return "\n\n".join(blocks) + "\n" if blocks else ""
