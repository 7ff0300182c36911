"""escape_md round trip: escaped seed text, rendered by CommonMark with raw HTML off, reads back exactly."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given, settings, strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin

from dossier.core.text.markdown import render_note
from dossier.core.text.paragraph_markdown import escape_md

MD = MarkdownIt("commonmark", {"html": False}).use(attrs_plugin, spans=True)
ALPHABET = "abcdeXYZ \\`*_[]{}<>&#>+=-!|~.()0123456789\"'’—"


def rendered_text(source: str) -> str:
    """Render one line of Markdown; it must be exactly one paragraph. Returns its text content."""
    out = MD.render(source)
    assert out.startswith("<p>") and out.endswith("</p>\n"), f"not a single paragraph: {out!r}"
    inner = out[len("<p>"):-len("</p>\n")]
    assert "<p>" not in inner, f"more than one paragraph: {out!r}"
    return html.unescape(re.sub(r"<[^>]*>", "", inner))


def assert_round_trip(s: str) -> None:
    escaped = escape_md(s, line_start=True)
    assert rendered_text(escaped) == s, f"{s!r} escaped as {escaped!r} renders as {MD.render(escaped)!r}"


TRICKY = [
    "plain words", "a  double  space", "*stars*", "**bold**", "_under_", "__dunder__", "snake_case_name",
    "`code`", "``two``", "```", "\\", "a\\", "\\*", "back\\slash", "[brackets](x)", "[link][ref]", "![img](x)",
    "[text]{.cls}", "word{#id}", "{{ jinja }}", "{% block %}", "<script>alert(1)</script>", "<b>bold</b>",
    "<http://example.org>", "<a@b.org>", "&amp;", "&#35;", "&copy;", "& alone", "AT&T",
    "# hash", "#hashtag", "## two", "> quoted", ">>> nested", "- dash item", "-1 degrees", "--", "---", "- - -",
    "+ plus", "+1", "= equals", "===", "1. one", "1) one", "12. twelve", "2024. A year", "1.5 million",
    "123456789. nine digits", "1234567890. ten digits", "0) zero", "* star item", "***", "_ _ _",
    "| a | b |", "a|b", "~tilde~", "~~strike~~", "!bang", "a!", "(parens)", "'single' \"double\"",
    "“curly” ‘quotes’ — dashes", "Rafah’s", "http://example.org/a_b_c", "www.example.org", "100%",
    "a * b * c", "2 * 3 = 6", "x < y > z", "[^1]", "note[^a]", ":smile:", "\\[not a link\\]",
]


@pytest.mark.parametrize("s", TRICKY)
def test_escaped_seed_text_renders_back_to_exactly_itself(s: str) -> None:
    assert_round_trip(s)


@pytest.mark.parametrize("s", ["~~~", "~~~ quote", "~~~~", "~~~python"])
def test_a_line_starting_with_three_tildes_is_not_a_code_fence(s: str) -> None:
    assert_round_trip(s)


@pytest.mark.parametrize("s, escaped", [
    ("*a*", r"\*a\*"), ("a_b", r"a\_b"), ("[x](y)", r"\[x\](y)"), ("{x}", r"\{x\}"), ("<b>", r"\<b\>"),
    ("&amp;", r"\&amp;"), ("`c`", r"\`c\`"), ("\\", "\\\\"),
])
def test_escape_md_backslash_escapes_inline_markup_anywhere(s: str, escaped: str) -> None:
    assert escape_md(s) == escaped
    assert escape_md("x " + s) == "x " + escaped


@pytest.mark.parametrize("s, escaped", [
    ("# h", r"\# h"), ("- i", r"\- i"), ("+ i", r"\+ i"), ("= x", r"\= x"), ("1. one", r"1\. one"),
    ("12) twelve", r"12\) twelve"), ("> q", r"\> q"), ("plain", "plain"), ("2024 year", "2024 year"),
])
def test_escape_md_escapes_block_markers_only_at_line_start(s: str, escaped: str) -> None:
    assert escape_md(s, line_start=True) == escaped
    assert escape_md(s, line_start=False) == (escaped if s.startswith(">") else s)


def test_escaping_is_needed_the_unescaped_text_would_become_markup() -> None:
    """The round trip is a real check: the same strings unescaped do turn into markup."""
    assert "<em>" in MD.render("*stars*")
    assert "<h1>" in MD.render("# hash")
    assert "<ol>" in MD.render("1. one")
    assert "<a href" in MD.render("[brackets](x)")
    assert '<span class="cls">' in MD.render("[text]{.cls}")
    assert "<code>" in MD.render("`code`")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
@example("1. start")
@example("# * _ ` [ ] { } < > & \\")
@example("-1")
@example("a ~~~ b")
@example("~~~ fence")
def test_any_line_of_tricky_characters_round_trips_through_markdown(s: str) -> None:
    s = s.strip()
    if not s:
        return
    assert_round_trip(s)


_NOTE_TEXT = st.lists(st.sampled_from(list("ab -:#=|1.\"'") + ["\t", "\u00a0", "\u2003", "\n", "*", "_", "[", "]",
                                                                "(x)", "<", "&", "`", "\\", "{", "^", "~", "!",
                                                                "---", "é", "http://x.org", "  "]),
                      max_size=14).map("".join)


# Mostly characters that start no Markdown syntax: notes the parser may skip, with the few it must still escape.
_PLAIN_NOTE_TEXT = st.lists(st.sampled_from(list("ab -:#=|1.\"'") + ["\t", "\u00a0", "\u2003", "(x)", "é", "  ",
                                                                     "http://x.org", "---"]),
                            max_size=14).map("".join)


@given(st.one_of(_NOTE_TEXT, _PLAIN_NOTE_TEXT))
@example('He said "no".')
def test_a_note_renders_as_markdown_it_renders_it_whether_or_not_it_skips_the_parser(text: str) -> None:
    # A final line break makes any note go through markdown-it (it could start Markdown syntax) and changes
    # nothing in a paragraph's rendering, so the note with one is the reference for the note as written.
    reference = render_note(text + "\n", lambda url: url)
    assert render_note(text, lambda url: url) == reference


def test_ordinary_notes_take_the_plain_path(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_render = MarkdownIt.render

    def counting(self: MarkdownIt, src: str, env: object = None) -> str:
        calls.append(src)
        return real_render(self, src, env)

    monkeypatch.setattr(MarkdownIt, "render", counting)
    for note in ["AP's wording; Reuters has \"alone\".", "The figure: 1.4 million - as of March 2024.", "Über 5 %"]:
        escaped = html.escape(note, quote=False).replace('"', "&quot;")  # as markdown-it escapes: " but not '
        assert render_note(note, lambda url: url) == (f'<span class="np">{escaped}</span>', ())
    assert calls == []   # plain words: markdown-it is never called
    for note in ["See [the other](article:b).", "*own* words", "a & b", "line\nbreak", "---"]:
        render_note(note, lambda url: url)
    assert calls == ["See [the other](article:b).", "*own* words", "a & b", "line\nbreak", "---"]


def test_tildes_are_escaped_so_that_a_github_renderer_strikes_nothing_through() -> None:
    """The `.md` export is read by GitHub-style renderers too, for which ~~words~~ is struck through."""
    from markdown_it import MarkdownIt

    gfm = MarkdownIt("commonmark").enable("strikethrough")
    for s in ("~~strike~~", "a ~~b~~ c", "~x~"):
        html = gfm.render(escape_md(s))
        assert "<s>" not in html and "<del>" not in html and s in html, html


@pytest.mark.parametrize("title", ["Odd\x96one", "next\x85line", "del\x7f", "not\ufffea char", "“plain” — title",
                                   "T1 <img src=x onerror=alert(1)> & co"])
def test_the_front_matter_reads_back_as_the_exact_values_whatever_characters_they_hold(title: str) -> None:
    """cp1252 mojibake brings C1 controls into titles: written raw, they made the front matter invalid YAML
    (and NEL was read as a space)."""
    import yaml

    from dossier.core.text.markdown import ArticleSource, article_markdown

    md = article_markdown(ArticleSource("Words.", ((0, 6),), (("title", title), ("source", title)), False, ()))
    front = md.split("---\n")[1]
    assert yaml.safe_load(front) == {"title": title, "source": title}
    # (read as Markdown, with HTML on, by a renderer that knows no front matter: no element made, review 66)
    assert "<img" not in MarkdownIt("commonmark", {"html": True}).render(md)


@pytest.mark.parametrize("note", [
    'See <img src=x onerror=alert(document.domain)> and <a href="javascript:alert(1)">this</a>.',
    "An <!-- unclosed comment and a </div> and <?php echo 1; ?>",
    "Two lines <b>bold\nhere</b> of raw HTML",
])
def test_raw_html_in_a_note_stays_text_in_the_markdown_export_read_with_html_on(note: str) -> None:
    """Review 61: a note's raw HTML is text on the page (html off) but was copied into the .md as it is, where
    any renderer that allows HTML (CommonMark's own reference behaviour) ran it. Read back by markdown-it with
    HTML on, the note's Markdown is the note's words, and makes no element."""
    from dossier.core.text.note_markdown import note_markdown

    rendered = MarkdownIt("commonmark", {"html": True}).render(note_markdown(note).replace("\n    ", "\n"))
    assert not re.search(r"<(?!/?p>|br ?/?>)[a-z!?/]", rendered), rendered
    text = html.unescape(re.sub(r"</?p>\n?", "", rendered)).strip()
    assert text == note.strip(), (text, note)


def test_an_autolink_in_a_note_stays_a_link_in_the_markdown_export() -> None:
    from dossier.core.text.note_markdown import note_markdown

    note = "See <https://example.org/a?b=1> or write to <desk@example.org>; code `<b>` stays as written."
    assert note_markdown(note) == note
    # (but not one of another scheme: markdown-it shows <javascript:…> as text, another renderer may not)
    assert note_markdown("see <javascript:alert(1)> now") == "see &lt;javascript:alert(1)> now"


@pytest.mark.parametrize("note", ["[a](http://x/`) <img src=x onerror=alert(2)> `",
                                  "[a](<http://x/`>) <img src=x onerror=alert(2)> `"])
def test_a_backtick_in_a_link_address_does_not_hide_raw_html_from_the_escaping(note: str) -> None:
    """Review 66: to markdown-it a backtick in a link's address opens no code span, and the <img> after it was
    live in the .md; a note whose escaped Markdown still holds HTML has every "<" escaped."""
    from dossier.core.text.note_markdown import note_markdown

    rendered = MarkdownIt("commonmark", {"html": True}).render(note_markdown(note))
    assert "<img" not in rendered and "&lt;img" in rendered, rendered


@pytest.mark.parametrize("note", [
    "Spelling. <img src=x onerror=alert(document.domain)> <script>alert(1)</script>",
    "[a](http://x/`) <img src=x onerror=alert(2)> `",
    "An <!-- comment --> and <?php echo 1; ?> and </div>",
    "Escaped: \\<img src=x onerror=alert(document.domain)> \\<script>alert(1)</script>",
    "[a](http://x/`) \\<img src=x onerror=alert(2)> `",
])
def test_no_raw_tag_is_left_in_a_note_s_markdown_for_any_renderer(note: str) -> None:
    """Review 75: a note's "<" was written "\\<", an escape in CommonMark but not in Python-Markdown (MkDocs,
    Pelican), which ran the <img onerror> and <script> after the backslash. Written "&lt;", it is text to every
    renderer: no "<" before a letter, "/", "!" or "?" is left at all. Nor one the editor wrote "\\<" (left as it
    was, and so where review 66's backtick in a link's address made it look like code)."""
    from dossier.core.text.note_markdown import note_markdown

    written = note_markdown(note)
    assert not re.search(r"<[A-Za-z/!?]", written), written


@pytest.mark.parametrize("note", ["see <https:/x/autofocus/contenteditable/onfocus=alert(1)//> now",
                                  "see <HTTP:x/autofocus/onfocus=alert(1)//> now",
                                  "mail <mailto:x/autofocus/contenteditable/onfocus=alert(1)//> now"])
def test_an_autolink_another_renderer_reads_as_a_tag_is_escaped(note: str) -> None:
    """A "<" is left as written only before an autolink every renderer reads as one: Python-Markdown (MkDocs,
    Pelican) takes `<…>` for a link only with "://" or an "@", and read these as a tag with an onfocus
    attribute (markdown-it reads them as autolinks; the link check refuses them, unless site.yaml lowers it)."""
    from dossier.core.text.note_markdown import note_markdown

    written = note_markdown(note)
    assert "&lt;" in written and not re.search(r"<[A-Za-z/!?]", written), written
    for kept in ("see <https://x.org/a?b=1> now", "mail <mailto:desk@x.org> or <desk@x.org>"):
        assert note_markdown(kept) == kept


def test_a_backtick_in_a_link_address_does_not_hide_an_attribute_list_from_the_escaping() -> None:
    """Review 76: review 66's trick, a backtick in a link's address taken for the start of code, left a note's
    `{#main style=…}` unescaped; the article's parser (attributes on) set them on the endnote's link."""
    from dossier.core.text.markdown import render_article, render_note
    from dossier.core.text.note_markdown import note_markdown

    note = 'see [the source](https://example.com/`){#main style="position:fixed" data-pagefind-meta="url:x"} `'
    side, _ = render_note(note, lambda href: href)
    page = render_article("Body.[^n1]\n\n[^n1]: " + note_markdown(note) + "\n", {"n1": side}, lambda href: href)
    endnote = re.search(r'<li id="en-n1">(.*?)</li>', page, re.S).group(1)
    assert 'id="main"' not in endnote and "style=" not in endnote.replace("style=&quot;", "")


@pytest.mark.parametrize("note", ["see <https://example.com/search?q={term}>", "mail <a{b}@example.com>",
                                  "see [the API](https://example.com/{id}/items)"])
def test_a_brace_in_an_autolink_or_an_address_is_left_as_it_is_read(note: str) -> None:
    """Review 76: the `{` escaped for the attribute syntax was escaped inside an autolink too, where a backslash
    is part of the address: the endnote linked to q=%5C%7Bterm%7D, and a mail address stopped being a link."""
    from dossier.core.text.markdown import render_article, render_note
    from dossier.core.text.note_markdown import note_markdown

    side, _ = render_note(note, lambda href: href)
    page = render_article("Body.[^n1]\n\n[^n1]: " + note_markdown(note) + "\n", {"n1": side}, lambda href: href)
    endnote = re.search(r'<li id="en-n1"><p>(.*?)</p>', page, re.S).group(1)
    assert endnote == side.removeprefix('<span class="np">').removesuffix("</span>")


def links(html_text: str) -> list[tuple[str, str]]:
    """(href, words) of every link in some HTML, in order."""
    return re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html_text)


def words(html_text: str) -> str:
    """The words some HTML shows, on one line."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", html_text)).split())


