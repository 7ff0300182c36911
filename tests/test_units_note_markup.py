"""Markdown a note does not show (dossier/core/load/note_markup.py)."""

from __future__ import annotations

import pytest

from dossier.core.load.model import Origin
from dossier.core.load.note_markup import link_markup, note_markup
from dossier.core.text.markdown import link_targets

AT = Origin("content/articles/a.yaml", 7, 11, raw="")


@pytest.mark.parametrize("note, kinds", [
    ("| a | b |\n| - | - |", ["a table"]),
    ("Two:\n\n- one\n- two", ["a list"]),
    ("Steps:\n\n1. first\n2. second", ["a list"]),
    ("> quoted", ["a quotation block"]),
    ("```\ncode\n```", ["a code block"]),
    ("## Heading", ["a heading"]),
    ("See ![chart](https://e.org/c.png).", ["an image"]),
    ("*Emphasis*, `code`, [a link](https://e.org) and a footnote[^1].\n\n[^1]: Here.", []),
    ("In 2024 the army said so; a - b - c; 3 > 2.", []),
    # lines of a wrapped sentence (review): no block is meant where no paragraph begins
    ("The war began in\n1948. Since then", []), ("killed\n- according to the ministry", []),
    ("More than\n> 1,000 were displaced", []), ("The slogan\n# AllEyesOnRafah spread", []),
    ("* The ministry does not separate civilians", ["a list"]),
    ("", []),
])
def test_block_markdown_in_a_note_is_said_once_per_kind(note: str, kinds: list[str]) -> None:
    found = note_markup(note, AT)
    assert [p.message.split(": ", 1)[1].rsplit(" is shown", 1)[0] for p in found] == kinds
    assert all((p.severity, p.check) == ("warning", "note-markup") for p in found)


@pytest.mark.parametrize("note, found", [
    ("See [the report](https://e.org/a report.pdf) now", ["[the report](https://e.org/a report.pdf)"]),
    ("[see also(entity:benjamin-netanyahu), he said", ["[see also(entity:benjamin-netanyahu)"]),
    ("[ok](https://e.org/a \"its title\"), [ok](<https://e.org/a b>), [ok](entity:x)", []),
    ("`[x](https://e.org/a b)` is code", []),
    ("a (b) [c] (d) and [e] (https://e.org)", []),
    ("[spaced]( article:one ) and [tab](entity:x\t) are read as links", []),  # (review 67)
    # review 127: an address no ")" closes before the line ends, and an id's ")" left out before more words
    ("the others ([compare the headlines](compare:headlines.", ["[compare the headlines](compare:headlines."]),
    ("with Blinken ([see](entity:benny-gantz for more).", ["[see](entity:benny-gantz for more)"]),
    ("[ok](https://e.org/a_(b)) and [ok](compare:x)\nnext line", []),
    # review 131: a link's title or its ")" on the next line is a link
    ('See [the report](https://e.org/r\n"Report") for more.', []), ("See [the report](https://e.org/r\n) for more.", []),
])
def test_a_link_markdown_does_not_read_is_said_where_it_is_written(note: str, found: list[str]) -> None:
    """Review 58: a space in a link's address, or its text left open before the address, and the link was
    published as its brackets and address, with no word. (Markdown reads neither as a link.)"""
    from markdown_it import MarkdownIt

    problems = note_markup(note, AT)
    assert [p.message.rsplit(', "', 1)[1][:-1] for p in problems] == found
    assert all(p.check == "note-markup" and p.severity == "warning" for p in problems)
    rendered = MarkdownIt("commonmark").renderInline(note)
    assert all(text in rendered.replace("&quot;", '"') for text in found)  # (shown as written: no link made)


