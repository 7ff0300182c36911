"""Which outlet published a page: from its domain first, then the names the page gives itself, then credits in
its text.

A domain of the known table (outlets.py) or an outlet already in sources.yaml with that domain is certain. For
any other domain the page's own names are cleaned ("DW.COM" → "DW", "Ediciones EL PAÍS S.L." → "EL PAÍS",
"WSVN 7News | Miami News, Weather" → "WSVN 7News") and grouped by agreement; the name most sources agree on
wins. It is certain only when it is a clean name (not a domain, a handle or a copyright holder alone) that the
page states in one of its own name fields (JSON-LD, og:site_name, application-name, <title>) and at least one
other independent source repeats, that fits the domain, and that no other name field contradicts; otherwise
the guess says why it is uncertain. Never "unknown": with no domain and no name the result is empty and the
build warns "outlet unknown".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Sequence

from .guesses import Guess, one_line, squash
from .outlets import KNOWN, WIRES, host_of, known, registered_domain
from ..common.slugs import slugify
from ..common.records import frozen

Table = Mapping[str, tuple[str, str]]  # domain → (name, country), like outlets.KNOWN

# Site names that are a section of a site, not its name (a Reuters page's og:site_name can be "U.S.").
_SECTIONS = {"us", "uk", "world", "news", "home", "homepage", "politics", "business", "sport", "sports",
             "opinion", "europe", "asia", "africa", "americas", "middleeast", "tech", "technology", "science",
             "health", "culture", "entertainment", "lifestyle", "markets", "latest", "article", "articles"}
# A wire's credit: "(Reuters)" in a dateline, "- AFP", or a byline line that names it ("By Jane Roe, Reuters",
# "Par l'AFP"): a line of its own, ending soon after the wire's name, not a sentence that names it ("By contrast,
# Reuters reported…", "Por su parte, la AFP informó…", review 57)
_CREDIT = re.compile(r"\((Reuters|AP|AFP)\)|^[ \t]*(?:By|Von|Par|Por)\b(?!\s+(?:contrast|comparison|the way|then|now|"
                     r"ailleurs|contre|su parte|otra parte|lo tanto)\b)[^\n]{0,60}?\b(Reuters|Associated Press|AFP)\b"
                     r"[^\n]{0,30}$|[-—–] (Reuters|AFP|AP)\b", re.M)
_BYLINE = re.compile(r"^(?:By|Von|Par|Por|Di) [^\n]{3,120}$", re.M)
_DOMAIN_IN_TEXT = re.compile(r"\b(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|de|fr|ca|ch|at|"
                             r"com\.au|co\.il|es|it))\b", re.I)


@frozen
class Outlet:
    """An outlet for an article. Invariant: `id` is a slug or ""; `new` means it is not yet in sources.yaml
    and `name`/`homepage`/`country` are what to add; `guess.value` is the id, with where it came from."""

    id: str
    name: str
    homepage: str
    country: str
    guess: Guess
    new: bool = False


def is_section(name: str) -> bool:
    """A site name that names a section, is too short to be a name, or is a description ("News and Opinion
    on www.example.com")."""
    return squash(name) in _SECTIONS or len(squash(name)) < 2 or bool(re.search(r"\bwww\.|\.\w+/|https?:", name))


# Where a name comes from → its source family. Two fields of one family (application-name and
# apple-mobile-web-app-title; a copyright meta tag and a copyright line) are not independent of each other.
_FAMILIES = (("JSON-LD", "jsonld"), ("og:site_name", "og"), ("application-name", "app"),
             ("apple-mobile-web-app-title", "app"), ("<title>", "title"), ("twitter:site", "handle"),
             ("copyright", "copyright"), ("logo", "logo"), ("extractor", "extractor"))
# The page's own name fields: a clean name in one of these can be presented as detected.
_STATED = {"jsonld", "og", "app", "title"}
_CORPORATE_HEAD = re.compile(r"^(?:Ediciones|Editorial|Edições|Éditions|Editions|Verlag|Grupo|Gruppo|Groupe)\s+",
                             re.I)
_CORPORATE_TAIL = re.compile(
    r"[\s,]+(?:(?:Verlags-\s+und\s+Vertriebs-?|Verlags-?|Medien-?)\s+)?(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|"
    r"S\.\s?L\.|S\.?L|S\.\s?A\.|S\.?A|S\.?p\.?A\.?|S\.?r\.?l\.?|Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|plc|PLC|"
    r"Corp\.?|Corporation|B\.?V\.?|N\.?V\.?|Media Group|Media|Group)$", re.I)
_DOMAIN_FORM = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,6}$", re.I)
_RIGHTS = re.compile(r"(?i)\b(?:all rights reserved|alle rechte|tous droits|todos los derechos|riproduzione "
                     r"riservata|or its affiliated|this material)\b.*$")
