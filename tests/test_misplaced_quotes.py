"""A quote written in the wrong file (an annotation moved or copied from another article's file, a witness naming
the wrong article): not found in its article's text, nor close to anything there, while another article's text
has it word for word. Its hint says where it is and what to do, instead of offering a closest passage of its own
article that resembles it by chance (elsewhere.py)."""

from __future__ import annotations

from conftest import copy_of_default_dossier, library_of, mini
from dossier.core.analyse.elsewhere import CLOSE, said_where_found
from dossier.core.common.errors import error

SEED_A = """\
Talks to resume
The minister said the talks would resume next week in Washington.
Officials in Cairo confirmed the date on Monday.
"""
SEED_B = """\
Talks to restart
The envoy said the talks would restart next month in Washington.
Negotiators in Doha declined to comment on the proposal.
A delegation is expected to travel to Qatar before then.
"""
SEED_C = """\
Delegation to travel
A delegation is expected to travel to Qatar before then, a spokesman said.
"""
ARTICLE = """\
seed: {slug}.txt
title: Talks, by {slug}
source: outlet-a
date: 2024-03-2{day}
"""
ANNOTATIONS_A = """\
annotations:
  - id: doha
    quote: Negotiators in Doha declined to comment
  - id: restart
    quote: talks would restart next month in Washington
  - id: qatar
    quote: a delegation is expected to travel to Qatar
"""
TALKS = """\
title: Talks
question: Who declined?
kind: quote
witnesses:
  - article: a
    quote: Negotiators in Doha declined to comment
  - article: c
    quote: a spokesman said
"""
COPIED = """\
title: Doha
question: Who declined?
kind: quote
witnesses:
  - article: b
    quote: Negotiators in Doha declined to comment on the proposal
  - article: a
    quote: Negotiators in Doha declined to comment on the proposal
"""


def _hints(tmp_path) -> dict[tuple[str, int], str]:
    root = mini(tmp_path, {
        "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "seeds/c.txt": SEED_C,
        "content/articles/a.yaml": ARTICLE.format(slug="a", day=1) + ANNOTATIONS_A,
        "content/articles/b.yaml": ARTICLE.format(slug="b", day=2),
        "content/articles/c.yaml": ARTICLE.format(slug="c", day=3),
        "content/comparisons/talks.yaml": TALKS, "content/comparisons/copied.yaml": COPIED,
        "content/comparisons/other.yaml": COPIED.replace(
            "    quote: Negotiators in Doha declined to comment on the proposal\n",
            "    quote: the talks would restart next month\n", 1)})
    return {(p.file, p.line): p.hint for p in library_of(root).problems if p.check == "anchor-not-found"}


def test_an_annotation_whose_quote_only_another_article_has_is_told_to_move_to_that_article_s_file(tmp_path):
    assert _hints(tmp_path)[("content/articles/a.yaml", 7)] == (
        "the quote is not in this article's text, but it is in seeds/b.txt:3, the text of content/articles/b.yaml: "
        "move the annotation to that file (if it is meant for this article, quote this article's own words instead)")


def test_a_quote_close_to_a_passage_of_its_own_article_keeps_its_closest_passage_hint(tmp_path):
    # (word for word in b, but a slip away from a's own words: a typo, a wire copy's wording, not a misplaced file)
    assert _hints(tmp_path)[("content/articles/a.yaml", 9)] == (
        "closest passage at seeds/a.txt:2 (score 81): talks would [-restart-] {+resume+} next [-month-] {+week+} in "
        "Washington")


def test_a_quote_two_other_articles_have_names_both_and_picks_neither(tmp_path):
    assert _hints(tmp_path)[("content/articles/a.yaml", 11)] == (
        "the quote is not in this article's text, but it is in the texts of 2 other articles: seeds/b.txt:4 "
        "(content/articles/b.yaml), seeds/c.txt:2 (content/articles/c.yaml): move the annotation to the file of the "
        "one it was written for (if it is meant for this article, quote this article's own words instead)")


def test_a_witness_whose_quote_is_another_article_s_is_told_to_name_that_article(tmp_path):
    assert _hints(tmp_path)[("content/comparisons/talks.yaml", 6)] == (
        'the quote is not in the text of "a", but it is in seeds/b.txt:3, the text of "b": name that article '
        '(article: b; if it is meant for "a", quote that article\'s own words instead)')


