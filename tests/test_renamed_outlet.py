"""An outlet's id changed in content/sources.yaml while the articles still name the old one
(dossier/core/load/renamed_outlet.py): one error at the outlet's key, counting the articles and listing where,
when the outlet no article names is very likely the one meant; else each article keeps its error."""

from __future__ import annotations

from conftest import MINIMAL_SITE, write_tree
from dossier.core.common.errors import error
from dossier.core.load.model import Dossier, Origin, Source
from dossier.core.load.config import SiteConfig
from dossier.core.load.renamed_outlet import at_renamed_outlet
from dossier.core.pipeline import build_site
from dossier.shell import fs

SOURCES = """\
ynetnews: {name: Ynetnews, homepage: https://www.ynetnews.com/}
jerusalem-post:
  name: The Jerusalem Post
  homepage: https://www.jpost.com/
"""


def _errors(tmp_path, sources: str, ynet: tuple[str, str] = ("ynetnews", "T"), linked: bool = False) -> list:
    """The errors of three articles, two of the Jerusalem Post and ynet-rift of `ynet` (outlet, title), its file
    a link out of the dossier when `linked` (not read)."""
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": sources}
    for slug, outlet, title in (("jpost-alone", "jerusalem-post", "T"), ("jpost-rafah", "jerusalem-post", "T"),
                                ("ynet-rift", *ynet)):
        files[f"seeds/{slug}.txt"] = f"Title\nText of {slug}.\n"
        files[f"content/articles/{slug}.yaml"] = (f"seed: {slug}.txt\ntitle: {title}\nsource: {outlet}\n"
                                                  "date: 2024-03-22\n")
    root = write_tree(tmp_path / "dossier", files)
    if linked:
        outside = root.parent / "ynet-rift.yaml"
        (root / "content/articles/ynet-rift.yaml").rename(outside)
        (root / "content/articles/ynet-rift.yaml").symlink_to(outside)
    return [p for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]


def test_an_outlet_renamed_is_one_error_at_its_key_counting_the_articles_and_listing_them(tmp_path) -> None:
    problems = _errors(tmp_path, SOURCES.replace("jerusalem-post:", "jpost:"))
    assert [(p.file, p.line, p.col, p.check) for p in problems] == [("content/sources.yaml", 2, 1, "source-unknown")]
    assert problems[0].message == (
        'outlet "jpost" is named by no article, while 2 articles name "jerusalem-post", which is no outlet: '
        '"jerusalem-post" is this outlet\'s name (The Jerusalem Post) written as an id (at '
        "content/articles/jpost-alone.yaml:3:9, content/articles/jpost-rafah.yaml:3:9)")
    assert problems[0].hint == ('if "jerusalem-post" is the id meant, rename this one back to it; if it was renamed '
                                "on purpose, write `source: jpost` in these files")


def test_an_outlet_whose_id_was_its_homepage_s_name_is_found_by_it_and_no_other_unnamed_one(tmp_path) -> None:
    """Another outlet nothing names yet, or one of two unnamed, is not the one renamed: each article keeps its
    error."""
    sources = SOURCES.replace("jerusalem-post:", "the-post:").replace("The Jerusalem Post", "The Post").replace(
        "https://www.jpost.com/", "https://jerusalem-post.com/")
    problems = _errors(tmp_path, sources)
    assert [p.file for p in problems] == ["content/sources.yaml"]
    assert "is the name of this outlet's homepage (https://jerusalem-post.com/)" in problems[0].message
    renamed = SOURCES.replace("jerusalem-post:", "jpost:")
    for sources in (renamed.replace("The Jerusalem Post", "Post").replace("www.jpost.com", "example.org"),
                    renamed + "haaretz: {name: Haaretz}\n"):
        problems = _errors(tmp_path / str(len(sources)), sources)
        assert [(p.file, p.message) for p in problems] == [
            ("content/articles/jpost-alone.yaml", 'unknown source "jerusalem-post"'),
            ("content/articles/jpost-rafah.yaml", 'unknown source "jerusalem-post"')]


def test_an_outlet_renamed_by_one_letter_is_said_at_its_key_only_when_several_files_name_the_old_id() -> None:
    """In one file, the did-you-mean at that line says it as well."""
    problems = [error(f"content/articles/{slug}.yaml", 3, 9, 'unknown source "jerusalem-post"', "did you mean?",
                      "source-unknown") for slug in ("a", "b")]
    assert [p.file for p in at_renamed_outlet(problems, _dossier())] == ["content/sources.yaml"]
    assert at_renamed_outlet(problems[:1], _dossier()) == problems[:1]


def _dossier() -> Dossier:
    outlet = Source("jerusalem-posts", "JP", id_origin=Origin("content/sources.yaml", 4, 1))
    return Dossier(SiteConfig(title="t"), (outlet,), (), (), ())


def test_an_article_file_that_could_not_be_parsed_names_the_outlets_its_text_names(tmp_path) -> None:
    """ynet-rift's YAML broken, its `source: jpost` was not counted: jpost was offered as renamed, and renaming it
    back broke ynet-rift once mended."""
    sources = SOURCES.replace("jerusalem-post:", "jpost:").replace(
        "ynetnews: {name: Ynetnews, homepage: https://www.ynetnews.com/}\n", "")
    problems = _errors(tmp_path / "jpost", sources, ("jpost", "Rafah: a rift"))
    assert [(p.file, p.check) for p in problems] == [("content/articles/jpost-alone.yaml", "source-unknown"),
                                                     ("content/articles/jpost-rafah.yaml", "source-unknown"),
                                                     ("content/articles/ynet-rift.yaml", "yaml-syntax")]
    # (one naming its own outlet leaves jpost the only one no article names: the guess is made)
    problems = _errors(tmp_path / "ynet", SOURCES.replace("jerusalem-post:", "jpost:"), ("ynetnews", "Rafah: a rift"))
    assert [(p.file, p.check) for p in problems] == [("content/articles/ynet-rift.yaml", "yaml-syntax"),
                                                     ("content/sources.yaml", "source-unknown")]
    # an article file not read may name any outlet: no guess
    problems = _errors(tmp_path / "linked", sources, ("jpost", "T"), linked=True)
    assert ("content/articles/jpost-alone.yaml", "source-unknown") in [(p.file, p.check) for p in problems]
    assert "content/sources.yaml" not in [p.file for p in problems]
