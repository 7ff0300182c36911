"""The pages an edit is about, rendered before the rest (dossier/core/execute/first.py): which pages go first,
that they are the very bytes the whole build makes, that they are not rendered twice, and that nothing goes
first when the build already has errors. On the default dossier, built in memory."""

from __future__ import annotations

import pytest

from dossier.core.common.memo import Memo
from dossier.core.execute.first import MOST, First, first_pages, owners
from dossier.core.pipeline import Options, build_site
from dossier.shell.fs import PROJECT, read_inputs

ARTICLE = "content/articles/jpost-go-it-alone.yaml"
PAGES = ["articles/jpost-go-it-alone.md", "articles/jpost-go-it-alone/index.html",
         "articles/jpost-go-it-alone/annotations.jsonld"]


@pytest.fixture(scope="module")
def inputs():
    return read_inputs(PROJECT)


def shown_first(inputs, changed, memo=None, visited=()) -> tuple[list[dict[str, bytes]], object]:
    handed: list[dict[str, bytes]] = []
    result = build_site(inputs, Options(), memo, first=First(frozenset(changed), lambda out: handed.append(dict(out)),
                                                             visited=tuple(visited)))
    return handed, result


def test_an_article_files_pages_go_first_and_are_the_whole_builds_bytes(inputs):
    handed, result = shown_first(inputs, [ARTICLE])
    assert len(handed) == 1 and sorted(handed[0]) == sorted(PAGES)
    assert result.ok
    assert all(handed[0][path] == result.outputs[path] for path in PAGES)


def test_a_seed_brings_the_pages_of_the_article_made_from_it(inputs):
    seed = "seeds/" + next(line.split(":", 1)[1].strip() for line in
                           inputs.files[ARTICLE].decode().splitlines() if line.startswith("seed:"))
    handed, _ = shown_first(inputs, [seed])
    assert len(handed) == 1 and sorted(handed[0]) == sorted(PAGES)


def test_pages_shown_first_are_not_rendered_again_by_the_rest_of_the_build(inputs):
    plain, first = Memo(), Memo()
    build_site(inputs, Options(), plain)
    handed, _ = shown_first(inputs, [ARTICLE], first)
    assert handed and first.misses["page"] == plain.misses["page"]
    assert first.hits["page"] == plain.hits["page"] + len(PAGES)


def test_files_that_own_no_page_or_too_many_pages_go_first_with_nothing(inputs):
    # a template makes no page exist; the entity registry owns every entity page (more than MOST here)
    for changed in (["templates/article.html"], ["content/entities.yaml"]):
        handed, result = shown_first(inputs, changed)
        assert handed == [] and result.ok


def test_nothing_goes_first_when_loading_found_an_error(inputs):
    broken = dict(inputs.files)
    broken[ARTICLE] = inputs.files[ARTICLE].replace(b"title:", b"title: [", 1)
    handed, result = shown_first(type(inputs)(**{**inputs.__dict__, "files": broken}), [ARTICLE])
    assert handed == [] and not result.ok


def test_first_pages_keeps_plan_order_and_gives_up_above_the_limit():
    class Page:  # (first_pages reads a page's owner only)
        def __init__(self, owner):
            self.owner = owner

    class Meta:
        origin = type("Origin", (), {"file": "content/articles/x.yaml"})()
        seed = "x.txt"

    dossier = type("Dossier", (), {"articles": [type("Article", (), {"meta": Meta})()]})()
    pages = [Page("content/articles/x.yaml"), Page("other"), Page("content/articles/x.yaml")]
    assert owners(["seeds/x.txt"], dossier) == {"seeds/x.txt", "content/articles/x.yaml"}
    assert first_pages(pages, ["seeds/x.txt"], dossier) == [pages[0], pages[2]]
    assert first_pages([Page("other")] * (MOST + 1), ["other"], dossier) == []
    assert len(first_pages([Page("other")] * MOST, ["other"], dossier)) == MOST


def test_a_comparison_files_page_goes_first_and_is_the_whole_builds_bytes(inputs):
    handed, result = shown_first(inputs, ["content/comparisons/headlines.yaml"])
    assert len(handed) == 1 and sorted(handed[0]) == ["compare/headlines/index.html"]
    assert handed[0]["compare/headlines/index.html"] == result.outputs["compare/headlines/index.html"]


def test_the_saved_files_pages_are_planned_alone_as_the_whole_plan_plans_them(inputs):
    """The preview plans the saved files' pages before the rest (plan.owned's `only`): the same pages, with the
    same inputs, as the whole plan's, and nothing else."""
    from dossier.core.analyse.library import analyse
    from dossier.core.pipeline import load_config, load_dossier
    from dossier.core.plan.plan import owned

    config, _ = load_config(inputs, Options())
    library = analyse(load_dossier(inputs, config)[0])
    mine = {ARTICLE, "content/comparisons/headlines.yaml"}
    alone = owned(library, mine).pages
    whole = [page for page in owned(library).pages if page.owner in mine]
    assert [p.path for p in alone] == [p.path for p in whole] == PAGES + ["compare/headlines/index.html"]
    for a, b in zip(alone, whole):
        assert (a.owner, a.depends, a.template) == (b.owner, b.depends, b.template)
        assert a.given is not None and a.given() == b.given()


def test_the_open_page_goes_first_for_an_edit_that_owns_no_page(inputs):
    """A template edit owns no page; the page the editor has open (the server saw it served) goes first."""
    page = "articles/jpost-go-it-alone/index.html"
    handed, result = shown_first(inputs, [], visited=(page, "entities/hamas/index.html"))
    # (an entity page is planned with the rest of the site: it does not go first)
    assert len(handed) == 1 and sorted(handed[0]) == [page] and handed[0][page] == result.outputs[page]
    handed, _ = shown_first(inputs, ["content/comparisons/headlines.yaml"], visited=(PAGES[1],))
    assert sorted(handed[0]) == sorted(["compare/headlines/index.html", PAGES[1]])   # the saved file's, and the open
