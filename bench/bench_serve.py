#!/usr/bin/env python3
"""Benchmark of the live preview (not a test): how long from an editor's save to the new page?

    python bench/bench_serve.py [--articles 1000] [--edits 5] [--kinds note,alias,witness,template,site] [--seed 1]

Generates a synthetic dossier (bench/generate.py), starts `build.py --serve` on it, opens the page of the
first article in real Chromium (Debian's /usr/bin/chromium, driven by Playwright), then for each edit kind
saves `--edits` edits, each with a new token, and prints the first build's time (with `--after-build`, the
preview starts on a dossier that `build.py` has built, whose cache it reads back), then for each save:
- save → output changed: the page that shows the edit (in the output folder) holds the token;
- save → browser reloaded: for edits that change the open article page (note, template, site), the page
  reloaded by livereload (not by us) reached DOMContentLoaded and shows the token;
- the server's own build time (in memory, from /__dossier/status.json).
and per kind the median and 90th percentile of each. The kinds (issue 14's list):
- note: one annotation's note in the first article's file (its page shows it);
- alias: an alias added to the first entity of content/entities.yaml (its page lists names never seen);
- witness: a note on the first witness of the first comparison (its comparison page shows it);
- template: an HTML comment at the end of the main block of a dossier copy of templates/article.html (every
  article page);
- site: site.yaml's title (every page).
Times are wall-clock on this machine's shared clock (the browser's performance.timeOrigin and Python's
time.time() read the same system clock).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # the generator package (dossier_synth/) lives beside dossier/, one level up
from dossier_synth import generate  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status(url: str) -> dict:
    with urllib.request.urlopen(url + "__dossier/status.json", timeout=30) as r:
        return json.loads(r.read())


def wait_status(url: str, proc: subprocess.Popen, condition, timeout: float, what: str) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the preview server exited ({proc.returncode}) while waiting for {what}")
        try:
            state = status(url)
            if condition(state):
                return state
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out after {timeout:.0f}s waiting for {what}")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p90 of 10 values is the 9th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class Edit:
    """One kind of edit: `apply(token)` saves the edit, `watched` is the output file that shows the token,
    `reloads` whether the open article page shows it too; `restore()` puts the files back."""

    def __init__(self, root: Path, kind: str, slug: str) -> None:
        self.kind, self.root = kind, root
        first_comparison = sorted((root / "content" / "comparisons").glob("*.yaml"))[0]
        entities = root / "content" / "entities.yaml"
        head = entities.read_text("utf-8").split('  aliases: ["', 1)[0]  # the first entity with aliases
        entity = [line[:-1] for line in head.splitlines() if line and not line.startswith(("#", " "))][-1]
        # (file, text to find, what replaces it: "{t}" is the token, watched output, reloads the article page)
        plans = {
            "note": (root / "content" / "articles" / f"{slug}.yaml", '    note: "', '    note: "{t} ',
                     f"articles/{slug}/index.html", True),
            "alias": (entities, '  aliases: ["', '  aliases: ["{t}", "', f"entities/{entity}/index.html", False),
            "witness": (first_comparison, "    quote: ", '    note: "{t}"\n    quote: ',
                        f"compare/{first_comparison.stem}/index.html", False),
            "template": (root / "templates" / "article.html", "</aside>\n{% endblock %}",
                         "</aside>\n<!-- {t} -->\n{% endblock %}", f"articles/{slug}/index.html", True),
            "site": (root / "site.yaml", 'title: "', 'title: "{t} ', "index.html", True),
        }
        self.file, self.find, self.replace, watched, self.reloads = plans[kind]
        self.watched = root / "_site" / watched
        if kind == "template" and not self.file.exists():
            self.file.parent.mkdir(exist_ok=True)
            shutil.copy(ROOT / "templates" / "article.html", self.file)
            self.created = True
        else:
            self.created = False
        self.original = self.file.read_text("utf-8")
        assert self.find in self.original, f"{kind}: {self.find!r} not in {self.file}"

    def apply(self, token: str) -> None:
        self.file.write_text(self.original.replace(self.find, self.replace.replace("{t}", token), 1), "utf-8")

    def restore(self) -> None:
        if self.created:
            self.file.unlink(missing_ok=True)
        else:
            self.file.write_text(self.original, "utf-8")


def one_edit(edit: Edit, i: int, url: str, proc: subprocess.Popen, page, args) -> tuple[float, float | None, float]:
    """Save one edit; (save → output changed, save → browser reloaded or None, the server's build time)."""
    wait_status(url, proc, lambda s: s["clients"] >= 1 and not s["building"], 120, "the page's livereload connection")
    token = f"Bench {edit.kind} {i} {time.time_ns()}"
    published = status(url)["published"]
    saved = time.time()
    edit.apply(token)
    deadline, next_check = time.monotonic() + args.timeout, time.monotonic() + 1.0
    while True:  # save → output file changed
        try:
            if token.encode() in edit.watched.read_bytes():
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{edit.kind} edit {i + 1}: no new output after {args.timeout:.0f}s")
        if time.monotonic() > next_check:   # now and then: did the build fail?
            next_check = time.monotonic() + 0.5
            state = status(url)
            if state["state"] == "failed" and not state["building"]:
                problems = "\n".join(f"  {p['where']}: {p['message']}" for p in state["problems"][:5])
                raise SystemExit(f"{edit.kind} edit {i + 1}: the build failed:\n{problems}")
        time.sleep(0.002)
    written = time.time()
    loaded = None
    if edit.reloads:
        page.wait_for_function("t => document.documentElement.innerHTML.includes(t)", arg=token, timeout=600_000,
                               polling=10)
        loaded = page.evaluate("""() => {
            const nav = performance.getEntriesByType("navigation")[0];
            return (performance.timeOrigin + nav.domContentLoadedEventEnd) / 1000;
        }""") - saved
    # (the pages of the saved file may be written first, by a write of their own: the build is done when the
    # status says so)
    state = wait_status(url, proc, lambda s: s["published"] > published and not s["building"], 600, "the status")
    return written - saved, loaded, state["seconds"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--edits", type=int, default=5, help="edits of each kind (default 5)")
    p.add_argument("--kinds", default="note,alias,witness,template,site", help="edit kinds, comma-separated")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pause", type=float, default=1.0, help="seconds between edits (default 1)")
    p.add_argument("--timeout", type=float, default=3600, help="seconds allowed for a build (default 3600)")
    p.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary one)")
    p.add_argument("--after-build", action="store_true", help="run `build.py --no-search` on the dossier first, so "
                   "that the preview starts with its cache and output folder (the first build's time then says "
                   "what the cache saves a preview's start)")
    args = p.parse_args(argv)

    from playwright.sync_api import sync_playwright

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    root = work / "dossier"
    t0 = time.perf_counter()
    if not (root / "site.yaml").exists():
        generate(root, args.articles, args.seed)
    print(f"dossier: {args.articles} articles in {root} (generated in {time.perf_counter() - t0:.1f}s)", flush=True)
    slug = sorted((root / "content" / "articles").glob("*.yaml"))[0].stem
    if args.after_build:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "--no-search"], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
        print(f"build.py --no-search before the preview: {time.perf_counter() - t0:.1f}s", flush=True)
    edits = [Edit(root, kind, slug) for kind in args.kinds.split(",")]

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = open(work / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--serve", "--root", str(root),
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    rows: dict[str, list[tuple[float, float | None, float]]] = {}
    try:
        t0 = time.perf_counter()
        first = wait_status(url, proc, lambda s: not s["building"] and (s["published"] or s["state"] == "failed"),
                            args.timeout, "the first build")
        if first["state"] == "failed":
            problems = "\n".join(f"  {p['where']}: {p['message']}" for p in first["problems"][:10])
            raise SystemExit(f"the first build failed:\n{problems}")
        print(f"first build: {first['seconds']:.2f}s in the server ({time.perf_counter() - t0:.1f}s to ready)",
              flush=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{url}articles/{slug}/")
            for edit in edits:
                try:
                    for i in range(args.edits):
                        row = one_edit(edit, i, url, proc, page, args)
                        rows.setdefault(edit.kind, []).append(row)
                        shown = f"{1000 * row[1]:7.0f} ms" if row[1] is not None else "      —   "
                        print(f"{edit.kind:8} {i + 1:2d}: output {1000 * row[0]:7.0f} ms   browser {shown}   "
                              f"build {1000 * row[2]:7.0f} ms", flush=True)
                        time.sleep(args.pause)
                finally:
                    restored = status(url)["published"]
                    edit.restore()
                # The restore's own build, before the next kind's first save: else both files change in one
                # build, which is then no single saved file's (no page of it goes ahead)
                wait_status(url, proc, lambda s: s["published"] > restored and not s["building"], args.timeout,
                            "the build of the restored file")
            browser.close()
    finally:
        for edit in edits:
            edit.restore()
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(rows, args)
    return 0


def report(rows: dict[str, list[tuple[float, float | None, float]]], args) -> None:
    print()
    print(f"live preview, {args.articles} articles, {args.edits} edits of each kind (ms: median / p90):")
    print(f"{'edit':10} {'save -> output':>18} {'save -> browser':>18} {'build in memory':>18}")
    for kind, found in rows.items():
        cells = []
        for column in range(3):
            values = [1000 * r[column] for r in found if r[column] is not None]
            cells.append(f"{statistics.median(values):7.0f} / {percentile(values, 90):7.0f}" if values else "—")
        print(f"{kind:10} {cells[0]:>18} {cells[1]:>18} {cells[2]:>18}")


if __name__ == "__main__":
    sys.exit(main())
