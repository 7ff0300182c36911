"""An article file renamed while references still name its old slug (dossier/core/load/renamed_article.py): one
error at the file counting every place the old slug is written (witnesses, links, `base:` lines, entities'
`exclude:` items), the file read through its seed's text when the seed was renamed too; a rename half done offers
the new slug at each reference left (review 151)."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_SITE, copy_of_default_dossier, documented, write_tree
from dossier.core.common.errors import error
from dossier.core.load.config import SiteConfig
from dossier.core.load.model import Dossier
from dossier.core.load.renamed_article import at_renamed_file
from dossier.core.pipeline import build_site
from dossier.shell import fs

SOURCES = "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\noutlet-c: {name: Outlet C}\n"
ENTITIES = """\
cairo:
  name: Cairo
  kind: place
  exclude:
    - {article: herald-talks, alias: Cairo}
"""
SEED_A = "Talks\nNegotiators meet in Cairo next week, the minister said.\nNetanyahu said: we will do it alone.\n"
ARTICLE = "seed: {seed}\ntitle: {title}\nsource: {source}\ndate: 2024-03-22\nannotations:\n{annotations}"
A_NOTES = "  - id: alone\n    quote: we will do it alone\n"
B_NOTES = ("  - id: resume\n    quote: The talks resume in Cairo\n"
           '    note: "As [the other report](/articles/herald-talks/) has it."\n')
COMPARISON = """\
title: {title}
question: What was said?
kind: quote
base: {base}
witnesses:
  - article: {a}
    quote: {quote_a}
  - article: post-envoy
    quote: {quote_b}
