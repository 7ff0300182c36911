"""This user's store of compiled templates and schemas (dossier/shell/user_store.py): what one dossier's build
compiled, another dossier's first build reads instead of compiling it again; each source gets an entry of its own,
an entry someone else wrote is never run, old code versions' folders are deleted, and a store that cannot be
used only means compiling, as before. Each test has a store of its own (a temporary XDG_CACHE_HOME)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from conftest import copy_of_default_dossier, run_build
from dossier.shell import fs
from dossier.shell.cache import FOLDER, code_version
from dossier.shell.user_store import KEEP_VERSIONS, MAX_ENTRIES, UserStore


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


def _store(xdg: Path) -> Path:
    return xdg / "dossier" / "compiled" / code_version()[:32]


def _stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.is_dir() else {}


def _site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != fs.MARKER}


def _dossier(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return copy_of_default_dossier(tmp_path / name)


def _build(root: Path) -> None:
    """A build in a process of its own, as from the command line (its key and store found afresh, in the
    test's XDG_CACHE_HOME, whatever this process used before)."""
    done = run_build(root, "--no-search")
    assert done.returncode == 0, done.stderr


def test_a_second_dossier_s_first_build_reads_the_templates_and_schemas_another_compiled(xdg, tmp_path):
    first = _dossier(tmp_path, "first")
    _build(first)
    kept = _stamps(_store(xdg))
    assert any(n.endswith(".cache") for n in kept) and any(n.endswith(".code") for n in kept)
    second = _dossier(tmp_path, "second")
    _build(second)
    assert _stamps(_store(xdg)) == kept  # nothing compiled (a compiled entry is written to the store too)
    own = second / FOLDER
    assert len(list((own / "templates" / code_version()[:32]).iterdir())) == len(list(
        (first / FOLDER / "templates" / code_version()[:32]).iterdir()))  # copied into the dossier's own cache
    assert _site(second / "_site") == _site(first / "_site")


def test_a_dossier_s_own_template_gets_an_entry_of_its_own_and_never_another_s(xdg, tmp_path):
    plain = _dossier(tmp_path, "plain")
    _build(plain)
    kept = _stamps(_store(xdg))
    edited = _dossier(tmp_path, "edited")
    template = (fs.PROJECT / "templates" / "404.html").read_text("utf-8")
    (edited / "templates").mkdir()
    (edited / "templates" / "404.html").write_text(
        template.replace("Page not found</h1>", "Page not found</h1><p>Edited 404</p>", 1), "utf-8")
    _build(edited)
    assert b"<p>Edited 404</p>" in (edited / "_site" / "404.html").read_bytes()
    now = _stamps(_store(xdg))
    assert len(now) == len(kept) + 1 and all(now[n] == t for n, t in kept.items())  # one more, none replaced
    again = _dossier(tmp_path, "again")
    _build(again)
    assert b"Edited 404" not in (again / "_site" / "404.html").read_bytes()
    assert _stamps(_store(xdg)) == now


def test_an_entry_in_the_store_that_this_user_s_key_did_not_sign_is_never_run(xdg, tmp_path):
    reference = _dossier(tmp_path, "reference")
    _build(reference)
    for entry in _store(xdg).iterdir():  # each one changed as in test_cache's damaged entries, then summed as
        payload = entry.read_bytes()[32:]  # anyone could sum it: a plain sha256
        if b"<" in payload[len(payload) // 2:]:
            at = payload.index(b"<", len(payload) // 2)
            payload = payload[:at] + b"[" + payload[at + 1:]
        entry.write_bytes(hashlib.sha256(payload).digest() + payload)
    fresh = _dossier(tmp_path, "fresh")
    _build(fresh)
    assert _site(fresh / "_site") == _site(reference / "_site")


def test_only_the_code_versions_used_last_are_kept(xdg, tmp_path):
    base = xdg / "dossier" / "compiled"
    for i in range(KEEP_VERSIONS + 2):
        old = base / f"{i:032d}"
        old.mkdir(parents=True)
        (old / "x.cache").write_bytes(b"from an older version")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    _build(_dossier(tmp_path, "d"))
    kept = sorted(p.name for p in base.iterdir())
    assert kept == sorted([code_version()[:32], *(f"{i:032d}" for i in range(3, KEEP_VERSIONS + 2))])


def test_a_store_that_cannot_be_made_only_means_compiling_as_before(xdg, tmp_path):
    (xdg / "dossier").mkdir(parents=True)
    (xdg / "dossier" / "compiled").write_bytes(b"")  # a file where the store's folder should be
    root = _dossier(tmp_path, "d")
    _build(root)
    assert (root / "_site" / "index.html").is_file() and (root / FOLDER / "templates").is_dir()


def test_a_link_in_place_of_the_store_s_folder_is_refused_and_nothing_it_points_to_deleted(xdg, tmp_path):
    victim = tmp_path / "victim"  # (another user could plant such a link in a shared home, /tmp)
    for name in ["notes", "photos", *(f"{i:032x}" for i in range(KEEP_VERSIONS + 2))]:
        (victim / name).mkdir(parents=True)
        (victim / name / "kept.txt").write_bytes(b"mine")
    (xdg / "dossier").mkdir(parents=True, mode=0o700)
    (xdg / "dossier" / "compiled").symlink_to(victim)
    before = sorted(p.relative_to(victim).as_posix() for p in victim.rglob("*"))
    root = _dossier(tmp_path, "d")
    _build(root)
    assert sorted(p.relative_to(victim).as_posix() for p in victim.rglob("*")) == before  # nor anything made there
    assert (root / "_site" / "index.html").is_file()


def test_a_folder_not_named_as_a_code_version_is_never_pruned(xdg, tmp_path):
    base = xdg / "dossier" / "compiled"
    for i, name in enumerate(["notes", *(f"{n:032x}" for n in range(KEEP_VERSIONS + 2))]):
        (base / name).mkdir(parents=True)
        os.utime(base / name, (1_000_000 + i, 1_000_000 + i))
    _build(_dossier(tmp_path, "d"))
    kept = sorted(p.name for p in base.iterdir())
    assert kept == sorted(["notes", code_version()[:32], *(f"{i:032x}" for i in range(3, KEEP_VERSIONS + 2))])


def test_a_store_folder_of_this_user_s_that_others_can_write_in_is_closed_to_them_and_used(xdg, tmp_path):
    """Made under umask 002 (or opened up by hand), the folder is this user's: it is closed to the group and
    others, then used; refused, the store was off for good without a word (review 191)."""
    base = xdg / "dossier" / "compiled"
    base.mkdir(parents=True)
    base.chmod(0o777)
    root = _dossier(tmp_path, "d")
    _build(root)
    assert stat.S_IMODE(base.stat().st_mode) == 0o755 and (root / "_site" / "index.html").is_file()
    assert [p.name for p in base.iterdir()] == [code_version()[:32]]
    assert any(_store(xdg).iterdir())


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give a folder to another")
def test_a_store_folder_of_another_user_s_is_refused(xdg, tmp_path):
    base = xdg / "dossier" / "compiled"
    base.mkdir(parents=True, mode=0o700)
    os.chown(base, 65534, 65534)  # (nobody's)
    root = _dossier(tmp_path, "d")
    _build(root)
    assert list(base.iterdir()) == [] and (root / "_site" / "index.html").is_file()


def test_temporary_files_a_killed_build_left_in_the_store_are_swept(xdg, tmp_path):
    _build(_dossier(tmp_path, "first"))
    left, writing = _store(xdg) / ".left.cache.1.2.tmp", _store(xdg) / ".writing.cache.3.4.tmp"
    left.write_bytes(b"half an entry")
    writing.write_bytes(b"an entry being written")
    os.utime(left, (1_000_000, 1_000_000))  # (an hour old or more: framed.ABANDONED)
    _build(_dossier(tmp_path, "second"))
    assert not left.exists() and writing.exists()


def test_bounding_the_store_deletes_only_its_entries(xdg, tmp_path):
    folder = tmp_path / "store"
    folder.mkdir(mode=0o700)
    (folder / "notes.txt").write_bytes(b"not an entry")
    for i in range(MAX_ENTRIES + 2):
        (folder / f"{i:064x}.code").write_bytes(b"old")
        os.utime(folder / f"{i:064x}.code", (1_000_000 + i, 1_000_000 + i))
    os.utime(folder / "notes.txt", (1, 1))
    UserStore(folder).write(f"{'f' * 64}.code", b"new")
    assert (folder / "notes.txt").exists() and not (folder / f"{0:064x}.code").exists()
    assert len(list(folder.iterdir())) == 1 + (MAX_ENTRIES + 2) // 2 + 1
