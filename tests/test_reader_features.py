"""Reader features on the built site: timeline, feeds, sitemap, metadata, the JSON export, text fragments."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import mini, run_build
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_timeline_lists_publication_dates_and_dated_events_in_order_with_links(default_site):
    page = (default_site / "timeline/index.html").read_text()
    dates = re.findall(r'<h2><time datetime="(\d{4}-\d\d-\d\d)">', page)
    assert dates == sorted(dates) and len(dates) >= 3
    assert "2023-10-07" in dates  # the 7 October attack, reported by several articles
    assert page.count('class="tl-published"') == 5
    assert re.search(r'class="tl-reported">\s*<span class="tl-label">Reported</span> <a href="/articles/[a-z0-9-]+/#a-[a-z0-9-]+">', page)


def test_the_timeline_says_it_shows_dated_events_only_where_an_annotation_dates_one(default_site, tmp_path):
    """Its intro said it showed "the dated events the articles report" on a timeline of publications alone (review
    141: 1,000 articles, no annotation with a date)."""
    intro = "When each article was published, and the dated events the articles report, each linked to its passage."
    assert intro in (default_site / "timeline/index.html").read_text()
    root = mini(tmp_path, {"seeds/a.txt": "Headline\nRafah alone, he said.\n",
                           "content/articles/a.yaml": "seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"
                                                      "annotations:\n  - id: q\n    quote: Rafah alone\n"})
    page = build_site(fs.read_inputs(root), Options()).outputs["timeline/index.html"].decode("utf-8")
    assert "<p>When each article was published, each linked to the article.</p>" in page
    assert "dated events" not in page and 'class="tl-published"' in page and "tl-reported" not in page


def test_the_atom_feed_is_well_formed_with_one_entry_per_article(default_site):
    root = ET.fromstring((default_site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 5
    for e in entries:
        assert e.find(f"{ATOM}title").text and e.find(f"{ATOM}id").text
        assert re.match(r"\d{4}-\d\d-\d\dT00:00:00Z", e.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}updated").text == max(e.find(f"{ATOM}updated").text for e in entries)
    # without a host (base_url: /) the ids are name-based UUIDs, unique to this dossier (every such dossier's
    # feed had the id tag:dossier.invalid,2024:/, and its entries /articles/<slug>)
    ids = [root.find(f"{ATOM}id").text, *(e.find(f"{ATOM}id").text for e in entries)]
    assert len(set(ids)) == 6 and all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i) for i in ids)


def test_two_dossiers_feeds_share_no_id_and_an_entry_without_an_outlet_names_no_author(tmp_path):
    from dossier.core.load.config import SiteConfig
    from dossier.core.plan.reader_pages import atom_feed

    row = {"date": "2024-03-22", "slug": "a", "url": "/articles/a/", "title": "A", "source": "", "summary_html": ""}
    feeds = [ET.fromstring(atom_feed(SiteConfig(title=t), [row])) for t in ("One dossier", "Another")]
    ids = [i.text for feed in feeds for i in feed.iter(f"{ATOM}id")]
    assert len(ids) == 4 == len(set(ids))
    assert feeds[0].find(f"{ATOM}entry").find(f"{ATOM}author") is None  # (an empty <name> before)


def test_the_sitemap_lists_every_page_except_the_404_and_the_editors_report(default_site):
    root = ET.fromstring((default_site / "sitemap.xml").read_bytes())
    locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in root]
    pages = sorted(p.relative_to(default_site).as_posix() for p in default_site.rglob("*.html"))
    assert len(locs) == len(pages) - 2
    assert "/404.html" not in locs and "/report/" not in locs and "/articles/jpost-go-it-alone/" in locs


def test_robots_txt_keeps_crawlers_out_of_the_editors_report(default_site):
    assert "Disallow: /report/" in (default_site / "robots.txt").read_text()


def test_article_pages_carry_opengraph_and_a_news_article_with_its_entities(default_site):
    page = (default_site / "articles/review-journal-netanyahu-rebuffs/index.html").read_text()
    assert '<meta property="og:type" content="article">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-03-22"
    assert data["publisher"]["name"] == "Las Vegas Review-Journal"
    names = {m["name"] for m in data["mentions"]}
    assert {"Benjamin Netanyahu", "Antony Blinken"} <= names


def test_dossier_json_indexes_the_model_and_each_article_exports_itself_with_anchored_offsets(default_site):
    data = json.loads((default_site / "dossier.json").read_text())
    assert len(data["articles"]) == 5 and len(data["sources"]) == 5
    assert len(data["entities"]) >= 20 and len(data["comparisons"]) >= 10
    for listed in data["articles"]:
        assert listed["data"] == f"articles/{listed['slug']}/article.json"
        article = json.loads((default_site / listed["data"]).read_text())
        assert {k: article[k] for k in listed if k not in ("annotations", "data")} == \
            {k: v for k, v in listed.items() if k not in ("annotations", "data")}
        assert listed["annotations"] == len(article["annotations"]) > 0 and "text" not in listed
        for ann in article["annotations"]:
            assert article["text"][ann["start"]:ann["end"]] == ann["quote"]
            assert ann["anchor"] == "exact"


def test_a_quote_links_to_the_original_page_with_a_text_fragment_when_the_url_is_known(mini_dossier):
    root = mini_dossier({
        "seeds/a.txt": "Netanyahu said Israel will do it alone - if necessary.\n",
        "content/articles/a.yaml": "seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"
                                   "url: https://news.example/story\nannotations:\n"
                                   "  - id: alone\n    quote: will do it alone - if necessary\n    kind: fact-check\n"
                                   "    verdict: accurate\n    note: x\n",
    })
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    page = (root / "_site/articles/a/index.html").read_text()
    assert 'href="https://news.example/story#:~:text=will%20do%20it%20alone%20%2D%20if%20necessary"' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    review = [d for d in data if d["@type"] == "ClaimReview"][0]
    assert review["reviewRating"]["alternateName"] == "accurate"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/story"
    assert [d for d in data if d["@type"] == "NewsArticle"][0]["isBasedOn"] == "https://news.example/story"


def test_json_ld_cannot_break_out_of_its_script_element(mini_dossier):
    root = mini_dossier({
        "seeds/a.txt": "Text.\n",
        "content/articles/a.yaml": "seed: a.txt\ntitle: '</script><script>alert(1)</script>'\nsource: outlet-a\ndate: 2024-03-22\n",
    })
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    page = (root / "_site/articles/a/index.html").read_text()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and json.loads(block)["headline"] == "</script><script>alert(1)</script>"


def test_an_original_url_with_raw_quotes_or_angle_brackets_is_refused_at_its_line(mini_dossier):
    root = mini_dossier({
        "seeds/a.txt": "Text.\n",
        "content/articles/a.yaml": "seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"
                                   "url: 'https://e.org/a?x=\"><script>alert(1)</script>'\n",
    })
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert "content/articles/a.yaml:5:6: error:" in result.stderr and "(at url)" in result.stderr
    assert "encoded (%20, %22, %3C, %3E)" in result.stderr


def test_a_sidenote_keeps_its_source_link_when_the_note_also_has_tags() -> None:
    from dossier.core.plan.views import sidenote_html

    html = sidenote_html("The note.", "context", None, [("quote", "/tags/quote/")],
                         "https://example.org/a#:~:text=x")
    assert 'class="sn-source"' in html and 'class="sn-tags"' in html
    assert html.index("sn-source") < html.index("sn-tags")


@pytest.mark.parametrize("rel,expected", [
    ("articles/a/", True), ("entities/x/", True), ("compare/c/", True), ("sources/", True),
    ("", False), ("report/", False), ("search/", False), ("tags/", False), ("tags/quote/", False),
    ("passages/", False), ("timeline/", False), ("404.html", False)])
def test_only_pages_with_content_of_their_own_are_searchable(rel: str, expected: bool) -> None:
    from dossier.core.plan.views import searchable

    assert searchable(rel) is expected


def test_a_pages_description_is_the_plain_words_of_its_markdown_cut_at_a_space(mini_dossier):
    """`<meta name="description">` (and og:description) showed an editor's Markdown as written: "**bold**" and
    "[link](article:b)", cut mid-word at 200 characters; entity and comparison pages had the site's (review 67)."""
    long = " ".join(["word"] * 60)
    root = mini_dossier({
        "seeds/a.txt": "Title\nThe minister said the talks would resume.\n",
        "content/articles/a.yaml": ("seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"
                                    "summary: 'With **bold**, a [link](article:a) and `code`.'\n"),
        "content/entities.yaml": f"minister:\n  name: The minister\n  kind: person\n  summary: {long}\n",
    })
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr

    def description(page: str) -> str:
        found = re.search(r'<meta name="description" content="([^"]*)">', (root / "_site" / page).read_text("utf-8"))
        assert found, page
        return html.unescape(found.group(1))

    assert description("articles/a/index.html") == "With bold, a link and code."
    entity = description("entities/minister/index.html")
    assert entity.endswith("word…") and len(entity) <= 200 and "**" not in entity
