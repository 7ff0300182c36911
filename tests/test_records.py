"""`record` (dossier/core/common/records.py): frozen dataclasses with slots, pickled as the call that makes them."""

from __future__ import annotations

import copy
import inspect
import dataclasses
import pickle

import pytest

from dossier.core.common.records import frozen, record


@record
class Mark:
    """Mark."""
    id: str
    start: int
    end: int = 0
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)


@record
class Lone:
    """Lone."""
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
        """Stamped."""
        text: str
        made: str = dataclasses.field(default="", init=False)

    class Named:
        """Named."""
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


def _twins(**options):
    """The same class made by dataclass(frozen=True) and by `frozen` (or `record`)."""
    def body():
        class Quote:
            """Quote."""
            id: str
            start: int
            end: int = 0
            note: str = dataclasses.field(default="", compare=False)
            secret: str = dataclasses.field(default="", repr=False)
            weight: int = dataclasses.field(default=0, hash=False)
        return Quote
    return dataclasses.dataclass(frozen=True)(body()), options.get("make", frozen)(body())


@pytest.mark.parametrize("make", [frozen, record], ids=["frozen", "record"])
def test_frozen_and_record_compare_hash_and_show_as_a_frozen_dataclass_does(make):
    plain, made = _twins(make=make)
    values = [("a", 1), ("a", 1, 2), ("a", 1, 2, "note"), ("a", 1, 2, "", "s"), ("a", 1, 2, "", "", 7), ("b", 1),
              ("a", 2)]
    for left in values:
        assert repr(made(*left)) == repr(plain(*left))  # `Quote(id='a', start=1, end=0, note='', weight=0)`
        assert hash(made(*left)) == hash(plain(*left))
        for right in values:
            assert (made(*left) == made(*right)) == (plain(*left) == plain(*right)), (left, right)
            assert (made(*left) != made(*right)) == (plain(*left) != plain(*right)), (left, right)
    assert made("a", 1) != plain("a", 1) and made("a", 1) != ("a", 1, 0)  # another class is never equal
    assert made("a", 1).__eq__(("a", 1, 0)) is NotImplemented
    assert dataclasses.is_dataclass(made) and made.__eq__.__qualname__ == f"{made.__qualname__}.__eq__"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made("a", 1).start = 2  # type: ignore[misc]
    assert {made("a", 1, 2, "x"), made("a", 1, 2, "y")} == {made("a", 1, 2)}  # (a field not compared: one value)
    assert dataclasses.replace(made("a", 1), end=5) == made("a", 1, 5)
    assert copy.deepcopy(made("a", 1, 2, "n")) == made("a", 1, 2, "n")


def test_frozen_refuses_a_class_that_compares_or_shows_itself():
    class Own:
        """Own."""
        text: str

        def __eq__(self, other: object) -> bool:
            return True

    with pytest.raises(TypeError, match="Own defines __eq__, __hash__: decorate it with dataclass"):
        frozen(Own)


def test_the_builds_frozen_values_are_made_by_frozen():
    # (their __eq__ a closure, not dataclass's compiled one: half the compiling at every build's start)
    from dossier.core.load.model import ArticleMeta, Entity
    from dossier.core.load.inputs import Inputs

    for cls in (ArticleMeta, Entity, Inputs):
        assert cls.__eq__.__code__ is frozen(type("Probe", (), {"__annotations__": {"x": "int"}})).__eq__.__code__, cls


@pytest.mark.parametrize("make", [frozen, record], ids=["frozen", "record"])
def test_a_class_of_one_field_compares_and_hashes_the_tuple_of_it_as_dataclass_does(make):
    def body():
        class One:
            """One."""
            value: float
        return One
    plain, made = dataclasses.dataclass(frozen=True)(body()), make(body())
    nan = float("nan")
    assert hash(made(5.0)) == hash(plain(5.0)) == hash((5.0,))  # (the tuple's hash, not the value's)
    assert (made(nan) == made(nan)) == (plain(nan) == plain(nan)) is True  # (a tuple compares by identity first)
    assert made(float("nan")) != made(float("nan")) and repr(made(1.5)) == repr(plain(1.5))


def test_frozen_classes_of_no_field_and_of_fields_hashed_but_not_compared_agree_with_dataclass():
    def empty():
        class Nothing:
            """Nothing."""
            pass
        return Nothing

    def hashed():
        class Keyed:
            """Keyed."""
            a: int
            b: int = dataclasses.field(default=0, compare=False, hash=True)
        return Keyed

    for body, values in ((empty, [()]), (hashed, [(1,), (1, 2), (2, 2)])):
        plain, made = dataclasses.dataclass(frozen=True)(body()), frozen(body())
        for left in values:
            assert hash(made(*left)) == hash(plain(*left)) and repr(made(*left)) == repr(plain(*left))
            for right in values:
                assert (made(*left) == made(*right)) == (plain(*left) == plain(*right))


def _made_both_ways(body, make=frozen):
    """`body()`'s class made by dataclass(frozen=True) and by `make`."""
    return dataclasses.dataclass(frozen=True)(body()), make(body())


