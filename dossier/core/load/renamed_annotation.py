"""Links to an annotation whose id was changed: the id meant offered, else the ids the article has.

`- id: alone-quote` changed to `- id: do-it-alone` in an article made each link to it an error `article
"free-beacon-we-will-do-it-alone" has no annotation "alone-quote"`, hinted only "#a-<id> names an annotation id
of that article" (review 146): which ids there are, and which one was meant, was left to find. When no id is a
slip for the link's (references.py offers that one), the id meant is the one annotation of that article, of all
its annotations (one a link names as likely makes it a guess between two), that no link names (its links name
its old id) and that:

- holds in its quote words that the text holding the link quotes (a phrase of three words or more between
  quotation marks, or the link's own text): the note on one outlet's version of a quote links the same words in
  another's;
- else is the only one whose id has a word of the link's (of three letters or more: "alone" in do-it-alone,
  while "quote" is in three ids), and has each other word of the link's in its id (or one starting the other: oct
  and october), quote, kind or speaker, or two other ids share it, unless it is a kind, which must be its kind
  when it has one (review 158: a rename keeps what the id says of the annotation; `dermer-alone-quote`
  deleted was offered `dermer-confident-quote`, whose quote has no "alone", for their one word "dermer"; review
  165: `blinken-food-quote` deleted was offered `food-talks`, a framing). A word for another (unnamed-official
  renamed anonymous-official) is not guessed: nothing tells it from a deletion.

Otherwise (the annotation was deleted, or nothing tells which one it is now) the hint says what to do either way:
remove the link or link the article itself, or write the new id, listing the ids of the annotations no link names,
a few, then how many more. Each link keeps its place (each is a line to change, unless the id goes back): its hint
says both. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from ..common.errors import Problem
from .model import Annotation, Dossier

__all__ = ["at_renamed_annotation"]

_MISSING = re.compile(r'^link "(?P<target>[^"]*)": article "(?P<slug>[a-z0-9-]+)" has no annotation '
                      r'"(?P<ref>[^"]+)"$')
_GENERIC = re.compile(r"^#a-<id> names an annotation id of (this|that) article$")
_LINKED = re.compile(r"(?:\barticle:|/articles/)([a-z0-9-]+)/?(?:index\.html)?#a-([a-z0-9-]+)")
_BARE = re.compile(r"\(<?#a-([a-z0-9-]+)")
_QUOTED = re.compile(r'"([^"\n]+)"|“([^”]+)”|‘([^’]+)’|\[([^\]]+)\]\(')
_SHOWN = 5   # the ids a hint lists before "and N more"
# (the words of the kinds an annotation can have, schemas/article.schema.json)
_KIND_WORDS = {"quote", "claim", "context", "correction", "question", "figure", "framing", "fact", "check"}


def at_renamed_annotation(problems: Iterable[Problem], dossier: Dossier) -> list[Problem]:
    """`problems` with the hint of each link to an annotation id its article does not have, when no id is a slip
    for it, offering the annotation meant or listing the ids (module docstring)."""
    problems = list(problems)
    metas = {m.slug: m for m in (*(a.meta for a in dossier.articles), *dossier.detached)}
    texts: list[tuple[str, str, str]] = []
    named: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        found = _MISSING.match(p.message) if p.check == "links" else None
        generic = _GENERIC.match(p.hint) if found else None
        meta = metas.get(found.group("slug")) if found and generic else None
        if meta is None:
            out.append(p)
            continue
        if not texts:  # (the Markdown is read only when a link names an annotation that is not there)
            texts.extend(_texts(dossier))
            named.update(_named(texts))
        around = [text for file, _, text in texts if file == p.file and found.group("target") in text]
        free = [a for a in meta.annotations if (meta.slug, a.id) not in named]
        hint = _hint(found.group("ref"), meta.annotations, free, around, generic.group(1), found.group("target"))
        out.append(replace(p, hint=hint))
    return out


def _texts(dossier: Dossier) -> Iterator[tuple[str, str, str]]:
    """(file, article slug or "", text) of every Markdown text of the dossier, where links are."""
    for meta in (*(a.meta for a in dossier.articles), *dossier.detached):
        yield meta.origin.file, meta.slug, meta.summary
        for a in meta.annotations:
            yield (a.note_origin or a.origin).file, meta.slug, a.note
    for c in dossier.comparisons:
        yield c.origin.file, "", c.summary
        yield from ((c.origin.file, "", w.note) for w in c.witnesses)
    yield from ((e.origin.file, "", e.summary) for e in dossier.entities)
    yield from ((s.note_origin.file, "", s.note) for s in dossier.sources if s.note_origin is not None)
    if dossier.config is not None:
        yield "site.yaml", "", dossier.config.description


def _named(texts: Iterable[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """(article slug, annotation id) of each annotation a link names: article:<slug>#a-<id>, /articles/<slug>/#a-<id>,
    or #a-<id> in a text of that article."""
    named = set()
    for _, slug, text in texts:
        named.update(_LINKED.findall(text))
        if slug:
            named.update((slug, ident) for ident in _BARE.findall(text))
    return named


