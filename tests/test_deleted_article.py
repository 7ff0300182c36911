"""An article file deleted while references still name it: their hints and its seed's say so
(dossier/core/load/deleted.py; the whole build: tests/invalid/article-deleted)."""

from __future__ import annotations

import pytest

from conftest import documented, mini, run_build
from dossier.core.common.errors import error, warning
from dossier.core.load.config import SiteConfig
from dossier.core.load.deleted import after_deleted_article
from dossier.core.load.model import Comparison, Dossier, Origin, Source, Witness

SEEDS = {"b.txt": "Talks\nOfficials said the talks would resume\nnext week.\n", "c.txt": "Other story.\n"}


def dossier() -> Dossier:
    witnesses = tuple(Witness(slug, "the talks would resume next week", Origin("content/comparisons/t.yaml", line))
                      for line, slug in ((5, "a"), (7, "b")))
    talks = Comparison("t", Origin("content/comparisons/t.yaml"), "Talks", "When?", "quote", witnesses)
    return Dossier(SiteConfig(title="x"), (Source("outlet-a", "Outlet A"),), (), (), (talks,))


def unknown(slug: str, hint: str = "witnesses name article slugs (file names in content/articles/)"):
    return error("content/comparisons/t.yaml", 7, 14, f'comparison "t": unknown article "{slug}"', hint,
                 "witness-unknown-article")


def unused(seed: str):
    return warning(f"seeds/{seed}", 0, 0, "seed has no article file, so it is not published",
                   "run `python build.py --import` to write a stub in content/articles/", "seed-unused")


def test_the_unused_seed_its_witnesses_quote_is_named_as_the_deleted_article_s_and_offered_for_deletion() -> None:
    out = after_deleted_article([unknown("b"), unused("b.txt"), unused("c.txt")], dossier(), SEEDS)
    assert out[0].hint.startswith("content/articles/b.yaml is gone, but its seed is not (seeds/b.txt")
    assert "if the article was deleted, remove this witness (1 witness names it) and delete the seed" in out[0].hint
    assert out[1].hint.startswith('it is the seed of "b", whose file content/articles/b.yaml is gone')
    assert "delete seeds/b.txt too" in out[1].hint
    assert out[2] == unused("c.txt")   # (its text is no witness's: --import's hint stands)


def test_with_no_seed_quoted_the_hint_says_no_file_defines_the_article_and_to_remove_the_witness() -> None:
    (out,) = after_deleted_article([unknown("b")], dossier(), {})
    assert out.hint.startswith("no file content/articles/b.yaml defines this article (1 witness names it): if it "
                               "was deleted, remove this witness")


def test_a_misspelt_slug_and_an_outlet_named_keep_their_hints() -> None:
    said = [unknown("bb", 'did you mean "b"?'), unknown("outlet-a", "outlet hint"), unused("b.txt")]
    assert after_deleted_article(said, dossier(), SEEDS) == said


def capital_ledger_dossier(tmp_path, site: str) -> object:
    """The case docs/messages.md shows under witness-unknown-article: an article file deleted (its seed too) that 12
    comparisons in 12 files still name, while another outlet's article, which nothing names, is no file renamed."""
    comparison = ("title: Opening {n}\nquestion: When will it open?\nkind: quote\nsummary: The date.\nwitnesses:\n"
                  "  - article: capital-ledger-0002-rail-tunnel\n    quote: will open in 2027\n"
                  "  - article: story-source\n    quote: will open in 2027\n")
    files = {f"content/comparisons/story-0002-figure-{n}.yaml": comparison.format(n=n) for n in range(1, 13)}
    return mini(tmp_path, {
        **files, "site.yaml": site,
        "content/sources.yaml": "capital-ledger: {name: Capital Ledger}\nharbour-post: {name: Harbour Post}\n",
        "seeds/h.txt": "Tunnel\nWork on the rail tunnel was halted again.\n",
        "seeds/s.txt": "Story\nThe rail tunnel will open in 2027, officials said.\n",
        "content/articles/harbour-post-0002-rail-tunnel.yaml": "seed: h.txt\ntitle: Tunnel\nsource: harbour-post\n"
                                                              "date: 2024-03-22\n",
        "content/articles/story-source.yaml": "seed: s.txt\ntitle: Story\nsource: harbour-post\ndate: 2024-03-21\n"})