"""


def _files(renamed: str = "herald-talks", named: tuple[str, str, str] = ("herald-talks",) * 3
           ) -> dict[str, str]:
    """A small dossier whose article herald-talks is in the file `renamed`.yaml, and whose three comparisons'
    witnesses of it name `named` (the first comparison's base too)."""
    quotes = [("Negotiators meet in Cairo", "The talks resume in Cairo"), ("we will do it alone", "do it alone"),
              ("the minister said", "the minister said")]
    comparisons = {f"content/comparisons/{n}.yaml": COMPARISON.format(
        title=n, base=named[0] if n == "one" else "post-envoy", a=slug, quote_a=qa, quote_b=qb)
        for n, slug, (qa, qb) in zip(("one", "two", "three"), named, quotes)}
    return {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
            "seeds/a.txt": SEED_A,
            "seeds/b.txt": "Talks again\nThe talks resume in Cairo, the minister said; he will do it alone.\n",
            f"content/articles/{renamed}.yaml": ARTICLE.format(seed="a.txt", title="Cairo", source="outlet-a",
                                                               annotations=A_NOTES),
            "content/articles/post-envoy.yaml": ARTICLE.format(seed="b.txt", title="Cairo again",
                                                                   source="outlet-b", annotations=B_NOTES),
            **comparisons}


def _problems(tmp_path, files: dict[str, str]) -> list:
    return list(build_site(fs.read_inputs(write_tree(tmp_path / "dossier", files))).problems)


def test_an_article_file_renamed_is_one_error_at_it_counting_the_bases_and_exclusions_that_name_it_too(
        tmp_path) -> None:
    """Following the error, which counted only the witnesses and links, gave a comparison-base error at each base:
    line and the warning "exclusion names unknown article" (hint: "articles are content/articles/<slug>.yaml")."""
    problems = _problems(tmp_path, _files(renamed="cairo-report"))
    assert [(p.file, p.line, p.check) for p in problems] == [
        ("content/articles/cairo-report.yaml", 0, "witness-unknown-article")], problems
    assert problems[0].message == (
        'this file\'s name makes the slug "cairo-report", which nothing names, while 6 references name '
        '"herald-talks" (3 witnesses, 1 base, 1 link and 1 exclusion), and this article\'s text holds 3 of the 3 '
        "quotes their witnesses give (at content/articles/post-envoy.yaml:8:34, "
        "content/comparisons/one.yaml:4:7, content/comparisons/one.yaml:6:14 and 3 more)")
    assert problems[0].hint.endswith('the 6 references are then right; if it was renamed on purpose, write '
                                     '"cairo-report" at each of them')


def test_an_article_file_renamed_with_its_seed_is_found_through_the_seed_its_seed_missing_error_offers(
        tmp_path) -> None:
    """Both renamed, `seed:` and the references left: 14 errors of the default dossier, 13 of them "if it was
    deleted, remove this witness", and three runs to mend; now the two errors that are the whole fix."""
    files = _files(renamed="cairo-report")
    files["seeds/cairo-report.txt"] = files.pop("seeds/a.txt")
    problems = [p for p in _problems(tmp_path, files) if p.severity == "error"]
    assert [(p.file, p.line, p.check) for p in problems] == [
        ("content/articles/cairo-report.yaml", 0, "witness-unknown-article"),
        ("content/articles/cairo-report.yaml", 1, "seed-missing")], problems
    assert "and seeds/cairo-report.txt (the seed its error at seed: offers, renamed too) holds 3 of the 3 quotes " \
        "their witnesses give" in problems[0].message
    assert problems[1].hint.endswith("write `seed: cairo-report.txt`")


def test_a_rename_half_done_offers_the_new_slug_at_each_reference_left_and_the_base_beside_a_witness(
        tmp_path) -> None:
    """The third comparison changed, the others not: each reference left was told that no file defines the
    article, "if it was deleted, remove this witness"."""
    problems = _problems(tmp_path, _files(renamed="cairo-report",
                                          named=("herald-talks", "herald-talks", "cairo-report")))
    said = "(content/articles/cairo-report.yaml, which 1 witness already names, holds"
    assert [(p.file, p.line, p.severity, p.hint) for p in problems] == [
        ("content/articles/post-envoy.yaml", 8, "error", f'did you mean "cairo-report"? {said} all 2 quotes of '
         'the witnesses naming "herald-talks": the file was renamed)'),
        ("content/comparisons/one.yaml", 6, "error", f'did you mean "cairo-report"? {said} this quote: the file was '
         'renamed); its comparison\'s base: (line 4) names "herald-talks" too: write "cairo-report" there as well'),
        ("content/comparisons/two.yaml", 6, "error", f'did you mean "cairo-report"? {said} this quote: the file was '
         "renamed)"),
        ("content/entities.yaml", 5, "warning", f'did you mean "cairo-report"? {said} all 2 quotes of the witnesses '
         'naming "herald-talks": the file was renamed)')], problems
    # (an article deleted is not offered another outlet's copy of the same text, which its comparisons compare with
    # it: each reference says that no file defines the article)
    files = _files()
    del files["content/articles/herald-talks.yaml"]
    files["seeds/c.txt"] = SEED_A
    files["content/articles/wire-copy.yaml"] = ARTICLE.format(seed="c.txt", title="Copy", source="outlet-c",
                                                              annotations=A_NOTES)
    for name in ("one", "two", "three"):
        quote = files[f"content/comparisons/{name}.yaml"].split("quote: ")[1].split("\n")[0]
        files[f"content/comparisons/{name}.yaml"] += f"  - article: wire-copy\n    quote: {quote}\n"
    problems = [p for p in _problems(tmp_path / "copy", files) if p.severity == "error"]
    assert len(problems) == 4 and not [p for p in problems if "did you mean" in p.hint], problems
    assert all("herald-talks" in p.message for p in problems)
    # (references whose own hint offers a slug, a typo of an article that exists, are offered no renamed file)
    typo = [error(f"content/comparisons/{n}.yaml", 6, 14, f'comparison "{n}": unknown article "herald-talk"',
                  'did you mean "herald-talks"?', "witness-unknown-article") for n in ("one", "two")]
    said = at_renamed_file(typo, Dossier(SiteConfig(title="x"), (), (), (), ()), lambda: ())
    assert [p.hint for p in said] == ['article "herald-talk" is defined nowhere, yet 2 references name it: did you '
                                      'mean "herald-talks"? change each reference to it; or was it deleted? add '
                                      "content/articles/herald-talk.yaml again"] * 2


def test_the_documented_rename_half_done_of_the_default_dossier_is_said_as_the_docs_show(tmp_path) -> None:
    """docs/messages.md's examples: jpost-go-it-alone.yaml renamed and 6 of its 12 comparisons changed
    (witness-unknown-article), netanyahu-do-it-alone.yaml renamed and 1 of the 3 links to it changed (links)."""
    root = copy_of_default_dossier(tmp_path)
    articles, comparisons = root / "content/articles", root / "content/comparisons"
    (articles / "jpost-go-it-alone.yaml").rename(articles / "jpost-rafah-alone.yaml")
    for name in ("ceasefire-talks", "hamas-battalions", "headlines", "hostage-deal", "naming-hamas",
                 "netanyahu-do-it-alone"):
        path = comparisons / f"{name}.yaml"
        path.write_text(path.read_text("utf-8").replace("jpost-go-it-alone", "jpost-rafah-alone"), "utf-8")
    (comparisons / "netanyahu-do-it-alone.yaml").rename(comparisons / "alone-versions.yaml")
    jpost = articles / "jpost-rafah-alone.yaml"
    jpost.write_text(jpost.read_text("utf-8").replace("compare:netanyahu-do-it-alone", "compare:alone-versions"),
                     "utf-8")
    said = [p.format().splitlines() for p in build_site(fs.read_inputs(root)).problems]
    assert len(said) == 9, said   # (7 references to the article, 2 links to the comparison)
    for marker in ('comparison "netanyahu-evacuation": unknown article "jpost-go-it-alone"',
                   'link "/articles/jpost-go-it-alone/#a-alone-quote"',
                   'free-beacon-we-will-do-it-alone.yaml:62:17: error: link "compare:netanyahu-do-it-alone"'):
        example = documented(marker)
        assert [line.strip() for line in said[[s[0] for s in said].index(example[0])]] == example


def _deleted_beside_a_copy(slug: str = "herald-talks", wire: bool = True, seed_left: bool = False,
                           linked: bool = False) -> dict[str, str]:
    """The article `slug` (outlet-a) deleted, its seed too unless `seed_left`, while outlet-c's copy of the same
    text (wire-copy.yaml, `wire: AP` if `wire`, its own seed) stays, nothing naming it unless `linked` (a note of
    post-envoy links it)."""
    files = {name: text.replace("herald-talks", slug) for name, text in _files(renamed=slug).items()}
    del files[f"content/articles/{slug}.yaml"]
    if not seed_left:
        del files["seeds/a.txt"]
    files["seeds/c.txt"] = SEED_A
    files["content/articles/wire-copy.yaml"] = ARTICLE.format(seed="c.txt", title="Copy", source="outlet-c",
                                                              annotations=A_NOTES).replace(
        "date:", "wire: AP\ndate:" if wire else "date:")
    if linked:
        files["content/articles/post-envoy.yaml"] = files["content/articles/post-envoy.yaml"].replace(
            "has it.", "has it, and [outlet C](article:wire-copy).")
    return files


def _told_deleted(problems: list, slug: str = "herald-talks") -> None:
    """Every error is a reference to `slug` at its own place, none offering another article nor said at a file."""
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(f'unknown article "{slug}"' in p.message for p in errors), errors
    assert not [p for p in errors if "did you mean" in p.hint or p.file.startswith("content/articles/wire")], errors
    assert all(f"content/articles/{slug}.yaml" in p.hint for p in errors), errors


def test_a_deleted_article_is_not_said_renamed_into_a_wire_copy_of_its_text_by_another_outlet(tmp_path) -> None:
    """Review 158: outlet-c's copy of the same wire story, which nothing names, holds the quotes of the deleted
    article's witnesses; it was said to be the file renamed ("rename the file to herald-talks.yaml"). The old slug
    names outlet-a: the copy is another article (review 165: with no outlet named, no seed left and no other copy,
    nothing tells a wire article deleted beside a copy from one renamed, and a rename is the likelier)."""
    _told_deleted(_problems(tmp_path, _deleted_beside_a_copy("outlet-a-talks")), "outlet-a-talks")


def test_a_deleted_article_whose_slug_names_its_outlet_is_not_said_renamed_into_another_outlets_copy(
        tmp_path) -> None:
    """No `wire:` on the copy, but the old slug names outlet-a, and the copy is outlet-c's."""
    _told_deleted(_problems(tmp_path, _deleted_beside_a_copy("outlet-a-talks", wire=False)), "outlet-a-talks")


def test_a_deleted_article_whose_seed_is_left_is_not_said_renamed_into_a_copy_with_another_seed(tmp_path) -> None:
    """No `wire:`: the deleted article's own seed, left behind, holds the quotes; the references say that the file
    is gone and its seed is not. The old slug names outlet-a (review 165: a seed no file names is no evidence alone,
    a copy waiting for --import alike)."""
    problems = _problems(tmp_path, _deleted_beside_a_copy("outlet-a-talks", wire=False, seed_left=True))
    _told_deleted(problems, "outlet-a-talks")
    assert all("its seed is not (seeds/a.txt" in p.hint for p in problems if p.severity == "error")


def test_the_references_left_of_a_deleted_article_are_not_offered_another_outlets_copy_some_note_links(
        tmp_path) -> None:
    """The copy linked (so not taken for the file renamed), each reference was offered it as a rename half done:
    'did you mean "wire-copy"? (…, which no witness names yet, …: the file was renamed)'. The old slug names
    outlet-a (review 165: not the copy's `wire:` alone)."""
    _told_deleted(_problems(tmp_path, _deleted_beside_a_copy("outlet-a-talks", linked=True)), "outlet-a-talks")


def test_a_wire_copy_renamed_is_still_found_when_the_old_slug_names_its_outlet(tmp_path) -> None:
    files = {name: text.replace("herald-talks", "outlet-a-talks") for name, text in
             _files(renamed="cairo-report").items()}
    files["content/articles/cairo-report.yaml"] = files["content/articles/cairo-report.yaml"].replace(
        "date:", "wire: AP\ndate:")
    problems = [p for p in _problems(tmp_path, files) if p.severity == "error"]
    assert [(p.file, p.check) for p in problems] == [("content/articles/cairo-report.yaml",
                                                     "witness-unknown-article")], problems


def test_the_default_dossiers_article_deleted_beside_another_outlets_copy_of_its_ap_text_is_told_deleted(
        tmp_path) -> None:
    """Review 158: review-journal-netanyahu-rebuffs.yaml (AP) deleted, its seed left, while SFGATE's copy of the same
    AP story (a copy of the seed, `wire: AP`) is in the dossier: the copy was said to be the file renamed."""
    root = copy_of_default_dossier(tmp_path)
    (root / "seeds/005_sfgate.txt").write_bytes((root / "seeds/003_4b9e4924d22b8d51.txt").read_bytes())
    with open(root / "content/sources.yaml", "a", encoding="utf-8") as sources:
        sources.write("sfgate:\n  name: SFGATE\n")
    (root / "content/articles/sfgate-netanyahu-rebuffs.yaml").write_text(
        "seed: 005_sfgate.txt\ntitle: Israel’s Netanyahu rebuffs U.S. plea to halt Rafah offensive\nsource: sfgate\n"
        "wire: AP\ndate: 2024-03-22\n", "utf-8")
    (root / "content/articles/review-journal-netanyahu-rebuffs.yaml").unlink()
    problems = build_site(fs.read_inputs(root)).problems
    _told_deleted(problems, "review-journal-netanyahu-rebuffs")
    assert len([p for p in problems if p.severity == "error"]) == 14


def _at_file_only(problems: list, slug: str) -> None:
    """The one error is at content/articles/`slug`.yaml, said to be the file the references mean."""
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.file, p.check) for p in errors] == [(f"content/articles/{slug}.yaml", "witness-unknown-article")], \
        errors


