"""Each feature of the plan is a pure function from the Library to its pages: the home/sources/tags/report pages
(site.py), the entity pages (entity_pages.py) and the comparison pages (compare_pages.py). Checked on the default
dossier: the paths each plans, the owner named in a collision, and the inputs each page says it depends on (the
keys an incremental build will follow)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from dossier.core.plan import compare_pages
from dossier.core.plan import entity_pages
from dossier.core.plan import site
from dossier.core.plan.article_pages import article_rows
from dossier.core.load.inputs import Options
from dossier.core.analyse.library import analyse
from dossier.core.load.loader import load_config, load_dossier
from dossier.shell import fs


@pytest.fixture(scope="module")
def library():
    inputs = fs.read_inputs(ROOT)
    config, problems = load_config(inputs, Options())
    assert config is not None and not problems
    dossier, _, problems = load_dossier(inputs, config)
    assert not problems
    return analyse(dossier)


@pytest.fixture(scope="module")
def rows(library):
    return article_rows(library)


def test_the_site_pages_are_home_sources_tags_the_report_404_and_the_annotation_collection(library, rows) -> None:
    pages = {p.path: p for p in site.pages(library, rows)}
    assert {"index.html", "sources/index.html", "tags/index.html", "report/index.html", "404.html",
            "annotations.jsonld"} <= set(pages)
    tags = {t for r in rows for a in r["annotation_rows"] for t in (x["name"] for x in a["tags"])}
    assert {f"tags/{t}/index.html" for t in tags} <= set(pages)
    assert pages["index.html"].owner == "site.yaml" and "site" in pages["index.html"].depends
    assert pages["sources/index.html"].owner == "content/sources.yaml"
    assert pages["index.html"].template == "home.html" and pages["annotations.jsonld"].template is None


def test_the_home_page_depends_on_every_article_it_lists(library, rows) -> None:
    home = next(p for p in site.pages(library, rows) if p.path == "index.html")
    assert {f"article:{r['slug']}" for r in rows} <= set(home.depends)
    view = home.make()
    assert [a["slug"] for a in view["articles"]] == [r["slug"] for r in rows]


def test_every_entity_has_a_page_owned_by_its_registry_file_that_depends_on_the_entity(library, rows) -> None:
    pages = {p.path: p for p in entity_pages.pages(library, rows)}
    assert "entities/index.html" in pages
    for entity in library.dossier.entities:
        page = pages[f"entities/{entity.id}/index.html"]
        assert page.owner == entity.origin.file
        assert f"entity:{entity.id}" in page.depends and page.template == "entity.html"


def test_every_comparison_has_a_page_that_depends_on_it_and_on_each_witness_article(library) -> None:
    pages = {p.path: p for p in compare_pages.pages(library)}
    assert {"compare/index.html", "passages/index.html"} <= set(pages)
    for comparison in library.dossier.comparisons:
        page = pages[f"compare/{comparison.id}/index.html"]
        assert page.owner == comparison.origin.file
        assert f"comparison:{comparison.id}" in page.depends
        assert {f"article:{w.article}" for w in comparison.witnesses} <= set(page.depends)
        assert page.make()["comparison"]["title"] == comparison.title


def test_planning_is_pure_the_same_library_plans_the_same_pages(library, rows) -> None:
    first = [(p.path, p.owner, p.depends, p.template) for p in site.pages(library, rows)]
    again = [(p.path, p.owner, p.depends, p.template) for p in site.pages(library, rows)]
    assert first == again


def test_article_rows_are_kept_while_made_of_the_same_objects_and_made_anew_otherwise(library) -> None:
    import dataclasses

    first, again = article_rows(library), article_rows(library)
    assert all(a is b for a, b in zip(first, again))        # the same analysed articles: the same rows
    outlet = library.dossier.sources[0]
    renamed = dataclasses.replace(outlet, name=outlet.name + " (renamed)")
    dossier = dataclasses.replace(library.dossier, sources=(renamed, *library.dossier.sources[1:]))
    changed = article_rows(dataclasses.replace(library, dossier=dossier))
    for old, new in zip(first, changed):
        if old["source_id"] == outlet.id:
            assert new is not old and new["source"] == outlet.name + " (renamed)"
            assert all(a["article"]["source"] == new["source"] for a in new["annotation_rows"])
        else:
            assert new is old
    assert any(r["source_id"] == outlet.id for r in first)
