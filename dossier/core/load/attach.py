"""Article files paired with their seeds: each article file's `seed:` with the cleaned seed it names, and what is
wrong with the pairing (a seed not found, one named twice, one no article file names, an article with no text,
a date or an outlet missing). Pure."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import AbstractSet, Any, Callable, Iterable, Mapping, Sequence

from .cleaning import CleanText
from .copies import IMPORT_HINT, original_name
from .empty_seed import empty_seed
from ..common.errors import Problem, did_you_mean, error, meant_of, warning
from ..common.identity import SameObjects
from ..common.slugs import file_stem, known_ids, suggestible
from .model import Article, ArticleMeta, Origin
from .registry_place import Where, where
from .seed_names import seeds_named_in
from .seed_renamed import Meant, hint as renamed_hint, missing_hint, seed_meant, shared_hint, unused_hint
from .unparsed_seed import Unparsed, maybe_theirs, read_unparsed, unparsed_hint
from .watched import is_editor_junk
from ..text.nfc import nfc


def attach_seeds(metas: list[ArticleMeta], seeds: Mapping[str, CleanText], source_ids: set[str] | None,
                 unreadable: set[str] = frozenset(), unparsed: Sequence[str] = (),
                 written: Callable[[str], str] = lambda file: "", elsewhere: Mapping[str, Sequence[str]] = {},
                 named: Callable[[], frozenset[str]] = frozenset,
                 quoted: Callable[[str], Sequence[str]] = lambda slug: (), offerable: set[str] | None = None,
                 broken: Sequence[str] = (), undecoded: Mapping[str, tuple[Problem, Callable[[], str]]] = {},
                 outlets_in: Where = where("sources", ())) -> tuple[list[Article], list[Problem], list[ArticleMeta]]:
    """Pair article files with cleaned seeds. `unreadable`: seeds that exist but failed to decode (already said;
    `undecoded`: those no article file names → their error and their text as --import will likely convert it);
    `unparsed`: the article files not parsed (the seeds they name are theirs, broken; `broken`: those YAML could not
    read, or .yml, unparsed_seed.py); `written(file)`: an article file's text. Returns the articles, the problems, and
    the metadata left without a seed (checked, not published). `elsewhere`: the files in folders of seeds/ by name, for
    a seed not found to say where it is. `named()`: the article slugs the comparisons and links name, to tell which of
    two files naming one seed is the newcomer (`_owners`). `quoted(slug)`: the witnesses' quotes of an article
    (seed_renamed.py). `offerable`: the outlet ids a did-you-mean may offer, when not all of `source_ids`; `outlets_in`:
    the outlets' files, as hints name them."""
    articles, detached, used, problems, offered = [], [], set(), list[Problem](), dict[str, str]()  # (see `_offer`)
    known = None if source_ids is None else known_ids(source_ids)
    metas = _as_composed(metas, seeds)
    owners, slugs, free = *_owners(metas, named), _free(metas, seeds, unparsed, written)
    missing = _not_in_seeds(metas, seeds, unreadable, elsewhere, free, quoted)
    _ARTICLES.new_build()
    for meta in metas:
        file = meta.origin.file
        if known is not None and meta.source and meta.source not in known:  # None: sources.yaml broken
            problems.append(_unknown_source(meta, source_ids if offerable is None else offerable, outlets_in))
        if not meta.seed or meta.seed in unreadable:  # a `seed:` that is wrong, or a seed that is not text
            detached.append(meta)
            continue
        if meta.seed not in seeds:
            problem, meant, maybe = missing[file]
            problems.append(problem)
            _offer(offered, meant, maybe, unused_hint(file))
            detached.append(meta)
            continue
        if owners.get(meta.seed, meta) is not meta:
            problems.append(_taken(meta, owners[meta.seed], slugs))
            detached.append(meta)
            continue
        used.add(meta.seed)
        problems += _unknowns(meta, outlets_in)
        if not seeds[meta.seed].paragraphs and (empty := empty_seed(meta, seeds[meta.seed], _pos(meta, "seed"))):
            problems.append(empty)
        articles.append(_ARTICLES.get(file, (meta, seeds[meta.seed]), partial(Article, meta, seeds[meta.seed])))
    problems += _keyless(detached, written, free, quoted, offered)
    problems += _unused(set(seeds) - set(used) - {seed for seed, file in offered.items() if not file},
                        [(f, written(f)) for f in (*(m.origin.file for m in detached), *unparsed)], seeds, offered,
                        partial(_maybe_theirs, [read_unparsed(f, written(f)) for f in broken], set(seeds) | unreadable,
                                {m.seed for m in metas}, quoted, seeds, undecoded), undecoded)
    return sorted(articles, key=lambda a: (a.meta.date, a.slug)), problems, detached


