"""Everything `--add` guesses about one captured page: title, date, outlet, byline, original URL.

Pure: the page's own metadata (pagemeta.PageMeta), what the extractor reported (a plain dict of strings), the
address it was fetched from and the extracted text in; frozen guesses out, each saying where it came from.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from .bylines import bare, byline_names, credited, name_parts
from .furniture_page import Dropped
from .furniture_words import DATE_KINDS
from .guess_date import guess_date
from .guess_outlet import Outlet, Table, clean_site_name, credited_wire, guess_outlet
from .guess_title import CUT_TITLE, guess_title
from .guesses import NOTHING, Guess, one_line, squash
from .ld_body import Body, article_body
from .outlets import KNOWN, WIRES, host_of, known, registered_domain, safe_url
from .pagemeta import PageMeta, ld_text
from ..common.records import frozen
from .text_language import guess_language, text_language
from .unspaced_title import with_spaced_titles

_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "article.published",
              "publish-date", "pubdate", "publishdate", "publication_date", "date_published", "dc.date.issued",
              "dcterms.issued", "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date",
              "og:published_time", "article_date_original", "cxenseparse:recs:publishtime", "date", "dc.date")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl")


@frozen
class PageGuess:
    """What the stub will say. Invariant: every field is a Guess whose `where` names its origin; `outlet.id`
    is a slug or "" (never "unknown"); `wire` names the canonical outlet of a syndicated copy, if any."""

    title: Guess
    date: Guess
    outlet: Outlet
    byline: Guess
    url: Guess
    wire: Guess
    language: Guess = NOTHING
    paid: bool = False  # the page marks its article as not free to read (JSON-LD isAccessibleForFree: false)
    body: Body = Body("")  # the article's text, the seed's: the extracted text, or the JSON-LD articleBody (ld_body)


def _tag(key: str) -> str:
    attr = "property" if ":" in key and not key.startswith(("dc.", "dcterms.")) else "name"
    return f'from <meta {attr}="{key}">'


def _absolute(url: str) -> str:
    return safe_url(url)


def page_address(meta: PageMeta, fetched_url: str) -> tuple[str, Guess]:
    """(the address the page was read at, the original URL to cite). A saved page has no fetched URL: its
    canonical link or og:url stands in for both (og:url when they name different sites: the page is a copy of
    the canonical's, see _wire)."""
    canonical = _absolute(meta.canonical)
    og_url = _absolute(meta.meta.get("og:url", ""))
    fetched_url = publisher_address(fetched_url)
    if fetched_url and _local(host_of(fetched_url)) and (canonical or og_url):
        fetched_url = ""  # a copy served from this machine or an address is no outlet: the page's own URL counts
    if fetched_url:
        if canonical and registered_domain(host_of(canonical)) == registered_domain(host_of(fetched_url)):
            return fetched_url, Guess(canonical, 'from <link rel="canonical">')
        return fetched_url, Guess(safe_url(fetched_url), "the address it was fetched from")
    if canonical and og_url and registered_domain(host_of(canonical)) != registered_domain(host_of(og_url)):
        # A saved syndicated copy: its og:url is the page itself, its canonical link the original it copies
        # (then _wire's); the copy is the outlet's, and is cited where it was published
        return og_url, Guess(og_url, 'from <meta property="og:url">')
    if canonical:
        return canonical, Guess(canonical, 'from <link rel="canonical">')
    if og_url:
        return og_url, Guess(og_url, 'from <meta property="og:url">')
    return "", Guess("", "the original address", False, "the saved page names no address")


_AMP_CACHE = re.compile(r"^https?://[^/]+\.cdn\.ampproject\.org/[cv]/(s/)?([^?#]+)(\?.*)?$", re.I)
_TRACKING = re.compile(r"^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid)$", re.I)


def publisher_address(url: str) -> str:
    """The address a page was published at, from the one it was fetched or archived at: out of Google's AMP
    cache (https://www-x-com.cdn.ampproject.org/c/s/www.x.com/a → https://www.x.com/a), and without the tracking
    parameters a shared link carries (utm_*, fbclid…). Review 57: an AMP-cache copy was credited to
    "exampletimes.com" as a syndicated copy, and a link with ?utm_source= was captured as a second article."""
    amp = _AMP_CACHE.match(url)
    if amp:
        url = ("https://" if amp.group(1) else "http://") + amp.group(2) + (amp.group(3) or "")
    head, sep, query = url.partition("?")
    if not sep:
        return url
    query, hash_sep, fragment = query.partition("#")
    kept = [part for part in query.split("&") if part and not _TRACKING.match(part.split("=", 1)[0])]
    return head + ("?" + "&".join(kept) if kept else "") + hash_sep + fragment


def _local(host: str) -> bool:
    return host == "localhost" or host.endswith(".localhost") or host.replace(".", "").isdigit() or ":" in host


def site_names(meta: PageMeta, extracted: Mapping[str, str], read_at: str = "") -> list[tuple[str, str]]:
    """(where, name) of every name the page gives its site, best first; `where` names the field, so the outlet
    guesser can tell independent sources apart (guess_outlet.name_site)."""
    out = [("the JSON-LD publisher", ld_text(meta.ld("publisher")))]
    out += [(f'<meta property="{k}">' if ":" in k else f'<meta name="{k}">', meta.meta.get(k, ""))
            for k in ("og:site_name", "publisher", "application-name", "apple-mobile-web-app-title")]
    out += [("the JSON-LD organization", name) for name in meta.orgs]
    out.append(("the extractor's site name", extracted.get("sitename", "")))
    split = title_split(meta, read_at)  # "Headline - Section - Outlet": the parts after the headline
    # (the headline as one part that the outlet guesser passes over: it may hold a " - " itself)
    out.append(("the <title>", meta.title if split is None else " | ".join(["_", *split[1:]]) if split[1:] else ""))
    out.append(('<meta name="twitter:site">', meta.meta.get("twitter:site", "")))  # a handle: support only
    out.append(('<meta name="copyright">', meta.meta.get("copyright", "")))
    out += [("the copyright line", line) for line in meta.copyright]
    out += [("the logo's alt text", alt) for alt in meta.logos]
    return [(w, n) for w, n in out if n and not host_of(n)]


_SEPARATOR = re.compile(r"\s+[|–—-]\s+")  # (an unspaced title is cut so first: unspaced_title.py)


def title_split(meta: PageMeta, read_at: str = "") -> list[str] | None:
    """The <title> as [headline, the site's parts…], when the page's JSON-LD headline or <h1> tells which part
    is the headline: [title] when one of them is the whole <title> ("Ukraine - Russia talks resume" is one
    headline, not a headline and an outlet), the parts reordered when the headline comes last ("Site |
    Headline"). None when none of them tells (the headline is then taken to come first)."""
    title = one_line(meta.title)
    heads = _heads(meta, read_at)
    if not title or not heads:
        return None
    if title.casefold() in heads or any(h.startswith(title.casefold()) for h in heads):
        return [title]  # (the whole headline, or the start of one a long <title> was cut from)
    # An og:title or twitter:title that is one part of the <title> names that part the headline, before the <h1>:
    # an older site's <h1> is often its logo ("The Tribune", a link home), and the part it matched was taken for
    # the site's name, the headline left as the outlet ("Two more gunned down | The Tribune", held-out check).
    # A social title or a heading that is the site's name (many sites set og:title so on every page) tells nothing.
    # When the social title names another part than the <h1> does, one of them is the site's name (a template's
    # og:title "Small Town News" on stn.example; a logo's <h1>): the longer part is the headline, flagged.
    by_social, by_heads = _told_splits(meta, heads, read_at)
    if _conflict(by_social, by_heads):
        return max(by_heads, by_social, key=lambda split: len(split[0].split()))
    return by_social or by_heads


def _heads(meta: PageMeta, read_at: str) -> set[str]:
    """The JSON-LD headline and the <h1>, casefolded, less any that is the site's name (og:title and twitter:title
    often repeat the <title>, site name and all: they are read apart, `_told_splits`)."""
    heads = {one_line(h).casefold() for h in (ld_text(meta.ld("headline")), meta.h1) if one_line(h)}
    return heads - _site_named(meta, heads, read_at)


def _conflict(by_social: list[str] | None, by_heads: list[str] | None) -> bool:
    """The social title and the headings name two different parts of the <title> the headline."""
    return bool(by_social and by_heads and by_social[0] != by_heads[0])


def _told_splits(meta: PageMeta, heads: set[str], read_at: str) -> tuple[list[str] | None, list[str] | None]:
    """The <title> as [the part its social title names, the others…] and as [the part `heads` name, …]."""
    social = {one_line(meta.meta.get(k, "")).casefold() for k in ("og:title", "twitter:title")} - {""}
    told = social - _site_named(meta, social, read_at)
    return _told_split(meta.title, told), _told_split(meta.title, heads)


def _told_split(title: str, told: set[str]) -> list[str] | None:
    """The <title> as [the part `told` names, the other parts…], or None when it names none."""
    title = one_line(title)
    for cut in _SEPARATOR.finditer(title):
        before, after = title[:cut.start()], title[cut.end():]
        if before.casefold() in told:
            return [before, *_SEPARATOR.split(after)]
        if after.casefold() in told:
            return [after, *_SEPARATOR.split(before)]
    return None


def headlines_conflict(meta: PageMeta, read_at: str = "") -> bool:
    """The social title and the <h1> (or JSON-LD headline) name two parts of the <title> the headline: which is
    the site's name the page does not tell, so the outlet guessed is not certain."""
    return _conflict(*_told_splits(meta, _heads(meta, read_at), read_at))


def _site_named(meta: PageMeta, parts: set[str], read_at: str = "") -> set[str]:
    """The parts that are the site's name: its og:site_name, application-name or twitter:site, or its domain's
    name, in letters alone and without a leading word "the" ("Small Town News" of smalltownnews.example, "The
    Tribune" of tribune242.com: the logo's <h1>; "Theatre" stays "theatre"). A name of fewer than three letters or
    a generic label ("co" of .co.uk, "x" of twitter:site @x) names no site: a headline "X" or "Co" is no site's.
    The domain is the canonical's or og:url's and the one the page was read at: without a canonical link,
    "Reuters" as <title> and og:title on reuters.com was no site's name, and was the headline, certain."""
    def letters(text: str) -> str:
        return re.sub(r"[\W\d_]+", "", re.sub(r"^\W*the\b", "", text.casefold()))
    hosts = {host_of(meta.canonical or meta.meta.get("og:url", "")), host_of(read_at)}
    names = {letters(label) for host in hosts for label in host.split(".")[:-1]} | {
        letters(meta.meta.get(key, "")) for key in ("og:site_name", "application-name", "twitter:site")}
    names = {name for name in names if len(name) >= 3 and name not in _GENERIC_LABELS}
    return {part for part in parts if letters(part) in names}


_GENERIC_LABELS = {"www", "com", "net", "org", "gov", "edu", "ac", "co", "news", "web", "amp", "mobile"}


def _title_tails(meta: PageMeta, names: list[tuple[str, str]], read_at: str) -> list[str]:
    """The names a <title> may end with: the page's site names, raw and cleaned, and its <title>'s site parts
    (its last part, when which part is the headline cannot be told). No last part when the page's og:title or
    twitter:title is its whole <title> and names none of its site names: the social title is written for a
    post that shows no site beside it, so a title it repeats whole is a headline ("Die Zukunft der Arbeit -
    "Wir dekorieren auf der Titanic …"": a kicker and a quote, whose quote was cut as a site's name)."""
    fields = [n for w, n in names if "<title>" not in w and "copyright" not in w and "logo" not in w]
    split, tail = title_split(meta, read_at), _SEPARATOR.split(meta.title)
    if split is None and len(tail) > 1 and not _social_is_title(meta, fields):
        split = [tail[0], tail[-1]]
    return [*(clean_site_name(n) for n in fields), *(n.lstrip("@") for n in fields), *(split or [""])[1:]]


def _social_is_title(meta: PageMeta, fields: list[str]) -> bool:
    """The og:title or twitter:title is the whole <title>, and none of the page's site names is in it."""
    title = squash(meta.title)
    social = {squash(meta.meta.get(k, "")) for k in ("og:title", "twitter:title")}
    sites = {squash(clean_site_name(n)) for n in fields} - {""}
    return bool(title) and title in social and not any(s in title for s in sites)


def _people(value: Any) -> list[str]:
    """The persons a JSON-LD author value names, in order: every one of a list, none typed as an organization
    (a newsroom, "BBC News", is no byline), no address."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        kinds = item.get("@type", "") if isinstance(item, dict) else ""
        if any("Organization" in str(k) for k in (kinds if isinstance(kinds, list) else [kinds])):
            continue
        name = one_line(ld_text(item))
        if name and not host_of(name) and name not in out:
            out.append(name)
    return out


_PLACEHOLDER_AUTHORS = {"no author", "unknown", "author", "admin", "administrator", "staff", "editor", "editorial",
                        "redaktion", "rédaction", "redacción", "redazione", "redakcja", "redação", "n/a", "none",
                        "anonymous", "anónimo", "anonimo", "anonyme", "anonym", "anônimo"}
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|de|fr|es|it|co\.uk|co\.il|ch|at|nl|jp|in)\b", re.I)
_NEWSROOM_WORDS = {"online", "news", "media", "staff", "agency", "agencies", "newsroom", "desk", "wire", "agences",
                   "agencias", "agenturen"}


def _no_person(value: str, outlet: str) -> bool:
    """Whether an author's name in the page's metadata names no person: a placeholder ("No Author"), an address
    in it ("Deutsche Welle (www.dw.com)"), a word of the outlet's name ("SPIEGEL ONLINE, Hamburg" for Der
    Spiegel) or the words it abbreviates (Deutsche Welle for DW), or words of a newsroom ("agencies", review
    57)."""
    text = one_line(value).casefold().strip(" .")
    words = set(re.findall(r"\w+", text))
    names = {w for w in re.findall(r"\w+", outlet.casefold()) if len(w) >= 4} - {"news", "online", "daily", "times"}
    initials = "".join(w[0] for w in re.findall(r"\w+", text))  # ("Deutsche Welle" for DW)
    return text in _PLACEHOLDER_AUTHORS or bool(_DOMAIN.search(text)) or bool(words & names) or \
        bool(words & _NEWSROOM_WORDS) or "+" in text or len(initials) > 1 and initials == outlet.casefold()


# (a byline the page shows but its metadata lacks: the stub says so on a commented line, review 72)
_NO_BYLINE = Guess("", "the byline", False, "no person named as author in the page's metadata or near its headline; "
                  "write the byline the page shows, if any")


def _byline(meta: PageMeta, extracted: Mapping[str, str], outlet: str = "") -> Guess:
    """The author: the persons of the JSON-LD author, else the author metadata, else the extractor's; never the
    newsroom (an organization as author, or the outlet's own name), and only their names (bylines.py: a job title
    or a date beside them is left out; nothing left, nothing guessed)."""
    written = meta.ld("author")
    # (a person the JSON-LD names may be a placeholder or the outlet: "anónimo", "L'Opinion", review 72)
    people = _names([bare(p) for p in _people(written)], outlet)
    if people:
        return Guess(credited(people), "from the JSON-LD author")
    newsroom = {one_line(ld_text(written)).casefold(), one_line(outlet).casefold()} - {""}
    key, value = meta.first(*_AUTHOR_KEYS)
    value = bare(value) if value else value
    if value and not host_of(value) and value.casefold() not in newsroom and _names([value], outlet):
        return Guess(credited(_names([value], outlet)), _tag(key))
    # (an info box's "Author" row says who wrote it, as DW's does where its metadata names no one: review 125)
    label, row = next(((label, value) for label, value in meta.rows if label in _AUTHOR_ROWS), ("", ""))
    if row and not host_of(row) and row.casefold() not in newsroom and _names([bare(row)], outlet):
        return Guess(credited(_names([bare(row)], outlet)), f'from the page\'s "{label.capitalize()}" row')
    found = bare(extracted.get("author") or "")
    if found and found.casefold() not in newsroom and _names([found], outlet):
        return Guess(credited(_names([found], outlet)), "found by the extractor in the page", False,
                     "a name near the headline may not be the author")
    return _NO_BYLINE


def _names(bylines: list[str], outlet: str) -> list[str]:
    """The names of persons or agencies in `bylines`, each once; none from a byline that names no person as a
    whole (a placeholder, the newsroom: `_no_person`), nor a name that is the outlet's."""
    out: list[str] = []
    for byline in bylines:
        # (a job title, a date said apart first: "Jane Doe; Staff Writer" is no newsroom, "Reuters staff" is; a
        # person's full name beside the newsroom is theirs: "Jane Doe, Times of Israel Staff", review 119)
        parts = name_parts(byline) if byline else []
        if byline and (not _no_person("; ".join(parts) or byline, outlet) or
                       any(len(part.split()) > 1 and not _no_person(part, outlet) for part in parts[:-1])):
            out += [name for name in byline_names(byline) if not _no_person(name, outlet) and name not in out]
    return out


