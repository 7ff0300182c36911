"""What to tell an editor of a link target in their Markdown that no page can have (references.py checks them).

A refused target (a scheme no page has, one of our own kinds with a name that is no id) and a relative link
("../other-article/"), which leads somewhere else from each page that shows the text it is written in.
"""

from __future__ import annotations

import re
from typing import Any, Callable
from urllib.parse import unquote

from ..common.errors import Problem, error
from ..common.slugs import is_slug, slugify, suggestible, tag_page
from ..common.urls import internal_form, named_page
from .model import Origin

_KINDS = {"article": "articles", "entity": "entities", "compare": "comparisons", "tag": "tags"}
_ID_OF = {"article": "a file name of content/articles/ without .yaml", "entity": "a key of {}",
        "compare": "a file name of content/comparisons/ without .yaml",
        "tag": "the name of a tag's page, as in /tags/<name>/ (a tag some annotation lists)"}


def _id_of(kind: str, known: Any) -> str:
    """What comes after `kind:` in a link: for an entity, a key of the entities' files as the dossier has them."""
    return _ID_OF[kind].format(known.entities_in.one) if kind == "entity" else _ID_OF[kind]


_WHAT = {"article": "an article's slug", "entity": "an entity's id", "compare": "a comparison's id"}


def other_kind(kind: str, ident: str, fragment: str, known: Any) -> str:
    """The did-you-mean of a `kind:ident` link that names nothing of its kind while `ident` names a page of
    another ("compare:jpost-go-it-alone", an article: review 127, whose hint only said where comparisons are);
    "" when it names none. `known`: references.Names."""
    names = {"article": known.articles | known.unusable_articles, "entity": known.entities or frozenset(),
             "compare": known.comparisons | known.unusable_comparisons}
    other = next((o for o, ids in names.items() if o != kind and ident in ids), None)
    if other is None:
        return ""
    kept = f"#{fragment}" if fragment and (other == "article" or not fragment.startswith("a-")) else ""
    return (f'did you mean "{other}:{ident}{kept}"? ("{ident}" is {_WHAT[other]}, '  # (an annotation's place, #a-…,
            f"not {_WHAT.get(kind, 'a ' + kind)})")                                # is an article's: review 132)


def refused(target: str, at: Origin, what: str, known: Any) -> Problem:
    """A link target no page can have. One of our own kinds whose name is not an id ("entity:Ron Dermer",
    "compare:war_duration") is said to be so, with the id it was meant as when there is one."""
    kind, colon, ident = target.partition(":")
    name, _, fragment = ident.partition("#")
    if colon and kind in _KINDS and is_slug(name) and "#" in ident:
        return error(at.file, at.line, at.col, f'link "{target}": the part after # ("{fragment}") is not a place in '
                     "a page (letters, digits, hyphens and underscores)", "an annotation of an article is "
                     "#a-<its id> (article:<slug>#a-<id>)" if kind == "article" else "remove the # part", "links")
    if colon and kind in _KINDS and ident:
        names = getattr(known, _KINDS[kind]) or frozenset()
        meant = tag_page(unquote(name)) if kind == "tag" else slugify(name, "")
        from ..common.similar import closest  # (asked only of a link that names nothing: imported then)

        close = meant if meant in names else closest(meant, suggestible(names))  # (a slip only, not shared letters)
        shown = internal_form(kind, close, fragment)
        what_it_is = ("the name of a tag's page (tag: links name the page: lower-case letters, digits and "
                      "hyphens)") if kind == "tag" else "an id (ids are lower-case letters, digits and hyphens)"
        return error(at.file, at.line, at.col, f'link "{target}": "{name}" is not {what_it_is}',
                     f'did you mean "{shown}"?' if close and shown != target else
                     f"after {kind}: write {_id_of(kind, known)}", "links")
    if " " in target.strip() and not re.search(r"[\x00-\x1f\x7f]", target):  # (an address of http(s) too)
        return error(at.file, at.line, at.col, f'link target "{target}" is not allowed in {what}: it has a space',
                     "write each space in the address as %20: " + target.strip().replace(" ", "%20"), "links")
    return error(at.file, at.line, at.col, f'link target "{target}" is not allowed in {what}',
                 "use http(s), mailto, a site path such as /articles/<slug>/, or "
                 "article:, entity:, compare:, tag: links", "links")


# A path that does not start at the site's root ("../other-article/", "page.html"): no scheme, no "/", "#" or "?"
RELATIVE = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^/#?\s]")


def relative(target: str, slug: str | None, names_nothing: Callable[[str, str, str], Any]) -> tuple[str, str]:
    """(message, hint) for a relative link: the same text is shown on several pages (a note on its article's
    page, its tags' pages, the timeline and in the Markdown; a summary in the listings; an entity's in its
    hovercard on every article), from each of which it would lead somewhere else. The hint names where it leads
    from the page of the article `slug` (a note's): as the internal link to that page when it is one of
    something that exists (`names_nothing(kind, id, fragment)` false), else as a site path."""
    from urllib.parse import urljoin

    hint = "write article:, entity:, compare: or tag: links, or site paths such as /articles/<slug>/"
    if _HOST.match(target):  # (an address without its scheme: "en.wikipedia.org/wiki/x", review 135)
        return (f'"{target.split("/", 1)[0]}" is read as a folder of this site, not as a web address',
                f'did you mean "https://{target}"?')
    if slug is None:
        return _SAID, hint
    path = urljoin(f"/articles/{slug}/", target)
    meant = named_page(path)
    if meant and not names_nothing(*meant):
        path = internal_form(*meant)
    elif meant or not _SITE_PAGE.match(path):  # (no page is there: "../index.html" led to /articles/index.html)
        return _SAID, hint
    return _SAID, f'did you mean "{path}"? (where it leads from the article\'s page); {hint}'


# The site's own pages a relative link may lead to from an article's page, besides those an editor names: the home
# page and the top-level pages (Urls.page), with an anchor or not
_SITE_PAGE = re.compile(r"^/(?:(?:sources|entities|compare|passages|timeline|search|report)/)?(?:index\.html)?"
                        r"(?:#[^/]*)?$")


_SAID = "a relative link leads somewhere else from each page that shows this text"
# A web address written without "https://": a host name (www., or labels ending in a known top-level domain) first
_HOST = re.compile(r"^(?:www\.[\w-]+(?:\.[\w-]+)*|(?:[\w-]+\.)+(?:com|org|net|gov|edu|int|info|news|io|co|uk|de|fr|il|"
                   r"eu|us|ca|au|es|it|nl|ch|at|ru|in|jp|cn|br|be|se|no|dk|fi|pl|pt|gr|tr|ie|nz|za))(?:[/?#:]|$)", re.I)
