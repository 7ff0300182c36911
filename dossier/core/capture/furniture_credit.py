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
    """A lone credit names people or agencies, each by the caption rule's name check (`_name`), a year or a "©"
    aside ("Keystone/Peter Klaunzer", "© 2019 Science X Network"): "Foto: Polizei sucht Zeugen", "Credit: Fitch
    downgrades US" or a headline in capitals ("Photo: Biden Meets Xi In Bali") are an intertitle, and stay."""
    text = re.sub(r"©|\(c\)|\b(?:19|20)\d\d\b", " ", credit.strip(" ()[]."), flags=re.I)
    parts = [part.strip(" ,.") for part in re.split(r"\s*[/|,;]\s*|\s+via\s+", text) if part.strip(" ,.")]
    return bool(parts) and all(_name(part, capitalised=False) and len(part.split()) <= 4 and
                               not {word.casefold() for word in part.split()[1:]} & _NOT_NAMES for part in parts)


# Words a headline in capitals holds and a name does not ("Biden Meets Xi In Bali")
_NOT_NAMES = frozenset({"in", "on", "at", "to", "for", "of", "with", "after", "over", "as", "is", "are", "from",
                        "into", "im", "am", "zum", "zur", "mit", "für", "nach", "sur", "pour", "avec", "en", "con"})


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
