"""One name, two definitions (dossier/core/load/duplicates.py; the whole build: tests/invalid/
same-slug-in-two-folders, entities-copied-into-their-folder and outlet-defined-in-two-files)."""

from __future__ import annotations

from dossier.core.load.duplicates import duplicate_ids, one_per_id, one_per_slug
from dossier.core.load.model import ArticleMeta, Comparison, Origin, Source


def meta(path: str) -> ArticleMeta:
    return ArticleMeta(path.rsplit("/", 1)[-1][:-5], Origin(path), "a.txt", "T", "s", "2024-03-22")


def test_an_article_slug_two_folders_make_is_one_error_at_the_second_and_the_first_keeps_it() -> None:
    first, other, second = (meta(p) for p in ("content/articles/2024/x.yaml", "content/articles/y.yaml",
                                               "content/articles/old/x.yaml"))
    talks = Comparison("talks", Origin("content/comparisons/talks.yaml"), "T", "Q", "quote", ())
    kept, comparisons, twice, (problem,) = one_per_slug([first, other, second], [talks])
    assert kept == [first, other] and comparisons == [talks] and twice == [second]
    assert (problem.file, problem.check) == ("content/articles/old/x.yaml", "duplicate-slug")
    assert 'article slug "x" is also the slug of content/articles/2024/x.yaml' in problem.message


def test_ids_two_files_share_are_one_error_per_pair_with_the_count_and_the_first_ids() -> None:
    """Entities copied into content/entities/people.yaml and left in entities.yaml: 15 errors, one per id."""
    ids = ["b", "a", "c", "d", "e"]
    items = [(i, "content/entities.yaml", n + 1, 1) for n, i in enumerate(ids)] + \
            [(i, "content/entities/people.yaml", n + 10, 1) for n, i in enumerate(ids)] + \
            [("a", "content/entities/more.yaml", 3, 1)]
    grouped, single = duplicate_ids("entity", items)
    assert (grouped.file, grouped.line) == ("content/entities/people.yaml", 10)
    assert grouped.message == ('5 entity ids of content/entities.yaml are defined again in this file: "b", "a", '
                               '"c" and 2 more')
    assert "delete them from content/entities.yaml (the first at line 1)" in grouped.hint
    assert (single.file, single.line, single.message, single.hint) == (
        "content/entities/more.yaml", 3, 'entity id "a" is defined twice', "the other definition is at "
        "content/entities.yaml:2")


def test_an_outlet_id_two_files_define_is_a_source_duplicate_id_error_at_the_later_file() -> None:
    """Outlets split into content/sources/*.yaml are checked as entities split into content/entities/ are."""
    items = [("reuters", "content/sources.yaml", 1, 1), ("ynet", "content/sources.yaml", 2, 1),
             ("reuters", "content/sources/wires.yaml", 4, 1)]
    (problem,) = duplicate_ids("outlet", items)
    assert (problem.file, problem.line, problem.col, problem.check) == ("content/sources/wires.yaml", 4, 1,
                                                                       "source-duplicate-id")
    assert (problem.message, problem.hint) == ('outlet id "reuters" is defined twice',
                                               "the other definition is at content/sources.yaml:1")
    assert {p.check for p in duplicate_ids("entity", items)} == {"entity-duplicate-id"}


def test_one_per_id_merges_the_files_of_a_registry_in_id_order_the_first_definition_kept() -> None:
    """The outlets of content/sources.yaml and content/sources/*.yaml are one registry, in the order of ids as one
    file's are (so a split registry builds the same site); an id defined again is kept once, and said."""
    first = Source("reuters", "Reuters", id_origin=Origin("content/sources.yaml", 3, 1))
    ynet = Source("ynet", "Ynet", id_origin=Origin("content/sources/papers.yaml", 1, 1))
    again = Source("reuters", "Reuters copy", id_origin=Origin("content/sources/wires.yaml", 2, 1))
    afp = Source("afp", "AFP", id_origin=Origin("content/sources/wires.yaml", 5, 1))
    kept, (problem,) = one_per_id("outlet", [first, ynet, again, afp])
    assert kept == (afp, first, ynet)
    assert (problem.file, problem.line, problem.check) == ("content/sources/wires.yaml", 2, "source-duplicate-id")
