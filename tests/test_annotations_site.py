"""Annotations end to end: anchoring outcomes in real builds, the report, tag pages and the W3C export."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_build

SEED = ("TEL AVIV, Israel — Secretary of State Antony Blinken on Friday once again left the Middle East.\n"
        "“I told him that I hope we would do this with U.S. support but if necessary — we will do it alone.”\n"
        "Blinken said talks would focus on post-war plans, another area of disagreement.\n")


def article(annotations: str) -> str:
    return ("seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n" + annotations)


def build(mini_dossier, annotations: str, *args: str):
    root = mini_dossier({"seeds/a.txt": SEED, "content/articles/a.yaml": article(annotations)})
    return root, run_build(root, *args)


def test_an_exact_quote_is_reported_exact_and_gets_a_permalink(mini_dossier):
    root, result = build(mini_dossier, "  - id: alone\n    quote: we will do it alone\n    note: AP's rendering\n")
    assert result.returncode == 0, result.stderr
    assert "1 annotations: 1 exact, 0 fuzzy, 0 orphan" in result.stdout
    page = (root / "_site/articles/a/index.html").read_text()
    assert '<span id="a-alone"' in page and 'id="n-alone"' in page


def test_an_edited_quote_anchors_fuzzily_with_a_warning_showing_the_difference(mini_dossier):
    quote = "we would do it with U.S. support but if necessary"
    root, result = build(mini_dossier, f"  - id: alone\n    quote: {quote}\n", "--check")
    assert result.returncode == 0, result.stderr
    assert re.search(r"content/articles/a.yaml:7:12: warning: annotation \"alone\": quote matched only "
                     r"approximately \(score \d+\) at seeds/a.txt:2", result.stderr)
    assert "[-it-] {+this+}" in result.stderr


def test_strict_makes_a_fuzzy_anchor_an_error(mini_dossier):
    root, result = build(mini_dossier, "  - id: alone\n    quote: we would do it with U.S. support but if necessary\n",
                         "--check", "--strict")
    assert result.returncode == 1
    assert "error: annotation \"alone\": quote matched only approximately" in result.stderr


def test_a_quote_with_straight_quotes_gets_a_typography_hint(mini_dossier):
    root, result = build(mini_dossier, "  - id: q\n    quote: '\"I told him that I hope'\n", "--check")
    assert "curly" in result.stderr and "seeds/a.txt:2" in result.stderr


def test_an_orphan_quote_is_an_error_naming_the_closest_passage(mini_dossier):
    root, result = build(mini_dossier, "  - id: gone\n    quote: the ministers agreed on a ceasefire in Geneva\n")
    assert result.returncode == 1
    assert "content/articles/a.yaml:7:12: error: annotation \"gone\": quote not found in seeds/a.txt" in result.stderr
    assert "closest passage at seeds/a.txt:" in result.stderr
    assert not (root / "_site").exists()


def test_an_ambiguous_quote_lists_each_match_with_a_paste_ready_fix(mini_dossier):
    root, result = build(mini_dossier, "  - id: b\n    quote: Blinken\n")
    assert result.returncode == 1
    assert "quote occurs 2 times in seeds/a.txt" in result.stderr
    assert "seeds/a.txt:1:" in result.stderr and "seeds/a.txt:3:" in result.stderr
    assert 'prefix: "' in result.stderr or 'suffix: "' in result.stderr


def test_a_quote_in_hundreds_of_places_lists_ten_of_them_and_says_how_many_more(mini_dossier):
    """A transcript's "(Laughter)" in 6,600 places was listed place by place, each "no unique context" (review 68)."""
    seed = "".join(f"SPEAKER {n}: words number {n} (Laughter)\n" for n in range(1, 151))
    root = mini_dossier({"seeds/a.txt": seed, "content/articles/a.yaml": article("  - id: x\n    quote: (Laughter)\n")})
    result = run_build(root, "--no-search")
    assert result.returncode == 1
    places = re.findall(r"seeds/a\.txt:(\d+): ", result.stderr)
    assert places == [str(n) for n in range(1, 11)], result.stderr
    assert "quote occurs 150 times" in result.stderr and "… and 140 more places" in result.stderr


