"""Several references to one unknown entity or article (dossier/core/load/renamed.py): said once at the definition
only when it is very likely the one meant, else each at its own place, told that the id is defined nowhere.

Review 87: any entity no annotation named was taken for the one meant, so deleting an entity blamed another person
(mentioned in the seeds by name), and following the hint credited 21 annotations to them; deleting an article
file told to rename another outlet's article; a deliberate rename was one error naming only its first reference,
without a column, while the links to the old id in the same file each said `did you mean` the new one."""

from __future__ import annotations

from conftest import MINIMAL_SITE, copy_of_default_dossier, documented, write_tree
from dossier.core.common.errors import error, offered
from dossier.core.load.renamed import places
from dossier.core.load.renamed_key import at_repeated_key
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
    # (each reference alone would be offered her, a slip away: offered first, the deletion asked all the same)
    assert {p.hint for p in problems} == {'entity "fiora-vodanzar" is defined nowhere, yet 4 references name it: '
                                          'did you mean "fiora-danzar"? change each reference to it; or was it '
                                          "deleted? define it again in the entities"}


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
    assert {(p.file, p.hint) for p in found["Fiora Danzar"]} == {(f"content/articles/{slug}.yaml", (
        'entity "mayor-danzar" is defined nowhere, yet 4 references name it: did you mean "mayor-danzr"? change each '
        "reference to it; or was it deleted? define it again in the entities"))
        for slug in ("outlet-a-0002-rail-tunnel", "outlet-b-0023-rail-tunnel")}


def test_an_entity_id_mistyped_alike_in_several_files_is_said_at_each_with_the_did_you_mean_first(tmp_path) -> None:
    """The id each reference is offered alone (did_you_mean) was dropped once they were in several files (21 agreeing
    on an id did not all mistype it, review 87), while the links to a comparison kept theirs: it is offered first, in
    the same words at each, then how many name the id and what to do if it was deleted. No entity is blamed: the
    one meant is named by other references, and each of these keeps its place."""
    note = '  - id: said\n    quote: Netanyahu said\n    note: "She [spoke](entity:fiora-vodanzr)."\n'
    article_b = _article("b.txt", "outlet-b", "fiora-vodanzar").replace("entities: [fiora-vodanzar",
                                                                       "entities: [fiora-vodanzr")
    problems = _dossier(tmp_path, {
        "content/articles/outlet-a-0002-rail-tunnel.yaml": _article("a.txt", "outlet-a", "fiora-vodanzar") + note,
        "content/articles/outlet-b-0023-rail-tunnel.yaml": article_b})
    hint = ('entity "fiora-vodanzr" is defined nowhere, yet 2 references name it: did you mean "fiora-vodanzar"? '
            "change each reference to it; or was it deleted? define it again in the entities")
    assert [(p.file, p.line, p.col, p.hint) for p in problems] == [
        ("content/articles/outlet-a-0002-rail-tunnel.yaml", 12, 24, hint),
        ("content/articles/outlet-b-0023-rail-tunnel.yaml", 9, 16, hint)], problems


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
    # (its seed is left, which the witnesses quote: said so, deleted.py; then what each comparison is left with)
    (hint,) = {p.hint.split(". Removing it: ")[0] for p in problems}
    assert hint.startswith("content/articles/outlet-a-0002-rail-tunnel.yaml is gone, but its seed is not"), hint
    assert "outlet-b" not in hint
    assert [p.hint.split(". Removing it: ")[1] for p in problems] == [
        f"the comparison keeps 1 witness and compares two at least: add another article's, or delete "
        f"content/comparisons/{name}.yaml" for name in ("one", "two")]


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


def test_an_article_slug_mistyped_alike_in_several_files_is_said_at_each_with_the_did_you_mean_first(tmp_path) -> None:
    """As for an entity and a comparison: the slug each witness is offered alone comes first, then how many name the
    one written and what to do if it was deleted (deleted.py had replaced the hint: a file gone). A witness whose
    comparison has that article already is never offered it (review 71: a duplicate witness): with such a one among
    them, their own hints differ, and each keeps its own, the others' count them all."""
    typo = COMPARISON.replace("outlet-a-0002-rail-tunnel", "outlet-a-0002-rail-tunel")
    problems = _dossier(tmp_path / "typo", {"content/comparisons/one.yaml": typo, "content/comparisons/two.yaml": typo,
                                            "content/comparisons/named.yaml": COMPARISON})
    hint = ('article "outlet-a-0002-rail-tunel" is defined nowhere, yet 2 references name it: did you mean '
            '"outlet-a-0002-rail-tunnel"? change each reference to it; or was it deleted? add '
            "content/articles/outlet-a-0002-rail-tunel.yaml again")
    assert [(p.file, p.line, p.col, p.hint) for p in problems] == [("content/comparisons/one.yaml", 5, 14, hint),
                                                                   ("content/comparisons/two.yaml", 5, 14, hint)]
    both = typo + "  - article: outlet-a-0002-rail-tunnel\n    quote: We will do it alone\n"
    problems = _dossier(tmp_path / "witness", {"content/comparisons/one.yaml": typo,
                                               "content/comparisons/two.yaml": both})
    assert [(p.file, p.hint) for p in problems] == [
        ("content/comparisons/one.yaml", 'did you mean "outlet-a-0002-rail-tunnel"?'),
        ("content/comparisons/two.yaml", "no file content/articles/outlet-a-0002-rail-tunel.yaml defines this article "
         "(2 witnesses name it): if it was deleted, remove this witness; else create that file, or name an existing "
         "article by its slug (its file name in content/articles/)")], problems


