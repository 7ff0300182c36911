"""Load: every file of the dossier parsed into the frozen model, with every problem collected.

Each file's work (decoding and cleaning a seed, parsing and validating an editors' YAML file) is a pure
function of its bytes and a few settings, `parse_file`, and `file_key` names what it reads. `load_dossier` maps
it over the files through an `Each` (shards.py: in shards for a plain build, through the live preview's
content-keyed memo.Memo) and then assembles the Dossier: seeds paired with article files, duplicate entities
dropped, problems collected.
"""

from __future__ import annotations

import json
from functools import lru_cache, partial
from typing import Any, Callable, Hashable, Iterator, Mapping, Sequence

from .attach import attach_seeds, named_like, referenced_slugs, restate
from .seed_names import seeds_named_in
from ..common.utf16 import utf16_order
from .cleaning import CleanText, RuleTimedOut, binary_kind, clean, control_characters, decode_seed, timed_out, utf16
from .config import SiteConfig, parse_site
from ..common.errors import Problem, error, warning
from .conflicts import merge_conflict
from .copies import said_as_copies
from .device_names import device_names
from .duplicates import one_per_id, one_per_slug, well_named
from .emptied import emptied_registries
from .ignored import ignored, in_seed_folders, misnamed, misnamed_articles, unused
from .inputs import Inputs, Options
from .misplaced import Placed, set_apart
from .misread import misread_encoding
from .site_language import site_language
from .load import parse_article, parse_comparison, parse_entities, parse_sources
from .schema import SchemaCheck, compile_schema
from .registry_ids import DefinedIds, named_ids, registry_ids, unknowable
from .unread import FILES, Unread
from .unparsed_seed import likely_text
from ..common.identity import SameObjects
from ..common.memo import by_difference, digest, fingerprint, made_from
from ..common.slugs import file_stem, is_slug, slugify
from .model import ArticleMeta, Comparison, Dossier
from .registry_place import where_defined
from ..common.shards import Each, in_sequence

Job = tuple[str, str]  # (step, path): "seed", "sources", "entities", "article" or "comparison", and its file


def _decoded(path: str, data: bytes, parse: Callable[[str], Any]) -> Any:
    """Run `parse` on the text of an editors' file, or report where the file is not UTF-8 (one error for a file
    saved as UTF-16, which is not UTF-8 anywhere)."""
    saved_as = utf16(data)
    if saved_as:
        return None, (error(path, 1, 1, f"the file is saved as {saved_as}, not UTF-8",
                            "save it as UTF-8 in your editor (\"Save as\", then the encoding UTF-8)",
                            "file-encoding"),)
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        return None, (error(path, line, col, f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                            "save it as UTF-8 in your editor", "file-encoding"),)
    return parse(text)


def load_config(inputs: Inputs, options: Options) -> tuple[SiteConfig | None, tuple[Problem, ...]]:
    """site.yaml parsed (None when it is missing or unusable), with its problems."""
    if "site.yaml" not in inputs.files:
        if Unread(inputs.unread).covers("site.yaml"):  # (refused, and said so by the reader: not missing)
            return None, ()
        return None, (error("site.yaml", 0, 0, "site.yaml is missing", "create it with at least: title: My dossier",
                            "site-missing"),)
    schema = _compiled(json.dumps(inputs.schemas["site"], sort_keys=True, ensure_ascii=False))  # (once a process)
    data = inputs.files["site.yaml"]
    # The same SiteConfig while site.yaml's bytes are the same object (the live preview's reads): every seed's
    # key holds it, and 5,000 equal but distinct configs were compared field by field at every save
    return _CONFIG.get("site.yaml", (data, schema, options.base_url), lambda: _decoded("site.yaml", data, lambda text:
                       parse_site("site.yaml", text, schema, options.base_url)))


_CONFIG: SameObjects[tuple[SiteConfig | None, tuple[Problem, ...]]] = SameObjects()


