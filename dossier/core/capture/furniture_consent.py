"""A site's cookie or consent notice that the extractor keeps with an article, for furniture.py: DW's "Nous
utilisons des cookies pour améliorer l'offre que nous vous proposons. Vous trouverez davantage d'informations dans
la déclaration sur la protection des données." in `<div class="cookie">`, its buttons "Plus d'informations" and
"Ok" beside it (a review found it the second line of a seed).

A notice goes on the evidence of the page, never on its words alone: a small element that the page calls a
cookie, consent or GDPR notice (its class or id: "cookie", "consent", "gdpr", "privacy-banner", a consent
platform's name), that is not the article's (an <article>, <main> or the element holding the article's text, or
one holding an <h1>: WordPress calls an article on the GDPR "tag-gdpr"), whose every line longer than a button's
label speaks of cookies, consent or privacy, and whose text says what such a notice says: that the site uses
cookies (or asks to accept them), and its privacy policy, data protection or the reader's consent. Then every
line that comes only from it goes. A recipe's "cookie sheet" and a story on privacy law stay: the words of a
notice in an element not called one, or an element called so ("cookie-recipe") that says no notice's words.

Pure: the page's blocks and the extracted lines in, the lines of a notice out.
"""

from __future__ import annotations

import re
from typing import Mapping

from .furniture_page import LABEL_WORDS, Block, Page

CONSENT = "a cookie or consent notice"
NOTICE_CHARS = 1500  # a notice holds no more text than this (a paragraph or two and its buttons)

# What a page calls its notice (the parts of a class or id: "cookie__text", "onetrust-banner-sdk",
# "CybotCookiebotDialog"): a word of its own, or "privacy" beside a banner's word ("privacy-banner")
NOTICE_CLASSES = frozenset({"cookie", "cookies", "consent", "gdpr", "cookiebanner", "cookienotice", "cookieconsent",
                            "cookiebar", "cookielaw", "onetrust", "optanon", "didomi", "cookiebot", "usercentrics"})
BANNER_CLASSES = frozenset({"banner", "notice", "bar", "popup", "overlay", "modal", "dialog", "message", "prompt",
                            "wall"})
_NOT_NOTICES = frozenset({"article", "main", "body", "html"})

# What a notice says, in the languages measured: the site's own voice ("we", "this website", "our partners") saying
# that it uses cookies, or a call to accept them; a story's "websites must say which partners use cookies" is none
_USE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|our partners)\b[^.!?]{0,40}?\b(?:use|uses|using|set|sets|store|"
    r"stores)\b[^.!?]{0,20}?\bcookies\b|\b(?:accept|allow|reject|decline) (?:all )?cookies\b|"
    r"\bour use of cookies\b|"
    r"\b(?:wir|diese (?:web)?seite|diese website)\b[^.!?]{0,40}?\b(?:verwenden|nutzen|setzen|verwendet|nutzt|setzt)\b"
    r"[^.!?]{0,30}?\bcookies\b|\bcookies (?:akzeptieren|zulassen|ablehnen)\b|"
    r"\b(?:nous utilisons|ce site utilise)\b[^.!?]{0,30}?\bcookies\b|"
    r"\b(?:accepter|refuser) (?:les |tous les )?cookies\b|"
    r"\b(?:utilizamos|usamos|este sitio(?: web)? (?:utiliza|usa)|este site (?:utiliza|usa))\b[^.!?]{0,30}?\bcookies\b|"
    r"\b(?:aceptar|aceitar) (?:las |todas las |os |todos os )?cookies\b|"
    r"\b(?:utilizziamo|usiamo|questo sito (?:utilizza|usa))\b[^.!?]{0,30}?\bcookies?\b|"
    r"\baccett\w* (?:i |tutti i )?cookie|"
    r"\b(?:używamy|wykorzystujemy|ta strona (?:używa|wykorzystuje))\b[^.!?]{0,30}?\bcookies?\b|"
    r"\b(?:wij gebruiken|we gebruiken|deze (?:web)?site gebruikt)\b[^.!?]{0,30}?\bcookies\b|"
    r"\b(?:cookies accepteren|accepteer (?:alle )?cookies)\b", re.I)
# ... and its privacy policy, the reader's data or their consent
_PRIVACY = re.compile(
    r"privacy|data protection|personal data|consent|tracking|personali[sz]e|cookie policy|datenschutz|einwillig|"
    r"protection des données|données personnelles|confidentialité|consentement|privacidad|datos personales|"
    r"consentimiento|privacidade|dados pessoais|consentimento|dati personali|consenso|prywatno|danych osobowych|"
    r"persoonsgegevens|toestemming|cookiebeleid|política de cookies|politique (?:de|relative aux) cookies", re.I)
# A line about cookies, consent or privacy (each of a notice's lines longer than a button's label)
_ABOUT = re.compile(r"cookie|consent|privacy|gdpr|data protection|tracking|datenschutz|einwillig|"
                    r"protection des données|confidentialité|privacidad|privacidade|consentimiento|consentimento|"
                    r"consenso|prywatno|persoonsgegevens|toestemming", re.I)


def _called_notice(words: frozenset[str]) -> bool:
    return bool(words & NOTICE_CLASSES) or ("privacy" in words and bool(words & BANNER_CLASSES))


def notice_boxes(page: Page) -> set[int]:
    """The keys of the elements of the page that are a cookie or consent notice (the module docstring)."""
    held: dict[int, list[Block]] = {}
    headed: set[int] = set()
    for block in page.blocks:
        for index, box in enumerate(block.around):
            if box.tag in _NOT_NOTICES or box.key == page.main or not _called_notice(box.words):
                continue
            held.setdefault(box.key, []).append(block)
            if any(inner.tag == "h1" or inner.key == page.main for inner in block.around[index:]):
                headed.add(box.key)
    found = set()
    for key, blocks in held.items():
        text = " ".join(block.text for block in blocks)
        if (key not in headed and page.size[key] <= NOTICE_CHARS and _USE.search(text) and _PRIVACY.search(text)
                and all(_ABOUT.search(block.text) for block in blocks if len(block.text.split()) > LABEL_WORDS)):
            found.add(key)
    return found


def notices(page: Page, lines: list[str], found: Mapping[int, str]) -> dict[int, str]:
    """Line index → what it is, for each line not already `found` that comes only from a notice's element."""
    boxes = notice_boxes(page)
    if not boxes:
        return {}
    return {index: CONSENT for index, line in enumerate(lines) if index not in found and line.strip()
            and page.every(index, lambda block: any(box.key in boxes for box in block.around))}
