"""An entity's names as its page gives them to the search index (entity_views.search_words, the meta "names" of
templates/entity.html), by which static/search.js ranks its page first when a reader searches one of them (the
ranking itself: tests/test_browser_search.py)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from conftest import ROOT
from dossier.core.pipeline import Options, build_site
from dossier.core.plan.entity_views import search_key, search_keys, search_words
from dossier.shell import fs, search


@pytest.fixture
def pagefind():
    pytest.importorskip("pagefind")
    from pagefind.service import get_executable
    if get_executable() is None:
        pytest.skip("the Pagefind binary is missing (pip install 'pagefind[bin]')")


def test_the_names_are_given_as_their_words_each_once_and_none_the_beginning_of_another():
    """Pagefind counts each word of a field that a searched word begins, and the field's boost grows with the cube
    of that count: "Hamas-run" (read "hamasrun", "hamas", "run") matched "Hamas" twice, and the Gaza Health
    Ministry's page came before Hamas's."""
    ministry = ["Gaza Health Ministry", "Health Ministry in Gaza", "Hamas-run Health Ministry",
                "Hamas-run health authorities"]
    assert search_words(ministry) == "gaza health ministry in hamasrun run authorities"
    assert search_words(["Benjamin Netanyahu", "Netanyahu", "Netanyahu’s"]) == "benjamin netanyahus"
    assert search_words(["United States", "U.S.", "US", "USA"]) == "united states usa"
    assert search_words(["Karine Jean-Pierre", "Jean-Pierre"]) == "karine jeanpierre pierre"
    assert search_words(["רפיח", "ברפיח"]) == "רפיח ברפיח"
    assert search_words(["—", " "]) == ""
    # (a word left out begins one kept: every word a name was found by still begins one of the words given)
    for names in (ministry, ["Israel Defense Forces", "IDF", "Israeli army", "Israel"]):
        words = search_words(names).split()
        assert all(any(w.startswith(p) for w in words) for n in names for p in re.findall(r"[^\W_]+", n.lower()))


def _fragments(bundle: dict) -> dict[str, dict]:
    found = {}
    for name, data in bundle.items():
        if "/fragment/" in name:
            text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8")
            fragment = json.loads(text[text.index("{"):])  # (after Pagefind's "pagefind_dcd")
            found[fragment["url"]] = fragment
    return found


def test_an_entity_page_is_indexed_with_the_words_of_its_names_and_no_other_page_is(pagefind):
    outputs = build_site(fs.read_inputs(ROOT), Options()).outputs
    paths = ["entities/gaza-health-ministry/index.html", "entities/benjamin-netanyahu/index.html",
             "entities/idf/index.html",
             "articles/jpost-go-it-alone/index.html", "compare/hamas-strength-in-rafah/index.html"]
    fragments = _fragments(search.build_index({path: outputs[path] for path in paths}, "/"))
    assert fragments["/entities/gaza-health-ministry/"]["meta"] == {
        "title": "Gaza Health Ministry", "names": "gaza health ministry in hamasrun run authorities"}
    assert fragments["/entities/benjamin-netanyahu/"]["meta"]["names"] == "benjamin netanyahu"
    assert "names" not in fragments["/articles/jpost-go-it-alone/"]["meta"]
    assert "names" not in fragments["/compare/hamas-strength-in-rafah/"]["meta"]
    # (each of its names whole, by its key, in a filter the search page hides: static/ranked/pagefind.js)
    assert fragments["/entities/idf/"]["filters"]["entity-name"] == ["idf", "israel%20defense%20forces"]
    assert "entity-name" not in fragments["/compare/hamas-strength-in-rafah/"]["filters"]


def test_a_name_s_key_is_its_text_whole_as_a_query_is_keyed():
    """A query is matched to a name by its key (the search page keys a query as search_key does: static/ranked/
    pagefind.js, tests/test_browser_search.py): whole, not by its words, whatever its case, accents, spaces and
    apostrophes; percent-encoded, so that no HTML entity, comma or colon in a name changes Pagefind's filter."""
    assert search_key("Israel Defense  Forces ") == "israel%20defense%20forces"
    assert search_key("Zürich") == search_key("zurich") == "zurich"
    assert search_key("Netanyahu\u2019s") == search_key("netanyahu's") == "netanyahu's"
    assert search_key("AT&T, Inc.: 1") == "at%26t%2C%20inc.%3A%201"
    assert search_key("רפיח") == "%D7%A8%D7%A4%D7%99%D7%97"
    assert search_key(" \t") == ""
    assert search_keys(["Gaza Strip", "Gaza", "gaza", "GAZA STRIP", " "]) == ["gaza", "gaza%20strip"]