def _hint(ref: str, annotations: Sequence[Annotation], free: Sequence[Annotation], around: Sequence[str],
          which: str, target: str) -> str:
    """The hint of the link `target` to the annotation `ref`, which the article of `annotations` does not have: the
    one meant, from the words quoted `around` the link, or from the words of its id, else what to do if it was
    deleted or renamed, with the ids of `free` (those no link names) listed."""
    meant, why = _by_quotes(annotations, free, around)
    if meant is None:
        meant, why = _by_words(ref, annotations, free)
    if meant is not None:
        return (f'did you mean "{meant.id}"? no link names that annotation, and {why}; if it was renamed, write '
                f'#a-{meant.id} here, or give that annotation back its id "{ref}"')
    if not annotations:
        return f"{which} article has no annotations: link the article itself, or annotate it first"
    listed = free or annotations
    shown = ", ".join(a.id for a in listed[:_SHOWN]) + (f" and {len(listed) - _SHOWN} more" if len(listed) > _SHOWN
                                                        else "")
    article = target.split("#")[0]
    itself = f", or link the article itself: {article}" if article else ""
    return (f'no annotation of {which} article has the id "{ref}": if it was deleted, remove this link (keep its '
            f"words){itself}; if it was renamed, write #a-<its id> here (" +
            ("those no link names: " if free else "its ids: ") + shown + ")")


def _by_quotes(annotations: Sequence[Annotation], free: Sequence[Annotation], around: Sequence[str]
               ) -> tuple[Annotation | None, str]:
    """The one annotation of `free` whose quote holds words quoted in the texts `around` a link, and no other
    annotation's does; (None, "") when none or several."""
    written = {_plain(q): " ".join(q.split()) for text in around for m in _QUOTED.finditer(text)
               for q in [next(g for g in m.groups() if g)]}
    phrases = sorted(p for p in written if len(p.split()) >= 3)
    holding = [(a, p) for a in annotations for p in [next((p for p in phrases if p in _plain(a.quote)), "")] if p]
    if len(holding) != 1 or holding[0][0].id not in {a.id for a in free}:
        return None, ""
    phrase = written[holding[0][1]]
    shown = phrase if len(phrase) <= 40 else phrase[:39].rstrip() + "…"
    return holding[0][0], f'its quote holds "{shown}", quoted around this link'


def _by_words(ref: str, annotations: Sequence[Annotation], free: Sequence[Annotation]) -> tuple[Annotation | None, str]:
    """The one annotation of `free` whose id alone, of all the article's, has a word of `ref` (three letters or
    more, not a number), when it has each of the other words of `ref` too (`_unexplained`); (None, "") when none
    or several."""
    meant = {}
    for word in _words(ref):
        holding = [a for a in annotations if word in a.id.split("-")]
        if len(holding) == 1:
            meant[holding[0].id] = (holding[0], word)
    if len(meant) != 1:
        return None, ""
    annotation, word = next(iter(meant.values()))
    if annotation.id not in {a.id for a in free} or _unexplained(ref, annotation, annotations):
        return None, ""
    return annotation, f'no other id of that article has the word "{word}"'


def _unexplained(ref: str, annotation: Annotation, annotations: Sequence[Annotation]) -> list[str]:
    """The words of `ref` that `annotation` has nowhere: not in its id (as a word, or one starting the other: oct and
    october), its quote (as a word or the start of one), its kind or its speaker, nor a word two other ids of the
    article share ("quote" in tetro-quote and food-quote names no annotation). A rename keeps what the id said of the
    annotation: `dermer-alone-quote` deleted is not `dermer-confident-quote`, whose quote has no "alone" (review
    158). A word that is a kind (quote, claim, framing, …) is the annotation's kind, when it has one, or a word of its
    id, whatever other ids share it: `blinken-food-quote` deleted is not `food-talks`, a framing (review 165)."""
    ids = [w for w in annotation.id.split("-") if len(w) >= 3]
    own = set(annotation.id.split("-")) | {annotation.kind} | set(annotation.speaker.split("-"))
    quoted = re.findall(r"\w+", annotation.quote.casefold())
    others = [set(a.id.split("-")) for a in annotations if a.id != annotation.id]

    def explained(w: str) -> bool:
        if w in _KIND_WORDS and annotation.kind:   # (an annotation with no kind: may be a quote)
            return w in annotation.kind.split("-") or w in annotation.id.split("-")
        return w in own or any(q.startswith(w) for q in quoted) or sum(w in i for i in others) >= 2 or \
            any(i.startswith(w) or w.startswith(i) for i in ids)
    return [w for w in _words(ref) if not explained(w)]


def _words(ident: str) -> set[str]:
    """The words of an id that can tell an annotation: three letters or more, not a number."""
    return {w for w in ident.split("-") if len(w) >= 3 and not w.isdigit()}


def _plain(text: str) -> str:
    """`text` compared as words: its spaces made one, in lower case, without the punctuation at its ends."""
    return " ".join(text.split()).casefold().strip(" .,;:!?")

