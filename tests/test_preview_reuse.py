"""What the live preview's analysis keeps by identity between builds (core/common/identity.py) when the memo
hands back the same per-file and per-article results: the sums over every article's mentions, each article's
quotes with a speaker, each article file's entity references. Kept while nothing they are made of changed,
made again when something did, and always what a build from nothing makes. On the default dossier."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dossier.core.analyse.library import analyse
from dossier.core.common.memo import Memo
from dossier.core.pipeline import Options, load_config, load_dossier
from dossier.shell.fs import read_inputs

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "content/articles/jpost-go-it-alone.yaml"


def library_of(inputs, memo=None):
    memo = Memo() if memo is None else memo
    memo.begin()
    config, _ = load_config(inputs, Options())
    library = analyse(load_dossier(inputs, config, memo.each)[0], False, memo.each)
    memo.sweep()
    return library


def edited(inputs, path, old: bytes, new: bytes):
    files = dict(inputs.files)
    assert old in files[path]
    files[path] = files[path].replace(old, new, 1)
    return replace(inputs, files=files)


def test_a_note_edit_keeps_the_mention_sums_and_the_other_articles_quotes():
    inputs, memo = read_inputs(ROOT), Memo()
    first = library_of(inputs, memo)
    note = edited(inputs, ARTICLE, b"note: ", b"note: Edited. ")
    second = library_of(note, memo)
    assert second.entities.links is first.entities.links and second.entities.pairs is first.entities.pairs
    assert second.entities == library_of(note).entities      # (quotes, counts, places, problems too)


def test_an_alias_edit_makes_the_mention_sums_again():
    inputs, memo = read_inputs(ROOT), Memo()
    first = library_of(inputs, memo)
    entities = library_of(inputs).dossier.entities
    alias = next(a for e in entities for a in e.aliases if len(a) > 3)
    changed = edited(inputs, "content/entities.yaml", alias.encode(), b"Nobody Writes This")
    second = library_of(changed, memo)
    assert second.entities.links is not first.entities.links
    assert second.entities == library_of(changed).entities


def test_an_unknown_speaker_is_reported_when_its_file_changes_and_kept_when_another_does():
    inputs, memo = read_inputs(ROOT), Memo()
    text = inputs.files[ARTICLE].decode()
    speaker = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("speaker:"))
    wrong = edited(inputs, ARTICLE, f"speaker: {speaker}".encode(), b"speaker: nobody-known")
    library_of(inputs, memo)
    found = library_of(wrong, memo).entities.problems
    assert [p.check for p in found if p.file == ARTICLE] == ["entities-unknown"]
    again = library_of(edited(wrong, "content/articles/ynet-rafah-rift.yaml", b"note: ", b"note: Edited. "), memo)
    assert again.entities.problems == found == library_of(wrong).entities.problems
