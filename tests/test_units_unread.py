"""What the reader did not read (dossier/core/load/unread.py): which paths it covers, and of which kinds of file
any number may then be unread."""

from __future__ import annotations

import pytest

from dossier.core.load.unread import Unread


@pytest.mark.parametrize("unread, path, covered", [
    ({"seeds"}, "seeds/a.txt", True), ({"seeds/a.txt"}, "seeds/a.txt", True), ({"seeds/a.txt"}, "seeds/b.txt", False),
    ({"seeds/a"}, "seeds/a.txt", False), ({"content"}, "content/articles/a.yaml", True), (set(), "site.yaml", False),
    ({"site.yaml"}, "site.yaml", True), ({"seeds/sub"}, "seeds/sub/a.txt", True)])
def test_a_path_is_covered_when_it_or_a_folder_it_is_in_was_not_read(unread, path, covered) -> None:
    assert Unread(frozenset(unread)).covers(path) is covered


@pytest.mark.parametrize("unread, steps", [
    (set(), set()), ({"seeds"}, set()), ({"templates"}, set()),
    ({"content"}, {"sources", "entities", "article", "comparison"}),
    ({"content/articles"}, {"article"}), ({"content/articles/more"}, {"article"}),
    ({"content/articles/b.yaml"}, set()), ({"content/comparisons/c.yaml"}, set()),
    ({"content/comparisons"}, {"comparison"}), ({"content/sources.yaml"}, {"sources"}),
    ({"content/entities.yaml"}, {"entities"}), ({"content/entities/people.yaml"}, {"entities"}),
    ({"content/sources"}, {"sources"}), ({"content/sources/wires.yaml"}, {"sources"})])
def test_the_kinds_of_file_of_which_any_may_be_unread(unread, steps) -> None:
    """An article or comparison file unread alone is known by its name (`stems`); an entity or outlet file alone
    is not: it may define any entity (outlet)."""
    assert Unread(frozenset(unread)).steps() == steps


def test_article_and_comparison_files_unread_alone_are_known_by_their_slugs() -> None:
    unread = Unread(frozenset({"content/articles/b.yaml", "content/comparisons/talks.yaml", "seeds/b.txt"}))
    assert unread.stems("article") == {"b"} and unread.stems("comparison") == {"talks"}
    assert unread.any_article()


@pytest.mark.parametrize("unread, any_article", [
    ({"seeds"}, False), ({"content/sources.yaml"}, False), ({"content"}, True), ({"content/articles/b.yaml"}, True)])
def test_an_article_file_may_be_unread_when_it_or_a_folder_of_them_was_not_read(unread, any_article) -> None:
    assert Unread(frozenset(unread)).any_article() is any_article


@pytest.mark.parametrize("unread, step, refused", [
    ({"content/entities/people.yaml", "content/articles/a.yaml"}, "entities", ["content/entities/people.yaml"]),
    ({"content/entities"}, "entities", ["content/entities"]), ({"content"}, "entities", ["content/entities.yaml"]),
    ({"content"}, "sources", ["content/sources.yaml"]), ({"content/entities/people.yaml"}, "sources", []),
    ({"content/entities.yaml", "content/entities/more"}, "entities",
     ["content/entities.yaml", "content/entities/more"]),
    ({"content/articles/more"}, "article", ["content/articles/more"]),
    ({"content/sources/wires.yaml"}, "sources", ["content/sources/wires.yaml"])])
def test_what_made_a_kind_of_file_unread_is_named_as_the_summary_line_says_it(unread, step, refused) -> None:
    """A file of content/entities/ refused was said as "content/entities.yaml could not be used"; one of
    content/sources/ is named as itself too."""
    assert Unread(frozenset(unread)).refused(step) == refused
