"""Templates compiled ahead (dossier/shell/compile_ahead.py): a build without compiled templates in its cache
compiles them all in a process of its own while it loads, and renders the same site."""

from __future__ import annotations

import shutil
from pathlib import Path

from dossier.core.execute.render import FILE, Renderer
from dossier.shell import fs, parallel
from dossier.shell.cache import FOLDER, code_version, compiled_templates
from dossier.shell.cli import main
from dossier.shell.compile_ahead import compile_ahead

TEMPLATES = {"page.html": "{% include 'part.html' %}<p>{{ x }}</p>", "part.html": "<b>{{ x|upper }}</b>",
             "unused.html": "<i>{{ y }}</i>"}


def test_every_template_is_compiled_ahead_and_the_first_load_waits_for_it(tmp_path):
    compiled = compiled_templates(tmp_path)
    assert parallel.workers() >= 2  # (this machine, and CI's: with one core nothing is done ahead)
    compile_ahead(compiled, TEMPLATES)
    assert compiled.waiting is not None
    renderer = Renderer(TEMPLATES, compiled)
    assert renderer.render("page.html", {"x": "hi"}, "page.html") == (b"<b>HI</b><p>hi</p>", ())
    assert compiled.waiting is None  # (waited for once, by the first load)
    assert all(compiled.holds(name, FILE + name) for name in TEMPLATES)  # the unused one too: compiled ahead
    assert len(list(tmp_path.iterdir())) == 3
    compile_ahead(compiled, TEMPLATES)
    assert compiled.waiting is None  # all of them kept: no process
    broken = {**TEMPLATES, "bad.html": "{% if %}"}
    compile_ahead(compiled, broken)  # one that does not compile is left to the build
    assert compiled.waiting is not None
    assert Renderer(broken, compiled).render("part.html", {"x": "a"}, "part.html") == (b"<b>A</b>", ())
    assert len(list(tmp_path.iterdir())) == 3 and not compiled.holds("bad.html", FILE + "bad.html")


def _site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def test_a_cold_build_compiles_its_templates_ahead_and_equals_one_that_compiles_them_itself(tmp_path, monkeypatch):
    """The dossier's own template that no page uses is compiled too, by the process ahead; in one process (one
    core) it is not, and the site is the same. (This user's store of compiled templates, user_store.py, is one
    of the test's own, emptied before each build: what another build compiled is not read instead.)"""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "dossier"
    shutil.copytree(fs.PROJECT / "tests" / "invalid" / "template-syntax-error", root)
    shutil.rmtree(root / "templates")
    (root / "templates").mkdir()
    (root / "templates" / "unused.html").write_text("<i>{{ nothing }}</i>\n", "utf-8")
    folder = root / FOLDER / "templates" / code_version()[:32]
    assert main(["--root", str(root), "--out", str(tmp_path / "ahead"), "--no-search"]) == 0
    ahead = compiled_templates(folder)
    assert ahead.holds("unused.html", FILE + "unused.html") and ahead.holds("base.html", FILE + "base.html")
    shutil.rmtree(root / FOLDER)
    shutil.rmtree(tmp_path / "xdg" / "dossier" / "compiled")
    monkeypatch.setenv("DOSSIER_WORKERS", "1")
    assert main(["--root", str(root), "--out", str(tmp_path / "alone"), "--no-search"]) == 0
    alone = compiled_templates(folder)
    assert not alone.holds("unused.html", FILE + "unused.html") and alone.holds("base.html", FILE + "base.html")
    assert _site(tmp_path / "ahead") == _site(tmp_path / "alone")