def _as_composed(metas: list[ArticleMeta], seeds: Mapping[str, CleanText]) -> list[ArticleMeta]:
    """`metas`, each `seed:` naming a seed whose name is written with its accents composed otherwise (a name macOS
    wrote decomposed, "cafe\u0301.txt") naming it as seeds/ has it."""
    composed = {nfc(name): name for name in seeds}
    return [replace(meta, seed=composed[nfc(meta.seed)])
            if meta.seed and meta.seed not in seeds and composed.get(nfc(meta.seed)) else meta for meta in metas]


def _owners(metas: Sequence[ArticleMeta], referenced: Callable[[], frozenset[str]]
            ) -> tuple[dict[str, ArticleMeta], frozenset[str]]:
    """Seed → the article file that keeps it, of several that name it: the one whose slug the references name,
    else the one not named as another's with a suffix (jpost-go-it-alone, not jpost-go-it-alone-part2), else the
    first. A file copied to split an article took the seed from the original (the first in sort order), whose
    page the references link to; the copy was left unpublished and unsaid. A file whose name marks it as a copy of
    another of them is never the one (copies.py). The others are told seed-taken.
    Returns the owners and the slugs `referenced()` names (asked only when two files name one seed)."""
    by_seed: dict[str, list[ArticleMeta]] = {}
    for meta in metas:
        if meta.seed:
            by_seed.setdefault(meta.seed, []).append(meta)
    named = referenced() if any(len(group) > 1 for group in by_seed.values()) else frozenset()
    return {seed: min(group, key=lambda m: (m.slug not in named, _copy_in(m, group),
                                            any(m.slug.startswith(f"{other.slug}-") for other in group),
                                            group.index(m)))
            for seed, group in by_seed.items()}, named


def _copy_in(meta: ArticleMeta, group: Sequence[ArticleMeta]) -> bool:
    """Whether the name of `meta`'s file marks it as a copy of another file of `group` ("x (1).yaml", which sorts
    before x.yaml; "x_LOCAL_4567.yaml": copies.py)."""
    original = original_name(meta.origin.file)
    return bool(original) and any(m.origin.file == f"{meta.origin.file.rsplit('/', 1)[0]}/{original}" for m in group)


def _taken(meta: ArticleMeta, owner: ArticleMeta, named: frozenset[str]) -> Problem:
    """The error of an article file naming the seed that `owner` keeps, at its seed:, naming both."""
    if owner.slug in named and meta.slug not in named:
        why, which = f", and {owner.origin.file} is the one the comparisons and links name", "this one"
    elif meta.slug.startswith(f"{owner.slug}-"):
        why, which = f", and this file's name is {owner.origin.file}'s with more after it", "this one"
    else:  # (which is the copy cannot be told: review 58)
        why, which = "", "one of them"
    return error(meta.origin.file, *_pos(meta, "seed"), f'seed "{meta.seed}" is named by both {owner.origin.file} '
                 f'(line {_pos(owner, "seed")[0]}) and this file', f"each seed belongs to one article file{why}: "
                 f"point {which} at its own seed (to split the article, put the text of its part in a new file of "
                 f"seeds/), or delete {'it if it is' if which == 'this one' else 'the one that is'} a copy",
                 "seed-taken")


