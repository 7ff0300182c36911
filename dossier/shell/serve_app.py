"""The live preview's web side: a small WSGI app that serves the output folder, plus the preview's own
endpoints, for livereload.Server to run.

- Pages come from the output folder (the last good build, written by dossier/shell/serve.py), under the site's base
  path; `/` redirects there. Missing pages get the site's 404.html, or, before any build has succeeded, a
  placeholder page, so an editor whose first build fails still sees the problems.
- Every HTML page gets `<script src="/__dossier/overlay.js">` before its `</head>` (and nothing else does:
  serve.py keeps livereload from adding its own): the overlay shows the problems of a failed build on every
  page, and loads livereload.js. The script is
  served from memory, never written into the output folder, so a deployed site has no trace of the preview.
- `/__dossier/status.json`: the state of the preview (building, ok, failed), the problems, and how many
  browsers listen for reloads (tests and the benchmark wait for that before editing).
- `/__dossier/changed.json?since=N&page=PATH`: whether the page at PATH, read at build N, is out of date. A
  build that changed some pages sends livereload the path `/__dossier/changed/<build>` (core/preview.py); the overlay script asks
  this before it reloads, so only the pages whose bytes changed reload (the page being edited is shown first by
  a build of its own, serve_preview.py, and does not reload again when the rest of the site follows).
- Assets are revalidated on each load (ETag from mtime and size): files the last build did not change keep
  their ETag, so the browser keeps them (fs.write_outputs leaves unchanged files alone).
"""

from __future__ import annotations

import json
import mimetypes
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Container, Iterable, Mapping
from urllib.parse import parse_qs, quote, unquote

from ..core.common.errors import Problem
from ..core.common.urls import CARDS
from .terminal import visible

PREFIX = "/__dossier/"
HISTORY = 64                    # builds whose changed paths are kept; a page older than that reloads
SEARCH = "pagefind/"            # where the search index is served from (serve_index.SEARCH_PREFIX)
VISITED = 3                     # pages served lately, kept so that a save shows them first (execute/first.py)
OVERLAY_JS = Path(__file__).with_name("serve_overlay.js")
CONNECT, CONNECT_PREVIEW = b"connect-src 'self';", b"connect-src 'self' ws: wss:;"   # (templates/base.html's CSP)
HEAD_END = b"</head>"
TYPES = {".md": "text/markdown", ".jsonld": "application/ld+json", ".json": "application/json",
         ".xml": "application/xml", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
         ".webmanifest": "application/manifest+json", ".txt": "text/plain", ".html": "text/html"}

