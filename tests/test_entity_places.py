"""Where an article names each entity (dossier/core/analyse/entity_places.py): what an entity page shows of
each article, computed once per article with its mentions."""

from __future__ import annotations

import re

from dossier.core.analyse.entity_places import Place, Sentence, article_places
from dossier.core.analyse.mentions import Mention, sentence_spans

TEXT = "Ana Lind met Bo Berg in Rome. Later Lind left. Berg stayed in Rome with Lind."


def mention(name: str, entity: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(name, start + 1)
    return Mention(start, start + len(name), entity, name)


def found() -> tuple[Mention, ...]:
    ms = [mention("Ana Lind", "lind"), mention("Bo Berg", "berg"), mention("Rome", "rome"),
          mention("Lind", "lind", 1), mention("Berg", "berg", 1), mention("Rome", "rome", 1),
          mention("Lind", "lind", 2)]
    return tuple(sorted(ms, key=lambda m: m.start))


def test_each_entity_gets_its_names_as_written_and_the_sentences_that_hold_them_in_first_mention_order():
    places = article_places("a", TEXT, found(), sentence_spans(TEXT))
    assert list(places) == ["lind", "berg", "rome"]
    lind = places["lind"]
    assert lind == Place("a", ("Ana Lind", "Lind", "Lind"), (
        Sentence(0, 1, "Ana Lind met Bo Berg in Rome.", ((0, 8),), "ltr"),
        Sentence(3, 1, "Later Lind left.", ((6, 10),), "ltr"),
        Sentence(6, 1, "Berg stayed in Rome with Lind.", ((25, 29),), "ltr"),
    ), ("ltr", "ltr", "ltr"))
    # a sentence's `first` is the index of the article's first mention of the entity in it (link #m-<first+1>)
    assert [s.first for s in places["berg"].sentences] == [1, 4]
    assert places["rome"].surfaces == ("Rome", "Rome")


def test_two_mentions_in_one_sentence_are_one_sentence_with_two_marks():
    text = "Lind and Lind again. Then nothing."
    ms = (Mention(0, 4, "lind", "Lind"), Mention(9, 13, "lind", "Lind"))
    (place,) = article_places("b", text, ms, sentence_spans(text)).values()
    assert place.sentences == (Sentence(0, 2, "Lind and Lind again.", ((0, 4), (9, 13)), "ltr"),)


def test_a_mention_across_a_sentence_boundary_gets_the_sentence_around_it():
    text = "He met Dr. Lind. Then left."
    start = text.index("Dr. Lind")
    ms = (Mention(start, start + len("Dr. Lind"), "lind", "Dr. Lind"),)
    spans = ((0, 10), (11, 16), (17, len(text)))  # sentences cut inside the name (what sentence_around avoids)
    (place,) = article_places("c", text, ms, spans).values()
    (sentence,) = place.sentences
    assert "Dr. Lind" in sentence.text
    assert sentence.text[slice(*sentence.marks[0])] == "Dr. Lind"


def test_an_article_that_names_no_one_has_no_places():
    assert article_places("d", "Nothing here.", (), ()) == {}


def test_each_mention_and_sentence_has_the_direction_of_its_paragraph_not_of_its_first_letter():
    """As a quote shown away from its article (interface.quote_dir), by the paragraph's first letter of a direction,
    as the article page lays it out: the entity page writes it as their `dir`."""
    text = ("ההודעה פורסמה היום. Hamas אמר כי לא יקבל את ההצעה.\n\n"
            "Hamas said no. חמאס אמר לא.\n\n«2024»: חמאס")
    ms = tuple(Mention(m.start(), m.end(), "hamas", m.group()) for m in re.finditer("Hamas|חמאס", text))
    (place,) = article_places("a", text, ms, sentence_spans(text)).values()
    assert place.surfaces == ("Hamas", "Hamas", "חמאס", "חמאס")
    assert place.directions == ("rtl", "ltr", "ltr", "rtl")
    assert [(s.text, s.direction) for s in place.sentences] == [
        ("Hamas אמר כי לא יקבל את ההצעה.", "rtl"), ("Hamas said no.", "ltr"), ("חמאס אמר לא.", "ltr"),
        ("«2024»: חמאס", "rtl")]
