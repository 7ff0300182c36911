"""Links to a comparison whose file was renamed: said at that file, with the guess, when very likely.

`mv content/comparisons/netanyahu-do-it-alone.yaml alone-quote.yaml` made each link to it an error `unknown
comparison "netanyahu-do-it-alone"`, hinted "comparison links name a file in content/comparisons/ without
.yaml", and nothing at the file renamed. The file meant is a comparison no link names (renamed, its links name
its old id) that is the only one, of all the comparisons (a linked one as close makes it a guess between two:
with netanyahu-do-it-alone and netanyahu-evacuation, "netanyahu" named the one no link named, though the note
linking it was about the other):

- whose id is a slip for the links' (similar.py: a typo, another form of the word), or begins with it
  (netanyahu-do-it-alone-quote), or whose title written as an id is it;
- else whose witnesses quote what the annotations whose notes link the old id annotate (in the same article,
  one quote holding the other), for at least half of those annotations: a comparison and the notes that link to
  it are about the same words. A comparison deleted has no such file, and another one nothing links yet quotes
  other words.

Several links are then one error at that file, counting and listing them (as renamed.py says an article file
renamed); one link keeps its place, its hint naming the file. When no comparison no link names is the one, but one
some links name already is, by the same clues (links changed half-way, review 151: `mv netanyahu-do-it-alone.yaml
alone-versions.yaml` and one of 3 links changed was 2 errors "was it deleted?"), each link left keeps its place,
offered that one: "did you mean", its file, how many links name it, why, and that it was renamed. Otherwise each
link keeps its error, and when the links are in several files, each is told, as renamed.py tells the references to
an entity, that the comparison is defined nowhere, how many name it, and to write it again (deleted?) or change
each of them: the generic hint left a comparison deleted unsaid. Links whose hint offers another comparison (a
typo of an id that exists) are guessed no file renamed; in several files, the one did-you-mean is said in the same
words, first, instead of once per link as if each were a slip of its own. Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable, Iterable, Sequence

from ..common.errors import Problem, defined_nowhere, error, offer_of, places, said_at_meant
from ..common.similar import first_words, typo_edits, word_form
from ..common.slugs import slugify
from .model import Comparison, Dossier

__all__ = ["at_renamed_comparison"]

_UNKNOWN = re.compile(r'unknown comparison "([a-z0-9-]+)"$')
_LINKED = re.compile(r"(?:\bcompare:|/compare/)([a-z0-9-]+)")


def at_renamed_comparison(problems: Iterable[Problem], dossier: Dossier, texts: Callable[[], Iterable[str]]
                          ) -> list[Problem]:
    """`problems` with the links naming one unknown comparison said at the comparison file they most likely name
    (module docstring). `texts()`: every Markdown text of the dossier, where links are."""
    problems = list(problems)

    def named(p: Problem) -> str | None:
        found = _UNKNOWN.search(p.message) if p.check == "links" and p.severity == "error" else None
        return found.group(1) if found else None

    linked: list[Counter[str]] = []

    def meant(ref: str, group: Sequence[Problem]) -> Problem | list[Problem] | None:
        what, fix = f'comparison "{ref}"', f"write it again as content/comparisons/{ref}.yaml"
        offer, _ = offer_of(group[0].hint)
        if ":" in offer:  # (the id of a page of another kind, "article:x": each link's hint says so, and to write
            return None   # that; no comparison was deleted)
        if offer:  # (a slip of an id that exists: no file is guessed renamed)
            return defined_nowhere(group, what, fix, offer, "link")
        if not linked:  # (the texts are read only when a link names an unknown comparison)
            linked.append(Counter(ident for text in texts() for ident in _LINKED.findall(text)))
        comparison, why = _meant(ref, [c for c in dossier.comparisons if c.id not in linked[0]], dossier)
        if comparison is None:  # (links changed half-way: the file renamed is linked by those changed, review 151)
            comparison, why = _meant(ref, dossier.comparisons, dossier)
            return defined_nowhere(group, what, fix, noun="link") if comparison is None else \
                [replace(p, hint=_offer(comparison, why, linked[0][comparison.id])) for p in group]
        file = comparison.origin.file
        if len(group) == 1:
            return [replace(group[0], hint=f"{file}, which no link names, {why}: was it renamed? link "
                            f"compare:{comparison.id}, or rename that file back to {ref}.yaml")]
        return error(file, 0, 0, f'this file\'s name makes the comparison id "{comparison.id}", which no link names, '
                     f'while {len(group)} links name "{ref}", which is no comparison; this one {why} (at '
                     f"{places(group)})", f'if "{ref}" is the id meant, rename the file to {ref}.yaml: the '
                     f"{len(group)} links are then right; if it was renamed on purpose, make each of them link "
                     f"compare:{comparison.id}", "links")

    return said_at_meant(problems, named, meant, alone=True)


def _offer(comparison: Comparison, why: str, links: int) -> str:
    """The hint of a link to the old id of `comparison`, renamed, which `links` links name already."""
    already = f"which {links} {'link already names' if links == 1 else 'links already name'}" if links else \
        "which no link names yet"
    return f'did you mean "{comparison.id}"? ({comparison.origin.file}, {already}, {why}: the file was renamed)'


def _meant(ref: str, unlinked: Sequence[Comparison], dossier: Dossier) -> tuple[Comparison | None, str]:
    """The one comparison of `unlinked` the links to the unknown `ref` most likely name, and why: each clue weighed
    among all the comparisons, linked or not (module docstring)."""
    free = {c.id for c in unlinked}

    def only(found: list[Comparison]) -> Comparison | None:
        return found[0] if len(found) == 1 and found[0].id in free else None

    close = only([c for c in dossier.comparisons if _close(ref, c.id)])
    if close:
        return close, f'has an id {"that begins with" if close.id.startswith(ref) else "close to"} "{ref}"'
    titled = only([c for c in dossier.comparisons if ref in _title_ids(c)])
    if titled:
        return titled, f'has a title that, written as an id, is "{ref}"'
    quoted = _annotated(ref, dossier)
    held = [(n, c) for c in dossier.comparisons for n in [sum(_quotes(c, slug, quote) for slug, quote in quoted)]
            if n and n * 2 >= len(quoted)]
    if not only([c for _, c in held]):
        return None, ""
    n, total = held[0][0], len(quoted)
    count = "the annotation whose note links" if total == 1 else "both annotations whose notes link" if n == 2 == \
        total else f"all {n} annotations whose notes link" if n == total else \
        f"{n} of the {total} annotations whose notes link"
    return held[0][1], f'has witnesses quoting the words of {count} "{ref}"'


def _close(ref: str, ident: str) -> bool:
    """Whether `ident` is close to `ref` by name (similar.py): a typo, another form of the word, or `ref` its first
    words (netanyahu-do-it-alone-quote for netanyahu-do-it-alone)."""
    return any(close(ref, ident) is not None for close in (typo_edits, word_form, first_words))


def _title_ids(comparison: Comparison) -> set[str]:
    title = slugify(comparison.title or "", "")
    return {title, "-".join(title.split("-")[:6])} - {""}


def _annotated(ref: str, dossier: Dossier) -> list[tuple[str, str]]:
    """(article slug, quote) of each annotation whose note links the comparison `ref`, its spaces made one."""
    pattern = re.compile(rf"(?:\bcompare:|/compare/){re.escape(ref)}(?![a-z0-9-])")
    metas = (*(a.meta for a in dossier.articles), *dossier.detached)
    return [(m.slug, " ".join(a.quote.split())) for m in metas for a in m.annotations
            if a.quote.strip() and pattern.search(a.note)]


def _quotes(comparison: Comparison, slug: str, quote: str) -> bool:
    """Whether a witness of `comparison` from the article `slug` quotes `quote`, or words of it, or around it."""
    for w in comparison.witnesses:
        said = " ".join(w.quote.split())
        if w.article == slug and said and (said in quote or quote in said):
            return True
    return False
