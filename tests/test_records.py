"""`record` (dossier/core/common/records.py): frozen dataclasses with slots, pickled as the call that makes them."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from dossier.core.common.records import record


@record
class Mark:
    id: str
    start: int
    end: int = 0
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)


@record
class Lone:
    text: str


def test_a_record_is_a_frozen_dataclass_without_a_dict():
    mark = Mark("m-1", 3, 9)
    assert dataclasses.is_dataclass(mark) and not hasattr(mark, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mark.start = 4  # type: ignore[misc]
    assert Mark("m-1", 3, 9, ("x",)) == mark and dataclasses.replace(mark, end=10).end == 10


def test_a_record_is_pickled_as_a_function_of_its_class_called_with_its_fields():
    mark = Mark("m-1", 3, 9, ("a", "b"))
    maker, values = mark.__reduce__()
    assert values == ("m-1", 3, 9, ("a", "b")) and maker(*values) == mark and type(maker(*values)) is Mark
    assert maker is Mark._made_again and f"{maker.__module__}.{maker.__qualname__}" == f"{__name__}.Mark._made_again"
    assert Lone("x").__reduce__() == (Lone._made_again, ("x",)) and Lone._made_again("y") == Lone("y")
    assert b"Mark._made_again" in pickle.dumps(mark, protocol=5)  # (pickle finds the function on the class)
    for value in (mark, Lone("x"), [mark, mark]):
        again = pickle.loads(pickle.dumps(value, protocol=5))
        assert again == value and pickle.dumps(again, protocol=5) == pickle.dumps(value, protocol=5)
    assert pickle.loads(pickle.dumps(mark)).tags == ("a", "b")  # (a field not compared is kept too)
    assert copy.deepcopy(mark) == mark and copy.copy(mark) is not None
    pickle.dumps(mark, protocol=5)
    assert not hasattr(mark, "__dict__")  # pickling wrote nothing into it


def test_a_field_the_constructor_does_not_take_is_refused():
    class Stamped:
        text: str
        made: str = dataclasses.field(default="", init=False)

    class Named:
        text: str
        kind: str = dataclasses.field(default="", kw_only=True)

    for cls in (Stamped, Named):  # (neither could be made again from its fields in order)
        with pytest.raises(TypeError, match=f"{cls.__name__}: a record's fields are all given to its constructor"):
            record(cls)


def test_the_builds_most_numerous_values_are_records():
    # (about 240,000 of them at 1,000 articles: each a plain dataclass would take a __dict__ once pickled)
    from dossier.core.analyse.alignment import Op, Token
    from dossier.core.analyse.entity_places import Place, Sentence
    from dossier.core.analyse.placements import Placed
    from dossier.core.analyse.shared_passages import Occurrence, SharedPassage
    from dossier.core.load.cleaning import Dropped, Paragraph
    from dossier.core.load.model import Annotation, Origin
    from dossier.core.plan.page import Page
    from dossier.core.plan.passage_views import Span
    from dossier.core.text.article_marks import BadgeMark, LinkMark

    for cls in (Op, Token, Place, Sentence, Placed, Occurrence, SharedPassage, Dropped, Paragraph, Annotation, Span,
                Origin, Page, BadgeMark, LinkMark):
        assert dataclasses.is_dataclass(cls) and "__slots__" in vars(cls) and "__dict__" not in dir(cls), cls
        assert cls.__reduce__ is not object.__reduce__, cls
