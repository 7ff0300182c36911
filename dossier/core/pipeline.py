"""build_site(inputs) → outputs + problems: the named stages, in order, each returning new values.

Stages: config → load (seeds cleaned, editors' files parsed) → check references → anchor → link entities →
compare → pages (view models) → render → check links. Every stage adds to the problem list instead of
stopping, so one build reports everything; the shell writes nothing when any error remains.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Callable, Mapping

from .placements import Placed, place
from .cleaning import CleanText, clean, decode_seed
from .config import SiteConfig, parse_site
from .errors import Problem, did_you_mean, error, has_errors, sort_problems, warning
from .load import parse_article, parse_comparison, parse_entities, parse_sources
from .memo import Memo, NoMemo, Prefilled, fingerprint
from .shards import ShardMap, map_chunks
from .model import Article, ArticleMeta, Comparison, Dossier, Entity, Source
from .references import check_references


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads, already in memory. Paths are relative, posix-style.

    `files`: the dossier (site.yaml, seeds/*, content/**); `templates`: name → Jinja source;
    `static`: name → bytes; `schemas`: name ("article") → parsed JSON Schema; `problems`: what the reader
    refused or could not read (a symbolic link leaving the dossier, a FIFO): errors of every build of these inputs.
    """

    files: Mapping[str, bytes]
    templates: Mapping[str, str]
    static: Mapping[str, bytes]
    schemas: Mapping[str, Mapping[str, Any]]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Options:
    base_url: str | None = None
    strict: bool = False


@dataclass(frozen=True)
class BuildResult:
    """outputs: output path → bytes (empty when errors, and when a sink took them); problems sorted; stubs:
    path → text for --import (for content/sources.yaml: entries to append); paths: every output path the build made (also when a sink took the bytes)."""

    outputs: Mapping[str, bytes]
    problems: tuple[Problem, ...]
    stubs: Mapping[str, str] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    base_path: str = "/"
    paths: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


@dataclass(frozen=True)
class Anchored:
    """An article with every annotation placed (annotations that failed to anchor are left out)."""

    article: Article
    placed: Mapping[str, Placed]   # annotation id → where


def _decoded(path: str, data: bytes, parse: Callable[[str], Any]) -> Any:
    """Run `parse` on the text of an editors' file, or report where the file is not UTF-8."""
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        return None, (error(path, line, col, f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                            "save it as UTF-8 in your editor", "file-encoding"),)
    return parse(text)


# The live preview passes a Memo (memo.py) so that a rebuild redoes only the work of files whose bytes
# changed: each per-file step below runs through `memo.get(step, path, bytes, settings, compute)`, where
# `settings` names everything else the step reads. Without a memo (a plain build) NoMemo computes every time.


def load_config(inputs: Inputs, options: Options, memo: Memo | None = None
                ) -> tuple[SiteConfig | None, tuple[Problem, ...]]:
    if "site.yaml" not in inputs.files:
        return None, (error("site.yaml", 0, 0, "site.yaml is missing", "create it with at least: title: My dossier",
                            "site-missing"),)
    memo = memo if memo is not None else NoMemo()
    return memo.get("site", "site.yaml", inputs.files["site.yaml"],
                    (fingerprint(inputs.schemas["site"]), options.base_url),
                    lambda: _decoded("site.yaml", inputs.files["site.yaml"], lambda text: parse_site(
                        "site.yaml", text, inputs.schemas["site"], options.base_url)))


def _parse(memo: Memo, inputs: Inputs, step: str, path: str, parse: Callable[[str, str, Any], Any],
           schema_keys: Mapping[str, str]) -> Any:
    """One editors' YAML file through its parser, by content (the result depends on path, text, schema)."""
    return memo.get(step, path, inputs.files[path], schema_keys[step],
                    lambda: _decoded(path, inputs.files[path], lambda text: parse(path, text, inputs.schemas[step])))


