"""The Pagefind index step (dossier/shell/search.py): pipelined requests give the same bundle as one request at a time,
pages Pagefind would drop are not sent, large pages are streamed, failures are reported, never hung on."""

from __future__ import annotations

import base64
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any, Mapping

import pytest

from conftest import failing_after
from dossier.shell import search, search_ignored, search_parts
from dossier.shell.fs import output_digest

FILTER_VALUES = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"]


def page(n: int, body: bool = True, extra: str = "") -> bytes:
    """A page with its own words (so page order shows in the index) and filters (Pagefind writes these in
    random hash-map order, which search_canon sorts)."""
    marker = " data-pagefind-body" if body else ""
    filters = "".join(f'<span data-pagefind-filter="kind">{FILTER_VALUES[(n + k) % len(FILTER_VALUES)]}</span>'
                      for k in range(3))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><title>Page {n}</title></head><body>'
            f'<header><nav>Menu</nav></header><main{marker}><h1>Page number {n}</h1>'
            f'<h2 id="part-{n}">Part {n}</h2><p>Common words and a rare word{n} here. {extra}</p>'
            f'<div hidden data-pagefind-ignore>{filters}</div></main></body></html>').encode("utf-8")


def site(count: int = 24) -> dict[str, bytes]:
    outputs = {f"articles/a{n:03d}/index.html": page(n) for n in range(count)}
    outputs["report/index.html"] = page(999, body=False, extra="report words only")
    outputs["404.html"] = page(998, body=False)
    outputs["static/site.css"] = b"body { color: black }"
    return outputs


