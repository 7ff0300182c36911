"""Quality gate: every page of the built default dossier is valid HTML for the W3C Nu checker (0 errors).

The checker is npm's `vnu-jar` (pinned in package-lock.json, installed by `make test`), run by the machine's
Java over all pages in one JVM, which keeps the gate to a few seconds. Missing Java or node_modules: the test
skips locally with the command to fix it, and fails in CI (CI is set).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(what: str, fix: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; {fix}")
    pytest.skip(f"{what} is missing: {fix}")


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        _missing("java", "apt-get install default-jre-headless (.ci/run does)")
    if not VNU_JAR.exists():
        _missing(str(VNU_JAR.relative_to(ROOT)), "run `npm ci --ignore-scripts` (make test does)")
    # A short-lived JVM: the client compiler and the serial collector start faster than the defaults.
    return [str(java), "-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU_JAR)]


def nu_errors(site: Path, files: list[Path]) -> list[str]:
    """Run the Nu checker once over `files`; each error as `path:line:col: message` (path relative to site)."""
    result = subprocess.run([*vnu_command(), "--errors-only", "--format", "json", "--stdout",
                             *map(str, files)], capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"the Nu checker gave no JSON report (exit {result.returncode}):\n"
                             f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}") from None
    errors = []
    for m in messages:
        if m.get("type") == "info":
            continue  # --errors-only already leaves warnings out; info messages are never failures
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        try:
            shown = path.relative_to(site).as_posix()
        except ValueError:
            shown = str(path)
        line = m.get("lastLine", m.get("firstLine", 0))
        col = m.get("firstColumn", m.get("lastColumn", 0))
        extract = " ".join(m.get("extract", "").split())
        errors.append(f"{shown}:{line}:{col}: {m.get('message', '')}" + (f"  [{extract[:160]}]" if extract else ""))
    if not messages and result.returncode != 0:
        raise AssertionError(f"the Nu checker failed (exit {result.returncode}): {result.stderr[-2000:]}")
    return errors


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


CANARY = ("<!DOCTYPE html><html lang=en><head><title>canary</title></head>"
          "<body><p><div>a block in a paragraph</p></span></body></html>")


def test_every_page_of_the_default_dossier_is_valid_html(default_site: Path, tmp_path: Path) -> None:
    pages = html_pages(default_site)
    assert pages, f"no HTML pages in {default_site}"
    # A page known to be invalid goes through the same run: if the checker reports nothing for it, the gate is
    # not checking (wrong jar, wrong options, unreadable report) rather than passing.
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    errors = nu_errors(default_site, [*pages, canary])
    assert any(str(canary) in e for e in errors), f"the Nu checker missed the canary's errors: {errors[:5]}"
    errors = [e for e in errors if str(canary) not in e]
    assert not errors, (f"W3C Nu checker: {len(errors)} error(s) in {len(pages)} pages:\n" + "\n".join(errors))


def test_every_table_of_the_default_dossier_has_a_caption_and_column_headers(default_site: Path) -> None:
    """A screen reader names a table by its caption (the provenance view's table of dropped lines had none)."""
    import re

    checked, bare = 0, []
    for page in html_pages(default_site):
        for table in re.findall(r"<table\b.*?</table>", page.read_text("utf-8"), re.S):
            checked += 1
            if "<caption" not in table or "<th" not in table:
                bare.append(f"{page.relative_to(default_site)}: {table[:120]}")
    assert checked >= 20 and not bare, (checked, bare)
