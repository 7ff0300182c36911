"""An article's outlet that content/sources.yaml does not have: a typo gets its did-you-mean; any other id is told
to be added there or to be one of the ids there are, named where they are few, or those beginning with its first
word where they are many (review 125: "vice-news" beside "vice" got only "add it there or fix the id")."""

from __future__ import annotations

from conftest import MINIMAL_SITE, mini
from dossier.core.load.registry_place import where
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

SEED = "Talks resume\nThe talks would resume next week, the minister said.\n"


def hint_for(tmp_path, source: str, outlets: list[str], files_of: tuple[str, ...] = ("content/sources.yaml",)) -> str:
    """The hint of `source` unknown, the `outlets` defined in the files `files_of`, one after the other."""
    files = {"site.yaml": MINIMAL_SITE, "seeds/a.txt": SEED,
             "content/articles/a.yaml": f"seed: a.txt\ntitle: T\nsource: {source}\ndate: 2024-03-22\n"}
    for i, o in enumerate(outlets):
        file = files_of[i % len(files_of)]
        files[file] = files.get(file, "") + f"{o}: {{name: {o.title()}}}\n"
    result = build_site(fs.read_inputs(mini(tmp_path, files, defaults=False)), Options())
    [problem] = [p for p in result.problems if p.check == "source-unknown"]
    return problem.hint


def test_a_typo_of_an_outlet_gets_its_did_you_mean(tmp_path) -> None:
    assert hint_for(tmp_path, "vcie", ["vice", "reuters"]) == 'did you mean "vice"?'


def test_another_outlet_is_told_to_be_added_or_to_be_one_of_the_few_there_are(tmp_path) -> None:
    assert hint_for(tmp_path, "vice-news", ["vice", "reuters"]) == (
        'outlets are the keys of content/sources.yaml: add "vice-news" there, or write one of its ids '
        "(reuters, vice)")


def test_among_many_outlets_those_beginning_with_its_first_word_are_named(tmp_path) -> None:
    outlets = [f"outlet-{i:02}" for i in range(20)] + ["vice", "vice-uk", "vicenza-today"]
    assert hint_for(tmp_path, "vice-news", outlets) == (
        'outlets are the keys of content/sources.yaml: add "vice-news" there, or write one of its ids '
        '(23; those beginning "vice": vice, vice-uk)')
    assert hint_for(tmp_path / "b", "times-of-israel", outlets) == \
        "outlets are the keys of content/sources.yaml; add it there or fix the id"


def test_outlets_kept_in_content_sources_are_said_to_be_there_not_in_a_sources_yaml_the_dossier_lacks(tmp_path) -> None:
    """Review 145: in a dossier whose outlets are all in content/sources/, the hint said "outlets are the keys of
    content/sources.yaml: add … there, or write one of its ids": a file it does not have. It names the files the
    outlets are in: the one file, the files of the folder, or sources.yaml and the folder's files."""
    assert hint_for(tmp_path / "a", "vice-news", ["vice", "reuters"], ("content/sources/wires.yaml",)) == (
        'outlets are the keys of content/sources/wires.yaml: add "vice-news" there, or write one of its ids '
        "(reuters, vice)")
    assert hint_for(tmp_path / "b", "vice-news", ["vice", "reuters"], ("content/sources/a.yaml",
                                                                       "content/sources/b.yaml")) == (
        'outlets are the keys of the files of content/sources/: add "vice-news" to one of them, or write one of '
        "their ids (reuters, vice)")
    assert hint_for(tmp_path / "c", "times-of-israel", ["vice", "reuters"], ("content/sources.yaml",
                                                                             "content/sources/more/b.yaml")) == (
        'outlets are the keys of content/sources.yaml and the files of content/sources/: add "times-of-israel" to '
        "one of them, or write one of their ids (reuters, vice)")


def test_where_a_registrys_ids_are_is_said_as_the_files_the_dossier_has() -> None:
    assert where("sources", ()) == where("sources", ["content/sources.yaml"])
    assert (where("sources", ()).every, where("sources", ()).there) == ("content/sources.yaml", "there")
    folder = where("entities", ["content/entities/people.yaml", "content/entities/places.yaml"])
    assert (folder.every, folder.one, folder.there, folder.its) == (
        "the files of content/entities/", "a file of content/entities/", "to one of them", "their")
    both = where("entities", ["content/entities.yaml", "content/entities/people.yaml"])
    assert (both.every, both.one) == ("content/entities.yaml and the files of content/entities/",
                                      "content/entities.yaml or a file of content/entities/")