_ARTICLES = {"the", "der", "die", "das", "le", "la", "les", "el", "il", "lo", "l"}
_GENERIC = {"news", "online", "zeitung", "newspaper", "daily", "magazine", "tv", "of", "and", "und"}


@frozen
class Claim:
    """One name a page gives itself. Invariant: `name` is cleaned (no "www.", TLD, corporate form or tagline);
    `form` is "clean", "domain" (it was a domain: "DW.COM") or "handle" (a twitter:site handle); `stated`: the
    name comes from one of the page's own name fields; `claims`: that field asserts it (a <title>'s last part,
    not its middle parts), so another name there contradicts."""

    where: str
    family: str
    name: str
    form: str
    stated: bool
    claims: bool = True
    written: str = ""  # a domain's name as the page writes it ("Phys.org"), before its label was taken


@frozen
class Naming:
    """The outlet name a page's sources agree on. Invariant: `name` is "" when the page names no site; `doubt`
    is "" exactly when the name can be presented as detected; `where` lists the agreeing sources."""

    name: str
    where: str
    doubt: str


def _family(where: str) -> str:
    return next((fam for mark, fam in _FAMILIES if mark in where), where)


def _cut(name: str) -> str:
    """A name without its tagline, trailing issue number or date, corporate form and "www."."""
    name = re.split(r"\s+[|–—·-]\s+|\s*\|\s*|,\s+|\s+/\s+", one_line(name))[0]
    name = re.sub(r"\s*[|:–—-]\s*(home|homepage|news|startseite|accueil|inicio|portada)\s*$", "", name, flags=re.I)
    name = re.sub(r"(\s+[\d./-]+)+$", "", re.sub(r"^www\.", "", name, flags=re.I))
    for _ in range(3):  # "Verlags- und Vertriebs GmbH & Co. KG": forms can stack
        name = _CORPORATE_TAIL.sub("", _CORPORATE_HEAD.sub("", name)).strip(" ,&")
    return name


def _undomain(name: str) -> str:
    """"wien.ORF.at" → "ORF", "FAZ.NET" → "FAZ", "BreakingBelizeNews.com" → "Breaking Belize News": the
    registered label, its case kept and its CamelCase words split."""
    labels = name.split(".")
    label = labels[-len(registered_domain(name.lower()).split("."))]
    return re.sub(r"(?<=[a-zà-ÿ])(?=[A-Z])", " ", label)


def clean_site_name(name: str) -> str:
    """A site name as a name: "DW.COM" → "DW", "Ediciones EL PAÍS S.L." → "EL PAÍS", "Salon.com" → "Salon",
    "WSVN 7News | Miami News, Weather" → "WSVN 7News", "Bugle - Home" → "Bugle"."""
    name = _cut(name)
    return _undomain(name) if _DOMAIN_FORM.match(name) else name


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def _claims_of(where: str, raw: str) -> list[Claim]:
    """The names one source gives: a <title> gives each part after the headline, a copyright line each holder."""
    family = _family(where)
    if family == "title":
        parts = [p for p in _TITLE_PARTS.split(one_line(raw))[1:] if len(p.split()) <= 6]
        parts = [p for p in parts if re.search(r"[^\W\d_]", p)]  # "19.01.2020" is no name
        return [c for i, p in enumerate(parts) for c in _claim(where, family, p, i == len(parts) - 1)]
    if family == "copyright":
        text = re.sub(r"(?i)©|&copy;|\(c\)|\bcopyright\b|\bby\b", " ", _RIGHTS.sub("", raw))
        text = re.sub(r"\b\d[\d.]*\b(\s*[-–]\s*\d+\b)?", " ", text)
        holders = [h for h in re.split(r"\s+/\s+|\s*[|(]|\.(?:\s|$)", text) if h.strip(" .,:;-")]
        return [c for h in holders[:2] for c in _claim(where, family, h.strip(" .,:;-"), False)]
    if family == "logo":
        if re.search(r"\.(svg|png|jpe?g|gif|webp)\b", raw, re.I):
            return []
        named = re.sub(r"(?i)[\s_-]*logo(?:tipo|type)?[\s_-]*", " ", raw)
        if named != raw:  # ("Logo tagesschau.de" describes a picture: not the name as the logo writes it)
            found = _claim(where, family, named, False)
            return [Claim(c.where, c.family, c.name, c.form, c.stated, c.claims) for c in found]
    if family == "handle":
        return [Claim(where, family, raw.lstrip("@"), "handle", False, False)] if raw.strip("@ ") else []
    return _claim(where, family, raw, "organization" not in where)  # an organization may be a parent company


