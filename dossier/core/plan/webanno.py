"""W3C Web Annotation export: an AnnotationPage per article, an AnnotationCollection for the dossier."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from ..common.jsonout import dump_bytes
from ..load.config import SiteConfig
from ..load.model import Dossier
from ..common.urls import Urls
from ..text.markdown import note_as_data
from .interface import APPROXIMATE

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32  # prefix/suffix length in TextQuoteSelectors, as annotation clients use


def _dump(data: Any) -> bytes:
    return dump_bytes(data, levels=3)  # one annotation per line


def _iri(config: SiteConfig, url: str) -> str:
    return config.origin + url


def quote_context(text: str, start: int, end: int, once: bool = False) -> dict[str, str]:
    """The prefix and suffix of a TextQuoteSelector for text[start:end]: CONTEXT_CHARS each, more (doubled until
    they do) where that would still select another place of the same words as well: a client selects every place
    that matches exact, prefix and suffix (W3C Web Annotation, 4.2.4), and 32 characters of two sentences alike
    took in both (review 67). `once`: the words are known to be there once (anchored "exact"): not searched for
    again (a whole text read for every annotation, review 70)."""
    if once:
        return {"prefix": text[max(0, start - CONTEXT_CHARS):start], "suffix": text[end:end + CONTEXT_CHARS]}
    return quote_contexts(text, [(start, end)])[(start, end)]


def quote_contexts(text: str, spans: Iterable[tuple[int, int]]) -> dict[tuple[int, int], dict[str, str]]:
    """quote_context(text, start, end) of each of `spans`, found together: the places of each span's words are
    found once, and at each size the context of every place is compared with those alike at the size before
    (a dictionary of them), not each annotation's with every other place (2,000 annotations of one repeated
    sentence compared 4 million pairs: 2-3 s of such a build's 5). Another place is selected by a context exactly
    when prefix + words + suffix occur there too, so that is what is compared."""
    by_words: dict[str, list[tuple[int, int]]] = {}
    for start, end in sorted(set(spans)):
        by_words.setdefault(text[start:end], []).append((start, end))
    out: dict[tuple[int, int], dict[str, str]] = {}
    for words, group in by_words.items():
        out.update(_contexts(text, words, group))
    return out


def _contexts(text: str, words: str, group: list[tuple[int, int]]) -> dict[tuple[int, int], dict[str, str]]:
    """quote_context of each span of `group`, all of them `words`. `alike`: the places whose contexts of the last
    size were the same, with the spans among them still waiting (two places alike at a size were alike at the
    size before); `edge`: the waiting spans whose context an end of the text cuts, looked for in the text."""
    size, n, out = CONTEXT_CHARS, len(words), {}
    alike: list[tuple[list[int], list[tuple[int, int]]]] = [(_places(text, words), group)] if words else []
    edge = [] if words else group
    while alike or edge:
        more_alike = []
        for places, waiting in alike:
            windows: dict[str, list[int]] = {}
            for at in places:
                if at >= size and at + n + size <= len(text):
                    windows.setdefault(text[at - size:at + n + size], []).append(at)
            going_on: dict[str, list[tuple[int, int]]] = {}
            for start, end in waiting:
                if start < size or end + size > len(text):
                    edge.append((start, end))  # (and from now on: the sizes only grow)
                elif len(windows[window := text[start - size:end + size]]) == 1:
                    out[(start, end)] = {"prefix": text[start - size:start], "suffix": text[end:end + size]}
                else:
                    going_on.setdefault(window, []).append((start, end))
            more_alike += [(windows[window], spans) for window, spans in going_on.items()]
        still = []
        for start, end in edge:
            prefix, suffix = text[max(0, start - size):start], text[end:end + size]
            if not words or _once(text, prefix + words + suffix, start - len(prefix)) or \
                    (size >= start and size >= len(text) - end):  # (the whole text around it: none is the same)
                out[(start, end)] = {"prefix": prefix, "suffix": suffix}
            else:
                still.append((start, end))
        alike, edge, size = more_alike, still, size * 2
    return out


def _places(text: str, words: str) -> list[int]:
    """Where `words` (not empty) occur in `text`, overlapping places included."""
    places, at = [], text.find(words)
    while at != -1:
        places.append(at)
        at = text.find(words, at + 1)
    return places


def _once(text: str, window: str, at: int) -> bool:
    """Whether `window`, which is text[at:at + len(window)], occurs nowhere else in `text`."""
    return text.find(window) == at and text.find(window, at + 1) == -1


def annotations_of(config: SiteConfig, item: Any, urls: Urls) -> list[dict[str, Any]]:
    article = item.article
    meta = article.meta
    text = article.text.text
    # (the article page, which the selectors select in; with its words' language where the article's file gives
    # one: `language` is a property of a resource, here the Specific Resource's source, W3C Web Annotation 3.2.1
    # and 4; no selector has one. The notes' language is the site's, on their bodies.)
    source: str | dict[str, str] = _iri(config, urls.article(meta.slug))
    if meta.language:
        source = {"id": source, "language": meta.language}
    # (the contexts of the places not anchored "exact" found together, not each searched for alone)
    contexts = quote_contexts(text, [(w.start, w.end) for w in item.placed.values() if w.status != "exact"])
    out = []
    for ann in meta.annotations:
        where = item.placed.get(ann.id)
        if where is None:
            continue
        bodies: list[dict[str, Any]] = []
        if ann.note:
            bodies.append({"type": "TextualBody",
                           "value": note_as_data(ann.note, urls.resolve_note_link, config.origin),
                           "format": "text/markdown",
                           "language": config.language, "purpose": "commenting"})
        bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
        bodies += [{"type": "SpecificResource", "source": _iri(config, urls.entity(e)), "purpose": "identifying"}
                   for e in ann.entities]
        if where.status == "fuzzy":  # (the selector's words are the text's, which are not the editors' quote)
            bodies.append({"type": "TextualBody", "value": APPROXIMATE, "format": "text/plain", "language": "en",
                           "purpose": "describing"})
        # (an annotation with no note, tag or entity only marks the words: W3C's "highlighting", with no body but
        # the describing one of an approximate match)
        motivation = "commenting" if ann.note else "identifying" if ann.entities else "tagging" if ann.tags \
            else "highlighting"
        out.append({
            "id": _iri(config, urls.annotation(meta.slug, ann.id)),
            "type": "Annotation",
            "motivation": motivation,
            **({"body": bodies} if bodies else {}),
            "target": {
                "source": source,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": text[where.start:where.end],
                     **(quote_context(text, where.start, where.end, once=True) if where.status == "exact"
                        else contexts[(where.start, where.end)])},
                    {"type": "TextPositionSelector", "start": where.start, "end": where.end},
                ],
            },
        })
    return out


def page_json(config: SiteConfig, item: Any, urls: Urls, order: Sequence[str], index: int, start: int = 0) -> bytes:
    """The AnnotationPage of `item`, which is `order[index]` (pages link to their neighbours in `order`);
    `start`: how many annotations the pages before it hold (its first one's place in the collection)."""
    slug = item.article.slug
    items = annotations_of(config, item, urls)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _iri(config, urls.article(slug) + "annotations.jsonld"),
        "type": "AnnotationPage",
        "partOf": _iri(config, urls.base + "annotations.jsonld"),
        "startIndex": start,
        "items": items,
    }
    if index + 1 < len(order):
        data["next"] = _iri(config, urls.article(order[index + 1]) + "annotations.jsonld")
    if index > 0:
        data["prev"] = _iri(config, urls.article(order[index - 1]) + "annotations.jsonld")
    return _dump(data)


def collection_json(dossier: Dossier, anchored: Sequence[Any], urls: Urls) -> bytes:
    pages = [_iri(dossier.config, urls.article(a.article.slug) + "annotations.jsonld") for a in anchored if a.placed]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _iri(dossier.config, urls.base + "annotations.jsonld"),
        "type": "AnnotationCollection",
        "label": dossier.config.title,
        "total": sum(len(a.placed) for a in anchored),
    }
    if pages:
        data["first"] = pages[0]
        data["last"] = pages[-1]
    return _dump(data)
