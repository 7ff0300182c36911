"""`--import`: a stub article file for each plain-text seed that has none, with what its text tells.

The title is the first headline-like kept line (the site's furniture rules have already dropped page
furniture, so "Accessibility links" is never a title); the date comes from a dateline or the first date in
the text; the outlet from a wire credit, a known outlet's address, or an outlet of sources.yaml named in the
text. A plain text has no markup, so every guess is marked uncertain in the stub. Editors correct the stub;
nothing here overwrites a file (the shell creates files exclusively).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from ..load.cleaning import CleanText
from .guess_date import dateline
from .guess_outlet import Outlet, outlet_from_text
from .guess_title import title_from_lines
from .guesses import NOTHING, Guess
from .stubs import article_stub, outlet_entry, suggest_slug
from .text_language import text_language

# (said on a commented line of the stub, as a date or an outlet not found is)
_NO_BYLINE = Guess("", "the byline", False, "a plain-text seed's byline is not read: write it if the text gives one")


def guesses(raw: str, cleaned: CleanText, sources: Mapping[str, tuple[str, str]]) -> tuple[Guess, Guess, Outlet]:
    """(title, date, outlet) of a plain-text seed. `sources`: id → (name, homepage) of sources.yaml."""
    title = title_from_lines([(p.line, p.text) for p in cleaned.paragraphs])
    return title, dateline(raw), outlet_from_text(raw, sources)


def stubs(seeds: Mapping[str, tuple[str, CleanText]], sources: Mapping[str, tuple[str, str]] | None, taken: set[str],
          article_ref: str, site_language: str = "en") -> tuple[dict[str, str], list[str]]:
    """Stub files for `seeds` (name → (raw text, cleaned)), in name order, and the sources.yaml entries to
    append for outlets they name that sources.yaml lacks (each once). `taken`: slugs already used. `sources`
    None: sources.yaml could not be read; an outlet a seed names is then left as a comment of its stub (its id
    would be unknown to every build until the outlet is added there). A seed whose text reads as another
    language than the site's (`site_language`) gets it, flagged (text_language: a French seed was published as
    English, review 72)."""
    out: dict[str, str] = {}
    entries: list[str] = []
    known = dict(sources or {})
    taken = set(taken)
    for seed, (raw, cleaned) in sorted(seeds.items()):
        title, date, outlet = guesses(raw, cleaned, known)
        slug = suggest_slug(seed, title.value, taken)
        taken.add(slug)
        if outlet.new and sources is None:
            outlet = replace(outlet, guess=Guess("", outlet.guess.where, False, f'the text names "{outlet.name}", '
                             "but content/sources.yaml could not be read: correct it, add the outlet, then write "
                             "source:"))
        elif outlet.new:
            entries.append(outlet_entry(outlet, f"seeds/{seed}", "--import"))
            known[outlet.id] = (outlet.name, outlet.homepage)
        out[f"content/articles/{slug}.yaml"] = article_stub(article_ref, seed, title, date, outlet, _NO_BYLINE,
                                                            Guess("", "the original address", False,
                                                                  "a plain-text seed has none"),
                                                            NOTHING, "--import", text_language(cleaned.text),
                                                            site_language)
    return out, entries
