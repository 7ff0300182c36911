"""The preview's WSGI app (dossier/shell/serve_app.py), called directly: what it serves, injects and refuses."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from dossier.core.common.errors import error, warning
from dossier.shell.serve_app import LOOPBACK, Status, inject, make_app

PAGE = b"<!doctype html><html><head><title>x</title></head><body><p>hello</p></body></html>"


def call(app, path: str, method: str = "GET", **headers: str) -> tuple[int, dict[str, str], bytes]:
    seen: dict[str, object] = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"], seen["headers"] = status, response_headers

    environ = {"REQUEST_METHOD": method, "PATH_INFO": path.encode("utf-8").decode("latin-1"), "QUERY_STRING": ""}
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    body = b"".join(app(environ, start_response))
    return int(str(seen["status"]).split()[0]), dict(seen["headers"]), body  # type: ignore[arg-type]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    out = tmp_path / "_site"
    for rel, data in {"index.html": PAGE, "articles/a/index.html": PAGE.replace(b"hello", b"article a"),
                      "404.html": PAGE.replace(b"hello", b"lost"), "static/dossier.css": b"body{}",
                      "articles/a.md": b"# A", "caf\u00e9/index.html": PAGE}.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def test_pages_are_served_with_the_overlay_script_before_head_end(site):
    status = Status(state="ok", has_site=True, published=3, run="r1")
    app = make_app(site, status)
    code, headers, body = call(app, "/articles/a/")
    assert code == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b'<script src="/__dossier/overlay.js" data-published="3" data-run="r1" defer></script></head>' in body
    assert b"article a" in body and headers["Cache-Control"] == "no-store"


def test_a_folder_without_its_slash_redirects_and_the_root_serves_index_html(site):
    app = make_app(site, Status(state="ok", has_site=True))
    assert call(app, "/articles/a")[:2][0] == 302
    assert call(app, "/articles/a")[1]["Location"] == "/articles/a/"
    assert b"hello" in call(app, "/")[2]
    assert call(app, "/caf\u00e9/")[0] == 200
    # a path begun with two slashes is redirected within the site, not to another host (review 61: the
    # Location "//articles/" is the host "articles" to a browser)
    for path in ("//articles", "///articles", "//articles/a"):
        assert call(app, path)[1]["Location"] == "/" + path.lstrip("/") + "/"
    # the output folder's own record (and any dot file) is not served (review 61)
    (site / ".dossier-output").write_text("dossier output\n", "utf-8")
    assert call(app, "/.dossier-output")[0] == 404 and call(app, "/articles/.hidden")[0] == 404


def test_assets_are_revalidated_by_etag_so_unchanged_files_stay_cached(site):
    app = make_app(site, Status(state="ok", has_site=True))
    code, headers, body = call(app, "/static/dossier.css")
    assert code == 200 and body == b"body{}" and headers["Content-Type"].startswith("text/css")
    again = call(app, "/static/dossier.css", if_none_match=headers["ETag"])
    assert again[0] == 304 and again[2] == b""
    assert call(app, "/articles/a.md")[1]["Content-Type"].startswith("text/markdown")


def test_the_search_index_before_the_preview_has_made_it_is_a_503_to_ask_again_not_a_404(site):
    """The search page takes a 404 for a site published without its index (static/search.js): while the preview
    is still to make its first index, the index's files are "503, try again in 2 s", and only they are."""
    app = make_app(site, Status(state="ok", has_site=True, search="pending", mount="/d/"))
    for path in ("/d/pagefind/pagefind-entry.json", "/d/pagefind/dossier-parts.json"):
        code, headers, body = call(app, path)
        assert (code, headers["Retry-After"], headers["Cache-Control"]) == (503, "2", "no-store"), path
        assert headers["X-Dossier-Search"] == "pending"   # (static/search.js: another server's 503 is no promise)
        assert body == b"the search index is being made\n"
    assert call(app, "/d/nope/")[0] == 404 and call(app, "/d/pagefindx/a.json")[0] == 404
    (site / "pagefind").mkdir()
    (site / "pagefind/pagefind-entry.json").write_text("{}", "utf-8")   # (an index a build left is served)
    assert call(app, "/d/pagefind/pagefind-entry.json")[0] == 200
    done = make_app(site, Status(state="ok", has_site=True, mount="/d/"))   # made, or not coming: a 404 again
    assert call(done, "/d/pagefind/pagefind-ui.js")[0] == 404


