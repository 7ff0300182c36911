"""A syntax error in content/entities.yaml or content/sources.yaml hides no other file's mistake: the references to
its entities and outlets are checked, in the same run, against the ids its text plainly defines (its top-level
keys, registry_ids.py). Before, every unknown entity or outlet the other files named was said only once the
registry was mended: the mistakes surfaced one run at a time."""

from __future__ import annotations

import pytest

from conftest import run_build
from dossier.core.pipeline import build_site
from dossier.shell import fs

SEED = "Talks in Cairo\nThe talks in Cairo would resume next week, the minister said of Gaza and Rafah.\n"
ENTITIES = """\
cairo:
  name: Cairo
  kind: place
gaza:
  name: Gaza
  kind: place
  aliases: [Gaza Strip]
rafah:
  name: Rafah
  kind: place
"""
# (a bracket left open in the entry of "gaza": "cairo" is defined before the error, "rafah" after it)
BROKEN_ENTITIES = ENTITIES.replace("kind: place\n  aliases", "kind: [place\n  aliases")
SOURCES = """\
outlet-a:
  name: Outlet A
  country: Nowhere
outlet-b:
  name: Outlet B
outlet-c:
  name: Outlet C
"""
# (a ": " in a value not quoted: outlet-a is defined before the error, outlet-c after it)
BROKEN_SOURCES = SOURCES.replace("name: Outlet B", "name: Outlet B: the second")


def article(source: str = "outlet-a", entities: str = "cairo, rafah", link: str = "rafah") -> str:
    return (f"seed: a.txt\ntitle: Talks\nsource: {source}\ndate: 2024-03-22\n"
            f"summary: On [the city](entity:{link}).\nannotations:\n"
            f"  - id: resume\n    quote: would resume next week\n    entities: [{entities}]\n"
            f"    note: See [it](/entities/{link}/).\n")


def problems(mini_dossier, files: dict[str, str]) -> list[tuple[str, int, str]]:
    """Every error of a build of the mini-dossier with `files`: (file, line, message)."""
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
                         **files})
    result = build_site(fs.read_inputs(root))
    return [(p.file, p.line, p.message) for p in result.problems if p.severity == "error"]


SYNTAX_ENTITIES = ("content/entities.yaml", 6, "YAML syntax error: this [ opens a list in brackets that is never "
                   "closed with ]")
SYNTAX_SOURCES = ("content/sources.yaml", 5, 'YAML syntax error: a ": " inside a value that is not quoted, or a key '
                  "indented under a plain value")


def test_an_unknown_entity_is_said_in_the_same_run_as_the_entities_files_syntax_error(mini_dossier) -> None:
    found = problems(mini_dossier, {"content/entities.yaml": BROKEN_ENTITIES,
                                    "content/articles/a.yaml": article(entities="cairo, kairo")})
    assert found == [("content/articles/a.yaml", 9, 'annotation "resume": unknown entity "kairo" in entities'),
                     SYNTAX_ENTITIES]


def test_references_to_entities_defined_before_and_after_the_error_are_right(mini_dossier) -> None:
    """cairo is defined before the error, rafah after it, gaza in the entry the error is in; only the link to an
    entity the file plainly does not define is said (with its usual did-you-mean, among the file's keys)."""
    found = problems(mini_dossier, {"content/entities.yaml": BROKEN_ENTITIES,
                                    "content/articles/a.yaml": article(entities="cairo, gaza, rafah", link="rafa")})
    assert found == [("content/articles/a.yaml", 5, 'link "entity:rafa": unknown entity "rafa"'),
                     ("content/articles/a.yaml", 10, 'link "/entities/rafa/": unknown entity "rafa"'),
                     SYNTAX_ENTITIES]


def test_with_the_entities_file_broken_every_kind_of_reference_is_checked_as_when_it_is_mended(mini_dossier) -> None:
    """Annotations' entities and speaker, a comparison's speaker, links in notes and summaries (an article's, a
    comparison's, an outlet's, another entity file's), a role's `of:`: what is said of them is the same."""
    files = {"content/articles/a.yaml": article(entities="cairo, kairo", link="rafha").replace(
                 "    note:", "    speaker: gazza\n    note:"),
             "content/comparisons/talks.yaml": "title: Talks\nquestion: Where?\nkind: quote\nspeaker: raffah\n"
                                               "summary: In [Gaza](entity:gazastrip).\nwitnesses:\n"
                                               "  - article: a\n    quote: would resume next week\n",
             "content/sources.yaml": SOURCES.replace("country: Nowhere", "note: Of [Cairo](entity:kairo)."),
             "content/entities/more.yaml": "sinai:\n  name: Sinai\n  kind: place\n  summary: Near [Gaza](entity:gazza)."
                                           "\n  roles:\n    - {title: Border, of: rafha}\n"}

    def said(entities: str) -> set[tuple[str, int, str, str]]:
        root = mini_dossier({"seeds/a.txt": SEED, "content/entities.yaml": entities, **files})
        return {(p.file, p.line, p.message, p.hint) for p in build_site(fs.read_inputs(root)).problems
                if p.file != "content/entities.yaml" and p.check != "yaml-syntax"}

    mended = said(ENTITIES)
    assert len([p for p in mended if "unknown entity" in p[2] or "names no entity" in p[2]]) == 9
    assert said(BROKEN_ENTITIES) == mended


