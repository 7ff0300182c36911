"""Per-file work reused by content hash (dossier/core/common/memo.py): a warm build equals a cold one, byte for byte,
and files whose bytes did not change are not parsed, cleaned or anchored again.

The dossier is a small synthetic one from dossier_synth (the generator bench/generate.py runs), which
tests/test_synthetic_dossier.py checks: it is deterministic and builds without a problem.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import pytest

from dossier.shell import fs
from dossier.core.analyse import entity_index
from dossier.core.analyse import library
from dossier.core.load import loader
from dossier.core.common.memo import VERSION, Memo, digest, fingerprint
from dossier.core.pipeline import Inputs, Options, build_site
from dossier.core.plan import structured

import dossier_synth as generate

ARTICLES = 3  # one story: enough for a comparison (3 witnesses)


@pytest.fixture(scope="module")
def dossier_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate.generate(root, ARTICLES, seed=7)
    return root


def edited(inputs: Inputs, path: str, old: str, new: str) -> Inputs:
    text = inputs.files[path].decode("utf-8")
    assert old in text, f"{old!r} not in {path}"
    files = dict(inputs.files)
    files[path] = text.replace(old, new, 1).encode("utf-8")
    return Inputs(files, inputs.templates, inputs.static, inputs.schemas)


class Calls:
    """Counts calls of the pure per-file and per-article steps: parsing and cleaning (loader.py), anchoring
    (library.py), finding mentions (entity_index.py). Their modules call them by name at call time, so
    patches see every call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
        self.counts = dict.fromkeys(names, 0)
        for name in names:
            module = {"place": library, "link_article": entity_index, "sentence_spans": entity_index}.get(name, loader)
            real = getattr(module, name)

            def counting(*args, _real=real, _name=name, **kwargs):
                self.counts[_name] += 1
                return _real(*args, **kwargs)

            monkeypatch.setattr(module, name, counting)

    def reset(self) -> None:
        self.counts = dict.fromkeys(self.counts, 0)


