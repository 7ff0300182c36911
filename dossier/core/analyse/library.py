"""Analyse: the loaded Dossier turned, once, into the Library every page is made from.

`analyse` anchors every annotation (placements.place), renders each note and summary once, finds every entity
mention (entity_index.py), places and aligns every comparison witness (witnesses.py), and finds the passages
the articles share (shared_passages.py). Nothing after this stage anchors, matches or
re-derives: the plan (plan.py) and the views read the Library.
"""

from __future__ import annotations

from dataclasses import field, replace
from functools import partial
from typing import Any, Callable, Hashable, Mapping, Sequence

from .anchors import shown_score
from .cut_quotes import said_at_cuts
from .dropped_quotes import said_at_rules
from .elsewhere import said_where_found
from .swapped_seeds import said_at_swapped_seeds
from .earlier import Earlier
from .placements import Placed, place
from .entity_index import EntityIndex, index_entities
from ..common.direction import paragraph_direction
from ..common.errors import Problem
from ..text.markdown import md_html, render_note
from ..common.identity import SameObjects
from ..common.memo import by_difference, digest, made_from
from ..load.model import Article, Dossier
from ..common.shards import Each, Later, in_sequence
from .shared_passages import SharedPassage, passage_docs, passage_id, passages_in
from ..common.urls import Urls
from ..common.weights import row_weight
from .witnesses import ComparisonIndex, align, anchor_witnesses
from ..common.records import frozen


@frozen
class Anchored:
    """An article with every annotation placed (annotations that failed to anchor are left out), each placed
    annotation's note rendered to HTML (`notes_html`: id → HTML) and the article's summary as HTML."""

    article: Article
    placed: Mapping[str, Placed]   # annotation id → where
    notes_html: Mapping[str, str] = field(default_factory=dict)
    summary_html: str = ""
    # A digest of everything this value was made from (the article and the analysis settings: `anchor_all`'s
    # key), "" when unknown. Equal digests mean equal values, so a page's key may stand for the value with
    # its digest (keys.page_key) instead of writing out the whole article.
    digest: str = ""
    # For each placed annotation, in the article's order, a digest of what its listing row shows but the outlet's
    # name (article_pages: page.Row); () when unknown. Made with the analysis, which the cache keeps: a page key
    # writes it instead of the row, and only the rows of an edited annotation change.
    rows: tuple[str, ...] = field(default=(), compare=False, repr=False)


@frozen
class Library:
    """Everything the site shows, analysed once. Invariant: built by `analyse` from one Dossier; read-only
    (its mappings are never changed after `analyse` returns); `report` has one row per annotation, in
    article order; `problems` are the analysis's own (anchoring, entities, witnesses)."""

    dossier: Dossier
    urls: Urls
    articles: tuple[Anchored, ...]
    report: tuple[Mapping[str, Any], ...]
    report_weights: tuple[int, ...]   # each report row's estimated bytes on /report/ (weights.row_weight)
    entities: EntityIndex
    comparisons: ComparisonIndex
    passages: tuple[SharedPassage, ...]
    problems: tuple[Problem, ...]


def fuzzy_level(dossier: Dossier, strict: bool) -> str:
    """How serious a fuzzy anchor is: an error under --strict, else what site.yaml's checks say."""
    return "error" if strict else dossier.config.level("anchor-fuzzy", "warning")


