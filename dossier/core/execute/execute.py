"""Execute: the plan rendered, its links indexed and checked, each output handed to a sink or kept.

The one place where pages become bytes. Work is split into ranges of the plan run through a ShardMap (the
shell's `parallel.fork_shards` renders each range in a forked worker, which writes its outputs into the
stage); each range gives back its paths, link index and problems, merged here in plan order, so a build is
byte-identical however it was split.
"""

from __future__ import annotations

import hashlib
from dataclasses import field
from functools import partial
from typing import Any, Callable, Mapping, Sequence

from ..common import shards as sharding
from ..common.errors import Problem
from ..common.memo import Kept
from .keys import forget, page_key
from .link_places import placed_once
from .linkcheck import LinkIndex, check_links
from ..plan.page import Page
from .render import Renderer, once_each
from .template_lint import lint
from ..common.shards import ShardMap, in_order, run_chunks
from ..common.records import frozen
from ..common.slugs import tag_page
from ..common.snippet import place
from ..common.urls import internal_form, named_page

Sink = Callable[[str, bytes], None]


@frozen
class Rendered:
    """What rendering some pages gave: the paths made (in plan order; a page that failed to render is not
    among them, but in `failed`), the bytes (unless a sink took them), the links of the HTML pages, problems;
    and for a store of kept outputs (memo.Kept), the keys of the keyed pages (`keys`, see `page_key`) and what
    to keep of those rendered anew (`fresh`: key → the store's entry)."""

    paths: tuple[str, ...]
    outputs: dict[str, bytes]
    links: LinkIndex
    problems: tuple[Problem, ...]
    keys: tuple[str, ...] = ()
    fresh: dict[str, Any] = field(default_factory=dict)
    failed: tuple[str, ...] = ()
    named: dict[str, str] = field(default_factory=dict)   # each keyed page's key, by its path


def _output(page: Page, renderer: Renderer, kept: Kept | None, done: tuple[list[str], dict[str, Any]],
            links: LinkIndex, known: str | None = None) -> tuple[bytes | None, tuple[Problem, ...]]:
    """The page's bytes and problems, its links indexed. A keyed page (page.keyed) with a store `kept`: the
    bytes kept under its key when there are some (with the links found in them then, if the store kept
    those; None for bytes the sink holds already), else rendered from the input gathered for the key.
    `known`: its key as its group's last keys give it (`_group_keys`): its input is gathered only to render it.
    `done`: the keys seen, and the entries to keep of the pages rendered anew (only a clean render is kept)."""
    make, key, found = page.make, None, None
    if kept is not None and page.given is not None and page.view is not None:
        found = kept.get(known, page.path) if known is not None else None
        key = known if found is not None else None
        if found is None:
            value, view = page.given(), page.view
            make = lambda: view(value)  # noqa: E731 - the input is gathered once, for the key and the view
            key = page_key(page, value, renderer.digest)
            found = kept.get(key, page.path) if key is not None and key != known else None  # (`known`: asked)
        if key is not None:
            done[0].append(key)
    if found is not None:
        body, seen, more = found[0], found[1], ()
    elif page.template is None:
        body, seen, more = make(), None, ()
    else:
        (body, more), seen = renderer.render(page.template, make(), page.path), None
    if more:
        return body, more
    if page.path.endswith(".html"):
        if seen is None:
            seen = links.add(page.path, body, key)
        else:
            links.put(page.path, seen, key)
    if key is not None and found is None:
        done[1][key] = kept.entry(body, seen)  # type: ignore[union-attr]
    return body, ()


def render_pages(pages: Sequence[Page], renderer: Renderer, sink: Sink | None = None,
                 kept: Kept | None = None, known: Mapping[str, str] | None = None) -> Rendered:
    """Render `pages` in order; each output goes to `sink` as soon as it is made, else into `outputs`. With
    `kept`, a keyed page whose key is kept is not rendered: its bytes are the kept ones. `known`: keys by path
    that the pages' groups give (`_group_keys`)."""
    known = known or {}
    paths: list[str] = []
    outputs: dict[str, bytes] = {}
    links = LinkIndex()
    problems: list[Problem] = []
    failed: list[str] = []
    done: tuple[list[str], dict[str, Any]] = ([], {})
    named: dict[str, str] = {}
    for page in pages:
        before = len(done[0])
        body, more = _output(page, renderer, kept, done, links, known.get(page.path))
        if len(done[0]) > before:
            named[page.path] = done[0][-1]
        if more:
            problems += more
            failed.append(page.path)
            continue
        paths.append(page.path)
        if body is None:
            continue  # a kept page the sink already holds, as it is (memo.Kept.get)
        if sink is None:
            outputs[page.path] = body
        else:
            sink(page.path, body)
    return Rendered(tuple(paths), outputs, links, tuple(problems), tuple(done[0]), done[1], tuple(failed), named)


def _lint(renderer: Renderer, pages: Sequence[Page], own: tuple[frozenset[str], frozenset[str]], kept: Any
          ) -> list[Problem]:
    """template_lint's warnings for a dossier with templates of its own (`own`: all it gives, and those among
    them that it adds), kept by the templates' digest where a store of kept work is given (parsing every
    template takes ~50 ms)."""
    if not own[0]:
        return []  # (the project's templates alone: nothing an editor wrote)
    added = own[1]
    used = tuple(sorted({p.template for p in pages if p.template}))
    item = (renderer.digest, used, tuple(sorted(added)))
    work = lambda it: lint(renderer.sources, it[1], it[2])  # noqa: E731 - the digest names the sources
    each = getattr(kept, "each", None)
    return list(each("template-lint", work, lambda it: it, [item])[0] if each else work(item))


