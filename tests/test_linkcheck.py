"""The build's own link check: every internal link and #fragment must resolve, on the rendered bytes."""

from __future__ import annotations

from dossier.core.execute.linkcheck import LinkIndex, check_links, found_in, ids_of, links_of


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
        fresh.put(path, ((index.ids[path] + "\0")[:-1], (index.links[path] + "\0")[:-1]))  # (equal, not the same)
    assert _messages(check_links(fresh, paths - {"c/index.html"}, "/")) == _messages(found)
    assert _messages(check_links(index, paths - {"c/index.html"}, "/dossier/")) != []  # another base: again


def test_a_page_read_afresh_with_the_same_key_is_trusted_and_what_it_links_to_is_still_followed() -> None:
    """The command line reads every page's ids and links afresh (other objects at every run), and recalls what
    the last run's check found (`remembered`, pickled with its cache): a page with the same key as then (the
    same bytes) is not checked again unless a file it links to changed."""
    import pickle

    from dossier.core.execute import linkcheck

    def index(b_html: bytes, b_key: str, a_html: bytes = b'<a href="/b/#part">b</a> <a href="/c/">c</a>'
              ) -> LinkIndex:
        built = LinkIndex()
        built.add("a/index.html", a_html, "key-a")
        built.add("b/index.html", b_html, b_key)
        built.add("c/index.html", b"<p>c</p>", "key-c")
        return built

    paths = {"a/index.html", "b/index.html", "c/index.html"}
    linkcheck.recall(linkcheck.Checked())
    assert check_links(index(b'<h2 id="part">Part</h2>', "key-b"), paths, "/") == []
    saved = pickle.dumps(linkcheck.remembered())

    linkcheck.recall(pickle.loads(saved))  # the next run: b's part renamed, so b has another key
    found = check_links(index(b'<h2 id="renamed">Part</h2>', "key-b2"), paths, "/")
    assert _messages(found) == ["_site/a/index.html: broken fragment: /b/#part"]

    linkcheck.recall(pickle.loads(saved))  # nothing a links to changed: a's key vouches for its links
    trusted = index(b'<h2 id="part">Part</h2>', "key-b", a_html=b'<a href="/nowhere/">x</a>')
    assert check_links(trusted, paths, "/") == []
    linkcheck.recall(linkcheck.Checked())  # nothing recalled: every page checked
    assert _messages(check_links(trusted, paths, "/")) == ["_site/a/index.html: broken link: /nowhere/"]


def test_a_file_rendered_again_with_the_same_ids_sends_no_page_that_links_to_it_back_to_the_check() -> None:
    """A tag page rendered again because a note on it changed keeps its ids: the pages that link to it (every
    page with that tag) are not checked again; when its ids change, they are."""
    from dossier.core.execute import linkcheck

    def index(b_html: bytes, b_key: str) -> LinkIndex:
        built = LinkIndex()
        built.add("a/index.html", b'<a href="/nowhere/">x</a> <a href="/b/#part">b</a>', "key-a")
        built.add("b/index.html", b_html, b_key)
        return built

    paths = {"a/index.html", "b/index.html"}
    linkcheck.recall(linkcheck.Checked())
    first = check_links(index(b'<h2 id="part">Part</h2>', "key-b"), paths, "/")
    assert _messages(first) == ["_site/a/index.html: broken link: /nowhere/"]
    planted = linkcheck.remembered()  # a's finding replaced: shows whether a is checked again or recalled
    links, key, targets, _, deep = planted.pages["a/index.html"]
    planted.pages["a/index.html"] = (links, key, targets, [], deep)
    linkcheck.recall(planted)
    assert check_links(index(b'<h2 id="part">Part, edited</h2>', "key-b2"), paths, "/") == []  # recalled
    assert _messages(check_links(index(b'<h2 id="other">Part</h2>', "key-b3"), paths, "/")) == [
        "_site/a/index.html: broken fragment: /b/#part", "_site/a/index.html: broken link: /nowhere/"]


