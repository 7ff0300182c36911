"""An article file deleted while comparisons and notes still name it: the hints of those references and of its
seed say so, and what to do either way. Pure.

Deleting content/articles/jpost-go-it-alone.yaml left 12 witnesses and a link "unknown article", each hinted
"witnesses name article slugs (file names in content/articles/)", and its seed "has no article file" with the
hint to run --import, which writes a stub under another slug: the deleted article back, and the references
still unknown. The references stay one error each (if the article is gone for good, each is a line to change),
their hint now saying that no file defines the article, to remove the reference if it was deleted, and how many
there are. A seed no article file names whose text holds the quotes of that article's witnesses is its seed:
both hints then say so, and the seed's offers deleting it with the witnesses, or restoring the file. A seed said to
be a copy of another (copies.py: the same bytes, two outlets' same wire text) is that seed when no other is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import AbstractSet, Iterable, Mapping

from ..common.errors import Problem
from .copies import COPIED
from .model import Dossier

_UNKNOWN = re.compile(r'unknown article "([a-z0-9-]+)"$')
# (entity_links.py's warning of an entity's `exclude:` naming an article no file defines: a reference too)
EXCLUSION = re.compile(r'^entity "[^"]+": exclusion names unknown article "([a-z0-9-]+)"$')
_UNUSED = "seed has no article file, so it is not published"
# Where a reference's hint (renamed_article.py's) says that the article may have been renamed instead: kept after
# the hint said here (review 173: a seed left and another outlet's copy cannot tell a deletion from a rename)
RENAMED_TOO = "; or was it renamed? "


def after_deleted_article(problems: Iterable[Problem], dossier: Dossier, raw: Mapping[str, str]) -> list[Problem]:
    """`problems` with the hints of the references to an article no file defines (not a misspelling: their hint
    offers no other slug) and of the unused seed their witnesses quote (`raw`: the seeds' texts by name) saying
    that the article's file is gone and what to do."""
    problems, outlets = list(problems), {s.id for s in dossier.sources}
    gone = {slug for slug in (_gone(p, outlets) for p in problems) if slug}
    if not gone:
        return problems
    named: dict[str, list[Problem]] = {}  # (each reference counts, one whose hint offers a slug too)
    for p in problems:
        slug = _unknown(p, outlets) or excluded(p)
        if slug in gone:
            named.setdefault(slug, []).append(p)
    seeds: dict[str, str] = {}
    for copies in (False, True):  # (a seed said to be a copy only for an article no other seed is found for)
        unused = {p.file[len("seeds/"):] for p in problems if _unused(p) and (p.message != _UNUSED) == copies}
        seeds |= _seeds_of({slug: refs for slug, refs in named.items() if slug not in seeds}, dossier,
                           {name: raw[name] for name in sorted(unused & set(raw))})
    bases = {slug: [c for c in dossier.comparisons if c.base == slug] for slug in named}
    out = []
    for p in problems:
        slug = _gone(p, outlets) or (excluded(p) if 'did you mean "' not in p.hint else "")
        if slug in gone:
            also = _also(p, slug, gone, dossier) if p.check == "witness-unknown-article" else ""
            kept = p.hint[p.hint.index(RENAMED_TOO):] if RENAMED_TOO in p.hint else ""
            p = replace(p, hint=_reference_hint(p, slug, named[slug], seeds.get(slug, ""), len(bases[slug])) + kept
                        + also)
        elif _unused(p):
            theirs = sorted(slug for slug, seed in seeds.items() if f"seeds/{seed}" == p.file)
            p = replace(p, message=_UNUSED, hint=_seed_hint(p.file, theirs[0], len(named[theirs[0]]) +
                                                            len(bases[theirs[0]]), _renamed(p.file, named[theirs[0]]))
                        ) if theirs else p
        out.append(p)
    return out


def _unused(problem: Problem) -> bool:
    """Whether `problem` is the warning of a seed no article file names, or of one said to be a copy (copies.py):
    the seed of a deleted article that another seed's bytes are (two outlets' same wire text) is said as that."""
    return problem.check == "seed-unused" and (problem.message == _UNUSED or COPIED in problem.message)


def _unknown(problem: Problem, outlets: set[str]) -> str:
    """The slug an error says is an unknown article, unless it is an outlet's id (hinted so already; "" otherwise)."""
    found = _UNKNOWN.search(problem.message) if problem.severity == "error" and \
        problem.check in ("witness-unknown-article", "links") else None
    return found.group(1) if found is not None and found.group(1) not in outlets else ""


def excluded(problem: Problem) -> str:
    """The slug an entity's exclusion names that `problem` says is no article ("" for another problem)."""
    found = EXCLUSION.match(problem.message) if problem.check == "entities-unknown" else None
    return found.group(1) if found else ""


def _gone(problem: Problem, outlets: set[str]) -> str:
    """The slug an error says is an unknown article, when its hint offers no other ("" otherwise): a typo's hint
    says did you mean, alone or after how many references name it (renamed.py)."""
    return "" if 'did you mean "' in problem.hint else _unknown(problem, outlets)


def _seeds_of(named: Mapping[str, list[Problem]], dossier: Dossier, texts: Mapping[str, str]) -> dict[str, str]:
    """Slug → the unused seed (of `texts`) that holds the quotes of most of its witnesses, at least half of
    them."""
    out = {}
    for slug in sorted(named):
        quotes = witness_quotes(dossier, slug)
        scores = by_quotes_held(quotes, texts)
        if quotes and scores and scores[0][0] * 2 >= len(quotes):
            out[slug] = scores[0][1]
    return out


def witness_quotes(dossier: Dossier, slug: str) -> list[str]:
    """The quotes of the witnesses that name the article `slug`, their spaces made one (renamed.py asks too)."""
    return [" ".join(w.quote.split()) for c in dossier.comparisons for w in c.witnesses
            if w.article == slug and w.quote.strip()]


def by_quotes_held(quotes: list[str], texts: Mapping[str, str]) -> list[tuple[int, str]]:
    """(how many of `quotes` a text holds, its name) for each of `texts` (name → text, spaces made one here),
    the most first, then by name."""
    flat = {name: " ".join(text.split()) for name, text in texts.items()}
    return sorted(((sum(q in text for q in quotes), name) for name, text in flat.items()),
                  key=lambda pair: (-pair[0], pair[1]))


def _reference_hint(problem: Problem, slug: str, group: list[Problem], seed: str, bases: int) -> str:
    """The hint of one reference to the deleted article `slug`: how many references name it (the comparisons'
    `base:` lines too, `bases`, which name a witness and are said only once it is removed)."""
    what = _kind(problem)
    kinds = [_kind(p) for p in group]
    count = counted(kinds.count("witness"), bases, kinds.count("link"), kinds.count("exclusion"))
    count += " names it" if len(group) + bases == 1 else " name it"
    if seed:
        return (f"content/articles/{slug}.yaml is gone, but its seed is not (seeds/{seed}, which the witnesses "
                f"quote): if the article was deleted, remove this {what} ({count}) and delete the seed; "
                f"else restore the file, with seed: {seed}")
    return (f"no file content/articles/{slug}.yaml defines this article ({count}): if it was deleted, "
            f"remove this {what}; else create that file, or name an existing article by its slug (its file "
            "name in content/articles/)")


def _kind(problem: Problem) -> str:
    """What names the article in `problem`: a "witness", an entity's "exclusion" or a "link"."""
    return "witness" if problem.check == "witness-unknown-article" else \
        "exclusion" if EXCLUSION.match(problem.message) else "link"


def counted(witnesses: int, bases: int, links: int, exclusions: int = 0) -> str:
    """How many references of each kind name an article: "12 witnesses, 8 bases and 1 link"."""
    named = [f"{n} {one if n == 1 else many}" for n, one, many in (
        (witnesses, "witness", "witnesses"), (bases, "base", "bases"), (links, "link", "links"),
        (exclusions, "exclusion", "exclusions")) if n]
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0] if named else "nothing"


