"""Files of content/ the build does not read are said (dossier/core/load/ignored.py)."""

from __future__ import annotations

from dossier.core.load.ignored import ignored, unused


def test_files_outside_the_read_names_are_warnings_and_a_near_miss_of_a_missing_registry_an_error() -> None:
    paths = ["content/articles/a.yaml", "content/articles/notes.txt", "content/comparisons/talks.yml",
             "content/articles/b.yaml", "content/articles/b.yml", "content/entities/more.json", "content/entites.yaml",
             "content/sources.yaml", "content/source.yaml", "content/notes.yaml", "content/README.md"]
    problems, missing = ignored(paths)
    said = {(p.file, p.severity, p.message) for p in problems}
    assert said == {
        ("content/articles/notes.txt", "warning", "ignored: article files end in .yaml"),
        ("content/comparisons/talks.yml", "error", 'comparison files end in .yaml: this file is not read, so '
                                                   'comparison "talks" is not built (the references to it are not '
                                                   'checked)'),
        # (a copy beside b.yaml: only a stray file)
        ("content/articles/b.yml", "warning", "ignored: article files end in .yaml"),
        ("content/entities/more.json", "warning", "ignored: entity files end in .yaml"),
        ("content/entites.yaml", "error", "content/entities.yaml is missing, and content/entites.yaml is not read"),
        # sources.yaml is there: source.yaml is only a stray file
        ("content/source.yaml", "warning", "ignored: content/ holds sources.yaml, entities.yaml and the folders "
                                           "articles/, comparisons/, entities/ and sources/"),
        ("content/notes.yaml", "warning", "ignored: content/ holds sources.yaml, entities.yaml and the folders "
                                          "articles/, comparisons/, entities/ and sources/"),
    }
    assert missing == {"entities"}
    assert all(p.check == "file-ignored" for p in problems)


def test_a_dossier_whose_files_are_all_read_has_nothing_to_say() -> None:
    assert ignored(["content/sources.yaml", "content/entities.yaml", "content/articles/a.yaml", "seeds/a.txt",
                    "content/comparisons/c.yaml", "site.yaml"]) == ([], set())


def test_entities_kept_in_their_folder_have_no_missing_registry() -> None:
    problems, missing = ignored(["content/sources.yaml", "content/entities/people.yaml", "content/entity.yaml"])
    assert [(p.file, p.severity) for p in problems] == [("content/entity.yaml", "warning")] and missing == set()



def test_outlets_kept_in_their_folder_are_read_and_a_file_there_not_ending_in_yaml_is_said_as_in_entities() -> None:
    """content/sources/ is read as content/entities/ is: its YAML files are the outlets' (no "no folder the build
    reads" warning, whose cascade was an unknown source at every article), a near miss of sources.yaml beside
    them is a stray file, a file of it under another extension is an error and the outlets' references are not
    checked."""
    assert ignored(["content/sources/wires.yaml", "content/sources/a.yaml", "content/entities.yaml"]) == ([], set())
    problems, missing = ignored(["content/sources/wires.yaml", "content/source.yaml", "content/sources/notes.txt"])
    assert [(p.file, p.severity, p.message) for p in problems] == [
        ("content/sources/notes.txt", "warning", "ignored: outlet files end in .yaml"),
        ("content/source.yaml", "warning", "ignored: content/ holds sources.yaml, entities.yaml and the folders "
                                           "articles/, comparisons/, entities/ and sources/")] and missing == set()
    problems, missing = ignored(["content/entities.yaml", "content/sources/papers.yaml", "content/sources/wires.yml"])
    assert [(p.file, p.severity, p.message, p.hint) for p in problems] == [
        ("content/sources/wires.yml", "error", "outlet files end in .yaml: this file is not read, so its outlets are "
         "unknown (the references to outlets are not checked)", "rename it to wires.yaml")] and missing == {"sources"}