def _seed(path: str, data: bytes, config: SiteConfig) -> tuple[str | None, tuple[Problem, ...], CleanText | None]:
    text, more = decode_seed(path, data, config.encoding)
    return text, more, (clean(text, config) if text is not None else None)


def load_dossier(inputs: Inputs, config: SiteConfig, memo: Memo | None = None
                 ) -> tuple[Dossier, dict[str, str], list[Problem]]:
    """Parse every editors' file and clean every seed. Returns the dossier, raw seed texts, problems."""
    memo = memo if memo is not None else NoMemo()
    schema_keys = {name: fingerprint(schema) for name, schema in inputs.schemas.items()}
    problems: list[Problem] = []
    files = inputs.files
    seeds: dict[str, CleanText] = {}
    raw: dict[str, str] = {}
    for path in sorted(p for p in files if p.startswith("seeds/") and p.count("/") == 1):
        # Cleaning reads the whole config (its import rules), so the config is part of the key.
        text, more, cleaned = memo.get("seed", path, files[path], config, partial(_seed, path, files[path], config))
        problems += more
        if text is not None and cleaned is not None:
            raw[path[len("seeds/"):]] = text
            seeds[path[len("seeds/"):]] = cleaned
    sources: tuple[Source, ...] = ()
    broken: set[str] = set()
    if "content/sources.yaml" in files:
        parsed, more = _parse(memo, inputs, "sources", "content/sources.yaml", parse_sources, schema_keys)
        problems += more
        sources = parsed or ()
        if parsed is None:
            broken.add("sources")
    entities: list[Entity] = []
    entity_files = sorted(p for p in files if p == "content/entities.yaml" or
                          (p.startswith("content/entities/") and p.endswith(".yaml")))
    for path in entity_files:
        parsed_e, more = _parse(memo, inputs, "entities", path, parse_entities, schema_keys)
        problems += more
        entities += parsed_e or ()
        if parsed_e is None:
            broken.add("entities")
    metas: list[ArticleMeta] = []
    for path in sorted(p for p in files if p.startswith("content/articles/")):
        if not path.endswith(".yaml"):
            problems.append(warning(path, 0, 0, "ignored: article files end in .yaml", "rename it to <slug>.yaml",
                                    "file-ignored"))
            continue
        meta, more = _parse(memo, inputs, "article", path, parse_article, schema_keys)
        problems += more
        if meta is not None:
            metas.append(meta)
    comparisons: list[Comparison] = []
    unusable_comparisons = set()
    for path in sorted(p for p in files if p.startswith("content/comparisons/")):
        if not path.endswith(".yaml"):
            continue
        comp, more = _parse(memo, inputs, "comparison", path, parse_comparison, schema_keys)
        problems += more
        if comp is not None:
            comparisons.append(comp)
        else:
            unusable_comparisons.add(path.rsplit("/", 1)[-1][:-len(".yaml")])
    unreadable = {p[len("seeds/"):] for p in files if p.startswith("seeds/") and p.count("/") == 1} - set(seeds)
    parsed = {m.origin.file for m in metas}
    claimed = {seed for path in files if path.startswith("content/articles/") and path not in parsed
               for seed in seeds if seed in files[path].decode("utf-8", "replace")}
    articles, more, detached = _attach_seeds(metas, seeds, None if "sources" in broken else {s.id for s in sources},
                                             unreadable, claimed)
    problems += more
    unusable = {p.rsplit("/", 1)[-1][:-len(".yaml")] for p in files
                if p.startswith("content/articles/") and p.endswith(".yaml")} - {a.slug for a in articles}
    problems += _duplicate_ids("entity", [(e.id, e.origin.file, e.origin.line) for e in entities])
    first: dict[str, Entity] = {}
    for e in entities:  # a second definition is reported above; it would only add an output collision
        first.setdefault(e.id, e)
    entities = list(first.values())
    dossier = Dossier(config, tuple(sources), tuple(articles), tuple(sorted(entities, key=lambda e: e.id)),
                      tuple(comparisons), frozenset(broken), frozenset(unusable), frozenset(unusable_comparisons),
                      tuple(detached))
    return dossier, raw, problems


