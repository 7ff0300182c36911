"""The synthetic dossier's people, stories and text: the records the generator builds, the slot values its
templates draw, and the flat article text it checks quotes against."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .words import ADJ, DAYS, GROUPS, MONTHS, NOUNS, ORDINALS, UNITS, VERBS


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    aliases: list[str]
    summary: str


@dataclass
class Story:
    index: int
    topic: tuple[str, str]
    place: Entity
    places: list[Entity]
    people: list[Entity]
    orgs: list[Entity]
    speaker: Entity
    quote: str
    figure: int
    unit: tuple[str, str]
    date: tuple[int, int]
    wire_paragraphs: list[str]
    articles: list[dict] = field(default_factory=list)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def fmt_num(n: int) -> str:
    return f"{n:,}"


def pick(rng: random.Random, seq: list) -> Any:
    return seq[int(rng.random() * len(seq))]  # random.choice, without its rejection loop: ~3x faster


DRAW: dict[str, Callable[[random.Random, Story], str]] = {
    "verb": lambda rng, st: pick(rng, VERBS), "noun": lambda rng, st: pick(rng, NOUNS),
    "noun2": lambda rng, st: pick(rng, NOUNS), "topic": lambda rng, st: st.topic[0],
    "adj": lambda rng, st: pick(rng, ADJ), "adj2": lambda rng, st: pick(rng, ADJ),
    "place": lambda rng, st: pick(rng, st.places).name, "org": lambda rng, st: pick(rng, st.orgs).name,
    "num": lambda rng, st: fmt_num(3 + int(rng.random() * 8998)), "unit": lambda rng, st: pick(rng, UNITS)[0],
    "month": lambda rng, st: pick(rng, MONTHS), "day": lambda rng, st: pick(rng, DAYS),
    "small": lambda rng, st: str(2 + int(rng.random() * 18)),
    "year": lambda rng, st: str(1950 + int(rng.random() * 66)),
    "group": lambda rng, st: pick(rng, GROUPS), "ordinal": lambda rng, st: pick(rng, ORDINALS),
}


class Slots(dict):
    """Slot values drawn on first use (a template uses a few of the ~20 slots); {Name} and {Surname} are one
    person, {Surname2} another."""

    def __init__(self, rng: random.Random, story: Story) -> None:
        super().__init__()
        self.rng, self.story = rng, story

    def __missing__(self, key: str) -> str:
        if key in ("Name", "Surname", "Surname2"):
            if "_p1" not in self:
                self["_p1"], self["_p2"] = self.rng.sample(self.story.people, 2)
            person = self["_p2"] if key == "Surname2" else self["_p1"]
            return person.name if key == "Name" else person.aliases[0]
        value = self[key] = DRAW[key](self.rng, self.story)
        return value


class Text:
    """The cleaned article as the pipeline will see it, flattened with single spaces between paragraphs
    (the anchoring treats every whitespace run alike, so offsets in this flat text are enough to decide
    whether a quote is unique and which context makes it so)."""

    def __init__(self, paragraphs: list[str]):
        self.flat = " ".join(paragraphs)

    def occurrences(self, quote: str) -> list[int]:
        out, i = [], self.flat.find(quote)
        while i >= 0:
            out.append(i)
            i = self.flat.find(quote, i + 1)
        return out

    def sentences(self, min_words: int) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(r"[A-Z][^.“”]*?\.(?= |$)", self.flat)
                if len(m.group(0).split()) >= min_words]

    def context(self, start: int, end: int, want: str) -> dict[str, str]:
        """The fewest whole words before (prefix) or after (suffix) that single out this occurrence."""
        quote = self.flat[start:end]
        others = [o for o in self.occurrences(quote) if o != start]
        if not others and want == "auto":
            return {}
        side = "suffix" if want == "suffix" else "prefix"
        for k in range(1, 40):
            mine = self._words(start, end, side, k)
            if mine is None:
                break
            if all(not self._fits(o, o + len(quote), side, mine) for o in others):
                return {side: " ".join(mine)}
        raise ValueError(f"no unique {side} for {quote!r}")

    def _words(self, start: int, end: int, side: str, k: int) -> list[str] | None:
        words = self.flat[:start].split() if side == "prefix" else self.flat[end:].split()
        if len(words) < k:
            return None
        return words[-k:] if side == "prefix" else words[:k]

    def _fits(self, start: int, end: int, side: str, wanted: list[str]) -> bool:
        # Mirrors the anchoring: inner words equal, the outermost one ends (prefix) or starts (suffix) with it.
        got = self._words(start, end, side, len(wanted))
        if got is None:
            return False
        if side == "prefix":
            return got[1:] == wanted[1:] and got[0].endswith(wanted[0])
        return got[:-1] == wanted[:-1] and got[-1].startswith(wanted[-1])