def test_the_broken_entities_file_itself_has_its_one_syntax_error(mini_dossier) -> None:
    found = problems(mini_dossier, {"content/entities.yaml": BROKEN_ENTITIES,
                                    "content/articles/a.yaml": article(entities="kairo")})
    assert [p for p in found if p[0] == "content/entities.yaml"] == [SYNTAX_ENTITIES]
    assert len(found) == 2


def test_an_unknown_outlet_is_said_in_the_same_run_as_the_sources_files_syntax_error(mini_dossier) -> None:
    found = problems(mini_dossier, {"content/sources.yaml": BROKEN_SOURCES,
                                    "content/articles/a.yaml": article(source="outlet-cc")})
    assert found == [("content/articles/a.yaml", 3, 'unknown source "outlet-cc"'), SYNTAX_SOURCES]


@pytest.mark.parametrize("source", ["outlet-a", "outlet-b", "outlet-c"])
def test_an_outlet_defined_before_at_or_after_the_sources_files_error_is_known(mini_dossier, source) -> None:
    """(with, in the same run, another article's unknown outlet: said, with its did-you-mean)"""
    found = problems(mini_dossier, {"content/sources.yaml": BROKEN_SOURCES, "seeds/b.txt": SEED,
                                    "content/articles/a.yaml": article(source=source),
                                    "content/articles/b.yaml": article(source="outlet-cc").replace("a.txt", "b.txt")})
    assert found == [("content/articles/b.yaml", 3, 'unknown source "outlet-cc"'), SYNTAX_SOURCES]


def test_the_did_you_mean_of_an_unknown_outlet_offers_a_key_of_the_broken_file(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": BROKEN_SOURCES,
                         "content/articles/a.yaml": article(source="outlet-cc")})
    hints = [p.hint for p in build_site(fs.read_inputs(root)).problems if p.check == "source-unknown"]
    assert hints == ['did you mean "outlet-c"?']


def test_an_error_that_swallows_the_rest_of_the_file_says_no_entity_is_unknown(mini_dossier) -> None:
    """A quote never closed: YAML reads the rest of the file as its text. Whether the lines after it were meant as
    keys is not known, so no reference is said to name nothing (rafah, after it, is no "unknown entity"), and
    the summary line says that the references to entities were not checked."""
    swallowed = ENTITIES.replace("name: Gaza", 'name: "Gaza')
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": SOURCES, "content/entities.yaml": swallowed,
                         "content/articles/a.yaml": article(entities="cairo, rafah, kairo")})
    result = build_site(fs.read_inputs(root))
    assert [(p.file, p.line, p.check) for p in result.problems if p.severity == "error"] == \
        [("content/entities.yaml", 5, "yaml-syntax")]
    assert result.unjudged == (("entities", "content/entities.yaml", 5),)
    check = run_build(root, "--check", "--no-search")
    assert "; not checked: the references to entities (the ids content/entities.yaml defines from line 5 on are " \
           "hidden by its error)\n" in check.stdout, check.stdout


def test_the_summary_line_says_nothing_more_when_every_id_is_known(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": BROKEN_SOURCES,
                         "content/entities.yaml": BROKEN_ENTITIES, "content/articles/a.yaml": article()})
    result = build_site(fs.read_inputs(root))
    assert result.unjudged == () and len([p for p in result.problems if p.severity == "error"]) == 2


def test_with_site_yaml_broken_too_the_references_are_checked_against_the_broken_registries(mini_dossier) -> None:
    found = problems(mini_dossier, {"site.yaml": "title: [Mini\n", "content/entities.yaml": BROKEN_ENTITIES,
                                    "content/sources.yaml": BROKEN_SOURCES,
                                    "content/articles/a.yaml": article(source="outlet-cc", entities="rafah, kairo")})
    assert [p[:2] for p in found] == [("content/articles/a.yaml", 3), ("content/articles/a.yaml", 9),
                                      SYNTAX_ENTITIES[:2], SYNTAX_SOURCES[:2], ("site.yaml", 1)]


def test_a_registry_file_whose_ids_its_text_does_not_tell_is_named_on_the_summary_line(mini_dossier) -> None:
    """No mapping at all (a list), or not UTF-8: none of its ids is known, so no reference to it was checked."""
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": "- outlet-a\n- outlet-b\n",
                         "content/entities.yaml": "cairo:\n  name: Cairo\n".encode("utf-16"),
                         "content/articles/a.yaml": article(source="outlet-cc", entities="kairo")})
    result = build_site(fs.read_inputs(root))
    assert result.unjudged == (("sources", "content/sources.yaml", 1), ("entities", "content/entities.yaml", 1))
    assert not [p for p in result.problems if p.check in ("source-unknown", "entities-unknown", "links")]


