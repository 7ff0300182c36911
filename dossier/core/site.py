"""The page stage: every output path, its owner, its view model and its bytes."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Mapping, Sequence

from .errors import Problem, error
from .linkcheck import check_links
from .markdown import NoteMark, article_markdown, render_note
from .model import Dossier
from .render import Renderer
from .urls import Urls
from . import views, webanno


def render_site(inputs: Any, dossier: Dossier, anchored: Sequence[Any], report: Sequence[Mapping[str, Any]]
                ) -> tuple[dict[str, bytes], list[Problem], dict[str, int]]:
    urls = Urls(dossier.config.base_path)
    renderer = Renderer(inputs.templates)
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    outputs: dict[str, bytes] = {}
    sources = {s.id: s for s in dossier.sources}

    def emit(path: str, owner: str, data: bytes) -> None:
        if path in owners:  # two inputs claim one output path: name both (Eleventy's rule)
            problems.append(error(owner, 0, 0, f"output {path} is also written by {owners[path]}",
                                  "rename one of the two files"))
            return
        owners[path] = owner
        outputs[path] = data

    def page(path: str, owner: str, template: str, title: str, **context: Any) -> None:
        ctx = views.common(dossier, urls, urls.link(path), title)
        ctx.update(context)
        data, more = renderer.render(template, ctx, path)
        problems.extend(more)
        if not more:
            emit(path, owner, data)

    def note_html(text: str, file: str, line: int, col: int) -> str:
        html, refused = render_note(text, urls.resolve_note_link)
        for target in refused:
            problems.append(error(file, line, col, f'link target "{target}" is not allowed in a note',
                                  "use http(s), mailto, a site path such as /articles/<slug>/, or "
                                  "article:, entity:, compare:, tag: links", "links"))
        return html

    tags: dict[str, list[dict[str, Any]]] = defaultdict(list)
    article_rows = []
    for item in anchored:
        article, meta = item.article, item.article.meta
        file = meta.origin.file
        notes = []
        ann_rows = []
        notes_html: dict[str, str] = {}
        for ann in meta.annotations:
            where = item.placed.get(ann.id)
            if where is None:
                continue
            notes.append(NoteMark(ann.id, where.start, where.end, ann.note, ann.kind))
            notes_html[ann.id] = note_html(ann.note, file, ann.origin.line, ann.origin.col)
            row = {"id": ann.id, "quote": article.text.text[where.start:where.end], "kind": ann.kind,
                   "tags": [{"name": t, "url": urls.tag(t)} for t in ann.tags], "url": urls.annotation(meta.slug, ann.id),
                   "note_html": notes_html[ann.id], "status": where.status,
                   "article": {"title": meta.title, "url": urls.article(meta.slug), "date": meta.date,
                               "source": sources[meta.source].name if meta.source in sources else meta.source}}
            ann_rows.append(row)
            for t in ann.tags:
                tags[t].append(row)
        source_name = sources[meta.source].name if meta.source in sources else meta.source
        src = views.article_source(article, notes, source_name=source_name)
        md_text = article_markdown(src)
        summary_html, refused = views.md_html(meta.summary, urls)
        problems.extend(error(file, 0, 0, f'link target "{t}" is not allowed', "", "links") for t in refused)
        view = views.article_view(article, sources.get(meta.source), src, md_text, notes_html, urls, ann_rows,
                                  summary_html)
        emit(f"articles/{meta.slug}.md", file, md_text.encode("utf-8"))
        page(f"articles/{meta.slug}/index.html", file, "article.html", meta.title, article=view)
        emit(f"articles/{meta.slug}/annotations.jsonld", file,
             webanno.page_json(dossier, item, urls, [a.meta.slug for a in (x.article for x in anchored)]))
        article_rows.append({"slug": meta.slug, "title": meta.title, "url": urls.article(meta.slug),
                             "date": meta.date, "source": source_name, "source_id": meta.source,
                             "wire": meta.wire, "annotations": len(ann_rows), "summary_html": summary_html})

    description_html, _ = views.md_html(dossier.config.description, urls)
    page("index.html", "site.yaml", "home.html", dossier.config.title, articles=article_rows,
         description_html=description_html)
    source_rows = [{"id": s.id, "name": s.name, "homepage": s.homepage, "country": s.country, "note": s.note,
                    "articles": [r for r in article_rows if r["source_id"] == s.id]} for s in dossier.sources]
    page("sources/index.html", "content/sources.yaml", "sources.html", "Sources", sources=source_rows)
    tag_rows = [{"name": t, "url": urls.tag(t), "count": len(rows)} for t, rows in sorted(tags.items())]
    page("tags/index.html", "content/articles", "tags.html", "Tags", tags=tag_rows)
    for t, rows in sorted(tags.items()):
        page(f"tags/{t}/index.html", "content/articles", "tag.html", f"Tag: {t}", tag=t, annotations=rows)
    page("report/index.html", "content/articles", "report.html", "Anchoring report",
         rows=[dict(r, url=urls.annotation(r["article"], r["id"]) if r["status"] in ("exact", "disambiguated", "fuzzy")
                    else "") for r in report])
    page("404.html", "templates/404.html", "404.html", "Page not found")
    emit("annotations.jsonld", "content/articles", webanno.collection_json(dossier, anchored, urls))
    for name, data in sorted(inputs.static.items()):
        emit(f"static/{name}", f"static/{name}", data)
    problems.extend(check_links(outputs, urls.base))
    counts = {"pages": sum(1 for p in outputs if p.endswith(".html")), "files": len(outputs),
              "articles": len(anchored), "annotations": sum(len(a.placed) for a in anchored)}
    return outputs, problems, counts
