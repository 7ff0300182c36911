"""`python build.py --suggest`: editors' help for the entity registry, printed, never written.

Reads the dossier like a build (same config, same cleaned texts, the same alias matcher), then prints:
candidate entities (capitalised names that no alias matches, the ones in most articles first; names seen in one
article only are listed last, not hidden), near misses (names one or two letters away from an alias, which the
build therefore does not link), paste-ready YAML stubs for content/entities.yaml, and the comparison YAML for
shared passages not yet set side by side in every article that has them (core.comparison_suggestions).

New material counts: a seed with no article file yet, or whose article file does not load, is read too (named
by its seed file, or by the slug of the article file that names it), and a file that cannot be read is
reported, never skipped in silence. Editors copy what they want; this command changes no file of the dossier's
(what the last build parsed and searched comes from its cache, `_cache`).
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping, TextIO

from . import fs
from ..core.load.cleaning import CleanText, clean
from ..core.suggest.comparison_suggestions import comparison_stubs
from ..core.analyse.entity_links import build_matcher
from ..core.suggest.entity_stubs import stub_yaml
from ..core.suggest.entity_suggestions import (CandidateName, NearMiss, ReadDocs, candidate_entities, near_misses,
                                               read_doc, without_misspellings)
from ..core.common.errors import Problem, has_errors
from ..core.analyse.mentions import sentence_around
from ..core.load.model import Dossier
from ..core.pipeline import Inputs, Options, load_config, load_dossier
from ..core.analyse.library import passages_later
from ..core.analyse.shared_passages import UNPUBLISHED
from ..core.common.memo import digest
from ..core.common.shards import Each, in_sequence
from ..core.common.records import frozen

__all__ = ["suggest"]


@frozen
class _Doc:
    """A text the suggestions read: a loaded article, or a seed whose article file is missing or broken.
    `where` names it for the editor (the article file, else the seed file)."""

    text: CleanText
    seed: str
    where: str


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def read_dossier(root: Path) -> tuple[Inputs, list[Problem]]:
    """The dossier's files as the build reads them (fs.read_inputs), with the files it refused or could not read
    as problems: the suggestions use the rest instead of stopping."""
    inputs = fs.read_inputs(root)
    return inputs, list(inputs.problems)


def _docs(inputs: Inputs, dossier: Dossier, raw: Mapping[str, str]) -> dict[str, _Doc]:
    """Doc id → text: every loaded article by slug, then every other seed that has text, by the slug of an
    article file that names it (it does not load yet) or else as "seeds/<name>"."""
    docs = {a.slug: _Doc(a.text, a.meta.seed, a.meta.origin.file) for a in dossier.articles}
    used = {a.meta.seed for a in dossier.articles}
    loaded = {a.meta.origin.file for a in dossier.articles}
    owner: dict[str, str] = {}
    for path in sorted(p for p in inputs.files if p.startswith("content/articles/") and p.endswith(".yaml")):
        if path in loaded:
            continue
        text = inputs.files[path].decode("utf-8", "replace")
        for seed in sorted(raw):
            if re.search(rf"^seed:\s*['\"]?{re.escape(seed)}['\"]?\s*(?:#.*)?$", text, re.M):
                owner.setdefault(seed, path)
    for seed in sorted(set(raw) - used):
        cleaned = clean(raw[seed], dossier.config)
        if not cleaned.paragraphs:
            continue
        path = owner.get(seed)
        slug = path.rsplit("/", 1)[-1][:-len(".yaml")] if path else ""
        doc = slug if slug and slug not in docs else f"{UNPUBLISHED}{seed}"
        docs[doc] = _Doc(cleaned, seed, path or f"seeds/{seed}")
    return docs


def _print_candidates(cands: tuple[CandidateName, ...], out: TextIO) -> None:
    wide = [c for c in cands if len(c.articles) > 1]
    print(f"Candidate entities: {_plural(len(cands), 'name')} that no alias matches, "
          "those in the most articles first", file=out)
    for heading, group in (("in two or more articles", wide),
                           ("in one article only (ranked lower: check that it matters before adding it)",
                            [c for c in cands if len(c.articles) == 1])):
        print(f"  {heading}: {len(group) or 'none'}", file=out)
        for c in group:
            print(f"    {c.name}: {_plural(c.count, 'mention')} in {_plural(len(c.articles), 'article')} "
                  f"({', '.join(c.articles)})", file=out)
            print(f"        e.g. \u201c{c.example}\u201d", file=out)


def _print_near_misses(misses: tuple[NearMiss, ...], docs: dict[str, _Doc], out: TextIO) -> None:
    print(f"Near misses: {_plural(len(misses), 'name')} that differ slightly from an alias, so they are not linked",
          file=out)
    for n in misses:
        doc = docs[n.article]
        s, e = sentence_around(doc.text.text, n.start, n.end)
        sentence = " ".join(doc.text.text[s:e].split())
        where = f"seeds/{doc.seed}:{doc.text.line_of(n.start)}"
        place = where if doc.where.startswith("seeds/") else f"{doc.where} ({where})"
        print(f"  {place}: \u201c{n.surface}\u201d is close to \u201c{n.alias}\u201d of {n.entity}", file=out)
        print(f"      in \u201c{sentence}\u201d", file=out)
        print(f"      if it names {n.entity}, add \u201c{n.surface}\u201d to its aliases in content/entities.yaml",
              file=out)


def suggest(root: Path, options: Options, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print suggestions for the dossier at `root`. Returns 0, or 1 when the dossier cannot be read."""
    out = out or sys.stdout
    err = err or sys.stderr
    inputs, unreadable = read_dossier(root)
    config, problems = load_config(inputs, options)
    if config is None:
        for p in unreadable + list(problems):
            print(p.format(), file=err)
        return 1
    cache = _cache(root)
    try:
        return _suggest(inputs, config, unreadable, out, err, cache.each if cache is not None else in_sequence)
    finally:
        if cache is not None:
            cache.list_used()  # (the builds after it keep what it used)


