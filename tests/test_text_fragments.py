"""Text fragments land on their own place (review 165 item 5): a browser selects the first match of a fragment's
start term in the page, so a term that occurs earlier in the article (a one-word "days." from a paragraph's end)
opened the article at the wrong words. The landing is emulated by tests/fragment_check.py, whose first-match rule
follows https://wicg.github.io/scroll-to-text-fragment/ (case aside, word boundaries, a prefix right before its
term, on the page's shown text: its notes and badges too)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import dossier_synth
from conftest import library_of
from dossier.core.plan.text_fragments import dropped_breaks, fold, plain_fragment, text_fragment
from dossier.shell.cli import main
from fragment_check import land, verdicts

# The passage begins with the last word of the second paragraph, a word the first paragraph ends with too.
ARTICLE = ("The talks went on for days.\n\nThe delegation stayed for days.\n\n"
           "Officials said the plan was ready and the talks would resume after the holiday, in the capital.")


def _passage() -> tuple[int, int]:
    start = ARTICLE.index("days.", ARTICLE.index("stayed"))
    return start, len(ARTICLE)


def test_a_one_word_start_term_that_occurs_earlier_is_given_the_words_before_it_as_a_prefix():
    start, end = _passage()
    old = plain_fragment(ARTICLE, start, end)
    assert land(ARTICLE, old)[0] < start   # (what the fragment was before: the first paragraph's "days.")
    fragment = text_fragment(ARTICLE, start, end)
    assert fragment.startswith("#:~:text=for%20days.-,") or fragment.startswith("#:~:text=stayed%20for%20days.-,") \
        or fragment.startswith("#:~:text=for-,days.") or fragment.startswith("#:~:text=stayed%20for-,days.")
    assert land(ARTICLE, fragment)[0] == start and land(ARTICLE, fragment)[1] == end


def test_a_start_term_that_occurs_earlier_is_lengthened_within_its_paragraph():
    text = "Officials said the plan. Later, officials said the plan was ready, and the talks resumed in May."
    start = text.index("officials said the plan was")
    fragment = text_fragment(text, start, len(text))
    assert land(text, plain_fragment(text, start, len(text)))[0] < start
    assert land(text, fragment) == (start, len(text))


def test_an_end_term_that_occurs_earlier_inside_the_passage_is_lengthened_back():
    text = ("Intro words here.\n\nThe minister said in May that the port would close in May and "
            "then the port would open again in May.")
    start = text.index("The minister")
    fragment = text_fragment(text, start, len(text))
    assert land(text, fragment) == (start, len(text))


def test_the_check_ignores_case_and_needs_word_boundaries():
    assert land("Days. And days.", "#:~:text=days.") == (0, 5)
    assert land("holidays. days.", "#:~:text=days.") == (10, 15)


def test_no_fragment_is_made_when_no_prefix_or_longer_term_is_unique():
    text = "Yes.\n\nYes.\n\nYes."
    assert text_fragment(text, text.rindex("Yes."), len(text)) == ""


def _standfirsts(root: Path) -> None:
    """Gives every other article a standfirst that repeats its lede's first ten words, as wire copy often does;
    every other of those in Markdown, a link and bold across them, which the page shows rendered (review 188)."""
    for k, path in enumerate(sorted((root / "content" / "articles").glob("*.yaml"))[::2]):
        yaml = path.read_text("utf-8")
        seed = re.search(r"^seed: (\S+)", yaml, re.M).group(1)
        lede = next(line for line in (root / "seeds" / seed).read_text("utf-8").splitlines() if len(line.split()) > 10)
        w = lede.split()[:10]
        marked = f"{w[0]} [{' '.join(w[1:4])}](https://example.org/{k}) **{' '.join(w[4:6])}** {' '.join(w[6:])}"
        summary = json.dumps(marked if k % 2 else " ".join(w))
        path.write_text(re.sub(r"^(date: .*)$", lambda m: f"{m.group(1)}\nsummary: {summary}", yaml, 1, re.M), "utf-8")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated 16-article dossier, built: enough shared passages that short terms recur; half its articles
    have a standfirst that repeats their lede (a browser searches it first)."""
    root = tmp_path_factory.mktemp("fragments") / "dossier"
    dossier_synth.generate(root, 16, seed=5)
    _standfirsts(root)
    with contextlib.redirect_stdout(io.StringIO()) as said, contextlib.redirect_stderr(said):
        code = main(["--root", str(root), "--no-search"])
    assert code == 0, said.getvalue()
    return root


