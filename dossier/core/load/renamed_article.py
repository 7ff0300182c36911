"""References to an article file renamed: said once at the file, or each offered its new slug, when very likely.

The file is said to be the one meant when no comparison, link or note names its slug, and several references name
one unknown slug that is a typo of its, or the one its title or seed makes (`--import` names a file after the first
six words of its title), or whose witnesses quote its text (at least half of their quotes, more than any other such
file holds), its title or text taken only when it cannot be another article with the same text (`_of_another`,
review 158: deleting review-journal-netanyahu-rebuffs.yaml, SFGATE's copy of the same AP story was said to be it
renamed); a file found by its text beside a seed no file names that holds the text too is a deletion or a rename,
and each reference says both (`_doubt`, review 173). The error there counts every place the old slug is written,
each a line to change should the rename be kept: the witnesses and links (an error each, folded into it), the
comparisons' `base:` lines (review 151: said only once no witness of their comparison named it, following the hint
made 8 comparison-base errors) and the entities' `exclude:` items (a warning each, "exclusion names unknown
article", folded too). An article file whose seed is not found, renamed in the same edit (its seed-missing error
names the seed that holds its quotes, seed_renamed.py), is read through that seed: file and seed renamed together
were 13 hints to remove a witness if the article was deleted.

A rename half done (review 151: 6 of 12 comparisons changed) leaves the file named, so not said to be the one
meant, and each reference left was told that no file defines the article. Each is offered the new slug when one
article's text holds the quotes of the witnesses of the old one (at least half of them, more than any other
article's) while none of their comparisons has a witness of it already (a copy of the same wire story has: a
comparison compares outlets) and it cannot be another article with the same text either; a witness's hint adds
its comparison's `base:` line when it names the old slug too. Never for references whose own hint offers a slug (a
typo of an article that exists), nor for an outlet's id. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable, Mapping, Sequence

from ..common.errors import Problem, defined_nowhere, error, offered, places, said_at_meant
from ..common.similar import closest
from ..common.slugs import file_stem, slugify
from .deleted import RENAMED_TOO, by_quotes_held, counted, excluded, witness_quotes
from .model import Comparison, Dossier, Source, Witness

__all__ = ["at_renamed_file"]

_UNKNOWN_ARTICLE = re.compile(r'unknown article "([^"]+)"')
_LINKED_ARTICLE = re.compile(r"(?:\barticle:|/articles/)([a-z0-9-]+)")
_SEED_OFFERED = re.compile(r"was it renamed\? write `seed: ([^`]+)`$")   # (seed_renamed.hint's)


def _named(p: Problem) -> str | None:
    """The slug `p` says no article has: a witness's or a link's (errors), an entity exclusion's (a warning)."""
    found = _UNKNOWN_ARTICLE.search(p.message) if p.severity == "error" and not excluded(p) else None
    return excluded(p) or (found.group(1) if found else None)


