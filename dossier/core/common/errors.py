"""Problems: the one way every stage reports bad input.

Stages never raise for bad input; they return values plus a tuple of Problems, so a build can list every
problem at once (MkDocs' collect-then-fail) and the live preview can show them in the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Literal, Sequence

from .controls import visible_name

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input.

    Invariant: `file` is a path relative to the dossier root (posix separators); `line` and `col` are
    1-based, 0 meaning "unknown"; `message` is one sentence without a trailing period; `hint` says what
    to do about it (may be empty).
    """

    file: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str = ""
    check: str = ""  # the named check that produced it, so site.yaml can change its level

    def format(self) -> str:
        """`path:line:col: severity: message [code]` plus an indented `hint:` line, as compilers print. The code
        (its `check`) names the message in docs/messages.md, and a check's key under `checks:` in site.yaml
        (review 71: editors matched the words by hand to find either). The file and the message are one line each:
        a line feed or a tab in them (a seed's name) is shown as an escape, as every control character (review 163)."""
        where = visible_name(self.file)
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.severity}: {visible_name(self.message)}" + (f" [{self.check}]" if self.check else "")
        if self.hint:
            text += "\n    hint: " + self.hint.replace("\n", "\n          ")
        return text


def error(file: str, line: int, col: int, message: str, hint: str = "", check: str = "") -> Problem:
    return Problem(file, line, col, "error", message, hint, check)


def warning(file: str, line: int, col: int, message: str, hint: str = "", check: str = "") -> Problem:
    return Problem(file, line, col, "warning", message, hint, check)


def did_you_mean(word: str, choices: Iterable[str], shortened: bool = False) -> str:
    """A "did you mean" hint for a misspelt key or id, or "" when nothing is close: only a choice `word` is most
    likely a slip for (similar.py: a typo, or another form of the word, or, when `shortened`, a longer name it
    is the first words of), never one that merely shares letters."""
    from .similar import closest  # (asked only where something is wrong: imported then)

    close = closest(word, choices, shortened=shortened)
    return f'did you mean "{close}"?' if close else ""


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Deterministic order: by file, then position, then text; duplicates removed."""
    return tuple(sorted(set(problems)))


# The file whose settings say how every other file is read: its problems are the likeliest causes of the others'
SETTINGS = "site.yaml"


def reading_order(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in the order the command line prints them, the order an editor fixes them in: the errors first,
    site.yaml's (its settings say how the seeds are read and cleaned: a wrong one explains errors elsewhere), then
    those of the other editors' files, then those found in the output (a broken link is mostly a consequence);
    the warnings after them, site.yaml's first; otherwise the build's own order (by file, then position). Errors
    had stood among warnings file by file, and site.yaml's came last (review 84: a build with one wrong setting
    and forty fuzzy-anchor warnings showed the cause at the very end)."""
    ranked = sorted(enumerate(problems), key=lambda item: (
        item[1].severity != "error", item[1].file != SETTINGS, item[1].file.startswith("_site/"), item[0]))
    return tuple(p for _, p in ranked)


def by_named_id(problems: Sequence[Problem], named: Callable[[Problem], str | None]) -> dict[str, list[Problem]]:
    """The problems that name an id (`named(p)`: the id a problem says is unknown, None for the others), by id, in
    their order."""
    groups: dict[str, list[Problem]] = {}
    for p in problems:
        ident = named(p)
        if ident is not None:
            groups.setdefault(ident, []).append(p)
    return groups


def said_at_meant(problems: Sequence[Problem], named: Callable[[Problem], str | None],
                  meant: Callable[[str, Sequence[Problem]], "Problem | Sequence[Problem] | None"],
                  alone: bool = False) -> list[Problem]:
    """`problems` with each group of them that name one id (`named(p)`: the id a problem says is unknown, None
    for the others), when several do, said as `meant(id, group)` gives it: one Problem (at the definition the id
    most likely is, standing for the whole group, in the place of its first), the group's problems each as it
    should be said instead (as many, in their order), or None (left as they are). One mistake where something is
    defined was one error at each reference that is right. `alone`: asked of a single problem naming an id too."""
    groups = by_named_id(problems, named)
    said: dict[int, Problem | None] = {}
    for ident, group in groups.items():
        found = meant(ident, group) if len(group) > 1 or alone else None
        if isinstance(found, Problem):
            said[id(group[0])] = found
            said.update({id(p): None for p in group[1:]})
        elif found is not None:
            said.update({id(p): q for p, q in zip(group, found)})
    return [q for p in problems for q in ([said[id(p)]] if id(p) in said else [p]) if q is not None]


_OFFER = re.compile(r'did you mean "([^"]+)"\?')


def meant_of(hint: str) -> str:
    """The name a hint beginning with did_you_mean's words offers ("" for none); what may follow them (why it is
    offered: `offer_of`) is not part of it."""
    return offer_of(hint)[0]


def offer_of(hint: str) -> tuple[str, str]:
    """(the name a hint beginning with did_you_mean's words offers, what the hint says after them: why it is
    offered, as `("x" is an article's slug, not a comparison's id)`); ("", "") when it begins otherwise. (The
    name was cut from the hint at a fixed width from its end, as if nothing could follow: review 146.)"""
    found = _OFFER.match(hint)
    return (found.group(1), hint[found.end():].strip()) if found else ("", "")


def offered(group: Iterable[Problem]) -> str | None:
    """The id the hint of each problem of `group` offers, when each hint is did_you_mean's alone, and the same: ""
    when none offers one, None when they differ. Each reference's did-you-mean follows its own rules (never a key
    that is itself an error, slugs.suggestible; never an article its comparison has as a witness already, review
    71): one offered where all the references are said alike is one each of them would offer on its own."""
    offers = {found.group(1) if (found := _OFFER.fullmatch(p.hint)) else "" for p in group}
    return offers.pop() if len(offers) == 1 else None


SHOWN = 3   # the places a message lists before "and N more"


def places(group: Sequence[Problem]) -> str:
    """Where the problems of `group` are, in file order: the first few as file:line:col, then how many more."""
    ordered = sorted(group, key=lambda p: (p.file, p.line, p.col))
    shown = ", ".join(f"{p.file}:{p.line}:{p.col or 1}" if p.line else p.file for p in ordered[:SHOWN])
    return shown + (f" and {len(group) - SHOWN} more" if len(group) > SHOWN else "")


def defined_nowhere(group: Sequence[Problem], what: str, fix: str, meant: str = "", noun: str = "reference"
                    ) -> list[Problem] | None:
    """The problems of `group`, which name one id nothing defines, each told so and how many they are, when they
    are in several files (in one file, they are likely one slip written again: None, their hints stay); asked
    whether it was deleted, `fix` saying how to bring it back, or to change each reference. `meant`: an id that
    exists a slip away, offered first (the references may be one slip copied: said as one mistake, not as many).
    There is one problem for each reference (`noun`: "link" when each is a link), each at its place: a note
    linking the id twice is two (markdown.link_targets), so the count is the places to change, each listed."""
    if len({p.file for p in group}) < 2:
        return None
    hint = f"{what} is defined nowhere, yet {len(group)} {noun}s name it: " + (
        f'did you mean "{meant}"? change each {noun} to it; or was it deleted? {fix}' if meant else
        f"was it deleted? {fix}, or change each {noun}")
    return [replace(p, hint=hint) for p in group]