def test_the_summary_line_names_the_registries_whose_references_were_not_checked() -> None:
    from dossier.shell.summary import unjudged_summary

    assert unjudged_summary(()) == ""
    assert unjudged_summary((("sources", "content/sources.yaml", 1),)) == \
        "; not checked: the references to outlets (content/sources.yaml could not be used)"
    assert unjudged_summary((("entities", "content/entities.yaml", 7), ("entities", "content/entities/more.yaml", 1),
                             ("sources", "content/sources.yaml", 3))) == (
        "; not checked: the references to entities and outlets (the ids content/entities.yaml defines from line 7 on "
        "are hidden by its error; content/entities/more.yaml could not be used; the ids content/sources.yaml "
        "defines from line 3 on are hidden by its error)")


def test_a_reference_written_as_a_name_is_offered_the_key_of_the_broken_file_it_was_meant_as(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": BROKEN_SOURCES,
                         "content/entities.yaml": BROKEN_ENTITIES,
                         "content/articles/a.yaml": article(source="Outlet C", entities="cairo, Rafah")})
    hints = sorted(p.hint for p in build_site(fs.read_inputs(root)).problems if p.check == "schema-form")
    assert hints == ['did you mean "outlet-c"? write an outlet\'s id (a key of content/sources.yaml)',
                     'did you mean "rafah"? write an entity\'s id (a key of content/entities.yaml)']


@pytest.mark.parametrize("refused, named", [
    ("content/entities/more.yaml", "content/entities/more.yaml"),   # (a link out of the dossier)
    ("content/entities", "content/entities"),                       # (the folder linked)
])
def test_the_summary_line_names_the_refused_file_not_a_registry_that_was_read(mini_dossier, tmp_path, refused,
                                                                              named) -> None:
    """A file of content/entities/ linked out of the dossier (refused) made the summary line say
    "content/entities.yaml could not be used", though that file was read and is right."""
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
                         "content/articles/a.yaml": article()})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "more.yaml").write_text("kairo:\n  name: Kairo\n", "utf-8")
    (root / refused).parent.mkdir(parents=True, exist_ok=True)
    (root / refused).symlink_to(outside / "more.yaml" if refused.endswith(".yaml") else outside)
    result = build_site(fs.read_inputs(root))
    assert result.unjudged == (("entities", named, 1),)
    check = run_build(root, "--check", "--no-search")
    assert f"; not checked: the references to entities ({named} could not be used)\n" in check.stdout, check.stdout


@pytest.mark.parametrize("misnamed", ["content/entities/more.yml", "content/entites.yaml"])
def test_the_summary_line_names_a_misnamed_file_of_entities(mini_dossier, misnamed) -> None:
    entities = {} if misnamed == "content/entites.yaml" else {"content/entities.yaml": ENTITIES}
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": SOURCES, misnamed: "kairo:\n  name: Kairo\n",
                         "content/articles/a.yaml": article(), **entities})
    assert build_site(fs.read_inputs(root)).unjudged == (("entities", misnamed, 1),)


@pytest.mark.parametrize("newline", ["\r", "\u2028"])
@pytest.mark.parametrize("broken", ["content/entities.yaml", "content/sources.yaml"])
def test_a_registry_whose_lines_end_otherwise_than_in_lf_hides_no_id_after_its_error(mini_dossier, broken,
                                                                                     newline) -> None:
    """Saved with CR line endings (old Macs), or with a U+2028 YAML reads as a line break: the keys after the
    error were lost, and every reference to them was an unknown entity or outlet (221 for the repo's dossier)."""
    text = {"content/entities.yaml": BROKEN_ENTITIES, "content/sources.yaml": BROKEN_SOURCES}[broken]
    text = text.replace("\n", newline) if newline == "\r" else text.replace("\nrafah:", "\u2028rafah:").replace(
        "\noutlet-c:", "\u2028outlet-c:")
    root = mini_dossier({"seeds/a.txt": SEED, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
                         broken: text.encode(), "content/articles/a.yaml": article(source="outlet-c")})
    result = build_site(fs.read_inputs(root))
    assert [(p.file, p.check) for p in result.problems if p.severity == "error"] == \
        [(broken, "yaml-syntax" if newline == "\r" else "yaml-character")]
    assert result.unjudged == ()


def test_a_stray_quote_opening_a_key_after_the_error_hides_no_entity(mini_dossier) -> None:
    """Two mistakes, the second a quote opening a key ('rafah:): YAML reads the lines after it as its text, up to
    the next quote, and the keys between were said unknown wherever they were named (69 false errors for the
    repo's dossier). Only the syntax error is said."""
    more = ENTITIES + "khan-younis:\n  name: Khan Younis\n  kind: place\njabalia:\n  name: Jabalia's camp\n"
    broken = more.replace("name: Cairo", "name: Cairo: the city").replace("\nrafah:", "\n'rafah:")
    found = problems(mini_dossier, {"content/entities.yaml": broken,
                                    "content/articles/a.yaml": article(entities="cairo, rafah, khan-younis")})
    assert [p[:2] for p in found] == [("content/entities.yaml", 2)]