def _claim(where: str, family: str, raw: str, claims: bool) -> list[Claim]:
    if is_section(raw.strip()):
        return []
    name = _cut(raw)
    written = name
    if _DOMAIN_FORM.match(name):
        name, form = _undomain(name), "domain"
    else:
        form = "clean"
    if is_section(name) or len(name.split()) > 6:
        return []
    return [Claim(where, family, name, form, family in _STATED, claims and family in _STATED, written)]


def _domain_brand(group: list[Claim]) -> list[Claim]:
    """The group with its domains as names, when every name in it is the same domain as written, in a name field
    and as the logo's alt text: the outlet's brand, as its logo writes it, is its address (Phys.org's JSON-LD
    publisher and logo, netzpolitik.org's og:site_name, <title> and logo), and its label alone ("Phys") names
    nothing (review 125). Name fields alone that write a domain ("STERN.de"), or beside a logo described, not
    written ("Logo tagesschau.de"), are a site's address beside its name, as a logo that writes the label alone
    (MOPO.de's "mopo", TDG.ch's "tdg") shows: the label is kept, flagged."""
    named = [c for c in group if c.form != "handle"]
    spelt = {c.written.casefold() for c in named}
    if (len(spelt) != 1 or any(c.form != "domain" for c in named) or not any(c.stated for c in named)
            or not any(c.family == "logo" for c in named)):
        return group
    return [Claim(c.where, c.family, c.written, "clean", c.stated, c.claims, c.written) if c.form == "domain" else c
            for c in group]


def _fold(text: str, keep_article: bool = False) -> list[str]:
    """Lower-case words without accents, punctuation and (unless kept) a leading article: "Der Süddeutsche" →
    ["suddeutsche"]."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    words = [w for w in re.split(r"[\W_]+", plain) if w]
    return words[1:] if not keep_article and len(words) > 1 and words[0] in _ARTICLES else words


def _initials(words: list[str]) -> set[str]:
    """A name's initials, with and without its small words: "Tribune de Genève" is "TG" or "TDG" (review 72)."""
    return {"".join(w[0] for w in words if w not in ("of", "and", "und", "de")), "".join(w[0] for w in words)}


def _same(a: Claim, b: Claim) -> bool:
    """Two names of one outlet: equal words, one the initials of the other ("FAZ", "Frankfurter Allgemeine
    Zeitung"; "TDG", "Tribune de Genève"), or a domain's label that is the other without a generic word
    ("Süddeutsche", "… Zeitung")."""
    wa, wb = _fold(a.name), _fold(b.name)
    ka, kb = "".join(wa), "".join(wb)
    if not ka or not kb:
        return False
    # "La Stampa" is "lastampa.it" and the handle "LaStampa": the article can be part of a domain's word
    if {ka, "".join(_fold(a.name, True))} & {kb, "".join(_fold(b.name, True))}:
        return True
    if (len(wa) == 1 and len(ka) > 1 and ka in _initials(wb)) or (len(wb) == 1 and len(kb) > 1 and kb in _initials(wa)):
        return True
    bare = ["".join(w for w in ws if w not in _GENERIC) for ws in (wa, wb)]
    return (a.form == "domain" and ka == bare[1]) or (b.form == "domain" and kb == bare[0])


def fits_domain(name: str, host: str) -> bool:
    """Whether a name is what the domain spells: its words in the host ("Campo Grande News",
    campograndenews.com.br; "KBS World", world.kbs.co.kr), or its initials ("NZZ", "LA Times" for latimes)."""
    label = registered_domain(host).split(".")[0]
    flat = "".join(host.split(".")[:-len(registered_domain(host).split(".")) + 1] or [label])
    for words in (_fold(name), _fold(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))):
        kept = [w for w in words if w not in _GENERIC]
        if kept and all(w in flat for w in kept):
            return True
        if len(words) > 1 and label in {*_initials(words), *(i + words[-1] for i in _initials(words[:-1]))}:
            return True
    return False


