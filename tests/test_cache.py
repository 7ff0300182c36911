"""The persistent cache (dossier/shell/cache.py, its entries in pack files: packs.py): intact entries of this code
version are reused across processes, anything else is recomputed; concurrent writers leave whole packs; old
entries are pruned, mostly unused packs rewritten and small ones merged; the cache folder is never published
nor read as an input."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

import dossier_synth as generate
from conftest import ROOT, aged, run_build
from dossier.core.pipeline import Inputs, Options, build_site
from dossier.shell import fs, outdir, uptodate
from dossier.shell.cache import FOLDER, KEEP, Cache, code_version
from dossier.shell.cli import main
from dossier.shell.packs import MAGIC, MANY_SMALL, Packs


class Counting:
    """A pure step that counts how often it really ran."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, item: str) -> tuple[str, int]:
        self.calls += 1
        return item.upper(), len(item)


def run(root: Path, items: list[str], version: str = "v1") -> tuple[list, Counting]:
    work = Counting()
    cache = Cache(root, version=version)
    out = cache.each("step", work, lambda item: item, items)
    cache.finish()
    return out, work


def entry_files(root: Path) -> list[Path]:
    """The pack files of the cache (temporary ones included)."""
    return sorted(p for p in (root / FOLDER / "packs").rglob("*") if p.is_file())


def test_a_second_process_reuses_every_entry_and_gets_the_same_values(tmp_path):
    first, work = run(tmp_path, ["a", "bb"])
    again, rework = run(tmp_path, ["a", "bb"])
    assert first == again == [("A", 1), ("BB", 2)]
    assert (work.calls, rework.calls) == (2, 0)


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]


