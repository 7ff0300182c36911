"""Comparison pages built from inline mini-dossiers: columns, marks, figures, links, errors, overview pages."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, run_build

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    """A parsed element: enough DOM to ask what a reader (or a screen reader) gets."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def visible_text(self) -> str:
        """Text without elements marked `hidden` (what shows when no script has run)."""
        return "".join(c if isinstance(c, str) else ("" if "hidden" in c.attrs else c.visible_text())
                       for c in self.children)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path: Path) -> Node:
    b = _Builder()
    b.feed(path.read_text(encoding="utf-8"))
    return b.root


SITE = "title: Mini dossier\n"
SOURCES = """\
outlet-a: {name: Outlet A}
outlet-b: {name: Outlet B}
outlet-c: {name: Outlet C}
"""
SEED_A = """\
Israel will go it alone

The prime minister spoke on Friday. I told him that I hope we would do it with support but if necessary we will do it alone, he said.

The ministry said almost 32,000 Palestinians have been killed in the war.
"""
SEED_B = """\
Netanyahu rebuffs plea

In a video statement he said: I told him that I hope we will do it with support but if necessary we will do it alone, reporters heard.

The Hamas-run Health Ministry said at least 32,070 people have been killed.
"""
SEED_C = """\
We will do it alone

Netanyahu added: And I told him that I hope we will do it with the support of the U.S., but if we have to we will do it alone.

Officials said more than 32,000 Palestinians have been killed.
"""


def article(seed: str, title: str, source: str, date: str) -> str:
    return f"seed: {seed}\ntitle: {title}\nsource: {source}\ndate: {date}\n"


ALONE = """\
title: We will do it alone
question: How do the outlets word it?
kind: quote
base: art-a
witnesses:
  - article: art-c
    quote: "And I told him that I hope we will do it with the support of the U.S., but if we have to we will do it alone"
  - article: art-b
    quote: I told him that I hope we will do it with support but if necessary we will do it alone
    note: Said in a video statement.
  - article: art-a
    quote: I told him that I hope we would do it with support but if necessary we will do it alone
"""
TOLL = """\
title: The death toll
question: How many were killed?
kind: figure
witnesses:
  - article: art-a
    quote: almost 32,000 Palestinians have been killed
  - article: art-b
    quote: at least 32,070 people have been killed
    unit: palestinians
  - article: art-c
    quote: more than 32,000 Palestinians have been killed
"""


