"""What Pagefind is sent (dossier/shell/search_ignored.py): `data-pagefind-ignore="all"` elements go empty, tags
kept, and the search bundle stays byte-identical to the one made from the whole pages (real Pagefind)."""

from __future__ import annotations

import gzip

import pytest

from conftest import ROOT
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs, search, search_ignored
from dossier.shell.search_ignored import without_ignored
from test_search_index import FILTER_VALUES, page


@pytest.fixture
def pagefind():
    pytest.importorskip("pagefind")
    from pagefind.service import get_executable
    if get_executable() is None:
        pytest.skip("the Pagefind binary is missing (pip install 'pagefind[bin]')")


IGNORED = ('<section data-pagefind-ignore="all"><h2 id="x">Mentions</h2><section class="b"><p>inner</p>'
           '</section><SECTION><p>upper</p></SECTION></section>')


def test_an_ignored_element_is_emptied_with_its_tags_and_nested_ones_of_its_name_counted():
    html = f"<main><p>before</p>{IGNORED}<p>after</p></main>".encode()
    assert without_ignored(html) == (b'<main><p>before</p><section data-pagefind-ignore="all"></section>'
                                     b'<p>after</p></main>')


def test_every_ignored_element_goes_and_one_inside_another_goes_with_it():
    inner = '<div data-pagefind-ignore="all"><span data-pagefind-ignore="all">deep</span> words</div>'
    html = f"<main>{inner}<p>kept</p>{IGNORED}</main>".encode()
    assert without_ignored(html) == (b'<main><div data-pagefind-ignore="all"></div><p>kept</p>'
                                     b'<section data-pagefind-ignore="all"></section></main>')


def test_a_page_without_one_is_sent_as_it_is_and_one_that_does_not_close_stops_the_emptying():
    plain = b'<main data-pagefind-body><p data-pagefind-ignore>index only: kept</p></main>'
    assert without_ignored(plain) is plain
    unclosed = (b'<main><aside data-pagefind-ignore="all"><p>a</p></aside>'
                b'<div data-pagefind-ignore="all"><p>b</p></main>')
    assert without_ignored(unclosed) == (b'<main><aside data-pagefind-ignore="all"></aside>'
                                         b'<div data-pagefind-ignore="all"><p>b</p></main>')
    void = b'<main><img data-pagefind-ignore="all" alt="x"><p>c</p></main>'
    assert without_ignored(void) == void


def _plain(data: bytes | None) -> bytes:
    """A bundle file's bytes, ungzipped when Pagefind compressed it."""
    return gzip.decompress(data) if data and data[:2] == b"\x1f\x8b" else data or b""


def _bundles(outputs, monkeypatch) -> tuple[dict, dict]:
    emptied = search.build_index(outputs, "/")
    whole: list[bytes] = []
    monkeypatch.setattr(search_ignored, "without_ignored", lambda html: whole.append(html) or html)  # (in `sent`)
    made = search.build_index(outputs, "/")
    assert whole  # (the pages went to Pagefind whole)
    return emptied, made


def test_the_bundle_is_the_one_pagefind_makes_of_the_whole_pages(pagefind, monkeypatch):
    hidden = ('<section data-pagefind-ignore="all"><p>zanzibarword</p>'
              '<span data-pagefind-filter="kind">secretkind</span></section>')
    outputs = {f"articles/a{n}/index.html": page(n, extra=hidden if n % 2 else "") for n in range(6)}
    emptied, whole = _bundles(outputs, monkeypatch)
    assert emptied == whole
    text = b"".join(_plain(data) for data in whole.values())
    assert FILTER_VALUES[0].encode() in text and b"secretkind" not in text  # (Pagefind skipped them too)


def test_the_default_dossier_s_bundle_is_unchanged(pagefind, monkeypatch):
    outputs = build_site(fs.read_inputs(ROOT), Options()).outputs
    pages = {path: data for path, data in outputs.items() if path.endswith(".html")}
    assert sum(without_ignored(data) != data for data in pages.values()) >= 10  # entity pages, articles
    emptied, whole = _bundles(pages, monkeypatch)
    assert emptied == whole


def test_a_word_a_mention_link_stands_in_is_indexed_whole(pagefind):
    """Pagefind takes an element with an id for an anchor, and ends a word there: "ל<a id=…>רפיח</a>" was indexed
    as "ל רפיח", so "לרפיח" found nothing and the result's title was shown split (review 69)."""
    html = ('<!DOCTYPE html>\n<html lang="he"><head><title>t</title></head><body><main data-pagefind-body>'
            '<h1 class="headline" id="headline">ניכנס ל<a href="/entities/rafah/" id="m-1" class="m">רפיח</a></h1>'
            '<p><span id="a-x" data-a="x" class="hl">ב</span><a href="/entities/rafah/" id="m-2" class="m">רפיח</a>'
            ' לבד</p></main></body></html>')
    bundle = search.build_index({"articles/a/index.html": html.encode("utf-8")}, "/")
    (fragment,) = [_plain(data) for path, data in bundle.items() if "/fragment/" in path]
    assert "ניכנס לרפיח" in fragment.decode("utf-8") and "ברפיח לבד" in fragment.decode("utf-8")
    assert '"title":"ניכנס לרפיח"' in fragment.decode("utf-8")


