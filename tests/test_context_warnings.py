"""A prefix or suffix that does not fit a quote found once (check anchor-context) is reported where it is written:
for an annotation and for a comparison's witness, on the default dossier."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_of_default_dossier
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

WITNESS = "content/comparisons/death-toll.yaml"
ARTICLE = "content/articles/ynet-rafah-rift.yaml"


def _insert_after(path: Path, line_start: str, added: str) -> int:
    """Insert `added` (a whole line) after the first line that starts with `line_start`; its line number."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(line_start)) + 1
    lines.insert(at, added)
    path.write_text("".join(lines), "utf-8")
    return at + 1


def test_a_witness_and_an_annotation_whose_context_does_not_fit_are_warned_at_their_prefix_and_suffix(tmp_path):
    root = copy_of_default_dossier(tmp_path)
    witness_line = _insert_after(root / WITNESS, "    quote: \"The current war has reportedly killed",
                                 '    prefix: "Israel\'s army says"\n')
    note_line = _insert_after(root / ARTICLE, '    quote: "United States ,"', '    suffix: "officials said"\n')
    result = build_site(fs.read_inputs(root), Options())
    found = sorted((p.file, p.line, p.col, p.severity) for p in result.problems if p.check == "anchor-context")
    assert found == sorted([(WITNESS, witness_line, 13, "warning"), (ARTICLE, note_line, 13, "warning")])
    messages = " ".join(p.message for p in result.problems if p.check == "anchor-context")
    assert 'comparison "death-toll", witness "ynet-rafah-rift": quote occurs once' in messages
    assert 'prefix "Israel\'s army says" does not fit the words before it' in messages
    assert 'suffix "officials said" does not fit the words after it' in messages
    assert result.ok   # a warning by default