def _seed(path: str, data: bytes, config: SiteConfig) -> tuple[None, tuple[Problem, ...], CleanText | None]:
    """A seed's parse: (None, problems, its cleaned text). The decoded text is not part of it: the build reads
    only the cleaned one, and the cache kept every seed's text twice (25 MB at 5,000 articles, read back by
    every build); `--import` and `--suggest` decode the few they need again (`RawSeeds`)."""
    text, more = decode_seed(path, data, config.encoding)
    more += control_characters(path, text) if text is not None else ()
    conflict = merge_conflict(text) if text is not None else None
    if conflict is not None:  # (review 74: published as paragraphs "<<<<<<< HEAD", "=======", in the evidence)
        more += (error(path, conflict[0], 1, f"an unresolved merge conflict (lines {conflict[0]}-{conflict[1]}): "
                       "the seed would be published with both sides and the markers",
                       "keep the side that is the article as captured and delete the three marker lines; the "
                       "evidence folder (seeds/evidence/) keeps what --add captured", "seed-conflict"),)
    try:
        return None, more, (clean(text, config) if text is not None else None)
    except RuleTimedOut as stopped:
        return None, more + (timed_out(path, stopped),), None


class RawSeeds(Mapping[str, str]):
    """Each seed's decoded text by name (seeds/<name>), for the seeds that decoded: decoded again when asked,
    exactly as `_seed` decodes it (a pure function of the file's bytes and the encoding)."""

    def __init__(self, files: Mapping[str, bytes], encoding: str, names: list[str]) -> None:
        self._files, self._encoding, self._names = files, encoding, names

    def __getitem__(self, name: str) -> str:
        text = decode_seed(f"seeds/{name}", self._files[f"seeds/{name}"], self._encoding)[0] \
            if name in self._names else None
        if text is None:
            raise KeyError(name)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


# Looked up when called (not bound at import), so a test can count calls by patching this module's names.
_PARSERS: dict[str, Callable[[str, str, Any], Any]] = {
    "sources": lambda path, text, schema: parse_sources(path, text, schema),
    "entities": lambda path, text, schema: parse_entities(path, text, schema),
    "article": lambda path, text, schema: parse_article(path, text, schema),
    "comparison": lambda path, text, schema: parse_comparison(path, text, schema),
}


def parse_file(inputs: Inputs, config: SiteConfig, step: str, path: str,
               checks: Mapping[str, SchemaCheck] | None = None) -> Any:
    """One file's work: a seed's (raw text, problems, cleaned text), or a YAML file's (value or None, problems).
    Pure: it reads the file's bytes, and the config (a seed's import rules) or the step's schema. `checks`:
    the schemas compiled once for all files (`compile_checks`); without them the file's schema is compiled."""
    data = inputs.files[path]
    if step == "seed":
        return _seed(path, data, config)
    schema = checks[step] if checks is not None else inputs.schemas[step]
    return _decoded(path, data, lambda text: _PARSERS[step](path, text, schema))


@lru_cache(maxsize=64)
def _compiled(text: str) -> SchemaCheck:
    """The schema written as canonical JSON `text`, compiled (a pure function of it): the live preview, which
    reads the schemas again at each save, compiles them once (compiling all of them took ~30 ms of each save)."""
    return compile_schema(json.loads(text))


