"""`python build.py --suggest`: editors' help for the entity registry, printed, never written.

Reads the dossier like a build (same config, same cleaned texts, the same alias matcher), then prints:
candidate entities (capitalised names in two or more articles that no alias matches), near misses (names
one or two letters away from an alias, which the build therefore does not link), paste-ready YAML stubs
for content/entities.yaml, and stubs for comparisons of the shared passages that no comparison covers yet
(core.comparison_stubs). Editors copy what they want; this command changes no file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from . import fs
from .core.comparison_stubs import comparison_stubs, shared_passages
from .core.entity_links import build_matcher
from .core.errors import has_errors
from .core.mentions import sentence_around
from .core.pipeline import Options, load_config, load_dossier
from .core.suggest import candidate_entities, near_misses, stub_yaml

__all__ = ["suggest"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def suggest(root: Path, options: Options, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print suggestions for the dossier at `root`. Returns 0, or 1 when the dossier cannot be read."""
    out = out or sys.stdout
    err = err or sys.stderr
    inputs = fs.read_inputs(root)
    config, problems = load_config(inputs, options)
    if config is None:
        for p in problems:
            print(p.format(), file=err)
        return 1
    dossier, _, more = load_dossier(inputs, config)
    if has_errors(more):
        for p in more:
            if p.severity == "error":
                print(p.format(), file=err)
        print("(suggestions below use only the files that could be read)", file=err)
    matcher = build_matcher(dossier.entities)
    articles = {a.slug: a for a in dossier.articles}
    docs = {slug: a.text.text for slug, a in articles.items()}
    cands = candidate_entities(docs, matcher)
    misses = near_misses(docs, matcher.aliases, matcher)

    print(f"Suggestions for {len(docs)} article(s) and {len(dossier.entities)} entities "
          "(nothing is written; copy what you need)", file=out)
    print("", file=out)
    print(f"Candidate entities: {_plural(len(cands), 'name')} in two or more articles that no alias matches",
          file=out)
    for c in cands:
        print(f"  {c.name}: {_plural(c.count, 'mention')} in {_plural(len(c.articles), 'article')} "
              f"({', '.join(c.articles)})", file=out)
        print(f"      e.g. \u201c{c.example}\u201d", file=out)
    print("", file=out)
    print(f"Near misses: {_plural(len(misses), 'name')} that differ slightly from an alias, so they are not linked",
          file=out)
    for n in misses:
        article = articles[n.article]
        text = article.text
        s, e = sentence_around(text.text, n.start, n.end)
        sentence = " ".join(text.text[s:e].split())
        print(f"  {article.meta.origin.file} (seeds/{article.meta.seed}:{text.line_of(n.start)}): "
              f"\u201c{n.surface}\u201d is close to \u201c{n.alias}\u201d of {n.entity}", file=out)
        print(f"      in \u201c{sentence}\u201d", file=out)
        print(f"      if it names {n.entity}, add \u201c{n.surface}\u201d to its aliases in content/entities.yaml",
              file=out)
    print("", file=out)
    print("YAML stubs for content/entities.yaml (fill in kind and summary; check each is one entity)", file=out)
    print("-" * 72, file=out)
    print(stub_yaml(cands) or "# no candidates\n", end="", file=out)
    print("", file=out)
    print("Comparison stubs: shared passages that no comparison covers yet (one file each, under content/comparisons/)",
          file=out)
    print("-" * 72, file=out)
    print(comparison_stubs(shared_passages(dossier.articles), dossier.comparisons, dossier.articles)
          or "# every shared passage is covered by a comparison\n", end="", file=out)
    return 0