def test_the_report_page_lists_every_annotation_with_its_status(mini_dossier):
    root, result = build(mini_dossier, "  - id: alone\n    quote: we will do it alone\n"
                                       "  - id: plans\n    quote: post-war plans\n    tags: [talks]\n")
    report = (root / "_site/report/index.html").read_text()
    assert report.count("<td>exact</td>") == 2
    tag = (root / "_site/tags/talks/index.html").read_text()
    assert "post-war plans" in tag and "/articles/a/#a-plans" in tag


def test_the_web_annotation_export_has_the_w3c_shape(default_site):
    collection = json.loads((default_site / "annotations.jsonld").read_text())
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] >= 40
    page_url = collection["first"]
    seen = 0
    while page_url:
        path = default_site / page_url.lstrip("/")
        page = json.loads(path.read_text())
        assert page["type"] == "AnnotationPage" and page["partOf"] == collection["id"]
        assert page["startIndex"] == seen  # its first annotation's place in the whole collection
        md = (path.parent.parent / (path.parent.name + ".md")).read_text()
        for item in page["items"]:
            seen += 1
            assert item["type"] == "Annotation"
            assert item["motivation"] in {"commenting", "tagging", "identifying", "highlighting"}
            assert item["id"].endswith("#a-" + item["id"].split("#a-")[1])
            quote, position = item["target"]["selector"]
            assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
            assert position["end"] - position["start"] == len(quote["exact"])
            purposes = {b["purpose"] for b in item.get("body", [])}
            assert purposes <= {"commenting", "tagging", "identifying"}
        page_url = page.get("next")
    assert seen == collection["total"]


def test_text_position_selectors_point_at_the_exact_quote_in_the_cleaned_text(tmp_path):
    from dossier.core.analyse.library import anchor_all
    from dossier.core.pipeline import Options, load_config, load_dossier
    from dossier.shell import fs

    inputs = fs.read_inputs(ROOT)
    config, _ = load_config(inputs, Options())
    dossier, _, _ = load_dossier(inputs, config)
    anchored, problems, report, _ = anchor_all(dossier, strict=True)
    assert problems == [] and len(report) >= 40
    assert all(r["status"] == "exact" for r in report), [r for r in report if r["status"] != "exact"]
    for item in anchored:
        for ann in item.article.meta.annotations:
            where = item.placed[ann.id]
            assert item.article.text.text[where.start:where.end] == ann.quote


def test_the_default_dossier_has_at_least_forty_exact_annotations_across_all_five_articles():
    result = run_build(ROOT, "--check", "--strict")
    assert result.returncode == 0, result.stderr
    match = re.search(r"(\d+) annotations: (\d+) exact, 0 fuzzy, 0 orphan", result.stdout)
    assert match and int(match.group(1)) >= 40 and match.group(1) == match.group(2)


def test_a_seed_whose_name_macos_wrote_decomposed_is_the_seed_an_article_names_composed(mini_dossier):
    """"café.txt" in the YAML (é one character) and "cafe\u0301.txt" on disk (e and a combining accent): the
    same name to the eye, reported "not found", with a did-you-mean naming what looked the same."""
    decomposed = "cafe\u0301.txt"
    text = article("  - id: q\n    quote: we will do it alone\n").replace("seed: a.txt", 'seed: "caf\u00e9.txt"')
    root = mini_dossier({f"seeds/{decomposed}": SEED, "content/articles/a.yaml": text})
    result = run_build(root, "--no-search")
    assert result.returncode == 0 and "0 errors, 0 warning(s)" in result.stdout, result.stderr
    imported = run_build(root, "--import")
    assert "every seed already has an article file" in imported.stdout, imported.stdout + imported.stderr


