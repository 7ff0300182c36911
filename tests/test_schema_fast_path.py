"""The schema check agrees with jsonschema on every document: `validate` finds no problem exactly when jsonschema
(Draft 2020-12, a pattern's final "$" meaning end of text) finds the document valid. Valid files are confirmed
by a compiled yes/no check (the fast path); it may only confirm files jsonschema finds valid, and every file it
rejects goes on to jsonschema for the messages, so a fast path that confirmed too much would show here as a
file with no problem that jsonschema rejects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jsonschema

from dossier.core.load.schema import compile_schema, validate
from dossier.core.load.yamlsrc import Loaded, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {p.name.split(".")[0]: json.loads(p.read_text("utf-8")) for p in (ROOT / "schemas").glob("*.schema.json")}


def _schema_for(path: Path) -> str | None:
    parts = path.parts
    if path.name == "site.yaml":
        return "site"
    if path.name in ("sources.yaml", "entities.yaml") and "content" in parts:
        return path.name.split(".")[0]
    if "articles" in parts:
        return "article"
    if "comparisons" in parts:
        return "comparison"
    return None


def _documents() -> list[tuple[str, str, Any]]:
    docs = []
    for folder in (ROOT / "content", ROOT / "tests" / "invalid", ROOT / "tests" / "hostile", ROOT):
        files = [ROOT / "site.yaml"] if folder == ROOT else sorted(folder.rglob("*.yaml"))
        for path in files:
            name = _schema_for(path.relative_to(ROOT))
            if name is None:
                continue
            try:
                text = path.read_text("utf-8")
            except UnicodeDecodeError:
                continue
            loaded, problems = parse_yaml(str(path), text)
            if loaded is not None and loaded.data is not None:
                docs.append((str(path.relative_to(ROOT)), name, loaded.data))
    return docs


def _end_of_text(node: Any) -> Any:
    """The schema with each pattern's final "$" made "\\Z": ECMA-262's end of text, which the editors' editors
    use (Python's "$" also matches before a final newline, which would let `id: "x\\n"` pass as a slug)."""
    if isinstance(node, dict):
        return {key: (value[:-1] + r"\Z" if key == "pattern" and isinstance(value, str) and value.endswith("$")
                      and not value.endswith("\\$") else _end_of_text(value)) for key, value in node.items()}
    if isinstance(node, list):
        return [_end_of_text(item) for item in node]
    return node


CHECKS = {name: compile_schema(schema) for name, schema in SCHEMAS.items()}  # compiled once, as a build does
REFERENCE = {name: jsonschema.Draft202012Validator(_end_of_text(schema)) for name, schema in SCHEMAS.items()}


def _jsonschema_valid(name: str, data: Any) -> bool:
    return REFERENCE[name].is_valid(data)


def _passes(name: str, data: Any) -> bool:
    """Whether the build's schema check finds no problem in the document."""
    return not validate(Loaded(f"{name}.yaml", data), CHECKS[name])


DOCS = _documents()


def test_the_corpus_has_valid_and_invalid_documents_of_every_kind() -> None:
    kinds = {name for _, name, _ in DOCS}
    assert kinds == set(SCHEMAS)
    verdicts = {_jsonschema_valid(name, data) for _, name, data in DOCS}
    assert verdicts == {True, False}


@pytest.mark.parametrize("path,name,data", DOCS, ids=[d[0] for d in DOCS])
def test_the_schema_check_agrees_with_jsonschema_on_every_real_file(path: str, name: str, data: Any) -> None:
    assert _passes(name, data) == _jsonschema_valid(name, data)


_scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False),
                     st.sampled_from(["", "x", "a-b", "A", "2024-03-22", "2024-3-22", "x\n", "https://e.org/",
                                      "http://a b", "Q42", "quote", "note", "exact", "fact-check", "yes"]))


def _keys(schema: Any) -> list[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return sorted(found) + ["unknown-key"]


def _documents_like(name: str) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(_keys(SCHEMAS[name]))
    return st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(keys, inner, max_size=6)), max_leaves=25)