def test_a_wire_article_renamed_is_found_when_its_old_slug_names_no_outlet(tmp_path) -> None:
    """Review 165: `wire:` alone refused the file found by its text, the only one, its seed with it: the 3 witnesses
    and the link were each told "if it was deleted, remove this witness"."""
    files = _files(renamed="cairo-report")
    files["content/articles/cairo-report.yaml"] = files["content/articles/cairo-report.yaml"].replace(
        "date:", "wire: AP\ndate:")
    _at_file_only(_problems(tmp_path, files), "cairo-report")


def test_a_word_of_the_old_slug_is_not_taken_for_a_one_word_outlet_id_it_starts(tmp_path) -> None:
    """Review 165: with the outlet `outletamerica`, "outlet" in outlet-talks was taken to name it, and outlet-a's
    file renamed was told deleted: 'outlet' is only the start of that id."""
    files = {name: text.replace("herald-talks", "outlet-talks") for name, text in
             _files(renamed="cairo-report").items()}
    files["content/sources.yaml"] += "outletamerica: {name: Outletamerica}\n"
    _at_file_only(_problems(tmp_path, files), "cairo-report")


def test_a_seed_waiting_for_import_does_not_stop_a_rename_whose_old_slug_names_the_files_outlet(tmp_path) -> None:
    """Review 165: a copy of the seed, no article file naming it yet (a copy to --import), was taken for the seed
    of outlet-a-talks left behind: the rename was told as a deletion, "its seed is not (seeds/pending.txt"."""
    files = {name: text.replace("herald-talks", "outlet-a-talks") for name, text in
             _files(renamed="cairo-report").items()}
    files["seeds/pending.txt"] = SEED_A
    _at_file_only(_problems(tmp_path, files), "cairo-report")


