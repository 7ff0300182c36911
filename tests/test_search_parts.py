"""The search index in parts (dossier/shell/search_parts.py): which part each page goes into, and that a part is
indexed again only when one of its pages changed, by the live preview's store and by the command line's cache,
with the same bytes as an index made from nothing."""

from __future__ import annotations

import base64
import filecmp
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT
from dossier.shell import cli, search, search_parts
from dossier.shell.cache import Cache
from test_search_index import page, site


@pytest.fixture
def pagefind():
    pytest.importorskip("pagefind")
    from pagefind.service import get_executable
    if get_executable() is None:
        pytest.skip("the Pagefind binary is missing (pip install 'pagefind[bin]')")


def test_the_number_of_parts_follows_the_pages_per_part():
    assert [search_parts.count(n, 300) for n in (0, 1, 300, 301, 600, 601)] == [1, 1, 1, 2, 2, 3]
    assert search_parts.count(5, 1) == 5 and search_parts.count(5, -3) == 5  # (never a division by zero)


def test_without_search_part_pages_the_parts_grow_with_the_site_and_never_fewer():
    assert search_parts.SiteConfig(title="").search_part_pages == search_parts.AUTO  # site.yaml's default
    auto = [search_parts.count(n, search_parts.AUTO) for n in range(0, 40_001)]
    assert auto[:101] == [1] * 101  # a site of up to 100 pages: one bundle, as before parts
    assert auto[101] == 2 and auto[600] == 6 and auto[601] == 7  # parts of 100 pages while the site is small
    assert auto[1_850] == 18 and auto[9_100] == 39 and auto[36_000] == 78  # then √(pages / 6): 103, 233, 462 a part
    assert all(a <= b for a, b in zip(auto, auto[1:]))  # a growing site never goes back to fewer parts
    assert all(6 * auto[n] ** 2 >= n for n in range(1_700, 40_001))  # (the square root rounded up,
    assert all(6 * (auto[n] - 1) ** 2 < n for n in range(1_700, 40_001))  # in integers)
    assert search_parts.count(1_850, 300) == 7  # a number in site.yaml is kept to


def test_a_pages_part_depends_on_its_path_alone():
    paths = [f"articles/a{n:03d}/index.html" for n in range(200)]
    parts = {p: search_parts.part_of(p, 7) for p in paths}
    assert set(parts.values()) == set(range(7))  # spread over every part
    again = search_parts.split(paths[:50] + ["articles/new/index.html"] + paths[50:], 30)  # a page added: 7 parts
    assert all(p in again[parts[p]] for p in paths[1:])  # no other page moved
    assert all(search_parts.part_of(p, 1) == 0 for p in paths)


def test_the_pages_of_one_listing_are_in_the_part_of_its_first_page():
    """An outlet added moves the outlets after it on /sources/ to the next page: every page of the listing
    changes, and each was in a part of its own (4 parts indexed again at 1,000 articles, where one will do).
    Every listing's pages, wherever paginate.page_path puts them; not pages of items whose ids are numbers."""
    for parts in (7, 17, 33):
        for first, later in (("sources/index.html", "sources/{}/index.html"), ("index.html", "page/{}/index.html"),
                             ("compare/index.html", "compare/page/{}/index.html"),
                             ("entities/index.html", "entities/page.{}/index.html"),
                             ("tags/quote/index.html", "tags/quote/{}/index.html"),
                             ("entities/x/index.html", "entities/x/{}/index.html")):
            part = search_parts.part_of(first, parts)
            assert all(search_parts.part_of(later.format(n), parts) == part for n in range(2, 60)), later
    for items in ("articles/{}/index.html", "compare/{}/index.html", "entities/{}/index.html", "tags/{}/index.html",
                  "articles/a{}/index.html"):  # (an id may be a number: each item by its own path)
        assert len({search_parts.part_of(items.format(n), 17) for n in range(100, 400)}) == 17, items


def test_split_keeps_every_page_once_in_order_and_the_first_in_the_primary_part():
    paths = sorted(f"p{n}.html" for n in range(40))
    for per_part in (1, 3, 10, 40, 100):
        groups = search_parts.split(paths, per_part)
        assert sorted(p for g in groups.values() for p in g) == paths
        assert all(g == sorted(g) and g for g in groups.values())
        assert groups[0][0] == paths[0] and list(groups) == sorted(groups)
    assert search_parts.split([], 10) == {0: []}  # a site with nothing to index still gets its primary bundle


def test_the_listing_names_the_parts_to_merge_under_the_base_path():
    assert search_parts.listing([0], "/") == b'{"merge": []}\n'
    assert search_parts.listing([0, 2, 5], "/d/") == b'{"merge": ["/d/pagefind/part-2/", "/d/pagefind/part-5/"]}\n'