def _rank(claim: Claim, group: list[Claim], label: str) -> tuple[bool, bool, bool, int]:
    """Which spelling of a group to show: a clean one, from a name field, with capitals, the most repeated. A
    clean name outside the name fields that is only the domain's `label` (a logo's "mopo") is no better than
    the domain the page's name fields give ("MOPO.de", review 72)."""
    bare = not claim.stated and claim.name == label
    return (claim.form == "clean" and not bare, claim.stated, claim.name != claim.name.lower(),
            sum(c.name == claim.name for c in group))


def name_site(site_names: Sequence[tuple[str, str]], host: str) -> Naming:
    """The name most independent sources of a page agree on, and why it is uncertain ("" if it is not).
    `site_names`: (where, raw text) of every name the page gives itself, best first."""
    claims = [c for where, raw in site_names if raw for c in _claims_of(where, raw)]
    groups: list[list[Claim]] = []
    for claim in claims:
        home = next((g for g in groups if any(_same(claim, c) for c in g)), None)
        if home is None:
            groups.append([claim])
        else:
            home.append(claim)
    groups = [g for g in groups if any(c.form != "handle" for c in g)]  # a handle alone is no name
    if not groups:
        return Naming("", "", "")

    def support(g: list[Claim]) -> tuple[int, int]:
        return (len({c.family for c in g if c.family != "extractor"}), len({c.family for c in g if c.stated}))
    best = _domain_brand(max(groups, key=support))  # max keeps the first of equals: the better source
    label = registered_domain(host).split(".")[0] if host else ""
    shown = max((c for c in best if c.form != "handle"), key=lambda c: _rank(c, best, label))
    families = sorted({c.family for c in best if c.family != "extractor"}, key=[c.family for c in best].index)
    where = ("the site name in " + ", ".join(next(c.where for c in best if c.family == f) for f in families[:3])
             if families else "the site name the extractor found")  # (no field of the page's own says it)
    return Naming(shown.name, where, _doubt(shown, best, claims, host, len(families)))


def _doubt(shown: Claim, group: list[Claim], claims: list[Claim], host: str, sources: int) -> str:
    """Why a name cannot be presented as detected, in an editor's words ("" when it can)."""
    doubts = []
    if not any(c.stated and c.form == "clean" for c in group):
        forms = {c.form for c in group if c.stated}
        doubts.append("the page's own name fields give only its domain" if forms == {"domain"} else
                      "none of the page's name fields gives it, only " + group[0].where)
    elif sources < 2:
        doubts.append(f"only {group[0].where} gives it")
    others = [c.name for c in claims if c.claims and c.form == "clean" and c not in group]
    if others:
        doubts.append(f'the page also calls itself "{others[0]}"')
    if host and not fits_domain(clean_site_name(shown.name), host):  # ("Phys.org" is what phys.org spells)
        doubts.append(f"it does not match the domain {registered_domain(host)}")
    return "; ".join(doubts)


def _existing(sources: Mapping[str, tuple[str, str]], host: str, names: Sequence[str]) -> str:
    """The id of an outlet already in sources.yaml with this domain, or else with one of these names."""
    domain = registered_domain(host) if host else ""
    for source_id, (_, homepage) in sorted(sources.items()):
        h = host_of(homepage)
        if domain and h and registered_domain(h) == domain:
            return source_id
    return _named(sources, names)


def _named(sources: Mapping[str, tuple[str, str]], names: Sequence[str]) -> str:
    """The id of an outlet of sources.yaml called one of `names` (a leading "The" aside), or ""."""
    wanted = {squash(n) for n in names if n} - {""}
    for source_id, (name, _) in sorted(sources.items()):
        if squash(name) in wanted or squash(name.removeprefix("The ")) in wanted:
            return source_id
    return ""


def _free_id(name: str, sources: Mapping[str, tuple[str, str]]) -> str:
    base = slugify(name, "outlet")
    source_id, n = base, 2
    while source_id in sources:
        source_id, n = f"{base}-{n}", n + 1
    return source_id


def _homepage(host: str, url: str) -> str:
    scheme = "http" if url.startswith("http:") else "https"
    return f"{scheme}://{'www.' if url.split('//', 1)[-1].startswith('www.') else ''}{host}/"


