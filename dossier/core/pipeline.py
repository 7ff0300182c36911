"""build_site(inputs) → outputs + problems: load → analyse → plan → execute, each stage returning new values.

- load (loader.py): every file parsed into the frozen Dossier, references checked;
- analyse (library.py): the Dossier → one Library (annotations and witnesses anchored, mentions linked,
  comparisons aligned, passages found, notes rendered);
- plan (plan.py): the Library → every Page (path, owner, depends-on keys, what renders it), ownership checked;
- execute (execute.py): the pages rendered, handed to the sink or kept, every internal link checked.
Every stage adds to the problem list instead of stopping, so one build reports everything; the shell writes
nothing when any error remains.
"""

from __future__ import annotations

from dataclasses import field, replace
from functools import partial
from typing import TYPE_CHECKING, AbstractSet, Any, Callable, Mapping, Sequence

from .load.cleaning import clean
from .load.config import SiteConfig, split_base_url
from .common.errors import Problem, has_errors, sort_problems
from .load.inputs import Inputs, Options
from .load.deleted import after_deleted_article
from .load.id_hints import with_id_hints
from .load.renamed import at_definitions
from .load.loader import load_config, load_dossier
from .load.misread import said_at_encoding
from .load.device_names import static_names
from .common.memo import Memo, Reuse
from .load.references import Names, checked_references
from .common.shards import ShardMap, in_order, sharded
from .common.records import frozen
from .common.slugs import file_stem

if TYPE_CHECKING:  # analyse, plan and execute import markdown-it and Jinja: imported when a build runs (below),
    # so that reading a dossier (fs.read_inputs, --suggest, --import) stays cheap
    from .execute.execute import Rendered, Sink
    from .execute.first import First
    from .analyse.library import Library
    from .load.model import Dossier

__all__ = ["BuildResult", "Inputs", "Options", "Superseded", "apply_levels", "build_site", "import_stubs",
           "load_config", "load_dossier"]


class Superseded(Exception):
    """A build given up halfway because `cancelled()` said so (the live preview's: a newer save came, whose
    own build makes everything this one would have). It made nothing; what the memo kept stays valid."""


