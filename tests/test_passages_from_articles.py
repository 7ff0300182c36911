"""From an article to the passages it shares (review 141): an article page that shares passages with other
articles lists them (the first few, longest first, as /passages/ lists them), each linked to the passage's own page
(/passages/<id>/, named by its words) and to its place in the article's own text, with how many other articles have
it and from which outlets; its page's input holds those few values alone, so that it is made again when they
change (another article's text) and only then."""

from __future__ import annotations

import contextlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dossier_synth
from conftest import copy_of_default_dossier, mini, run_build
from dossier.core.analyse import shared_passages
from dossier.core.analyse.shared_passages import Occurrence, SharedPassage
from dossier.core.common.memo import Memo
from dossier.core.common.urls import Urls
from dossier.core.pipeline import Options, build_site
from dossier.core.plan import article_passages, passage_views
from dossier.core.plan.article_passages import Here, index, listing, passage_urls
from dossier.shell import fs
from dossier.shell.cli import main


def _passage(words: int, *docs: str) -> SharedPassage:
    """A passage of `words` words at 10-20 of each of `docs` (a doc named twice has it twice: at 10 and at 30)."""
    places = sorted({(d, 10 + 20 * docs[:i].count(d)) for i, d in enumerate(docs)})
    return SharedPassage("x " * words, tuple(Occurrence(d, s, s + 10) for d, s in places), words)


OUTLETS = {"a": "Kappa", "b": "Kappa", "c": "Alpha", "d": "Delta", "e": "Beta", "f": "Gamma", "g": "Alpha"}


def test_an_article_lists_the_first_passages_it_holds_and_points_to_the_next():
    passages = [_passage(30 - n, "a", "b") for n in range(7)] + [_passage(5, "c", "d")]
    urls = [f"/passages/p{n}/" for n in range(len(passages))]
    found = index(passages, urls, OUTLETS)
    assert set(found) == {"a", "b", "c", "d"}
    a = found["a"]
    assert [s.url for s in a.shown] == urls[:article_passages.SHOWN] == urls[:5] and a.total == 7
    assert (a.next_url, a.next_start, a.next_end) == ("/passages/p5/", 10, 20)
    assert found["c"] == Here((article_passages.Shared(urls[7], 10, 20, 5, 1, ("Delta",), 0),), 1)


def test_each_passage_says_how_many_other_articles_have_it_and_their_outlets():
    found = index([_passage(9, "a", "a", "b", "c", "d", "e", "f", "g")], ["/passages/#p-1"], OUTLETS)
    (a,) = found["a"].shown   # (twice in a: its first place; its own outlet's other article, b, counts)
    assert (a.start, a.end, a.others, a.outlets, a.more_outlets) == (10, 20, 6, ("Alpha", "Beta", "Delta"), 2)
    (c,) = found["c"].shown   # (g is Alpha too: Alpha is named once)
    assert (c.others, c.outlets, c.more_outlets) == (6, ("Alpha", "Beta", "Delta"), 2)
    (d,) = index([_passage(9, "a", "c", "d")], ["u"], OUTLETS)["d"].shown
    assert (d.others, d.outlets, d.more_outlets) == (2, ("Alpha", "Kappa"), 0)


def _listed_outlets(docs: list[str], slug: str, outlets: dict[str, str]) -> tuple[tuple[str, ...], int]:
    """What a passage held by `docs` names of the other outlets on the page of `slug`, by the definition: every
    outlet of its articles, sorted, but the article's own unless another of its articles has the passage too."""
    others = sorted({outlets.get(d, "") for d in docs if d != slug})
    return tuple(others[:article_passages.OUTLETS_SHOWN]), len(others[article_passages.OUTLETS_SHOWN:])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from("abcdefghij"), min_size=2, max_size=9), min_size=1, max_size=8),
       st.dictionaries(st.sampled_from("abcdefghij"), st.sampled_from(["Kappa", "Alpha", "Beta", "", "Zeta"])))
def test_each_article_names_the_other_outlets_of_a_passage_as_the_definition_says(held, outlets):
    passages = [_passage(9, *docs) for docs in held]
    found = index(passages, [f"u{n}" for n in range(len(passages))], outlets)
    assert set(found) == {doc for docs in held for doc in docs}
    for slug, here in found.items():
        assert here.total == sum(slug in docs for docs in held)
        for shared in here.shown:
            docs = sorted(set(held[int(shared.url[1:])]))
            assert (shared.outlets, shared.more_outlets) == _listed_outlets(docs, slug, outlets)
            assert shared.others == len(docs) - 1