def json_exports(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Counts the articles' JSON exports made (structured.article_json, a keyed page's view: wrapped so that
    its name, part of the pages' keys, stays the same)."""
    made: Counter = Counter()
    real = structured.article_json

    @functools.wraps(real)
    def counting(value):
        made["article.json"] += 1
        return real(value)

    monkeypatch.setattr(structured, "article_json", counting)
    return made


def first_article(inputs: Inputs) -> str:
    return sorted(p for p in inputs.files if p.startswith("content/articles/"))[0]


def test_a_warm_rebuild_after_an_edit_equals_a_cold_build_and_reparses_only_the_edited_file(dossier_root,
                                                                                              monkeypatch):
    calls = Calls(monkeypatch, "parse_article", "parse_comparison", "parse_entities", "parse_sources",
                  "clean", "place", "link_article")
    exports = json_exports(monkeypatch)
    memo = Memo()
    before = fs.read_inputs(dossier_root)
    memo.begin()
    warm_up = build_site(before, Options(), memo)
    memo.sweep()
    assert warm_up.ok, [p.format() for p in warm_up.problems]
    assert calls.counts["parse_article"] == ARTICLES and calls.counts["clean"] == ARTICLES
    assert calls.counts["link_article"] == ARTICLES

    path = first_article(before)
    after = edited(before, path, 'note: "', 'note: "Edited in the preview. ')
    calls.reset()
    laid_out, links_found = exports["article.json"], memo.misses["note-links"]
    looked_up = {step: memo.hits[step] + memo.misses[step]
                 for step in ("parse", "analyse", "mentions", "note-links", "references")}
    memo.begin()
    warm = build_site(after, Options(), memo)
    memo.sweep()
    # what the save did not change is not even looked up (the Memo's by_difference): the edited file alone is
    # parsed, analysed, searched for links and its references checked; its article's mentions are looked up
    # (its text did not change)
    assert {step: memo.hits[step] + memo.misses[step] - n for step, n in looked_up.items()} == \
        {"parse": 1, "analyse": 1, "mentions": 1, "note-links": 1, "references": 1}
    # only the edited file is parsed again, and only its article re-anchored (10 annotations); its text did
    # not change, so no article's mentions are searched again
    assert calls.counts == {"parse_article": 1, "parse_comparison": 0, "parse_entities": 0, "parse_sources": 0,
                            "clean": 0, "place": generate.ANNOTATIONS_PER_ARTICLE, "link_article": 0}
    assert laid_out == ARTICLES and exports["article.json"] == laid_out + 1  # its JSON export only
    assert links_found == ARTICLES and memo.misses["note-links"] == links_found + 1  # its notes' links only

    cold = build_site(after, Options())
    assert warm.outputs == cold.outputs          # byte-identical, file by file
    assert warm.problems == cold.problems
    assert warm.counts == cold.counts
    assert warm.outputs != warm_up.outputs        # and the edit did reach the site
    slug = path.rsplit("/", 1)[1][: -len(".yaml")]
    assert b"Edited in the preview." in warm.outputs[f"articles/{slug}/index.html"]


def test_changing_the_import_rules_recleans_every_seed_and_still_equals_a_cold_build(dossier_root, monkeypatch):
    calls = Calls(monkeypatch, "clean", "parse_article")
    memo = Memo()
    before = fs.read_inputs(dossier_root)
    memo.begin()
    build_site(before, Options(), memo)
    # A new rule that drops the byline: every seed's cleaned text (and line mapping) changes.
    after = edited(before, "site.yaml", "    - pattern: '^Advertisement$'",
                   "    - pattern: '^By [A-Z]'\n      why: byline\n    - pattern: '^Advertisement$'")
    calls.reset()
    memo.begin()
    warm = build_site(after, Options(), memo)
    assert calls.counts == {"clean": ARTICLES, "parse_article": 0}
    cold = build_site(after, Options())
    assert warm.ok and warm.outputs == cold.outputs and warm.problems == cold.problems


def test_editing_an_entity_finds_mentions_again_only_where_a_changed_alias_occurs_and_equals_a_cold_build(
        dossier_root, monkeypatch):
    calls = Calls(monkeypatch, "link_article", "place", "sentence_spans")
    exports = json_exports(monkeypatch)
    memo = Memo()
    before = fs.read_inputs(dossier_root)
    memo.begin()
    build_site(before, Options(), memo)
    after = edited(before, "content/entities.yaml", "aliases: [", "aliases: [Somebody Else, ")
    calls.reset()
    laid_out = exports["article.json"]
    memo.begin()
    warm = build_site(after, Options(), memo)
    # the matcher changed, in an alias no text has: no article's mentions are found again (mention_changes.py)
    assert calls.counts == {"link_article": 0, "place": 0, "sentence_spans": 0}
    # an article's JSON export holds its mentions, named by what they are: an alias found nowhere
    # leaves every part as it was
    assert exports["article.json"] == laid_out
    cold = build_site(after, Options())
    assert warm.ok and warm.outputs == cold.outputs and warm.problems == cold.problems
    # an alias some texts have (in any case: "treaty" is looked for as the matcher reads a text) is looked for in
    # those alone, and the build still equals a cold one
    having = sum("treaty" in text.decode("utf-8").casefold() for path, text in after.files.items()
                 if path.startswith("seeds/"))
    assert 0 < having < ARTICLES
    again = edited(after, "content/entities.yaml", "aliases: [", "aliases: [Treaty, ")
    calls.reset()
    memo.begin()
    warm = build_site(again, Options(), memo)
    assert calls.counts["link_article"] == having
    cold = build_site(again, Options())
    assert warm.ok and warm.outputs == cold.outputs and warm.problems == cold.problems
    # a seed and the entities saved together: the article whose text changed has its mentions found again, though
    # it has no alias the edit changed (its text is another; every mention after the new words moved)
    seed = sorted(p for p in again.files if p.startswith("seeds/"))[0]
    both = edited(edited(again, seed, "Melran told", "Melran, in a long and careful interview, told"),
                  "content/entities.yaml", "aliases: [", "aliases: [Nobody Here, ")
    memo.begin()
    warm = build_site(both, Options(), memo)
    cold = build_site(both, Options())
    assert warm.ok and warm.outputs == cold.outputs and warm.problems == cold.problems


def test_a_yaml_error_is_remembered_like_any_result_and_fixing_it_equals_a_cold_build(dossier_root):
    memo = Memo()
    good = fs.read_inputs(dossier_root)
    broken = edited(good, first_article(good), "title: ", "title: [unclosed\nx: ")
    cold = {"good": build_site(good, Options()), "broken": build_site(broken, Options())}
    assert cold["good"].ok and not cold["broken"].ok
    for name, inputs in (("good", good), ("broken", broken), ("good", good)):
        memo.begin()
        warm = build_site(inputs, Options(), memo)
        memo.sweep()
        assert warm.outputs == cold[name].outputs and warm.problems == cold[name].problems


def test_old_entries_are_dropped_so_memory_follows_the_dossier_not_the_number_of_saves(dossier_root):
    memo = Memo(keep=2)
    inputs = fs.read_inputs(dossier_root)
    path = first_article(inputs)
    sizes = []
    for i in range(4):
        memo.begin()
        build_site(edited(inputs, path, 'note: "', f'note: "Save {i}. '), Options(), memo)
        memo.sweep()
        sizes.append(len(memo))
    # steady: only the last two versions of the edited file (from the third build on, the entries of the files
    # no save touched are gone too: loader.parse_files keeps those results by identity, SameItems)
    assert sizes[2] == sizes[3] <= sizes[1]


def test_a_result_is_reused_only_under_the_same_step_and_key():
    memo = Memo()
    runs = []

    def work(item):
        runs.append(item)
        return item[0] * 10

    def key(item):  # what `work` reads, as the stages name it: path, digest of the bytes, settings
        return item[1], digest(item[2]), item[3]

    memo.begin()
    assert memo.each("step", work, key, [(1, "a.yaml", b"x", "s1")]) == [10]
    assert memo.each("step", work, key, [(2, "a.yaml", b"x", "s1")]) == [10]   # same key: reused
    assert memo.each("step", work, key, [(3, "a.yaml", b"y", "s1")]) == [30]   # other bytes
    assert memo.each("step", work, key, [(4, "a.yaml", b"x", "s2")]) == [40]   # other settings
    assert memo.each("step", work, key, [(5, "b.yaml", b"x", "s1")]) == [50]   # other path (results name it)
    assert memo.each("other", work, key, [(6, "a.yaml", b"x", "s1")]) == [60]  # other step
    assert [item[0] for item in runs] == [1, 3, 4, 5, 6]
    assert memo.hits["step"] == 1 and memo.misses["step"] == 4
    assert VERSION  # and the code version is part of every key (an entry never outlives the code that made it)


def test_without_a_memo_every_build_does_all_the_work_again(dossier_root, monkeypatch):
    calls = Calls(monkeypatch, "parse_article", "clean", "place")
    inputs = fs.read_inputs(dossier_root)
    first = build_site(inputs, Options())
    once = dict(calls.counts)
    assert once == {"parse_article": ARTICLES, "clean": ARTICLES,
                    "place": ARTICLES * generate.ANNOTATIONS_PER_ARTICLE}
    calls.reset()
    assert build_site(inputs, Options()).outputs == first.outputs
    assert calls.counts == once


def test_fingerprints_and_digests_are_stable():
    assert digest(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert fingerprint({"b": 1, "a": [1, 2]}) == fingerprint({"a": [1, 2], "b": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})


def test_the_generated_dossier_builds_without_a_problem(dossier_root):
    result = build_site(fs.read_inputs(dossier_root), Options(strict=True))
    assert result.ok and not result.problems, [p.format() for p in result.problems]
    assert result.counts["annotations"] == ARTICLES * generate.ANNOTATIONS_PER_ARTICLE


def rebuilt(dossier_root, monkeypatch, counted: tuple[str, ...], path: str, old: str, new: str) -> dict[str, int]:
    """Build the dossier with a memo, edit `path` (`old` → `new`), build again with the same memo: the calls of
    the `counted` steps the second build made. Both builds equal a cold build of the same inputs."""
    calls = Calls(monkeypatch, *counted)
    memo = Memo()
    before = fs.read_inputs(dossier_root)
    memo.begin()
    build_site(before, Options(), memo)
    after = edited(before, path, old, new)
    calls.reset()
    memo.begin()
    warm = build_site(after, Options(), memo)
    counts = dict(calls.counts)
    cold = build_site(after, Options())
    assert warm.ok and warm.outputs == cold.outputs and warm.problems == cold.problems
    return counts


def test_an_entity_summary_edit_finds_no_mentions_again(dossier_root, monkeypatch):
    """The mentions are found with a matcher made of the entities' ids, names, aliases and exclusions only: a
    summary (or a role, a kind, a Wikidata id) edited leaves every article's mentions as they were."""
    counts = rebuilt(dossier_root, monkeypatch, ("link_article", "place"), "content/entities.yaml", "summary: ",
                     "summary: Edited. ")
    assert counts == {"link_article": 0, "place": 0}


def test_a_title_edit_cleans_every_seed_again_but_analyses_nothing_again(dossier_root, monkeypatch):
    """A seed's key holds the whole site.yaml (its import rules are in it), so a new title cleans every seed
    again; the cleaned texts are named by what they are (CleanText.made), so nothing is anchored again."""
    counts = rebuilt(dossier_root, monkeypatch, ("clean", "place", "link_article"), "site.yaml", 'title: "',
                     'title: "Edited ')
    assert counts == {"clean": ARTICLES, "place": 0, "link_article": 0}


def test_a_backing_store_is_asked_once_per_missing_key_and_kept_until_let_go(tmp_path):
    from dossier.shell.cache import Cache

    calls: list[int] = []

    def work(n: int) -> int:
        calls.append(n)
        return n * n

    backing = Cache(tmp_path)
    memo = Memo(backing=backing)
    memo.begin()
    assert memo.each("square", work, lambda n: n, [2, 3, 2]) == [4, 9, 4]
    assert calls == [2, 3] and backing.misses["square"] == 2
    assert memo.misses["square"] == 2 and memo.hits["square"] == 1  # (the repeated key: as without a backing)
    memo.let_go()
    again = Memo(backing=Cache(tmp_path))  # (a new process: what the first computed is read back)
    again.begin()
    assert again.each("square", work, lambda n: n, [3, 2, 4]) == [9, 4, 16]
    assert calls == [2, 3, 4] and again.backing.hits["square"] == 2
    again.let_go()
    packs = sorted((tmp_path / ".dossier-cache" / "packs").iterdir())
    assert again.backing is None and again.each("square", work, lambda n: n, [5]) == [25]
    assert sorted((tmp_path / ".dossier-cache" / "packs").iterdir()) == packs  # (computed here, not kept)
