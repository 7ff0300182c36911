"""A photo's credit, alone on its line or ending its caption, told by its words (furniture.py's `_by_words`). Pure.

A credit names people and agencies: capitalised names ("Jonathan Nackstrand/AFP"), a lower-cased agency of three
letters at most ("dpa") or a stock library's two words ("picture alliance"). A line that says more than that in
lower-case words, holds a digit by its slash ("9/11", "24/7"), ends in a quote mark, "?" or "!", or runs longer
than a caption is a sentence of the article that names a photo or a credit, and stays: a dropped sentence is lost
evidence, a kept credit one line to delete.
"""

from __future__ import annotations

import re

from .furniture_words import CREDIT_WORDS

CAPTION_WORDS = 40   # a caption is a sentence, a paragraph is longer
PROSE_WORDS = 2      # lower-case words of four letters or more a credit may hold ("picture alliance", "imago images")
PARTICLES = frozenset({"de", "da", "del", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "der", "den",
                       "ter", "zu", "y", "e", "bin", "al", "via", "and", "und", "et"})
LIBRARIES = ("picture alliance", "imago")

CREDIT = "a photo credit"
CAPTION = "a photo's caption, ending in its credit"

# "Foto: M. Rädel", "(Bild: Dieter Stork)", "© dpa | Kay Nietfeld": the label, then a dozen words at most
_ALONE = re.compile(rf"^[(\[]?(?:(?:{CREDIT_WORDS})\s*[:©|]|fot\.|©)\s*(?P<credit>\S+(?:\s+\S+){{0,11}})\s*$", re.I)
# "… briefings. Photo: Jonathan Nackstrand/AFP", "… en el Congreso (Foto: Natacha Pisarenko/Pool via REUTERS)."
_ENDING = re.compile(rf"^(?P<caption>.{{20,}}?)[\s(\[](?:{CREDIT_WORDS})\s*:\s*(?P<name>[^:()/]{{2,60}})/"
                     rf"(?P<agency>[^:()/]{{2,60}}?)\s*(?:[)\]]\.?)?$", re.I)
_SENTENCE_ENDS = ("?", "!", '"', "'", "”", "’", "»", "«", "“")   # (a question, an exclamation, a quotation)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[.&'’-])*")   # a word of a name: letters, "M.", "O'Neill", "AT&T"
_SENTENCE_END = re.compile(r"[^\W\d_]{2,}[.!?][\"'»”’)]*\s")  # (not after an initial: "M. Rädel", "U.S.")
# A caption shows; a sentence that reports what someone said is the article's ("Mr Smith said the rescue took
# hours. Photo: John Smith/AP"): its own full stop before the credit cannot tell it, a caption ends so too
_REPORTED = re.compile(r"\b(?:said|says|told|sagte|sagt|sagten|erklärte|teilte|dijo|afirmó|declaró|a déclaré|"
                       r"a dit|ha detto|powiedział)\b", re.I)


def credit_kind(label: str) -> str:
    """What a whole line is when it is a photo's credit or a caption ending in one, else ""."""
    if label.endswith(_SENTENCE_ENDS) or (label.endswith(".") and not label.endswith((").", "]."))):
        return ""   # (a sentence's end; a caption's full stop comes after its bracketed credit only)
    alone = _ALONE.match(label)
    if alone and _credit_words(alone.group("credit")) and _names(alone.group("credit")):
        return CREDIT
    ending = _ENDING.match(label)
    if (ending and len(label.split()) <= CAPTION_WORDS and not _SENTENCE_END.search(ending.group("caption"))
            and not _REPORTED.search(ending.group("caption"))
            and _name(ending.group("name"), capitalised=True) and _name(ending.group("agency"), capitalised=False)):
        return CAPTION
    return ""


def _credit_words(credit: str) -> bool:
    """A credit alone names: no more than a stock library's lower-case words, no slash between digits."""
    prose = [word for word in re.findall(r"[^\W\d_]+", credit) if word.islower() and len(word) >= 4]
    return len(prose) <= PROSE_WORDS and not re.search(r"\d\s*/|/\s*\d", credit)


def _names(credit: str) -> bool:
    """A lone credit names people, agencies or institutions (`_credit_part`), a year or a "©" aside
    ("Keystone/Peter Klaunzer", "© 2019 Science X Network"): what follows the label is split at slashes, bars,
    commas and "via", and every part must be one. "Foto: Polizei sucht Zeugen", "Credit: Fitch downgrades US" or
    a headline in capitals ("Photo: Biden Meets Xi In Bali", "Photo: Biden Meets Xi") are an intertitle, and stay."""
    text = re.sub(r"©|\(c\)|\b(?:19|20)\d\d\b", " ", credit.strip(" ()[]."), flags=re.I)
    parts = [part.strip(" ,.") for part in re.split(r"\s*[/|,;]\s*|\s+via\s+", text) if part.strip(" ,.")]
    return bool(parts) and all(_credit_part(part) for part in parts)


