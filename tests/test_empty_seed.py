"""An article whose seed holds no text is published blank: the build warns (an error under --strict)."""

from __future__ import annotations

from conftest import MINIMAL_SITE, run_build

ARTICLE = """\
    seed: {seed}
    title: Talks to resume
    source: outlet-a
    date: 2024-03-22
    """
TEXT = "Talks to resume\nThe minister said the talks would resume.\n"

def _dossier(mini_dossier, seed_bytes: bytes):
    return mini_dossier({"seeds/a.txt": TEXT.encode(), "content/articles/a.yaml": ARTICLE.format(seed="a.txt"),
                         "seeds/blank.txt": seed_bytes,
                         "content/articles/blank.yaml": ARTICLE.format(seed="blank.txt")})

def test_a_whitespace_only_seed_builds_with_a_warning_naming_the_seed_and_the_article(mini_dossier) -> None:
    result = run_build(_dossier(mini_dossier, b" \r\n\t\n\xc2\xa0\n"), "--check")
    assert result.returncode == 0, result.stderr
    # (its code ends the line, once: the key of site.yaml's checks: that lowers or raises it, review 71)
    assert ("content/articles/blank.yaml:1:7: warning: the article has no text: "
            "seeds/blank.txt is empty or holds only whitespace [seed-empty]\n") in result.stderr
    assert result.stderr.count("seed-empty") == 1
    assert "a.yaml" not in result.stderr      # the article with text stays silent

def test_an_empty_seed_is_an_error_under_strict(mini_dossier) -> None:
    result = run_build(_dossier(mini_dossier, b""), "--check", "--strict")
    assert result.returncode == 1
    assert ("content/articles/blank.yaml:1:7: error: the article has no text: "
            "seeds/blank.txt is empty or holds only whitespace") in result.stderr

def test_a_seed_whose_every_line_is_furniture_says_the_import_rules_dropped_it(mini_dossier) -> None:
    result = run_build(_dossier(mini_dossier, b"Share this story\nShare this page\n"), "--check")
    assert result.returncode == 0, result.stderr
    # (named: the rule is what to narrow; the seed has text, and the article is one: review 135)
    assert ("content/articles/blank.yaml:1:7: warning: the article has no text: the drop_lines rule at "
            "site.yaml:4:16 (why: share prompt) drops every line of seeds/blank.txt [seed-empty]\n") in result.stderr
    assert "narrow the pattern in site.yaml" in result.stderr
    assert "delete" not in result.stderr and result.stderr.count("seed-empty") == 1

def test_site_yaml_can_raise_the_empty_seed_check_to_an_error(mini_dossier) -> None:
    root = _dossier(mini_dossier, b"\n\n")
    (root / "site.yaml").write_text(MINIMAL_SITE + "checks:\n  seed-empty: error\n", "utf-8")
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert "blank.yaml:1:7: error: the article has no text" in result.stderr

ANNOTATED = ARTICLE.rstrip(" ") + """\
    annotations:
      - id: resume
        quote: the talks would resume
      - id: minister
        quote: The minister said
    """


def test_an_empty_seed_says_once_how_many_annotations_it_leaves_unanchored(mini_dossier) -> None:
    # (not one error at each annotation besides the warning: review 135)
    root = mini_dossier({"seeds/blank.txt": b" \n",
                         "content/articles/blank.yaml": ANNOTATED.format(seed="blank.txt")})
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert ("content/articles/blank.yaml:1:7: error: the article has no text: seeds/blank.txt is empty or holds "
            "only whitespace; its 2 annotations are left unanchored [seed-empty]\n") in result.stderr
    assert "not found" not in result.stderr and result.stderr.count(": error: ") == 1


def test_a_rule_that_drops_every_quoted_line_is_said_by_the_quotes_not_as_an_empty_seed(mini_dossier) -> None:
    # (the seed has the text: its hint was to fill it or delete the article, review 135)
    root = mini_dossier({"seeds/blank.txt": TEXT.encode(), "content/articles/blank.yaml": ANNOTATED.format(
        seed="blank.txt")})
    (root / "site.yaml").write_text(MINIMAL_SITE.replace("'^Share this'", "'.*'"), "utf-8")
    result = run_build(root, "--check")
    assert result.returncode == 1
    assert "seed-empty" not in result.stderr and "delete" not in result.stderr
    assert ('site.yaml:4:16: error: the drop_lines pattern ".*" (why: share prompt) drops the lines of 2 '
            "annotations' quotes") in result.stderr
    assert result.stderr.count(": error: ") == 1
