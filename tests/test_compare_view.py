"""Side-by-side rendering: alignment tables the issue asks for, difference pieces, heat map, context, fragments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.core.analyse.alignment import align, tokenize
from dossier.core.plan.passage_views import text_fragment
from dossier.core.plan.text_fragments import plain_fragment
from dossier.core.plan.compare_view import (Witnessed, apart_parts, column_set, context, diff_pieces, heat_level,
                                            heat_pieces, told_apart)
from dossier.core.common.direction import paragraph_direction


def spelled(base: str, other: str) -> list[tuple[str, str, str]]:
    bt, ot = tokenize(base), tokenize(other)
    return [(op.kind, " ".join(t.text for t in bt[slice(*op.base)]), " ".join(t.text for t in ot[slice(*op.other)]))
            for op in align(base, other)]


# The cases the issue names that test_alignment.py does not already table: punctuation-only differences and
# the number forms of the seed articles.
ALIGNMENTS = [
    pytest.param(
        "we will do it alone.", "we will do it alone,",
        [("equal", "we will do it alone", "we will do it alone"), ("replace", ".", ",")],
        id="a different punctuation mark is a replace of the mark alone",
    ),
    pytest.param(
        "we will do it alone", "we will do it alone.",
        [("equal", "we will do it alone", "we will do it alone"), ("insert", "", ".")],
        id="an added full stop is an insert",
    ),
    pytest.param(
        "we will, if necessary, do it alone", "we will if necessary do it alone",
        [("equal", "we will", "we will"), ("delete", ",", ""), ("equal", "if necessary", "if necessary"),
         ("delete", ",", ""), ("equal", "do it alone", "do it alone")],
        id="dropped commas are deletes and the words stay equal",
    ),
    pytest.param(
        "“we will do it alone”", '"we will do it alone"',
        [("equal", "“ we will do it alone ”", '" we will do it alone "')],
        id="curly and straight quotation marks are the same punctuation",
    ),
    pytest.param(
        "over 1.3 million people", "over 1 million people",
        [("equal", "over", "over"), ("replace", "1.3", "1"), ("equal", "million people", "million people")],
        id="a decimal number differs as a whole",
    ),
    pytest.param(
        "some 1,200 people", "1,200 people",
        [("delete", "some", ""), ("equal", "1,200 people", "1,200 people")],
        id="a dropped qualifier is a delete before an equal number",
    ),
    pytest.param(
        "the battalions there, he said", "he said the battalions there",
        [("moved", "he said", "he said"), ("equal", "the battalions there", "the battalions there"),
         ("delete", ",", ""), ("moved", "he said", "he said")],
        id="an attribution moved to the front is moved",
    ),
]


@pytest.mark.parametrize(("base", "other", "expected"), ALIGNMENTS)
def test_two_renderings_align_as_the_table_says(base: str, other: str, expected: list[tuple[str, ...]]) -> None:
    assert spelled(base, other) == expected


PIECES = [
    pytest.param(
        "we would do it alone", "we will do it alone",
        (("equal", "we "), ("del", "would"), ("ins", "will"), ("equal", " do it alone")),
        id="a substitution shows the base word struck out before the witness's word",
    ),
    pytest.param(
        "we will do it all alone", "we will do it alone",
        (("equal", "we will do it "), ("del", "all"), ("equal", "alone")),
        id="a word the witness lacks is shown deleted where it would have been",
    ),
    pytest.param(
        "if necessary we will do it alone", "we will do it alone if necessary",
        (("equal", "we will do it alone "), ("moved", "if necessary")),
        id="a moved phrase is marked once, where the witness has it",
    ),
    pytest.param(
        "we will do it alone", "And we will do it alone.",
        (("ins", "And"), ("equal", " we will do it alone"), ("ins", ".")),
        id="added words and marks are insertions",
    ),
    pytest.param("We’re alone", "we're alone", (("equal", "we're alone"),), id="typography and case are no difference"),
]


@pytest.mark.parametrize(("base", "other", "expected"), PIECES)
def test_diff_pieces_mark_the_witness_against_the_base(base: str, other: str, expected: tuple) -> None:
    assert diff_pieces(base, other) == expected


WORDS = "we will would do it alone if necessary We’re we're battle’s is won And U.S. USA support".split()
TEXTS = st.one_of(st.text(max_size=50), st.lists(st.sampled_from(WORDS + [",", ".", " - ", "—", "32,000", "\n"]),
                                                 max_size=20).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_the_witness_is_shown_verbatim_whatever_the_base(base: str, other: str) -> None:
    pieces = diff_pieces(base, other)
    assert "".join(t for k, t in pieces if k != "del") == other
    assert all(t for _, t in pieces) and all(a[0] != b[0] for a, b in zip(pieces, pieces[1:]))
    assert {k for k, _ in diff_pieces(other, other)} <= {"equal"}


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.lists(TEXTS, min_size=1, max_size=3))
def test_the_heat_map_covers_the_base_exactly(base: str, others: list[str]) -> None:
    runs = heat_pieces(base, others)
    assert "".join(r["text"] for r in runs) == base
    assert all(0 <= r["count"] <= len(others) for r in runs)


def test_the_heat_map_counts_each_word_by_the_witnesses_that_change_it() -> None:
    runs = heat_pieces("we would do it alone", ["we will do it alone", "we will do it all alone", "we shall do it"])
    assert [(r["text"], r["count"]) for r in runs] == [("we ", 0), ("would", 3), (" do it ", 0), ("alone", 1)]


@pytest.mark.parametrize(("count", "others", "level"), [(0, 4, 0), (1, 4, 1), (2, 4, 2), (4, 4, 4), (1, 2, 2),
                                                        (1, 1, 4), (1, 10, 1), (5, 10, 2)])
def test_heat_levels_grow_with_the_share_of_witnesses_that_differ(count: int, others: int, level: int) -> None:
    assert heat_level(count, others) == level


def test_context_is_a_few_words_of_the_same_paragraph_marked_when_cut() -> None:
    text = "Before.\n\nOne two three four five six seven eight nine ten QUOTE a b c.\n\nAfter."
    start = text.index("QUOTE")
    ctx = context(text, start, start + 5, words=3)
    assert ctx == {"before": "eight nine ten ", "before_cut": True, "after": " a b c.", "after_cut": False}


def test_a_column_set_renders_every_base_for_every_witness_and_marks_the_default() -> None:
    text = "He said we would do it alone.\n\nShe said we will do it alone."
    a, b = text.index("we would"), text.index("we will")
    ws = [Witnessed("a", text, a, a + 20, "Outlet A", "2024-01-01", "A", "/a/", "/a/#w-x"),
          Witnessed("b", text, b, b + 19, "Outlet B", "2024-01-02", "B", "/b/", "/b/#w-x")]
    view = column_set("w", ws, "a", "label")
    assert [c["id"] for c in view["columns"]] == ["w-a", "w-b"]
    assert [[r["base"] for r in c["renderings"]] for c in view["columns"]] == [["a", "b"], ["a", "b"]]
    assert [r["default"] for r in view["columns"][1]["renderings"]] == [True, False]
    assert view["columns"][1]["renderings"][0]["pieces"][1] == {"kind": "del", "text": "would", "glued": False}
    assert [b["input_id"] for b in view["bases"]] == ["base-w-a", "base-w-b"]
    with pytest.raises(ValueError):
        column_set("w", ws, "c", "label")


FRAGMENTS = [
    pytest.param("one two three four five six", "#:~:text=one%20two%20three%20four%20five%20six",
                 id="a short passage is one term"),
    pytest.param("one two three four five six seven eight nine ten",
                 "#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten", id="a long passage is a range"),
    pytest.param("she said.\n\n“I told him that we", "#:~:text=she%20said.,told%20him%20that%20we",
                 id="terms never cross a paragraph break"),
    pytest.param("a six-week pause, then more, and more & more",
                 "#:~:text=a%20six%2Dweek%20pause%2C%20then,and%20more%20%26%20more",
                 id="dashes, commas and ampersands are encoded"),
]


@pytest.mark.parametrize(("passage", "expected"), FRAGMENTS)
def test_text_fragments_select_the_passage(passage: str, expected: str) -> None:
    text = "Intro.\n\n" + passage + "\n\nEnd."
    start = text.index(passage)
    assert text_fragment(text, start, start + len(passage)) == expected


def test_a_text_fragment_stops_short_of_a_badge_or_note_number_glued_to_a_word() -> None:
    text = "He said we have no way to defeat Hamas without going into Rafah and eliminating the battalions there."
    start, end = text.index("we have"), text.index(" there") + len(" there")
    badge = frozenset({end})  # the article page puts "compare quote" right after "there"
    assert text_fragment(text, start, end) == "#:~:text=we%20have%20no%20way,eliminating%20the%20battalions%20there"
    assert text_fragment(text, start, end, badge) == "#:~:text=we%20have%20no%20way,and%20eliminating%20the%20battalions"
    note = frozenset({text.index(" have")})  # a note number right after "we"
    assert text_fragment(text, start, end, note) == ""


def _reference_fragment(text: str, start: int, end: int, inserts: frozenset[int] = frozenset()) -> str:
    """text_fragment as first written: every block split into words, every word checked against inserts."""
    import re
    from urllib.parse import quote

    from dossier.core.plan.passage_views import FRAGMENT_WORDS

    def encode(term: str) -> str:  # percent-encoded, with "-" too: it is syntax in a text fragment
        return quote(" ".join(term.split()), safe="").replace("-", "%2D")

    blocks = []
    for m in re.finditer(r"(?:(?!\n\n).)+", text[start:end], re.S):
        words = [(start + w.start() + m.start(), start + w.end() + m.start()) for w in re.finditer(r"\S+", m.group())]
        if words:
            blocks.append(words)
    if not blocks:
        return ""

    def clean(word: tuple[int, int]) -> bool:
        return not any(word[0] < p <= word[1] for p in inserts)

    first = blocks[0]
    head = []
    for w in first[:FRAGMENT_WORDS]:
        if not clean(w):
            break
        head.append(w)
    if not head:
        return ""
    if len(blocks) == 1 and len(first) <= 2 * FRAGMENT_WORDS and all(clean(w) for w in first):
        return "#:~:text=" + encode(text[first[0][0]:first[-1][1]])
    last = list(blocks[-1]) if len(blocks) > 1 else first[len(head):]
    while last and not clean(last[-1]):
        last.pop()
    tail: list[tuple[int, int]] = []
    for w in reversed(last):
        if len(tail) == FRAGMENT_WORDS or not clean(w):
            break
        tail.insert(0, w)
    term = "#:~:text=" + encode(text[head[0][0]:head[-1][1]])
    return term + ("," + encode(text[tail[0][0]:tail[-1][1]]) if tail else "")


FRAGMENT_TEXT = st.lists(st.sampled_from(["we", "have", "no-way", "Rafah,", "&", " ", " ", " ", "  ", "\n", "\n\n",
                                          "\n\n\n", "\u00a0", "\u201c", "x", "y" * 30, "z" * 90]),
                         max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(FRAGMENT_TEXT, st.data())
def test_text_fragments_equal_those_of_the_straightforward_method(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    inserts = frozenset(data.draw(st.lists(st.integers(0, len(text) + 1), max_size=12)))
    assert plain_fragment(text, start, end, inserts) == _reference_fragment(text, start, end, inserts)


@pytest.mark.parametrize("badges", [0, 1, 3, 6])
def test_a_long_passage_with_badges_at_its_end_gets_the_same_fragment_as_the_straightforward_method(badges: int) -> None:
    words = [f"w{i}" for i in range(300)]
    text = "Intro.\n\n" + " ".join(words) + "\n\nEnd."
    start, end = text.index("w0"), text.index("w299") + 4
    inserts = frozenset(text.index(f"w{299 - k} ") + len(f"w{299 - k}") for k in range(1, badges + 1))
    assert plain_fragment(text, start, end, inserts) == _reference_fragment(text, start, end, inserts)
    assert plain_fragment(text, start - 8, end, inserts) == _reference_fragment(text, start - 8, end, inserts)


def _reference_context(text: str, start: int, end: int, words: int) -> dict:
    """context as first written: every chunk of the paragraphs before and after is split out."""
    import re
    p_start = text.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = text.find("\n\n", end)
    p_end = len(text) if p_end < 0 else p_end
    before, after = text[p_start:start], text[end:p_end]
    chunks = list(re.finditer(r"\S+", before))
    before_cut = len(chunks) > words
    if before_cut:
        before = before[chunks[-words].start():]
    chunks = list(re.finditer(r"\S+", after))
    after_cut = len(chunks) > words
    if after_cut:
        after = after[:chunks[words - 1].end()]
    return {"before": before, "before_cut": before_cut, "after": after, "after_cut": after_cut}


CONTEXT_TEXT = st.lists(st.sampled_from(["we", "no-way", "x" * 13, "y" * 30, "z" * 70, " ", " ", "  ", "\n", "\n\n",
                                         "\u00a0"]), max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(CONTEXT_TEXT, st.integers(0, 12), st.data())
def test_context_equals_that_of_the_straightforward_method(text: str, words: int, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert context(text, start, end, words) == _reference_context(text, start, end, words)


def test_context_of_a_quote_deep_in_a_long_paragraph_is_its_nearest_words() -> None:
    text = " ".join(f"w{i}" for i in range(5000)) + " QUOTE " + " ".join(f"v{i}" for i in range(5000))
    start = text.index("QUOTE")
    ctx = context(text, start, start + 5, words=3)
    assert ctx == {"before": "w4997 w4998 w4999 ", "before_cut": True, "after": " v0 v1 v2", "after_cut": True}


def test_context_words_cut_by_the_first_look_back_are_looked_at_again() -> None:
    # The first look back (16 characters a word) ends inside "XXX…": three chunks seen, one of them cut.
    text = "p q r s " + " ".join(c * 30 for c in "XYZ") + " QUOTE after"
    start = text.index("QUOTE")
    ctx = context(text, start, start + 5, words=3)
    assert ctx == _reference_context(text, start, start + 5, 3)
    assert ctx["before"] == " ".join(c * 30 for c in "XYZ") + " " and ctx["before_cut"]


def _reference_heat_pieces(base: str, others: list[str]) -> list[dict]:
    """heat_pieces as first written: one step per token."""
    from dossier.core.plan.compare_view import heat_counts
    tokens = tokenize(base)
    counts = heat_counts(base, others)
    runs: list[dict] = []

    def add(text: str, count: int) -> None:
        if not text:
            return
        if runs and runs[-1]["count"] == count:
            runs[-1]["text"] += text
        else:
            runs.append({"text": text, "count": count, "level": heat_level(count, len(others))})

    cursor = 0
    for k, tok in enumerate(tokens):
        if tok.start > cursor:
            joined = k > 0 and counts[k - 1] == counts[k]
            add(base[cursor:tok.start], counts[k] if joined else 0)
        add(base[tok.start:tok.end], counts[k])
        cursor = tok.end
    add(base[cursor:], 0)
    return runs


HEAT_TEXT = st.lists(st.sampled_from(["we", "will", "would", "do", "it", "alone", ",", "“", " ", "  ", "\n"]),
                     max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(HEAT_TEXT, st.lists(HEAT_TEXT, max_size=4))
def test_heat_pieces_equal_those_of_the_straightforward_method(base: str, others: list[str]) -> None:
    assert heat_pieces(base, others) == _reference_heat_pieces(base, others)


BREAK_TEXT = st.lists(st.sampled_from(["we", "have", "no-way", " ", "\n", "\n\n", "\n\n\n", "\n \n", "x"]),
                      max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(BREAK_TEXT, st.data())
def test_fragment_terms_split_at_every_paragraph_break_as_the_straightforward_method_does(
        text: str, data: st.DataObject) -> None:
    # Runs of line breaks of every length, so a paragraph break may start at any character of a run.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert plain_fragment(text, start, end) == _reference_fragment(text, start, end)


def _apart(*columns: tuple[str, str, str]) -> list[str]:
    """told_apart of witnesses given as (outlet, title, article url)."""
    return told_apart([Witnessed(f"k{i}", "a quote", 0, 7, outlet, "2024-03-22", title, url, url + "#a")
                       for i, (outlet, title, url) in enumerate(columns)])


def test_each_outlet_seen_once_is_named_alone_as_before() -> None:
    assert _apart(("Ynet", "T", "/a/"), ("JPost", "T", "/b/")) == ["", ""]


def test_two_reports_of_one_outlet_are_told_apart_by_their_titles_then_by_number() -> None:
    assert _apart(("JPost", "Rafah", "/a/"), ("Ynet", "Rafah", "/b/"), ("JPost", "Cairo", "/c/")) == [
        ": Rafah", "", ": Cairo"]
    assert _apart(("JPost", "Rafah", "/a/"), ("JPost", "Rafah", "/b/"), ("JPost", "Cairo", "/c/")) == [
        ": Rafah (1)", ": Rafah (2)", ": Cairo"]


def test_two_places_of_one_article_are_numbered_in_the_article() -> None:
    assert _apart(("JPost", "Rafah", "/a/"), ("Ynet", "X", "/y/"), ("JPost", "Rafah", "/a/")) == [
        ", place 1 in the article", "", ", place 2 in the article"]
    assert _apart(("JPost", "Rafah", "/a/"), ("JPost", "Rafah", "/a/"), ("JPost", "Cairo", "/c/")) == [
        ": Rafah, place 1 in the article", ": Rafah, place 2 in the article", ": Cairo"]


def test_what_tells_two_places_apart_comes_in_the_dossiers_words_and_the_sites() -> None:
    """The title (the dossier's) and the place (the site's words, marked English on a site in another language,
    templates/compare_columns.html): their parts make `told_apart`'s text."""
    witnesses = [Witnessed(f"k{i}", "a quote", 0, 7, outlet, "2024-03-22", title, url, url + "#a")
                 for i, (outlet, title, url) in enumerate([("JPost", "Rafah", "/a/"), ("JPost", "Rafah", "/a/"),
                                                           ("JPost", "Cairo", "/c/"), ("Ynet", "X", "/y/")])]
    assert apart_parts(witnesses) == [(": Rafah", 1), (": Rafah", 2), (": Cairo", 0), ("", 0)]
    assert told_apart(witnesses) == [title + (f", place {place} in the article" if place else "")
                                     for title, place in apart_parts(witnesses)]


