"""The live preview places a comparison's witnesses again only when that comparison's file, or a witness
article's metadata or text, changed (witnesses.align keeps the rest by identity, core/common/identity.py), and
what it keeps is what placing them again makes. The default dossier: every article is a witness of some
comparisons, none of all."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dossier.core.analyse.witnesses import align, anchor_witnesses
from dossier.core.common.memo import Memo
from dossier.core.common.urls import Urls
from dossier.core.pipeline import Options, load_config, load_dossier
from dossier.shell.fs import read_inputs

ROOT = Path(__file__).resolve().parents[1]
EDITED = "content/articles/all-israel-news-rafah-concerns.yaml"


def aligned(inputs, memo):
    memo.begin()
    config, _ = load_config(inputs, Options())
    dossier, _, _ = load_dossier(inputs, config, memo.each)
    index = align(dossier, Urls(config.base_path), "warning", anchor_witnesses(dossier, memo.each))
    memo.sweep()
    return index


def test_only_the_comparisons_an_article_is_a_witness_of_are_placed_again():
    inputs, memo = read_inputs(ROOT), Memo()
    first = aligned(inputs, memo)
    again = aligned(inputs, memo)
    assert again == first and all(a is b for a, b in zip(again.comparisons, first.comparisons))
    files = dict(inputs.files)
    files[EDITED] = files[EDITED].replace(b"\ntitle: ", b"\ntitle: Edited, ")
    edited = aligned(replace(inputs, files=files), memo)
    assert [c.comparison.id for c in edited.comparisons] == [c.comparison.id for c in first.comparisons]
    slug = EDITED.rsplit("/", 1)[-1][:-len(".yaml")]
    remade = {c.comparison.id for c, old in zip(edited.comparisons, first.comparisons) if c is not old}
    witnessed = {c.comparison.id for c in first.comparisons if slug in {p.article.slug for p in c.witnesses}}
    assert remade == witnessed and 0 < len(remade) < len(first.comparisons)
    titles = {p.article.meta.title for c in edited.comparisons for p in c.witnesses if p.article.slug == slug}
    assert titles and all(t.startswith("Edited, ") for t in titles)
    assert edited == aligned(replace(inputs, files=files), Memo())   # what is kept is what a cold run makes


def test_the_figure_witnesses_figures_are_read_through_each_once_per_quote_and_read_alike():
    """A figure comparison's witnesses' figures go through `each` (the command line's cache keeps them), one item
    per distinct quote as anchored (with the language its article is written in); what they give equals reading
    each quote anew, and a comparison placed with none read already (the live preview's page of a saved
    comparison) reads the same."""
    from dossier.core.analyse.figures import find_figures
    from dossier.core.analyse.witnesses import figures_read

    inputs = read_inputs(ROOT)
    config, _ = load_config(inputs, Options())
    dossier, _, _ = load_dossier(inputs, config)
    found = anchor_witnesses(dossier, Memo().each)
    asked: list[tuple[str, list[str]]] = []

    def each(step, work, key, items):
        asked.append((step, list(items)))
        return [work(item) for item in items]

    read = figures_read(dossier, found, each)
    ((step, items),) = asked
    assert step == "figures" and items and len(items) == len(set(items)) == len(read)
    assert all(read[item] == find_figures(*item) for item in items)   # (a quote, its article's language)
    assert any(figures for figures in read.values())  # (the repo's figure comparisons name numbers)
    plain = align(dossier, Urls(config.base_path), "warning", found, each)
    readings = [p.reading for c in plain.comparisons for p in c.witnesses if p.reading is not None]
    assert readings and len(asked) == 2  # (align asked `each` once more, for the same quotes)
    # the placed witnesses' readings are made of what `each` gave: a dossier read anew (nothing kept by identity),
    # with `each` giving no figures, reads none in any quote
    again, _, _ = load_dossier(inputs, config)
    none = align(again, Urls(config.base_path), "warning", anchor_witnesses(again, Memo().each),
                 lambda step, work, key, items: [() for _ in items])
    emptied = [p.reading for c in none.comparisons for p in c.witnesses if p.reading is not None]
    assert len(emptied) == len(readings) and all(not r.others and not (r.figure and r.figure.text) for r in emptied)
    assert any(r.others or (r.figure and r.figure.text) for r in readings)
