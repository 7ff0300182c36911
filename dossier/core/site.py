"""The page stage: every output path, its owner, its view model and its bytes.

Features plug in as modules with two functions: `prepare(...)` (marks they add to article text, and their
problems) before articles render, and `pages(...)` after. Entities live in entity_pages.py, comparisons in
compare_pages.py; this module owns articles, home, sources, tags, the report and the exports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence, TypeVar

from . import compare_pages, entity_pages, reader_pages, structured, views, webanno
from .errors import Problem, error
from .linkcheck import LinkIndex, check_links
from .markdown import NoteMark, article_markdown, render_note, resolve_links_for_export
from .model import Dossier
from .render import Renderer
from .shards import SHARD_SIZE, ShardMap, in_order, run_chunks
from .urls import Urls


Sink = Callable[[str, bytes], None]


@dataclass(frozen=True)
class Part:
    """The outputs of a shard of the site: paths and owners, problems, links, and the bytes unless a sink took them."""

    owners: Mapping[str, str]
    problems: Sequence[Problem]
    links: LinkIndex
    outputs: Mapping[str, bytes]

T = TypeVar("T")


@dataclass
class SiteWriter:
    """Collects outputs with one owner per path (a collision names both inputs, as Eleventy does).

    Without a `sink` the outputs are kept in `outputs`; with one (the command line's), each output goes to the
    sink as soon as it is made and only its path, owner and links are kept, so memory does not grow with the
    size of the site."""

    dossier: Dossier
    urls: Urls
    renderer: Renderer
    sink: Sink | None = None
    shards: ShardMap = in_order
    problems: list[Problem] = field(default_factory=list)
    outputs: dict[str, bytes] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    links: LinkIndex = field(default_factory=LinkIndex)

    def _claim(self, path: str, owner: str) -> bool:
        """Make `owner` the owner of `path`; a path that already has one is a problem, and False."""
        if path in self.owners:
            self.problems.append(error(owner, 0, 0, f"output {path} is also written by {self.owners[path]}",
                                       "rename one of the two files", "output-collision"))
            return False
        self.owners[path] = owner
        return True

    def emit(self, path: str, owner: str, data: bytes) -> None:
        if not self._claim(path, owner):
            return
        if path.endswith(".html"):
            self.links.add(path, data)
        if self.sink is None:
            self.outputs[path] = data
        else:
            self.sink(path, data)

    def fork(self) -> "SiteWriter":
        """A writer for part of the site (one shard of articles), to be merged back with `absorb`."""
        return SiteWriter(self.dossier, self.urls, self.renderer, self.sink)  # shards do not nest

    def each(self, items: Sequence[Any], make: Callable[["SiteWriter", int, Any], T], size: int = 0) -> list[T]:
        """`make(writer, i, items[i])` for every item, in shards of `size` run through `self.shards` (so on
        both cores when the shell gives a process pool); each shard's pages are absorbed in order and the
        return values come back in order. `make` must only emit through the writer it is given."""
        def chunk(first: int, chunk_items: Sequence[Any]) -> tuple[Part, list[T]]:
            part = self.fork()
            values = [make(part, first + k, item) for k, item in enumerate(chunk_items)]
            return part.part(), values

        out: list[T] = []
        for part, values in run_chunks(self.shards, items, chunk, size or SHARD_SIZE):
            self.absorb(part)
            out += values
        return out

    def part(self) -> "Part":
        """What this writer made, without the renderer and model (so it can come back from another process)."""
        return Part(self.owners, self.problems, self.links, self.outputs)

    def absorb(self, part: "Part") -> None:
        for path, owner in part.owners.items():
            if self._claim(path, owner) and path in part.outputs:
                self.outputs[path] = part.outputs[path]
        self.problems.extend(part.problems)
        self.links.merge(part.links)

    def page(self, path: str, owner: str, template: str, title: str, meta: Mapping[str, str] | None = None,
             **context: Any) -> None:
        """Render one page. `meta` overrides page metadata (description, og_type, outlet, jsonld)."""
        ctx = views.common(self.dossier, self.urls, self.urls.link(path), title)
        ctx["page"].update(meta or {})
        ctx.update(context)
        data, more = self.renderer.render(template, ctx, path)
        self.problems.extend(more)
        if not more:
            self.emit(path, owner, data)

    def note_html(self, text: str) -> str:
        """An editor's Markdown note as HTML (a refused link target renders as plain text; references.py
        reports it, at its own line, before anything renders)."""
        return render_note(text, self.urls.resolve_note_link)[0]

    def block_html(self, text: str) -> str:
        """An editors' Markdown field (summary, description) as block HTML; links as in `note_html`."""
        return views.md_html(text, self.urls)[0]


