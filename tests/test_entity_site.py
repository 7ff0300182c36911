"""Entity pages, mention links, hovercards and `--suggest`, built from inline mini-dossiers with build.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import mini, run_build

ENTITIES = """\
benjamin-netanyahu:
  name: Benjamin Netanyahu
  kind: person
  aliases: [Netanyahu]
  summary: Prime Minister of Israel.
  wikidata: Q43723
ron-dermer:
  name: Ron Dermer
  kind: person
  aliases: [Dermer]
  summary: Israel's *Strategic Affairs* Minister.
  roles:
    - {title: Strategic Affairs Minister, of: israel, from: "2022"}
washington:
  name: Washington, D.C.
  kind: place
  aliases: [Washington]
  summary: Capital of the United States.
israel:
  name: Israel
  kind: place
  summary: A state in the Middle East.
"""
SEED_A = """\
Dermer flies to Washington

Strategic Affairs Minister Ron Dermer flew to Washington on Monday. Prime Minister Benjamin Netanyahu said Israel would go it alone. Yoav Gallant stayed home.

Later, Dermer said the talks were useful. "We will do it alone," Netanyahu said.
"""
SEED_B = """\
Talks in Washington

Netanyahu told Ron Dermer to go. Defense Minister Yoav Gallant agreed, and Netanyahou's office said so. "We will do it, alone!" Netanyahu said.
"""
ARTICLE_A = """\
seed: a.txt
title: Dermer flies to Washington
source: outlet-a
date: 2024-03-21
annotations:
  - id: alone
    quote: We will do it alone
    speaker: benjamin-netanyahu
    entities: [benjamin-netanyahu]
"""
ARTICLE_B = """\
seed: b.txt
title: Talks in Washington
source: outlet-b
date: 2024-03-22
annotations:
  - id: alone
    quote: We will do it, alone!
    speaker: benjamin-netanyahu