def test_a_part_other_than_the_primary_keeps_only_its_index():
    files = {"pagefind.js": b"", "pagefind-ui.css": b"", "wasm.en.pagefind": b"", "pagefind-entry.json": b"",
             "pagefind.en_123.pf_meta": b"", "index/en_1.pf_index": b"", "filter/en_2.pf_filter": b"",
             "fragment/en_3.pf_fragment": b""}
    assert search_parts.kept_files(0, files) == files
    assert sorted(search_parts.kept_files(3, files)) == ["filter/en_2.pf_filter", "fragment/en_3.pf_fragment",
                                                         "index/en_1.pf_index", "pagefind-entry.json",
                                                         "pagefind.en_123.pf_meta"]


def test_an_edit_indexes_only_the_part_of_the_page_that_changed(pagefind):
    outputs = site(24)
    store = search_parts.MemoryParts()
    first = search.build_index(outputs, "/", part_pages=5, store=store)
    assert first == search.build_index(outputs, "/", part_pages=5)  # the store changes nothing
    assert store.made == 5 and len(search_parts.split(sorted(p for p in outputs if "articles/" in p), 5)) == 5
    merged = search_parts.listing(sorted(search_parts.split(
        sorted(p for p in outputs if "articles/" in p), 5)), "/")
    assert first[search_parts.LISTING] == merged
    assert not any(p.startswith("pagefind/part-") and p.endswith((".js", ".css", ".pagefind")) for p in first)
    store.finish()

    outputs["articles/a012/index.html"] = page(12, extra="an edited paragraph")
    second = search.build_index(outputs, "/", part_pages=5, store=store)
    assert store.made == 6  # one part made again, the four others reused
    assert second == search.build_index(outputs, "/", part_pages=5)  # as if indexed from nothing
    changed = {p for p in second if first.get(p) != second[p]} | (set(first) - set(second))
    edited = search_parts.folder(search_parts.part_of("articles/a012/index.html", 5))
    assert changed and all(p.startswith(edited) for p in changed)
    assert edited != "pagefind/" or not any(p.startswith("pagefind/part-") for p in changed)


def test_a_cancelled_index_keeps_nothing_half_made(pagefind):
    outputs, store = site(24), search_parts.MemoryParts()
    with pytest.raises(search.SearchCancelled):
        search.build_index(outputs, "/", stop=lambda: store.made >= 2, part_pages=5, store=store)
    before = store.made
    assert 2 <= before < 5  # (the parts being made when the stop came may still finish)
    assert search.build_index(outputs, "/", part_pages=5, store=store) == search.build_index(outputs, "/", part_pages=5)
    assert store.made == 5  # the parts made before the stop were kept: only the others were made afterwards


def _parted_copy(where: Path) -> Path:
    where.mkdir()
    for name in ("seeds", "content"):
        shutil.copytree(ROOT / name, where / name)
    (where / "site.yaml").write_text((ROOT / "site.yaml").read_text("utf-8") + "\nsearch_part_pages: 10\n", "utf-8")
    return where


def _same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ between two output folders (the up-to-date record left out)."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} - {".dossier-output"}
    fa, fb = files(a), files(b)
    return sorted((fa ^ fb) | {f for f in fa & fb if not filecmp.cmp(a / f, b / f, shallow=False)})


def test_the_command_line_indexes_again_only_the_part_of_an_edited_note(pagefind, tmp_path, monkeypatch):
    root = _parted_copy(tmp_path / "dossier")
    made: list[set[str]] = []  # the folders of the parts Pagefind indexed, one per part
    real = Cache.keep_search_part

    def counting(cache, key, files):
        made.append({path.rsplit("/", 1)[0] + "/" for path in files if path.endswith("pagefind-entry.json")})
        return real(cache, key, files)

    monkeypatch.setattr(Cache, "keep_search_part", counting)
    assert cli.main(["--root", str(root)]) == 0
    assert len(made) >= 5

    article = root / "content/articles/jpost-go-it-alone.yaml"
    article.write_text(article.read_text("utf-8").replace("note: ", "note: Edited. ", 1), "utf-8")
    made.clear()
    assert cli.main(["--root", str(root)]) == 0
    page = "articles/jpost-go-it-alone/index.html"
    parts = search_parts.split(sorted(p.relative_to(root / "_site").as_posix()
                                      for p in (root / "_site").rglob("*.html") if "data-pagefind-body" in
                                      p.read_text("utf-8")), 10)
    assert made == [{search_parts.folder(next(i for i, pages in parts.items() if page in pages))}]

    (root / "_site/pagefind/part-1/pagefind-entry.json").unlink()  # a part's file lost: that part is made again
    made.clear()
    assert cli.main(["--root", str(root)]) == 0
    assert made == [{"pagefind/part-1/"}]

    fresh = _parted_copy(tmp_path / "fresh")
    shutil.copy(article, fresh / "content/articles" / article.name)
    assert cli.main(["--root", str(fresh)]) == 0
    assert _same_tree(root / "_site", fresh / "_site") == []