@dataclass(frozen=True)
class _ArticleContext:
    """What every article page reads besides its own article (shared by the shards)."""

    dossier: Dossier
    urls: Urls
    sources: Mapping[str, Any]
    names: Mapping[str, str]
    by_id: Mapping[str, Any]
    entities: Any
    comparisons: Any
    order: Sequence[str]


def _article_pages(site: SiteWriter, ctx: _ArticleContext, index: int, item: Any) -> dict[str, Any]:
    """Emit one article's page, Markdown and annotation page; return its row for the listings."""
    dossier, urls = ctx.dossier, ctx.urls
    article, meta = item.article, item.article.meta
    file = meta.origin.file
    source_name = ctx.sources[meta.source].name if meta.source in ctx.sources else meta.source
    notes, ann_rows, notes_html = [], [], {}
    for ann in meta.annotations:
        where = item.placed.get(ann.id)
        if where is None:
            continue
        notes.append(NoteMark(ann.id, where.start, where.end,
                              resolve_links_for_export(ann.note, urls.resolve_note_link), ann.kind))
        body_html = site.note_html(ann.note)
        speaker = (ctx.names[ann.speaker], urls.entity(ann.speaker)) if ann.speaker in ctx.names else None
        quote = article.text.text[where.start:where.end]
        at_source = structured.text_fragment(meta.url, quote) if meta.url else ""
        notes_html[ann.id] = views.sidenote_html(body_html, ann.kind, speaker,
                                                 [(t, urls.tag(t)) for t in ann.tags], at_source)
        ann_rows.append({"id": ann.id, "quote": quote, "kind": ann.kind, "verdict": ann.verdict,
                         "at_source": at_source, "speaker": ann.speaker, "date": ann.date,
                         "tags": [{"name": t, "url": urls.tag(t)} for t in ann.tags],
                         "url": urls.annotation(meta.slug, ann.id), "note_html": body_html,
                         "status": where.status,
                         "article": {"slug": meta.slug, "title": meta.title, "url": urls.article(meta.slug),
                                     "date": meta.date, "source": source_name}})
    src = views.article_source(article, notes, ctx.entities.links.get(meta.slug, ()),
                               ctx.comparisons.badges.get(meta.slug, ()), source_name)
    md_text = article_markdown(src)
    view = views.article_view(article, ctx.sources.get(meta.source), src, md_text, notes_html, urls, ann_rows,
                              site.block_html(meta.summary))
    site.emit(f"articles/{meta.slug}.md", file, md_text.encode("utf-8"))
    mentioned = sorted({m.entity for m in ctx.entities.links.get(meta.slug, ())} |
                       {e for a in meta.annotations for e in a.entities})
    jsonld = structured.news_article(
        dossier, article, dossier.config.origin + urls.article(meta.slug), source_name,
        [(ctx.by_id[e], dossier.config.origin + urls.entity(e)) for e in mentioned if e in ctx.by_id],
        [{"url": dossier.config.origin + r["url"], "quote": r["quote"], "verdict": r["verdict"]}
         for r in ann_rows if r["kind"] == "fact-check" and r["verdict"]])
    site.page(f"articles/{meta.slug}/index.html", file, "article.html", meta.title,
              meta={"og_type": "article", "outlet": source_name, "jsonld": jsonld,
                    "description": (meta.summary or meta.title)[:200]},
              article=view, cards=ctx.entities.cards.get(meta.slug, []))
    site.emit(f"articles/{meta.slug}/annotations.jsonld", file,
              webanno.page_json(dossier, item, urls, ctx.order, index))
    return {"slug": meta.slug, "title": meta.title, "url": urls.article(meta.slug),
            "date": meta.date, "source": source_name, "source_id": meta.source,
            "wire": meta.wire, "annotations": len(ann_rows), "summary_html": view["summary_html"],
            "annotation_rows": ann_rows}


