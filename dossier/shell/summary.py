"""The build's summary line of the anchoring: how many annotations were found as written, chosen, approximate or not
at all, where the report is, and what was not checked (the command line prints it last, and the output's record
keeps it for the no-change answer)."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..core.common.controls import visible_name


def anchoring_summary(counts: Mapping[str, int]) -> str:
    """"102 annotations: 100 exact, 2 disambiguated, 0 fuzzy, 0 orphan" (the editors' report in one line)."""
    statuses = ("exact", "disambiguated", "fuzzy", "ambiguous", "orphan")
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in statuses
                      if counts.get(s, 0) or s in ("exact", "fuzzy", "orphan"))
    return f"{counts.get('annotations', 0)} annotations: {parts}"


def unchecked_summary(unchecked: Sequence[str]) -> str:
    """What the summary line adds for the article files whose annotations are not among its count (BuildResult's
    `unchecked`): "84 annotations" alone read as if every annotation had been checked."""
    if not unchecked:
        return ""
    files = ", ".join(unchecked[:3]) + (f" and {len(unchecked) - 3} more" if unchecked[3:] else "")
    if len(unchecked) == 1:  # (the error may be another file's: a seeds/ linked out of the dossier, review 91)
        return f"; not checked: the annotations of {files} (the errors above say why)"
    return f"; not checked: the annotations of {len(unchecked)} article files ({files}; the errors above say why)"


def unjudged_summary(unjudged: Sequence[tuple[str, str, int]]) -> str:
    """What the summary line adds for the registries whose references were not checked (BuildResult's `unjudged`:
    a file that could not be read, whose text does not tell every id it defines): the build said no reference to
    an entity or an outlet is wrong, and the line did not say that it had not looked."""
    if not unjudged:
        return ""
    kinds = " and ".join(kind for step, kind in (("entities", "entities"), ("sources", "outlets"))
                         if any(s == step for s, _, _ in unjudged))
    why = "; ".join(f"the ids {file} defines from line {line} on are hidden by its error" if line > 1 else
                    f"{file} could not be used" for _, file, line in unjudged)
    return f"; not checked: the references to {kinds} ({why})"


def anchoring_line(result: Any, built: bool) -> str:
    """The anchoring's summary line, pointing at the report of the site this build puts in place (`built`), or of
    the site once built; "" when nothing was anchored."""
    where = "report/ in the built site" if built else "report/ of the site, once built"
    # (one line: a line feed in a file's name it gives is none of its layout, review 163)
    return visible_name(f"{anchoring_summary(result.counts)} (details: {where}){unchecked_summary(result.unchecked)}"
                        f"{unjudged_summary(result.unjudged)}") if result.counts else ""