def test_every_passage_link_of_a_generated_dossier_begins_at_its_own_occurrence(generated):
    found = verdicts(generated / "_site", library_of(generated))
    assert len(found["own"]) > 20
    assert not found["elsewhere"] and not found["nowhere"] and not found["unknown"], found
    # (known, left for later: an end term may first match in the words of a note that the page inserts inside the
    # passage, so the highlight ends there; the start, where the browser scrolls to, is the passage's. A badge's
    # words, its comparison's title, are searched: 263 of 4,255 links were cut at 300 articles, now 31)
    assert len(found["cut"]) < len(found["own"]) / 20


# A browser's find compares as ICU collation at primary strength does: accents and vowel marks aside, not case alone.
@pytest.mark.parametrize("first, again, repeat", [
    ("Le président a dit non.", "Puis le president a dit non et il est parti.", "le president"),
    ("Él dijo que sí.", "Y luego el dijo que si lo haría mañana en la capital del país.", "el dijo"),
    ("שָׁלוֹם לְכֻלָּם אָמַר הַשַּׂר.", "אחר כך שלום לכלם אמר השר בערב ליד הבית הלבן של העיר.", "שלום"),
])
def test_a_start_term_that_an_earlier_paragraph_has_but_for_its_accents_is_not_taken_as_unique(first, again, repeat):
    text = first + "\n\n" + again
    start = text.index(repeat, len(first))
    fragment = text_fragment(text, start, len(text))
    assert land(text, plain_fragment(text, start, len(text)))[0] < start   # (the words' first, accented, match)
    assert land(text, fragment) == (start, len(text))


# What Chromium's find took as equal in Chromium itself (review 188), which NFKD, marks dropped and casefold kept
# apart: curly and low quotes are straight ones, a soft hyphen or zero-width space is nothing, ICU's primary
# strength has ø as o, æ as ae, ... (not þ as th, ı as i, – as -: those it kept apart)
@pytest.mark.parametrize("shown, written", [
    ("Biden’s ‘plan’", "Biden's 'plan'"), ("“Alone” „here‟", '"Alone" "here"'),
    ("Inter\u00adna\u200btional", "International"),
    ("Søren Ørsted", "Soren Orsted"), ("Łódź", "Lodz"), ("Encyclopædia ÆON", "Encyclopaedia aeon"),
    ("manœuvre", "manoeuvre"), ("Đoković Ðing", "Dokovic ding"), ("Ħamrun", "Hamrun"), ("كـتاب", "كتاب"),
])
def test_what_chromium_finds_as_equal_folds_to_the_same(shown, written):
    assert fold(shown) == fold(written)


def test_a_lede_with_a_curly_apostrophe_the_headline_has_straight_is_not_taken_as_unique():
    # (review 188: "Biden’s plan to cut" was made unique in a page whose headline has "Biden's": Chromium takes
    # the two as one and opened the page at the headline; so the term must not match the headline written either way)
    headline = "Biden's plan to cut taxes"
    text = "Biden’s plan to cut taxes for the rich was unveiled on Monday by officials.\n\nThe talks ended."
    end = text.index("\n\n")
    fragment = text_fragment(text, 0, end, shown=headline)
    for shown in (headline, headline.replace("'", "’")):
        assert land(shown + "\n\n" + text, fragment) == (len(shown) + 2, len(shown) + 2 + end), fragment


def test_a_prefix_may_end_inside_a_word_that_its_start_term_ends():
    # ("for" then "ever" matches "forever": the spec's prefix is not bounded at its end, nor its start term at
    # its beginning, and the space between them is optional)
    text = "Ever and then. It would last forever and then. He said for ever and then."
    start = text.rindex("ever and then.")
    fragment = text_fragment(text, start, len(text))
    assert land(text, "#:~:text=for-,ever%20and%20then.")[0] == text.index("forever") + 3
    assert land(text, fragment) == (start, len(text))


def test_a_start_term_the_headline_repeats_is_made_unique_in_the_page():
    shown = "Capital Ledger\n\nIsrael will go into Rafah alone, Netanyahu tells Blinken\n\nMarch 22, 2024"
    text = ("Israel will go into Rafah alone if it has to, Prime Minister Benjamin Netanyahu told the visiting "
            "secretary on Friday.\n\nThe talks ended without a deal.")
    end = text.index("\n\n")
    page_text = shown + "\n\n" + text
    assert land(page_text, text_fragment(text, 0, end))[0] < len(shown)   # (without what the page shows before)
    fragment = text_fragment(text, 0, end, shown=shown)
    assert land(page_text, fragment) == (len(shown) + 2, len(shown) + 2 + end)


