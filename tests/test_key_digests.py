"""Digests that stand in page keys for values every build makes anew (execute/keys.py): a Doc of /passages/
(what it shows), a shared passage (the search that found it), an annotation's listing row (what the analysis
kept of it, with its outlet's name), every frozen value (its class and fields). Each is exact (it changes with
what the page shows) and no coarser than the value (a note edited changes no Doc, and only its own row), and the
values around them keep the preview's identity caches and Jinja's short way (review 52)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from conftest import copy_of_default_dossier, edit_first_note, library_of

from dossier.core.common.records import frozen
from dossier.core.execute.keys import page_key
from dossier.core.pipeline import Options
from dossier.core.plan.page import keyed
from dossier.shell import fs


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    return copy_of_default_dossier(tmp_path)


def _passages_docs(root: Path) -> dict[str, object]:
    """Every Doc the passages' pages read, by slug, as a build plans them."""
    from dossier.core.plan.passage_pages import PassageInput
    from dossier.core.plan.plan import plan

    docs: dict[str, object] = {}
    for page in plan(library_of(root))[0]:
        if page.path.startswith("passages/") and page.given is not None:
            value = page.given()
            if isinstance(value, PassageInput):  # (not /passages/, which lists the passages alone)
                docs.update(value.docs)
    return docs


def test_a_doc_stands_in_a_key_for_the_digest_of_what_made_it(dossier: Path) -> None:
    """Doc.made (passage_pages: what the Doc shows, its text by the text's stamp): set for every Doc, the same for a
    new analysis of the same files and after a note is edited (which no Doc shows: the passages pages are not
    rendered again), changed for the Docs whose witnesses changed only; and a page key writes it instead of
    the Doc."""
    from dossier.core.plan.passage_views import Doc

    before = _passages_docs(dossier)
    assert before and all(doc.made for doc in before.values())
    assert {s: d.made for s, d in _passages_docs(dossier).items()} == {s: d.made for s, d in before.items()}
    edit_first_note(dossier)
    assert {s: d.made for s, d in _passages_docs(dossier).items()} == {s: d.made for s, d in before.items()}
    comparison = dossier / "content/comparisons/blinken-sixth-visit.yaml"
    comparison.write_text(comparison.read_text("utf-8").replace("title: Blinken's sixth trip", "title: Sixth trip"),
                          "utf-8")
    witnessed = set(re.findall(r"article: (\S+)", comparison.read_text("utf-8")))
    after = _passages_docs(dossier)
    changed = {slug for slug in after if after[slug].made != before[slug].made}
    assert changed and changed == witnessed & set(after)  # (the span of its witness carries the title)
    page = keyed("passages/index.html", "x", (), "passages.html", lambda value: {}, lambda: None)
    doc = next(iter(before.values()))
    assert isinstance(doc, Doc)
    assert page_key(page, doc, "t") == page_key(page, Doc("x", "", "", "", "", "", (), "", doc.made), "t")
    assert page_key(page, doc, "t") != page_key(page, Doc("x", "", "", "", "", "", (), "", "other"), "t")


def test_a_shared_passage_stands_in_a_key_for_the_digest_of_what_it_is(dossier: Path) -> None:
    """A passage's digest names its text, occurrences and words: the passages a seed edit leaves as they were keep
    theirs (and the pages that show them their keys), those it changes get new ones."""
    from dossier.core.analyse.shared_passages import SharedPassage

    passages = library_of(dossier).passages
    assert passages and all(p.digest for p in passages) and len({p.digest for p in passages}) == len(passages)
    assert [p.digest for p in library_of(dossier).passages] == [p.digest for p in passages]
    page = keyed("passages/index.html", "x", (), "passages.html", lambda value: {}, lambda: None)
    first = passages[0]
    assert page_key(page, first, "t") == page_key(page, SharedPassage("other", (), 1, first.digest), "t")
    assert page_key(page, SharedPassage(first.text, first.occurrences, first.words), "t") != page_key(page, first, "t")
    path = sorted((dossier / "seeds").glob("*.txt"))[0]
    text = path.read_text("utf-8")
    cut = text.index("\n\n") + 2   # (a paragraph put before the second: the occurrences after it move)
    path.write_text(text[:cut] + "A new paragraph.\n\n" + text[cut:], "utf-8")
    after = library_of(dossier).passages
    kept = {(p.text, p.occurrences, p.words): p.digest for p in passages}
    assert all((kept.get((p.text, p.occurrences, p.words)) == p.digest) == ((p.text, p.occurrences, p.words) in kept)
               for p in after)
    assert any(p.digest in kept.values() for p in after) and any(p.digest not in kept.values() for p in after)


@frozen
class Card:
    name: str
    kind: str = ""
    seen: str = dataclasses.field(default="", compare=False)


@frozen
class Lone:
    name: str


