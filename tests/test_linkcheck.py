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


def _messages(problems) -> list[str]:
    return sorted(f"{p.file}: {p.message}" for p in problems)


def test_a_page_kept_as_it_was_is_checked_again_when_a_page_it_links_to_changes() -> None:
    """The live preview hands back the same ids and links objects for pages it did not render again, and only
    the pages whose links or targets changed are checked again: what they report must be what a check of
    everything reports."""
    index = LinkIndex()
    index.add("a/index.html", b'<a href="/b/#part">b</a> <a href="/c/">c</a> <a href="#top">top</a><p id="top"></p>')
    index.add("b/index.html", b'<h2 id="part">Part</h2>')
    index.add("c/index.html", b'<p>c</p>')
    paths = {"a/index.html", "b/index.html", "c/index.html"}
    assert check_links(index, paths, "/") == []
    assert check_links(index, paths, "/") == []                    # nothing changed: nothing found
    index.add("b/index.html", b'<h2 id="renamed">Part</h2>')       # b rendered again: a's fragment breaks
    assert _messages(check_links(index, paths, "/")) == ["_site/a/index.html: broken fragment: /b/#part"]
    del index.ids["c/index.html"], index.links["c/index.html"]     # c no longer made: a's link breaks too
    found = check_links(index, paths - {"c/index.html"}, "/")
    assert _messages(found) == ["_site/a/index.html: broken fragment: /b/#part",
                                "_site/a/index.html: broken link: /c/"]
    fresh = LinkIndex()  # the same pages read afresh (other objects): everything is checked
    for path in index.ids:
        fresh.put(path, ({*index.ids[path]}, [*index.links[path]]))
    assert _messages(check_links(fresh, paths - {"c/index.html"}, "/")) == _messages(found)
    assert _messages(check_links(index, paths - {"c/index.html"}, "/dossier/")) != []  # another base: again