def test_a_passage_links_to_its_own_page_named_by_its_words_and_the_listing_is_cut_into_pages(monkeypatch):
    monkeypatch.setattr(article_passages, "LISTED_PER_PAGE", 2)
    monkeypatch.setattr(passage_views, "OCCURRENCES_PER_PIECE", 2)
    passages = [_passage(20, "a", "b", "c", "d", "e"), _passage(15, "a", "b"), _passage(10, "c", "d")]
    listed = listing(passages)
    ids = [article_passages.passage_id(p.text) for p in passages]
    assert passage_urls(Urls("/d/"), listed) == [f"/d/passages/{i}/" for i in ids]
    # (/passages/ in pages of two; the passage found in five places on pages of two places each)
    assert [part.path for part in listed.parts] == ["passages/index.html", "passages/page/2/index.html"]
    assert [[part.path for part in own] for own in listed.pages] == [
        [f"passages/{ids[0]}/index.html", f"passages/{ids[0]}/2/index.html", f"passages/{ids[0]}/3/index.html"],
        [f"passages/{ids[1]}/index.html"], [f"passages/{ids[2]}/index.html"]]
    assert [list(part.items) for part in listed.pages[0]] == [[0, 1], [2, 3], [4]]
    # (the very same listing is handed to the article pages and to the passages' pages while the passages are the
    # same: neither can change it for the other)
    assert listing(passages) is listed and isinstance(listed.ids, tuple) and isinstance(listed.parts, tuple)


def test_a_passage_s_id_is_its_words_and_two_alike_are_told_apart_in_listing_order():
    a = SharedPassage("The minister said, “no.”", (Occurrence("a", 0, 9), Occurrence("b", 0, 9)), 4)
    b = SharedPassage("the Minister said — \"No\"", (Occurrence("c", 0, 9), Occurrence("d", 0, 9)), 4)
    c = SharedPassage("The minister said yes", (Occurrence("a", 0, 9), Occurrence("c", 0, 9)), 4)
    first = article_passages.passage_id(a.text)
    assert first == article_passages.passage_id(b.text) != article_passages.passage_id(c.text)
    assert re.fullmatch(r"[0-9a-f]{%d}" % shared_passages.ID_DIGITS, first)
    assert article_passages.ids([a, c, b]) == (first, article_passages.passage_id(c.text), f"{first}-2")
    # (an article's passages removed leave the others' ids as they were: each is its own words')
    assert article_passages.ids([c, b]) == (article_passages.passage_id(c.text), first)


def test_a_passage_s_id_is_the_same_as_ever_in_any_script():
    """A passage's id is its page's address, which readers link to: folding its words together (one call) must
    give the ids folding each word alone gave, in scripts where folding changes letters (final sigma, dotted
    capital I, ß), where NFC composes (Hangul jamo, a combining accent) and where letters are dropped (tatweel)."""
    assert article_passages.passage_id("The minister said, “no.”") == "4ff0d7ee20"
    assert article_passages.passage_id("ΟΔΟΣ ΣΟΦΟΣ: İstanbul’s straße") == "2183b6a2c2"
    assert article_passages.passage_id("\u1100 \u1161 e\u0301 مـرحبا ـ") == "6254f57fb8"


def test_the_place_link_steps_around_the_words_the_page_adds():
    text = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi."
    added = article_passages.inserts(text, [text.index(" gamma")], [])
    shared = article_passages.Shared("/passages/p/", 0, text.index(" xi"), 13, 1, ("Kappa",), 0)
    view = article_passages.view(Here((shared,), 1), text, added, "", "", "/passages/")
    place = view["passages"][0]["place_url"] if view else ""
    assert place == passage_views.text_fragment(text, 0, text.index(" xi"), frozenset({text.index(" gamma")}))
    assert place.startswith("#:~:text=Alpha,") and place != passage_views.text_fragment(text, 0, text.index(" xi"))
    assert article_passages.view(None, text, added, "", "", "/passages/") is None


