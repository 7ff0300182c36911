"""Tags written differently that would have one page ("Délégation" and "delegation": /tags/delegation/): an error
at each spelling but the one written most often; and a tag written once that is a slip of one written often
("delegaton" beside ten "delegation": a page of its own, silently, review 127), a warning (`tag-typo`).
references.py asks it of the whole dossier."""

from __future__ import annotations

import re

from ..common.errors import Problem, error, warning
from ..common.similar import closest
from ..common.slugs import tag_key, tag_page
from .model import ArticleMeta, Origin


def tag_clashes(metas: list[ArticleMeta]) -> list[Problem]:
    """Tags written differently that would have one page ("Délégation" and "delegation": /tags/delegation/,
    slugs.tag_page): an error at each place a spelling is written other than the one written most often (the
    first written, when as often), which the error names with where it is first written."""
    places: dict[str, dict[str, list[Origin]]] = {}  # the name of a tag's page → each spelling → where written
    for meta in metas:
        for ann in meta.annotations:
            for tag, at in zip(ann.tags, ann.tag_origins):
                spellings = places.get(tag_page(tag))
                if spellings is None:  # (setdefault would make a dict and a list at each of 75,000 tags)
                    spellings = places[tag_page(tag)] = {}
                where = spellings.get(tag)
                if where is None:
                    spellings[tag] = [at]
                else:
                    where.append(at)
    problems = _typos(places)
    for page, spellings in places.items():
        kept = max(spellings, key=lambda tag: len(spellings[tag]))  # (max keeps the first of equals)
        first = spellings[kept][0]
        for tag, where in spellings.items():
            problems += [error(at.file, at.line, at.col, f'tags "{tag}" and "{kept}" ({first.file}:{first.line}) '
                               f"would have one page, /tags/{page}/", _clash_hint(tag, kept), "tag-clash")
                         for at in where if tag != kept]
    return problems


def _clash_hint(tag: str, kept: str) -> str:
    """What to do about two spellings of one tag's page: write them alike, when they differ only in capitals,
    accents, spaces and punctuation; else (a long name cut, a digest met twice) tell them apart."""
    if re.sub(r"[\W_]+", "", tag_key(tag)) == re.sub(r"[\W_]+", "", tag_key(kept)):
        return f'write this one "{kept}" too, or make the two differ by more than capitals, accents and punctuation'
    return "their pages' names are the same: change one of the two tags (a longer tag's name is cut)"


_OFTEN = 3  # the uses of a tag a tag written once may be a slip of


def _typos(places: dict[str, dict[str, list[Origin]]]) -> list[Problem]:
    """A warning at each tag written once whose page's name is a typo (similar.typo_edits: not one letter of a short
    name, "iraq" and "iran") of a tag's written `_OFTEN` times or more."""
    uses = {page: sum(map(len, spellings.values())) for page, spellings in places.items()}
    often = sorted(page for page, count in uses.items() if count >= _OFTEN)
    problems = []
    for page, count in uses.items():
        meant = closest(page, often, typos_only=True) if count == 1 and often else ""
        if meant:
            [(tag, [at])] = places[page].items()
            shown = max(places[meant], key=lambda spelling: len(places[meant][spelling]))
            problems.append(warning(at.file, at.line, at.col, f'tag "{tag}" is on this annotation only, and '
                                    f'"{shown}" on {uses[meant]}: it has a page of its own',
                                    f'did you mean "{shown}"? (if "{tag}" is meant, silence this with checks: '
                                    "{tag-typo: ignore} in site.yaml)", "tag-typo"))
    return problems