def guess_page(meta: PageMeta, extracted: Mapping[str, str], fetched_url: str, text: str,
               sources: Mapping[str, tuple[str, str]], known_outlets: Table = KNOWN,
               dropped: Sequence[Dropped] = ()) -> PageGuess:
    """All guesses for one page. `extracted`: the extractor's title, date, sitename, author (strings); `text`:
    its main text (the JSON-LD articleBody may stand in for it: ld_body); `sources`: sources.yaml's outlets,
    id → (name, homepage); `known_outlets`: the known table (outlets.py); `dropped`: the lines of furniture left
    out of the text (its date line is offered to the date guess: it is no longer in the text)."""
    body = article_body(text, meta)
    text = body.text
    read_at, url = page_address(meta, fetched_url)
    meta = with_spaced_titles(meta, read_at, known_outlets)  # ("…英雄的城！-新华网": its site's name cut " - ")
    names = site_names(meta, extracted, read_at)
    outlet = guess_outlet(read_at, names, sources, known_outlets)
    title = guess_title([("from the JSON-LD headline", ld_text(meta.ld("headline"))),
                         ('from <meta property="og:title">', meta.meta.get("og:title", "")),
                         ('from <meta name="twitter:title">', meta.meta.get("twitter:title", "")),
                         ("from <title>", meta.title), ("from the first <h1>", meta.h1),
                         ("found by the extractor", extracted.get("title", ""))],
                        [outlet.name, *_title_tails(meta, names, read_at),
                         registered_domain(host_of(read_at)), registered_domain(host_of(read_at)).split(".")[0]],
                        lambda text: bool(_site_named(meta, {text}, read_at)))  # (og:title set to the site's name)
    if title.certain and title.where == CUT_TITLE and not outlet.guess.certain:
        # (the part cut was taken for the site's name by the <title> alone, or by a guess that doubts it)
        title = Guess(title.value, title.where, False, "the page has no headline metadata, and nothing but its "
                      "<title> names the site whose name was cut from it")
    metadata = [("from the JSON-LD datePublished", str(meta.ld("datePublished") or ""))]
    metadata += [(_tag(k), meta.meta[k]) for k in _DATE_KEYS if meta.meta.get(k)]
    # A <time> element is what the page shows readers; htmldate's search may find an update or another day.
    extracted_dates = _shown_dates(meta) + ([("from the first <time> element", meta.times[0])] if meta.times else [])
    extracted_dates.append(("found by htmldate in the page", extracted.get("date", "")))
    date = guess_date(metadata, extracted_dates, read_at, text,
                      [d.text for d in (*dropped, *body.furniture) if d.kind in DATE_KINDS])
    outlet = _unclaimed(outlet, meta, title, read_at)
    byline = _byline(meta, extracted, outlet.name)
    wire = _wire(meta, read_at, text, outlet, known_outlets, byline)
    said = guess_language(meta)  # (else the text's own: its script or its commonest words, flagged, review 72)
    paid = str(meta.ld("isAccessibleForFree")).strip().casefold() == "false"
    return PageGuess(title, date, outlet, byline, url, wire, said if said.value else text_language(text), paid, body)