def dossier_files(**more: str) -> dict[str, str]:
    files = {
        "site.yaml": SITE, "content/sources.yaml": SOURCES,
        "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "seeds/c.txt": SEED_C,
        "content/articles/art-a.yaml": article("a.txt", "Israel will go it alone", "outlet-a", "2024-03-21"),
        "content/articles/art-b.yaml": article("b.txt", "Netanyahu rebuffs plea", "outlet-b", "2024-03-22"),
        "content/articles/art-c.yaml": article("c.txt", "We will do it alone", "outlet-c", "2024-03-23"),
        "content/comparisons/alone.yaml": ALONE, "content/comparisons/toll.yaml": TOLL,
    }
    files.update(more)
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from conftest import write_tree
    root = write_tree(tmp_path_factory.mktemp("cmp") / "dossier", dossier_files())
    result = run_build(root, "--out", str(root / "_site"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stderr
    return root / "_site"


def columns(page: Node) -> list[Node]:
    return page.find("div", "cols").find_all("section", "col")


def test_a_comparison_page_has_one_column_per_witness_ordered_by_date(built: Path) -> None:
    page = parse(built / "compare/alone/index.html")
    cols = columns(page)
    assert [c.attrs["id"] for c in cols] == ["w-art-a", "w-art-b", "w-art-c"]
    assert [c.find("h3").text() for c in cols] == ["Outlet A", "Outlet B", "Outlet C"]
    assert [c.find("time").text() for c in cols] == ["2024-03-21", "2024-03-22", "2024-03-23"]


def test_a_substituted_word_is_deleted_from_the_base_and_inserted_in_the_witness(built: Path) -> None:
    page = parse(built / "compare/alone/index.html")
    b = page.find("section", id="w-art-b")
    shown = [r for r in b.find_all("span", "r") if "hidden" not in r.attrs]
    assert len(shown) == 1 and shown[0].attrs["data-base"] == "art-a"  # `base: art-a` is the static default
    assert [d.text() for d in shown[0].find_all("del")] == ["would"]
    assert [i.text() for i in shown[0].find_all("ins")] == ["will"]


def test_the_witness_is_shown_verbatim_between_its_context(built: Path) -> None:
    page = parse(built / "compare/alone/index.html")
    b = page.find("section", id="w-art-b")
    rendering = b.find("span", "r", data_base="art-b")  # the witness against itself: no marks
    assert not rendering.find_all("ins") and not rendering.find_all("del")
    quote = "I told him that I hope we will do it with support but if necessary we will do it alone"
    assert rendering.text() == "Compared words: " + quote
    ctx = [c.text() for c in b.find_all("span", "ctx")]
    assert ctx[0].endswith("In a video statement he said: ") and ctx[1].startswith(" Context: , reporters heard")


def test_every_base_is_prerendered_and_only_the_default_shows_without_javascript(built: Path) -> None:
    page = parse(built / "compare/alone/index.html")
    for col in columns(page):
        renderings = col.find_all("span", "r")
        assert [r.attrs["data-base"] for r in renderings] == ["art-a", "art-b", "art-c"]
        assert [("hidden" in r.attrs) for r in renderings] == [False, True, True]
    chooser = page.find("fieldset", "base-chooser")
    assert "hidden" in chooser.attrs  # revealed by compare.js; useless without it
    assert [i.attrs["value"] for i in chooser.find_all("input") if "checked" in i.attrs] == ["art-a"]
    assert "is-base" in page.find("section", id="w-art-a").classes()


def test_a_moved_or_added_phrase_is_marked_against_another_base(built: Path) -> None:
    page = parse(built / "compare/alone/index.html")
    c = page.find("section", id="w-art-c").find("span", "r", data_base="art-a")
    assert [i.text() for i in c.find_all("ins")][0] == "And"


def test_the_heat_map_counts_the_witnesses_that_differ_at_each_base_word(built: Path) -> None:
    page = parse(built / "compare/alone/index.html")
    heat = page.find("p", "heat-text", data_base="art-a")
    assert "hidden" not in heat.attrs
    counted = {n.text().split("(")[0].rstrip("0123456789 "): n.find("sup").text() for n in heat.find_all("span", "hm")}
    assert counted["would"] == "2"  # both other witnesses say "will"
    assert any("2 of 2 differ" in n.text() for n in heat.find_all("span", "visually-hidden"))


def test_the_figures_table_flags_a_disagreement(built: Path) -> None:
    page = parse(built / "compare/toll/index.html")
    table = page.find("table", "figure-table")
    assert table.find("caption").text()
    rows = {r.find("th").find("a").text(): r for r in table.find("tbody").find_all("tr")}
    assert rows["Outlet A"].find_all("td")[1].text() == "almost 32,000"
    assert rows["Outlet B"].find_all("td")[1].text() == "at least 32,070"
    assert "conflict" in rows["Outlet A"].classes()
    assert "disagrees" in rows["Outlet A"].find_all("td")[-1].text()
    assert "Outlet B" in rows["Outlet A"].find_all("td")[-1].text()
    # "more than 32,000" fits "at least 32,070" but not "almost 32,000"
    assert rows["Outlet C"].find_all("td")[-1].text().endswith("disagrees with Outlet A")
    assert rows["Outlet B"].find_all("td")[-1].text().endswith("disagrees with Outlet A")
    assert "These figures disagree" in page.find("section", "figures").text()


def test_every_witness_links_to_its_badge_in_the_article_and_the_badge_links_back(built: Path) -> None:
    for comparison in ("alone", "toll"):
        page = parse(built / f"compare/{comparison}/index.html")
        for col in columns(page):
            slug = col.attrs["id"].removeprefix("w-")
            link = col.find("p", "col-link").find("a").attrs["href"]
            assert link == f"/articles/{slug}/#w-{comparison}"
            art = parse(built / f"articles/{slug}/index.html")
            badge = art.find("a", id=f"w-{comparison}")
            assert "badge" in badge.classes()
            assert badge.attrs["href"] == f"/compare/{comparison}/#w-{slug}"
            assert art.find_all("span", "wit", data_w=f"w-{comparison}")


def test_the_compare_index_lists_every_comparison_with_its_kind_and_number_of_outlets(built: Path) -> None:
    page = parse(built / "compare/index.html")
    rows = page.find("table", "compare-list").find("tbody").find_all("tr")
    cells = [(r.find("th").text(), r.find_all("td")[0].text().split()[0], r.find_all("td")[1].text().split(":")[0])
             for r in rows]
    assert cells == [("We will do it alone", "Quote", "3"), ("The death toll", "Figure", "3")]


def test_the_coverage_matrix_on_sources_is_a_table_of_comparisons_by_outlet(built: Path) -> None:
    table = parse(built / "sources/index.html").find("table", "coverage-matrix")
    assert table.find("caption").text()
    heads = table.find("thead").find_all("th")
    assert all(h.attrs.get("scope") == "col" for h in heads)
    assert [h.text() for h in heads][1:4] == ["Outlet A", "Outlet B", "Outlet C"]
    body = table.find("tbody").find_all("tr")
    assert all(r.find("th").attrs.get("scope") == "row" for r in body)
    first = body[0].find_all("td")
    assert [c.find("span", "visually-hidden").text().split(",")[0] for c in first[:3]] == ["yes"] * 3
    assert first[0].find("a").attrs["href"] == "/compare/alone/#w-art-a"


def errors_of(mini_dossier, **files: str) -> str:
    root = mini_dossier(dossier_files(**files), defaults=False)
    result = run_build(root, "--check")
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stderr


def test_a_witness_that_does_not_anchor_is_an_error_at_its_line_with_the_closest_passage(mini_dossier) -> None:
    broken = ALONE.replace("I hope we would do it with support but if necessary", "we shall never, ever act")
    out = errors_of(mini_dossier, **{"content/comparisons/alone.yaml": broken})
    line = broken.splitlines().index(next(x for x in broken.splitlines() if "we shall never" in x)) + 1
    assert f"content/comparisons/alone.yaml:{line}:" in out
    assert 'comparison "alone", witness "art-a": quote not found in seeds/a.txt' in out
    assert "closest passage at seeds/a.txt:3" in out


def test_an_unknown_article_slug_is_an_error_that_suggests_the_right_one(mini_dossier) -> None:
    out = errors_of(mini_dossier, **{"content/comparisons/toll.yaml": TOLL.replace("article: art-b", "article: art-bb")})
    assert re.search(r'content/comparisons/toll\.yaml:\d+:\d+: error: comparison "toll": unknown article "art-bb"', out)
    assert 'did you mean "art-b"?' in out


def test_a_base_that_is_not_one_of_the_witnesses_is_an_error(mini_dossier) -> None:
    out = errors_of(mini_dossier, **{"content/comparisons/alone.yaml": ALONE.replace("base: art-a", "base: art-d")})
    assert 'comparison "alone": base "art-d" is not one of its witnesses' in out


def test_a_witness_matched_only_approximately_is_a_warning_and_strict_makes_it_an_error(mini_dossier) -> None:
    fuzzy = ALONE.replace("I hope we would do it with support", "I hope we would do it with suport")
    root = mini_dossier(dossier_files(**{"content/comparisons/alone.yaml": fuzzy}), defaults=False)
    relaxed = run_build(root, "--check")
    assert relaxed.returncode == 0 and "warning: comparison \"alone\", witness \"art-a\"" in relaxed.stderr
    strict = run_build(root, "--check", "--strict")
    assert strict.returncode == 1 and "error: comparison \"alone\", witness \"art-a\"" in strict.stderr


PLANTED = "The minister said the border crossing would stay open for aid convoys until further notice"
SYLLABLES = "ba ko ri tu me sa lo ni vo de".split(), "rak len mos tiv dap sul kor nef".split()
FILLER = sorted(a + b for a in SYLLABLES[0] for b in SYLLABLES[1])


def generated(seed: int) -> str:
    rng = random.Random(seed)
    sentences = [" ".join(rng.choice(FILLER) for _ in range(rng.randint(6, 12))).capitalize() + "."
                 for _ in range(12)]
    sentences.insert(rng.randint(2, 10), PLANTED + ".")
    sentences.insert(rng.randint(1, 11), "According to Israeli tallies.")  # a short stock phrase in all three
    return f"Report {seed}\n\n" + "\n\n".join(sentences) + "\n"


def test_the_passages_page_finds_a_sentence_planted_in_three_generated_articles(mini_dossier, tmp_path) -> None:
    files = {"site.yaml": SITE, "content/sources.yaml": SOURCES}
    for i, letter in enumerate("abc"):
        files[f"seeds/{letter}.txt"] = generated(i + 1)
        files[f"content/articles/gen-{letter}.yaml"] = article(f"{letter}.txt", f"Report {i + 1}", f"outlet-{letter}",
                                                               f"2024-03-2{i + 1}")
    root = mini_dossier(files, defaults=False)
    result = run_build(root, "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    (listed,) = parse(tmp_path / "out/passages/index.html").find("ol", "passage-list").find_all("a")
    assert re.fullmatch(r"/passages/[0-9a-f]{10}/", listed.attrs["href"]), listed.attrs["href"]
    passage = parse(tmp_path / "out" / listed.attrs["href"].strip("/") / "index.html")
    assert passage.find("blockquote").text() == PLANTED
    links = [a.attrs["href"] for a in passage.find("ul", "occurrences").find_all("a")]
    assert links == [f"/articles/gen-{x}/#:~:text=The%20minister%20said%20the,convoys%20until%20further%20notice"
                     for x in "abc"]
    compare = passage.find("details", "passage-compare")
    assert len(compare.find_all("section", "col")) == 3
    assert "No comparison covers this passage yet" in passage.text()


def test_the_default_dossier_has_at_least_ten_comparisons_each_with_two_or_more_witnesses() -> None:
    files = sorted((ROOT / "content/comparisons").glob("*.yaml"))
    assert len(files) >= 10
    for f in files:
        assert f.read_text(encoding="utf-8").count("- article:") >= 2, f.name


def test_the_heat_maps_hidden_counts_agree_in_number(default_site: Path) -> None:
    """A comparison of two versions read "how many of the 1 other versions differ there" and "(1 of 1 differ)"
    (review 142). Every count, on every comparison page and every passage's page, agrees with its number."""
    pages = [p.read_text("utf-8") for p in sorted(default_site.glob("compare/*/index.html"))]
    pages += [p.read_text("utf-8") for p in sorted(default_site.glob("passages/*/index.html"))]
    counts = [(int(n), verb) for page in pages for n, verb in re.findall(r"\((\d+) of \d+ (\w+)\)", page)]
    intros = [intro for page in pages for intro in re.findall(r"after each changed word, ([^:<]*):", page)]
    assert {1, 2} <= {n for n, _ in counts} and {verb for _, verb in counts} == {"differs", "differ"}
    assert [(n, verb) for n, verb in counts if (verb == "differs") != (n == 1)] == []
    assert "whether the 1 other version differs there" in intros
    assert [i for i in intros if i != "whether the 1 other version differs there" and
            not re.fullmatch(r"how many of the ([2-9]|\d\d+) other versions differ there", i)] == []


def test_the_links_to_the_notes_on_a_shared_passage_are_named_by_their_words_and_outlet(default_site: Path) -> None:
    """/passages/ named them by the annotations' ids: "annotation “dermer-alone-quote”", twice, for two articles'
    notes (review 142). Each is named by the first words of its quote and by its article's outlet, on every
    passage's page."""
    rows = [row for p in sorted(default_site.glob("passages/*/index.html")) for row in parse(p).find_all("li")]
    assert rows
    names: dict[str, set[str]] = {}
    for row in rows:
        for link in row.find_all("a"):
            if "#a-" in link.attrs["href"]:
                names.setdefault(link.text(), set()).add(link.attrs["href"])
    assert names["note on “It will happen even if Israel…” in Ynetnews"] == {
        "/articles/ynet-rafah-rift/#a-dermer-alone-quote"}
    assert names["note on “It will happen even if Israel…” in ALL ISRAEL NEWS"] == {
        "/articles/all-israel-news-rafah-concerns/#a-dermer-alone-quote"}
    assert [name for name, hrefs in names.items() if len(hrefs) > 1] == []
    ids = {href.split("#a-")[1] for hrefs in names.values() for href in hrefs}
    assert [name for name in names if any(i in name for i in ids)] == []
