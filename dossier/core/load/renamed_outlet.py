"""An outlet's id changed in content/sources.yaml while the articles still name the old one: said once, at the
outlet, when very likely. Pure.

`jerusalem-post:` renamed `jpost:` made each article of the outlet an error "unknown source "jerusalem-post"",
hinted "outlets are the keys of content/sources.yaml; add it there or fix the id", and none at the key that
changed. It is one error at that key, listing the articles, when all the unknown outlets the articles name are one
id and content/sources.yaml has exactly one outlet no article names, which is that id renamed: the id is its
name written as an id (`jerusalem-post` for "The Jerusalem Post"), or its homepage's name (`jpost` for
https://www.jpost.com/, hyphens aside), or the old id is a slip for the new (similar.py) while more than one
file names it (in one file, the did-you-mean at that line says it as well). An article file that could not be
parsed names the outlets its text names (`source: jpost` in a file whose YAML is broken): an outlet named only
there was offered as renamed, and renaming it back broke that file once mended; when an article file was not read
at all, what it names is not known, and nothing is guessed. Otherwise each article keeps its error.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping, Sequence

from ..common.errors import Problem, error, places
from ..common.similar import closest
from ..common.slugs import file_stem, slugify
from .loader import readable
from .model import Dossier, Source

__all__ = ["at_renamed_outlet", "unparsed_texts"]

_UNKNOWN = re.compile(r'^unknown source "([^"]+)"$')
_SECOND_LEVEL = {"ac", "co", "com", "edu", "gov", "net", "or", "org"}   # (bbc.co.uk, haaretz.co.il)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d*\.)?([^/:?#]+)", re.IGNORECASE)


def at_renamed_outlet(problems: Iterable[Problem], dossier: Dossier,
                      unparsed: Callable[[], Sequence[str] | None] = lambda: ()) -> list[Problem]:
    """`problems` with the articles' errors naming one unknown outlet said once, at the outlet no article names
    that it most likely is (module docstring). `unparsed()`: the texts of the article files that could not be
    parsed, None when one was not read (unparsed_texts); asked only when an outlet no parsed file names may be
    the one renamed."""
    problems = list(problems)
    group = [p for p in problems if p.check == "source-unknown" and p.severity == "error" and _UNKNOWN.match(p.message)]
    old = {_UNKNOWN.match(p.message).group(1) for p in group}  # type: ignore[union-attr]
    if len(old) != 1:
        return problems
    ref = old.pop()
    named = {m.source for m in (*(a.meta for a in dossier.articles), *dossier.detached)}
    texts = unparsed() if any(s.id not in named for s in dossier.sources) else ()
    if texts is None:  # (an article file not read may name any of them)
        return problems
    unnamed = [s for s in dossier.sources if s.id not in named and not _named_in(s.id, texts)]
    why = _why(ref, unnamed[0], group) if len(unnamed) == 1 else ""
    if not why:
        return problems
    source = unnamed[0]
    at = source.id_origin
    count = f"{len(group)} article{'s' if len(group) > 1 else ''} name{'' if len(group) > 1 else 's'}"
    said = error(at.file if at else "content/sources.yaml", at.line if at else 0, at.col if at else 0,
                 f'outlet "{source.id}" is named by no article, while {count} "{ref}", which is no outlet: {why} '
                 f"(at {places(group)})", f'if "{ref}" is the id meant, rename this one back to it; if it was renamed '
                 f"on purpose, write `source: {source.id}` in {'these files' if len(group) > 1 else 'that file'}",
                 "source-unknown")
    first = problems.index(group[0])
    return [said if i == first else p for i, p in enumerate(problems) if i == first or p not in group]


def _named_in(ident: str, texts: Sequence[str]) -> bool:
    """Whether one of `texts` (article files that could not be parsed) names the outlet `ident`: the id with no
    other character of an id on either side (jpost.com is not jpost), wherever it is written."""
    found = re.compile(rf"(?<![\w.-]){re.escape(ident)}(?![\w.-])")
    return any(found.search(text) for text in texts)


def unparsed_texts(files: Mapping[str, bytes], dossier: Dossier) -> list[str] | None:
    """The texts of the article files of `files` that could not be parsed (neither published nor detached), as
    loader.py reads them; None when one may not have been read at all (unread.py: it is no file of `files`)."""
    parsed = {m.origin.file for m in (*(a.meta for a in dossier.articles), *dossier.detached)}
    articles = [p for p in files if p.startswith("content/articles/")]
    stems = {file_stem(p) for p in articles}
    if "article" in dossier.broken or dossier.unusable_articles - stems - {slugify(s) for s in stems}:
        return None
    return [readable(files[p]) for p in articles if p not in parsed]


def _why(ref: str, source: Source, group: list[Problem]) -> str:
    """Why the outlet `source` is most likely the one the articles name as `ref`; "" when it is not likely."""
    name = slugify(source.name or "", "")
    if ref in (name, name.removeprefix("the-")):
        return f'"{ref}" is this outlet\'s name ({source.name}) written as an id'
    if ref.replace("-", "") == _site_name(source.homepage):
        return f'"{ref}" is the name of this outlet\'s homepage ({source.homepage})'
    if len({p.file for p in group}) > 1 and closest(ref, [source.id]):
        return f'"{ref}" is a slip for this outlet\'s id'
    return ""


def _site_name(homepage: str) -> str:
    """The name a homepage's address gives its site, hyphens left out: "jpost" for https://www.jpost.com/,
    "bbc" for https://www.bbc.co.uk/news ("" when none)."""
    host = _HOST.match(homepage or "")
    labels = host.group(1).lower().split(".")[:-1] if host else []
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1].replace("-", "") if labels else ""
