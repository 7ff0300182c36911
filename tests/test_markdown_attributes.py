"""Editors' Markdown sets no HTML attribute (review 75): the `{…}` attribute syntax was on in notes, summaries
and descriptions, and set any attribute: `style`, `ping`, `download`, a second `id="main"`, a
`data-pagefind-meta` that sent a search result to another site. Only the article's own Markdown, whose marks
the build writes, keeps it."""

from __future__ import annotations

import re

from conftest import copy_of_default_dossier, run_build

HOSTILE = ('A1 [x](https://ok.example/){style="color:red" id="main" data-pagefind-meta="title:FAKE" '
           'ping="https://evil.example/p" download="evil.exe"} A2 [y]{#a-no-way-quote .sn-check '
           'data-pagefind-meta="url:https://evil.example/phish" title="spoof"}')


def test_attributes_written_in_a_note_or_a_summary_are_text_not_attributes(tmp_path):
    root = copy_of_default_dossier(tmp_path)
    article = root / "content" / "articles" / "jpost-go-it-alone.yaml"
    text = article.read_text("utf-8")
    start = text.index("  - id: tzahi-spelling")
    note = text.index("    note: >-", start)
    end = text.index("\n  - id:", note)
    article.write_text(text[:note] + f"    note: '{HOSTILE}'" + text[end:], "utf-8")
    entities = root / "content" / "entities.yaml"
    entities.write_text(re.sub(r"(?m)^  summary: US Secretary of State.*$", f"  summary: '{HOSTILE}'",
                               entities.read_text("utf-8"), count=1), "utf-8")
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    for page in ("articles/jpost-go-it-alone/index.html", "entities/antony-blinken/index.html"):
        html = (root / "_site" / page).read_text("utf-8")
        assert "A1" in html and "evil.example/p" in html  # (the words are shown, as text)
        for attribute in (' style="', ' ping="', ' download="', ' data-pagefind-meta="title:FAKE', ' data-pagefind-meta="url:',
                          ' title="spoof"'):
            assert attribute not in html, (page, attribute)
        assert html.count('id="main"') == 1 and len(re.findall(r'id="a-no-way-quote"', html)) <= 1
    md = (root / "_site" / "articles" / "jpost-go-it-alone.md").read_text("utf-8")
    assert "\\{style=" in md  # (the .md's footnote: read by the article's parser, the braces stay text)