def test_the_command_line_reads_for_the_index_only_the_pages_of_the_parts_it_makes_again(pagefind, tmp_path,
                                                                                         monkeypatch):
    """After a note edit, the index reads the pages of the part it makes again (to send them) and those the edit
    changed (to learn whether each is to be found), no other: the marks of the others (search_ignored.indexed_paths)
    were kept with the cache by the digest of their bytes."""
    from dossier.shell.writer import StagedPages

    root = _parted_copy(tmp_path / "dossier")
    assert cli.main(["--root", str(root)]) == 0
    before = {p.relative_to(root / "_site").as_posix(): p.read_bytes() for p in (root / "_site").rglob("*.html")}
    read: list[str] = []
    real = StagedPages.__getitem__
    monkeypatch.setattr(StagedPages, "__getitem__", lambda self, rel: read.append(rel) or real(self, rel))
    article = root / "content/articles/jpost-go-it-alone.yaml"
    article.write_text(article.read_text("utf-8").replace("note: ", "note: Edited. ", 1), "utf-8")
    assert cli.main(["--root", str(root)]) == 0
    site_pages = sorted(p.relative_to(root / "_site").as_posix() for p in (root / "_site").rglob("*.html"))
    found = [p for p in site_pages if "data-pagefind-body" in (root / "_site" / p).read_text("utf-8")]
    parts = search_parts.split(found, 10)
    edited = next(pages for pages in parts.values() if "articles/jpost-go-it-alone/index.html" in pages)
    changed = {p for p in site_pages if before.get(p) != (root / "_site" / p).read_bytes()}
    assert changed and len(site_pages) > 3 * len(set(edited) | changed)
    assert set(read) == set(edited) | changed


class _Store(search_parts.MemoryParts):
    """A store of parts that lists the keys it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def search_part(self, key: str):  # type: ignore[no-untyped-def]
        self.asked.append(key)
        return super().search_part(key)


class _Reads(dict):
    """Pages that list which of them are read."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        super().__init__(pages)
        self.read: list[str] = []

    def __getitem__(self, path: str) -> bytes:
        self.read.append(path)
        return super().__getitem__(path)


def test_the_parts_keys_are_made_of_what_the_pages_send_by_the_digests_the_writer_already_has(pagefind):
    """A part's key is made of the digest of what Pagefind is sent of each page; a page whose digest (the writer's
    stage knows every page's) an earlier index saw is not read again for it, nor to learn whether it is indexed."""
    from dossier.shell.fs import output_digest
    from dossier.shell.search_ignored import sent

    listed = b'<ul data-pagefind-ignore="all"><li>a list search leaves out</li></ul></main>'
    outputs = {f"articles/a{n:03d}/index.html": page(n).replace(b"</main>", listed) for n in range(3)}
    assert all(sent(data) != data for data in outputs.values())
    given = {path: f"digest-{n}" for n, path in enumerate(sorted(outputs))}
    store = _Store()
    first = search.build_index(_Reads(outputs), "/", store=store, digests=given)
    pages = [(path, output_digest(sent(outputs[path]))) for path in sorted(outputs)]
    assert store.asked == [search_parts.part_key(0, pages, "/", search.index_version())]
    assert store.sent_digests() == {given[path]: digest for path, digest in pages}
    again = _Reads(outputs)
    assert search.build_index(again, "/", store=store, digests=given) == first
    assert store.made == 1 and store.asked[1:] == store.asked[:1] and again.read == []  # (kept, nothing read)
    # (and the configuration Pagefind is given is part of it: a part made with other exclusions is not taken)
    assert search.index_version().startswith(search.pagefind_version()) and ".visually-hidden" in search.index_version()


def test_a_page_changed_only_inside_its_ignored_elements_leaves_its_part_as_it_was(pagefind):
    """What Pagefind skips whole (data-pagefind-ignore="all": an article's list of the passages it shares, which an
    article added or removed elsewhere changes) is not what a part's key is made of: that part is not indexed
    again, and the index is the one made from nothing. A change Pagefind reads makes the part again."""
    def with_list(n: int, listed: str) -> bytes:
        return page(n).replace(b"</main>", f'<ul data-pagefind-ignore="all"><li>{listed}</li></ul></main>'.encode())

    outputs = {f"articles/a{n:03d}/index.html": with_list(n, "one passage") for n in range(12)}
    store = search_parts.MemoryParts()
    first = search.build_index(outputs, "/", part_pages=4, store=store)
    made = store.made
    assert made >= 2
    store.finish()
    outputs["articles/a005/index.html"] = with_list(5, "two passages, one of them new")
    assert search.build_index(outputs, "/", part_pages=4, store=store) == first == \
        search.build_index(outputs, "/", part_pages=4)
    assert store.made == made  # nothing indexed again
    store.finish()
    outputs["articles/a005/index.html"] = with_list(5, "two passages").replace(b"rare word5", b"rarer word5")
    third = search.build_index(outputs, "/", part_pages=4, store=store)
    assert store.made == made + 1 and third == search.build_index(outputs, "/", part_pages=4) != first


