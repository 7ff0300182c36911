"""A family of pages keyed as one (plan/page.py `group`): the passages' pages. While nothing they read changed (a
note reworded), each page's key is the one the last build found, and no page's input is gathered nor digested; an
edit they show (an article's title, a template, the site's settings) keys them again. Either way the site is the
one a cold build makes (the general property is tests/test_cache_honesty.py)."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_of_default_dossier, edit_first_note

from dossier.core.common.memo import Memo
from dossier.core.execute import execute
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs
from dossier.shell.cli import main


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    return copy_of_default_dossier(tmp_path)


@pytest.fixture()
def keyed(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """The pages whose key the executor computes, counted by folder (passage pages: "passages/<id>/")."""
    monkeypatch.setenv("DOSSIER_WORKERS", "1")  # (keys made in this process, where they are counted)
    calls: Counter = Counter()
    original = execute.page_key

    def counting(page, value, templates):
        calls["passage" if PASSAGE_PAGE.fullmatch(page.path) else "other"] += 1
        return original(page, value, templates)

    monkeypatch.setattr(execute, "page_key", counting)
    return calls


def site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def cold(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The site a build with no cache and no output folder makes of `root`'s inputs."""
    copy = tmp_path / "cold"
    for name in ("site.yaml", "seeds", "content", "templates"):
        if (root / name).is_dir():
            shutil.copytree(root / name, copy / name)
        elif (root / name).is_file():
            copy.mkdir(exist_ok=True)
            (copy / name).write_bytes((root / name).read_bytes())
    assert main(["--root", str(copy), "--no-search"]) == 0
    return site(copy / "_site")


def passage_article(root: Path) -> str:
    """The slug of an article that holds a shared passage (the first the passages' listing links)."""
    listing = (root / "_site" / "passages" / "index.html").read_text("utf-8")
    page = re.search(r'href="/passages/([0-9a-f]+)/"', listing).group(1)
    text = (root / "_site" / "passages" / page / "index.html").read_text("utf-8")
    return re.search(r'href="/articles/([a-z0-9-]+)/', text).group(1)


def test_a_note_edited_keys_no_passage_page_again(dossier: Path, keyed: Counter, tmp_path: Path) -> None:
    assert main(["--root", str(dossier), "--no-search"]) == 0
    assert keyed["passage"] >= 5  # the default dossier's shared passages, each a page
    keyed.clear()
    edit_first_note(dossier)
    assert main(["--root", str(dossier), "--no-search"]) == 0
    assert keyed["passage"] == 0 and keyed["other"] > 0, keyed
    assert site(dossier / "_site") == cold(dossier, tmp_path)


def passage_pages(built: dict[str, bytes], slug: str = "") -> set[str]:
    """The passages' own pages of a site; with `slug`, those that show that article."""
    return {path for path, data in built.items() if PASSAGE_PAGE.fullmatch(path) and
            (not slug or f'href="/articles/{slug}/'.encode("utf-8") in data)}


PASSAGE_PAGE = re.compile(r"passages/[0-9a-f]+(-[0-9]+)?/([0-9]+/)?index\.html")


@pytest.mark.parametrize("edit", ["title", "annotation", "template", "site"])
def test_an_edit_the_passage_pages_show_keys_them_again(dossier: Path, keyed: Counter, tmp_path: Path,
                                                         edit: str) -> None:
    """A template or the site's settings edited keys every passage page again; an article's title edited, or an
    annotation of it removed (the pages mark where its annotations are), keys again the pages of the families of
    its passages alone (FAMILIES), each of those that show it among them."""
    assert main(["--root", str(dossier), "--no-search"]) == 0
    slug = passage_article(dossier)
    every, showing = passage_pages(site(dossier / "_site")), passage_pages(site(dossier / "_site"), slug)
    path = dossier / "content" / "articles" / f"{slug}.yaml"
    if edit == "title":  # (shown with each place of the passage)
        path.write_text(re.sub(r"^title: ([\"']?)", r"title: \1Retitled ", path.read_text("utf-8"), count=1,
                               flags=re.M), "utf-8")
    elif edit == "annotation":  # (its last annotation, which nothing else names)
        data = yaml.safe_load(path.read_text("utf-8"))
        data["annotations"].pop()
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    elif edit == "template":  # (a dossier's own passage.html, overriding the project's)
        source = (ROOT / "templates" / "passage.html").read_text("utf-8")
        (dossier / "templates").mkdir()
        (dossier / "templates" / "passage.html").write_text(source.replace("{% block main %}",
                                                                           "{% block main %}<!-- ours -->", 1))
    else:
        path = dossier / "site.yaml"
        path.write_text(re.sub(r"^title: ([\"']?)", r"title: \1Renamed ", path.read_text("utf-8"), count=1,
                               flags=re.M), "utf-8")
    keyed.clear()
    assert main(["--root", str(dossier), "--no-search"]) == 0
    if edit in ("title", "annotation"):
        assert len(showing) <= keyed["passage"] < len(every), (keyed, len(showing), len(every))
    else:
        assert keyed["passage"] == len(every) >= 5, keyed
    built = site(dossier / "_site")
    assert built == cold(dossier, tmp_path)
    if edit != "annotation":
        marked = {"title": "Retitled", "template": "<!-- ours -->", "site": "Renamed"}[edit]
        assert any(marked in data.decode("utf-8") for path, data in built.items() if path.startswith("passages/")
                   and path.count("/") == 2), f"no passage page shows the {edit} edit"


def test_the_live_previews_memo_keys_no_passage_page_again_after_a_note(dossier: Path, keyed: Counter) -> None:
    memo = Memo()
    outputs = []
    for edit in (False, True):
        if edit:
            keyed.clear()
            edit_first_note(dossier)
        memo.begin()
        result = build_site(fs.read_inputs(dossier), Options(), memo)
        memo.sweep()
        assert result.ok, result.problems
        outputs.append(dict(result.outputs))
    assert keyed["passage"] == 0 and keyed["other"] > 0, keyed
    memo.begin()
    assert outputs[1] == dict(build_site(fs.read_inputs(dossier), Options(), Memo()).outputs)


def test_a_groups_kept_keys_are_its_pages_own_whichever_pages_the_plan_keeps() -> None:
    """A group's keys are kept in the order of its pages; the pages the plan keeps of a group may differ between
    two builds with the same group digest (claim_paths keeps the first page of a path), and a key must never go
    to another page than the one it was found for: the kept keys are named by the pages' paths too."""
    from dossier.core.execute.render import Renderer
    from dossier.core.plan.page import keyed as keyed_page

    def page(path: str) -> object:
        return keyed_page(path, "x", (), None, lambda value: value.encode("utf-8"), lambda: f"bytes of {path}", "g")

    memo, renderer = Memo(), Renderer({})
    for paths in (["passages/a/index.html", "passages/b/index.html"],
                  ["passages/a/index.html", "passages/c/index.html"]):
        memo.begin()
        done = execute.execute([page(p) for p in paths], renderer, "/", kept=memo)
        memo.sweep()
        assert done.outputs == {p: f"bytes of {p}".encode("utf-8") for p in paths}
