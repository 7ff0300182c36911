"""One golden site: the default dossier, built, must equal tests/golden/ byte for byte.

After an intended change to the output, regenerate and review the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py -q && git diff --stat tests/golden
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_build

GOLDEN = Path(__file__).resolve().parent / "golden"
DIFF_LINES = 40
DIFF_WIDTH = 200  # minified pages have very long lines


def tree(folder: Path) -> dict[str, bytes]:
    """The site; the `.dossier-output` marker is the build's record of file stats, not part of the site."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".dossier-output"}


def short_diff(rel: str, expected: bytes, actual: bytes) -> str:
    try:
        a, b = expected.decode("utf-8").splitlines(), actual.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"{rel}: binary file differs ({len(expected)} bytes expected, {len(actual)} built)"
    lines = list(difflib.unified_diff(a, b, f"golden/{rel}", f"built/{rel}", n=2, lineterm=""))
    if not lines:  # only line endings or a final newline differ
        return f"{rel}: differs in line endings or the final newline"
    lines = clip_changes(lines)
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)"]
    return "\n".join(lines)


def clip(line: str, focus: int) -> str:
    """Cut a long diff line to DIFF_WIDTH characters around `focus` (where it first differs)."""
    if len(line) <= DIFF_WIDTH:
        return line
    start = max(1, focus - DIFF_WIDTH // 3)
    return line[0] + ("[...] " if start > 1 else "") + line[start:start + DIFF_WIDTH] + " [...]"


def clip_changes(lines: list[str]) -> list[str]:
    """Clip long diff lines; a removed line and the added line paired with it are clipped around the first
    character where they differ, so the change itself stays visible."""
    out = [clip(line, 0) for line in lines]
    i = 0
    while i < len(lines):
        if not lines[i].startswith("-") or lines[i].startswith("---"):
            i += 1
            continue
        end_minus = i
        while end_minus < len(lines) and lines[end_minus].startswith("-"):
            end_minus += 1
        end_plus = end_minus
        while end_plus < len(lines) and lines[end_plus].startswith("+") and not lines[end_plus].startswith("+++"):
            end_plus += 1
        for removed, added in zip(range(i, end_minus), range(end_minus, end_plus)):
            focus = len(os.path.commonprefix([lines[removed][1:], lines[added][1:]])) + 1
            out[removed], out[added] = clip(lines[removed], focus), clip(lines[added], focus)
        i = end_plus
    return out


def compare(golden: dict[str, bytes], built: dict[str, bytes]) -> str:
    """"" when equal, else a report naming missing, extra and differing files and diffing the first one."""
    missing = sorted(set(golden) - set(built))
    extra = sorted(set(built) - set(golden))
    differing = sorted(rel for rel in set(golden) & set(built) if golden[rel] != built[rel])
    if not (missing or extra or differing):
        return ""
    parts = ["the built site differs from tests/golden/ (if intended: UPDATE_GOLDEN=1 and review the diff)"]
    for label, names in (("missing from the build", missing), ("extra in the build", extra), ("differing", differing)):
        if names:
            parts.append(f"{label} ({len(names)}):\n  " + "\n  ".join(names))
    if differing:
        parts.append(short_diff(differing[0], golden[differing[0]], built[differing[0]]))
    return "\n".join(parts)


def test_the_default_dossier_builds_to_exactly_the_golden_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build(ROOT, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    built = tree(out)
    assert len(built) > 10
    if os.environ.get("UPDATE_GOLDEN") == "1":
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        shutil.copytree(out, GOLDEN, ignore=shutil.ignore_patterns(".dossier-output"))
        return
    assert GOLDEN.is_dir(), "tests/golden/ is missing: run with UPDATE_GOLDEN=1 to create it"
    report = compare(tree(GOLDEN), built)
    if report:
        pytest.fail(report, pytrace=False)


def test_the_golden_comparison_names_missing_extra_and_differing_files_with_a_diff() -> None:
    golden = {"a.html": b"<p>one</p>\n<p>two</p>\n", "gone.html": b"x", "same.css": b"body{}",
              "img.bin": b"\xff\x00"}
    built = {"a.html": b"<p>one</p>\n<p>2</p>\n", "new.html": b"y", "same.css": b"body{}", "img.bin": b"\xff\x01"}
    report = compare(golden, built)
    assert "missing from the build (1):\n  gone.html" in report
    assert "extra in the build (1):\n  new.html" in report
    assert "differing (2):\n  a.html\n  img.bin" in report
    assert "--- golden/a.html\n+++ built/a.html" in report
    assert "-<p>two</p>\n+<p>2</p>" in report
    assert compare(golden, dict(golden)) == ""


def test_a_long_diff_is_cut_short() -> None:
    expected = "".join(f"line {i}\n" for i in range(200)).encode()
    actual = "".join(f"LINE {i}\n" for i in range(200)).encode()
    text = short_diff("big.html", expected, actual)
    assert len(text.splitlines()) == DIFF_LINES + 1
    assert text.endswith("more diff lines)")


def test_a_diff_of_very_long_lines_is_cut_to_a_readable_width() -> None:
    text = short_diff("page.html", b"<p>" + b"a" * 5000 + b"</p>\n", b"<p>" + b"b" * 5000 + b"</p>\n")
    assert max(len(line) for line in text.splitlines()) <= DIFF_WIDTH + 20
    assert "-<p>aaa" in text and "+<p>bbb" in text


def test_a_long_changed_line_is_shown_around_its_first_difference() -> None:
    before = "<p>" + "same " * 200 + "OLD words</p>\n"
    after = "<p>" + "same " * 200 + "NEW words</p>\n"
    text = short_diff("page.html", before.encode(), after.encode())
    assert "-[...] " in text and "OLD words" in text and "NEW words" in text