"""
FILES = {"content/entities.yaml": ENTITIES, "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B,
         "content/articles/a.yaml": ARTICLE_A, "content/articles/b.yaml": ARTICLE_B}


class Links(HTMLParser):
    """Every <a> with its attributes and text, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict[str, str], str]] = []
        self._open: list[tuple[dict[str, str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append((dict(attrs), []))

    def handle_data(self, data):
        for _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            attrs, text = self._open.pop()
            self.links.append((attrs, "".join(text)))


def links(html: str) -> list[tuple[dict[str, str], str]]:
    parser = Links()
    parser.feed(html)
    return parser.links


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = mini(tmp_path_factory.mktemp("entities"), FILES)
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def read(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


# --- errors ------------------------------------------------------------------------------------------------

def test_an_unknown_entity_id_in_an_annotation_fails_the_build_at_the_list_item_with_a_did_you_mean(mini_dossier):
    root = mini_dossier(dict(FILES, **{"content/articles/a.yaml": ARTICLE_A.replace(
        "entities: [benjamin-netanyahu]", "entities: [benjamin-netanyahou]")}))
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert ('content/articles/a.yaml:9:16: error: annotation "alone": unknown entity "benjamin-netanyahou" in entities'
            in result.stderr)
    assert 'hint: did you mean "benjamin-netanyahu"?' in result.stderr


def test_unknown_ids_lowered_to_a_warning_in_site_yaml_still_build(mini_dossier, tmp_path):
    from conftest import MINIMAL_SITE
    root = mini_dossier(dict(FILES, **{
        "site.yaml": MINIMAL_SITE + "checks:\n  entities-unknown: warning\n",
        "content/articles/b.yaml": ARTICLE_B.replace("speaker: benjamin-netanyahu", "speaker: bibi")}))
    result = run_build(root, "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert 'warning: annotation "alone": unknown entity "bibi" as speaker' in result.stderr
    html = (tmp_path / "out/entities/benjamin-netanyahu/index.html").read_text()
    assert "/articles/b/#a-alone" not in html and "/articles/a/#a-alone" in html


def test_two_entities_claiming_one_alias_fail_the_build_with_an_error_naming_both(mini_dossier):
    root = mini_dossier(dict(FILES, **{"content/entities.yaml": ENTITIES + """\
george-washington:
  name: George Washington
  kind: person
  aliases: [Washington]
"""}))
    result = run_build(root, "--check")
    assert result.returncode == 1
    # at the alias George Washington's list adds; each entity named where it claims "Washington"
    assert ('content/entities.yaml:26:13: error: alias "Washington" is claimed by 2 entities: '
            '"washington" (content/entities.yaml:17) and "george-washington" (content/entities.yaml:26)'
            in result.stderr), result.stderr


def test_an_alias_that_is_another_entitys_name_is_reported_at_the_alias_not_at_the_name(mini_dossier):
    """The entity that owns a name keeps it: the alias another entity adds is what to fix, even when that
    entity comes first in the file, and even when the owner also lists its own name among its aliases."""
    entities = ENTITIES.replace("  aliases: [Netanyahu]\n", "  aliases: [Netanyahu, Israel]\n").replace(
        "israel:\n  name: Israel\n", "israel:\n  name: Israel\n  aliases: [Israel]\n")
    root = mini_dossier(dict(FILES, **{"content/entities.yaml": entities}))
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert ('content/entities.yaml:4:24: error: alias "Israel" is claimed by 2 entities: '
            '"benjamin-netanyahu" (content/entities.yaml:4) and "israel" (content/entities.yaml:' in result.stderr), \
        result.stderr
    # quoted as written at the caret, not as the entity written first in the file spells it
    shouted = ENTITIES.replace("  aliases: [Washington]\n", "  aliases: [Washington, DERMER]\n")
    root = mini_dossier(dict(FILES, **{"content/entities.yaml": shouted}))
    assert 'content/entities.yaml:17:25: error: alias "DERMER" is claimed' in run_build(root, "--check").stderr
    spaced = entities.replace("[Netanyahu, Israel]", '[Netanyahu, " Israel"]')   # (the matcher strips an alias)
    root = mini_dossier(dict(FILES, **{"content/entities.yaml": spaced}))
    assert 'content/entities.yaml:4:24: error: alias "Israel" is claimed' in run_build(root, "--check").stderr


# --- article pages -----------------------------------------------------------------------------------------

def test_every_mention_links_to_its_entity_and_only_the_first_per_entity_is_visibly_linked(site):
    found = [(a.get("id"), a.get("class"), a["href"], text) for a, text in links(read(site, "articles/a/index.html"))
             if "m" in (a.get("class") or "").split()]
    assert found == [
        ("m-1", "m", "/entities/ron-dermer/", "Dermer"), ("m-2", "m", "/entities/washington/", "Washington"),
        ("m-3", "m m-again", "/entities/ron-dermer/", "Ron Dermer"),
        ("m-4", "m m-again", "/entities/washington/", "Washington"),
        ("m-5", "m", "/entities/benjamin-netanyahu/", "Benjamin Netanyahu"),
        ("m-6", "m", "/entities/israel/", "Israel"),
        ("m-7", "m m-again", "/entities/ron-dermer/", "Dermer"),
        ("m-8", "m m-again", "/entities/benjamin-netanyahu/", "Netanyahu")]


def test_the_site_holds_every_entitys_hovercard_once_and_article_pages_name_that_file(site):
    import json

    html = read(site, "articles/a/index.html")
    assert html.count('<div class="hovercards" data-cards="/entities/cards.json"></div>') == 1
    assert 'class="hovercard"' not in html and "Named " not in html      # no card is repeated in a page
    cards = json.loads(read(site, "entities/cards.json"))
    assert list(cards) == ["benjamin-netanyahu", "israel", "ron-dermer", "washington"]   # the registry, by id
    assert cards["ron-dermer"] == {"name": "Ron Dermer", "kind": "Person", "url": "/entities/ron-dermer/",
                                   "summary": "<p>Israel's <em>Strategic Affairs</em> Minister.</p>\n"}
    assert cards["benjamin-netanyahu"]["wikidata"] == "https://www.wikidata.org/wiki/Q43723"
    assert cards["washington"]["kind"] == "Place"


def test_a_page_without_entity_links_names_no_hovercards(mini_dossier):
    root = mini_dossier({"content/entities.yaml": "nobody-here:\n  name: Nobody Here\n  kind: person\n",
                         "seeds/a.txt": SEED_A, "content/articles/a.yaml": ARTICLE_A.replace(
                             "    speaker: benjamin-netanyahu\n    entities: [benjamin-netanyahu]\n", "")})
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted((root / "_site" / "articles").glob("*/index.html"))
    assert pages and not any("hovercards" in p.read_text("utf-8") for p in pages)
    assert (root / "_site" / "entities" / "cards.json").is_file()            # the registry's cards all the same


def test_exclusions_in_entities_yaml_stop_those_mentions_from_linking(mini_dossier, tmp_path):
    entities = ENTITIES.replace("  summary: A state in the Middle East.\n", """\
  summary: A state in the Middle East.
  exclude:
    - {context: Yoav Gallant}
    - {alias: Israel, article: b}
""").replace("aliases: [Dermer]", "aliases: [Dermer]\n  exclude: [{article: b}]")
    seed_b = SEED_B.replace("to go.", "to go to Israel.")
    root = mini_dossier(dict(FILES, **{"content/entities.yaml": entities, "seeds/b.txt": seed_b,
                                       "seeds/a.txt": SEED_A + "\nIsrael had no comment. Yoav Gallant left Israel.\n"}))
    result = run_build(root, "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    hrefs_a = [(a["href"], t) for a, t in links((tmp_path / "out/articles/a/index.html").read_text()) if "m" in
               (a.get("class") or "").split()]
    hrefs_b = [a["href"] for a, t in links((tmp_path / "out/articles/b/index.html").read_text()) if "m" in
               (a.get("class") or "").split()]
    # a: Israel linked twice (the sentence with "Yoav Gallant" is excluded), Dermer still linked
    assert [t for h, t in hrefs_a if h == "/entities/israel/"] == ["Israel", "Israel"]
    assert "/entities/ron-dermer/" in {h for h, _ in hrefs_a}
    # b: neither Israel nor Dermer is linked in article b
    assert "/entities/israel/" not in hrefs_b and "/entities/ron-dermer/" not in hrefs_b
    assert "/entities/benjamin-netanyahu/" in hrefs_b


# --- entity pages ------------------------------------------------------------------------------------------

def test_an_entity_page_lists_every_mention_in_its_sentence_linking_to_the_exact_place(site):
    html = read(site, "entities/ron-dermer/index.html")
    contexts = [(a["href"], text) for a, text in links(html) if a.get("class") == "ctx"]
    assert contexts == [
        ("/articles/a/#m-1", "Dermer flies to Washington"),
        ("/articles/a/#m-3", "Strategic Affairs Minister Ron Dermer flew to Washington on Monday."),
        ("/articles/a/#m-7", "Later, Dermer said the talks were useful."),
        ("/articles/b/#m-3", "Netanyahu told Ron Dermer to go."),
    ]
    assert "Strategic Affairs Minister <mark>Ron Dermer</mark> flew to Washington on Monday." in html
    # the fragment is the mention itself on the article page
    article = {a.get("id"): text for a, text in links(read(site, "articles/a/index.html"))}
    assert article["m-3"] == "Ron Dermer"
    assert {a.get("id"): t for a, t in links(read(site, "articles/b/index.html"))}["m-3"] == "Ron Dermer"


def test_an_entity_page_shows_sources_spellings_roles_and_who_is_named_with_it(site):
    html = read(site, "entities/ron-dermer/index.html")
    assert "<h1>Ron Dermer</h1>" in html
    assert "<em>Strategic Affairs</em>" in html                                  # the summary is Markdown
    assert '<dd>Strategic Affairs Minister, <a href="/entities/israel/">Israel</a> (from 2022)</dd>' in html
    assert ('<bdi>“Dermer”<span data-pagefind-ignore="all"> (2)</span></bdi>, '      # spellings seen, with counts
            '<bdi>“Ron Dermer”<span data-pagefind-ignore="all"> (2)</span></bdi>') in html
    rows = re.findall(r"<tr><td>(Outlet [AB])</td><td><a href=\"(/articles/[ab]/)\">[^<]*</a></td>"
                      r"<td data-label=\"Date\"><time[^>]*>[^<]*</time></td>"
                      r"<td data-label=\"Mentions\">(\d+)</td></tr>", html)
    assert rows == [("Outlet A", "/articles/a/", "3"), ("Outlet B", "/articles/b/", "1")]
    together = re.findall(r'<li><a href="(/entities/[a-z-]+/)">[^<]*</a> <span class="count">\((\d+) sentences?\)',
                          html)
    assert together == [("/entities/washington/", "2"), ("/entities/benjamin-netanyahu/", "1")]


def test_quotes_attributed_to_an_entity_sit_together_across_outlets(site):
    html = read(site, "entities/benjamin-netanyahu/index.html")
    section = html[html.index('id="quotes-title"'):html.index('id="mentions-title"')]
    assert section.count('<li class="quote-group">') == 1
    assert "As 2 outlets word it:" in section
    assert [a["href"] for a, _ in links(section)] == ["/articles/a/#a-alone", "/articles/b/#a-alone"]
    assert "<p>We will do it alone</p>" in section and "<p>We will do it, alone!</p>" in section


def test_an_entity_that_no_article_names_still_gets_a_page(mini_dossier, tmp_path):
    root = mini_dossier(dict(FILES, **{"content/entities.yaml": ENTITIES + "cia:\n  name: CIA\n  kind: organisation\n"}))
    assert run_build(root, "--out", str(tmp_path / "out")).returncode == 0
    html = (tmp_path / "out/entities/cia/index.html").read_text()
    assert "not named in any article" in html
    assert "not named in the articles" in (tmp_path / "out/entities/index.html").read_text()


def test_the_index_groups_entities_by_kind_with_mention_counts(site):
    html = read(site, "entities/index.html")
    kinds = re.findall(r'<h2 id="kind-([a-z]+)">([^<]+)</h2>', html)
    assert kinds == [("person", "People"), ("place", "Places")]
    entries = re.findall(r'<a class="entity-name" href="/entities/([a-z-]+)/">[^<]+</a>\s*'
                         r'<span class="count" data-pagefind-ignore="all">([^<]+)</span>', html)
    assert entries == [("benjamin-netanyahu", "4 mentions in 2 articles"), ("ron-dermer", "4 mentions in 2 articles"),
                       ("israel", "1 mention in 1 article"), ("washington", "3 mentions in 2 articles")]


def test_the_index_draws_the_cooccurrence_graph_as_accessible_svg_with_names_as_text(site):
    html = read(site, "entities/index.html")
    svg = html[html.index("<svg class=\"cograph\""):html.index("</svg>") + 6]
    assert 'role="img"' in svg and 'aria-labelledby="cograph-title cograph-desc"' in svg
    assert '<title id="cograph-title">Entities named in the same sentence</title>' in svg
    desc = re.search(r'<desc id="cograph-desc">([^<]+)</desc>', svg).group(1)
    assert "Strongest pairs: Ron Dermer and Washington, D.C. (2)" in desc
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", svg)
    assert sorted(labels) == ["Benjamin Netanyahu", "Israel", "Ron Dermer", "Washington, D.C."]
    assert svg.count("<line ") == 3      # Dermer–Washington, Dermer–Netanyahu, Netanyahu–Israel
    assert "<script" not in svg and "<a " not in svg       # a picture, not a widget; the table has the links
    table = html[html.index('<table class="pairs">'):]
    assert re.search(r'<a href="/entities/ron-dermer/">Ron Dermer</a></td><td><a href="/entities/washington/">'
                     r"Washington, D.C.</a></td><td>2</td>", table)


# --- --suggest ---------------------------------------------------------------------------------------------

def test_suggest_prints_candidates_from_two_articles_the_near_miss_and_paste_ready_stubs(mini_dossier):
    root = mini_dossier(FILES)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = run_build(root, "--suggest")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    report, stubs = out.split("YAML stubs for content/entities.yaml")
    assert "Yoav Gallant: 2 mentions in 2 articles (a, b)" in report
    assert "e.g. “Prime Minister Benjamin Netanyahu said Israel would go it alone." not in report
    assert "e.g. “Yoav Gallant stayed home.”" in report
    assert ("content/articles/b.yaml (seeds/b.txt:3): “Netanyahou” is close to “Netanyahu” of benjamin-netanyahu"
            in report)
    assert "Dermer" not in report.split("Candidate entities")[1].split("Near misses")[0]   # known names are not new
    assert "yoav-gallant:\n  name: \"Yoav Gallant\"\n  kind: other\n" in stubs
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before                 # nothing written


def test_the_cards_file_holds_the_cards_of_the_entities_some_article_names(mini_dossier):
    """Every article page fetches entities/cards.json for its mentions' cards: a registry of 5,000 entities, most
    named nowhere, made it 2.7 MB (review 68). An entity no article names has its page, but no card."""
    import json

    root = mini_dossier({
        "seeds/a.txt": "Talks\nRon Dermer met officials in Washington.\n",
        "content/articles/a.yaml": "seed: a.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\n",
        "content/entities.yaml": ("ron-dermer: {name: Ron Dermer, kind: person}\n"
                                  "jeddah: {name: Jeddah, kind: place}\n"),
    })
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(json.loads((root / "_site/entities/cards.json").read_text("utf-8"))) == ["ron-dermer"]
    assert (root / "_site/entities/jeddah/index.html").exists()


@pytest.fixture(scope="module")
def named_everywhere(tmp_path_factory) -> tuple[str, str]:
    """The first two pages of the entity of three articles that name it 400 times each (two articles' mentions
    fill one page's budget). Built once for the module: two tests read them."""
    files = {"content/entities.yaml": "netanyahu: {name: Benjamin Netanyahu, kind: person, aliases: [Netanyahu]}\n"}
    for n in range(1, 4):
        said = " ".join(f"Netanyahu said on day {k} of report {n} that the talks would go on." for k in range(400))
        files[f"seeds/a{n}.txt"] = f"Report {n}\n{said}\n"
        files[f"content/articles/a{n}.yaml"] = (f"seed: a{n}.txt\ntitle: Report {n}\nsource: outlet-a\n"
                                                f"date: 2024-03-2{n}\n")
    root = mini(tmp_path_factory.mktemp("named-everywhere"), files)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = root / "_site/entities/netanyahu"
    assert not (folder / "3").exists()
    return (folder / "index.html").read_text("utf-8"), (folder / "2/index.html").read_text("utf-8")


def test_an_entity_named_thousands_of_times_has_its_mentions_on_numbered_pages(named_everywhere):
    """Every mention in context was on the entity's one page: named 13,000 times, 3.2 MB, and a protagonist of
    5,000 articles ~10 MB (review 68). Its mentions go on in entities/<id>/2/, …, each page under the budget;
    the first page is the entity's, the others go on with the mentions only."""
    first, second = named_everywhere
    assert "Named in the sources as" in first and "Named in the sources as" not in second  # (the entity's facts)
    assert 'href="/entities/netanyahu/2/"' in first and 'rel="prev" href="/entities/netanyahu/"' in second
    assert "<title>Benjamin Netanyahu (page 2 of 2)" in second
    listed = [re.findall(r'<h3><a href="/articles/(a\d)/">', page) for page in (first, second)]
    assert listed == [["a1", "a2"], ["a3"]]
    assert all(len(page.encode("utf-8")) < 1_000_000 for page in (first, second))


def test_each_page_of_an_entitys_mentions_lists_its_articles_in_its_table_and_only_the_first_is_searched(
        named_everywhere):
    """The first page kept the sources table of every article naming the entity (815 kB at 4,000 articles), and
    each further page was a search result "Entity: <name>" of its own (review 70)."""
    first, second = named_everywhere
    rows = [re.findall(r'<td><a href="/articles/(a\d)/">', page) for page in (first, second)]
    assert rows == [["a1", "a2"], ["a3"]] and "articles 3–3 on this page" in second
    assert "data-pagefind-body" in first and "data-pagefind-body" not in second


def test_a_large_registry_is_listed_over_numbered_pages_and_each_kind_is_linked_where_it_begins(mini_dossier):
    """/entities/ was one page: 2.96 MB for 5,000 entities with two-sentence summaries (review 68). It goes on in
    /entities/page.2/, … (an entity's id has no "."); a kind begun on an earlier page is "continued", the graph is
    on the first page, and every link to a kind's heading (the kinds' list, an entity's kicker) names the page
    that holds it (the build's link check would fail otherwise)."""
    long = "A summary long enough to weigh. " * 60
    registry = "".join(f"{kind}-{n:03d}: {{name: {kind.title()} {n:03d}, kind: {kind}, summary: {long!r}}}\n"
                       for kind, count in (("person", 150), ("place", 100), ("event", 30)) for n in range(count))
    root = mini_dossier({"content/entities.yaml": registry,
                         "seeds/a.txt": "Talks\nPerson 001 met officials in Place 050.\n",
                         "content/articles/a.yaml": "seed: a.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\n"})
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "_site/entities"
    first = (site / "index.html").read_text("utf-8")
    second = (site / "page.2/index.html").read_text("utf-8")
    assert all(len((site / p).read_bytes()) < 1_000_000 for p in ("index.html", "page.2/index.html"))
    assert 'id="kind-person"' in first and 'class="cograph"' in first and 'class="cograph"' not in second
    assert "Places (continued)" in second and 'id="kind-event"' in second and 'id="kind-event"' not in first
    assert 'href="/entities/page.2/#kind-event"' in first and 'href="/entities/#kind-place"' in second
    assert '<a href="/entities/page.2/#kind-event">Event</a>' in (site / "event-001/index.html").read_text("utf-8")
    assert '<a href="/entities/#kind-place">Place</a>' in (site / "place-050/index.html").read_text("utf-8")
