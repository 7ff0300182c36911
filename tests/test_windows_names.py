"""Names Windows keeps for its devices (con, prn, aux, nul, com1–com9, lpt1–lpt9) make no page: a slug, an id or a
tag so named made articles/con/, entities/nul/ or tags/aux/, which Windows cannot create, so a site (or a dossier)
copied there lost the page. A file or an id so named is a `windows-name` warning where it is written; a tag's page
is named otherwise; nothing the build suggests is such a name."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conftest import run_build
from dossier.core.pipeline import build_site
from dossier.shell import fs
from dossier.core.capture.stubs import suggest_slug
from dossier.core.common.slugs import is_device_name, slug_hint, tag_page
from dossier.core.load.device_names import device_names, static_names
from dossier.core.load.model import ArticleMeta, Entity, Origin
from dossier.core.load.schema_messages import pattern_hint
from dossier.core.load.tag_links import tag_named


@pytest.mark.parametrize("name", ["con", "CON", "Con", "con.md", "nul", "aux", "prn", "com1", "COM9", "lpt1",
                                  "lpt9.html", "Nul.yaml"])
def test_a_name_windows_keeps_for_a_device_is_one_in_any_case_and_before_any_extension(name) -> None:
    assert is_device_name(name)


@pytest.mark.parametrize("name", ["console", "nullify", "com10", "lpt", "com", "con-1", "icon", "auxiliary",
                                  "a.con", ""])
def test_a_name_that_only_begins_or_holds_a_device_name_is_not_one(name) -> None:
    assert not is_device_name(name)


def test_a_tag_named_as_a_device_has_a_page_of_another_name_and_other_tags_keep_theirs() -> None:
    assert tag_page("aux").startswith("aux-") and tag_page("AUX") == tag_page("aux") == tag_page(tag_page("aux"))
    assert tag_page("console") == "console" and tag_page("Com10") == "com10"


def test_no_slug_the_build_suggests_is_a_device_name() -> None:
    assert suggest_slug("con.txt", "Con", set()) == "con-2"
    assert suggest_slug("a.txt", "Console", set()) == "console"
    assert '"con-1"' in slug_hint("CON")


def test_each_name_that_makes_a_path_is_told_at_its_file_or_its_key_and_an_entity_without_its_keys_place_at_its_own(
        ) -> None:
    metas = [ArticleMeta(slug, Origin(f"content/articles/{slug}.yaml"), "", "", "", "") for slug in ("lpt1", "lpt10")]
    entities = [Entity("aux", "Aux", "place", Origin("content/entities.yaml", 3, 3), id_origin=None),
                Entity("prn", "Prn", "place", Origin("content/entities.yaml", 6, 3),
                       id_origin=Origin("content/entities.yaml", 5, 1))]
    told = device_names(metas, [], entities)
    assert [(p.file, p.line, p.col, p.severity, p.check) for p in told] == [
        ("content/articles/lpt1.yaml", 0, 0, "warning", "windows-name"),
        ("content/entities.yaml", 3, 3, "warning", "windows-name"),
        ("content/entities.yaml", 5, 1, "warning", "windows-name")]


def test_an_article_file_and_an_entity_id_named_as_a_device_are_told_where_written_and_a_tag_so_named_links(
        mini_dossier) -> None:
    """A `windows-name` warning at the article file and at the entity's key (each naming the paths lost), none
    for console or com10; the tag "aux" has a page that is not tags/aux/, and `tag:aux` links to it."""
    root = mini_dossier({
        "seeds/a.txt": "Netanyahu said Israel would go into Rafah alone.\n",
        "seeds/b.txt": "Blinken met Netanyahu in Tel Aviv on Friday.\n",
        "content/articles/con.yaml": """\
            seed: a.txt
            title: Alone
            source: outlet-a
            date: 2024-03-22
            annotations:
              - id: alone
                quote: go into Rafah alone
                tags: [aux, console]
                note: See [the tag](tag:aux).
            """,
        "content/articles/console.yaml": "seed: b.txt\ntitle: Met\nsource: outlet-b\ndate: 2024-03-22\n",
        "content/entities.yaml": "com10:\n  name: Com Ten\n  kind: organisation\nnul:\n  name: Nul\n  kind: place\n",
    })
    result = run_build(root)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    told = [line for line in said.splitlines() if "[windows-name]" in line]
    assert told == [
        'content/articles/con.yaml: warning: file name "con" is a name Windows keeps for a device (CON), where '
        "articles/con/ and articles/con.md cannot be made: the page is lost when the site is copied to Windows "
        "[windows-name]",
        'content/entities.yaml:4:1: warning: entity id "nul" is a name Windows keeps for a device (NUL), where '
        "entities/nul/ cannot be made: the page is lost when the site is copied to Windows [windows-name]"], said
    assert 'hint: rename it, e.g. to con-1.yaml, and the references to "con" with it' in said
    assert 'hint: rename it, e.g. to nul-1, and the references to "nul" with it' in said
    tags = sorted(p.name for p in (root / "_site/tags").iterdir() if p.is_dir())
    assert tags == sorted(["console", tag_page("aux")]) and tag_page("aux") != "aux", tags
    page = (root / "_site/articles/con/index.html").read_text("utf-8")
    assert f'href="/tags/{tag_page("aux")}/"' in page


_TAGGED = """\
    seed: a.txt
    title: Alone
    source: outlet-a
    date: 2024-03-22
    annotations:
      - id: alone
        quote: go into Rafah alone
        tags: [AUX, ציטוט]
        note: See [a](tag:aux), [b](/tags/aux/), [c](/tags/tzytvt/) and [d](/tags/{hebrew}/).
    """


def test_a_site_path_to_a_device_named_tag_is_no_page_and_is_said_as_a_hebrew_tags_romanisation_is(
        mini_dossier) -> None:
    """/tags/aux/ is no page (the tag "aux" has /tags/aux-…/): it passed the inputs' check as tag:aux does, then
    the built site's check found it broken and said so at each `tag:aux` too. It is said at itself, with the page
    and the link to write, as /tags/tzytvt/ is (the romanisation of "ציטוט" without its page's hex digits)."""
    article = _TAGGED.replace("{hebrew}", tag_page("ציטוט"))
    root = mini_dossier({"seeds/a.txt": "Netanyahu said Israel would go into Rafah alone.\n",
                         "content/articles/wire.yaml": article})
    found = [(p.line, p.col, p.message, p.hint) for p in build_site(fs.read_inputs(root)).problems
             if p.check == "links"]
    assert found == [
        (9, 33, f'link "/tags/aux/": no tag\'s page is /tags/aux/: the tag "aux" has its page at '
         f'/tags/{tag_page("aux")}/', "write tag:aux, which links to it"),
        (9, 50, 'link "/tags/tzytvt/": no annotation has the tag "tzytvt"',
         "a tag exists once an annotation lists it under tags:")], found


def test_a_broken_link_to_tags_aux_in_a_template_is_said_there_not_at_each_tag_aux_link_of_the_notes(
        mini_dossier) -> None:
    """`tag:aux` leads to /tags/aux-…/: the places of a broken /tags/aux/ are not where notes write tag:aux."""
    root = mini_dossier({"seeds/a.txt": "Netanyahu said Israel would go into Rafah alone.\n",
                         "content/articles/wire.yaml": _TAGGED.split("[b]")[0] + "[a] again.\n",
                         "templates/base.html": '<!doctype html>\n<title>{{ site.title }}</title>\n'
                         '<nav><a href="/tags/aux/">Aux</a></nav>\n{% block main %}{% endblock %}\n'})
    found = [(p.file, p.line, p.col) for p in build_site(fs.read_inputs(root)).problems if p.check == "links"]
    assert found == [("templates/base.html", 3, 15)], found


def test_tag_aux_and_its_pages_name_name_the_tags_page_and_the_path_tags_aux_does_not() -> None:
    known = SimpleNamespace(tags=frozenset({tag_page("aux"), "console"}), unread=frozenset())
    assert tag_named("aux", known, False) is None and tag_named(tag_page("aux"), known, True) is None
    assert tag_named("console", known, True) is None and tag_named(tag_page("aux"), known, False) is None
    message, hint = tag_named("aux", known, True)
    assert tag_page("aux") in message and hint == "write tag:aux, which links to it"
    assert tag_named("nul", known, False)[0] == tag_named("nul", known, True)[0] == 'no annotation has the tag "nul"'


def test_a_name_that_is_no_slug_is_left_to_its_own_error_whose_hint_offers_a_portable_slug() -> None:
    """content/articles/Con.yaml is a file-name error ('rename it to "con-1"'); a windows-name warning beside it
    said "Con-1.yaml", no slug either, and paths never made."""
    metas = [ArticleMeta("Con", Origin("content/articles/Con.yaml"), "", "", "", "")]
    entities = [Entity("Aux", "Aux", "place", Origin("content/entities.yaml", 2, 3), id_origin=None),
                Entity("nul ", "Nul", "place", Origin("content/entities.yaml", 5, 3), id_origin=None)]
    assert device_names(metas, [], entities) == []


@pytest.mark.parametrize("written, meant", [("Aux", "aux-1"), ("nul ", "nul-1"), ("Com 1", "com-1"),
                                            ("Console", "console")])
def test_an_ids_schema_hint_offers_no_name_windows_keeps_for_a_device(written, meant) -> None:
    """An entity's key "Aux" was told "write it as aux", then a windows-name warning."""
    hint = pattern_hint("^[a-z0-9]+(-[a-z0-9]+)*$", "", written)
    assert hint == f"write it as {meant}: lower-case letters, digits and hyphens only"


@pytest.mark.parametrize("name", ["CONIN$", "conout$.txt", "COM¹", "lpt³.js", "com0", "LPT0.css"])
def test_the_other_names_of_ntpaths_list_and_microsofts_com0_and_lpt0_are_device_names(name) -> None:
    """A static file may be named so (no slug holds "$" or "¹"); a tag "com0" gets a page of another name."""
    assert is_device_name(name)
    assert tag_page("com0") != "com0" and tag_page("com10") == "com10"


def test_each_static_file_or_folder_named_as_a_device_is_told_once_at_itself() -> None:
    told = static_names(["aux.css", "img/con/a.png", "img/con/b.png", "img/con.png", "COM¹.txt", "console.css",
                         "img/nul/con.svg"])
    assert [(p.file, p.severity, p.check) for p in told] == [
        ("static/COM¹.txt", "warning", "windows-name"), ("static/aux.css", "warning", "windows-name"),
        ("static/img/con", "warning", "windows-name"), ("static/img/con.png", "warning", "windows-name"),
        ("static/img/nul", "warning", "windows-name"), ("static/img/nul/con.svg", "warning", "windows-name")]
    assert told[1].hint == 'rename it, e.g. to aux-1.css, and the references to "aux.css" with it'
    assert "static/img/con/ cannot be made: each file in it is lost" in told[2].message


def test_a_dossiers_static_file_named_as_a_device_is_told_and_its_template_is_not(mini_dossier) -> None:
    """static/aux.css was copied into _site/static/ without a word: lost on a copy to Windows as a page is."""
    root = mini_dossier({"seeds/a.txt": "Netanyahu said Israel would go into Rafah alone.\n",
                         "content/articles/wire.yaml": "seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n",
                         "static/aux.css": "a {}\n", "templates/nul.html": "{# not published #}\n"})
    said = run_build(root)
    assert said.returncode == 0, said.stdout + said.stderr
    told = [line for line in (said.stdout + said.stderr).splitlines() if "[windows-name]" in line]
    assert told == ['static/aux.css: warning: file name "aux.css" is a name Windows keeps for a device (AUX), where '
                    "static/aux.css cannot be made: the file is lost when the site is copied to Windows "
                    "[windows-name]"], told
