"""The direction of a paragraph of article text, as the article page lays it out (static/dossier.css:
`.article-body p { unicode-bidi: plaintext }`): from its first letter of a direction. Wherever the site shows
words of an article away from its page (a comparison's column and heat map, a quote on a tag, entity or passages
page, the timeline, the report, an entity's sentences naming it and its names as written), they take the direction
of the paragraph they are in, so that an English sentence of a Hebrew article reads left to right there too
(reviews 69, 109). Here, where every layer may read it: the analysis digests it with each annotation's listing row
(analyse/library.py) and each place naming an entity (analyse/entity_places.py), the views write it
(plan/interface.py)."""

from __future__ import annotations

import unicodedata


def paragraph_direction(text: str, at: int) -> str:
    """The direction of the paragraph of `text` that holds `at` ("\n\n" between paragraphs), as the article page
    shows it (`unicode-bidi: plaintext`): "rtl" or "ltr" from its first letter of a direction, "" when it has none.
    A witness's column takes it: the first letter of what the column shows may be a word of the base's that the
    witness lacks (review 69); and so does a quote shown away from its article (interface.quote_dir)."""
    start = text.rfind("\n\n", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", start)
    for char in text[start:len(text) if end < 0 else end]:   # (islice walked the text from its start: 0.1 s a build)
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return ""
