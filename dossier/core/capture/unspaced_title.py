"""Where a headline in a script written without spaces ends and its site's name begins. Pure.

Chinese and Japanese pages write the separator before the site's name with no space either side ("武汉的声音：…
英雄的城！-新华网"), so " - " never matched and the site's name stayed in the headline (Xinhuanet, held-out review).
But a "-" inside a headline joins a compound name ("第二十届中国-东盟博览会", "日本-中国首脳会談"): cut at it alone,
"北京举行第二十届中国-东盟博览会" was the headline "北京举行第二十届中国" of an outlet "东盟博览会" (review 192). So
a last "-" is a cut only when the page tells that what follows is a name: it is a name the site gives itself
(og:site_name, application-name, a known outlet's, its domain's), the headline before it closed on its punctuation
("…英雄的城！-新华网"), or the <title> has a separator before it too ("headline_section_site") that is not a "-"
as well: three parties join so ("北京举行中国-中亚-东盟峰会" was the headline "北京举行中国-中亚", certain, of an
outlet "东盟峰会", review 194), and two "-" need the evidence one does. A "_" or a bar joins
no name, and is a cut ("东京奥运会推迟一年_新闻中心", "桜の開花が早まる｜毎日新聞"). A section between
the same "_" or "|" twice is left out ("中美元首会晤成果丰硕_国际新闻_环球网"); between "-" it stays with the headline
("2024年第二十届中国-东盟峰会-新华网"). The cut is written " - ", which every guesser splits at.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping

from .guesses import one_line, squash
from .outlets import KNOWN, host_of, known, registered_domain
from .pagemeta import PageMeta

Table = Mapping[str, tuple[str, str]]  # domain → (name, country), like outlets.KNOWN

_LETTER = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_PUNCTUATION = r"\u3001-\u303f\uff01-\uff0f\uff1a-\uff1f"
# a separator between two such characters (or after the headline's closing full-width punctuation): "COVID-19",
# "Jean-Luc" never split
_CUT = re.compile(rf"(?<=[{_LETTER}{_PUNCTUATION}])[-_|\uff5c](?=[{_LETTER}])")
_NAME = re.compile(rf"[{_LETTER}]{{2,8}}")   # a site's or a section's name: 2 to 8 characters
_CLOSED = re.compile(rf"[{_PUNCTUATION}]$")
HEADLINE = 8   # characters a headline before a cut holds at least


def spaced_title(title: str, names: Iterable[str]) -> str:
    """`title` with its site's name cut off by " - " where the page tells it is one (module docstring); `names`:
    the names the page or the known table gives its site. Unchanged when nothing tells."""
    title = one_line(title)
    cuts = list(_CUT.finditer(title))
    if not cuts or not _NAME.fullmatch(title[cuts[-1].end():]) or len(title[:cuts[-1].start()]) < HEADLINE:
        return title
    last, site = cuts[-1], title[cuts[-1].end():]
    head = title[:last.start()]
    if len(cuts) > 1 and not cuts[-2].group() == last.group() == "-":
        before = cuts[-2]
        section, rest = title[before.end():last.start()], title[:before.start()]
        if before.group() == last.group() != "-" and _NAME.fullmatch(section) and len(rest) >= HEADLINE:
            head = rest
        return f"{head} - {site}"
    if last.group() != "-" or _CLOSED.search(head) or squash(site) in {squash(name) for name in names} - {""}:
        return f"{head} - {site}"
    return title


def with_spaced_titles(meta: PageMeta, read_at: str, table: Table | None = None) -> PageMeta:
    """The page with its <title>, og:title and twitter:title cut so (spaced_title), by the names its metadata,
    the known table and its domain give its site."""
    table = KNOWN if table is None else table
    host = host_of(read_at or meta.canonical or meta.meta.get("og:url", ""))
    hit = known(host, table) if host else None
    names = [meta.meta.get(k, "") for k in ("og:site_name", "application-name", "apple-mobile-web-app-title")]
    names += [name for name, _ in table.values()] + ([hit[1]] if hit else [])
    names += [registered_domain(host).split(".")[0]] if host else []
    social = {k: spaced_title(meta.meta[k], names) for k in ("og:title", "twitter:title") if meta.meta.get(k)}
    return replace(meta, title=spaced_title(meta.title, names), meta={**meta.meta, **social})
