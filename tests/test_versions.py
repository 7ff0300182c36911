"""Libraries' versions read from their .dist-info folders' names (shell/versions.py) are what importlib.metadata
reads from their METADATA files, for every library the cache's code version and the search key name."""

from __future__ import annotations

from importlib import metadata

import pytest

from dossier.shell import versions


@pytest.mark.parametrize("name", ["markdown-it-py", "mdit-py-plugins", "PyYAML", "jsonschema", "fastjsonschema",
                                  "Jinja2", "MarkupSafe", "rapidfuzz", "pyahocorasick", "regex", "pagefind_bin"])
def test_a_version_read_from_the_folder_name_is_the_installed_one(name: str) -> None:
    assert versions.version(name) == metadata.version(name)


def test_names_match_however_they_are_spelled() -> None:
    assert versions.version("markdown_it_py") == versions.version("Markdown.It-Py") == metadata.version("markdown-it-py")


def test_a_library_that_is_not_installed_has_no_version() -> None:
    assert versions.version("no-such-library-dossier-test") == "-"
