"""Full-text search with Pagefind (the real binary from the `pagefind[bin]` package), built in memory.

Shell side: it runs Pagefind's indexing service (`pagefind --service`, the backend of its official Python API),
feeds it the rendered pages in sorted order and returns the bundle's files, which the build writes with
everything else, so the index lives under the output folder and changes together with the pages.

We speak the service's protocol directly rather than through `pagefind.index.PagefindIndex`: that client
polls for each reply every 100 ms (9 s for 90 pages) and, used concurrently, indexes pages in arrival order,
which makes the bundle differ between identical builds.

Speed and determinism. The service reads requests on one thread and handles them strictly one after another,
in the order they arrive on its stdin (Pagefind 1.5, `service/mod.rs`), and a page's number in the index is
its place in that order. So the requests are pipelined: one writer (this thread) sends the pages in sorted
order without waiting for each reply, a reader thread collects the replies, and the index is the same as with
one request at a time (the tests compare both). What is sent but not yet answered is bounded (`WINDOW_BYTES`),
because the service queues whatever it has read without limit. Pages that Pagefind would drop anyway (it
indexes only pages with `data-pagefind-body` once any page has one) are not sent at all, and each page is
streamed into its request in pieces, so a very large page (the passages page) is never copied whole.

What remains is Pagefind's own parsing and indexing, single-threaded in the service and linear in the HTML
it is given: about 0.4 s of CPU per MB here. The pages are sent as they are: stripping markup Pagefind ignores
would save little (under 15% in trials) for the risk of changing what it indexes. What it would skip whole
(`data-pagefind-ignore="all"` elements: an entity page's mentions in context) is not sent
(search_ignored.py): the bundle is the same, made with about a tenth less CPU at 1,000 articles.
"""

from __future__ import annotations

import base64
import codecs
import json
import os
import subprocess
import threading
from typing import Any, Callable, Iterable, Iterator, Mapping

from . import search_parts as parts
from .fs import output_digest
from .search_ignored import CONFIG, SentDigests, indexed_paths

BUNDLE = parts.BUNDLE
WINDOW_BYTES = 8 << 20    # encoded requests sent but not yet answered (the service's input queue is unbounded)
READ_SIZE = 1 << 20
PIECE = 3 << 18           # bytes of a page escaped and base64-encoded at a time
SERVICES = max(1, min(4, os.cpu_count() or 1))  # Pagefind services run at once (each is single-threaded)
# How often a `stop` is asked while Pagefind works: the live preview's save waits up to this long for the cores
# the index takes (at 0.1 s, the first save after a large site's start often came 0.2 s late)
STOP_SECONDS = 0.02


class SearchError(Exception):
    """Pagefind could not be run or refused a request."""


class SearchCancelled(Exception):
    """The caller's `stop` said to give up (the live preview: a newer save makes this index stale)."""


def page_url(path: str, base: str) -> str:
    """The URL Pagefind records for an output path: `a/index.html` → `<base>a/`."""
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path)


def _request(message_id: int, payload: dict[str, Any], contents: bytes | None = None) -> Iterator[bytes]:
    """The request as the service reads it (base64 of its JSON, then a comma), in pieces of about PIECE bytes.

    `contents` (UTF-8 bytes) becomes the payload's "file_contents", escaped and encoded a piece at a time, so a
    large page never exists as a whole JSON string or base64 text next to its bytes."""
    head = json.dumps({"message_id": message_id, "payload": payload})
    if contents is None:
        yield base64.b64encode(head.encode("ascii")) + b","
        return
    assert head.endswith("}}")
    pending = bytearray(head[:-2].encode("ascii") + b', "file_contents": "')
    decoder, view = codecs.getincrementaldecoder("utf-8")(), memoryview(contents)
    for start in range(0, len(contents), PIECE):
        text = decoder.decode(view[start:start + PIECE])
        pending += json.dumps(text)[1:-1].encode("ascii")  # ASCII: json.dumps escapes everything else
        cut = len(pending) - len(pending) % 3
        yield base64.b64encode(pending[:cut])
        del pending[:cut]
    decoder.decode(b"", final=True)  # raises on a page that is not UTF-8
    pending += b'"}}'
    yield base64.b64encode(pending) + b","