def render_site(inputs: Any, dossier: Dossier, anchored: Sequence[Any], report: Sequence[Mapping[str, Any]],
                strict: bool = False, sink: Sink | None = None, shards: ShardMap = in_order
                ) -> tuple[dict[str, bytes], list[Problem], dict[str, int], Mapping[str, str]]:
    """Every output of the site. Returns (outputs kept in memory, problems, counts, every path → its owner);
    with a `sink`, outputs go there instead of into the returned dict. `shards` may run the article pages in
    other processes (each shard's writer goes back through `SiteWriter.absorb`); the result is the same."""
    urls = Urls(dossier.config.base_path)
    site = SiteWriter(dossier, urls, Renderer(inputs.templates), sink, shards)
    entities = entity_pages.prepare(dossier, anchored, urls)
    site.problems.extend(entities.problems)
    comparisons = compare_pages.prepare(dossier, anchored, urls, strict)
    site.problems.extend(comparisons.problems)
    ctx = _ArticleContext(dossier, urls, {s.id: s for s in dossier.sources}, {e.id: e.name for e in dossier.entities},
                          {e.id: e for e in dossier.entities}, entities, comparisons,
                          [a.article.slug for a in anchored])

    site.renderer.warm("article.html")  # compiled once here, not again in every worker process
    article_rows = site.each(anchored, lambda part, i, item: _article_pages(part, ctx, i, item))
    tags: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in article_rows:
        for ann in row["annotation_rows"]:
            for t in ann["tags"]:
                tags[t["name"]].append(ann)

    site.page("index.html", "site.yaml", "home.html", dossier.config.title,
              meta={"jsonld": structured.website(dossier, dossier.config.origin + urls.home)}, articles=article_rows,
              description_html=site.block_html(dossier.config.description),
              counts={"entities": len(dossier.entities), "comparisons": len(dossier.comparisons),
                      "annotations": sum(r["annotations"] for r in article_rows)},
              comparisons=[{"title": c.title, "url": urls.comparison(c.id), "question": c.question, "kind": c.kind}
                           for c in sorted(dossier.comparisons, key=lambda c: (c.kind != "quote", c.title))],
              links={"compare": urls.page("compare"), "entities": urls.page("entities"),
                     "timeline": urls.page("timeline"), "passages": urls.page("passages")})
    source_rows = [{"id": s.id, "name": s.name, "homepage": s.homepage, "country": s.country, "note": s.note,
                    "articles": [r for r in article_rows if r["source_id"] == s.id]} for s in dossier.sources]
    site.page("sources/index.html", "content/sources.yaml", "sources.html", "Sources", sources=source_rows,
              coverage=comparisons.coverage)
    site.page("tags/index.html", "content/articles", "tags.html", "Tags",
              tags=[{"name": t, "url": urls.tag(t), "count": len(rows)} for t, rows in sorted(tags.items())])
    for t, rows in sorted(tags.items()):
        site.page(f"tags/{t}/index.html", "content/articles", "tag.html", f"Tag: {t}", tag=t, annotations=rows)
    site.page("report/index.html", "content/articles", "report.html", "Anchoring report",
              rows=[dict(r, url=urls.annotation(r["article"], r["id"]) if r["status"] in
                         ("exact", "disambiguated", "fuzzy") else "") for r in report])
    site.page("404.html", "templates/404.html", "404.html", "Page not found")
    site.emit("annotations.jsonld", "content/articles", webanno.collection_json(dossier, anchored, urls))
    compare_pages.pages(site, comparisons, article_rows)  # first: entity pages link to comparison pages
    entity_pages.pages(site, entities, article_rows)
    reader_pages.pages(site, anchored, article_rows, entities.links)
    for name, data in sorted(inputs.static.items()):
        site.emit(f"static/{name}", f"static/{name}", data)
    site.problems.extend(check_links(site.links, site.owners, urls.base))
    counts = {"pages": sum(1 for p in site.owners if p.endswith(".html")), "files": len(site.owners),
              "articles": len(anchored), "annotations": len(report)}
    for row in report:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return site.outputs, site.problems, counts, dict(site.owners)