def _attach_seeds(metas: list[ArticleMeta], seeds: Mapping[str, CleanText], source_ids: set[str] | None,
                  unreadable: set[str] = frozenset(), claimed: set[str] = frozenset()
                  ) -> tuple[list[Article], list[Problem], list[ArticleMeta]]:
    """Pair article files with cleaned seeds. `unreadable`: seeds that exist but failed to decode (already
    reported); `claimed`: seeds named by article files that failed to parse (not "unused", just broken).
    Returns the articles, the problems, and the metadata left without a seed (still checked, not published)."""
    problems: list[Problem] = []
    articles = []
    detached = []
    used: dict[str, str] = {}
    for meta in metas:
        file = meta.origin.file
        if source_ids is not None and meta.source and meta.source not in source_ids:  # None: sources.yaml broken
            problems.append(error(file, *_pos(meta, "source"), f'unknown source "{meta.source}"',
                                  did_you_mean(meta.source, source_ids) or
                                  "outlets are the keys of content/sources.yaml; add it there or fix the id",
                                  "source-unknown"))
        if not meta.seed or meta.seed in unreadable:  # a `seed:` that is wrong, or a seed that is not text
            detached.append(meta)
            continue
        if meta.seed not in seeds:
            problems.append(error(file, *_pos(meta, "seed"), f'seed "{meta.seed}" not found in seeds/',
                                  did_you_mean(meta.seed, seeds) or "seed names are file names under seeds/",
                                  "seed-missing"))
            detached.append(meta)
            continue
        if meta.seed in used:
            problems.append(error(file, *_pos(meta, "seed"), f'seed "{meta.seed}" is already used by {used[meta.seed]}',
                                  "each seed belongs to one article file", "seed-taken"))
            detached.append(meta)
            continue
        used[meta.seed] = file
        problems += _unknowns(meta)
        if not seeds[meta.seed].paragraphs:
            problems.append(_empty_seed(meta, seeds[meta.seed]))
        articles.append(Article(meta, seeds[meta.seed]))
    for seed in sorted(set(seeds) - set(used) - set(claimed)):
        problems.append(warning(f"seeds/{seed}", 0, 0, "seed has no article file, so it is not published",
                                "run `python build.py --import` to write a stub in content/articles/", "seed-unused"))
    return sorted(articles, key=lambda a: (a.meta.date, a.slug)), problems, detached


def _empty_seed(meta: ArticleMeta, cleaned: CleanText) -> Problem:
    """An article whose seed has no text would publish a blank page: say so (an error under --strict)."""
    seed = f"seeds/{meta.seed}"
    why = (f"every line of {seed} is dropped by the import rules in site.yaml" if cleaned.dropped
           else f"{seed} is empty or holds only whitespace")
    return warning(meta.origin.file, *_pos(meta, "seed"), f"the article has no text: {why}",
                   f"put the article's text in {seed}, or delete {meta.origin.file} if it is not an article",
                   check="seed-empty")


def _unknowns(meta: ArticleMeta) -> list[Problem]:
    """A new article builds at once: a missing date or outlet is a warning (an error under --strict), and
    its page says so to readers."""
    file, line, col = meta.origin.file, meta.origin.line, meta.origin.col
    out = []
    if not meta.date and meta.date_origin is None:  # a `date:` that is wrong is reported as wrong, not as missing
        out.append(warning(file, line, col, 'undated: the article has no "date:" key',
                           'add "date: YYYY-MM-DD" (the day it was published); until then its page says '
                           '"Date unknown" and it is left off the timeline', "undated"))
    if not meta.source and meta.source_origin is None:
        out.append(warning(file, line, col, 'outlet unknown: the article has no "source:" key',
                           'add "source: <id>" with an outlet of content/sources.yaml; until then its page says '
                           '"Outlet unknown"', "outlet-unknown"))
    return out