class _Service:
    """One `pagefind --service` process: requests are written without waiting; a thread reads the replies."""

    def __init__(self, window: int = WINDOW_BYTES, stop: Callable[[], bool] | None = None) -> None:
        from .search_binary import executable

        binary = executable()
        if binary is None:
            raise SearchError("the Pagefind binary is missing (pip install 'pagefind[bin]')")
        try:
            self.proc = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise SearchError(f"Pagefind could not be started: {exc}") from exc
        self.window, self.stop = window, stop
        self.next_id = 0
        self.cond = threading.Condition()
        self.in_flight: dict[int, tuple[int, str]] = {}   # message id → (bytes counted in the window, what for)
        self.in_flight_bytes = 0
        self.kept: dict[int, dict[str, Any]] = {}        # replies asked for (the others are only checked)
        self.keep: set[int] = set()
        self.error: str | None = None
        self.ended = False  # the reader saw the end of Pagefind's output
        self.reader = threading.Thread(target=self._read, name="pagefind-replies", daemon=True)
        self.reader.start()

    # writer side (the calling thread)

    def send(self, payload: dict[str, Any], what: str, contents: bytes | None = None, keep: bool = False) -> int:
        """Write one request; blocks only while the window of unanswered requests is full."""
        self.next_id += 1
        message_id = self.next_id
        size = 256 + (len(contents) * 2 if contents is not None else 0)  # about its base64 size, at most
        with self.cond:
            while self.error is None and not self.ended and self.in_flight and \
                    self.in_flight_bytes + size > self.window:
                self._wait()
            self._check(ended=True)
            self.in_flight[message_id] = (size, what)
            self.in_flight_bytes += size
            if keep:
                self.keep.add(message_id)
        assert self.proc.stdin
        try:
            for piece in _request(message_id, payload, contents):
                self.proc.stdin.write(piece)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                raise SearchError(f"{what} is not UTF-8: {exc}") from exc
            with self.cond:
                self._check()
            raise SearchError(f"Pagefind stopped unexpectedly ({exc})") from exc
        return message_id

    def reply(self, message_id: int) -> dict[str, Any]:
        """Wait for the reply to a request sent with keep=True."""
        with self.cond:
            while self.error is None and not self.ended and message_id not in self.kept:
                self._wait()
            self._check(ended=message_id not in self.kept)
            return self.kept.pop(message_id)

    def _wait(self) -> None:
        """Wait for a reply (holding `cond`); with a `stop`, look at it every STOP_SECONDS while Pagefind works."""
        if self.stop is None:
            self.cond.wait()
            return
        self.cond.wait(STOP_SECONDS)
        if self.stop():
            raise SearchCancelled("stopped")

    def _check(self, ended: bool = False) -> None:
        """Raise the error Pagefind gave or caused; with `ended`, also once its output has ended (no reply comes)."""
        if self.error is not None or (ended and self.ended):
            raise SearchError(self.error or "Pagefind stopped unexpectedly")

    # reader side (its own thread)

    def _read(self) -> None:
        """Split stdout into replies (base64 text ended by a comma), decoding the base64 as it arrives."""
        assert self.proc.stdout
        stdout = self.proc.stdout
        decoded, carry = bytearray(), b""
        try:
            while chunk := stdout.read1(READ_SIZE):
                start = 0
                while start < len(chunk):
                    end = chunk.find(b",", start)
                    text = carry + chunk[start:] if end == -1 else carry + chunk[start:end]
                    cut = len(text) if end != -1 else len(text) - len(text) % 4
                    decoded += base64.b64decode(text[:cut])
                    carry = text[cut:]
                    if end == -1:
                        break
                    reply, decoded, carry = json.loads(decoded), bytearray(), b""
                    self._handle(reply)
                    start = end + 1
        except Exception as exc:  # a reply that is not Pagefind's protocol
            self._fail(f"unreadable reply from Pagefind ({exc})", always=True)
        self._fail("Pagefind stopped unexpectedly")

    def _handle(self, reply: dict[str, Any]) -> None:
        message_id, payload = reply.get("message_id"), reply.get("payload") or {}
        with self.cond:
            sent = self.in_flight.pop(message_id, None) if message_id is not None else None
            if payload.get("type") == "Error" or sent is None:
                what = f" ({sent[1]})" if sent else ""
                self.error = self.error or f"{payload.get('message', 'Pagefind error')}{what}"
            else:
                self.in_flight_bytes -= sent[0]
                if message_id in self.keep:
                    self.keep.discard(message_id)
                    self.kept[message_id] = payload
            self.cond.notify_all()

    def _fail(self, message: str, always: bool = False) -> None:
        """Record why no more replies will come (an error only if some request is still unanswered)."""
        with self.cond:
            if (always or self.in_flight) and self.error is None:
                self.error = message
            self.ended = True
            self.cond.notify_all()

    def close(self) -> None:
        if self.proc.stdin:
            try:
                self.proc.stdin.close()  # the service exits when its input ends
            except OSError:
                pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(timeout=10)
        if self.proc.stdout:
            self.proc.stdout.close()


