"""The live preview writes only into the output folder the command line would write into, checked again before
every write (review 163): `_site` replaced meanwhile by a symbolic link (to a folder of inputs, to someone's
folder, to a copy of seeds/) or by a folder dossier did not make was made to hold the site, its files deleted;
a folder in it linked out printed a traceback, and the pages showed nothing. Now the write is refused, said in
one line and over every page (output-refused), nothing is written or deleted, and the next save once the folder
is right again writes the whole site. The preview runs its own threads here (the poller, the builder)."""

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


def folder_of_inputs(root: Path) -> Path:
    return root / "seeds"


def folder_of_someone(root: Path) -> Path:
    folder = root.parent / "someone"
    folder.mkdir()
    (folder / "thesis.txt").write_text("three years of work\n", "utf-8")
    return folder


def copy_of_seeds(root: Path) -> Path:
    return Path(shutil.copytree(root / "seeds", root.parent / "seeds-copy"))


@pytest.mark.parametrize("target", [folder_of_inputs, folder_of_someone, copy_of_seeds])
def test_a_site_folder_replaced_by_a_link_is_not_written_until_the_link_is_removed(preview, root, target):
    folder = target(root)
    before = files_of(folder)
    shutil.rmtree(root / "_site")
    (root / "_site").symlink_to(folder, target_is_directory=True)
    save(root, "Second note.")
    message = refused(preview)
    assert f"refusing to write the site into {root / '_site'}: it was replaced by a symbolic link to {folder}" \
        in message
    assert files_of(folder) == before
    (root / "_site").unlink()
    written_again(preview, root, "Third note.")
    assert files_of(folder) == before


def test_a_site_folder_replaced_by_a_folder_dossier_did_not_make_is_not_written(preview, root):
    site = root / "_site"
    shutil.rmtree(site)
    site.mkdir()
    (site / "thesis.txt").write_text("three years of work\n", "utf-8")
    save(root, "Second note.")
    assert "it is not empty and was not made by dossier" in refused(preview)
    assert files_of(site) == {"thesis.txt": b"three years of work\n"}
    (site / "thesis.txt").unlink()
    written_again(preview, root, "Third note.")


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