@pytest.mark.parametrize("note, message", [
    ('In this <b>subheadline</b> see <a href="https://x.org">this</a>',
     'a note takes Markdown, not HTML: "<b>" is shown as written (and 3 more tags)'),
    ("Hidden <!-- a comment --> words", 'a note takes Markdown, not HTML: "<!--" is shown as written'),
    ("<img src=x onerror=alert(1)>",
     'a note takes Markdown, not HTML: "<img src=x onerror=alert(1)>" is shown as written'),
    ("Fine: <https://e.org/a>, <name@e.org>, `<b>` as code, 3 < 4 > 2, x<y", None),
    # (review 119: a link's target in <…>, and a transcript's marker, are no HTML)
    ("See [the Ynet report](</articles/ynet-rafah-rift/>) and [this](<https://e.org/a b>).", None),
    ("He said <inaudible> and then <crosstalk>.", None),
])
def test_an_html_tag_in_a_note_is_said_once_at_the_first(note: str, message: str | None) -> None:
    found = note_markup(note, AT)
    assert [p.message for p in found] == ([message] if message else [])
    assert all((p.severity, p.check) == ("warning", "note-markup") and "`backticks`" in p.hint for p in found)


def test_the_exports_give_a_note_s_html_as_text_as_the_md_does() -> None:
    from dossier.core.text.markdown import note_as_data

    resolve = lambda target: target if target.startswith("https://") else None  # noqa: E731
    written = note_as_data('<b>x</b> <img src=x onerror=alert(1)> `<i>` <https://e.org/a> [r](<https://e.org/b>)',
                           resolve)
    assert written == '&lt;b>x&lt;/b> &lt;img src=x onerror=alert(1)> `<i>` <https://e.org/a> [r](<https://e.org/b>)'
    from markdown_it import MarkdownIt
    shown = MarkdownIt("commonmark", {"html": True}).render(written)
    assert "<b>" not in shown and "<img" not in shown and '<a href="https://e.org/a">' in shown


def test_the_html_warning_stands_at_the_tag_not_at_the_same_words_in_code_before_it() -> None:
    origin = Origin("content/articles/a.yaml", 7, 11, raw="The markup puts it in `<b>`, shown as <b>bold</b>.")
    (found,) = note_markup("The markup puts it in `<b>`, shown as <b>bold</b>.", origin)
    assert (found.line, found.col) == (7, 11 + len("The markup puts it in `<b>`, shown as "))


def test_an_id_s_left_out_parenthesis_is_said_with_the_link_closed_after_the_id() -> None:
    [problem] = note_markup("with Blinken ([see](entity:benny-gantz for more).", AT)
    assert "its address not closed with ) after the id" in problem.message
    assert problem.hint == 'close it after the id: "[see](entity:benny-gantz) for more)"'


def test_a_summary_s_link_markdown_does_not_read_is_said_and_its_blocks_are_not() -> None:
    found = link_markup("| a | b |\n\nSee the others ([compare](compare:headlines.", AT, "a summary")
    assert [p.message for p in found] == ['a summary has a link Markdown does not read, its address not closed '
                                          'with ): it is shown as written, "[compare](compare:headlines."']


def test_an_unclosed_address_is_no_link_to_check() -> None:
    # (the link check told "compare:headlines." to be "compare:headlines", which pasted is no link either)
    assert link_targets("x ([the headlines](compare:headlines.", True) == ()
    assert link_targets("x ([the headlines](compare:headlines)).", True) == ("compare:headlines",)
    assert sorted(link_targets('[a](https://e.org "t") and [b][r]\n\n[r]: https://e.org/r', False)) == \
        ["https://e.org", "https://e.org/r"]


def test_a_link_with_an_escaped_quote_in_its_title_is_checked_and_a_refused_target_always() -> None:
    # (review 131: the first two were dropped as unclosed, and "javascript:" then went unsaid)
    assert link_targets('[a](entity:ron-dermr "say \\"hi\\"")', True) == ("entity:ron-dermr",)
    assert link_targets("[a](entity:ron-dermr\n'title'\n)", True) == ("entity:ron-dermr",)
    assert link_targets('[a](javascript:alert(1) "x \\" y")', True) == ("javascript:alert(1)",)
    assert link_targets("[a](data:x", True) == ("data:x",)
    # (review 132: a path or an address without its scheme, unclosed, was one warning and one error more)
    assert link_targets("([the report](www.apnews.com", True) == () == link_targets("[r](../compare/x/.", True)