def _index(service: _Service, pages: Iterable[tuple[str, bytes]], base: str) -> list[dict[str, str]]:
    """Send every page, then ask for the bundle: Pagefind's list of {path, content (base64)}. The index is then
    deleted from the service, which otherwise keeps every index it made until it exits: a service indexes part
    after part, and at 1,000 articles each of two held three parts' indexes (160 MiB each, beside the build's
    300 MiB) where one part's is needed (~110 MiB)."""
    index_id = service.reply(service.send({"type": "NewIndex", "config": CONFIG}, "new index", keep=True))["index_id"]
    for path, page in pages:
        if service.stop is not None and service.stop():
            raise SearchCancelled("stopped")
        service.send({"type": "AddFile", "index_id": index_id, "url": page_url(path, base), "file_path": None},
                     path, contents=page)
    files = service.reply(service.send({"type": "GetFiles", "index_id": index_id}, "the bundle", keep=True))["files"]
    service.send({"type": "DeleteIndex", "index_id": index_id}, "deleting the index")  # (its reply is checked)
    return files


def _feed(todo: Iterator[tuple[int, str, list[str]]], lock: threading.Lock, halt: threading.Event,
          stopped: Callable[[], bool], body: Callable[[str], bytes], base: str,
          made: Callable[[int, str, dict[str, bytes]], None]) -> None:
    """One thread of `_index_parts`: take the next part from `todo` and index it with a service of its own, until
    there is none left or another thread failed (`halt`)."""
    service = None
    try:
        while True:
            with lock:
                taken = None if halt.is_set() else next(todo, None)
            if taken is None:
                return
            if stopped():
                raise SearchCancelled("stopped")
            part, key, pages = taken
            service = service or _Service(stop=stopped)
            files = _bundle(_index(service, ((p, body(p)) for p in pages), base), part)
            with lock:
                made(part, key, files)
    except BaseException:
        halt.set()  # (the other threads stop too)
        if service is not None:
            service.proc.kill()  # stopped or failed: do not wait for Pagefind to finish
        raise
    finally:
        if service is not None:
            service.close()


def _bundle(files: list[dict[str, str]], part: int) -> dict[str, bytes]:
    """A part's bundle from Pagefind's reply: its files under the part's folder, canonical (search_canon.py),
    only the index for a part other than the primary one (search_parts.kept_files)."""
    from .search_canon import canonicalise

    decoded: dict[str, bytes] = {}
    while files:  # decode one file at a time, dropping its base64 text
        file = files.pop()
        decoded[file["path"].lstrip("/")] = base64.b64decode(file["content"])
    top = parts.folder(part)
    kept = parts.kept_files(part, decoded)
    return canonicalise({top + rel: data for rel, data in sorted(kept.items())}, top.rstrip("/"))


def pagefind_version() -> str:
    """The Pagefind binary this build runs, as the parts' keys name it (search_binary.identity)."""
    from .search_binary import identity

    return identity()


# How search_canon.py writes a bundle; a part kept from before a change to it is no match (2: the filters of an
# index whose language has a region, "pt-br", are sorted too: review 133)
CANON = 2


def index_version() -> str:
    """What makes a part's bundle beside its pages: Pagefind's version, the configuration it is given (a part made
    with other exclusions is no match for this build's) and how the bundle is made canonical."""
    return f"{pagefind_version()} {json.dumps(CONFIG, sort_keys=True)} canon {CANON}"


