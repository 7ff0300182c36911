"""The YAML an import writes: a stub article file and an outlet appended to sources.yaml.

Every guessed value carries a comment saying where it came from (or "uncertain: ..."); a value that was not
found is left out as a commented line, so the article still builds (with an "undated" or "outlet unknown"
warning) and the editor sees what to fill in. Values are JSON-quoted strings: valid YAML, never mis-typed.
"""

from __future__ import annotations

import json
from typing import Sequence

from .guess_outlet import Outlet
from .guesses import NOTHING, Guess, one_line
from ..common.slugs import is_device_name, slugify
from ..load.language import primary


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _line(key: str, guess: Guess, missing: str) -> str:
    if not guess.value:
        return f"# {key}: {missing}  # {one_line(guess.comment())}"
    return f"{key}: {_q(guess.value)}  # {one_line(guess.comment())}"


def article_stub(schema_ref: str, seed: str, title: Guess, date: Guess, outlet: Outlet, byline: Guess,
                 url: Guess, wire: Guess, command: str, language: Guess = NOTHING, site_language: str = "",
                 text_from: str = "") -> str:
    """YAML text of content/articles/<slug>.yaml for `seed`. `schema_ref`: the `$schema` address. `language`:
    the page's, written only where it is not the site's (`site_language`) language. `text_from`: where the
    seed's text came from when it is not the extractor's (ld_body.Body.where), said beside `seed:`."""
    lines = [f"# yaml-language-server: $schema={schema_ref}",
             f"# Written by `python build.py {command}`: every value is a guess. Check each against the seed",
             "# (and the saved page), then edit freely; this file is never overwritten.",
             f"seed: {_q(seed)}" + (f"  # {one_line(text_from)}" if text_from else ""),
             _line("title", title, '"the headline"') if title.value else f"title: {_q(seed)}  # not found: "
             "the seed's file name stands in; write the headline",
             _line("date", date, "YYYY-MM-DD"),
             _line("source", outlet.guess, "an-outlet-id-from-content/sources.yaml")]
    if wire.value:
        lines.append(_line("wire", wire, ""))
    # (a byline not found is a commented line too, as a date or a source is: the page may show one that its
    # metadata lacks, review 72)
    lines.append(_line("byline", byline, '"the author\'s name"'))
    lines.append(_line("url", url, "https://the.original/address"))
    if language.value and primary(language.value) != primary(site_language):
        lines.append(_line("language", language, ""))
    lines.append("annotations: []")
    return "\n".join(lines) + "\n"


def outlet_entry(outlet: Outlet, found_at: str, command: str = "--add") -> str:
    """A block-style sources.yaml entry for a new outlet, to append to the file (after a blank line)."""
    lines = [f"# Added by `python build.py {command}` for {one_line(found_at)}: {one_line(outlet.guess.comment())}.",
             f"{outlet.id}:",
             f"  name: {_q(outlet.name)}"]
    if outlet.homepage:
        lines.append(f"  homepage: {_q(outlet.homepage)}")
    if outlet.country:
        lines.append(f"  country: {_q(outlet.country)}")
    return "\n".join(lines) + "\n"


def entries_text(entries: Sequence[str]) -> str:
    """Entries (outlet_entry) as one block to append, each after a blank line."""
    return "".join("\n" + e for e in entries)


def append_text(existing: str, block: str, schema_ref: str) -> str:
    """The text to add at the end of sources.yaml (its existing text is never changed): a newline if the file
    lacks a final one, then `block` (entries_text). A new file starts with the `$schema` header."""
    head = f"# yaml-language-server: $schema={schema_ref}\n" if not existing.strip() else ""
    if existing and not existing.endswith("\n"):
        head += "\n"
    return head + block


def suggest_slug(seed: str, title: str, taken: set[str]) -> str:
    """A slug from the title's first six words (else the seed's name), unique among `taken`."""
    base = "-".join(slugify(title.replace("ß", "ss"), "").split("-")[:6]).strip("-") or slugify(seed.rsplit(".", 1)[0], "article")
    base = base[:60].rstrip("-")
    slug, n = base, 2
    while slug in taken or is_device_name(slug):  # ("con": a page Windows cannot make, device_names.py)
        slug, n = f"{base}-{n}", n + 1
    return slug
