"""Fuzzing: random bytes, random YAML structures (real key names among random ones, Unicode with control
characters) and half-valid documents go into every kind of dossier file, through the loader and through the
whole build (in-process via dossier.shell.cli.main, and a few as a real process of its own). Whatever the files hold:
no traceback, exit code 0 or 1 (2 means bad usage, which file contents are not), nothing written outside the
output folder, and a failing build leaves the previous site byte for byte as it was.

Derandomized, with no example database: the same examples on every run, so CI is stable (~60 s in all)."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_build, write_tree
from dossier.shell import fs
from dossier.shell.cli import main
from dossier.core.load.config import parse_site
from dossier.core.load.load import parse_article, parse_comparison, parse_entities, parse_sources
from dossier.core.pipeline import Options, build_site, load_config, load_dossier

FUZZ = settings(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)

SEED_A = "Talks resume in Washington\nThe minister said the talks would resume next week in Washington.\n"
SEED_B = "A second report\n“We will do it alone,” the prime minister said on Monday.\n"
DOCS: dict[str, Any] = {
    "site.yaml": {"title": "Fuzz dossier", "language": "en", "checks": {"links": "warning"},
                  "import": {"drop_lines": [{"pattern": "^Share this", "why": "share prompt"}]}},
    "content/sources.yaml": {"outlet-a": {"name": "Outlet A", "country": "Nowhere"}, "outlet-b": {"name": "Outlet B"}},
    "content/entities.yaml": {"the-minister": {"name": "The Minister", "kind": "person", "aliases": ["minister"],
                                               "summary": "A minister of [somewhere](https://example.org/)."}},
    "content/articles/a.yaml": {"seed": "a.txt", "title": "Talks resume", "source": "outlet-a",
                                "date": datetime.date(2024, 3, 22),
                                "annotations": [{"id": "resume", "quote": "the talks would resume next week",
                                                 "note": "See [the other](article:b).", "tags": ["talks"],
                                                 "entities": ["the-minister"]}]},
    "content/articles/b.yaml": {"seed": "b.txt", "title": "Alone", "source": "outlet-b",
                                "date": datetime.date(2024, 3, 23),
                                "annotations": [{"id": "alone", "quote": "We will do it alone", "note": "Compare."}]},
    "content/comparisons/talks.yaml": {"title": "Talks", "question": "Who said what?", "kind": "quote",
                                       "witnesses": [{"article": "a", "quote": "the talks would resume"},
                                                     {"article": "b", "quote": "We will do it alone"}]},
}
SCHEMAS = {name: json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8"))
           for name in fs.SCHEMAS}


def _property_names(node: Any, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "patternProperties") and isinstance(value, dict):
                out.update(k for k in value if k.isidentifier())
            _property_names(value, out)
    elif isinstance(node, list):
        for value in node:
            _property_names(value, out)
    return out


KEYS = sorted(_property_names(SCHEMAS, set()))

# Text with everything a contributor can type or paste: controls, bidi overrides, astral characters, NULs.
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["", " ", "\x1b[2J\x1b]0;pwned\x07", "\u202eevil\u202c", "a.txt", "b.txt", "outlet-a", "the-minister", "a",
     "talks", "../../etc/passwd", "2024-02-30", "javascript:alert(1)", "[x](compare:nope)", "{{ 7*7 }}", "\ufeff"])
scalars = (texts | st.integers(-10**12, 10**12) | st.floats(allow_nan=True) | st.booleans() | st.none()
           | st.dates(min_value=datetime.date(1, 1, 1)))
keys = st.sampled_from(KEYS) | texts
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
                      max_leaves=12)


DEEP = "tags: " + "[" * 1500 + "]" * 1500  # found by this test: PyYAML's composer recursed until Python gave up


# Hand-made YAML that random structures rarely produce: aliases (recursive too), merge keys, tags that would
# run code under an unsafe loader, complex keys, several documents, directives, deep nesting, odd numbers.
NASTY = ["a: &x [*x]", "&a [*a]", "a: &x {b: *x}", "!!python/object/apply:os.system ['echo pwned']",
         "? [a, b]\n: c", "seed: !!binary aGVsbG8=", "seed: !!set {a, b}", "<<: {seed: a.txt}", "seed: a.txt\n<<: *x",
         DEEP, "x:\n" + "".join("  " * i + "- \n" for i in range(1, 80)),
         "title: 1e999", "date: 2024-13-45", "date: !!str 2024-01-01", "---\na: 1\n---\nb: 2", "%YAML 1.1\n---\na: 1",
         "a: !custom 1", "\ufeff\ufeffa: 1", "a: 'x\nb: 2", "seed: 12\ntitle: 13\nsource: 14\ndate: 15", "- 1\n- 2",
         "date: 0001-01-01", "title: .nan", "a: !!int '99999999999999999999999999999'", "\t- a", "a:\tb",
         "annotations:\n  - id: x\n    quote: " + "x" * 5000]


def dump(value: Any) -> bytes:
    try:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, ValueError, UnicodeError):
        return repr(value).encode("utf-8", "replace")


@st.composite
def mutated(draw: st.DrawFn, path: str) -> bytes:
    """One of the base documents with some keys dropped, replaced by random values or added."""
    doc = json.loads(json.dumps(DOCS[path], default=str))

    def mutate(node: Any, depth: int) -> Any:
        if isinstance(node, dict):
            for key in sorted(node):
                choice = draw(st.integers(0, 9))
                if choice == 0:
                    del node[key]
                elif choice == 1:
                    node[key] = draw(values)
                elif depth < 4:
                    node[key] = mutate(node[key], depth + 1)
            if draw(st.integers(0, 7)) == 0:
                node[draw(keys)] = draw(values)
        elif isinstance(node, list):
            node = [mutate(item, depth + 1) for item in node]
            if draw(st.integers(0, 5)) == 0:
                node.append(draw(values))
        return node

    return dump(mutate(doc, 0))


FILES = sorted(DOCS) + ["seeds/a.txt", "seeds/b.txt", "content/articles/c.yaml", "content/entities/more.yaml"]


@st.composite
def payloads(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file of the dossier and new contents for it: bytes, text, a random YAML structure or a mutated one."""
    path = draw(st.sampled_from(FILES))
    kinds = ["bytes", "text", "yaml", "nasty"] + (["mutated"] * 3 if path in DOCS else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "nasty":
        return path, draw(st.sampled_from(NASTY)).encode("utf-8")
    if kind == "bytes":
        return path, draw(st.binary(max_size=300))
    if kind == "text":
        return path, draw(texts).encode("utf-8")
    if kind == "yaml":
        return path, dump(draw(values))
    return path, draw(mutated(path))


MARKDOWN = st.sampled_from(["[x](compare:talks)", "[a](article:b#alone)", "[e](entity:the-minister)", "[b](article:)",
                            "<script>x</script>", "![i](http://x/i.png)", "`code`", "**bold", "[r]: http://x", "\\",
                            "[x](javascript:alert(1))", "[t](tag:talks)", "# heading", "> quote", "1. item", "---",
                            "[x](http://a b)", "[[x]]", "&amp;", "&#0;", "<!--", "{{ x }}", "|a|b|\n|-|-|"])
seed_texts = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60), min_size=1,
                      max_size=8).map("\n".join)