def test_a_file_whose_ids_change_sends_back_to_the_check_only_the_pages_that_link_into_it_with_a_fragment() -> None:
    """Every page's menu links to /sources/, whose ids change when an outlet is added: that sent every page of
    the site back to the check (its links read from its file again: 1 s at 1,000 articles). A link without a
    #fragment reads only whether its target exists; one with a text fragment (#:~:text=) reads no ids either."""
    from dossier.core.execute import linkcheck

    def index(sources: bytes) -> LinkIndex:
        built = LinkIndex()
        built.add("a/index.html", b'<a href="/nowhere/">x</a> <a href="/sources/">s</a>', "key-a")
        built.add("t/index.html", b'<a href="/nowhere/">x</a> <a href="/sources/#:~:text=Outlet">s</a>', "key-t")
        built.add("f/index.html", b'<a href="/nowhere/">x</a> <a href="/sources/#x">s</a>', "key-f")
        built.add("sources/index.html", sources, "key-s" + str(len(sources)))
        return built

    paths = {"a/index.html", "t/index.html", "f/index.html", "sources/index.html"}
    linkcheck.recall(linkcheck.Checked())
    first = check_links(index(b'<h2 id="x">X</h2>'), paths, "/")
    assert len(first) == 3
    planted = linkcheck.remembered()  # each page's finding replaced: shows whether it is checked again or recalled
    for page in ("a/index.html", "t/index.html", "f/index.html"):
        links, key, targets, _, deep = planted.pages[page]
        planted.pages[page] = (links, key, targets, [], deep)
    linkcheck.recall(planted)
    found = check_links(index(b'<h2 id="x">X</h2><h2 id="y">Y</h2>'), paths, "/")
    assert _messages(found) == ["_site/f/index.html: broken link: /nowhere/"]  # f alone was checked again
    linkcheck.recall(planted)
    gone = paths - {"sources/index.html"}  # the target gone: every page that links to it is checked again
    built = index(b'<h2 id="x">X</h2>')
    del built.ids["sources/index.html"], built.links["sources/index.html"], built.keys["sources/index.html"]
    assert _messages(check_links(built, gone, "/")) == [
        "_site/a/index.html: broken link: /nowhere/", "_site/a/index.html: broken link: /sources/",
        "_site/f/index.html: broken link: /nowhere/", "_site/f/index.html: broken link: /sources/#x",
        "_site/t/index.html: broken link: /nowhere/", "_site/t/index.html: broken link: /sources/#:~:text=Outlet"]


def test_what_is_remembered_holds_no_page_without_a_key_and_no_ids_or_links() -> None:
    from dossier.core.execute import linkcheck
    from dossier.core.execute.path_sets import unpacked

    linkcheck.recall(linkcheck.Checked())
    built = LinkIndex()
    built.add("a/index.html", b'<a href="/b/" id="x">b</a>', "key-a")
    built.add("b/index.html", b"<p>b</p>")  # a page without a key (the live preview's unkeyed pages)
    check_links(built, {"a/index.html", "b/index.html"}, "/")
    kept = linkcheck.remembered()
    assert set(kept.pages) == {"a/index.html"} and set(kept.files) == {"a/index.html", "b/index.html"}
    assert kept.pages["a/index.html"][:2] == (None, "key-a") and kept.files["a/index.html"][:2] == (None, "key-a")
    assert kept.files["b/index.html"][:2] == (None, None)  # b's ids only by their digest
    # (its targets packed against the table it keeps: path_sets.py)
    assert isinstance(kept.pages["a/index.html"][2], bytes) and isinstance(kept.paths, bytes)
    assert unpacked(kept.pages["a/index.html"][2], kept.table) == frozenset({"a/index.html", "b/index.html"})
    assert unpacked(kept.paths, kept.table) == frozenset({"a/index.html", "b/index.html"})


def test_a_pages_ids_and_links_are_kept_as_two_strings_that_give_them_back() -> None:
    """Sorted distinct ids and distinct links in order of first appearance, NUL-separated: what the persistent
    cache keeps and workers send; a page without any gives empty strings, and back an empty set and list."""
    ids, links = found_in('<p id="b"></p><a href="/x/#b" id="a">x</a><a href="/y/?a=1&amp;b=2">y</a>'
                          '<a href="/x/#b">again</a><p id="b"></p><img src="/i.png">')
    assert (ids, links) == ("a\0b", "/x/#b\0/y/?a=1&b=2\0/i.png")
    assert ids_of(ids) == {"a", "b"} and links_of(links) == ["/x/#b", "/y/?a=1&b=2", "/i.png"]
    assert found_in("<p>nothing</p>") == ("", "") and ids_of("") == set() and links_of("") == []


def test_a_recalled_broken_link_s_hint_names_the_pages_written_now_not_those_of_the_last_check() -> None:
    """A broken link's did-you-mean names the closest of every page written, not only of the page's own targets:
    a page whose key and targets are the same as at the last check must still say what a check of everything
    says when a page near its missing target appeared or disappeared since."""
    import pickle

    from dossier.core.execute import linkcheck

    def check(paths: set[str], recalled: bytes | None) -> list[str]:
        built = LinkIndex()
        built.add("a/index.html", b'<a href="/tags/zzqqxxww/x/">x</a>', "key-a")
        for path in paths - {"a/index.html"}:
            built.add(path, b"<p>p</p>", "key-" + path)
        linkcheck.recall(pickle.loads(recalled) if recalled else linkcheck.Checked())
        return [f"{p.message}: {p.hint}" for p in check_links(built, paths, "/")]

    without = {"a/index.html", "tags/other/index.html"}
    near = without | {"tags/zzqqxxwwx/index.html"}
    for before, now in ((near, without), (without, near)):
        cold = check(now, None)
        check(before, None)
        assert check(now, pickle.dumps(linkcheck.remembered())) == cold, (before, now)
    assert check(near, None) == ['broken link: /tags/zzqqxxww/x/: no page is written at that path; '
                                 'did you mean "/tags/zzqqxxwwx/"?']
    assert check(without, None) == ["broken link: /tags/zzqqxxww/x/: no page is written at that path"]