def referenced_slugs(metas: Iterable[ArticleMeta], comparisons: Iterable[Any]) -> frozenset[str]:
    """The article slugs that comparisons (witnesses, bases) and the links of notes and summaries name."""
    named = {w.article for c in comparisons for w in c.witnesses} | {c.base for c in comparisons}
    texts = [m.summary for m in metas] + [a.note for m in metas for a in m.annotations] + \
        [c.summary for c in comparisons] + [w.note for c in comparisons for w in c.witnesses]
    return frozenset(named | {slug for text in texts for slug in _NAMED_ARTICLE.findall(text)})


_NAMED_ARTICLE = re.compile(r"(?:\barticle:|/articles/)([a-z0-9-]+)")


def _unknown_source(meta: ArticleMeta, source_ids: set[str], outlets_in: Where) -> Problem:
    return error(meta.origin.file, *_pos(meta, "source"), f'unknown source "{meta.source}"',
                 did_you_mean(meta.source, suggestible(source_ids)) or _outlets_hint(meta.source, source_ids,
                                                                                     outlets_in), "source-unknown")


_LISTED = 12  # (the outlets a hint names at most: all of a dossier's where it has no more)


def _outlets_hint(source: str, source_ids: set[str], outlets_in: Where) -> str:
    """What to do about an unknown outlet no id is close to: add it, or use one of the ids there are, named where
    they are few (or those beginning with its first word: "vice" for "vice-news", review 125), which is no guess
    ("times" for "times-of-israel" would be one). The outlets' files are named as the dossier has them
    (`outlets_in`: content/sources.yaml, or those of content/sources/, review 145)."""
    ids = suggestible(source_ids)
    first = re.split(r"[-_]", source, maxsplit=1)[0]
    named = ", ".join(ids)
    if len(ids) > _LISTED:
        alike = [i for i in ids if i == first or i.startswith(first + "-")][:_LISTED]
        named = f'{len(ids)}; those beginning "{first}": {", ".join(alike)}' if alike else ""
    keys = f"outlets are the keys of {outlets_in.every}"
    if not named:
        return f"{keys}; add it {outlets_in.there} or fix the id"
    return f'{keys}: add "{source}" {outlets_in.there}, or write one of {outlets_in.its} ids ({named})'


def _not_in_seeds(metas: Sequence[ArticleMeta], seeds: Mapping[str, CleanText], unreadable: AbstractSet[str],
                  elsewhere: Mapping[str, Sequence[str]], free: Callable[[], Mapping[str, str]],
                  quoted: Callable[[str], Sequence[str]]) -> dict[str, tuple[Problem, str, tuple[str, ...]]]:
    """The seed-missing error of each of `metas` whose seed is not in seeds/ (nor `unreadable`), by its file, with
    the seed it offers as meant ("" if none) and those it names as several that may be (`_not_found`). A seed that
    another of them offers too, or names as one of several, is the one meant of neither: its hint says which other
    file may have it (seed_renamed.py; both said "write `seed: ap.txt`", and following both made one seed-taken)."""
    found = {m.origin.file: _not_found(m, seeds, elsewhere.get(m.seed, ()), free, quoted) for m in metas
             if m.seed and m.seed not in unreadable and m.seed not in seeds}
    claims: dict[str, list[str]] = {}
    for file, (_, meant, renamed) in found.items():
        for seed in sorted({meant, *renamed.several} - {""}):
            claims.setdefault(seed, []).append(file)
    out = {}
    for file, (problem, meant, renamed) in found.items():
        others = [other for other in claims.get(renamed.seed, ()) if other != file]
        out[file] = (replace(problem, hint=shared_hint(renamed, others)) if others else problem, meant,
                     renamed.several)
    return out


