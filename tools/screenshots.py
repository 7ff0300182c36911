"""Take the README's screenshots (docs/screenshots/*.png) of the default dossier's site, in Debian's chromium
through Playwright, as the browser tests drive it (tests/conftest.py).

    .venv/bin/python build.py --out /tmp/site          # with search: search.png needs Pagefind's index
    .venv/bin/python tools/screenshots.py /tmp/site    # all six; or name some: ... /tmp/site sources article

Each shot is the browser's window (not the whole page) at the size and place written below, so that a retake
after a change of layout frames the same part of the same page. The site is served over HTTP on 127.0.0.1
(search needs it) and the screenshots are written to docs/screenshots/ next to this folder.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

# name → (path in the site, window width and height, what to scroll to the top of the window: a script returning
# an element, or "" for the top of the page, and a selector to wait for before the shot, "" for none)
SHOTS = {
    # the AP's copy, where the margin notes are densest (from note 13, beside "we will do it alone")
    "article": ("articles/review-journal-netanyahu-rebuffs/", 1360, 860,
                "document.querySelectorAll('.article-body .sn')[12].closest('p')", ""),
    "article-phone": ("articles/jpost-go-it-alone/", 390, 844, "", ""),
    "comparison": ("compare/netanyahu-do-it-alone/", 1280, 900, "", ""),
    "entity": ("entities/ron-dermer/", 1280, 860, "", ""),
    # the outlets' table and, below it, the coverage matrix its caption in the README names
    "sources": ("sources/", 1280, 860, "document.querySelector('table.sources tbody tr:nth-child(4)')", ""),
    "search": ("search/?q=Hanegbi", 1280, 760, "", ".pagefind-ui__result-excerpt"),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # (no line a request on the terminal)
        pass


def take(site: Path, names: list[str]) -> list[Path]:
    """Serve `site` and write the screenshots `names` (SHOTS' keys); the paths written."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for name in names:
                path, width, height, top, ready = SHOTS[name]
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"http://127.0.0.1:{server.server_port}/{path}")
                if ready:
                    page.wait_for_selector(ready, timeout=15000)
                if top:
                    page.evaluate(f"(() => {{ const el = {top}; window.scrollTo(0, el.getBoundingClientRect().top"
                                  " + window.scrollY - 16); })()")
                page.wait_for_timeout(300)   # (web fonts and the notes' placing, dossier.js, settle)
                written.append(OUT / f"{name}.png")
                page.screenshot(path=str(written[-1]), animations="disabled", caret="hide")
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str]) -> int:
    if not argv or not (Path(argv[0]) / "index.html").exists():
        print("usage: tools/screenshots.py SITE [NAME ...]  (SITE: a built site; NAME: " + ", ".join(SHOTS) + ")",
              file=sys.stderr)
        return 2
    unknown = [n for n in argv[1:] if n not in SHOTS]
    if unknown:
        print(f"no screenshot named {', '.join(unknown)}; the names: {', '.join(SHOTS)}", file=sys.stderr)
        return 2
    for path in take(Path(argv[0]), argv[1:] or list(SHOTS)):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