def test_no_two_columns_of_a_set_read_alike() -> None:
    columns = [("JPost", "Rafah", "/a/"), ("JPost", "Rafah", "/a/"), ("JPost", "Rafah", "/b/"),
               ("Ynet", "Rafah", "/c/")]
    named = [o + a for (o, _, _), a in zip(columns, _apart(*columns))]
    assert len(set(named)) == len(named)


def test_a_witness_column_takes_the_direction_of_its_own_paragraph_not_of_the_base_s_words():
    """A French quote compared with a Hebrew base opened with the Hebrew words it lacks (<del>), and the page took
    the column's direction from them: the French was laid out right to left (review 69)."""
    hebrew, french = "נתניהו: «נעשה זאת לבד» אמר.", "Intro.\n\n« Nous le ferons seuls », a dit Nétanyahou."
    at = french.index("Nous")
    ws = [Witnessed("he", hebrew, 8, 21, "ynet", "2024-03-22", "H", "/he/", "/he/#w-x"),
          Witnessed("fr", french, at, at + 16, "Le Monde", "2024-03-22", "F", "/fr/", "/fr/#w-x")]
    columns = {c["key"]: c for c in column_set("x", ws, "he", "x")["columns"]}
    assert columns["fr"]["renderings"][0]["pieces"][0]["kind"] == "del"  # (the Hebrew words come first)
    assert (columns["he"]["dir"], columns["fr"]["dir"]) == ("rtl", "ltr")
    assert paragraph_direction("«123» …", 0) == ""  # (no letter: the page decides from what it shows)


