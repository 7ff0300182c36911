"""Keyed pages (plan/page.py `keyed`) are rendered again only when their explicit input changed: an edit to one
note re-renders that article's three pages and reuses every other keyed page, in the live preview's Memo and
through the command line's persistent cache, with output byte-identical to a cold build (the general property
is tests/test_cache_honesty.py)."""

from __future__ import annotations

import functools
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import copy_of_default_dossier, edit_first_note, library_of

from dossier.core.common.memo import Memo
from dossier.core.execute.keys import page_key
from dossier.core.pipeline import Options, build_site
from dossier.core.plan import article_pages, compare_pages, entity_pages, passage_pages, reader_pages, structured
from dossier.core.plan.page import keyed
from dossier.shell import fs
from dossier.shell.cli import main


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    return copy_of_default_dossier(tmp_path)


def _build(root: Path, memo: Memo) -> dict[str, bytes]:
    memo.begin()
    result = build_site(fs.read_inputs(root), Options(), memo)
    memo.sweep()
    assert result.ok, result.problems
    return dict(result.outputs)


def test_one_note_edited_renders_only_its_articles_pages_again(dossier: Path) -> None:
    memo = Memo()
    first = _build(dossier, memo)
    keyed_pages = memo.misses["page"]
    articles = len(list((dossier / "content/articles").glob("*.yaml")))
    entities = sum(1 for p in first if p.startswith("entities/") and p != "entities/index.html")
    assert keyed_pages > 3 * articles + entities  # the articles', the entities', the comparisons', /passages/
    memo.hits.clear(), memo.misses.clear()
    slug = edit_first_note(dossier)
    second = _build(dossier, memo)
    changed = {p for p in second if first.get(p) != second[p]}
    assert {f"articles/{slug}/index.html", f"articles/{slug}.md", f"articles/{slug}/annotations.jsonld"} <= changed
    # Rendered again: exactly the keyed pages (every HTML page, an article's .md and .jsonld) whose bytes
    # changed, such as the tag pages listing the note; every other one reused.
    again = {p for p in changed if p.endswith(".html") or p.startswith("articles/")}
    assert f"articles/{slug}/article.json" in changed  # (its JSON export, a keyed page too)
    assert memo.misses["page"] == len(again) and memo.hits["page"] == keyed_pages - len(again)
    assert second == _build(dossier, Memo())  # what was reused is what a cold build makes


def _counted(monkeypatch: pytest.MonkeyPatch, module: object, name: str, calls: Counter) -> None:
    """Count the calls of a view function (functools.wraps keeps its name, and so its pages' keys)."""
    original = getattr(module, name)

    @functools.wraps(original)
    def counting(*values: object) -> object:
        calls[name] += 1
        return original(*values)

    monkeypatch.setattr(module, name, counting)


