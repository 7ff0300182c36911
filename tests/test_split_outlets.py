"""Outlets split into content/sources/*.yaml, as entities may be into content/entities/*.yaml: the files are read
as one registry (loader.jobs, duplicates.one_per_id), and the site is the one content/sources.yaml alone makes.

Before, content/sources/ was no folder the build read: sources.yaml moved there (or split there) was a warning and
then an `unknown source` error at every article, each hinting at content/sources.yaml, and an outlet added in a file
there beside sources.yaml was unknown to its articles. An outlet id two of the files define: the invalid dossiers
outlet-defined-in-two-files and outlet-block-copied-into-another-file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_of_default_dossier, run_build
from test_golden import compare, tree


def built(root: Path) -> dict[str, bytes]:
    """The site of the dossier at `root` (without search: the index is no part of what is compared), built with no
    problem said."""
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warning(s)" in result.stdout and not result.stderr, result.stdout + result.stderr
    return tree(root / "_site")


@pytest.fixture(scope="module")
def one_file(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return built(copy_of_default_dossier(tmp_path_factory.mktemp("one-file")))


def blocks(text: str) -> list[str]:
    """The outlets of a sources.yaml written in block style, each with its lines (the header comment aside)."""
    found: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            continue
        if line[:1].strip():
            found.append("")
        found[-1] += line
    return found


# Where the outlets of the default dossier go: file → the indices of its blocks (None: the whole file, as it is)
LAYOUTS = {
    "moved into the folder": {"content/sources/sources.yaml": None},
    "split in the folder": {"content/sources/israel.yaml": [0, 1, 2], "content/sources/us.yaml": [3, 4]},
    "one more file beside it": {"content/sources.yaml": [0, 2, 4], "content/sources/more/us.yaml": [3, 1]},
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_outlets_in_content_sources_build_the_same_site_as_one_sources_yaml(tmp_path: Path, one_file, layout) -> None:
    root = copy_of_default_dossier(tmp_path)
    sources = root / "content/sources.yaml"
    text = sources.read_text("utf-8")
    outlets = blocks(text)
    assert len(outlets) == 5
    sources.unlink()
    for rel, indices in LAYOUTS[layout].items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text if indices is None else "".join(outlets[i] for i in indices), "utf-8")
    report = compare(one_file, built(root))
    assert not report, report