@st.composite
def stories(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """A random seed and an article whose annotations quote random slices of it, with random context, notes
    in random Markdown, and a comparison witness quoting it: the anchoring, linking and rendering paths."""
    seed = draw(seed_texts)
    annotations = []
    for i in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, max(0, len(seed) - 1)))
        end = draw(st.integers(min(start + 1, len(seed)), len(seed)))
        ann: dict[str, Any] = {"id": draw(st.sampled_from([f"n{i}"] * 5 + ["resume"])), "quote": seed[start:end],
                               "note": " ".join(draw(st.lists(MARKDOWN | texts, max_size=4)))}
        if draw(st.booleans()):
            ann["prefix"] = seed[max(0, start - draw(st.integers(0, 10))):start]
        if draw(st.booleans()):
            ann["suffix"] = seed[end:end + draw(st.integers(0, 10))]
        if draw(st.booleans()):
            ann["tags"] = draw(st.lists(st.sampled_from(["talks", "quote", "figure-1"]), max_size=2, unique=True))
        annotations.append(ann)
    article = dict(DOCS["content/articles/a.yaml"], annotations=annotations,
                   summary=" ".join(draw(st.lists(MARKDOWN | texts, max_size=3))))
    comparison = dict(DOCS["content/comparisons/talks.yaml"])
    comparison["witnesses"] = [{"article": "a", "quote": annotations[0]["quote"]},
                               {"article": "b", "quote": "We will do it alone"}]
    return [("seeds/a.txt", seed.encode("utf-8")), ("content/articles/a.yaml", dump(article)),
            ("content/comparisons/talks.yaml", dump(comparison))]


def base_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B}
    files.update({path: dump(doc) for path, doc in DOCS.items()})
    return files


