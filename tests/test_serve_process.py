"""`python build.py --serve` as editors run it: a real server process, real HTTP, livereload's real websocket,
Ctrl-C. (The browser side is in test_browser_preview.py.)"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import ROOT
from test_serve import ARTICLE, FILES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PreviewServer:
    """`build.py --serve --root ROOT --port FREE` in a subprocess, its output in a log file."""

    def __init__(self, root: Path, *args: str, port: int | None = None) -> None:
        self.root, self.port = root, port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = root.parent / f"serve-{self.port}.log"
        self.log_file = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--serve", "--root", str(root),
                                      "--port", str(self.port), *args],
                                     stdout=self.log_file, stderr=subprocess.STDOUT, cwd=ROOT)

    @property
    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace")

    def get(self, path: str = "") -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def status(self) -> dict[str, Any]:
        return json.loads(self.get("__dossier/status.json")[1])

    def wait(self, condition: Callable[[dict[str, Any]], bool], timeout: float = 60.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        last: Any = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited with {self.proc.returncode}:\n{self.log}")
            try:
                last = self.status()
                if condition(last):
                    return last
            except (OSError, ValueError):
                pass
            time.sleep(0.05)
        raise AssertionError(f"timed out; last status {last}\n{self.log}")

    def ready(self) -> dict[str, Any]:
        return self.wait(lambda s: s["published"] >= 1 and not s["building"])

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()
        return self.proc.returncode


@pytest.fixture
def root(mini_dossier) -> Path:
    return mini_dossier(FILES)


@pytest.fixture
def server(root):
    s = PreviewServer(root)
    yield s
    s.stop()


def test_the_server_serves_the_site_on_localhost_and_ctrl_c_stops_it_cleanly(server, root):
    server.ready()
    assert f"http://127.0.0.1:{server.port}/" in server.log
    code, body = server.get("articles/a/")
    assert code == 200 and b"First note." in body
    assert b"/__dossier/overlay.js" in body   # our script, which loads livereload.js (serve.py)
    assert not (root / "_site" / "__dossier").exists()
    started = time.monotonic()
    server.proc.send_signal(signal.SIGINT)
    assert server.proc.wait(timeout=10) == 0
    assert time.monotonic() - started < 5
    assert "preview stopped" in server.log and "Traceback" not in server.log


def test_only_html_pages_get_a_script_and_head_requests_keep_their_length(mini_dossier):
    """livereload's container put its loader before every "</head>" of every response: an annotation quoting
    "</head>" made the served article.json invalid JSON. Served files other than pages are the built bytes."""
    # (in code: HTML elsewhere in a note is written "&lt;" in the exports, markdown.note_as_data)
    article = ARTICLE.replace("note: First note.", 'note: "First note, about a `</head>` tag."')
    root = mini_dossier({**FILES, "content/articles/a.yaml": article})
    server = PreviewServer(root)
    try:
        server.ready()
        for path in ("articles/a/article.json", "articles/a/annotations.jsonld", "articles/a.md", "dossier.json"):
            code, body = server.get(path)
            assert code == 200 and body == (root / "_site" / path).read_bytes(), path
        assert "`</head>` tag" in json.loads(server.get("articles/a/article.json")[1])["annotations"][0]["note"]
        code, page = server.get("articles/a/")
        assert page.count(b"/__dossier/overlay.js") == 1 and b"livereload.js" not in page
        # (livereload's websocket is the preview's: allowed in what it serves, not in the page it wrote)
        assert b"connect-src 'self' ws: wss:;" in page
        assert b"connect-src 'self';" in (root / "_site" / "articles" / "a" / "index.html").read_bytes()
        request = urllib.request.Request(server.url + "static/dossier.css", method="HEAD")
        with urllib.request.urlopen(request, timeout=10) as r:
            assert int(r.headers["Content-Length"]) == len(server.get("static/dossier.css")[1]) > 0
    finally:
        assert server.stop() == 0


def test_a_failed_first_build_still_starts_the_server_and_shows_the_problems(mini_dossier):
    root = mini_dossier(dict(FILES, **{"site.yaml": "title: [unclosed\n"}))
    server = PreviewServer(root)
    try:
        state = server.wait(lambda s: s["state"] == "failed")
        assert state["problems"][0]["where"].startswith("site.yaml:")
        code, body = server.get("articles/a/")
        assert code == 503 and b"No site yet" in body and b"/__dossier/overlay.js" in body
        assert "site.yaml:" in server.log                      # the terminal shows the same problems
        (root / "site.yaml").write_text("title: Mini dossier\n", "utf-8")
        server.wait(lambda s: s["state"] == "ok")
        assert b"First note." in server.get("articles/a/")[1]
    finally:
        assert server.stop() == 0


def test_twenty_bad_saves_in_a_row_and_the_server_still_answers(server, root):
    server.ready()
    path = root / "content/articles/a.yaml"
    for i in range(20):
        path.write_text(ARTICLE.replace("quote: the plan", f"quote: [the plan {i}"), "utf-8")
        time.sleep(0.05)
        assert server.get("__dossier/status.json")[0] == 200
    state = server.wait(lambda s: s["state"] == "failed" and not s["building"])
    assert any(p["where"].startswith("content/articles/a.yaml:") for p in state["problems"])
    assert b"First note." in server.get("articles/a/")[1]                 # the last good site
    path.write_text(ARTICLE.replace("First note.", "Back again."), "utf-8")
    server.wait(lambda s: s["state"] == "ok")
    assert b"Back again." in server.get("articles/a/")[1]


def test_open_pages_get_livereloads_reload_message_after_a_save(server, root):
    from tornado.websocket import websocket_connect

    server.ready()

    async def listen() -> dict[str, Any]:
        ws = await websocket_connect(f"ws://127.0.0.1:{server.port}/livereload")
        await ws.write_message(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}))
        assert json.loads(await ws.read_message())["command"] == "hello"
        await ws.write_message(json.dumps({"command": "info", "url": server.url, "plugins": {}}))
        await asyncio.sleep(0.2)
        assert server.status()["clients"] == 1
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Reloaded."), "utf-8")
        message = json.loads(await asyncio.wait_for(ws.read_message(), timeout=60))
        ws.close()
        return message

    # In its own thread: a session's Playwright keeps an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        message = pool.submit(asyncio.run, listen()).result(timeout=120)
    assert message["command"] == "reload"
    assert b"Reloaded." in server.get("articles/a/")[1]


def test_livereloads_websocket_refuses_other_sites_pages(server, root):
    """Any web page could open the preview's websocket and learn which pages change; only the preview's own pages
    (an Origin on this machine) may, when it listens on this machine only."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    server.ready()
    url = f"ws://127.0.0.1:{server.port}/livereload"

    async def connect(origin: str, host: str | None = None) -> str:
        headers = {"Origin": origin, **({"Host": host} if host else {})}
        try:
            ws = await websocket_connect(HTTPRequest(url, headers=headers))
        except HTTPClientError as exc:
            return str(exc.code)
        ws.close()
        return "open"

    rebound = f"attacker.example:{server.port}"   # DNS rebinding: the page's own name as Host and as Origin
    local = f"localhost:{server.port}"
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        answers = [pool.submit(asyncio.run, connect(*args)).result(timeout=60)
                   for args in ((server.url.rstrip("/"),), (f"http://{local}", local),
                                ("http://attacker.example",), (f"http://{rebound}", rebound),
                                # (review 75: a page of this machine on another port, or at another name)
                                ("http://localhost:9999",), (f"http://[::1]:{server.port}",))]
    assert answers == ["open", "open", "403", "421", "403", "403"]
    for path in ("forcereload", "livereload.js"):   # livereload's other handlers: the same rule as the app's
        request = urllib.request.Request(server.url + path, headers={"Host": rebound})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 421, path


