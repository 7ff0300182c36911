"""What a YAML file of content/ holds, told by its keys (`kind_of`): an article's, a comparison's, entities' or
outlets'. Asked of a file in the wrong place (misplaced.py) and of a file of a folder of YAML files under no YAML
extension (ignored.py: content/articles/n3.yaml.txt). Pure.
"""

from __future__ import annotations

import re
from typing import Any

# The keys that tell one kind from the other of its level (schemas/*.schema.json): an article's and a comparison's
# at the top of the file; an entity's and an outlet's in each block
KEYS = {"article": ("seed", "source", "annotations", "byline", "url", "wire", "date", "date_note", "language"),
        "comparison": ("question", "witnesses", "kind", "base", "speaker"),
        "entities": ("kind", "aliases", "roles", "wikidata", "exclude", "summary"),
        "sources": ("homepage", "country", "note")}
# The keys only a file of that kind has at its top, one of which it must have to be told so (a misindented kind: and
# speaker: of an annotation make no comparison of an article)
_OWN = {"article": {"seed", "annotations"}, "comparison": {"question", "witnesses"}}


def kind_of(text: str | None) -> tuple[str, tuple[str, ...]] | None:
    """What a YAML file's text holds, by its keys: ("article", the keys that say so, in their order), or
    "comparison", "entities", "sources"; None when its keys do not tell (too few, or as many of two kinds)."""
    data = _data(text) if text is not None else None
    if not isinstance(data, dict) or not data:
        return None
    blocks = [v for v in data.values() if isinstance(v, dict)]
    if len(blocks) * 2 > len(data):  # (most values are blocks: a registry's, whose keys are ids)
        keys, kinds = [k for block in blocks for k in block], ("entities", "sources")
    else:
        keys, kinds = list(data), ("article", "comparison")
    said = {kind: [k for k in keys if k in KEYS[kind]] for kind in kinds}
    if "kind" in keys and "sources" in said:  # (an outlet has no kind: entities with a homepage and a country are
        said["sources"] = []                  # entities, review 158)
    first, second = sorted(kinds, key=lambda kind: -len(said[kind]))
    if len(said[first]) < 2 or len(said[first]) == len(said[second]) or not _OWN.get(first, set(keys)) & set(keys):
        return None
    return first, tuple(dict.fromkeys(said[first]))[:3]


def may_be(text: str, kind: str) -> bool:
    """Whether a YAML file's text, which `kind_of` cannot tell, may yet be one of `kind` ("article", "comparison",
    "entities", "sources") begun: a key of that kind (or a title) at its top, or, for a registry, a block."""
    data = _data(text)
    if not isinstance(data, dict):
        return False
    if kind in ("entities", "sources"):
        return any(isinstance(v, dict) for v in data.values())
    return bool(set(data) & {*KEYS[kind], "title"})


def utf8_text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def yaml_value(text: str) -> Any:
    """The YAML value of `text`, or None when YAML cannot read it."""
    from .pyyaml import yaml  # (asked only of a file in a wrong place: imported then)

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


_TOP = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(\S)|[ \t]*$)")
_INNER = re.compile(r"^[ \t]+([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


def _data(text: str) -> Any:
    """The YAML value of `text`; when YAML cannot read it (a syntax error), its keys as its lines show them: each key
    at column 0 → the keys indented under it (a block), or its value's first character when written on its line."""
    data = yaml_value(text)
    if data is not None:
        return data
    out: dict[str, Any] = {}
    key = None
    for line in text.splitlines():
        top, inner = _TOP.match(line), _INNER.match(line)
        if top:
            key = top.group(1)
            out[key] = top.group(2) or {}
        elif inner and key is not None and isinstance(out[key], dict):
            out[key][inner.group(1)] = ""
    return out
