"""The live preview writes only into its output folder (review 163): a folder in it linked out printed a
traceback, and the pages showed nothing. Now the write is refused, said in one line and over every page
(output-refused), nothing is written or deleted, and the next save once the folder is right again writes the
whole site. The preview runs its own threads here (the poller, the builder)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.shell import fs
from dossier.shell.serve_files import write_changed
from test_serve import ARTICLE, FILES, Preview_, page, repaired, wait_for


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def root(mini_dossier) -> Path:
    return mini_dossier(FILES)


@pytest.fixture
def preview(root):
    """A preview started, after its first publish."""
    preview = Preview_(root)
    preview.start()
    wait_for(lambda: preview.status.published == 1)
    repaired()  # (its check of the output folder, in a thread of its own, is over before a test touches it)
    yield preview
    preview.stop()


def save(root: Path, note: str) -> None:
    (root / "content/articles/a.yaml").write_text(ARTICLE.replace("First note.", note), "utf-8")


def refused(preview: Preview_) -> str:
    """The refusal the preview said, in the terminal and over the pages, once the save was built."""
    wait_for(lambda: "not written:" in preview.log.getvalue() and not preview.status.building)
    log = preview.log.getvalue()
    assert "Traceback" not in log and "preview error" not in log, log
    (said,) = preview.status.problems
    assert preview.status.state == "failed" and said.check == "output-refused", preview.status.problems
    assert said.message.startswith("the site was not written: refusing to write "), said.message
    why = said.message.removeprefix("the site was not written: ")
    assert f"not written: {why}; nothing was written or deleted" in log, log  # (the terminal says the same)
    assert "nothing was written into the folder or deleted from it" in said.hint
    return why


def written_again(preview: Preview_, root: Path, note: str) -> None:
    save(root, note)
    wait_for(lambda: preview.status.state == "ok" and not preview.status.problems and note in page(root))


def test_a_folder_of_the_site_linked_out_is_refused_in_one_line_and_over_the_pages(preview, root):
    victim = root.parent / "victim"
    victim.mkdir()
    site = root / "_site"
    shutil.move(site / "articles", root.parent / "elsewhere")
    (site / "articles").symlink_to(victim, target_is_directory=True)
    save(root, "Second note.")
    assert f"articles/ in the output folder is a symbolic link to {victim}, outside the output folder" \
        in refused(preview)
    assert list(victim.iterdir()) == []
    (site / "articles").unlink()
    written_again(preview, root, "Third note.")
    assert list(victim.iterdir()) == []


def test_write_changed_checks_every_path_before_it_touches_any(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "a.html").write_bytes(b"old")
    (out / "gone.html").write_bytes(b"gone")
    (out / "articles").symlink_to(outside, target_is_directory=True)
    with pytest.raises(fs.OutputError, match="refusing to write articles/x.html: articles/ in the output folder"):
        write_changed(out, {"a.html": b"new", "articles/x.html": b"x"}, ("a.html", "gone.html", "articles/x.html"))
    assert (out / "a.html").read_bytes() == b"old" and (out / "gone.html").read_bytes() == b"gone"
    assert list(outside.iterdir()) == []
