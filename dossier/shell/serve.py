"""`python build.py --serve`: the live preview for editors.

The main thread runs livereload's server (tornado) with serve_app's WSGI app until Ctrl-C; the watch → build →
publish loop runs beside it in serve_preview.Preview, and reloads open pages through livereload's websocket.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from typing import Any, Container, Mapping
from urllib.parse import urlsplit

from . import fs, outdir
from .terminal import say
from ..core.pipeline import Options
from .serve_app import LOOPBACK, MachineNames, host_name, make_app
from .serve_files import watch_roots
from .serve_preview import Preview


SWITCH_SECONDS = 0.002   # how long a thread waiting for the interpreter waits before it is handed over


def _Server(base: Any) -> Any:
    """livereload's Server, serving the app's responses as they are. Its own container (LiveScriptContainer) put
    its loader script before every `</head>` of every response, JSON, Markdown and scripts included (an
    annotation quoting "</head>" broke article.json), and made a HEAD response's length 0; the app adds its own
    script to HTML pages only (serve_app.inject: the overlay, which loads livereload.js)."""
    from tornado import web
    from tornado.wsgi import WSGIContainer

    class Server(base):  # type: ignore[misc, valid-type]
        def get_web_handlers(self, script: bytes) -> list[Any]:
            return [(r".*", web.FallbackHandler, {"fallback": WSGIContainer(self.app)})]

    return Server


def _guard_livereload(hosts: Container[str] | None) -> None:
    """livereload's own handlers (its websocket, livereload.js, /forcereload) answered any Host and any page's
    Origin: with `hosts`, they answer requests addressed to this machine, from its pages, only (a page of another
    site whose name is made to point here, DNS rebinding, sends its own name as Host and as Origin). The websocket
    takes only the preview's own pages, and /forcereload those or a tool without a page (`_asked_here`: an <img>
    on any page the editor visited, addressed to 127.0.0.1, reloaded every open preview tab)."""
    from livereload.handlers import ForceReloadHandler, LiveReloadHandler, LiveReloadJSHandler
    from tornado import web

    def prepare(handler: Any) -> None:
        if hosts is not None and host_name(handler.request.host) not in hosts:
            raise web.HTTPError(421)

    def prepare_force(handler: Any) -> None:
        prepare(handler)
        request = handler.request
        names = (host_name(request.host),) if hosts is None else hosts
        if not _asked_here(request.headers, request.host, names):
            raise web.HTTPError(403)

    for handler in (LiveReloadHandler, LiveReloadJSHandler):
        handler.prepare = prepare
    ForceReloadHandler.prepare = prepare_force
    LiveReloadHandler.check_origin = lambda self, origin: hosts is None or _own_page(origin, self.request.host, hosts)


def _asked_here(headers: Mapping[str, str], host: str, hosts: Container[str]) -> bool:
    """Whether a request to livereload's /forcereload (a GET that reloads every open page) comes from a page of
    this preview (`_own_page`) or from no page at all: a tool on this machine (`curl`, a script beside the
    preview: what livereload added it for), which sends none of the headers below. Any web page could make one
    (an <img>, a fetch; the Host is this machine's), and a browser names the page that asked: Sec-Fetch-Site
    (cross-site, or same-site: a page of this machine on another port), Origin, Referer (a browser without
    Sec-Fetch-*). A request that names another page, or an opaque one ("null"), is refused."""
    site = headers.get("Sec-Fetch-Site")
    if site is not None and site.strip().lower() not in ("same-origin", "none"):  # (none: typed, a bookmark)
        return False
    for name in ("Origin", "Referer"):
        value = headers.get(name)
        if value and not _own_page(value, host, hosts):
            return False
    return True


def _own_page(origin: str, host: str, hosts: Container[str]) -> bool:
    """Whether a websocket's Origin (or a Referer) is a page of this preview: the very address it was asked at
    (scheme http, same name and port), a name of `hosts` (review 75: any page of this machine, another port's
    too, could connect)."""
    parts = urlsplit(origin)
    return parts.scheme == "http" and parts.netloc.lower() == host.lower() and host_name(host) in hosts


def serve(root: Path, out: Path, options: Options, host: str = "127.0.0.1", port: int = 8000,
          search: bool = True) -> int:
    """Run the live preview until Ctrl-C. Returns the exit status (0 after Ctrl-C, 2 when it cannot start).
    `search`: also keep the Pagefind search index up to date (in the background, when saves pause)."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    try:
        _check_output(root, out)
    except fs.OutputError as exc:
        say(f"build.py: error: {exc}", file=sys.stderr)
        return 2
    loop = IOLoop.current()
    preview = Preview(root, out, options, search=search,
                      reload=lambda path: loop.add_callback(LiveReloadHandler.reload_waiters, path))
    hosts = LOOPBACK if host in LOOPBACK else MachineNames(host)  # (names another site's page could not give)
    server = _Server(Server)(app=make_app(out, preview.status, clients=lambda: len(LiveReloadHandler.waiters),
                                          hosts=hosts))
    _guard_livereload(hosts)
    # Requests are not logged (tornado would print every 404 to stderr); the terminal is for build results.
    logging.getLogger("tornado.access").addHandler(logging.NullHandler())
    logging.getLogger("tornado.access").propagate = False
    try:
        # debug=False: tornado's debug mode would restart the process whenever a Python file changes.
        server.application(port, host, liveport=None, debug=False, live_css=True)
    except OSError as exc:
        say(f"build.py: error: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    _stop_on_signals(loop)
    _announce(root, out, host, port, preview.locate())
    # The server's thread answers the browser while the builder's holds the interpreter: each time it wants it
    # back (after every socket call) it waited up to the 5 ms switch interval, and a reload after a site.yaml
    # edit, during the 6 s rebuild of every page at 1,000 articles, took 3.4 s (0.36 s at 2 ms; the build's
    # own time did not move). The watcher's scans beside each build had been handing the interpreter over
    # more often; they no longer run then (poller.py).
    sys.setswitchinterval(SWITCH_SECONDS)
    preview.start()
    try:
        loop.start()
    except KeyboardInterrupt:  # a second Ctrl-C while stopping
        pass
    finally:
        preview.stop()
        loop.close(all_fds=True)
    say("preview stopped", flush=True)
    return 0


def _check_output(root: Path, out: Path) -> None:
    """Raise fs.OutputError when the preview may not write into `out`."""
    try:
        resolved: Path | None = out.resolve()
    except (OSError, RuntimeError):  # (a loop of links: check_output_dir says so)
        resolved = None
    watched = [base / sub for base in watch_roots(root) for sub in ("templates", "static")]
    for folder in watched:  # writing there would trigger a rebuild, which writes there, ... (said before the
        if resolved is not None and resolved.is_relative_to(folder):  # build's refusal, less exact here)
            raise fs.OutputError(f"refusing to write the preview into {out}: {outdir.within(resolved, folder)}, "
                                 f"which the preview watches; choose another --out")
    outdir.check_output_dir(root, out)


def _stop_on_signals(loop: Any) -> None:
    """The first Ctrl-C or SIGTERM stops the tornado loop; a second one gets Python's default, in case shutting
    down hangs."""
    aloop = loop.asyncio_loop
    stop_signals = (signal.SIGINT, signal.SIGTERM)

    def on_signal() -> None:
        # Run by asyncio inside the loop (it wakes the loop through its wakeup fd).
        for s in stop_signals:
            aloop.remove_signal_handler(s)
        say("stopping...", flush=True)
        loop.stop()

    for s in stop_signals:
        aloop.add_signal_handler(s, on_signal)


def _announce(root: Path, out: Path, host: str, port: int, path: str) -> None:
    shown_host = f"[{host}]" if ":" in host else host
    say(f"Serving the preview of {root.resolve()} at http://{shown_host}:{port}{path}"
        f"  (Ctrl-C to stop)\nwatching site.yaml, seeds/, content/, templates/, static/; writing {out}",
        flush=True)
    if not _loopback(host):
        say(f"note: --host {host} makes the preview reachable from other machines", flush=True)


def _loopback(host: str) -> bool:
    """Whether `host` is an address of this machine only (127.0.0.2 too: review 75's note said otherwise)."""
    import ipaddress

    try:
        return host in LOOPBACK or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