def test_witnesses_in_several_files_naming_an_outlet_are_offered_its_articles_not_told_to_add_it_again(
        tmp_path) -> None:
    """An outlet's id for an article: each witness's hint names its articles, wherever they are (it was told that
    the article "outlet-a" is defined nowhere, to add content/articles/outlet-a.yaml again)."""
    outlet = COMPARISON.replace("outlet-a-0002-rail-tunnel", "outlet-a")
    problems = _dossier(tmp_path, {"content/comparisons/one.yaml": outlet, "content/comparisons/two.yaml": outlet,
                                   "content/comparisons/named.yaml": COMPARISON})
    assert [(p.file, p.line, p.hint) for p in problems] == [
        (f"content/comparisons/{name}.yaml", 5, '"outlet-a" is an outlet, not an article: name one of its articles '
         "(outlet-a-0002-rail-tunnel)") for name in ("one", "two")]


def test_the_documented_slips_copied_into_two_files_of_the_default_dossier_are_said_as_the_docs_show(tmp_path) -> None:
    """docs/messages.md's examples of an entity id and an article slug mistyped alike in two files (entities-unknown,
    witness-unknown-article) are what the build prints."""
    root = copy_of_default_dossier(tmp_path)
    for path, line, right, slip in [
            ("content/articles/all-israel-news-rafah-concerns.yaml", 157, "benjamin-netanyahu", "benjamin-netanyhu"),
            ("content/articles/free-beacon-we-will-do-it-alone.yaml", 23, "benjamin-netanyahu", "benjamin-netanyhu"),
            ("content/comparisons/us-major-operation-mistake.yaml", 17, "jpost-go-it-alone", "jpost-go-it-alnoe"),
            ("content/comparisons/war-duration.yaml", 18, "jpost-go-it-alone", "jpost-go-it-alnoe")]:
        lines = (root / path).read_text("utf-8").splitlines(keepends=True)
        assert right in lines[line - 1], (path, lines[line - 1])
        lines[line - 1] = lines[line - 1].replace(right, slip)
        (root / path).write_text("".join(lines), "utf-8")
    said = [p.format().splitlines() for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]
    assert len(said) == 4
    for marker in ('unknown entity "benjamin-netanyhu"', 'unknown article "jpost-go-it-alnoe"'):
        example = documented(marker)
        assert [line.strip() for line in said[[s[0] for s in said].index(example[0])]] == example


def test_a_did_you_mean_is_offered_for_a_group_only_when_every_hint_is_that_one_alone() -> None:
    def said(*hints: str) -> list:
        return [error("a.yaml", n, 1, "m", hint) for n, hint in enumerate(hints, 1)]

    assert offered(said('did you mean "b"?', 'did you mean "b"?')) == "b"
    assert offered(said("witnesses name article slugs", "witnesses name article slugs")) == ""
    assert offered(said('did you mean "b"?', "witnesses name article slugs")) is None   # (b a witness already there)
    assert offered(said('did you mean "b"? ("bee" is one of its names)')) == ""   # (a name, no slip)