def one_request_at_a_time(outputs: Mapping[str, bytes], base: str) -> dict[str, bytes]:
    """The reference: every HTML page, in sorted order, each request answered before the next is sent
    (what dossier/shell/search.py did before it pipelined)."""
    from pagefind.service import get_executable

    from dossier.shell.search_canon import canonicalise

    proc = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdin and proc.stdout
    sent = 0

    def send(payload: dict[str, Any]) -> dict[str, Any]:
        nonlocal sent
        sent += 1
        proc.stdin.write(base64.b64encode(json.dumps({"message_id": sent, "payload": payload}).encode()) + b",")
        proc.stdin.flush()
        data = b""
        while not data.endswith(b","):
            chunk = proc.stdout.read1(1 << 16)
            assert chunk, "Pagefind stopped"
            data += chunk
        reply = json.loads(base64.b64decode(data[:-1]))
        assert reply["message_id"] == sent and reply["payload"]["type"] != "Error", reply
        return reply["payload"]

    try:
        index_id = send({"type": "NewIndex", "config": None})["index_id"]
        for path in sorted(p for p in outputs if p.endswith(".html")):
            send({"type": "AddFile", "index_id": index_id, "url": search.page_url(path, base), "file_path": None,
                  "file_contents": outputs[path].decode("utf-8")})
        files = send({"type": "GetFiles", "index_id": index_id})["files"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
    bundle = canonicalise({f"pagefind/{f['path'].lstrip('/')}": base64.b64decode(f["content"]) for f in files})
    return {**bundle, search_parts.LISTING: search_parts.listing([0], base)}  # (one part: nothing to merge)


@pytest.fixture
def pagefind():
    pytest.importorskip("pagefind")
    from pagefind.service import get_executable
    if get_executable() is None:
        pytest.skip("the Pagefind binary is missing (pip install 'pagefind[bin]')")


def test_pipelined_requests_give_the_bundle_of_one_request_at_a_time(pagefind, monkeypatch):
    outputs = site()
    # one large page, streamed in several pieces, with multi-byte characters across the piece boundaries
    piece = 4096
    monkeypatch.setattr(search, "PIECE", piece)
    text = "".join(f"mot{i} é “quoted” 😀 " for i in range(2000))
    outputs["passages/index.html"] = page(500, extra=text)
    assert len(outputs["passages/index.html"]) > 10 * piece
    monkeypatch.setattr(search, "WINDOW_BYTES", 2 * piece)  # a small window: the writer waits for replies
    expected = one_request_at_a_time(outputs, "/sub/")
    built = search.build_index(outputs, "/sub/")
    assert sorted(built) == sorted(expected)
    differ = [path for path in built if built[path] != expected[path]]
    assert not differ, f"{len(differ)} bundle files differ from the one-request-at-a-time bundle: {differ[:5]}"
    assert any(p.startswith("pagefind/fragment/") for p in built)
    assert any(p.startswith("pagefind/filter/") for p in built)


def test_two_runs_give_byte_identical_bundles(pagefind):
    outputs = site(40)
    assert search.build_index(outputs, "/") == search.build_index(outputs, "/")


def test_a_site_in_a_language_with_a_region_gives_byte_identical_bundles(pagefind):
    # review 133: Pagefind names a "pt-BR" index's files "pt-br_…"; the filters were found in no list, left in its
    # random order, and two builds of the same inputs differed (their filter and meta files, the entry)
    outputs = {path: page.replace(b'<html lang="en">', b'<html lang="pt-BR">') for path, page in site(40).items()}
    bundles = [search.build_index(outputs, "/") for _ in range(3)]
    assert any("pt-br_" in path for path in bundles[0]) and bundles[0] == bundles[1] == bundles[2]


class CountingPages(dict):
    """A mapping that counts reads of each page (the build hands over pages read from disk when asked)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.reads: Counter[str] = Counter()

    def __getitem__(self, key: str) -> bytes:
        self.reads[key] += 1
        return super().__getitem__(key)


def indexed(outputs: Mapping[str, bytes], marks: dict[str, int] | None = None) -> list[str]:
    """search_ignored.indexed_paths with the pages' digests made of their bytes (read when asked for)."""
    return search_ignored.indexed_paths(outputs, lambda path: output_digest(outputs[path]),
                                        {} if marks is None else marks)


def test_pages_without_a_pagefind_body_are_not_sent_once_a_page_has_one():
    outputs = CountingPages(site(5))
    sent = indexed(outputs)
    assert sent == [f"articles/a{n:03d}/index.html" for n in range(5)]
    assert "report/index.html" not in sent and "static/site.css" not in sent and "404.html" not in sent


def test_a_page_whose_bytes_were_sorted_out_before_is_not_read_again():
    """What a page holds is kept by the digest of its bytes: with an earlier build's marks, only a page whose
    bytes changed is read (the digests come from the writer's stage, which has them without reading the page),
    and the pages sent are those of a build that read every page."""
    outputs = site(5)
    marks: dict[str, int] = {}
    first = indexed(outputs, marks)
    assert sorted(marks) == sorted(output_digest(b) for p, b in outputs.items() if p.endswith(".html"))
    outputs["articles/a003/index.html"] = page(3, extra="an edited paragraph")
    outputs["report/index.html"] = page(999, body=True, extra="now a page to find")  # (its mark changes)
    counted = CountingPages(outputs)
    digests = {path: output_digest(data) for path, data in outputs.items()}
    again = search_ignored.indexed_paths(counted, digests.__getitem__, marks)
    assert again == indexed(dict(outputs)) == sorted([*first, "report/index.html"])
    assert set(counted.reads) == {"articles/a003/index.html", "report/index.html"}


def test_a_page_marked_named_only_is_read_again_to_learn_whether_an_element_has_it():
    """A page an earlier build found the attribute's name in, but never parsed (a body element had been found in
    a page before it), is parsed when it comes first: a mark for the name alone is no answer to that."""
    outputs = {f"p{n}.html": page(n) for n in range(3)}
    marks: dict[str, int] = {}
    assert indexed(outputs, marks) == ["p0.html", "p1.html", "p2.html"]
    assert marks[output_digest(outputs["p1.html"])] == search_ignored.NAMED
    del outputs["p0.html"]
    counted = CountingPages(outputs)
    assert search_ignored.indexed_paths(counted, lambda p: output_digest(dict(outputs)[p]), marks) == \
        ["p1.html", "p2.html"]
    assert counted.reads == {"p1.html": 1} and marks[output_digest(outputs["p1.html"])] == search_ignored.BODY


def test_every_page_is_sent_when_no_element_has_a_pagefind_body():
    """The attribute's name in text, a comment or a script does not make a body element: Pagefind then indexes
    every page, and so every page must be sent."""
    outputs = {f"p{n}.html": page(n, body=False) for n in range(3)}
    outputs["p1.html"] = outputs["p1.html"].replace(
        b"<p>", b"<p>Write &lt;main data-pagefind-body&gt; <!-- <main data-pagefind-body> --> "
                b"<script>'<main data-pagefind-body>'</script>")
    assert not any(search_ignored.has_body_element(b) for b in outputs.values())
    assert indexed(outputs) == ["p0.html", "p1.html", "p2.html"]
    assert search_ignored.has_body_element(page(1))
    assert search_ignored.has_body_element(b'<div><img src="x" data-pagefind-body/></div>')


@pytest.mark.parametrize("extra", [
    "plain ascii",
    "quotes \" and \\ backslash, newline\n tab\t control\x01, é, “curly”, 😀 " * 50,
])
def test_a_page_streamed_in_small_pieces_gives_the_bundle_of_one_sent_whole(pagefind, monkeypatch, extra):
    monkeypatch.setattr(search, "PIECE", 7)  # split inside multi-byte characters and JSON escapes
    outputs = {"a/index.html": page(1, extra=extra), "b/index.html": page(2), "empty.html": b""}
    expected = one_request_at_a_time(outputs, "/")
    assert search.build_index(outputs, "/") == expected


def test_a_page_that_is_not_utf8_is_named_in_the_error(pagefind):
    outputs = site(3)
    outputs["articles/a001/index.html"] = page(1).replace(b"rare", b"r\xe9re")
    with pytest.raises(search.SearchError, match="articles/a001/index.html"):
        search.build_index(outputs, "/")


def test_a_pagefind_that_exits_at_once_is_an_error_not_a_hang(monkeypatch, tmp_path: Path):
    pytest.importorskip("pagefind")
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with pytest.raises(search.SearchError):
        search.build_index(site(3), "/")


def test_a_pagefind_whose_output_ends_between_two_requests_is_an_error_not_a_hang(monkeypatch, tmp_path: Path):
    """It answers the new index, then its output ends while it lives on (its input still takes requests): the
    requests sent after that were counted as unanswered only once the reader had stopped looking, and the wait
    for the bundle never ended (seen as a hang of the suite, at random, when the exit came early)."""
    pytest.importorskip("pagefind")
    reply = base64.b64encode(json.dumps({"message_id": 1, "payload": {"type": "NewIndex", "index_id": 0}})
                             .encode()).decode()
    fake = tmp_path / "pagefind"
    # (it answers once the request has begun to arrive, as Pagefind does; then only its output ends)
    fake.write_text(f"#!/bin/sh\nhead -c 1 >/dev/null\nprintf '%s,' '{reply}'\nexec 1>&-\nsleep 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with failing_after(30, "waited for ever for Pagefind's reply"):
        with pytest.raises(search.SearchError, match="stopped unexpectedly"):
            search.build_index(site(3), "/")


def test_a_pagefind_that_answers_with_an_error_is_reported(monkeypatch, tmp_path: Path):
    pytest.importorskip("pagefind")
    reply = base64.b64encode(json.dumps({"message_id": 1, "payload": {"type": "Error", "message": "no way"}})
                             .encode()).decode()
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\nprintf '%s,' '{reply}'\nexec cat >/dev/null\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with pytest.raises(search.SearchError, match="no way"):
        search.build_index(site(3), "/")


def test_a_missing_pagefind_binary_is_an_error(monkeypatch, tmp_path: Path):
    pytest.importorskip("pagefind")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(search.SearchError, match="could not be started"):
        search.build_index(site(3), "/")


def test_an_index_told_to_stop_kills_pagefind_and_says_it_was_cancelled(pagefind, monkeypatch):
    started: list[subprocess.Popen] = []
    real = subprocess.Popen

    def spy(*args: Any, **kwargs: Any) -> subprocess.Popen:
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", spy)
    asked = Counter()

    def stop_after_five_pages() -> bool:
        asked["n"] += 1
        return asked["n"] > 5

    with pytest.raises(search.SearchCancelled):
        search.build_index(site(40), "/", stop_after_five_pages)
    assert len(started) == 1 and started[0].poll() is not None  # Pagefind is gone, not left indexing
    monkeypatch.setattr(subprocess, "Popen", real)
    # a stop that never says so changes nothing
    assert search.build_index(site(40), "/", lambda: False) == search.build_index(site(40), "/")
