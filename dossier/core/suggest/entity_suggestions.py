"""Editors' help: names the articles use that no entity covers yet, and near-misspellings of known aliases.

Everything here is a heuristic for a human to review; nothing in the build depends on it. Results are
deterministic: documents are visited in slug order and ties are broken by text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..analyse.mentions import AliasSpec, MentionMatcher, match_key, sentence_around
from ..common.records import frozen
from .entity_stubs import CandidateName

__all__ = ["CandidateName", "NearMiss", "ReadDocs", "candidate_entities", "near_misses", "read_doc",
           "without_misspellings"]

# A word: letters/digits with inner apostrophes, hyphens and dots ("O'Brien", "Ben-Gurion", "U.S"), plus an
# optional final dot so initials ("J.") and dotted acronyms ("U.S.") keep theirs.
_WORD = re.compile(r"[^\W_](?:[^\W_]|['\u2019.\-](?=[^\W_]))*\.?")
_GAP = re.compile(r"[ \u00a0\u202f]")      # one space joins a name; a line break never does (lists, captions)
_PREFIXED = re.compile(r"[a-z]{1,4}-[^\W\d_]")             # "al-Sinwar", "el-Sisi", "ash-Shifa"
_INITIAL = re.compile(r"[^\W\d_]\.")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
_POSSESSIVE = re.compile(r"['\u2019][sS]$")
_CONTRACTION = re.compile(r"['\u2019](?:t|ve|re|ll|d|m)$")      # "Don't", "We've": never names
_DATE_AFTER = re.compile(r"\s+\d")

PARTICLES = frozenset("al el bin bint ibn abu abd de da del della der den di du dos das van von la le".split())
STOP = frozenset("""The A An In On At By For From To Of And But Or Nor If So Yet Also Then Now He She It They We I
    You His Her Its Their Our My Your This That These Those There Here While As When Whether After Before Last
    Next Prior Senior Former Meanwhile However Although Though Since Until According Earlier Later Some Many
    Most Several All Both Each Every Such What Who Whom Why How Where Which Under Over With Without During
    Despite Amid Among Asked Speaking Sources Officials Other Another One Two Three Four First Second Third
    Still Even Only Just Not No Yes Instead Indeed Moreover Furthermore Thus Therefore Because Once Like
    Unlike Following Including Against Between Within About Above Below Into Onto Upon Via Per Do Does Did
    Is Are Was Were Be Been Has Have Had Will Would Can Could May Might Must Shall Should Let Nothing None
    Everything Something Anything Nobody Everyone Someone Anyone Please Thank Thanks""".split())
# Person titles: a name ends any title run before it ("Strategic Affairs Minister Ron Dermer" → "Ron Dermer").
TITLES = frozenset("""Prime Minister Ministers President Vice Secretary Chief General Gen Spokesman Spokeswoman
    Spokesperson Ambassador Senator Sen Rep Representative Governor King Queen Prince Princess Crown Sheikh
    Rabbi Pope Cardinal Chairman Chairwoman Chair Director Commander Deputy Adviser Advisor Envoy Mayor Judge
    Justice Speaker Lt Col Maj Capt Sgt Adm Mr Mrs Ms Dr Prof Sir Lord Lady Colonel Lieutenant Brigadier
    Sergeant Captain Admiral""".split())
MONTHS_AND_DAYS = frozenset("""January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
    Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun""".split())


@frozen
class NearMiss:
    """A name in an article that is a likely misspelling of `alias` (of `entity`). Invariant: text[start:end]
    of the article is `surface`; surface is not itself an alias (under match_key)."""

    entity: str
    alias: str
    surface: str
    article: str
    start: int
    end: int


@frozen
class _Word:
    start: int
    end: int
    text: str
    particle: bool                      # may only join two name words ("bin" in "Mohammed bin Salman")
    initial: bool                       # the first word of its sentence


_LINE = re.compile(r"[^\n]+")
_TITLE_WORDS = 4   # a line of this many words of 4 letters or more, all capitalised, may be a headline in title case


def _title_case_lines(text: str, lower: set[str]) -> list[tuple[int, int]]:
    """The lines of `text` written in title case (a headline: "We Will Do It Alone, Israel Will Push Into Rafah"),
    whose capitalised words are no names: "Push Into" was offered as an entity (review 116). Such a line capitalises
    every word of 4 letters or more, and common words among them (two at least that `lower`, the texts' words in
    lower case, holds: "Will", "Push", "Into"); a line of names ("Antony Blinken, Yoav Gallant") is none. A name in
    a headline is named in the article's sentences too."""
    found = []
    for line in _LINE.finditer(text):
        words = [w.rstrip(".") for w in _WORD.findall(line.group()) if w[:1].isalpha() and len(w.rstrip(".")) > 3]
        if len(words) >= _TITLE_WORDS and all(w[0].isupper() for w in words) and \
                sum(w.lower() in lower for w in words) >= 2:
            found.append(line.span())
    return found