def _cache(root: Path) -> Any:
    """The build's cache of the dossier at `root` (shell/cache.py), so that the files and the shared passages the
    last build read are not read and searched again (8 s at 1,000 articles without it); None when no build made
    one: --suggest makes none (the entries it adds to one are pruned by the next build unless it uses them)."""
    from .cache import FOLDER, Cache
    from .parallel import fork_shards

    folder = root / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return None
    return Cache(root, fork_shards(None))


def _suggest(inputs: Inputs, config: Any, unreadable: list[Problem], out: TextIO, err: TextIO, each: Each) -> int:
    """`suggest` once the configuration is read, `each` running the per-file steps (through the cache)."""
    dossier, raw, more = load_dossier(inputs, config, each)
    for p in sorted(unreadable + more):
        print(p.format(), file=err)
    if has_errors(unreadable + more):
        print("(the suggestions below use every file that could be read)", file=err)
    matcher = build_matcher(dossier.entities)
    docs = _docs(inputs, dossier, raw)
    texts = {doc: d.text.text for doc, d in docs.items()}
    read = ReadDocs(texts, matcher, _read(texts, matcher, each))  # (each text read once for both)
    misses = near_misses(texts, matcher.aliases, matcher, read)
    cands = without_misspellings(candidate_entities(texts, matcher, min_articles=1, read=read), misses)
    fresh = len(docs) - len(dossier.articles)
    print(f"Suggestions for {_plural(len(dossier.articles), 'article')}"
          + (f" and {_plural(fresh, 'seed')} without a loaded article file" if fresh else "")
          + f", {len(dossier.entities)} {'entity' if len(dossier.entities) == 1 else 'entities'} "
          "(nothing is written; copy what you need)", file=out)
    print("", file=out)
    _print_candidates(cands, out)
    print("", file=out)
    _print_near_misses(misses, docs, out)
    print("", file=out)
    print("YAML stubs for content/entities.yaml (fill in kind and summary; check each is one entity)", file=out)
    print("-" * 72, file=out)
    wide, narrow = [c for c in cands if len(c.articles) > 1], [c for c in cands if len(c.articles) == 1]
    ids = {e.id for e in dossier.entities}  # (each stub's id is added: none is given twice)
    print(stub_yaml(wide, ids) or "# no names in two or more articles\n", end="", file=out)
    if narrow:
        print("\n# --- names seen in one article only (ranked lower) ---\n\n" + stub_yaml(narrow, ids), end="",
              file=out)
    print("", file=out)
    print("Comparisons: shared passages not yet set side by side in every article that has them", file=out)
    print("-" * 72, file=out)
    unpublished = {doc: text for doc, text in texts.items() if doc not in {a.slug for a in dossier.articles}}
    articles, unpublished, copies = _without_copies(dossier, unpublished, out)
    # (a copy's witnesses stand for the article kept: the passages they cover are covered)
    comparisons = [replace(c, witnesses=tuple(replace(w, article=copies.get(w.article, w.article))
                                              for w in c.witnesses)) for c in dossier.comparisons]
    # (the articles in the dossier's order, as the build searches them: without unpublished seeds, its cache entry)
    passages = passages_later(articles, each, unpublished=unpublished)()
    print(comparison_stubs(passages, comparisons, articles,
                           unpublished) or "# every shared passage is covered by a comparison\n", end="", file=out)
    return 0


def _read(texts: Mapping[str, str], matcher: Any, each: Each) -> dict[str, Any]:
    """What both kinds of suggestion read of each text (entity_suggestions.read_doc), through `each`: the cache
    keeps it by the text and the entities' aliases, and reads the others in every core (2.4 s at 1,000 articles in
    one)."""
    registry = digest(repr(matcher.made_of))
    items = sorted(texts.items())
    made = each("suggest-read", lambda item: read_doc(matcher, *item), lambda item: (*item, registry), items)
    return dict(zip((slug for slug, _ in items), made))


def _without_copies(dossier: Any, unpublished: dict[str, str], out: TextIO
                    ) -> tuple[list[Any], dict[str, str], dict[str, str]]:
    """The articles and unpublished seeds but those whose text is the very text of another (the same article
    saved twice): said once each, and left out of the passages, where the whole of one copy was offered as a
    witness quote; and each copy left out → the one kept. The one kept is a comparison's witness, else the one
    with annotations, else the first by slug. (Copies of one wire story by two outlets differ in their
    furniture and stay.)"""
    witnesses = {w.article for c in dossier.comparisons for w in c.witnesses}
    articles = sorted(dossier.articles, key=lambda a: (a.slug not in witnesses, not a.meta.annotations, a.slug))
    first: dict[str, str] = {}
    kept, rest, copies = [], {}, {}
    by_slug = {a.slug: a for a in articles}
    for doc, text in [(a.slug, a.text.text) for a in articles] + list(unpublished.items()):
        if text in first:
            print(f"# {doc} has the very text of {first[text]}: the same article twice? (left out below)", file=out)
            copies[doc] = first[text]
            continue
        first[text] = doc
        if doc in unpublished:
            rest[doc] = text
        else:
            kept.append(by_slug[doc])
    return sorted(kept, key=lambda a: (a.meta.date, a.slug)), rest, copies