def test_an_entity_block_copied_with_its_key_unchanged_is_one_error_at_the_key_of_the_copy() -> None:
    """Review 127: `duplicate key "cairo"` said to keep one (deleting Doha), and the reference to "doha" was an
    error of its own. Either block may be the copy; where neither's names hold the unknown id, both errors stay."""
    text = "cairo:\n  name: Cairo\n  kind: place\ncairo:\n  name: Doha\n  aliases: [Qatar's capital]\n"
    duplicate = error("content/entities.yaml", 4, 1, 'duplicate key "cairo"', "it is already set on line 1; keep one",
                      "yaml-duplicate-key")
    unknown = error("content/articles/a.yaml", 8, 16, 'annotation "x": unknown entity "qatar-s-capital" in entities',
                    "", "entities-unknown")
    named = {id(unknown): "qatar-s-capital"}
    (said,) = at_repeated_key([duplicate, unknown], {"content/entities.yaml": text.encode()},
                              lambda p: named.get(id(p)))
    assert (said.line, said.col, said.check) == (4, 1, "yaml-duplicate-key")
    assert said.message == ('duplicate key "cairo": this block is the entity named "Doha", while 1 reference names '
                            '"qatar-s-capital", one of its names written as an id (at content/articles/a.yaml:8:16)')
    assert said.hint == 'write "qatar-s-capital:" here (line 1 keeps "cairo"): the reference is then right'
    first = text.replace("name: Doha\n  aliases: [Qatar's capital]", "name: Cairo")
    assert at_repeated_key([duplicate, unknown], {"content/entities.yaml": first.encode()},
                           lambda p: named.get(id(p))) == [duplicate, unknown]


def test_an_entity_block_copied_into_another_entities_file_with_its_key_unchanged_is_one_error_at_the_copy() -> None:
    """Review 140: the block of "cairo" copied into another file of content/entities/ to define Doha was `entity id
    "cairo" is defined twice` at the later file (the original, when the copy went into the earlier one) and an error
    at each reference to "doha". One error at the copy's key, in either file, names the block that keeps the key;
    where neither block's names hold the unknown id, both errors stay."""
    original = "cairo:\n  name: Cairo\n  kind: place\n"
    copy = "qatar: {name: Qatar, kind: place}\ncairo:\n  name: Doha\n  aliases: [Qatar's capital]\n"
    unknown = error("content/articles/a.yaml", 8, 16, 'annotation "x": unknown entity "qatar-s-capital" in entities',
                    "", "entities-unknown")
    # (the copy in the earlier file of the two, where the error was at the original; then in the later one)
    for copied, kept, said_at in [("content/entities/gulf.yaml", "content/entities/places.yaml", 1),
                                  ("content/entities/places.yaml", "content/entities.yaml", 2)]:
        files = {copied: copy.encode(), kept: original.encode()}
        duplicate = error(copied if said_at == 2 else kept, said_at, 1, 'entity id "cairo" is defined twice',
                          f"the other definition is at {kept if said_at == 2 else copied}:{3 - said_at}",
                          "entity-duplicate-id")
        (said,) = at_repeated_key([duplicate, unknown], files, lambda p: "qatar-s-capital" if p is unknown else None)
        assert (said.file, said.line, said.col, said.check) == (copied, 2, 1, "entity-duplicate-id")
        assert said.message == ('entity id "cairo" is defined twice: this block is the entity named "Doha", while 1 '
                                'reference names "qatar-s-capital", one of its names written as an id (at '
                                'content/articles/a.yaml:8:16)')
        assert said.hint == f'write "qatar-s-capital:" here ({kept}:1 keeps "cairo"): the reference is then right'
        files[copied] = copy.replace("name: Doha\n  aliases: [Qatar's capital]", "name: Cairo").encode()
        assert at_repeated_key([duplicate, unknown], files, lambda p: "qatar-s-capital" if p is unknown else None) == [
            duplicate, unknown]


def test_an_outlet_id_renamed_onto_another_outlets_id_is_one_error_at_the_key_naming_the_id_to_write(tmp_path) -> None:
    """Review 135: `washington-free-beacon:` renamed `ynetnews:` said "duplicate key ... keep one" (keeping
    either broke an outlet) and each of its articles an unknown source; one error at the key says which id to
    write. An outlet's name is its id with or without its leading "The"."""
    root = copy_of_default_dossier(tmp_path)
    sources = root / "content" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    line = text.split("\n").index("washington-free-beacon:") + 1
    sources.write_text(text.replace("\nwashington-free-beacon:", "\nynetnews:"), encoding="utf-8")
    (said,) = [p for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]
    assert (said.file, said.line, said.col, said.check) == ("content/sources.yaml", line, 1, "yaml-duplicate-key")
    assert said.message == (
        'duplicate key "ynetnews": this block is the outlet named "Washington Free Beacon", while 1 article names '
        '"washington-free-beacon", its name written as an id (at content/articles/free-beacon-we-will-do-it-alone.yaml'
        ':4:9)')
    assert said.hint == 'write "washington-free-beacon:" here (line 2 keeps "ynetnews"): the article is then right'
    text = "a:\n  name: A\njerusalem-post:\n  name: The Jerusalem Post\n"
    duplicate = error("content/sources.yaml", 3, 1, 'duplicate key "a"', "keep one", "yaml-duplicate-key")
    unknown = [error(f"content/articles/{n}.yaml", 4, 9, 'unknown source "jerusalem-post"', "", "source-unknown")
               for n in "bc"]
    files = {"content/sources.yaml": text.replace("jerusalem-post", "a").encode()}
    (said,) = at_repeated_key([duplicate, *unknown], files, lambda p: "jerusalem-post" if p in unknown else None,
                              "outlet")
    assert said.hint == 'write "jerusalem-post:" here (line 1 keeps "a"): the 2 articles are then right'