def test_livereloads_forcereload_answers_a_local_tool_and_the_previews_pages_but_not_other_sites(server, root):
    """GET /forcereload reloads every open page: any web page the editor visited could ask it (an <img> whose
    address is 127.0.0.1, its Host then the preview's own). A browser names the page that asks (Sec-Fetch-Site,
    Origin, Referer); a tool on this machine (curl, a script beside the preview: what livereload has it for)
    names none, and is still answered."""
    from tornado.websocket import websocket_connect

    server.ready()
    own, port = server.url.rstrip("/"), server.port
    refused = [{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Referer": "http://attacker.example/"},
               {"Sec-Fetch-Site": "cross-site"},                   # (an <img referrerpolicy="no-referrer">)
               {"Sec-Fetch-Site": "same-site"},                    # (a page of this machine on another port)
               {"Origin": "http://attacker.example"},              # (a fetch, no-cors)
               {"Referer": "http://attacker.example/page.html"},   # (a browser without Sec-Fetch-*)
               {"Referer": f"http://localhost:{port + 1}/"}, {"Origin": "null"}]
    answered = [{}, {"Sec-Fetch-Site": "same-origin", "Origin": own, "Referer": f"{own}/articles/a/"},
                {"Sec-Fetch-Site": "none"}]                        # (typed into the address bar)

    def force(headers: dict[str, str], path: str) -> int:
        request = urllib.request.Request(f"{server.url}forcereload?path={path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status
        except urllib.error.HTTPError as exc:
            return exc.code

    async def listen() -> tuple[list[int], list[int], list[str]]:
        ws = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        await ws.write_message(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}))
        assert json.loads(await ws.read_message())["command"] == "hello"
        await ws.write_message(json.dumps({"command": "info", "url": server.url, "plugins": {}}))
        deadline = time.monotonic() + 30
        while server.status()["clients"] != 1:
            assert time.monotonic() < deadline, "the page never registered for reloads"
            await asyncio.sleep(0.05)
        refusals = [force(headers, f"/refused-{n}") for n, headers in enumerate(refused)]
        answers = [force(headers, f"/answered-{n}") for n, headers in enumerate(answered)]
        paths = [json.loads(await asyncio.wait_for(ws.read_message(), timeout=30))["path"] for _ in answered]
        ws.close()
        return refusals, answers, paths

    with concurrent.futures.ThreadPoolExecutor(1) as pool:   # (its own event loop, as above)
        refusals, answers, paths = pool.submit(asyncio.run, listen()).result(timeout=120)
    assert refusals == [403] * len(refused)
    assert answers == [200] * len(answered)
    assert paths == [f"/answered-{n}" for n in range(len(answered))]   # no reload came of a refused one

