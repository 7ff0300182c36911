"""Keyed pages (plan/page.py `keyed`) are rendered again only when their explicit input changed: an edit to one
note re-renders that article's three pages and reuses every other keyed page, in the live preview's Memo and
through the command line's persistent cache, with output byte-identical to a cold build (the general property
is tests/test_cache_honesty.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dossier.core.common.memo import Memo
from dossier.core.execute.execute import page_key
from dossier.core.pipeline import Options, build_site
from dossier.core.plan.page import keyed
from dossier.shell import fs
from dossier.shell.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "d"
    root.mkdir()
    for name in ("site.yaml", "seeds", "content"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    return root


def _edit_first_note(root: Path) -> str:
    path = sorted((root / "content/articles").glob("*.yaml"))[0]
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^(\s*note: )", r"\1Edited. ", text, count=1, flags=re.M), "utf-8")
    return path.stem


def _build(root: Path, memo: Memo) -> dict[str, bytes]:
    memo.begin()
    result = build_site(fs.read_inputs(root), Options(), memo)
    memo.sweep()
    assert result.ok, result.problems
    return dict(result.outputs)


def test_one_note_edited_renders_only_its_articles_pages_again(dossier: Path) -> None:
    memo = Memo()
    first = _build(dossier, memo)
    keyed_pages = memo.misses["page"]
    assert keyed_pages == 3 * len(list((dossier / "content/articles").glob("*.yaml")))
    memo.hits.clear(), memo.misses.clear()
    slug = _edit_first_note(dossier)
    second = _build(dossier, memo)
    assert memo.misses["page"] == 3 and memo.hits["page"] == keyed_pages - 3
    changed = {p for p in second if first.get(p) != second[p]}
    assert f"articles/{slug}/index.html" in changed and f"articles/{slug}.md" in changed
    assert second == _build(dossier, Memo())  # what was reused is what a cold build makes


def test_the_command_line_reuses_pages_kept_in_the_cache_by_an_earlier_run(dossier: Path, capsys) -> None:
    assert main(["--root", str(dossier), "--no-search"]) == 0
    kept = sorted((dossier / ".dossier-cache/entries").rglob("*"))
    assert main(["--root", str(dossier), "--no-search", "--out", str(dossier / "again")]) == 0
    assert sorted((dossier / ".dossier-cache/entries").rglob("*")) == kept  # every page found, none stored anew
    for path in (dossier / "_site").rglob("*"):
        if path.is_file() and path.name != fs.MARKER:
            assert (dossier / "again" / path.relative_to(dossier / "_site")).read_bytes() == path.read_bytes()


def test_a_page_key_names_the_input_the_view_and_the_templates() -> None:
    def view(value: object) -> dict:
        return {}

    page = keyed("a/index.html", "x", (), "a.html", view, lambda: None)
    key = page_key(page, ("input", 1), "templates-1")
    assert key == page_key(page, ("input", 1), "templates-1")
    assert key != page_key(page, ("input", 2), "templates-1")
    assert key != page_key(page, ("input", 1), "templates-2")
    other = keyed("b/index.html", "x", (), "a.html", view, lambda: None)
    assert key != page_key(other, ("input", 1), "templates-1")
    assert page_key(page, lambda: None, "t") is None  # a value pickle cannot write is never kept