def build_index(outputs: Mapping[str, bytes], base: str, stop: Callable[[], bool] | None = None,
                part_pages: int = parts.PART_PAGES, store: parts.Parts | None = None,
                digests: Mapping[str, str] | None = None) -> dict[str, bytes | None]:
    """Output path → bytes of the Pagefind bundles (under `pagefind/`) for the HTML pages in `outputs`.

    Pages opt in with `data-pagefind-body` (the layout sets it on <main> for every page worth finding). They are
    cut into parts of about `part_pages` pages, one bundle each, listed in pagefind/dossier-parts.json for the
    search page (search_parts.py). With a `store`, a part whose key it holds is not indexed again: its files
    come from the store (bytes None: the output folder holds that file already), and each part made is kept. A
    part's key is made of what Pagefind is sent of its pages (search_ignored.SentDigests), which the store also
    keeps by each page's digest, so that a page whose bytes did not change is not read for it; with `digests` it
    also keeps what each page was found to hold (search_ignored.indexed_paths), so that such a page is not read
    to know whether it is indexed.
    `digests` (optional): pages' `output_digest`s already known (the writer's stage has every page's), so that
    they are not digested again (79 MB at 1,000 articles).
    `stop` (optional): asked between pages and while Pagefind works; when it says so, Pagefind is killed and
    SearchCancelled raised (the live preview gives up an index that a newer save has made stale, so that it
    does not take a core and the interpreter from the build of that save)."""
    known = digests or {}
    marks = dict(store.page_marks()) if store is not None and known else {}
    paths = indexed_paths(outputs, known.get, marks)
    if store is not None and known:  # (what this build's pages hold, by their digests, for the next build)
        store.keep_page_marks({known[p]: marks[known[p]] for p in known if known[p] in marks})
    sent = SentDigests(outputs, {path: known.get(path) or output_digest(outputs[path]) for path in paths},
                       store.sent_digests() if store is not None else {})
    index = _Parts(parts.split(paths, part_pages), sent, base, store)
    _index_parts(index.todo, min(len(index.groups), SERVICES), sent.body, base, stop, index.made)
    if store is not None:
        store.keep_sent_digests(sent.found)
    bundle: dict[str, bytes | None] = {}
    for part in index.groups:
        bundle.update(index.found[part])
    bundle[parts.LISTING] = parts.listing(list(index.groups), base)
    return dict(sorted(bundle.items()))


class _Parts:
    """The parts of one index (`groups`: part → its pages), their bundles as they are found or made (`found`)."""

    def __init__(self, groups: dict[int, list[str]], sent: SentDigests, base: str, store: parts.Parts | None
                 ) -> None:
        self.groups, self.sent, self.base, self.store = groups, sent, base, store
        self.version = index_version()
        self.found: dict[int, Mapping[str, bytes | None]] = {}

    def todo(self, stopped: Callable[[], bool]) -> Iterator[tuple[int, str, list[str]]]:
        """The parts to index (part, key, pages): those the store does not hold, each keyed when asked for, until
        `stopped()` says to stop (the caller's stop, or another thread failed)."""
        for part, pages in self.groups.items():
            if stopped():
                raise SearchCancelled("stopped")
            key = parts.part_key(part, [(p, self.sent.digest(p)) for p in pages], self.base, self.version)
            kept = self.store.search_part(key) if self.store is not None else None
            if kept is None:
                yield part, key, pages
            else:
                self.found[part] = kept
                self.sent.drop(pages)

    def made(self, part: int, key: str, files: dict[str, bytes]) -> None:
        self.found[part] = files
        if self.store is not None:
            self.store.keep_search_part(key, files)


def _index_parts(todo: Callable[[Callable[[], bool]], Iterator[tuple[int, str, list[str]]]], services: int,
                 body: Callable[[str], bytes], base: str, stop: Callable[[], bool] | None,
                 made: Callable[[int, str, dict[str, bytes]], None]) -> None:
    """Index each part `todo(stopped)` yields (part, key, its pages; `body` gives what a page sends), calling
    `made(part, key, files)` as each is done. The service is single-threaded, so up to `services` of them run at
    once, one thread feeding each, taking the parts in turn: a thread keys the next part (reading its changed
    pages) while another's Pagefind works, and holds one part's pages at a time. `todo` and `made` are called
    under one lock (the store they use is not shared between threads). A failure, a `stop` or an interruption
    of the caller (Ctrl-C) stops every service; the failure is raised here, not the SearchCancelled it stopped the
    others with (the live preview takes that for a newer save: a page that could not be read went unsaid)."""
    halt, lock = threading.Event(), threading.Lock()

    def stopped() -> bool:
        return halt.is_set() or (stop is not None and stop())

    from concurrent.futures import ThreadPoolExecutor, wait

    pending = todo(stopped)
    pool = ThreadPoolExecutor(services, thread_name_prefix="pagefind")
    futures = [pool.submit(_feed, pending, lock, halt, stopped, body, base, made) for _ in range(services)]
    try:
        wait(futures)
    except BaseException:
        halt.set()  # (Ctrl-C or SIGTERM in this thread: the services stop too)
        raise
    finally:
        pool.shutdown(wait=True)
    failures = [failed for failed in (future.exception() for future in futures) if failed is not None]
    if failures:
        raise next((e for e in failures if not isinstance(e, SearchCancelled)), failures[0])
