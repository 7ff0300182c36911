"""PyYAML imported through dossier/core/load/pyyaml.py: its reader's check for characters YAML does not allow
is the same as PyYAML's own, compiled ten times faster."""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys

import yaml

from conftest import ROOT
from dossier.core.load import pyyaml


def test_the_pattern_put_in_pyyamls_place_matches_the_very_same_characters():
    every = "".join(map(chr, range(sys.maxunicode + 1)))  # (surrogates included: a str may hold them)
    ours, theirs = re.compile(pyyaml.NON_PRINTABLE), re.compile(pyyaml.PYYAML_NON_PRINTABLE)
    found = [m.start() for m in ours.finditer(every)]
    assert found == [m.start() for m in theirs.finditer(every)]
    assert 0 in found and 0x85 not in found and 0xFFFE in found and 0x10FFFF not in found and len(found) == 2111


def test_it_stands_for_the_pattern_pyyaml_compiles():
    """The seeded pattern is keyed by PyYAML's own: were PyYAML to write another, the seeding would do nothing
    (and the build would only start slower), so the test says so."""
    source = inspect.getsource(yaml.reader.Reader)
    compiled = [node for node in ast.walk(ast.parse(inspect.cleandoc("\n" + source)))
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile"]
    assert [ast.literal_eval(node.args[0]) for node in compiled] == [pyyaml.PYYAML_NON_PRINTABLE]


def test_yaml_imported_by_the_build_reads_with_the_faster_pattern():
    """In a process of its own (this one imported yaml before): as a build imports it, through its loader."""
    code = ("import sys; from dossier.core.load import yamlsrc, pyyaml; import yaml; "
            "sys.exit(0 if yaml.reader.Reader.NON_PRINTABLE.pattern == pyyaml.NON_PRINTABLE else 3)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_a_character_yaml_refuses_is_still_refused():
    for text in ("a: \x07\n", "a: \ufffe\n"):
        try:
            yaml.safe_load(text)
        except yaml.reader.ReaderError as exc:
            assert "unacceptable character" in str(exc)
        else:
            raise AssertionError(f"{text!r} was read")
