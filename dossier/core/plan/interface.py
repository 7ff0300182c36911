"""The site's own words on a site in another language: marked as English (review 69).

The site's own words (navigation, headings, labels, buttons, counts, the notes' numbers and names, the badges,
the report's headings, the words of a role's dates) are English whatever the dossier's `language`. On a site in
another language they stood in pages marked with that language (`<html lang="he">`), so a screen reader read
"Skip to content" with a Hebrew or Arabic voice, and in a right-to-left page bidi moved their punctuation and
numbers ("(4 sentences)", "Tag:"). So each of them is marked English, and nothing else changes: the words are
not translated (no dossier ships translations; an untranslated word would have to be marked so anyway), and
what the dossier says in its own language (titles, names, notes, outlets) keeps the site's. An English site gets
none of this markup: its pages are byte for byte what they were.

The marks templates write, `ui_attr`, `ui_open` and `ui_close` in every page's view model (views.common; also
as the mapping `ui`), each empty on an English site; plain names, which render without the sandbox's lookup of an
attribute (223 of them in the project's templates: ~10 ms of the repo's dossier's cold build):
- `ui_attr`, ` lang="en"`: on an element all of whose words are the site's (a heading, a table's header cell, a
  button, a navigation). Its attributes (aria-label, title) are in its language too, so they are covered; the
  element keeps the page's direction, so it stays in place in a right-to-left layout.
- `ui_open` … `ui_close`: around the site's words beside the dossier's (a count after a date, "Quotes
  attributed to" before a name) or a sentence of them: a span, in a right-to-left site isolated left to right
  (`dir="ltr"`), so that its punctuation and numbers stay in English order while the page around it is laid
  out right to left.
An attribute of an element holding the dossier's words cannot be marked so: it names the element by an English
element instead (aria-labelledby, `english_body` below), or is left out (the search box's placeholder: the
"Search" button beside it says the same, its label names the box).
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

from ..common.direction import paragraph_direction
from ..load.language import primary, text_direction
from ..text.article_html import BADGE_ABOUT

ENGLISH = "en"
# What the site says of a quote matched only approximately (anchor-fuzzy), in an article's note, a comparison's
# column and the W3C export: a reader of a fact-check must not take the words shown for the ones the editors quoted.
APPROXIMATE = "Approximate match: the quote as the editors wrote it differs from the text."
_NONE = Markup("")


def is_english(language: str) -> bool:
    """Whether the site's words are in the site's `language` (any English: "en", "en-GB")."""
    return primary(language or ENGLISH) == ENGLISH


def article_marks(language: str, site_language: str) -> dict[str, str]:
    """The marks of an article's own words (its title, its quotes, its sentences) wherever a page of the site
    shows them (WCAG 3.1.2): `lang`, the article's `language` (its file's, "" when it gives none) where it is
    another than the site's `site_language`, else "" (so an English site's pages of English articles stay as they
    were); and `dir`, its direction where that is another than the site's, else "", for words that stand among
    the site's in a line (a Hebrew title on an English site), which it isolates in their own direction."""
    if not language or language.lower() == site_language.lower():
        return {"lang": "", "dir": ""}
    direction = text_direction(language)
    return {"lang": language, "dir": direction if direction != text_direction(site_language) else ""}


def site_relative(direction: str, site_language: str) -> str:
    """`direction` ("ltr", "rtl" or "" for none) as a `dir` to write among the site's words: "" where it is the
    site's own (the page's), which the words then take anyway."""
    return direction if direction and direction != text_direction(site_language) else ""


def quote_dir(text: str, start: int, site_language: str) -> str:
    """The `dir` of an article's quote at text[start:] wherever a page of the site shows it away from its article
    (tag, entity, passages, timeline and report pages): its paragraph's direction in the article
    (direction.paragraph_direction: the article page lays each paragraph out by its first letter), not the
    article's (an English sentence of a Hebrew article reads left to right on its page); "" where that is the
    site's own, as `article_marks` writes none. The quote's `lang` stays its article's (`article_marks`). Where
    that direction is found already (a heat map's base, compare_view; an entity's sentences naming it and its
    names as written, analyse/entity_places.py), `site_relative` of it is the same."""
    return site_relative(paragraph_direction(text, start), site_language)


def ui_marks(language: str) -> dict[str, Markup]:
    """The marks of the site's words on a site in `language` (see the module's docstring)."""
    if is_english(language):
        return {"attr": _NONE, "open": _NONE, "close": _NONE}
    ltr = ' dir="ltr"' if text_direction(language) == "rtl" else ""
    return {"attr": Markup(' lang="en"'), "open": Markup(f'<span lang="en"{ltr}>'), "close": Markup("</span>")}


# The site's words in an article's body (text/markdown.py sidenote_ref, views.sidenote_html, the badges of
# analyse/witnesses.py, the endnotes' name): each opened by markup of ours alone (seed and note text is escaped).
_WHOLE = ('<a class="sn-num" ', '<span class="sn-kind"', '<a class="sn-source" ', '<span class="sn-approx"',
          '<input type="checkbox" class="sn-check" ')
_TOGGLE = re.compile(r'<label class="sn-toggle" for="sn-([^"]+)">'
                     r'<span class="visually-hidden sn-said">')
_NOTE_NAME = re.compile(r'(<span class="sidenote" id="n-([^"]+)" role="note") aria-label="Note \d+"')
_BADGE = ' class="badge">'
_ENDNOTES = ' aria-label="Notes" data-pagefind-ignore="all">\n'


def english_body(body: str, language: str = "") -> str:
    """An article body's HTML with the site's own words in it marked English, for a site in `language`, another
    one: `lang="en"` on the note numbers' toggles (their "Note 3") and checkboxes ("Show note 3"), permalinks,
    kinds, "at the source" links, the notes' "Approximate match" lines and the badges, and the site's language
    on what a badge says it is about (a comparison's title, the editors' words); a note, whose words are the
    editors', is named by its English toggle (aria-labelledby) rather than by an aria-label in the site's
    language; and the print-only endnotes by an English hidden name."""
    for opening in _WHOLE:
        body = body.replace(opening, f'{opening.rstrip()} lang="en"' + (" " if opening.endswith(" ") else ""))
    # (the note is named by its number's hidden words, which are there, hidden, on a phone: a name taken from an
    # element hidden itself is still given, one from the hidden words inside a label shown would not be)
    body = _TOGGLE.sub(r'<label class="sn-toggle" lang="en" for="sn-\1">'
                       r'<span class="visually-hidden sn-said" id="snl-\1">', body)
    body = _NOTE_NAME.sub(r'\1 aria-labelledby="snl-\2"', body)
    body = body.replace(_BADGE, ' class="badge" lang="en">')
    if language:
        body = body.replace(BADGE_ABOUT, f'{BADGE_ABOUT[:-1]} lang="{escape(language)}">')
    return body.replace(_ENDNOTES, ' aria-labelledby="endnotes-name" data-pagefind-ignore="all">\n'
                                   '<span hidden id="endnotes-name" lang="en">Notes</span>\n', 1)