@pytest.mark.parametrize("why, says", [("failed", b"the search index could not be made: the terminal says why\n"),
                                       ("off", b"the preview runs without search (--no-search)\n")])
def test_the_search_index_the_preview_has_not_made_is_a_404_marked_with_why(site, why, says):
    """Pagefind failed, or the preview runs with --no-search, and no build left an index: the index's files are a
    404 that says why (X-Dossier-Search), so that the search page does not say the site was published without its
    index (static/search.js), as it does for an unmarked 404; only they are marked."""
    app = make_app(site, Status(state="ok", has_site=True, search=why, mount="/d/"))
    for path in ("/d/pagefind/pagefind-entry.json", "/d/pagefind/pagefind-ui.js"):
        code, headers, body = call(app, path)
        assert (code, headers["X-Dossier-Search"], headers["Cache-Control"], body) == (404, why, "no-store", says)
    code, headers, body = call(app, "/d/nope/")
    assert code == 404 and "X-Dossier-Search" not in headers and b"lost" in body
    (site / "pagefind").mkdir()
    (site / "pagefind/pagefind-entry.json").write_text("{}", "utf-8")   # (an index a build left is served)
    assert call(app, "/d/pagefind/pagefind-entry.json")[0] == 200
    code, headers, _ = call(make_app(site, Status(state="ok", has_site=True, mount="/d/")), "/d/pagefind/x.js")
    assert code == 404 and "X-Dossier-Search" not in headers   # (a preview with an index: a 404 as any server's)


def test_missing_pages_get_the_sites_404_page(site):
    code, _, body = call(make_app(site, Status(state="ok", has_site=True)), "/nope/")
    assert code == 404 and b"lost" in body and b"/__dossier/overlay.js" in body
    # a name longer than the file system takes: its 404 too (review 59: a 500 with a Python traceback)
    code, _, body = call(make_app(site, Status(state="ok", has_site=True)), "/" + "a" * 300 + "/x")
    assert code == 404 and b"lost" in body


@pytest.mark.parametrize("path", ["/../secret", "/articles/../../secret", "/%2e%2e/secret", "/a\\..\\b"])
def test_paths_outside_the_output_folder_are_refused(site, path):
    (site.parent / "secret").write_text("no")
    code, _, body = call(make_app(site, Status(state="ok", has_site=True)), path)
    assert code == 404 and b"no" != body


def test_before_any_good_build_every_page_is_a_placeholder_that_carries_the_overlay(tmp_path):
    status = Status(state="failed", has_site=False,
                    problems=(error("site.yaml", 2, 1, "mapping values are not allowed here", "quote it"),))
    code, _, body = call(make_app(tmp_path / "_site", status), "/articles/x/")
    assert code == 503 and b"No site yet" in body and b"The first build failed" in body
    assert b"/__dossier/overlay.js" in body


def test_a_site_under_a_sub_path_is_served_there_and_the_root_redirects(site):
    app = make_app(site, Status(state="ok", has_site=True, mount="/dossier/"))
    assert call(app, "/")[0] == 302 and call(app, "/")[1]["Location"] == "/dossier/"
    assert b"article a" in call(app, "/dossier/articles/a/")[2]
    assert call(app, "/articles/a/")[0] == 404


def test_status_json_lists_problems_with_their_place(site):
    status = Status(state="failed", has_site=True, published=2, changed="content/articles/a.yaml",
                    problems=(error("content/articles/a.yaml", 3, 7, "bad value", "fix it", "schema-form"),
                              warning("content/articles/b.yaml", 0, 0, "fuzzy")))
    code, headers, body = call(make_app(site, status, clients=lambda: 2), "/__dossier/status.json")
    data = json.loads(body)
    assert code == 200 and headers["Cache-Control"] == "no-store"
    assert data["state"] == "failed" and data["errors"] == 1 and data["warnings"] == 1 and data["clients"] == 2
    assert data["problems"][0] == {"where": "content/articles/a.yaml:3:7", "file": "content/articles/a.yaml",
                                   "line": 3, "col": 7, "severity": "error", "message": "bad value",
                                   "hint": "fix it", "check": "schema-form"}
    assert data["problems"][1]["where"] == "content/articles/b.yaml"