def test_a_note_is_indexed_once_from_its_sidenote_not_again_from_the_print_only_endnotes(pagefind):
    """An article page holds each note twice: its sidenote, and the endnotes printed on paper. Pagefind indexed
    both, so a note's words weighed double and its endnote copy could be the excerpt a search showed."""
    import json
    import re

    outputs = build_site(fs.read_inputs(ROOT), Options()).outputs
    path = "articles/all-israel-news-rafah-concerns/index.html"
    html = outputs[path].decode("utf-8")
    notes = [re.sub(r"<[^>]+>", "", n) for n in re.findall(r'<span class="np">(.*?)</span> ', html)]
    assert len(notes) >= 3 and all(html.count(n[:40]) == 2 for n in notes[:3])  # sidenote and endnote
    bundle = search.build_index({path: outputs[path]}, "/")
    (fragment,) = [_plain(data).decode("utf-8") for name, data in bundle.items() if "/fragment/" in name]
    content = json.loads(fragment[fragment.index("{"):])["content"]  # (after Pagefind's "pagefind_dcd")
    for note in notes[:3]:
        words = " ".join(note.split()[:6])
        assert content.count(words) == 1, words


def test_an_article_s_result_is_titled_by_its_title_not_by_its_headline_with_the_notes_in_it(pagefind):
    """Pagefind titles a result by the page's h1: an article's is the outlet's headline with what the editors
    wrote into it (a note's number, kind and words, its tags, "at the source", a comparison badge), which four of
    the default dossier's five results showed as their titles."""
    import json
    import yaml

    outputs = build_site(fs.read_inputs(ROOT), Options()).outputs
    bundle = search.build_index({p: d for p, d in outputs.items() if p.endswith(".html")}, "/")
    fragments = [_plain(data).decode("utf-8") for name, data in bundle.items() if "/fragment/" in name]
    titles = {f["url"]: f["meta"]["title"] for f in (json.loads(t[t.index("{"):]) for t in fragments)}
    articles = sorted((ROOT / "content" / "articles").glob("*.yaml"))
    assert len(articles) == 5
    for file in articles:
        assert titles[f"/articles/{file.stem}/"] == yaml.safe_load(file.read_text("utf-8"))["title"]


def test_an_article_s_headline_is_no_sub_result_of_its_own_page(pagefind):
    """Pagefind makes a sub-result of every element with an id, titled by its text: an article's headline (its h1,
    with the notes written into it) was shown under the result as a second title with the note's words."""
    import json

    outputs = build_site(fs.read_inputs(ROOT), Options()).outputs
    path = "articles/free-beacon-we-will-do-it-alone/index.html"
    assert b'<h1 class="headline" id="headline">' in outputs[path]
    bundle = search.build_index({path: outputs[path]}, "/")
    (fragment,) = [_plain(data).decode("utf-8") for name, data in bundle.items() if "/fragment/" in name]
    found = json.loads(fragment[fragment.index("{"):])
    assert [a for a in found["anchors"] if a["element"] == "h1"] == []
    assert found["content"].startswith("Washington Free Beacon")
    assert "'We Will Do It Alone': Netanyahu Says Israel Will Push Into Rafah" in found["content"]


def test_a_comparison_s_search_text_holds_none_of_its_hidden_words(pagefind):
    """A comparison says "Differences are marked against" each of its bases, all but the one shown carrying
    `hidden`, and its chooser of a base ("Mark the differences against", with the bases) is `hidden` until its
    script shows it. Pagefind indexed them all, run together: "…marked against Evening Signal (2024-02-07)River
    Times (2024-02-07)…" was an excerpt at 1,000 articles."""
    import html as htmllib
    import json
    import re

    outputs = build_site(fs.read_inputs(ROOT), Options()).outputs
    pages = {path: data for path, data in outputs.items()
             if path.startswith("compare/") and b'<strong class="base-name"' in data}
    bundle = search.build_index(pages, "/")
    fragments = [_plain(data).decode("utf-8") for name, data in bundle.items() if "/fragment/" in name]
    contents = {f["url"]: f["content"] for f in (json.loads(t[t.index("{"):]) for t in fragments)}
    hidden = 0
    for path, data in pages.items():
        page, content = data.decode("utf-8"), contents["/" + path.removesuffix("index.html")]
        assert "Mark the differences" in page and "Mark the differences" not in content, path
        for flag, name in re.findall(r'<strong class="base-name" data-base="[^"]*"( hidden)?>(.*?)</strong>', page):
            name = " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", name)).split())  # "Ynetnews (2024-03-21)"
            if flag:
                assert name not in content, (path, name, content[:400])
                hidden += 1
            else:
                assert f"marked against {name}: added" in content, (path, name, content[:400])
    assert len(pages) >= 10 and hidden >= 10


def test_an_article_added_changes_the_entity_and_source_listings_only_where_search_does_not_look(tmp_path):
    """An article added that names an entity changes the entity's page (its counts, its table of the articles that
    name it), /entities/ (the counts, the pairs named together) and /sources/ (its outlet's count and list of
    articles), but not what Pagefind is sent of them: so an article added or removed indexes again none of their
    parts (9 of the 17 parts at 1,000 articles were, for them alone)."""
    from conftest import copy_of_default_dossier

    root = copy_of_default_dossier(tmp_path)
    paths = ("entities/benjamin-netanyahu/index.html", "entities/index.html", "sources/index.html")
    before = build_site(fs.read_inputs(root), Options()).outputs
    (root / "seeds/900_extra.txt").write_text("Talks go on\n\nNetanyahu met Blinken again on Friday.\n", "utf-8")
    (root / "content/articles/ynet-extra.yaml").write_text(
        "seed: 900_extra.txt\ntitle: Talks go on\nsource: ynetnews\ndate: 2024-03-25\n", "utf-8")
    after = build_site(fs.read_inputs(root), Options()).outputs
    assert "articles/ynet-extra/index.html" in after
    for path in paths:
        assert after[path] != before[path], path
        assert search_ignored.sent(after[path]) == search_ignored.sent(before[path]), path
