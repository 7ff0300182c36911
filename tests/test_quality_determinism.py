"""Quality gate: the same inputs give byte-identical output, and a site built for a sub-path stays under it.

Three builds run at once: the default dossier twice, and once under --base-url /sub/dir/.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from test_quality_links import Page, Site

SUB = "/sub/dir/"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """Two builds of the default dossier and one under a sub-path, run at the same time: each spends much of
    its time waiting on the search indexer, and building both copies together (rather than reusing the
    session's site) keeps an edit made meanwhile in a working tree from passing for nondeterminism."""
    folder = tmp_path_factory.mktemp("determinism")
    args = {"first": [], "second": [], "sub": ["--base-url", SUB]}
    running = {name: subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(ROOT),
                                       "--out", str(folder / name), *extra], cwd=ROOT, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
               for name, extra in args.items()}
    for name, process in running.items():
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, f"build {name} failed:\n{output}"
    return {name: folder / name for name in args}


def tree(folder: Path) -> dict[str, str]:
    """The site's files; the `.dossier-output` marker is the build's record of file stats, not part of the site."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".dossier-output"}


def test_two_builds_of_the_default_dossier_are_byte_identical(builds: dict[str, Path]) -> None:
    first, second = tree(builds["first"]), tree(builds["second"])
    only = sorted(set(first) ^ set(second))
    assert not only, "files written by only one of the two builds:\n" + "\n".join(only)
    differ = [path for path in first if first[path] != second[path]]
    if differ:
        a, b = ((builds[n] / differ[0]).read_bytes().decode("utf-8", "replace").splitlines() for n in ("first", "second"))
        diff = list(difflib.unified_diff(a, b, "first/" + differ[0], "second/" + differ[0], n=1, lineterm=""))
        raise AssertionError(f"{len(differ)} file(s) differ between two builds of the same inputs:\n"
                             + "\n".join(differ[:50]) + "\n\nfirst difference:\n"
                             + "\n".join(line[:200] for line in diff[:30]))


def test_a_site_built_for_a_sub_path_links_only_under_it(builds: dict[str, Path]) -> None:
    out = builds["sub"]
    outside = []
    checked = 0
    for page in sorted(out.rglob("*.html")):
        parser = Page()
        parser.feed(page.read_text(encoding="utf-8"))
        for line, where, url in parser.urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue  # external, or relative (which stays under the page's own folder)
            checked += 1
            if not parts.path.startswith(SUB):
                outside.append(f"{page.relative_to(out).as_posix()}:{line}: {where} {url}")
    assert checked > 100, f"only {checked} root-relative links found under {SUB}"
    assert not outside, f"{len(outside)} internal link(s) outside {SUB}:\n" + "\n".join(outside)
    problems, _ = Site(out, SUB).check()
    assert not problems, f"{len(problems)} broken internal link(s) under {SUB}:\n" + "\n".join(problems)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def references(file: Path) -> Iterator[str]:
    """The URL references of one output file, by format: every attribute value and the JSON-LD in HTML,
    attribute values and element text in XML (a sitemap's <loc>), string values in JSON, link destinations and
    front matter in Markdown, string literals in scripts, words of robots.txt. Editors' Markdown held inside a
    JSON string (a note's body) is text, not a reference, and is not looked into; nor are comments."""
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".html":
        yield from (html.unescape(v) for v in re.findall(r'\s[\w:-]+="([^"]*)"', text))
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, flags=re.S):
            yield from _strings(json.loads(block))
    elif file.suffix == ".xml":
        for element in ET.fromstring(file.read_bytes()).iter():
            yield from element.attrib.values()
            yield (element.text or "").strip()
    elif file.suffix in (".json", ".jsonld"):
        yield from _strings(json.loads(text))
    elif file.suffix == ".md":
        yield from re.findall(r"\]\(<?([^)\s>]+)", text)
        yield from (v.strip('"') for v in re.findall(r"^[\w-]+: (.*)$", text.split("\n---\n")[0], flags=re.M))
    elif file.suffix == ".js":
        yield from re.findall(r"""["'`](/[^"'`\s]*)""", text)
    elif file.suffix == ".txt":
        yield from text.split()


def test_no_output_of_the_sub_path_build_refers_to_a_site_folder_from_the_root(builds: dict[str, Path]) -> None:
    """Feeds, sitemap, robots.txt, exports, the Markdown artifacts, data attributes and scripts too: nothing may
    say `/articles/...` where the site lives at `/sub/dir/articles/...`."""
    out = builds["sub"]
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    from_root = re.compile(r"^/(" + "|".join(map(re.escape, folders)) + r")(?=[/#?]|$)")
    wrong = []
    for file in sorted(out.rglob("*")):
        rel = file.relative_to(out).as_posix()
        if not file.is_file() or rel.startswith("pagefind/"):
            continue   # the search bundle is Pagefind's, made from the pages' own (checked) URLs
        wrong += [f"{rel}: {ref}" for ref in references(file) if from_root.match(ref)]
    assert not wrong, f"{len(wrong)} reference(s) that ignore the base path {SUB}:\n" + "\n".join(wrong[:60])


def test_the_sub_path_build_writes_the_same_pages_as_the_default_one(builds: dict[str, Path]) -> None:
    # Pagefind names its fragments by content hash, and the content holds the URLs: only those names differ.
    def files(folder: Path) -> list[str]:
        return [path for path in tree(folder) if not path.startswith("pagefind/")]
    assert files(builds["sub"]) == files(builds["first"])