def test_an_outlet_block_copied_into_another_outlets_file_with_its_key_unchanged_is_one_error_at_the_copy() -> None:
    """Outlets split into content/sources/*.yaml: the block of "a" copied into another outlets file to define The
    Jerusalem Post, all but its key changed, was `outlet id "a" is defined twice` and an unknown source at each of
    its articles. One error at the copy's key stands for them, in either file, as for entities."""
    original, copy = "a:\n  name: A\n", "b:\n  name: B\na:\n  name: The Jerusalem Post\n"
    unknown = [error(f"content/articles/{n}.yaml", 4, 9, 'unknown source "jerusalem-post"', "", "source-unknown")
               for n in "bc"]
    for copied, kept, said_at in [("content/sources/papers.yaml", "content/sources/wires.yaml", 1),
                                  ("content/sources/papers.yaml", "content/sources.yaml", 3)]:
        files = {copied: copy.encode(), kept: original.encode()}
        duplicate = error(copied if said_at == 3 else kept, said_at, 1, 'outlet id "a" is defined twice',
                          f"the other definition is at {kept if said_at == 3 else copied}:{4 - said_at}",
                          "source-duplicate-id")
        (said,) = at_repeated_key([duplicate, *unknown], files,
                                  lambda p: "jerusalem-post" if p in unknown else None, "outlet")
        assert (said.file, said.line, said.col, said.check) == (copied, 3, 1, "source-duplicate-id")
        assert said.message == ('outlet id "a" is defined twice: this block is the outlet named "The Jerusalem Post", '
                                'while 2 articles name "jerusalem-post", its name written as an id (at '
                                'content/articles/b.yaml:4:9, content/articles/c.yaml:4:9)')
        assert said.hint == f'write "jerusalem-post:" here ({kept}:1 keeps "a"): the 2 articles are then right'


def test_a_block_copied_beside_a_real_duplicate_in_a_third_file_leaves_the_real_one_said() -> None:
    """Review 145: with "cairo" in three entities files, a verbatim copy and a copy defining Doha, the error of the
    first two files was folded at the Doha block (its blocks were searched in every file), beside that block's own
    error: two errors at the copy, and the verbatim copy said nowhere until the next build. Each error is about its
    own two files: the verbatim copy keeps its error, the Doha block's is folded, its hint naming one block that keeps
    the key. With the Doha block in the first file, each other file's error was said against it: one is folded, and
    the other then names the block that keeps the key, as it will once the copy's key is changed."""
    cairo, doha = "cairo:\n  name: Cairo\n", "qatar: {name: Qatar}\ncairo:\n  name: Doha\n"
    unknown = error("content/articles/a.yaml", 8, 16, 'annotation "x": unknown entity "doha" in entities', "",
                    "entities-unknown")
    for texts, first in [((cairo, cairo, doha), 1), ((doha, cairo, cairo), 2)]:
        files = {f"content/entities/{n}.yaml": t.encode() for n, t in zip("abc", texts)}
        twice = [error(f"content/entities/{n}.yaml", texts[i].split("\n").index("cairo:") + 1, 1,
                       'entity id "cairo" is defined twice',
                       f"the other definition is at content/entities/a.yaml:{first}", "entity-duplicate-id")
                 for i, n in [(1, "b"), (2, "c")]]
        said = at_repeated_key([*twice, unknown], files, lambda p: "doha" if p is unknown else None)
        assert [(p.file, p.line) for p in said] == ([("content/entities/b.yaml", 1), ("content/entities/c.yaml", 2)]
                                                    if first == 1 else
                                                    [("content/entities/a.yaml", 2), ("content/entities/c.yaml", 1)])
        copy, real = (said[1], said[0]) if first == 1 else (said[0], said[1])
        kept = "content/entities/a.yaml:1" if first == 1 else "content/entities/b.yaml:1"
        assert copy.hint == f'write "doha:" here ({kept} keeps "cairo"): the reference is then right'
        assert (real.message, real.hint) == ('entity id "cairo" is defined twice', f"the other definition is at {kept}")
