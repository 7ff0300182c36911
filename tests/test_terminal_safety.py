"""Contributed text cannot take over the editor's terminal: control characters that problems, warnings,
suggestions and the live preview echo from seeds and YAML are printed in a visible form (ESC as `\\x1b`), in
the terminal and in the preview's in-page overlay alike."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from conftest import aged, mini, run_build
from dossier.core.common.errors import error
from dossier.core.pipeline import Options
from dossier.shell.serve_app import Status, make_app
from dossier.shell.serve_preview import Preview
from dossier.shell.terminal import VisibleStream, visible

HOSTILE = "\x1b[2J\x1b]0;pwned\x07"   # clear the screen, retitle the window
SHOWN = "\\x1b[2J\\x1b]0;pwned\\x07"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")  # none of these may reach a terminal

SEED = "Talks resume in Washington\nThe minister said the talks would resume next week.\n"


def hostile_article(quote: str = "minister \\e[2J\\e]0;pwned\\a said\\u202e") -> str:
    """An article whose quote (YAML double-quoted escapes) holds the hostile sequence and a bidi override."""
    return f'seed: a.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n  - id: x\n    quote: "{quote}"\n'


def assert_safe(text: str) -> None:
    for char in RAW:
        assert char not in text, f"raw {char!r} reached the terminal:\n{text!r}"


@pytest.mark.parametrize("raw, shown", [
    (HOSTILE, SHOWN),
    ("abc\u202edef", "abc\\u202edef"),
    ("a\u2066b\u2069", "a\\u2066b\\u2069"),
    ("over\rwrite", "over\\x0dwrite"),
    ("\x9b31m C1", "\\x9b31m C1"),
    ("nul\x00 del\x7f", "nul\\x00 del\\x7f"),
    ("lone \udcff byte", "lone \\udcff byte"),
    ("line one\n    hint: two\tcolumns", "line one\n    hint: two\tcolumns"),
    ("Zoë “quoted” — שלום 中文", "Zoë “quoted” — שלום 中文"),
])
def test_control_characters_are_made_visible_and_printable_text_is_left_alone(raw, shown):
    assert visible(raw) == shown


def test_a_quote_not_found_is_reported_with_its_escape_sequences_visible(tmp_path):
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": hostile_article()})
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert_safe(result.stdout + result.stderr)
    assert "quote not found" in result.stderr
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in result.stderr and "\\u202e" in result.stderr


def test_an_unknown_source_with_escape_sequences_is_reported_visibly(tmp_path):
    article = hostile_article("the talks").replace("source: outlet-a", 'source: "outlet-\\e[2J\\u202e"')
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": article})
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert_safe(result.stderr)
    assert "outlet-\\x1b[2J\\u202e" in result.stderr


def test_warnings_replayed_by_an_up_to_date_build_are_visible_too(tmp_path):
    name = f"seeds/unused{HOSTILE}\u202e.txt"   # a seed without an article: a warning naming the file
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": hostile_article("the talks"),
                           name: SEED + "A line of its own (not a copy of a.txt, said so).\n"})
    aged(root)  # older than the up-to-date check's racy window
    out = tmp_path / "site"
    first = run_build(root, "--out", str(out), "--no-search")
    assert first.returncode == 0, first.stderr
    again = run_build(root, "--out", str(out), "--no-search")
    assert "up to date" in again.stdout
    for result in (first, again):
        assert_safe(result.stdout + result.stderr)
        assert f"seeds/unused{SHOWN}\\u202e.txt: warning: seed has no article file" in result.stderr


def test_import_and_suggest_print_hostile_file_names_visibly(tmp_path):
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": hostile_article("the talks")})
    os.mkfifo(root / "seeds" / f"pipe{HOSTILE}.txt")   # refused, and reported by name
    imported = run_build(root, "--import")
    assert imported.returncode == 1
    assert_safe(imported.stdout + imported.stderr)
    assert f"seeds/pipe{SHOWN}.txt: error: this is a named pipe" in imported.stderr
    (root / "seeds" / f"pipe{HOSTILE}.txt").unlink()
    (root / "content/articles/a.yaml").write_text(hostile_article("the talks").replace(
        "source: outlet-a", 'source: "outlet-\\e[2J"'), "utf-8")
    suggested = run_build(root, "--suggest")
    assert_safe(suggested.stdout + suggested.stderr)
    assert "outlet-\\x1b[2J" in suggested.stderr


def test_a_visible_stream_escapes_what_is_written_through_it():
    sink = io.StringIO()
    print("near \u201c" + HOSTILE + "\u201d", file=VisibleStream(sink))  # type: ignore[arg-type]
    assert sink.getvalue() == f"near \u201c{SHOWN}\u201d\n"


def test_the_live_preview_log_and_overlay_show_escape_sequences_visibly(tmp_path):
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": hostile_article()})
    log = io.StringIO()
    preview = Preview(root, root / "_site", Options(), stream=log, search=False)
    with preview.cond:
        preview.generations.changed()
        started = preview.generations.start()
    preview.rebuild(frozenset(["content/articles/a.yaml"]), started)
    assert preview.status.state == "failed"
    assert_safe(log.getvalue())
    assert SHOWN in log.getvalue()

    seen: dict[str, str] = {}
    app = make_app(root / "_site", preview.status)
    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": "/__dossier/status.json"},
                        lambda status, headers: seen.update(status=status)))
    status = json.loads(body)
    texts = [p[key] for p in status["problems"] for key in ("where", "message", "hint")]
    assert_safe("".join(texts))
    assert any(SHOWN in text for text in texts)


def test_status_json_escapes_every_text_field_the_overlay_shows():
    status = Status(state="failed", problems=(error(f"content/x{HOSTILE}.yaml", 1, 1, f"bad {HOSTILE}",
                                                    f"try\u202e {HOSTILE}\nsecond line"),),
                    changed=f"content/x{HOSTILE}.yaml")
    data = status.read()
    problem = data["problems"][0]
    assert problem["message"] == f"bad {SHOWN}"
    assert problem["hint"] == f"try\\u202e {SHOWN}\nsecond line"   # the hint's own line break stays
    assert problem["where"] == f"content/x{SHOWN}.yaml:1:1"
    assert data["changed"] == f"content/x{SHOWN}.yaml"
    assert_safe(json.dumps(data, ensure_ascii=False))


@pytest.mark.browser
def test_the_overlay_in_a_real_browser_shows_the_visible_form_and_no_raw_escape(browser, tmp_path):
    from playwright.sync_api import expect

    from test_serve_process import PreviewServer

    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": hostile_article()})
    server = PreviewServer(root, "--no-search")
    try:
        server.wait(lambda s: s["state"] == "failed" and not s["building"])
        page = browser.new_page()
        page.goto(server.url)
        dialog = page.get_by_role("alertdialog")
        expect(dialog).to_be_visible(timeout=30_000)
        expect(dialog).to_contain_text(SHOWN)
        shown = dialog.inner_text()
        assert_safe(shown)
        page.close()
        assert_safe(server.log)
        assert SHOWN in server.log
    finally:
        assert server.stop() == 0


FORGED = "built 91 pages into ~site; 0 errors, 0 warning(s) in 1.00s"


@pytest.mark.parametrize("raw, shown", [
    ("seeds/x\nbuilt\t\r.txt", "seeds/x\\x0abuilt\\x09\\x0d.txt"),
    (f"seeds/a{HOSTILE}.txt", f"seeds/a{SHOWN}.txt"),
    ("seeds/רפיח-Zoë “quoted”.txt", "seeds/רפיח-Zoë “quoted”.txt"),
])
def test_a_file_name_has_its_line_feeds_and_tabs_made_visible_too(raw, shown):
    """Review 163: `visible` keeps a line feed and a tab (the layout of a hint), so a seed named "x\\n<a summary>"
    printed a forged summary line of its own; in a name they are no layout."""
    from dossier.core.common.controls import visible_name
    assert visible_name(raw) == shown


def test_a_problem_names_a_file_with_a_line_feed_in_one_header_line_and_in_its_hint():
    from dossier.core.common.snippet import format_problem
    name = f"seeds/x\n{FORGED}\n.txt"
    problem = error(name, 0, 0, f'seed "x\n{FORGED}\n.txt" is odd', f"see {name}\nthen x\n{FORGED}\n")
    text = format_problem(problem, {name: b"unique\n", "seeds/a.txt": b"a\n"})
    assert FORGED not in text.split("\n")
    assert text.split("\n")[0] == f'seeds/x\\x0a{FORGED}\\x0a.txt: error: seed "x\\x0a{FORGED}\\x0a.txt" is odd'
    assert text.split("\n")[1:] == [f"    hint: see seeds/x\\x0a{FORGED}\\x0a.txt",
                                    f"          then x\\x0a{FORGED}\\x0a"]  # (its stem, as messages name seeds)


def test_a_seed_named_with_a_line_feed_forges_no_line_of_the_build_or_of_import(tmp_path):
    """Review 163: the build printed "seeds/x", then the forged summary as a line of its own, then "\\x0d.txt: …";
    --import likewise for a seed in another encoding named "x\\nevil: 1.txt"."""
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": hostile_article("the talks"),
                           f"seeds/x\n{FORGED}\n\r.txt": "unique\n"})
    built = run_build(root, "--out", str(tmp_path / "site"), "--no-search")
    assert built.returncode == 0, built.stderr
    assert FORGED not in (built.stdout + built.stderr).split("\n")
    assert f"seeds/x\\x0a{FORGED}\\x0a\\x0d.txt: warning: seed has no article file" in built.stderr
    (root / f"seeds/x\n{FORGED}\n\r.txt").unlink()
    (root / "seeds/x\nevil: 1.txt").write_bytes("Straße nach Rafah, sagte der Minister. ".encode("cp1252") * 20)
    (root / "seeds/y\tevil: 2.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    imported = run_build(root, "--import")
    lines = (imported.stdout + imported.stderr).split("\n")
    assert not [line for line in lines if line.startswith("evil")], lines
    assert any(line.startswith("seeds/x\\x0aevil: 1.txt: warning: not valid UTF-8") for line in lines), lines
    assert any(line.startswith("seeds/y\\x09evil: 2.txt: warning: not a text file") for line in lines), lines
