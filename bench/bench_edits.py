#!/usr/bin/env python3
"""The command line's rebuild after each kind of edit an editor makes, on a generated dossier: one table.

    python bench/bench_edits.py [--articles 1000] [--rounds 3] [--no-search] [--kinds note,add,...] [--work DIR]

Each kind is applied `--rounds` times, each time anew (another note, another page added…), and after each
`python build.py` runs in a process of its own, timed from start to exit; the table gives the best and the
median, and what the build said it wrote (files changed). `run.py` measures one kind (a note) beside Hugo and
Pelican; this one measures what the issue's "rebuild only what an edit touches" names for every kind:

- note: a few words added to an annotation's note (run.py's edit); annotation: a new annotation (ten words of
  the article's text, a note, a tag), first in its file; tag: a new tag on an annotation (its page new);
- alias: a name added to an entity's aliases; summary: an entity's summary reworded;
- seed: a paragraph added to an article's text; question: a comparison's question reworded;
- outlet: an outlet's note reworded;
- add: a real saved page (tests/fixtures/real-pages) added with `build.py --add`, of an outlet new to the
  dossier (the `--add` itself is not timed); reprint: an article of an existing outlet whose text is another's
  but for its first paragraph (wire copy reprinted: it shares passages with the dossier);
- delete: an article no comparison names, and its seed, removed.

Run by hand; never a test. Nothing else should run on the machine meanwhile.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PAGES = ROOT / "tests" / "fixtures" / "real-pages"
# As on any developer's machine, Python keeps its bytecode caches (run.py's `measure` too): where
# PYTHONDONTWRITEBYTECODE is set (this machine sets it), every build compiled again each module whose cache was
# missing or stale, ~0.27 s for a worktree of other code that never had one, and so favoured the code that had.
WARM = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
KINDS = ("note", "annotation", "tag", "alias", "summary", "seed", "question", "outlet", "add", "reprint", "delete")


def _replace(path: Path, pattern: str, make, flags: int = re.M) -> None:
    text = path.read_text("utf-8")
    new, count = re.subn(pattern, make, text, count=1, flags=flags)
    if not count:
        raise SystemExit(f"bench_edits.py: {pattern!r} not found in {path} (has bench/generate.py changed?)")
    path.write_text(new, "utf-8")


def _seed(article: Path) -> str:
    """The seed file an article file names (quoted, as `--add` writes it, or not)."""
    found = re.search(r"""^seed:\s*["']?(.*?)["']?\s*$""", article.read_text("utf-8"), re.M)
    if found is None:
        raise SystemExit(f"bench_edits.py: {article} has no seed: line")
    return found.group(1)


def edit(dossier: Path, kind: str, n: int) -> list[str]:
    """Make the `n`-th edit of `kind`; returns extra build.py arguments to run first (the --add), or []."""
    content = dossier / "content"
    # (the generated articles: those this script adds sort first, and would shift which one each round picks)
    articles = sorted(p for p in (content / "articles").glob("*.yaml") if not p.stem.startswith("bench-"))
    middle = articles[len(articles) // 2 + n]
    if kind == "note":
        _replace(middle, r'^(\s+note: ".*)"(\s*)$', lambda m: f'{m.group(1)} (edit {n})"{m.group(2)}')
    elif kind == "annotation":
        body = (dossier / "seeds" / _seed(middle)).read_text("utf-8").splitlines()[3].split()
        quote = " ".join(body[n % 5:n % 5 + 10]).replace('"', "")
        _replace(middle, r"^annotations:\n", lambda m: f'{m.group(0)}  - id: bench-{n}\n    quote: "{quote}"\n'
                 f'    kind: context\n    note: "Added by the bench, round {n}."\n    tags: [context]\n')
    elif kind == "tag":
        _replace(middle, r"^(\s+tags: \[)", lambda m: f"{m.group(1)}bench-{n}, ")
    elif kind == "alias":
        _replace(content / "entities.yaml", r'^(  aliases: \[)', lambda m: f'{m.group(1)}"Benchname{n}", ')
    elif kind == "summary":
        _replace(content / "entities.yaml", r'^(  summary: ".*?)(\.?)"$',
                 lambda m: f'{m.group(1)} ({n}){m.group(2)}"')
    elif kind == "seed":
        seed = dossier / "seeds" / _seed(middle)
        text = seed.read_text("utf-8")
        words = " ".join(f"{word}{n}" for word in ("Closing", "words", "only", "this", "round", "writes", "here"))
        seed.write_text(text.rstrip("\n") + f"\n\n{words}.\n", "utf-8")  # (no eight words another edit shares)
    elif kind == "question":
        comparison = sorted((content / "comparisons").glob("*.yaml"))[n]
        _replace(comparison, r'^(question: ".*?)"$', lambda m: f'{m.group(1)} ({n})"')
    elif kind == "outlet":
        _replace(content / "sources.yaml", r"^(  name: .*)$(\n  note: Reworded \d+\.)?",
                 lambda m: f"{m.group(1)}\n  note: Reworded {n}.")
    elif kind == "add":
        return ["--add", str(_saved_page(dossier, n))]
    elif kind == "reprint":
        _reprint(dossier, articles[len(articles) // 4 + n], articles[0], n)
    elif kind == "delete":
        _delete(dossier, articles, n)
    return []


def _saved_page(dossier: Path, n: int) -> Path:
    """The `n`-th real saved page of tests/fixtures/real-pages, unpacked beside the dossier."""
    pages = sorted(PAGES.glob("*.html.gz"))
    page = dossier.parent / "pages" / pages[n % len(pages)].name[:-len(".gz")]
    page.parent.mkdir(exist_ok=True)
    page.write_bytes(gzip.decompress(pages[n % len(pages)].read_bytes()))
    return page


def _reprint(dossier: Path, original: Path, outlet_of: Path, n: int) -> None:
    """An article of `outlet_of`'s outlet whose text is `original`'s but for its first paragraph."""
    text = (dossier / "seeds" / _seed(original)).read_text("utf-8")
    rest = text.split("\n\n", 1)[1] if "\n\n" in text else text
    (dossier / "seeds" / f"bench-reprint-{n}.txt").write_text(f"Reprinted lede number {n}.\n\n{rest}", "utf-8")
    source = re.search(r"^source: (.*)$", outlet_of.read_text("utf-8"), re.M).group(1)
    (dossier / "content" / "articles" / f"bench-reprint-{n}.yaml").write_text(
        f'seed: bench-reprint-{n}.txt\ntitle: "A reprint {n}"\nsource: {source}\ndate: 2024-06-01\n', "utf-8")


def _delete(dossier: Path, articles: list[Path], n: int) -> None:
    """Remove an article no comparison names, and its seed."""
    named = "".join(p.read_text("utf-8") for p in (dossier / "content" / "comparisons").glob("*.yaml"))
    free = [p for p in articles if p.stem not in named]
    if not free:
        raise SystemExit("bench_edits.py: every article is a comparison's witness: no article to delete")
    gone = free[(len(free) // 3 + n) % len(free)]
    seed = dossier / "seeds" / _seed(gone)
    if not seed.is_file():
        raise SystemExit(f"bench_edits.py: {gone} names no seed file in seeds/")
    gone.unlink()
    seed.unlink()


def build(dossier: Path, search: bool, extra: Sequence[str] = ()) -> tuple[float, str]:
    """One `build.py` in its own process (with `extra` arguments instead of a build's, such as --add): (wall
    seconds, its summary line)."""
    flags = list(extra) or ([] if search else ["--no-search"])
    cmd = [PY, str(ROOT / "build.py"), "--root", str(dossier), *flags]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=WARM)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"bench_edits.py: {' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    said = [line for line in done.stdout.splitlines() if line.startswith(("built ", "up to date", "added "))]
    return seconds, said[-1] if said else ""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--no-search", action="store_true", help="build with --no-search")
    p.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of: {', '.join(KINDS)}")
    p.add_argument("--work", type=Path, help="folder for the generated dossier (default: a temporary one)")
    args = p.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    if not set(kinds) <= set(KINDS):
        p.error(f"unknown kind(s): {', '.join(sorted(set(kinds) - set(KINDS)))}")
    dossier = (args.work or Path(tempfile.mkdtemp(prefix="bench-edits-"))) / "dossier"
    subprocess.run([PY, str(ROOT / "bench" / "generate.py"), str(dossier), "--articles", str(args.articles),
                    "--force"], check=True, capture_output=True)
    cold, _ = build(dossier, not args.no_search)
    print(f"{args.articles} articles, {'--no-search' if args.no_search else 'with search'}: cold build {cold:.2f} s",
          file=sys.stderr)
    rows = []
    for kind in kinds:
        times, said = [], ""
        for n in range(args.rounds):
            extra = edit(dossier, kind, n)
            if extra:
                build(dossier, False, extra)  # (the --add, not timed)
            seconds, said = build(dossier, not args.no_search)
            times.append(seconds)
            print(f"  {kind} #{n + 1}: {seconds:.2f} s  {said}", file=sys.stderr)
        changed = re.search(r"(\d+) changed", said)
        rows.append(f"| {kind} | {min(times):.2f} | {statistics.median(times):.2f} | "
                    f"{changed.group(1) if changed else '—'} |")
    print(f"\n{args.articles} articles, {'`--no-search`' if args.no_search else 'with search'}, {args.rounds} "
          f"rounds (s)\n\n| edit | best | median | files changed (last round) |\n|---|---:|---:|---:|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