def test_a_registry_file_under_another_extension_beside_its_folder_is_one_error_and_its_references_unchecked() -> None:
    """Review 145: content/sources.yml beside content/sources/b-israel.yaml (no sources.yaml) was a warning, "move it
    into one of them, or out of content/", and each article of its outlets an unknown source; entities.yml beside
    content/entities/x.yaml, 287 errors for the default dossier's. The registry's own name under another extension
    or case is plainly its file: one error, whatever the folder holds, the references to it not checked. A near miss
    of the name (entity.yaml) beside the folder stays a stray file, and so does a copy beside the registry's file."""
    for registry, folder in [("sources", "content/sources/b-israel.yaml"), ("entities", "content/entities/x.yaml")]:
        for misnamed in (f"content/{registry}.yml", f"content/{registry.capitalize()}.YAML"):
            problems, missing = ignored([folder, misnamed])
            assert [(p.file, p.severity, p.message, p.hint) for p in problems] == [
                (misnamed, "error", f"content/{registry}.yaml is missing, and {misnamed} is not read",
                 f"rename it to content/{registry}.yaml, or move it into content/{registry}/ as a .yaml file")]
            assert missing == {registry}
            assert unused([folder, misnamed]) == {registry: [misnamed]}
        problems, missing = ignored([folder, f"content/{registry}.yaml", f"content/{registry}.yml"])
        assert [(p.file, p.severity) for p in problems] == [(f"content/{registry}.yml", "warning")] and not missing
    (problem,), missing = ignored(["content/sources.yml"])  # (no folder: the hint is the one it was)
    assert problem.hint == "rename it to content/sources.yaml" and missing == {"sources"}


def test_a_file_in_a_folder_of_content_the_build_does_not_read_is_a_warning_naming_the_folder_meant() -> None:
    """Review 74: content/article/x.yaml (one letter short) was left out without a word, every link to the
    article then an "unknown article"."""
    problems, missing = ignored(["content/article/x.yaml", "content/notes/n.md", "content/articles/a.yaml",
                                 "content/comparisons/c.yaml", "content/entities/e.yaml", "content/sources.yaml",
                                 "content/comments/c.md"])
    assert missing == set()
    said = {p.file: p.format() for p in problems}
    assert set(said) == {"content/article/x.yaml", "content/notes/n.md", "content/comments/c.md"}
    # (a folder of comments is no misspelt comparisons/, which difflib's ratio offered: similar.py)
    assert "hint: move it into one of them, or out of content/" in said["content/comments/c.md"]
    assert "content/article/ is no folder the build reads" in said["content/article/x.yaml"]
    assert "hint: move it to content/articles/x.yaml" in said["content/article/x.yaml"]
    assert "hint: move it into one of them, or out of content/" in said["content/notes/n.md"]
    source = ignored(["content/source/wires.yaml"])[0][0].format()
    assert "content/source/ is no folder the build reads" in source
    assert "move it to content/sources/wires.yaml" in source


def test_a_file_of_entities_ending_in_yml_is_an_error_and_the_entities_references_are_not_checked() -> None:
    problems, missing = ignored(["content/sources.yaml", "content/entities.yaml", "content/entities/people.YML"])
    assert [(p.file, p.severity, p.hint) for p in problems] == [
        ("content/entities/people.YML", "error", "rename it to people.yaml")] and missing == {"entities"}


def test_a_seed_moved_into_a_folder_of_seeds_is_said_once_at_the_seed_key_naming_where_it_is() -> None:
    """The seed-missing error says where the file is (tests/invalid/seed-moved-into-a-folder); the folder's file
    is not said again in a warning of its own, which came last and explained the error."""
    from conftest import ROOT
    from dossier.core.pipeline import build_site
    from dossier.shell import fs

    problems = build_site(fs.read_inputs(ROOT / "tests/invalid/seed-moved-into-a-folder")).problems
    assert [(p.file, p.check) for p in problems] == [("content/articles/b.yaml", "seed-missing")]
    assert "move seeds/march/b.txt back to seeds/b.txt" in problems[0].hint