def analyse_article(article: Article, fuzzy_floor: float, level: str, base: str
                    ) -> tuple[dict[str, Placed], tuple[Problem, ...], tuple[dict[str, Any], ...], dict[str, str], str,
                               tuple[str, ...], tuple[int, ...]]:
    """One article's analysis, a pure function of the article and three settings: where each annotation is
    (placed), problems, report rows, each placed note as HTML, the summary as HTML, the digest of each
    placed annotation's listing row (Anchored.rows) and each report row's weight (weights.row_weight)."""
    urls = Urls(base)
    placed: dict[str, Placed] = {}
    notes: dict[str, str] = {}
    problems: list[Problem] = []
    report = []
    earlier = Earlier(article.meta.origin.file, article.text.text, fuzzy_floor, base)
    for ann in article.meta.annotations:
        if not ann.quote:
            continue  # (its quote is wrong, which the loader reported: nothing to place)
        where, more, result = place(article, ann.quote, ann.prefix, ann.suffix, ann.origin,
                                    f'annotation "{ann.id}": quote', fuzzy_floor, level,
                                    earlier.anchor(ann.quote, ann.prefix, ann.suffix),
                                    (ann.prefix_origin, ann.suffix_origin))
        problems += more
        report.append({"article": article.slug, "id": ann.id, "status": result.status,
                       "score": shown_score(result.score), "file": ann.origin.file, "line": ann.origin.line,
                       "diff": result.diff})
        if where is not None:
            placed[ann.id] = where
            # A refused link target renders as plain text; references.py reports it, at its own line.
            notes[ann.id] = earlier.note(ann.note, partial(render_note, resolver=urls.resolve_note_link))
    earlier.keep()
    return placed, tuple(problems), tuple(report), notes, md_html(article.meta.summary, urls)[0], \
        _row_digests(article, placed, notes, base), tuple(row_weight(row) for row in report)


def _row_digests(article: Article, placed: Mapping[str, Placed], notes: Mapping[str, str], base: str
                 ) -> tuple[str, ...]:
    """Per placed annotation, in the article's order (as article_pages lists them), a digest of everything its
    listing row shows but the outlet's name: the article's slug, title, date and URL, the base path, the
    annotation's id, kind, verdict, speaker, date and tags, its quote and its paragraph's direction (the quote's
    `dir`, with the site's language: article_pages), its note's HTML and how it was placed."""
    meta, text = article.meta, article.text.text
    return tuple(made_from("annotation-row", (meta.slug, meta.title, meta.date, meta.url, base, ann.id, ann.kind,
                                              ann.verdict, ann.speaker, ann.date, ann.tags,
                                              text[placed[ann.id].start:placed[ann.id].end],
                                              paragraph_direction(text, placed[ann.id].start), notes[ann.id],
                                              placed[ann.id].status))
                 for ann in meta.annotations if ann.id in placed)


def _settings(dossier: Dossier, strict: bool) -> tuple[float, str, str]:
    """What `analyse_article` reads besides the article."""
    return dossier.config.fuzzy_floor, fuzzy_level(dossier, strict), dossier.config.base_path


def _analysis(settings: tuple[float, str, str]) -> tuple[Callable[[Article], Hashable], Callable[[Article], Any]]:
    """The "analyse" step: an article's key and its work (`analyse_article` under `settings`)."""
    def article_key(article: Article) -> Hashable:
        # What analyse_article reads: the whole Article (its file, text, seed lines, annotations), named by the
        # digests of what made it when known (else itself: it keeps its hash, hashonce.py), and the settings.
        return article.made or article, settings

    def analysed(article: Article) -> tuple[Any, ...]:
        # (with the digest of its key, which names the result: kept with it, so a reuse does not pickle the key)
        return (*analyse_article(article, *settings), made_from("analyse", article_key(article)))

    return article_key, analysed


def analyse_one(article: Article, dossier: Dossier, strict: bool, each: Each) -> tuple[Anchored, tuple[Problem, ...]]:
    """What `anchor_all` makes of one article of `dossier` (and its problems), through `each` under the same
    key: the build that follows finds it there (the live preview's pages of a saved article, execute/ahead.py)."""
    article_key, analysed = _analysis(_settings(dossier, strict))
    placed, problems, _, notes, summary, rows, _, made = each("analyse", analysed, article_key, [article])[0]
    return Anchored(article, dict(placed), dict(notes), summary, made, rows), problems


def anchor_all(dossier: Dossier, strict: bool, each: Each = in_sequence
               ) -> tuple[tuple[Anchored, ...], list[Problem], list[dict[str, Any]], list[int]]:
    """`analyse_article` for every article, through `each`. Also returns one report row per annotation, and
    each row's weight."""
    settings = _settings(dossier, strict)
    articles = list(dossier.articles)
    article_key, analysed = _analysis(settings)
    # (by difference in the live preview: an article that is the same object keeps its analysis without a key)
    results = by_difference(each, "analyse", analysed, article_key, articles, [a.meta.origin.file for a in articles],
                            [settings] * len(articles))
    problems: list[Problem] = []
    report: list[dict[str, Any]] = []
    weights: list[int] = []
    out = []
    _MADE.new_build()
    for article, result in zip(articles, results):
        placed, more, rows, notes, summary, listed, weighed, made = result
        problems += more
        report += rows  # (the memo's own rows: no one changes a report row, Library)
        weights += weighed
        out.append(_MADE.get(article.meta.origin.file, (result,), lambda: Anchored(
            article, dict(placed), dict(notes), summary, made, listed)))
    return tuple(out), problems, report, weights