def test_a_preview_without_search_serves_the_index_a_build_left_and_leaves_it(root):
    """`build.py`, then `build.py --serve --no-search`: the preview removed the index the build had left at its
    first publish (a file it did not make), and the search page was dead until the next full build."""
    pytest.importorskip("pagefind")
    from conftest import run_build

    assert run_build(root).returncode == 0
    site = root / "_site"

    def index() -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}

    before = index()
    assert "pagefind/pagefind.js" in before
    server = PreviewServer(root, "--no-search")
    try:
        server.ready()
        assert server.get("pagefind/pagefind.js") == (200, before["pagefind/pagefind.js"])
        (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", "Edited."), "utf-8")
        server.wait(lambda s: s["published"] >= 2 and not s["building"])
        assert b"Edited." in server.get("articles/a/")[1]
        assert server.get("pagefind/pagefind.js") == (200, before["pagefind/pagefind.js"])
    finally:
        assert server.stop() == 0
    assert index() == before   # (made again by the next build without --no-search)
    assert "search index" not in server.log

def test_a_busy_port_is_an_error_not_a_traceback(root):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--serve", "--root", str(root),
                                 "--port", str(port)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("out,named", [("static/site", "it is inside {}/static"), ("static", "it is {}/static")])
def test_an_output_folder_inside_a_watched_folder_is_refused_naming_that_folder(root, out, named):
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--serve", "--root", str(root),
                             "--out", str(root / out), "--port", str(free_port())],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert f"{named.format(root.resolve())}, which the preview watches" in result.stderr


def test_a_preview_on_another_loopback_address_answers_there_and_is_not_said_to_be_open_to_others(root):
    """Review 75: `--host 127.0.0.2` (this machine only) was told to be "reachable from other machines"."""
    port = free_port()
    server = PreviewServer(root, "--host", "127.0.0.2", port=port)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.2:{port}/__dossier/status.json", timeout=5) as r:
                    if json.loads(r.read())["state"] == "ok":
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert time.monotonic() < deadline, server.log
            time.sleep(0.1)
        assert "Serving the preview" in server.log and "reachable from other machines" not in server.log
    finally:
        assert server.stop() == 0
