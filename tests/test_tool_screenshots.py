"""tools/screenshots.py takes the README's screenshots: each image the README shows is one it takes, of a page the
default dossier builds (its golden site, tests/golden), so that a retake after a change of layout needs no
guessing at how they were made (sources.png showed /sources/ in a layout long gone)."""

from __future__ import annotations

import importlib.util
import re

from conftest import ROOT


def shots() -> dict:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "tools" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SHOTS


def test_every_screenshot_the_readme_shows_is_taken_by_the_tool_of_a_page_of_the_default_dossier() -> None:
    shown = re.findall(r"\(docs/screenshots/([a-z-]+)\.png\)", (ROOT / "README.md").read_text("utf-8"))
    taken = shots()
    assert shown and sorted(shown) == sorted(taken)
    for name, (path, width, height, *_) in taken.items():
        assert (ROOT / "tests" / "golden" / path.split("?")[0] / "index.html").exists(), (name, path)
        assert (ROOT / "docs" / "screenshots" / f"{name}.png").exists()
        # (the image is the window: its size in the PNG's header is the window's)
        png = (ROOT / "docs" / "screenshots" / f"{name}.png").read_bytes()
        assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (width, height), name