def test_the_command_line_reuses_the_pages_its_last_run_wrote(dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_WORKERS", "1")  # rendering in this process, where the calls are counted
    calls: Counter = Counter()
    for module, name in ((article_pages, "page_view"), (entity_pages, "entity_page"),
                         (compare_pages, "comparison_page"), (passage_pages, "passage_page"),
                         (structured, "index_json"), (reader_pages, "feed_xml"), (structured, "article_json")):
        _counted(monkeypatch, module, name, calls)
    assert main(["--root", str(dossier), "--no-search"]) == 0
    articles = len(list((dossier / "content/articles").glob("*.yaml")))
    assert calls["page_view"] == articles == calls["article_json"] and calls["entity_page"] > 0
    assert calls["index_json"] == 1 == calls["feed_xml"]
    calls.clear()
    edit_first_note(dossier)
    assert main(["--root", str(dossier), "--no-search"]) == 0
    assert calls == Counter({"page_view": 1, "article_json": 1})  # the edited article's; every other one reused
    site = dossier / "_site"
    edited = sorted(site.glob("entities/*/index.html"))[0]
    edited.write_bytes(b"tampered")  # a kept page's file that no longer holds its bytes is rendered again
    edit_first_note(dossier)
    assert main(["--root", str(dossier), "--no-search"]) == 0
    assert calls == Counter({"page_view": 2, "article_json": 2, "entity_page": 1})
    assert edited.read_bytes() != b"tampered"
    cold = dossier / "cold"
    shutil.copytree(dossier, cold, ignore=shutil.ignore_patterns("_site", ".dossier-cache"))
    assert main(["--root", str(cold), "--no-search"]) == 0
    for path in site.rglob("*"):
        if path.is_file() and path.name != fs.MARKER:
            assert (cold / "_site" / path.relative_to(site)).read_bytes() == path.read_bytes(), path


def test_a_page_key_names_the_input_the_view_and_the_templates() -> None:
    def view(value: object) -> dict:
        return {}

    page = keyed("a/index.html", "x", (), "a.html", view, lambda: None)
    key = page_key(page, ("input", 1), "templates-1")
    assert key == page_key(page, ("input", 1), "templates-1")
    assert key != page_key(page, ("input", 2), "templates-1")
    assert key != page_key(page, ("input", 1), "templates-2")
    other = keyed("b/index.html", "x", (), "a.html", view, lambda: None)
    assert key != page_key(other, ("input", 1), "templates-1")
    assert page_key(page, lambda: None, "t") is None  # a value pickle cannot write is never kept


def test_a_value_recurring_in_many_inputs_stands_in_a_key_for_its_content() -> None:
    from dossier.core.execute.keys import forget
    from dossier.core.plan.passage_views import Doc

    def view(value: object) -> dict:
        return {}

    page = keyed("passages/index.html", "x", (), "passages.html", view, lambda: None)

    def doc(text: str) -> Doc:
        return Doc("a", text, "Title", "Outlet", "2024-03-01", "/articles/a/")

    forget()
    first = page_key(page, {"docs": {"a": doc("words " * 1000)}}, "t")
    assert first == page_key(page, {"docs": {"a": doc("words " * 1000)}}, "t")  # an equal copy: the same key
    assert first != page_key(page, {"docs": {"a": doc("words " * 999 + "changed ")}}, "t")
    forget()
    assert first == page_key(page, {"docs": {"a": doc("words " * 1000)}}, "t")  # and in the next build


def test_a_doc_whose_text_has_a_stamp_stands_in_a_key_with_the_stamp_for_the_text() -> None:
    from dossier.core.execute.keys import forget
    from dossier.core.plan.passage_views import Doc

    def view(value: object) -> dict:
        return {}

    page = keyed("passages/index.html", "x", (), "passages.html", view, lambda: None)

    def doc(text: str, made: str, title: str = "Title") -> Doc:
        return Doc("a", text, title, "Outlet", "2024-03-01", "/articles/a/", (), made)

    forget()
    first = page_key(page, {"a": doc("words " * 1000, "stamp-1")}, "t")
    # the stamp names the text (loader.parse_files: a digest of the cleaned text), so the text is not read
    assert first == page_key(page, {"a": doc("other words", "stamp-1")}, "t")
    assert first != page_key(page, {"a": doc("words " * 1000, "stamp-2")}, "t")
    assert first != page_key(page, {"a": doc("words " * 1000, "stamp-1", "Another title")}, "t")
    # without a stamp the text itself is written, and a text equal to a stamp is not taken for one
    assert page_key(page, {"a": doc("stamp-1", "")}, "t") not in (first, page_key(page, {"a": doc("", "stamp-1")}, "t"))
    forget()


def test_a_passages_pages_docs_stand_in_a_key_as_one_digest_of_their_own() -> None:
    """DocSet: hundreds of Docs a page, written as one digest of (slug, Doc digest) pairs: exact (another Doc,
    another slug or another order is another key), and the same for an equal DocSet made anew. Where each Doc's
    digest is known (Doc.made), no Doc is made for the key."""
    from dossier.core.execute.keys import forget
    from dossier.core.plan.passage_views import Doc, DocSet

    page = keyed("passages/index.html", "x", (), "passages.html", lambda value: {}, lambda: None)

    def docs(*texts: str, slugs: str = "abc", made: bool = False) -> DocSet:
        by_slug = {slug: Doc(slug, text, "T", "O", "2024-03-01", f"/articles/{slug}/", (), "", f"m-{text}" * made)
                   for slug, text in zip(slugs, texts)}
        return DocSet(list(by_slug), [doc.made for doc in by_slug.values()], by_slug.__getitem__)

    for made in (False, True):
        forget()
        first = page_key(page, {"docs": docs("one", "two", made=made)}, "t")
        assert first == page_key(page, {"docs": docs("one", "two", made=made)}, "t")
        others = [docs("one", "two!", made=made), docs("one", made=made), docs("two", "one", made=made),
                  docs("one", "two", slugs="ac", made=made)]
        assert len({first, *(page_key(page, {"docs": d}, "t") for d in others)}) == 1 + len(others)
        assert first != page_key(page, {"docs": dict(docs("one", "two", made=made))}, "t")  # (a dict: written whole)

    def unmade(slug: str) -> Doc:
        raise AssertionError(f"the Doc of {slug} was made for the key")

    assert page_key(page, {"docs": DocSet(["a", "b"], ["m-1", "m-2"], unmade)}, "t") == \
        page_key(page, {"docs": docs("1", "2", slugs="ab", made=True)}, "t")


def test_values_a_cached_step_made_stand_in_a_key_for_the_digest_they_carry(dossier: Path) -> None:
    import pickle

    from dossier.core.analyse.entity_index import MentionLinks
    from dossier.core.analyse.entity_places import Place
    from dossier.core.text.article_marks import LinkMark

    def view(value: object) -> dict:
        return {}

    page = keyed("articles/a/index.html", "x", (), "article.html", view, lambda: None)
    marks = (LinkMark("m-1", 0, 4, "/entities/x/", "x", True),)
    made = MentionLinks(marks, "made-1")
    # the digest stands for the links: another digest is another key, more links under one digest are not
    assert page_key(page, made, "t") != page_key(page, MentionLinks(marks, "made-2"), "t")
    assert page_key(page, made, "t") == page_key(page, MentionLinks(marks * 2, "made-1"), "t")
    # without a digest, the links are written out: their content names them
    assert page_key(page, MentionLinks(marks), "t") != page_key(page, MentionLinks(marks * 2), "t")
    back = pickle.loads(pickle.dumps(made, protocol=5))  # as the persistent cache reads them back
    assert back == made and back.digest == "made-1" and page_key(page, back, "t") == page_key(page, made, "t")
    place = Place("a", ("Lind",), (), ("ltr",), "made-1:lind")
    assert place == Place("a", ("Lind",), (), ("ltr",))  # (not part of the value's equality)
    assert page_key(page, place, "t") != page_key(page, Place("a", ("Lind",), (), ("ltr",), "made-2:lind"), "t")
    # the "mentions" step gives every article's links and places the digest of what it read
    index = library_of(dossier).entities
    assert all(links.digest for links in index.links.values() if links)
    assert all(p.digest.startswith(index.links[slug].digest) for slug, ps in index.places.items() for p in ps.values())
    before = dict(index.links)
    path = sorted((dossier / "seeds").glob("*.txt"))[0]
    path.write_text(path.read_text("utf-8") + "\nA new paragraph.\n", "utf-8")
    after = library_of(dossier).entities.links
    assert sum(before[s].digest != after[s].digest for s in after) == 1  # the edited text's only


def test_a_parsed_text_and_metadata_stand_in_a_key_for_the_digest_of_what_made_them(dossier: Path) -> None:
    from dataclasses import replace

    def view(value: object) -> dict:
        return {}

    page = keyed("compare/c/index.html", "x", (), "comparison.html", view, lambda: None)
    article = library_of(dossier).articles[0].article
    assert article.text.made and article.meta.made
    stamped = page_key(page, article, "t")
    # a copy (replace() drops the stamp) is written out in full: equal content, another key; the stamp, not the
    # content, is what the key holds
    assert page_key(page, replace(article, text=replace(article.text), meta=replace(article.meta)), "t") != stamped
    again = library_of(dossier).articles[0].article   # parsed anew: the same stamps, the same key
    assert again is not article and page_key(page, again, "t") == stamped


def test_an_alias_found_nowhere_renders_only_the_pages_that_show_its_entity(dossier: Path) -> None:
    """The mention links are named by what they are, not by the registry they were found with: an alias that
    matches no article leaves every article's links, and so their pages' keys, as they were."""
    memo = Memo()
    first = _build(dossier, memo)
    path = dossier / "content/entities.yaml"
    path.write_text(path.read_text("utf-8").replace("aliases: [Ron Dermer, Dermer]",
                                                    "aliases: [Ron Dermer, Dermer, Zzyzx Nowhere]", 1), "utf-8")
    rendered: list[str] = []
    kept = memo.get
    memo.get = lambda key, path: kept(key, path) or rendered.append(path)  # type: ignore[method-assign]
    second = _build(dossier, memo)
    changed = {p for p in second if first.get(p) != second[p]}
    assert changed == {"entities/ron-dermer/index.html", "dossier.json"}   # both list his names
    # rendered again: those two alone; no article page (its JSON-LD holds only what it shows of him,
    # plan/entity_views.EntityFace), not the hovercards (entities/cards.json, the same), nor the entity pages
    # that show him beside their own entity (his name and link: EntityFace too)
    assert set(rendered) == changed
    assert second == _build(dossier, Memo())


def test_an_alias_list_spaced_anew_renders_no_page_again(dossier: Path) -> None:
    """Where an entity's name and aliases are written (kept for the message about an alias claimed twice) is
    no part of a page key: spacing an alias list anew renders nothing again."""
    memo = Memo()
    first = _build(dossier, memo)
    path = dossier / "content/entities.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("aliases: [Ron Dermer, Dermer]", "aliases: [Ron Dermer,   Dermer]", 1), "utf-8")
    rendered: list[str] = []
    kept = memo.get
    memo.get = lambda key, path: kept(key, path) or rendered.append(path)  # type: ignore[method-assign]
    assert _build(dossier, memo) == first
    assert rendered == []


def test_an_outlet_added_renders_no_comparison_page_again(dossier: Path) -> None:
    """A comparison's page shows the names of its witnesses' outlets alone, and its key holds no other: an outlet
    added (as an article of a new outlet brings one) rendered every comparison's page again, to the same bytes."""
    memo = Memo()
    first = _build(dossier, memo)
    assert any(p.startswith("compare/") and p != "compare/index.html" for p in first)
    path = dossier / "content/sources.yaml"
    path.write_text(path.read_text("utf-8") + "zz-new-outlet:\n  name: A New Outlet\n", "utf-8")
    rendered: list[str] = []
    kept = memo.get
    memo.get = lambda key, path: kept(key, path) or rendered.append(path)  # type: ignore[method-assign]
    second = _build(dossier, memo)
    assert any(p.startswith("sources/") for p in rendered) and first != second
    assert not [p for p in rendered if p.startswith("compare/") and p != "compare/index.html"]
    assert second == _build(dossier, Memo())


def test_an_outlets_note_edited_renders_no_article_page_again(dossier: Path) -> None:
    """An article's pages show its outlet's name and homepage; the outlet's note and country are /sources/'s: an
    edit of the note rendered every page of its articles again (234 pages at 1,000 articles), to the same bytes."""
    memo = Memo()
    first = _build(dossier, memo)
    path = dossier / "content/sources.yaml"
    text = path.read_text("utf-8")
    assert "  note: English-language site of Ynet" in text and "  country: Israel" in text
    path.write_text(text.replace("  note: English-language site of Ynet", "  note: The English-language site of Ynet",
                                 1).replace("  country: Israel", "  country: State of Israel", 1), "utf-8")
    rendered: list[str] = []
    kept = memo.get
    memo.get = lambda key, path: kept(key, path) or rendered.append(path)  # type: ignore[method-assign]
    second = _build(dossier, memo)
    changed = {p for p in second if first.get(p) != second[p]}
    assert "sources/index.html" in changed and b"The English-language site of Ynet" in second["sources/index.html"]
    assert not [p for p in rendered if p.startswith("articles/")]
    assert second == _build(dossier, Memo())


def test_an_article_dated_anew_renders_no_page_again_to_the_same_bytes(dossier: Path) -> None:
    """An article moved in the dossier's order changes its neighbours' annotation pages (their prev and next):
    those are made anew, not the neighbours' HTML pages or Markdown, which were rendered again to the same bytes
    (8 pages at 1,000 articles; an article added or removed, likewise)."""
    memo = Memo()
    first = _build(dossier, memo)
    path = dossier / "content/articles/all-israel-news-rafah-concerns.yaml"  # (the last by date: made the first)
    text = path.read_text("utf-8")
    dated = re.search(r"^date: (.*)$", text, re.M)
    assert dated and dated.group(1) > "2024-01-01"
    path.write_text(text.replace(dated.group(0), "date: 2024-01-01", 1), "utf-8")
    rendered: list[str] = []
    kept = memo.get
    memo.get = lambda key, path: kept(key, path) or rendered.append(path)  # type: ignore[method-assign]
    second = _build(dossier, memo)
    changed = {p for p in second if first.get(p) != second[p]}
    assert sum(p.endswith("annotations.jsonld") and p.startswith("articles/") for p in changed) >= 2
    assert rendered and set(rendered) <= changed
    assert second == _build(dossier, Memo())


def test_a_summary_edited_changes_the_sites_hovercards_and_no_article_page(dossier: Path) -> None:
    """The hovercards are the site's, once (entities/cards.json): an entity's summary, which its card shows,
    changes that file and the pages that show the summary, never the pages of the articles that name him."""
    memo = Memo()
    first = _build(dossier, memo)
    path = dossier / "content/entities.yaml"
    path.write_text(path.read_text("utf-8").replace("summary: Israel's Strategic Affairs Minister (since",
                                                    "summary: Israel's *Strategic Affairs* Minister (since", 1),
                    "utf-8")
    rendered: list[str] = []
    kept = memo.get
    memo.get = lambda key, path: kept(key, path) or rendered.append(path)  # type: ignore[method-assign]
    second = _build(dossier, memo)
    changed = {p for p in second if first.get(p) != second[p]}
    assert {"entities/cards.json", "entities/ron-dermer/index.html", "entities/index.html"} <= changed
    assert not any(p.startswith("articles/") for p in changed)
    assert set(rendered) <= changed  # (the pages naming him beside their own entity show his name, not his summary)
    assert b"Israel's <em>Strategic Affairs</em> Minister" in second["entities/cards.json"]
    assert second == _build(dossier, Memo())


def test_a_listing_pages_rows_stand_in_a_key_as_one_digest_of_their_content() -> None:
    """RowSet (a tag page's annotations): one digest of the rows, exact, and the same for equal rows made anew."""
    from dossier.core.execute.keys import forget
    from dossier.core.plan.page import RowSet

    page = keyed("tags/t/index.html", "x", (), "tag.html", lambda value: {}, lambda: None)

    def rows(*notes: str) -> RowSet:
        return RowSet({"id": f"a{i}", "note_html": note} for i, note in enumerate(notes))

    forget()
    first = page_key(page, {"annotations": rows("one", "two")}, "t")
    assert first == page_key(page, {"annotations": rows("one", "two")}, "t")
    others = [rows("one", "two!"), rows("one"), rows("two", "one")]
    assert len({first, *(page_key(page, {"annotations": r}, "t") for r in others)}) == 1 + len(others)