def _told_either(problems: list, slug: str, into: str, seed: str) -> None:
    """Every error is a reference to `slug` at its own place, its hint saying both readings: deleted (`seed` left
    behind) or renamed `into` (`seed` a copy waiting for --import); the seed's warning too, as they do."""
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(f'unknown article "{slug}"' in p.message for p in errors), errors
    assert not [p for p in errors if p.file == f"content/articles/{into}.yaml"], errors
    for p in errors:
        assert f"its seed is not (seeds/{seed}" in p.hint and "if the article was deleted" in p.hint, p.hint
        assert f'; or was it renamed? content/articles/{into}.yaml' in p.hint, p.hint
        assert f'rename it back to {slug}.yaml, or write "{into}" at each reference' in p.hint, p.hint
    # (the seed's warning says both readings too: it said only "the seed of" the article deleted, to delete it)
    (left,) = [p for p in problems if p.file == f"seeds/{seed}"]
    assert (left.severity, left.check) == ("warning", "seed-unused"), left
    assert left.hint.startswith(f'it holds the text of "{slug}", whose file content/articles/{slug}.yaml is gone '
                                "while "), left.hint
    assert f"if that article was deleted, delete seeds/{seed} too (and those references)" in left.hint, left.hint
    assert f"; or was it renamed? content/articles/{into}.yaml" in left.hint and \
        f"(and seeds/{seed} a copy waiting for --import)" in left.hint, left.hint
    assert f'rename it back to {slug}.yaml, or write "{into}" at each reference' in left.hint, left.hint
    assert "under another name" not in left.hint, left.hint


