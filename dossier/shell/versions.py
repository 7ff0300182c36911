"""Installed libraries' versions, read from the names of their `.dist-info` folders on `sys.path`.

A wheel installs `<name>-<version>.dist-info` (the name with runs of `-`, `_` and `.` as one `_`, any case):
the version is in the folder's name, so listing each `sys.path` folder once answers for every library, in the
order the import system looks (the first folder that has one wins). `importlib.metadata` gives the same
answer, but importing it (email, zipfile, csv) and parsing each METADATA file cost 15-40 ms of every build's
start-up, which the cache's code version and the search index's key ask for; it stays the fallback for a
library installed another way (an egg, a zip)."""

from __future__ import annotations

import os
import re
import sys

# The libraries whose versions a build's output may depend on: the cache's code version and the no-change answer
# are keyed by them (a library upgraded could render other bytes)
LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "mdurl",
             "PyYAML", "jsonschema", "fastjsonschema", "Jinja2", "MarkupSafe",
             "rapidfuzz", "pyahocorasick", "regex")
_NAMES: dict[str, str] | None = None   # normalised name → version, of every .dist-info folder found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _listed() -> dict[str, str]:
    global _NAMES
    if _NAMES is None:
        found: dict[str, str] = {}
        for entry in sys.path:
            try:
                names = os.listdir(entry or ".")
            except OSError:  # (a zip file, a folder gone)
                continue
            for folder in names:
                if folder.endswith(".dist-info") and "-" in folder:
                    name, _, version = folder[: -len(".dist-info")].partition("-")
                    found.setdefault(_normal(name), version)
        _NAMES = found
    return _NAMES


def version(name: str) -> str:
    """The installed version of the distribution `name` ("-" when it is not installed)."""
    found = _listed().get(_normal(name))
    if found is not None:
        return found
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