def test_the_overlay_script_is_served_by_the_preview_not_from_the_site(site):
    code, headers, body = call(make_app(site, Status()), "/__dossier/overlay.js")
    assert code == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"alertdialog" in body and b"Escape" in body
    assert not list(site.rglob("overlay.js"))


def test_only_get_and_head_are_answered(site):
    app = make_app(site, Status(state="ok", has_site=True))
    assert call(app, "/", "POST")[0] == 405
    code, headers, body = call(app, "/", "HEAD")
    assert code == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_a_page_without_head_end_is_left_alone():
    state = Status().read()
    assert inject(b"<p>fragment</p>", state) == b"<p>fragment</p>"
    assert inject(b"<head></head><head></head>", state).count(b"overlay.js") == 1


def changed(app, since: int | str, page: str, run: str | None = None) -> dict:
    seen: dict[str, object] = {}
    extra = "" if run is None else f"&run={quote(run)}"
    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": "/__dossier/changed.json",
                         "QUERY_STRING": f"since={since}&page={quote(page)}{extra}"},
                        lambda status, headers, exc_info=None: seen.update(status=status)))
    assert str(seen["status"]).startswith("200")
    return json.loads(body)


def test_changed_json_says_whether_a_page_read_at_an_earlier_build_is_out_of_date(site):
    status = Status(state="ok", has_site=True, mount="/sub/")
    app = make_app(site, status)
    status.publish(None)                                            # 1: the first build, every page
    status.publish(["articles/a/index.html", "articles/a.md"])      # 2: the edited article's pages, first
    status.publish(["tags/x/index.html", "dossier.json"])           # 3: the rest of that build
    assert changed(app, 2, "/sub/articles/a/") == {"reload": False, "published": 3}
    assert changed(app, 1, "/sub/articles/a/")["reload"]            # read before its page changed
    assert changed(app, 2, "/sub/tags/x/")["reload"] and not changed(app, 2, "/sub/")["reload"]
    assert changed(app, 0, "/sub/")["reload"]                       # build 1 changed every page
    assert not changed(app, 3, "/sub/tags/x/")["reload"]            # up to date
    assert changed(app, 2, "/elsewhere/")["reload"]                 # not under the site: reload to be safe
    status.publish(["static/dossier.css"])                         # 4: what every page loads
    assert changed(app, 3, "/sub/")["reload"]
    status.publish(["tags/x/index.html"])                          # 5
    status.publish(["entities/cards.json", "entities/e/index.html"])  # 6: the hovercards, which pages fetch
    assert changed(app, 5, "/sub/articles/a/")["reload"] and changed(app, 5, "/sub/")["reload"]


def test_a_page_of_an_earlier_run_of_the_preview_is_out_of_date_whatever_its_build_number(site):
    """Build numbers start again at 1 when the preview is restarted: a tab left open at build 166 of the last run
    was taken as newer than every build of the new one, and never reloaded. Pages carry the run's id too."""
    earlier = Status(state="ok", has_site=True)
    status = Status(state="ok", has_site=True)
    assert status.run != earlier.run
    app = make_app(site, status)
    status.publish(None)
    status.publish(["tags/x/index.html"])
    page = call(app, "/")[2]
    assert f'data-published="2" data-run="{status.run}"'.encode() in page
    assert not changed(app, 2, "/", status.run)["reload"]
    assert changed(app, 166, "/", earlier.run) == {"reload": True, "published": 2}
    assert json.loads(call(app, "/__dossier/status.json")[2])["run"] == status.run


