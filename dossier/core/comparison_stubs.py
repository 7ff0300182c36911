"""Paste-ready comparison stubs for shared passages that no comparison covers yet (`build.py --suggest`).

A passage is covered when one comparison has witnesses on it in at least two of the articles that share
it: the editors have already set those renderings side by side. Every other passage becomes a stub of
content/comparisons/<id>.yaml whose witnesses are the passage's occurrences, quoted exactly, with a prefix
where the words occur more than once in an article, so that the stub anchors as it is pasted.
Pure: the same inputs give the same text.
"""

from __future__ import annotations

import json
from functools import lru_cache
from collections.abc import Iterable, Sequence

from .anchoring import anchor_quote
from .model import Article, Comparison
from .passages import SharedPassage, find_shared_passages
from .slugs import slugify

# The parameters of shared-passage detection for the whole site: /passages/ and --suggest agree.
SHINGLE_WORDS = 5
MIN_PASSAGE_WORDS = 8
_ID_WORDS = 6


def shared_passages(articles: Iterable[Article]) -> tuple[SharedPassage, ...]:
    """Passages shared by two or more of the articles (doc ids are article slugs)."""
    return _shared_passages(tuple((a.slug, a.text.text) for a in articles))


# The passages depend on the article texts only: a rebuild in the same process (the live preview) after an
# edit that changes no text, an annotation or a comparison, reuses them instead of searching again.
@lru_cache(maxsize=1)
def _shared_passages(docs: tuple[tuple[str, str], ...]) -> tuple[SharedPassage, ...]:
    return find_shared_passages(dict(docs), shingle=SHINGLE_WORDS, min_words=MIN_PASSAGE_WORDS)


def _witness_spans(comparisons: Sequence[Comparison], texts: dict[str, str]) -> dict[str, list[tuple[str, int, int]]]:
    """Article slug → (comparison id, start, end) of each witness in it that anchors, in comparison order."""
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for c in comparisons:
        for w in c.witnesses:
            if w.article not in texts:
                continue
            r = anchor_quote(texts[w.article], w.quote, w.prefix, w.suffix)
            if r.start is not None and r.end is not None and r.status in ("exact", "disambiguated", "fuzzy"):
                spans.setdefault(w.article, []).append((c.id, r.start, r.end))
    return spans


def covered(passage: SharedPassage, spans: dict[str, list[tuple[str, int, int]]]) -> bool:
    """Whether one comparison has witnesses overlapping the passage in two or more of its articles.

    spans: article slug → (comparison id, start, end) of its witnesses (see _witness_spans), so the work is
    the passage's occurrences times the witnesses in their own articles, not times every witness."""
    docs: dict[str, set[str]] = {}
    for o in passage.occurrences:
        for cid, s, e in spans.get(o.doc, ()):
            if s < o.end and o.start < e:
                docs.setdefault(cid, set()).add(o.doc)
    return any(len(d) >= 2 for d in docs.values())


def _yaml(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _stub_id(passage: SharedPassage, taken: set[str]) -> str:
    words = slugify(passage.text, "passage").split("-")[:_ID_WORDS]
    base = "-".join(words)
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def comparison_stubs(passages: Sequence[SharedPassage], comparisons: Sequence[Comparison],
                     articles: Sequence[Article]) -> str:
    """YAML stubs, one per uncovered passage, each headed by the file it belongs in; "" when none."""
    texts = {a.slug: a.text.text for a in articles}
    order = {a.slug: (a.meta.date, a.slug) for a in articles}
    spans = _witness_spans(comparisons, texts)
    taken = {c.id for c in comparisons}
    out: list[str] = []
    for passage in passages:
        if covered(passage, spans) or any(o.doc not in texts for o in passage.occurrences):
            continue
        first: dict[str, tuple[int, int]] = {}
        for o in passage.occurrences:
            first.setdefault(o.doc, (o.start, o.end))  # one witness per article: its first occurrence
        ident = _stub_id(passage, taken)
        lines = [f"# --- content/comparisons/{ident}.yaml ({passage.words} shared words) ---",
                 "# yaml-language-server: $schema=../../schemas/comparison.schema.json",
                 f"title: {_yaml('TODO: ' + ' '.join(passage.text.split()[:_ID_WORDS]) + ' …')}",
                 'question: "TODO: what do the outlets say, and how do their words differ?"',
                 "kind: quote", "witnesses:"]
        for slug in sorted(first, key=lambda s: order[s]):
            start, end = first[slug]
            text = texts[slug]
            quote = text[start:end]
            lines += [f"  - article: {slug}", f"    quote: {_yaml(quote)}"]
            result = anchor_quote(text, quote)
            if result.status == "ambiguous":
                cand = next((c for c in result.candidates if c.start == start), None)
                if cand and cand.unique_prefix:
                    lines.append(f"    prefix: {_yaml(cand.unique_prefix)}")
                elif cand and cand.unique_suffix:
                    lines.append(f"    suffix: {_yaml(cand.unique_suffix)}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)
