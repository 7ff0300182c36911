"""A link from /passages/ into an article opens it at the passage: every term of its text fragment is words the
article page shows side by side. The page puts a note's number after the annotation's last word or, when that
word is inside an entity's mention, after the mention (a link holds no note): a term running across that place
was found nowhere, and the link opened the article at its top (review 141: "…,Agency counted" where note 6
followed "Votorlo Health Agency")."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from conftest import run_build

SHARED = ("Two drivers published their ultimatum after another charter earlier this year, while the Votorlo "
          "Health Agency counted")  # (then each article goes on its own way: the passage ends with "counted")
ARTICLE = """\
seed: {slug}.txt
title: Story {slug}
source: {source}
date: 2024-03-2{day}
annotations:
{annotations}"""
NOTE = """\
  - id: {id}
    quote: "{quote}"
    kind: claim
    note: The article does not name its source for this.
"""
ENTITIES = """\
votorlo-health-agency:
  name: Votorlo Health Agency
  kind: organisation
  aliases: [Votorlo Health Agency]
"""


class _Text(HTMLParser):
    """The text of an HTML page's <main>, as the DOM's textContent joins it (every element's words, hidden or
    not), whitespace runs made one space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "main"

    def handle_endtag(self, tag):
        self.depth -= tag == "main"

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def shown(page: str) -> str:
    reader = _Text()
    reader.feed(page)
    return " ".join("".join(reader.parts).split())


def fragments_into(site: Path, slug: str) -> list[list[str]]:
    """The terms of each text fragment the passages' pages link into `slug`'s page with."""
    found = [term for page in sorted(site.glob("passages/*/index.html"))
             for term in re.findall(rf'href="/articles/{slug}/#:~:text=([^"]+)"', page.read_text("utf-8"))]
    return [[unquote(term) for term in directive.split(",")] for directive in found]


def test_a_passage_link_never_runs_a_term_across_a_note_number_put_after_a_mention(mini_dossier) -> None:
    # the note's quote ends inside the mention "Votorlo Health Agency": its number follows "Agency"
    cut = NOTE.format(id="cut-mention", quote="charter earlier this year, while the Votorlo Health")
    root = mini_dossier({
        "seeds/a.txt": f"Story A\n\nThe port reopened on Monday.\n\n{SHARED} 6,538 tonnes of grain near the port.\n",
        "seeds/b.txt": f"Story B\n\nRain fell all week.\n\n{SHARED} sheep on the hills at dawn.\n",
        "content/articles/a.yaml": ARTICLE.format(slug="a", source="outlet-a", day=1, annotations=cut),
        "content/articles/b.yaml": ARTICLE.format(slug="b", source="outlet-b", day=2, annotations=NOTE.format(
            id="rain", quote="Rain fell all week.")),
        "content/entities.yaml": ENTITIES,
    })
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stderr
    article = (root / "_site/articles/a/index.html").read_text("utf-8")
    # (the note's number follows the mention)
    assert re.search(r"Votorlo Health</span> Agency</a><span class=\"sn\">", article)
    text = shown(article)
    links = fragments_into(root / "_site", "a")
    assert links, "no passage links into the article"
    for terms in links:
        for term in terms:
            assert " ".join(term.split()) in text, (term, terms)