def _not_found(meta: ArticleMeta, seeds: Mapping[str, CleanText], moved: Sequence[str] = (),
               free: Callable[[], Mapping[str, str]] = dict, quoted: Callable[[str], Sequence[str]] = lambda slug: ()
               ) -> tuple[Problem, str, Meant]:
    """The error of an article file whose seed is not in seeds/, the seed it offers as meant ("" if none), and
    what seed_renamed.py found (the seeds it names as several that may be). `moved`: the files of that name in
    folders of seeds/ (seeds/jpost/x.txt): the seed is there, and said so (the hint "seed names are file names
    under seeds/" left the editor to find it, with the warning that it is not read said after; `seed:` names no
    folder, the schema's pattern). Else a seed no file names (`free()`): one its name is a slip for, or, renamed,
    one very likely its text (`quoted`: seed_renamed.py)."""
    if moved:
        more = f" (and {', '.join(moved[1:])})" if moved[1:] else ""
        return (error(meta.origin.file, *_pos(meta, "seed"), f'seed "{meta.seed}" not found in seeds/: it is in '
                      f"{moved[0].rsplit('/', 1)[0]}/{more}, and the build reads only the files of seeds/ itself",
                      f"move {moved[0]} back to seeds/{meta.seed} (a seed cannot be in a folder of seeds/, and "
                      "seed: names a file, without a folder)", "seed-missing"), "", Meant())
    # (only a seed no other article file names: one another file names is that file's, and was offered)
    cased = sorted(s for s in free() if s.casefold() == meta.seed.casefold())  # (x.txt for x.TXT)
    meant = f'did you mean "{cased[0]}"?' if cased else did_you_mean(meta.seed, free())
    if not meant and is_editor_junk(meta.seed.rsplit("/", 1)[-1]):  # (".002.txt", "003.part": review 74)
        return (error(meta.origin.file, *_pos(meta, "seed"), f'seed "{meta.seed}" is not read: a file so named is '
                      "skipped as hidden, or as an editor's backup or temporary file",
                      "rename the seed's file (and this line) to a plain name such as 002.txt", "seed-missing"), "",
                Meant())
    renamed = Meant() if meant else seed_meant(meta, free(), quoted(meta.slug))
    return (error(meta.origin.file, *_pos(meta, "seed"), f'seed "{meta.seed}" not found in seeds/',
                  meant or renamed_hint(renamed) or "seed names are file names under seeds/", "seed-missing"),
            meant_of(meant) or renamed.seed, renamed)


def _offer(offered: dict[str, str], meant: str, several: Iterable[str], hint: str) -> None:
    """Record in `offered` the seed an error (a seed not found, or no `seed:`) offers as its article's text, the
    one meant (→ "": not said to be unused), and those it names as several that may be (→ `hint`, their seed-unused
    warning's, which names the file; a seed named so by two errors keeps the first one's)."""
    offered.update({seed: offered.get(seed, hint) for seed in several} | ({meant: ""} if meant else {}))


_SEED_KEY = re.compile(r"^seed\s*:", re.MULTILINE)
MISSING_SEED = 'missing required key "seed"'  # (the schema's error, schema_messages.py; its hint restated here)


def _keyless(detached: Sequence[ArticleMeta], written: Callable[[str], str], free: Callable[[], Mapping[str, str]],
             quoted: Callable[[str], Sequence[str]], offered: dict[str, str]) -> list[Problem]:
    """The schema's error of each article file with no `seed:` key whose text is, very likely, a seed no article
    file names (seed_renamed.py: the seed that holds its quotes), restated with a hint that names it (`restate`),
    and that seed (or those several) recorded in `offered`. The schema's hint, "add seed: ...", left the editor to
    find the seed, and the seed was said to have no article file, whose hint, --import, wrote a second article of
    it (review 127)."""
    out = []
    for meta in detached:
        file = meta.origin.file
        if meta.seed or _SEED_KEY.search(written(file)):  # (a `seed:` written wrong is said as wrong, schema.py)
            continue
        renamed = seed_meant(meta, {n: t for n, t in free().items() if n not in offered}, quoted(meta.slug))
        if renamed.seed or renamed.several:
            out.append(error(file, meta.origin.line, meta.origin.col, MISSING_SEED, missing_hint(renamed),
                             "schema-missing-key"))
            _offer(offered, renamed.seed, renamed.several, unused_hint(file, keyless=True))
    return out


