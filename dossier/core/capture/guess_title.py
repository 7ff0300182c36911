"""A page's headline: from its article metadata, with the site name and date cut from " | Outlet | date" tails.

Certain when it comes from the article's own metadata (JSON-LD headline, og:title, twitter:title) or when the
<title> lost a tail that names the outlet; otherwise flagged. For plain-text seeds, the first kept line that
looks like a headline (furniture lines are dropped by the site's rules before this sees the text).
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from .guesses import NOTHING, Guess, one_line, squash, word_count

_SEPARATORS = re.compile(r"\s+(?:::|[|–—:·•»›/-])\s+|\s+-\s*|\s*\|\s*")
_DATEISH = re.compile(r"^[\d\s./,:-]+$|^\w+ \d{1,2},? \d{4}$|^\d{1,2}\.? \w+ \d{4}$")
CUT_TITLE = "from <title> (the site's name cut)"  # where a headline comes from that lost a site's name
_GENERIC = {"news", "home", "latest news", "breaking news", "world", "politics", "opinion", "article"}


def _strip_tails(title: str, names: Sequence[str]) -> tuple[str, bool]:
    """Cut leading and trailing segments that name the outlet, a date or a section. Returns (title, cut)."""
    wanted = {squash(n) for n in names if squash(n)}
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(parts) < 2:
        return title, False

    def furniture(part: str) -> bool:
        flat = squash(part)
        return (not flat or flat in wanted or any(w and (w in flat and len(flat) <= len(w) + 6) for w in wanted)
                or bool(_DATEISH.match(part.strip())) or part.strip().casefold() in _GENERIC)

    start, end, cut = 0, len(parts), False
    while end - start > 1 and furniture(parts[end - 1]):
        end, cut = end - 1, True
    while end - start > 1 and furniture(parts[start]):
        start, cut = start + 1, True
    if not cut:
        return title, False
    text = parts[start]
    for i in range(start + 1, end):
        text += seps[i - 1] + parts[i]
    return text.strip(), True


def _agrees(candidate: str, ref: str) -> bool:
    """The same headline: equal letters and digits, or `ref` is `candidate` plus a kicker or a site's name. A
    candidate cut short with an ellipsis ("… Hong Kong leader...", a JSON-LD headline) is no headline `ref` only
    adds to: it agrees only when equal (taken as certain, it lost "Carrie Lam", review 72)."""
    a, b = squash(candidate), squash(ref)
    if candidate.rstrip().endswith(("...", "…")):
        return bool(a) and a == b
    return bool(a) and (a == b or (len(a) >= 12 and (b.startswith(a) or b.endswith(a))))


def guess_title(candidates: Sequence[tuple[str, str]], names: Sequence[str],
                is_site: Callable[[str], bool] = lambda _: False) -> Guess:
    """The headline among `candidates` ((where, text), best first: the JSON-LD headline, og:title,
    twitter:title, then "from <title>", "from the first <h1>", the extractor's), with tails naming one of
    `names` (the outlet's names) cut. Certain when the page's metadata agrees with what it shows readers (its
    <h1> or <title>): a CMS placeholder headline ("escenic") or a rewritten social title then loses. `is_site`
    tells the site's own name (page_guess: og:site_name, the domain's name): many sites set og:title to it on
    every page, and it agreed with "Headline | Site" as a kicker would, so the site's name was the headline, certain."""
    every = [(where, one_line(raw)) for where, raw in candidates if one_line(raw)]
    texts, doubt = _headline_candidates(every, names, is_site)
    guess = _pick(texts, names) if texts else Guess(every[0][1], every[0][0]) if every else NOTHING
    if guess.certain and (doubt or is_site(guess.value) or not texts):
        return Guess(guess.value, guess.where, False, doubt or "the page gives no headline but its site's name")
    if guess.certain and word_count(guess.value) == 1 and len(squash(guess.value)) <= 3:
        # (og:title and the <h1> both "The": a headline cut by the page's markup, taken as certain)
        return Guess(guess.value, guess.where, False, "a headline of one short word: maybe only a part of it")
    return guess


def _headline_candidates(texts: list[tuple[str, str]], names: Sequence[str],
                         is_site: Callable[[str], bool]) -> tuple[list[tuple[str, str]], str]:
    """`texts` without a social title or an <h1> that is the site's name (a logo's <h1>), and a doubt when the
    site's name is only told by the <title>: a social title that is its last part ("Headline | Small Town News")
    while the <h1> is the rest (or, with no <h1>, the outlet's name is that part) is taken for the site's name, as
    titles mostly end so; but "Site | Headline" with a logo's <h1> reads the same, so the guess is then flagged.
    A <title> that is only the site's name is no headline either: "Reuters" over an <h1> "Stocks fall…" was the
    headline, flagged, where the <h1> is the page's."""
    kept = [(w, t) for w, t in texts if not (w.startswith(_TOLD) or w == "from <title>") or not is_site(t)]
    title = next((t for w, t in kept if w == "from <title>"), "")
    h1 = next((t for w, t in kept if w == "from the first <h1>"), "")
    cuts = list(_SEPARATORS.finditer(title))
    rest, last = (title[:cuts[-1].start()], title[cuts[-1].end():]) if cuts else ("", "")
    named = any(squash(name) == squash(last) for name in names)
    if not (squash(rest) and squash(last) and (_agrees(h1, rest) and squash(h1) != squash(last) if h1 else named)):
        return kept, ""
    social = [(w, t) for w, t in kept if w.startswith(_SOCIAL) and squash(t) == squash(last)]
    if not social:
        return kept, ""
    return [(w, t) for w, t in kept if (w, t) not in social], \
        f"the page's social title is only its <title>'s last part ({last[:40]}), maybe the site's name"


_SOCIAL = ("from the JSON-LD", "from <meta")  # what a page's metadata tells
_TOLD = (*_SOCIAL, "from the first <h1>")  # ... and its heading


def _pick(texts: list[tuple[str, str]], names: Sequence[str]) -> Guess:
    """The headline among `texts` (guess_title's candidates, the site's name left out)."""
    title = next((t for w, t in texts if w == "from <title>"), "")
    cut_title, cut = _strip_tails(title, names) if title else ("", False)
    h1 = next((t for w, t in texts if w == "from the first <h1>"), "")
    shown = [t for t in (h1, cut_title, title) if t]
    metadata = [(w, _strip_tails(t, names)[0]) for w, t in texts if w.startswith(_SOCIAL)]
    for where, text in metadata:
        if any(_agrees(text, ref) for ref in shown):
            return Guess(text, where)
    if h1 and title and _agrees(h1, title):
        return Guess(h1, "from the first <h1>, matching <title>")
    short = squash(cut_title)
    longer = [(w, t) for w, t in metadata if short and len(squash(t)) > len(short) and squash(t).startswith(short)]
    if longer:  # (a long headline's <title> cut short: the metadata has it whole)
        return Guess(longer[0][1], longer[0][0])
    if cut_title and (cut or any(_agrees(cut_title, t) for _, t in metadata)):
        return Guess(cut_title, CUT_TITLE if cut else "from <title>")
    if metadata:
        where, text = metadata[0]
        return Guess(text, where, False, "the page shows readers a different headline"
                     + (f" (<h1>: {h1[:60]})" if h1 else ""))
    where, text = texts[0]
    return Guess(cut_title if where == "from <title>" else text, where, False, "the page has no headline metadata")


def title_from_lines(lines: Sequence[tuple[int, str]]) -> Guess:
    """For a plain-text seed: the first kept line that reads like a headline (not a date, a byline, a
    credit or a line of page furniture; 3 to 30 words, guesses.word_count). `lines`: (seed line number, text). Always
    flagged: a text has no headline markup."""
    for number, line in lines[:12]:
        text = one_line(line)
        if not 3 <= word_count(text) <= 30 or _DATEISH.match(text) or _CJK_FURNITURE.search(text) or \
                text.endswith((":", "：")):
            continue
        if re.match(r"^(by|von|par|por|updated|published|photo|image|file photo)\b", text, re.I) or \
                _DATELINE_LEDE.match(text) or _SENTENCE_END.search(text):
            continue  # (a headline ends in no full stop: a line that does is a sentence of the story)
        return Guess(text, f"the first headline-like line (seed line {number})", False,
                     "a plain-text seed has no headline markup")
    return NOTHING


# A story's first paragraph, led by its dateline ("EASTBROOK, March 5 (Northern Wire) - The city ..."): a place in
# capitals, then a date or a credit, then a dash; a seed without its headline began with it, and its whole first
# paragraph was the stub's title and file name (review 71)
_DATELINE_LEDE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{2,}(?:,[^–—\n\d]{0,20}\d[^–—\n]{0,20}?\s*"
                            r"(?:\([^()]{1,40}\))?|\s*\([^()]{1,40}\))\s*[-–—]+\s")
# A line that ends as a sentence does: a word of small letters and a full stop ("…, officials said."), not an
# abbreviation ("the U.S.", "2.3 pct.", review 73)
_SENTENCE_END = re.compile(r"(?<![\w.])(?!(?:pct|etc|approx|incl|vs|cf)\.$)[a-zß-ÿ]{3,}\.$")
# A date, or a source's, reporter's or editor's credit, as Chinese, Japanese and Korean pages write them
_CJK_FURNITURE = re.compile(r"^\s*\d{4}\s*[年년]\s*\d{1,2}\s*[月월]|^\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
                            r"|^\s*(来源|來源|记者|記者|作者|编辑|編輯|责任编辑|出典|출처|기자)\s*[:：]")


