"""Folders of invalid dossiers with the exact messages the build must print for them (Zola's style).

Each `tests/invalid/<case>/` is a complete small dossier (site.yaml, seeds/, content/) plus `expected.txt`:
- `path:line:col: severity: message` lines: each must appear verbatim as a problem header in stderr;
- a `hint~ text` line right after one means "the hint of that problem contains text";
- blank lines and `#` comments are ignored.
Every error the build reports must be listed: a cascade of follow-on errors is a failure too (warnings may
be extra). A case with an `xfail.txt` documents a known bug; the file holds the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import MINIMAL_SITE, MINIMAL_SOURCES, run_build, write_tree

CASES = Path(__file__).resolve().parent / "invalid"
HEADER = re.compile(r"^(?P<where>\S[^:]*(?::\d+:\d+)?): (?P<severity>error|warning): (?P<message>.*)$")


@dataclass
class Reported:
    header: str
    severity: str
    hint: str = ""


@dataclass
class Expected:
    header: str
    hint_parts: list[str] = field(default_factory=list)


def parse_stderr(stderr: str) -> list[Reported]:
    """`path:line:col: severity: message` headers, each with its `    hint:` (continuation lines joined by \\n)."""
    problems: list[Reported] = []
    in_hint = False
    for line in stderr.splitlines():
        match = HEADER.match(line)
        if match:
            problems.append(Reported(line, match.group("severity")))
            in_hint = False
        elif problems and line.startswith("    hint: "):
            problems[-1].hint = line[len("    hint: "):]
            in_hint = True
        elif problems and in_hint and line.startswith("          "):
            problems[-1].hint += "\n" + line.strip()
        else:
            in_hint = False
    return problems


def parse_expected(text: str) -> list[Expected]:
    expected: list[Expected] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("hint~ "):
            assert expected, "a hint~ line must follow a problem line"
            expected[-1].hint_parts.append(line[len("hint~ "):])
        else:
            assert HEADER.match(line), f"not a problem line: {line!r}"
            expected.append(Expected(line))
    return expected


def _cases() -> list:
    params = []
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()):
        marks = []
        reason_file = folder / "xfail.txt"
        if reason_file.exists():
            marks.append(pytest.mark.xfail(strict=True, reason=reason_file.read_text("utf-8").strip()))
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> Path:
    """The cases copied out of the source tree: `--check` keeps a cache in the dossier it checks, and a test
    run must leave tests/invalid/ as it is in git."""
    top = tmp_path_factory.mktemp("invalid")
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()):
        shutil.copytree(folder, top / folder.name, ignore=shutil.ignore_patterns(".dossier-cache", "_site"))
    compiled = _compiled(tmp_path_factory.mktemp("compiled"))
    for folder in sorted(p for p in top.iterdir() if not (p / "templates").exists()):
        for part in compiled.iterdir():
            shutil.copytree(part, folder / ".dossier-cache" / part.name)
    return top


def _compiled(where: Path) -> Path:
    """The compiled templates and schemas of a `--check` of a valid dossier (its cache's templates/ and
    schemas/): each case without templates of its own starts with them, as a dossier checked before does,
    instead of compiling the project's templates again (most of a case's run). The cases of templates/ of
    their own start with no cache at all."""
    root = write_tree(where / "valid", {"site.yaml": MINIMAL_SITE, "content/sources.yaml": MINIMAL_SOURCES,
                                        "content/articles/outlet-a-x.yaml": "seed: x.txt\ntitle: X\n"
                                        "source: outlet-a\ndate: 2024-01-01\nannotations: []\n",
                                        "seeds/x.txt": "A line of text.\n"})
    result = run_build(root, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    kept = where / "kept"
    for part in ("templates", "schemas"):
        assert any((root / ".dossier-cache" / part).rglob("*.*")), f"the check compiled no {part}"
        shutil.copytree(root / ".dossier-cache" / part, kept / part)
    return kept


def _selected(session: pytest.Session) -> list[str]:
    """The cases whose test this run is to run (`-k` or a test id selects some)."""
    return sorted({item.callspec.params["folder"].name for item in session.items
                   if getattr(item, "originalname", "") == "test_an_invalid_dossier_fails_the_check_with_exactly_its_"
                   "expected_messages" and hasattr(item, "callspec")})


@pytest.fixture(scope="module")
def checked(copies: Path, request: pytest.FixtureRequest) -> dict[str, subprocess.CompletedProcess[str]]:
    """`python build.py --root CASE --check` for each case this run selects (`-k` one case runs that one), a core's
    worth side by side: each run a process of its own forked from a build server (conftest.run_build), a server
    for each run going on (all ninety at once held gigabytes)."""
    names = _selected(request.session)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        running = [pool.submit(run_build, copies / name, "--check") for name in names]
        try:
            return {name: run.result() for name, run in zip(names, running)}
        except BaseException:   # (interrupted: the runs not begun are not begun)
            for run in running:
                run.cancel()
            raise


def test_there_are_enough_invalid_dossiers_and_each_is_complete() -> None:
    folders = [p for p in CASES.iterdir() if p.is_dir()]
    assert len(folders) >= 8
    for folder in folders:
        for part in ("site.yaml", "seeds", "content", "expected.txt"):
            assert (folder / part).exists(), f"{folder.name} lacks {part}"
        # (its outlets and its articles: where the build reads them, or, in a case of such files in the wrong place,
        # elsewhere in content/, as content/sources.yml, content/article/a.yaml)
        files = [p.relative_to(folder / "content").as_posix() for p in (folder / "content").rglob("*") if p.is_file()]
        assert any("sources" in f for f in files), f"{folder.name} has no outlets file"
        assert any(f.startswith("article") and "/" in f for f in files), f"{folder.name} has no article file"
        assert parse_expected((folder / "expected.txt").read_text("utf-8")), f"{folder.name}: expected.txt is empty"


@pytest.mark.parametrize("folder", _cases())
def test_an_invalid_dossier_fails_the_check_with_exactly_its_expected_messages(folder: Path, checked,
                                                                               copies: Path) -> None:
    expected = parse_expected((folder / "expected.txt").read_text("utf-8"))
    result = checked[folder.name]
    assert result.returncode == 1, result.stdout + result.stderr
    reported = parse_stderr(result.stderr)
    by_header = {p.header: p for p in reported}
    for item in expected:
        assert item.header in by_header, f"missing from stderr:\n  {item.header}\nstderr was:\n{result.stderr}"
        for part in item.hint_parts:
            assert part in by_header[item.header].hint, (
                f"the hint of\n  {item.header}\ndoes not contain {part!r}; it is:\n  {by_header[item.header].hint}")
    unexpected = [p.header for p in reported if p.severity == "error"
                  and p.header not in {e.header for e in expected}]
    assert not unexpected, "errors not listed in expected.txt:\n  " + "\n  ".join(unexpected)
    assert not (copies / folder.name / "_site").exists(), "--check must write nothing"


def test_the_stderr_reader_pairs_each_problem_with_its_multi_line_hint() -> None:
    stderr = ('a.yaml:7:12: error: quote occurs 2 times\n    hint: add a prefix:\n          s.txt:3: prefix: "x"\n'
              'seeds/a.txt: warning: unused\n    hint: run --import\n')
    problems = parse_stderr(stderr)
    assert [(p.header, p.severity, p.hint) for p in problems] == [
        ("a.yaml:7:12: error: quote occurs 2 times", "error", 'add a prefix:\ns.txt:3: prefix: "x"'),
        ("seeds/a.txt: warning: unused", "warning", "run --import"),
    ]
