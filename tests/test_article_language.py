"""An article in another language than the site's (its file's `language:`): its text is marked with that language,
so that a screen reader reads it with the right voice (WCAG 3.1.2), while the editors' notes and the site's own
words inside it keep the site's; its exports and structured data say it. Review 69: an Arabic report on an English
site was all `lang="en"`, and its file could not say otherwise."""

from __future__ import annotations

import json
import re

from conftest import run_build

ARABIC = "نتنياهو لبلينكن: سندخل رفح وحدنا\nقال نتنياهو إنه أبلغ بلينكن أن إسرائيل ستدخل رفح وحدها إذا لزم الأمر.\n"
ENGLISH = "Netanyahu tells Blinken\nNetanyahu said Israel would go into Rafah alone if it had to.\n"
FILES = {
    "seeds/ar.txt": ARABIC, "seeds/en.txt": ENGLISH,
    "content/articles/ar.yaml": ("seed: ar.txt\ntitle: نتنياهو لبلينكن\nsource: outlet-a\ndate: 2024-03-22\n"
                                 "language: ar\nannotations:\n  - id: alone\n    quote: ستدخل رفح وحدها\n"
                                 "    note: The same words as in the English report.\n"),
    "content/articles/en.yaml": "seed: en.txt\ntitle: English report\nsource: outlet-b\ndate: 2024-03-22\n",
    "content/comparisons/alone.yaml": ("title: Alone\nquestion: Who said what?\nkind: quote\nwitnesses:\n"
                                       "  - article: en\n    quote: would go into Rafah alone\n"
                                       "  - article: ar\n    quote: ستدخل رفح وحدها\n"),
}


def _tag(html: str, pattern: str) -> str:
    found = re.search(pattern, html)
    assert found, pattern
    return found.group(0)


def test_an_article_in_another_language_is_marked_and_the_site_s_words_in_it_are_not(mini_dossier):
    root = mini_dossier(FILES)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "_site"
    page = (site / "articles/ar/index.html").read_text("utf-8")
    assert '<html lang="en"' in page
    assert 'lang="ar"' in _tag(page, r'<div class="article-body"[^>]*>')
    assert 'lang="en"' in _tag(page, r'<span class="sn"[^>]*>')  # (the editors' note, in the site's language)
    assert 'lang="en"' in _tag(page, r'<span class="bw"[^>]*>')  # ("compare quote": the site's words)
    ld = json.loads(_tag(page, r'(?s)(?<=<script type="application/ld\+json">).*?(?=</script>)'))
    assert (ld.get("@graph") or [ld])[0]["inLanguage"] == "ar"
    assert json.loads((site / "articles/ar/article.json").read_text("utf-8"))["language"] == "ar"
    english = (site / "articles/en/index.html").read_text("utf-8")
    assert 'lang=' not in _tag(english, r'<div class="article-body"[^>]*>')
    compare = (site / "compare/alone/index.html").read_text("utf-8")
    arabic_column = _tag(compare, r'<blockquote class="wit-text" cite="/articles/ar/"><p[^>]*>')
    assert 'lang="ar"' in arabic_column and 'dir="rtl"' in arabic_column
    column = _tag(compare, r'(?s)<blockquote class="wit-text" cite="/articles/ar/">.*?</blockquote>')
    missing = re.findall(r"<del[^>]*>", column)
    assert missing and all('lang="en"' in d for d in missing), missing  # (the English words it lacks)
    assert 'dir="rtl"' in _tag(compare, r'<a href="/articles/ar/" lang="ar"[^>]*>')  # (its title)


def _structured(page: str) -> list[dict]:
    ld = json.loads(_tag(page, r'(?s)(?<=<script type="application/ld\+json">).*?(?=</script>)'))
    return ld if isinstance(ld, list) else [ld]


def test_a_claim_reviewed_in_an_article_is_in_the_article_s_language_in_its_structured_data(mini_dossier):
    """The NewsArticle said its language, but the ClaimReview quoting the article's words said none: the Claim and
    its appearance (the article) are in the article's language, the site's where its file gives none."""
    fact_check = "    kind: fact-check\n    verdict: {}\n"
    files = dict(FILES, **{
        "content/articles/ar.yaml": FILES["content/articles/ar.yaml"] + fact_check.format("accurate"),
        "content/articles/en.yaml": (FILES["content/articles/en.yaml"] + "annotations:\n  - id: alone\n"
                                     "    quote: would go into Rafah alone\n" + fact_check.format("as said"))})
    root = mini_dossier(files)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    for slug, language in (("ar", "ar"), ("en", "en")):
        article, review = _structured((root / f"_site/articles/{slug}/index.html").read_text("utf-8"))
        assert (article["@type"], article["inLanguage"]) == ("NewsArticle", language)
        claim = review["itemReviewed"]
        assert (review["@type"], claim["inLanguage"], claim["appearance"]["inLanguage"]) == \
            ("ClaimReview", language, language), slug
        assert "inLanguage" not in review   # (its verdict is the editors')


def test_a_language_that_is_not_a_tag_is_an_error_at_its_line(mini_dossier):
    files = dict(FILES, **{"content/articles/ar.yaml": FILES["content/articles/ar.yaml"].replace(
        "language: ar", "language: Arabic script")})
    result = run_build(mini_dossier(files), "--no-search")
    assert result.returncode == 1
    assert re.search(r"content/articles/ar\.yaml:5:\d+: error: .*language", result.stderr), result.stderr
