"""A cache that someone else wrote is never read (dossier/shell/cache_secret.py): a dossier may hold contributed
files, and a tarball or a commit can carry `.dossier-cache/` too. Its entries are pickles, compiled templates and
compiled validators; reading one runs code. With a plain sha256 beside each, a forged pickle ran at the next
build (review 61); every entry now carries an HMAC under a key kept in this user's own cache folder."""

from __future__ import annotations

import hashlib
import shutil
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_of_default_dossier, run_build
from dossier.shell.framed import MAGIC, read_framed, read_summed, write_framed, write_summed
from dossier.shell.packs import Packs


class Planted:
    """What an attacker pickles: unpickling it writes a file (it could run any command)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path(self.marker).write_text, ("code ran",))


def forged(salt: bytes, payload: bytes) -> bytes:
    """A framed entry as anyone could write it without the key: the old format's plain sha256."""
    return MAGIC + hashlib.sha256(salt + payload).digest() + payload


def test_a_planted_pickle_in_a_contributed_cache_does_not_run(tmp_path: Path) -> None:
    (tmp_path / "contributed").mkdir()
    root = copy_of_default_dossier(tmp_path / "contributed")
    assert run_build(root, "--no-search").returncode == 0
    marker = tmp_path / "PWNED"
    planted = pickle.dumps(Planted(str(marker)))
    links = sorted((root / ".dossier-cache" / "links").iterdir())
    assert links, "the build keeps its link check's memory in the cache"
    for entry in links:
        entry.write_bytes(forged(b"links", planted))
    packs = Packs(str(root / ".dossier-cache" / "packs"))
    names = list(packs.names())
    assert names, "the build keeps its steps' values in packs"
    packs.write([(name, planted) for name in names])  # (then summed as an attacker can: _resign_plainly)
    _resign_plainly(root / ".dossier-cache" / "packs")
    (root / "_site" / "index.html").unlink()  # (so that the build builds, not "up to date")
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert (root / "_site" / "index.html").exists()


def _resign_plainly(folder: Path) -> None:
    """Rewrite every pack's entry sums and its index's sum as a plain sha256: what an attacker can compute (the
    index's sum is an HMAC under this user's key)."""
    import struct

    from dossier.shell.packs import ENTRY, TRAILER

    for pack in folder.glob("*.pack"):
        data = bytearray(pack.read_bytes())
        offset, count, _, end = TRAILER.unpack_from(data, len(data) - TRAILER.size)
        for i in range(count):
            at = offset + i * ENTRY.size
            name, _, where, size = ENTRY.unpack_from(data, at)
            plain = hashlib.sha256(name.hex().encode("ascii") + bytes(data[where:where + size])).digest()
            ENTRY.pack_into(data, at, name, plain, where, size)
        table = bytes(data[offset:offset + count * ENTRY.size])
        struct.pack_into(TRAILER.format, data, len(data) - TRAILER.size, offset, count,
                         hashlib.sha256(table).digest(), end)
        pack.write_bytes(bytes(data))


def test_entries_signed_with_another_key_or_a_plain_sum_are_misses(tmp_path: Path) -> None:
    write_framed(tmp_path / "mine", b"s", {"a": 1})
    assert read_framed(tmp_path / "mine", b"s") == (True, {"a": 1})
    (tmp_path / "plain").write_bytes(forged(b"s", pickle.dumps({"a": 2})))
    assert read_framed(tmp_path / "plain", b"s") == (False, None)
    write_summed(tmp_path / "code", b"compiled")
    assert read_summed(tmp_path / "code") == b"compiled"
    (tmp_path / "code").write_bytes(hashlib.sha256(b"planted").digest() + b"planted")
    assert read_summed(tmp_path / "code") is None


def test_the_key_is_made_once_for_this_user_only_and_a_file_others_can_write_is_not_trusted(tmp_path: Path) -> None:
    def key_of_a_new_process() -> str:
        code = "from dossier.shell.cache_secret import secret; print(secret().hex())"
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT,
                              check=True).stdout.strip()

    first = key_of_a_new_process()
    path = tmp_path / "dossier" / "cache-key"
    assert path.read_bytes().hex() == first and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert key_of_a_new_process() == first
    path.chmod(0o644)  # (anyone could have read it, or it came unpacked from elsewhere: not this user's secret)
    assert key_of_a_new_process() not in (first, key_of_a_new_process())
    # an empty key (a build killed while it wrote) is made again, not left to turn the cache off for good
    path.chmod(0o600)
    path.write_bytes(b"")
    again = key_of_a_new_process()
    assert len(bytes.fromhex(again)) == 32 and key_of_a_new_process() == again == path.read_bytes().hex()


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path) -> None:
    """The XDG spec says to ignore a relative XDG_CACHE_HOME: "./.cache" would put the key in the dossier, where
    a contributed one could be (review 66)."""
    code = "from dossier.shell.cache_secret import key_file; print(key_file())"
    env = {**os.environ, "XDG_CACHE_HOME": ".cache", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout.strip()
    assert out == str(tmp_path / ".cache" / "dossier" / "cache-key")


def test_links_in_a_contributed_cache_lead_no_build_to_delete_anything_outside_it(tmp_path: Path) -> None:
    """Review 66: with `.dossier-cache/templates` a link to a folder outside the dossier, the first build
    deleted that folder's subfolders as old compiled templates (`pages`, `builds`: its files). Every link in the
    cache is removed (the link, not what it leads to) before the build reads or prunes anything."""
    (tmp_path / "contributed").mkdir()
    root = copy_of_default_dossier(tmp_path / "contributed")
    assert run_build(root, "--no-search").returncode == 0
    victims = {}
    for name in ("templates", "pages", "builds", "packs"):
        victim = tmp_path / f"victim-{name}"
        (victim / "sub").mkdir(parents=True)
        (victim / "sub" / "precious.txt").write_text("mine\n", "utf-8")
        (victim / "notes.txt").write_text("mine\n", "utf-8")
        (victim / f"{'0' * 20}-1-0.pack").write_text("mine\n", "utf-8")
        cached = root / ".dossier-cache" / name
        shutil.rmtree(cached, ignore_errors=True)
        cached.symlink_to(Path("..") / ".." / ".." / victim.name)  # (relative: no path of the victim's known)
        victims[name] = sorted(p.relative_to(victim).as_posix() for p in victim.rglob("*"))
    (root / "_site" / "index.html").unlink()
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    for name, before in victims.items():
        victim = tmp_path / f"victim-{name}"
        assert sorted(p.relative_to(victim).as_posix() for p in victim.rglob("*")) == before, name
        assert not (root / ".dossier-cache" / name).is_symlink()
