"""The synthetic dossier as files: its YAML and seeds rendered as text, and written into a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from .cast import Entity, q
from .generator import Generator
from .words import ANNOTATIONS_PER_ARTICLE, MIN_ENTITIES, OUTLETS, default_entities


def _entities_yaml(groups: list[tuple[str, list[Entity]]]) -> str:
    lines = ["# yaml-language-server: $schema=../schemas/entities.schema.json"]
    for heading, entities in groups:
        lines += ["", f"# {heading}", ""]
        for e in sorted(entities, key=lambda e: e.id):
            lines += [f"{e.id}:", f"  name: {q(e.name)}", f"  kind: {e.kind}"]
            if e.aliases:
                lines.append(f"  aliases: [{', '.join(q(a) for a in e.aliases)}]")
            lines.append(f"  summary: {q(e.summary)}")
    return "\n".join(lines) + "\n"


def _article_yaml(art: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/article.schema.json", f"seed: {art['seed']}",
             f"title: {q(art['title'])}", f"source: {art['source']}", f"date: {art['date']}"]
    if art["wire"]:
        lines.append(f"wire: {q(art['wire'])}")
    lines.append("annotations:")
    for ann in art["annotations"]:
        lines.append(f"  - id: {ann['id']}")
        for key in ("quote", "prefix", "suffix"):
            if key in ann:
                lines.append(f"    {key}: {q(ann[key])}")
        lines.append(f"    kind: {ann['kind']}")
        if "speaker" in ann:
            lines.append(f"    speaker: {ann['speaker']}")
        lines.append(f"    note: {q(ann['note'])}")
        lines.append(f"    tags: [{', '.join(ann['tags'])}]")
        if ann.get("entities"):
            lines.append(f"    entities: [{', '.join(ann['entities'])}]")
    return "\n".join(lines) + "\n"


def _comparison_yaml(comp: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/comparison.schema.json", f"title: {q(comp['title'])}",
             f"question: {q(comp['question'])}", f"kind: {comp['kind']}"]
    for key in ("speaker", "base"):
        if key in comp:
            lines.append(f"{key}: {comp[key]}")
    lines.append("witnesses:")
    for w in comp["witnesses"]:
        lines.append(f"  - article: {w['article']}")
        for key in ("quote", "prefix", "suffix"):
            if key in w:
                lines.append(f"    {key}: {q(w[key])}")
        if "value" in w:
            value = w["value"]
            lines.append(f"    value: {int(value) if float(value).is_integer() else value}")
            lines.append(f"    unit: {q(w['unit'])}")
            lines.append(f"    qualifier: {w['qualifier']}")
    return "\n".join(lines) + "\n"


SITE_YAML = """\
# yaml-language-server: $schema=schemas/site.schema.json
title: "Synthetic dossier: {n} articles"
description: >-
  A generated dossier (bench/generate.py, seed {seed}) for benchmarks: {n} articles in {stories} stories,
  {annotations} annotations, {entities} entities and {comparisons} comparisons.
language: en
base_url: /
author: bench/generate.py
import:
  encoding: utf-8
  drop_lines:
    - pattern: '^Share this article$'
      why: share prompt
    - pattern: '^Advertisement$'
      why: advertisement label
    - pattern: '^Read more: '
      why: related-stories link
    - pattern: '^Photo: '
      why: photo credit
checks:
  anchor-fuzzy: warning
"""


def render_files(n_articles: int, seed: int, entities: int | None = None, comparisons: int | None = None
                 ) -> dict[str, str]:
    """Every file of the dossier as path → text, without touching the disk. `entities` and `comparisons`:
    None for the defaults (default_entities, default_comparisons)."""
    data = Generator(seed).dossier(n_articles, entities, comparisons)
    files: dict[str, str] = {}
    articles = [a for s in data["stories"] for a in s.articles]
    entities = data["people"] + data["orgs"] + data["places"]
    files["site.yaml"] = SITE_YAML.format(n=n_articles, seed=seed, stories=len(data["stories"]),
                                          annotations=sum(len(a["annotations"]) for a in articles),
                                          entities=len(entities), comparisons=len(data["comparisons"]))
    files["content/sources.yaml"] = "# yaml-language-server: $schema=../schemas/sources.schema.json\n" + "".join(
        f"{oid}:\n  name: {q(name)}\n  homepage: https://{oid}.example.org/\n  country: {q(country)}\n"
        for oid, name, country in sorted(OUTLETS))
    files["content/entities.yaml"] = _entities_yaml([("People", data["people"]), ("Organisations", data["orgs"]),
                                                     ("Places", data["places"])])
    for art in articles:
        files[f"seeds/{art['seed']}"] = art["seed_text"]
        files[f"content/articles/{art['slug']}.yaml"] = _article_yaml(art)
    for cid, comp in sorted(data["comparisons"].items()):
        files[f"content/comparisons/{cid}.yaml"] = _comparison_yaml(comp)
    return dict(sorted(files.items()))


def generate(out: Path, articles: int, seed: int = 1, force: bool = False, entities: int | None = None,
             comparisons: int | None = None) -> dict[str, int]:
    """Write a synthetic dossier into `out` (which must be empty or missing, unless `force`). `entities` and
    `comparisons`: None for the defaults. Returns counts: files, articles, annotations, entities, comparisons."""
    entities = default_entities(articles) if entities is None else entities
    if entities < MIN_ENTITIES:
        raise ValueError(f"entities must be at least {MIN_ENTITIES} (a story's cast)")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise FileExistsError(f"{out} is not empty (use --force to replace it)")
        for sub in ("seeds", "content", "site.yaml"):
            target = out / sub
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    files = render_files(articles, seed, entities, comparisons)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {"files": len(files), "articles": articles,
            "annotations": articles * ANNOTATIONS_PER_ARTICLE, "entities": entities,
            "comparisons": sum(1 for p in files if p.startswith("content/comparisons/"))}

