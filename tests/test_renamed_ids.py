"""Several references to one unknown entity or article (dossier/core/load/renamed.py): said once at the definition
only when it is very likely the one meant, else each at its own place, told that the id is defined nowhere.

Review 87: any entity no annotation named was taken for the one meant, so deleting an entity blamed another person
(mentioned in the seeds by name), and following the hint credited 21 annotations to them; deleting an article
file told to rename another outlet's article; a deliberate rename was one error naming only its first reference,
without a column, while the links to the old id in the same file each said `did you mean` the new one."""

from __future__ import annotations

from conftest import MINIMAL_SITE, write_tree
from dossier.core.common.errors import error
from dossier.core.load.renamed import places
from dossier.core.pipeline import build_site
from dossier.shell import fs

SOURCES = "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\n"
ENTITIES = """\
benjamin-netanyahu:
  name: Benjamin Netanyahu
  kind: person
  aliases: [Netanyahu]
  summary: "Prime Minister; see [him](entity:benjamin-netanyahu) and [his page](/entities/benjamin-netanyahu/)."
fiora-danzar: {name: Fiora Danzar, kind: person, aliases: [Danzar]}
fiora-vodanzar: {name: Fiora Vodanzar, kind: person, aliases: [Vodanzar]}
"""


def _article(seed: str, source: str, speaker: str) -> str:
    return (f"seed: {seed}\ntitle: Talks to resume in Cairo\nsource: {source}\ndate: 2024-03-22\nannotations:\n"
            f"  - id: alone\n    quote: We will do it alone\n    speaker: {speaker}\n"
            f"    entities: [{speaker}, benjamin-netanyahu]\n")


def _dossier(tmp_path, changed: dict[str, str | None]) -> list:
    """The errors of a build of a small dossier, with `changed` files (None: deleted)."""
    files: dict[str, str | None] = {
        "site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
        "seeds/a.txt": "Talks\nNetanyahu said: We will do it alone. Fiora Danzar said nothing.\n",
        "seeds/b.txt": "Talks again\nNetanyahu said: We will do it alone.\n",
        "content/articles/outlet-a-0002-rail-tunnel.yaml": _article("a.txt", "outlet-a", "fiora-vodanzar"),
        "content/articles/outlet-b-0023-rail-tunnel.yaml": _article("b.txt", "outlet-b", "fiora-vodanzar")}
    files.update(changed)
    root = write_tree(tmp_path / "dossier", {k: v for k, v in files.items() if v is not None})
    return [p for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]


def test_a_deleted_entity_is_not_blamed_on_another_mentioned_in_the_seeds(tmp_path) -> None:
    """fiora-danzar is named by no annotation, but the seeds mention her: she is someone else."""
    entities = ENTITIES.replace("fiora-vodanzar: {name: Fiora Vodanzar, kind: person, aliases: [Vodanzar]}\n", "")
    problems = _dossier(tmp_path, {"content/entities.yaml": entities})
    assert {p.file for p in problems} == {"content/articles/outlet-a-0002-rail-tunnel.yaml",
                                          "content/articles/outlet-b-0023-rail-tunnel.yaml"}
    assert len(problems) == 4 and all('unknown entity "fiora-vodanzar"' in p.message for p in problems)
    assert {p.hint for p in problems} == {'entity "fiora-vodanzar" is defined nowhere, yet 4 references name it: '
                                          "was it deleted? define it again in the entities, or change each reference"}


def test_a_deleted_entity_is_not_blamed_on_a_new_one_whose_id_is_its_own_name(tmp_path) -> None:
    """The review's iran deleted and iraq (named Iraq, mentioned nowhere) added: iraq is no mistyped iran."""
    entities = ENTITIES.replace("fiora-vodanzar: {name: Fiora Vodanzar, kind: person, aliases: [Vodanzar]}\n",
                                "fiora-vodanzer: {name: Fiora Vodanzer, kind: person}\n")
    problems = _dossier(tmp_path, {"content/entities.yaml": entities})
    assert len(problems) == 4 and not [p for p in problems if p.file == "content/entities.yaml"]


