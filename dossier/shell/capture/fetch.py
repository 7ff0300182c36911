"""Fetching a web page over HTTP(S): redirects followed and recorded, a timeout, a size limit, one-line errors.

stdlib urllib: no new dependency for something this small, and its TLS verification is the system's.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import field
from email.message import Message
from typing import Any

from ... import __version__
from ...core.common.records import frozen

USER_AGENT = (f"dossier/{__version__} (annotated news dossier builder; `build.py --add` "
              "fetches one page per article an editor adds)")
TIMEOUT = 20.0
MAX_BYTES = 10 * 1024 * 1024
# The page whole within this many seconds: `timeout` bounds each read only, and a server that sent two bytes
# every two seconds held `--add` for as long as it liked (review 61)
WHOLE_WITHIN = 60.0
HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(Exception):
    """A page that could not be captured; the message is one line in an editor's words."""


@frozen
class Fetched:
    """A page as received. Invariant: `body` is the complete response body, at most the size limit;
    `redirects` lists each (status, location) hop in order; `final_url` is where the body came from."""

    url: str
    final_url: str
    status: int
    content_type: str
    headers: dict[str, str]
    body: bytes
    redirects: tuple[tuple[int, str], ...] = field(default=())


class _Recorder(urllib.request.HTTPRedirectHandler):
    max_redirections = 10

    def __init__(self) -> None:
        self.hops: list[tuple[int, str]] = []

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Message, newurl: str) -> Any:
        if not newurl.startswith(("http://", "https://")):
            raise FetchError(f"the server redirected to {newurl[:80]}, which is not a web address")
        self.hops.append((code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _reason(exc: urllib.error.URLError, host: str) -> str:
    reason = exc.reason
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {host} (the name does not resolve; check the address or the network)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the secure connection to {host} failed: its certificate is not valid ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection to {host} failed (TLS error: {reason.reason or 'handshake'})"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"{host} did not answer within {TIMEOUT:.0f} seconds"
    return f"cannot reach {host}: {getattr(reason, 'strerror', None) or reason}"


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, whole_within: float = WHOLE_WITHIN
          ) -> Fetched:
    """GET `url` and return the page, or raise FetchError (status not 200, not HTML, larger than `max_bytes`,
    DNS, TLS, refused, timeout: `timeout` for each read, `whole_within` seconds for the whole page). The page is
    fetched in a thread of its own, given up at the deadline: inside one read, Python's HTTP client takes a
    header, a chunk's size line or a trailer a byte at a time for as long as they come (review 66)."""
    got: dict[str, Any] = {}

    def run() -> None:
        try:
            got["page"] = _fetch(url, timeout, max_bytes, whole_within)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            got["error"] = exc

    worker = threading.Thread(target=run, name="dossier-fetch", daemon=True)
    worker.start()
    worker.join(whole_within + 1)
    if worker.is_alive():  # (left to end with its connection; a daemon thread keeps no process alive)
        raise _too_slow(urllib.parse.urlsplit(url).hostname or url, whole_within)
    if "error" in got:
        raise got["error"]
    return got["page"]


def _fetch(url: str, timeout: float, max_bytes: int, whole_within: float) -> Fetched:
    deadline = time.monotonic() + whole_within
    host = urllib.parse.urlsplit(url).hostname or url
    recorder = _Recorder()
    opener = urllib.request.build_opener(recorder)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            ctype = response.headers.get("Content-Type", "")
            if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                raise FetchError(f"not a web page: {response.geturl()} is {ctype.split(';')[0] or 'of no stated type'}"
                                 ", not HTML")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large: {int(length):,} bytes, over the {max_bytes:,}-byte limit")
            body = _body(response, host, max_bytes, deadline, whole_within)
            return Fetched(url, response.geturl(), response.status, ctype, dict(response.headers.items()),
                           body, tuple(recorder.hops))
    except urllib.error.HTTPError as exc:
        where = f" (after a redirect to {exc.url})" if recorder.hops else ""
        if 300 <= exc.code < 400:
            raise FetchError(f"too many redirects from {url}") from None
        raise FetchError(f"the server answered {exc.code} {exc.reason}{where}") from None
    except urllib.error.URLError as exc:
        raise FetchError(_reason(exc, host)) from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"{host} did not answer within {timeout:.0f} seconds") from None
    except (ConnectionError, OSError) as exc:  # reset mid-body, etc.
        raise FetchError(f"the connection to {host} failed: {exc.strerror or type(exc).__name__}") from None


def _body(response: Any, host: str, max_bytes: int, deadline: float, whole_within: float) -> bytes:
    """The response's body, read a piece at a time; FetchError when it is over `max_bytes` or not whole by
    `deadline` (time.monotonic)."""
    pieces, size = [], 0
    while True:
        if time.monotonic() > deadline:  # (the worker thread stops reading at the deadline too)
            raise _too_slow(host, whole_within)
        piece = response.read1(1 << 16)
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        size += len(piece)
        if size > max_bytes:
            raise FetchError(f"too large: over the {max_bytes:,}-byte limit")


def _too_slow(host: str, whole_within: float) -> FetchError:
    return FetchError(f"{host} sent the page too slowly: not whole after {whole_within:g} seconds")