def note_three_ways(note: str, resolver) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """A note as the build shows it: its sidenote's HTML, its endnote's (the article page's body, which the
    build renders straight from the article's pieces, checked equal to the reading of its Markdown) and its
    footnote in the article's Markdown export, as article_pages makes them."""
    from dossier.core.text.article_html import article_html
    from dossier.core.text.markdown import ArticleSource, NoteMark, article_markdown, note_for_export, render_article

    side, _ = render_note(note, resolver)
    src = ArticleSource("Words.", ((0, 6),), (), False, (NoteMark("n1", 0, 5, note_for_export(note, resolver)),))
    page, markdown = article_html(src, {"n1": side}, resolver), article_markdown(src)
    assert page == render_article(markdown, {"n1": side}, resolver)
    endnote = re.search(r'<li id="en-n1">(.*?)</li>', page, re.S).group(1)
    return side, endnote, markdown.split("[^n1]: ", 1)[1]


@pytest.mark.parametrize("note", [
    "[the report](<https://example.org/a b.pdf>)",
    '[the report](<https://example.org/a b.pdf> "the <b>full</b> {text}") says so.',
    "See `a<b` and [x <y> z](<https://example.org/a b>), or <https://example.org/c> and <desk@example.org>.",
    "The [report][r] says so.\n\n[r]: <https://example.org/a b.pdf>",
    "[two lines](\n<https://example.org/a b>)",
    "[parentheses](<https://example.org/a)b (c>)",
    "[a brace and a backtick](<https://example.org/{id} `v` b>)",
    "[an escaped bracket](<https://example.org/a\\<b>)",
    "[an entity](<https://example.org/a&amp;b c&lt;d>)",
    "Write `[x](<https://example.org/a b>)`, code, for [x](<https://example.org/a b>).",
    "[an escaped tag](<\\<img src=x onerror=alert(1)>)",
])
def test_a_link_target_in_angle_brackets_is_the_same_link_in_the_endnote_and_the_markdown(note: str) -> None:
    """A target in <…> (CommonMark's way to write one with a space) had its "<" written "&lt;" by the raw-HTML
    escape: the link was words in the endnote and the .md (or a link to "%3Chttps://…") while its sidenote made
    it. Now the same link, to the same address, in all three, and still no raw "<" in the .md."""
    side, endnote, written = note_three_ways(note, lambda href: href)
    assert links(side) and links(endnote) == links(side), (written, side, endnote)
    assert words(endnote) == words(side)
    read = MarkdownIt("commonmark", {"html": True}).parse(written.replace("\n    ", "\n"))
    assert not [t for b in read for t in (b, *(b.children or ())) if t.type.startswith("html")], written
    assert links(MarkdownIt("commonmark", {"html": True}).render(written.replace("\n    ", "\n"))) == links(side)
    # (a "<" is left in code and in an autolink only, as before)
    assert not re.search(r"<[A-Za-z/!?]", re.sub(r"`[^`]*`|<https://[^\s<>]*>|<desk@example.org>", "", written))


