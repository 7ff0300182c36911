"""The news agencies a byline may credit by name alone, folded (str.casefold): capture's byline guess keeps such a
name as it keeps a person's (capture/bylines.py), and the site's JSON-LD calls it an Organization, not a Person
(plan/authors.py). One list for both, so a byline `--add` guesses is the author the site describes. Pure."""

from __future__ import annotations

# (the wires capture/outlets.py knows by their domains, and agencies credited alone; an acronym in capitals, EFE or
# ANSA, both read as an agency anyway)
NEWS_AGENCIES = frozenset({"reuters", "ap", "associated press", "afp", "agence france-presse", "dpa", "kyodo",
                           "xinhua", "yonhap", "anadolu", "efe", "ansa", "upi", "bloomberg"})