def test_an_entity_renamed_is_one_error_at_its_key_counting_links_and_listing_the_places(tmp_path) -> None:
    entities = ENTITIES.replace("benjamin-netanyahu:\n", "netanyahu:\n")
    problems = _dossier(tmp_path, {"content/entities.yaml": entities})
    assert [(p.file, p.line, p.col) for p in problems] == [("content/entities.yaml", 1, 1)]
    assert problems[0].message == (
        'entity "netanyahu" is named by no reference, while 4 name "benjamin-netanyahu", one of its names written as '
        "an id (at content/articles/outlet-a-0002-rail-tunnel.yaml:9:32, "
        "content/articles/outlet-b-0023-rail-tunnel.yaml:9:32, content/entities.yaml:5:39 and 1 more)")
    assert problems[0].hint.endswith('if it was changed on purpose, write "netanyahu" at each of them')


def test_an_entity_renamed_to_an_id_like_none_of_its_names_is_found_by_its_name(tmp_path) -> None:
    problems = _dossier(tmp_path, {"content/entities.yaml": ENTITIES.replace("benjamin-netanyahu:\n", "bibi:\n")})
    assert [(p.file, p.line) for p in problems] == [("content/entities.yaml", 1)]
    assert problems[0].message.startswith('entity "bibi" is named by no reference, while 4 name "benjamin-netanyahu"')


def test_a_key_a_typo_away_is_blamed_only_when_no_article_mentions_the_entity(tmp_path) -> None:
    """mayor-danzr (named Fiora Danzar: its id is none of its names) is a typo of the mayor-danzar the annotations
    name, unless an article mentions her: then she may well be someone else, and the id meant one deleted."""
    article = _article("a.txt", "outlet-a", "mayor-danzar")
    found = {}
    for who in ("Someone", "Fiora Danzar"):
        found[who] = _dossier(tmp_path / who.replace(" ", "-"), {
            "content/entities.yaml": ENTITIES.replace("fiora-danzar: {", "mayor-danzr: {"),
            "seeds/a.txt": f"Talks\nNetanyahu said: We will do it alone. {who} spoke.\n",
            "content/articles/outlet-a-0002-rail-tunnel.yaml": article,
            "content/articles/outlet-b-0023-rail-tunnel.yaml": article.replace("a.txt", "b.txt")})
    assert [(p.file, p.line) for p in found["Someone"]] == [("content/entities.yaml", 6)]
    assert {p.hint for p in found["Fiora Danzar"]} == {
        'entity "mayor-danzar" is defined nowhere, yet 4 references name it: was it deleted? define it again in the '
        "entities, or change each reference"}


COMPARISON = """\
title: The tunnel
question: What was said?
kind: quote
witnesses:
  - article: outlet-a-0002-rail-tunnel
    quote: We will do it alone
  - article: outlet-b-0023-rail-tunnel
    quote: We will do it alone
"""


def test_a_deleted_article_is_not_blamed_on_another_outlets_article(tmp_path) -> None:
    problems = _dossier(tmp_path, {"content/articles/outlet-a-0002-rail-tunnel.yaml": None,
                                   "content/comparisons/one.yaml": COMPARISON,
                                   "content/comparisons/two.yaml": COMPARISON})
    assert [(p.file, p.line) for p in problems] == [("content/comparisons/one.yaml", 5),
                                                    ("content/comparisons/two.yaml", 5)]
    (hint,) = {p.hint for p in problems}  # (its seed is left, which the witnesses quote: said so, deleted.py)
    assert hint.startswith("content/articles/outlet-a-0002-rail-tunnel.yaml is gone, but its seed is not"), hint
    assert "outlet-b" not in hint


def test_an_article_file_renamed_from_the_name_its_title_gave_it_is_one_error_at_the_file(tmp_path) -> None:
    """`--import` names a file after its title's first six words; the comparisons still name that slug."""
    comparison = COMPARISON.replace("outlet-a-0002-rail-tunnel", "talks-to-resume-in-cairo")
    problems = _dossier(tmp_path, {"content/articles/outlet-a-0002-rail-tunnel.yaml": None,
                                   "content/articles/cairo-a.yaml": _article("a.txt", "outlet-a", "fiora-vodanzar"),
                                   "content/comparisons/one.yaml": comparison,
                                   "content/comparisons/two.yaml": comparison})
    assert [(p.file, p.message) for p in problems] == [(
        "content/articles/cairo-a.yaml", 'this file\'s name makes the slug "cairo-a", which nothing names, while 2 '
        'references name "talks-to-resume-in-cairo", the slug its title or seed makes (at '
        "content/comparisons/one.yaml:5:14, content/comparisons/two.yaml:5:14)")]