def _pos(meta: ArticleMeta, key: str) -> tuple[int, int]:
    origin = {"seed": meta.seed_origin, "source": meta.source_origin}.get(key) or meta.origin
    return origin.line, origin.col


def _duplicate_ids(what: str, items: list[tuple[str, str, int]]) -> list[Problem]:
    seen: dict[str, tuple[str, int]] = {}
    out = []
    for ident, file, line in items:
        if ident in seen:
            out.append(error(file, line, 1, f'{what} id "{ident}" is defined twice',
                             f"the other definition is at {seen[ident][0]}:{seen[ident][1]}", "entity-duplicate-id"))
        seen.setdefault(ident, (file, line))
    return out


def anchor_all(dossier: Dossier, strict: bool, memo: Memo | None = None
               ) -> tuple[tuple[Anchored, ...], list[Problem], list[dict[str, Any]]]:
    """Place every annotation. Also returns one report row per annotation (for the editors' report)."""
    level = "error" if strict else dossier.config.level("anchor-fuzzy", "warning")
    memo = memo if memo is not None else NoMemo()
    problems: list[Problem] = []
    report = []
    out = []
    for article in dossier.articles:
        # Anchoring reads the whole Article (text, seed line numbers, annotations) and two settings.
        placed, more, rows = memo.get("anchor", article.meta.origin.file, article.text.text,
                                      (article, dossier.config.fuzzy_floor, level),
                                      partial(_anchor_article, article, dossier.config.fuzzy_floor, level))
        problems += more
        report += [dict(row) for row in rows]  # copies: callers may annotate rows, the memo's stay as they were
        out.append(Anchored(article, dict(placed)))
    return tuple(out), problems, report


def _anchor_article(article: Article, fuzzy_floor: float, level: str
                    ) -> tuple[dict[str, Placed], tuple[Problem, ...], tuple[dict[str, Any], ...]]:
    placed: dict[str, Placed] = {}
    problems: list[Problem] = []
    report = []
    for ann in article.meta.annotations:
        where, more, result = place(article, ann.quote, ann.prefix, ann.suffix, ann.origin,
                                    f'annotation "{ann.id}": quote', fuzzy_floor, level)
        problems += more
        report.append({"article": article.slug, "id": ann.id, "status": result.status,
                       "score": round(result.score), "file": ann.origin.file, "line": ann.origin.line,
                       "diff": result.diff})
        if where is not None:
            placed[ann.id] = where
    return placed, tuple(problems), tuple(report)


def apply_levels(problems: list[Problem], config: SiteConfig | None, strict: bool) -> tuple[Problem, ...]:
    """site.yaml's `checks:` may lower or raise a named check; --strict turns warnings into errors."""
    out = []
    for p in problems:
        level = config.level(p.check, p.severity) if (config and p.check) else p.severity
        if level == "ignore":
            continue
        if strict and level == "warning":
            level = "error"
        out.append(replace(p, severity=level))  # type: ignore[arg-type]
    return sort_problems(out)


def _read_ahead(inputs: Inputs, config: SiteConfig, shards: ShardMap) -> dict[tuple[str, str], Any]:
    """Seeds cleaned and article files parsed in shards: what load_dossier would compute for them, one by one."""
    files = inputs.files
    jobs = [("seed", p) for p in sorted(files) if p.startswith("seeds/") and p.count("/") == 1]
    jobs += [("article", p) for p in sorted(files) if p.startswith("content/articles/") and p.endswith(".yaml")]

    def work(job: tuple[str, str]) -> Any:
        step, path = job
        if step == "seed":
            return _seed(path, files[path], config)
        return _decoded(path, files[path], lambda text: parse_article(path, text, inputs.schemas["article"]))

    return dict(zip(jobs, map_chunks(shards, jobs, work)))


