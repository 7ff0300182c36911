"""Paste-ready comparison stubs for shared passages that no comparison covers yet (`build.py --suggest`).

A passage is covered when one comparison has witnesses on it in every article that shares it: the editors
have already set all those renderings side by side. A passage that a comparison sets side by side in some of
its articles only (an outlet added since) gets the witnesses to add to that comparison; any other passage
becomes a stub of content/comparisons/<id>.yaml whose witnesses are the passage's occurrences, quoted exactly,
with a prefix where the words occur more than once in an article, so that the stub anchors as it is pasted.
Pure: the same inputs give the same text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..analyse.anchors import anchor_quote
from ..load.model import Article, Comparison
from ..analyse.shared_passages import UNPUBLISHED, SharedPassage
from ..common.slugs import slugify

_ID_WORDS = 6


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


def coverage(passage: SharedPassage, spans: dict[str, list[tuple[str, int, int]]]
             ) -> tuple[str | None, tuple[str, ...]]:
    """The comparison that sets the passage side by side in the most of its articles (at least two; the first
    such comparison on a tie), and the passage's articles that comparison has no witness in (one on another
    quote counts: a comparison takes one witness per article); (None, all of them) when no comparison has
    witnesses on the passage in two articles.

    spans: article slug → (comparison id, start, end) of its witnesses (see _witness_spans), so the work is
    the passage's occurrences times the witnesses in their own articles, not times every witness."""
    docs: dict[str, set[str]] = {}
    for o in passage.occurrences:
        for cid, s, e in spans.get(o.doc, ()):
            if s < o.end and o.start < e:
                docs.setdefault(cid, set()).add(o.doc)
    everywhere = sorted({o.doc for o in passage.occurrences})
    best = min((cid for cid in docs if len(docs[cid]) >= 2), key=lambda cid: (-len(docs[cid]), cid), default=None)
    if best is None:
        return None, tuple(everywhere)
    return best, tuple(d for d in everywhere if d not in docs[best] and all(c != best for c, _, _ in spans.get(d, ())))


def covered(passage: SharedPassage, spans: dict[str, list[tuple[str, int, int]]]) -> bool:
    """Whether one comparison has witnesses on the passage in every article that has it: a comparison that
    lacks an outlet added since is not coverage, the new rendering is not set beside the others yet."""
    best, missing = coverage(passage, spans)
    return best is not None and not missing


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


def _witness_lines(slug: str, span: tuple[int, int], text: str) -> list[str]:
    """One witness quoting ``text[start:end]`` exactly, with a prefix or suffix when the words recur."""
    start, end = span
    quote = text[start:end]
    lines = [f"  - article: {slug}", f"    quote: {_yaml(quote)}"]
    result = anchor_quote(text, quote)
    if result.status == "ambiguous":
        cand = next((c for c in result.candidates if c.start == start), None)
        if cand and cand.unique_prefix:
            lines.append(f"    prefix: {_yaml(cand.unique_prefix)}")
        elif cand and cand.unique_suffix:
            lines.append(f"    suffix: {_yaml(cand.unique_suffix)}")
    return lines


Witness = tuple[str, tuple[int, int]]   # an article and the span of it a witness quotes


def _witnesses(docs: Sequence[str], first: Mapping[str, tuple[int, int]]) -> list[str | Witness]:
    """Witness entries for article docs, each (doc, span) until `_written` writes it; a seed without an article
    file (doc "seeds/<name>") cannot be a witness yet, so it gets a comment saying how to make it one."""
    lines: list[str | Witness] = []
    for doc in docs:
        if doc.startswith(UNPUBLISHED):
            lines.append(f"  # {doc} has it too, but no article file yet: run `python build.py --import`, "
                         "then add it as a witness")
        else:
            lines.append((doc, first[doc]))
    return lines


def _written(stubs: list[list[str | Witness]], texts: Mapping[str, str]) -> str:
    """The stubs' lines, each witness's written (`_witness_lines`) article by article: looking its quote up
    collapses its text's whitespace, kept for a few texts only (anchors._collapsed), and the passages visit the
    articles in no order (10,000 witnesses at 1,000 articles collapsed a text each)."""
    witnesses = sorted({line for stub in stubs for line in stub if isinstance(line, tuple)})
    made = {w: _witness_lines(w[0], w[1], texts[w[0]]) for w in witnesses}
    return "\n".join("\n".join(part for line in stub for part in (made[line] if isinstance(line, tuple) else [line]))
                     + "\n" for stub in stubs)


def comparison_stubs(passages: Sequence[SharedPassage], comparisons: Sequence[Comparison],
                     articles: Sequence[Article], unpublished: Mapping[str, str] | None = None) -> str:
    """YAML for every shared passage not set side by side in all the articles that have it, each headed by the
    file it belongs in: a new comparison stub, or the witnesses to add to the comparison that covers it in
    some of its articles only. "" when there is none.

    ``unpublished``: doc id → cleaned text of seeds whose article file does not load (its slug as id) or does
    not exist ("seeds/<name>" as id); the passages may include them."""
    extra = dict(unpublished or {})
    texts = {**extra, **{a.slug: a.text.text for a in articles}}
    order = {doc: (1, "", doc) for doc in extra} | {a.slug: (0, a.meta.date, a.slug) for a in articles}
    spans = _witness_spans(comparisons, texts)
    files = {c.id: c.origin.file for c in comparisons}
    taken = {c.id for c in comparisons}
    out: list[list[str | Witness]] = []
    for passage in passages:
        if any(o.doc not in texts for o in passage.occurrences):
            continue
        best, missing = coverage(passage, spans)
        if best is not None and not missing:
            continue
        first: dict[str, tuple[int, int]] = {}
        for o in passage.occurrences:
            first.setdefault(o.doc, (o.start, o.end))  # one witness per article: its first occurrence
        if best is not None:
            added = _witnesses(sorted(missing, key=lambda d: order[d]), first)
            out.append([f"# --- {files[best]}: add under witnesses: ({passage.words} shared words, "
                        f"also in {', '.join(missing)}) ---", *added])
            continue
        ident = _stub_id(passage, taken)
        out.append([f"# --- content/comparisons/{ident}.yaml ({passage.words} shared words) ---",
                    "# yaml-language-server: $schema=../../schemas/comparison.schema.json",
                    f"title: {_yaml('TODO: ' + ' '.join(passage.text.split()[:_ID_WORDS]) + ' …')}",
                    'question: "TODO: what do the outlets say, and how do their words differ?"',
                    "kind: quote", "witnesses:", *_witnesses(sorted(first, key=lambda d: order[d]), first)])
    return _written(out, texts)
