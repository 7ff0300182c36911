"""A template's `{{ value }}` is escaped as Jinja's own autoescaping does it, without a Markup made for each text
(dossier/core/execute/render.py: its templates output through a plain-str escape)."""

from __future__ import annotations

import jinja2
import markupsafe
from hypothesis import given, settings, strategies as st
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dossier.core.execute.render import Renderer

# Every place Jinja's code escapes an output: a page's own text, a block of an extended template, a `set` block,
# a `filter` block, a macro and a `call` block's caller, a loop, a `~` join; values of every kind.
TEMPLATES = {
    "base.html": "<title>{% block title %}{{ text }}{% endblock %}</title>{% block body %}{% endblock %}",
    "page.html": (
        "{% extends 'base.html' %}{% block body %}<p>{{ text }}</p><p>{{ safe }}</p>{{ number }}{{ missing_ok }}"
        "{% set kept %}<b>{{ text }}</b>{% endset %}{{ kept }}|{{ kept|length }}"
        "{% filter upper %}{{ text }}{% endfilter %}"
        "{% macro wrap(v) %}<u>{{ v }}</u>{% endmacro %}{{ wrap(text) }}"
        "{% macro boxed(v) %}<s>{{ v }}{{ caller() }}</s>{% endmacro %}"
        "{% call boxed(safe) %}<i>{{ text }}</i>{% endcall %}"
        "{% for t in texts %}[{{ t }}|{{ t ~ text }}]{% endfor %}{{ text ~ safe }}{{ (text ~ safe)|length }}"
        "{% endblock %}"),
}


def _jinja(view: dict[str, object]) -> str:
    """The page as Jinja renders it with its own escape (the same environment settings)."""
    env = ImmutableSandboxedEnvironment(loader=jinja2.DictLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                        autoescape=True, keep_trailing_newline=True, trim_blocks=True,
                                        lstrip_blocks=True)
    return env.get_template("page.html").render(**view)


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=150, deadline=None)
@given(text=texts, texts=st.lists(texts, max_size=3), number=st.integers() | st.floats(allow_nan=False) | st.none(),
       safe=texts)
def test_a_page_is_escaped_as_jinja_escapes_it(text: str, texts: list[str], number: object, safe: str) -> None:
    view = {"text": text, "texts": texts, "number": number, "safe": markupsafe.Markup(safe), "missing_ok": ""}
    body, problems = Renderer(TEMPLATES).render("page.html", view, "page.html")
    assert problems == ()
    assert body.decode("utf-8") == _jinja(view)


def test_a_text_output_makes_no_markup(monkeypatch) -> None:
    """Each `{{ text }}` gave a Markup (a Python `__new__` call, 1.8 million in a cold build of 1,000 articles);
    the page is made of the escaped texts alone. (A Markup value still goes through markupsafe.escape.)"""
    made = []
    real = markupsafe.Markup.__new__

    def counting(cls, *args, **kwargs):
        made.append(args[:1])
        return real(cls, *args, **kwargs)

    renderer = Renderer({"p.html": "{% for t in texts %}<li>{{ t }}</li>{% endfor %}"})
    renderer.compile(["p.html"])
    monkeypatch.setattr(markupsafe.Markup, "__new__", counting)
    body, _ = renderer.render("p.html", {"texts": ["a < b", "c & d", "plain"] * 10}, "p.html")
    assert body.count(b"<li>") == 30 and b"a &lt; b" in body and b"c &amp; d" in body
    assert made == []
