"""The seeds an article file that YAML could not parse may be the text of, told from its text, for the seed-unused
warning's hint and for --import. Pure.

`mv seeds/002_5b7bcf2cbf6902ac.txt seeds/jpost-rafah.txt`, with a quote left open in jpost-go-it-alone.yaml in
the same edit: the file could not be parsed, so nothing knew that it names a seed, jpost-rafah.txt was said to
have no article file with --import's hint, and --import wrote a second article of the same text. While an article
file cannot be parsed, a seed no article file names may be its text. Its lines still tell, though YAML reads none:

- each of its `seed:` lines (at column 0) naming a seed of seeds/: the file is that seed's (not unused:
  attach.py finds its name in the text), and no other's;
- named as a seed is that no parsed article file names (wire.yaml, wire.txt: attach.named_like), the file is
  that seed's, as the build takes it (that seed is not said to be unused either), and no other's;
- else (no `seed:` line, or one naming a seed not in seeds/: renamed), the seeds it may be are narrowed as
  seed_renamed.py narrows those of an article whose seed is not found: from the quotes of its `quote:` lines
  and of the witnesses naming it, or from its name and `title:`, to the one, or the several, very likely its
  text. When none is very likely, it may be any.

A seed some such file may be is still said to have no article file, its hint saying which file may be its and to
fix that file first; --import writes it no stub until then (it says that warning, and the file's error). An article
file written as YAML under another extension (jpost.yml: not read at all, ignored.py) is read so too, its hint
saying to rename it; a seed in another encoding is narrowed with the others by its text as --import will likely
convert it (`likely_text`), its hint saying that --import converts it all the same.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Callable, Iterable, Mapping, Sequence

from ..common.records import frozen
from ..common.slugs import file_stem
from .ignored import meant_stem
from .model import Annotation, ArticleMeta, Origin
from .seed_renamed import seed_meant

__all__ = ["Unparsed", "likely_text", "maybe_theirs", "read_unparsed", "unparsed_hint"]

# A key's line: `seed:`, `title:` (at column 0, keys of the file) or `quote:` (an annotation's, indented, perhaps
# the first of its item), the key perhaps quoted, and its value
_LINE = re.compile(r"""^(?:(["']?)(seed|title)\1|[ \t]*(?:-[ \t]+)?(["']?)(quote)\3)[ \t]*:[ \t]*(.*)$""")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"?')
_SINGLE = re.compile(r"'((?:[^']|'')*)'?")


@frozen
class Unparsed:
    """An article file that YAML could not parse, as its lines tell: `file`; `seeds`, the values of its `seed:`
    lines at column 0 (quotes and comments taken off), in order; `title`, its first `title:` line's value; `quotes`,
    the values of its `quote:` lines (those that are not blank)."""

    file: str
    seeds: tuple[str, ...] = ()
    title: str = ""
    quotes: tuple[str, ...] = ()


def read_unparsed(file: str, text: str) -> Unparsed:
    """What the lines of `text`, the article file `file` that YAML could not parse, write as its seed, title and
    quotes (`Unparsed`)."""
    found: dict[str, list[str]] = {"seed": [], "title": [], "quote": []}
    for line in re.split(r"\r\n|[\r\n]", text.lstrip("\ufeff")):
        match = _LINE.match(line)
        if match:
            found[match.group(2) or match.group(4)].append(_value(match.group(5)))
    return Unparsed(file, tuple(found["seed"]), next(iter(found["title"]), ""),
                    tuple(q for q in found["quote"] if q.strip()))


def _value(raw: str) -> str:
    """A value as written on its line: a quoted one unquoted (up to its closing quote, or the line's end when it is
    left open), a plain one up to a comment; "" for a block scalar's indicator (its lines are not read)."""
    raw = raw.strip()
    if raw.startswith('"'):
        return re.sub(r"\\(.)", r"\1", _DOUBLE.match(raw).group(1))  # type: ignore[union-attr]
    if raw.startswith("'"):
        return _SINGLE.match(raw).group(1).replace("''", "'")  # type: ignore[union-attr]
    value = re.split(r"[ \t]#", raw, maxsplit=1)[0].strip()
    return "" if re.fullmatch(r"[|>][-+0-9]*", value) else value


def maybe_theirs(unused: Mapping[str, str], files: Iterable[Unparsed], existing: AbstractSet[str],
                 kept: AbstractSet[str], quoted: Callable[[str], Sequence[str]] = lambda slug: ()
                 ) -> dict[str, tuple[Unparsed, ...]]:
    """Each seed of `unused` (name → cleaned text: the seeds no article file names, nor is named like) that one of
    `files` may be the text of → those files (module docstring). `existing`: the names of the files of seeds/;
    `kept`: the seeds the parsed article files name; `quoted(slug)`: the quotes of the witnesses naming an
    article."""
    out: dict[str, list[Unparsed]] = {}
    for unparsed in files:
        for seed in _theirs(unparsed, unused, existing, kept, quoted):
            out.setdefault(seed, []).append(unparsed)
    return {seed: tuple(out[seed]) for seed in sorted(out)}


def _theirs(unparsed: Unparsed, unused: Mapping[str, str], existing: AbstractSet[str], kept: AbstractSet[str],
            quoted: Callable[[str], Sequence[str]]) -> Sequence[str]:
    """The seeds of `unused` that `unparsed` may be the text of (`maybe_theirs`)."""
    there = [value for value in unparsed.seeds if _names_one(value, existing)]
    stem = file_stem(unparsed.file)
    if there and len(there) == len(unparsed.seeds) or any(file_stem(s) == stem for s in existing - kept):
        return ()
    meta = ArticleMeta(stem, Origin(unparsed.file), _gone(unparsed, existing), unparsed.title, "", "",
                       annotations=tuple(Annotation(f"q{n}", quote, Origin(unparsed.file))
                                         for n, quote in enumerate(unparsed.quotes)))
    meant = seed_meant(meta, unused, quoted(stem))
    return (meant.seed,) if meant.seed else meant.several or sorted(unused)


def _gone(unparsed: Unparsed, existing: AbstractSet[str]) -> str:
    """The one seed name the `seed:` lines of `unparsed` write, when it is not in seeds/ (renamed); else ""."""
    named = set(unparsed.seeds) - {""}
    return next(iter(named)) if len(named) == 1 and not _names_one(next(iter(named)), existing) else ""


def _names_one(value: str, existing: AbstractSet[str]) -> bool:
    """Whether a `seed:` line's `value` names a file of seeds/ (as written, or with a folder: `seeds/x.txt`)."""
    return value in existing or value.rsplit("/", 1)[-1] in existing


def unparsed_hint(files: Sequence[Unparsed], existing: AbstractSet[str], converts: bool = False) -> str:
    """The seed-unused warning's hint of a seed that `files` (article files YAML could not parse, or misnamed, not
    read) may be the text of (`maybe_theirs`). `existing`: the names of the files of seeds/; `converts`: whether
    the seed is in another encoding, which --import converts to UTF-8 all the same."""
    until = "until then, `python build.py --import` " + (
        "converts this seed to UTF-8 (the original bytes kept in seeds/evidence/) but writes it no stub" if converts
        else "writes this seed no stub")
    renames = [f"rename {f.file} to {_yaml(f.file)}" for f in files if not f.file.endswith(".yaml")]
    if len(files) > 1:
        listed = ", ".join(f.file for f in files[:-1]) + f" and {files[-1].file}"
        which, how = "either" if len(files) == 2 else "any", f" ({', '.join(renames)})" if renames else ""
        return (f"{listed} {'are not read' if renames else 'could not be read'} (see their errors), and this seed "
                f"may be the text of {which} of them: fix them first{how}; {until}")
    gone, named = _gone(files[0], existing), sorted(set(files[0].seeds) - {""})
    said = (f'the seed it names, "{gone}", is not in seeds/' if gone else
            "its `seed:` lines name " + " and ".join(f'"{s}"' for s in named) if named else
            "no seed's name can be read from its text")
    read, fix = (("is not read, its name not ending in .yaml", f"Rename it to {_yaml(files[0].file)}") if renames
                 else ("could not be read", "Fix that file"))
    return (f"{files[0].file} {read} (see its error), and {said}: it may be this seed's article file"
            f"{', the seed renamed' if gone else ''}. {fix} first; {until}")


def _yaml(file: str) -> str:
    """The name of an article file misnamed `file` (.yml, .YAML, .yaml.txt) under the extension the build reads."""
    return meant_stem(file) + ".yaml"


def likely_text(data: bytes, language: str = "") -> str:
    """The text of a seed not in the dossier's encoding, read as `python build.py --import` will most likely
    convert it (shell/capture/importing.py's `detect`, whose detector the core does not run), for the seeds an
    article file not read may be: UTF-8 with its few stray bytes read as windows-1252, in a code page of the
    site's `language` (codepages.py), as UTF-16, else as windows-1252 (latin-1 for the bytes it has no letter for).
    Only its quotes' words decide (`seed_meant`), and those of most texts read the same in any of these."""
    from .codepages import read_in_language
    from .cleaning import utf16

    escaped = data.decode("utf-8", "surrogateescape")
    strays = len(re.findall("[\udc80-\udcff]", escaped))
    if strays and len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data)) > strays:
        return re.sub("[\udc80-\udcff]", lambda m: _western(bytes([ord(m.group()) - 0xDC00])), escaped)
    reading = read_in_language(data, language)
    if reading is not None:
        return reading[1]
    if utf16(data):
        return data.decode("utf-16", "replace")
    return "".join(_western(bytes([byte])) for byte in data)


def _western(byte: bytes) -> str:
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")