@pytest.mark.parametrize("note", ["[x](<https://example.org/report\\<1\\>.pdf>)", "[x](</articles/a/?part=(one>)"])
def test_a_link_target_in_angle_brackets_is_the_same_link_with_the_site_s_link_policy(note: str) -> None:
    """The same with the build's link policy, which takes no space in a target: a "\\<" in one, or a "(" in one
    to the site (which the .md writes as the site's URL), still made the endnote's target "&lt;…"."""
    from dossier.core.common.urls import Urls

    side, endnote, written = note_three_ways(note, Urls("/d/").resolve_note_link)
    assert links(side) and links(endnote) == links(side), (written, side, endnote)
    assert not re.search(r"<[A-Za-z/!?]", written), written


@pytest.mark.parametrize("note", ["see [this](<javascript:alert(1)>)", "[files](<ftp://example.org/pub/a>) here"])
def test_a_refused_link_in_angle_brackets_is_words_in_the_endnote_as_in_its_sidenote(note: str) -> None:
    """A link the link policy refuses shows as the words written; its "<" written "&lt;" left a target that
    markdown-it reads bare ("&lt;javascript:alert(1)>", a relative address the policy takes): the endnote
    linked where the sidenote did not."""
    from dossier.core.common.urls import Urls

    side, endnote, written = note_three_ways(note, Urls("/").resolve_note_link)
    assert not links(side) and not links(endnote), (written, side, endnote)
    assert endnote.strip() == side.replace('<span class="np">', "<p>").replace("</span>", "</p>")