PLACEHOLDER = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dossier preview: no site yet</title></head>
<body style="font: 1.1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<main><h1>No site yet</h1>
<p>{message}</p>
<p>This page reloads by itself when a build succeeds.</p></main>
</body>
</html>
"""


def problem_json(p: Problem) -> dict[str, Any]:
    """A problem for the overlay. Its texts quote seeds and YAML: control characters are made visible here, as
    in the terminal (terminal.visible), so the overlay shows `\\x1b` and a bidi override cannot reorder it."""
    where = p.file + (f":{p.line}:{p.col or 1}" if p.line else "")
    return {"where": visible(where), "file": visible(p.file), "line": p.line, "col": p.col, "severity": p.severity,
            "message": visible(p.message), "hint": visible(p.hint), "check": p.check}


@dataclass
class Status:
    """What the preview shows: shared by the build thread (writes) and the server thread (reads).

    Invariant: `published` counts builds written to the output folder and only grows; it is bumped after the
    files are written, so a page read after seeing `published == n` is at least build n. `problems` are the
    problems open pages show: those of the last build (a failed one: errors; a good one: warnings).
    """

    state: str = "starting"            # the last finished build: starting (none yet) | ok | failed
    building: bool = True              # a build is running
    published: int = 0
    run: str = field(default_factory=lambda: f"{time.time_ns():x}")  # this preview's, on its pages: a page of
    # an earlier run of the preview, whose build numbers started again at 1, is never taken as current
    problems: tuple[Problem, ...] = ()
    mount: str = "/"                   # the site's base path, where the output folder is served
    changed: str = ""                  # what triggered the last build, for the overlay's text
    seconds: float = 0.0
    has_site: bool = False             # the output folder holds a site (from this run or an earlier one)
    changes: list[tuple[int, frozenset[str] | None]] = field(default_factory=list, repr=False)
    visited: tuple[str, ...] = ()      # the HTML pages served lately (output paths), most recent first
    search: str = ""                   # why the preview has no search index (its files are marked so): pending
    # (being made: a 503, "ask again"), failed (Pagefind could not make it), off (--no-search); "": it has one
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def visit(self, page: str) -> None:
        """An HTML page (its output path) was served: an editor has it open."""
        with self._lock:
            self.visited = (page, *[p for p in self.visited if p != page])[:VISITED]

    def update(self, **values: Any) -> None:
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)

    def publish(self, changed: Iterable[str] | None, **values: Any) -> int:
        """Count one more build written to the output folder, which changed the output paths `changed` (None:
        take every page as changed, as for a change under static/ or of the entities' hovercards, which pages
        load), with `values` updated; returns its number."""
        paths = None if changed is None else frozenset(changed)
        if paths is not None and any(p.startswith("static/") or p == CARDS for p in paths):
            paths = None
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)
            self.published += 1
            self.changes = [*self.changes[-(HISTORY - 1):], (self.published, paths)]
            return self.published

    def stale(self, since: int, page: str) -> bool:
        """Whether the output `page`, read at build `since`, is out of date: it changed since, or a file that
        pages load did (under static/, or the hovercards), or a build since then is not on record (or changed
        every page)."""
        with self._lock:
            if since >= self.published:
                return False
            newer = [changed for number, changed in self.changes if number > since]
            return len(newer) < self.published - since or any(changed is None or page in changed
                                                               for changed in newer)

    def read(self) -> dict[str, Any]:
        with self._lock:
            return {"state": self.state, "building": self.building, "published": self.published, "run": self.run,
                    "mount": self.mount, "search": self.search,
                    "changed": visible(self.changed), "seconds": round(self.seconds, 3), "has_site": self.has_site,
                    "errors": sum(p.severity == "error" for p in self.problems),
                    "warnings": sum(p.severity != "error" for p in self.problems),
                    "problems": [problem_json(p) for p in self.problems]}


StartResponse = Callable[..., Any]


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class MachineNames:
    """The names a request to a preview listening beyond this machine (`--host 0.0.0.0`, to read it on a phone)
    may give as its Host: an address (typed, or a link's), this machine's own names, and the loopback ones. No
    other name: a web page whose own name is made to point here (DNS rebinding) sends that name, and the check
    was off for every --host but the loopback ones (review 75)."""

    def __init__(self, host: str) -> None:
        import socket

        names = {host, socket.gethostname(), socket.getfqdn(), socket.gethostname() + ".local"}
        self.names = frozenset(n.lower() for n in names if n) | LOOPBACK

    def __contains__(self, name: object) -> bool:
        import ipaddress

        if not isinstance(name, str) or not name:
            return False
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return name in self.names


def host_name(host: str) -> str:
    """The name in a Host header or an Origin's authority, without its port or brackets, in lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def make_app(out: Path, status: Status, clients: Callable[[], int] = lambda: 0, hosts: Container[str] | None = None
             ) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """The WSGI app serving `out` (see the module docstring). `hosts`: the names a request's Host header may
    give (the loopback names when the preview listens on this machine only), so that a web page whose own name
    is made to point here (DNS rebinding) cannot read the unpublished dossier or its problems; None: any."""
    out = out.resolve()

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            if hosts is not None and host_name(environ.get("HTTP_HOST", "")) not in hosts:
                code, headers, body = "421 Misdirected Request", [("Content-Type", "text/plain; charset=utf-8")], \
                    b"the preview answers on this machine only: open it at 127.0.0.1 or localhost\n"
            else:
                code, headers, body = respond(environ, out, status, clients)
        except Exception:  # never let one request take the preview down; say what happened, in the terminal
            traceback.print_exc()  # (not in the page: the source's paths and lines are no page's business)
            code, headers, body = "500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8")], \
                b"preview server error: see the terminal that runs the preview\n"
        if environ.get("REQUEST_METHOD") == "HEAD":
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + \
                [("Content-Length", str(len(body)))]
            body = b""
        start_response(code, headers)
        return [body]

    return app


Response = tuple[str, list[tuple[str, str]], bytes]


def respond(environ: dict[str, Any], out: Path, status: Status, clients: Callable[[], int]) -> Response:
    method = environ.get("REQUEST_METHOD", "GET")
    if method not in ("GET", "HEAD"):
        return "405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Type", "text/plain")], b"GET only\n"
    # WSGI gives the path as latin-1 characters of the raw bytes; the site's paths are UTF-8.
    path = environ.get("PATH_INFO", "/").encode("latin-1", "replace").decode("utf-8", "replace") or "/"
    if path.startswith(PREFIX):
        return _own(path[len(PREFIX):], status, clients, environ.get("QUERY_STRING", ""))
    state = status.read()
    mount = unquote(state["mount"])  # (a base_url may be written percent-encoded: the path here is decoded)
    if not path.startswith(mount):
        if path in ("/", mount.rstrip("/")):
            return "302 Found", [("Location", state["mount"]), ("Cache-Control", "no-store")], b""
        return _not_found(out, state)
    rel = path[len(mount):]
    parts = [p for p in rel.split("/") if p]
    # (no part begins with a dot: the build writes none but its own record, .dossier-output, review 61)
    if any(p.startswith(".") or "\\" in p or "\0" in p for p in parts):
        return _not_found(out, state)
    target = out.joinpath(*parts) if parts else out
    try:
        if target.is_dir():
            if rel and not rel.endswith("/"):
                query = environ.get("QUERY_STRING", "")
                # (one leading slash: "//articles" gave "//articles/", an address on the host "articles")
                return "302 Found", [("Location", "/" + quote(path).lstrip("/") + "/" + (f"?{query}" if query else "")),
                                     ("Cache-Control", "no-store")], b""
            target = target / "index.html"
        if not target.is_file() or not target.resolve().is_relative_to(out):
            return _no_index(state["search"]) if state["search"] and rel.startswith(SEARCH) else _not_found(out, state)
    except OSError:  # (a name too long for the file system, review 59: a 500 with a traceback; no such page)
        return _not_found(out, state)
    if target.suffix == ".html":
        status.visit(target.relative_to(out).as_posix())
    return _file(environ, target, state)


