"""Template overrides that can change nothing, said (`template-unused`, a warning).

Jinja is silent about two slips an editor overriding the project's templates makes: a file in templates/ whose
name is none of the project's and that no template uses (`entty.html` for entity.html: the override is simply
never read), and a `{% block %}` whose
name the template it extends does not have (`{% block mian %}`: its content is never shown, and the page
keeps the parent's). Both are found from the templates' syntax trees: which templates the pages' own
templates reach through extends, include and import, and which blocks each parent chain defines. When a
template names another by a variable, which ones it reaches cannot be told, and no file is said to be unused.
Pure; `lint` parses every template (~50 ms for the project's), so the executor keeps its result by the
templates' digest (execute.py).
"""

from __future__ import annotations

from typing import Iterable, Mapping

import jinja2
from jinja2 import meta, nodes

from ..common.errors import Problem, did_you_mean, warning


def lint(templates: Mapping[str, str], used: Iterable[str], added: Iterable[str]) -> tuple[Problem, ...]:
    """The warnings for `templates` (name → source), `used` being the templates the pages render and `added`
    the dossier's own templates that override none of the project's (only those can be unused by mistake: a
    project template no page of this dossier needs, such as tag.html without tags, is not a slip)."""
    env = jinja2.Environment()
    parsed: dict[str, nodes.Template] = {}
    for name, text in sorted(templates.items()):
        try:
            parsed[name] = env.parse(text)
        except jinja2.TemplateSyntaxError:
            continue  # (its error is the renderer's to report)
    reached, dynamic = _reached(parsed, used)
    added, project = set(added) & set(parsed), sorted(set(parsed) - set(added))
    problems = [] if dynamic else [
        warning(f"templates/{name}", 0, 0, "no page uses this template, so it changes nothing",
                did_you_mean(name, project) or "a template overrides the project's of the same name (the files "
                "of templates/ in the project)", "template-unused")
        for name in sorted(added - reached)]
    for name in sorted(reached):
        problems += _unknown_blocks(name, parsed, templates[name])
    return tuple(problems)


def _reached(parsed: Mapping[str, nodes.Template], used: Iterable[str]) -> tuple[set[str], bool]:
    """The templates `used` reach (themselves included), and whether one names another by a variable."""
    reached: set[str] = set()
    todo, dynamic = sorted(set(used)), False
    while todo:
        name = todo.pop()
        if name in reached or name not in parsed:
            continue
        reached.add(name)
        for ref in meta.find_referenced_templates(parsed[name]):
            dynamic = dynamic or ref is None
            if ref is not None:
                todo.append(ref)
    return reached, dynamic


def _parent(tree: nodes.Template) -> str | None:
    for node in tree.find_all(nodes.Extends):
        return node.template.value if isinstance(node.template, nodes.Const) else None
    return None


def _chain_blocks(name: str | None, parsed: Mapping[str, nodes.Template]) -> set[str] | None:
    """Every block the template `name` and those it extends define; None when the chain cannot be followed."""
    blocks: set[str] = set()
    seen: set[str] = set()
    while name is not None:
        if name in seen or name not in parsed:
            return None
        seen.add(name)
        blocks |= {b.name for b in parsed[name].find_all(nodes.Block)}
        name = _parent(parsed[name])
    return blocks


def _unknown_blocks(name: str, parsed: Mapping[str, nodes.Template], source: str) -> list[Problem]:
    """A top-level block of the template `name` that the templates it extends do not define."""
    parent = _parent(parsed[name])
    known = _chain_blocks(parent, parsed) if parent is not None else None
    if known is None:
        return []
    out = []
    for block in (n for n in parsed[name].body if isinstance(n, nodes.Block)):
        if block.name not in known:
            line = source.split("\n")[block.lineno - 1] if block.lineno else ""
            col = line.find(block.name) + 1 if block.name in line else 1
            out.append(warning(f"templates/{name}", block.lineno, col, f'block "{block.name}" is not in {parent} '
                               "(nor in what it extends), so it is never shown",
                               did_you_mean(block.name, sorted(known)) or "blocks: " + ", ".join(sorted(known)),
                               "template-unused"))
    return out
