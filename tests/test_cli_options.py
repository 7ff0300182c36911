"""The command line refuses options that cannot work before doing anything: a port out of range (the server
took 99999 modulo 65536 and announced a port it was not listening on) and two commands in one run (--serve
quietly ignored --check). What --check says it left for later matches what it did."""

from __future__ import annotations

import pytest

from conftest import mini, run_build

SEED = "Talks resume\nThe minister said the talks would resume next week.\n"
ARTICLE = "seed: a.txt\ntitle: Talks resume\nsource: outlet-a\ndate: 2024-03-22\n"


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_a_port_that_is_not_1_to_65535_is_refused_before_serving(tmp_path, port: str) -> None:
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    result = run_build(root, "--serve", "--port", port)
    assert result.returncode == 2
    assert f"argument --port: '{port}' is not a port number (1-65535)" in result.stderr
    assert not (root / "_site").exists()


@pytest.mark.parametrize("first,second", [("--serve", "--check"), ("--check", "--import"), ("--suggest", "--serve")])
def test_two_commands_in_one_run_are_refused_instead_of_one_being_ignored(tmp_path, first: str, second: str) -> None:
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    result = run_build(root, first, second)
    assert result.returncode == 2
    assert f"argument {second}: not allowed with argument {first}" in result.stderr
    assert not (root / "_site").exists()


def test_check_points_at_the_report_of_the_site_once_built_not_at_one_it_did_not_write(tmp_path) -> None:
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    checked = run_build(root, "--check")
    assert checked.returncode == 0 and "(details: report/ of the site, once built)" in checked.stdout
    built = run_build(root, "--no-search")
    assert built.returncode == 0 and "(details: report/ in the built site)" in built.stdout


def test_a_failed_build_does_not_point_at_the_report_of_the_site_it_left_as_it_was(tmp_path) -> None:
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE + "unknown_key: 1\n"})
    failed = run_build(root, "--no-search")
    assert failed.returncode == 1 and "left as it was" in failed.stdout
    assert "(details: report/ of the site, once built)" in failed.stdout and "in the built site" not in failed.stdout


@pytest.mark.parametrize("url,why", [("../x", 'a "." or ".." part'), ("javascript:alert(1)", "neither a path nor"),
                                     ("/a b/", "holds a space, which an address path cannot"),
                                     ("example.org/x/", "a host without its scheme")])
def test_a_base_url_no_site_can_be_served_from_is_refused_before_building(tmp_path, url: str, why: str) -> None:
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    result = run_build(root, "--base-url", url, "--no-search")
    assert result.returncode == 2
    assert f"argument --base-url: '{url}' cannot be used:" in result.stderr and why in result.stderr
    assert not (root / "_site").exists()
    served = run_build(root, "--base-url", "https://example.org/dossier/", "--no-search")
    assert served.returncode == 0, served.stderr


@pytest.mark.parametrize("args", [(), ("--check",), ("--serve",), ("--import",), ("--suggest",)])
def test_a_root_that_is_no_dossier_is_refused_and_nothing_is_written_there(tmp_path, args) -> None:
    """A mistyped --root (an empty folder, a dossier's seeds/) was built as a dossier with site.yaml missing,
    and its cache (.dossier-cache/) was left in that folder."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a dossier\n", "utf-8")
    result = run_build(empty, *args)
    assert result.returncode == 2
    assert f"{empty} is not a dossier folder: it has no site.yaml, seeds/ or content/" in result.stderr
    assert sorted(p.name for p in empty.iterdir()) == ["notes.txt"]


def test_a_build_without_search_removes_the_index_an_earlier_build_left_and_says_so(tmp_path) -> None:
    """`build.py --no-search` makes a site without a search index: the one an earlier build left would find pages
    as they were then, and pages since removed, so it goes (the live preview keeps it: test_serve_process.py).
    It went silently, and the search page was found empty."""
    pytest.importorskip("pagefind")
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE})
    assert run_build(root).returncode == 0
    index = root / "_site" / "pagefind"
    assert (index / "pagefind.js").is_file()
    result = run_build(root, "--no-search")
    assert result.returncode == 0 and not index.exists()
    assert f"build.py: note: removed the search index an earlier build left in {index}:" in result.stderr
    assert "the search page says search is not available until a build without --no-search" in result.stderr
    again = run_build(root, "--no-search", "--strict")   # (built again, not "up to date": no index, no note)
    assert again.returncode == 0 and "search index" not in again.stderr


def test_problems_are_printed_errors_first_with_site_yaml_s_leading(tmp_path) -> None:
    """A wrong setting explains errors elsewhere, and errors stood among warnings file by file: site.yaml's came
    last (review 84). Printed: site.yaml's error, the article's, then the seed's warning."""
    root = mini(tmp_path, {"site.yaml": "title: Mini\nchecks:\n  no-such-check: warning\n",
                           "content/sources.yaml": "outlet-a: {name: Outlet A}\n", "seeds/a.txt": "Some text.\n",
                           "seeds/b.txt": "Another text.\n",
                           "content/articles/a.yaml": "seed: a.txt\ntitle: A\nsource: outlet-z\ndate: 2024-01-01\n"})
    result = run_build(root, "--check")
    headers = [line for line in result.stderr.splitlines() if ": error: " in line or ": warning: " in line]
    assert [h.split(":", 1)[0] for h in headers] == ["site.yaml", "content/articles/a.yaml", "seeds/b.txt"], headers
    assert "[site-check-unknown]" in headers[0] and "[source-unknown]" in headers[1] and "[seed-unused]" in headers[2]