def _written_in_content(files: Mapping[str, bytes], base: str, href: str) -> list[tuple[str, int, int]]:
    """Where the editors' files (content/, site.yaml's description) write `href` (asked only of a link found
    broken), as (file, line, column), eight at most; a site path is looked for also as written without the
    site's base path, and a page's as the internal link that names it (/entities/x/#y as entity:x#y; a tag's only
    when that is its page's name: tag:aux leads to /tags/aux-…/, slugs.tag_page, not to a broken /tags/aux/), each
    where no other character of an address comes before it (/gone/ is not written in /sub/gone/)."""
    forms = {href, "/" + href[len(base):]} if base != "/" and href.startswith(base) else {href}
    named = named_page(min(forms, key=len))
    if named and (named[0] != "tag" or tag_page(named[1]) == named[1]):  # (tag:aux is no link to /tags/aux/)
        forms.add(internal_form(*named))
    found: list[tuple[str, int, int]] = []
    for path, data in sorted(files.items()):
        if not (path.startswith("content/") or path == "site.yaml") or not any(f.encode() in data for f in forms):
            continue
        text, taken = data.decode("utf-8", "replace"), []  # (a shorter form inside a longer one is that one)
        for form in sorted(forms, key=len, reverse=True):
            at = text.find(form)
            while at >= 0 and len(found) < _PLACES:
                if not any(start <= at < end for start, end in taken) and \
                        (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "/._~%-:")):
                    taken.append((at, at + len(form)))
                    found.append((path, *place(text, at)))
                at = text.find(form, at + 1)
    return found


_PLACES = 8  # (a broken address written in more places than this is said at the first eight)


def execute(pages: Sequence[Page], renderer: Renderer, base: str, sink: Sink | None = None,
            shards: ShardMap = in_order, kept: Kept | None = None,
            own: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
            content: Mapping[str, bytes] | None = None) -> Rendered:
    """Every page rendered (in ranges through `shards`), then every internal link checked against the paths
    made (`base`: the site's base path). Returns all paths, outputs (none with a sink), links and problems.
    `kept` (optional): outputs of earlier builds by page key, reused and added to (see `render_pages`).
    `own`: the dossier's own templates, and those that override none of the project's (template_lint.py); `content`:
    the dossier's files (a link its content/ files write too is not a template's, link_places.py).
    A link to a page that failed to render is not reported: that page's own problem is (a template error in
    the article page was also every link to every article, a thousand errors for one)."""
    content = content or {}
    renderer.compile(sorted({p.template for p in pages if p.template}))
    groups = _groups(pages, renderer.digest) if kept is not None else {}
    known = _group_keys(groups, kept)
    parts = run_chunks(shards, pages, lambda _, chunk: render_pages(chunk, renderer, sink, kept, known),
                       sharding.chunk_size(len(pages), sharding.SHARD_SIZE))
    paths: list[str] = []
    outputs: dict[str, bytes] = {}
    links = LinkIndex()
    problems: list[Problem] = []
    keys: list[str] = []
    fresh: dict[str, Any] = {}
    failed: list[str] = []
    named: dict[str, str] = {}
    for part in parts:
        paths += part.paths
        failed += part.failed
        outputs.update(part.outputs)
        links.merge(part.links)
        problems += part.problems
        keys += part.keys
        fresh.update(part.fresh)
        named.update(part.named)
    forget()  # (the recurring values this build did not use are not kept alive after it)
    if kept is not None:
        kept.keep_pages(fresh, keys)
        _keep_groups(groups, known, named, kept)
    problems = once_each(problems) + placed_once(check_links(links, {*paths, *failed}, base), renderer.sources,
                                                 partial(_written_in_content, content, base))
    problems += _lint(renderer, pages, own, kept)
    return Rendered(tuple(paths), outputs, links, tuple(problems), tuple(keys), fresh, tuple(failed), named)


def _groups(pages: Sequence[Page], templates: str) -> dict[str, list[str]]:
    """The paths of each group's pages (page.Page.group), in plan order, by the name its keys are kept under: a
    digest of the group's, of the templates' (a template changed changes every key) and of those paths (each key
    kept is its page's, whichever pages of the group the plan kept: claim_paths)."""
    by_group: dict[str, list[str]] = {}
    for page in pages:
        if page.group and page.given is not None:
            by_group.setdefault(page.group, []).append(page.path)
    return {hashlib.sha256("\0".join(("group", group, templates, *paths)).encode("utf-8")).hexdigest(): paths
            for group, paths in by_group.items()}


def _group_keys(groups: Mapping[str, Sequence[str]], kept: Kept | None) -> dict[str, str]:
    """Each grouped page's key, by its path, as the store kept its group's (`_keep_groups`): one for each of the
    group's pages, in order, or none of them."""
    known: dict[str, str] = {}
    for name, paths in groups.items() if kept is not None else ():
        keys = kept.page_group(name)
        if keys is not None and len(keys) == len(paths):
            known.update(zip(paths, keys))
    return known


def _keep_groups(groups: Mapping[str, Sequence[str]], known: Mapping[str, str], named: Mapping[str, str],
                 kept: Kept) -> None:
    """Keep each group's keys as this build found them, when it found one for every page of it (a page whose
    input cannot be pickled has none, and its group is then never kept)."""
    for name, paths in groups.items():
        keys = [named.get(path) for path in paths]
        if all(keys) and any(known.get(path) != key for path, key in zip(paths, keys)):
            kept.keep_page_group(name, tuple(keys))
