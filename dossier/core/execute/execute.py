"""Execute: the plan rendered, its links indexed and checked, each output handed to a sink or kept.

The one place where pages become bytes. Work is split into ranges of the plan run through a ShardMap (the
shell's `parallel.fork_shards` renders each range in a forked worker, which writes its outputs into the
stage); each range gives back its paths, link index and problems, merged here in plan order, so a build is
byte-identical however it was split.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..common import shards as sharding
from ..common.errors import Problem
from .linkcheck import LinkIndex, check_links
from ..plan.page import Page
from .render import Renderer
from ..common.shards import ShardMap, in_order, run_chunks

Sink = Callable[[str, bytes], None]


@dataclass(frozen=True)
class Rendered:
    """What rendering some pages gave: the paths made (in plan order; a page that failed to render is not
    among them), the bytes (unless a sink took them), the links of the HTML pages, and problems."""

    paths: tuple[str, ...]
    outputs: dict[str, bytes]
    links: LinkIndex
    problems: tuple[Problem, ...]


def render_pages(pages: Sequence[Page], renderer: Renderer, sink: Sink | None = None) -> Rendered:
    """Render `pages` in order; each output goes to `sink` as soon as it is made, else into `outputs`."""
    paths: list[str] = []
    outputs: dict[str, bytes] = {}
    links = LinkIndex()
    problems: list[Problem] = []
    for page in pages:
        if page.template is None:
            body = page.make()
        else:
            body, more = renderer.render(page.template, page.make(), page.path)
            if more:
                problems += more
                continue
        paths.append(page.path)
        if page.path.endswith(".html"):
            links.add(page.path, body)
        if sink is None:
            outputs[page.path] = body
        else:
            sink(page.path, body)
    return Rendered(tuple(paths), outputs, links, tuple(problems))


def execute(pages: Sequence[Page], renderer: Renderer, base: str, sink: Sink | None = None,
            shards: ShardMap = in_order) -> Rendered:
    """Every page rendered (in ranges through `shards`), then every internal link checked against the paths
    made (`base`: the site's base path). Returns all paths, outputs (none with a sink), links and problems."""
    renderer.compile(sorted({p.template for p in pages if p.template}))
    parts = run_chunks(shards, pages, lambda _, chunk: render_pages(chunk, renderer, sink), sharding.SHARD_SIZE)
    paths: list[str] = []
    outputs: dict[str, bytes] = {}
    links = LinkIndex()
    problems: list[Problem] = []
    for part in parts:
        paths += part.paths
        outputs.update(part.outputs)
        links.merge(part.links)
        problems += part.problems
    problems += check_links(links, set(paths), base)
    return Rendered(tuple(paths), outputs, links, tuple(problems))
