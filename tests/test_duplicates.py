"""One name, two definitions (dossier/core/load/duplicates.py; the whole build: tests/invalid/
same-slug-in-two-folders and entities-copied-into-their-folder)."""

from __future__ import annotations

from dossier.core.load.duplicates import duplicate_ids, one_per_slug
from dossier.core.load.model import ArticleMeta, Comparison, Origin


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