def restate(earlier: Sequence[Problem], later: Sequence[Problem]) -> list[Problem]:
    """`earlier` + `later`, where a schema error of a missing `seed:` that `later` says again (`_keyless`, with the
    seed that holds the article's text named in its hint) is said once, with that hint, where the schema said it."""
    again = {p.file: p for p in later if p.check == "schema-missing-key" and p.message == MISSING_SEED}
    return [replace(p, hint=again[p.file].hint) if p.file in again and p.check == "schema-missing-key" and
            p.message == MISSING_SEED else p for p in earlier] + [p for p in later if p not in again.values()]


def _free(metas: Sequence[ArticleMeta], seeds: Mapping[str, CleanText], unparsed: Sequence[str],
          written: Callable[[str], str]) -> Callable[[], Mapping[str, str]]:
    """What gives the seeds no article file names (neither as its seed, nor in a file that could not be read or
    names its seed wrongly, as `_unused` tells) with their text: asked only when a seed is not found."""
    said: list[dict[str, str]] = []

    def free() -> Mapping[str, str]:
        if not said:
            files = [*(m.origin.file for m in metas if not m.seed), *unparsed]
            texts = [written(file) for file in files]
            theirs = {m.seed for m in metas} | named_like(seeds, files)
            left = [name for name in sorted(seeds) if name not in theirs]
            named = seeds_named_in(left, texts)
            said.append({name: seeds[name].text for name in left if name not in named})
        return said[0]
    return free


def _unused(seeds: set[str], files: list[tuple[str, str]], every: Mapping[str, CleanText] = {},
            several: Mapping[str, str] = {},
            unparsed: Callable[[Sequence[str], AbstractSet[str]], Mapping[str, str]] = lambda unused, other: {},
            undecoded: Mapping[str, tuple[Problem, Callable[[], str]]] = {}) -> list[Problem]:
    """The warning of each seed of `seeds` that none of `files` (the article files left without a seed, or that
    failed to parse, with their text) names, though wrongly (`sed:`, `seed: seeds/x.txt`, x.txt for x.TXT: that
    file's mistake is said, where it is), nor is named like (an empty or unreadable wire.yaml is wire.txt's: its
    seed said to have no file, with --import's hint, made a second file for it, review 71). Its hint: of a seed an
    article file YAML could not read (or misnamed) may be the text of, to fix that file first (`unparsed(names,
    converted)`: seed → that hint, given the unused seeds, those of them --import converts); of one an article
    file's seed-missing error names as one of several that may be its (`several`: seed → that file), so; of one
    whose name differs from another's (of `every`) only in its Unicode form, that the two names look the same.
    Then the warnings of the seeds of `undecoded` (not in the dossier's encoding, no article file naming them: by
    their seed-encoding error), which --import converts."""
    theirs = named_like(seeds, (file for file, _ in files))
    left = [seed for seed in sorted(seeds) if seed not in theirs]
    named = seeds_named_in(left, (text for _, text in files))
    unused = [seed for seed in left if seed not in named]
    forms: dict[str, list[str]] = {}
    for name in every if unused else ():  # (asked only when a seed is unused: most builds have none)
        forms.setdefault(nfc(name), []).append(name)
    maybe = unparsed([*unused, *undecoded], set(undecoded)) if unused or undecoded else {}
    return [warning(f"seeds/{seed}", 0, 0, "seed has no article file, so it is not published",
                    maybe.get(seed) or several.get(seed) or _unused_hint(seed, forms), "seed-unused")
            for seed in unused] + [_undecoded(problem, maybe.get(seed))
                                   for seed, (problem, _) in sorted(undecoded.items())]


def _undecoded(problem: Problem, theirs: str | None) -> Problem:
    """The warning of a seed not in the dossier's encoding that no article file names (`problem`: its
    seed-encoding error): --import's to convert, with its stub (as a seed in UTF-8 without an article file is only
    seed-unused's warning: it failed the whole build, review 71), unless an article file not read may be its text
    (`theirs`: that hint, unparsed_seed.py; the old one said --import writes its stub, and it wrote none)."""
    return warning(problem.file, problem.line, problem.col, f"{problem.message}, and it has no article file, so it "
                   "is not published", theirs or "run `python build.py --import`: it converts the seed to UTF-8 (the "
                   "original bytes kept in seeds/evidence/) and writes its stub in content/articles/", "seed-unused")