def at_renamed_file(problems: Iterable[Problem], dossier: Dossier, texts: Callable[[], Iterable[str]],
                    seeds: Mapping[str, str] | None = None) -> list[Problem]:
    """`problems` with the references to one unknown article said once, at the article file they most likely
    mean, or each offered the article renamed half-way, or, when none, each told that no file has that slug (see
    the module docstring). `texts()`: every Markdown text of the dossier, where links are; `seeds`: each seed's
    text by name (None: not read), the text of a file whose seed was renamed too."""
    problems = list(problems)
    unnamed: list[dict[str, set[str]]] = []
    outlets = {s.id for s in dossier.sources}
    left: list[dict[str, str]] = []

    def other(slug: str, ref: str, quoted: bool) -> bool:   # (the seeds no article file names: read once)
        if not left:
            left.append(_left_seeds(dossier, problems, seeds))
        return _of_another(slug, ref, dossier, left[0], quoted)

    def doubted(slug: str, ref: str) -> str:
        other(slug, ref, True)
        return _doubt(slug, ref, dossier, left[0])

    def meant(ref: str, group: Sequence[Problem]) -> Problem | list[Problem] | None:
        refs = [p for p in group if not excluded(p)]
        if not refs or ref in outlets:
            return None
        if not unnamed:  # (the notes are read only when references name an unknown article)
            unnamed.append(_unnamed_slugs(dossier, texts()))
        if len(refs) > 1:
            slug, why, by_text = _slug_meant(ref, unnamed[0], dossier,
                                             lambda: _texts(unnamed[0], dossier, problems, seeds), other)
            seed = doubted(slug, ref) if slug and by_text else ""
            if seed:  # (deleted beside a copy, or renamed beside a copy waiting for --import: both said, review 173)
                return [replace(p, hint=_either(ref, slug, seed, dossier)) for p in group]
            if slug:
                return _at_file(ref, slug, why, group, dossier)
        into = None if any('did you mean "' in p.hint for p in refs) else _renamed_into(ref, dossier, other)
        if into is not None:
            return [replace(p, hint=_offer(p, ref, *into, dossier)) for p in group]
        # (offering no slug, each keeps its hint: deleted.py's says the file is gone, and the count)
        meant = offered(refs) if len(refs) > 1 else None
        said = defined_nowhere(refs, f'article "{ref}"', f"add content/articles/{ref}.yaml again", meant) \
            if meant else None
        return None if said is None else _each(group, refs, said)

    return said_at_meant(problems, _named, meant, alone=True)


def _each(group: Sequence[Problem], refs: Sequence[Problem], said: Sequence[Problem]) -> list[Problem]:
    """`group` with each of `refs` said as `said` says it (in their order), the others as they are."""
    instead = {id(p): q for p, q in zip(refs, said)}
    return [instead.get(id(p), p) for p in group]


def _at_file(ref: str, slug: str, why: str, group: Sequence[Problem], dossier: Dossier) -> Problem:
    """The one error at the file `slug` that the references to `ref` (`group`, and the comparisons' `base:` lines
    naming it) most likely mean."""
    bases = [c.base_origin or c.origin for c in dossier.comparisons if c.base == ref]
    spots = [*group, *(Problem(at.file, at.line, at.col, "error", "") for at in bases)]  # (their places, listed)
    kinds = ["witness" if p.check == "witness-unknown-article" else "exclusion" if excluded(p) else "link"
             for p in group]
    several = len({k for k in kinds} | ({"base"} if bases else set())) > 1
    count = f" ({counted(kinds.count('witness'), len(bases), kinds.count('link'), kinds.count('exclusion'))})" \
        if several else ""
    n = len(spots)
    return error(f"content/articles/{slug}.yaml", 0, 0, f'this file\'s name makes the slug "{slug}", which nothing '
                 f'names, while {n} references name "{ref}"{count}, {why} (at {places(spots)})',
                 f'if "{ref}" is the slug meant, rename the file to {ref}.yaml: the {n} references are then right; '
                 f'if it was renamed on purpose, write "{slug}" at each of them', "witness-unknown-article")


def _slug_meant(ref: str, unnamed: dict[str, set[str]], dossier: Dossier,
                texts: Callable[[], dict[str, tuple[str, str]]], other: Callable[[str, str, bool], bool]
                ) -> tuple[str, str, bool]:
    """The one article file the unknown slug `ref` most likely names, why, and whether found by its text; ("", "",
    False) when none is likely.
    `unnamed`: each slug nothing names → the slugs its title and seed make; `texts()`: `_texts`; `other(slug, ref,
    quoted)`: whether the article `slug` is rather another's copy of the same text (`_of_another`)."""
    close = closest(ref, {a.slug for a in dossier.articles} | set(dossier.unusable_articles) | set(unnamed),
                    typos_only=True)
    if close in unnamed:
        return close, "a typo of it", False
    made = [slug for slug, made in unnamed.items() if ref in made]
    if len(made) == 1:
        return ("", "", False) if other(made[0], ref, False) else (made[0], "the slug its title or seed makes", False)
    slug, why = _quoted_in(ref, texts(), dossier)
    return ("", "", False) if slug and other(slug, ref, True) else (slug, why, bool(slug))