def test_a_frozen_value_is_written_in_a_key_as_its_class_and_every_field() -> None:
    """Every `frozen` class stands in a key as its class and all its fields' values (compared or not, given
    to its constructor or not), one field or several: equal values give one key, any field changed another."""
    page = keyed("entities/x/index.html", "x", (), "entity.html", lambda value: {}, lambda: None)
    one = page_key(page, (Card("a", "b", "c"), Lone("x")), "t")
    assert one is not None and one == page_key(page, (Card("a", "b", "c"), Lone("x")), "t")
    others = [(Card("a2", "b", "c"), Lone("x")), (Card("a", "b2", "c"), Lone("x")), (Card("a", "b", "c2"), Lone("x")),
              (Card("a", "b", "c"), Lone("y"))]
    assert len({one, *(page_key(page, value, "t") for value in others)}) == 1 + len(others)
    extra = Card("a", "b", "c")
    object.__setattr__(extra, "cached", 1)  # (what is not a field, such as a kept hash, is not the value)
    assert page_key(page, (extra, Lone("x")), "t") == one


def _annotation_rows(root: Path) -> dict[tuple[str, str], object]:
    from dossier.core.plan.article_pages import article_rows

    return {(row["slug"], a["id"]): a for row in article_rows(library_of(root)) for a in row["annotation_rows"]}


def test_an_annotations_listing_row_stands_in_a_key_for_the_digest_of_all_it_shows(dossier: Path) -> None:
    """page.Row.made: the analysis's digest of the row (Anchored.rows) with the outlet's name. The same for a new
    analysis of the same files; a note edited changes its own row's only (the tag pages listing the others are
    not rendered again); an outlet renamed changes the rows of its articles only. A RowSet of such rows is one
    digest of theirs, and equal rows with other digests are another key."""
    from dossier.core.plan.page import Row, RowSet

    before = _annotation_rows(dossier)
    assert before and all(isinstance(r, Row) and r.made for r in before.values())
    assert {k: r.made for k, r in _annotation_rows(dossier).items()} == {k: r.made for k, r in before.items()}
    slug = edit_first_note(dossier)
    after = _annotation_rows(dossier)
    changed = {k for k in after if after[k].made != before[k].made}
    assert len(changed) == 1 and next(iter(changed))[0] == slug
    sources = dossier / "content/sources.yaml"
    text = sources.read_text("utf-8")
    name = re.search(r"^  name: (.+)$", text, flags=re.M).group(1)
    sources.write_text(text.replace(f"  name: {name}", "  name: Libération", 1), "utf-8")
    renamed = _annotation_rows(dossier)
    outlet = {k for k in renamed if renamed[k]["article"]["source"] == "Libération"}
    assert outlet and {k for k in renamed if renamed[k].made != after[k].made} == outlet
    # (a name beyond ASCII in the digests: the tag pages still have keys, review 52)
    tagged = RowSet(r for k, r in renamed.items() if k in outlet)
    assert page_key(keyed("tags/t/index.html", "x", (), "tag.html", lambda value: {}, lambda: None), tagged, "t")
    page = keyed("tags/x/index.html", "x", (), "tag.html", lambda value: {}, lambda: None)
    rows = list(before.values())[:3]
    first = page_key(page, RowSet(rows), "t")
    assert first == page_key(page, RowSet(Row(r, r.made) for r in rows), "t")
    assert first != page_key(page, RowSet(Row(r, r.made + "!") for r in rows), "t")
    assert first != page_key(page, RowSet(rows[::-1]), "t")
    unknown = page_key(page, RowSet(Row(r, "") for r in rows), "t")  # (no digest: the rows are written out)
    assert unknown is not None and unknown != first


def test_a_listing_row_takes_the_templates_short_way_to_its_items_as_a_dict_does(monkeypatch) -> None:
    """Jinja tries an attribute before an item and catches the error: render.py looks a plain dict's items up
    first, and a page.Row's too (review 52: rows took the long way, and rendering 50,000 of them doubled).
    The bytes are those of the same template on a dict, `items` stays the dict method, and a name the row
    lacks is told of in the same words."""
    import jinja2

    from dossier.core.execute.render import Renderer
    from dossier.core.plan.page import Row

    renderer = Renderer({"t.html": "{{ r.quote }}|{{ r.items is defined }}", "u.html": "{{ r.missing }}"})
    asked: list[str] = []
    real = jinja2.Environment.getattr
    monkeypatch.setattr(jinja2.Environment, "getattr",
                        lambda self, obj, name: asked.append(name) or real(self, obj, name))
    row = Row({"quote": "q"}, "digest")
    made, plain = renderer.render("t.html", {"r": row}, "t.html"), renderer.render("t.html", {"r": dict(row)}, "t.html")
    assert made == plain and made[0] == b"q|True"
    assert "quote" not in asked
    wrong = renderer.render("u.html", {"r": row}, "u.html")[1]
    assert [p.message for p in wrong] == [p.message for p in renderer.render("u.html", {"r": {}}, "u.html")[1]]
    assert "a set of named fields" in wrong[0].message


