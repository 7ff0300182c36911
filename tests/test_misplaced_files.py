"""A YAML file of content/ in the wrong place is one error, told by its keys, and the references it answers are not
said unknown (dossier/core/load/misplaced.py; review 146: tens to hundreds of errors whose hints would damage the
dossier, the cause a warning printed last)."""

from __future__ import annotations

from conftest import ROOT
from dossier.core.common.errors import error
from dossier.core.load.file_kinds import kind_of
from dossier.core.load.misplaced import misplaced
from dossier.core.pipeline import build_site, import_stubs
from dossier.shell import fs

ARTICLE = b"seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n  - id: x\n    quote: q\n"
COMPARISON = b"title: T\nquestion: When?\nkind: quote\nwitnesses:\n  - article: a\n    quote: q\n"
ENTITIES = b"jane-doe:\n  name: Jane Doe\n  kind: person\n  aliases: [Jane Doe]\nacme:\n  name: Acme\n  kind: org\n"
OUTLETS = b"outlet-a:\n  name: Outlet A\n  homepage: https://a.example/\n  country: Nowhere\n"
SCHEMA = error("x", 1, 1, 'unknown key "seed"', "", "schema-unknown-key")   # (what a file of another kind has)


def test_a_file_s_keys_tell_what_it_holds_and_too_few_or_as_many_of_two_kinds_tell_nothing() -> None:
    assert kind_of(ARTICLE.decode()) == ("article", ("seed", "source", "date"))
    assert kind_of(COMPARISON.decode()) == ("comparison", ("question", "kind", "witnesses"))
    assert kind_of(ENTITIES.decode()) == ("entities", ("kind", "aliases"))
    assert kind_of(OUTLETS.decode()) == ("sources", ("homepage", "country"))
    assert kind_of("todo: write more\nwho: me\n") is None and kind_of("title: T\nseed: a.txt\n") is None
    assert kind_of("seed: a.txt\nsource: b\nquestion: q\nwitnesses: []\n") is None and kind_of("- a\n") is None
    assert kind_of("title: T\nkind: claim\nspeaker: x\n") is None   # (an annotation's keys, misindented)
    # (a file YAML cannot read tells its kind by the keys its lines show)
    assert kind_of("seed: a.txt\nsource: [b\ndate: 2024-03-22\n") == ("article", ("seed", "source", "date"))
    assert kind_of("jane:\n  name: J\n  kind: person\n  aliases: [[J]\n")[0] == "entities"


def test_files_of_a_renamed_folder_are_one_error_at_the_folder_and_their_slugs_are_known() -> None:
    files = {"content/article/a.yaml": ARTICLE, "content/article/b.yaml": b"", "content/sources.yaml": OUTLETS}
    placed = misplaced(files, {"content/sources.yaml": ("sources", ())})
    assert [(p.file, p.severity, p.check, p.hint) for p in placed.problems] == [
        ("content/article", "error", "file-ignored",
         "rename the folder to content/articles, or move it out of content/ if they are not to be published")]
    assert placed.files("article") == ["content/article/a.yaml", "content/article/b.yaml"]   # (b.yaml by its folder)
    assert placed.ids("article") == {"a", "b"} and placed.steps() == set() and placed.defined() == ()


def test_a_file_in_a_folder_not_read_beside_its_kind_s_own_folder_is_an_error_at_the_file_saying_where_it_goes() -> None:
    """Review 158: articles kept in content/drafts/ beside content/articles/ (drafts, old copies) built with a
    warning until the misplaced files were errors: they are ignored.py's warning again; entities that no file read
    defines are still one error at their file, and a comparison whose folder the dossier lacks."""
    files = {"content/articles/c.yaml": ARTICLE, "content/drafts/a.yaml": ARTICLE, "content/drafts/b.yaml": ARTICLE,
             "content/people/people.yaml": ENTITIES, "content/entities.yaml": ENTITIES, "content/notes/n.yaml":
             b"todo: write more\n", "content/a.yaml": COMPARISON}
    placed = misplaced(files, {})
    said = {p.file: (p.message, p.hint) for p in placed.problems}
    assert set(said) == {"content/people/people.yaml", "content/a.yaml"}   # (n.yaml tells nothing, the drafts are
    assert not placed.covers("content/drafts/a.yaml")                      # kept aside: ignored.py's warning stays)
    assert said["content/people/people.yaml"] == (
        "content/people/ is no folder the build reads, and this file has the keys of entities (kind, aliases): it is "
        "not read, so its 2 entities are not defined (the references to them are not checked)",
        "move it to content/entities/people.yaml (the files of content/entities/ are read with content/entities.yaml),"
        " or out of content/ if it is not to be published")
    assert said["content/a.yaml"][1] == "move it to content/comparisons/a.yaml, or out of content/ if it is not to be " \
                                        "published"
    assert placed.steps() == {"entities"} and placed.ids("comparison") == {"a"}
    [defined] = placed.defined()
    assert (defined.step, defined.file, defined.ids, defined.complete) == ("entities", "content/people/people.yaml",
                                                                           {"jane-doe", "acme"}, True)