# The analysed article made of each result of the "analyse" step, while the result is the same object: the live
# preview's memo hands the very same result back for an unchanged article, which then stays the same Anchored
# value (its key's digest is not computed again, and what is kept by identity further on holds: the article's
# page key).
_MADE: SameObjects[Anchored] = SameObjects()


def passages_later(articles: Sequence[Article], each: Each = in_sequence, later: Later | None = None,
                   unpublished: Mapping[str, str] | None = None) -> Callable[[], tuple[SharedPassage, ...]]:
    """The passages the articles share, one search of all texts through `each` (the live preview's memo keeps
    them while no article text changes: an edit to a note or a comparison does not search again), or begun
    through `later`, so that the search runs while the rest of the analysis does. Returns a function that
    gives them. `unpublished` (--suggest's): texts of seeds without an article file, searched too (shared_passages);
    without them the search is the build's, and the cache's entry for it is the build's."""
    docs = passage_docs(articles, unpublished)
    # each text named by the digest of what made it (CleanText.made) when known, else by its own digest
    made = {article.slug: article.text.made for article in articles}

    def key(d: Any) -> Hashable:
        return tuple((doc, made.get(doc) or digest(text)) for doc, text in d)

    work = _named_passages
    if later is None:
        found = each("passages", work, key, [docs])[0]
        return lambda: found
    pending = later("passages", work, key, [docs])
    return lambda: pending()[0]


def _named_passages(docs: tuple[tuple[str, str], ...]) -> tuple[SharedPassage, ...]:
    """`passages_in(docs)`, each passage given a digest of what it is (its text, occurrences and words): its name
    in the pages' keys (execute/keys.py), where pickling 10,800 passages took 0.15 s of every build at 5,000
    articles; made here, once a search, and kept with the passages. A passage that an edit of one text leaves as
    it was keeps its name, and the pages that show it their keys: named by the search that found them (every text's
    digest and their place), every passage had a new name at every edit of a seed, and /passages/ was rendered
    again whole (126 pages, 3 s of a 1,000-article rebuild). And its id (its page's address), made once too."""
    return tuple(replace(p, digest=made_from("passage", (p.text, p.occurrences, p.words)), ident=passage_id(p.text))
                 for p in passages_in(docs))


def analyse(dossier: Dossier, strict: bool = False, each: Each = in_sequence, later: Later | None = None,
            raw: Mapping[str, str] | None = None) -> Library:
    """The Library of `dossier`. Pure: `each` (in shards, or through a cache) and `later` (optional: steps
    begun now, their results asked for later) change how fast, never what. `raw` (optional): each seed's text as
    decoded (loader.RawSeeds), to tell the quotes a strip rule of site.yaml cut into (cut_quotes.py)."""
    urls = Urls(dossier.config.base_path)
    passages_found = passages_later(dossier.articles, each, later)  # (begun first: it needs only the texts)
    anchored, problems, report, weights = anchor_all(dossier, strict, each)
    found = anchor_witnesses(dossier, each)
    entities = index_entities(dossier, anchored, urls, each, found)
    comparisons = align(dossier, urls, fuzzy_level(dossier, strict), found, each)
    # (the quotes one import rule leaves out, said once at the rule: dropped_quotes.py, or cuts words out of:
    # cut_quotes.py; a quote not found in its article that another article's text has: elsewhere.py, unless the
    # article's seed is that article's, swapped: swapped_seeds.py)
    found_problems = said_where_found(said_at_swapped_seeds(
        [*problems, *entities.problems, *comparisons.problems], dossier), dossier)
    found_problems = found_problems if raw is None else said_at_cuts(found_problems, dossier, raw)
    return Library(dossier, urls, anchored, tuple(report), tuple(weights), entities, comparisons, passages_found(),
                   tuple(said_at_rules(found_problems, dossier.config)))
