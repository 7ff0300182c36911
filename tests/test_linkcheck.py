"""The build's own link check: every internal link and #fragment must resolve, on the rendered bytes."""

from __future__ import annotations

from dossier.core.execute.linkcheck import LinkIndex, check_links


def _check(pages: dict[str, str], base: str = "/", extra: tuple[str, ...] = ()) -> list[str]:
    index = LinkIndex()
    for path, text in pages.items():
        index.add(path, text.encode("utf-8"))
    return [p.message for p in check_links(index, set(pages) | set(extra), base)]


def test_links_to_existing_pages_and_ids_pass() -> None:
    assert _check({"index.html": '<a href="/a/">A</a> <a href="/a/#x">x</a> <a href="#top">top</a><i id="top"></i>',
                   "a/index.html": '<p id="x">x</p>'}) == []


def test_a_missing_page_a_missing_id_and_a_missing_own_id_are_each_reported() -> None:
    assert _check({"index.html": '<a href="/b/">b</a> <a href="/a/#nope">a</a> <a href="#gone">g</a>',
                   "a/index.html": '<p id="x"></p>'}) == [
        "broken link: /b/", "broken fragment: /a/#nope", "broken fragment: #gone"]


def test_a_link_repeated_on_a_page_is_reported_once_per_page() -> None:
    pages = {"index.html": '<a href="/b/">b</a>' * 3, "c/index.html": '<a href="/b/">b</a>'}
    assert _check(pages) == ["broken link: /b/", "broken link: /b/"]


def test_external_relative_text_fragment_and_search_bundle_links_are_not_checked() -> None:
    assert _check({"index.html": '<a href="https://example.org/x">x</a> <a href="../x">r</a> '
                                 '<a href="/a/#:~:text=quote">q</a> <script src="/pagefind/pagefind-ui.js"></script>',
                   "a/index.html": ""}) == []


def test_under_a_base_path_a_root_link_outside_it_is_reported() -> None:
    assert _check({"index.html": '<a href="/elsewhere/">x</a> <a href="/sub/a/">a</a>', "a/index.html": ""},
                  base="/sub/") == ["link /elsewhere/ points outside the site's base path /sub/"]


def test_escaped_attribute_values_are_unescaped_before_they_are_resolved() -> None:
    assert _check({"index.html": '<a href="/a/#x&amp;y">a</a>', "a/index.html": '<p id="x&amp;y"></p>'}) == []
