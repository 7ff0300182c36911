"""The command line's link check across runs: each run checks only the pages whose key (their bytes) or whose
links' targets changed since the run before, recalling what that run found from the cache folder
(`.dossier-cache/links/`, core/execute/linkcheck.py `Checked`). What it reports is what a check of every page
reports: a broken link stays reported on every run until it is fixed, whatever else is edited."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import dossier_synth as generate
from dossier.core.common.errors import error
from dossier.core.execute import linkcheck
from dossier.shell.cache import FOLDER, code_version
from dossier.shell.cli import main
from dossier.shell.fs import PROJECT
from dossier.shell.framed import read_framed, write_framed
from dossier.shell.packs import MAGIC, TRAILER
from dossier.shell.page_index import found_in_file


READ: list[str] = []  # the output files counted_found_in_file read, in the order it read them


def counted_found_in_file(out: str, rel: str, *rest: Any) -> Any:
    """page_index.found_in_file, with each file it reads listed in READ. Module-level, so that a forked worker
    can send a kept page's linkcheck.Deferred, which holds it, to the parent (pickle names it)."""
    READ.append(rel)
    return found_in_file(out, rel, *rest)


def build(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), "--no-search"])
    return code, err.getvalue()


def recalled(root: Path) -> linkcheck.Checked:
    found, checked = read_framed(root / FOLDER / "links" / code_version()[:32], b"links")
    assert found and isinstance(checked, linkcheck.Checked)
    return checked


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    generate.generate(root, 3, seed=7)
    (root / "templates").mkdir()
    page = (PROJECT / "templates" / "404.html").read_text("utf-8")
    page = page.replace("{% endblock %}", '<a href="/nowhere/">lost</a>\n{% endblock %}')
    (root / "templates" / "404.html").write_text(page, "utf-8")
    return root


def test_a_broken_link_is_reported_on_every_run_until_it_is_fixed(dossier: Path) -> None:
    code, err = build(dossier)
    assert code == 1 and "templates/404.html:5:10: error: broken link: /nowhere/ (on 404.html)" in err
    kept = recalled(dossier)
    assert [p.message for p in kept.pages["404.html"][3]] == ["broken link: /nowhere/"]
    assert build(dossier) == (code, err)  # nothing changed: the same report, from the recalled check
    article = sorted((dossier / "content" / "articles").glob("*.yaml"))[0]
    text = article.read_text("utf-8")
    article.write_text(re.sub(r'note: ".*"', 'note: "Edited."', text, count=1), "utf-8")
    code, again = build(dossier)  # another page rendered again: the 404 page's link is still broken
    assert code == 1 and "templates/404.html:5:10: error: broken link: /nowhere/ (on 404.html)" in again
    page = (dossier / "templates" / "404.html").read_text("utf-8")
    (dossier / "templates" / "404.html").write_text(page.replace("/nowhere/", "/"), "utf-8")
    code, fixed = build(dossier)
    assert code == 0 and "broken link" not in fixed


def test_what_the_last_run_found_is_what_this_run_reports_for_a_page_whose_key_is_the_same(dossier: Path) -> None:
    """Proof that the recalled check is used: a finding planted in it for the home page (same key, same links'
    targets) is reported as it stands; a damaged file is no recall at all, so every page is checked."""
    build(dossier)
    kept = recalled(dossier)
    links, key, targets, _, deep = kept.pages["index.html"]
    kept.pages["index.html"] = (links, key, targets, [error("_site/index.html", 0, 0, "planted finding")], deep)
    path = dossier / FOLDER / "links" / code_version()[:32]
    write_framed(path, b"links", kept)
    assert "planted finding" in build(dossier)[1]
    path.write_bytes(path.read_bytes()[:-7])  # truncated: not recalled, every page checked
    code, err = build(dossier)
    assert code == 1 and "planted finding" not in err and "templates/404.html:5:10: error: broken link: /nowhere/ (on 404.html)" in err


def linked_from_the_404_page(dossier: Path) -> tuple[Path, str]:
    """The first article file, and a link to one of its annotations that the 404 page (the dossier's own
    template) now holds, once built."""
    article = sorted((dossier / "content" / "articles").glob("*.yaml"))[0]
    link = f"/articles/{article.stem}/#a-figure-2"
    page = (dossier / "templates" / "404.html").read_text("utf-8").replace("/nowhere/", link)
    (dossier / "templates" / "404.html").write_text(page, "utf-8")
    assert build(dossier)[0] == 0
    return article, link


def test_a_kept_page_is_checked_again_from_its_file_when_a_page_it_links_into_changes(dossier: Path) -> None:
    """The 404 page (a template of the dossier's, its key unchanged) links to an annotation of an article; the
    annotation's id changes, so the article page has other ids, and the 404 page, kept and never rendered
    again, is checked again: its links are read from its file in the output folder (page_index.py)."""
    article, link = linked_from_the_404_page(dossier)
    page_file = dossier / "_site" / "404.html"
    written = page_file.stat().st_mtime_ns
    article.write_text(article.read_text("utf-8").replace("id: figure-2", "id: figure-two"), "utf-8")
    code, err = build(dossier)
    assert code == 1 and f"broken fragment: {link} (on 404.html)" in err
    assert page_file.stat().st_mtime_ns == written  # (kept, not rendered again)


