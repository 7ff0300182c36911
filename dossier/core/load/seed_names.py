"""Which seeds an article file's text names: its `seed:` value, however quoted or misspelt its key, as a file name
(the name with no other character of a file name on either side: nytimes.txt does not name times.txt). Pure."""

from __future__ import annotations

import re
from typing import Iterable

import ahocorasick

# A character of a file name beside a seed's name: a name it is part of, not the seed's own
_NAME_CHAR = re.compile(r"[\w.-]")


def seed_named_in(seed: str, text: str) -> bool:
    """Whether an article file's `text` names the seed file `seed`."""
    return re.search(r"(?<![\w.-])" + re.escape(seed) + r"(?![\w.-])", text) is not None


def seeds_named_in(seeds: Iterable[str], texts: Iterable[str]) -> set[str]:
    """The seeds of `seeds` that one of `texts` names (`seed_named_in`), each text read once for all the names:
    a pattern compiled for each seed and looked for in each text made `--import` quadratic (1,000 seeds and 1,000
    article files: a million patterns, 105 s)."""
    wanted = {seed for seed in seeds if seed}
    if not wanted:
        return set()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for seed in wanted:
        automaton.add_word(seed, seed)
    automaton.make_automaton()
    found: set[str] = set()
    for text in texts:
        for end, seed in automaton.iter(text):  # (every place of every name, overlapping ones too)
            if seed not in found and not _name_char(text, end - len(seed)) and not _name_char(text, end + 1):
                found.add(seed)
    return found


def _name_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and _NAME_CHAR.match(text[at]) is not None