def _outcome(cls, args, kwargs):
    """The fields' values a call makes, or the exception it raises (its type and message)."""
    try:
        value = cls(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - compared between the two classes
        return type(exc), str(exc).replace(cls.__qualname__, "Q")
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("make", [frozen, record], ids=["frozen", "record"])
def test_frozen_and_record_are_made_as_a_frozen_dataclass_is(make):
    """`frozen` and `record` compile their own __init__ (at its first call): the same arguments give the same
    fields, or the same error, as dataclass's; the same signature once made."""
    def body():
        class Quote:
            """Quote."""
            id: str
            start: int
            end: int = 0
            tags: list = dataclasses.field(default_factory=list)
            if make is frozen:  # (a record's fields are all positional)
                mode: str = dataclasses.field(default="x", kw_only=True)
        return Quote
    plain, made = _made_both_ways(body, make)
    mode = ", *, mode: 'str' = 'x'" if make is frozen else ""
    calls = [((), {}), (("a",), {}), (("a", 1), {}), (("a", 1, 2), {}), (("a", 1, 2, ["t"]), {}),
             (("a", 1, 2, [], "m"), {}), (("a",), {"start": 3, "mode": "y"}), ((), {"id": "a", "start": 1, "end": 4}),
             (("a", 1), {"id": "b"}), (("a", 1), {"other": 1}), (("a", 1), {"tags": None})]
    for args, kwargs in calls:
        assert _outcome(made, args, kwargs) == _outcome(plain, args, kwargs), (args, kwargs)
    first, second = made("a", 1), made("a", 1)
    assert first.tags == [] and first.tags is not second.tags  # (a new list from the factory each time)
    assert str(inspect.signature(made)) == str(inspect.signature(plain)) == \
        f"(id: 'str', start: 'int', end: 'int' = 0, tags: 'list' = <factory>{mode}) -> None"
    for name in ("start", "elsewhere"):  # (a field, and a name that is none: both refused, as dataclass does)
        for target in (made("a", 1), plain("a", 1)):
            with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to field '{name}'"):
                setattr(target, name, 2)
            with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot delete field '{name}'"):
                delattr(target, name)
    assert made.__dataclass_params__.frozen and made.__init__.__qualname__ == f"{made.__qualname__}.__init__"


def test_frozen_sets_what_dataclass_sets_of_fields_it_does_not_take_and_calls_post_init():
    def body():
        class Stamped:
            """Stamped."""
            text: str
            made: str = dataclasses.field(default="", init=False)
            seen: list = dataclasses.field(default_factory=list, init=False)

            def __post_init__(self) -> None:
                self.seen.append(self.text)
        return Stamped
    plain, made = _made_both_ways(body)
    for cls in (plain, made):
        value = cls("t")
        assert (value.text, value.made, value.seen) == ("t", "", ["t"]) and "made" not in vars(value)
        with pytest.raises(TypeError):
            cls("t", "m")
    assert str(inspect.signature(made("t").__class__)) == str(inspect.signature(plain)) == "(text: 'str') -> None"


def test_frozen_lets_a_subclass_that_is_no_dataclass_have_attributes_of_its_own_as_dataclass_does():
    def body():
        class Base:
            """Base."""
            a: int
        return Base
    for cls in _made_both_ways(body):
        child = type("Child", (cls,), {})(1)
        child.extra = 2
        assert (child.a, child.extra) == (1, 2)
        with pytest.raises(dataclasses.FrozenInstanceError):
            child.a = 3


def test_frozen_refuses_a_default_before_a_field_without_one_as_dataclass_does():
    class Late:
        """Late."""
        a: int = 0
        b: int

    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        frozen(Late)


def test_what_frozen_would_make_otherwise_than_dataclass_is_made_by_dataclass():
    """A class with no docstring (dataclass writes one from its signature), a dataclass base (the frozen inherit
    only from the frozen), its own __init__ (dataclass keeps it) or an InitVar: made by dataclass itself, and
    so the same as a frozen dataclass."""
    def bodies():
        class Bare:
            a: int
            b: str = "x"

        class Own:
            """Own."""
            a: int

            def __init__(self, x: int) -> None:
                object.__setattr__(self, "a", x * 10)

        class Initial:
            """Initial."""
            a: int
            start: dataclasses.InitVar[int] = 0

            def __post_init__(self, start: int) -> None:
                object.__setattr__(self, "a", self.a + start)
        return Bare, Own, Initial

    plain, made = [dataclasses.dataclass(frozen=True)(cls) for cls in bodies()], [frozen(cls) for cls in bodies()]
    assert made[0].__doc__ == plain[0].__doc__ == "Bare(a: 'int', b: 'str' = 'x')"
    assert made[1](2).a == plain[1](2).a == 20
    assert made[2](1, 5).a == plain[2](1, 5).a == 6
    base = frozen(bodies()[1])

    class Sub(base):
        """Sub."""
        c: int = 0

    sub = frozen(Sub)  # (its __init__ is dataclass's, of both fields, as for any dataclass)
    assert (sub(3, 1).a, sub(3, 1).c) == (3, 1) and [f.name for f in dataclasses.fields(sub)] == ["a", "c"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        sub(3).a = 1