def _go_on(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise Superseded()


def _checked(shards: ShardMap, cancelled: Callable[[], bool] | None) -> ShardMap:
    """`shards`, asking `cancelled` before each task: a page range is the longest stretch a given-up build runs
    on. (Only for a build in this process: the live preview's; a process pool's tasks are not checked.)"""
    if cancelled is None or shards is not in_order:
        return shards
    return lambda task, n: shards(lambda i: (_go_on(cancelled), task(i))[1], n)


@frozen
class BuildResult:
    """outputs: output path → bytes (empty when errors, and when a sink took them); problems sorted; stubs:
    path → text for --import (for content/sources.yaml: entries to append); paths: every output path the build made (also when a sink took the bytes)."""

    outputs: Mapping[str, bytes]
    problems: tuple[Problem, ...]
    stubs: Mapping[str, str] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    unchecked: tuple[str, ...] = ()   # the article files whose annotations were not anchored (`_unchecked`)
    # the registry files whose references were not checked: (step, file, the first line from which the ids it
    # defines are not known), of a file that could not be read and whose text does not tell them all (registry_ids.py)
    unjudged: tuple[tuple[str, str, int], ...] = ()
    base_path: str = "/"
    paths: tuple[str, ...] = ()
    search_part_pages: int = SiteConfig.search_part_pages   # site.yaml's: pages per search-index part

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


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


def _counts(library: "Library", done: "Rendered") -> dict[str, int]:
    """Pages and files made, articles, annotations, and annotations by anchoring status (the summary line)."""
    counts = {"pages": sum(1 for p in done.paths if p.endswith(".html")), "files": len(done.paths),
              "articles": len(library.articles), "annotations": len(library.report)}
    for row in library.report:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return counts


def _unchecked(files: Mapping[str, bytes], dossier: "Dossier", unread: AbstractSet[str] = frozenset()
               ) -> tuple[str, ...]:
    """The article files whose annotations were not checked against their text, each for an error of its own: not
    read (a YAML syntax error, a .yml, in the wrong place), without a seed (not found, taken, a slug taken), or with
    its annotations under a misspelt key. The summary line said "84 annotations" as if those were all there are
    (review: a YAML syntax error hid a file's annotations without a word). A comparison put in content/articles/
    has none (misplaced.py)."""
    from .load.ignored import misnamed_articles

    checked = {a.meta.origin.file for a in dossier.articles if not a.meta.unread_annotations}
    checked |= {file for file, kind in dossier.misplaced if kind != "article"}
    refused = {p for p in unread if p.startswith("content/articles/") and p.endswith(".yaml")}  # (linked out)
    return tuple(sorted([p for p in {*files, *refused} if p.startswith("content/articles/") and p not in checked and
                         p.endswith(".yaml")] + misnamed_articles(files) +
                        [file for file, kind in dossier.misplaced if kind == "article"]))


def _not_checked(inputs: Inputs, dossier: "Dossier") -> dict[str, tuple[Any, ...]]:
    """What the summary line says was not checked (BuildResult's `unchecked` and `unjudged`): the article files
    whose annotations were not, and the registry files whose references were not, because the file could not be
    read and its text does not tell every id it defines (registry_ids.py)."""
    return {"unchecked": _unchecked(inputs.files, dossier, inputs.unread),
            "unjudged": tuple((d.step, d.file, d.hidden_from) for d in dossier.defined if not d.complete)}


def build_site(inputs: Inputs, options: Options = Options(), memo: "Memo | Reuse | None" = None,
               sink: "Sink | None" = None, shards: ShardMap | None = None, compiled: Any = None,
               first: "First | None" = None, cancelled: Callable[[], bool] | None = None) -> BuildResult:
    """The whole build, in memory. Pure: the same inputs give byte-identical outputs.

    `memo` (optional: the live preview's Memo, or the command line's persistent cache, shell/cache.py): reuse
    per-file and per-article work, and the outputs of keyed pages (plan/page.py `keyed`), from earlier builds by
    content hash; the result is the same as without it. `sink` and `shards` (optional, the command line's): hand each
    output to `sink` as it is made instead of keeping it, and run loading, analysis and rendering through
    `shards` (a process pool, see execute.py). With a sink, the caller must discard what it received when the
    result has errors. `compiled` (optional, the command line's): a jinja2 bytecode cache, templates compiled by
    earlier runs (execute/render.py). `first` (optional, the live preview's): the pages of the files just saved,
    planned alone, rendered and handed over as soon as the analysis is done, before the rest of the plan, unless
    loading or analysis found errors (execute/first.py). `cancelled` (optional, the live preview's): asked between the stages and before each range
    of pages; once it answers True the build stops by raising `Superseded`.
    """
    from .execute.execute import execute
    from .analyse.library import analyse
    from .plan.plan import owned, plan
    from .execute.render import Renderer

    if first is not None and first.last is not None and isinstance(memo, Memo):
        _ahead(first, inputs, options, memo)
    config, found = load_config(inputs, options)
    problems = list(inputs.problems) + list(found) + static_names(inputs.static)  # (published as they are)
    if config is None:  # no seed can be read without site.yaml; the editors' files can, with each other
        return BuildResult({}, sort_problems(problems + _without_site(inputs, options)))
    # Per-file and per-article work: reused by content through the preview's memo or the persistent cache
    # (which computes its misses in shards itself), else computed in shards.
    each = memo.each if memo is not None else sharded(shards or in_order)
    dossier, raw, more = load_dossier(inputs, config, each)
    _go_on(cancelled)
    library = analyse(dossier, options.strict, each, getattr(memo, "each_later", None), raw)
    referenced, names = checked_references(dossier, each)
    # (the quotes site.yaml's `encoding:` breaks, said by its problem: misread.py)
    found = said_at_encoding([*with_id_hints(more, dossier), *referenced, *library.problems], dossier)
    problems += after_deleted_article(at_definitions(found, dossier, partial(_mentioned, library), inputs.files,
                                                     raw), dossier, raw)
    renderer = Renderer.for_templates(inputs.templates, compiled)
    _go_on(cancelled)
    rows = None
    if first is not None and not has_errors(apply_levels(problems, config, options.strict)):
        rows = _first(first, inputs, options, library, renderer, memo, names)
    pages, collisions = plan(library, inputs.static, owned(library, rows=rows, each=each), lambda: _go_on(cancelled))
    problems += collisions
    _go_on(cancelled)
    # The keyed pages' outputs are kept by the same memo or cache, by page key (keys.page_key)
    done = execute(pages, renderer, library.urls.base, sink, _checked(shards or in_order, cancelled), memo,
                   (inputs.own_templates, inputs.added_templates), inputs.files)
    return replace(_result(problems, done, library, config, options), **_not_checked(inputs, dossier))


def _without_site(inputs: Inputs, options: Options) -> list[Problem]:
    """What one run still finds while site.yaml is unusable: each editors' file's own problems and the
    references between the files (sources, entities, witnesses, bases, links), the dossier read with the
    default settings. Nothing that depends on how site.yaml says to read the seeds (their encoding, the import
    rules), nor anchoring, nor warnings (their levels are site.yaml's): those wait until it is mended. (A
    broken site.yaml once hid every unknown source, entity and witness article until it was mended.)"""
    origin, path = split_base_url(options.base_url) if options.base_url else ("", "/")
    fallback = SiteConfig(title="", base_path=path, origin=origin)
    # (the seeds are read as empty: nothing said here depends on their text, and cleaning them all took the
    # time and memory of a build; what their reading finds is then only warnings)
    blank = replace(inputs, files={p: b"" if p.startswith("seeds/") else data for p, data in inputs.files.items()})
    from .analyse.entity_links import check_references

    dossier, _, found = load_dossier(blank, fallback)
    referenced, _ = checked_references(dossier)
    referenced += tuple(check_references(dossier))  # (the entities annotations and comparisons name: review 58)
    # (no seed is read: which entities the articles mention is not known)
    found = at_definitions([*with_id_hints(found, dossier), *referenced], dossier, files=blank.files)
    found = after_deleted_article(found, dossier, {})  # (an article defined nowhere: said as in any build)
    # errors only: the levels of warnings are site.yaml's `checks:` (one it silences would be said); and not that
    # the seeds, read as empty, leave the articles' quotes unanchored (an error since review 135)
    return [p for p in found if p.severity == "error" and p.check != "seed-empty"]


def _mentioned(library: "Library") -> set[str]:
    """The ids of the entities some article mentions."""
    return {ident for placed in library.entities.places.values() for ident in placed}


def _first(first: "First", inputs: Inputs, options: Options, library: "Library", renderer: Any, memo: Any,
           names: Names) -> list[dict[str, Any]]:
    """The pages of the saved files and of those open, planned alone and handed over at once (execute/first.py);
    the analysis kept for the next save, with what references may name (`names`). Returns the listings' rows,
    made for them."""
    from .execute.first import owners, owners_of, render_first
    from .plan.plan import owned

    dossier = library.dossier
    ahead = owned(library, owners(first.changed, dossier) | owners_of(first.visited, dossier),
                  each=memo.each if memo is not None else None)
    render_first(ahead.pages, first, dossier, renderer, memo)
    if first.keep is not None:
        from .execute.ahead import Analysed
        first.keep(Analysed(inputs, options, library, ahead.rows, renderer, names))
    return ahead.rows


def _ahead(first: "First", inputs: Inputs, options: Options, memo: Memo) -> None:
    """A saved article's pages, made from the last build's analysis and handed over before this build loads
    anything, when that gives the very pages this build makes (execute/ahead.py)."""
    from .execute.ahead import pages_ahead

    shown = pages_ahead(first.last, inputs, options, first, memo,
                        lambda found, config: has_errors(apply_levels(found, config, options.strict)))
    if shown:
        first.publish(shown)


def _result(problems: list[Problem], done: "Rendered", library: "Library", config: SiteConfig, options: Options
            ) -> BuildResult:
    """The build's result from the problems of its inputs and what rendering made and found."""
    from .execute.link_places import editors_own, names_in_error

    rendering = list(done.problems)
    leveled = apply_levels(problems, config, options.strict)
    if has_errors(leveled):
        # The inputs are already wrong: broken links in the output are consequences, not news (those of a
        # template, said at its line, excepted; those the editors' files write are said there, link_places.py).
        # An address an editor's file writes that names no article, entity, comparison or tag page is wrong
        # whatever else is (review 58: a note's /source/ was said only once an unrelated date was mended).
        # A broken #fragment the editors' files write is said too when no input with an error can explain it.
        seeds = {m.seed: m.slug for m in (*(a.meta for a in library.dossier.articles), *library.dossier.detached)}
        wrong = names_in_error(leveled, seeds)
        rendering = [p for p in rendering if p.check != "links" or p.file.startswith("templates/")
                     or editors_own(p, config.base_path, wrong)]
    # (a link the inputs' check found wrong already, found again in the output: said once, as the inputs' check)
    said = {(p.file, p.line, p.col) for p in problems if p.check == "links"}
    rendering = [p for p in rendering if p.check != "links" or (p.file, p.line, p.col) not in said]
    final = apply_levels(problems + rendering, config, options.strict)
    counts = _counts(library, done)
    if has_errors(final):
        return BuildResult({}, final, counts=counts, base_path=config.base_path)
    return BuildResult(done.outputs, final, counts=counts, base_path=config.base_path, paths=tuple(sorted(done.paths)),
                       search_part_pages=config.search_part_pages)


def import_stubs(inputs: Inputs, options: Options = Options(),
                 article_ref: str = "../../schemas/article.schema.json") -> BuildResult:
    """Stub article files for seeds that have none (`--import`). Never proposes an existing path. New outlets
    named by the seeds come back under "content/sources.yaml" as text to append (never to write over)."""
    from .capture.importer import stubs
    from .load.attach import named_like
    from .load.copies import copied_seeds
    from .capture.stubs import entries_text
    from .load.unread import Unread

    config, problems = load_config(inputs, options)
    if config is None:
        return BuildResult({}, sort_problems(tuple(inputs.problems) + tuple(problems)))
    dossier, raw, more = load_dossier(inputs, config)
    used = {a.meta.seed for a in dossier.articles}
    # (an article file in the wrong place, content/article/x.yaml, is one: its seed is its, misplaced.py)
    placed = [file for file, kind in dossier.misplaced if kind == "article"]
    referenced = _named_seeds(inputs.files, raw, placed)
    # (x.yml's too: to be x.yaml; and a misplaced one's)
    taken = {file_stem(p) for p in inputs.files if p.startswith("content/articles/")} | {file_stem(p) for p in placed}
    # (an article file that could not be read stands for the seed of its name: a second file would take it)
    read = {a.meta.origin.file for a in dossier.articles} | {m.origin.file for m in dossier.detached}
    referenced |= named_like(raw, (p for p in inputs.files if p.startswith("content/articles/") and
                                   p.endswith(".yaml") and p not in read))
    broken = "sources" in dossier.broken  # (its outlets unknown: none is appended, a stub's source: left out)
    sources = None if broken else {s.id: (s.name, s.homepage) for s in dossier.sources}
    # (an article file not read may be any seed's: none gets a second one, unread.py; nor does a seed an
    # article's seed-missing error offers as its own, mistyped or renamed, which the build says is not unused)
    unknown = set() if Unread(inputs.unread).any_article() else set(raw) - used - referenced
    warned = {p.file[len("seeds/"):] for p in more if p.check == "seed-unused"}
    copied = copied_seeds(more) & unknown  # (a copy a sync client or a merge tool left: none, and said, copies.py)
    unknown -= copied
    offered = unknown - warned
    # (nor does a seed an article file YAML could not read, or .yml, may be the text of, until fixed: unparsed_seed.py)
    blocked = {seed: files for seed, files in _unparsed_theirs(inputs, dossier, raw, warned, config).items()
               if seed in unknown}
    unknown -= offered | set(blocked)
    new = {seed: (raw[seed], clean(raw[seed], config)) for seed in sorted(unknown)}
    found, entries = stubs(new, sources, taken, article_ref, config.language or "en")
    if entries:
        found["content/sources.yaml"] = entries_text(entries)
    said = tuple(p for p in more if _of_outlets(p.file)) if broken and new else ()
    said += _said_by_import(more, placed, offered, blocked, copied)
    return BuildResult({}, sort_problems(tuple(inputs.problems) + said), found)  # (a refused file is no seed)


def _said_by_import(problems: Sequence[Problem], placed: Sequence[str], offered: AbstractSet[str],
                    blocked: Mapping[str, tuple[Any, ...]], copied: AbstractSet[str]) -> tuple[Problem, ...]:
    """The build's `problems` that `--import` says, those that tell why it writes no stub for a seed: the error of
    an article file under another extension or in the wrong place (`placed`), of one whose error offers a seed
    (`offered`), the warning of a seed an article file not read may be (`blocked`: those files, whose errors too),
    and of a seed that is a copy (`copied`, copies.py)."""
    # (an article file under another extension names its seed, so no stub is written: said, as the build says it,
    # not "every seed already has an article file" while none is read, ignored.py; so is an error offering a seed)
    said = tuple(p for p in problems if p.check == "file-ignored" and p.severity == "error" and
                 (p.file.startswith("content/articles/") or any(f == p.file or f.startswith(f"{p.file}/")
                                                                for f in placed)) or
                 p.check in ("seed-missing", "schema-missing-key") and
                 any(f"seeds/{seed}" in p.hint or f'"{seed}"' in p.hint for seed in offered))
    # (of a seed left out so, its warning, whose hint says which file may be its, and that file's errors)
    left = {*blocked, *copied}
    return said + tuple(p for p in problems if p.check == "seed-unused" and p.file[len("seeds/"):] in left or
                        p.severity == "error" and any(p.file == f.file for files in blocked.values() for f in files))


def _named_seeds(files: Mapping[str, bytes], raw: Mapping[str, str], placed: Sequence[str]) -> set[str]:
    """The seeds of `raw` that the files of content/articles/, or the article files in the wrong place (`placed`),
    name."""
    from .load.loader import readable
    from .load.seed_names import seeds_named_in

    texts = [readable(files[path]) for path in [*(p for p in files if p.startswith("content/articles/")), *placed]]
    return seeds_named_in(raw, texts)


def _of_outlets(file: str) -> bool:
    """Whether `file` is one of the outlets' files: content/sources.yaml, or one of content/sources/."""
    return file == "content/sources.yaml" or file.startswith("content/sources/")


def _unparsed_theirs(inputs: Inputs, dossier: "Dossier", raw: Mapping[str, str], warned: AbstractSet[str],
                     config: SiteConfig) -> dict[str, tuple[Any, ...]]:
    """Each seed of `warned` (those said to have no article file) that an article file YAML could not read, or
    misnamed (.yml), may be the text of → those files (unparsed_seed.py, as the build tells it in their warnings)."""
    from .load.deleted import witness_quotes
    from .load.ignored import misnamed_articles
    from .load.loader import readable
    from .load.unparsed_seed import maybe_theirs, read_unparsed

    read = {a.meta.origin.file for a in dossier.articles} | {m.origin.file for m in dossier.detached}
    files = [read_unparsed(p, readable(inputs.files[p])) for p in sorted(
        [p for p in inputs.files if p.startswith("content/articles/") and p.endswith(".yaml") and p not in read] +
        misnamed_articles(inputs.files))]
    if not files:
        return {}
    existing = {p[len("seeds/"):] for p in inputs.files if p.startswith("seeds/") and p.count("/") == 1}
    kept = {a.meta.seed for a in dossier.articles} | {m.seed for m in dossier.detached}
    return maybe_theirs({seed: clean(raw[seed], config).text for seed in sorted(warned & set(raw))}, files,
                        existing, kept, lambda slug: witness_quotes(dossier, slug))