def test_a_witness_copied_from_the_one_of_another_article_is_not_told_to_name_that_article_twice(tmp_path):
    assert _hints(tmp_path)[("content/comparisons/copied.yaml", 8)] == (
        'the quote is not in the text of "a", but it is in seeds/b.txt:3, the text of "b", whose witness is at '
        "content/comparisons/copied.yaml:6:12 in this comparison already: if this witness is a copy of it, remove it; "
        'if it is meant for "a", quote that article\'s own words instead')


def test_a_witness_quoting_words_another_witness_of_the_same_article_does_not_quote_is_no_copy(tmp_path):
    """Review 116: told "if this witness is a copy of it, remove it", though the other witness quotes other words."""
    assert _hints(tmp_path)[("content/comparisons/other.yaml", 8)] == (
        'the quote is not in the text of "a", but it is in seeds/b.txt:3, the text of "b", whose witness is at '
        "content/comparisons/other.yaml:6:12 in this comparison already, quoting other words of it: a comparison has "
        'one witness an article, so if it is meant for "a", quote that article\'s own words instead')


def _moved(tmp_path, keep_original: bool) -> str:
    """The hint of the review's annotation, its quote ynet-rafah-rift's, written in jpost-go-it-alone's file."""
    root = copy_of_default_dossier(tmp_path)
    jpost = root / "content/articles/jpost-go-it-alone.yaml"
    jpost.write_text(jpost.read_text("utf-8").replace("annotations:\n", (
        "annotations:\n  - id: moved-here\n    quote: \"a senior Israeli official said on Thursday\"\n"
        "    kind: context\n    note: Moved.\n"), 1), "utf-8")
    if not keep_original:  # (moved: the annotation is no longer in ynet-rafah-rift's file)
        ynet = root / "content/articles/ynet-rafah-rift.yaml"
        text = ynet.read_text("utf-8")
        assert 'quote: "a senior Israeli official said on Thursday"' in text
        ynet.write_text(text.replace("a senior Israeli official said on Thursday", "a senior Israeli official said"),
                        "utf-8")
    problems = [p for p in library_of(root).problems if p.severity == "error"]
    assert [(p.file, p.line, p.col, p.check) for p in problems] == [
        ("content/articles/jpost-go-it-alone.yaml", 16, 12, "anchor-not-found")], [p.format() for p in problems]
    return problems[0].hint


def test_the_review_s_annotation_moved_into_the_wrong_file_is_told_where_its_quote_is(tmp_path):
    assert _moved(tmp_path, keep_original=False) == (
        "the quote is not in this article's text, but it is in seeds/000_662ca594744e9246.txt:1, the text of "
        "content/articles/ynet-rafah-rift.yaml: move the annotation to that file (if it is meant for this article, "
        "quote this article's own words instead)")


def test_the_review_s_annotation_copied_into_the_wrong_file_is_told_which_annotation_it_copies(tmp_path):
    assert _moved(tmp_path, keep_original=True) == (
        "the quote is not in this article's text, but it is in seeds/000_662ca594744e9246.txt:1, the text of "
        'content/articles/ynet-rafah-rift.yaml, whose annotation "unnamed-official" quotes it already '
        "(content/articles/ynet-rafah-rift.yaml:17:12): move the annotation to that file, or delete it if it is a "
        "copy of that one (if it is meant for this article, quote this article's own words instead)")


def test_only_a_quote_far_from_its_own_text_and_on_no_dropped_line_is_looked_for_elsewhere(tmp_path):
    root = mini(tmp_path, {"seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B,
                           "content/articles/a.yaml": ARTICLE.format(slug="a", day=1) + ANNOTATIONS_A,
                           "content/articles/b.yaml": ARTICLE.format(slug="b", day=2)})
    dossier = library_of(root).dossier

    def said(hint: str) -> str:  # (a.yaml:7:12 quotes "Negotiators in Doha declined to comment", b's words)
        problem = error("content/articles/a.yaml", 7, 12, 'annotation "doha": quote not found in seeds/a.txt', hint,
                        "anchor-not-found")
        return said_where_found([problem], dossier)[0].hint

    for close in (f"closest passage at seeds/a.txt:3 (score {CLOSE}): …",
                  "the quote is on seeds/a.txt:4, which the drop_lines rule at site.yaml:6:16 (why: datelines) leaves "
                  "out of the text: narrow that rule, or quote text that is kept"):
        assert said(close) == close
    assert said(f"closest passage at seeds/a.txt:3 (score {CLOSE - 1}): …").startswith(
        "the quote is not in this article's text, but it is in seeds/b.txt:3, ")
    elided = "the quote leaves words out (…), which a quote cannot\n"   # (its first line, kept)
    assert said(elided + "not found; no passage of the article resembles it").startswith(
        elided + "the quote is not in this article's text")
