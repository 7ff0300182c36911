"""The Pagefind binary is found where Pagefind's own Python package finds it (shell/search_binary.py mirrors
`pagefind.service.get_executable` so as not to import asyncio with it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagefind.service import get_executable

from dossier.shell.search_binary import executable


def test_the_binary_found_is_pagefinds_own() -> None:
    assert executable() == get_executable() is not None
    assert executable().is_file()


def test_the_environment_variable_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "my-pagefind"))
    assert executable() == get_executable() == tmp_path / "my-pagefind"


def test_without_the_packages_the_path_is_searched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import dossier.shell.search_binary as where

    monkeypatch.setattr(where, "find_spec", lambda name: None)  # as if neither package were installed
    monkeypatch.setenv("PATH", str(tmp_path))
    assert executable() is None
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert executable() == binary
