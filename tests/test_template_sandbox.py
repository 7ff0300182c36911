"""A dossier's own templates run in Jinja's sandbox (review 75): a contributed dossier's template ran any
Python when the dossier was built, checked or previewed, and could read the machine's files into a page."""

from __future__ import annotations

from conftest import ROOT, copy_of_default_dossier, run_build

CODE = "template-unsafe"
ATTACKS = ("{% set _ = cycler.__init__.__globals__.os.system('touch {marker}') %}",
           "<pre>{{ lipsum.__globals__['__builtins__']['open']('/etc/hostname').read() }}</pre>",
           "{{ ''.__class__.__mro__[1].__subclasses__() }}",
           "{% set x = [1] %}{{ x.append(2) }}")


def test_a_dossier_s_template_runs_no_python_of_its_own(tmp_path):
    root = copy_of_default_dossier(tmp_path)
    (root / "templates").mkdir()
    marker = tmp_path / "ran"
    for n, attack in enumerate(ATTACKS):
        page = (ROOT / "templates" / "404.html").read_text("utf-8")
        (root / "templates" / "404.html").write_text(
            page.replace("{% block main %}", "{% block main %}" + attack.replace("{marker}", str(marker)), 1), "utf-8")
        for how in ("--check", "--no-search"):
            built = run_build(root, how)
            assert built.returncode == 1, (attack, built.stdout + built.stderr)
            assert f"[{CODE}]" in built.stderr and "templates/404.html:" in built.stderr, built.stderr
            assert not marker.exists() and not (root / "_site").exists()