def tree(folder: Path, skip: Path | None = None) -> dict[str, bytes | str]:
    """Every entry under `folder` (files by content, links by target), `skip` left out."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        rel = path.relative_to(folder).as_posix()
        out[rel] = f"-> {os.readlink(path)}" if path.is_symlink() else path.read_bytes() if path.is_file() else "/"
    return out


@pytest.fixture(scope="module")
def built_base(tmp_path_factory) -> Path:
    """The base dossier and a good build of it, copied for each example."""
    work = tmp_path_factory.mktemp("fuzz-base")
    write_tree(work / "dossier", base_files())
    with quiet():
        assert main(["--root", str(work / "dossier"), "--out", str(work / "site"), "--no-search"]) == 0
    return work


@contextlib.contextmanager
def quiet():
    """Output captured (the build prints problems), and one process: forking per example would be slow."""
    stdout, stderr = io.StringIO(), io.StringIO()
    old = os.environ.get("DOSSIER_WORKERS")
    os.environ["DOSSIER_WORKERS"] = "1"
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            yield stdout, stderr
    finally:
        if old is None:
            del os.environ["DOSSIER_WORKERS"]
        else:
            os.environ["DOSSIER_WORKERS"] = old


def apply(root: Path, changes: list[tuple[str, bytes]]) -> None:
    for rel, data in changes:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


@fuzz(50)
@example([("content/articles/a.yaml", DEEP.encode("utf-8"))])
@given(st.lists(payloads(), min_size=1, max_size=3) | stories())
def test_any_file_contents_give_a_site_or_problems_never_a_traceback(built_base, changes):
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        work = Path(name)
        shutil.copytree(built_base, work, dirs_exist_ok=True)
        root, out = work / "dossier", work / "site"
        apply(root, changes)
        before_site, before_rest = tree(out), tree(work, skip=out)
        cache = root / ".dossier-cache"  # the build's own cache (dossier/shell/cache.py): the one place it may write
        with quiet() as (stdout, stderr):
            code = main(["--root", str(root), "--out", str(out), "--no-search"])
        assert code in (0, 1), stderr.getvalue()
        assert ({k: v for k, v in tree(work, skip=out).items() if not (work / k).is_relative_to(cache)}
                == {k: v for k, v in before_rest.items() if not (work / k).is_relative_to(cache)}), \
            "the build wrote outside its output folder and its cache"
        assert not (out / fs.STAGING).exists()
        if code == 1:
            assert tree(out) == before_site, "a failing build changed the previous site"
            assert "error:" in stderr.getvalue()


@st.composite
def loader_cases(draw: st.DrawFn) -> tuple[str, str]:
    """An editors' file and any text for it: decoded random bytes, random text, a random or mutated structure."""
    path = draw(st.sampled_from(sorted(DOCS)))
    text = draw(st.one_of(st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")), texts,
                          values.map(lambda v: dump(v).decode("utf-8")), st.sampled_from(NASTY),
                          mutated(path).map(lambda b: b.decode("utf-8"))))
    return path, text


@fuzz(300)
@example(("content/articles/a.yaml", DEEP))
@given(loader_cases())
def test_the_loader_turns_any_text_into_a_value_or_problems(case):
    path, text = case
    parse = {"site.yaml": lambda f, t, s: parse_site(f, t, s), "content/sources.yaml": parse_sources,
             "content/entities.yaml": parse_entities}.get(path)
    parse = parse or (parse_article if "/articles/" in path else parse_comparison)
    schema = SCHEMAS[{"site.yaml": "site", "content/sources.yaml": "sources", "content/entities.yaml": "entities"}
                     .get(path, "article" if "/articles/" in path else "comparison")]
    value, problems = parse(path, text, schema)
    assert value is not None or problems, "nothing parsed and nothing said why"
    for p in problems:
        assert p.file == path and p.line >= 0 and p.col >= 0 and p.message and p.severity in ("error", "warning")


@fuzz(40)
@given(st.lists(payloads(), min_size=1, max_size=4) | stories())
def test_any_inputs_in_memory_load_and_build_without_raising(changes):
    files = {rel: data if isinstance(data, bytes) else data.encode("utf-8") for rel, data in base_files().items()}
    files.update(changes)
    inputs = fs.read_inputs(ROOT)
    inputs = type(inputs)(files, inputs.templates, inputs.static, inputs.schemas)
    config, problems = load_config(inputs, Options())
    if config is not None:
        load_dossier(inputs, config)
    result = build_site(inputs, Options(strict=True))
    assert result.ok or not result.outputs  # a failing build hands nothing to be written
    for path in result.outputs:  # and a good one only paths inside the output folder
        assert path and not path.startswith("/") and ".." not in path.split("/") and "\\" not in path, path


@fuzz(3)
@given(st.lists(payloads(), min_size=2, max_size=4))
def test_a_real_build_process_on_fuzzed_files_exits_0_or_1_without_a_traceback(built_base, changes):
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        work = Path(name)
        shutil.copytree(built_base, work, dirs_exist_ok=True)
        root, out = work / "dossier", work / "site"
        apply(root, changes)
        before = tree(out)
        # (a process of its own running the command line's code, forked from the warm build server: a fresh
        # interpreter's start and imports are not what this checks)
        result = run_build(root, "--out", str(out), "--no-search")
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        if result.returncode == 1:
            assert tree(out) == before
