"""An article file's seed not found while a seed no article file names is its text, renamed: which one, when it
is very likely, for the seed-missing error's hint. Pure.

`mv seeds/002_5b7bcf2cbf6902ac.txt seeds/jpost-rafah.txt` was said twice, neither hint right: the article's seed
"not found" (hint: seed names are file names under seeds/), and jpost-rafah.txt "has no article file" (hint:
--import, which writes a second article of the same text). The seed no article file names is the one meant:

- when the article's annotations, or the witnesses that name it, quote words: the one seed of those no file
  names that holds at least half of the quotes (deleted.by_quotes_held), a file's text being what decides;
- when nothing quotes it: the one such seed named as only a rename would name it: after the article (its slug,
  its title, or the title's first six words, as --import names files), or with the old name's number
  ("002.txt" for "002_5b7bcf2cbf6902ac.txt"), or a typo of either.

Two seeds that qualify are both named, and neither taken (a guess between two is wrong half the time): the hint
then only says that one of them may be the text, and their warnings say which error names them. So, the other way,
a seed that qualifies for two article files whose seeds are not found (a file copied, then both seeds renamed) is
offered to neither as the one meant: both hints said "write `seed: ap.txt`", and following both made the second a
seed-taken error. Each hint then says which other file may have it, and that only one can (attach.py).
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from ..common.records import frozen
from ..common.similar import closest
from ..common.slugs import file_stem, slugify
from .deleted import by_quotes_held
from .model import ArticleMeta

__all__ = ["Meant", "hint", "missing_hint", "seed_meant", "shared_hint", "unused_hint"]

_NUMBERS = re.compile(r"(?<![^\W_])\d+(?![^\W_])")   # as similar.py: a number standing alone ("002" of "002_5b7…")


@frozen
class Meant:
    """What a seed-missing error may say of the seeds no article file names: `seed`, the one meant ("" if none),
    `several`, the seeds that qualify when more than one does (then `seed` is ""), and `why`, what makes it (or
    them) likely."""

    seed: str = ""
    several: tuple[str, ...] = ()
    why: str = ""


def seed_meant(meta: ArticleMeta, free: Mapping[str, str], quoted: Sequence[str] = ()) -> Meant:
    """The seed of `free` (name → cleaned text: the seeds no article file names) that the article `meta`, whose
    seed is not found, most likely names under another name; `quoted`: the quotes of the witnesses that name it."""
    own = [" ".join(a.quote.split()) for a in meta.annotations if a.quote.strip()]
    theirs = [" ".join(q.split()) for q in quoted if q.strip()]
    if own or theirs:
        whose = "this article's annotations and the witnesses naming it" if own and theirs else \
            "this article's annotations" if own else "the witnesses naming this article"
        return _by_quotes(own + theirs, free, whose)
    return _by_name(meta, free)


def _by_quotes(quotes: list[str], free: Mapping[str, str], whose: str) -> Meant:
    held = [(n, name) for n, name in by_quotes_held(quotes, free) if n and n * 2 >= len(quotes)]
    if not held:
        return Meant()
    if len(held) > 1:
        return Meant(several=tuple(sorted(name for _, name in held)),
                     why=f"each hold at least half of the quotes of {whose}")
    n, total = held[0][0], len(quotes)
    count = "the one quote" if total == 1 else f"all {n} quotes" if n == total else f"{n} of the {total} quotes"
    return Meant(held[0][1], why=f"holds {count} of {whose}")


def _by_name(meta: ArticleMeta, free: Mapping[str, str]) -> Meant:
    """The one seed of `free` named after the article, with the old name's number (module docstring), or whose
    headline (its first line) is the article's title: the stub `--import` wrote has no quote yet (review 132)."""
    title = slugify(meta.title or "", "")
    after = {meta.slug, title, "-".join(title.split("-")[:6])} - {""}
    number = _NUMBERS.findall(file_stem(meta.seed))
    stems = {seed: slugify(file_stem(seed), "") for seed in free}
    kept = [seed for seed in free if number and _NUMBERS.findall(file_stem(seed)) == number]
    headed = {seed for seed, text in free.items() if title and title in _headlines(text)}
    named = sorted({seed for seed, stem in stems.items() if stem in after} | set(kept) | headed)
    if not named:  # (else a typo of the article's slug: "jpost-go-it-alne.txt")
        typo = closest(meta.slug, stems.values(), typos_only=True)
        named = sorted(seed for seed, stem in stems.items() if typo and stem == typo)
    if len(named) > 1:
        return Meant(several=tuple(named), why="each begins with this article's title" if set(named) <= headed else
                     "each is named after this article, with its seed's number or begins with its title")
    if named:
        return Meant(named[0], why="keeps the number of the name written here" if named[0] in kept else
                     "begins with this article's title" if named[0] in headed else "is named after this article")
    return Meant()


def _headlines(text: str) -> set[str]:
    """The first few lines of a seed, as ids: --import takes a stub's title from the first line that looks like a
    headline, which may follow a kicker ("BREAKING"; review 134)."""
    return {slugify(line, "") for line in text.split("\n", 6)[:6]} - {""}


def hint(meant: Meant) -> str:
    """The seed-missing error's hint for what `meant` found ("" when nothing)."""
    if meant.seed:
        return (f"seeds/{meant.seed}, which no article file names, {meant.why}: was it renamed? write "
                f"`seed: {meant.seed}`")
    if meant.several:
        listed = " and ".join(f"seeds/{s}" for s in meant.several)
        return (f"{listed}, which no article file names, {meant.why}: if this article's seed was renamed, write "
                "the name of the one that is its text")
    return ""


def missing_hint(meant: Meant) -> str:
    """The hint of the schema's error of an article file with no `seed:` key, for what `meant` found (review 127)."""
    if meant.seed:
        return f"seeds/{meant.seed}, which no article file names, {meant.why}: write `seed: {meant.seed}`"
    listed = " and ".join(f"seeds/{s}" for s in meant.several)
    return f"{listed}, which no article file names, {meant.why}: write `seed:` with the name of the one that is its text"


def shared_hint(meant: Meant, others: Sequence[str]) -> str:
    """The seed-missing error's hint when the seed `meant` names is as likely the text of the article files
    `others`, whose seeds are not found either (module docstring)."""
    theirs, one = " and ".join(others), len(others) == 1
    return (f"seeds/{meant.seed}, which no article file names, {meant.why}, but {theirs}, whose "
            f"{'seed is' if one else 'seeds are'} not found either, may have it as well, and only one article file "
            f"can: write `seed: {meant.seed}` in the one whose text it is, and give the "
            f"{'other its' if one else 'others their'} own seed (or delete {'it' if one else 'them'}, if "
            f"{'it is a copy' if one else 'they are copies'})")


def unused_hint(article_file: str, keyless: bool = False) -> str:
    """The seed-unused warning's hint of a seed that `article_file`'s seed-missing error (`keyless`: its error
    of a missing `seed:` key) names as one of several (--import would make a second article of the text that
    file may be)."""
    whose = " has no seed: key" if keyless else "'s seed is not found"
    return (f"{article_file}{whose}, and its error names this seed as one that may be its text: if it is, write its "
            "name there; if not, run `python build.py --import` to write a stub in content/articles/")
