"""A quote that starts or ends inside a word warns, with the whole words as a paste-ready quote; quotes on word
boundaries stay silent, in every script (and scripts written without spaces never warn)."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_build
from dossier.core.text.wordbounds import mid_word_ends, whole_words

# (text with the quote between [ ], starts inside a word, ends inside a word, the whole words)
CASES = [
    ("L[ecote Engin]e", True, True, "Lecote Engine"),
    ("[Lecote Engine] recalls", False, False, "Lecote Engine"),
    ("the [Lecote] Engine", False, False, "Lecote"),
    ("said: “[we will do it alone]”.", False, False, "we will do it alone"),
    ("pro-[Israel] groups", False, False, "Israel"),          # a hyphen separates words
    ("[pro]-Israel groups", False, False, "pro"),
    ("[Israel]'s army", False, False, "Israel"),              # the possessive is a boundary
    ("[Israel]’s army", False, False, "Israel"),
    ("[don]'t go", False, True, "don't"),                     # an apostrophe inside a word joins it
    ("don'[t go]", True, False, "don't go"),
    ("O’[Brien] said", True, False, "O’Brien"),
    ("recall 1,[200 turbines]", True, False, "1,200 turbines"),   # digit separators join digits
    ("rose [3].5 percent", False, True, "3.5"),
    ("at 10:[30]", True, False, "10:30"),
    ("in [2024], five", False, False, "2024"),
    ("in 20[24]", True, False, "2024"),
    ("[Zoe\u0308] said", False, False, "Zoe\u0308"),               # a combining mark continues its word
    ("[Zoe]\u0308 said", False, True, "Zoe\u0308"),
    ("Москв[а сказала]", True, False, "Москва сказала"),        # Cyrillic
    ("قال [نتنياهو] إن", False, False, "نتنياهو"),               # Arabic
    ("ראש [הממשל]ה", False, True, "הממשלה"),                    # Hebrew
    ("以色列[总理内塔尼亚]胡说", False, False, "总理内塔尼亚"),          # Chinese: no spaces, never warns
    ("ラファ[への攻]撃", False, False, "への攻"),                      # Japanese
    ("ข่าว[วันนี้]ดี", False, False, "วันนี้"),                          # Thai
    ("\n\n[Paragraph] two", False, False, "Paragraph"),
]


@pytest.mark.parametrize("marked, starts, ends, words", CASES, ids=[c[0] for c in CASES])
def test_a_span_is_mid_word_exactly_where_a_reader_would_see_a_cut_word(marked: str, starts: bool, ends: bool,
                                                                      words: str) -> None:
    start = marked.index("[")
    end = marked.index("]") - 1
    text = marked.replace("[", "").replace("]", "")
    assert mid_word_ends(text, start, end) == (starts, ends)
    s, e = whole_words(text, start, end)
    assert text[s:e] == words


ARTICLE = """\
    seed: a.txt
    title: Turbines recalled
    source: outlet-a
    date: 2024-03-22
    annotations:
      - id: q
        quote: {quote}
    """
SEED = "Turbines recalled\nThe Lecote Engine company said on Monday it would recall 1,200 turbines.\n"


def _check(mini_dossier, quote: str, *args: str):
    root = mini_dossier({"seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE.format(quote=quote)})
    return run_build(root, "--check", *args)


def test_a_quote_cut_inside_words_warns_with_the_whole_words_ready_to_paste(mini_dossier) -> None:
    result = _check(mini_dossier, '"ecote Engin"')
    assert result.returncode == 0, result.stderr
    header = ('content/articles/a.yaml:7:12: warning: annotation "q": quote starts and ends inside words '
              'at seeds/a.txt:2 [anchor-mid-word]\n')
    hint = ('\n    hint: it matched "ecote Engin" inside "Lecote Engine"; to quote the whole words:\n'
            '          quote: "Lecote Engine"')
    assert header in result.stderr and hint in result.stderr.split(header, 1)[1]   # the snippet lies between


def test_a_quote_cut_inside_a_word_fails_under_strict(mini_dossier) -> None:
    result = _check(mini_dossier, '"Engine compan"', "--strict")
    assert result.returncode == 1
    assert 'error: annotation "q": quote ends inside a word at seeds/a.txt:2' in result.stderr
    assert 'quote: "Engine company"' in result.stderr


def test_a_quote_with_curly_apostrophes_folded_is_still_checked_for_cut_words(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": "It said “the fault is the supplier’s”.\n",
                         "content/articles/a.yaml": ARTICLE.format(quote="\"fault is the supplier's\"")})
    result = run_build(root, "--check")
    assert "mid" not in result.stderr and "inside a word" not in result.stderr  # whole words: no warning
    assert "matched only approximately" in result.stderr                       # the typography warning stays


def test_a_word_aligned_quote_stays_silent(mini_dossier) -> None:
    result = _check(mini_dossier, '"Lecote Engine company"')
    assert result.returncode == 0
    assert "warning" not in result.stderr


def test_comparison_witnesses_are_checked_for_cut_words_too(mini_dossier) -> None:
    root = mini_dossier({
        "seeds/a.txt": SEED, "content/articles/a.yaml": ARTICLE.format(quote="Lecote Engine"),
        "seeds/b.txt": "Recall\nThe Lecote Engine firm will recall 1,200 turbines.\n",
        "content/articles/b.yaml": ARTICLE.format(quote="Lecote Engine").replace("a.txt", "b.txt"),
        "content/comparisons/recall.yaml": """\
            title: The recall
            question: How many turbines?
            kind: figure
            witnesses:
              - article: a
                quote: "200 turbines"
              - article: b
                quote: "1,200 turbines"
            """})
    result = run_build(root, "--check")
    assert ('content/comparisons/recall.yaml:6:12: warning: comparison "recall", witness "a": quote starts inside '
            'a word at seeds/a.txt:2') in result.stderr, result.stderr
    assert 'witness "b"' not in result.stderr


def test_the_default_dossier_has_no_quote_cut_inside_a_word() -> None:
    result = run_build(ROOT, "--check")
    assert result.returncode == 0, result.stderr
    assert "inside a word" not in result.stderr and "inside words" not in result.stderr


def test_hebrew_and_arabic_prefix_letters_are_told_but_a_quote_cut_after_them_is_inside_a_word() -> None:
    """Which letters before a Hebrew or Arabic word are prefixes of it (for entity names, mentions.py)."""
    from dossier.core.text.wordbounds import after_proclitics, mid_word_ends

    text = "אמר שנעשה זאת לבד, وقال لبلينكن, הממשלה"
    assert after_proclitics(text, text.index("נעשה")) and after_proclitics(text, text.index("بلينكن"))
    assert not after_proclitics(text, text.index("שה"))          # "נע" are no prefixes
    # but a quote's ends do not take them for a word's start: the same letters begin ordinary words, and "שלה"
    # cut from "הממשלה" (after "הממ", each a prefix letter) is inside a word
    start = text.index("שלה")
    assert mid_word_ends(text, start, start + 3) == (True, False)
    assert mid_word_ends("Lecote Engine", 1, 6) == (True, False)  # (a Latin word: as before)