def test_a_seed_waiting_for_import_beside_the_only_file_holding_the_text_makes_a_rename_one_of_two_readings(
        tmp_path) -> None:
    """Review 165: the old slug naming no outlet, a copy of the seed that no article file names yet was taken for the
    old file's seed left behind, though the file renamed is the only one holding the text: told deleted. Review 173:
    told renamed, one error at the file, the same dossier as an article deleted beside another's copy (next test)
    was told to rename that copy. Nothing tells them apart: each reference says both."""
    files = _files(renamed="cairo-report")
    files["seeds/pending.txt"] = SEED_A
    _told_either(_problems(tmp_path, files), "herald-talks", "cairo-report", "pending.txt")


def test_a_deleted_article_whose_seed_is_left_beside_another_outlets_copy_is_not_said_renamed_into_it(
        tmp_path) -> None:
    """Review 173: herald-talks (outlet-a, naming no outlet) deleted, its seed left, beside outlet-c's copy of the
    same text with its own seed: one error at the copy, "rename the file to herald-talks.yaml", which would publish
    outlet-c's article as outlet-a's. A seed left and a copy waiting for --import look alike: both said."""
    problems = _problems(tmp_path, _deleted_beside_a_copy(wire=False, seed_left=True))
    _told_either(problems, "herald-talks", "wire-copy", "a.txt")
    assert all("(outlet-c's), which nothing names" in p.hint for p in problems if p.severity == "error")


