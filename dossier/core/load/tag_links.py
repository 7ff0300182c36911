"""A link to a tag's page, checked against the tags the annotations list (references.py). Pure.

`tag:<name>` names a tag as written or its page's name (`tag:aux` and `tag:aux-321f6814` both lead to the page of
the tag "aux", resolved by urls.Urls.tag); a site path, /tags/<name>/, is a page's name itself, which the built
site has or not. So a path is checked as the page it names: /tags/aux/ is no page (the tag "aux" has its page at
/tags/aux-…/, slugs.tag_page, as "Über" has /tags/uber/ and no /tags/Über/), and taking it for the tag's
would pass the link here and leave it broken in the site (review of the windows-name change, item 1).
"""

from __future__ import annotations

from typing import Any

from ..common.errors import did_you_mean
from ..common.slugs import tag_page


def tag_named(ident: str, known: Any, as_path: bool) -> tuple[str, str] | None:
    """(message, hint) when `tag:ident` (`as_path`: /tags/ident/) names no tag's page; None when it names one.
    `known`: references.Names."""
    if (ident if as_path else tag_page(ident)) in known.tags:
        return None
    if as_path and tag_page(ident) in known.tags:  # (a tag whose page is named otherwise: "aux", a device's name)
        return (f"no tag's page is /tags/{ident}/: the tag \"{ident}\" has its page at /tags/{tag_page(ident)}/",
                f"write tag:{ident}, which links to it")
    hint = did_you_mean(ident, known.tags) or "a tag exists once an annotation lists it under tags:"
    if known.unread:  # (said all the same, review 73: one misspelt key hid every unknown tag of the dossier)
        hint += f"; the annotations of {', '.join(sorted(known.unread))} were not read (a misspelt key) and may list it"
    return f'no annotation has the tag "{ident}"', hint
