"""A seed's cleaned text and an article file's metadata carry a digest that names them (`made`, set by
loader.parse_files: of the cleaned text itself; of the metadata's parse key, its file's bytes and schema), so
the steps that read a whole article key on two digests instead of pickling or hashing the article (the command
line's cache named each analysed article by pickling it: 15 KB a key). The digest is not part of the value
(equality ignores it), replace() drops it, and it changes with what it names."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dossier.core.pipeline import Options, load_config, load_dossier
from dossier.shell.fs import read_inputs

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "content/articles/jpost-go-it-alone.yaml"


def articles(inputs, each=None):
    config, _ = load_config(inputs, Options())
    dossier = load_dossier(inputs, config, each)[0] if each else load_dossier(inputs, config)[0]
    return {a.meta.origin.file: a for a in dossier.articles}


def test_every_article_knows_what_made_it_and_the_same_bytes_make_the_same_digests():
    inputs = read_inputs(ROOT)
    first, again = articles(inputs), articles(inputs)
    assert all(a.made and a.meta.made and a.text.made for a in first.values())
    assert {f: a.made for f, a in first.items()} == {f: a.made for f, a in again.items()}
    assert len({a.meta.made for a in first.values()} | {a.text.made for a in first.values()}) == 2 * len(first)


def test_an_edited_file_changes_its_own_digest_only():
    inputs = read_inputs(ROOT)
    files = dict(inputs.files)
    files[ARTICLE] = files[ARTICLE].replace(b"note: ", b"note: Edited. ", 1)
    before, after = articles(inputs), articles(replace(inputs, files=files))
    changed = {f for f in before if before[f].made != after[f].made}
    assert changed == {ARTICLE} and before[ARTICLE].text.made == after[ARTICLE].text.made


def test_the_digest_is_not_part_of_the_value_and_replace_drops_it():
    meta = articles(read_inputs(ROOT))[ARTICLE].meta
    copy = replace(meta)
    assert copy == meta and hash(copy) == hash(meta) and copy.made == "" != meta.made