def guess_outlet(url: str, site_names: Sequence[tuple[str, str]], sources: Mapping[str, tuple[str, str]],
                 known_outlets: Table = KNOWN) -> Outlet:
    """The outlet of a page at `url` whose metadata names its site `site_names` ((where, name), best first;
    `where` says which field, e.g. '<meta property="og:site_name">', "the <title>", "the copyright line").
    `sources`: outlets already in sources.yaml, id → (name, homepage); `known_outlets`: the known table."""
    host = host_of(url)
    hit = known(host, known_outlets) if host else None
    naming = name_site(site_names, host)
    # The domain decides when it can: a page's site names may name another outlet (a syndicated copy).
    found = _existing(sources, host, [hit[1]] if hit else [naming.name] if naming.name else [])
    if found:
        name = sources[found][0]
        return Outlet(found, name, sources[found][1], "",
                      Guess(found, f"{name}, already in sources.yaml (same domain or name)"))
    if hit:
        domain, name, country = hit
        source_id = _free_id(name, sources)
        return Outlet(source_id, name, _homepage(host, url), country,
                      Guess(source_id, f"the domain {domain} is {name} (known outlets)"), new=True)
    if not naming.name and host:
        return _new(host, host, url, sources, Guess("", f"the domain {host}", False,
                                                   "the page gives no site name"))
    if not naming.name:
        return Outlet("", "", "", "", Guess("", "outlet", False, "no domain and no site name"))
    doubt = naming.doubt if host else "; ".join(filter(None, [naming.doubt, "no web address known"]))
    return _new(naming.name, host, url, sources, Guess("", naming.where, not doubt, doubt))


def _new(name: str, host: str, url: str, sources: Mapping[str, tuple[str, str]], guess: Guess) -> Outlet:
    source_id = _free_id(name, sources)
    return Outlet(source_id, name, _homepage(host, url) if host else "", "",
                  Guess(source_id, guess.where, guess.certain, guess.doubt), new=True)


def credited_wire(text: str) -> str:
    """The wire service a text credits ("(Reuters)", "By ... Associated Press", "— AFP"), or ""."""
    m = _CREDIT.search(text[:3000])
    if not m:
        return ""
    return WIRES[next(g for g in m.groups() if g)][1]


def outlet_from_text(text: str, sources: Mapping[str, tuple[str, str]], known_outlets: Table = KNOWN) -> Outlet:
    """For a plain-text seed: a wire credit, a known outlet's domain in the text, or an outlet of sources.yaml
    named in the text. Always flagged uncertain: a text can quote or link another outlet."""
    wire = credited_wire(text)
    if wire:
        domain, name, country = next(w for w in sorted(WIRES.values()) if w[1] == wire)
        # a wire service is always known, whatever the table: its credit names it
        out = guess_outlet(f"https://{domain}/", [], sources, {**known_outlets, domain: (name, country)})
        return _flagged(out, f'the credit "{wire}" in the text', "a wire credit names who wrote it, "
                                                                 "not always who published it")
    for m in _DOMAIN_IN_TEXT.finditer(text):
        host = m.group(1).lower()
        if known(host, known_outlets) or _existing(sources, host, []):
            out = guess_outlet(f"https://{host}/", [], sources, known_outlets)
            return _flagged(out, f"the address {host} in the text", "the text may link to another outlet")
    for line in _BYLINE.findall(text[:3000]):
        for domain, (name, _) in sorted(known_outlets.items(), key=lambda kv: (-len(kv[1][0]), kv[0])):  # longest
            if len(name) > 3 and re.search(r"\b" + re.escape(name) + r"\b", line):
                out = guess_outlet(f"https://{domain}/", [], sources, known_outlets)
                return _flagged(out, f'the byline "{one_line(line)[:60]}"', "a byline can name a partner outlet")
    lowered = text.casefold()
    for source_id, (name, _) in sorted(sources.items()):
        for word in {name, name.removeprefix("The ")}:
            if len(word) > 3 and word.casefold() in lowered:
                return Outlet(source_id, name, "", "", Guess(source_id, f'"{word}" named in the text', False,
                                                             "the text may name another outlet"))
    return Outlet("", "", "", "", Guess("", "outlet", False, "no credit, address or known outlet in the text"))


def _flagged(out: Outlet, where: str, doubt: str) -> Outlet:
    return Outlet(out.id, out.name, out.homepage, out.country, Guess(out.id, where, False, doubt), out.new)