class Checks(Mapping[str, SchemaCheck]):
    """The inputs' schemas by name, each compiled when a file first asks for it (and then once per schema text,
    `_compiled`): a build that parses one edited article compiles the article schema alone (compiling all of
    them took ~30 ms of every build)."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self._schemas = schemas
        self._made: dict[str, SchemaCheck] = {}

    def __getitem__(self, name: str) -> SchemaCheck:
        check = self._made.get(name)
        if check is None:
            text = json.dumps(self._schemas[name], sort_keys=True, ensure_ascii=False)
            check = self._made[name] = _compiled(text)
        return check

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._schemas))

    def __len__(self) -> int:
        return len(self._schemas)


def compile_checks(inputs: Inputs) -> Checks:
    """Each of the inputs' schemas, compiled once, when first used, by name: what every file of a build is
    checked against."""
    return Checks(inputs.schemas)


def jobs(files: Mapping[str, bytes]) -> list[Job]:
    """Every file the dossier is made of, by step, in the order the model lists them (sorted paths)."""
    paths = sorted(files)
    out = [("seed", p) for p in paths if p.startswith("seeds/") and p.count("/") == 1]
    # (a registry is its file and the YAML files of its folder: content/entities/*.yaml, content/sources/*.yaml)
    out += [(step, p) for step in ("sources", "entities") for p in paths
            if p == f"content/{step}.yaml" or (p.startswith(f"content/{step}/") and p.endswith(".yaml"))]
    out += [("article", p) for p in paths if p.startswith("content/articles/") and p.endswith(".yaml")]
    out += [("comparison", p) for p in paths if p.startswith("content/comparisons/") and p.endswith(".yaml")]
    return out


# Each file's digest, kept while its bytes are the very same object (identity.py): the live preview's reads
# (shell/fs.Reads) hand back the same bytes for a file whose stamp did not change, so only saved files are hashed
_DIGESTS: SameObjects[str] = SameObjects()


def _parse_step(inputs: Inputs, config: SiteConfig, checks: Mapping[str, SchemaCheck]
                ) -> tuple[Callable[[str], Any], Callable[[Job], Hashable], Callable[[Job], Any]]:
    """The parse step of `inputs`: each step's setting, a file's key (its path, a digest of its bytes, and the
    setting its step reads: a seed's is the whole config, its import rules; a YAML file's, its schema) and a
    file's work (`parse_file`, its result stamped with what made it)."""
    schema_keys = {name: fingerprint(schema) for name, schema in inputs.schemas.items()}

    def setting(step: str) -> Any:
        return config if step == "seed" else schema_keys[step]

    def file_key(job: Job) -> Hashable:
        step, path = job
        data = inputs.files[path]
        return path, _DIGESTS.get(path, (data,), lambda: digest(data)), setting(step)

    def parsed(job: Job) -> Any:
        return _stamped(job[0], parse_file(inputs, config, *job, checks), lambda: made_from("parse", file_key(job)))

    return setting, file_key, parsed


def readable(data: bytes) -> str:
    """A file's text as well as it can be read to find the names it holds: UTF-16 when saved so (a file refused,
    file-encoding: the seed it names is still its, review 71), else UTF-8 with what does not decode replaced."""
    order = utf16_order(data)
    if order is not None:
        return data.decode(f"utf-16-{order[0][0]}e", "replace").lstrip("\ufeff")
    return data.decode("utf-8", "replace")


def parse_files(inputs: Inputs, config: SiteConfig, each: Each = in_sequence) -> dict[Job, Any]:
    """`parse_file` for every file, mapped through `each` under its key (`_parse_step`)."""
    _DIGESTS.new_build()
    todo = jobs(inputs.files)
    # (a schema is compiled by the first file that needs it: forked workers each compile those they use)
    checks = compile_checks(inputs) if any(step != "seed" for step, _ in todo) else {}
    setting, file_key, parsed = _parse_step(inputs, config, checks)
    # By difference in the live preview: a file whose bytes are the very same object as at the last build (its
    # reads hand those back) keeps its result without a key or a lookup (10,000 files: 60 ms of every save)
    found = by_difference(each, "parse", parsed, file_key, todo, todo, [setting(step) for step, _ in todo],
                          sources=[inputs.files[path] for _, path in todo])
    return dict(zip(todo, found))