# Words a headline in capitals holds and a name does not ("Biden Meets Xi In Bali")
_NOT_NAMES = frozenset({"in", "on", "at", "to", "for", "of", "with", "after", "over", "as", "is", "are", "from",
                        "into", "im", "am", "zum", "zur", "mit", "für", "nach", "sur", "pour", "avec", "en", "con"})
# Verbs a headline in capitals says things with, which no name holds ("Biden Meets Xi", "Scholz Visits Kyiv"):
# three capitalised words were taken for a person's name when no preposition came after them. (Not "wins":
# a surname too, "Anna Wins")
_HEADLINE_VERBS = frozenset({"meets", "says", "visits", "warns", "signs", "backs", "urges", "slams", "vows",
                             "rejects", "launches", "unveils", "announces", "calls", "hits", "faces", "plans", "seeks",
                             "sues", "tells", "denies", "admits", "accuses", "blames", "condemns", "praises",
                             "arrives", "leaves", "greets", "addresses", "tours", "speaks", "votes", "attends",
                             "trifft", "besucht", "warnt", "rencontre", "visite"})
# ... but written in small letters, these join the words of an institution's name ("Bank of England", "Bundesamt
# für Bevölkerungsschutz") or an outlet's ("Peter Müller für die SZ")
_JOINS = frozenset({"of", "for", "für", "pour", "de", "du", "des", "the", "die", "der", "le", "la"})
# A credit in small letters that names no one: the photo is the family's, a handout, the archive's
_PLAIN_CREDITS = frozenset({"handout", "privat", "private", "supplied", "archive", "archiv", "archives", "file"})
_COURTESY = re.compile(r"^courtesy(?:\s+of)?\s+(?=\S)", re.I)
_FOR = re.compile(r"\s+(?:for|für|pour)\s+")   # "Jane Doe for The New York Times": a photographer, then the outlet


def _credit_part(part: str) -> bool:
    """One part of a lone credit: a plain credit word ("handout", "privat"), "Courtesy of …", "<Name> for
    <Outlet>", or one name (`_entity`). The rule: a name's words are capitalised (an agency's may be in small
    letters, "dpa"), joined only by particles and small "of", "für", "de"; a headline is told by a word in small
    letters between capitalised ones that joins nothing (a verb: "sues", "sucht", "trifft") or a capitalised
    word a name never holds ("In", "For", "Mit": a headline in capitals). Review 194: "Photo: Bank of England"
    and "Credit: Jane Doe for The New York Times" stayed in seeds, the "of" and "for" taken for a headline's."""
    if part.casefold() in _PLAIN_CREDITS:
        return True
    courtesy = _COURTESY.match(part)
    if courtesy:
        rest = part[courtesy.end():].split()
        return len(rest) <= 4 and all(_NAME_WORD.fullmatch(word) for word in rest)
    sides = _FOR.split(part)
    return len(sides) <= 2 and all(_entity(side) for side in sides)


def _entity(text: str) -> bool:
    """A person's, agency's, institution's or outlet's name: four words at most but its joining words, each a
    capitalised word, a particle or a join (`_credit_part`). A word with a capital inside ("iStockphoto") or after
    a hyphen ("dpa-Zentralbild") is a brand's, and counts as capitalised."""
    words = [word[0].upper() + word[1:] if re.search(r"[^\W\d_][A-Z]|-[A-Z]", word) else word
             for word in text.split()]
    joins = [word for word in words[1:] if word in _JOINS or word in PARTICLES]
    if not 1 <= len(words) - len(joins) <= 4 or not _name(" ".join(words), capitalised=False):
        return False
    small_agency = words[0].islower()   # ("dpa", "picture alliance": an agency's words in small letters)
    return not any(word.casefold() in _NOT_NAMES and word not in _JOINS or word.casefold() in _HEADLINE_VERBS or
                   word.islower() and not small_agency and word not in _JOINS and word not in PARTICLES
                   for word in words[1:])


def _name(part: str, capitalised: bool) -> bool:
    """A photographer's name, each word capitalised but a particle ("de", "van", "via"), or a stock library's
    ("picture alliance"); with `capitalised` False an agency's, which may be lower-cased as "dpa" is, three letters
    at most: words of letters only, five at most."""
    names = part.split()
    if not 1 <= len(names) <= 5 or not all(_NAME_WORD.fullmatch(word) for word in names):
        return False
    if part.lower().startswith(LIBRARIES):
        return True
    short = not capitalised
    return (names[0][0].isupper() or (short and len(names[0]) <= 3)) and all(
        word[0].isupper() or word.lower() in PARTICLES or (short and len(word) <= 3) for word in names[1:])