class _Links(HTMLParser):
    """The links of a page, and those inside its shared passages' section (with their texts)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.shared: list[list[str]] = []   # [href, text] of each link in the section
        self._in, self._in_link = False, False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"] or "")
        if tag == "section" and a.get("class") == "shared-passages":
            self._in = True
        if tag == "a":
            self.links.append(a.get("href") or "")
            if self._in:
                self.shared.append([a.get("href") or "", ""])
                self._in_link = True

    def handle_endtag(self, tag):
        self._in = self._in and tag != "section"
        self._in_link = self._in_link and tag != "a"

    def handle_data(self, data):
        if self._in_link:
            self.shared[-1][1] += data


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Path:
    """The 12-article generated dossier with /passages/ cut into pages of three passages, a passage's own page into
    pages of two places."""
    root = tmp_path_factory.mktemp("paged")
    dossier_synth.generate(root / "dossier", 12, seed=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(article_passages, "LISTED_PER_PAGE", 3)
        patch.setattr(passage_views, "OCCURRENCES_PER_PIECE", 2)
        with contextlib.redirect_stdout(io.StringIO()) as said, contextlib.redirect_stderr(said):
            code = main(["--root", str(root / "dossier"), "--out", str(root / "site"), "--no-search"])
    assert code == 0 and " 0 errors, 0 warning(s)" in said.getvalue(), said.getvalue()  # (the link check too)
    return root / "site"


def _listed_ids(site: Path) -> list[str]:
    """The ids of the passages in /passages/' order, from its pages in order."""
    pages = [site / "passages/index.html"] + sorted(site.glob("passages/page/*/index.html"),
                                                    key=lambda page: int(page.parent.name))
    return [i for page in pages for i in re.findall(r'<li><a href="/passages/([0-9a-f-]+)/">', page.read_text("utf-8"))]


def _held(site: Path) -> dict[str, list[str]]:
    """Per article slug, the ids of the passages it holds, in /passages/' order (from each passage's own pages)."""
    held: dict[str, list[str]] = {}
    for ident in _listed_ids(site):
        for page in sorted((site / "passages" / ident).glob("**/index.html")):
            for slug in re.findall(r'<li><a href="/articles/([^/"]+)/#:~:', page.read_text("utf-8")):
                if ident not in held.setdefault(slug, []):
                    held[slug].append(ident)
    return held


ON = ", on Shared passages"  # (what a listed passage's link says after its words, to a screen reader)


def test_each_article_page_lists_its_first_passages_each_linked_to_its_page(paged):
    held = _held(paged)
    passage_links = {h for p in paged.glob("passages/**/index.html") for h in _Links(p.read_text("utf-8")).links}
    assert len(held) >= 6 and max(map(len, held.values())) > article_passages.SHOWN  # (the cap is reached)
    # (both the listing and a passage's places go on over further pages)
    assert any(paged.glob("passages/page/2/index.html")) and any(paged.glob("passages/*/2/index.html"))
    for page in sorted(paged.glob("articles/*/index.html")):
        slug, links = page.parent.name, _Links(page.read_text("utf-8"))
        to_passages = [(h, t) for h, t in links.shared if re.fullmatch(r"/passages/[0-9a-f]{10}(-\d+)?/", h)]
        if slug not in held:
            assert not links.shared, slug
            continue
        ids = held[slug]
        listed = [(h, t) for h, t in to_passages if t.endswith(ON)]
        assert [h.split("/")[2] for h, _ in listed] == ids[:article_passages.SHOWN], slug
        for href, text in listed:
            assert re.fullmatch(r"“.+”" + ON, text), text
        places = [h for h, t in links.shared if h.startswith("#:~:text=")]
        assert len(places) == len(listed) and all(f"/articles/{slug}/{p}" in passage_links
                                                  for p in places), slug  # (as the passage's page links its place)
        more = [(h, t) for h, t in to_passages if not t.endswith(ON)]
        assert (len(more) == 1) == (len(ids) > article_passages.SHOWN), slug
        if more:
            assert more[0][0] == f"/passages/{ids[article_passages.SHOWN]}/" and re.fullmatch(r"“.+”", more[0][1])
        assert len(to_passages) == len(listed) + len(more), slug


SAID = "the border crossing would stay open for aid convoys until further notice <i>&amp; more</i>"
FILES = {
    "content/sources.yaml": "outlet-a: {name: \"Kappa <b>& Co\"}\noutlet-b: {name: Outlet B}\n",
    "seeds/one.txt": f"First report\nThe minister said {SAID}, officials added.\n",
    "seeds/two.txt": f"Second report\nOn Friday an aide confirmed {SAID}, and left.\n",
    "seeds/three.txt": "Third report\nNothing in this text is found in another one at all.\n",
    "content/articles/one.yaml": "seed: one.txt\ntitle: One\nsource: outlet-a\ndate: 2024-03-22\n",
    "content/articles/two.yaml": "seed: two.txt\ntitle: Two\nsource: outlet-b\ndate: 2024-03-23\n",
    "content/articles/three.yaml": "seed: three.txt\ntitle: Three\nsource: outlet-a\ndate: 2024-03-24\n",
}