def test_the_differences_are_offered_against_the_first_witnesses_only_when_there_are_many():
    """Every base's rendering of every column is in the page: 40 witnesses made 1,600 renderings, 1.75 MB of one
    sentence (review 68). The default base and the first witnesses after it are offered, BASES in all."""
    text = "Netanyahu said Israel would go into Rafah alone if it had to, officials said."
    ws = [Witnessed(f"k{i}", text.replace("officials", f"officials {i}"), 0, len(text), f"Outlet {i}", "2024-03-22",
                    f"T{i}", f"/a{i}/", f"/a{i}/#w-x") for i in range(12)]
    view = column_set("x", ws, "k10", "x")
    offered = [b["key"] for b in view["bases"]]
    assert offered == ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k10"] and view["unoffered"] == 4
    assert all([r["base"] for r in c["renderings"]] == offered for c in view["columns"])
    assert [h["base"] for h in view["heat"]] == offered and len(view["columns"]) == 12
    few = column_set("y", ws[:5], "k2", "y")
    assert few["unoffered"] == 0 and len(few["bases"]) == 5


def test_the_words_a_witness_lacks_take_the_direction_of_the_base_s_paragraph_where_it_is_the_other():
    """The Hebrew words a French quote lacks (<del>) were marked Hebrew but not right to left: the markup said the
    French paragraph's direction (review 109). Words of a base in the same direction need no `dir`."""
    hebrew, french = "נתניהו: «נעשה זאת לבד» אמר.", "Intro.\n\n« Nous le ferons seuls », a dit Nétanyahou."
    english = "Netanyahu said: « we will do it alone »."
    at = french.index("Nous")
    ws = [Witnessed("he", hebrew, 8, 21, "ynet", "2024-03-22", "H", "/he/", "/he/#w-x"),
          Witnessed("fr", french, at, at + 16, "Le Monde", "2024-03-22", "F", "/fr/", "/fr/#w-x"),
          Witnessed("en", english, 18, 37, "AP", "2024-03-22", "E", "/en/", "/en/#w-x")]
    columns = {c["key"]: c for c in column_set("x", ws, "he", "x")["columns"]}
    against = {c: {r["base"]: r["base_dir"] for r in columns[c]["renderings"]} for c in columns}
    assert against["fr"] == {"he": "rtl", "fr": "", "en": ""}
    assert against["he"] == {"he": "", "fr": "ltr", "en": "ltr"}


