"""A guess: a value, where it came from, and whether it can be presented as detected.

Every guesser (title, date, outlet) returns these, so the article stub can say in a comment where each value
came from and mark what is uncertain, and the accuracy test can check that no miss is presented as detected.
"""

from __future__ import annotations

import re
from ..common.records import frozen


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@frozen
class Guess:
    """Invariant: `where` is a short phrase ("from <meta property=\"og:title\">"); when `certain` is False,
    `doubt` says why in an editor's words; an empty `value` means nothing was found (then certain is False)."""

    value: str
    where: str
    certain: bool = True
    doubt: str = ""

    def comment(self) -> str:
        """The YAML comment for this value: where it came from, and the doubt when uncertain."""
        if not self.value:
            return f"not found: {self.doubt}" if self.doubt else "not found"
        return f"uncertain: {self.where}; {self.doubt}" if not self.certain else self.where


NOTHING = Guess("", "nothing found", False, "")


def one_line(text: str) -> str:
    """Text made safe for one YAML comment or one terminal line: whitespace collapsed, control characters
    dropped (a page title must not end a comment early or send escape sequences)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def squash(text: str) -> str:
    """Letters and digits only, lower-cased: for comparing names ("DW.COM" ~ "dw.com", "Salon.com" ~ "salon")."""
    return re.sub(r"[\W_]+", "", text.casefold())


# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar)
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """About how many words a text holds: its spaced words, and for scripts written without spaces one word
    for every two of their characters (a Chinese headline of 12 characters is one "word" by spaces; a Chinese
    article of 1,070 characters was "only 19 words", review 72)."""
    unspaced = len(_UNSPACED.findall(text))
    return len(_UNSPACED.sub("", text).split()) + (unspaced + 1) // 2
