"""`Packed` (dossier/core/common/packed.py): mention links and sentences stay pickled until a page reads them."""

from __future__ import annotations

import copy
import pickle

from dossier.core.analyse.entity_index import MentionLinks
from dossier.core.analyse.entity_places import Place, Sentence, article_places
from dossier.core.analyse.mentions import Mention
from dossier.core.common.packed import Packed
from dossier.core.plan.entity_views import entities_named, mention_stats
from dossier.core.text.markdown import LinkMark


def again(value):
    return pickle.loads(pickle.dumps(value, protocol=5))


def test_a_packed_sequence_read_back_stays_pickled_until_read():
    items = (("a", 1), ("b", 2), ("c", 3))
    value = again(Packed(items))
    assert not value.is_open()
    assert pickle.dumps(value, protocol=5) == pickle.dumps(Packed(items), protocol=5)  # (its pickle, as read)
    assert not value.is_open()
    assert len(value) == 3 and value.is_open()
    assert value == items and items == value and value == Packed(items) and hash(value) == hash(items)
    assert value[1] == ("b", 2) and value[1:] == items[1:] and list(value) == list(items) and ("c", 3) in value
    assert repr(value) == f"Packed({items!r})" and value != list(items) and Packed(()) == () and not Packed(())
    assert copy.deepcopy(value) == value and again(value) == value


def marks() -> tuple[LinkMark, ...]:
    return (LinkMark("m-1", 0, 4, "/entities/lind/", "lind", True),
            LinkMark("m-2", 9, 13, "/entities/berg/", "berg", True),
            LinkMark("m-3", 20, 24, "/entities/lind/", "lind", False))


def test_mention_links_give_their_entities_and_length_without_making_the_links():
    links = again(MentionLinks(marks(), "made-1"))
    assert links.entities == ("lind", "berg", "lind") and len(links) == 3 and links.digest == "made-1"
    assert entities_named(links) == ("lind", "berg", "lind")
    stats = mention_stats({"a": links, "b": again(MentionLinks(marks()[:1]))}, ["a", "b"])
    assert (stats["lind"].total, stats["lind"].where, stats["berg"].where) == (3, {"a": [0, 2], "b": [0]}, {"a": [1]})
    assert not links.is_open()
    assert links == marks() and links[2].id == "m-3" and links.is_open()
    assert again(links) == links and again(links).digest == "made-1" and not MentionLinks() and MentionLinks() == ()
    assert entities_named(list(marks())) == ["lind", "berg", "lind"]  # (plain mentions: read one by one)


def test_an_article_places_sentences_are_read_back_unread_and_equal():
    text = "Lind met Berg. Lind left."
    found = [Mention(0, 4, "lind", "Lind"), Mention(9, 13, "berg", "Berg"), Mention(15, 19, "lind", "Lind")]
    places = article_places("a", text, found, [(0, 14), (15, 25)], "made")
    back = again(places)
    assert not back["lind"].sentences.is_open()  # type: ignore[attr-defined]
    assert back == places and back["lind"].sentences == (Sentence(0, 1, "Lind met Berg.", ((0, 4),), "ltr"),
                                                          Sentence(2, 1, "Lind left.", ((0, 4),), "ltr"))
    assert back["lind"] == Place("a", ("Lind", "Lind"), tuple(back["lind"].sentences), ("ltr", "ltr")) \
        and back["lind"].digest