def test_a_kept_page_s_file_changed_during_the_build_stops_it(tmp_path: Path) -> None:
    """The ids and links of a kept page are found in its file when the check asks; a file no longer holding the
    bytes the build found there (changed by hand, or by another build writing the folder) stops the build rather
    than checking what no one rendered."""
    import pickle

    from dossier.shell.fs import OutputError, output_digest

    page = b'<p id="a"><a href="/x/#y">x</a></p>'
    (tmp_path / "p.html").write_bytes(page)
    assert found_in_file(str(tmp_path), "p.html", output_digest(page)) == ("a", "/x/#y")
    deferred = linkcheck.Deferred(functools.partial(found_in_file, str(tmp_path), "p.html", output_digest(page)))
    assert deferred.found() == ("a", "/x/#y") and pickle.loads(pickle.dumps(deferred)).found() == ("a", "/x/#y")
    (tmp_path / "p.html").write_bytes(page.replace(b'"a"', b'"b"'))
    with pytest.raises(OutputError, match="p.html in the output folder no longer holds what the last build wrote"):
        found_in_file(str(tmp_path), "p.html", output_digest(page))
    (tmp_path / "p.html").unlink()
    with pytest.raises(OutputError):
        found_in_file(str(tmp_path), "p.html", output_digest(page))


def test_a_file_s_links_are_checked_again_when_what_they_may_name_changes_elsewhere(dossier: Path) -> None:
    """An article's note links to a tag that only another article uses. The command line keeps each file's
    checks in its cache, named by the file and by what references may name: when the other article drops the
    tag, the first file, unchanged, is checked again and its link reported, as a build without the cache does."""
    (dossier / "templates" / "404.html").unlink()  # (this test's dossier has no broken link of its own)
    first, other = sorted((dossier / "content" / "articles").glob("*.yaml"))[0], \
        dossier / "content" / "articles" / "the-lantern-0000-border-crossing.yaml"
    text = first.read_text("utf-8")
    first.write_text(re.sub(r'note: "', 'note: "See [framing](tag:framing). ', text, count=1), "utf-8")
    assert build(dossier)[0] == 0
    other.write_text(other.read_text("utf-8").replace("tags: [dispute, framing]", "tags: [dispute]"), "utf-8")
    code, err = build(dossier)
    assert code == 1 and f"content/articles/{first.name}:" in err and "tag:framing" in err
    shutil.rmtree(dossier / FOLDER)
    shutil.rmtree(dossier / "_site")
    assert build(dossier) == (code, err)  # (what a build without the cache reports, word for word)


def test_a_kept_page_rewritten_with_its_size_and_time_put_back_is_made_anew(dossier: Path) -> None:
    """A page file whose bytes changed while its size and modification time stayed (a tool that restores times)
    has another change time, which no program can set back: the output folder's record no longer vouches for
    it, so the next build reads it, finds it changed and makes the page anew, though only its ids are asked
    (the tag pages that a note edit renders again link into it)."""
    (dossier / "templates" / "404.html").unlink()  # (this test's dossier has no broken link of its own)
    assert build(dossier)[0] == 0
    kept = next((dossier / "_site" / "articles").glob("*/index.html"))
    good, stat = kept.read_bytes(), kept.stat()
    assert b'id="a-quote-1"' in good
    kept.write_bytes(good.replace(b'id="a-quote-1"', b'id="a-quoTE-1"', 1))  # (the same size)
    os.utime(kept, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    article = sorted((dossier / "content" / "articles").glob("*.yaml"))[1]
    article.write_text(re.sub(r'note: "', 'note: "Edited. ', article.read_text("utf-8"), count=1), "utf-8")
    assert build(dossier) == (0, "") and kept.read_bytes() == good


def test_a_kept_page_changed_behind_a_record_that_still_vouches_for_it_stops_one_build(dossier: Path) -> None:
    """Should the output folder's record vouch for a file whose bytes changed (its size and times all as
    recorded), the link check, which compares the file's digest when it reads a kept page's links, stops that
    build and puts nothing in place; the cache names the file as distrusted, so the next build makes it anew
    rather than stopping again for ever."""
    from dossier.shell.fs import MARKER, MARKER_TEXT

    article, link = linked_from_the_404_page(dossier)
    kept = dossier / "_site" / "404.html"
    good = kept.read_bytes()
    kept.write_bytes(good.replace(b"<main", b"<MAIN", 1))  # (the same size)
    marker = dossier / "_site" / MARKER
    record = json.loads(marker.read_text("utf-8")[len(MARKER_TEXT):])
    st = kept.stat()
    record["outputs"]["404.html"][:3] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns]  # (the record vouches)
    marker.write_text(MARKER_TEXT + json.dumps(record), "utf-8")
    # another annotation's id changes: the article page's ids change, so the 404 page's links are checked again
    article.write_text(article.read_text("utf-8").replace("id: quote-1", "id: quote-one"), "utf-8")
    code, err = build(dossier)
    assert code == 2 and "404.html in the output folder no longer holds what the last build wrote there" in err
    assert kept.read_bytes() != good and (dossier / FOLDER / "distrusted").read_text("utf-8") == "404.html\n"
    assert build(dossier)[0] == 0 and kept.read_bytes() == good  # (made anew)
    assert not (dossier / FOLDER / "distrusted").exists()