def _words_and_runs(text: str) -> tuple[set[str], list[list[_Word]]]:
    """Lower-case vocabulary of `text`, and its runs of name words (capitalised words joined by single
    spaces, possibly with particles inside). A possessive, a dotted acronym or a sentence stop ends a run."""
    lower: set[str] = set()
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    prev_end = -1
    for m in _WORD.finditer(text):
        raw, start = m.group(), m.start()
        if not raw[0].isupper() and raw not in PARTICLES and not _PREFIXED.match(raw):
            # The common case, kept cheap: an ordinary word ends any run and joins the vocabulary.
            if raw[0].islower():
                lower.add(_POSSESSIVE.sub("", raw.rstrip(".")))
            if run:
                runs.append(run)
                run = []
            continue
        closes = False
        if raw.endswith(".") and not _INITIAL.fullmatch(raw):
            closes = True               # "U.S." stands alone; "Katz." ends its sentence
            if not _DOTTED.fullmatch(raw):
                raw = raw[:-1]
        if _POSSESSIVE.search(raw):
            raw, closes = raw[:-2], True
        parts = raw.split("-")
        keep = 1 + next((i for i, p in enumerate(parts[1:]) if p[:1].islower()), len(parts) - 1)
        if keep < len(parts):
            raw, closes = "-".join(parts[:keep]), True      # "Hamas-run" → "Hamas"
        first = raw[:1]
        name_word = (first.isupper() or bool(_PREFIXED.match(raw))) and not _CONTRACTION.search(raw)
        if raw in MONTHS_AND_DAYS and _DATE_AFTER.match(text, m.end()):
            name_word = False           # "Saudi Arabia March 20": a dateline, not part of the name
        particle = raw in PARTICLES
        joined = bool(run) and _GAP.fullmatch(text, prev_end, start) is not None
        if not joined and run:
            runs.append(run)
            run = []
        if name_word or (particle and run):
            run.append(_Word(start, start + len(raw), raw, particle and not name_word, _sentence_initial(text, start)))
        elif run:
            runs.append(run)
            run = []
        prev_end = m.end()
        if closes and run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return lower, [r for r in map(_strip_particles, runs) if r]


def _strip_particles(run: list[_Word]) -> list[_Word]:
    start, end = 0, len(run)
    while start < end and run[start].particle:
        start += 1
    while end > start and run[end - 1].particle:
        end -= 1
    return run[start:end]


_OPENERS = "\"'([\u201c\u2018\u00ab"


def _sentence_initial(text: str, start: int) -> bool:
    """The word starts its sentence: nothing before it but openers, or a stop, colon, bar or line break."""
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _OPENERS):
        if text[i - 1] == "\n":
            return True
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;|<>*#\u2022"


def _derived(word: str, matcher: MentionMatcher) -> bool:
    """A word built on a known name ("Israeli", "Gazans" from "Israel", "Gaza") is not a new entity."""
    return any(matcher.knows(word[:k]) for k in range(4, len(word)))


def _trim(run: list[_Word], lower: set[str], matcher: MentionMatcher) -> list[_Word]:
    """The name inside a run: after its last title word, without leading stop words, month/day names,
    demonyms of known names or a sentence-initial common word."""
    last_title = max((i for i, w in enumerate(run) if w.text in TITLES), default=-1)
    words = run[last_title + 1:]
    while words:
        w = words[0]
        if (w.text in STOP or w.text in MONTHS_AND_DAYS or w.particle or _derived(w.text, matcher)
                or (w is run[0] and w.initial and w.text.lower() in lower)):
            words = words[1:]
        else:
            break
    return _strip_particles(words)


