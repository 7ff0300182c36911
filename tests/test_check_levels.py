"""site.yaml's `checks:` lowers or raises each named check, and names every warning an editor may mean.

A warning without a name in `checks:` could neither be silenced nor raised: a role's `of: ynet` meant as written,
a figure's value meant so, an empty file kept in content/sources/, a notes.txt kept in content/articles/, the PDF a
seed was copied from kept in seeds/ each failed a --strict build with no way to say so (review of the warnings
without a check name). The codes that are errors where a file is not read or an article not built keep those
errors whatever `checks:` says: only their warnings are the editor's to silence.
"""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL_SITE, ROOT, mini
from dossier.core.load.config import CHECK_NAMES
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

ARTICLE = "seed: {seed}\ntitle: Toll\nsource: outlet-a\ndate: 2024-03-22\n"
BASE = {"seeds/a.txt": "Toll\nAt least 32,070 people were killed, officials said.\n",
        "seeds/b.txt": "Toll\nMore than 32,000 people were killed, and hundreds more are missing.\n",
        "content/articles/a.yaml": ARTICLE.format(seed="a.txt"),
        "content/articles/b.yaml": ARTICLE.format(seed="b.txt")}
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4

# Each newly named check → files that make its warning (and nothing else)
WARNED: dict[str, dict[str, str | bytes]] = {
    "role-of-unknown": {"content/entities.yaml": "ynet-reporter:\n  name: Dana Reporter\n  kind: person\n  roles:\n"
                                                 "    - {title: Reporter, of: ynet}\n"},
    "figure-value": {"content/comparisons/toll.yaml": "title: The toll\nquestion: How many were killed?\nkind: figure\n"
                                                      "witnesses:\n  - article: a\n    quote: At least 32,070 people\n"
                                                      "    value: 32700\n  - article: b\n"
                                                      "    quote: hundreds more are missing\n    value: 300\n"},
    "file-empty": {"content/sources/wires.yaml": "# the wire services, to come\n"},
    "file-ignored": {"content/articles/notes.txt": "Ask the desk about the toll.\n"},
    "seed-binary": {"seeds/report.pdf": PDF},
}
# The same codes' errors, which `checks:` leaves errors: an empty article file, an article file named .yml, an
# article's seed that is no text (each: an article not built)
ERRED: dict[str, dict[str, str | bytes]] = {
    "file-empty": {"content/articles/c.yaml": "# to write\n", "seeds/c.txt": "Toll\nThe toll rose.\n"},
    "file-ignored": {"content/articles/c.yml": ARTICLE.format(seed="c.txt"), "seeds/c.txt": "Toll\nThe toll rose.\n"},
    "seed-binary": {"content/articles/c.yaml": ARTICLE.format(seed="c.pdf"), "seeds/c.pdf": PDF},
}


def _build(where, files: dict[str, str | bytes], level: str | None, check: str, strict: bool = False):
    site = MINIMAL_SITE + (f"checks:\n  {check}: {level}\n" if level else "")
    root = mini(where, {**BASE, **files, "site.yaml": site})
    return build_site(fs.read_inputs(root), Options(strict=strict))


@pytest.mark.parametrize("check", sorted(WARNED))
def test_a_warning_site_yaml_names_is_silenced_by_ignore_and_fails_the_build_as_error(tmp_path, check) -> None:
    files = WARNED[check]
    plain = _build(tmp_path / "plain", files, None, check)
    assert [(p.check, p.severity) for p in plain.problems] == [(check, "warning")], plain.problems
    assert plain.ok
    ignored = _build(tmp_path / "ignored", files, "ignore", check, strict=True)
    assert ignored.problems == () and ignored.ok                  # (--strict has no warning left to raise)
    raised = _build(tmp_path / "raised", files, "error", check)
    assert [(p.check, p.severity, p.message) for p in raised.problems] == [(check, "error", plain.problems[0].message)]
    assert not raised.ok