def _anchor_ahead(dossier: Dossier, strict: bool, shards: ShardMap) -> dict[tuple[str, str], Any]:
    """Every article's annotations placed in shards: what anchor_all would compute, article by article."""
    level = "error" if strict else dossier.config.level("anchor-fuzzy", "warning")
    articles = list(dossier.articles)
    placed = map_chunks(shards, articles, lambda a: _anchor_article(a, dossier.config.fuzzy_floor, level))
    return {("anchor", a.meta.origin.file): result for a, result in zip(articles, placed)}


def build_site(inputs: Inputs, options: Options = Options(), memo: Memo | None = None,
               sink: Any = None, shards: Any = None) -> BuildResult:
    """The whole build, in memory. Pure: the same inputs give byte-identical outputs.

    `memo` (optional, the live preview's): reuse per-file work from earlier builds by content hash; the
    result is the same as without it. `sink` and `shards` (optional, the command line's): hand each output to
    `sink` as it is made instead of keeping it, and render article pages through `shards` (a process pool);
    see site.render_site. With a sink, the caller must discard what it received when the result has errors.
    """
    from . import site  # the page stage imports Jinja and markdown-it; keep `load_config` cheap

    config, problems = load_config(inputs, options, memo)
    problems = tuple(inputs.problems) + tuple(problems)
    if config is None:
        return BuildResult({}, sort_problems(problems))
    ahead = shards is not None and memo is None  # a plain build with a pool: per-file work in shards first
    if ahead:
        memo = Prefilled(_read_ahead(inputs, config, shards))
    dossier, raw, more = load_dossier(inputs, config, memo)
    problems = list(problems) + more + check_references(dossier)
    if ahead:
        memo = Prefilled(_anchor_ahead(dossier, options.strict, shards))
    anchored, more, report = anchor_all(dossier, options.strict, memo)
    problems += more
    outputs, more, counts, owners = site.render_site(inputs, dossier, anchored, report, options.strict,
                                                     sink, shards or site.in_order)
    if has_errors(apply_levels(problems, config, options.strict)):
        # The inputs are already wrong: broken links in the output are consequences, not news.
        more = [p for p in more if p.check != "links" or not p.file.startswith("_site/")]
    problems += more
    final = apply_levels(problems, config, options.strict)
    if has_errors(final):
        return BuildResult({}, final, counts=counts, base_path=config.base_path)
    return BuildResult(outputs, final, counts=counts, base_path=config.base_path, paths=tuple(sorted(owners)))


def import_stubs(inputs: Inputs, options: Options = Options(),
                 article_ref: str = "../../schemas/article.schema.json") -> BuildResult:
    """Stub article files for seeds that have none (`--import`). Never proposes an existing path. New outlets
    named by the seeds come back under "content/sources.yaml" as text to append (never to write over)."""
    from .importer import stubs
    from .stubs import entries_text

    config, problems = load_config(inputs, options)
    if config is None:
        return BuildResult({}, sort_problems(tuple(inputs.problems) + tuple(problems)))
    dossier, raw, more = load_dossier(inputs, config)
    used = {a.meta.seed for a in dossier.articles}
    referenced = set()
    for path in inputs.files:
        if path.startswith("content/articles/"):
            text = inputs.files[path].decode("utf-8", "replace")
            referenced |= {s for s in raw if s in text}
    taken = {p.rsplit("/", 1)[-1][:-5] for p in inputs.files if p.startswith("content/articles/")}
    sources = {s.id: (s.name, s.homepage) for s in dossier.sources}
    new = {seed: (raw[seed], clean(raw[seed], config)) for seed in sorted(set(raw) - used - referenced)}
    found, entries = stubs(new, sources, taken, article_ref)
    if entries and "sources" not in dossier.broken:
        found["content/sources.yaml"] = entries_text(entries)
    return BuildResult({}, sort_problems(inputs.problems), found)  # a refused file is no seed to import
