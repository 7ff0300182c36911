"""The build's stages (load → analyse → plan → execute): each a pure function returning a new value, imports
going one way, the plan complete and checked before anything renders, the executor's merge independent of how
the work was split."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT
from dossier.shell import fs
from dossier.core.analyse import placements as anchoring_module
from dossier.core.analyse import library as library_module
from dossier.core.analyse import witnesses as witnesses_module
from dossier.core.execute.execute import execute, render_pages
from dossier.core.load.inputs import Options
from dossier.core.analyse.library import analyse
from dossier.core.load.loader import jobs, load_config, load_dossier
from dossier.core.plan.page import context, data, html
from dossier.core.pipeline import build_site
from dossier.core.plan.plan import plan
from dossier.core.execute.render import Renderer

CORE = ROOT / "dossier" / "core"
# The core's folders in the order data flows through them; a module may import from its own folder and the ones
# before it, never from a later one. `common` and `text` are what every stage uses; `capture` (--add, --import
# guesses) and `suggest` (--suggest) sit beside the build and read what it loads and analyses.
LAYERS = ["common", "text", "load", "analyse", "plan", "execute"]
BESIDE = {"capture": {"common", "text", "load"}, "suggest": {"common", "text", "load", "analyse"}}


def folder_imports(path: Path) -> set[str]:
    """The core folders a module imports from (relative imports at any depth of the module)."""
    here = path.parent.name
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add(here)
        elif isinstance(node, ast.ImportFrom) and node.level == 2:
            found.add(node.module.split(".")[0] if node.module else "")
    return found


def test_the_core_is_folded_into_its_stages_with_only_the_build_and_the_preview_rules_on_top() -> None:
    assert sorted(p.name for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(LAYERS + list(BESIDE))
    assert sorted(p.name for p in CORE.glob("*.py")) == ["__init__.py", "pipeline.py", "preview.py"]


@pytest.mark.parametrize("folder", LAYERS + sorted(BESIDE))
def test_a_folder_of_the_core_imports_nothing_from_a_later_stage(folder: str) -> None:
    allowed = set(LAYERS[:LAYERS.index(folder) + 1]) if folder in LAYERS else BESIDE[folder] | {folder}
    for path in sorted((CORE / folder).glob("*.py")):
        wrong = folder_imports(path) - allowed
        assert not wrong, f"{folder}/{path.name} imports from {sorted(wrong)}, which comes later in the flow"


def test_the_folder_import_finder_sees_imports_inside_and_outside_its_folder(tmp_path: Path) -> None:
    module = tmp_path / "plan" / "x.py"
    module.parent.mkdir()
    module.write_text("from .page import Page\nfrom ..analyse.library import Library\n"
                      "def f():\n    from ..execute import render\n", "utf-8")
    assert folder_imports(module) == {"plan", "analyse", "execute"}


@pytest.fixture(scope="module")
def default_library():
    inputs = fs.read_inputs(ROOT)
    config, _ = load_config(inputs, Options())
    dossier, _, problems = load_dossier(inputs, config)
    assert not problems
    return inputs, analyse(dossier, strict=True)


def test_loading_reads_every_seed_and_editors_file_once_by_step() -> None:
    files = {"site.yaml": b"", "seeds/a.txt": b"", "seeds/sub/x.txt": b"", "content/sources.yaml": b"",
             "content/entities.yaml": b"", "content/articles/a.yaml": b"", "content/articles/notes.txt": b"",
             "content/comparisons/c.yaml": b""}
    assert jobs(files) == [("seed", "seeds/a.txt"), ("sources", "content/sources.yaml"),
                           ("entities", "content/entities.yaml"), ("article", "content/articles/a.yaml"),
                           ("comparison", "content/comparisons/c.yaml")]


def test_the_library_holds_every_anchor_and_nothing_after_it_anchors_again(default_library, monkeypatch) -> None:
    inputs, library = default_library
    placed = sum(len(item.placed) for item in library.articles)
    assert placed == len(library.report) >= 40 and not library.problems
    assert all(set(item.notes_html) == set(item.placed) for item in library.articles)  # each note rendered once
    calls = []
    for module in (anchoring_module, library_module, witnesses_module):
        real = module.place
        monkeypatch.setattr(module, "place", lambda *a, _real=real, **k: calls.append(1) or _real(*a, **k))
    pages, problems = plan(library, inputs.static)
    done = execute(pages, Renderer(inputs.templates), library.urls.base)
    assert calls == [] and problems == [] and not done.problems   # planning and rendering read the Library only


def test_the_plan_names_every_output_once_with_its_owner_and_the_inputs_it_reads(default_library) -> None:
    inputs, library = default_library
    pages, problems = plan(library, inputs.static)
    assert problems == []
    paths = [p.path for p in pages]
    assert len(paths) == len(set(paths))
    assert sorted(paths) == sorted(build_site(inputs).outputs)   # the plan is the whole site, nothing more
    by_path = {p.path: p for p in pages}
    slug = library.articles[0].article.slug
    article = by_path[f"articles/{slug}/index.html"]
    assert article.owner == f"content/articles/{slug}.yaml" and article.template == "article.html"
    # it reads what every article makes: its outlet link depends on how /sources/ is paged
    assert {f"article:{slug}", "site", "templates", "entities", "sources", "articles"} <= set(article.depends)
    assert by_path[f"articles/{slug}.md"].template is None and "templates" not in by_path[f"articles/{slug}.md"].depends
    comparison = library.comparisons.comparisons[0].comparison
    assert f"comparison:{comparison.id}" in by_path[f"compare/{comparison.id}/index.html"].depends
    entity = library.dossier.entities[0]
    assert f"entity:{entity.id}" in by_path[f"entities/{entity.id}/index.html"].depends
    assert paths.index("sitemap.xml") > paths.index(f"entities/{entity.id}/index.html")  # it lists what came before


def reversed_shards(task, n):
    """A ShardMap that runs the shards last to first (as workers may finish), returning results in order."""
    return list(reversed([task(i) for i in reversed(range(n))]))


def test_the_executor_merges_ranges_in_plan_order_however_they_ran(default_library, monkeypatch) -> None:
    inputs, library = default_library
    pages, _ = plan(library, inputs.static)
    plain = execute(pages, Renderer(inputs.templates), library.urls.base)
    monkeypatch.setattr("dossier.core.common.shards.SHARD_SIZE", 7)
    split = execute(pages, Renderer(inputs.templates), library.urls.base, shards=reversed_shards)
    assert split.paths == plain.paths == tuple(p.path for p in pages)
    assert split.outputs == plain.outputs and split.problems == plain.problems == ()


def test_a_page_that_fails_to_render_is_reported_and_left_out_and_a_sink_takes_the_rest(default_library) -> None:
    _, library = default_library
    dossier, urls = library.dossier, library.urls
    pages = [html("a/index.html", "content/a.yaml", ("site",), "a.html",
                  lambda: context(dossier, urls, "a/index.html", "A")),
             data("b.txt", "content/b.yaml", (), lambda: b"bytes as they are")]
    sunk: dict[str, bytes] = {}
    done = render_pages(pages, Renderer({"a.html": "{{ nothing_here }}"}), sunk.__setitem__)
    assert done.paths == ("b.txt",) and done.outputs == {} and sunk == {"b.txt": b"bytes as they are"}
    (problem,) = done.problems
    assert (problem.check, problem.file) == ("template-variable", "templates/a.html")


def test_a_seed_and_an_editors_file_are_each_parsed_by_a_pure_function_of_their_bytes(default_library) -> None:
    from dossier.core.load.inputs import Inputs
    from dossier.core.load.loader import parse_file

    inputs, library = default_library
    config = library.dossier.config
    seed = sorted(p for p in inputs.files if p.startswith("seeds/"))[0]
    text, problems, cleaned = parse_file(inputs, config, "seed", seed)
    assert problems == () and cleaned.text and text == parse_file(inputs, config, "seed", seed)[0]
    broken = Inputs({"content/sources.yaml": b"x: \xff\n"}, {}, {}, inputs.schemas)
    value, (problem,) = parse_file(broken, config, "sources", "content/sources.yaml")
    assert value is None and (problem.check, problem.line, problem.col) == ("file-encoding", 1, 4)


def test_article_rows_list_every_article_in_order_with_its_placed_annotations(default_library) -> None:
    from dossier.core.plan.article_pages import article_rows

    _, library = default_library
    rows = article_rows(library)
    assert [r["slug"] for r in rows] == [item.article.slug for item in library.articles]
    for row, item in zip(rows, library.articles):
        assert [a["id"] for a in row["annotation_rows"]] == [a.id for a in item.article.meta.annotations
                                                            if a.id in item.placed]
        assert all(a["note_html"] == item.notes_html[a["id"]] for a in row["annotation_rows"])
        assert row["annotations"] == len(row["annotation_rows"]) and row["summary_html"] == item.summary_html


def test_aligning_comparisons_badges_each_placed_witness_and_drops_a_comparison_left_with_one(default_library) -> None:
    from dataclasses import replace

    from dossier.core.analyse.witnesses import align

    _, library = default_library
    dossier, urls = library.dossier, library.urls
    index = align(dossier, urls, "warning")
    assert index.problems == () and index.comparisons
    first = index.comparisons[0]
    for placed in first.witnesses:
        (badge,) = [b for b in index.badges[placed.article.slug] if b.id == f"w-{first.comparison.id}"]
        assert (badge.start, badge.end) == (placed.where.start, placed.where.end)
        assert badge.href == urls.comparison(first.comparison.id) + f"#w-{placed.article.slug}"
    lonely = replace(first.comparison, witnesses=first.comparison.witnesses[:1])
    fewer = align(replace(dossier, comparisons=(lonely,)), urls, "warning")
    assert fewer.comparisons == () and fewer.badges == {} and fewer.coverage["rows"] == []
