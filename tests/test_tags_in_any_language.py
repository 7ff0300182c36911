"""Tags written in any language (slugs.tag_page): each has a page named by its slug, shown as written, linked from
its annotations and from `tag:` links; two spellings that would share a page are a `tag-clash` error."""

from __future__ import annotations

import re

from dossier.core.common.slugs import tag_page
from dossier.core.pipeline import build_site
from dossier.shell import fs

SEED = "Talks to resume in Washington\nThe minister said the talks would resume next week in Washington.\n" \
       "Officials in Cairo said the talks would resume once the delegation returned.\n"


def article(tags: str, note: str = "") -> str:
    return f"""\
        seed: a.txt
        title: Talks to resume in Washington
        source: outlet-a
        date: 2024-03-22
        annotations:
          - id: resume
            quote: the talks would resume next week
            tags: {tags}
          - id: returned
            quote: once the delegation returned
            note: "{note}"
        """


def build(mini_dossier, tags: str, note: str = ""):
    root = mini_dossier({"seeds/a.txt": SEED, "content/articles/a.yaml": article(tags, note)})
    return build_site(fs.read_inputs(root))


def test_a_tags_page_is_named_by_the_tag_or_its_slug_and_never_leaves_a_z_0_9_and_hyphens():
    assert tag_page("netanyahu-quote") == "netanyahu-quote"  # an English dossier's tags: their pages as before
    assert tag_page("Économie") == "economie" and tag_page("fact check") == "fact-check"
    assert tag_page("ציטוט") == "tzytvt" and tag_page("ضحايا") == "dhaya"
    cyrillic = tag_page("выборы")
    assert re.fullmatch(r"tag-[0-9a-f]{10}", cyrillic) and cyrillic == tag_page("выборы") != tag_page("выбор")


def test_tags_in_any_language_have_their_pages_shown_as_written(mini_dossier):
    result = build(mini_dossier, "[Économie, ציטוט, выборы, quote]", "See [the others](tag:economie).")
    assert result.ok, result.problems
    out = {path: data.decode("utf-8") for path, data in result.outputs.items() if path.endswith(".html")}
    pages = {"economie": "Économie", "tzytvt": "ציטוט", tag_page("выборы"): "выборы", "quote": "quote"}
    for name, tag in pages.items():
        assert f"<h1>Tag: {tag}</h1>" in out[f"tags/{name}/index.html"]
        assert f'href="/tags/{name}/">#{tag}</a>' in out["articles/a/index.html"]  # the annotation's sidenote
        assert f'href="/tags/{name}/">{tag}' in out["tags/index.html"]
    assert 'href="/tags/economie/">the others</a>' in out["articles/a/index.html"]  # tag: names the page
    listed = re.findall(r'<a href="/tags/[^"]+/">([^<]+)</a>', out["tags/index.html"])
    assert listed == ["Économie", "quote", "выборы", "ציטוט"]  # in order without accents and capitals


def test_a_tag_link_written_as_the_tag_is_refused_with_its_pages_name(mini_dossier):
    result = build(mini_dossier, "[Économie]", "See [the others](tag:Économie).")
    found = [p for p in result.problems if p.severity == "error"]
    assert [(p.check, p.file, p.line, p.col) for p in found] == [("links", "content/articles/a.yaml", 11, 29)]
    assert found[0].message == ('link "tag:Économie": "Économie" is not the name of a tag\'s page (tag: links name '
                                "the page: lower-case letters, digits and hyphens)")
    assert found[0].hint == 'did you mean "tag:economie"?'


def test_two_spellings_of_one_tags_page_are_a_tag_clash_at_the_rarer(mini_dossier):
    result = build(mini_dossier, "[Délégation, delegation]")
    assert not result.ok
    clashes = [p for p in result.problems if p.check == "tag-clash"]
    assert [(p.line, p.col) for p in clashes] == [(8, 24)], result.problems  # (as often: the first is kept)
    assert clashes[0].message == ('tags "delegation" and "Délégation" (content/articles/a.yaml:8) would have one '
                                  "page, /tags/delegation/")
    assert [p for p in result.problems if p.severity == "error"] == clashes  # and nothing else: no collision