def parse_one(inputs: Inputs, config: SiteConfig, each: Each, job: Job) -> Any:
    """What `parse_files` gives for the one file of `job`, through `each` under the same key: the build that
    follows finds it there (the live preview's pages of a saved article, execute/ahead.py)."""
    _, file_key, parsed = _parse_step(inputs, config, compile_checks(inputs) if job[0] != "seed" else {})
    return each("parse", parsed, file_key, [job])[0]


def _stamped(step: str, value: Any, made: Callable[[], str]) -> Any:
    """A seed's cleaned text or an article file's metadata, as just parsed, with a digest that names it (see
    CleanText and ArticleMeta `made`): later steps key on that instead of the whole value. The metadata is
    named by `made()`, its parse key's digest (its file's bytes and schema); the cleaned text by itself (its
    text, paragraphs and dropped lines), since its key holds the whole site.yaml, of which a title edit would
    otherwise make every text new to the analysis. Set on the new value before anyone else holds it."""
    if step == "seed" and value[2] is not None:
        object.__setattr__(value[2], "made", made_from("clean", value[2]))
    elif step == "article" and value[0] is not None:
        object.__setattr__(value[0], "made", made())
    return value


def load_dossier(inputs: Inputs, config: SiteConfig, each: Each = in_sequence
                 ) -> tuple[Dossier, Mapping[str, str], list[Problem]]:
    """Parse every editors' file and clean every seed (each file through `each`). Returns the dossier, the raw
    seed texts (`RawSeeds`: decoded when asked), problems."""
    # (a file in the wrong place, an article in content/comparisons/: one error, and it is not read, misplaced.py)
    parsed, placed = set_apart(inputs.files, parse_files(inputs, config, each))
    parsed = emptied_registries(parsed)  # (an empty entities.yaml beside content/entities/: a warning, emptied.py)
    problems: list[Problem] = []
    seeds: dict[str, CleanText] = {}
    for (step, path), (_, more, cleaned) in ((k, v) for k, v in parsed.items() if k[0] == "seed"):
        problems += more
        if cleaned is not None:
            seeds[path[len("seeds/"):]] = cleaned
    raw = RawSeeds(inputs.files, config.encoding, list(seeds))
    values: dict[str, list[tuple[str, Any]]] = {"sources": [], "entities": [], "article": [], "comparison": []}
    for (step, path), result in parsed.items():
        if step != "seed":
            problems += result[1]
            values[step].append((path, result[0]))
    unread = Unread(inputs.unread)  # (an article file not read may name any seed: none is said to be no one's)
    found, missing = ignored(inputs.files)
    found = [p for p in found if not placed.covers(p.file)] + list(placed.problems)
    defined = _defined(inputs.files, parsed, unread, unused(inputs.files) if missing else {}) + placed.defined()
    missing |= placed.steps()
    # the article files not read: YAML could not parse them, misnamed (.yml) or misplaced; any may name a seed
    gone = sorted([path for path, v in values["article"] if v is None] + misnamed_articles(inputs.files) +
                  placed.files("article"))
    named = _named(inputs.files, values, problems, gone)
    unnamed = [p for p in problems if p.check in ("seed-binary", "seed-encoding") and p.file.startswith("seeds/")
               and p.file[len("seeds/"):] not in named and not unread.any_article()]
    # (one in another encoding is said with the seeds no article file names, attach.py: a file not read may be its)
    undecoded = {p.file[len("seeds/"):]: p for p in unnamed
                 if p.check == "seed-encoding" and p.file[len("seeds/"):] not in seeds}
    problems = [_unnamed(p, inputs.files[p.file]) if p in unnamed and p.check == "seed-binary" else p
                for p in problems if p.check != "seed-encoding" or p.file[len("seeds/"):] not in undecoded]
    # (a seed moved into a folder of seeds/ that an article names is said once, by its seed-missing error)
    moved = named - set(seeds) - {p[len("seeds/"):] for p in inputs.files if p.count("/") == 1}
    problems += [p for p in found if not (p.file.startswith("seeds/") and p.file.rsplit("/", 1)[-1] in moved)]
    dossier, more = _assemble(inputs.files, config, seeds, values, missing, unread, defined, undecoded, gone, placed)
    # (a copy a sync client or a merge tool left, of a seed or an article file: said so, copies.py)
    problems = said_as_copies(restate(problems, more), inputs.files, dossier)
    dossier, problems = misread_encoding(inputs.files, dossier, problems)  # (said at site.yaml)
    return dossier, raw, problems + site_language(dossier, each)  # (site.yaml's language: against the texts')