def _also(problem: Problem, slug: str, gone: AbstractSet[str], dossier: Dossier) -> str:
    """What removing the witnesses of the deleted articles (`gone`) asks of the comparison of the witness `problem` is
    about besides, said after its hint, so that one run says all a deletion asks (review 116): another base where
    its base: names one of them (a witness's article), and two witnesses left at least."""
    found = re.match(r'comparison "([^"]+)": ', problem.message)
    comparison = next((c for c in dossier.comparisons if found and c.id == found.group(1)), None)
    if comparison is None:
        return ""
    file, also = comparison.origin.file, []
    left = len({w.article for w in comparison.witnesses if w.article not in gone})
    if comparison.base in gone and left:
        at = comparison.base_origin or comparison.origin
        named = "names it too" if comparison.base == slug else f'names "{comparison.base}", gone too'
        also.append(f"its comparison's base: (line {at.line}) {named}: make another witness's article the base")
    if not left:
        also.append(f"the comparison keeps no witness: delete {file}, or give it witnesses of other articles")
    elif left < 2:
        also.append(f"the comparison keeps 1 witness and compares two at least: add another article's, or delete "
                    f"{file}")
    return ". Removing it: " + "; ".join(also) if also else ""


def _renamed(file: str, refs: Iterable[Problem]) -> str:
    """The other reading the references' hints give (renamed_article.py's `_either`, from RENAMED_TOO on) when it is
    of the seed `file`: the article maybe renamed, and the seed a copy waiting for --import ("" when none says so)."""
    return next((p.hint[p.hint.index(RENAMED_TOO):] for p in refs
                 if RENAMED_TOO in p.hint and f"(and {file} a copy waiting for --import)" in p.hint), "")


def _seed_hint(file: str, slug: str, count: int, renamed: str = "") -> str:
    """The hint of the seed `file` of the deleted article `slug`. With the references' other reading (`renamed`:
    nothing tells a seed left behind from a copy waiting for --import, review 173), the seed's says both, as
    theirs: "the seed of" and "--import would write it under another name" hold only for the first."""
    still = "references still name" if count > 1 else "reference still names"
    whose, why = ("it holds the text of", "") if renamed else \
        ("it is the seed of", " (--import would write it under another name, and they would stay unknown)")
    return (f'{whose} "{slug}", whose file content/articles/{slug}.yaml is gone while {count} {still} '
            f"it: if that article was deleted, delete {file} too (and those references); to keep it, restore "
            f"content/articles/{slug}.yaml with seed: {file[len('seeds/'):]}{why}{renamed}")