def test_the_list_is_escaped_and_only_articles_that_share_a_passage_have_it(tmp_path):
    root = mini(tmp_path, FILES)
    result = run_build(root, "--no-search", "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    two = (tmp_path / "site/articles/two/index.html").read_text("utf-8")
    section = two[two.index('<section class="shared-passages"'):]
    section = section[:section.index("</section>")]
    assert "<b>" not in section and "<i>" not in section and "Kappa &lt;b&gt;&amp; Co" in section
    assert re.search(r'<a href="/passages/[0-9a-f]{10}/">“the border crossing would stay open…”', section)
    assert "also in 1 other article, from <bdi>Kappa &lt;b&gt;&amp; Co</bdi>" in section
    assert 'class="shared-passages"' in (tmp_path / "site/articles/one/index.html").read_text("utf-8")
    assert 'class="shared-passages"' not in (tmp_path / "site/articles/three/index.html").read_text("utf-8")


def _build(root: Path, memo: Memo) -> dict[str, bytes]:
    memo.begin()
    result = build_site(fs.read_inputs(root), Options(), memo)
    memo.sweep()
    assert result.ok, result.problems
    return dict(result.outputs)


def _seed(root: Path, slug: str) -> Path:
    yaml = (root / "content/articles" / f"{slug}.yaml").read_text("utf-8")
    return root / "seeds" / re.search(r"^seed: (\S+)", yaml, re.M).group(1)


def test_another_articles_new_text_makes_the_pages_whose_list_it_changes_again_and_nothing_stale(tmp_path):
    """A sentence of jpost-go-it-alone copied into another article's seed makes a new passage: jpost's page, whose
    text did not change, lists it, rendered again from its new input, as a cold build makes it."""
    root = copy_of_default_dossier(tmp_path)
    memo = Memo()
    first = _build(root, memo)
    page = "articles/jpost-go-it-alone/index.html"
    copied = "Blinken for his part issued very clear public statements against the operation during a joint press"
    assert copied in _seed(root, "jpost-go-it-alone").read_text("utf-8")
    assert "“Blinken for his part" not in first[page].decode()
    ynet = _seed(root, "ynet-rafah-rift")
    ynet.write_text(ynet.read_text("utf-8") + f"\n{copied} conference.\n", "utf-8")
    second = _build(root, memo)
    listed = r'<a href="/passages/[0-9a-f]{10}/">“Blinken for his part issued very…”'
    assert re.search(listed, second[page].decode())
    assert second == _build(root, Memo())


def _section(page: bytes) -> str:
    """An article page's list of the passages it shares ("" when it has none)."""
    text = page.decode()
    return text[text.index('<section class="shared-passages"'):].split("</section>")[0] \
        if 'class="shared-passages"' in text else ""


S1 = "the harbour board voted on Tuesday to close the northern quay for repairs"
S2 = "water rationing in the eastern districts will continue until the reservoir refills"
S3 = "the treasury confirmed that the emergency fund had been spent in full by the end of the winter months"
REMOVED = {
    "content/sources.yaml": "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\n",
    **{f"seeds/{n}.txt": f"Report {n}\nOn Monday {text}, a spokesman said.\n"
       for n, text in (("a", f"{S1}. Separately, {S3}"), ("b", S1), ("c", S2), ("d", S2), ("r", S3))},
    **{f"content/articles/{n}.yaml": f"seed: {n}.txt\ntitle: Report {n}\nsource: outlet-{'ab'[i % 2]}\n"
                                     f"date: 2024-03-2{i}\n" for i, n in enumerate("abcdr")},
}


def test_an_article_removed_leaves_every_passage_it_did_not_hold_where_it_was(tmp_path):
    """A passage's page is named by its words: an article removed (or added) changes the pages of the passages it
    holds and /passages/ itself, and leaves the others' pages, and the lists of the articles that share none
    with it, byte for byte as they were. (They had been numbered over the whole dossier, longest first: the
    article removed here, r, took away the longest passage, S3, and every other passage's number moved, so most
    article pages and every page of /passages/ were made again.)"""
    root = mini(tmp_path, REMOVED)
    first = _build(root, Memo())
    own = {p: page.decode() for p, page in first.items() if re.fullmatch(r"passages/[0-9a-f-]+/index\.html", p)}
    assert len(own) == 3
    held = [p for p, page in own.items() if '<li><a href="/articles/r/#' in page]
    (root / "seeds/r.txt").unlink()
    (root / "content/articles/r.yaml").unlink()
    second = _build(root, Memo())
    assert len(held) == 1 and held[0] not in second   # (S3's page is gone: only a and r had it)
    kept = [p for p in own if p not in held]
    assert len(kept) == 2 and [p for p in kept if second[p] != first[p]] == []
    assert _section(first["articles/c/index.html"]) and all(
        second[f"articles/{n}/index.html"] == first[f"articles/{n}/index.html"] for n in "bcd")
    assert _section(second["articles/a/index.html"]) != _section(first["articles/a/index.html"])  # (S3 left it)
