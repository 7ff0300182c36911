"""An editor's Markdown as the exports write it (core/text/export_links.py): every link to the site, in each way
Markdown writes one, as the URL the site has it at, and nothing else changed: the exported Markdown, read with
the site's own link rules, gives the page's very links and words (review 67: reference links, titled and spaced
targets, autolinks were left as `article:one`, and a code span was rewritten)."""

from __future__ import annotations

import pytest

from dossier.core.common.urls import Urls
from dossier.core.text.export_links import inline_references, resolve_links_for_export
from dossier.core.text.markdown import render_block

URLS = Urls(base="/sub/")
NOTES = [
    "See [the first report][one] and <article:one>, and [root][r].\n\n[one]: article:one\n[r]: /articles/one/",
    'A [titled](article:one "The first") link, [root titled](/articles/one/ "t"), [spaced]( article:one ), '
    '[angle titled](<article:one> "t"), and code `[x](article:one)`.',
    "Plain [x](https://e.org/a_(b)), [y](entity:rafah#m-1), \\[not](article:one), [z](//evil.example).",
    "[nested [brackets]](compare:x) and ``code with ` and [a](tag:b)`` and [c](tag:b).",
    "Line [broken](\n  compare:x) and a [definition][d] far away.\n\n[d]:\n  <entity:rafah> 'title'",
]


@pytest.mark.parametrize("note", NOTES)
@pytest.mark.parametrize("origin", ["", "https://example.org"])
def test_the_exported_markdown_gives_the_page_s_links_and_words(note: str, origin: str) -> None:
    exported = resolve_links_for_export(note, URLS.resolve_note_link, origin)
    page, _ = render_block(note, URLS.resolve_note_link)
    # read where the site's own schemes mean nothing, and its paths are taken as they are written
    elsewhere = lambda href: None if href.startswith(("article:", "entity:", "compare:", "tag:")) else \
        href if href.startswith("/") and not href.startswith("//") else URLS.resolve_note_link(href)  # noqa: E731
    again, _ = render_block(exported, elsewhere)
    assert again.replace(origin, "") == page


@pytest.mark.parametrize("note", NOTES)
def test_reference_links_written_inline_give_the_same_links_and_no_definition(note: str) -> None:
    inlined = inline_references(note)
    assert "]:" not in inlined
    assert render_block(inlined, URLS.resolve_note_link)[0] == render_block(note, URLS.resolve_note_link)[0]


def test_a_refused_target_and_one_that_is_not_the_site_s_stay_as_written() -> None:
    note = "[a](//evil.example) [b](https://e.org/x) [c](javascript:alert(1))"
    assert resolve_links_for_export(note, URLS.resolve_note_link, "https://example.org") == note


TRICKY = [  # (review 70: where writing the references inline would change the note, it is left as written)
    "According to [the Associated\nPress][ap] it was.\n\n[ap]: compare:c1",
    "According to [Reuters][r]: the words differ.\n\n[r]: compare:c1",
    "See [the comparison][c].\n[c]: compare:c1",
    "The figure was revised.\n[Update]: corrected",
    "```\n[x]: compare:c1\n```\n\nand [x] outside.",
    *NOTES,
]


@pytest.mark.parametrize("note", TRICKY)
def test_a_notes_export_reads_as_the_note_with_the_site_s_links(note: str) -> None:
    from dossier.core.text.markdown import note_for_export, render_note

    elsewhere = lambda href: None if href.startswith(("article:", "entity:", "compare:", "tag:")) else \
        href if href.startswith("/") and not href.startswith("//") else URLS.resolve_note_link(href)  # noqa: E731
    assert render_note(note_for_export(note, URLS.resolve_note_link), elsewhere) == \
        render_note(note, URLS.resolve_note_link)