@pytest.mark.parametrize("check", sorted(ERRED))
def test_checks_sets_only_the_warnings_of_a_code_whose_error_is_an_article_not_built(tmp_path, check) -> None:
    for level, kept in (("ignore", ["error"]), ("warning", ["error", "warning"])):
        result = _build(tmp_path / level, {**WARNED[check], **ERRED[check]}, level, check)
        assert sorted(p.severity for p in result.problems if p.check == check) == kept, (level, result.problems)
        assert not result.ok


@pytest.mark.parametrize("name", ["n3.yaml.txt", "n6"])
def test_file_ignored_ignore_does_not_hide_an_article_saved_under_no_yaml_extension(tmp_path, name) -> None:
    """Review 165: content/articles/n3.yaml.txt (as Notepad names it) or n6, a whole article naming its own seed, was
    only the warning "ignored: article files end in .yaml": with `file-ignored: ignore` the build passed with 0
    errors and 0 warnings, the article not built and its seed said nowhere. It is an error as a .yml is."""
    files = {f"content/articles/{name}": ARTICLE.format(seed="c.txt"), "seeds/c.txt": "Toll\nThe toll rose.\n"}
    result = _build(tmp_path, files, "ignore", "file-ignored")
    stem = name.split(".")[0]
    assert [(p.file, p.severity, p.check, p.hint) for p in result.problems] == [
        (f"content/articles/{name}", "error", "file-ignored", f"rename it to {stem}.yaml")], result.problems
    assert not result.ok


def test_seed_empty_ignore_silences_a_blank_stub_but_not_the_annotations_an_empty_seed_leaves_unanchored(
        tmp_path) -> None:
    """`seed-empty: ignore` (written for a stub whose seed is still to be pasted) also silenced the error of an
    article whose seed was emptied: its 2 annotations were left out without a word, and the build passed."""
    blank = {"seeds/c.txt": " \n", "content/articles/c.yaml": ARTICLE.format(seed="c.txt")}
    annotated = {"seeds/d.txt": "", "content/articles/d.yaml": ARTICLE.format(seed="d.txt") + "annotations:\n"
                 "  - id: resume\n    quote: the talks would resume\n  - id: minister\n    quote: The minister said\n"}
    assert [p.severity for p in _build(tmp_path / "blank", blank, "ignore", "seed-empty").problems] == []
    for level in ("ignore", "warning"):
        result = _build(tmp_path / level, annotated, level, "seed-empty")
        assert [(p.file, p.severity, p.check) for p in result.problems] == [
            ("content/articles/d.yaml", "error", "seed-empty")], (level, result.problems)
        assert "its 2 annotations are left unanchored" in result.problems[0].message and not result.ok


def test_an_unknown_check_is_still_an_error_that_offers_the_named_one(tmp_path) -> None:
    result = _build(tmp_path, {}, "ignore", "role-of-unknwn")
    assert [(p.check, p.severity, p.message, p.hint) for p in result.problems] == [
        ("site-check-unknown", "error", 'unknown check "role-of-unknwn"', 'did you mean "role-of-unknown"?')]


def _named(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)+|links|undated|placeholder", text))


def test_the_docs_list_every_check_site_yaml_takes() -> None:
    """docs/messages.md (its introduction, and site-check-unknown's fix) and README.md's site.yaml list the names
    `checks:` takes: site-check-unknown's had stopped at figure-unit, one name short."""
    catalogue = (ROOT / "docs/messages.md").read_text("utf-8")
    intro = catalogue.split("Codes written in `checks:`", 1)[1].split("can be made", 1)[0]
    fix = catalogue.split("### site-check-unknown", 1)[1].split("Fix: use one of", 1)[1].split("###", 1)[0]
    readme = (ROOT / "README.md").read_text("utf-8")
    listed = readme.split("\nchecks:", 1)[1].split("fuzzy_floor:", 1)[0]
    for where, text in (("messages.md's introduction", intro), ("site-check-unknown's Fix", fix),
                        ("README.md's site.yaml", listed)):
        assert _named(text) - {"anchor-fuzzy"} <= set(CHECK_NAMES), where
        assert set(CHECK_NAMES) <= _named(text), (where, sorted(set(CHECK_NAMES) - _named(text)))
