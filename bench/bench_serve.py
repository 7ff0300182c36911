#!/usr/bin/env python3
"""Benchmark of the live preview (not a test): how long from an editor's save to the new page?

    python bench/bench_serve.py [--articles 1000] [--edits 10] [--seed 1]

Generates a synthetic dossier (bench/generate.py), starts `build.py --serve` on it, opens the page of the
article being edited in real Chromium (Debian's /usr/bin/chromium, driven by Playwright), then edits the note
of one annotation `--edits` times and prints, for each save:
- save → output file changed: the article's index.html in the output folder holds the new note;
- save → browser reloaded: the reloaded page (reloaded by livereload, not by us) reached DOMContentLoaded;
- the server's own build time (in memory, from /__dossier/status.json).
and the median and 90th percentile of each. Times are wall-clock on this machine's shared clock (the browser's
performance.timeOrigin and Python's time.time() read the same system clock).
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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--edits", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pause", type=float, default=1.0, help="seconds between edits (default 1)")
    p.add_argument("--timeout", type=float, default=3600, help="seconds allowed for a build (default 3600)")
    p.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary one)")
    args = p.parse_args(argv)

    from playwright.sync_api import sync_playwright

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    root = work / "dossier"
    t0 = time.perf_counter()
    if not (root / "site.yaml").exists():
        generate(root, args.articles, args.seed)
    print(f"dossier: {args.articles} articles in {root} (generated in {time.perf_counter() - t0:.1f}s)", flush=True)
    article = sorted((root / "content" / "articles").glob("*.yaml"))[0]
    slug = article.stem
    output = root / "_site" / "articles" / slug / "index.html"
    original = article.read_text("utf-8")
    marker = '    note: "'
    assert marker in original, f"no note in {article}"

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = open(work / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--serve", "--root", str(root),
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    rows: list[tuple[float, float, float]] = []
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
            for i in range(args.edits):
                wait_status(url, proc, lambda s: s["clients"] >= 1 and not s["building"], 120,
                            "the page's livereload connection")
                token = f"Bench edit {i} {time.time_ns()}."
                published = status(url)["published"]
                saved = time.time()
                article.write_text(original.replace(marker, marker + token + " ", 1), "utf-8")
                deadline, next_check = time.monotonic() + args.timeout, time.monotonic() + 1.0
                while True:  # save → output file changed
                    try:
                        if token.encode() in output.read_bytes():
                            break
                    except OSError:
                        pass
                    if time.monotonic() > deadline:
                        raise SystemExit(f"edit {i + 1}: no new output after {args.timeout:.0f}s")
                    if time.monotonic() > next_check:   # now and then: did the build fail?
                        next_check = time.monotonic() + 0.5
                        state = status(url)
                        if state["state"] == "failed" and not state["building"]:
                            problems = "\n".join(f"  {p['where']}: {p['message']}" for p in state["problems"][:5])
                            raise SystemExit(f"edit {i + 1}: the build failed (is someone editing the project's "
                                             f"templates?):\n{problems}")
                    time.sleep(0.002)
                written = time.time()
                page.wait_for_function("t => document.body && document.body.innerText.includes(t)", arg=token,
                                       timeout=600_000, polling=10)
                loaded = page.evaluate("""() => {
                    const nav = performance.getEntriesByType("navigation")[0];
                    return (performance.timeOrigin + nav.domContentLoadedEventEnd) / 1000;
                }""")
                state = wait_status(url, proc, lambda s: s["published"] > published, 60, "the status")
                rows.append((written - saved, loaded - saved, state["seconds"]))
                print(f"edit {i + 1:2d}: output {1000 * (written - saved):7.0f} ms   browser "
                      f"{1000 * (loaded - saved):7.0f} ms   build {1000 * state['seconds']:7.0f} ms", flush=True)
                time.sleep(args.pause)
            browser.close()
    finally:
        article.write_text(original, "utf-8")
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"live preview, {args.articles} articles, {len(rows)} edits of one annotation note "
          f"(articles/{slug}/):")
    print(f"{'':34} {'median':>9} {'p90':>9} {'min':>9} {'max':>9}")
    for name, column in (("save -> output file changed", 0), ("save -> browser reloaded", 1),
                         ("  of which: build in memory", 2)):
        values = [1000 * r[column] for r in rows]
        print(f"{name:34} {statistics.median(values):7.0f}ms {percentile(values, 90):7.0f}ms "
              f"{min(values):7.0f}ms {max(values):7.0f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
