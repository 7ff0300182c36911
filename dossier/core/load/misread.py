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
from .model import Article, Dossier, Misread, Origin, Place
from ..text.nfc import nfc
from ..text.typography import normalise
from ..text.wordbounds import mid_word_ends

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
    seeds are UTF-8 (`misread_seeds`), and the dossier with the quotes that reading may break (`Dossier.misread`:
    their problems are said by that one, which `said_at_encoding` counts them in)."""
    config = dossier.config
    seeds = misread_seeds(files, config.encoding) if config.encoding_at != (0, 0) else ()
    if not seeds:
        return dossier, list(problems)
    read = {seed: decode_seed(f"seeds/{seed}", files[f"seeds/{seed}"], config.encoding) for seed in seeds}
    said = {p for _, found in read.values() for p in found}  # (each seed's, as the load said it)
    unread = [seed for seed, (text, _) in read.items() if text is None]
    first = next(((seed, found) for seed in seeds if seed not in unread
                  if (found := garbled(files[f"seeds/{seed}"], config.encoding))), None)
    parts = _of_seeds(config.encoding, seeds, unread, first)
    lost, whole = _broken(files, dossier, seeds)
    wrong = _at_encoding(config, parts, bool(unread))
    return replace(dossier, misread=Misread(parts, lost, whole)), [wrong, *(p for p in problems if p not in said)]


def _key(text: str) -> str:
    """`text` as a quote is compared with it here: NFC, its whitespace runs one space, its typography folded."""
    return normalise(nfc(text) or "").text.strip().lower()


# A quote: its article, words, prefix, suffix, and where each of these three is written (its prefix's and
# suffix's, when given)
_Quoted = tuple[str, str, str | None, str | None, tuple[Place, ...]]


def _broken(files: Mapping[str, bytes], dossier: Dossier, seeds: Sequence[str]
            ) -> tuple[tuple[tuple[Place, ...], ...], tuple[tuple[Place, ...], ...]]:
    """Where each quote (of an annotation or a comparison's witness) is written that the declared reading may
    break (`Misread`): lost, the seed's text read in the declared encoding not holding it while its text in UTF-8
    does; whole, found in the text read as UTF-8 as written, whole words, once where its context says (then its
    prefix and suffix are where it is said too)."""
    misread = {a.meta.slug: a for a in dossier.articles if a.meta.seed in seeds}
    texts: dict[str, tuple[str, str, str]] = {}   # (the text as declared, as UTF-8: each as `_key` reads it; in NFC)
    for slug, article in misread.items():
        text = decode_seed(f"seeds/{article.meta.seed}", files[f"seeds/{article.meta.seed}"])[0] or ""
        try:
            utf8 = clean(text, dossier.config).text
        except RuleTimedOut:  # (said where the seed is cleaned as declared, if it is there too)
            continue
        texts[slug] = _key(article.text.text), _key(utf8), nfc(utf8) or ""
    lost, whole = [], []
    for slug, quote, prefix, suffix, at in _quoted(dossier, misread):
        if slug not in texts or not quote.strip():
            continue
        declared, utf8, utf8_nfc = texts[slug]
        fits = _whole(utf8_nfc, quote, prefix, suffix)
        if _key(quote) not in declared and _key(quote) in utf8:
            lost.append(at if fits else at[:1])
        elif fits:
            whole.append(at)
    return tuple(sorted(set(lost))), tuple(sorted(set(whole)))


def _quoted(dossier: Dossier, misread: Mapping[str, Article]) -> Iterator[_Quoted]:
    """The quotes of the misread articles' annotations, and of the comparisons' witnesses (of any article)."""
    def at(*origins: Origin | None) -> tuple[Place, ...]:
        return tuple((o.file, o.line, o.col) for o in origins if o)
    for a in misread.values():
        for n in a.meta.annotations:
            yield a.slug, n.quote, n.prefix, n.suffix, at(n.origin, n.prefix_origin, n.suffix_origin)
    for c in dossier.comparisons:
        for w in c.witnesses:
            yield w.article, w.quote, w.prefix, w.suffix, at(w.origin, w.prefix_origin, w.suffix_origin)


def _whole(text: str, quote: str, prefix: str | None, suffix: str | None) -> bool:
    """Whether `quote` is in `text` (in NFC) as written (NFC, its ends' spaces aside), once where its prefix and
    suffix (those given: the text before it ends with the one, after it starts with the other) say, whole words:
    an anchoring with no problem. Stricter than anchoring (no typography or spacing folded): said only when sure."""
    quote = (nfc(quote) or "").strip()
    before, after = (nfc(prefix) or "").strip(), (nfc(suffix) or "").strip()
    found, at = [], text.find(quote)
    while at >= 0:
        start, end = at, at + len(quote)
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while end < len(text) and text[end].isspace():
            end += 1
        if text.endswith(before, 0, start) and text.startswith(after, end):
            found.append(at)
        at = text.find(quote, at + 1)
    return len(found) == 1 and not any(mid_word_ends(text, found[0], found[0] + len(quote)))


def _of_seeds(enc: str, seeds: Sequence[str], unread: Sequence[str],
              first: tuple[str, tuple[int, int, str, str]] | None) -> tuple[str, ...]:
    """What the problem at `encoding:` says of the seeds: how many it cannot read, how many it garbles (the first
    garbled word)."""
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
    return tuple(said)


def _at_encoding(config: SiteConfig, parts: Sequence[str], unread: bool) -> Problem:
    """The problem at site.yaml's `encoding:`, saying `parts` of the seeds: an error when a seed cannot be read in
    it at all (each seed's was), else a warning (each seed's was; `said_at_encoding` says how many quotes it
    breaks, and makes it an error when a problem of theirs would be one)."""
    enc = config.encoding
    return (error if unread else warning)(
        "site.yaml", *config.encoding_at, _said(enc, parts), f"the seeds read as UTF-8: remove `encoding: {enc}` "
        "(UTF-8 is the default), or write `encoding: utf-8`", "site-encoding")


def _said(enc: str, parts: Sequence[str], lost: int = 0, whole: int = 0) -> str:
    """The message at `encoding:`: `parts` of the seeds, then how many quotes it breaks, `lost` (not found as
    written) and `whole` (found only inside or beside garbled words: "ÄúA major ground operation")."""
    said = list(parts)
    if lost:
        said.append(f"{_count(lost, 'quote')} {'is' if lost == 1 else 'are'} not found as written in them")
    if whole:
        said.append(f"{_count(whole, 'quote')} {'is' if whole == 1 else 'are'} found in them only inside or beside "
                    "garbled words")
    return f"the seeds are UTF-8, not {enc} as this line says: " + _joined(said)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _joined(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]


def said_at_encoding(problems: Iterable[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` without those of anchoring the quotes that site.yaml's `encoding:` breaks (`Dossier.misread`),
    which its problem says, with how many quotes they were: an error when any of theirs would be one (at the
    levels of `checks:`), as a quote not found is. Each of those quotes is found in its seed's text read as UTF-8
    (a mistake of its own is still said); one that the declared reading does not break has no problem to fold."""
    found, misread = list(problems), dossier.misread
    if misread is None:
        return found
    which = {at: (k, k < len(misread.lost)) for k, ats in enumerate(misread.lost + misread.whole) for at in ats}

    def follows(p: Problem) -> bool:
        return p.check.startswith("anchor-") and (p.file, p.line, p.col) in which

    folded = [p for p in found if follows(p)]
    quotes = {which[(p.file, p.line, p.col)] for p in folded}
    lost = sum(1 for _, was_lost in quotes if was_lost)
    config = dossier.config
    message = _said(config.encoding, misread.said, lost, len(quotes) - lost)
    fails = any(config.level(p.check, p.severity) == "error" for p in folded)
    return [replace(p, message=message, severity="error" if fails else p.severity) if _is_encodings(p, config)
            else p for p in found if not follows(p)]


def _is_encodings(p: Problem, config: SiteConfig) -> bool:
    """Whether `p` is the problem at site.yaml's `encoding:` that `misread_encoding` made."""
    return p.check == "site-encoding" and p.file == "site.yaml" and (p.line, p.col) == config.encoding_at