def _mutated_real_documents() -> st.SearchStrategy[tuple[str, Any]]:
    """A real file with one value somewhere replaced: mostly near-valid documents, the hard cases."""
    def mutate(doc: tuple[str, str, Any], replacement: Any, pick: int) -> tuple[str, Any]:
        _, name, data = doc
        data = json.loads(json.dumps(data))
        slots: list[tuple[Any, Any]] = []

        def walk(node: Any) -> None:
            items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
            for key, value in list(items):
                slots.append((node, key))
                walk(value)

        walk(data)
        if slots:
            node, key = slots[pick % len(slots)]
            node[key] = replacement
        return name, data

    return st.builds(mutate, st.sampled_from(DOCS), _scalars, st.integers(0, 10_000))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(SCHEMAS)).flatmap(lambda n: st.tuples(st.just(n), _documents_like(n))))
def test_the_schema_check_agrees_with_jsonschema_on_random_documents(case: tuple[str, Any]) -> None:
    name, data = case
    assert _passes(name, data) == _jsonschema_valid(name, data)


@settings(max_examples=300, deadline=None)
@given(_mutated_real_documents())
def test_the_schema_check_agrees_with_jsonschema_on_near_valid_documents(case: tuple[str, Any]) -> None:
    name, data = case
    assert _passes(name, data) == _jsonschema_valid(name, data)


def test_a_slug_with_a_trailing_newline_is_rejected_by_the_schema_check_too() -> None:
    good = next(data for _, name, data in DOCS if name == "comparison" and _jsonschema_valid(name, data))
    assert _passes("comparison", good)
    problems = validate(Loaded("comparison.yaml", dict(good, base=good["base"] + "\n")), SCHEMAS["comparison"])
    assert [p.check for p in problems] == ["schema-form"], problems
    assert not _jsonschema_valid("comparison", dict(good, base=good["base"] + "\n"))


def test_a_compiled_schema_and_the_plain_schema_find_the_same_problems() -> None:
    data = {"seed": "a.txt", "date": "not a date", "annotations": [{"quote": 3}]}
    compiled = validate(Loaded("article.yaml", data), CHECKS["article"])
    assert compiled and compiled == validate(Loaded("article.yaml", data), SCHEMAS["article"])


def test_the_loader_compiles_each_schema_of_the_inputs_once_into_a_check_per_name() -> None:
    from dossier.core.load.inputs import Inputs
    from dossier.core.load.loader import compile_checks

    inputs = Inputs(files={}, templates={}, static={}, schemas=SCHEMAS, problems=())
    checks = compile_checks(inputs)
    assert sorted(checks) == sorted(SCHEMAS)
    assert all(checks[name].schema == SCHEMAS[name] for name in SCHEMAS)
    # schemas read again (equal values, other objects: the live preview reads them at each save) are not
    # compiled again; a changed one is
    import copy
    again = compile_checks(Inputs(files={}, templates={}, static={}, schemas=copy.deepcopy(SCHEMAS), problems=()))
    assert all(again[name] is checks[name] for name in SCHEMAS)
    changed = copy.deepcopy(SCHEMAS)
    changed["article"]["properties"]["title"]["minLength"] = 5
    other = compile_checks(Inputs(files={}, templates={}, static={}, schemas=changed, problems=()))
    assert other["article"] is not checks["article"] and other["sources"] is checks["sources"]
    assert not other["article"].valid({"seed": "a.txt", "title": "T"})
    assert checks["article"].valid({"seed": "a.txt", "title": "T"}) and not checks["article"].valid({"seed": 3, "title": "T"})


def test_site_yaml_is_checked_against_its_schema_compiled_once(monkeypatch) -> None:
    """The live preview loads site.yaml at every save: its schema is compiled the first time only (it cost
    ~9 ms a save), and a site.yaml that breaks the schema is still reported."""
    import copy

    import fastjsonschema

    from dossier.core.load.inputs import Inputs
    from dossier.core.pipeline import Options, load_config

    def inputs(site: bytes) -> Inputs:
        return Inputs(files={"site.yaml": site}, templates={}, static={}, schemas=copy.deepcopy(SCHEMAS), problems=())

    load_config(inputs(b"title: A dossier\n"), Options())
    compiled = []
    real = fastjsonschema.compile
    monkeypatch.setattr(fastjsonschema, "compile", lambda *a, **k: compiled.append(1) or real(*a, **k))
    config, problems = load_config(inputs(b"title: Another dossier\n"), Options())
    assert config is not None and config.title == "Another dossier" and problems == ()
    config, problems = load_config(inputs(b"title: A dossier\nsearch_part_pages: many\n"), Options())
    assert compiled == [] and any(p.line == 2 for p in problems)


