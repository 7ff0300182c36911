"""PyYAML, imported without compiling its slowest pattern: `import yaml` goes through here.

Importing yaml.reader compiles `Reader.NON_PRINTABLE`, a class of every character outside a few ranges up to
U+10FFFF: 7.5 ms of sre's work at every build's start (of a 0.3 s rebuild of the repo's dossier). The same
characters written as the class of the ranges it leaves out (`NON_PRINTABLE` here) compile in 0.7 ms. So before
yaml is imported, that compiled pattern is put into the re module's cache of compiled patterns under PyYAML's
own pattern, and PyYAML's `re.compile` returns it (tests/test_pyyaml_import.py: both match the same code
points, and yaml's reader has this one). The cache is the re module's own dict: where there is none (another
Python), or yaml was imported before, PyYAML compiles its pattern as it always did.
"""

from __future__ import annotations

import re
import sys

PYYAML_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"  # (its own)
NON_PRINTABLE = "[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]"


def _seed() -> None:
    cache = getattr(re, "_cache", None)
    if "yaml" not in sys.modules and isinstance(cache, dict):
        cache[(str, PYYAML_NON_PRINTABLE, 0)] = re.compile(NON_PRINTABLE)


_seed()

import yaml  # noqa: E402 - after the seeding, which is the point

__all__ = ["yaml"]