def test_the_default_dossiers_ynet_article_deleted_beside_another_outlets_copy_is_told_deleted(tmp_path) -> None:
    """Review 173: "ynet" in ynet-rafah-rift, the default dossier's own slug, names its outlet ynetnews (a word of 4+
    letters starting one outlet's one-word id, and no word of another's or of an entity's). Read as naming no outlet,
    the ynet article and its seed deleted beside another outlet's copy of its Reuters text made one error at the
    copy: "rename the file to ynet-rafah-rift.yaml", which would publish Other Outlet's article as ynet's."""
    root = copy_of_default_dossier(tmp_path)
    (root / "seeds/900_copy.txt").write_bytes((root / "seeds/000_662ca594744e9246.txt").read_bytes())
    with open(root / "content/sources.yaml", "a", encoding="utf-8") as sources:
        sources.write("other-outlet:\n  name: Other Outlet\n  country: Nowhere\n")
    (root / "content/articles/wire-copy.yaml").write_text(
        "seed: 900_copy.txt\ntitle: Copy\nsource: other-outlet\nwire: Reuters\ndate: 2024-03-22\n", "utf-8")
    (root / "content/articles/ynet-rafah-rift.yaml").unlink()
    (root / "seeds/000_662ca594744e9246.txt").unlink()
    problems = build_site(fs.read_inputs(root)).problems
    _told_deleted(problems, "ynet-rafah-rift")
    assert len([p for p in problems if p.severity == "error"]) == 17   # (its witnesses and links, each)


def test_a_word_starting_an_outlets_id_names_it_unless_another_outlet_or_an_entity_has_that_word(tmp_path) -> None:
    """Review 173: a word of 4+ letters that starts one outlet's one-word id names it (outl → outletamerica, outlet-a
    deleted beside outlet-c's copy is then not said renamed into it) unless the word is a whole word of another
    outlet's name (outlet: test above) or of an entity's name or alias (here "cairo" starting cairogazette)."""
    files = _deleted_beside_a_copy("outl-talks", wire=False)
    files["content/sources.yaml"] = SOURCES.replace("outlet-a: {name: Outlet A}", "outletamerica: {name: OA}")
    files = {name: text.replace("source: outlet-a", "source: outletamerica") for name, text in files.items()}
    _told_deleted(_problems(tmp_path / "named", files), "outl-talks")
    files = {name: text.replace("outl-talks", "cairo-talks") for name, text in files.items()}
    files["content/sources.yaml"] = files["content/sources.yaml"].replace("outletamerica", "cairogazette")
    files = {name: text.replace("source: outletamerica", "source: cairogazette") for name, text in files.items()}
    _at_file_only(_problems(tmp_path / "entity", files), "wire-copy")


@pytest.mark.parametrize("old", ["netanyahu-free-hand", "biden-review-aid"])
def test_a_word_of_an_outlets_own_name_in_the_old_slug_does_not_make_a_rename_another_outlets(tmp_path, old) -> None:
    """Review 180: "free" starts freebeacon, Free Beacon's host, and "review" reviewjournal, but each is also a whole
    word of that outlet's name (washington-free-beacon, las-vegas-review-journal): taken as naming that outlet, the
    Jerusalem Post's file, renamed from such a slug with its references left, was told deleted 13 times over."""
    root = copy_of_default_dossier(tmp_path)
    for path in (root / "content").rglob("*.yaml"):
        text = path.read_text("utf-8")
        if "jpost-go-it-alone" in text:
            path.write_text(text.replace("jpost-go-it-alone", old), "utf-8")
    errors = [p for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]
    assert [(p.file, p.line, p.check) for p in errors] == [
        ("content/articles/jpost-go-it-alone.yaml", 0, "witness-unknown-article")], errors
    assert f"rename the file to {old}.yaml" in errors[0].hint, errors[0].hint
