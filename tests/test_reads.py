"""The live preview reads again only the files whose stamp changed (dossier/shell/fs.py `Reads`, with the
stamps `walk_tree` takes): the same inputs as a plain read, new bytes for every edit the watcher can see, and
nothing of a file that is gone."""

from __future__ import annotations

import os
import time
from pathlib import Path

from dossier.shell.fs import Reads, read_inputs
from dossier.shell.tree import walk_tree

ARTICLE = "seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"


def test_a_reused_read_gives_the_inputs_a_plain_read_gives_after_edits(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": "Alpha text.\n", "content/articles/a.yaml": ARTICLE})
    reads = Reads()
    assert read_inputs(root, reads) == read_inputs(root)
    (root / "seeds/a.txt").write_text("Alpha text, edited to another length.\n", "utf-8")
    (root / "seeds/b.txt").write_text("Beta.\n", "utf-8")
    (root / "content/articles/a.yaml").unlink()
    again = read_inputs(root, reads)
    assert again == read_inputs(root)
    assert again.files["seeds/a.txt"] == b"Alpha text, edited to another length.\n"
    assert "seeds/b.txt" in again.files and "content/articles/a.yaml" not in again.files
    assert not any(key.endswith("a.yaml") for key in reads.files)       # a file gone is forgotten


def test_a_file_whose_stamp_is_unchanged_is_not_read_again(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": "Alpha text.\n", "content/articles/a.yaml": ARTICLE})
    reads = Reads()
    first = read_inputs(root, reads).files["seeds/a.txt"]
    assert read_inputs(root, reads).files["seeds/a.txt"] is first   # the very bytes: not read again
    (root / "seeds/a.txt").write_bytes(b"Alpha text!\n")
    assert read_inputs(root, reads).files["seeds/a.txt"] == b"Alpha text!\n"


def test_a_rewrite_in_place_of_the_same_size_with_its_old_time_put_back_is_read_again(mini_dossier) -> None:
    """What a file system with a coarse clock gives two quick saves: the same size, inode and modification
    time. Only the change time, which the kernel sets at every write and no program can set back, tells; the
    preview kept the old text until it restarted."""
    root = mini_dossier({"seeds/a.txt": "Alpha text.\n", "content/articles/a.yaml": ARTICLE})
    reads = Reads()
    read_inputs(root, reads)
    seed = root / "seeds/a.txt"
    before = seed.stat()
    time.sleep(0.01)
    with open(seed, "r+b") as handle:
        handle.write(b"Omega")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    stamp = walk_tree(root, "seeds").stamps["seeds/a.txt"]
    assert stamp[:3] == (before.st_mtime_ns, before.st_size, before.st_ino) and stamp[3] != before.st_ctime_ns
    assert read_inputs(root, reads).files["seeds/a.txt"] == b"Omega text.\n"


def test_walk_tree_stamps_every_file_it_lists(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.yaml").write_text("a: 1\n", "utf-8")
    (tmp_path / "content" / "y.yaml").write_text("b: 22\n", "utf-8")
    tree = walk_tree(tmp_path, "content")
    assert sorted(tree.stamps) == tree.files == ["content/x.yaml", "content/y.yaml"]
    assert tree.stamps["content/y.yaml"][1] == 6


def test_walking_a_tree_leaves_nothing_for_the_garbage_collector(tmp_path: Path) -> None:
    """The live preview freezes what a build leaves alive (collector.LongLived), so garbage in cycles would stay
    until its periodic collection: a walk (every save reads the dossier) must make none."""
    import gc

    for name in ("a", "b/c"):
        (tmp_path / "seeds" / name).mkdir(parents=True)
        (tmp_path / "seeds" / name / "x.txt").write_text("x", "utf-8")
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        tree = walk_tree(tmp_path, "seeds")
        assert tree.files == ["seeds/a/x.txt", "seeds/b/c/x.txt"]
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