def test_a_base_url_written_percent_encoded_is_served_under_its_decoded_path(site):
    """site.yaml's base_url may be /my%20dossier/ (the only way to write a space or a non-ASCII letter): the
    request's path arrives decoded, and every page was a 404."""
    status = Status(state="ok", has_site=True, mount="/my%20d%C3%B6ssier/")
    app = make_app(site, status)
    code, headers, _ = call(app, "/")
    assert code == 302 and headers["Location"] == "/my%20d%C3%B6ssier/"
    assert call(app, "/my d\u00f6ssier/articles/a/")[0] == 200
    code, headers, _ = call(app, "/my d\u00f6ssier/articles/a")
    assert code == 302 and headers["Location"] == "/my%20d%C3%B6ssier/articles/a/"
    status.publish(None)
    assert not changed(app, 1, "/my%20d%C3%B6ssier/articles/a/")["reload"]


def test_changed_json_takes_only_ascii_digits_for_a_build(site):
    app = make_app(site, Status(state="ok", has_site=True))
    assert changed(app, "\u00b2", "/")["reload"]                      # "²": a digit to str.isdigit, not to int()


def test_changed_json_reloads_a_page_older_than_the_builds_on_record(site):
    status = Status(state="ok", has_site=True)
    app = make_app(site, status)
    for _ in range(100):
        status.publish(["other.html"])
    assert not changed(app, 99, "/")["reload"]
    assert changed(app, 100 - 64, "/")["reload"] is False
    assert changed(app, 100 - 65, "/")["reload"]                   # build 36 is no longer on record


def test_the_pages_served_lately_are_remembered_most_recent_first(site):
    """So that a save shows the open page first (execute/first.py): HTML pages only, each once, the last three."""
    status = Status(state="ok", has_site=True)
    app = make_app(site, status)
    for path in ("/articles/a/", "/static/dossier.css", "/", "/articles/a.md", "/articles/a/", "/caf\u00e9/",
                 "/nope/"):
        call(app, path)
    assert status.visited == ("café/index.html", "articles/a/index.html", "index.html")
    call(app, "/404.html")
    assert status.visited == ("404.html", "café/index.html", "articles/a/index.html")


def test_a_preview_of_this_machine_answers_only_requests_made_to_this_machine(site):
    """A web page whose own name is made to point at 127.0.0.1 (DNS rebinding) sends its own name as Host: it gets
    no page, no status and no problems of the unpublished dossier."""
    app = make_app(site, Status(state="ok", has_site=True), hosts=LOOPBACK)
    for host in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"):
        assert call(app, "/articles/a/", HOST=host)[0] == 200, host
    for host in ("attacker.example:8000", "127.0.0.1.attacker.example", "", "[::2]:8000"):
        code, _, body = call(app, "/__dossier/status.json", HOST=host)
        assert code == 421 and b"problems" not in body, host
    assert call(make_app(site, Status(state="ok", has_site=True)), "/articles/a/", HOST="example.org")[0] == 200



def test_a_preview_open_to_other_machines_still_answers_only_its_own_names(site):
    """Review 75: with `--host 0.0.0.0` (to read the preview on a phone) the Host check was off, and any web page
    whose name was made to point at this machine could read the unpublished dossier."""
    import socket

    from dossier.shell.serve_app import MachineNames

    app = make_app(site, Status(state="ok", has_site=True), hosts=MachineNames("0.0.0.0"))
    for host in ("192.168.1.20:8000", "[fe80::1]:8000", "127.0.0.1:8000", "localhost", f"{socket.gethostname()}:8000"):
        assert call(app, "/articles/a/", HOST=host)[0] == 200, host
    for host in ("attacker.example:8000", "192.168.1.20.attacker.example", ""):
        assert call(app, "/__dossier/status.json", HOST=host)[0] == 421, host


def test_a_request_that_fails_says_so_without_the_traceback(site, monkeypatch, capsys):
    """Review 75: a 500 answered with the server's traceback (its files and lines); the terminal has it."""
    import dossier.shell.serve_app as serve_app

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(serve_app, "respond", broken)
    code, _, body = call(make_app(site, Status(state="ok", has_site=True)), "/articles/a/")
    assert code == 500 and b"Traceback" not in body and b"see the terminal" in body
    assert "RuntimeError: a bug" in capsys.readouterr().err