def test_a_base_path_is_the_same_object_at_every_build(dossier: Path) -> None:
    """The live preview keeps a value while what made it is the very same objects (identity.py), the base path
    among them: read anew at every build, a base other than "/" was a new string each time, and every row and
    Doc was made again (review 52). It is interned."""
    from dossier.core.pipeline import load_config

    site = dossier / "site.yaml"
    text = site.read_text("utf-8")
    site.write_text(re.sub(r"^base_url:.*\n", "", text, flags=re.M) + "base_url: /sub/dir/\n", "utf-8")
    first, again = (load_config(fs.read_inputs(dossier), Options())[0] for _ in range(2))
    assert first.base_path == "/sub/dir/" and first.base_path is again.base_path


def _entity_inputs(root: Path) -> dict[str, object]:
    """Every entity page's input (EntityInput), by path, as a build plans them."""
    from dossier.core.plan.plan import plan

    return {page.path: page.given() for page in plan(library_of(root))[0]
            if page.path.startswith("entities/") and page.path.endswith("/index.html") and page.given is not None
            and page.path != "entities/index.html"}


def test_an_entity_pages_articles_and_places_stand_in_a_key_for_their_digests(dossier: Path) -> None:
    """An entity page's articles (page.RowMap of each article's face, a Row with the digest of the title, link,
    outlet and date it shows) and its places (page.Digested of the analysis's Places) are one digest each in its
    key. The same for a new analysis of the same files; a note edited keeps every entity page's key; an article's
    title or date edited changes the keys of the entity pages listing it; a row or place with another digest, another
    slug or order is another key, and one without a digest is written out."""
    from dossier.core.plan.page import Digested, Row, RowMap

    def keys(inputs: dict[str, object]) -> dict[str, str]:
        return {path: page_key(keyed(path, "x", (), "entity.html", lambda value: {}, lambda: None), value, "t")
                for path, value in inputs.items()}

    before = _entity_inputs(dossier)
    named = {path: v for path, v in before.items() if len(v.rows) > 1 and len(v.named) > 1}
    assert named and all(type(v.rows) is RowMap and type(v.named) is Digested for v in before.values())
    assert all(type(r) is Row and r.made for v in before.values() for r in v.rows.values())
    assert all(p.digest for v in before.values() for p in v.named)
    first = keys(before)
    assert all(first.values()) and keys(_entity_inputs(dossier)) == first
    edit_first_note(dossier)
    assert keys(_entity_inputs(dossier)) == first
    path = sorted((dossier / "content/articles").glob("*.yaml"))[1]
    slug, text = path.stem, path.read_text("utf-8")
    path.write_text(re.sub(r"^title: (.+)$", "title: A title edited", text, count=1, flags=re.M), "utf-8")
    inputs = _entity_inputs(dossier)
    assert {v.rows[slug]["title"] for v in inputs.values() if slug in v.rows} == {"A title edited"}
    retitled = keys(inputs)
    listing = {p for p, v in before.items() if slug in v.rows}
    assert {p for p in first if retitled[p] != first[p]} == listing != set()
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^date: (\S+)", "date: 2024-03-23", text, count=1, flags=re.M), "utf-8")
    assert text != path.read_text("utf-8")
    inputs = _entity_inputs(dossier)
    assert {v.rows[slug]["date"] for v in inputs.values() if slug in v.rows} == {"2024-03-23"}
    redated = keys(inputs)
    assert listing <= {p for p in first if redated[p] != retitled[p]}

    page = keyed("entities/x/index.html", "x", (), "entity.html", lambda value: {}, lambda: None)
    rows, places = next(iter(named.values())).rows, next(iter(named.values())).named
    base = page_key(page, (RowMap(rows), Digested(places)), "t")
    assert base == page_key(page, (RowMap({k: Row(r, r.made) for k, r in rows.items()}), Digested(places)), "t")
    assert base != page_key(page, (RowMap({k: Row(r, r.made + "!") for k, r in rows.items()}), Digested(places)), "t")
    assert base != page_key(page, (RowMap({k + "x": r for k, r in rows.items()}), Digested(places)), "t")
    assert base != page_key(page, (RowMap(rows), Digested(places[::-1])), "t")
    assert base != page_key(page, (RowMap(rows), Digested(dataclasses.replace(p, digest=p.digest + "!")
                                                         for p in places)), "t")
    unknown = page_key(page, (RowMap({k: Row(r, "") for k, r in rows.items()}),
                              Digested(dataclasses.replace(p, digest="") for p in places)), "t")
    assert unknown is not None and unknown != base
    assert unknown != page_key(page, (RowMap({k: Row(dict(r, title="Other"), "") for k, r in rows.items()}),
                                      Digested(dataclasses.replace(p, digest="") for p in places)), "t")
    assert unknown != page_key(page, (RowMap({k: Row(r, "") for k, r in rows.items()}),
                                      Digested(dataclasses.replace(p, digest="", surfaces=("Other",))
                                               for p in places)), "t")
