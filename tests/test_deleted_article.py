"""An article file deleted while references still name it: their hints and its seed's say so
(dossier/core/load/deleted.py; the whole build: tests/invalid/article-deleted)."""

from __future__ import annotations

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