@pytest.mark.parametrize("site", ["title: Rail\n", "title: [Rail\n"], ids=["site-read", "site-unusable"])
def test_the_documented_article_named_from_several_files_that_no_file_defines_is_said_as_the_docs_show(
        tmp_path, site: str) -> None:
    """docs/messages.md showed 'article ... is defined nowhere, yet 12 references name it' for this case, which no
    build printed: this hint (deleted.py's) replaced it, and it showed only while site.yaml could not be used (no
    hint of deleted.py was given then). The example is what the build prints, the same in both."""
    built = run_build(capital_ledger_dossier(tmp_path, site), "--check")
    said = [line.strip() for line in built.stderr.splitlines() if "[witness-unknown-article]" in line or
            line.startswith("    hint: no file")]
    example = documented('unknown article "capital-ledger-0002-rail-tunnel"')
    assert built.returncode == 1 and len(said) == 24 and example[0] in said, built.stderr
    assert said[said.index(example[0]) + 1] == example[1]
    assert {hint.split(". Removing it: ")[0] for hint in said[1::2]} == {example[1].split(". Removing it: ")[0]}


def test_two_articles_deleted_are_both_taken_away_in_what_each_witness_s_removal_asks() -> None:
    """Review 119: with two articles deleted, each witness's hint counted the other's witness as kept: removing
    them as told left five comparisons with one witness (a second run of errors) and one with none, told "keeps 1"."""
    at = lambda line: Origin("content/comparisons/t.yaml", line)  # noqa: E731
    three = Comparison("t", at(1), "Talks", "When?", "quote", tuple(
        Witness(slug, "the talks would resume next week", at(line)) for line, slug in ((5, "a"), (7, "b"), (9, "c"))),
        base="a", base_origin=at(3))
    pair = Comparison("p", Origin("content/comparisons/p.yaml", 1), "Pair", "When?", "quote", tuple(
        Witness(slug, "the talks would resume next week", Origin("content/comparisons/p.yaml", line))
        for line, slug in ((5, "a"), (7, "b"))))
    said = [error(f"content/comparisons/{c}.yaml", line, 14, f'comparison "{c}": unknown article "{slug}"',
                  "witnesses name article slugs (file names in content/articles/)", "witness-unknown-article")
            for c, line, slug in (("t", 5, "a"), ("t", 7, "b"), ("p", 5, "a"), ("p", 7, "b"))]
    dossier = Dossier(SiteConfig(title="x"), (Source("outlet-a", "Outlet A"),), (), (), (three, pair))
    removing = [p.hint.partition(". Removing it: ")[2] for p in after_deleted_article(said, dossier, {})]
    assert removing == [
        "its comparison's base: (line 3) names it too: make another witness's article the base; the comparison keeps "
        "1 witness and compares two at least: add another article's, or delete content/comparisons/t.yaml",
        "its comparison's base: (line 3) names \"a\", gone too: make another witness's article the base; the "
        "comparison keeps 1 witness and compares two at least: add another article's, or delete "
        "content/comparisons/t.yaml",
        "the comparison keeps no witness: delete content/comparisons/p.yaml, or give it witnesses of other articles",
        "the comparison keeps no witness: delete content/comparisons/p.yaml, or give it witnesses of other articles"]


def test_an_entity_s_exclusion_naming_the_deleted_article_is_counted_and_told_to_go_with_the_witnesses() -> None:
    """Review 151: an `exclude:` item naming the deleted article kept the hint "articles are
    content/articles/<slug>.yaml", and the witnesses' count left it out: one more run to find it."""
    excluding = warning("content/entities.yaml", 12, 17, 'entity "cairo": exclusion names unknown article "b"',
                        "articles are content/articles/<slug>.yaml", "entities-unknown")
    out = after_deleted_article([unknown("b"), excluding], dossier(), {})
    assert [p.hint for p in out] == [
        "no file content/articles/b.yaml defines this article (1 witness and 1 exclusion name it): if it was "
        "deleted, remove this witness; else create that file, or name an existing article by its slug (its file "
        "name in content/articles/). Removing it: the comparison keeps 1 witness and compares two at least: add "
        "another article's, or delete content/comparisons/t.yaml",
        "no file content/articles/b.yaml defines this article (1 witness and 1 exclusion name it): if it was "
        "deleted, remove this exclusion; else create that file, or name an existing article by its slug (its file "
        "name in content/articles/)"]
    # (an exclusion alone, naming a slug no witness or link names, keeps its hint: nothing says a file was there)
    assert after_deleted_article([excluding], dossier(), {}) == [excluding]