def _quoted_in(ref: str, texts: dict[str, tuple[str, str]], dossier: Dossier) -> tuple[str, str]:
    """The one article nothing names whose text holds the quotes of most witnesses of `ref` (at least half), and
    why: a file renamed on purpose keeps its seed (review 91: jpost-go-it-alone.yaml renamed
    jerusalem-post-rafah.yaml was told to be created again, which its seed, taken, refused)."""
    quotes = witness_quotes(dossier, ref)
    if not quotes:
        return "", ""
    held = by_quotes_held(quotes, {slug: text for slug, (text, _) in texts.items()})
    if not held or held[0][0] * 2 < len(quotes) or (len(held) > 1 and held[1][0] == held[0][0]):
        return "", ""
    whose = texts[held[0][1]][1]
    return held[0][1], f"and {whose} holds {held[0][0]} of the {len(quotes)} quotes their witnesses give"


def _texts(unnamed: Mapping[str, set[str]], dossier: Dossier, problems: Sequence[Problem],
           seeds: Mapping[str, str] | None) -> dict[str, tuple[str, str]]:
    """Each article nothing names → its text, and what the message calls it: the article's; for a file whose seed is
    not found, the text of the seed its seed-missing error offers (renamed too: seed_renamed.py)."""
    out = {a.slug: (a.text.text, "this article's text") for a in dossier.articles if a.slug in unnamed}
    offers = {p.file: found.group(1) for p in problems if p.check == "seed-missing"
              if (found := _SEED_OFFERED.search(p.hint))}
    for meta in dossier.detached if seeds is not None else ():
        seed = offers.get(meta.origin.file, "")
        if meta.slug in unnamed and meta.slug not in out and seed and seed in seeds:
            out[meta.slug] = (seeds[seed], f"seeds/{seed} (the seed its error at seed: offers, renamed too)")
    return out


def _unnamed_slugs(dossier: Dossier, texts: Iterable[str]) -> dict[str, set[str]]:
    """The article slugs no comparison or link names (`texts`: the Markdown, where links are) → the slugs its title
    and seed make: the whole title, its first six words (as --import names a file), the seed's name."""
    named = {w.article for c in dossier.comparisons for w in c.witnesses} | {c.base for c in dossier.comparisons}
    for text in texts:
        named.update(_LINKED_ARTICLE.findall(text))
    made = {slug: set() for slug in dossier.unusable_articles if slug not in named}
    for meta in (*(a.meta for a in dossier.articles), *dossier.detached):
        slug = meta.slug or file_stem(meta.origin.file)
        if slug not in named:
            title = slugify(meta.title or "", "")
            made[slug] = {title, "-".join(title.split("-")[:6]), slugify(file_stem(meta.seed or ""), "")} - {""}
    return made


def _renamed_into(ref: str, dossier: Dossier, other: Callable[[str, str, bool], bool]) -> tuple[str, int, int] | None:
    """(slug, how many quotes its text holds, of how many) of the one article whose text holds the quotes of the
    witnesses of `ref`, at least half, more than any other's, while none of their comparisons has a witness of it,
    and it is not another's copy of the same text (`other`, `_of_another`); None when there is no such article
    (module docstring)."""
    quotes = witness_quotes(dossier, ref)
    if not quotes:
        return None
    # (a text holds a quote only if it has the quote's longest word: the others are not made one-spaced)
    longest = {max(q.split(), key=len) for q in quotes}
    texts = {a.slug: a.text.text for a in dossier.articles if any(word in a.text.text for word in longest)}
    held = by_quotes_held(quotes, texts)
    if not held or held[0][0] * 2 < len(quotes) or (len(held) > 1 and held[1][0] == held[0][0]):
        return None
    slug = held[0][1]
    theirs = [c for c in dossier.comparisons if any(w.article == ref for w in c.witnesses)]
    if any(w.article == slug for c in theirs for w in c.witnesses) or other(slug, ref, True):
        return None
    return slug, held[0][0], len(quotes)