def _named(files: Mapping[str, bytes], values: Mapping[str, list[tuple[str, Any]]], problems: list[Problem],
           gone: Sequence[str]) -> set[str]:
    """The seeds the article files name: as their seed, or, of a file not read (YAML could not parse it, or it is
    misnamed .yml: `gone`), as it is named, and when a seed is not in the dossier's encoding as its text names it
    (as --import tells the seeds it writes no stub for: such a seed is not said to have no article file)."""
    named = {v.seed for _, v in values["article"] if v is not None} | \
        named_like((p[len("seeds/"):] for p in files if p.startswith("seeds/")), gone)
    texts = [readable(files[path]) for path in gone] if any(p.check == "seed-encoding" for p in problems) else []
    return named | seeds_named_in((p.file[len("seeds/"):] for p in problems if p.check == "seed-encoding"), texts)


def _defined(files: Mapping[str, bytes], parsed: Mapping[Job, Any], unread: Unread,
             misnamed_files: Mapping[str, list[str]]) -> tuple[DefinedIds, ...]:
    """What each registry file that could not be used defines, as far as its text tells (registry_ids.py); none
    is known of a registry one of whose files was not read: refused (`unread`) or misnamed (`misnamed_files`, by
    step), each named as the file that could not be used."""
    found = [registry_ids(step, path, files[path], result[1]) for (step, path), result in parsed.items()
             if step in ("sources", "entities") and result[0] is None]
    return tuple(found) + tuple(unknowable(step, path) for step in sorted(FILES)
                                for path in sorted({*unread.refused(step), *misnamed_files.get(step, ())}))


def _unnamed(problem: Problem, data: bytes) -> Problem:
    """The problem of a file of seeds/ that no article names and that is no text: a warning, not the error of a
    seed an article reads. A picture or a PDF kept beside the seeds is not read, and said once (a seed in another
    encoding is said with the seeds no article file names, attach.py: `--import`'s to convert)."""
    return warning(problem.file, 0, 0, f"ignored: not a text file (it is {binary_kind(data) or 'no text'}), "
                   "and no article names it", "keep files that are not seeds outside seeds/", "seed-binary")


