"""An article's outlet that content/sources.yaml does not have: a typo gets its did-you-mean; any other id is told
to be added there or to be one of the ids there are, named where they are few, or those beginning with its first
word where they are many (review 125: "vice-news" beside "vice" got only "add it there or fix the id")."""

from __future__ import annotations

from conftest import mini
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

SEED = "Talks resume\nThe talks would resume next week, the minister said.\n"


def hint_for(tmp_path, source: str, outlets: list[str]) -> str:
    files = {"seeds/a.txt": SEED,
             "content/sources.yaml": "".join(f"{o}: {{name: {o.title()}}}\n" for o in outlets),
             "content/articles/a.yaml": f"seed: a.txt\ntitle: T\nsource: {source}\ndate: 2024-03-22\n"}
    result = build_site(fs.read_inputs(mini(tmp_path, files)), Options())
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