def _of_another(slug: str, ref: str, dossier: Dossier, left: Mapping[str, str], quoted: bool) -> bool:
    """Whether the article `slug`, whose text (`quoted`) or title makes it the file of the unknown `ref` renamed, is
    rather another article with the same text (review 158: review-journal-netanyahu-rebuffs.yaml deleted, SFGATE's
    copy of the same AP story was said to be it renamed). When `ref` names outlets of the dossier, that decides:
    another when its outlet is not one of them (a seed no file names is then no evidence either way: a seed left
    behind and a copy not yet imported are alike, review 165). Else, only on evidence that the text is another's
    too: found by its text, another article holds as many of the quotes of the witnesses of `ref` (a seed no file
    names is none: it may be a copy waiting for --import, and the file found the only one); found by its title, a
    seed no article file names (`left`: name → text, the seed of `ref` left behind: a file renamed keeps its seed)
    holds as many. Its `wire:` alone is none: a wire article renamed was told deleted (review 165)."""
    meta = next((m for m in (*(a.meta for a in dossier.articles), *dossier.detached)
                 if (m.slug or file_stem(m.origin.file)) == slug), None)
    if meta is None:
        return False
    named = _named_outlets(ref, dossier)
    if named:
        return meta.source not in named
    quotes = witness_quotes(dossier, ref)
    texts = {a.slug: a.text.text for a in dossier.articles}
    held = dict((name, n) for n, name in by_quotes_held(quotes, {**left, **texts}))
    mine = held.get(slug, len(quotes))   # (a file read through its seed renamed too holds at least half: say all)
    return any(n and n >= mine for name, n in held.items() if name != slug and (name in texts) == quoted)


def _doubt(slug: str, ref: str, dossier: Dossier, left: Mapping[str, str]) -> str:
    """The seed no article file names (of `left`) that holds as many of the quotes of the witnesses of `ref` as the
    article `slug`, found by its text, when `ref` names no outlet ("" when none): `ref` deleted, its seed left, and
    `slug` another's copy, or `ref` renamed `slug`, and the seed a copy waiting for --import. Nothing tells the two
    apart (review 173: the first was said to be the second, "rename the file to herald-talks.yaml")."""
    quotes = witness_quotes(dossier, ref)
    if not left or not quotes or _named_outlets(ref, dossier):
        return ""
    texts = {a.slug: a.text.text for a in dossier.articles if a.slug == slug}
    held = dict((name, n) for n, name in by_quotes_held(quotes, {**left, **texts}))
    mine = held.get(slug, len(quotes))
    return next((name for name, n in sorted(held.items()) if name in left and n and n >= mine), "")


def _either(ref: str, slug: str, seed: str, dossier: Dossier) -> str:
    """The hint of a reference to `ref`, which may have been deleted (`seed` its seed left behind) or renamed `slug`
    (`seed` a copy waiting for --import): both said. deleted.py says its own first part, keeping this one's rest."""
    source = next((m.source for m in (*(a.meta for a in dossier.articles), *dossier.detached)
                   if (m.slug or file_stem(m.origin.file)) == slug), "")
    whose = f" ({source}'s)" if source else ""
    return (f"no file content/articles/{ref}.yaml defines this article, and seeds/{seed}, which no file names, holds "
            f"its text: if it was deleted, remove this reference and the seed{RENAMED_TOO}content/articles/{slug}.yaml"
            f"{whose}, which nothing names, holds the same text: if it is the file renamed (and seeds/{seed} a copy "
            f'waiting for --import), rename it back to {ref}.yaml, or write "{slug}" at each reference')