def _assemble(files: Mapping[str, bytes], config: SiteConfig, seeds: Mapping[str, CleanText],
              values: Mapping[str, list[tuple[str, Any]]], missing: set[str] = frozenset(),
              unread: Unread = Unread(), defined: tuple[DefinedIds, ...] = (),
              undecoded: Mapping[str, Problem] = {}, gone: Sequence[str] = (), placed: Placed = Placed()
              ) -> tuple[Dossier, list[Problem]]:
    """The Dossier from the parsed files (value None: unusable, its problems said; `missing`: the steps whose file
    is misnamed, ignored.py; `unread`: what the reader refused, none of it said missing, unread.py; `defined`: what
    the registry files not used define; `undecoded`: the seeds in another encoding no article names, attach.py;
    `gone`: the article files not read, `load_dossier`'s; `placed`: the files in the wrong place, misplaced.py)."""
    broken = missing | unread.steps() | {step for step in ("sources", "entities")
                                         if any(v is None for _, v in values[step])}
    # (each registry from all its files, one per id: an id two files define is an error, duplicates.py)
    sources, sources_twice = one_per_id("outlet", [s for _, v in values["sources"] for s in (v or ())])
    entities, entities_twice = one_per_id("entity", [e for _, v in values["entities"] for e in (v or ())])
    entities, misnamed_entities = well_named(entities)  # (an id that fails its check makes no page)
    metas: list[ArticleMeta] = [v for _, v in values["article"] if v is not None]
    # A comparison whose file name is not a slug (reported: file-name) is not built: its id names its page and
    # the ids of its witnesses' badges, which cannot hold a space or an accent.
    comparisons: list[Comparison] = [v for _, v in values["comparison"] if v is not None and is_slug(v.id)]
    # (one file per slug, duplicates.py: another of the same name in another folder is checked, not published)
    metas, comparisons, twice, named_twice = one_per_slug(metas, comparisons)
    wrong = misnamed(files)  # (.yml: one error at the file, ignored.py; the references to it are right)
    unusable_comparisons = {file_stem(p) for p, v in values["comparison"] if v is None or not is_slug(v.id)} | \
        unread.stems("comparison") | wrong["comparison"] | placed.ids("comparison")
    unreadable = ({p[len("seeds/"):] for p in files if p.startswith("seeds/") and p.count("/") == 1} |
                  {m.seed for m in metas if m.seed and unread.covers(f"seeds/{m.seed}")}) - set(seeds)
    # (an article file in the wrong place is one not parsed; a comparison put in content/articles/ is none)
    unparsed = sorted(({path for path in files if path.startswith("content/articles/")} - set(placed.files()) |
                       set(placed.files("article"))) - {m.origin.file for m in metas})
    outlets = named_ids("sources", broken, defined)  # (the outlets a sources.yaml not read tells, for `source:`)
    articles, problems, detached = attach_seeds(metas, seeds, None if outlets is None else
                                                 {s.id for s in sources} | outlets[0], unreadable, unparsed,
                                                 lambda file: readable(files.get(file, b"")), in_seed_folders(files),
                                                 lambda: referenced_slugs(metas, comparisons),
                                                 lambda slug: [w.quote for c in comparisons for w in c.witnesses
                                                               if w.article == slug],
                                                 None if outlets is None else {s.id for s in sources} | outlets[1],
                                                 gone, _undecoded(files, config, undecoded),
                                                 where_defined("sources", sources, defined))
    problems, detached = named_twice + problems + sources_twice + entities_twice, detached + twice
    problems = [p for p in problems if p.check != "seed-unused"] if unread.any_article() else problems
    stems = {file_stem(p) for p in files if p.startswith("content/articles/") and p.endswith(".yaml") and
             not placed.covers(p)} | unread.stems("article") | wrong["article"] | placed.ids("article")
    # (a file whose name is no slug is known by the slug its file-name error offers too: a reference to that one
    # is right, and was said unknown in every file that named it, review 71)
    unusable = (stems | {slugify(stem) for stem in stems if not is_slug(stem)}) - {a.slug for a in articles}
    dossier = Dossier(config, sources, tuple(articles), entities, tuple(comparisons), frozenset(broken),
                      frozenset(unusable), frozenset(unusable_comparisons), tuple(detached), defined,
                      misplaced=tuple((m.file, m.kind) for m in placed.found), misnamed_entities=misnamed_entities)
    return dossier, problems + device_names(metas, comparisons, entities)  # (Windows' names)


def _undecoded(files: Mapping[str, bytes], config: SiteConfig, undecoded: Mapping[str, Problem]
               ) -> dict[str, tuple[Problem, Callable[[], str]]]:
    """Each seed in another encoding no article file names → its error, and what gives its cleaned text as --import
    will likely convert it (unparsed_seed.py; asked only while an article file is not read)."""
    return {seed: (problem, partial(_likely, files[f"seeds/{seed}"], config)) for seed, problem in undecoded.items()}


def _likely(data: bytes, config: SiteConfig) -> str:
    try:
        return clean(likely_text(data, config.language or ""), config).text
    except RuleTimedOut:  # (said of no seed: its text only narrows the seeds an article file not read may be)
        return ""
