"""From an article to the passages it shares: the short list an article page shows of them (review 141), and the
addresses of the passages.

Each passage that two or more articles share has a page of its own, /passages/<id>/, named by its words (`ids`):
an article added or removed leaves the address of every passage it does not hold as it was, and so the pages that
link to it. /passages/ lists them all, longest first, each linked to its page. An article page lists the ones it
holds, each linked to its page and to its place in the article's own text (a text fragment, the one the passage's
page links it by). A wire copy shares many: the page lists the first SHOWN, longest first, and says how many more
there are and which is the next.

An article page's input holds only what its list shows (`Here`: a few numbers and names per passage), gathered
for every article in one pass over the passages (`index`), never the passages themselves: an edit that leaves
those values as they were (a note reworded, another article's passages renumbered) leaves the page's key, and so
its bytes, as they were (page.keyed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import page_spans, paginate, passage_views
from .interface import quote_dir
from .passage_views import moved_inserts, text_fragment
from ..analyse.shared_passages import SharedPassage, passage_id
from ..common.identity import SameObjects
from ..common.memo import made_from
from ..common.shards import Each, one
from ..common.records import frozen
from ..load.model import Article
from ..common.urls import Urls
from ..text.markdown import plain_text
from .views import first_words

# Most passages one article page lists: the 1,000-article generated dossier's articles share 5 to 20 (median
# 10), each item ~0.45 KB of a ~24 KB page (8 of them made the pages 17% larger). The rest are named by their
# count and the next one's link.
SHOWN = 5
# Most outlets named for one passage ("Capital Ledger, Harbor Times, Plains Courier and 9 more outlets").
OUTLETS_SHOWN = 3
# The passages /passages/ lists on a page: an item is a line of ~250 bytes (its first words, its words and
# articles counted), so 200 make ~50 KB; the 2,487 passages of 1,000 generated articles make 13 pages.
LISTED_PER_PAGE = 200
LISTED_BYTES = 250


def ids(passages: Sequence[SharedPassage]) -> tuple[str, ...]:
    """Each passage's id (shared_passages.passage_id), in listing order; where two come out the same, the later
    ones are told apart by "-2", "-3", … in that order. (Hex digits: no id is "page", the folder /passages/ goes
    on in: paginate.NUMBERED.)"""
    seen: dict[str, int] = {}
    out = []
    for passage in passages:
        made = passage.ident or passage_id(passage.text)  # (made with the search: library._named_passages)
        seen[made] = seen.get(made, 0) + 1
        out.append(made if seen[made] == 1 else f"{made}-{seen[made]}")
    return tuple(out)


@frozen
class Shared:
    """One passage as an article page lists it: the URL of its page, where the article has it (its first place
    there: start, end), its length in words, how many other articles have it, and the names of their outlets (the
    first OUTLETS_SHOWN, sorted) with how many more there are."""

    url: str
    start: int
    end: int
    words: int
    others: int
    outlets: tuple[str, ...]
    more_outlets: int


@frozen
class Here:
    """The passages an article shares, as its page lists them: the first SHOWN (`shown`) of its `total`, and,
    when some are left out, the URL of the first of those and where the article has it (`next_url`,
    `next_start`, `next_end`: the page names it by its first words there)."""

    shown: tuple[Shared, ...]
    total: int
    next_url: str = ""
    next_start: int = 0
    next_end: int = 0


@frozen
class Listing:
    """Where the passages are shown: each one's id (`ids`, in listing order), the pages of /passages/ that list
    them (`parts`, over the passages), and each one's own pages (`pages[n]`, over its occurrences: one but for a
    passage found in very many places)."""

    ids: tuple[str, ...]
    parts: tuple[paginate.Slice, ...]
    pages: tuple[tuple[paginate.Slice, ...], ...]


# The listing of the last passages asked for, while they are the very same objects (identity.py): the article
# pages and the passages' pages each ask for it in every build (0.1 s each at 5,000 articles)
_LISTED: SameObjects[Listing] = SameObjects()


def listing(passages: Sequence[SharedPassage], each: Each | None = None) -> Listing:
    """Where the passages are shown (Listing): the passages' pages are planned from it, and an article page links
    to them by it. (The same object is handed to every caller while the passages are the same.) `each` (the
    build's): the listing is kept through it, named by the passages' digests (`made_of`): the command line's cache
    reads it back while no passage changed (0.085 s of every build at 5,000 articles)."""
    _LISTED.new_build()  # (what the call before did not use is dropped: two listings at most are kept)
    return _LISTED.get("listing", (passages,), lambda: one(each, "passage-listing", _listing, passages, made_of(
        passages, passage_views.OCCURRENCES_PER_PIECE, LISTED_PER_PAGE, LISTED_BYTES)))


def made_of(passages: Sequence[SharedPassage], *settings: Any) -> str | None:
    """A digest of the passages (each one's `digest`: its text, places and words) and of `settings`, or None when a
    passage's digest is unknown."""
    if not all(p.digest for p in passages):
        return None
    return made_from("passages", ("\0".join(p.digest for p in passages), settings))


def _listing(passages: Sequence[SharedPassage]) -> Listing:
    named = ids(passages)
    parts = paginate.slices("passages/", "Shared passages", [LISTED_BYTES] * len(passages), LISTED_PER_PAGE,
                            describe=page_spans.numbered("Passages"))
    return Listing(named, tuple(parts), tuple(own_pages(p, i) for p, i in zip(passages, named)))


def own_pages(passage: SharedPassage, ident: str) -> tuple[paginate.Slice, ...]:
    """A passage's own pages over its occurrences: /passages/<id>/, and for a passage found in more places than one
    page lists (OCCURRENCES_PER_PIECE), /passages/<id>/2/, /3/, …; the first page also carries its text and side
    by side."""
    count, per = len(passage.occurrences), passage_views.OCCURRENCES_PER_PIECE  # (read when called: tests set it)
    ranges = [range(lo, min(lo + per, count)) for lo in range(0, max(count, 1), per)]
    spans = tuple(page_spans.numbered("Places")(ranges)) if len(ranges) > 1 else ()
    return tuple(paginate.Slice(f"passages/{ident}/", page_title(passage), n, len(ranges), r, spans)
                 for n, r in enumerate(ranges, start=1))


def page_title(passage: SharedPassage) -> str:
    """A passage's page's title: "Shared passage: “its first words…”"."""
    return f"Shared passage: “{first_words(passage.text)}”"


def passage_urls(urls: Urls, listed: Listing) -> list[str]:
    """Each passage's URL (its page's), in listing order."""
    return [urls.link(f"passages/{ident}/index.html") for ident in listed.ids]


def index(passages: Sequence[SharedPassage], urls: Sequence[str], outlets: Mapping[str, str]) -> dict[str, Here]:
    """Per article slug that holds a passage, what its page lists of those it holds (Here). `urls`: each
    passage's (`passage_urls`); `outlets`: each article's outlet's name, by slug."""
    held: dict[str, list[int]] = {}
    firsts: list[dict[str, Any]] = []  # per passage, each article's first occurrence in it, in order
    for n, passage in enumerate(passages):
        first: dict[str, Any] = {}
        for o in passage.occurrences:
            first.setdefault(o.doc, o)
        firsts.append(first)
        for slug in first:
            held.setdefault(slug, []).append(n)
    names: dict[int, _Outlets] = {}  # per passage listed anywhere, its articles' outlets
    out = {}
    for slug, numbers in held.items():
        shown = tuple(_shared(passages[n], n, slug, urls[n], outlets, names, firsts[n]) for n in numbers[:SHOWN])
        rest = numbers[SHOWN:]
        after = firsts[rest[0]][slug] if rest else None
        out[slug] = Here(shown, len(numbers), urls[rest[0]] if rest else "", after.start if after else 0,
                         after.end if after else 0)
    return out


# A passage's articles' outlets: how many of its articles each has, their names sorted, how many articles in all
_Outlets = tuple[dict[str, int], list[str], int]


def _outlets(first: Mapping[str, Any], outlets: Mapping[str, str]) -> _Outlets:
    counts: dict[str, int] = {}
    for doc in first:
        name = outlets.get(doc, "")
        counts[name] = counts.get(name, 0) + 1
    return counts, sorted(counts), len(first)


def _shared(passage: SharedPassage, n: int, slug: str, url: str, outlets: Mapping[str, str],
            names: dict[int, _Outlets], first: Mapping[str, Any]) -> Shared:
    """The passage at `n` in the listing as the page of `slug` lists it (see `index`; `names` keeps each passage's
    outlets, made once for all the articles that list it, and `first` each article's first occurrence in the
    passage, made once too: finding it again for each article that lists a wire passage was quadratic, and so was
    sorting its outlets' names again for each, 0.27 s of a build at 5,000 articles). The other outlets are all but
    the article's own, unless another of its articles has the passage too."""
    if n not in names:
        names[n] = _outlets(first, outlets)
    counts, ordered, articles = names[n]
    own = outlets.get(slug, "")
    others = [name for name in ordered[:OUTLETS_SHOWN + 1] if name != own] if counts[own] == 1 else ordered
    count = len(ordered) - (counts[own] == 1)
    at = first[slug]
    return Shared(url, at.start, at.end, passage.words, articles - 1, tuple(others[:OUTLETS_SHOWN]),
                  count - min(count, OUTLETS_SHOWN))


def inserts(text: str, ends: Iterable[int], mentions: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Where the article page adds words of its own (passage_views.Doc.inserts): after each placed annotation
    and witness (`ends`), or after the entity's mention such an end falls in (`mentions`)."""
    ends = tuple(ends)
    moved = dict(moved_inserts(text, ends, mentions))
    return frozenset(moved.get(end, end) for end in ends)


def shown_before(article: Article) -> str:
    """The words the article page shows before the article's text (templates/article.html's header: the wire,
    the headline unless the text begins with it, the date, byline and date note, the standfirst), which a
    browser searches a text fragment's start term in first: a wire lede often repeats the headline, and its link
    opened the page at the top (review 181). The standfirst as the page shows it, its Markdown rendered: "The
    [finance minister said](https://…)" or "**bold**" hid its words from the check, and the link opened the
    standfirst (review 188); the other fields are shown as written. (Not the outlet's name: the two pages that
    link a place name an unknown outlet differently, and both must make the same link; nor the site's header, a
    few words; a link the page refuses to make shows its target too, which no term is likely to match.)"""
    meta, paragraphs = article.meta, article.text.paragraphs
    headline = bool(paragraphs) and paragraphs[0].text == meta.title   # (views.article_source: the h1 is in the text)
    return "\n\n".join(x for x in (meta.wire, "" if headline else meta.title, meta.date, meta.byline, meta.date_note,
                                    plain_text(meta.summary) if meta.summary else "") if x)


def badge_words(moves: Iterable[tuple[int, int]], badges: Iterable[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """(where, words) of the words a badge adds to the article page: its comparison's title, after the witness's
    end (`badges`: (end, title)), or after the mention the end is in (`moves`: passage_views.moved_inserts)."""
    moved = dict(moves)
    return tuple(sorted((moved.get(end, end), " ".join(title.split())) for end, title in badges))


def view(here: Here | None, text: str, added: frozenset[int], lang: str, language: str, listing_url: str,
         shown: str = "", words: tuple[tuple[int, str], ...] = ()) -> dict[str, Any] | None:
    """What templates/article.html shows of the article's shared passages, or None when it shares none. `text`:
    the article's; `added`: where its page adds words (`inserts`); `lang`: the article's marks of its language
    (interface.article_marks); `language`: the site's; `listing_url`: /passages/'s; `shown`, `words`: the words
    its page shows before the text and those its badges add (`shown_before`, `badge_words`)."""
    if here is None or not here.shown:
        return None
    items = [{"url": s.url, "words": s.words, "others": s.others, "others_label": f"{s.others:,}",
              "first_words": first_words(text[s.start:s.end]), "lang": lang,
              "dir": quote_dir(text, s.start, language),
              "place_url": text_fragment(text, s.start, s.end, added, shown, words),
              "outlets": list(s.outlets), "more_outlets": s.more_outlets}
             for s in here.shown]
    return {"passages": items, "total": here.total, "total_label": f"{here.total:,}",
            "more": here.total - len(here.shown), "next_url": here.next_url,
            "next_words": first_words(text[here.next_start:here.next_end]) if here.next_url else "",
            "next_dir": quote_dir(text, here.next_start, language) if here.next_url else "", "next_lang": lang,
            "listing_url": listing_url}
