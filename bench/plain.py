#!/usr/bin/env python3
"""The same articles as a dossier, as plain Markdown sites for Hugo and Pelican (the benchmarks' baselines).

    python bench/plain.py DOSSIER OUT

writes OUT/hugo/ (hugo.toml, layouts/, content/articles/<slug>.md with YAML front matter) and OUT/pelican/
(pelicanconf.py, content/<slug>.md with Pelican's `Key: value` metadata). Each page is one article of the
dossier: its cleaned text (the seed minus the furniture lines site.yaml drops, read with the dossier's own
loader so it is exactly the text the dossier publishes), one paragraph per Markdown paragraph, with its
title and date and nothing else: no annotations, entities, comparisons or search. The sites are as small as
each tool allows: Hugo with one layout for single pages and one for lists, Pelican with its default theme and
no feeds or caches. Deterministic: same dossier, same files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HUGO_CONFIG = """\
baseURL = "https://example.org/"
languageCode = "en"
title = "Plain pages"
disableKinds = ["taxonomy", "term"]
"""
HUGO_SINGLE = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time></p>
{{ .Content }}
</main></body></html>
"""
HUGO_LIST = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>
{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>
{{ end }}</ul></main></body></html>
"""
PELICAN_CONFIG = """\
AUTHOR = "bench"
SITENAME = "Plain pages"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
DEFAULT_PAGINATION = False
# No feeds, no caches: every run is a cold build.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
"""


def articles(dossier: Path) -> list[tuple[str, str, str, list[str]]]:
    """(slug, title, date, paragraphs) of every article, as the dossier's loader cleans them."""
    from dossier.shell import fs
    from dossier.core.pipeline import Options, load_config, load_dossier

    inputs = fs.read_inputs(dossier)
    config, problems = load_config(inputs, Options())
    if config is None:
        raise SystemExit(f"plain.py: {dossier} has no usable site.yaml: {[p.format() for p in problems]}")
    loaded, _raw, _problems = load_dossier(inputs, config)
    return [(a.slug, a.meta.title, a.meta.date, [p.text for p in a.text.paragraphs]) for a in loaded.articles]


def _body(paragraphs: list[str]) -> str:
    # One line per paragraph: a seed paragraph is one line already; collapse any inner newline so that
    # Markdown cannot read a line as a heading or list by accident of wrapping.
    return "\n\n".join(" ".join(p.split()) for p in paragraphs) + "\n"


def write(dossier: Path, out: Path) -> int:
    """Write OUT/hugo and OUT/pelican (replacing them). Returns the number of articles."""
    items = articles(dossier)
    for sub in ("hugo", "pelican"):
        shutil.rmtree(out / sub, ignore_errors=True)
    hugo, pelican = out / "hugo", out / "pelican"
    (hugo / "layouts").mkdir(parents=True)
    (hugo / "content" / "articles").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (hugo / "layouts" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (hugo / "layouts" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (pelican / "content").mkdir(parents=True)
    (pelican / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for slug, title, date, paragraphs in items:
        body = _body(paragraphs)
        # JSON strings are valid YAML scalars: titles with colons or quotes stay one value.
        (hugo / "content" / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {date}\n---\n\n{body}", encoding="utf-8")
        one_line = " ".join(title.split())
        (pelican / "content" / f"{slug}.md").write_text(
            f"Title: {one_line}\nDate: {date}\nSlug: {slug}\n\n{body}", encoding="utf-8")
    return len(items)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dossier", type=Path, help="dossier folder (site.yaml, seeds/, content/)")
    p.add_argument("out", type=Path, help="folder to write hugo/ and pelican/ into")
    args = p.parse_args(argv)
    n = write(args.dossier, args.out)
    print(f"wrote {n} plain pages into {args.out}/hugo and {args.out}/pelican")
    return 0


if __name__ == "__main__":
    sys.exit(main())