@pytest.mark.parametrize("damage", ["payload", "index", "trailer", "truncate", "empty", "garbage"])
def test_a_corrupt_or_truncated_entry_is_recomputed_and_stored_again(tmp_path, damage):
    run(tmp_path, ["abc"])
    (pack,) = entry_files(tmp_path)
    data = pack.read_bytes()
    broken = {"payload": _flip(data, len(MAGIC) + 5), "index": _flip(data, len(data) - 100),
              "trailer": _flip(data, len(data) - 1), "truncate": data[: len(data) // 2], "empty": b"",
              "garbage": b"not a cache entry at all"}[damage]
    pack.write_bytes(broken)
    out, work = run(tmp_path, ["abc"])
    assert out == [("ABC", 3)] and work.calls == 1
    (again,) = entry_files(tmp_path)  # stored again in a pack of its own; the damaged one deleted
    assert again != pack and again.read_bytes() == data
    _, rework = run(tmp_path, ["abc"])
    assert rework.calls == 0


def test_an_entry_made_by_another_code_version_is_never_used(tmp_path):
    run(tmp_path, ["abc"], version="old")
    out, work = run(tmp_path, ["abc"], version="new")
    assert out == [("ABC", 3)] and work.calls == 1


def test_the_code_version_is_a_digest_of_the_package_source_computed_once():
    version = code_version()
    assert len(version) == 64 and int(version, 16) >= 0
    assert code_version() is version


def test_a_deleted_cache_folder_is_only_a_miss(tmp_path):
    run(tmp_path, ["a"])
    for path in entry_files(tmp_path):
        path.unlink()
    out, work = run(tmp_path, ["a"])
    assert out == [("A", 1)] and work.calls == 1


def _store_many(root: str, size: int, rounds: int) -> None:
    cache = Cache(Path(root), version="v1")
    name = cache.name("step", "shared")
    assert name is not None
    for n in range(rounds):
        cache.store(name, ("x" * size, os.getpid(), n))


def test_two_processes_writing_the_same_key_leave_one_valid_entry(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_store_many, args=(str(tmp_path), 200_000, 40)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    cache = Cache(tmp_path, version="v1")
    found, value = cache.load(cache.name("step", "shared"))
    assert found and value[0] == "x" * 200_000 and value[1] in {p.pid for p in procs} and value[2] == 39
    packs = entry_files(tmp_path)
    assert len(packs) == 80 and all(p.suffix == ".pack" and not p.name.startswith(".") for p in packs)
    assert list(cache.packs.names()) == [cache.name("step", "shared")]  # no temporary files left


def _builds(root: str, rounds: int) -> None:
    for n in range(rounds):
        out, _ = run(Path(root), ["shared", "also shared", f"mine {os.getpid()} {n}", "x" * (n * 50_000)])
        assert out[:2] == [("SHARED", 6), ("ALSO SHARED", 11)]


def test_two_builds_at_once_each_get_right_values_and_leave_only_whole_packs(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_builds, args=(str(tmp_path), 12)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    out, _ = run(tmp_path, ["shared", "also shared"])  # (a pack pruned by the other build is only a miss)
    assert out == [("SHARED", 6), ("ALSO SHARED", 11)]
    packs = Cache(tmp_path, version="v1").packs
    assert all(p.suffix == ".pack" for p in entry_files(tmp_path))
    assert all(packs.read(name) is not None for name in packs.names())


def test_entries_no_recent_build_used_are_pruned(tmp_path):
    run(tmp_path, ["old"])
    for n in range(KEEP):
        run(tmp_path, [f"new{n}"])
    cache = Cache(tmp_path, version="v1")
    assert not cache.load(cache.name("step", "old"))[0]
    assert cache.load(cache.name("step", f"new{KEEP - 1}"))[0]
    assert len(entry_files(tmp_path)) == KEEP and len(cache.packs.names()) == KEEP


def test_a_mostly_unused_pack_is_rewritten_and_small_packs_are_merged(tmp_path):
    folder = str(tmp_path / FOLDER / "packs")
    names = [f"{n:064x}" for n in range(MANY_SMALL + 2)]
    Packs(folder).write([(names[0], b"a" * 1000), (names[1], b"b" * 1001)])
    (first,) = entry_files(tmp_path)
    packs = Packs(folder)
    assert packs.prune({names[0]}) == 1  # more than half of its bytes unused: its kept entry moved to a new pack
    (second,) = entry_files(tmp_path)
    assert second != first and Packs(folder).read(names[0]) == b"a" * 1000 and Packs(folder).read(names[1]) is None
    for name in names[2:]:  # one small pack each, every entry still used
        Packs(folder).write([(name, name.encode())])
    assert len(entry_files(tmp_path)) == MANY_SMALL + 1
    assert Packs(folder).prune(set(names)) == 0
    (merged,) = entry_files(tmp_path)
    packs = Packs(folder)
    assert set(packs.names()) == {names[0], *names[2:]} and packs.read(names[5]) == names[5].encode()


def test_of_two_packs_holding_an_entry_the_newer_is_read_and_the_older_copy_pruned(tmp_path):
    folder = str(tmp_path / FOLDER / "packs")
    name, other = "1" * 64, "2" * 64
    Packs(folder).write([(name, b"first"), (other, b"other")])
    Packs(folder).write([(name, b"again")])
    first, second = entry_files(tmp_path)
    assert Packs(folder).read(name) == b"again"
    assert Packs(folder).prune({name}) == 2
    assert entry_files(tmp_path) == [second]


def test_packs_that_could_not_be_merged_stay_as_they_are(tmp_path, monkeypatch):
    from dossier.shell import packs as packs_module

    folder = str(tmp_path / FOLDER / "packs")
    names = [f"{n:064x}" for n in range(MANY_SMALL)]
    for name in names:
        Packs(folder).write([(name, name.encode())])

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packs_module, "_write_pack", full)
    assert Packs(folder).prune(set(names)) == 0
    assert len(entry_files(tmp_path)) == MANY_SMALL
    assert all(Packs(folder).read(name) == name.encode() for name in names)


def test_a_pack_deleted_after_it_was_listed_is_only_a_miss(tmp_path):
    folder = str(tmp_path / FOLDER / "packs")
    name = "0" * 64
    Packs(folder).write([(name, b"value")])
    packs = Packs(folder)
    assert name in packs.names()
    for path in entry_files(tmp_path):
        path.unlink()
    assert packs.read(name) is None


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    generate.generate(root, 3, seed=7)
    return root


def test_a_build_with_a_warm_cache_computes_nothing_and_equals_a_cold_build(synthetic, tmp_path):
    inputs = fs.read_inputs(synthetic)
    cold = build_site(inputs, Options())
    first = Cache(tmp_path)
    build_site(inputs, Options(), memo=first)
    warm = Cache(tmp_path)  # a new process would start here: everything comes from the folder
    result = build_site(inputs, Options(), memo=warm)
    assert sum(first.misses.values()) > 0 and set(first.misses) == {"parse", "analyse", "mention-reads", "mentions",
                                                                 "passages", "witness", "summary", "figures",
                                                                 "note-links", "references", "field-links",
                                                                 "text-language", "passage-listing",
                                                                 "passages-here"}
    assert sum(warm.misses.values()) == 0 and warm.hits == first.misses  # every result survived pickling
    assert result.outputs == cold.outputs and result.problems == cold.problems


def _edited(inputs: Inputs, path: str, old: str, new: str) -> Inputs:
    text = inputs.files[path].decode("utf-8")
    assert old in text, f"{old!r} not in {path}"
    return Inputs({**inputs.files, path: text.replace(old, new, 1).encode("utf-8")}, inputs.templates,
                     inputs.static, inputs.schemas)


def test_an_alias_edit_finds_mentions_again_only_in_the_texts_that_have_its_name(synthetic, tmp_path):
    """The cache keeps an article's mentions by what the matcher reads for its text (mention_changes.
    what_find_reads), not by every alias of the dossier: after an alias edit, a new process finds them again only in
    the articles whose text has the name (in any case: "treaty" as the matcher reads a text), and each build equals a
    cold one. (Keyed by the whole matcher, every article's were found again at every alias edit: 0.8 s at 1,000.)"""
    inputs = fs.read_inputs(synthetic)
    build_site(inputs, Options(), memo=Cache(tmp_path))
    nowhere = _edited(inputs, "content/entities.yaml", "aliases: [", "aliases: [Somebody Else, ")
    treaty = _edited(nowhere, "content/entities.yaml", "aliases: [", "aliases: [Treaty, ")
    seeds = [text.decode("utf-8").casefold() for path, text in inputs.files.items() if path.startswith("seeds/")]
    having = sum("treaty" in text for text in seeds)
    assert 0 < having < len(seeds) == 3
    for edited, found in ((nowhere, 0), (treaty, having)):
        cache = Cache(tmp_path)  # (a new process: what the last build found comes from the folder)
        result = build_site(edited, Options(), memo=cache)
        assert cache.misses.get("mentions", 0) == found and cache.misses["mention-reads"] == len(seeds)
        cold = build_site(edited, Options())
        assert result.outputs == cold.outputs and result.problems == cold.problems


def test_what_the_plan_keeps_of_the_passages_is_made_again_when_an_outlet_or_an_article_changes(tmp_path):
    """The passages' listing and what each article page lists of the passages it shares (article_passages.listing,
    article_pages._shared: kept through the cache, by the passages' digests) are read back by a new process while
    the passages, the URLs and the outlets are as they were; an outlet renamed makes the article pages' lists again
    (they name the other outlets), an article removed both; each build equals a cold one."""
    inputs = fs.read_inputs(ROOT)  # (the default dossier: its five articles share passages)
    first = Cache(tmp_path)
    build_site(inputs, Options(), memo=first)
    assert first.misses["passage-listing"] == first.misses["passages-here"] == 1
    renamed = _edited(inputs, "content/sources.yaml", "name: Ynetnews", "name: Ynet News")
    gone = "content/articles/free-beacon-we-will-do-it-alone.yaml"
    removed = Inputs({p: data for p, data in inputs.files.items() if p != gone}, inputs.templates, inputs.static,
                     inputs.schemas)
    for edited, listing, lists in ((inputs, 0, 0), (renamed, 0, 1), (removed, 1, 1)):
        cache = Cache(tmp_path)  # (a new process: what the last build kept comes from the folder)
        result = build_site(edited, Options(), memo=cache)
        assert (cache.misses["passage-listing"], cache.misses["passages-here"]) == (listing, lists)
        cold = build_site(edited, Options())
        assert result.outputs == cold.outputs and result.problems == cold.problems
    assert b"Ynet News" in build_site(renamed, Options()).outputs["articles/all-israel-news-rafah-concerns/index.html"]


def test_the_cache_folder_is_never_published_nor_read_as_an_input(synthetic, tmp_path, capsys):
    root = tmp_path / "dossier"
    import shutil

    shutil.copytree(synthetic, root)
    aged(root)  # files saved long ago: a file saved within the scan's clock tick is never trusted
    assert main(["--root", str(root), "--no-search"]) == 0
    assert entry_files(root), "the build keeps its cache in the dossier root"
    site = root / "_site"
    assert not any(FOLDER in p.as_posix() for p in site.rglob("*"))
    assert not any(FOLDER in key for key in uptodate.scan(root))
    assert not any(FOLDER in path for path in fs.read_inputs(root).files)
    capsys.readouterr()
    assert main(["--root", str(root), "--no-search"]) == 0  # the cache's own writes do not count as edits
    assert "up to date" in capsys.readouterr().out


def test_a_temporary_file_left_by_an_interrupted_build_is_pruned_once_abandoned(tmp_path):
    run(tmp_path, ["a"])
    (entry,) = entry_files(tmp_path)
    fresh, stale = entry.parent / ".x.1.tmp", entry.parent / ".y.2.tmp"
    fresh.write_bytes(b"half")
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    run(tmp_path, ["a"])
    assert fresh.exists() and not stale.exists() and entry.exists()


def test_temporary_files_an_interrupted_build_left_beside_the_page_index_are_pruned_once_abandoned(
        synthetic, tmp_path, capsys):
    """A build stopped while it wrote the page index, the link check or a compiled template (a second Ctrl-C, a
    kill) leaves a temporary file there, which the next build deletes once it is an hour old."""
    import shutil

    root = tmp_path / "dossier"
    shutil.copytree(synthetic, root)
    assert main(["--root", str(root), "--no-search"]) == 0
    cache = root / FOLDER
    (compiled,) = (cache / "templates").iterdir()
    folders = [cache / "pages", cache / "links", cache / "builds", compiled]
    left = {folder: (folder / ".index.123.456.tmp", folder / ".index.789.101.tmp") for folder in folders}
    for stale, fresh in left.values():
        stale.write_bytes(b"half")
        fresh.write_bytes(b"half")
        os.utime(stale, (0, 0))
    shutil.rmtree(root / "_site")  # (so that the next build is a build, not "up to date")
    assert main(["--root", str(root), "--no-search"]) == 0
    capsys.readouterr()
    assert [(stale.exists(), fresh.exists()) for stale, fresh in left.values()] == [(False, True)] * 4


def test_the_output_folder_may_not_be_the_cache_folder(tmp_path):
    with pytest.raises(fs.OutputError):
        outdir.check_output_dir(tmp_path, tmp_path / FOLDER)
    with pytest.raises(fs.OutputError):
        outdir.check_output_dir(tmp_path, tmp_path / FOLDER / "site")


def _site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def _compiled(root: Path) -> list[Path]:
    return sorted(p for p in (root / FOLDER / "templates").rglob("*") if p.is_file())


def _no_user_store(tmp_path: Path, monkeypatch) -> Path:
    """A store of compiled templates and schemas of this test's own, empty (dossier/shell/user_store.py): what
    another test's build compiled is not read instead of compiling. Returns the store's folder (to empty it)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "dossier" / "compiled"


def test_compiled_templates_are_kept_and_reused_until_the_template_or_the_code_changes(synthetic, tmp_path,
                                                                                        monkeypatch):
    _no_user_store(tmp_path, monkeypatch)
    root = tmp_path / "dossier"
    import shutil

    shutil.copytree(synthetic, root)
    out = tmp_path / "site"
    assert main(["--root", str(root), "--out", str(out), "--no-search"]) == 0
    compiled = _compiled(root)
    assert compiled and {p.parent.name for p in compiled} == {code_version()[:32]}
    stamps = {p: p.stat().st_mtime_ns for p in compiled}
    (root / "site.yaml").write_text((root / "site.yaml").read_text("utf-8") + "\n", "utf-8")  # rebuild, same templates
    assert main(["--root", str(root), "--out", str(out), "--no-search"]) == 0
    assert {p: p.stat().st_mtime_ns for p in _compiled(root)} == stamps  # loaded, not compiled and written again
    # An edited template is compiled anew (Jinja checks each source's checksum), never taken from the cache.
    (root / "templates").mkdir(exist_ok=True)
    template = (fs.PROJECT / "templates" / "404.html").read_text("utf-8")
    assert "Page not found</h1>" in template
    edited = template.replace("Page not found</h1>", "Page not found</h1><p>Edited 404</p>", 1)
    (root / "templates" / "404.html").write_text(edited, "utf-8")
    assert main(["--root", str(root), "--out", str(out), "--no-search"]) == 0
    assert b"<p>Edited 404</p>" in (out / "404.html").read_bytes()
    rewritten = [p for p in _compiled(root) if p.stat().st_mtime_ns != stamps.get(p)]
    assert len(rewritten) == 1 and len(_compiled(root)) == len(compiled)  # 404.html's entry, compiled anew


def _schemas(root: Path) -> list[Path]:
    return sorted(p for p in (root / FOLDER / "schemas").rglob("*") if p.is_file())


def test_compiled_schemas_are_kept_read_back_and_a_damaged_one_compiled_again(synthetic, tmp_path, monkeypatch):
    """Each schema's validator, as generated and compiled, is kept in the cache by the first run (one file per
    schema under the code's version); a later run reads it back; an entry whose bytes are damaged is never run
    but compiled and written again; other versions' folders are deleted. (Each build in a process of its own,
    as from the command line: a process compiles a schema once, then remembers it.)"""
    store = _no_user_store(tmp_path, monkeypatch)
    root = tmp_path / "dossier"
    import shutil

    shutil.copytree(synthetic, root)
    out = tmp_path / "site"
    assert run_build(root, "--out", str(out), "--no-search").returncode == 0
    kept = _schemas(root)
    assert len(kept) >= 3 and {p.parent.name for p in kept} == {code_version()[:32]}  # site, article, entities…
    stamps = {p: p.stat().st_mtime_ns for p in kept}
    old = root / FOLDER / "schemas" / ("0" * 32)
    old.mkdir()
    (old / "x.code").write_bytes(b"from an older version")
    first = {p: p.read_bytes() for p in kept}
    for path, data in first.items():  # a letter of a string in the code changed: marshal would still read it
        at = data.index(b"must be", len(data) // 3)
        path.write_bytes(data[:at] + b"MUST be" + data[at + 7:])
        stamps[path] = path.stat().st_mtime_ns
    for path in [*(root / "content").rglob("*.yaml"), root / "site.yaml"]:  # every file parsed again
        path.write_text(path.read_text("utf-8") + "\n", "utf-8")
    shutil.rmtree(store)  # (not read back from this user's store either: compiled)
    assert run_build(root, "--out", str(out), "--no-search").returncode == 0
    assert not old.exists() and _schemas(root) == kept
    assert all(p.stat().st_mtime_ns != stamps[p] and p.read_bytes() == first[p] for p in kept)  # compiled anew
    stamps = {p: p.stat().st_mtime_ns for p in kept}
    (root / "site.yaml").write_text((root / "site.yaml").read_text("utf-8") + "\n", "utf-8")
    assert run_build(root, "--out", str(out), "--no-search").returncode == 0
    assert {p: p.stat().st_mtime_ns for p in _schemas(root)} == stamps  # read back, not compiled and written


def test_a_damaged_compiled_template_is_recompiled_and_another_version_s_folder_pruned(synthetic, tmp_path,
                                                                                        monkeypatch):
    store = _no_user_store(tmp_path, monkeypatch)
    root = tmp_path / "dossier"
    import shutil

    shutil.copytree(synthetic, root)
    cold = tmp_path / "cold"
    assert main(["--root", str(root), "--out", str(cold), "--no-search"]) == 0
    old = root / FOLDER / "templates" / ("0" * 32)
    old.mkdir()
    (old / "__jinja2_x.cache").write_bytes(b"from an older dossier")
    for i, path in enumerate(p for p in _compiled(root) if p.parent != old):
        data = path.read_bytes()
        if i % 2:
            path.write_bytes(data[: len(data) // 2])  # truncated
        else:  # a character of the compiled code's text changed, the source's checksum intact (marshal still
            # reads it, and Jinja, which checks only the source, would publish "[" for "<")
            at = data.index(b"<", len(data) // 2)
            path.write_bytes(data[:at] + b"[" + data[at + 1:])
    shutil.rmtree(store)  # (not read from this user's store either: compiled again)
    warm = tmp_path / "warm"
    assert main(["--root", str(root), "--out", str(warm), "--no-search"]) == 0
    assert _site(warm) == _site(cold)
    assert not old.exists()


def test_a_compiled_templates_folder_that_cannot_be_written_only_means_no_entries(synthetic, tmp_path):
    root = tmp_path / "dossier"
    import shutil

    shutil.copytree(synthetic, root)
    cold = tmp_path / "cold"
    assert main(["--root", str(root), "--out", str(cold), "--no-search"]) == 0
    folder = root / FOLDER / "templates" / code_version()[:32]
    shutil.rmtree(folder)
    folder.write_bytes(b"")  # a file where the folder should be: nothing can be written under it
    try:
        warm = tmp_path / "warm"
        assert main(["--root", str(root), "--out", str(warm), "--no-search"]) == 0
        assert _site(warm) == _site(cold)
    finally:
        folder.unlink()


def test_a_compiled_template_that_cannot_be_stored_is_rendered_all_the_same(tmp_path):
    from dossier.core.execute.render import Renderer
    from dossier.shell.cache import compiled_templates

    missing = tmp_path / "gone"  # never made: every write into it fails
    renderer = Renderer({"t.html": "<p>{{ x }}</p>"}, compiled_templates(missing))
    assert renderer.render("t.html", {"x": "hi"}, "t.html") == (b"<p>hi</p>", ())
    assert not missing.exists()


def test_a_summed_file_reads_back_its_payload_only_while_its_sum_holds(tmp_path):
    """framed.read_summed/write_summed, what the compiled templates and schemas are kept in: a file read back
    whole, and a changed, truncated, missing or empty one read as nothing."""
    from dossier.shell.framed import read_summed, write_summed

    path = tmp_path / "a" / "x.code"
    write_summed(path, b"payload \x00\xff")
    assert read_summed(path) == b"payload \x00\xff"
    data = path.read_bytes()
    for damaged in (data[:-1] + b"!", data[:-3], data[:32], b""):
        path.write_bytes(damaged)
        assert read_summed(path) is None, damaged
    path.unlink()
    assert read_summed(path) is None


def test_check_reads_back_the_pages_a_build_left_and_says_what_a_check_from_nothing_says(tmp_path, monkeypatch,
                                                                                          capsys):
    """--check writes nothing, but the pages the last build left in the output folder are read back (each used
    only when its digest is the page index's) instead of rendered again, every one of them (7.1 s at 1,000
    articles, against 1.3 s for a rebuild); a note edited since renders that article's pages, and what it says is
    what a --check of a copy with no output folder says."""
    import re
    import shutil

    from conftest import copy_of_default_dossier

    rendered: list[int] = []
    real = Cache.keep_pages
    monkeypatch.setattr(Cache, "keep_pages", lambda self, fresh, used: rendered.append(len(fresh)) or
                        real(self, fresh, used))
    (tmp_path / "kept").mkdir()
    (tmp_path / "clean").mkdir()
    root = copy_of_default_dossier(tmp_path / "kept")
    assert main(["--root", str(root), "--no-search"]) == 0
    every = rendered[0]
    rendered.clear()
    assert main(["--root", str(root), "--check"]) == 0
    assert rendered == [0] and every > 60
    article = sorted((root / "content/articles").glob("*.yaml"))[0]
    text = article.read_text("utf-8")
    assert "    note: >-\n      " in text
    article.write_text(text.replace("    note: >-\n      ", "    note: >-\n      A note [gone](/nowhere/).\n      ", 1),
                       "utf-8")
    clean = copy_of_default_dossier(tmp_path / "clean")
    shutil.copy(article, clean / "content/articles" / article.name)
    capsys.readouterr()
    rendered.clear()
    code = main(["--root", str(root), "--check"])
    kept = capsys.readouterr()
    assert 0 < rendered[0] < every / 4   # (the article's pages, and the tag pages and report that show the note)
    assert main(["--root", str(clean), "--check"]) == code
    fresh = capsys.readouterr()

    def said(text: str) -> str:
        return re.sub(r"\(\d+\.\d+s\)|in \d+\.\d+s", "", text).replace(str(root), "").replace(str(clean), "")
    assert "/nowhere/" in kept.err + kept.out
    assert said(kept.out) == said(fresh.out) and said(kept.err) == said(fresh.err)