class _Store:
    """A schema.CodeStore in memory, counting what is asked of it."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}
        self.loads: list[str] = []
        self.dumps: list[str] = []

    def load(self, key: str) -> bytes | None:
        self.loads.append(key)
        return self.entries.get(key)

    def dump(self, key: str, code: bytes) -> None:
        self.dumps.append(key)
        self.entries[key] = code


def test_a_validator_kept_in_the_store_is_run_from_there_and_judges_as_one_compiled_anew(monkeypatch) -> None:
    """The command line keeps each schema's compiled validator in its cache (schema.keep_compiled): a later run
    reads it back instead of generating and compiling it again, and it judges every document alike."""
    import copy

    import fastjsonschema

    from dossier.core.load.schema import keep_compiled

    store = _Store()
    keep_compiled(store)
    try:
        fresh = {name: compile_schema(copy.deepcopy(schema)) for name, schema in SCHEMAS.items()}
        assert len(store.entries) == len(SCHEMAS) == len(set(store.dumps))  # one entry per schema, each kept once
        generated = []
        real = fastjsonschema.compile_to_code
        monkeypatch.setattr(fastjsonschema, "compile_to_code", lambda *a, **k: generated.append(1) or real(*a, **k))
        kept = {name: compile_schema(copy.deepcopy(schema)) for name, schema in SCHEMAS.items()}
        assert not generated and len(store.dumps) == len(SCHEMAS)  # read back: nothing generated or written
        for path, name, data in _documents():
            assert kept[name].valid(copy.deepcopy(data)) == fresh[name].valid(copy.deepcopy(data)), path
        assert not kept["article"].valid({"seed": 3, "title": "T"})
        assert kept["article"].valid({"seed": "a.txt", "title": "T"})
        # An entry that does not run (the shell's store checks its bytes; this one does not) is compiled anew
        for key in store.entries:
            store.entries[key] = b"not marshal"
        again = compile_schema(copy.deepcopy(SCHEMAS["site"]))
        assert generated and again.valid({"title": "T"}) and not again.valid({"title": 3})
        assert len(store.dumps) == len(SCHEMAS) + 1
        # Another schema is another entry, never the kept one of the schema it was edited from
        changed = copy.deepcopy(SCHEMAS["article"])
        changed["properties"]["title"]["minLength"] = 5
        assert not compile_schema(changed).valid({"seed": "a.txt", "title": "T"})
        assert len(store.entries) == len(SCHEMAS) + 1
    finally:
        keep_compiled(None)
    before = len(store.loads)
    compile_schema(copy.deepcopy(SCHEMAS["site"]))
    assert len(store.loads) == before  # none kept: the store is no longer asked


def test_a_validator_from_the_kept_code_judges_as_fastjsonschema_compile_does_for_any_schema() -> None:
    """The kept code is the module fastjsonschema.compile_to_code writes. It judges as fastjsonschema.compile does
    also where that module once lacked an import (a `format: regex` beside a float multipleOf), and a schema
    with a lone surrogate in a pattern gets a key like any other."""
    import fastjsonschema

    from dossier.core.load.schema import keep_compiled

    store = _Store()
    keep_compiled(store)
    try:
        both = {"properties": {"r": {"type": "string", "format": "regex"}, "n": {"multipleOf": 0.1}}}
        for data in ({"n": 0.3}, {"n": 0.35}, {"r": "a+"}, {"r": "("}, {}):
            try:
                expected = bool(fastjsonschema.compile(both)(dict(data))) or True
            except fastjsonschema.JsonSchemaException:
                expected = False
            assert compile_schema(both).valid(dict(data)) == expected, data
        lone = compile_schema({"properties": {"p": {"type": "string", "pattern": "^[^\ud800-\udfff]*$"}}})
        assert lone.valid({"p": "plain"}) and not lone.valid({"p": "\ud800"}) and len(store.entries) == 2
    finally:
        keep_compiled(None)
