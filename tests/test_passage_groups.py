"""Which matches are one shared passage: a passage lists only articles that share its text.

The invariant /passages/ promises: the text shown is a run of words that two or more of the listed articles
have, word for word, and every article listed has at least MIN_PASSAGE_WORDS words of it in a row (its edges
may differ). Overlapping matches used to be chained into one passage: A shares a run with B, B another with C,
the two overlap in B, and A and C, which share nothing, were listed under one text (review 147: 1,000
articles under a 17-word text that one of them has)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dossier_synth
from dossier.core.analyse.alignment import fold
from dossier.core.analyse.passage_groups import group_spans
from dossier.core.analyse.shared_passages import MIN_PASSAGE_WORDS, SharedPassage, find_shared_passages

# What a word is (as in test_passages.py's reference): letters and digits, joined by an apostrophe, hyphen,
# point, comma or an invisible character.
WORD = re.compile(r"[^\W_]+(?:['’\-.,\u00ad\u200b\u2060\ufeff][^\W_]+)*")


def words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in WORD.findall(text))


def runs(ws: tuple[str, ...], n: int) -> set[tuple[str, ...]]:
    return {ws[i:i + n] for i in range(len(ws) - n + 1)}


def holds(ws: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return any(ws[i:i + len(run)] == run for i in range(len(ws) - len(run) + 1))


def broken_promises(passages: tuple[SharedPassage, ...], docs: dict[str, str], least: int) -> list[str]:
    """What /passages/ would show wrongly: an article listed under a passage that has no run of `least` words of
    its text, a text that fewer than two of the listed articles have."""
    wrong = []
    for p in passages:
        text = words(p.text)
        shared = runs(text, least)
        places = [(o.doc, words(docs[o.doc][o.start:o.end])) for o in p.occurrences]
        wrong += [f"{doc} is listed under {p.text!r} and shares no {least} words of it"
                  for doc, ws in places if not shared & runs(ws, least)]
        if len({doc for doc, ws in places if holds(ws, text)}) < 2:
            wrong.append(f"{p.text!r} is in fewer than two of its articles")
    return wrong


def listing(docs: dict[str, str], least: int = MIN_PASSAGE_WORDS) -> list[tuple[str, list[str]]]:
    """Each passage as (its text, the articles it lists)."""
    return [(p.text, sorted({o.doc for o in p.occurrences})) for p in find_shared_passages(docs, min_words=least)]


# Runs of four made-up words; two in a row make a shared run of eight. Each text is padded with words of its own.
P, Q, R, S = (" ".join(f"{block}{i}" for i in range(4)) for block in ("pel", "quo", "ras", "sut"))


def text(name: str, *blocks: str) -> str:
    return f"{name}a {name}b {name}c {' '.join(blocks)} {name}x {name}y"


@pytest.mark.parametrize(("docs", "expected"), [
    # A shares P Q with B, C shares Q R with B: in B the two overlap by Q, half of each. A and C share only Q.
    ({"a": text("a", P, Q), "b": text("b", P, Q, R), "c": text("c", Q, R)},
     [(f"{P} {Q}", ["a", "b"]), (f"{Q} {R}", ["b", "c"])]),
    # A chain of three: each shares eight words with the next, overlapping by four in the middle ones.
    ({"a": text("a", P, Q), "b": text("b", P, Q, R), "c": text("c", Q, R, S), "d": text("d", R, S)},
     [(f"{P} {Q}", ["a", "b"]), (f"{Q} {R}", ["b", "c"]), (f"{R} {S}", ["c", "d"])]),
    # B and D share P Q R S; A shares P Q with them, C R S: A and C share nothing, and are in no passage together.
    ({"a": text("a", P, Q), "b": text("b", P, Q, R, S), "c": text("c", R, S), "d": text("d", P, Q, R, S)},
     [(f"{P} {Q}", ["a", "b", "d"]), (f"{R} {S}", ["b", "c", "d"])]),
    # One quote whose copies differ at their edges is still one passage: its text is one that two of them have.
    ({"a": text("a", "ahead", P, Q, R, "after"), "b": text("b", "ahead", P, Q, R), "c": text("c", P, Q, R, "after")},
     [(f"ahead {P} {Q} {R}", ["a", "b", "c"])]),
])
def test_a_passage_lists_the_articles_that_share_its_text_and_no_others(docs, expected) -> None:
    assert listing(docs) == expected
    assert broken_promises(find_shared_passages(docs), docs, MIN_PASSAGE_WORDS) == []


def test_the_groups_keep_each_match_whole_and_lend_a_place_to_the_passage_it_holds() -> None:
    # Word positions: b and d share 0-16 (P Q R S), a shares 0-8 with b, c shares 8-16 with b.
    spans = [("b", 0, 16), ("d", 0, 16), ("a", 0, 8), ("b", 0, 8), ("c", 0, 8), ("b", 8, 16)]
    groups = sorted(sorted(set(group)) for group in group_spans(spans, 8))
    # b-d joins a's passage (the first overlap found); c's passage gets d's words 8-16, the same as b's there.
    assert groups == [[("a", 0, 8), ("b", 0, 8), ("b", 0, 16), ("d", 0, 16)], [("b", 8, 16), ("c", 0, 8), ("d", 8, 16)]]


def test_a_generated_dossier_keeps_the_promise_of_its_passages() -> None:
    # Generated articles share wire paragraphs and stock sentences that differ by a name ("The X Agency said it
    # was reviewing the figures"): before, 20 of them gave a passage that listed all 20.
    files = dossier_synth.render_files(20, 1)
    docs = {path: body for path, body in files.items() if path.startswith("seeds/")}
    passages = find_shared_passages(docs)
    assert broken_promises(passages, docs, MIN_PASSAGE_WORDS) == []
    assert len(passages) >= 20  # (enough to mean something: 40 today)


# Texts made of excerpts of one text of runs of four words (a wire story that outlets cut differently), broken
# here and there by words of their own: excerpts that overlap chain, as quotes and paragraphs do.
BLOCKS = [" ".join(f"{block}{i}" for i in range(4)) for block in ("pel", "quo", "ras", "sut", "tam", "vir")]


@st.composite
def chained_docs(draw) -> dict[str, str]:
    docs = {}
    for d in range(draw(st.integers(2, 6))):
        parts: list[str] = []
        for _ in range(draw(st.integers(1, 2))):  # (two excerpts may repeat a run, never more than twice)
            start = draw(st.integers(0, len(BLOCKS) - 1))
            for block in BLOCKS[start:draw(st.integers(start + 1, len(BLOCKS)))]:
                if draw(st.integers(0, 3)) == 0:
                    parts.append(f"own{d}x{len(parts)}")
                parts.append(block)
            parts.append(f"own{d}x{len(parts)}")
        docs[f"d{d}"] = " ".join(parts)
    return docs


@settings(max_examples=300)
@given(chained_docs(), st.sampled_from([5, 8]))
def test_every_passage_keeps_its_promise_and_no_article_that_shares_a_run_is_left_out(docs, least) -> None:
    # (Runs of 5 and 8 words: a run of 12 that two texts share can be missed when each of its shingles is first
    # found in a text that shares less of it, as each shingle is paired with its first text only, _matches.)
    passages = find_shared_passages(docs, shingle=4, min_words=least)
    assert broken_promises(passages, docs, least) == []
    listed = {o.doc for p in passages for o in p.occurrences}
    ws = {doc: words(t) for doc, t in docs.items()}
    assert listed == {a for a in docs for b in docs if a != b and runs(ws[a], least) & runs(ws[b], least)}