def test_a_file_read_as_another_kind_is_asked_only_when_its_schema_found_its_keys_wrong() -> None:
    files = {"content/comparisons/a.yaml": ARTICLE, "content/articles/talks.yaml": COMPARISON,
             "content/entities/sources.yaml": OUTLETS, "content/articles/b.yaml": ARTICLE}
    read = {"content/comparisons/a.yaml": ("comparison", (SCHEMA,)), "content/articles/talks.yaml": ("article", ()),
            "content/entities/sources.yaml": ("entities", (SCHEMA,)), "content/articles/b.yaml": ("article", (SCHEMA,))}
    placed = misplaced(files, read)
    said = {p.file: (p.message, p.hint) for p in placed.problems}
    # (talks.yaml, with no problem, is not asked: a valid dossier is never read twice; b.yaml is an article)
    assert set(said) == {"content/comparisons/a.yaml", "content/entities/sources.yaml"}
    assert said["content/comparisons/a.yaml"] == (
        'content/comparisons/ holds comparisons, and this file has the keys of an article (seed, source, date): it is '
        'not read, so article "a" is not built (the references to it are not checked)',
        "move it to content/articles/a.yaml")
    assert said["content/entities/sources.yaml"] == (
        "content/entities/ holds entities, and this file has the keys of outlets (homepage, country): it is not read, "
        "so its one outlet is not defined (the references to it are not checked)", "move it to content/sources.yaml")
    assert placed.covers("content/comparisons/a.yaml") and not placed.covers("content/articles/b.yaml")


def test_a_copy_in_the_wrong_place_of_a_file_that_is_in_the_right_one_is_said_to_be_one() -> None:
    files = {"content/comparisons/a.yaml": ARTICLE, "content/articles/a.yaml": ARTICLE}
    [problem] = misplaced(files, {"content/comparisons/a.yaml": ("comparison", (SCHEMA,))}).problems
    assert problem.message.endswith("it is not read, and content/articles/a.yaml is there already")
    assert problem.hint == "delete this one if it is a copy of content/articles/a.yaml; else move it to " \
                           "content/articles/ under another name"


def test_a_registry_file_yaml_cannot_read_leaves_its_references_unchecked() -> None:
    placed = misplaced({"content/people/p.yaml": b"jane:\n  name: J\n  kind: person\n  aliases: [[J]\n"}, {})
    assert "its entities are unknown (the references to entities are not checked)" in placed.problems[0].message
    assert not placed.defined()[0].complete


def test_a_renamed_articles_folder_fails_the_build_once_and_import_writes_no_stub_for_its_seeds() -> None:
    """tests/invalid/articles-folder-renamed: the summary names the files whose annotations were not checked, and
    --import says the error instead of "every seed already has an article file" (or a second article for each)."""
    inputs = fs.read_inputs(ROOT / "tests/invalid/articles-folder-renamed")
    built = build_site(inputs)
    assert [(p.file, p.check) for p in built.problems] == [("content/article", "file-ignored")]
    assert built.unchecked == ("content/article/a.yaml", "content/article/b.yaml")
    imported = import_stubs(inputs)
    assert not imported.stubs and [p.file for p in imported.problems] == ["content/article"]


def test_a_comparison_in_the_articles_folder_is_no_article_whose_annotations_were_not_checked() -> None:
    built = build_site(fs.read_inputs(ROOT / "tests/invalid/article-and-comparison-in-each-others-folder"))
    assert [(p.file, p.check) for p in built.problems] == [("content/articles/talks.yaml", "file-ignored"),
                                                           ("content/comparisons/b.yaml", "file-ignored")]
    assert built.unchecked == ("content/comparisons/b.yaml",)


def test_a_backup_of_a_registry_and_entities_with_an_outlet_s_keys_are_not_said_misplaced() -> None:
    """Review 158: content/entities-backup.yaml, a copy of entities.yaml, was said to leave its 43 entities undefined
    (all defined by entities.yaml) and to be moved into content/entities/, where it would define them again; a file
    of content/entities/ whose entities have a homepage and a country was taken for outlets (outlets have no kind)."""
    files = {"content/entities.yaml": ENTITIES, "content/entities-backup.yaml": ENTITIES,
             "content/articles/c.yaml": ARTICLE}
    assert misplaced(files, {"content/entities.yaml": ("entities", ())}).problems == ()
    orgs = b"acme:\n  name: Acme\n  kind: organisation\n  homepage: https://acme.example/\n  country: Nowhere\n" \
           b"beta:\n  name: Beta\n  kind: organisation\n  homepage: https://beta.example/\n  country: Nowhere\n"
    assert kind_of(orgs.decode())[0] == "entities"