class _Covered:
    """Which spans of a text the matcher already links. Mentions are sorted and disjoint, so their ends are
    sorted too and the mentions overlapping a span are one slice found by two bisections."""

    def __init__(self, text: str, article: str, matcher: MentionMatcher) -> None:
        mentions = matcher.find(text, article)
        self._starts = [m.start for m in mentions]
        self._ends = [m.end for m in mentions]

    def _overlapping(self, start: int, end: int) -> range:
        return range(bisect_right(self._ends, start), bisect_left(self._starts, end))

    def split(self, run: list[_Word]) -> list[list[_Word]]:
        """The parts of a run between words that touch a mention ("Prime Minister" of "Prime Minister
        Benjamin Netanyahu"); a candidate never contains a word the matcher already links."""
        parts: list[list[_Word]] = [[]]
        for w in run:
            if len(self._overlapping(w.start, w.end)):
                parts.append([])
            else:
                parts[-1].append(w)
        return [p for p in map(_strip_particles, parts) if p]

    def inside_one(self, start: int, end: int) -> bool:
        return any(self._starts[i] <= start and end <= self._ends[i] for i in self._overlapping(start, end))


def read_doc(matcher: MentionMatcher, slug: str, text: str) -> tuple[set[str], list[list[_Word]], _Covered]:
    """What both kinds of suggestion read of a doc: its vocabulary and runs of name words (`_words_and_runs`), the
    spans the matcher links (`_Covered`). A function of the text and the matcher's aliases: a cache keeps it."""
    return (*_words_and_runs(text), _Covered(text, slug, matcher))


class ReadDocs:
    """`read_doc` of each doc, made once for both kinds of suggestion (read twice: 2 s of 10 at 1,000 articles);
    `made`: slug → what `read_doc` gave, made ahead (through the build's cache: --suggest)."""

    def __init__(self, docs: Mapping[str, str], matcher: MentionMatcher, made: Mapping[str, tuple] | None = None):
        self.docs, self.matcher = docs, matcher
        self._read: dict[str, tuple[set[str], list[list[_Word]], _Covered]] = dict(made or {})

    def __call__(self, slug: str) -> tuple[set[str], list[list[_Word]], _Covered]:
        if slug not in self._read:
            self._read[slug] = read_doc(self.matcher, slug, self.docs[slug])
        return self._read[slug]


def candidate_entities(docs: Mapping[str, str], matcher: MentionMatcher, *,
                       min_articles: int = 2, read: ReadDocs | None = None) -> tuple[CandidateName, ...]:
    """Capitalised names in >= min_articles docs that no alias matches, most widespread first: by number of
    articles, then count (both descending), then name. Runs of name words are cut at words the matcher
    links, so no candidate contains a mention. `read`: what `near_misses` read of the same docs, if it did."""
    read = read or ReadDocs(docs, matcher)
    parsed = {slug: read(slug) for slug in sorted(docs)}
    lower = set().union(*(vocab for vocab, _, _ in parsed.values()))
    counts: dict[str, int] = {}
    articles: dict[str, set[str]] = {}
    examples: dict[str, str] = {}
    for slug, (_, runs, covered) in parsed.items():
        text = docs[slug]
        headlines = _title_case_lines(text, lower)
        runs = [run for run in runs if not any(start <= run[0].start < end for start, end in headlines)]
        for words in (_trim(part, lower, matcher) for run in runs for part in covered.split(run)):
            if not words:
                continue
            name = " ".join(w.text for w in words)
            if matcher.knows(name) or len(name) < 2 or _INITIAL.fullmatch(name):
                continue
            if len(words) == 1 and (name.lower() in lower or name in TITLES or name in MONTHS_AND_DAYS):
                continue                # a common word capitalised in a heading or caption
            counts[name] = counts.get(name, 0) + 1
            articles.setdefault(name, set()).add(slug)
            if name not in examples:
                s, e = sentence_around(text, words[0].start, words[-1].end)
                examples[name] = " ".join(text[s:e].split())
    found = [CandidateName(n, c, tuple(sorted(articles[n])), examples[n])
             for n, c in counts.items() if len(articles[n]) >= min_articles]
    return tuple(sorted(found, key=lambda c: (-len(c.articles), -c.count, c.name)))