def test_places_lists_the_first_references_in_file_order_with_their_columns_then_how_many_more() -> None:
    group = [error("b.yaml", 3, 7, "m"), error("a.yaml", 9, 2, "m"), error("a.yaml", 2, 0, "m"),
             error("c.yaml", 1, 1, "m"), error("d.yaml", 0, 0, "m")]
    assert places(group) == "a.yaml:2:1, a.yaml:9:2, b.yaml:3:7 and 2 more"
    assert places(group[:2]) == "a.yaml:9:2, b.yaml:3:7"


def test_an_article_file_renamed_on_purpose_is_found_by_the_quotes_its_text_holds(tmp_path) -> None:
    """Review 91: a file renamed to a name of no likeness (jpost-go-it-alone.yaml to jerusalem-post-rafah.yaml) was
    said to be defined nowhere, each reference told to create it again, which its seed, taken, then refused."""
    renamed = _article("a.txt", "outlet-a", "fiora-vodanzar")
    problems = _dossier(tmp_path, {"content/articles/outlet-a-0002-rail-tunnel.yaml": None,
                                   "content/articles/tunnel-report.yaml": renamed,
                                   "content/comparisons/one.yaml": COMPARISON,
                                   "content/comparisons/two.yaml": COMPARISON})
    assert [(p.file, p.check) for p in problems] == [("content/articles/tunnel-report.yaml",
                                                     "witness-unknown-article")], problems
    assert "holds 2 of the 2 quotes their witnesses give" in problems[0].message
    assert problems[0].hint.startswith('if "outlet-a-0002-rail-tunnel" is the slug meant, rename the file')


def test_each_link_to_an_id_defined_nowhere_is_said_at_its_place_and_counted_two_in_one_note_too(tmp_path) -> None:
    """A note linking a deleted entity, article or comparison twice was one problem, at its first link, and the
    hint counted it as one reference: "2 references name it" for three links to change, the second of them in no
    message. Each link is one now, at its own column, and the count is theirs, for the three kinds alike (an
    article's hint is deleted.py's: its file is gone)."""
    links = "[x](entity:gone-person), [y](article:gone-article), [z](compare:gone)"
    note = "  - id: said\n    quote: Netanyahu said\n    note: \"{}\"\n"
    problems = _dossier(tmp_path, {
        "content/articles/outlet-a-0002-rail-tunnel.yaml": _article("a.txt", "outlet-a", "fiora-danzar") +
        note.format(f"{links}; again {links}."),
        "content/articles/outlet-b-0023-rail-tunnel.yaml": _article("b.txt", "outlet-b", "fiora-danzar") +
        note.format(links)})
    a, b = "content/articles/outlet-a-0002-rail-tunnel.yaml", "content/articles/outlet-b-0023-rail-tunnel.yaml"
    for scheme, ident, count in [("entity", "gone-person", 'entity "gone-person" is defined nowhere, yet 3 references '
                                  "name it: was it deleted? define it again in the entities, or change each reference"),
                                 ("article", "gone-article", "(3 links name it)"),
                                 ("compare", "gone", 'comparison "gone" is defined nowhere, yet 3 links name it: was '
                                  "it deleted? write it again as content/comparisons/gone.yaml, or change each link")]:
        said = [p for p in problems if f'link "{scheme}:{ident}"' in p.message]
        column = 12 + links.index(f"]({scheme}:") + 2   # (the note's text begins at column 12)
        again = column + len(links) + len("; again ")
        assert [(p.file, p.line, p.col) for p in said] == [(a, 12, column), (a, 12, again), (b, 12, column)]
        assert all(count in p.hint for p in said), [p.hint for p in said]
