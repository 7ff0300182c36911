"""Templates compiled ahead: in a process of their own while the build loads and analyses the dossier.

Jinja compiles a template the first time a build renders it, unless the persistent cache holds it compiled by an
earlier run (cache.py, `templates/`), or this user's store holds it compiled by another dossier's build
(user_store.py). A build without either (a new version of the code, or of the templates) compiled every template in
the parent just before rendering, with the other core idle: 0.12 s of the repo's dossier's 0.63 s cold `--no-search`
build. So when a template has no compiled entry, all of them are compiled at once in a forked process
(parallel.background) writing the cache's entries, and the first template the build loads waits for it; each is then
read from its entry. Where a process cannot help (one core), nothing is done ahead: the build compiles what it
renders, as before.
"""

from __future__ import annotations

from typing import Any, Mapping

from . import parallel


def compile_ahead(compiled: Any, templates: Mapping[str, str]) -> None:
    """When one of `templates` (name → text) has no entry in `compiled` (cache.compiled_templates' bytecode
    cache), compile them all in a background process that writes the entries, and have `compiled` wait for it
    before it loads its first entry. An entry may be stale (its template changed since): Jinja then compiles
    that one itself, as without this."""
    from ..core.execute.render import FILE

    if compiled is None or parallel.workers() < 2:
        return
    if all(compiled.holds(name, FILE + name, text) for name, text in templates.items()):
        return
    compiled.wait_for(parallel.background(lambda: _compile_all(compiled, templates)))


def _compile_all(compiled: Any, templates: Mapping[str, str]) -> None:
    """In the background process: every template compiled into `compiled`; a template that does not compile is
    left to the build, which reports it where it renders it."""
    from ..core.execute.render import Renderer

    Renderer(templates, compiled).compile(sorted(templates))
