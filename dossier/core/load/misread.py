"""site.yaml's `import: encoding:` that the seeds are not in: said once, at that line.

Seeds in UTF-8 with `encoding: latin-1` (or cp1252, utf-16, ascii) in site.yaml were each read wrongly: every
curly quote and accent garbled, or the seed not read at all. Each seed said so, and each quote on their garbled
text was said at its annotation (27 warnings of approximate matches, or 102 errors "quote not found"); the one
line to mend, the encoding's, was said nowhere. When every seed that the declared encoding reads otherwise than
UTF-8 does is UTF-8 (no seed is in that encoding and not in UTF-8), that line is what is wrong: one problem at
it, in the place of each seed's (`misread_encoding`) and of each quote's that the wrong reading breaks
(`said_at_encoding`, once the quotes are placed). One seed in another encoding among seeds in the declared one
is that seed's problem, as before. Pure.
"""

from __future__ import annotations

import codecs
from dataclasses import replace
from typing import Iterable, Iterator, Mapping, Sequence

from .cleaning import RuleTimedOut, clean, decode_seed, garbled
from .config import SiteConfig
from ..common.errors import Problem, error, warning
from .model import Dossier
from ..text.nfc import nfc
from ..text.typography import normalise

_ASCII = bytes(range(128))
_NAMED = 3  # the seeds not read at all that the message names


def misread_seeds(files: Mapping[str, bytes], encoding: str) -> tuple[str, ...]:
    """The seeds (names in seeds/) that `encoding` reads otherwise than UTF-8 does, when each of them is UTF-8
    and no seed is in `encoding` but not in UTF-8; () when `encoding` is UTF-8, or fits a seed, or reads
    every seed as UTF-8 does (plain ASCII read by an encoding that extends it). A file that is in neither (no
    text, UTF-16) tells nothing."""
    try:
        if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
            return ()
        extends_ascii = _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (LookupError, UnicodeDecodeError):
        extends_ascii = False
    found = []
    for path in sorted(p for p in files if p.startswith("seeds/") and p.count("/") == 1):
        data = files[path]
        if extends_ascii and data.isascii():
            continue
        as_utf8, declared = decode_seed(path, data)[0], decode_seed(path, data, encoding)[0]
        if as_utf8 is None and declared is not None:
            return ()  # (a seed in the declared encoding: one in UTF-8 beside it is that seed's problem)
        if as_utf8 is not None and as_utf8 != declared:
            found.append(path[len("seeds/"):])
    return tuple(found)


def misread_encoding(files: Mapping[str, bytes], dossier: Dossier, problems: Sequence[Problem]
                     ) -> tuple[Dossier, list[Problem]]:
    """`problems` with each seed's problem of being read in site.yaml's encoding said once at `encoding:` when the
    seeds are UTF-8 (`misread_seeds`), and the dossier with the quotes that reading breaks (`Dossier.misread`:
    their problems are said by that one, `said_at_encoding`)."""
    config = dossier.config
    seeds = misread_seeds(files, config.encoding) if config.encoding_at != (0, 0) else ()
    if not seeds:
        return dossier, list(problems)
    read = {seed: decode_seed(f"seeds/{seed}", files[f"seeds/{seed}"], config.encoding) for seed in seeds}
    said = {p for _, found in read.values() for p in found}  # (each seed's, as the load said it)
    unread = [seed for seed, (text, _) in read.items() if text is None]
    quotes = tuple(sorted(set(_broken(files, dossier, seeds))))
    first = next(((seed, found) for seed in seeds if seed not in unread
                  if (found := garbled(files[f"seeds/{seed}"], config.encoding))), None)
    wrong = _at_encoding(config, seeds, unread, len(quotes), first)
    return replace(dossier, misread=quotes), [wrong, *(p for p in problems if p not in said)]


def _key(text: str) -> str:
    """`text` as a quote is compared with it here: NFC, its whitespace runs one space, its typography folded."""
    return normalise(nfc(text) or "").text.strip().lower()


def _broken(files: Mapping[str, bytes], dossier: Dossier, seeds: Sequence[str]) -> Iterator[tuple[str, int, int]]:
    """Where each quote (of an annotation or a comparison's witness) is written that the seed's text read in the
    declared encoding does not hold while its text in UTF-8 does."""
    misread = {a.meta.slug: a for a in dossier.articles if a.meta.seed in seeds}
    keys: dict[str, tuple[str, str]] = {}
    for slug, article in misread.items():
        text = decode_seed(f"seeds/{article.meta.seed}", files[f"seeds/{article.meta.seed}"])[0] or ""
        try:
            keys[slug] = _key(article.text.text), _key(clean(text, dossier.config).text)
        except RuleTimedOut:  # (said where the seed is cleaned as declared, if it is there too)
            continue
    quoted = [(a.slug, n.quote, n.origin) for a in misread.values() for n in a.meta.annotations] + \
        [(w.article, w.quote, w.origin) for c in dossier.comparisons for w in c.witnesses]
    for slug, quote, origin in quoted:
        wanted = _key(quote) if slug in keys and quote else ""
        if wanted and wanted not in keys[slug][0] and wanted in keys[slug][1]:
            yield origin.file, origin.line, origin.col


def _at_encoding(config: SiteConfig, seeds: Sequence[str], unread: Sequence[str], quotes: int,
                 first: tuple[str, tuple[int, int, str, str]] | None) -> Problem:
    """The problem at site.yaml's `encoding:`: an error when a seed cannot be read in it at all (each seed's was),
    else a warning (each seed's was; `said_at_encoding` makes it an error when a quote it breaks would be one)."""
    enc = config.encoding
    said = []
    if unread:
        names = ", ".join(f"seeds/{s}" for s in unread[:_NAMED]) + (f" and {len(unread) - _NAMED} more"
                                                                    if len(unread) > _NAMED else "")
        said.append(f"{_count(len(unread), 'seed')} cannot be read as {enc} at all ({names})")
    garbled_seeds = len(seeds) - len(unread)
    if garbled_seeds:
        example = f' ("{first[1][2]}" as "{first[1][3]}", at seeds/{first[0]}:{first[1][0]}:{first[1][1]})' \
            if first else ""
        said.append(f"{_count(garbled_seeds, 'seed')} would be published garbled{example}")
    if quotes:
        said.append(f"{_count(quotes, 'quote')} {'is' if quotes == 1 else 'are'} not found as written in them")
    made = error if unread else warning
    return made("site.yaml", *config.encoding_at, f"the seeds are UTF-8, not {enc} as this line says: "
                + _joined(said), f"the seeds read as UTF-8: remove `encoding: {enc}` (UTF-8 is the default), or "
                "write `encoding: utf-8`", "site-encoding")


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _joined(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]


def said_at_encoding(problems: Iterable[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` without those of the quotes that site.yaml's `encoding:` breaks (`Dossier.misread`), which its
    problem says: an error when any of theirs would be one (at the levels of `checks:`), as a quote not found
    is. Each of those quotes is found in its seed's text read as UTF-8: a mistake of its own is still said."""
    found = list(problems)
    if not dossier.misread:
        return found
    broken = set(dossier.misread)

    def follows(p: Problem) -> bool:
        return p.check.startswith("anchor-") and (p.file, p.line, p.col) in broken

    fails = any(dossier.config.level(p.check, p.severity) == "error" for p in found if follows(p))
    at = dossier.config.encoding_at
    return [replace(p, severity="error") if fails and p.check == "site-encoding" and p.file == "site.yaml" and
            (p.line, p.col) == at else p for p in found if not follows(p)]