# What compare_columns.html wrote for a rendering, piece by piece, before the view made it in one join
# (compare_view._rendering): the reference its `html` must equal, byte for byte.
_PIECE_BY_PIECE = """
          {%- for p in r.pieces -%}
            {%- if p.kind == "ins" -%}<ins>{{ p.text }}</ins>
            {%- elif p.kind == "del" -%}<del{% if p.glued %} class="glued"{% endif %}{% if r.base_lang %} lang="{{ r.base_lang }}"{% endif %}{% if r.base_dir %} dir="{{ r.base_dir }}"{% endif %}>{{ p.text }}</del>
            {%- elif p.kind == "moved" -%}<mark class="moved">{{ p.text }}</mark>
            {%- else -%}{{ p.text }}{%- endif -%}
          {%- endfor -%}
"""

_WORDS = st.lists(st.sampled_from(["we", "will", "do", "it", "alone", "<b>", "A&B", '"so"', "it's", "לבד", "Nous,",
                                   "seuls.", "\u00a0", "—"]), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_WORDS, _WORDS, _WORDS, st.sampled_from(["", "he", "fr"]))
def test_a_rendering_s_html_is_what_the_template_wrote_piece_by_piece(one: str, two: str, three: str,
                                                                        lang: str) -> None:
    from jinja2 import Environment

    template = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(_PIECE_BY_PIECE)
    texts = [one, two, three]
    ws = [Witnessed(k, t, 0, len(t), k, "2024-03-22", k, f"/{k}/", f"/{k}/#w-x", lang=lang if k == "b" else "")
          for k, t in zip("abc", texts)]
    for column in column_set("x", ws, "a", "x")["columns"]:
        for r in column["renderings"]:
            assert str(r["html"]) == template.render(r=r)