def test_a_page_that_cannot_be_read_is_the_error_raised_not_the_stop_it_made_the_other_services(pagefind,
                                                                                                    monkeypatch):
    """Two services index parts at once; a page of a later part cannot be read (for its part's key) while the other
    service works: the build is told of that failure, not of the SearchCancelled the other service stopped with
    ("the search index could not be built: stopped"; the live preview takes that for a newer save, and said
    nothing)."""
    monkeypatch.setattr(search, "SERVICES", 2)
    outputs = site(40)
    groups = search_parts.split(sorted(p for p in outputs if "articles/" in p), 5)
    bad = list(groups.values())[1][0]  # (the second part: the first thread is indexing the first when it is read)
    reads: list[str] = []

    class Unreadable(dict):
        def __getitem__(self, path: str) -> bytes:
            reads.append(path)
            if path == bad and reads.count(bad) >= 3:  # (read twice to sort out the pages, then for its part's key)
                raise OSError(f"{path}: read failed")
            return super().__getitem__(path)

    with pytest.raises(OSError, match="read failed"):
        search.build_index(Unreadable(outputs), "/", part_pages=5, store=search_parts.MemoryParts())


def test_once_a_service_failed_the_other_keys_no_more_parts(pagefind, monkeypatch):
    """A service fails (a page of its part cannot be read) while the other thread is keying the next parts: that
    thread stops at the next part, without reading the changed pages of the parts after it for their keys."""
    monkeypatch.setattr(search, "SERVICES", 2)

    def listed(n: int, words: str) -> bytes:
        return page(n).replace(b"</main>", f'<ul data-pagefind-ignore="all"><li>{words}</li></ul></main>'.encode())

    outputs = {f"articles/a{n:03d}/index.html": listed(n, "one") for n in range(40)}
    store = search_parts.MemoryParts()
    search.build_index(outputs, "/", part_pages=5, store=store)
    store.finish()
    groups = list(search_parts.split(sorted(outputs), 5).values())
    edited, unread, next_part, after = groups[1][0], groups[1][1], groups[2][0], groups[3][0]
    outputs[edited] = outputs[edited].replace(b"Common words", b"Other words")  # (its part is indexed again)
    for path in (next_part, after):  # (changed where search does not look: read for their parts' keys)
        outputs[path] = outputs[path].replace(b"<li>one</li>", b"<li>two</li>")
    keying, failed = threading.Event(), threading.Event()
    reads: list[str] = []

    class Hooked(dict):
        def __getitem__(self, path: str) -> bytes:
            reads.append(path)
            if reads.count(path) == 3:  # (read twice to sort out the pages; the third: its key, or to send it)
                if path == next_part:  # the other thread, keying the next part: waits for the failure
                    keying.set()
                    failed.wait(10)
                    time.sleep(0.3)  # (while the failure stops the other threads)
                elif path == unread:  # the first thread, sending its part: fails once the other is keying
                    keying.wait(10)
                    failed.set()
                    raise OSError(f"{path}: read failed")
            return super().__getitem__(path)

    with pytest.raises(OSError, match="read failed"):
        search.build_index(Hooked(outputs), "/", part_pages=5, store=store)
    assert keying.is_set() and reads.count(next_part) == 3 and reads.count(after) == 2


def test_a_service_deletes_each_parts_index_once_its_bundle_is_read(pagefind, tmp_path, monkeypatch):
    """A service indexes part after part; each part's index is deleted from it once its bundle came back, so that
    it holds one part's index at a time, not all it made (what it was sent is logged by a wrapper)."""
    from pagefind.service import get_executable

    log = tmp_path / "requests.log"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(f'#!/bin/sh\ntee "{log}" | "{get_executable()}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    monkeypatch.setattr(search, "SERVICES", 1)
    outputs = site(24)
    built = search.build_index(outputs, "/", part_pages=5)
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    assert built == search.build_index(outputs, "/", part_pages=5)  # the bundles are those of the real binary
    sent = [json.loads(base64.b64decode(r))["payload"] for r in log.read_bytes().split(b",") if r]
    kinds = [r["type"] for r in sent if r["type"] != "AddFile"]
    assert kinds == ["NewIndex", "GetFiles", "DeleteIndex"] * 5
    made = [r["index_id"] for r in sent if r["type"] == "GetFiles"]
    assert [r["index_id"] for r in sent if r["type"] == "DeleteIndex"] == made and len(set(made)) == 5