def test_a_fragment_link_into_a_kept_page_is_checked_against_its_ids_kept_in_the_cache(
        dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A note of one article, edited, links to an annotation id that another article's page, kept from the build
    before, does not have. That page's ids come from the cache's ids packs (page_index.py), not from its file,
    and the check reports what a build without the cache reports. A damaged ids pack is a miss: the ids are
    then found in the file, and kept again for the builds after."""
    from dossier.shell import page_index

    (dossier / "templates" / "404.html").unlink()  # (this test's dossier has no broken link of its own)
    target, edited = sorted((dossier / "content" / "articles").glob("*.yaml"))[:2]
    assert build(dossier)[0] == 0
    read = READ
    read.clear()
    monkeypatch.setattr(page_index, "found_in_file", counted_found_in_file)
    text, kept = edited.read_text("utf-8"), dossier / "_site" / "articles" / target.stem / "index.html"
    written = kept.stat().st_mtime_ns
    link = f"/articles/{target.stem}/#nothing"
    edited.write_text(re.sub(r'note: "', f'note: "See [there]({link}). ', text, count=1), "utf-8")
    code, err = build(dossier)
    assert code == 1 and f"broken fragment: {link}" in err and read == []
    assert kept.stat().st_mtime_ns == written  # (kept, not rendered again)
    for pack in (dossier / FOLDER / "ids").glob("*.pack"):
        data = bytearray(pack.read_bytes())
        data[-40] ^= 0xFF  # (in the pack's trailer: no entry of it is read)
        pack.write_bytes(bytes(data))
    edited.write_text(re.sub(r'note: "', f'note: "See [there]({link}-2). ', text, count=1), "utf-8")
    code, again = build(dossier)
    assert code == 1 and f"broken fragment: {link}-2" in again
    assert kept.relative_to(dossier / "_site").as_posix() in read  # (and the other pages linked into)
    read.clear()  # (the ids it read in the files are kept again: the next build finds them in the packs)
    edited.write_text(re.sub(r'note: "', f'note: "See [there]({link}-3). ', text, count=1), "utf-8")
    code, third = build(dossier)
    assert code == 1 and f"broken fragment: {link}-3" in third and read == []
    for pack in (dossier / FOLDER / "ids").glob("*.pack"):  # every entry damaged, each pack's index whole
        data = bytearray(pack.read_bytes())
        start, end = len(MAGIC), TRAILER.unpack(data[-TRAILER.size:])[0]
        data[start:end] = bytes(b ^ 0xFF for b in data[start:end])
        pack.write_bytes(bytes(data))
    for step, seen in ((4, True), (5, False)):  # (read once from the file, then kept again)
        read.clear()
        edited.write_text(re.sub(r'note: "', f'note: "See [there]({link}-{step}). ', text, count=1), "utf-8")
        assert build(dossier)[0] == 1 and (kept.relative_to(dossier / "_site").as_posix() in read) == seen
    edited.write_text(re.sub(r'note: "', f'note: "See [there]({link}-2). ', text, count=1), "utf-8")
    assert build(dossier) == (code, again)
    shutil.rmtree(dossier / FOLDER)
    shutil.rmtree(dossier / "_site")
    assert build(dossier) == (code, again)  # (what a build without the cache reports, word for word)


def test_the_ids_of_a_cache_stay_open_while_another_cache_of_the_same_folder_closes(dossier: Path) -> None:
    """A kept page's ids are answered by the cache open in the process for that folder; closing another cache
    of the same folder (a live preview's pages kept for the next build, a build that failed) leaves it be."""
    from dossier.shell.cache import Cache
    from dossier.shell.fs import output_digest
    from dossier.shell.page_index import ids_name, kept_ids

    (dossier / "templates" / "404.html").unlink()
    assert build(dossier)[0] == 0
    page = next((dossier / "_site" / "articles").glob("*/index.html")).read_bytes()
    name, folder = ids_name(code_version(), output_digest(page)), str(dossier / FOLDER / "ids")

    def unread() -> linkcheck.Found:
        raise AssertionError("the page's file was read")

    first, second = Cache(dossier), Cache(dossier)
    first.close()
    assert kept_ids(folder, name, unread) == linkcheck.found_in_bytes(page)[0]
    second.close()
    assert kept_ids(folder, name, lambda: ("in the file", "")) == "in the file"  # (no cache open for it)
