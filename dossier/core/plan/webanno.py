"""W3C Web Annotation export: an AnnotationPage per article, an AnnotationCollection for the dossier."""

from __future__ import annotations

from typing import Any, Sequence

from ..common.jsonout import dump_bytes
from ..load.config import SiteConfig
from ..load.model import Dossier
from ..common.urls import Urls
from ..text.markdown import resolve_links_for_export

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
    exact, size = text[start:end], CONTEXT_CHARS
    if once:
        return {"prefix": text[max(0, start - size):start], "suffix": text[end:end + size]}
    others = []
    at = text.find(exact)
    while at != -1 and exact:
        if at != start:
            others.append(at)
        at = text.find(exact, at + 1)
    while True:
        prefix, suffix = text[max(0, start - size):start], text[end:end + size]
        if not any(at >= len(prefix) and text.startswith(prefix, at - len(prefix))
                   and text.startswith(suffix, at + len(exact)) for at in others):
            return {"prefix": prefix, "suffix": suffix}
        if size >= start and size >= len(text) - end:
            return {"prefix": prefix, "suffix": suffix}  # (the whole text around it: no other place is the same)
        size *= 2


def annotations_of(config: SiteConfig, item: Any, urls: Urls) -> list[dict[str, Any]]:
    article = item.article
    meta = article.meta
    text = article.text.text
    source_iri = _iri(config, urls.article(meta.slug))
    out = []
    for ann in meta.annotations:
        where = item.placed.get(ann.id)
        if where is None:
            continue
        bodies: list[dict[str, Any]] = []
        if ann.note:
            bodies.append({"type": "TextualBody",
                           "value": resolve_links_for_export(ann.note, urls.resolve_note_link, config.origin),
                           "format": "text/markdown",
                           "language": config.language, "purpose": "commenting"})
        bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
        bodies += [{"type": "SpecificResource", "source": _iri(config, urls.entity(e)), "purpose": "identifying"}
                   for e in ann.entities]
        # (an annotation with no note, tag or entity only marks the words: W3C's "highlighting", with no body)
        motivation = "commenting" if ann.note else "identifying" if ann.entities else "tagging" if ann.tags \
            else "highlighting"
        out.append({
            "id": _iri(config, urls.annotation(meta.slug, ann.id)),
            "type": "Annotation",
            "motivation": motivation,
            **({"body": bodies} if bodies else {}),
            "target": {
                "source": source_iri,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": text[where.start:where.end],
                     **quote_context(text, where.start, where.end, where.status == "exact")},
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
