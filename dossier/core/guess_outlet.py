"""Which outlet published a page: from its domain first, then its site name, then credits in its text.

A known domain (outlets.py) or an outlet already in sources.yaml with that domain is certain; a site name that
matches the domain is certain; anything else is a flagged guess. Never "unknown": with no domain and no name
the result is empty and the build warns "outlet unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from .guesses import Guess, one_line, squash
from .outlets import KNOWN, WIRES, host_of, known, registered_domain
from .slugs import slugify

# Site names that are a section of a site, not its name (a Reuters page's og:site_name can be "U.S.").
_SECTIONS = {"us", "uk", "world", "news", "home", "homepage", "politics", "business", "sport", "sports",
             "opinion", "europe", "asia", "africa", "americas", "middleeast", "tech", "technology", "science",
             "health", "culture", "entertainment", "lifestyle", "markets", "latest", "article", "articles"}
_CREDIT = re.compile(r"\((Reuters|AP|AFP)\)|\b(?:By|Von|Par|Por)\b[^\n]{0,60}?\b(Reuters|Associated Press|AFP)\b|"
                     r"[-—–] (Reuters|AFP|AP)\b")
_BYLINE = re.compile(r"^(?:By|Von|Par|Por|Di) [^\n]{3,120}$", re.M)
_DOMAIN_IN_TEXT = re.compile(r"\b(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|de|fr|ca|ch|at|"
                             r"com\.au|co\.il|es|it))\b", re.I)


@dataclass(frozen=True)
class Outlet:
    """An outlet for an article. Invariant: `id` is a slug or ""; `new` means it is not yet in sources.yaml
    and `name`/`homepage`/`country` are what to add; `guess.value` is the id, with where it came from."""

    id: str
    name: str
    homepage: str
    country: str
    guess: Guess
    new: bool = False


def clean_site_name(name: str) -> str:
    """"DW.COM" → "DW.COM" stays recognisable but "Salon.com" → "Salon"; trailing " - Home" and "| News" go."""
    name = one_line(name)
    name = re.sub(r"\s*[|:–—-]\s*(home|homepage|news|startseite|accueil|inicio|portada)\s*$", "", name, flags=re.I)
    name = re.sub(r"^(www\.)", "", name, flags=re.I)
    bare = re.sub(r"\.(com|net|org|co\.uk|de|fr)$", "", name, flags=re.I)
    return bare if bare and not bare.isupper() else name


def is_section(name: str) -> bool:
    """A site name that names a section, is too short to be a name, or is a description ("News and Opinion
    on www.example.com")."""
    return squash(name) in _SECTIONS or len(squash(name)) < 2 or bool(re.search(r"\bwww\.|\.\w+/|https?:", name))


def _matches_domain(name: str, host: str) -> bool:
    label = squash(registered_domain(host).split(".")[0])
    words = [w for w in re.split(r"[\W_]+", name.casefold()) if w]
    initials = "".join(w[0] for w in words if w not in ("the", "of", "and"))
    flat = squash(name)
    return bool(label) and (label in flat or (len(flat) > 3 and flat in label) or label == initials)


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


def guess_outlet(url: str, site_names: Sequence[tuple[str, str]], sources: Mapping[str, tuple[str, str]]
                 ) -> Outlet:
    """The outlet of a page at `url` whose metadata names its site `site_names` ((where, name), best first).
    `sources`: outlets already in sources.yaml, id → (name, homepage)."""
    host = host_of(url)
    names = [(w, clean_site_name(n)) for w, n in site_names if clean_site_name(n)]
    hit = known(host) if host else None
    # The domain decides when it can: a page's site names may name another outlet (a syndicated copy).
    found = _existing(sources, host, [hit[1]] if hit else [n for _, n in names])
    if found:
        name = sources[found][0]
        return Outlet(found, name, sources[found][1], "",
                      Guess(found, f"{name}, already in sources.yaml (same domain or name)"))
    if hit:
        domain, name, country = hit
        source_id = _free_id(name, sources)
        return Outlet(source_id, name, _homepage(host, url), country,
                      Guess(source_id, f"the domain {domain} is {name} (known outlets)"), new=True)
    named = [(w, n) for w, n in names if not is_section(n)]
    if host:
        for where, name in named:
            if _matches_domain(name, host):
                return _new(name, host, url, sources, Guess("", f"the site name in {where}, matching {host}"))
        named = [(w, n) for w, n in named if "twitter:site" not in w]  # an unmatched handle is no name
        if named:
            where, name = named[0]
            return _new(name, host, url, sources, Guess("", f"the site name in {where}", False,
                                                       f"it does not match the domain {host}"))
        return _new(host, host, url, sources, Guess("", f"the domain {host}", False,
                                                   "the page gives no site name that matches it"))
    if named:
        where, name = named[0]
        return _new(name, "", "", sources, Guess("", f"the site name in {where}", False, "no web address known"))
    return Outlet("", "", "", "", Guess("", "outlet", False, "no domain and no site name"))


def _new(name: str, host: str, url: str, sources: Mapping[str, tuple[str, str]], guess: Guess) -> Outlet:
    source_id = _free_id(name, sources)
    return Outlet(source_id, name, _homepage(host, url) if host else "", "",
                  Guess(source_id, guess.where, guess.certain, guess.doubt), new=True)


def credited_wire(text: str) -> str:
    """The wire service a text credits ("(Reuters)", "By ... Associated Press", "— AFP"), or ""."""
    m = _CREDIT.search(text[:3000])
    if not m:
        return ""
    name = next(g for g in m.groups() if g)
    return KNOWN[WIRES[name]][0]


def outlet_from_text(text: str, sources: Mapping[str, tuple[str, str]]) -> Outlet:
    """For a plain-text seed: a wire credit, a known outlet's domain in the text, or an outlet of sources.yaml
    named in the text. Always flagged uncertain: a text can quote or link another outlet."""
    wire = credited_wire(text)
    if wire:
        domain = next(d for d, (n, _) in KNOWN.items() if n == wire)
        out = guess_outlet(f"https://{domain}/", [], sources)
        return _flagged(out, f'the credit "{wire}" in the text', "a wire credit names who wrote it, "
                                                                 "not always who published it")
    for m in _DOMAIN_IN_TEXT.finditer(text):
        host = m.group(1).lower()
        if known(host) or _existing(sources, host, []):
            out = guess_outlet(f"https://{host}/", [], sources)
            return _flagged(out, f"the address {host} in the text", "the text may link to another outlet")
    for line in _BYLINE.findall(text[:3000]):
        for domain, (name, _) in sorted(KNOWN.items(), key=lambda kv: (-len(kv[1][0]), kv[0])):  # longest
            if len(name) > 3 and re.search(r"\b" + re.escape(name) + r"\b", line):
                out = guess_outlet(f"https://{domain}/", [], sources)
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