def _own(name: str, status: Status, clients: Callable[[], int], query: str = "") -> Response:
    if name == "changed.json":
        return "200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")], \
            json.dumps(_changed(status, parse_qs(query))).encode("utf-8")
    if name == "status.json":
        data = status.read()
        data["clients"] = clients()
        return "200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")], \
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    if name == "overlay.js":
        return "200 OK", [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-cache")], \
            OVERLAY_JS.read_bytes()
    return "404 Not Found", [("Content-Type", "text/plain; charset=utf-8")], b"not a preview resource\n"


def _changed(status: Status, query: dict[str, list[str]]) -> dict[str, Any]:
    """changed.json: {"reload": whether the page asked about is out of date, "published": the last build}. The
    page is its address (`page`, as location.pathname gives it), read at build `since` of the preview's `run`
    (another run's page is out of date: its build numbers are not this run's)."""
    since = query.get("since", [""])[0]
    address = unquote(query.get("page", [""])[0])
    state = status.read()
    mount, run = unquote(state["mount"]), query.get("run", [state["run"]])[0]
    if not (since.isascii() and since.isdigit()) or run != state["run"] or not address.startswith(mount):
        return {"reload": True, "published": status.published}
    page = address[len(mount):]
    if not page or page.endswith("/"):
        page += "index.html"
    return {"reload": status.stale(int(since), page), "published": status.published}


def _content_type(path: Path) -> str:
    kind = TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")):
        kind += "; charset=utf-8"
    return kind


def inject(html: bytes, state: Mapping[str, Any]) -> bytes:
    """Add the overlay script before the first </head> (pages without one are left alone), with the build and
    the run of the preview the page is read at (`state`: Status.read())."""
    tag = (f'<script src="{PREFIX}overlay.js" data-published="{state["published"]}" data-run="{state["run"]}" '
           f'defer></script>').encode()
    # (the published pages' policy lets them connect only to their own site; livereload's websocket is the
    # preview's, allowed here: a published page allowed websockets to any host, review 75)
    return html.replace(HEAD_END, tag + HEAD_END, 1).replace(CONNECT, CONNECT_PREVIEW, 1)


def _file(environ: dict[str, Any], target: Path, state: dict[str, Any]) -> Response:
    kind = _content_type(target)
    data = target.read_bytes()
    if kind.startswith("text/html"):
        # Pages carry the build number they were read at, so the overlay can tell a stale page; never cached.
        return "200 OK", [("Content-Type", kind), ("Cache-Control", "no-store")], inject(data, state)
    info = target.stat()
    etag = f'"{info.st_mtime_ns:x}-{info.st_size:x}"'
    headers = [("Content-Type", kind), ("Cache-Control", "no-cache"), ("ETag", etag)]
    if environ.get("HTTP_IF_NONE_MATCH") == etag:
        return "304 Not Modified", headers, b""
    return "200 OK", headers, data


def _no_index(why: str) -> Response:
    """A file of the search index the preview does not have, marked with why (X-Dossier-Search), so that the search
    page (static/search.js) says it instead of what an unmarked 404 means, a site published without its index:
    "pending", before the preview has made its first index, is "503, try again", which the page waits on (the mark
    tells it from another server's 503, which promises nothing); "failed" (Pagefind could not make it: the terminal
    says why) and "off" (--no-search, and no index an earlier build left) are a 404."""
    if why == "pending":
        return ("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                            ("Cache-Control", "no-store"), ("Retry-After", "2"),
                                            ("X-Dossier-Search", why)], b"the search index is being made\n")
    return ("404 Not Found", [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
                              ("X-Dossier-Search", why)],
            b"the search index could not be made: the terminal says why\n" if why == "failed" else
            b"the preview runs without search (--no-search)\n")


def _not_found(out: Path, state: dict[str, Any]) -> Response:
    page = out / "404.html"
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
    if state["has_site"] and page.is_file():
        return "404 Not Found", headers, inject(page.read_bytes(), state)
    if not state["has_site"]:
        message = ("The first build is running…" if state["state"] == "starting" else
                   "The first build failed: the problems are listed over this page and in the terminal.")
        return "503 Service Unavailable", headers, inject(PLACEHOLDER.format(message=message).encode(), state)
    return "404 Not Found", headers, inject(PLACEHOLDER.replace("No site yet", "Not found").format(
        message="There is no page at this address in the last good build.").encode(), state)