def _maybe_theirs(files: Sequence[Unparsed], existing: AbstractSet[str], kept: AbstractSet[str],
                  quoted: Callable[[str], Sequence[str]], seeds: Mapping[str, CleanText],
                  undecoded: Mapping[str, tuple[Problem, Callable[[], str]]], unused: Sequence[str],
                  converted: AbstractSet[str]) -> dict[str, str]:
    """Each seed of `unused` (its cleaned text in `seeds`, or as --import will likely convert it, `undecoded`) that
    one of `files`, the article files YAML could not read or misnamed, may be the text of → its seed-unused
    warning's hint (unparsed_seed.py: fix that file first, not --import; `converted`: the seeds --import converts
    to UTF-8 all the same)."""
    if not files:
        return {}
    texts = {seed: seeds[seed].text if seed in seeds else undecoded[seed][1]() for seed in unused}
    return {seed: unparsed_hint(theirs, existing, seed in converted)
            for seed, theirs in maybe_theirs(texts, files, existing, kept, quoted).items()}


def _unused_hint(seed: str, forms: Mapping[str, list[str]]) -> str:
    twins = [name for name in forms.get(nfc(seed), ()) if name != seed]
    if twins:  # (café.txt twice, once as macOS writes names: review 74)
        form = "decomposed (NFD, as macOS writes names)" if seed != nfc(seed) else "composed (NFC)"
        return (f"its name differs from seeds/{twins[0]}'s only in its Unicode form: this one is {form}; delete "
                f"the copy an article does not read")
    return IMPORT_HINT


def named_like(seeds: Iterable[str], files: Iterable[str]) -> set[str]:
    """The seeds (file names under seeds/) named as one of the article `files` is (wire.txt for
    content/articles/wire.yaml): the seed of an article file that cannot be read, or names no seed, is the one of
    its name; said unused, with --import's hint, it was given a second file (review 71)."""
    stems = {file_stem(file) for file in files}
    return {seed for seed in seeds if file_stem(seed) in stems}


# Each article while made of the very same metadata and cleaned text (identity.py): the live preview's memo hands
# those back for every file not saved, and the steps after it then find the article itself unchanged (the Memo's
# `by_difference`: anchoring, mentions) instead of looking each one up by its key
_ARTICLES: SameObjects[Article] = SameObjects()


def _unknowns(meta: ArticleMeta, outlets_in: Where) -> list[Problem]:
    """A new article builds at once: a missing date or outlet is a warning (an error under --strict), and
    its page says so to readers. Placed on the key's line where a stub has it commented out ("# date: …").
    `outlets_in`: the outlets' files, as the hint names them."""
    commented = dict(meta.commented)
    out = []
    if not meta.date and meta.date_origin is None:  # a `date:` that is wrong is reported as wrong, not as missing
        out.append(warning(*_missing(meta, commented.get("date"), "undated", "date", '"date: YYYY-MM-DD" (the day '
                                     'it was published); until then its page says "Date unknown" and it is left off '
                                     'the timeline'), check="undated"))
    if not meta.source and meta.source_origin is None:
        out.append(warning(*_missing(meta, commented.get("source"), "outlet unknown", "source", '"source: <id>" with '
                                     f'an outlet of {outlets_in.one}; until then its page says "Outlet unknown"'),
                           check="outlet-unknown"))
    return out


def _missing(meta: ArticleMeta, comment: Origin | None, what: str, key: str, wanted: str
             ) -> tuple[str, int, int, str, str]:
    """(file, line, column, message, hint) of the warning that `key` is missing: at the comment that holds it
    (a stub's), or at the file's first key."""
    if comment is None:
        return (meta.origin.file, meta.origin.line, meta.origin.col, f'{what}: the article has no "{key}:" key',
                f"add {wanted}")
    return (comment.file, comment.line, comment.col, f'{what}: "{key}:" is commented out',
            f'remove the "#" and write {wanted}')


def _pos(meta: ArticleMeta, key: str) -> tuple[int, int]:
    origin = {"seed": meta.seed_origin, "source": meta.source_origin}.get(key) or meta.origin
    return origin.line, origin.col