def test_an_outlets_note_is_markdown_on_the_sources_page_escaped_and_linked(mini_dossier):
    """It was shown as written: "[the group](https://…)" and *emphasis* as their characters."""
    sources = ("outlet-a:\n  name: Outlet A\n  note: \"Owned by [the group](https://example.org/group); *wire* copy "
               "<script>x</script>, see [the article](article:a).\"\n")
    text = article("  - id: q\n    quote: we will do it alone\n")
    root = mini_dossier({"seeds/a.txt": SEED, "content/articles/a.yaml": text, "content/sources.yaml": sources})
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    page = (root / "_site/sources/index.html").read_text("utf-8")
    assert ('<p class="note"><span class="np">Owned by <a href="https://example.org/group">the group</a>; '
            "<em>wire</em> copy &lt;script&gt;x&lt;/script&gt;, see <a href=\"/articles/a/\">the article</a>.") in page


def test_the_exports_write_the_notes_links_as_the_urls_the_site_has_them_at(tmp_path) -> None:
    """annotations.jsonld, article.json and dossier.json kept an editor's `compare:x`, `entity:x` and site-root
    links as written (review 37): no consumer can follow `compare:headlines`, and under a base path
    `/articles/…` is a 404. They are written as the annotated Markdown writes them."""
    out = tmp_path / "site"
    result = run_build(ROOT, "--out", str(out), "--base-url", "/sub/", "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    exports = [out / "dossier.json", *out.glob("articles/*/article.json"), *out.glob("articles/*/annotations.jsonld")]
    assert len(exports) == 11
    links = [link for path in exports for link in re.findall(r"\]\(([^)\s]*)", path.read_text("utf-8"))]
    assert len(links) > 40
    internal = [link for link in links if not link.startswith(("http://", "https://", "mailto:", "#"))]
    assert internal and all(link.startswith("/sub/") for link in internal), internal[:5]
    assert {link.split("/")[2] for link in internal} >= {"compare", "articles"}
    # with the site's host known, the JSON exports (read elsewhere) link it absolutely, the site description too
    out = tmp_path / "hosted"
    result = run_build(ROOT, "--out", str(out), "--base-url", "https://example.org/sub/", "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    exports = [out / "dossier.json", *out.glob("articles/*/article.json"), *out.glob("articles/*/annotations.jsonld")]
    links = [link for path in exports for link in re.findall(r"\]\(([^)\s]*)", path.read_text("utf-8"))]
    assert links and all(link.startswith(("https://", "http://", "mailto:", "#")) for link in links), links[:5]
    assert any(link.startswith("https://example.org/sub/compare/") for link in links)


def test_a_note_link_written_in_angle_brackets_is_resolved_in_the_exports_too() -> None:
    from dossier.core.common.urls import Urls
    from dossier.core.text.markdown import resolve_links_for_export

    note = "[Rafah](<entity:rafah>) and [the page](</articles/a/#a-x>) and [out](https://e.org/)"
    assert resolve_links_for_export(note, Urls("/d/").resolve_note_link) == (
        "[Rafah](/d/entities/rafah/) and [the page](/d/articles/a/#a-x) and [out](https://e.org/)")
    assert resolve_links_for_export(note, Urls("/d/").resolve_note_link, "https://e.org").startswith(
        "[Rafah](https://e.org/d/entities/rafah/) and [the page](https://e.org/d/articles/a/#a-x)")
    # a link the site refuses is written as it was, never made into a link to the site (review 40)
    refused = "[x](//evil.example/p) [y](/\\evil.example) [z](<//evil.example>)"
    assert resolve_links_for_export(refused, Urls("/d/").resolve_note_link, "https://e.org") == refused


def test_an_ambiguous_quotes_paste_ready_context_is_yaml_that_reads_back_as_the_context(mini_dossier):
    """The unique context was printed as prefix: "…" whatever it held: a Hebrew headline's quotation mark gave
    a prefix of three quotation marks in a row, which YAML refuses (review 38)."""
    import yaml

    root = mini_dossier({"seeds/a.txt": 'Title\n\n"Rafah" he said. Then Rafah again.\n',
                         "content/articles/a.yaml": article("  - id: r\n    quote: Rafah\n")})
    result = run_build(root)
    assert result.returncode == 1 and "quote occurs 2 times" in result.stderr, result.stderr
    fixes = [line.split(": ", 1)[1] for line in result.stderr.splitlines() if line.strip().startswith("seeds/a.txt:")]
    contexts = [yaml.safe_load(fix) for fix in fixes]
    assert all(isinstance(c, dict) and set(c) <= {"prefix", "suffix"} for c in contexts), fixes
    assert any('"' in value for c in contexts for value in c.values()), fixes


def _selected(text: str, selector: dict) -> list[int]:
    """Where a TextQuoteSelector selects in `text`, as the W3C model says a client selects: every place whose words
    are `exact`, preceded by `prefix` and followed by `suffix`."""
    exact, prefix, suffix = selector["exact"], selector["prefix"], selector["suffix"]
    return [at for at in range(len(text)) if text.startswith(exact, at) and at >= len(prefix)
            and text.startswith(prefix, at - len(prefix)) and text.startswith(suffix, at + len(exact))]


def test_a_quote_selector_selects_only_the_place_annotated_where_its_words_recur(mini_dossier):
    """32 characters of context took in two sentences alike: a client would have marked both (review 67)."""
    sentence = "the committee said that all of the figures were under review and would be published"
    seed = f"Title\nFirst: {sentence}.\nSecond: {sentence}.\n"
    annotation = ("  - id: late\n    quote: would be published\n"
                  "    prefix: \"Second: the committee said that all of the figures were under review and \"\n"
                  "    note: The second time.\n")
    root = mini_dossier({"seeds/a.txt": seed, "content/articles/a.yaml": article(annotation)})
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    text = json.loads((root / "_site/articles/a/article.json").read_text("utf-8"))["text"]
    (item,) = json.loads((root / "_site/articles/a/annotations.jsonld").read_text("utf-8"))["items"]
    quote, position = item["target"]["selector"]
    assert _selected(text, quote) == [position["start"]] == [text.rindex("would be published")]


def test_an_article_with_no_annotation_placed_has_no_annotation_page_and_the_chain_passes_it_by(mini_dossier):
    """An AnnotationPage must hold at least one annotation (W3C Web Annotation Protocol); a freshly added article
    had one with "items": [], linked from the collection and its neighbours (review 67)."""
    files = {}
    for name, date in (("a", "2024-03-20"), ("b", "2024-03-21"), ("c", "2024-03-22")):
        files[f"seeds/{name}.txt"] = SEED
        annotations = "" if name == "b" else "  - id: alone\n    quote: we will do it alone\n    note: N.\n"
        files[f"content/articles/{name}.yaml"] = (f"seed: {name}.txt\ntitle: {name.upper()}\nsource: outlet-a\n"
                                                  f"date: {date}\n" + ("annotations:\n" + annotations
                                                                       if annotations else ""))
    root = mini_dossier(files)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "_site"
    assert not (site / "articles/b/annotations.jsonld").exists()
    assert "annotations.jsonld" not in (site / "articles/b/index.html").read_text("utf-8")
    first = json.loads((site / "articles/a/annotations.jsonld").read_text("utf-8"))
    last = json.loads((site / "articles/c/annotations.jsonld").read_text("utf-8"))
    assert first["next"] == last["id"] and last["prev"] == first["id"]
    assert (first["startIndex"], last["startIndex"]) == (0, 1)
    collection = json.loads((site / "annotations.jsonld").read_text("utf-8"))
    assert (collection["first"], collection["last"], collection["total"]) == (first["id"], last["id"], 2)


def test_a_notes_reference_links_are_links_in_every_export(mini_dossier):
    """A note's `[text][label]` with its definition was left `article:a` in the JSON exports and text in the `.md`
    (its definition escaped there, so as not to reach the article's own brackets) (review 67)."""
    note = ("    note: |-\n      See [the report][it] and [it].\n\n      [it]: article:a\n")
    root, result = build(mini_dossier, "  - id: alone\n    quote: we will do it alone\n" + note,
                         "--no-search", "--base-url", "/sub/")
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "_site"
    data = json.loads((site / "articles/a/article.json").read_text("utf-8"))
    assert "[it]: /sub/articles/a/" in data["annotations"][0]["note"]
    md = (site / "articles/a.md").read_text("utf-8")
    assert "[^alone]: See [the report](/sub/articles/a/) and [it](/sub/articles/a/).\n" in md and "[it]:" not in md


def test_html_in_a_note_is_text_on_the_page_and_in_every_export_and_a_warning(mini_dossier):
    note = '"In this <b>word</b> <img src=x onerror=alert(1)> and `<i>`."'
    root, result = build(mini_dossier, f"  - id: alone\n    quote: we will do it alone\n    note: {note}\n")
    assert result.returncode == 0, result.stderr
    assert 'warning: a note takes Markdown, not HTML: "<b>" is shown as written (and 2 more tags)' in result.stderr
    escaped = "In this &lt;b>word&lt;/b> &lt;img src=x onerror=alert(1)> and `<i>`."
    site = root / "_site"
    bodies = json.loads((site / "articles/a/annotations.jsonld").read_text("utf-8"))["items"][0]["body"]
    assert [b["value"] for b in bodies if b["purpose"] == "commenting"] == [escaped]
    assert json.loads((site / "articles/a/article.json").read_text("utf-8"))["annotations"][0]["note"] == escaped
    assert escaped in (site / "articles/a.md").read_text("utf-8")  # (dossier.json is an index of the article.json)


def test_the_quoted_words_are_given_their_article_s_language_on_the_target_s_source_where_its_file_gives_one(
        mini_dossier):
    """A note's body had the site's language and the words it quotes none: `language` is a property of a resource
    (W3C Web Annotation 3.2.1), here the article page, the source of the Specific Resource that is the target (4); a
    selector has none. An article whose file gives no language keeps its source an IRI, as before."""
    hebrew = "  - id: alone\n    quote: ישראל תיכנס לבד\n    note: What he said.\n"
    root = mini_dossier({
        "seeds/a.txt": SEED, "content/articles/a.yaml": article("  - id: alone\n    quote: we will do it alone\n"
                                                                "    note: N.\n"),
        "seeds/he.txt": "כותרת\nנתניהו אמר כי ישראל תיכנס לבד אם יהיה צורך.\n",
        "content/articles/he.yaml": article(hebrew).replace("seed: a.txt\n", "seed: he.txt\nlanguage: he\n"),
    })
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    targets, bodies = {}, {}
    for slug in ("a", "he"):
        (item,) = json.loads((root / f"_site/articles/{slug}/annotations.jsonld").read_text("utf-8"))["items"]
        targets[slug], bodies[slug] = item["target"], item["body"]
    assert targets["a"]["source"] == "/articles/a/"
    assert targets["he"]["source"] == {"id": "/articles/he/", "language": "he"}
    assert targets["he"]["selector"][0] == {"type": "TextQuoteSelector", "exact": "ישראל תיכנס לבד",
                                            "prefix": "כותרת\n\nנתניהו אמר כי ", "suffix": " אם יהיה צורך."}
    assert [b["language"] for b in bodies["a"] + bodies["he"]] == ["en", "en"]  # (the notes: the site's)
