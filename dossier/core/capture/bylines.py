"""The names in a byline, for the stub's `byline:` guess (page_guess.py): the persons and agencies credited, never
what a byline carries beside them.

The extractor joins what it finds near the headline with "; ", job titles and dates included: "By Jane
Whitfield, World Affairs Correspondent" became "Jane Whitfield; World Affairs Correspondent", and "By Omar Haddad
| March 23, 2024" became "Omar Haddad; March" (review 116); a page's metadata may write "Markus M. Haefliger,
London, Beat Bumbacher". A byline is split at ";", "|", "/", " and " (und, et, &) and, where a part of it has two
words or more, at commas ("Smith, John" is one name). A part goes when it is no one's name by general evidence:
digits in it, a month's or a weekday's name alone, a word of a job title (Correspondent, Editor, Reporter, Staff
writer… in the languages measured), only the words around a byline ("Article by"), or, beside a name of two words
or more, a single word that is no news agency (a place: "London"). A person's name that holds a month ("April
Ryan", "June Carter") or particles ("Gabriel García Márquez", "Ursula von der Leyen") stays, as does an agency
("AP", "Reuters"). Several names are written "A and B", "A, B and C", as the JSON-LD's several authors were.

Pure: a byline's text in, its names out.
"""

from __future__ import annotations

import re

from ..common.agencies import NEWS_AGENCIES
from .guesses import one_line

# What a byline carries beside the names: "By …", "Par …", "Von …", and " for The Mail on Sunday" (review 72)
# (not a name's particle: "Von der Leyen", "Van Dyke", nor a name that only begins so: "Anna Para Silva", review 73)
_BYLINE_LEAD = re.compile(r"^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Aa]uteur|[Aa]utor|[Aa]utorin|[Tt]exte?)\s*:?\s+"
                          r"(?!(?:der|den|dem|zu|de|la|le|van|von)\b)(?=[A-ZÀ-Þ])")
_BYLINE_FOR = re.compile(r"\s+(?:[Ff]or|FOR)\s+(?:[Tt]he|THE)\s+[A-Z].*$")
_SEPARATOR = re.compile(r"\s*[;|/]\s*|\s+(?:and|und|et|&)\s+", re.I)

_MONTHS = frozenset((
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januar februar märz juni juli oktober dezember jänner "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia "
    "januari februari maart mei augustus").split())
_WEEKDAYS = frozenset((
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi "
    "dimanche lunes martes miércoles jueves viernes sábado domingo").split())
# A word of a job title, never of a name: the author's position after their name ("World Affairs Correspondent")
_TITLES = frozenset((
    "correspondent correspondents editor editors reporter reporters writer writers columnist columnists "
    "contributor contributors producer journalist journalists photographer photographers analyst bureau "
    "correspondente korrespondent korrespondentin redakteur redakteurin reporterin autorin redaktion "
    "correspondant correspondante journaliste rédacteur rédactrice envoyé envoyée "
    "corresponsal redactor redactora periodista enviado enviada corrispondente inviato inviata giornalista "
    "redattore redattrice korespondent dziennikarz dziennikarka redaktor redacteur verslaggever").split())
# The words around a byline, with no name: "Article by", "Posted by", "and"
_CREDIT_WORDS = frozenset("by article story written words text posted published updated von par por di de "
                          "and und et y e".split())


def bare(name: str) -> str:
    """A byline's names alone: without "By" before them or " For The Mail On Sunday" after, "And" as "and"."""
    text = _BYLINE_FOR.sub("", _BYLINE_LEAD.sub("", one_line(name)))
    return re.sub(r"\s+And\s+", " and ", text).strip(" ,;")


def _no_name(part: str) -> bool:
    """Whether a part of a byline is no one's name: digits, a date's month, a job title, a byline's words."""
    found = re.findall(r"[^\W\d_]+", part.casefold())
    if not found or any(c.isdigit() for c in part):
        return True
    # (a month's or a weekday's name alone, or a weekday written out and a month: "Saturday March"; "Sun Mei", "Jun
    # Sun" and "April May" are names, review 119)
    dated = all(word in _MONTHS or word in _WEEKDAYS for word in found)
    return (set(found) <= _CREDIT_WORDS or bool(set(found) & _TITLES) or dated and len(found) == 1
            or dated and sum(word in _MONTHS for word in found) <= 1 and
            any(word in _WEEKDAYS and len(word) >= 5 for word in found))


def _agency(word: str) -> bool:
    """Whether a word of a byline credits a news agency: one the dossier knows (common/agencies.py), or an acronym
    in capitals ("PAP", "EFE")."""
    return word.casefold() in NEWS_AGENCIES or (word.isupper() and 2 <= len(word) <= 5)


# A name's suffix after a comma ("Martin Luther King, Jr."): part of the name before it (review 119)
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV|Jun|Sen)\.?", re.I)


def _comma_parts(piece: str) -> list[str]:
    """The names a part of a byline between its separators holds, at its commas: a list of names ("Markus M.
    Haefliger, London, Beat Bumbacher") where a part has two words or more, but not a name written surname first
    ("Haefliger, Markus M.": one word before one comma) nor a suffix
    ("King, Jr."), which stay whole (review 119)."""
    commas: list[str] = []
    for part in piece.split(","):
        if commas and _SUFFIX.fullmatch(part.strip()):
            commas[-1] += "," + part
        else:
            commas.append(part)
    if len(commas) == 1 or not any(len(part.split()) > 1 for part in commas):
        return ["".join(commas)] if len(commas) == 1 else [piece]
    # (a surname of one word first, then the given names: "Haefliger, Markus M."; two words before the comma are a
    # name and what follows it, a place or another name: "Jane Doe, London", "Matthew Lee, Aamer Madhani", review
    # 121; so "García Márquez, Gabriel" is read as "García Márquez")
    surname_first = len(commas) == 2 and len(commas[0].split()) == 1 and 1 <= len(commas[1].split()) <= 3 and \
        commas[0].strip()[:1].isupper() and not _no_name(commas[1].strip()) and not _agency(commas[1].strip()) \
        and not _no_name(commas[0].strip())
    return [piece] if surname_first else commas


def _unstopped(name: str) -> str:
    """`name` without a full stop ending it, unless it ends an initial or an abbreviation ("Markus M.", "Jr.")."""
    last = name.rsplit(None, 1)[-1] if name else ""
    return name[:-1] if name.endswith(".") and len(last.rstrip(".")) > 2 and last.count(".") == 1 else name


def name_parts(value: str) -> list[str]:
    """The parts of a byline that may be names, in order, each once: no job title, date or byline's words."""
    parts = [part for piece in _SEPARATOR.split(bare(value)) for part in _comma_parts(piece)]
    names: list[str] = []
    for part in parts:
        name = _unstopped(bare(part).strip(" :;,|–—-"))
        if name and not _no_name(name) and name not in names:
            names.append(name)
    return names


def byline_names(value: str) -> list[str]:
    """The names a byline credits (`name_parts`), less a single word beside a name of two words or more that is no
    news agency (a place, a desk); [] when none is left."""
    names = name_parts(value)
    if any(len(name.split()) > 1 for name in names):
        names = [name for name in names if len(name.split()) > 1 or _agency(name)]
    return names


def credited(names: list[str]) -> str:
    """Names as a byline writes them: "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
