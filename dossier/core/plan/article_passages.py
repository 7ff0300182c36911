"""From an article to the passages it shares: the short list an article page shows of them (review 141).

/passages/ lists every passage that two or more articles share; an article page lists the ones it holds, each
linked to the passage on /passages/ (the page of the listing that holds it, as compare_pages cuts the listing
into pages, and its `#p-<n>`) and to its place in the article's own text (a text fragment, the one /passages/
links it by). A wire copy shares many: the page lists the first SHOWN, longest first as /passages/ lists them,
and says how many more there are and where the next one is.

An article page's input holds only what its list shows (`Here`: a few numbers and names per passage), gathered
for every article in one pass over the passages (`index`), never the passages themselves: an edit that leaves
those values as they were (a note reworded) leaves the page's key, and so its bytes, as they were (page.keyed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import page_spans, paginate
from .interface import quote_dir
from .passage_views import Piece, moved_inserts, piece_weight, pieces, text_fragment
from ..analyse.shared_passages import SharedPassage
from ..common.identity import SameObjects
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


@frozen
class Shared:
    """One passage as an article page lists it: its number on /passages/ and the URL of its place there, where
    the article has it (its first place there: start, end), its length in words, how many other articles have
    it, and the names of their outlets (the first OUTLETS_SHOWN, sorted) with how many more there are."""

    number: int
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
    when some are left out, the number and URL on /passages/ of the first of those (`next_number`, `next_url`)."""

    shown: tuple[Shared, ...]
    total: int
    next_number: int = 0
    next_url: str = ""


# The listing of the last passages asked for, while they are the very same objects (identity.py): the article
# pages and /passages/ each ask for it in every build (0.1 s each at 5,000 articles)
_LISTED: SameObjects[tuple[tuple[Piece, ...], tuple[paginate.Slice, ...]]] = SameObjects()


def listing(passages: Sequence[SharedPassage]) -> tuple[tuple[Piece, ...], tuple[paginate.Slice, ...]]:
    """The items of /passages/ (pieces of passages, passage_views.pieces) and its pages: compare_pages plans the
    listing from these, and an article page links into it by them, so each link is to the page that holds it.
    (Tuples: the same are handed to every caller while the passages are the same.)"""
    _LISTED.new_build()  # (what the call before did not use is dropped: two listings at most are kept)
    return _LISTED.get("listing", (passages,), lambda: _listing(passages))


def _listing(passages: Sequence[SharedPassage]) -> tuple[tuple[Piece, ...], tuple[paginate.Slice, ...]]:
    items = tuple(pieces([len(p.occurrences) for p in passages]))
    return items, tuple(paginate.slices("passages/", "Shared passages",
                                        [piece_weight(passages[x.passage], x) for x in items],
                                        paginate.PASSAGES_PER_PAGE,
                                        describe=page_spans.numbered("Passages", [x.passage + 1 for x in items])))


def passage_urls(urls: Urls, items: Sequence[Piece], parts: Sequence[paginate.Slice]) -> list[str]:
    """Each passage's URL, in listing order: the page that holds its first piece (its id), then `#p-<n>`."""
    return [f"{urls.link(part.path)}#p-{items[i].passage + 1}"
            for part in parts for i in part.items if not items[i].continued]


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
        out[slug] = Here(shown, len(numbers), rest[0] + 1 if rest else 0, urls[rest[0]] if rest else "")
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
    """Passage number n + 1 as the page of `slug` lists it (see `index`; `names` keeps each passage's outlets,
    made once for all the articles that list it, and `first` each article's first occurrence in the passage,
    made once too: finding it again for each article that lists a wire passage was quadratic, and so was
    sorting its outlets' names again for each, 0.27 s of a build at 5,000 articles). The other outlets are
    all but the article's own, unless another of its articles has the passage too."""
    if n not in names:
        names[n] = _outlets(first, outlets)
    counts, ordered, articles = names[n]
    own = outlets.get(slug, "")
    others = [name for name in ordered[:OUTLETS_SHOWN + 1] if name != own] if counts[own] == 1 else ordered
    count = len(ordered) - (counts[own] == 1)
    at = first[slug]
    return Shared(n + 1, url, at.start, at.end, passage.words, articles - 1, tuple(others[:OUTLETS_SHOWN]),
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
    items = [{"number": s.number, "url": s.url, "words": s.words, "others": s.others, "others_label": f"{s.others:,}",
              "first_words": first_words(text[s.start:s.end]), "lang": lang,
              "dir": quote_dir(text, s.start, language),
              "place_url": text_fragment(text, s.start, s.end, added, shown, words),
              "outlets": list(s.outlets), "more_outlets": s.more_outlets}
             for s in here.shown]
    return {"passages": items, "total": here.total, "total_label": f"{here.total:,}",
            "more": here.total - len(here.shown),
            "next_number": here.next_number, "next_url": here.next_url, "listing_url": listing_url}