def _unclaimed(outlet: Outlet, meta: PageMeta, title: Guess, read_at: str) -> Outlet:
    """The outlet, flagged when the page's headline sources disagree on which part of its <title> is the
    headline, or when its name is the headline guessed: a headline is never an outlet presented as detected."""
    if not outlet.guess.certain or not outlet.name:
        return outlet
    if headlines_conflict(meta, read_at):
        doubt = "the page's social title and its <h1> name different parts of its <title> as the headline"
    elif squash(outlet.name) == squash(title.value):
        doubt = "it is the page's headline too"
    else:
        return outlet
    g = outlet.guess
    return Outlet(outlet.id, outlet.name, outlet.homepage, outlet.country, Guess(g.value, g.where, False, doubt),
                  outlet.new)


_DATE_ROWS = ("date", "datum", "published", "veröffentlicht")
_AUTHOR_ROWS = ("author", "autor", "autorin", "auteur")
_TITLE_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$")


def _shown_dates(meta: PageMeta) -> list[tuple[str, str]]:
    """The article's own dates that its metadata leaves out: its labelled "Date" row, and a date that is a whole
    part of its og:title or <title> after the headline (DW's "… | DW | 10.06.2013"). Before htmldate's find, which
    took the date of the first card of "Related content" under the article (review 125)."""
    found = [(f'from the page\'s "{label.capitalize()}" row', value) for label, value in meta.rows
             if label in _DATE_ROWS]
    for where, title in (('from the date in <meta property="og:title">', meta.meta.get("og:title", "")),
                         ("from the date in the <title>", meta.title)):
        parts = [part.strip() for part in title.split(" | ")[1:]]
        found += [(where, part) for part in parts if _TITLE_DATE.match(part)][:1]
    return found


def _wire(meta: PageMeta, read_at: str, text: str, outlet: Outlet, known_outlets: Table,
          byline: Guess = NOTHING) -> Guess:
    """A syndicated copy names its original: a canonical link to another outlet, or a wire credit. A canonical
    link to an outlet no table knows, on a page whose byline credits a wire service alone, names a sister site
    that took the wire's story: the wire is the original ("financialpost.com" for the Vancouver Sun's copy of a
    Reuters story, review 125)."""
    canonical = _absolute(meta.canonical)
    if canonical and read_at and registered_domain(host_of(canonical)) != registered_domain(host_of(read_at)):
        hit = known(host_of(canonical), known_outlets)
        agency = WIRES.get(byline.value, ("", ""))[1]
        if not hit and agency and agency != outlet.name:
            return Guess(agency, f'the byline credits {byline.value}, and the canonical link points to '
                         f'{host_of(canonical)}, another site that ran the story', byline.certain, byline.doubt)
        name = hit[1] if hit else registered_domain(host_of(canonical))
        return Guess(name, f'the canonical link points to {host_of(canonical)}: a syndicated copy')
    wire = credited_wire(text)
    if wire and wire != outlet.name:
        return Guess(wire, f'the credit "{wire}" in the text')
    return NOTHING
