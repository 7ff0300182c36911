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
    """A warning at each tag that is most likely a slip of, or another number of, a tag written more often (each
    has a page of its own): one written once whose page's name is a typo (similar.typo_edits: not one letter of a
    short name, "iraq" and "iran") of a tag's written `_OFTEN` times or more; one written in one file only, more
    than once, a typo of one written more often in other files (a tag renamed in one file, review 146:
    "netanyahu-quotes" on the 4 annotations of one article, "netanyahu-quote" on 7 in four others, two pages); the
    singular or plural of a tag written more often. Said once, at its first place, listing the others."""
    uses = {page: sum(map(len, spellings.values())) for page, spellings in places.items()}
    files = {page: {at.file for where in spellings.values() for at in where} for page, spellings in places.items()}
    often = sorted(page for page, count in uses.items() if count >= _OFTEN)
    problems = []
    for page, count in uses.items():
        meant = _meant(page, often, uses, files)
        if not meant:
            continue
        where = sorted((at for spelling in places[page].values() for at in spelling),
                       key=lambda at: (at.file, at.line, at.col))
        tag = max(places[page], key=lambda spelling: len(places[page][spelling]))
        shown = max(places[meant], key=lambda spelling: len(places[meant][spelling]))
        silence = f'(if "{tag}" is meant, silence this with checks: {{tag-typo: ignore}} in site.yaml)'
        if count == 1:
            problems.append(warning(where[0].file, where[0].line, where[0].col, f'tag "{tag}" is on this annotation '
                                    f'only, and "{shown}" on {uses[meant]}: it has a page of its own',
                                    f'did you mean "{shown}"? {silence}', "tag-typo"))
            continue
        alone = "all in this file" if len(files[page]) == 1 else f"in {len(files[page])} files"
        others = len(files[meant] - files[page])
        elsewhere = f" in {others} other file{'s' if others > 1 else ''}" if others else ""
        problems.append(warning(where[0].file, where[0].line, where[0].col, f'tag "{tag}" is on {count} annotations, '
                                f'{alone}, and "{shown}" on {uses[meant]}{elsewhere}: each has a page of its own',
                                f'did you mean "{shown}"? write it at {_listed(where)} {silence}', "tag-typo"))
    return problems


def _meant(page: str, often: list[str], uses: dict[str, int], files: dict[str, set[str]]) -> str:
    """The page of the tag the tag of `page` is most likely a slip for, or another number of; "" when none."""
    count = uses[page]
    number = [other for other in _other_numbers(page) if uses.get(other, 0) > count and uses[other] >= _OFTEN]
    if len(number) == 1:
        return number[0]
    if count == 1:
        return closest(page, [other for other in often if not _other_short_word(page, other)], typos_only=True)
    if len(files[page]) > 1:
        return ""
    # (one written more often, and in other files: a tag renamed in one file)
    return closest(page, [other for other in often if uses[other] > count and files[other] - files[page] and
                          not _other_short_word(page, other)], typos_only=True)


def _other_short_word(one: str, other: str) -> bool:
    """Whether two page names differ in one word only, of 3 letters or fewer in each: "us-position" and
    "uk-position" are two tags, not a slip of the hand."""
    a, b = one.split("-"), other.split("-")
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return len(a) == len(b) and len(differ) == 1 and max(map(len, differ[0])) <= 3


def _other_numbers(page: str) -> set[str]:
    """The page names whose last word is the plural of the last word of `page`, or its singular, the words before
    it the same ("netanyahu-quote", "netanyahu-quotes"; "casualty", "casualties"): words of 3 letters or more."""
    found = {page + "s", page + "es"} | ({page[:-1] + "ies"} if page.endswith("y") else set())
    if page.endswith("ies"):
        found.add(page[:-3] + "y")
    if page.endswith("es"):
        found.add(page[:-2])
    if page.endswith("s"):
        found.add(page[:-1])
    return {other for other in found if len(min(other, page, key=len)) >= 3 and other != page}


def _listed(where: list[Origin]) -> str:
    """The places of `where`: their lines when in one file, else file:line; the first few, then how many more."""
    one = len({at.file for at in where}) == 1
    shown = [str(at.line) if one else f"{at.file}:{at.line}" for at in where[:_SHOWN]]
    rest = f"{len(where) - _SHOWN} more" if len(where) > _SHOWN else shown.pop()
    return ("lines " if one else "") + ", ".join(shown) + " and " + rest


_SHOWN = 5   # the places a tag-typo warning lists