def _named_outlets(ref: str, dossier: Dossier) -> set[str]:
    """The ids of the outlets the slug `ref` names: by their id, the words of their name or the first label of their
    homepage's host (jpost), whole words, all of them or two in a row (review-journal, free-beacon); or, of one word,
    by a word of 4+ letters that starts it (ynet for ynetnews, review 173: the default dossier's own slug), when it
    starts no other outlet's and is no whole word of any outlet's names (review 180: "free" of freebeacon is a word
    of washington-free-beacon, "review" of las-vegas-review-journal: a renamed "netanyahu-free-hand" was told
    deleted) nor of an entity's name or alias (review 165: "israel" named israelnationalnews, and the jpost file
    renamed was told deleted)."""
    words = ref.split("-")
    names = {s.id: _outlet_names(s) for s in dossier.sources}
    named = {i for i, own in names.items() if any(_written_in(words, name.split("-")) for name in own)}
    known = {w for e in dossier.entities for name in (e.name, *e.aliases) for w in slugify(name, "").split("-")}
    for word in (w for w in words if len(w) >= 4):
        starts = {i for i, own in names.items() if any("-" not in n and n.startswith(word) for n in own)}
        whole = {i for i, own in names.items() if any(word in n.split("-") for n in own)}
        if len(starts) == 1 and not whole and word not in known:
            named |= starts
    return named


def _outlet_names(source: Source) -> set[str]:
    """The slugs that may name the outlet `source`: its id, its name's, its homepage host's first label (no www.)."""
    host = re.match(r"^https?://(?:www\.)?([a-z0-9-]+)\.", source.homepage.strip().lower())
    return {source.id, slugify(source.name, ""), host.group(1) if host else ""} - {""}


def _written_in(words: Sequence[str], own: Sequence[str]) -> bool:
    """Whether the words of `own` (an outlet's name) are in `words`, all of them in a row or two of them in a row."""
    runs = [own] if len(own) == 1 else [own[i:i + 2] for i in range(len(own) - 1)]
    return any(words[i:i + len(run)] == run for run in runs for i in range(len(words)))


def _left_seeds(dossier: Dossier, problems: Sequence[Problem], seeds: Mapping[str, str] | None) -> dict[str, str]:
    """The seeds no article file names (by name → text; none when `seeds` is None) nor is offered as its seed
    renamed (seed_renamed.py): where an article file deleted leaves its seed."""
    named = {m.seed for m in (*(a.meta for a in dossier.articles), *dossier.detached)}
    named |= {found.group(1) for p in problems if p.check == "seed-missing" if (found := _SEED_OFFERED.search(p.hint))}
    return {name: text for name, text in (seeds or {}).items() if name not in named}


def _witness_at(p: Problem, dossier: Dossier) -> tuple[Comparison, Witness] | None:
    """The comparison and the witness whose `article:` `p` is said at (None for a link or an exclusion)."""
    for c in dossier.comparisons:
        for w in c.witnesses:
            at = w.article_origin or w.origin
            if (at.file, at.line, at.col) == (p.file, p.line, p.col) and p.check == "witness-unknown-article":
                return c, w
    return None


def _offer(p: Problem, ref: str, slug: str, n: int, total: int, dossier: Dossier) -> str:
    """The hint of the reference `p` to `ref`, an article renamed `slug` half-way, whose text holds `n` of the
    `total` quotes of the witnesses still naming `ref`."""
    article = next(a for a in dossier.articles if a.slug == slug)
    named = sum(w.article == slug for c in dossier.comparisons for w in c.witnesses)
    already = f"which {named} {'witness already names' if named == 1 else 'witnesses already name'}" if named \
        else "which no witness names yet"
    found = _witness_at(p, dossier)
    if found and " ".join(found[1].quote.split()) in " ".join(article.text.text.split()):
        holds = "holds this quote"
    else:
        share = "the one quote" if total == 1 else f"all {n} quotes" if n == total else f"{n} of the {total} quotes"
        holds = f'holds {share} of the witnesses naming "{ref}"'
    hint = f'did you mean "{slug}"? ({article.meta.origin.file}, {already}, {holds}: the file was renamed)'
    if found and found[0].base == ref:
        at = found[0].base_origin or found[0].origin
        hint += f'; its comparison\'s base: (line {at.line}) names "{ref}" too: write "{slug}" there as well'
    return hint