def near_misses(docs: Mapping[str, str], matcher_aliases: Iterable[AliasSpec], matcher: MentionMatcher,
                read: ReadDocs | None = None) -> tuple[NearMiss, ...]:
    """Names (runs of capitalised words, or parts of them) that are not aliases but lie within Levenshtein
    distance 2 and ratio >= 85 of one, with the same first letter. A difference that is only a suffix
    ("Israeli" for "Israel") is a derivation, not a misspelling, and is skipped. Sorted by article, start.
    `read`: what `candidate_entities` reads of the same docs, shared (ReadDocs)."""
    read = read or ReadDocs(docs, matcher)
    specs = list(dict.fromkeys(matcher_aliases))
    by_letter: dict[str, list[str]] = {}
    owners: dict[str, AliasSpec] = {}
    for spec in specs:
        key = match_key(spec.alias)
        if key not in owners:           # a shared key goes to its first claimant, as in the matcher
            owners[key] = spec
            by_letter.setdefault(key[0], []).append(key)
    longest = max((len(s.alias.split()) for s in specs), default=0) + 1
    best: dict[str, AliasSpec | None] = {}
    found: list[NearMiss] = []
    for slug in sorted(docs):
        text = docs[slug]
        _, runs, covered = read(slug)
        spans: list[NearMiss] = []
        for run in runs:
            for i in range(len(run)):
                for j in range(i, min(len(run), i + longest)):
                    if run[i].particle or run[j].particle:
                        continue
                    start, end = run[i].start, run[j].end
                    surface = text[start:end]
                    key = match_key(surface)
                    if key not in best:
                        best[key] = _closest(key, by_letter, owners)
                    spec = best[key]
                    if spec is not None and not covered.inside_one(start, end):
                        spans.append(NearMiss(spec.entity, spec.alias, surface, slug, start, end))
        # Keep the widest reading: "Tzahi Hanegbi", not also "Tzahi" on its own.
        found += [n for n in spans if not any(o is not n and o.start <= n.start and n.end <= o.end
                                              and (o.start, o.end) != (n.start, n.end) for o in spans)]
    return tuple(sorted(set(found), key=lambda n: (n.article, n.start, n.end, n.entity, n.alias)))


def _closest(key: str, by_letter: Mapping[str, list[str]], owners: Mapping[str, AliasSpec]) -> AliasSpec | None:
    if key in owners or not key:
        return None
    hits = []
    for choice, dist, _ in process.extract(key, by_letter.get(key[0], []), scorer=Levenshtein.distance,
                                           score_cutoff=2, limit=None):
        if dist == 0 or _derivation(key, choice):
            continue
        ratio = fuzz.ratio(key, choice)
        if ratio >= 85:
            hits.append((dist, -ratio, choice))
    return owners[min(hits)[2]] if hits else None


# What a name's derived words end in after the whole name ("New Yorkers", "Gazans", "Israelis"), besides any ending
# of a one-word name
_DERIVED_ENDINGS = frozenset({"er", "ers", "i", "is", "an", "ans", "n", "ns", "ian", "ians", "ese", "ite", "ites"})


def _derivation(key: str, alias: str) -> bool:
    """Whether the name `key` is a word derived from the alias `alias` (both match keys), not a misspelling of it:
    `key` is the alias with an ending, any ending for a one-word alias ("Israeli", "Gazans"), one of a derived
    word's for a longer one ("New Yorker"). A name that stops short of an alias ("Tomasz Pel" for "Tomasz Pell"),
    and "Ines Vargas" for "Ines Varga", were taken for derivations and offered as new entities (review 71)."""
    if not key.startswith(alias):
        return False
    return " " not in alias or key[len(alias):] in _DERIVED_ENDINGS


def without_misspellings(cands: Sequence[CandidateName], misses: Iterable[NearMiss]) -> list[CandidateName]:
    """The candidates that hold no near miss as a whole word ("Antony Blinkin" holds "Blinkin", a misspelling of
    a known alias): such a name is a known entity misspelt, to correct in the text or add as an alias, not a
    new entity (its stub would be a second entry for the same person, or take its id)."""
    surfaces = {m.surface for m in misses}
    if not surfaces:
        return list(cands)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
                         + r")(?!\w)")
    return [c for c in cands if not pattern.search(c.name)]
