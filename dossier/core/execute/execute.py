"""Execute: the plan rendered, its links indexed and checked, each output handed to a sink or kept.

The one place where pages become bytes. Work is split into ranges of the plan run through a ShardMap (the
shell's `parallel.fork_shards` renders each range in a forked worker, which writes its outputs into the
stage); each range gives back its paths, link index and problems, merged here in plan order, so a build is
byte-identical however it was split.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import copyreg
import hashlib
import io
import pickle
from typing import Any, Callable, Sequence

from ..analyse.library import Anchored
from ..common import shards as sharding
from ..common.errors import Problem
from ..common.memo import Kept
from .linkcheck import LinkIndex, check_links
from ..plan.page import Page
from .render import Renderer
from ..common.shards import ShardMap, in_order, run_chunks

Sink = Callable[[str, bytes], None]


@dataclass(frozen=True)
class Rendered:
    """What rendering some pages gave: the paths made (in plan order; a page that failed to render is not
    among them), the bytes (unless a sink took them), the links of the HTML pages, problems; and for a store of
    kept outputs (memo.Kept), the keys of the keyed pages (`keys`, see `page_key`) and what to keep of those
    rendered anew (`fresh`: key → the store's entry)."""

    paths: tuple[str, ...]
    outputs: dict[str, bytes]
    links: LinkIndex
    problems: tuple[Problem, ...]
    keys: tuple[str, ...] = ()
    fresh: dict[str, Any] = field(default_factory=dict)


_LAST: list[Any] = []  # [value, its digest]: the pages of one article share one input value, pickled once


def _digested(digest: str) -> str:
    """What an analysed article stands as in a page key: its digest (never unpickled)."""
    return digest


def _anchored(item: Anchored) -> Any:
    """An analysed article in a page key: its digest, which names everything it was made from (Anchored);
    written out in full when it has none."""
    return (_digested, (item.digest,)) if item.digest else item.__reduce_ex__(5)


_DISPATCH = {**copyreg.dispatch_table, Anchored: _anchored}  # (copyreg's own entries pickle re.Pattern &c.)


def _pickled_digest(value: Any) -> str:
    out = io.BytesIO()
    writer = pickle.Pickler(out, protocol=5)
    # Without its memo, pickle writes each value in full wherever it occurs, so the bytes depend only on the
    # values, not on which of them happen to be one shared object (that differs between a build that computed
    # the Library and one that read parts of it from the cache). Inputs are trees: no value contains itself.
    writer.fast = True
    writer.dispatch_table = _DISPATCH  # (a type lookup in C: no Python call for other objects)
    writer.dump(value)
    return hashlib.sha256(out.getbuffer()).hexdigest()


def _value_digest(value: Any) -> str | None:
    """sha256 of `value` pickled (see `_pickled_digest`); None when it cannot be pickled."""
    if _LAST and _LAST[0] is value:
        return _LAST[1]
    try:
        digest = _pickled_digest(value)
    except Exception:  # noqa: BLE001 - an unpicklable input is simply rendered every time
        return None
    _LAST[:] = [value, digest]
    return digest


def page_key(page: Page, value: Any, templates: str) -> str | None:
    """The digest that names a keyed page's bytes (page.keyed): its path, template, view function and explicit
    input `value`, and `templates` (a digest of every template, since one may include any other). The code's
    version is the store's part (cache.py). None when the value cannot be pickled (the page is then rendered).
    Pickle is exact: different values never share a key; equal values pickled differently only cost a miss."""
    digest = _value_digest(value)
    if digest is None:
        return None
    view = page.view
    name = f"{getattr(view, '__module__', '')}.{getattr(view, '__qualname__', repr(view))}"
    parts = (page.path, page.template or "", templates if page.template else "", name, digest)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _output(page: Page, renderer: Renderer, kept: Kept | None, done: tuple[list[str], dict[str, Any]],
            links: LinkIndex) -> tuple[bytes | None, tuple[Problem, ...]]:
    """The page's bytes and problems, its links indexed. A keyed page (page.keyed) with a store `kept`: the
    bytes kept under its key when there are some (with the links found in them then, if the store kept
    those; None for bytes the sink holds already), else rendered from the input gathered for the key.
    `done`: the keys seen, and the entries to keep of the pages rendered anew (only a clean render is kept)."""
    make, key, found = page.make, None, None
    if kept is not None and page.given is not None and page.view is not None:
        value, view = page.given(), page.view
        make = lambda: view(value)  # noqa: E731 - the input is gathered once, for the key and the view
        key = page_key(page, value, renderer.digest)
        if key is not None:
            done[0].append(key)
            found = kept.get(key, page.path)
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
            seen = links.add(page.path, body)
        else:
            links.put(page.path, seen)
    if key is not None and found is None:
        done[1][key] = kept.entry(body, seen)  # type: ignore[union-attr]
    return body, ()


def render_pages(pages: Sequence[Page], renderer: Renderer, sink: Sink | None = None,
                 kept: Kept | None = None) -> Rendered:
    """Render `pages` in order; each output goes to `sink` as soon as it is made, else into `outputs`. With
    `kept`, a keyed page whose key is kept is not rendered: its bytes are the kept ones."""
    paths: list[str] = []
    outputs: dict[str, bytes] = {}
    links = LinkIndex()
    problems: list[Problem] = []
    done: tuple[list[str], dict[str, Any]] = ([], {})
    for page in pages:
        body, more = _output(page, renderer, kept, done, links)
        if more:
            problems += more
            continue
        paths.append(page.path)
        if body is None:
            continue  # a kept page the sink already holds, as it is (memo.Kept.get)
        if sink is None:
            outputs[page.path] = body
        else:
            sink(page.path, body)
    return Rendered(tuple(paths), outputs, links, tuple(problems), tuple(done[0]), done[1])


def execute(pages: Sequence[Page], renderer: Renderer, base: str, sink: Sink | None = None,
            shards: ShardMap = in_order, kept: Kept | None = None) -> Rendered:
    """Every page rendered (in ranges through `shards`), then every internal link checked against the paths
    made (`base`: the site's base path). Returns all paths, outputs (none with a sink), links and problems.
    `kept` (optional): outputs of earlier builds by page key, reused and added to (see `render_pages`)."""
    renderer.compile(sorted({p.template for p in pages if p.template}))
    _LAST.clear()
    parts = run_chunks(shards, pages, lambda _, chunk: render_pages(chunk, renderer, sink, kept),
                       sharding.SHARD_SIZE)
    paths: list[str] = []
    outputs: dict[str, bytes] = {}
    links = LinkIndex()
    problems: list[Problem] = []
    keys: list[str] = []
    fresh: dict[str, Any] = {}
    for part in parts:
        paths += part.paths
        outputs.update(part.outputs)
        links.merge(part.links)
        problems += part.problems
        keys += part.keys
        fresh.update(part.fresh)
    _LAST.clear()
    if kept is not None:
        kept.keep_pages(fresh, keys)
    problems += check_links(links, set(paths), base)
    return Rendered(tuple(paths), outputs, links, tuple(problems), tuple(keys), fresh)