def test_an_end_term_that_an_inserted_badge_repeats_is_lengthened_back():
    text = "Officials said 41,300 tonnes of grain in Melmelka were held at the port of Melmelka."
    point = text.index(" were")
    badge = "compare figure (How many tonnes of grain in Melmelka?)"
    page_text = text[:point] + "\n\n" + badge + "\n\n" + text[point:]
    fragment = text_fragment(text, 0, len(text), frozenset({point}), words=((point, badge),))
    assert land(page_text, fragment) == (0, len(page_text))


WORDS = ["a", "á", "A", "ab", "áb", "b", "for", "ever", "forever", "ß", "ss", "é.", "e", "שָׁ", "ש"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["\n\n"]), min_size=1, max_size=30), st.lists(st.sampled_from(WORDS),
       max_size=6), st.data())
def test_a_fragment_lands_where_the_checker_says_a_browser_lands_or_there_is_none(words, shown_words, data):
    """Whatever the words (accents, case, a prefix ending inside a word, what the page shows before the text),
    the fragment made for a place is one the checker lands at that place, or none is made."""
    text = " ".join(words).replace(" \n\n ", "\n\n").strip()
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    if not starts:
        return
    start = data.draw(st.sampled_from(starts))
    end = data.draw(st.sampled_from([m.end() for m in re.finditer(r"\S+", text) if m.end() > start]))
    shown = " ".join(shown_words)
    fragment = text_fragment(text, start, end, shown=shown)
    if fragment:
        got = land(shown + "\n\n" + text, fragment)
        assert got is not None and got[0] == len(shown) + 2 + start, (text, start, end, fragment)


def test_a_lede_the_standfirst_repeats_to_near_its_end_is_selected_by_a_start_term_into_its_end_term():
    # (no words before the lede in its block to be a prefix: the start term grows into the end term's words,
    # past those the standfirst repeats, and the end term is what is left after it)
    text = ("Officials in the capital said on Tuesday that the new port would open in May after all.\n\n"
            "The talks ended.")
    shown = "Officials in the capital said on Tuesday that the new port would open in"
    end = text.index("\n\n")
    fragment = text_fragment(text, 0, end, shown=shown)
    assert fragment
    assert land(shown + "\n\n" + text, fragment) == (len(shown) + 2, len(shown) + 2 + end)


# A soft hyphen or a zero-width space inside an earlier word ("co\u00adoperation"): Chromium ignores it in matching
# but begins a word after it (review 195), so "operation deal with the" matches there first.
JOINED = [("They signed a co\u00adoperation deal with the EU on Monday.\n\nThe operation deal with the EU was hailed "
           "by ministers of all the member states on Tuesday.",
           "operation deal with the EU was hailed by ministers of all the member states on Tuesday."),
          ("See foo\u200bbar baz qux quux here.\n\nAnd bar baz qux quux again now.", "bar baz qux quux")]


@pytest.mark.parametrize("text, passage", JOINED)
def test_a_start_term_an_earlier_word_ends_after_a_soft_hyphen_is_not_taken_as_unique(text, passage):
    start = text.rindex(passage)
    head = " ".join(passage.split()[:4])
    assert land(text, "#:~:text=" + head.replace(" ", "%20"))[0] < text.index("\n\n")
    fragment = text_fragment(text, start, start + len(passage))
    assert fragment and land(text, fragment)[0] == start, fragment


@pytest.mark.parametrize("text, breaks", [("co\u00adoperation", [2]), ("foo\u200bbar \u00ad", [3, 7]),
                                          ("a\u200fb\u2060c\u200dd\u0640e", []), ("cafe\u0301\u200bx", [4])])
def test_only_a_soft_hyphen_or_a_zero_width_space_folded_away_breaks_words(text, breaks):
    assert dropped_breaks(text) == breaks


@pytest.mark.parametrize("lone", ["\u200f", "\u00ad", "\u0640"])
def test_a_passage_whose_first_word_folds_to_nothing_is_linked_at_its_next_word(lone):
    """A lone right-to-left mark before Arabic words (or a lone soft hyphen) folds to nothing: the term's first
    match is its next word's, which is still the passage's own place (review 195: no link was made)."""
    text = ("Some words here.\n\n" + lone + " \u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 "
            "\u0641\u064a \u0627\u0644\u0628\u064a\u062a \u0627\u0644\u0643\u0628\u064a\u0631")
    start = text.index(lone)
    fragment = text_fragment(text, start, len(text))
    assert fragment and land(text, fragment)[0] == start + 2, fragment