def test_an_article_under_no_yaml_extension_is_an_error_naming_its_new_name_and_prose_stays_a_warning() -> None:
    """Review 165: an article saved as content/articles/n3.yaml.txt (Notepad's name) or n6 (no extension) was the
    warning "ignored: article files end in .yaml" (hint "rename it to <slug>.yaml"): `file-ignored: ignore` left
    it out without a word. Its keys say it is an article, as a .yml's name does: an error, naming the file it
    goes to. A notes.txt of prose, or a picture, there stays the warning, its hint to move it out (review 173)."""
    article = b"seed: n3.txt\ntitle: Three\nsource: ynet\ndate: 2024-04-01\n"
    files = {"content/articles/a.yaml": b"seed: a.txt\n", "content/articles/n3.yaml.txt": article,
             "content/articles/n6": article.replace(b"n3", b"n6"), "content/articles/notes.txt": b"Ask the desk.\n",
             "content/articles/photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff", "content/sources.yaml": b""}
    problems, missing = ignored(files)
    assert [(p.file, p.severity, p.hint) for p in problems] == [
        ("content/articles/n3.yaml.txt", "error", "rename it to n3.yaml"),
        ("content/articles/n6", "error", "rename it to n6.yaml"),
        ("content/articles/notes.txt", "warning", "move it out of content/articles/: it holds no article"),
        ("content/articles/photo.jpg", "warning", "move it out of content/articles/: it holds no article")
    ] and missing == set()
    assert 'article "n3" is not built' in problems[0].message
    # (beside its .yaml, a copy is a stray file, a warning)
    assert [p.severity for p in ignored({**files, "content/articles/n6.yaml": article})[0]
            if p.file == "content/articles/n6"] == ["warning"]


def test_a_file_not_ending_in_yaml_that_holds_no_article_is_not_told_to_be_renamed_into_one() -> None:
    """Review 173: a picture, a note and a comparison (alone.json) in content/articles/ were each told "rename it to
    <name>.yaml", and so renamed failed as articles (not UTF-8, missing seed:, the keys of a comparison). A file of
    another kind is told its folder; one holding nothing the build reads (README.md too) to leave the folder; one
    that may be an article begun keeps the rename."""
    comparison = b"question: What was said?\nkind: quote\nwitnesses:\n  - article: a\n    quote: alone\n"
    files = {"content/articles/photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
             "content/articles/notes.txt": b"a: 1\n",
             "content/articles/alone.json": comparison, "content/articles/README.md": b"# Articles\n\nOne a file.\n",
             "content/articles/begun.txt": b"seed: a.txt\ntitle: Begun\n",
             "content/entities/people.txt": b"cairo:\n  name: Cairo\n  homepage: https://x.org/\n  country: Egypt\n"}
    problems, _ = ignored(files)
    assert {p.file: p.hint for p in problems} == {
        "content/articles/photo.jpg": "move it out of content/articles/: it holds no article",
        "content/articles/notes.txt": "move it out of content/articles/: it holds no article",
        "content/articles/README.md": "move it out of content/articles/: it holds no article",
        "content/articles/alone.json": "it holds a comparison: move it to content/comparisons/alone.yaml",
        "content/articles/begun.txt": "rename it to begun.yaml",
        "content/entities/people.txt": "it holds outlets: move it to content/sources/people.yaml"}
    assert all(p.severity == "warning" and p.check == "file-ignored" for p in problems)
    # (beside a comparison of its name, it may be a copy: moved, it would take that one's place)
    problems, _ = ignored({**files, "content/comparisons/alone.yaml": comparison})
    assert [p.hint for p in problems if p.file == "content/articles/alone.json"] == [
        "it holds a comparison, and content/comparisons/alone.yaml is there already: delete it if it is a copy; else "
        "move it to content/comparisons/ under another name"]
