"""Where the Pagefind binary is: found as `pagefind.service.get_executable` finds it (Pagefind 1.5), without
importing that module, which imports asyncio for its own client (30-50 ms of every build with search; we speak
the service's protocol ourselves, search.py).

In its order: $PAGEFIND_BINARY_PATH; the binary inside the `pagefind_bin_extended` package, then inside
`pagefind_bin` (`pagefind_extended` before `pagefind`; the packages are located, not imported); then
`pagefind_extended` or `pagefind` on $PATH (a package without its binary counts as none, where Pagefind raises).
tests/test_search_binary.py holds it to Pagefind's own answer.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib.util import find_spec
from pathlib import Path

_NAMES = ("pagefind_extended", "pagefind")


def _in_package(package: str) -> Path | None:
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0])
    suffixes = ("", ".exe") if sys.platform == "win32" else ("",)  # (platform.system(): 2 ms of every start)
    for name in _NAMES:
        for suffix in suffixes:
            candidate = folder / (name + suffix)
            if candidate.is_file():
                return candidate
    return None


def executable() -> Path | None:
    """The Pagefind binary to run, or None when there is none."""
    given = os.getenv("PAGEFIND_BINARY_PATH")
    if given is not None:
        return Path(given)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        found = _in_package(package)
        if found is not None:
            return found
    external = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(external) if external else None


def identity() -> str:
    """What tells the Pagefind binary a build runs apart from another (the search index's key, and the no-change
    answer's): the binary's path, size and modification time. The `pagefind_bin` package's version alone named
    the binary of $PAGEFIND_BINARY_PATH, of `pagefind_bin_extended` or of $PATH wrongly: switching to another
    reused the parts the other made, and published an index of two versions (review 81)."""
    found = executable()
    if found is None:
        return "-"
    try:
        stat = found.resolve().stat()
    except OSError:
        return f"{found}:?"
    return f"{found.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
