"""Inline multi-file mini-dossiers (Hugo's txtar style), built with the real command line into a temp folder."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import MINIMAL_SITE, MINIMAL_SOURCES, run_build, write_tree
from dossier.core.load.yamlsrc import parse_yaml

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td"}


class ArticleBody(HTMLParser):
    """The visible text blocks of `div.article-body`, leaving out sidenotes (`.sn`) and print endnotes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside the body, skipped)
        self.blocks: list[tuple[str, str]] = []
        self.open_block: tuple[int, str, list[str]] | None = None
        self.elements: list[tuple[str, dict[str, str | None]]] = []  # the body's elements, notes left out
        self.scripts: list[tuple[dict[str, str | None], str]] = []   # every <script> of the page
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append((attributes, ""))
            self.in_script = True
        if tag in VOID:
            return
        classes = (attributes.get("class") or "").split()
        inside, skipped = self.stack[-1][1:] if self.stack else (False, False)
        inside = inside or (tag == "div" and "article-body" in classes)
        skipped = skipped or (inside and ("sn" in classes or "endnotes" in classes))
        self.stack.append((tag, inside, skipped))
        if inside and not skipped:
            self.elements.append((tag, attributes))
        if inside and not skipped and tag in BLOCKS and self.open_block is None:
            self.open_block = (len(self.stack), tag, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if tag in VOID:
            return
        while self.stack:
            popped = self.stack.pop()
            if self.open_block is not None and len(self.stack) < self.open_block[0]:
                self.blocks.append((self.open_block[1], "".join(self.open_block[2])))
                self.open_block = None
            if popped[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_script and self.scripts:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        if self.open_block is not None and not (self.stack and self.stack[-1][2]):
            self.open_block[2].append(data)


def body_of(page: Path) -> ArticleBody:
    parser = ArticleBody()
    parser.feed(page.read_text("utf-8"))
    parser.close()
    assert parser.blocks, f"no article body found in {page}"
    return parser


def norm(text: str) -> str:
    return " ".join(text.split())


def files_of(folder: Path) -> dict[str, bytes]:
    """The site in a folder; the `.dossier-output` marker is the build's own record (file stats), not the site."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".dossier-output"}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def article(seed: str, title: str, source: str = "outlet-a", date: str = "2024-03-22", annotations: str = "") -> str:
    text = f"seed: {seed}\ntitle: {title!r}\nsource: {source}\ndate: {date}\n"
    return text + ("annotations:\n" + annotations if annotations else "")


SEED_A = """\
Share this article on X
Talks to resume in Washington
The minister said  the talks would resume next week in Washington.

   Officials in Cairo said the talks would resume once the delegation returned.   
Share this: Facebook
Teh delegation is expected on Monday, a spokesman said.
"""
KEPT_A = ["Talks to resume in Washington",
          "The minister said  the talks would resume next week in Washington.",
          "Officials in Cairo said the talks would resume once the delegation returned.",
          "Teh delegation is expected on Monday, a spokesman said."]
SEED_B = "A second outlet’s headline\nShare this\n“We will do it alone,” the prime minister said.\nEnd of report.\n"
KEPT_B = ["A second outlet’s headline", "“We will do it alone,” the prime minister said.", "End of report."]
TWO_ARTICLES = {
    "seeds/a.txt": SEED_A,
    "seeds/b.txt": SEED_B,
    "content/articles/a.yaml": article("a.txt", "Talks to resume in Washington", annotations=(
        "  - id: resume\n    quote: the talks would resume next week\n    note: The minister's *own* words.\n"
        "  - id: cairo\n    quote: Officials in Cairo\n    note: See [the other](article:b).\n")),
    "content/articles/b.yaml": article("b.txt", "Not the headline", "outlet-b", annotations=(
        "  - id: alone\n    quote: We will do it alone\n    note: Compare the wording.\n")),
}


MARKUP_LINES = [
    "Markup in a seed is only text",
    "<script>alert(1)</script> and <b>bold</b> and <img src=x onerror=alert(2)> stay text",
    "Fish &amp; chips, AT&T, &lt;tags&gt; and &#35; entities",
    "*stars* and **double** and _underscores_ and `ticks` and ~~strike~~",
    "[brackets](x) and ![image](y.png) and <https://example.org> and [^1]",
    "{{ jinja }} and {% raw %} and {# comment #} and {.cls} and [text]{#id}",
    "# hash at line start",
    "## two hashes",
    "1. numbered at line start",
    "2) another numbered line",
    "- dash at line start",
    "+ plus at line start",
    "> quote at line start",
    "| a | b |",
    "=== under a line",
    "a backslash \\ and a trailing one \\",
]
HOSTILE_TITLE = "Title </script><script>alert(3)</script> {{ 7*7 }}"
MARKUP_NOTES = ("  - id: script\n    quote: '<script>alert(1)</script>'\n    note: Harmless text.\n"
                "  - id: stars\n    quote: '*stars*'\n    note: Not emphasis.\n"
                "  - id: numbered\n    quote: '1. numbered'\n    note: Not a list.\n"
                "  - id: jinja\n    quote: '{{ jinja }}'\n    note: Not a template.\n")
TILDES = ["Tildes in a seed", "~~~", "The next paragraph is still a paragraph."]
SHARED = {
    **TWO_ARTICLES,
    "seeds/m.txt": "\n".join(MARKUP_LINES) + "\n",
    "content/articles/m.yaml": article("m.txt", MARKUP_LINES[0]),
    "seeds/n.txt": "\n".join(MARKUP_LINES) + "\n",
    "content/articles/n.yaml": article("n.txt", HOSTILE_TITLE, "outlet-b", annotations=MARKUP_NOTES),
    "seeds/t.txt": "\n".join(TILDES) + "\n",
    "content/articles/t.yaml": article("t.txt", TILDES[0]),
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """One mini-dossier built once for the read-only checks: (root, output folder, the build's result)."""
    root = write_tree(tmp_path_factory.mktemp("shared") / "dossier", {"site.yaml": MINIMAL_SITE,
                                                                      "content/sources.yaml": MINIMAL_SOURCES, **SHARED})
    out = root.parent / "out"
    result = run_build(root, "--no-search", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return root, out, result


def test_every_kept_line_of_every_seed_appears_as_a_paragraph_of_its_page(shared) -> None:
    _, out, _ = shared
    for slug, kept in (("a", KEPT_A), ("b", KEPT_B)):
        body = body_of(out / "articles" / slug / "index.html")
        assert [norm(text) for _, text in body.blocks] == [norm(line) for line in kept]
        page = (out / "articles" / slug / "index.html").read_text("utf-8")
        assert "Share this" not in "".join(text for _, text in body.blocks)
        assert "Share this" in page, "dropped furniture stays visible in the provenance table"
    # the headline paragraph is the page's h1 when it equals the title; otherwise a paragraph like the rest
    blocks_a = body_of(out / "articles" / "a" / "index.html").blocks
    assert blocks_a[0][0] == "h1"
    assert blocks_a[1][1] == KEPT_A[1], "inner double spaces and typos are kept character for character"
    assert body_of(out / "articles" / "b" / "index.html").blocks[0][0] == "p"


@pytest.mark.parametrize("slug", ["m", "n"], ids=["plain", "annotated-with-a-hostile-title"])
def test_seed_text_that_looks_like_markup_is_shown_as_text(shared, slug: str) -> None:
    _, out, _ = shared
    page = out / "articles" / slug / "index.html"
    body = body_of(page)
    assert [norm(text) for _, text in body.blocks] == [norm(line) for line in MARKUP_LINES]
    assert [tag for tag, _ in body.blocks] == ["h1" if slug == "m" else "p"] + ["p"] * (len(MARKUP_LINES) - 1)
    html = page.read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html
    for attrs, text in body.scripts:
        if attrs.get("type") == "application/ld+json":
            assert "<" not in text, f"JSON-LD must escape < so that seed text cannot close the element: {text!r}"
        else:
            assert attrs.get("src") and not text.strip(), f"a <script> element with content: {attrs} {text!r}"
    assert "alert(3)</script>" not in html and "alert(1)</script>" not in html
    made_by_markup = [tag for tag, attrs in body.elements
                      if tag in ("script", "b", "img", "em", "strong", "code", "del", "s", "ol", "ul", "blockquote",
                                 "table", "h2", "pre")]
    assert made_by_markup == []
    assert not [attrs for tag, attrs in body.elements if tag == "a" and attrs.get("href") in ("x", "https://example.org")]
    if slug == "n":
        highlighted = {attrs.get("id") for tag, attrs in body.elements if "hl" in (attrs.get("class") or "").split()}
        assert {"a-script", "a-stars", "a-numbered", "a-jinja"} <= highlighted
        assert "{{ 7*7 }}" in html and ">49<" not in html


def test_a_seed_line_of_three_tildes_is_shown_as_text(shared) -> None:
    _, out, _ = shared
    body = body_of(out / "articles" / "t" / "index.html")
    assert [(tag, norm(text)) for tag, text in body.blocks] == [("h1", TILDES[0]), ("p", "~~~"), ("p", TILDES[2])]


def test_rebuilding_the_same_dossier_gives_byte_identical_files(shared, tmp_path: Path) -> None:
    root, first, _ = shared
    second = tmp_path / "second"
    # (a fresh interpreter: its hash seed is not the build server's, which made the first: build_server.py)
    assert run_build(root, "--no-search", "--out", str(second), fresh=True).returncode == 0
    a, b = files_of(first), files_of(second)
    assert sorted(a) == sorted(b)
    assert len(a) > 5
    assert [rel for rel in a if a[rel] != b[rel]] == []


def test_the_search_bundle_of_the_same_pages_is_byte_identical() -> None:
    from dossier.shell.search import build_index

    kinds = ["Article", "Comparison", "Entity", "Page", "Passage", "Sources", "Tag", "Timeline"]
    pages = {f"p{i}/index.html": (f'<!DOCTYPE html><html lang="en"><head><title>Page {i}</title>'
                                  f'<meta data-pagefind-filter="kind[content]" content="{kind}"></head>'
                                  f'<body><main data-pagefind-body><h1>Rafah {i}</h1><p>{kind} text</p></main>'
                                  f'</body></html>').encode() for i, kind in enumerate(kinds)}
    first, second = build_index(pages, "/"), build_index(pages, "/")
    assert any(p.endswith(".pf_filter") for p in first)
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []


BROKEN_A = article("a.txt", "Talks to resume in Washington", annotations=(
    "  - id: resume\n   quote: the talks would resume next week\n"))  # quote: one space short of its key


def test_a_broken_yaml_leaves_the_previous_site_untouched(mini_dossier) -> None:
    root = mini_dossier(TWO_ARTICLES)
    good = run_build(root)
    assert good.returncode == 0, good.stderr
    before = snapshot(root / "_site")
    assert "articles/a/index.html" in before
    (root / "content/articles/a.yaml").write_text(BROKEN_A, encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 1
    assert re.search(r"^content/articles/a\.yaml:7:4: error: YAML syntax error", result.stderr, re.M), result.stderr
    assert "hint: " in result.stderr
    assert "left as it was" in result.stdout
    assert snapshot(root / "_site") == before


def test_a_broken_article_file_does_not_also_report_its_seed_as_unpublished(mini_dossier) -> None:
    root = mini_dossier({**TWO_ARTICLES, "content/articles/a.yaml": BROKEN_A})
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert "content/articles/a.yaml:7:4" in result.stderr
    assert "seeds/a.txt" not in result.stderr


def test_check_reports_but_writes_nothing(shared) -> None:
    root, _, _ = shared
    before = snapshot(root)
    result = run_build(root, "--check")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^check passed: \d+ pages would be written", result.stdout, re.M), result.stdout
    # Only the build's cache (dossier/shell/cache.py) may change: no input, no site.
    assert {k: v for k, v in snapshot(root).items() if not k.startswith(".dossier-cache/")} == \
        {k: v for k, v in before.items() if not k.startswith(".dossier-cache/")}
    assert not (root / "_site").exists()


def test_strict_turns_a_fuzzy_anchor_warning_into_exit_1(mini_dossier) -> None:
    root = mini_dossier({"seeds/b.txt": SEED_B, "content/articles/b.yaml": article("b.txt", KEPT_B[0], annotations=(
        "  - id: alone\n    quote: '\"We will do it alone,\" the prime minister said'\n"))})  # straight quotes
    relaxed = run_build(root, "--check")
    assert relaxed.returncode == 0, relaxed.stderr
    assert re.search(r"^content/articles/b\.yaml:7:12: warning: .*matched only approximately", relaxed.stderr, re.M)
    strict = run_build(root, "--strict")
    assert strict.returncode == 1
    assert re.search(r"^content/articles/b\.yaml:7:12: error: .*matched only approximately", strict.stderr, re.M)
    assert not (root / "_site").exists()


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in ("href", "src", "action") and v is not None]


def test_a_base_url_prefixes_every_internal_link(shared, tmp_path: Path) -> None:
    root, _, _ = shared
    out = tmp_path / "out"
    result = run_build(root, "--no-search", "--base-url", "/sub/path/", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 5
    checked = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text("utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("#"):
                continue
            assert link.startswith("/sub/path/"), f"{page.relative_to(out)}: {link}"
            checked += 1
    assert checked > 20
    note_target = '<a href="/sub/path/articles/b/">the other</a>'
    assert note_target in (out / "articles/a/index.html").read_text("utf-8")


def test_import_writes_a_stub_for_a_seed_without_an_article_file_and_never_overwrites_it(mini_dossier) -> None:
    seed = "Share this article\nRafah talks stall as envoy leaves\nMarch 22, 2024\nBody of the report.\n"
    root = mini_dossier({**TWO_ARTICLES, "seeds/new.txt": seed})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    stub = root / "content/articles/rafah-talks-stall-as-envoy-leaves.yaml"
    assert f"wrote {stub.relative_to(root).as_posix()}" in result.stdout
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == [
        "a.yaml", "b.yaml", "rafah-talks-stall-as-envoy-leaves.yaml"]
    loaded, problems = parse_yaml("stub.yaml", stub.read_text("utf-8"))
    assert problems == () and loaded is not None
    assert {k: loaded.data[k] for k in ("seed", "title", "date")} == {
        "seed": "new.txt", "title": "Rafah talks stall as envoy leaves", "date": "2024-03-22"}
    edited = stub.read_text("utf-8").replace("source: unknown", "source: outlet-b") + "# checked by an editor\n"
    stub.write_text(edited, encoding="utf-8")
    again = run_build(root, "--import")
    assert again.returncode == 0, again.stderr
    assert "wrote" not in again.stdout
    assert stub.read_text("utf-8") == edited
    assert len(list((root / "content/articles").iterdir())) == 3


def test_two_article_files_for_one_seed_is_an_error_naming_both(mini_dossier) -> None:
    root = mini_dossier({**TWO_ARTICLES, "content/articles/c.yaml": article("b.txt", "Copy", "outlet-b")})
    result = run_build(root, "--check")
    assert result.returncode == 1
    problem = [line for line in result.stderr.splitlines() if 'seed "b.txt"' in line]
    assert problem and "content/articles/b.yaml" in problem[0] and problem[0].startswith("content/articles/c.yaml:")


READS = "which the build reads"


@pytest.mark.parametrize("out,named", [
    (".", ""), ("content", f"it is {{root}}/content, {READS}"), ("seeds", f"it is {{root}}/seeds, {READS}"),
    ("content/_site", f"it is inside {{root}}/content, {READS}"),
    ("seeds/evidence/_site", "it is inside {root}/seeds/evidence, where --add keeps"),
    ("templates/_site", f"it is inside {{root}}/templates, {READS}"),
    ("static/out", f"it is inside {{root}}/static, {READS}"),
    (".dossier-cache/site", f"it is inside {{root}}/.dossier-cache, {READS}")])
def test_an_output_folder_that_would_overwrite_the_inputs_is_refused(mini_dossier, out: str, named: str) -> None:
    """Inside templates/ or static/ too (review 74): each build read the last site back, republished inside
    the new one (static/) or as templates (templates/), and never passed again. The folder concerned is named,
    not the dossier's root, nor seeds/ for the evidence folder in it (which the build does not read)."""
    root = mini_dossier(TWO_ARTICLES)
    (root / "templates").mkdir(exist_ok=True)
    (root / "static").mkdir(exist_ok=True)
    before = snapshot(root)
    result = run_build(root, "--out", str(root / out))
    assert result.returncode == 2
    assert "refusing to write" in result.stderr
    assert named.format(root=root.resolve()) in result.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize("linked", ["templates", "static", "seeds"])
def test_an_output_folder_inside_the_folder_a_read_folder_links_to_is_refused(mini_dossier, linked: str) -> None:
    """templates/ a link to tpl/ in the dossier: the build reads tpl/ through it, so a site written into tpl/x
    would be read back by the next build, as one written into templates/x is."""
    root = mini_dossier(TWO_ARTICLES)
    if (root / linked).exists():
        (root / linked).rename(root / "kept")
    else:
        (root / "kept").mkdir()
    (root / linked).symlink_to("kept")
    before = snapshot(root)
    result = run_build(root, "--out", str(root / "kept" / "site"))
    assert result.returncode == 2, result.stderr
    assert f"it is inside {root.resolve() / 'kept'}, {READS}" in result.stderr
    assert snapshot(root) == before


def test_writing_into_a_non_empty_folder_not_made_by_dossier_is_refused(mini_dossier, tmp_path: Path) -> None:
    root = mini_dossier(TWO_ARTICLES)
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8 not ours")
    result = run_build(root, "--out", str(foreign))
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert files_of(foreign) == {"holiday.jpg": b"\xff\xd8 not ours"}


@pytest.mark.parametrize("below", ["", "sub/site"])
def test_an_output_path_that_is_or_runs_through_a_file_is_refused_without_a_traceback(mini_dossier, tmp_path: Path,
                                                                                   below: str) -> None:
    root = mini_dossier(TWO_ARTICLES)
    file = tmp_path / "notes.txt"
    file.write_text("not a folder", "utf-8")
    result = run_build(root, "--out", str(file / below) if below else str(file), "--no-search")
    assert result.returncode == 2
    assert f"{file} is a file, not a folder" in result.stderr and "Traceback" not in result.stderr
    assert file.read_text("utf-8") == "not a folder"


@pytest.mark.parametrize("kind,why", [("dangling", "which does not exist"), ("loop", "which leads round in a loop")])
@pytest.mark.parametrize("below", ["", "sub"])
def test_an_output_path_through_a_broken_symbolic_link_is_refused_without_a_traceback(
        mini_dossier, tmp_path: Path, kind: str, why: str, below: str) -> None:
    root = mini_dossier(TWO_ARTICLES)
    link = tmp_path / "site"
    if kind == "dangling":
        link.symlink_to(tmp_path / "nowhere")
    else:
        (tmp_path / "other").symlink_to(link)
        link.symlink_to(tmp_path / "other")
    result = run_build(root, "--out", str(link / below) if below else str(link), "--no-search")
    assert result.returncode == 2
    assert f"{link} is a symbolic link to" in result.stderr and why in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "nowhere").exists()


def test_a_build_prints_a_summary_of_pages_written_ending_in_seconds(shared) -> None:
    _, out, result = shared
    last = result.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"built (\d+) pages \((\d+) files, (\d+) changed, (\d+) removed\) into (.+); "
                         r"0 errors, (\d+) warning\(s\) in \d+\.\d\ds", last)
    assert match, last
    pages, files, changed = int(match.group(1)), int(match.group(2)), int(match.group(3))
    assert pages == len(list(out.rglob("*.html")))
    assert files == changed == len([p for p in out.rglob("*") if p.is_file() and p.name != ".dossier-output"])
    assert Path(match.group(5)) == out


def test_an_unknown_source_is_an_error_with_a_suggestion(mini_dossier) -> None:
    root = mini_dossier({**TWO_ARTICLES, "content/articles/b.yaml": article("b.txt", "B", "outlet-bb")})
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert re.search(r'^content/articles/b\.yaml:\d+:\d+: error: unknown source "outlet-bb" \[source-unknown\]\n'
                     r'(?: +\d* \|.*\n)*'   # the source line and its caret
                     r'    hint: did you mean "outlet-b"\?', result.stderr, re.M), result.stderr
