"""The id meant by a reference written as a name (dossier/core/load/id_hints.py)."""

from __future__ import annotations

import pytest

from dossier.core.common.errors import error
from dossier.core.load.id_hints import meant, with_id_hints
from dossier.core.load.model import Dossier, Entity, Origin, Source

KNOWN = {"jerusalem-post": "jerusalem-post", "the jerusalem post": "jerusalem-post", "ap": "ap",
         "associated press": "ap", "rafah-rift": "rafah-rift", "story-0002": "story-0002"}


@pytest.mark.parametrize("value, ident", [
    ("The Jerusalem Post", "jerusalem-post"),        # its name, in any case
    ("Jerusalem-Post", "jerusalem-post"),            # the id in capitals
    ("jerusalem_post", "jerusalem-post"),            # written with an underscore
    ("jerusalem-post.yaml", "jerusalem-post"),       # a file name
    ("Associated Press", "ap"),
    ("Jerusalem Posts", "jerusalem-post"),           # close to a name
    ("Reuters", ""),                                 # nothing like it
    ("Rafah Rift 2", ""),                            # another article's, not a slip for "rafah-rift"
    ("Story 0003", ""),                              # another number
    ("Asociated Press", "ap"),                       # a letter left out of a name
])
def test_meant_finds_the_id_by_its_form_its_name_or_the_closest(value: str, ident: str) -> None:
    assert meant(value, KNOWN) == ident


def test_the_hint_of_a_reference_of_the_wrong_form_names_the_id_only_for_references() -> None:
    at = Origin("content/entities.yaml", 1, 1)
    blinken = Entity("antony-blinken", "Antony Blinken", "person", at, aliases=("Blinken",))
    dossier = Dossier(config=None, sources=(Source("jerusalem-post", "The Jerusalem Post"),),  # type: ignore[arg-type]
                      articles=(), entities=(blinken,), comparisons=())
    problems = [error("content/articles/a.yaml", 4, 9, '"The Jerusalem Post" does not have the expected form '
                      "(at source)", "use lower-case letters", "schema-form"),
                error("content/articles/a.yaml", 9, 14, '"Blinken" does not have the expected form '
                      "(at annotations[2].entities[0])", "use lower-case letters", "schema-form"),
                error("content/articles/a.yaml", 2, 7, '"Bad Slug" does not have the expected form (at slug)',
                      "use lower-case letters", "schema-form"),
                error("content/articles/a.yaml", 3, 7, "something else", "x", "schema-type")]
    hinted = with_id_hints(problems, dossier)
    assert hinted[0].hint == 'did you mean "jerusalem-post"? write an outlet\'s id (a key of content/sources.yaml)'
    assert hinted[1].hint.startswith('did you mean "antony-blinken"? write an entity\'s id')
    assert hinted[2:] == problems[2:]
